import { dangerSuite, findings, sql } from './cases.js'

dangerSuite('truncate-cascade', { bad: [sql('TRUNCATE users CASCADE;')], good: [sql('TRUNCATE users;')] })

test('recipe names the table', async () => {
  const [f] = await findings(sql('TRUNCATE users CASCADE;'))
  expect(f.hint).toContain('TRUNCATE users;')
})
