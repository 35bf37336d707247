import { alembic, dangerSuite, findings, rails, sql } from './cases.js'

dangerSuite('drop-index-non-concurrent', {
  bad: [sql('DROP INDEX users_email_idx;'), rails('  def change\n    remove_index :users, :email\n  end'), alembic('op.drop_index("ix_users_email", table_name="users")')],
  good: [
    sql('DROP INDEX CONCURRENTLY IF EXISTS users_email_idx;'),
    sql('CREATE INDEX CONCURRENTLY i2 ON users (a);\nDROP INDEX i2;'),
    rails('  disable_ddl_transaction!\n  def change\n    remove_index :users, :email, algorithm: :concurrently\n  end'),
  ],
})

test('recipe names the index', async () => {
  const [f] = await findings(sql('DROP INDEX users_email_idx;'))
  expect(f.hint).toContain('DROP INDEX CONCURRENTLY IF EXISTS users_email_idx;')
})
