import { alembic, dangerSuite, django, rails, sql } from './cases.js'

dangerSuite('concurrently-in-transaction', {
  bad: [
    sql('BEGIN;\nCREATE INDEX CONCURRENTLY i ON users (email);\nCOMMIT;'),
    sql('DROP INDEX CONCURRENTLY i;', { options: { assume_in_transaction: true } }),
    rails('  def change\n    add_index :users, :email, algorithm: :concurrently\n  end'),
    rails(
      '  def up\n    execute "CREATE INDEX CONCURRENTLY index_users_on_email ON users (email)"\n  end\n  def down\n    execute "DROP INDEX CONCURRENTLY index_users_on_email"\n  end',
    ),
    django('        AddIndexConcurrently(model_name="order", index=models.Index(fields=["status"], name="order_status_idx")),'),
    alembic('op.create_index("ix", "users", ["email"], postgresql_concurrently=True)'),
  ],
  good: [
    sql('CREATE INDEX CONCURRENTLY i ON users (email);'),
    // Rails: execute of a CONCURRENTLY statement in a migration that has disable_ddl_transaction!
    rails(
      '  disable_ddl_transaction!\n  def up\n    execute "CREATE INDEX CONCURRENTLY index_users_on_email ON users (email)"\n  end\n  def down\n    execute "DROP INDEX CONCURRENTLY index_users_on_email"\n  end',
    ),
    alembic('with op.get_context().autocommit_block():\n    op.execute("CREATE INDEX CONCURRENTLY ix ON users (email)")'),
  ],
})
