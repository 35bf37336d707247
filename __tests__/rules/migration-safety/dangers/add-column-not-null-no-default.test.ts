import { alembic, dangerSuite, django, findings, rails, sql } from './cases.js'

dangerSuite('add-column-not-null-no-default', {
  bad: [
    sql('ALTER TABLE users ADD COLUMN status text NOT NULL;'),
    rails('  def change\n    add_column :users, :status, :string, null: false\n  end'),
    django('        migrations.AddField(model_name="order", name="status", field=models.CharField(max_length=20)),'),
    alembic('op.add_column("users", sa.Column("status", sa.Text(), nullable=False))'),
  ],
  good: [
    sql("ALTER TABLE users ADD COLUMN status text NOT NULL DEFAULT 'active';"),
    sql('ALTER TABLE users ADD COLUMN status text;'),
    rails('  def change\n    add_column :users, :status, :string, null: false, default: "active"\n  end'),
    sql('ALTER TABLE users ADD COLUMN status text NOT NULL;', { path: 'db/migration/mysql/V2__x.sql' }),
  ],
})

test('recipe names the table and column', async () => {
  const [f] = await findings(sql('ALTER TABLE users ADD COLUMN status text NOT NULL;'))
  expect(f.hint).toContain('ALTER TABLE users ADD COLUMN status text NOT NULL DEFAULT')
})
