import { dangerSuite, ids, sql } from './cases.js'

// DROP NOT NULL only updates the catalog: off by default, reported when a policy asks for it.
dangerSuite('drop-not-null', {
  bad: [sql('ALTER TABLE users ALTER COLUMN email DROP NOT NULL;')],
  good: [sql('SELECT 1;'), sql('CREATE TABLE t (a int NOT NULL);\nALTER TABLE t ALTER COLUMN a DROP NOT NULL;')],
})

test('off by default: catalog-only', async () => {
  expect(await ids(sql('ALTER TABLE users ALTER COLUMN email DROP NOT NULL;', { options: { dangers: {} } }))).toEqual([])
})
