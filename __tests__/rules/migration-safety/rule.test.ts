import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { Value } from '@sinclair/typebox/value'
import { migrationSafety, options, DANGER_IDS } from '../../../src/rules/migration-safety/index.js'
import { ruleOptions, type PartialOptions } from '../../../src/policy/resolved.js'
import type { RuleOptionsById } from '../../../src/rules/index.js'
import { addFilePatch, makeContext, type FakeFile } from '../../helpers/context.js'
import type { Finding } from '../../../src/types.js'

type MigrationOptions = RuleOptionsById['migration-safety']

const FIX = join(process.cwd(), '__tests__/fixtures/migrations')
const fixture = (p: string): string => readFileSync(join(FIX, p), 'utf8')

function opts(over: PartialOptions<MigrationOptions> = {}) {
  return ruleOptions(migrationSafety, { level: 'fail', ...over })
}
function added(path: string, text: string): FakeFile {
  return { path, status: 'added', head: text, patch: addFilePatch(text) }
}
async function run(files: FakeFile[], over: PartialOptions<MigrationOptions> = {}) {
  return migrationSafety.evaluate(makeContext({ files }), opts(over))
}
const codes = (fs: Finding[]): string[] => fs.filter((f) => f.kind === 'violation').map((f) => `${f.code}@${f.line}`)

