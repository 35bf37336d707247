import { dangerSuite, findings, sql } from './cases.js'

dangerSuite('enum-add-value-unordered', {
  bad: [sql("ALTER TYPE mood ADD VALUE 'meh';")],
  good: [sql("ALTER TYPE mood ADD VALUE 'meh' AFTER 'ok';")],
})

test('recipe names the type and the value', async () => {
  const [f] = await findings(sql("ALTER TYPE mood ADD VALUE 'meh';"))
  expect(f.hint).toContain("ALTER TYPE mood ADD VALUE IF NOT EXISTS 'meh' AFTER")
})
