/**
 * Issue classes 1 (dialects) and 2 (rollback code) through the whole rule: which database each file runs on
 * and what is then checked, and findings in rollback code capped at rollback_level.
 */
import { migrationSafety } from '../../../src/rules/migration-safety/index.js'
import { ruleOptions, type PartialOptions } from '../../../src/policy/resolved.js'
import type { RuleOptionsById } from '../../../src/rules/index.js'
import { addFilePatch, makeContext, type FakeFile } from '../../helpers/context.js'

type MigrationOptions = RuleOptionsById['migration-safety']

const added = (path: string, head: string): FakeFile => ({ path, status: 'added', head, patch: addFilePatch(head) })
async function run(
  files: FakeFile[],
  over: PartialOptions<MigrationOptions> = {},
  trees: { headTree?: Record<string, string>; baseTree?: Record<string, string> } = {},
) {
  return migrationSafety.evaluate(makeContext({ files, ...trees }), ruleOptions(migrationSafety, { level: 'fail', ...over }))
}
const violations = (out: Awaited<ReturnType<typeof run>>) =>
  out.findings.filter((f) => f.kind === 'violation').map((f) => `${(f.path ?? '').split('/').pop()}:${f.code}:${f.level}`)
const dialectTable = (out: Awaited<ReturnType<typeof run>>) =>
  out
    .tables!.find((t) => t.title === 'Dialect of each migration file')!
    .rows.map((r) => [r[0].split('/').pop(), r[1], r[2], r[3].split(':')[0]])

