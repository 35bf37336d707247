/**
 * Issue 14, "catch-up then enforce": `UPDATE t SET c = <constant> WHERE c IS NULL` then SET NOT NULL on t.c in
 * the same migration, on a column that existed before the PR, under a lock_timeout set first, is a notice
 * (catch_up_level) that says why and gives the NOT VALID + VALIDATE recipe for a large table. Each condition
 * missing leaves both findings at their level, in every front-end that can express the pattern.
 */
import { alembic, django, findings, rails, sql } from './dangers/cases.js'
import type { Finding } from '../../../src/types.js'

const levels = (fs: Finding[]): string[] =>
  fs
    .filter((f) => f.code === 'backfill-in-transaction' || f.code === 'set-not-null')
    .map((f) => `${String(f.code)}:${f.level}`)
    .sort()
const BOTH_NOTICE = ['backfill-in-transaction:notice', 'set-not-null:notice']
const BOTH_FAIL = ['backfill-in-transaction:fail', 'set-not-null:fail']

const LOCK = "SET LOCAL lock_timeout = '30s';"
const UPDATE = 'UPDATE organizations SET dispute_settings = \'{"a": 1}\'::jsonb WHERE dispute_settings IS NULL;'
const ENFORCE = 'ALTER TABLE organizations ALTER COLUMN dispute_settings SET NOT NULL;'
const pgSql = (...lines: string[]) => sql(['BEGIN;', ...lines, 'COMMIT;'].join('\n'))

describe('catch-up then enforce, SQL', () => {
  test('the pair under a lock_timeout is two notices that say why, with the recipe and the real names', async () => {
    const fs = await findings(pgSql(LOCK, UPDATE, ENFORCE))
    expect(levels(fs)).toEqual(BOTH_NOTICE)
    for (const f of fs.filter((x) => x.code === 'set-not-null' || x.code === 'backfill-in-transaction')) {
      expect(f.message).toContain('catch-up after an out-of-band backfill, under a lock_timeout')
      expect(f.message).toContain('(line 2)')
      expect(f.message).toContain(
        'ALTER TABLE organizations ADD CONSTRAINT organizations_dispute_settings_not_null CHECK (dispute_settings IS NOT NULL) NOT VALID; ' +
          'ALTER TABLE organizations VALIDATE CONSTRAINT organizations_dispute_settings_not_null; ' +
          'ALTER TABLE organizations ALTER COLUMN dispute_settings SET NOT NULL;',
      )
    }
  })

  test('other constants: numbers, booleans, strings, a plain SET lock_timeout', async () => {
    expect(
      levels(
        await findings(pgSql("SET lock_timeout = '5s';", 'UPDATE t SET n = -1 WHERE n IS NULL;', 'ALTER TABLE t ALTER n SET NOT NULL;')),
      ),
    ).toEqual(BOTH_NOTICE)
    expect(
      levels(
        await findings(
          pgSql('SET lock_timeout TO 5000;', 'UPDATE t SET b = false WHERE b IS NULL;', 'ALTER TABLE t ALTER b SET NOT NULL;'),
        ),
      ),
    ).toEqual(BOTH_NOTICE)
  })

  test('catch_up_level sets the level, and a per-danger level below it still wins', async () => {
    const c = pgSql(LOCK, UPDATE, ENFORCE)
    expect(levels(await findings({ ...c, options: { catch_up_level: 'warn' } }))).toEqual([
      'backfill-in-transaction:warn',
      'set-not-null:warn',
    ])
    expect(levels(await findings({ ...c, options: { catch_up_level: 'fail' } }))).toEqual(BOTH_FAIL)
    expect(levels(await findings({ ...c, options: { catch_up_level: 'off' } }))).toEqual([])
  })

  test('no lock_timeout, one set after the UPDATE, or one turned off: both stay failures', async () => {
    expect(levels(await findings(pgSql(UPDATE, ENFORCE)))).toEqual(BOTH_FAIL)
    expect(levels(await findings(pgSql(UPDATE, LOCK, ENFORCE)))).toEqual(BOTH_FAIL)
    expect(levels(await findings(pgSql('SET lock_timeout = 0;', UPDATE, ENFORCE)))).toEqual(BOTH_FAIL)
    expect(levels(await findings(pgSql("SET lock_timeout = '0';", UPDATE, ENFORCE)))).toEqual(BOTH_FAIL)
  })

  test('an UPDATE of another shape is not a catch-up: another predicate, a non-constant value, two columns, FROM', async () => {
    const shapes = [
      "UPDATE organizations SET dispute_settings = '{}' WHERE dispute_settings IS NULL OR blocked_at IS NULL;",
      'UPDATE organizations SET dispute_settings = now() WHERE dispute_settings IS NULL;',
      'UPDATE organizations SET dispute_settings = other_settings WHERE dispute_settings IS NULL;',
      "UPDATE organizations SET dispute_settings = '{}', name = 'x' WHERE dispute_settings IS NULL;",
      "UPDATE organizations SET dispute_settings = '{}' WHERE other_settings IS NULL;",
      "UPDATE organizations SET dispute_settings = '{}';",
    ]
    for (const u of shapes) expect([u, levels(await findings(pgSql(LOCK, u, ENFORCE)))]).toEqual([u, BOTH_FAIL])
  })

  test('SET NOT NULL on another column, or before the UPDATE, or none at all: no pair', async () => {
    expect(levels(await findings(pgSql(LOCK, UPDATE, 'ALTER TABLE organizations ALTER COLUMN name SET NOT NULL;')))).toEqual(BOTH_FAIL)
    expect(levels(await findings(pgSql(LOCK, ENFORCE, UPDATE)))).toEqual(BOTH_FAIL)
    expect(levels(await findings(pgSql(LOCK, 'ALTER TABLE organizations ADD COLUMN x int;', UPDATE)))).toEqual([
      'backfill-in-transaction:fail',
    ])
  })

  test('a column added in the same migration is a first backfill: both stay failures', async () => {
    const fs = await findings(pgSql(LOCK, 'ALTER TABLE organizations ADD COLUMN dispute_settings jsonb;', UPDATE, ENFORCE))
    expect(levels(fs)).toEqual(BOTH_FAIL)
  })

  test('a column added by another migration of the same PR is a first backfill: both stay failures', async () => {
    const add = {
      path: 'db/migration/V1__add.sql',
      status: 'added' as const,
      head: 'ALTER TABLE organizations ADD COLUMN dispute_settings jsonb;',
    }
    expect(levels(await findings({ ...pgSql(LOCK, UPDATE, ENFORCE), files: [add] }))).toEqual(BOTH_FAIL)
  })
})