describe('migration-safety rule', () => {
  test('options schema: every property has a default and a description; defaults validate', () => {
    for (const [k, p] of Object.entries(options.properties)) {
      expect([k, (p as { description?: string }).description]).toEqual([k, expect.any(String)])
      expect((p as { default?: unknown }).default).toBeDefined()
    }
    expect(Value.Check(options, Value.Default(options, {}))).toBe(true)
    expect(Value.Check(options, { ...(Value.Default(options, {}) as object), dangers: { 'drop-column': 'warn' } })).toBe(true)
    expect(Value.Check(options, { ...(Value.Default(options, {}) as object), dangers: { 'no-such-danger': 'warn' } })).toBe(false)
  })

  test('no migration changed: nothing to do', async () => {
    const out = await run([{ path: 'src/app.ts', status: 'modified', patch: '@@ -1 +1 @@\n-a\n+b' }])
    expect(out).toEqual({ findings: [], summary: 'no migration changed', applicability: 'not-applicable' })
  })

  test('Flyway SQL: findings on the statement lines with lock, why and fix; one table per file', async () => {
    const sql =
      "SET lock_timeout = '2s';\n\nCREATE INDEX users_email_idx ON users (email);\nALTER TABLE users\n  ALTER COLUMN email SET NOT NULL;\n"
    const out = await run([added('db/migration/V12__users_email.sql', sql)])
    expect(codes(out.findings)).toEqual(['create-index-non-concurrent@3', 'set-not-null@4'])
    const f = out.findings[1]
    expect(f).toMatchObject({ path: 'db/migration/V12__users_email.sql', line: 4, endLine: 5, level: 'fail' })
    expect(f.message).toContain('ACCESS EXCLUSIVE')
    expect(f.hint).toContain('NOT VALID')
    expect(out.tables).toHaveLength(2)
    expect(out.tables![1]).toMatchObject({
      title: 'Dialect of each migration file',
      rows: [['db/migration/V12__users_email.sql', 'PostgreSQL (assumed)', 'default', expect.stringContaining('all dangers')]],
    })
    expect(out.tables![0].columns).toEqual(['Line', 'Statement', 'Danger', 'Lock', 'Fix'])
    expect(out.tables![0].rows[0].slice(0, 3)).toEqual([
      '3',
      'CREATE INDEX users_email_idx ON users (email)',
      'create-index-non-concurrent',
    ])
    expect(out.summary).toBe('1 migration file, 3 statements: 2 dangers; dialect: PostgreSQL (assumed)')
  })

  test('per-danger levels and ignore list', async () => {
    const sql = 'ALTER TABLE users DROP COLUMN a;\nCREATE TABLE t (doc json);\nCREATE INDEX i ON users (b);\n'
    const out = await run([added('db/migrations/20240101_x.up.sql', sql), added('db/migrations/20240101_x.down.sql', 'SELECT 1;')], {
      dangers: { 'drop-column': 'notice', 'prefer-jsonb': 'off' },
      ignore: ['create-index-non-concurrent'],
    })
    expect(out.findings.map((f) => [f.code, f.level])).toEqual([['drop-column', 'notice']])
  })

  test('inline suppression with a reason: not a finding, listed; without a reason: still a finding', async () => {
    const sql = [
      '-- quality-gate: ignore drop-column column unused since v2, ignored_columns shipped',
      'ALTER TABLE users DROP COLUMN legacy;',
      'ALTER TABLE users DROP COLUMN other; -- quality-gate: ignore drop-column',
      'CREATE INDEX i ON users (b); -- quality-gate: ignore create-index-non-concurrent table has 40 rows',
      'DROP TABLE old;',
    ].join('\n')
    const out = await run([added('db/migration/V3__drop.sql', sql)])
    expect(codes(out.findings)).toEqual(['drop-column@3', 'drop-table@5'])
    expect(out.findings.find((f) => f.line === 3)!.message).toContain('gives no reason')
    const info = out.findings.filter((f) => f.kind === 'info')
    expect(info.map((f) => [f.code, f.line, f.message])).toEqual([
      ['drop-column', 2, 'Suppressed drop-column: column unused since v2, ignored_columns shipped'],
      ['create-index-non-concurrent', 4, 'Suppressed create-index-non-concurrent: table has 40 rows'],
    ])
    expect(out.tables![0].rows.map((r) => r[2])).toContain('drop-column (suppressed)')
    expect(out.summary).toContain('2 suppressed')
  })

  test('an already-merged migration modified, renamed or deleted is a process danger', async () => {
    const out = await run([
      { path: 'db/migrate/20230101000000_create_users.rb', status: 'modified', patch: '@@ -3,2 +3,2 @@\n   def change\n-    x\n+    y' },
      { path: 'db/migration/V2__b.sql', previousPath: 'db/migration/V1__b.sql', status: 'renamed' },
      { path: 'db/migration/V1__a.sql', status: 'removed' },
      { path: 'db/migration/R__views.sql', status: 'modified', head: 'CREATE OR REPLACE VIEW v AS SELECT 1;' },
    ])
    expect(out.findings.map((f) => [f.code, f.path, f.line])).toEqual([
      ['migration-edited', 'db/migrate/20230101000000_create_users.rb', 4],
      ['migration-edited', 'db/migration/V2__b.sql', undefined],
      ['migration-edited', 'db/migration/V1__a.sql', undefined],
    ])
    expect(out.findings[1].message).toContain('renamed from db/migration/V1__b.sql')
  })

  test('missing down: golang-migrate without .down.sql, dbmate without migrate:down', async () => {
    const out = await run([
      added('migrations/000012_add_col.up.sql', 'ALTER TABLE a ADD COLUMN b text;'),
      added('db/migrations/20240101000000_x.sql', '-- migrate:up\nALTER TABLE a ADD COLUMN c text;\n\n-- migrate:down\n'),
      added(
        'db/migrations/20240102000000_y.sql',
        '-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY i ON a (c);\n\n-- migrate:down\nDROP INDEX CONCURRENTLY i;\n',
      ),
      added(
        'db/migrations/20240103000000_z.sql',
        '-- migrate:up\nCREATE INDEX CONCURRENTLY j ON a (c);\n\n-- migrate:down\nDROP INDEX j;\n',
      ),
    ])
    expect(out.findings.map((f) => `${f.path}:${f.code}@${f.line}`)).toEqual([
      'migrations/000012_add_col.up.sql:missing-down@1',
      'db/migrations/20240101000000_x.sql:missing-down@4',
      'db/migrations/20240103000000_z.sql:concurrently-in-transaction@2',
    ])
  })

  test('expand/contract: dropping a column in a PR that also changes application code', async () => {
    const out = await run([
      added('db/migration/V9__drop.sql', 'ALTER TABLE users DROP COLUMN nickname;'),
      { path: 'src/users/profile.ts', status: 'modified', patch: '@@ -1 +1 @@\n-a\n+b' },
    ])
    expect(codes(out.findings)).toEqual(['drop-column@1', 'expand-contract@1'])
    expect(out.findings[1].message).toContain('src/users/profile.ts')
  })

  test('unparseable SQL is a syntax-error finding with line and column, never a crash', async () => {
    const out = await run([added('db/migration/V4__bad.sql', 'CREATE INDEX a ON b (c);\nALTER TABLE users ADD COLUMN;\n')])
    const err = out.findings.find((f) => f.code === 'syntax-error')!
    expect(err).toMatchObject({ line: 2, column: 29, kind: 'violation' })
    expect(codes(out.findings)).toContain('create-index-non-concurrent@1')
  })

  test('a migration whose content cannot be read is an error finding', async () => {
    const out = await run([{ path: 'db/migration/V5__x.sql', status: 'added' }])
    expect(out.findings).toEqual([expect.objectContaining({ kind: 'error', path: 'db/migration/V5__x.sql' })])
  })

  test('require_lock_timeout (strict preset)', async () => {
    const out = await run([added('db/migration/V6__x.sql', 'ALTER TABLE users ADD COLUMN x text;')], { require_lock_timeout: true })
    expect(codes(out.findings)).toEqual(['lock-timeout-missing@1'])
  })

  test('Rails fixture', async () => {
    const path = 'db/migrate/20240301120000_add_email_index_to_users.rb'
    const out = await run([added(path, fixture('rails/20240301120000_add_email_index_to_users.rb'))])
    expect(codes(out.findings)).toEqual([
      'create-index-non-concurrent@5',
      'add-column-not-null-no-default@6',
      'create-index-non-concurrent@7',
      'constraint-not-valid-missing@7',
      'drop-column@8',
      'missing-down@8',
      'rename-column@9',
      'set-not-null@10',
      'constraint-not-valid-missing@12',
      'missing-down@13',
      'constraint-not-valid-missing@14',
    ])
    expect(out.findings.filter((f) => f.kind === 'info').map((f) => f.message)).toEqual(['Suppressed drop-column: safety_assured block'])
    expect(out.tables![0].rows.some((r) => r[2] === 'invalid suppression')).toBe(true)
  })

  test('Rails fixture done right: concurrently with disable_ddl_transaction!, validate: false, suppression', async () => {
    const path = 'db/migrate/20240302090000_add_index_concurrently_to_orders.rb'
    const out = await run([added(path, fixture('rails/20240302090000_add_index_concurrently_to_orders.rb'))])
    expect(codes(out.findings)).toEqual([])
    expect(out.findings.map((f) => f.message)).toEqual([
      'Suppressed drop-column: column unused since v2.3, ignored_columns shipped in #412',
    ])
  })

  test('Django fixtures', async () => {
    const out = await run([added('shop/migrations/0007_order_tracking.py', fixture('django/0007_order_tracking.py'))])
    expect(codes(out.findings)).toEqual(
      [
        'add-column-not-null-no-default@13',
        'drop-column@23',
        'rename-column@27',
        'create-index-non-concurrent@32',
        'create-index-non-concurrent@37',
        'missing-down@36',
      ].sort((a, b) => Number(a.split('@')[1]) - Number(b.split('@')[1])),
    )
    const good = await run([
      added('shop/migrations/0008_order_status_index_concurrently.py', fixture('django/0008_order_status_index_concurrently.py')),
    ])
    expect(codes(good.findings)).toEqual([])
  })

  test('Alembic fixtures', async () => {
    const out = await run([
      added('alembic/versions/3f2a1c9b7d10_add_invoice_columns.py', fixture('alembic/3f2a1c9b7d10_add_invoice_columns.py')),
    ])
    expect(codes(out.findings)).toEqual([
      'add-column-not-null-no-default@21',
      'create-index-non-concurrent@23',
      'change-column-type@24',
      'set-not-null@25',
      'drop-column@26',
      'constraint-not-valid-missing@27',
      'missing-down@31',
    ])
    const good = await run([
      added(
        'alembic/versions/8b7e6d5c4a32_add_invoice_index_concurrently.py',
        fixture('alembic/8b7e6d5c4a32_add_invoice_index_concurrently.py'),
      ),
    ])
    expect(codes(good.findings)).toEqual([])
  })

  test('docs/rules/migration-safety.md documents every danger id', () => {
    const doc = readFileSync(join(process.cwd(), 'docs/rules/migration-safety.md'), 'utf8')
    for (const id of DANGER_IDS) expect([id, doc.includes('`' + id + '`')]).toEqual([id, true])
  })

  test('fixtures exist', () => {
    expect(readdirSync(join(FIX, 'rails')).length).toBeGreaterThan(1)
  })
})

