/**
 * Fuzz: SQL and ORM migrations through the migration-safety rule. SQL built from statement templates
 * (every danger's shape, transactions, comments, suppressions, dbmate markers) and mutated; the Rails,
 * Django and Alembic fixtures mutated. Each file goes through the rule's evaluate via makeContext.
 * Property: evaluate never throws and never reports "could not analyse" (an exception inside the
 * analysers); every finding about a file names that file, and its line is inside the file.
 */
import { ruleOptions } from '../../src/policy/resolved.js'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { migrationSafety } from '../../src/rules/migration-safety/index.js'
import { analyzeSql } from '../../src/rules/migration-safety/sql.js'
import { loadPg } from '../../src/rules/migration-safety/wasm.js'
import type { Finding } from '../../src/types.js'
import { addFilePatch, makeContext, type FakeFile } from '../helpers/context.js'
import { check, lineCount, mutated, nastyString, TIMEOUT } from './support.js'

const FIX = join(process.cwd(), '__tests__/fixtures/migrations')
const fixtures = (dir: string): string[] => readdirSync(join(FIX, dir)).map((f) => readFileSync(join(FIX, dir, f), 'utf8'))

const ident = fc.oneof(
  fc.constantFrom('users', 'orders', 'public.accounts', '"Weird Name"', '"a""b"', 'x', 'ünïcode', '"' + 'n'.repeat(70) + '"', 'select'),
  fc.stringMatching(/^[a-z_][a-z0-9_]{0,12}$/),
)
const type = fc.constantFrom(
  'int',
  'integer',
  'bigint',
  'serial',
  'text',
  'varchar(20)',
  'char(3)',
  'json',
  'jsonb',
  'timestamp',
  'timestamptz',
  'uuid',
  'numeric(10,2)',
  'boolean',
  'my_enum',
  'int[]',
)
const value = fc.constantFrom(
  "'x'",
  '0',
  'NULL',
  'now()',
  'gen_random_uuid()',
  'clock_timestamp()',
  "'{}'::jsonb",
  'random()',
  "E'\\n'",
  '$$body$$',
  "'it''s'",
)

const statement: fc.Arbitrary<string> = fc
  .tuple(ident, ident, ident, type, value, fc.integer({ min: 0, max: 40 }))
  .map(([t, c, i, ty, v, k]) => {
    const all = [
      `CREATE TABLE ${t} (id ${ty} PRIMARY KEY, ${c} ${ty} NOT NULL DEFAULT ${v})`,
      `CREATE INDEX ${i} ON ${t} (${c})`,
      `CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ${i} ON ${t} USING btree (${c}) WHERE ${c} IS NOT NULL`,
      `DROP INDEX ${i}`,
      `DROP INDEX CONCURRENTLY ${i}`,
      `REINDEX TABLE ${t}`,
      `ALTER TABLE ${t} ADD COLUMN ${c} ${ty} NOT NULL`,
      `ALTER TABLE ${t} ADD COLUMN ${c} ${ty} DEFAULT ${v}`,
      `ALTER TABLE ${t} ALTER COLUMN ${c} SET NOT NULL`,
      `ALTER TABLE ${t} ALTER COLUMN ${c} DROP NOT NULL`,
      `ALTER TABLE ${t} ALTER COLUMN ${c} TYPE ${ty} USING ${c}::${ty}`,
      `ALTER TABLE ${t} ADD CONSTRAINT ${i} FOREIGN KEY (${c}) REFERENCES ${t} (id)`,
      `ALTER TABLE ${t} ADD CONSTRAINT ${i} CHECK (${c} > 0) NOT VALID`,
      `ALTER TABLE ${t} VALIDATE CONSTRAINT ${i}`,
      `ALTER TABLE ${t} ADD CONSTRAINT ${i} UNIQUE (${c})`,
      `ALTER TABLE ${t} ADD PRIMARY KEY (${c})`,
      `ALTER TABLE ${t} RENAME COLUMN ${c} TO ${i}`,
      `ALTER TABLE ${t} RENAME TO ${i}`,
      `ALTER TABLE ${t} DROP COLUMN ${c}`,
      `DROP TABLE IF EXISTS ${t} CASCADE`,
      `DROP DATABASE ${t}`,
      `TRUNCATE ${t} CASCADE`,
      `ALTER TABLE ${t} DETACH PARTITION ${i}`,
      `VACUUM FULL ${t}`,
      `ALTER TYPE my_enum ADD VALUE 'v' BEFORE 'w'`,
      `SET lock_timeout = '2s'`,
      `SET LOCAL statement_timeout TO 0`,
      'BEGIN',
      'COMMIT',
      'ROLLBACK',
      `UPDATE ${t} SET ${c} = ${v} WHERE id < 1000`,
      `INSERT INTO ${t} (${c}) VALUES (${v})`,
      `CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql`,
      `DO $$ BEGIN ALTER TABLE ${t} DROP COLUMN ${c}; END $$`,
      `COMMENT ON TABLE ${t} IS 'a; b -- c'`,
      `CREATE MATERIALIZED VIEW ${i} AS SELECT * FROM ${t}`,
      `CREATE FUNCTION g() RETURNS int LANGUAGE sql BEGIN ATOMIC\n  SELECT 1;\n  UPDATE ${t} SET ${c} = 1;\nEND`,
      `INSERT INTO ${t} VALUES ('a;\nb', $q$c;\n$q$, E'd\\';\n')`,
      `ALTER TABLE ${t} ATTACH PARTITION ${i} FOR VALUES FROM (1) TO (2)`,
    ]
    return all[k % all.length]
  })