describe('catch-up then enforce, Alembic', () => {
  const lock = 'op.execute("SET LOCAL lock_timeout = \'30s\'")'
  const update = 'op.execute("UPDATE organizations SET dispute_settings = \'{}\' WHERE dispute_settings IS NULL")'
  const enforce = 'op.alter_column("organizations", "dispute_settings", existing_type=sa.JSON(), nullable=False)'

  test('polar’s idiom: two notices', async () => {
    const fs = await findings(alembic([lock, update, enforce].join('\n')))
    expect(levels(fs)).toEqual(BOTH_NOTICE)
    expect(fs.find((f) => f.code === 'set-not-null')?.message).toContain('catch-up after an out-of-band backfill')
  })

  test('without the lock_timeout, or with the column added in this upgrade(), both stay failures', async () => {
    expect(levels(await findings(alembic([update, enforce].join('\n'))))).toEqual(BOTH_FAIL)
    const add = 'op.add_column("organizations", sa.Column("dispute_settings", sa.JSON(), nullable=True))'
    expect(levels(await findings(alembic([lock, add, update, enforce].join('\n'))))).toEqual(BOTH_FAIL)
  })
})

describe('catch-up then enforce, Rails', () => {
  const body = (...lines: string[]) => rails(`  def up\n${lines.map((l) => `    ${l}`).join('\n')}\n  end\n  def down\n  end`)
  const lock = 'execute "SET lock_timeout = \'10s\'"'
  const update = 'execute "UPDATE users SET locale = \'en\' WHERE locale IS NULL"'
  const enforce = 'change_column_null :users, :locale, false'

  test('execute of the lock_timeout and the UPDATE, then change_column_null: two notices', async () => {
    expect(levels(await findings(body(lock, update, enforce)))).toEqual(BOTH_NOTICE)
  })

  test('strong_migrations’ lock_timeout in its initializer counts for every migration', async () => {
    const init = { 'config/initializers/strong_migrations.rb': 'StrongMigrations.lock_timeout = 10.seconds\n' }
    expect(levels(await findings({ ...body(update, enforce), headTree: init }))).toEqual(BOTH_NOTICE)
    const off = { 'config/initializers/strong_migrations.rb': 'StrongMigrations.lock_timeout = nil\n' }
    expect(levels(await findings({ ...body(update, enforce), headTree: off }))).toEqual(BOTH_FAIL)
  })

  test('without a lock_timeout, or with the column added here (add_column or change_table), both stay failures', async () => {
    expect(levels(await findings(body(update, enforce)))).toEqual(BOTH_FAIL)
    expect(levels(await findings(body(lock, 'add_column :users, :locale, :string', update, enforce)))).toEqual(BOTH_FAIL)
    expect(levels(await findings(body(lock, 'change_table :users do |t|', '  t.string :locale', 'end', update, enforce)))).toEqual(
      BOTH_FAIL,
    )
  })
})

