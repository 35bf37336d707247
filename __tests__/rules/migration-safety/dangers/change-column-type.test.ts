import { alembic, dangerSuite, django, findings, ids, rails, sql } from './cases.js'

const initial = (field: string) => ({
  'shop/migrations/0001_initial.py': `from django.db import migrations, models\n\nclass Migration(migrations.Migration):\n    initial = True\n    dependencies = []\n    operations = [\n        migrations.CreateModel(name="Order", fields=[("id", models.BigAutoField(primary_key=True)), ("status", ${field})]),\n    ]\n`,
})
const alter = (field: string, before: string) =>
  django(`        migrations.AlterField(model_name="order", name="status", field=${field}),`, { headTree: initial(before) })

const down = (path: string, text: string) => ({ path, status: 'added' as const, head: text })

dangerSuite('change-column-type', {
  bad: [
    sql('ALTER TABLE users ALTER COLUMN age TYPE bigint;'),
    sql('ALTER TABLE users ALTER COLUMN name TYPE varchar(50);'),
    // narrowing, known from the rollback
    sql('ALTER TABLE users ALTER COLUMN name TYPE varchar(50);', {
      path: 'migrations/000002_x.up.sql',
      files: [down('migrations/000002_x.down.sql', 'ALTER TABLE users ALTER COLUMN name TYPE varchar(255);')],
    }),
    sql('ALTER TABLE prices ALTER COLUMN amount TYPE numeric(12,4);', {
      path: 'migrations/000002_x.up.sql',
      files: [down('migrations/000002_x.down.sql', 'ALTER TABLE prices ALTER COLUMN amount TYPE numeric(10,2);')],
    }),
    rails('  def change\n    change_column :users, :age, :bigint\n  end'),
    // Django: narrowing max_length, the previous definition read from the migration it depends on
    alter('models.CharField(max_length=20)', 'models.CharField(max_length=50)'),
    alter('models.BigIntegerField()', 'models.IntegerField()'),
    // a type set by a LATER migration of the same change says nothing of this one (path order)
    sql('ALTER TABLE t2 ALTER COLUMN n TYPE varchar(10);', {
      files: [{ path: 'db/migration/V3__later.sql', status: 'added', head: 'ALTER TABLE t2 ADD COLUMN n varchar(10);' }],
    }),
    // the latest earlier setting counts: numeric(10,2), raised to (12,2) (silent), then (11,2) narrows it
    sql('ALTER TABLE t2 ALTER COLUMN n TYPE numeric(11,2);', {
      path: 'db/migration/V4__third.sql',
      files: [
        { path: 'db/migration/V2__a.sql', status: 'added', head: 'ALTER TABLE t2 ADD COLUMN n numeric(10,2);' },
        { path: 'db/migration/V3__b.sql', status: 'added', head: 'ALTER TABLE t2 ALTER COLUMN n TYPE numeric(12,2);' },
      ],
    }),
    // narrowing, known from db/structure.sql
    rails('  def change\n    change_column :users, :name, :string, limit: 50\n  end', {
      baseTree: { 'db/structure.sql': 'CREATE TABLE public.users (\n    id bigint NOT NULL,\n    name character varying(255)\n);\n' },
    }),
    // previous definition not found: still reported
    django('        migrations.AlterField(model_name="order", name="status", field=models.CharField(max_length=20)),'),
    alembic('op.alter_column("users", "age", type_=sa.BigInteger(), existing_type=sa.Integer())'),
  ],
  good: [
    sql('ALTER TABLE users ALTER COLUMN name TYPE text;'),
    // widening varchar(n) -> varchar(m > n): no rewrite (the old type from the golang-migrate rollback)
    sql('ALTER TABLE users ALTER COLUMN name TYPE varchar(512);', {
      path: 'migrations/000002_x.up.sql',
      files: [down('migrations/000002_x.down.sql', 'ALTER TABLE users ALTER COLUMN name TYPE varchar(255);')],
    }),
    // numeric precision raised at the same scale
    sql('ALTER TABLE prices ALTER COLUMN amount TYPE numeric(12,2);', {
      path: 'migrations/000002_x.up.sql',
      files: [down('migrations/000002_x.down.sql', 'ALTER TABLE prices ALTER COLUMN amount TYPE numeric(10,2);')],
    }),
    sql('ALTER TABLE prices ALTER COLUMN amount TYPE numeric;', {
      path: 'migrations/000002_x.up.sql',
      files: [down('migrations/000002_x.down.sql', 'ALTER TABLE prices ALTER COLUMN amount TYPE numeric(10,2);')],
    }),
    // cidr -> inet is binary coercible
    sql('ALTER TABLE hosts ALTER COLUMN net TYPE inet;', {
      path: 'migrations/000002_x.up.sql',
      files: [down('migrations/000002_x.down.sql', 'ALTER TABLE hosts ALTER COLUMN net TYPE cidr;')],
    }),
    // the type the column already has (created earlier in the same change)
    sql('ALTER TABLE t2 ALTER COLUMN n TYPE numeric(12,2);', {
      path: 'db/migration/V4__third.sql',
      files: [
        { path: 'db/migration/V2__a.sql', status: 'added', head: 'ALTER TABLE t2 ADD COLUMN n numeric(10,2);' },
        { path: 'db/migration/V3__b.sql', status: 'added', head: 'ALTER TABLE t2 ALTER COLUMN n TYPE numeric(12,2);' },
      ],
    }),
    sql('ALTER TABLE t2 ADD COLUMN n varchar(10);', {
      files: [{ path: 'db/migration/V3__again.sql', status: 'added', head: 'ALTER TABLE t2 ALTER COLUMN n TYPE varchar(10);' }],
    }),
    // Rails: widening, the old type from the base's db/schema.rb
    rails('  def change\n    change_column :users, :name, :string, limit: 512\n  end', {
      baseTree: {
        'db/schema.rb':
          'ActiveRecord::Schema[7.1].define(version: 1) do\n  create_table "users", force: :cascade do |t|\n    t.string "name", limit: 255\n  end\nend\n',
      },
    }),
    // Rails with schema_format :sql: the old type from the base's db/structure.sql (pg_dump, schema-qualified)
    rails('  def change\n    change_column :users, :name, :string, limit: 512\n  end', {
      baseTree: {
        'db/structure.sql': [
          'SET statement_timeout = 0;',
          "SELECT pg_catalog.set_config('search_path', '', false);",
          'CREATE TABLE public.users (',
          '    id bigint NOT NULL,',
          '    name character varying(255)',
          ');',
          'ALTER TABLE ONLY public.users ADD CONSTRAINT users_pkey PRIMARY KEY (id);',
          '',
        ].join('\n'),
      },
    }),
    // Django: choices / help_text changes and a wider max_length change nothing in the database
    alter(
      'models.CharField(max_length=50, choices=[("a", "A"), ("b", "B")], help_text="state")',
      'models.CharField(max_length=50, choices=[("a", "A")])',
    ),
    alter('models.CharField(max_length=100)', 'models.CharField(max_length=50)'),
    alter('models.TextField()', 'models.CharField(max_length=50)'),
    // Alembic: existing_type says it is a widening
    alembic('op.alter_column("users", "name", type_=sa.String(length=512), existing_type=sa.String(length=255))'),
  ],
})

