import { ids, type Case } from './cases.js'
import { migrationSafety } from '../../../../src/rules/migration-safety/index.js'
import { ruleOptions, type PartialOptions } from '../../../../src/policy/resolved.js'
import type { RuleOptionsById } from '../../../../src/rules/index.js'
import { makeContext } from '../../../helpers/context.js'
import { DANGERS } from '../../../../src/rules/migration-safety/dangers.js'

type MigrationOptions = RuleOptionsById['migration-safety']

async function edited(
  path: string,
  base: string,
  head: string,
  over: PartialOptions<MigrationOptions> = {},
  releases?: Record<string, string[]>,
) {
  const out = await migrationSafety.evaluate(
    makeContext({ files: [{ path, status: 'modified', base, head, patch: '@@ -1,1 +1,2 @@\n+x\n a' }], releases }),
    ruleOptions(migrationSafety, { level: 'fail', ...over }),
  )
  return out.findings.filter((f) => f.kind === 'violation')
}
async function edit(
  path: string,
  base: string,
  head: string,
  over: PartialOptions<MigrationOptions> = {},
  releases?: Record<string, string[]>,
) {
  return (await edited(path, base, head, over, releases)).map((f) => `${f.code}:${f.level}`)
}
void ids
void (undefined as Case | undefined)

const rb = 'class AddEmail < ActiveRecord::Migration[7.1]\n  def change\n    add_column :users, :email, :string\n  end\nend\n'

