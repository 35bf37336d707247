import { dangerSuite, findings, rails, sql } from './cases.js'

dangerSuite('add-column-volatile-default', {
  bad: [
    sql('ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();'),
    sql("ALTER TABLE users ADD COLUMN kind text DEFAULT 'x';", { options: { pg_version: 10 } }),
    rails('  def change\n    add_column :users, :token, :uuid, default: -> { "gen_random_uuid()" }\n  end'),
  ],
  good: [
    sql("ALTER TABLE users ADD COLUMN kind text DEFAULT 'x';"),
    sql('ALTER TABLE users ADD COLUMN seen_at timestamptz DEFAULT now();'),
    sql('CREATE TABLE t (id uuid DEFAULT gen_random_uuid());'),
  ],
})

test('recipe names the table and column', async () => {
  const [f] = await findings(sql('ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();'))
  expect(f.hint).toContain('ALTER TABLE users ADD COLUMN token uuid;')
  expect(f.hint).toContain('ALTER TABLE users ALTER COLUMN token SET DEFAULT')
})
