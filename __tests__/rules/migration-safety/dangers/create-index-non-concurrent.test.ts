import { alembic, dangerSuite, django, findings, rails, sql } from './cases.js'

dangerSuite('create-index-non-concurrent', {
  bad: [
    sql('CREATE INDEX users_email_idx ON users (email);'),
    rails('  def change\n    add_index :users, :email\n  end'),
    django('        migrations.AddIndex(model_name="order", index=models.Index(fields=["status"], name="order_status_idx")),'),
    alembic('op.create_index("ix_users_email", "users", ["email"])'),
  ],
  good: [
    sql('CREATE INDEX CONCURRENTLY users_email_idx ON users (email);'),
    sql('CREATE TABLE users (id bigint, email text);\nCREATE INDEX users_email_idx ON users (email);'),
    // the table is created by another migration of the same PR
    sql('CREATE INDEX users_email_idx ON users (email);', { files: [{ path: 'db/migration/V1__users.sql', status: 'added', head: 'CREATE TABLE users (id bigint, email text);' }] }),
    rails('  disable_ddl_transaction!\n  def change\n    add_index :users, :email, algorithm: :concurrently\n  end'),
    // MySQL: not a PostgreSQL lock danger
    sql('CREATE INDEX users_email_idx ON users (email);', { path: 'migrations/mysql/20240101_x.up.sql', files: [{ path: 'migrations/mysql/20240101_x.down.sql', status: 'added', head: 'DROP INDEX users_email_idx ON users;' }] }),
    // CockroachDB builds indexes online
    sql('CREATE INDEX users_email_idx ON users (email);', { path: 'migrations/20240101_x.cockroach.up.sql', files: [{ path: 'migrations/20240101_x.cockroach.down.sql', status: 'added', head: 'DROP INDEX users_email_idx;' }] }),
  ],
})

test('recipe: the statement to paste, with the real table, column and index names', async () => {
  const [f] = await findings(sql('CREATE INDEX users_email_idx ON users (email);'))
  expect(f.hint).toContain('CREATE INDEX CONCURRENTLY users_email_idx ON users (email);')
  const [r] = await findings(rails('  def change\n    add_index :users, :email\n  end'))
  expect(r.hint).toContain('disable_ddl_transaction!')
  expect(r.hint).toContain('add_index :users, :email, algorithm: :concurrently')
  const [a] = await findings(alembic('op.create_index("ix_users_email", "users", ["email"])'))
  expect(a.hint).toContain('op.create_index("ix_users_email", "users", ["email"], postgresql_concurrently=True)')
})