describe('class 1: the dialect of each migration file', () => {
  test('pop-style files per dialect: only PostgreSQL is parsed as PostgreSQL; CockroachDB gets its subset; the table names each', async () => {
    const dir = 'persistence/sql/migrations'
    const files = [
      added(`${dir}/20240101000000_users.postgres.up.sql`, 'CREATE INDEX users_email_idx ON users (email);'),
      added(`${dir}/20240101000000_users.postgres.down.sql`, 'DROP INDEX users_email_idx;'),
      added(
        `${dir}/20240101000000_users.mysql.up.sql`,
        'CREATE INDEX `users_email_idx` ON `users` (`email`);\nALTER TABLE `users` MODIFY `email` VARCHAR(512) NOT NULL;',
      ),
      added(`${dir}/20240101000000_users.mysql.down.sql`, 'DROP INDEX `users_email_idx` ON `users`;'),
      added(
        `${dir}/20240101000000_users.sqlite3.up.sql`,
        'CREATE TABLE "_users_tmp" ("id" TEXT PRIMARY KEY, "email" TEXT);\nINSERT INTO "_users_tmp" SELECT "id", "email" FROM "users";\nDROP TABLE "users";\nALTER TABLE "_users_tmp" RENAME TO "users";',
      ),
      added(`${dir}/20240101000000_users.sqlite3.down.sql`, ''),
      added(
        `${dir}/20240101000000_users.cockroach.up.sql`,
        'CREATE INDEX users_email_idx ON users (email);\nALTER TABLE users DROP COLUMN legacy;',
      ),
      added(`${dir}/20240101000000_users.cockroach.down.sql`, 'DROP INDEX users_email_idx;'),
    ]
    const out = await run(files)
    expect(violations(out)).toEqual([
      '20240101000000_users.postgres.up.sql:create-index-non-concurrent:fail',
      '20240101000000_users.cockroach.up.sql:drop-column:fail',
    ])
    expect(dialectTable(out)).toEqual([
      ['20240101000000_users.postgres.up.sql', 'PostgreSQL', 'file name', 'all dangers'],
      ['20240101000000_users.postgres.down.sql', 'PostgreSQL', 'file name', 'all dangers'],
      ['20240101000000_users.mysql.up.sql', 'MySQL', 'file name', 'not checked (MySQL)'],
      ['20240101000000_users.mysql.down.sql', 'MySQL', 'file name', 'not checked (MySQL)'],
      ['20240101000000_users.sqlite3.up.sql', 'SQLite', 'file name', 'not checked (SQLite)'],
      ['20240101000000_users.sqlite3.down.sql', 'SQLite', 'file name', 'not checked (SQLite)'],
      ['20240101000000_users.cockroach.up.sql', 'CockroachDB', 'file name', 'not checked (CockroachDB)'],
      ['20240101000000_users.cockroach.down.sql', 'CockroachDB', 'file name', 'not checked (CockroachDB)'],
    ])
    expect(out.summary).toContain(
      'partly or not checked: 2 MySQL, 2 SQLite, 2 CockroachDB); dialect: PostgreSQL 2, MySQL 2, SQLite 2, CockroachDB 2',
    )
    // the CLI prints findings, not tables: a notice names each file that was not (fully) checked
    expect(
      out.findings.filter((f) => f.code === 'dialect').map((f) => [f.kind, (f.path ?? '').split('/').pop(), f.message.split(':')[0]]),
    ).toEqual([
      ['info', '20240101000000_users.mysql.up.sql', 'MySQL migration (from the file name)'],
      ['info', '20240101000000_users.mysql.down.sql', 'MySQL migration (from the file name)'],
      ['info', '20240101000000_users.sqlite3.up.sql', 'SQLite migration (from the file name)'],
      ['info', '20240101000000_users.sqlite3.down.sql', 'SQLite migration (from the file name)'],
      ['info', '20240101000000_users.cockroach.up.sql', 'CockroachDB migration (from the file name)'],
      ['info', '20240101000000_users.cockroach.down.sql', 'CockroachDB migration (from the file name)'],
    ])
  })

  test('pop: a generic file beside a .postgres file of the same migration never runs on PostgreSQL', async () => {
    const d = 'persistence/sql/migrations/sql/20260703000000000000_idx'
    const idx = 'CREATE INDEX courier_idx ON courier_messages (status);'
    const both = await run([
      added(`${d}.autocommit.up.sql`, idx),
      added(`${d}.postgres.autocommit.up.sql`, 'CREATE INDEX CONCURRENTLY courier_idx ON courier_messages (status);'),
      added(`${d}.autocommit.down.sql`, 'DROP INDEX courier_idx;'),
      added(`${d}.postgres.autocommit.down.sql`, 'DROP INDEX CONCURRENTLY courier_idx;'),
    ])
    expect(violations(both)).toEqual([])
    expect(dialectTable(both)[0]).toEqual([
      '20260703000000000000_idx.autocommit.up.sql',
      'CockroachDB',
      expect.stringMatching(/^generic file beside a PostgreSQL file/),
      'not checked (CockroachDB)',
    ])
    // side by side: alone, the generic file is PostgreSQL's too (assumed) and its index build is reported
    const alone = await run([added(`${d}.autocommit.up.sql`, idx), added(`${d}.autocommit.down.sql`, 'DROP INDEX courier_idx;')])
    expect(violations(alone)).toEqual(['20260703000000000000_idx.autocommit.up.sql:create-index-non-concurrent:fail'])
    // with CockroachDB's own file too, the generic one runs only on the others (not checked, not parsed)
    const three = await run([
      added(`${d}.up.sql`, 'ALTER TABLE t DROP COLUMN c;'),
      added(`${d}.postgres.up.sql`, 'SELECT 1;'),
      added(`${d}.cockroach.up.sql`, 'SELECT 1;'),
      added(`${d}.down.sql`, 'SELECT 1;'),
    ])
    expect(dialectTable(three)[0][1]).toBe('another database')
  })
  test('folders: Flyway db/migration/{vendor}, mysql/, postgresql/', async () => {
    const out = await run([
      added('src/main/resources/db/migration/mysql/V3__idx.sql', 'ALTER TABLE `t` ADD INDEX `i` (`c`);'),
      added('db/postgresql/V3__idx.sql', 'CREATE INDEX i ON t (c);'),
    ])
    expect(violations(out)).toEqual(['V3__idx.sql:create-index-non-concurrent:fail'])
    expect(dialectTable(out).map((r) => r.slice(1, 3))).toEqual([
      ['MySQL', 'folder mysql/'],
      ['PostgreSQL', 'folder postgresql/'],
    ])
  })

  test('tool configuration: Prisma migration_lock.toml, Rails database.yml, Django ENGINE, Alembic URL', async () => {
    const prisma = await run(
      [added('prisma/migrations/20240101_init/migration.sql', 'CREATE INDEX i ON t (c);')],
      {},
      { baseTree: { 'prisma/migrations/migration_lock.toml': 'provider = "mysql"\n' } },
    )
    expect(violations(prisma)).toEqual([])
    expect(dialectTable(prisma)[0].slice(1, 3)).toEqual(['MySQL', 'prisma/migrations/migration_lock.toml'])

    const rb =
      'class AddIdx < ActiveRecord::Migration[7.1]\n  def change\n    add_index :users, :email\n    remove_column :users, :legacy, :string\n  end\nend\n'
    const rails = await run(
      [added('db/migrate/20240101000000_add_idx.rb', rb)],
      {},
      { headTree: { 'config/database.yml': 'default: &default\n  adapter: sqlite3\nproduction:\n  <<: *default\n  adapter: mysql2\n' } },
    )
    expect(violations(rails)).toEqual(['20240101000000_add_idx.rb:drop-column:fail'])
    expect(dialectTable(rails)[0].slice(1, 3)).toEqual(['MySQL', 'config/database.yml'])

    const py =
      'from django.db import migrations, models\n\nclass Migration(migrations.Migration):\n    dependencies = []\n    operations = [\n        migrations.AddIndex(model_name="order", index=models.Index(fields=["status"], name="i")),\n    ]\n'
    const django = await run(
      [added('proj/shop/migrations/0002_idx.py', py)],
      {},
      {
        headTree: {
          'proj/manage.py': 'os.environ.setdefault("DJANGO_SETTINGS_MODULE", "conf.settings")\n',
          'proj/conf/settings.py': "DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3'}}\n",
        },
      },
    )
    expect(violations(django)).toEqual([])
    expect(dialectTable(django)[0].slice(1, 3)).toEqual(['SQLite', 'proj/conf/settings.py'])

    const al =
      'from alembic import op\n\ndef upgrade():\n    op.create_index("i", "t", ["c"])\n\ndef downgrade():\n    op.drop_index("i")\n'
    const alembic = await run(
      [added('migrations/versions/abc_idx.py', al)],
      {},
      { headTree: { 'alembic.ini': '[alembic]\nsqlalchemy.url = mysql+pymysql://u@h/db\n' } },
    )
    expect(violations(alembic)).toEqual([])
    const pg = await run(
      [added('migrations/versions/abc_idx.py', al)],
      {},
      { headTree: { 'migrations/env.py': 'url = "postgresql+asyncpg://u@h/db"\n' } },
    )
    expect(violations(pg)).toEqual(['abc_idx.py:create-index-non-concurrent:fail'])
    expect(dialectTable(pg)[0].slice(1, 3)).toEqual(['PostgreSQL', 'migrations/env.py'])
  })

  test('policy: dialect per glob before the file name; global dialect before the configuration', async () => {
    const out = await run([added('db/legacy/V1__x.postgres.sql', 'CREATE INDEX i ON t (c);')], {
      dialects: [{ paths: ['db/legacy/**'], dialect: 'mysql' }],
    })
    expect(violations(out)).toEqual([])
    expect(dialectTable(out)[0].slice(1, 3)).toEqual(['MySQL', 'policy (dialects)'])
    const glob = await run(
      [added('prisma/migrations/20240101_init/migration.sql', 'CREATE INDEX i ON t (c);')],
      { dialect: 'postgres' },
      { baseTree: { 'prisma/migrations/migration_lock.toml': 'provider = "mysql"\n' } },
    )
    expect(violations(glob)).toEqual(['migration.sql:create-index-non-concurrent:fail'])
  })
})