test('message names the old type when known; recipe names table and column', async () => {
  const [f] = await findings(
    sql('ALTER TABLE users ALTER COLUMN name TYPE varchar(50);', {
      path: 'migrations/000002_x.up.sql',
      files: [down('migrations/000002_x.down.sql', 'ALTER TABLE users ALTER COLUMN name TYPE varchar(255);')],
    }),
  )
  expect(f.message).toContain('from varchar(255)')
  expect(f.hint).toContain('ALTER TABLE users ADD COLUMN name_new varchar(50);')
})

test('Django AlterField: null=True -> False is set-not-null, unique=True builds an index, nothing else reported', async () => {
  expect(await ids(alter('models.CharField(max_length=50)', 'models.CharField(max_length=50, null=True)'))).toEqual(['set-not-null'])
  expect(await ids(alter('models.CharField(max_length=50, unique=True)', 'models.CharField(max_length=50)'))).toEqual([
    'unique-without-index',
  ])
})

describe('change-column-type: Django field defined far back', () => {
  const mig = (deps: string, ops: string) =>
    `from django.db import migrations, models\n\nclass Migration(migrations.Migration):\n    dependencies = [${deps}]\n    operations = [\n${ops}\n    ]\n`
  const create = mig(
    '',
    '        migrations.CreateModel(name="Cable", fields=[("id", models.BigAutoField(primary_key=True)), ("length", models.DecimalField(max_digits=10, decimal_places=2))]),',
  )
  const noop = (n: number) => mig(`("dcim", "${String(n - 1).padStart(4, '0')}_x")`, '        migrations.RunSQL("SELECT 1", "SELECT 1"),')
  // dcim/0001_squashed_0005 replaces 0001..0005: the chain 0007 -> 0006 -> 0005_x breaks there (no such file)
  const tree = (count: number): Record<string, string> => {
    const t: Record<string, string> = { 'dcim/migrations/0001_squashed_0005.py': create }
    for (let n = 6; n < 6 + count; n++) t[`dcim/migrations/${String(n).padStart(4, '0')}_x.py`] = noop(n)
    return t
  }
  const widen = (count: number) => {
    const n = 6 + count
    return django(
      `        migrations.AlterField(model_name="cable", name="length", field=models.DecimalField(max_digits=14, decimal_places=2)),`,
      {
        path: `dcim/migrations/${String(n).padStart(4, '0')}_alter_cable_length.py`,
        text: mig(
          `("dcim", "${String(n - 1).padStart(4, '0')}_x")`,
          '        migrations.AlterField(model_name="cable", name="length", field=models.DecimalField(max_digits=14, decimal_places=2)),',
        ),
        headTree: tree(count),
        baseTree: tree(count),
        listBase: true,
      },
    )
  }
  test('found in a squashed migration 40 migrations back: raising numeric precision is silent', async () => {
    expect(await ids(widen(40))).not.toContain('change-column-type')
  })
  test('side by side: without a base listing the broken chain hides it (reported), and beyond the bound it stays reported', async () => {
    expect(await ids({ ...widen(40), listBase: false })).toContain('change-column-type')
    expect(await ids(widen(260))).toContain('change-column-type')
  })
})

