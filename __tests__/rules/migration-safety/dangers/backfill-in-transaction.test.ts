import { alembic, dangerSuite, django, findings, ids, rails, sql } from './cases.js'

const fn = (body: string) =>
  `from django.db import migrations, models\n\ndef forwards(apps, schema_editor):\n${body}\n\ndef backwards(apps, schema_editor):\n    pass\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n    operations = [\n        migrations.AddField(model_name="order", name="state", field=models.TextField(null=True)),\n        migrations.RunPython(forwards, backwards),\n    ]\n`

dangerSuite('backfill-in-transaction', {
  bad: [
    sql("ALTER TABLE users ADD COLUMN status text;\nUPDATE users SET status = 'active';"),
    sql("ALTER TABLE users ADD COLUMN status text;\nUPDATE users SET status = 'active' WHERE status IS NULL;"),
    // a row property (a boolean function on the row), not a key range: every row that has it
    sql(
      "ALTER TABLE scan_report ADD COLUMN high_cnt bigint;\nUPDATE vulnerability_record SET cvss_score_v3 = (vendor_attributes->'CVSS'->>'V3Score')::float8 WHERE jsonb_path_exists(vendor_attributes::jsonb, '$.CVSS.V3Score');",
    ),
    // a bulk DELETE: every row, or every row an anti-join (NOT EXISTS) matches (harbor 74dfc905, fourth held-out set)
    sql('ALTER TABLE artifact_blob ADD COLUMN note text;\nDELETE FROM artifact_blob;'),
    sql(
      'ALTER TABLE artifact_blob ADD COLUMN note text;\ndelete from artifact_blob afb where not exists (select digest from blob b where b.digest = afb.digest_af);',
    ),
    sql(
      "ALTER TABLE users ADD COLUMN status text;\nUPDATE users u SET status = 'gone' WHERE NOT EXISTS (SELECT 1 FROM sessions s WHERE s.user_id = u.id);",
    ),
    rails('  def change\n    add_column :users, :status, :string\n    User.update_all(status: "active")\n  end'),
    rails(
      '  def up\n    add_column :users, :status, :string\n    User.find_each { |u| u.update!(status: "active") }\n  end\n  def down\n    remove_column :users, :status\n  end',
    ),
    // batched, but in the migration's one transaction: a data-only migration too (issue 14, held-out-2)
    rails(
      'class BackfillUserCreationAddress < ActiveRecord::Migration[7.1]\n  class User < ApplicationRecord\n  end\n\n  def up\n    User\n      .where(:creation_address => nil)\n      .in_batches(:of => 1000)\n      .update_all("creation_address = creation_ip::inet")\n  end\n\n  def down; end\nend\n',
    ),
    rails('  def up\n    User.unscoped.in_batches { |b| b.update_all(status: "active") }\n  end\n  def down\n  end'),
    rails('  def up\n    User.find_each { |u| u.update!(status: "active") }\n  end\n  def down\n  end'),
    // a new counter cache filled per record with reset_counters, in the transaction of its add_column (OSM b02d0b9b)
    rails(
      '  def self.up\n    add_column :users, :diary_comments_count, :integer, :default => 0\n\n    DiaryComment.distinct.pluck(:user_id).each do |user_id|\n      User.reset_counters(user_id, :diary_comments)\n    end\n  end',
    ),
    django(fn('    Order = apps.get_model("shop", "Order")\n    Order.objects.all().update(state="new")')),
    django(fn('    Order = apps.get_model("shop", "Order")\n    for o in Order.objects.all():\n        o.state = "new"\n        o.save()')),
    alembic('op.add_column("users", sa.Column("status", sa.Text()))\nop.execute("UPDATE users SET status = \'active\'")'),
    // harbor 36c2b93f: a semi-join (IN a subquery with no LIMIT) and a category test reach every matching row
    sql(
      "CREATE INDEX IF NOT EXISTS idx_task ON task (vendor_type);\nUPDATE execution SET vendor_id = (extra_attrs -> 'artifact' ->> 'id')::integer WHERE jsonb_path_exists(extra_attrs::jsonb, '$.artifact.id') AND vendor_id IN (SELECT id FROM scanner_registration) AND vendor_type = 'IMAGE_SCAN';",
    ),
    sql(
      'ALTER TABLE t ADD COLUMN note text;\nUPDATE execution SET vendor_id = 1 WHERE vendor_id IN (SELECT id FROM scanner_registration);',
    ),
    // a semi-join into a subquery whose own WHERE reaches a category of rows
    sql(
      "ALTER TABLE t ADD COLUMN note text;\nDELETE FROM task WHERE execution_id IN (SELECT id FROM execution WHERE vendor_type = 'SCAN_ALL');",
    ),
    sql("ALTER TABLE t ADD COLUMN note text;\nDELETE FROM jobs WHERE status IN ('done', 'failed');"),
    sql("ALTER TABLE t ADD COLUMN note text;\nUPDATE orders SET archived = true WHERE order_state <> 'open';"),
    // before a schema change of its own table: the change then holds the table, with every row the backfill locked, to the commit
    sql("UPDATE users SET status = 'active';\nALTER TABLE users ADD COLUMN note text;"),
  ],
  good: [
    // bounded: a key range / one row
    sql("ALTER TABLE users ADD COLUMN status text;\nUPDATE users SET status = 'active' WHERE id BETWEEN 1 AND 10000;"),
    sql("ALTER TABLE settings ADD COLUMN note text;\nUPDATE settings SET value = 'x' WHERE key = 'mode';"),
    // side by side with the semi-join below: a function test AND a subquery of keys with a LIMIT (a batch) is bounded
    sql(
      "ALTER TABLE scan_report ADD COLUMN high_cnt bigint;\nUPDATE execution SET vendor_id = 1 WHERE jsonb_path_exists(extra_attrs::jsonb, '$.artifact.id') AND id IN (SELECT id FROM execution ORDER BY id LIMIT 1000);",
    ),
    // harbor 1e38565a: a semi-join into a subquery narrowed by a comparison picks a few keys, as IN (1, 2) does
    sql(
      "ALTER TABLE t ADD COLUMN note text;\nDELETE FROM role_permission WHERE permission_policy_id IN (SELECT id FROM permission_policy WHERE resource IN ('helm-chart', 'helm-chart-version'));",
    ),
    // a category compared with a constant, AND a key: one row
    sql("ALTER TABLE t ADD COLUMN note text;\nUPDATE execution SET vendor_id = 1 WHERE vendor_type = 'IMAGE_SCAN' AND id = 7;"),
    // a comparison on a column that is no category (a setting's key, a name)
    sql("ALTER TABLE t ADD COLUMN note text;\nUPDATE properties SET v = 'x' WHERE k IN ('a', 'b');"),
    // a category compared with something that is no constant
    sql('ALTER TABLE t ADD COLUMN note text;\nUPDATE execution SET vendor_id = 1 WHERE vendor_type = other_type;'),
    // harbor 98cef43e: before a schema change of another table no schema lock is held yet, as with no schema change
    sql(
      "DELETE FROM project_member pm WHERE pm.entity_type = 'u' AND EXISTS (SELECT NULL FROM harbor_user u WHERE pm.entity_id = u.user_id AND u.deleted = true);\nALTER TABLE replication_policy ADD COLUMN IF NOT EXISTS speed_kb int;",
    ),
    // no schema change in the same transaction
    sql("UPDATE users SET status = 'active';"),
    sql('delete from artifact_blob afb where not exists (select digest from blob b where b.digest = afb.digest_af);'),
    // a DELETE narrowed by a comparison (one lookup row) or by a batch of keys
    sql("ALTER TABLE identities ADD COLUMN note text;\nDELETE FROM identity_credential_types WHERE name = 'code';"),
    sql('ALTER TABLE t ADD COLUMN note text;\nDELETE FROM t WHERE id IN (SELECT id FROM t WHERE note IS NULL LIMIT 1000);'),
    sql('CREATE TABLE t (a int);\nDELETE FROM t;'),
    // the table is new in this change
    sql('CREATE TABLE t (a int);\nUPDATE t SET a = 1;'),
    // Rails: a data-only migration that is not batched (one statement) stays a matter of size
    rails('  def up\n    User.where(status: nil).update_all(status: "active")\n  end\n  def down\n  end'),
    // Rails outside the transaction, the same batched shapes as above
    rails(
      '  disable_ddl_transaction!\n\n  def up\n    User\n      .where(:creation_address => nil)\n      .in_batches(:of => 1000)\n      .update_all("creation_address = creation_ip::inet")\n  end\n\n  def down; end',
    ),
    rails('  disable_ddl_transaction!\n  def up\n    User.find_each { |u| u.update!(status: "active") }\n  end\n  def down\n  end'),
    rails(
      '  disable_ddl_transaction!\n  def up\n    User.unscoped.in_batches { |b| b.update_all(status: "active") }\n  end\n  def down\n  end',
    ),
    // Django: atomic = False
    django(
      fn('    apps.get_model("shop", "Order").objects.update(state="new")').replace(
        'class Migration(migrations.Migration):\n',
        'class Migration(migrations.Migration):\n    atomic = False\n',
      ),
    ),
  ],
})

