import { alembic, dangerSuite, django, findings, rails, sql } from './cases.js'

dangerSuite('add-column-not-null-no-default', {
  bad: [
    sql('ALTER TABLE users ADD COLUMN status text NOT NULL;'),
    rails('  def change\n    add_column :users, :status, :string, null: false\n  end'),
    django('        migrations.AddField(model_name="order", name="status", field=models.CharField(max_length=20)),'),
    alembic('op.add_column("users", sa.Column("status", sa.Text(), nullable=False))'),
    // Django supplies '' only for blank=True fields that allow empty strings, now() only for auto_now(_add)
    django('        migrations.AddField(model_name="job", name="attempts", field=models.IntegerField(blank=True)),'),
    django('        migrations.AddField(model_name="job", name="started", field=models.DateTimeField(blank=True)),'),
    // a project-defined field class: its default is unknown here
    django('        migrations.AddField(model_name="job", name="queue", field=utilities.fields.QueueField(blank=True)),'),
  ],
  good: [
    sql("ALTER TABLE users ADD COLUMN status text NOT NULL DEFAULT 'active';"),
    sql('ALTER TABLE users ADD COLUMN status text;'),
    rails('  def change\n    add_column :users, :status, :string, null: false, default: "active"\n  end'),
    sql('ALTER TABLE users ADD COLUMN status text NOT NULL;', { path: 'db/migration/mysql/V2__x.sql' }),
    // Django adds these with its effective default ('' / now()) for existing rows, then drops it: constant, catalog-only
    django('        migrations.AddField(model_name="job", name="queue_name", field=models.CharField(blank=True, max_length=100)),'),
    django('        migrations.AddField(model_name="job", name="notes", field=models.TextField(blank=True)),'),
    django('        migrations.AddField(model_name="job", name="created", field=models.DateTimeField(auto_now_add=True)),'),
    // no column in the model's table: a join table, taggit's through table, a generic relation (netbox 5a59f235)
    django('        migrations.AddField(model_name="job", name="owners", field=models.ManyToManyField(to="auth.User")),'),
    django(
      '        migrations.AddField(model_name="devicerole", name="tags", field=taggit.managers.TaggableManager(through="extras.TaggedItem", to="extras.Tag")),',
    ),
    django(
      '        migrations.AddField(model_name="job", name="notes", field=django.contrib.contenttypes.fields.GenericRelation(to="x.Note")),',
    ),
  ],
})

test('recipe names the table and column', async () => {
  const [f] = await findings(sql('ALTER TABLE users ADD COLUMN status text NOT NULL;'))
  expect(f.hint).toContain('ALTER TABLE users ADD COLUMN status text NOT NULL DEFAULT')
})