describe('catch-up then enforce, Django', () => {
  const initial = (field: string) =>
    `from django.db import migrations, models\n\nclass Migration(migrations.Migration):\n    initial = True\n    dependencies = []\n    operations = [\n        migrations.CreateModel(name="Order", fields=[("id", models.BigAutoField(primary_key=True)), ${field}]),\n    ]\n`
  const ops = (lock: boolean) =>
    [
      ...(lock ? ['        migrations.RunSQL("SET LOCAL lock_timeout = \'5s\'", migrations.RunSQL.noop),'] : []),
      '        migrations.RunSQL("UPDATE shop_order SET status = \'new\' WHERE status IS NULL", migrations.RunSQL.noop),',
      '        migrations.AlterField(model_name="order", name="status", field=models.CharField(max_length=20)),',
    ].join('\n')

  test('RunSQL lock_timeout and catch-up, then AlterField to null=False on a field of an earlier migration: two notices', async () => {
    const tree = { 'shop/migrations/0001_initial.py': initial('("status", models.CharField(max_length=20, null=True))') }
    expect(levels(await findings(django(ops(true), { headTree: tree })))).toEqual(BOTH_NOTICE)
    expect(levels(await findings(django(ops(false), { headTree: tree })))).toEqual(BOTH_FAIL)
  })

  test('the field added by another migration of the same PR: both stay failures', async () => {
    const add =
      'from django.db import migrations, models\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0000_initial")]\n    operations = [\n        migrations.AddField(model_name="order", name="status", field=models.CharField(max_length=20, null=True)),\n    ]\n'
    const fs = await findings(
      django(ops(true), {
        files: [{ path: 'shop/migrations/0001_initial.py', status: 'added', head: add }],
        headTree: { 'shop/migrations/0001_initial.py': add },
      }),
    )
    expect(levels(fs)).toEqual(BOTH_FAIL)
  })
})

describe('catch-up then enforce by a CHECK (c IS NOT NULL) validated in the same transaction (polar c52e8adc)', () => {
  const lock = 'op.execute("SET LOCAL lock_timeout = \'5s\'")'
  const update = 'op.execute("UPDATE benefits SET visibility = \'public\' WHERE visibility IS NULL")'
  const check = 'op.execute("ALTER TABLE benefits ADD CONSTRAINT benefits_visibility_not_null CHECK (visibility IS NOT NULL) NOT VALID")'
  const validate = 'op.execute("ALTER TABLE benefits VALIDATE CONSTRAINT benefits_visibility_not_null")'
  const enforce = 'op.alter_column("benefits", "visibility", existing_type=sa.String(), nullable=False)'
  const codes = (fs: Finding[]): string[] =>
    fs
      .filter((f) => f.code !== 'missing-down')
      .map((f) => `${String(f.code)}:${f.level}`)
      .sort()

  test('the catch-up and the check are two notices that say why, with the separate-migration recipe; SET NOT NULL is no scan', async () => {
    const fs = await findings(alembic([lock, update, check, validate, enforce].join('\n')))
    expect(codes(fs)).toEqual(['backfill-in-transaction:notice', 'constraint-not-valid-missing:notice'])
    const c = fs.find((f) => f.code === 'constraint-not-valid-missing')
    expect(c?.message).toContain('then a CHECK (visibility IS NOT NULL) checked in the same transaction enforces it')
    expect(c?.message).toContain(
      'ALTER TABLE benefits ADD CONSTRAINT benefits_visibility_not_null CHECK (visibility IS NOT NULL) NOT VALID; then, in the next migration, ' +
        'ALTER TABLE benefits VALIDATE CONSTRAINT benefits_visibility_not_null;',
    )
  })
  test('side by side: without the lock_timeout, or a non-constant catch-up, both stay failures', async () => {
    expect(codes(await findings(alembic([update, check, validate, enforce].join('\n'))))).toEqual([
      'backfill-in-transaction:fail',
      'constraint-not-valid-missing:fail',
    ])
    const copy = 'op.execute("UPDATE benefits SET visibility = legacy_visibility WHERE visibility IS NULL")'
    expect(codes(await findings(alembic([lock, copy, check, validate, enforce].join('\n'))))).toEqual([
      'backfill-in-transaction:fail',
      'constraint-not-valid-missing:fail',
    ])
  })
})