test('in rollback code it is at most a notice', async () => {
  const out = await findings(
    rails(
      '  def up\n    add_column :users, :status, :string\n  end\n  def down\n    User.update_all(status: nil)\n    remove_column :users, :status\n  end',
      { options: { dangers: {} } },
    ),
  )
  expect(out.filter((f) => f.code === 'backfill-in-transaction')).toEqual([])
})

test('recipe: batches, outside the transaction, with the table and column', async () => {
  const [f] = (await findings(sql("ALTER TABLE users ADD COLUMN status text;\nUPDATE users SET status = 'active';"))).filter(
    (x) => x.code === 'backfill-in-transaction',
  )
  // the value the user wrote, and the rows that do not have it yet
  expect(f.hint).toContain(
    "UPDATE users SET status = 'active' WHERE id IN (SELECT id FROM users WHERE status IS DISTINCT FROM 'active' LIMIT 10000);",
  )
  expect(
    await ids(
      sql("ALTER TABLE users ADD COLUMN status text;\nUPDATE users SET status = 'active';", { path: 'db/migration/mysql/V2__x.sql' }),
    ),
  ).toEqual([])
})

test("recipe: the UPDATE's own WHERE picks the rows not done yet; an expression too complex to repeat keeps a placeholder", async () => {
  const hint = async (update: string) =>
    (await findings(sql(`ALTER TABLE robot ADD COLUMN creator varchar(255);\n${update}`))).find((x) => x.code === 'backfill-in-transaction')
      ?.hint
  expect(await hint("UPDATE robot SET creator = 'unknown', kind = 0 WHERE creator IS NULL OR kind IS NULL;")).toContain(
    "UPDATE robot SET creator = 'unknown', kind = 0 WHERE id IN (SELECT id FROM robot WHERE (creator IS NULL) OR (kind IS NULL) LIMIT 10000);",
  )
  expect(await hint("UPDATE robot SET creator = '{}'::jsonb WHERE creator IS NULL;")).toContain("SET creator = '{}'::jsonb WHERE id IN")
  expect(await hint('UPDATE robot SET creator = lower(name);')).toContain(
    'UPDATE robot SET creator = <value> WHERE id IN (SELECT id FROM robot WHERE <not yet done> LIMIT 10000);',
  )
})