describe('migration-safety: a read that fails is never a file that is absent', () => {
  // Every read other than the migration itself fails as an API outage would: the dialect's config, rollbacks and
  // earlier migrations are then unknown, and unknown must not count as absent (which may clear a danger).
  const failing = (files: FakeFile[], own: string[]) => {
    const ctx = makeContext({ files, listBase: true })
    const readHead = ctx.changes.readHead
    ctx.changes.readHead = async (p) => {
      if (own.includes(p)) return readHead(p)
      throw new Error(`GET contents ${p}: 502 Bad Gateway`)
    }
    ctx.changes.readBase = async (p) => {
      throw new Error(`GET contents ${p}: 502 Bad Gateway`)
    }
    return ctx
  }

  test.each([
    ['golang-migrate SQL', 'db/migrations/20240101_x.up.sql', 'ALTER TABLE users ADD COLUMN note text;\n'],
    // the rollback file and the earlier migrations MySQL's type lookup reads
    ['MySQL SQL', 'db/migrations/20240101_x.mysql.up.sql', 'ALTER TABLE users MODIFY note TEXT;\n'],
    [
      'Rails',
      'db/migrate/20240101000000_add_note.rb',
      'class AddNote < ActiveRecord::Migration[7.1]\n  def change\n    add_column :users, :note, :text\n  end\nend\n',
    ],
  ])('%s: the rule reports what it could not read (error → on_error), never a clean pass', async (_name, path, text) => {
    const files = [added(path, text)]
    const clean = await migrationSafety.evaluate(makeContext({ files, listBase: true }), opts())
    expect(clean.findings.filter((f) => f.kind === 'error')).toEqual([])
    const out = await migrationSafety.evaluate(failing(files, [path]), opts())
    const errors = out.findings.filter((f) => f.kind === 'error')
    expect(errors.length).toBeGreaterThan(0)
    for (const e of errors) expect(e.message).toMatch(/^Could not (read|analyse) .+: GET contents .+: 502 Bad Gateway/)
    expect(out.summary).toMatch(/not analysed/)
  })

  test('the migration itself unreadable: one error for it, not a second one for the same path', async () => {
    const path = 'db/migrations/20240101_x.up.sql'
    const out = await migrationSafety.evaluate(failing([added(path, 'SELECT 1;\n')], []), opts())
    expect(out.findings.filter((f) => f.kind === 'error' && f.path === path)).toHaveLength(1)
  })
})