const sqlComment = fc.oneof(
  fc.constantFrom(
    '-- migrate:up',
    '-- migrate:up transaction:false',
    '-- migrate:down',
    '/* block\n comment */',
    '-- quality-gate: ignore drop-column backfilled in 2024',
    '-- quality-gate: ignore no-such-id reason',
    '-- quality-gate: ignore drop-column',
    '/* quality-gate: ignore create-index-non-concurrent small table */',
  ),
  nastyString(20).map((s) => '-- ' + s.replace(/[\r\n]/g, ' ')),
)

const sqlFile: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 4, arbitrary: statement.map((s) => s + ';') }, { weight: 1, arbitrary: sqlComment }), {
    minLength: 1,
    maxLength: 10,
  })
  .chain((parts) => fc.constantFrom('\n', '\n\n', ' ', '\r\n').map((sep) => parts.join(sep) + '\n'))

const SQL_TOKENS = [
  ';',
  ';;',
  "'",
  '"',
  '$$',
  '$tag$',
  '(',
  ')',
  '--',
  '/*',
  '*/',
  "E'\\",
  'CONCURRENTLY ',
  'NOT VALID ',
  'CASCADE',
  'BEGIN;',
  'COMMIT;',
  '\u0000',
  '\uFEFF',
  'ß',
  '😀',
  '\n',
  '\r\n',
  '\t',
]
const RUBY_TOKENS = [
  'end',
  'def up',
  'def down',
  'do |t|',
  '<<~SQL\n',
  '\nSQL\n',
  'execute "',
  'remove_column :users, :x',
  'add_index :t, :c, algorithm: :concurrently',
  'disable_ddl_transaction!',
  '# quality-gate: ignore drop-column reason',
  'safety_assured {',
  '}',
  '"',
  "'",
  '#{',
  ':',
  ',',
  '(',
  ')',
  '\n',
  '  ',
]
const PY_TOKENS = [
  'migrations.RunSQL("',
  'migrations.RemoveField(model_name="x", name="y"),',
  'atomic = False\n',
  'op.drop_column("t", "c")',
  'op.execute("""',
  '"""',
  'def upgrade():',
  'def downgrade():',
  '    ',
  '\t',
  '(',
  ')',
  '[',
  ']',
  ',',
  '"',
  "'",
  '#',
  'f"',
  '\n',
  'class Migration(migrations.Migration):',
  '\\',
]

const sqlText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: sqlFile },
  { weight: 3, arbitrary: sqlFile.chain((s) => mutated([s], SQL_TOKENS, 3)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
)

type Case = { path: string; text: string; status: 'added' | 'modified' | 'renamed' }
const SQL_PATHS = [
  'db/migrations/V2__add users.sql',
  'migrations/20240101_x.up.sql',
  'migrations/20240101_x.down.sql',
  'prisma/migrations/2024_init/migration.sql',
  'deploy/ünï code.sql',
  'db/migrate/x.sql',
  'sql/R__views.sql',
]
const migrationCase: fc.Arbitrary<Case> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      path: fc.constantFrom(...SQL_PATHS),
      text: sqlText,
      status: fc.constantFrom<Case['status']>('added', 'added', 'modified'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      path: fc.constantFrom('db/migrate/20240101000000_x.rb'),
      text: mutated(fixtures('rails'), RUBY_TOKENS, 4),
      status: fc.constant<Case['status']>('added'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      path: fc.constantFrom('shop/migrations/0009_x.py'),
      text: mutated(fixtures('django'), PY_TOKENS, 4),
      status: fc.constant<Case['status']>('added'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      path: fc.constantFrom('alembic/versions/abc_x.py'),
      text: mutated(fixtures('alembic'), PY_TOKENS, 4),
      status: fc.constant<Case['status']>('added'),
    }),
  },
)