test('a batched Rails backfill in the transaction says why batching does not help', async () => {
  const [f] = (
    await findings(rails('  def up\n    User.where(state: nil).in_batches(of: 500).update_all(state: "new")\n  end\n  def down\n  end'))
  ).filter((x) => x.code === 'backfill-in-transaction')
  expect(f.message).toContain('in batches, but inside the migration')
  expect(f.message).toContain('disable_ddl_transaction!')
  expect(f.level).toBe('fail')
})

test('a bulk DELETE: the recipe deletes in batches, in a migration of its own', async () => {
  const [f] = (
    await findings(sql('ALTER TABLE artifact_blob ADD COLUMN note text;\nDELETE FROM artifact_blob WHERE NOT EXISTS (SELECT 1 FROM blob);'))
  ).filter((x) => x.code === 'backfill-in-transaction')
  expect(f.message).toContain('DELETE FROM artifact_blob over every row the WHERE test matches')
  expect(f.hint).toContain('DELETE FROM artifact_blob WHERE id IN (SELECT id FROM artifact_blob WHERE <the same condition> LIMIT 10000);')
  const [all] = (await findings(sql('ALTER TABLE artifact_blob ADD COLUMN note text;\nDELETE FROM artifact_blob;'))).filter(
    (x) => x.code === 'backfill-in-transaction',
  )
  expect(all.hint).toContain('DELETE FROM artifact_blob WHERE id IN (SELECT id FROM artifact_blob LIMIT 10000);')
  const [isNull] = (
    await findings(sql('ALTER TABLE artifact_blob ADD COLUMN note text;\nDELETE FROM artifact_blob WHERE digest IS NULL;'))
  ).filter((x) => x.code === 'backfill-in-transaction')
  expect(isNull.hint).toContain('DELETE FROM artifact_blob WHERE id IN (SELECT id FROM artifact_blob WHERE digest IS NULL LIMIT 10000);')
})