describe('each SQL migration of a PR is parsed once (issue 15)', () => {
  test('the pass that learns the types the PR sets and the analysis share one parse per file; same findings', async () => {
    const { loadPg } = await import('../../../src/rules/migration-safety/wasm.js')
    const pg = await loadPg()
    const files = [
      added('db/migration/V1__users.sql', 'CREATE TABLE users (id bigint PRIMARY KEY, email varchar(100));\n'),
      added('db/migration/V2__email.sql', 'ALTER TABLE users ALTER COLUMN email TYPE varchar(200);\n'),
      added('db/migration/V3__index.sql', 'CREATE INDEX orders_total ON orders (total);\n'),
      added(
        'db/migrations/20240101_dbmate.sql',
        '-- migrate:up\nALTER TABLE users ADD COLUMN name text;\nUPDATE users SET name = email;\n-- migrate:down\nALTER TABLE users DROP COLUMN name;\n',
      ),
    ]
    const calls: string[] = []
    const orig = pg.parseSync
    pg.parseSync = (sql: string) => {
      calls.push(sql)
      return orig(sql)
    }
    let out
    try {
      out = await run(files)
    } finally {
      pg.parseSync = orig
    }
    // each file's text parsed exactly once (the dbmate file is analysed twice, with and without its transaction)
    for (const f of files) expect([f.path, calls.filter((c) => c === f.head).length]).toEqual([f.path, 1])
    expect(calls).toHaveLength(files.length)
    // the same findings as each file analysed on its own parse (the V1 → V2 type change is still known)
    expect(codes(out.findings)).toEqual(codes((await run(files)).findings))
    expect(codes(out.findings)).toContain('create-index-non-concurrent@1')
  })
})