const opts = (over: Partial<Parameters<typeof migrationSafety.evaluate>[1]>) => ruleOptions(migrationSafety, { level: 'fail', ...over })

function assertFindings(findings: Finding[], files: Array<Case & { lines: number }>): void {
  for (const f of findings) {
    expect(typeof f.message).toBe('string')
    if (f.kind === 'error')
      throw new Error(
        `the rule could not analyse a file (an exception inside the analyser): ${f.message}\n--- file ---\n${files.find((x) => x.path === f.path)?.text}`,
      )
    if (f.path === undefined) continue
    const file = files.find((x) => x.path === f.path)
    if (!file) throw new Error(`finding names a file that is not in the change: ${f.path}`)
    if (f.code === 'syntax-error' && f.line === undefined) throw new Error(`syntax error without a line: ${f.message}`)
    if (f.line !== undefined) {
      if (!(Number.isInteger(f.line) && f.line >= 1 && f.line <= file.lines))
        throw new Error(`line ${f.line} outside ${f.path} (${file.lines} lines): ${f.code} ${f.message}\n--- file ---\n${file.text}`)
      if (f.endLine !== undefined && !(f.endLine >= f.line && f.endLine <= file.lines))
        throw new Error(
          `endLine ${f.endLine} (line ${f.line}) outside ${f.path} (${file.lines} lines): ${f.code} ${f.message}\n--- file ---\n${file.text}`,
        )
    }
  }
}

describe('fuzz: SQL and ORM migrations (migration-safety)', () => {
  test(
    'evaluate never throws; findings name the file and a line inside it',
    async () => {
      const arb = fc.tuple(
        fc.array(migrationCase, { minLength: 1, maxLength: 3 }),
        fc.record({ assume_in_transaction: fc.boolean(), require_lock_timeout: fc.boolean(), pg_version: fc.integer({ min: 9, max: 18 }) }),
        fc.boolean(),
      )
      await check('migrations: migration-safety evaluate (SQL, Rails, Django, Alembic)', 60, arb, async ([cases, over, withApp]) => {
        const unique = cases.filter((c, i) => cases.findIndex((d) => d.path === c.path) === i)
        const files: FakeFile[] = unique.map((c) => ({
          path: c.path,
          status: c.status,
          head: c.text,
          base: c.status === 'added' ? undefined : c.text + '\n',
          patch: addFilePatch(c.text),
        }))
        if (withApp) files.push({ path: 'app/models/user.rb', status: 'modified', head: 'x', patch: '@@ -1 +1 @@\n-a\n+x' })
        const out = await migrationSafety.evaluate(makeContext({ files }), opts(over))
        assertFindings(
          out.findings,
          unique.map((c) => ({ ...c, lines: Math.max(lineCount(c.text), c.text.split('\n').length) })),
        )
        expect(typeof out.summary).toBe('string')
      })
    },
    TIMEOUT,
  )
})

describe('fuzz: SQL parsed in chunks (differential)', () => {
  test(
    'chunks cut after every `;` + line end give the one-piece result (whenever one piece can be split at all)',
    async () => {
      const pg = await loadPg()
      const base = { pgVersion: 14, assumeInTransaction: false, requireLockTimeout: false }
      await check('migrations: chunked vs one-piece SQL analysis', 100, fc.tuple(sqlText, fc.constantFrom(1, 16, 64)), ([sql, size]) => {
        const whole = analyzeSql(pg, sql, base, Number.MAX_SAFE_INTEGER)
        const chunked = analyzeSql(pg, sql, base, size)
        let splittable = true
        try {
          pg.scanSync(sql)
        } catch {
          splittable = false
        }
        // One piece falls back to the scanner's `;` split, which cuts BEGIN ATOMIC bodies; chunks do not.
        if (!whole.issues.some((i) => i.id === 'syntax-error') || (splittable && !/atomic/i.test(sql))) {
          expect(chunked).toEqual(whole)
        } else {
          // The rest of the file could not be split: chunks keep what they parsed before it, and the
          // syntax error is the one-piece one.
          expect(chunked.issues.filter((i) => i.id === 'syntax-error').at(-1)).toEqual(
            whole.issues.filter((i) => i.id === 'syntax-error').at(-1),
          )
        }
      })
    },
    TIMEOUT,
  )
})