describe('class 2: rollback code is at most a notice (rollback_level)', () => {
  const rb = (body: string) => `class X < ActiveRecord::Migration[7.1]\n${body}\nend\n`
  test('Rails def down and reversible dir.down', async () => {
    const out = await run([
      added(
        'db/migrate/20240101000000_a.rb',
        rb(
          '  def up\n    add_column :users, :a, :string\n  end\n  def down\n    remove_column :users, :a\n    remove_index :users, :a\n  end',
        ),
      ),
      added(
        'db/migrate/20240101000001_b.rb',
        rb(
          '  def change\n    reversible do |dir|\n      dir.up { add_column :users, :b, :string }\n      dir.down { remove_column :users, :b }\n    end\n  end',
        ),
      ),
    ])
    expect(violations(out)).toEqual([
      '20240101000000_a.rb:drop-column:notice',
      '20240101000000_a.rb:drop-index-non-concurrent:notice',
      '20240101000001_b.rb:drop-column:notice',
    ])
    expect(out.findings.find((f) => f.code === 'drop-column')!.message).toMatch(/^In rollback code: /)
    const warn = await run(
      [added('db/migrate/20240101000000_a.rb', rb('  def up\n  end\n  def down\n    remove_column :users, :a\n  end'))],
      { rollback_level: 'warn' },
    )
    expect(violations(warn)).toEqual(['20240101000000_a.rb:drop-column:warn'])
  })

  test('Rails before 3.1: def self.down is rollback code, def self.up forward code', async () => {
    const out = await run([
      added(
        'db/migrate/005_tile_ways.rb',
        rb('  def self.up\n    remove_column :ways, :old_tile\n  end\n\n  def self.down\n    remove_column :ways, :tile\n  end'),
      ),
    ])
    expect(violations(out)).toEqual(['005_tile_ways.rb:drop-column:fail', '005_tile_ways.rb:drop-column:notice'])
  })

  test('forward code keeps its level; a .down.sql is not analysed; Alembic downgrade() is not analysed', async () => {
    const out = await run([
      added('db/migrate/20240101000000_a.rb', rb('  def up\n    remove_column :users, :a\n  end\n  def down\n  end')),
      added('migrations/000002_x.up.sql', 'ALTER TABLE t ADD COLUMN c text;'),
      added('migrations/000002_x.down.sql', 'ALTER TABLE t DROP COLUMN c;\nDROP INDEX i;'),
      added(
        'alembic/versions/abc_x.py',
        'from alembic import op\n\ndef upgrade():\n    op.execute("SELECT 1")\n\ndef downgrade():\n    op.drop_column("t", "c")\n',
      ),
    ])
    expect(violations(out)).toEqual(['20240101000000_a.rb:drop-column:fail'])
  })

  test('Django: a reverse_code that updates every row is at most a notice', async () => {
    const py =
      'from django.db import migrations, models\n\ndef fwd(apps, se):\n    pass\n\ndef back(apps, se):\n    apps.get_model("shop", "Order").objects.update(state=None)\n\nclass Migration(migrations.Migration):\n    dependencies = []\n    operations = [\n        migrations.AddField(model_name="order", name="state", field=models.TextField(null=True)),\n        migrations.RunPython(fwd, back),\n    ]\n'
    const out = await run([added('shop/migrations/0002_x.py', py)], { dangers: { 'backfill-in-transaction': 'fail' } })
    expect(violations(out)).toEqual([])
  })
})
