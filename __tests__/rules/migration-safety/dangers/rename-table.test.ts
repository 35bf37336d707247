import { dangerSuite, findings, rails, sql } from './cases.js'

dangerSuite('rename-table', {
  bad: [sql('ALTER TABLE users RENAME TO accounts;'), rails('  def change\n    rename_table :users, :accounts\n  end')],
  good: [sql('CREATE VIEW accounts AS SELECT * FROM users;'), sql('CREATE TABLE t (a int);\nALTER TABLE t RENAME TO t2;')],
})

test('recipe names both tables', async () => {
  const [f] = await findings(sql('ALTER TABLE users RENAME TO accounts;'))
  expect(f.hint).toContain('CREATE VIEW users AS SELECT * FROM accounts;')
})
