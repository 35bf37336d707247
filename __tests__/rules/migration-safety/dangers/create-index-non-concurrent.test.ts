import { alembic, dangerSuite, django, findings, ids, rails, sql } from './cases.js'

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
    sql('CREATE INDEX users_email_idx ON users (email);', {
      files: [{ path: 'db/migration/V1__users.sql', status: 'added', head: 'CREATE TABLE users (id bigint, email text);' }],
    }),
    rails('  disable_ddl_transaction!\n  def change\n    add_index :users, :email, algorithm: :concurrently\n  end'),
    // MySQL: not a PostgreSQL lock danger
    sql('CREATE INDEX users_email_idx ON users (email);', {
      path: 'migrations/mysql/20240101_x.up.sql',
      files: [{ path: 'migrations/mysql/20240101_x.down.sql', status: 'added', head: 'DROP INDEX users_email_idx ON users;' }],
    }),
    // CockroachDB builds indexes online
    sql('CREATE INDEX users_email_idx ON users (email);', {
      path: 'migrations/20240101_x.cockroach.up.sql',
      files: [{ path: 'migrations/20240101_x.cockroach.down.sql', status: 'added', head: 'DROP INDEX users_email_idx;' }],
    }),
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

describe('a table created by a merged migration that is in no release yet counts as new', () => {
  const dir = 'persistence/sql/migrations'
  const baseTree = {
    [`${dir}/000001_users.up.sql`]: 'CREATE TABLE users (id bigint PRIMARY KEY, email text);',
    [`${dir}/000001_users.down.sql`]: 'DROP TABLE users;',
    [`${dir}/000002_pending.up.sql`]: 'CREATE TABLE pending_changes (id bigint PRIMARY KEY, session_id bigint);',
    [`${dir}/000002_pending.down.sql`]: 'DROP TABLE pending_changes;',
  }
  const pr = (text: string, releases?: Record<string, string[]>) =>
    sql(text, {
      path: `${dir}/000003_idx.up.sql`,
      files: [{ path: `${dir}/000003_idx.down.sql`, status: 'added', head: 'SELECT 1;' }],
      baseTree,
      listBase: true,
      releases,
    })
  const v1 = { 'v1.0.0': [`${dir}/000001_users.up.sql`, `${dir}/000001_users.down.sql`] }
  test('an index on the unreleased table is silent; on the released one it is reported', async () => {
    expect(await ids(pr('CREATE INDEX pending_session_idx ON pending_changes (session_id);', v1))).not.toContain(
      'create-index-non-concurrent',
    )
    expect(
      await ids(pr('ALTER TABLE pending_changes ADD CONSTRAINT fk FOREIGN KEY (session_id) REFERENCES users (id);', v1)),
    ).not.toContain('constraint-not-valid-missing')
    expect(await ids(pr('CREATE INDEX users_email_idx ON users (email);', v1))).toContain('create-index-non-concurrent')
  })
  test('side by side: once a release holds it, or without tag information, the table is an existing one', async () => {
    expect(
      await ids(pr('CREATE INDEX pending_session_idx ON pending_changes (session_id);', { 'v1.1.0': [`${dir}/000002_pending.up.sql`] })),
    ).toContain('create-index-non-concurrent')
    expect(await ids(pr('CREATE INDEX pending_session_idx ON pending_changes (session_id);', {}))).toContain('create-index-non-concurrent')
    expect(await ids(pr('CREATE INDEX pending_session_idx ON pending_changes (session_id);'))).toContain('create-index-non-concurrent')
  })
})

test('recipe quotes a table or column named after a reserved word (a recipe must paste as is)', async () => {
  const [f] = await findings(sql('CREATE INDEX idx_user_order ON "user" ("order");'))
  expect(f.hint).toContain('CREATE INDEX CONCURRENTLY idx_user_order ON "user" ("order");')
})
