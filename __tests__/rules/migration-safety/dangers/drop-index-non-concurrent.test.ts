import { alembic, dangerSuite, findings, rails, sql } from './cases.js'

dangerSuite('drop-index-non-concurrent', {
  bad: [
    sql('DROP INDEX users_email_idx;'),
    rails('  def change\n    remove_index :users, :email\n  end'),
    alembic('op.drop_index("ix_users_email", table_name="users")'),
    // side by side with the silent case below: the table stays
    alembic('op.drop_index(op.f("ix_pledges_created_at"), table_name="pledges")\nop.drop_table("pledge_transactions")'),
  ],
  good: [
    sql('DROP INDEX CONCURRENTLY IF EXISTS users_email_idx;'),
    sql('CREATE INDEX CONCURRENTLY i2 ON users (a);\nDROP INDEX i2;'),
    rails('  disable_ddl_transaction!\n  def change\n    remove_index :users, :email, algorithm: :concurrently\n  end'),
    // the same migration drops the table: DROP TABLE locks it and removes its indexes anyway
    alembic('op.drop_index(op.f("ix_pledge_transactions_created_at"), table_name="pledge_transactions")\nop.drop_table("pledge_transactions")'),
    rails('  def change\n    remove_index :legacy_rows, :user_id\n    drop_table :legacy_rows do |t|\n      t.integer :user_id\n    end\n  end'),
  ],
})

test('recipe names the index', async () => {
  const [f] = await findings(sql('DROP INDEX users_email_idx;'))
  expect(f.hint).toContain('DROP INDEX CONCURRENTLY IF EXISTS users_email_idx;')
})

test('op.f("name") is the index name in the message and the recipe', async () => {
  const [f] = await findings(alembic('op.drop_index(op.f("ix_users_email"), table_name="users")'))
  expect(f.message).toContain("op.drop_index('ix_users_email')")
  expect(f.hint).toContain('ix_users_email')
})