describe('the old type from the earlier migrations of the same folder (SQL)', () => {
  const dir = 'make/migrations/postgresql'
  const widen = sql('ALTER TABLE registry ALTER COLUMN access_key TYPE varchar(4096);', {
    path: `${dir}/0190_2.16.0_schema.up.sql`,
    listBase: true,
  })
  test('widening a varchar an earlier migration created is catalog-only: not reported', async () => {
    const c = {
      ...widen,
      baseTree: {
        [`${dir}/0001_initial_schema.up.sql`]: 'CREATE TABLE registry (id SERIAL PRIMARY KEY, access_key varchar(255));',
        [`${dir}/0190_2.16.0_schema.up.sql`]: '',
      },
    }
    expect(await ids(c)).not.toContain('change-column-type')
  })
  test('a column (and table) renamed by an earlier migration keeps its type under the new names', async () => {
    const base = {
      [`${dir}/0001_initial_schema.up.sql`]: 'CREATE TABLE replication_target (id SERIAL PRIMARY KEY, username varchar(255));',
      [`${dir}/0004_1.8.0_schema.up.sql`]:
        'ALTER TABLE replication_target RENAME TO registry;\nALTER TABLE registry RENAME COLUMN username TO access_key;',
    }
    expect(await ids({ ...widen, baseTree: base })).not.toContain('change-column-type')
    const narrowed = {
      ...base,
      [`${dir}/0001_initial_schema.up.sql`]: 'CREATE TABLE replication_target (id SERIAL PRIMARY KEY, username integer);',
    }
    expect(await ids({ ...widen, baseTree: narrowed })).toContain('change-column-type')
  })
  test('the newest earlier definition wins, and a real type change is still reported', async () => {
    const base = {
      [`${dir}/0001_initial_schema.up.sql`]: 'CREATE TABLE registry (id SERIAL PRIMARY KEY, access_key varchar(255));',
      [`${dir}/0100_2.9.0_schema.up.sql`]: 'ALTER TABLE registry ALTER COLUMN access_key TYPE text;',
    }
    // text -> varchar(4096) adds a length check: a scan/rewrite
    expect(await ids({ ...widen, baseTree: base })).toContain('change-column-type')
    const bigint = sql('ALTER TABLE robot ALTER COLUMN id TYPE bigint;', {
      path: `${dir}/0190_2.16.0_schema.up.sql`,
      listBase: true,
      baseTree: { [`${dir}/0001_initial_schema.up.sql`]: 'CREATE TABLE robot (id integer PRIMARY KEY);' },
    })
    expect(await ids(bigint)).toContain('change-column-type')
  })
  test('other dialects\u2019 files and later files are not read for the old type', async () => {
    const c = {
      ...sql('ALTER TABLE registry ALTER COLUMN access_key TYPE varchar(4096);', { path: 'm/0005_x.up.sql', listBase: true }),
      baseTree: {
        'm/0001_a.mysql.up.sql': 'CREATE TABLE registry (access_key varchar(255));',
        'm/0009_z.up.sql': 'CREATE TABLE registry (access_key varchar(255));',
      },
    }
    expect(await ids(c)).toContain('change-column-type')
  })
})