describe('Django: a RunPython beside an AlterField that writes no SQL (issue 14, held-out-5: netbox e93e9ac4, 3f345cdb)', () => {
  const initial =
    'from django.db import migrations, models\n\nclass Migration(migrations.Migration):\n    initial = True\n    dependencies = []\n    operations = [\n        migrations.CreateModel(name="CustomLink", fields=[("id", models.BigAutoField(primary_key=True)), ("button_class", models.CharField(default="outline-dark", max_length=30, null=True))]),\n    ]\n'
  const mig = (field: string) =>
    `from django.db import migrations, models\n\n\ndef update_link_buttons(apps, schema_editor):\n    CustomLink = apps.get_model("shop", "CustomLink")\n    CustomLink.objects.filter(button_class="outline-dark").update(button_class="default")\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n    operations = [\n        migrations.AlterField(model_name="customlink", name="button_class", field=${field}),\n        migrations.RunPython(code=update_link_buttons, reverse_code=migrations.RunPython.noop),\n    ]\n`
  const at = (field: string) => django(mig(field), { headTree: { 'shop/migrations/0001_initial.py': initial } })
  test('only the default (or help_text, choices) changes: no lock is taken, so the update is a data-only migration', async () => {
    expect(await ids(at('models.CharField(default="default", max_length=30, null=True)'))).toEqual([])
    expect(await ids(at('models.CharField(default="default", max_length=30, null=True, help_text="CSS class")'))).toEqual([])
  })
  test('side by side: a change Django writes SQL for keeps the update in the schema change transaction', async () => {
    // max_length 30 -> 20: a type change under ACCESS EXCLUSIVE
    expect(await ids(at('models.CharField(default="default", max_length=20, null=True)'))).toContain('backfill-in-transaction')
    // null=True -> null=False: SET NOT NULL
    expect(await ids(at('models.CharField(default="default", max_length=30)'))).toContain('backfill-in-transaction')
    // the field's previous definition unknown: counted as a schema change, as before
    expect(await ids(django(mig('models.CharField(default="default", max_length=30, null=True)')))).toContain('backfill-in-transaction')
  })
})