describe('migration-edited', () => {
  test('module', () => expect(DANGERS['migration-edited'].dialects).toContain('mysql'))
  test('reports a change of the statements (SQL, Ruby, Python)', async () => {
    expect(await edit('db/migration/V1__a.sql', 'CREATE TABLE a (id int);', 'CREATE TABLE a (id bigint);')).toEqual([
      'migration-edited:fail',
    ])
    expect(await edit('db/migrate/20200101000000_add_email.rb', rb, rb.replace(':string', ':text'))).toEqual(['migration-edited:fail'])
    expect(await edit('shop/migrations/0001_initial.py', 'ops = [1]\n', 'ops = [2]\n')).toEqual(['migration-edited:fail'])
    expect(await edit('db/migration/mysql/V1__a.sql', 'CREATE TABLE `a` (id int);', 'CREATE TABLE `a` (id bigint);')).toEqual([
      'migration-edited:fail',
    ])
  })
  test('silent on comments and layout: frozen_string_literal, SQL comments, whitespace, Python comments', async () => {
    expect(await edit('db/migrate/20200101000000_add_email.rb', rb, '# frozen_string_literal: true\n\n' + rb)).toEqual([])
    expect(await edit('db/migration/V1__a.sql', 'CREATE TABLE a (id int);', '-- the a table\nCREATE TABLE a (\n  id int\n);')).toEqual([])
    expect(
      await edit(
        'db/migration/mysql/V1__a.sql',
        'CREATE TABLE `a` (id int) ENGINE=InnoDB;',
        '# a\nCREATE TABLE `a` (\n  id int\n) ENGINE=InnoDB;  -- ok',
      ),
    ).toEqual([])
    expect(await edit('shop/migrations/0001_initial.py', 'ops = [1]\n', '# generated\nops = [1]  # one\n')).toEqual([])
    // isort: imports reordered, no operation changed
    expect(
      await edit(
        'shop/migrations/0001_initial.py',
        'from django.db import models, migrations\nimport uuid\nops = [1]\n',
        'import uuid\n\nfrom django.db import migrations, models\nops = [1]\n',
      ),
    ).toEqual([])
  })
  test('a merged rollback file edited is a notice (rollback_level), and so is an edit of rollback code only', async () => {
    expect(await edit('migrations/000001_a.down.sql', 'DROP TABLE a;', 'DROP TABLE IF EXISTS a;')).toEqual(['migration-edited:notice'])
    const withDown =
      'class AddEmail < ActiveRecord::Migration[7.1]\n  def up\n    add_column :users, :email, :string\n  end\n  def down\n    remove_column :users, :email\n  end\nend\n'
    expect(
      await edit(
        'db/migrate/20200101000000_add_email.rb',
        withDown,
        withDown.replace('remove_column :users, :email', 'remove_column :users, :email, if_exists: true'),
      ),
    ).toEqual(['migration-edited:notice'])
    expect(await edit('migrations/000001_a.down.sql', 'DROP TABLE a;', 'DROP TABLE IF EXISTS a;', { rollback_level: 'warn' })).toEqual([
      'migration-edited:warn',
    ])
  })
  test('a Rails option spelled out at its default is no edit: type: :bigint on a reference (5.1+), null: true (OSM ce4fbc63)', async () => {
    const p = 'db/migrate/20201004105659_create_doorkeeper_tables.rb'
    const grants = (ver: string, opts: string) =>
      `class CreateDoorkeeperTables < ActiveRecord::Migration[${ver}]\n  def change\n    create_table :oauth_access_grants do |t|\n      t.references :application, :null => false${opts}\n      t.string :token, :null => false\n    end\n    add_reference :oauth_access_tokens, :application${opts}\n  end\nend\n`
    expect(await edit(p, grants('6.0', ''), grants('6.0', ', :type => :bigint'))).toEqual([])
    expect(await edit(p, grants('6.0', ''), grants('6.0', ', type: :bigint, null: true'))).toEqual([])
    // side by side: before 5.1 a reference is an integer, so bigint changes the column; another type; null: false
    expect(await edit(p, grants('5.0', ''), grants('5.0', ', :type => :bigint'))).toEqual(['migration-edited:fail'])
    expect(await edit(p, grants('6.0', ''), grants('6.0', ', :type => :integer'))).toEqual(['migration-edited:fail'])
    expect(await edit(p, grants('6.0', ''), grants('6.0', ', null: false'))).toEqual(['migration-edited:fail'])
    // type: :bigint on a plain column is a type
    const col = (opts: string) =>
      `class AddC < ActiveRecord::Migration[7.0]\n  def change\n    add_column :users, :c, :integer${opts}\n  end\nend\n`
    expect(await edit('db/migrate/20220101000000_add_c.rb', col(''), col(', type: :bigint'))).toEqual(['migration-edited:fail'])
    // change_column … null: true drops a NOT NULL: not a default
    const chg = (opts: string) =>
      `class ChgC < ActiveRecord::Migration[7.0]\n  def up\n    change_column :users, :c, :bigint${opts}\n  end\nend\n`
    expect(await edit('db/migrate/20220101000000_chg_c.rb', chg(''), chg(', null: true'))).toEqual(['migration-edited:fail'])
  })
  test('the migration class renamed (Rails records the version, not the class: OSM 5677877e) is no edit', async () => {
    const p = 'db/migrate/001_create_osm_db.rb'
    const m = (cls: string, col = 'bigint') =>
      `require "migrate"\n\nclass ${cls} < ActiveRecord::Migration[4.2]\n  def self.up\n    create_table "current_nodes", :id => false do |t|\n      t.column "id", :${col}, :null => false\n    end\n  end\nend\n`
    expect(await edit(p, m('CreateOsmDb'), m('CreateOSMDb'))).toEqual([])
    // side by side: a statement changes with it; a class that is not the migration (a model stub) renamed
    expect(await edit(p, m('CreateOsmDb'), m('CreateOSMDb', 'integer'))).toEqual(['migration-edited:fail'])
    const stub = (name: string) =>
      `class AddC < ActiveRecord::Migration[7.0]\n  class ${name} < ApplicationRecord\n  end\n\n  def up\n    ${name}.update_all(c: 1)\n  end\nend\n`
    expect(await edit('db/migrate/20220101000000_add_c.rb', stub('User'), stub('Account'))).not.toEqual([])
  })
  test('the Rails version changed between bare, 4.2 and 5.0 with no call they run differently is no edit (OSM 38640e02, b606acba)', async () => {
    const p = 'db/migrate/044_create_user_roles.rb'
    const m = (sup: string, body = '      t.column "role", :string, :null => false\n      t.timestamps :null => true\n') =>
      `class CreateUserRoles < ${sup}\n  def self.up\n    create_table "user_roles" do |t|\n${body}    end\n    add_index :user_roles, [:user_id]\n  end\n\n  def self.down\n    remove_index :user_roles, :name => "index_user_roles_on_user_id"\n    drop_table :user_roles\n  end\nend\n`
    expect(await edit(p, m('ActiveRecord::Migration'), m('ActiveRecord::Migration[5.0]'))).toEqual([])
    expect(await edit(p, m('ActiveRecord::Migration[5.0]'), m('ActiveRecord::Migration[4.2]'))).toEqual([])
    // bare and [4.2] run the same whatever the body
    const bare = '      t.references :user\n      t.timestamps\n'
    expect(await edit(p, m('ActiveRecord::Migration', bare), m('ActiveRecord::Migration[4.2]', bare))).toEqual([])
    // side by side: a call 4.2 and 5.0 run differently (timestamps NOT NULL, a reference's index, remove_index by column)
    for (const body of ['      t.timestamps\n', '      t.references :user, :null => false\n', '      t.belongs_to :user\n'])
      expect(await edit(p, m('ActiveRecord::Migration[4.2]', body), m('ActiveRecord::Migration[5.0]', body))).toEqual([
        'migration-edited:fail',
      ])
    const byColumn = m('ActiveRecord::Migration[4.2]').replace(':name => "index_user_roles_on_user_id"', ':column => :user_id')
    expect(await edit(p, byColumn, byColumn.replace('[4.2]', '[5.0]'))).toEqual(['migration-edited:fail'])
    expect(
      await edit(
        p,
        m('ActiveRecord::Migration[4.2]', '      t.references :user, index: false\n'),
        m('ActiveRecord::Migration[5.0]', '      t.references :user, index: false\n'),
      ),
    ).toEqual([])
    // other versions change what runs (5.1: bigint primary keys; 7.0: datetime precision)
    expect(await edit(p, m('ActiveRecord::Migration[5.0]'), m('ActiveRecord::Migration[5.1]'))).toEqual(['migration-edited:fail'])
    expect(await edit(p, m('ActiveRecord::Migration[6.1]'), m('ActiveRecord::Migration[7.0]'))).toEqual(['migration-edited:fail'])
  })
  test('a heredoc delimiter renamed and literal strings joined with a backslash instead of + are no edit (OSM 8dae890a)', async () => {
    const p = 'db/migrate/023_add_changesets.rb'
    const m = (end: string, join: string, sql = 'SELECT id, id FROM users;') =>
      `class AddChangesets < ActiveRecord::Migration[4.2]\n  def self.up\n    execute <<-${end}\n    INSERT INTO changesets (id) SELECT id FROM #{tbl}\n    ${end}\n    execute "INSERT INTO changesets (id, user_id)"${join}\n            "${sql}"\n  end\nend\n`
    expect(await edit(p, m('END_SQL', ' +'), m('SQL', ' \\'))).toEqual([])
    expect(await edit(p, m('SQL', ' \\'), m('SQL', ' +'))).toEqual([])
    // side by side: the joined SQL differs; a quoted delimiter stops the #{tbl} interpolation; a string plus a variable
    expect(await edit(p, m('END_SQL', ' +'), m('SQL', ' \\', 'SELECT id, 1 FROM users;'))).toEqual(['migration-edited:fail'])
    expect(
      await edit(p, m('SQL', ' +'), m('SQL', ' +').replace('<<-SQL', "<<-'SQL'").replace('    SQL\n    execute', '    SQL\n    execute')),
    ).toEqual(['migration-edited:fail'])
    const withVar = (op: string) =>
      `class AddChangesets < ActiveRecord::Migration[4.2]\n  def self.up\n    execute "UPDATE t SET a = 1"${op}\n  end\nend\n`
    expect(await edit(p, withVar(' + where'), withVar(' + other'))).toEqual(['migration-edited:fail'])
  })
  test('a percent literal array with other delimiters (%w() to %w[], rubocop Style/PercentLiteralDelimiters) is no edit (OSM 5b33f3f8)', async () => {
    const p = 'db/migrate/001_create_osm_db.rb'
    const m = (cols: string) =>
      `class CreateOsmDb < ActiveRecord::Migration[4.2]\n  def self.up\n    add_index "current_nodes", ${cols}, :name => "current_nodes_lat_lon_idx"\n  end\nend\n`
    expect(await edit(p, m('%w(latitude longitude)'), m('%w[latitude longitude]'))).toEqual([])
    expect(await edit(p, m('%i(latitude longitude)'), m('%i[latitude longitude]'))).toEqual([])
    // side by side: another column, another kind of literal (symbols, interpolating %W)
    expect(await edit(p, m('%w(latitude longitude)'), m('%w[latitude tile]'))).toEqual(['migration-edited:fail'])
    expect(await edit(p, m('%w(latitude longitude)'), m('%i[latitude longitude]'))).toEqual(['migration-edited:fail'])
    expect(await edit(p, m('%w(latitude #{x})'), m('%W[latitude #{x}]'))).toEqual(['migration-edited:fail'])
  })
  test('a comparison with 0 written as its numeric predicate (rubocop Style/NumericPredicate) is no edit', async () => {
    const p = 'db/migrate/008_remove_segments.rb'
    const m = (cond: string, body = 'add_column :nodes, :tile, :bigint') =>
      `class RemoveSegments < ActiveRecord::Migration[4.2]\n  def self.up\n    n = select_value("SELECT count(*) FROM current_segments").to_i\n    if ${cond}\n      ${body}\n    end\n  end\nend\n`
    expect(await edit(p, m('n > 0'), m('n.positive?'))).toEqual([])
    expect(await edit(p, m('n == 0'), m('n.zero?'))).toEqual([])
    expect(await edit(p, m('n != 0 && true'), m('n.nonzero? && true'))).toEqual([])
    // side by side: another number, another receiver, and nonzero? where its value (n or nil) is used
    expect(await edit(p, m('n > 0'), m('n > 1'))).toEqual(['migration-edited:fail'])
    expect(await edit(p, m('n > 0'), m('m.positive?'))).toEqual(['migration-edited:fail'])
    const kept = (v: string) =>
      `class RemoveSegments < ActiveRecord::Migration[4.2]\n  def self.up\n    add_column :nodes, :tile, :bigint, default: ${v}\n  end\nend\n`
    expect(await edit(p, kept('n != 0'), kept('n.nonzero?'))).toEqual(['migration-edited:fail'])
    // a flag only ever tested (OSM d82f9d12: have_segs = ….to_i != 0, then `if have_segs` and `… if have_segs`)
    const flag = (v: string, use = '    tempfiles.each { |f| File.unlink f } if have_segs\n') =>
      `class RemoveSegments < ActiveRecord::Migration[4.2]\n  def self.up\n    have_segs = select_value("SELECT count(*) FROM s").to_i${v}\n    if have_segs\n      add_column :nodes, :tile, :bigint\n    end\n${use}  end\nend\n`
    expect(await edit(p, flag(' != 0'), flag('.nonzero?'))).toEqual([])
    // side by side: the flag's value used (printed, passed on)
    const used = '    say "segments: #{have_segs}"\n'
    expect(await edit(p, flag(' != 0', used), flag('.nonzero?', used))).toEqual(['migration-edited:fail'])
  })
  test('null: true on timestamps is the default at 4.2 only (5.0 makes them NOT NULL) (OSM febff23c)', async () => {
    const p = 'db/migrate/040_create_oauth_tables.rb'
    const m = (sup: string, ts: string) =>
      `class CreateOauthTables < ${sup}\n  def self.up\n    create_table :client_applications do |t|\n      t.string :name\n      ${ts}\n    end\n  end\nend\n`
    expect(await edit(p, m('ActiveRecord::Migration', 't.timestamps'), m('ActiveRecord::Migration', 't.timestamps :null => true'))).toEqual(
      [],
    )
    expect(
      await edit(p, m('ActiveRecord::Migration[4.2]', 't.timestamps'), m('ActiveRecord::Migration[4.2]', 't.timestamps(null: true)')),
    ).toEqual([])
    // side by side: from 5.0 on the column was NOT NULL, so null: true changes it; null: false at 4.2 too
    expect(
      await edit(p, m('ActiveRecord::Migration[5.0]', 't.timestamps'), m('ActiveRecord::Migration[5.0]', 't.timestamps null: true')),
    ).toEqual(['migration-edited:fail'])
    expect(
      await edit(p, m('ActiveRecord::Migration', 't.timestamps'), m('ActiveRecord::Migration', 't.timestamps :null => false')),
    ).toEqual(['migration-edited:fail'])
  })
  test('.freeze on the literal a constant holds (rubocop Style/MutableConstant) is no edit (OSM 8fe18995)', async () => {
    const p = 'db/migrate/041_add_fine_o_auth_permissions.rb'
    const m = (perms: string, col = 'allow_read_prefs') =>
      `class AddFineOAuthPermissions < ActiveRecord::Migration[4.2]\n  PERMISSIONS = ${perms}\n\n  def self.up\n    add_column :client_applications, :${col}, :boolean\n  end\nend\n`
    expect(await edit(p, m('[:allow_read_prefs, :allow_write_prefs]'), m('[:allow_read_prefs, :allow_write_prefs].freeze'))).toEqual([])
    // side by side: another element; freeze on a variable's value, which code may still compare by identity
    expect(await edit(p, m('[:allow_read_prefs]'), m('[:allow_read_prefs, :allow_write_prefs].freeze'))).not.toEqual([])
  })
  test('def change split into the same up and a down (rubocop Rails/ReversibleMigration) edits rollback code only (OSM fea1b5b8)', async () => {
    const p = 'db/migrate/20201214144017_expand_nonce_id.rb'
    const change = (body: string) => `class ExpandNonceId < ActiveRecord::Migration[6.0]\n  def change\n${body}  end\nend\n`
    const split = (body: string) =>
      `class ExpandNonceId < ActiveRecord::Migration[6.0]\n  def up\n${body}  end\n\n  def down\n    raise ActiveRecord::IrreversibleMigration\n  end\nend\n`
    const body = '    safety_assured do\n      change_column :oauth_nonces, :id, :bigint\n    end\n'
    const f = await edited(p, change(body), split(body))
    expect(f.map((x) => `${x.code}:${x.level}`)).toEqual(['migration-edited:notice'])
    expect(f[0].message).toMatch(/edited in its rollback code/)
    // side by side: the body of up differs from the change it replaces
    expect(await edit(p, change(body), split(body.replace(':bigint', ':integer')))).toEqual(['migration-edited:fail'])
  })
  test('def self.down (Rails before 3.1) is rollback code: an edit there is a notice, its dangers at rollback_level', async () => {
    const p = 'db/migrate/006_tile_nodes.rb'
    const old = (down: string) =>
      `class TileNodes < ActiveRecord::Migration[4.2]\n  def self.up\n    add_column :nodes, :tile, :bigint\n  end\n\n  def self.down\n${down}  end\nend\n`
    expect(await edit(p, old('    remove_column :nodes, :tile\n'), old('    remove_column :nodes, :tile, :bigint\n'))).toEqual([
      'migration-edited:notice',
    ])
    expect(
      await edit(p, old('    remove_column :nodes, :tile\n'), old('    remove_column :nodes, :tile\n').replace(':bigint', ':integer')),
    ).toEqual(['migration-edited:fail'])
  })
  test('heredoc layout (<<- to <<~, re-indented) and a bumped timeout are no edit; the SQL or schema statements beside them are', async () => {
    const heredoc = (op: string, indent: string, sql: string) =>
      `class TileNodes < ActiveRecord::Migration[4.2]\n  def self.up\n    execute ${op}SQL.squish\n${indent}INSERT INTO t (id)\n${indent}SELECT id FROM ${sql}\n    SQL\n  end\nend\n`
    const rbPath = 'db/migrate/006_tile_nodes.rb'
    expect(await edit(rbPath, heredoc('<<-', '    ', 'old_t'), heredoc('<<~', '      ', 'old_t'))).toEqual([])
    expect(await edit(rbPath, heredoc('<<-', '    ', 'old_t'), heredoc('<<~', '      ', 'other_t'))).toEqual(['migration-edited:fail'])
    const alembicMig = (timeout: string, col: string) =>
      `from alembic import op\nimport sqlalchemy as sa\n\ndef upgrade():\n    op.execute("SET LOCAL lock_timeout = '${timeout}'")\n    op.add_column("customers", sa.Column("${col}", sa.TIMESTAMP(timezone=True), nullable=True))\n\ndef downgrade():\n    op.drop_column("customers", "${col}")\n`
    const pyPath = 'server/migrations/versions/2026-07-30-1509_add_first_event.py'
    expect(await edit(pyPath, alembicMig('5s', 'first_user_event_at'), alembicMig('30s', 'first_user_event_at'))).toEqual([])
    expect(await edit(pyPath, alembicMig('5s', 'first_user_event_at'), alembicMig('30s', 'first_event_at'))).toEqual([
      'migration-edited:fail',
    ])
    expect(
      await edit(
        'db/migration/V1__a.sql',
        "SET lock_timeout = '2s';\nALTER TABLE a ADD COLUMN b text;",
        "SET lock_timeout = '10s';\nALTER TABLE a ADD COLUMN b text;",
      ),
    ).toEqual([])
    expect(
      await edit(
        'db/migration/V1__a.sql',
        "SET lock_timeout = '2s';\nALTER TABLE a ADD COLUMN b text;",
        'SET search_path = x;\nALTER TABLE a ADD COLUMN b text;',
      ),
    ).toEqual(['migration-edited:fail'])
  })
  test('.squish added to a heredoc of SQL (rubocop Rails/SquishedSQLHeredocs, OSM 18b9b9f1) is no edit; not when the SQL has a -- comment', async () => {
    const tile = (squish: string, sql: string) =>
      `class TileNodes < ActiveRecord::Migration[4.2]\n  def self.up\n    execute <<-SQL${squish}\n    INSERT INTO t (id)\n    ${sql}\n    SQL\n  end\nend\n`
    const rbPath = 'db/migrate/006_tile_nodes.rb'
    expect(await edit(rbPath, tile('', 'SELECT id FROM old_t'), tile('.squish', 'SELECT id FROM old_t'))).toEqual([])
    expect(await edit(rbPath, tile('', 'SELECT id FROM old_t'), tile('.squish', 'SELECT id FROM other_t'))).toEqual([
      'migration-edited:fail',
    ])
    // squish joins the lines: a -- comment then swallows the rest of the statement
    expect(
      await edit(rbPath, tile('', '-- all rows\n    SELECT id FROM old_t'), tile('.squish', '-- all rows\n    SELECT id FROM old_t')),
    ).toEqual(['migration-edited:fail'])
  })
  test('a rename that keeps the version number and the contents is no edit where the tool keys migrations by version', async () => {
    const renamed = async (from: string, to: string, base: string, head: string) => {
      const out = await migrationSafety.evaluate(
        makeContext({ files: [{ path: to, previousPath: from, status: 'renamed', base, head }] }),
        ruleOptions(migrationSafety, { level: 'fail' }),
      )
      return out.findings.filter((f) => f.kind === 'violation').map((f) => `${f.code}:${f.level}`)
    }
    const sqlText = 'CREATE INDEX i ON t (a);'
    const d = 'persistence/sql/migrations/sql'
    expect(
      await renamed(
        `${d}/20241106142200000001_identities.mysql.autocommit.up.sql`,
        `${d}/20241106142200000001_identities.mysql.up.sql`,
        sqlText,
        sqlText,
      ),
    ).toEqual([])
    expect(await renamed('db/migrate/20200101000000_add_email.rb', 'db/migrate/20200101000000_add_user_email.rb', rb, rb)).toEqual([])
    // side by side: another version, other contents, or a tool that keys migrations by name (Django, Flyway's description)
    expect(await renamed(`${d}/0180_2.15.0_schema.up.sql`, `${d}/0171_2.14.1_schema.up.sql`, sqlText, sqlText)).toEqual([
      'migration-edited:fail',
    ])
    expect(
      await renamed(
        `${d}/20241106142200000001_identities.mysql.autocommit.up.sql`,
        `${d}/20241106142200000001_identities.mysql.up.sql`,
        sqlText,
        'CREATE INDEX i ON t (b);',
      ),
    ).toEqual(['migration-edited:fail'])
    expect(await renamed('shop/migrations/0002_a.py', 'shop/migrations/0002_b.py', 'ops = [1]\n', 'ops = [1]\n')).toEqual([
      'migration-edited:fail',
    ])
    expect(await renamed('db/migration/V2__a.sql', 'db/migration/V2__b.sql', sqlText, sqlText)).toEqual(['migration-edited:fail'])
  })
  test('Alembic keys migrations by the revision inside the file: a rename with the same contents is no edit (polar 87498932)', async () => {
    const renamed = async (from: string, to: string, base: string, head: string) => {
      const out = await migrationSafety.evaluate(
        makeContext({ files: [{ path: to, previousPath: from, status: 'renamed', base, head }] }),
        ruleOptions(migrationSafety, { level: 'fail' }),
      )
      return out.findings.filter((f) => f.kind === 'violation').map((f) => `${f.code}:${f.level}`)
    }
    const v = 'server/migrations/versions'
    const mig = (rev: string, col = 'support_tier') =>
      `revision = "${rev}"\ndown_revision = "a1b2c3d4e5f6"\n\n\ndef upgrade() -> None:\n    op.add_column("organizations", sa.Column("${col}", sa.String(), nullable=True))\n\n\ndef downgrade() -> None:\n    op.drop_column("organizations", "${col}")\n`
    const from = `${v}/2026-06-15-1610_add_support_tier_to_organizations.py`
    const to = `${v}/2026-06-16-1610_add_support_tier_to_organizations.py`
    expect(await renamed(from, to, mig('9f1e2d3c4b5a'), mig('9f1e2d3c4b5a'))).toEqual([])
    // side by side: the contents change (another revision, another column), or the file moves to another folder
    expect(await renamed(from, to, mig('9f1e2d3c4b5a'), mig('0a0a0a0a0a0a'))).toEqual(['migration-edited:fail'])
    expect(await renamed(from, to, mig('9f1e2d3c4b5a'), mig('9f1e2d3c4b5a', 'tier'))).toEqual(['migration-edited:fail'])
    expect(await renamed(from, `server/old/versions/2026-06-16-1610_x.py`, mig('9f1e2d3c4b5a'), mig('9f1e2d3c4b5a'))).toEqual([
      'migration-edited:fail',
    ])
  })
  describe('an edit of data or helper code only (data_edit_level)', () => {
    const acl = (conv: string, patch: string) =>
      `require "ipaddr"\n\n${patch}class MergeAcl < ActiveRecord::Migration[4.2]\n  class Acl < ApplicationRecord\n  end\n\n  def up\n    add_column :acls, :prefix, :integer\n    Acl.find_each do |acl|\n      acl.prefix = IPAddr.new(acl.address).${conv}\n      acl.save!\n    end\n    remove_column :acls, :netmask\n  end\nend\n`
    const rbPath = 'db/migrate/20120208122334_merge_acl.rb'
    test('Rails: a row loop and a monkeypatch rewritten, the schema calls unchanged: a notice that says why', async () => {
      const f = await edited(rbPath, acl('prefix_len', 'class IPAddr\n  def prefix_len\n    1\n  end\nend\n\n'), acl('prefix', ''))
      expect(f.map((x) => `${x.code}:${x.level}`)).toEqual(['migration-edited:notice'])
      expect(f[0].message).toMatch(/data or helper code only.*schema statements, and the code that feeds them, are unchanged/)
      expect(await edit(rbPath, acl('prefix_len', ''), acl('prefix', ''), { data_edit_level: 'fail' })).toEqual(['migration-edited:fail'])
    })
    test('Rails side by side: a schema call, its options, or a list a loop of schema calls walks over changes: fail', async () => {
      expect(await edit(rbPath, acl('prefix', ''), acl('prefix', '').replace(':integer', ':bigint'))).toEqual(['migration-edited:fail'])
      const loop = (tables: string, write: string) =>
        `class MoveToInnodb < ActiveRecord::Migration[4.2]\n  @ver_tbl = %w[${tables}]\n\n  def self.up\n    @ver_tbl.each do |tbl|\n      add_column "current_#{tbl}", "version", :bigint, :null => false\n      tbl.classify.constantize.update_all(:version => -1) while tbl.classify.constantize.where(:version => -1).${write}\n    end\n  end\nend\n`
      expect(await edit('db/migrate/021_move_to_innodb.rb', loop('nodes ways', 'count.positive?'), loop('nodes ways', 'any?'))).toEqual([
        'migration-edited:notice',
      ])
      expect(await edit('db/migrate/021_move_to_innodb.rb', loop('nodes ways', 'any?'), loop('nodes ways relations', 'any?'))).toEqual([
        'migration-edited:fail',
      ])
      const helper = (cols: string) =>
        `class AddIdx < ActiveRecord::Migration[7.1]\n  def cols\n    ${cols}\n  end\n\n  def change\n    add_index :users, cols\n  end\nend\n`
      expect(await edit('db/migrate/20200101000000_add_idx.rb', helper('[:a]'), helper('[:a, :b]'))).toEqual(['migration-edited:fail'])
      const exec = (sql: string) =>
        `class Fix < ActiveRecord::Migration[7.1]\n  def up\n    Node.find_each do |n|\n      connection.execute("${sql}")\n    end\n  end\nend\n`
      expect(await edit('db/migrate/20200101000000_fix.rb', exec('ALTER TABLE a ADD b int'), exec('ALTER TABLE a ADD c int'))).toEqual([
        'migration-edited:fail',
      ])
    })
    test('Rails: a model class method named like a schema statement (UserRole.create, User.reset_counters, Language.load) is row code (OSM e6667b7f)', async () => {
      const roles = (base: string, cond: string) =>
        `class CreateUserRoles < ActiveRecord::Migration[4.2]\n  class User < ${base}\n  end\n\n  class UserRole < ${base}\n  end\n\n  def self.up\n    create_table :user_roles do |t|\n      t.column :user_id, :bigint, :null => false\n    end\n\n    User.where(${cond}).each do |user|\n      UserRole.create(:user_id => user.id)\n      User.reset_counters(user.id, :roles)\n    end\n  end\nend\n`
      const path = 'db/migrate/044_create_user_roles.rb'
      expect(
        await edit(path, roles('ActiveRecord::Base', '"administrator"'), roles('ApplicationRecord', ':administrator => true')),
      ).toEqual(['migration-edited:notice'])
      const langs = (join: string) =>
        `class CreateLanguages < ActiveRecord::Migration[4.2]\n  def self.up\n    create_table :languages, :id => false do |t|\n      t.string :code, :null => false\n    end\n\n    Language.load(${join})\n  end\nend\n`
      expect(
        await edit(
          'db/migrate/034_create_languages.rb',
          langs('Rails.root.join("config", "languages.yml")'),
          langs('Rails.root.join("config/languages.yml")'),
        ),
      ).toEqual(['migration-edited:notice'])
    })
    test('Rails: a row write on an association or scope (entry.subscriptions.create) is row code (OSM 826b70fd, 8750405b)', async () => {
      const subscribe = (stub: string, up: string) =>
        `class SubscribeAuthorsToDiaryEntries < ActiveRecord::Migration[4.2]\n${stub}  def up\n${up}  end\n\n  def down; end\nend\n`
      const loop =
        '    DiaryEntry.find_each do |diary_entry|\n      diary_entry.subscriptions.create(:user => diary_entry.user) unless diary_entry.subscribers.exists?(diary_entry.user.id)\n    end\n'
      const path = 'db/migrate/20161011010929_subscribe_authors_to_diary_entries.rb'
      // the model stub added (8750405b), the loop emptied into a rake task (826b70fd)
      expect(await edit(path, subscribe('', loop), subscribe('  class DiaryEntry < ApplicationRecord\n  end\n\n', loop))).toEqual([
        'migration-edited:notice',
      ])
      expect(await edit(path, subscribe('', loop), subscribe('', ''))).toEqual(['migration-edited:notice'])
      // side by side: a receiver-less create, which could be the project's own helper, stays schema
      expect(await edit(path, subscribe('', '    create(:a)\n'), subscribe('', '    create(:b)\n'))).toEqual(['migration-edited:fail'])
    })
    test('side by side: a schema statement called on a receiver (a helper module, the connection) is still schema', async () => {
      const helper = (col: string) =>
        `class AddIdx < ActiveRecord::Migration[7.1]\n  def up\n    Helpers.add_index_concurrently(:users, :${col})\n    ActiveRecord::Base.connection.execute("SELECT 1")\n  end\nend\n`
      expect(await edit('db/migrate/20200101000000_add_idx.rb', helper('a'), helper('b'))).toEqual(['migration-edited:fail'])
      const conn = (sql: string) =>
        `class Fix < ActiveRecord::Migration[7.1]\n  def up\n    ActiveRecord::Base.connection.execute("${sql}")\n  end\nend\n`
      expect(await edit('db/migrate/20200101000000_fix.rb', conn('ALTER TABLE a ADD b int'), conn('ALTER TABLE a ADD c int'))).toEqual([
        'migration-edited:fail',
      ])
      const model = (cols: string) => `class Fix < ActiveRecord::Migration[7.1]\n  def up\n    User.create_table_for(${cols})\n  end\nend\n`
      expect(await edit('db/migrate/20200101000000_fix.rb', model(':a'), model(':b'))).toEqual(['migration-edited:fail'])
    })
    const django = (body: string, op = 'migrations.RunPython(code=set_vid_ranges, reverse_code=migrations.RunPython.noop)') =>
      `from django.db import migrations\n\n\ndef set_vid_ranges(apps, schema_editor):\n    VLANGroup = apps.get_model('ipam', 'VLANGroup')\n    db_alias = schema_editor.connection.alias\n${body}\n\n\nclass Migration(migrations.Migration):\n    dependencies = [('ipam', '0069_gfk_indexes')]\n\n    operations = [\n        migrations.AddField(model_name='vlangroup', name='vid_ranges', field=models.TextField(null=True)),\n        ${op},\n    ]\n`
    const loopSave =
      '    for group in VLANGroup.objects.using(db_alias).all():\n        group.vid_ranges = str(group.min_vid)\n        group.save()'
    const bulk =
      "    groups = VLANGroup.objects.using(db_alias).only('id', 'min_vid')\n    for group in groups:\n        group.vid_ranges = str(group.min_vid)\n    VLANGroup.objects.using(db_alias).bulk_update(groups, ['vid_ranges'], batch_size=100)"
    const pyPath = 'netbox/ipam/migrations/0070_vlangroup_vlan_id_ranges.py'
    test('Django: a RunPython function rewritten (save() loop to bulk_update): a notice', async () => {
      expect(await edit(pyPath, django(loopSave), django(bulk))).toEqual(['migration-edited:notice'])
    })
    test('Django side by side: an operation changes, or the function runs SQL through schema_editor or a cursor: fail', async () => {
      expect(await edit(pyPath, django(loopSave), django(loopSave, 'migrations.RunPython(code=set_vid_ranges)'))).toEqual([
        'migration-edited:fail',
      ])
      expect(await edit(pyPath, django(loopSave), django(loopSave).replace('null=True', 'null=False'))).toEqual(['migration-edited:fail'])
      const ddl = (col: string) => `    schema_editor.execute('ALTER TABLE ipam_vlangroup ADD COLUMN ${col} int')`
      expect(await edit(pyPath, django(ddl('a')), django(ddl('b')))).toEqual(['migration-edited:fail'])
      // not a framework migration: no data/schema split is attempted
      expect(await edit('shop/migrations/0001_initial.py', 'ops = [1]\n', 'ops = [2]\n')).toEqual(['migration-edited:fail'])
    })
    test('Python: parentheses around one expression (ruff) are no edit; a tuple is not that', async () => {
      const run = (arg: string) =>
        `from django.db import migrations\n\n\nclass Migration(migrations.Migration):\n    operations = [\n        migrations.RunSQL(${arg}),\n    ]\n`
      const sql = "\n            'ALTER TABLE IF EXISTS a_seq '\n            'RENAME TO b_seq'\n        "
      expect(await edit('netbox/vpn/migrations/0005_rename_indexes.py', run(`(${sql})`), run(sql))).toEqual([])
      expect(await edit('netbox/vpn/migrations/0005_rename_indexes.py', run(`(${sql},)`), run(sql))).toEqual(['migration-edited:fail'])
    })
  })
  describe("an edit of Django's migration state only (data_edit_level)", () => {
    const path = 'netbox/dcim/migrations/0216_latitude_longitude_validators.py'
    const mig = (validators: string, deps = "('dcim', '0215_rackreservation_status')", extra = '') =>
      `import django.core.validators\nfrom decimal import Decimal\nfrom django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [\n        ${deps},\n    ]\n\n    operations = [\n        migrations.AlterField(\n            model_name='site',\n            name='latitude',\n            field=models.DecimalField(\n                blank=True,\n                decimal_places=6,\n                max_digits=8,\n                null=True,\n                validators=[${validators}],${extra}\n            ),\n        ),\n    ]\n`
    const ints = 'django.core.validators.MinValueValidator(-90.0), django.core.validators.MaxValueValidator(90.0)'
    const decs = "django.core.validators.MinValueValidator(Decimal('-90.0')), django.core.validators.MaxValueValidator(Decimal('90.0'))"
    test('validators, help_text or choices of a field changed, or a dependency dropped: a notice that says why', async () => {
      const f = await edited(path, mig(ints), mig(decs))
      expect(f.map((x) => `${x.code}:${x.level}`)).toEqual(['migration-edited:notice'])
      expect(f[0].message).toMatch(/Django's migration state only.*the database never sees/)
      expect(await edit(path, mig(ints), mig(ints, undefined, "\n                help_text='WGS84'"))).toEqual(['migration-edited:notice'])
      const two = "('dcim', '0215_rackreservation_status'),\n        ('core', '0018_concrete_job_data')"
      expect(await edit(path, mig(ints, two), mig(ints))).toEqual(['migration-edited:notice'])
      expect(await edit(path, mig(ints), mig(decs), { data_edit_level: 'fail' })).toEqual(['migration-edited:fail'])
      // a validator added as the last argument of a field that had none (netbox 0205, release 4.4.0 merge)
      const schema = (extra: string) =>
        `from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [('dcim', '0204')]\n    operations = [\n        migrations.CreateModel(\n            name='ModuleTypeProfile',\n            fields=[\n                ('schema', models.JSONField(blank=True, null=True${extra})),\n            ],\n        ),\n    ]\n`
      expect(await edit(path, schema(''), schema(', validators=[utilities.jsonschema.validate_schema]'))).toEqual([
        'migration-edited:notice',
      ])
      expect(await edit(path, schema(''), schema(', db_comment="x"'))).toEqual(['migration-edited:fail'])
      // where a file goes and how its image is measured is Python's business (netbox 86755029: upload_to moved module)
      const image = (imp: string, extra = '') =>
        `from django.db import migrations, models\nimport ${imp}\n\n\nclass Migration(migrations.Migration):\n    dependencies = [('extras', '0005')]\n    operations = [\n        migrations.CreateModel(\n            name='ImageAttachment',\n            fields=[\n                ('image', models.ImageField(height_field='image_height', upload_to=${imp}.image_upload, width_field='image_width'${extra})),\n            ],\n        ),\n    ]\n`
      expect(await edit(path, image('extras.models'), image('extras.utils'))).toEqual(['migration-edited:notice'])
      expect(await edit(path, image('extras.models'), image('extras.utils', ', max_length=200'))).toEqual(['migration-edited:fail'])
      // a default dropped from a CreateModel field (netbox b72793a8): Django creates the table without it
      expect(await edit(path, schema(', default=dict'), schema(''))).toEqual(['migration-edited:notice'])
      // side by side: db_default is written into the table
      expect(await edit(path, schema(''), schema(', db_default="{}"'))).toEqual(['migration-edited:fail'])
    })
    test("a model's Python-only options (ordering, verbose_name, permissions) are state too (netbox 2c06616a)", async () => {
      const p = 'netbox/extras/migrations/0091_create_managedfiles.py'
      const m = (opts: string) =>
        `from django.db import migrations\n\n\nclass Migration(migrations.Migration):\n    dependencies = [('core', '0002_managedfile')]\n    operations = [\n        migrations.CreateModel(\n            name='ReportModule',\n            fields=[],\n            options={\n                'proxy': True,\n${opts}                'indexes': [],\n            },\n            bases=('core.managedfile',),\n        ),\n    ]\n`
      expect(await edit(p, m(''), m("                'ordering': ('file_root', 'file_path'),\n"))).toEqual(['migration-edited:notice'])
      expect(await edit(p, m(''), m("                'verbose_name': 'report',\n"))).toEqual(['migration-edited:notice'])
      // side by side: options the database sees
      expect(await edit(p, m(''), m("                'db_table': 'extras_reportmodule',\n"))).toEqual(['migration-edited:fail'])
      expect(await edit(p, m(''), m("                'unique_together': {('a', 'b')},\n"))).toEqual(['migration-edited:fail'])
    })
    test('side by side: a column option, another operation or a dependency added still fails', async () => {
      expect(await edit(path, mig(ints), mig(decs).replace('max_digits=8', 'max_digits=9'))).toEqual(['migration-edited:fail'])
      expect(await edit(path, mig(ints), mig(decs).replace('null=True', 'null=False'))).toEqual(['migration-edited:fail'])
      expect(await edit(path, mig(ints), mig(ints, undefined, '\n                default=0'))).toEqual(['migration-edited:fail'])
      expect(await edit(path, mig(ints), mig(ints).replace("name='latitude'", "name='longitude'"))).toEqual(['migration-edited:fail'])
      // a dependency added: databases that applied this migration before the new dependency stop with
      // InconsistentMigrationHistory
      const two = "('dcim', '0215_rackreservation_status'),\n        ('core', '0018_concrete_job_data')"
      expect(await edit(path, mig(ints), mig(ints, two))).toEqual(['migration-edited:fail'])
      // a RunPython helper that passes validators= is data code (data_edit_level); a column option beside it fails
      const data = (v: string) =>
        `from django.db import migrations\n\n\ndef fix(apps, schema_editor):\n    apps.get_model('dcim', 'Site').objects.update(status=clean(validators=${v}))\n\n\nclass Migration(migrations.Migration):\n    dependencies = [('dcim', '0001')]\n    operations = [migrations.AlterField(model_name='site', name='status', field=models.CharField(max_length=50)), migrations.RunPython(fix)]\n`
      expect(await edit(path, data('1'), data('2'))).toEqual(['migration-edited:notice'])
      expect(await edit(path, data('1'), data('2').replace('max_length=50', 'max_length=20'))).toEqual(['migration-edited:fail'])
    })
    test('a dependency added that shipped no later than the migration (release tags): a notice that says so (netbox 0e34fba9)', async () => {
      const two = "('dcim', '0215_rackreservation_status'),\n        ('core', '0018_concrete_job_data')"
      const dep = 'netbox/core/migrations/0018_concrete_job_data.py'
      // newest first: v4.1.0 and v4.0.0 both hold the migration and the dependency
      const f = await edited(path, mig(ints), mig(ints, two), {}, { 'v4.1.0': [path, dep], 'v4.0.0': [path, dep] })
      expect(f.map((x) => `${x.code}:${x.level}`)).toEqual(['migration-edited:notice'])
      expect(f[0].message).toMatch(
        /dependencies it adds \(core\.0018_concrete_job_data\) shipped no later than this migration \(it first shipped in v4\.0\.0\)/,
      )
      // the dependency shipped earlier still
      expect(await edit(path, mig(ints), mig(ints, two), {}, { 'v4.1.0': [path, dep], 'v4.0.0': [path, dep], 'v3.7.0': [dep] })).toEqual([
        'migration-edited:notice',
      ])
    })
    test('side by side: a dependency that shipped later, in no release, outside the repository, or no tag information: fail', async () => {
      const two = "('dcim', '0215_rackreservation_status'),\n        ('core', '0018_concrete_job_data')"
      const dep = 'netbox/core/migrations/0018_concrete_job_data.py'
      // v4.0.0 shipped the migration without the dependency: a database upgraded to v4.0.0 applied it first
      expect(await edit(path, mig(ints), mig(ints, two), {}, { 'v4.1.0': [path, dep], 'v4.0.0': [path] })).toEqual([
        'migration-edited:fail',
      ])
      expect(await edit(path, mig(ints), mig(ints, two), {}, { 'v4.1.0': [path] })).toEqual(['migration-edited:fail'])
      const auth = "('dcim', '0215_rackreservation_status'),\n        ('auth', '0012_alter_user_first_name_max_length')"
      expect(await edit(path, mig(ints), mig(ints, auth), {}, { 'v4.1.0': [path] })).toEqual(['migration-edited:fail'])
      expect(await edit(path, mig(ints), mig(ints, two))).toEqual(['migration-edited:fail'])
      // a dependency on a setting (swappable_dependency) cannot be looked up
      const swap = "('dcim', '0215_rackreservation_status'),\n        migrations.swappable_dependency(settings.AUTH_USER_MODEL)"
      expect(await edit(path, mig(ints), mig(ints, swap), {}, { 'v4.1.0': [path, dep] })).toEqual(['migration-edited:fail'])
    })
  })
  describe('idempotent statements moved out of a merged migration into one the PR adds', () => {
    const d = 'make/migrations/postgresql'
    const old = `INSERT INTO properties (k, v) VALUES ('a', 'b');\n`
    const run = async (moved: string, added: string) => {
      const files = [
        { path: `${d}/0171_2.14.1_schema.up.sql`, status: 'modified' as const, base: old + moved, head: old, patch: '@@ -2,1 +1,0 @@\n-x' },
        { path: `${d}/0180_2.15.0_schema.up.sql`, status: 'added' as const, head: added, patch: '@@ -0,0 +1,1 @@\n+x' },
      ]
      const out = await migrationSafety.evaluate(makeContext({ files }), ruleOptions(migrationSafety, { level: 'fail' }))
      return out.findings.filter((f) => f.kind === 'violation' && f.code === 'migration-edited')
    }
    test('ADD COLUMN IF NOT EXISTS moved to the new migration: a notice that says where it went', async () => {
      const stmt = 'ALTER TABLE registry ADD COLUMN IF NOT EXISTS ca_certificate TEXT;'
      const f = await run(stmt, stmt)
      expect(f.map((x) => `${x.code}:${x.level}`)).toEqual(['migration-edited:notice'])
      expect(f[0].message).toMatch(/moved out of this merged migration into make\/migrations\/postgresql\/0180_2\.15\.0_schema\.up\.sql/)
    })
    test('side by side: not idempotent, not in the new migration, or changed on the way: fail', async () => {
      expect(
        (await run('ALTER TABLE registry ADD COLUMN ca_certificate TEXT;', 'ALTER TABLE registry ADD COLUMN ca_certificate TEXT;')).map(
          (x) => x.level,
        ),
      ).toEqual(['fail'])
      expect((await run('ALTER TABLE registry ADD COLUMN IF NOT EXISTS ca_certificate TEXT;', 'SELECT 1;')).map((x) => x.level)).toEqual([
        'fail',
      ])
      expect(
        (
          await run(
            'ALTER TABLE registry ADD COLUMN IF NOT EXISTS ca_certificate TEXT;',
            'ALTER TABLE registry ADD COLUMN IF NOT EXISTS ca_certificate VARCHAR(10);',
          )
        ).map((x) => x.level),
      ).toEqual(['fail'])
      expect((await run('CREATE INDEX IF NOT EXISTS i ON t (a);', 'CREATE INDEX IF NOT EXISTS i ON t (a);')).map((x) => x.level)).toEqual([
        'notice',
      ])
    })
  })
  describe('released or not yet (release tags)', () => {
    const p = 'make/migrations/postgresql/0190_2.16.0_schema.up.sql'
    const before = 'ALTER TABLE registry ADD COLUMN ca text;'
    const after = before + '\nALTER TABLE robot ADD COLUMN creator text;'
    test('a merged migration no release tag holds yet is still being developed: a notice that says so', async () => {
      const f = await edited(p, before, after, {}, { 'v2.15.2': ['make/migrations/postgresql/0180_2.15.0_schema.up.sql'] })
      expect(f.map((x) => `${x.code}:${x.level}`)).toEqual(['migration-edited:notice'])
      expect(f[0].message).toMatch(/before any release: .*no release tag \(v\[0-9\]\*, \[0-9\]\*\)/)
      expect(await edit(p, before, after, { unreleased_edit_level: 'warn' }, { 'v2.15.2': [] })).toEqual(['migration-edited:warn'])
    })
    test('side by side: a released one fails and names its tag; no tag information or release_tags: [] keeps failing', async () => {
      const released = await edited(p, before, after, {}, { 'v2.16.0': [p] })
      expect(released.map((x) => `${x.code}:${x.level}`)).toEqual(['migration-edited:fail'])
      expect(released[0].message).toMatch(/merged and released \(tag v2\.16\.0 holds it\)/)
      const noTags = await edited(p, before, after, {}, {})
      expect(noTags.map((x) => `${x.code}:${x.level}`)).toEqual(['migration-edited:fail'])
      expect(noTags[0].message).toMatch(/no release tag information: counted as released/)
      expect(await edit(p, before, after, { release_tags: [] }, { 'v2.15.2': [] })).toEqual(['migration-edited:fail'])
      expect(await edit(p, before, after)).toEqual(['migration-edited:fail'])
    })
    test('the dangers an edit adds to an unreleased migration are checked: it runs in production at the release', async () => {
      const base = 'CREATE INDEX IF NOT EXISTS idx_vr_score ON vulnerability_record (cvss_score_v3);'
      const head =
        base +
        '\nCREATE INDEX IF NOT EXISTS idx_vr_cve ON vulnerability_record (cve_id);\nUPDATE vulnerability_record SET severity = lower(severity);'
      const f = await edit(p, base, head, {}, { 'v2.15.2': [] })
      expect(f).toEqual(['migration-edited:notice', 'create-index-non-concurrent:fail', 'backfill-in-transaction:fail'])
      // the index the base file already had is not reported again
      const msgs = (await edited(p, base, head, {}, { 'v2.15.2': [] })).map((x) => x.message).join('\n')
      expect(msgs).toContain('idx_vr_cve')
      expect(msgs).not.toContain('idx_vr_score')
    })

    test('side by side: an edit that keeps the dangers the file had (IF NOT EXISTS, WHERE ... IS NULL) adds none', async () => {
      const base =
        'ALTER TABLE artifact ADD COLUMN artifact_type varchar(255);\nUPDATE artifact SET artifact_type = media_type;\nALTER TABLE artifact ALTER COLUMN artifact_type SET NOT NULL;'
      const head =
        'ALTER TABLE artifact ADD COLUMN IF NOT EXISTS artifact_type varchar(255);\nUPDATE artifact SET artifact_type = media_type WHERE artifact_type IS NULL;\nALTER TABLE artifact ALTER COLUMN artifact_type SET NOT NULL;'
      expect(await edit(p, base, head, {}, { 'v2.15.2': [] })).toEqual(['migration-edited:notice'])
    })

    test('a released migration is not re-analysed: the edit itself fails', async () => {
      const base = 'SELECT 1;'
      expect(await edit(p, base, base + '\nCREATE INDEX i ON users (a);', {}, { 'v2.16.0': [p] })).toEqual(['migration-edited:fail'])
    })

    test('an unreleased rollback file stays within rollback_level', async () => {
      expect(
        await edit('m/000001_a.down.sql', 'DROP TABLE a;', 'DROP TABLE IF EXISTS a;', { unreleased_edit_level: 'warn' }, { v1: [] }),
      ).toEqual(['migration-edited:notice'])
    })
  })

  describe('an edit of how the statements run only (data_edit_level)', () => {
    const osm = (opt: string, ddl = 'disable_ddl_transaction!\n\n  ') =>
      `class CorrectRelationMembersPrimaryKey < ActiveRecord::Migration[7.0]\n  ${ddl}def up\n    add_index :current_relation_members, [:relation_id, :sequence_id]${opt}\n  end\n\n  def down\n    remove_index :current_relation_members, [:relation_id, :sequence_id]${opt}\n  end\nend\n`
    const rbPath = 'db/migrate/20231010194809_correct_relation_members_primary_key.rb'
    test('Rails: algorithm: :concurrently added (either hash syntax), with disable_ddl_transaction!: a notice that says why', async () => {
      const f = await edited(rbPath, osm(''), osm(', :algorithm => :concurrently'))
      expect(f.map((x) => `${x.code}:${x.level}`)).toEqual(['migration-edited:notice'])
      expect(f[0].message).toMatch(/edited in how it runs only .*same schema whichever version it ran/)
      expect(await edit(rbPath, osm('', ''), osm(', algorithm: :concurrently'))).toEqual(['migration-edited:notice'])
      expect(await edit(rbPath, osm(''), osm(', if_not_exists: true'))).toEqual(['migration-edited:notice'])
      expect(await edit(rbPath, osm(''), osm(', :algorithm => :concurrently'), { data_edit_level: 'fail' })).toEqual([
        'migration-edited:fail',
      ])
    })
    test('Rails side by side: another option, another column, or CONCURRENTLY without leaving the transaction', async () => {
      expect(await edit(rbPath, osm(''), osm(', unique: true'))).toEqual(['migration-edited:fail'])
      // out of the transaction for nothing: the builds still block, and a failure halfway leaves half the change (OSM 64952fef)
      expect(await edit(rbPath, osm('', ''), osm(''))).toEqual(['migration-edited:fail'])
      expect(await edit(rbPath, osm(''), osm(', algorithm: :concurrently').replace(':sequence_id]', ':version]'))).toEqual([
        'migration-edited:fail',
      ])
      // what the new text adds where it has not run yet is checked: a concurrent build inside the transaction fails there
      expect(await edit(rbPath, osm('', ''), osm(', algorithm: :concurrently', ''))).toEqual([
        'migration-edited:notice',
        'concurrently-in-transaction:fail',
        'concurrently-in-transaction:notice', // the rollback's, at rollback_level
      ])
    })
    const sqlPath = 'make/migrations/postgresql/0100_2.7.0_schema.up.sql'
    const released = { 'v2.7.0': [sqlPath] }
    test('SQL: CONCURRENTLY added and the file taken out of its transaction, IF NOT EXISTS: a notice', async () => {
      const base = 'BEGIN;\nSET LOCAL lock_timeout = 5000;\nCREATE INDEX idx_a ON artifact (repository_name);\nCOMMIT;'
      expect(
        await edit(sqlPath, base, 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_a ON artifact (repository_name);', {}, released),
      ).toEqual(['migration-edited:notice'])
      expect(await edit(sqlPath, 'DROP INDEX idx_a;', 'DROP INDEX CONCURRENTLY IF EXISTS idx_a;', {}, released)).toEqual([
        'migration-edited:notice',
      ])
    })
    test('SQL side by side: CONCURRENTLY taken out is a lock where it has not run yet; another column still fails', async () => {
      const conc = 'CREATE INDEX CONCURRENTLY idx_a ON artifact (repository_name);'
      expect(await edit(sqlPath, conc, 'CREATE INDEX idx_a ON artifact (repository_name);', {}, released)).toEqual([
        'migration-edited:notice',
        'create-index-non-concurrent:fail',
      ])
      expect(await edit(sqlPath, conc, 'CREATE INDEX CONCURRENTLY idx_a ON artifact (project_id);', {}, released)).toEqual([
        'migration-edited:fail',
      ])
      // BEGIN/COMMIT taken out with nothing concurrent after: atomicity lost
      const two = 'CREATE INDEX idx_a ON artifact (repository_name);\nCREATE INDEX idx_b ON artifact (project_id);'
      expect(await edit(sqlPath, 'BEGIN;\n' + two + '\nCOMMIT;', two, {}, released)).toEqual(['migration-edited:fail'])
      expect(await edit(sqlPath, conc, 'BEGIN;\n' + conc + '\nCOMMIT;', {}, released)).toEqual([
        'migration-edited:notice',
        'concurrently-in-transaction:fail',
      ])
    })
    test('Alembic and Django: postgresql_concurrently=True, atomic = False; side by side another argument fails', async () => {
      const alembic = (kw: string) =>
        `def upgrade():\n    with op.get_context().autocommit_block():\n        op.create_index("ix_orders_customer", "orders", ["customer_id"]${kw})\n\n\ndef downgrade():\n    op.drop_index("ix_orders_customer")\n`
      const py = 'server/migrations/versions/2026-01-01-1200_add_ix.py'
      expect(await edit(py, alembic(''), alembic(', postgresql_concurrently=True'))).toEqual(['migration-edited:notice'])
      // inside the transaction, the concurrent build the edit adds fails where it has not run yet
      expect(
        await edit(
          py,
          alembic('').replace('with op.get_context().autocommit_block():\n        ', ''),
          alembic(', postgresql_concurrently=True').replace('with op.get_context().autocommit_block():\n        ', ''),
        ),
      ).toEqual(['migration-edited:notice', 'concurrently-in-transaction:fail'])
      expect(await edit(py, alembic(''), alembic(', unique=True'))).toEqual(['migration-edited:fail'])
      const django = (atomic: string, sql = 'CREATE INDEX CONCURRENTLY i ON shop_order (state)') =>
        `from django.db import migrations\n\n\nclass Migration(migrations.Migration):\n${atomic}    dependencies = [('shop', '0001_initial')]\n    operations = [migrations.RunSQL('${sql}', 'DROP INDEX i')]\n`
      const dj = 'shop/migrations/0002_x.py'
      expect(await edit(dj, django(''), django('    atomic = False\n'))).toEqual(['migration-edited:notice'])
      // out of the transaction with nothing concurrent to run: atomicity lost, an edit
      expect(
        await edit(
          dj,
          django('', 'CREATE INDEX i ON shop_order (state)'),
          django('    atomic = False\n', 'CREATE INDEX i ON shop_order (state)'),
        ),
      ).toEqual(['migration-edited:fail'])
      expect(await edit(dj, django(''), django('    initial = True\n'))).toEqual(['migration-edited:fail'])
    })
  })
})
