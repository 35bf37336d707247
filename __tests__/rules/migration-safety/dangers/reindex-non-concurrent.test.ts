import { dangerSuite, findings, sql } from './cases.js'

dangerSuite('reindex-non-concurrent', {
  bad: [sql('REINDEX INDEX users_email_idx;'), sql('REINDEX TABLE users;')],
  good: [
    sql('REINDEX INDEX CONCURRENTLY users_email_idx;'),
    sql('REINDEX INDEX users_email_idx;', { path: 'db/migration/sqlite/V2__x.sql' }),
  ],
})

test('recipe names the index', async () => {
  const [f] = await findings(sql('REINDEX INDEX users_email_idx;'))
  expect(f.hint).toContain('REINDEX INDEX CONCURRENTLY users_email_idx;')
})
