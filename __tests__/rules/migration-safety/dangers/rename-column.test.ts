import { dangerSuite, django, findings, rails, sql } from './cases.js'

dangerSuite('rename-column', {
  bad: [
    sql('ALTER TABLE users RENAME COLUMN fullname TO full_name;'),
    sql('ALTER TABLE users RENAME COLUMN fullname TO full_name;', {
      path: 'migrations/2024_x.cockroach.up.sql',
      files: [{ path: 'migrations/2024_x.cockroach.down.sql', status: 'added', head: 'SELECT 1;' }],
    }),
    rails('  def change\n    rename_column :users, :fullname, :full_name\n  end'),
    django('        migrations.RenameField(model_name="user", old_name="fullname", new_name="full_name"),'),
  ],
  good: [sql('ALTER TABLE users ADD COLUMN full_name text;'), sql('CREATE TABLE t (a int);\nALTER TABLE t RENAME COLUMN a TO b;')],
})

test('recipe names both columns', async () => {
  const [f] = await findings(sql('ALTER TABLE users RENAME COLUMN fullname TO full_name;'))
  expect(f.hint).toContain('ALTER TABLE users ADD COLUMN full_name')
  expect(f.hint).toContain('ALTER TABLE users DROP COLUMN fullname;')
})
