import { ids, type Case } from './cases.js'
import { migrationSafety, options } from '../../../../src/rules/migration-safety/index.js'
import { Value } from '@sinclair/typebox/value'
import { makeContext } from '../../../helpers/context.js'
import { DANGERS } from '../../../../src/rules/migration-safety/dangers.js'

async function edited(path: string, base: string, head: string, over: Record<string, unknown> = {}, releases?: Record<string, string[]>) {
  const opts = { ...(Value.Default(options, {}) as Record<string, unknown>), level: 'fail', ...over }
  const out = await migrationSafety.evaluate(makeContext({ files: [{ path, status: 'modified', base, head, patch: '@@ -1,1 +1,2 @@\n+x\n a' }], releases }), opts as never)
  return out.findings.filter((f) => f.kind === 'violation')
}
async function edit(path: string, base: string, head: string, over: Record<string, unknown> = {}, releases?: Record<string, string[]>) {
  return (await edited(path, base, head, over, releases)).map((f) => `${f.code}:${f.level}`)
}
void ids
void (undefined as Case | undefined)

const rb = 'class AddEmail < ActiveRecord::Migration[7.1]\n  def change\n    add_column :users, :email, :string\n  end\nend\n'

describe('migration-edited', () => {
  test('module', () => expect(DANGERS['migration-edited'].dialects).toContain('mysql'))
  test('reports a change of the statements (SQL, Ruby, Python)', async () => {
    expect(await edit('db/migration/V1__a.sql', 'CREATE TABLE a (id int);', 'CREATE TABLE a (id bigint);')).toEqual(['migration-edited:fail'])
    expect(await edit('db/migrate/20200101000000_add_email.rb', rb, rb.replace(':string', ':text'))).toEqual(['migration-edited:fail'])
    expect(await edit('shop/migrations/0001_initial.py', 'ops = [1]\n', 'ops = [2]\n')).toEqual(['migration-edited:fail'])
    expect(await edit('db/migration/mysql/V1__a.sql', 'CREATE TABLE `a` (id int);', 'CREATE TABLE `a` (id bigint);')).toEqual(['migration-edited:fail'])
  })
  test('silent on comments and layout: frozen_string_literal, SQL comments, whitespace, Python comments', async () => {
    expect(await edit('db/migrate/20200101000000_add_email.rb', rb, '# frozen_string_literal: true\n\n' + rb)).toEqual([])
    expect(await edit('db/migration/V1__a.sql', 'CREATE TABLE a (id int);', '-- the a table\nCREATE TABLE a (\n  id int\n);')).toEqual([])
    expect(await edit('db/migration/mysql/V1__a.sql', 'CREATE TABLE `a` (id int) ENGINE=InnoDB;', '# a\nCREATE TABLE `a` (\n  id int\n) ENGINE=InnoDB;  -- ok')).toEqual([])
    expect(await edit('shop/migrations/0001_initial.py', 'ops = [1]\n', '# generated\nops = [1]  # one\n')).toEqual([])
    // isort: imports reordered, no operation changed
    expect(await edit('shop/migrations/0001_initial.py', 'from django.db import models, migrations\nimport uuid\nops = [1]\n', 'import uuid\n\nfrom django.db import migrations, models\nops = [1]\n')).toEqual([])
  })
  test('a merged rollback file edited is a notice (rollback_level), and so is an edit of rollback code only', async () => {
    expect(await edit('migrations/000001_a.down.sql', 'DROP TABLE a;', 'DROP TABLE IF EXISTS a;')).toEqual(['migration-edited:notice'])
    const withDown = 'class AddEmail < ActiveRecord::Migration[7.1]\n  def up\n    add_column :users, :email, :string\n  end\n  def down\n    remove_column :users, :email\n  end\nend\n'
    expect(await edit('db/migrate/20200101000000_add_email.rb', withDown, withDown.replace('remove_column :users, :email', 'remove_column :users, :email, if_exists: true'))).toEqual(['migration-edited:notice'])
    expect(await edit('migrations/000001_a.down.sql', 'DROP TABLE a;', 'DROP TABLE IF EXISTS a;', { rollback_level: 'warn' })).toEqual(['migration-edited:warn'])
  })
  test('heredoc layout (<<- to <<~, re-indented) and a bumped timeout are no edit; the SQL or schema statements beside them are', async () => {
    const heredoc = (op: string, indent: string, sql: string) => `class TileNodes < ActiveRecord::Migration[4.2]\n  def self.up\n    execute ${op}SQL.squish\n${indent}INSERT INTO t (id)\n${indent}SELECT id FROM ${sql}\n    SQL\n  end\nend\n`
    const rbPath = 'db/migrate/006_tile_nodes.rb'
    expect(await edit(rbPath, heredoc('<<-', '    ', 'old_t'), heredoc('<<~', '      ', 'old_t'))).toEqual([])
    expect(await edit(rbPath, heredoc('<<-', '    ', 'old_t'), heredoc('<<~', '      ', 'other_t'))).toEqual(['migration-edited:fail'])
    const alembicMig = (timeout: string, col: string) => `from alembic import op\nimport sqlalchemy as sa\n\ndef upgrade():\n    op.execute("SET LOCAL lock_timeout = '${timeout}'")\n    op.add_column("customers", sa.Column("${col}", sa.TIMESTAMP(timezone=True), nullable=True))\n\ndef downgrade():\n    op.drop_column("customers", "${col}")\n`
    const pyPath = 'server/migrations/versions/2026-07-30-1509_add_first_event.py'
    expect(await edit(pyPath, alembicMig('5s', 'first_user_event_at'), alembicMig('30s', 'first_user_event_at'))).toEqual([])
    expect(await edit(pyPath, alembicMig('5s', 'first_user_event_at'), alembicMig('30s', 'first_event_at'))).toEqual(['migration-edited:fail'])
    expect(await edit('db/migration/V1__a.sql', "SET lock_timeout = '2s';\nALTER TABLE a ADD COLUMN b text;", "SET lock_timeout = '10s';\nALTER TABLE a ADD COLUMN b text;")).toEqual([])
    expect(await edit('db/migration/V1__a.sql', "SET lock_timeout = '2s';\nALTER TABLE a ADD COLUMN b text;", "SET search_path = x;\nALTER TABLE a ADD COLUMN b text;")).toEqual(['migration-edited:fail'])
  })
  test('a rename that keeps the version number and the contents is no edit where the tool keys migrations by version', async () => {
    const renamed = async (from: string, to: string, base: string, head: string) => {
      const opts = { ...(Value.Default(options, {}) as Record<string, unknown>), level: 'fail' }
      const out = await migrationSafety.evaluate(makeContext({ files: [{ path: to, previousPath: from, status: 'renamed', base, head }] }), opts as never)
      return out.findings.filter((f) => f.kind === 'violation').map((f) => `${f.code}:${f.level}`)
    }
    const sqlText = 'CREATE INDEX i ON t (a);'
    const d = 'persistence/sql/migrations/sql'
    expect(await renamed(`${d}/20241106142200000001_identities.mysql.autocommit.up.sql`, `${d}/20241106142200000001_identities.mysql.up.sql`, sqlText, sqlText)).toEqual([])
    expect(await renamed('db/migrate/20200101000000_add_email.rb', 'db/migrate/20200101000000_add_user_email.rb', rb, rb)).toEqual([])
    // side by side: another version, other contents, or a tool that keys migrations by name (Django, Flyway's description)
    expect(await renamed(`${d}/0180_2.15.0_schema.up.sql`, `${d}/0171_2.14.1_schema.up.sql`, sqlText, sqlText)).toEqual(['migration-edited:fail'])
    expect(await renamed(`${d}/20241106142200000001_identities.mysql.autocommit.up.sql`, `${d}/20241106142200000001_identities.mysql.up.sql`, sqlText, 'CREATE INDEX i ON t (b);')).toEqual(['migration-edited:fail'])
    expect(await renamed('shop/migrations/0002_a.py', 'shop/migrations/0002_b.py', 'ops = [1]\n', 'ops = [1]\n')).toEqual(['migration-edited:fail'])
    expect(await renamed('db/migration/V2__a.sql', 'db/migration/V2__b.sql', sqlText, sqlText)).toEqual(['migration-edited:fail'])
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
    test('an unreleased rollback file stays within rollback_level', async () => {
      expect(await edit('m/000001_a.down.sql', 'DROP TABLE a;', 'DROP TABLE IF EXISTS a;', { unreleased_edit_level: 'warn' }, { v1: [] })).toEqual(['migration-edited:notice'])
    })
  })
})
