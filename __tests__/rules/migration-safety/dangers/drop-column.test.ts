import { alembic, dangerSuite, django, findings, rails, sql } from './cases.js'

dangerSuite('drop-column', {
  bad: [
    sql('ALTER TABLE users DROP COLUMN legacy;'),
    rails('  def change\n    remove_column :users, :legacy, :string\n  end'),
    django('        migrations.RemoveField(model_name="user", name="legacy"),'),
    alembic('op.drop_column("users", "legacy")'),
    // MySQL (Rails database.yml): data loss holds on every database
    rails('  def change\n    remove_column :users, :legacy, :string\n  end', {
      headTree: { 'config/database.yml': 'production:\n  adapter: mysql2\n' },
    }),
  ],
  good: [
    sql('ALTER TABLE users ADD COLUMN legacy2 text;'),
    rails('  def up\n    add_column :users, :legacy, :string\n  end\n  def down\n    remove_column :users, :legacy\n  end', {
      options: { rollback_level: 'off' },
    }),
  ],
})

test('recipe: Rails ignored_columns with the real names', async () => {
  const [r] = await findings(rails('  def change\n    remove_column :users, :legacy, :string\n  end'))
  expect(r.hint).toContain('self.ignored_columns += ["legacy"]')
  expect(r.hint).toContain('remove_column :users, :legacy')
})
