/**
 * migration-safety: dangerous schema changes caught statically, on the offending line, with the safe
 * alternative. PostgreSQL SQL is parsed with libpg-query (the real parser, wasm); Rails, Django and Alembic
 * migrations with tree-sitter. Both parsers are loaded only when the PR changes a migration of that kind.
 * See docs/rules/migration-safety.md.
 */
import { Type, type Static } from '@sinclair/typebox'
import { minimatch } from 'minimatch'
import { matchesAny } from '../../change/glob.js'
import { parsePatch } from '../../change/patch.js'
import type { ChangedFile, CommonRuleOptions, Finding, Level, Note, RuleContext, RuleOutput, RuleTable } from '../../types.js'
import { didYouMean } from '../../policy/validate.js'
import { DANGERS, DANGER_IDS, holdsFor, isDangerId, recipeFor, type DangerId } from './dangers.js'
import { DIALECT_NAMES, PG_FAMILY, type Dialect, type Framework } from './dangers/types.js'
import { classify, downPathFor, sqitchRevertFor, type MigrationFile } from './detect.js'
import { detectDialect, dialectOfFileName, type DialectInfo } from './dialect.js'
import { compareTrees, isIdempotent, removedStatements, sameSql, statementTrees } from './edits.js'
import {
  analyzePython,
  analyzeRails,
  djangoFieldClass,
  djangoFileState,
  railsSchemaTypes,
  type FieldSummary,
  type OrmResult,
} from './orm.js'
import type { TypeLookup, TypeName } from './sql-ast.js'
import {
  analyzeSql,
  CHUNK_BYTES,
  typesSetBy,
  typesSetByStatements,
  type CatchUp,
  type Issue,
  type SqlOptions,
  type SqlResult,
  type StatementSpan,
} from './sql.js'
import { ident } from './sql-ast.js'
import { loadParser, loadPg, type PgApi, type PgParseResult } from './wasm.js'
import { planMigrationReads } from './plan.js'
import { defineRule } from '../define.js'

const DIALECTS = ['postgres', 'cockroach', 'mysql', 'sqlite', 'sqlserver', 'oracle', 'other'] as const satisfies readonly Dialect[]
const DialectSchema = Type.Union(DIALECTS.map((d) => Type.Literal(d)))
const LevelSchema = (def: Level, description: string) =>
  Type.Union([Type.Literal('off'), Type.Literal('notice'), Type.Literal('warn'), Type.Literal('fail')], { default: def, description })

const DangerLevel = (id: DangerId) =>
  Type.Union([Type.Literal('off'), Type.Literal('notice'), Type.Literal('warn'), Type.Literal('fail')], {
    default: DANGERS[id].level,
    description: `${DANGERS[id].title}. Level of this danger (capped by the rule's level).`,
  })

export const options = Type.Object(
  {
    paths: Type.Array(Type.String(), {
      default: [],
      description: 'Extra globs of migration files (.sql, .rb, .py), on top of the built-in layouts.',
    }),
    builtin_layouts: Type.Boolean({
      default: true,
      description:
        'Recognise the common layouts: Flyway, golang-migrate, dbmate, Prisma, sqitch, Liquibase SQL, Rails db/migrate, Django migrations, Alembic versions.',
    }),
    exclude: Type.Array(Type.String(), { default: [], description: 'Globs of files never treated as migrations.' }),
    dialect: Type.Union([Type.Literal('auto'), ...DIALECTS.map((d) => Type.Literal(d))], {
      default: 'auto',
      description:
        'Database the migrations run on. auto: per file, from a dialect in the file name (x.mysql.up.sql), a folder (mysql/, sqlite/, postgres/), else the tool configuration (Prisma migration_lock.toml, Rails config/database.yml, Django ENGINE, Alembic URL), else PostgreSQL. Files that are not PostgreSQL are never parsed as PostgreSQL.',
    }),
    dialects: Type.Array(
      Type.Object({ paths: Type.Array(Type.String({ format: 'glob' })), dialect: DialectSchema }, { additionalProperties: false }),
      {
        default: [],
        description: 'Dialect per glob, before anything detected: [{ paths: ["db/mysql/**"], dialect: mysql }].',
      },
    ),
    release_tags: Type.Array(Type.String(), {
      default: ['v[0-9]*', '[0-9]*'],
      description:
        'Globs of the tag names that mark a release. A merged migration that no such tag (dated no later than the base commit, pre-releases such as v1.2.0-rc1 excluded) holds is not released yet: editing it is reported at unreleased_edit_level. [] = every merged migration counts as released. Needs the local git source (CLI); elsewhere every merged migration counts as released.',
    }),
    unreleased_edit_level: LevelSchema(
      'notice',
      'Level of an edit, rename or deletion of a merged migration that no release tag holds yet (still being developed).',
    ),
    data_edit_level: LevelSchema(
      'notice',
      'Highest level of an edit of a merged Rails, Django or Alembic migration that changes only data or helper code (a row loop, a RunPython function, a model stub, a monkeypatch), not its schema statements nor the code that feeds them.',
    ),
    rollback_level: LevelSchema(
      'notice',
      'Highest level of a finding in rollback code (.down.sql, def down, dir.down, downgrade(), reverse_code) and of an edit of a merged rollback file.',
    ),
    small_tables: Type.Array(Type.String(), {
      default: [],
      description:
        'Tables the team knows to be small (globs of table names, case-insensitive; a schema-qualified name also matches on its last part): dangers whose harm grows with the table (index builds, NOT NULL and constraint scans, type rewrites, backfills, CLUSTER, VACUUM FULL) are reported at small_table_level there. Drops and renames are not size dangers and stay.',
    }),
    small_table_level: LevelSchema('notice', 'Highest level of a size danger on a table listed in small_tables.'),
    catch_up_level: LevelSchema(
      'notice',
      'Highest level of a catch-up backfill and the SET NOT NULL it precedes: UPDATE t SET c = <constant> WHERE c IS NULL, ' +
        'then SET NOT NULL on t.c in the same migration, on a column no migration of the PR adds, with a lock_timeout set ' +
        'before the UPDATE (SQL SET [LOCAL] lock_timeout, op.execute/RunSQL/execute of it, or the strong_migrations initializer).',
    ),
    pg_version: Type.Integer({
      minimum: 9,
      maximum: 18,
      default: 14,
      description:
        'Oldest PostgreSQL major version the migrations run on (defaults before 11 rewrite the table; REINDEX CONCURRENTLY needs 12; DETACH CONCURRENTLY 14).',
    }),
    assume_in_transaction: Type.Boolean({
      default: false,
      description:
        'The migration tool wraps each SQL file in a transaction (Flyway, sqitch, golang-migrate with x-multi-statement off): CONCURRENTLY statements then fail.',
    }),
    require_lock_timeout: Type.Boolean({
      default: false,
      description: 'Report DDL on an existing table when no SET lock_timeout precedes it in the SQL file (on in the strict preset).',
    }),
    dangers: Type.Object(Object.fromEntries(DANGER_IDS.map((id) => [id, Type.Optional(DangerLevel(id))])), {
      default: {},
      additionalProperties: false,
      description: 'Per-danger levels: { <danger id>: off | notice | warn | fail }. A finding never exceeds the rule level.',
    }),
    ignore: Type.Array(Type.Union(DANGER_IDS.map((id) => Type.Literal(id))), {
      default: [],
      description: 'Danger ids not reported at all (same as level off).',
    }),
    app_paths: Type.Array(Type.String(), {
      default: ['**/*.{rb,py,ts,tsx,js,jsx,mjs,cjs,go,java,kt,scala,cs,php,ex,exs,rs}'],
      description:
        'Globs of application code: dropping/renaming a column in a PR that also changes these files is an expand-contract violation.',
    }),
    app_exclude: Type.Array(Type.String(), {
      default: [
        '**/db/schema.rb',
        '**/db/structure.sql',
        '**/db/seeds.rb',
        '**/{test,tests,spec,specs,__tests__,testdata,fixtures,factories}/**',
        '**/*_test.{go,py,rb}',
        '**/test_*.py',
        '**/conftest.py',
        '**/*_spec.rb',
        '**/*.{test,spec}.{ts,tsx,js,jsx,mjs,cjs}',
        '**/*Test.{java,kt}',
      ],
      description: 'Globs never counted as application code for expand-contract: schema dumps, seeds and tests.',
    }),
  },
  { additionalProperties: false },
)

export type MigrationSafetyOptions = Static<typeof options>

/** What a danger is about, to tell the dangers an edit adds from those the file had: id and the names involved. */
function issueKey(i: Issue): string {
  const n = i.names ?? {}
  const low = (x: string | undefined) => (x ?? '').toLowerCase()
  return [
    i.id,
    low(n.table ?? i.table),
    low(n.column ?? i.column_name),
    low(n.index),
    low(n.constraint),
    low(n.newName),
    low(n.type),
    i.rollback ? 'down' : '',
  ].join('|')
}

/**
 * A table dropped together with its dead model: the PR deletes the application file that maps the table (a
 * class named after it, or the table name as a string: __tablename__, db_table, self.table_name) and the
 * rest of its application-code changes only delete lines that name that model (imports, exports). Had any
 * other code used the model, the PR would have had to change it, so the old code that is still running during
 * the deploy never touches the table, and the data is what the team chose to remove. Returns why, else
 * undefined (any added application line, another deleted file, or a deleted line that does not name the model).
 */
export async function deadTable(
  table: string,
  appFiles: readonly ChangedFile[],
  readBase: (p: string) => Promise<string | undefined>,
): Promise<string | undefined> {
  const unq = table.replace(/"/g, '')
  const bare = unq.slice(unq.lastIndexOf('.') + 1).toLowerCase()
  const squash = (x: string) => x.toLowerCase().replace(/_/g, '')
  const names = new Set([squash(bare), squash(bare.replace(/s$/, '')), squash(bare.replace(/ies$/, 'y')), squash(bare.replace(/es$/, ''))])
  const removed = appFiles.filter((f) => f.status === 'removed')
  if (!removed.length || appFiles.some((f) => f.additions > 0 || (f.status !== 'removed' && f.status !== 'modified'))) return undefined
  const models: string[] = []
  for (const f of removed) {
    const text = await readBase(f.previousPath ?? f.path)
    if (text === undefined) return undefined
    const classes = [...text.matchAll(/\bclass\s+([A-Za-z_]\w*)/g)].map((m) => m[1])
    const mapped = classes.filter((c) => names.has(squash(c)))
    const named = new RegExp(`['"]${bare.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"]`, 'i').test(text)
    if (!mapped.length && !named) return undefined // a deleted file that is not this table's model: feature code went too
    models.push(...(mapped.length ? mapped : classes.slice(0, 1)))
  }
  if (!models.length) return undefined
  const modules = removed.map((f) => f.path.slice(f.path.lastIndexOf('/') + 1).replace(/\.[^.]+$/, ''))
  for (const f of appFiles.filter((x) => x.status === 'modified')) {
    if (f.patch === undefined) return undefined
    for (const l of f.patch.split('\n')) {
      if (!l.startsWith('-') || l.startsWith('---')) continue
      const line = l.slice(1)
      if (!line.trim()) continue
      const names = [...models, ...modules]
      if (!names.some((m) => line.includes(m))) return undefined
      // only an import/require of it, or its bare name as an export entry (__all__, a list): never code that used it
      const t = line.trim()
      const isImport = /^(from\s+\S+\s+import\b|import\b|require(_relative)?\b|autoload\b|export\s*\{|export\s+\*\s+from\b)/.test(t)
      const isEntry = names.some((m) => new RegExp(`^['"]?${m}['"]?,?$`).test(t))
      if (!isImport && !isEntry) return undefined
    }
  }
  return `dead table: this PR deletes ${removed.map((f) => f.path).join(', ')}, which maps it, and its other application-code changes only delete lines naming ${[...new Set(models)].join(', ')}; nothing else used it`
}

/** `target` (lower case, maybe schema-qualified) is one of the policy's small tables. */
export function isSmallTable(target: string, globs: readonly string[]): boolean {
  if (!globs.length) return false
  const bare = target.replace(/"/g, '')
  const last = bare.includes('.') ? bare.slice(bare.lastIndexOf('.') + 1) : bare
  return globs.some((g) => minimatch(bare, g, { nocase: true }) || minimatch(last, g, { nocase: true }))
}

/** Django names a model; its table is `<app label>_<model>` (the app is the folder holding migrations/). */
function djangoTable(path: string, model: string): string {
  const parts = path.split('/')
  const i = parts.lastIndexOf('migrations')
  return i > 0 ? `${parts[i - 1].toLowerCase()}_${model}` : model
}

/**
 * A Rails project that runs strong_migrations has declared its migration policy there. strong_migrations'
 * `remove_index` check (non-concurrent index removal: a brief ACCESS EXCLUSIVE for a catalog change, the same
 * lock-queue risk as any DDL) is off unless the project turns it on (`StrongMigrations.enable_check(:remove_index)`),
 * so a `remove_index` without `algorithm: :concurrently` there is a notice. Returns why, or undefined when the
 * project does not use strong_migrations or has the check on.
 */
export async function strongMigrationsRemoveIndex(
  migrationPath: string,
  read: (p: string) => Promise<string | undefined>,
): Promise<string | undefined> {
  const i = migrationPath.lastIndexOf('db/migrate/')
  const root = i <= 0 ? '' : migrationPath.slice(0, i - 1)
  const at = (p: string) => (root ? `${root}/${p}` : p)
  const lock = await read(at('Gemfile.lock'))
  const gemfile = lock === undefined ? await read(at('Gemfile')) : undefined
  const uses =
    lock !== undefined
      ? /^ {4}strong_migrations \(/m.test(lock)
      : gemfile !== undefined && /^\s*gem\s+['"]strong_migrations['"]/m.test(gemfile)
  if (!uses) return undefined
  const init = await read(at('config/initializers/strong_migrations.rb'))
  if (init !== undefined && /^\s*StrongMigrations\.enable_check[\s(]+:remove_index\b/m.test(init)) return undefined
  return `this project runs strong_migrations (${lock !== undefined ? at('Gemfile.lock') : at('Gemfile')}), whose remove_index check is off unless enabled: a notice`
}

/** A project whose strong_migrations initializer sets `StrongMigrations.lock_timeout` (not 0 nor nil). */
export async function strongMigrationsLockTimeout(migrationPath: string, read: Reader): Promise<boolean> {
  const i = migrationPath.lastIndexOf('db/migrate/')
  const root = i <= 0 ? '' : migrationPath.slice(0, i - 1)
  const init = await read(joinPath(root, 'config/initializers/strong_migrations.rb'))
  return init !== undefined && /^\s*StrongMigrations\.lock_timeout\s*=\s*(?!0\b|nil\b)\S/m.test(init)
}

const NO_CATCH_UP = { addedColumns: [], catchUps: [] }

/** What the catch-up exception knows about one migration file and its PR. */
export interface CatchUpFacts {
  path: string
  framework: Framework
  catchUps: readonly CatchUp[]
  lockTimeoutLine?: number
  /** Forward SET NOT NULL findings of the file. */
  setNotNull: readonly Issue[]
  /** `table.column` of every column a migration of the PR adds (Django: also `app_model.field`). */
  addedInPr: ReadonlySet<string>
  pgVersion: number
}

/**
 * Issue 14, "catch-up then enforce" (Alembic's idiom; designed from the tuning commits polar 2a17dd1 and
 * 75b7eb1 only): `UPDATE t SET c = <constant> WHERE c IS NULL`, then SET NOT NULL on t.c in the same
 * migration, on a column no migration of the PR adds (it existed at the base, so an earlier, released
 * migration added it and the rows were backfilled out of band), with a lock_timeout set before the UPDATE.
 * The UPDATE only catches up the rows the backfill missed, and the lock_timeout makes the migration give up
 * rather than queue every query behind its lock. When `issue` is either half of such a pair, returns why
 * (with the recipe for a large table), else undefined: any condition missing leaves the finding as it was.
 */
export function catchUpNote(issue: Issue, f: CatchUpFacts): string | undefined {
  if (issue.rollback || f.lockTimeoutLine === undefined || (issue.id !== 'backfill-in-transaction' && issue.id !== 'set-not-null'))
    return undefined
  const aliases = (t: string): string[] => (f.framework === 'django' ? [t, djangoTable(f.path, t)] : [t])
  const sameColumn = (u: CatchUp, s: Issue): boolean =>
    s.names?.table !== undefined &&
    s.names.column?.toLowerCase() === u.column &&
    aliases(s.names.table.toLowerCase()).includes(u.table) &&
    s.line >= u.line
  const pair = (u: CatchUp): boolean =>
    f.lockTimeoutLine !== undefined &&
    f.lockTimeoutLine <= u.line &&
    !f.addedInPr.has(`${u.table}.${u.column}`) &&
    f.setNotNull.some(
      (s) => sameColumn(u, s) && !aliases(s.names?.table?.toLowerCase() ?? '').some((t) => f.addedInPr.has(`${t}.${u.column}`)),
    )
  const u =
    issue.id === 'backfill-in-transaction'
      ? f.catchUps.find((x) => x.line >= issue.line && x.line <= issue.endLine && pair(x))
      : f.catchUps.find((x) => sameColumn(x, issue) && pair(x))
  if (!u) return undefined
  const t = ident(u.table)
  const c = ident(u.column)
  const k = ident(`${u.table}_${u.column}_not_null`)
  const where =
    f.lockTimeoutLine === 0
      ? 'the project sets a lock_timeout for every migration (strong_migrations)'
      : `the migration sets a lock_timeout first (line ${f.lockTimeoutLine})`
  return (
    `catch-up after an out-of-band backfill, under a lock_timeout: the UPDATE only fills the rows of ${u.table}.${u.column} still NULL, ` +
    `a column that existed before this PR, then SET NOT NULL enforces it, and ${where}, so it gives up instead of queueing every query ` +
    `behind its lock: reported at catch_up_level. On a large table SET NOT NULL still scans every row under ACCESS EXCLUSIVE; ` +
    `prove the column first${f.pgVersion < 12 ? ' (PostgreSQL 12+ only)' : ''}: ` +
    `ALTER TABLE ${t} ADD CONSTRAINT ${k} CHECK (${c} IS NOT NULL) NOT VALID; ` +
    `ALTER TABLE ${t} VALIDATE CONSTRAINT ${k}; ALTER TABLE ${t} ALTER COLUMN ${c} SET NOT NULL;`
  )
}

interface Suppression {
  line: number
  id: string
  reason: string
}

interface FileReport {
  path: string
  rows: string[][]
  findings: Finding[]
  statements: number
  suppressed: number
}

const SUPPRESS = /quality-gate:\s*ignore\s+([A-Za-z0-9_-]+)(?:\s+(.*?))?\s*(?:\*\/)?\s*$/

function parseSuppressions(comments: Array<{ line: number; text: string }>): Suppression[] {
  const out: Suppression[] = []
  for (const c of comments) {
    const m = SUPPRESS.exec(c.text)
    if (m) out.push({ line: c.line, id: m[1], reason: (m[2] ?? '').trim() })
  }
  return out
}

/** The statement a suppression comment applies to: the one whose lines contain it, else the next one. */
function suppressionSpan(s: Suppression, spans: StatementSpan[]): StatementSpan | undefined {
  let best: StatementSpan | undefined
  for (const sp of spans) {
    if (sp.line <= s.line && s.line <= sp.endLine && (!best || sp.endLine - sp.line < best.endLine - best.line)) best = sp
  }
  if (best) return best
  for (const sp of spans) if (sp.line > s.line && (!best || sp.line < best.line)) best = sp
  return best
}

function lockPhrase(id: DangerId): string {
  const lock: string = DANGERS[id].lock
  return lock === 'none' || lock === 'n/a' ? '' : ` — takes ${lock}`
}

function messageFor(issue: Issue): string {
  const d = DANGERS[issue.id]
  return `${issue.detail}${lockPhrase(issue.id)}: ${d.why}.`
}

function levelFor(id: DangerId, opts: MigrationSafetyOptions): Level {
  if ((opts.ignore as string[]).includes(id)) return 'off'
  const set = (opts.dangers as Partial<Record<DangerId, Level>>)[id]
  return set ?? DANGERS[id].level
}

function firstChangedLine(f: ChangedFile): number | undefined {
  if (!f.patch) return undefined
  try {
    for (const h of parsePatch(f.patch)) for (const l of h.lines) if (l.type !== ' ' && l.newLine !== undefined) return l.newLine
    for (const h of parsePatch(f.patch)) return Math.max(1, h.newStart)
  } catch {
    return undefined
  }
  return undefined
}

/**
 * A golang-migrate folder that, at the base, holds .up.sql files but not one .down.sql: the project ships
 * no rollbacks by convention (forward-only), so a new migration without one follows the convention.
 * Returns the number of .up.sql files, or 0 when the folder has rollbacks or cannot be listed.
 */
async function forwardOnlyFolder(ctx: RuleContext, path: string): Promise<number> {
  const dir = path.slice(0, path.lastIndexOf('/') + 1)
  if (!ctx.changes.listBase) return 0
  const listed = await ctx.changes.listBase(dir.replace(/\/$/, '')).catch(() => undefined)
  if (!listed) return 0
  let ups = 0
  for (const p of listed) {
    if (!p.startsWith(dir) || p.slice(dir.length).includes('/')) continue
    if (p.endsWith('.down.sql')) return 0
    if (p.endsWith('.up.sql')) ups++
  }
  return ups
}

/** The file name without its dialect part (`x.mysql.down.sql` → `x.down.sql`), or undefined when it has none. */
function withoutDialectPart(path: string): string | undefined {
  const slash = path.lastIndexOf('/') + 1
  const parts = path.slice(slash).split('.')
  const i = parts.findIndex((p, k) => k > 0 && k < parts.length - 1 && dialectOfFileName(`x.${p}.sql`) !== undefined)
  if (i < 0) return undefined
  return path.slice(0, slash) + [...parts.slice(0, i), ...parts.slice(i + 1)].join('.')
}

async function existsAtHead(ctx: RuleContext, path: string): Promise<boolean> {
  if (ctx.changes.files.some((f) => f.path === path && f.status !== 'removed')) return true
  return (await ctx.changes.readHead(path)) !== undefined
}

/** dbmate markers: `-- migrate:up [transaction:false]` / `-- migrate:down`. */
function dbmateSections(comments: Array<{ line: number; text: string }>): { up?: number; down?: number; noTransaction: boolean } {
  let up: number | undefined
  let down: number | undefined
  let noTransaction = false
  for (const c of comments) {
    const t = c.text.replace(/^--\s*/, '').trim()
    if (t.startsWith('migrate:up')) {
      up = c.line
      noTransaction = /transaction:\s*false/.test(t)
    } else if (t.startsWith('migrate:down')) down = c.line
  }
  return { up, down, noTransaction }
}

interface Analysis {
  issues: Issue[]
  statements: StatementSpan[]
  comments: Array<{ line: number; text: string }>
  waivers: OrmResult['waivers']
  count: number
  created: string[]
  framework: Framework
  /** Columns the forward code adds (`table.column`; Django: `model.field`). */
  addedColumns: string[]
  /** Catch-up UPDATEs of the forward code (`UPDATE t SET c = <constant> WHERE c IS NULL`). */
  catchUps: CatchUp[]
  /** First line that sets a lock_timeout (0: the project sets one for every migration). */
  lockTimeoutLine?: number
}

type Reader = (path: string) => Promise<string | undefined>

/**
 * Column types set by the PR's SQL migrations, in path order, kept once: `before(path)` answers what the
 * migrations before `path` left (the latest setting wins), without a copy of everything per migration.
 */
class PrTypes {
  private readonly byKey = new Map<string, Array<{ at: number; type: TypeName }>>()
  private readonly order = new Map<string, number>()
  record(path: string, types: ReadonlyMap<string, TypeName>): void {
    const at = this.order.size
    this.order.set(path, at)
    for (const [k, type] of types) {
      const h = this.byKey.get(k)
      if (h) h.push({ at, type })
      else this.byKey.set(k, [{ at, type }])
    }
  }
  before(path: string): TypeLookup | undefined {
    const at = this.order.get(path)
    if (at === undefined) return undefined
    return {
      get: (k) => {
        const h = this.byKey.get(k)
        if (h) for (let i = h.length - 1; i >= 0; i--) if (h[i].at < at) return h[i].type
        return undefined
      },
    }
  }
}

/**
 * Each SQL migration of the PR parsed once (issue 15): the pass that learns the column types the PR's
 * migrations set (path order, before any is analysed) keeps its parse results, and the analysis of the same
 * text takes them instead of parsing again. Only texts the analysis parses in one call are kept (at most
 * CHUNK_BYTES: larger files are parsed chunk by chunk, each tree dropped before the next), up to KEEP_BYTES
 * of SQL in all; each result is handed out once, and what is not taken is dropped with the run.
 */
class ParsedOnce {
  static readonly KEEP_BYTES = 32 * 1024 * 1024
  private readonly kept = new Map<string, PgParseResult>()
  private bytes = 0
  constructor(private readonly pg: PgApi) {}

  /** Parses `sql` (throws what the parser throws), keeping the result for the analysis. */
  parse(sql: string): PgParseResult {
    const r = this.pg.parseSync(sql)
    const n = Buffer.byteLength(sql)
    if (n <= CHUNK_BYTES && this.bytes + n <= ParsedOnce.KEEP_BYTES && !this.kept.has(sql)) {
      this.kept.set(sql, r)
      this.bytes += n
    }
    return r
  }

  /** The parser for the analysis: a kept result when there is one for exactly this text. */
  readonly api: PgApi = {
    parseSync: (sql) => {
      const r = this.kept.get(sql)
      if (!r) return this.pg.parseSync(sql)
      this.kept.delete(sql)
      this.bytes -= Buffer.byteLength(sql)
      return r
    },
    scanSync: (sql) => this.pg.scanSync(sql),
  }
}

const joinPath = (d: string, f: string): string => (d ? `${d}/${f}` : f)

/** Column types before the migration runs: its rollback (golang-migrate .down.sql) and the base's schema dump. */
/** Earlier SQL migrations read (newest first) to learn the type a column had before a TYPE change. */
const SQL_TYPE_LOOKBACK = 50

async function knownTypesFor(
  ctx: RuleContext,
  file: ChangedFile,
  mig: MigrationFile,
  content: string,
  opts: MigrationSafetyOptions,
  readHead: Reader,
  readBase: Reader,
): Promise<Map<string, TypeName>> {
  const out = new Map<string, TypeName>()
  const pgNeeded = mig.kind === 'sql' || mig.kind === 'rails'
  if (mig.kind === 'sql') {
    const down = downPathFor(file.path)
    const text = down ? await readHead(down) : undefined
    if (text !== undefined) for (const [k, v] of typesSetBy(await loadPg(), text)) out.set(k, v)
    // A TYPE change: the column's type before it is the one the earlier migrations of the same folder left
    // (CREATE TABLE, ADD COLUMN, an earlier TYPE change), read newest first at the base; the down file wins.
    if (/\bALTER\s+COLUMN\b[\s\S]*?\bTYPE\b/i.test(content) && ctx.changes.listBase) {
      const dir = file.path.slice(0, Math.max(0, file.path.lastIndexOf('/')))
      const listed = await ctx.changes.listBase(dir).catch(() => undefined)
      const own = dialectOfFileName(file.path)
      const earlier = (listed ?? [])
        .filter((p) => p < file.path && p !== file.path)
        .filter((p) => {
          const m = classify(p, opts.paths, opts.exclude, opts.builtin_layouts)
          return m !== undefined && m.kind === 'sql' && m.forward && dialectOfFileName(p) === own
        })
        .sort()
        .reverse()
        .slice(0, SQL_TYPE_LOOKBACK)
      // applied oldest first, statement by statement, so renames carry a column's type to its new name
      const learnt = new Map<string, TypeName>()
      const pg = await loadPg()
      for (const p of earlier.reverse()) {
        const t = await readBase(p)
        if (t !== undefined) typesSetBy(pg, t, learnt)
      }
      for (const [k, v] of learnt) if (!out.has(k)) out.set(k, v)
    }
  }
  if (mig.kind === 'rails') {
    const i = file.path.lastIndexOf('db/migrate/')
    const root = i <= 0 ? '' : file.path.slice(0, i - 1)
    const schema = await readBase(joinPath(root, 'db/schema.rb'))
    if (schema !== undefined)
      for (const [k, v] of railsSchemaTypes(schema))
        if (!out.has(k)) out.set(k, v)
        else {
          const structure = await readBase(joinPath(root, 'db/structure.sql'))
          if (structure !== undefined && pgNeeded)
            for (const [k, v] of typesSetBy(await loadPg(), structure)) if (!out.has(k)) out.set(k, v)
        }
  }
  return out
}

/** A parser that parses the same text once: a dbmate file is analysed twice (with its transaction). */
function reusingParser(parser: PgApi): PgApi {
  let last: { sql: string; result: PgParseResult } | undefined
  return {
    parseSync: (sql) => (last?.sql === sql ? last.result : (last = { sql, result: parser.parseSync(sql) }).result),
    scanSync: (sql) => parser.scanSync(sql),
  }
}

/**
 * dbmate (`-- migrate:up` / `-- migrate:down`): only the up section counts, each section runs in a
 * transaction unless `transaction:false`, and a missing or empty down section is reported in `issues`.
 */
function dbmateResult(
  pg: PgApi,
  first: SqlResult,
  content: string,
  opts: MigrationSafetyOptions,
  sqlOpts: SqlOptions,
  issues: Issue[],
): { r: SqlResult; transactional: boolean } {
  const db = dbmateSections(first.comments)
  const up = db.up
  if (up === undefined) return { r: first, transactional: true }
  let r = first
  if (!db.noTransaction && !opts.assume_in_transaction) r = analyzeSql(pg, content, { ...sqlOpts, assumeInTransaction: true })
  const downLine = db.down
  const inUp = (l: number): boolean => downLine === undefined || l < downLine || (up > downLine && l > up)
  r = { ...r, issues: r.issues.filter((i) => inUp(i.line)), backfills: r.backfills.filter((i) => inUp(i.line)) }
  const downStatements = downLine === undefined ? 0 : r.statements.filter((s) => !inUp(s.line)).length
  if (downLine === undefined || downStatements === 0) {
    issues.push({
      id: 'missing-down',
      line: downLine ?? up,
      endLine: downLine ?? up,
      statement: '-- migrate:down',
      detail: downLine === undefined ? 'dbmate migration without a -- migrate:down section' : 'dbmate -- migrate:down section is empty',
    })
  }
  return { r, transactional: !db.noTransaction }
}

/** A golang-migrate / pop file without its down file, a sqitch change without its revert script. */
async function missingRollbackFiles(ctx: RuleContext, file: ChangedFile, mig: MigrationFile): Promise<Issue[]> {
  const issues: Issue[] = []
  const down = downPathFor(file.path)
  // gobuffalo/pop: a database without its own down file runs the generic one (x.mysql.up.sql → x.down.sql).
  const genericDown = down ? withoutDialectPart(down) : undefined
  if (down && !(await existsAtHead(ctx, down)) && !(genericDown && (await existsAtHead(ctx, genericDown)))) {
    const forwardOnly = await forwardOnlyFolder(ctx, file.path)
    issues.push({
      id: 'missing-down',
      line: 1,
      endLine: 1,
      statement: file.path.split('/').pop() ?? file.path,
      detail:
        `golang-migrate migration without ${down.split('/').pop()}` +
        (forwardOnly ? ` (the folder has ${forwardOnly} .up.sql files and no .down.sql at the base: forward-only by convention)` : ''),
      ...(forwardOnly ? { cap: { level: 'notice' as const, why: 'forward-only folder' } } : {}),
    })
  }
  const revert = mig.layout === 'sqitch' ? sqitchRevertFor(file.path) : undefined
  if (revert && !(await existsAtHead(ctx, revert))) {
    issues.push({
      id: 'missing-down',
      line: 1,
      endLine: 1,
      statement: file.path.split('/').pop() ?? file.path,
      detail: `sqitch change without ${revert}`,
    })
  }
  return issues
}

/** A SQL migration file: parsed when its dialect is PostgreSQL's family (`parser` given), rollback files checked either way. */
async function analyzeSqlFile(
  ctx: RuleContext,
  file: ChangedFile,
  mig: MigrationFile,
  content: string,
  opts: MigrationSafetyOptions,
  sqlOpts: SqlOptions,
  parser: PgApi | undefined,
): Promise<Analysis> {
  const issues: Issue[] = []
  const pg = parser && reusingParser(parser)
  let r = pg ? analyzeSql(pg, content, sqlOpts) : undefined
  if (pg && r) {
    const db = dbmateResult(pg, r, content, opts, sqlOpts, issues)
    r = db.r
    // A backfill counts when the same transaction (the file) also changes the schema of an existing table.
    if (r.schemaChange && db.transactional) issues.push(...r.backfills)
  }
  issues.push(...(await missingRollbackFiles(ctx, file, mig)))
  if (!r) return { issues, statements: [], comments: [], waivers: [], count: 0, created: [], framework: 'sql', ...NO_CATCH_UP }
  return {
    issues: [...issues, ...r.issues],
    statements: r.statements,
    comments: r.comments,
    waivers: [],
    count: r.count,
    created: r.created,
    framework: 'sql',
    addedColumns: r.addedColumns,
    catchUps: r.catchUps,
    lockTimeoutLine: r.lockTimeoutLine,
  }
}

async function analyzeFile(
  ctx: RuleContext,
  file: ChangedFile,
  mig: MigrationFile,
  content: string,
  opts: MigrationSafetyOptions,
  dialect: Dialect,
  readHead: Reader,
  readBase: Reader,
  earlier?: TypeLookup,
  parsed?: ParsedOnce,
): Promise<Analysis> {
  // The file's own sources (rollback, schema dump) first, then what the PR's earlier migrations set: looked up,
  // never merged into a copy per file (that was quadratic in a PR of many migrations).
  const own = await knownTypesFor(ctx, file, mig, content, opts, readHead, readBase)
  const knownTypes: TypeLookup = earlier ? { get: (k) => own.get(k) ?? earlier.get(k) } : own
  const sqlOpts: SqlOptions = {
    pgVersion: opts.pg_version,
    assumeInTransaction: opts.assume_in_transaction,
    requireLockTimeout: opts.require_lock_timeout,
    knownTypes,
  }
  const parseSql = PG_FAMILY.includes(dialect)
  if (mig.kind === 'sql')
    return analyzeSqlFile(ctx, file, mig, content, opts, sqlOpts, parseSql ? (parsed?.api ?? (await loadPg())) : undefined)
  // Rails, Django and Alembic run each migration in a transaction unless told otherwise (the analysers say
  // where: disable_ddl_transaction!, atomic = False, autocommit_block).
  const parser = await loadParser(mig.kind === 'rails' ? 'ruby' : 'python')
  const djangoFields =
    mig.kind === 'python' && mig.flavour === 'django'
      ? await djangoFieldsBefore(parser, file.path, content, readHead, ctx.changes.listBase?.bind(ctx.changes))
      : undefined
  const djangoClasses = djangoFields?.size ? await djangoProjectClasses(parser, file.path, content, readHead) : undefined
  const deps = {
    parser,
    pg: loadPg,
    sql: { ...sqlOpts, requireLockTimeout: false, assumeInTransaction: true },
    parseSql,
    knownTypes,
    djangoFields,
    djangoClasses,
  }
  const r = mig.kind === 'rails' ? await analyzeRails(content, deps) : await analyzePython(content, deps, mig.flavour)
  const framework: Framework = mig.kind === 'rails' ? 'rails' : 'kind' in r && r.kind === 'alembic' ? 'alembic' : 'django'
  if (r.notMigration) return { issues: [], statements: [], comments: [], waivers: [], count: 0, created: [], framework, ...NO_CATCH_UP }
  // strong_migrations sets its lock_timeout on every migration's connection
  const global =
    mig.kind === 'rails' && (await strongMigrationsLockTimeout(file.path, async (p) => (await readHead(p)) ?? (await readBase(p))))
      ? 0
      : undefined
  return {
    issues: r.issues,
    statements: r.statements,
    comments: r.comments,
    waivers: r.waivers,
    count: r.count,
    created: r.created,
    framework,
    addedColumns: r.addedColumns,
    catchUps: r.catchUps,
    lockTimeoutLine: global ?? r.lockTimeoutLine,
  }
}

/**
 * Tools that record a migration as applied by its version number alone (golang-migrate and gobuffalo/pop:
 * schema_migrations.version; Rails: the timestamp): renaming the file keeps it applied.
 */
const VERSION_KEYED = new Set(['golang-migrate', 'golang-migrate down', 'rails'])

/** Migrations read at most for the tables unreleased merged migrations create. */
const MAX_UNRELEASED_READS = 50

/**
 * Tables created by merged migrations (at the base, in the folders of the PR's migrations) that no release
 * tag holds yet: map table → migration path. Empty when the source has no tag information.
 */
async function tablesOfUnreleasedMigrations(
  ctx: RuleContext,
  prPaths: string[],
  opts: MigrationSafetyOptions,
  policy: { dialect: MigrationSafetyOptions['dialect']; dialects: MigrationSafetyOptions['dialects'] },
  readHead: Reader,
  readBase: Reader,
  readConfig: Reader,
): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  if (!ctx.changes.listBase || !ctx.changes.releasedPaths || opts.release_tags.length === 0) return out
  const inPr = new Set(prPaths)
  const candidates = new Map<string, MigrationFile>()
  for (const dir of new Set(prPaths.map((p) => p.slice(0, Math.max(0, p.lastIndexOf('/')))))) {
    const listed = await ctx.changes.listBase(dir).catch(() => undefined)
    for (const p of listed ?? []) {
      if (inPr.has(p)) continue
      const mig = classify(p, opts.paths, opts.exclude, opts.builtin_layouts)
      if (mig && mig.forward && mig.immutable) candidates.set(p, mig)
    }
  }
  if (candidates.size === 0) return out
  const released = await ctx.changes.releasedPaths([...candidates.keys()], opts.release_tags).catch(() => undefined)
  if (!released) return out
  const unreleased = [...candidates.keys()]
    .filter((p) => !released.has(p))
    .sort()
    .reverse()
    .slice(0, MAX_UNRELEASED_READS)
  for (const path of unreleased) {
    const mig = candidates.get(path)!
    const content = await readBase(path)
    if (content === undefined) continue
    const dialect = await detectDialect(path, mig, policy, readConfig, content)
    try {
      const a = await analyzeFile(
        ctx,
        { path, status: 'added', additions: 0, deletions: 0 },
        mig,
        content,
        opts,
        dialect.dialect,
        readHead,
        readBase,
      )
      for (const t of a.created) if (!out.has(t.toLowerCase())) out.set(t.toLowerCase(), path)
    } catch {
      // unparseable: it creates nothing we can name
    }
  }
  return out
}

/**
 * Migrations read at most to find the fields a Django migration alters. A field is often defined far back
 * (netbox alters fields defined 80 migrations earlier, in a squashed migration); one read is one small file.
 */
export const DJANGO_MAX_READS = 200

/**
 * The definition each field a Django migration alters had before it: the migrations of the same app it
 * depends on are read (head), nearest first; when the chain breaks (a dependency squashed away into a
 * `0131_squashed_0159`-style file) or ends, the app's migration folder at the base is read newest first
 * below this migration's number. At most DJANGO_MAX_READS files in all.
 */
/** Modules of project-defined Django field classes read at most per migration. */
const DJANGO_CLASS_READS = 5

/**
 * The project-defined field classes a Django migration names (`extras.fields.ChoiceSetField(...)`, the way
 * makemigrations writes them), resolved to their Django base by reading the module at the head
 * (`<project>/extras/fields.py` or `…/fields/__init__.py`, the project being the folder holding the app).
 * Django's own modules are not read; a class not found is left out (its AlterField stays uncosted).
 */
async function djangoProjectClasses(
  parser: Awaited<ReturnType<typeof loadParser>>,
  path: string,
  content: string,
  readHead: Reader,
): Promise<Map<string, FieldSummary>> {
  const out = new Map<string, FieldSummary>()
  const parts = path.split('/')
  const root = parts.slice(0, Math.max(0, parts.lastIndexOf('migrations') - 1)).join('/')
  const refs = new Map<string, string>()
  for (const m of content.matchAll(/\b((?:[a-z_]\w*\.)+)([A-Z]\w*)\(/g)) {
    const mod = m[1].slice(0, -1)
    if (!/^(django|models|migrations|settings)\b/.test(mod) && !refs.has(m[2])) refs.set(m[2], mod)
  }
  const modules = [...new Set(refs.values())].slice(0, DJANGO_CLASS_READS)
  for (const mod of modules) {
    const file = joinPath(root, mod.replace(/\./g, '/'))
    const text = (await readHead(`${file}.py`)) ?? (await readHead(`${file}/__init__.py`))
    if (text === undefined) continue
    for (const [cls, m] of refs) {
      const f = m === mod ? djangoFieldClass(parser, text, cls) : undefined
      if (f) out.set(cls, f)
    }
  }
  return out
}

async function djangoFieldsBefore(
  parser: Awaited<ReturnType<typeof loadParser>>,
  path: string,
  content: string,
  readHead: Reader,
  listBase?: (dir: string) => Promise<string[] | undefined>,
): Promise<Map<string, FieldSummary>> {
  const out = new Map<string, FieldSummary>()
  const dir = path.slice(0, path.lastIndexOf('/'))
  const app = dir.split('/').slice(-2, -1)[0] ?? ''
  const own = djangoFileState(parser, content, app)
  const needed = new Set(own.alters)
  if (needed.size === 0) return out
  const queue = [...own.dependencies]
  const seen = new Set<string>(queue)
  let reads = 0
  while (queue.length && needed.size && reads < DJANGO_MAX_READS) {
    const name = queue.shift()!
    const text = await readHead(`${dir}/${name}.py`)
    reads++
    if (text === undefined) continue
    const st = djangoFileState(parser, text, app)
    for (let i = st.defs.length - 1; i >= 0; i--) {
      const [key, summary] = st.defs[i]
      if (!needed.has(key)) continue
      needed.delete(key)
      if (summary) out.set(key, summary)
    }
    for (const d of st.dependencies)
      if (!seen.has(d)) {
        seen.add(d)
        queue.push(d)
      }
  }
  if (needed.size && reads < DJANGO_MAX_READS && listBase) {
    const own = path.slice(dir.length + 1, -'.py'.length)
    const listed = (await listBase(dir).catch(() => undefined)) ?? []
    const earlier = listed
      .filter((p) => p.startsWith(dir + '/') && /^\d+_\w*\.py$/.test(p.slice(dir.length + 1)))
      .map((p) => p.slice(dir.length + 1, -'.py'.length))
      .filter((n) => n < own && !seen.has(n))
      .sort()
      .reverse()
    for (const name of earlier) {
      if (!needed.size || reads >= DJANGO_MAX_READS) break
      const text = await readHead(`${dir}/${name}.py`)
      reads++
      if (text === undefined) continue
      const st = djangoFileState(parser, text, app)
      for (let i = st.defs.length - 1; i >= 0; i--) {
        const [key, summary] = st.defs[i]
        if (!needed.has(key)) continue
        needed.delete(key)
        if (summary) out.set(key, summary)
      }
    }
  }
  return out
}

/** What was not checked in a file of this dialect (the dialect table's last column). */
function coverage(d: DialectInfo, mig: MigrationFile): string {
  const name = DIALECT_NAMES[d.dialect]
  switch (d.dialect) {
    case 'postgres':
      return d.assumed ? 'all dangers (PostgreSQL assumed: no dialect in the file name, folder or tool configuration)' : 'all dangers'
    case 'cockroach':
      return 'not checked (CockroachDB): lock and rewrite dangers, since CockroachDB changes schemas online; checked: data loss, renames, backfills, missing rollback, edits'
    case 'sqlite':
      return `not checked (SQLite): lock dangers and table rebuilds (SQLite alters tables by copying them); ${mig.kind === 'sql' ? 'the SQL is not parsed' : 'checked: drops, renames, missing rollback, edits'}`
    default:
      return `not checked (${name}): PostgreSQL lock dangers${mig.kind === 'sql' ? ' (the SQL is not parsed as PostgreSQL); checked: edits of merged migrations, missing rollback' : ' and embedded SQL; checked: drops, renames, backfills, missing rollback, edits'}`
  }
}

function capLevel(level: Level, cap: Level): Level {
  const order: Level[] = ['off', 'notice', 'warn', 'fail']
  return order.indexOf(level) <= order.indexOf(cap) ? level : cap
}

const oneLine = (s: string): string => s.replace(/\s*\n\s*/g, ' ')

async function evaluate(ctx: RuleContext, opts: MigrationSafetyOptions & CommonRuleOptions): Promise<RuleOutput> {
  const migrations: Array<{ file: ChangedFile; mig: MigrationFile }> = []
  const others: ChangedFile[] = []
  for (const f of ctx.changes.files) {
    const mig =
      classify(f.path, opts.paths, opts.exclude, opts.builtin_layouts) ??
      (f.previousPath ? classify(f.previousPath, opts.paths, opts.exclude, opts.builtin_layouts) : undefined)
    if (mig) migrations.push({ file: f, mig })
    else others.push(f)
  }
  if (migrations.length === 0) return { findings: [], summary: 'no migration changed', applicability: 'not-applicable' }
  const notes: Note[] = []
  const appFiles = others.filter((f) => !f.excluded && matchesAny(f.path, opts.app_paths) && !matchesAny(f.path, opts.app_exclude))
  const appChanged = appFiles.map((f) => f.path)

  // Configuration and rollback files are read once each, through the change set (head, else base).
  // `undefined` is "the file does not exist"; a read that fails (API error, timeout, corrupt object store) is
  // recorded and makes the rule "not evaluated" below, because an unread rollback, config or earlier migration
  // must never count as an absent one that might clear a danger.
  const cache = new Map<string, Promise<string | undefined>>()
  const readFailures = new Map<string, string>()
  const cached = (side: 'head' | 'base', p: string): Promise<string | undefined> => {
    const key = `${side}:${p}`
    let v = cache.get(key)
    if (!v) {
      v = (side === 'head' ? ctx.changes.readHead(p) : ctx.changes.readBase(p)).catch((e: unknown) => {
        if (!readFailures.has(key))
          readFailures.set(key, `${p} (${side === 'head' ? 'head' : 'base'}): ${e instanceof Error ? e.message : String(e)}`)
        return undefined
      })
      cache.set(key, v)
    }
    return v
  }
  const readHead: Reader = (p) => cached('head', p)
  const readBase: Reader = (p) => cached('base', p)
  const readConfig: Reader = async (p) => (await readHead(p)) ?? (await readBase(p))
  const policy = { dialect: opts.dialect, dialects: opts.dialects }

  // Column types the PR's earlier SQL migrations set (path order): a later TYPE change to the same type is free.
  const prTypes = new PrTypes()
  let parsed: ParsedOnce | undefined
  const sqlForward = migrations
    .filter((m) => m.mig.kind === 'sql' && m.mig.forward && m.file.status !== 'removed')
    .sort((a, b) => a.file.path.localeCompare(b.file.path))
  if (sqlForward.length > 1) {
    parsed = new ParsedOnce(await loadPg())
    for (const m of sqlForward) {
      const text = await readHead(m.file.path)
      let types = new Map<string, TypeName>()
      if (text !== undefined) {
        try {
          types = typesSetByStatements(parsed.parse(text).stmts ?? [])
        } catch {
          // does not parse: the analysis reports where
        }
      }
      prTypes.record(m.file.path, types)
    }
  }

  // Which merged migrations have shipped in a release (tags); undefined: no tag information.
  const editedPaths = migrations
    .filter((m) => m.mig.immutable && m.file.status !== 'added' && m.file.status !== 'copied')
    .map((m) => m.file.previousPath ?? m.file.path)
  const released =
    editedPaths.length && opts.release_tags.length && ctx.changes.releasedPaths
      ? await ctx.changes.releasedPaths(editedPaths, opts.release_tags).catch(() => undefined)
      : undefined
  const tagsShown = opts.release_tags.join(', ')

  // Statements of the SQL migrations the PR adds (PostgreSQL family): where a statement taken out of a merged
  // migration went. Read only when a merged SQL migration lost statements.
  let addedSql: Promise<Map<string, string>> | undefined
  const addedStatements = (): Promise<Map<string, string>> =>
    (addedSql ??= (async () => {
      const out = new Map<string, string>()
      for (const { file, mig } of migrations) {
        if (file.status !== 'added' || mig.kind !== 'sql' || !mig.forward) continue
        const text = await readHead(file.path)
        if (text === undefined) continue
        const d = await detectDialect(file.path, mig, policy, readConfig, text)
        if (!PG_FAMILY.includes(d.dialect)) continue
        for (const t of statementTrees(await loadPg(), text) ?? []) if (!out.has(t)) out.set(t, file.path)
      }
      return out
    })())

  const findings: Finding[] = []
  const reports: FileReport[] = []
  const dialectRows: string[][] = []
  const notChecked = new Map<string, number>()
  const dialectCount = new Map<string, number>()
  const suppressionsListed: Array<{ path: string; line: number; id: string; reason: string }> = []
  let statements = 0
  const analysed: Array<{ file: ChangedFile; mig: MigrationFile; dialect: DialectInfo; analysis: Analysis; report: FileReport }> = []

  const pushFinding = (
    report: FileReport,
    id: DangerId,
    f: Omit<Finding, 'code' | 'level'>,
    statement: string,
    fix: string,
    cap?: Level,
    capWhy = 'rollback',
  ): void => {
    let level = levelFor(id, opts)
    if (cap) level = capLevel(level, cap)
    if (level === 'off') return
    const finding: Finding = { ...f, code: id, level, kind: 'violation' }
    report.findings.push(finding)
    findings.push(finding)
    report.rows.push([
      f.line ? String(f.line) : '',
      statement,
      id + (cap && level !== levelFor(id, opts) ? ` (${capWhy}: ${level})` : ''),
      DANGERS[id].lock,
      oneLine(fix),
    ])
  }

  for (const { file, mig } of migrations) {
    const report: FileReport = { path: file.path, rows: [], findings: [], statements: 0, suppressed: 0 }
    reports.push(report)
    const content = file.status === 'removed' ? undefined : await readHead(file.path)
    const dialect = await detectDialect(file.path, mig, policy, readConfig, content)
    const checked = coverage(dialect, mig)
    dialectRows.push([file.path, DIALECT_NAMES[dialect.dialect] + (dialect.assumed ? ' (assumed)' : ''), dialect.source, checked])
    dialectCount.set(
      DIALECT_NAMES[dialect.dialect] + (dialect.assumed ? ' (assumed)' : ''),
      (dialectCount.get(DIALECT_NAMES[dialect.dialect] + (dialect.assumed ? ' (assumed)' : '')) ?? 0) + 1,
    )
    if (checked.startsWith('not checked')) {
      notChecked.set(DIALECT_NAMES[dialect.dialect], (notChecked.get(DIALECT_NAMES[dialect.dialect]) ?? 0) + 1)
      findings.push({
        kind: 'info',
        path: file.path,
        code: 'dialect',
        level: 'notice',
        message: `${DIALECT_NAMES[dialect.dialect]} migration (from the ${dialect.source}): ${checked}.`,
      })
    }

    // Process danger: the file existed on the base branch, i.e. it is already merged (and has run).
    if (file.status !== 'added' && file.status !== 'copied' && mig.immutable) {
      const rollbackFile = !mig.forward
      let rollbackOnly = false
      let dataOnly = false
      let movedTo: string | undefined
      if (file.status !== 'removed' && file.status !== 'renamed') {
        const base = await readBase(file.previousPath ?? file.path)
        if (base !== undefined && content !== undefined) {
          let changed = true
          try {
            if (mig.kind === 'sql') {
              const pg = PG_FAMILY.includes(dialect.dialect) ? await loadPg() : undefined
              changed = !sameSql(pg, base, content)
              // statements moved to a migration this PR adds, each of which leaves the same schema whether or not it
              // already ran (IF NOT EXISTS, IF EXISTS, OR REPLACE): databases that ran the old file run it again as a
              // no-op, new ones run it once; nothing diverges
              const removed = changed && pg && mig.forward ? removedStatements(pg, base, content) : undefined
              if (removed && removed.length > 0 && removed.every(isIdempotent)) {
                const added = await addedStatements()
                const targets = removed.map((t) => added.get(t))
                if (targets.every((t) => t !== undefined)) movedTo = [...new Set(targets)].join(', ')
              }
            } else {
              const lang = mig.kind === 'rails' ? 'ruby' : 'python'
              const e = compareTrees(await loadParser(lang), base, content, lang)
              changed = e.changed
              rollbackOnly = e.rollbackOnly
              dataOnly = e.dataOnly
            }
          } catch {
            changed = true
          }
          if (!changed) {
            report.rows.push([
              '',
              '(whole file)',
              'edited: comments and layout only',
              'none',
              'not a migration-edited finding: the statements are unchanged',
            ])
            continue
          }
          if (movedTo !== undefined) {
            const why = `statements moved out of this merged migration into ${movedTo}, added by this PR; each leaves the same schema whether or not it already ran (IF NOT EXISTS / IF EXISTS / OR REPLACE), so databases that ran the old file and new ones end up alike`
            const line = firstChangedLine(file)
            pushFinding(
              report,
              'migration-edited',
              {
                path: file.path,
                line,
                endLine: line,
                message: `Migration edited after it was merged: ${why}.`,
                hint: DANGERS['migration-edited'].fix,
              },
              '(whole file)',
              DANGERS['migration-edited'].fix,
              'notice',
              'moved, idempotent',
            )
            continue
          }
        }
      }
      if (file.status === 'renamed' && file.previousPath && VERSION_KEYED.has(mig.layout) && content !== undefined) {
        const version = (p: string): string | undefined => /^(\d+)_/.exec(p.slice(p.lastIndexOf('/') + 1))?.[1]
        const sameDir = file.previousPath.slice(0, file.previousPath.lastIndexOf('/')) === file.path.slice(0, file.path.lastIndexOf('/'))
        if (
          sameDir &&
          version(file.path) !== undefined &&
          version(file.path) === version(file.previousPath) &&
          (await readBase(file.previousPath)) === content
        ) {
          report.rows.push([
            '',
            '(whole file)',
            'renamed: same version and contents',
            'none',
            `not a migration-edited finding: ${mig.layout} keys migrations by their version number, which is unchanged, and the statements are the same`,
          ])
          continue
        }
      }
      const what =
        file.status === 'removed'
          ? 'deleted'
          : file.status === 'renamed'
            ? `renamed from ${file.previousPath ?? '?'}`
            : rollbackOnly
              ? 'edited in its rollback code'
              : dataOnly
                ? 'edited in its data or helper code only'
                : 'edited'
      const line = file.status === 'removed' ? undefined : firstChangedLine(file)
      const tag = released?.get(file.previousPath ?? file.path)
      const unreleased = released !== undefined && tag === undefined
      // the strictest cap that applies: not released yet, rollback code, data code only
      let cap: Level | undefined
      if (rollbackFile || rollbackOnly) cap = opts.rollback_level
      if (dataOnly) cap = opts.data_edit_level
      if (unreleased) cap = capLevel(opts.unreleased_edit_level, cap ?? 'fail')
      const kind = rollbackFile ? 'Rollback migration' : 'Migration'
      const dataNote = dataOnly
        ? ' Its schema statements, and the code that feeds them, are unchanged: the edit is in code that moves or fixes rows (or a helper), so the schema it leaves is the same; the new code runs only on databases that have not applied it yet (fresh installs, upgrades from older versions): check that it does the same to their data.'
        : ''
      const message = unreleased
        ? `${kind} ${what} before any release: merged, but no release tag (${tagsShown}) made up to the base holds it, so it has run only where the development branch ran; it is still being developed and editing it is normal until it ships (a new migration is needed once it is released).`
        : tag !== undefined
          ? `${kind} ${what} after it was merged and released (tag ${tag} holds it): ${DANGERS['migration-edited'].why}.${dataNote}`
          : `${kind} ${what} after it was merged: ${DANGERS['migration-edited'].why} (no release tag information: counted as released).${dataNote}`
      pushFinding(
        report,
        'migration-edited',
        { path: file.path, line, endLine: line, message, hint: DANGERS['migration-edited'].fix },
        '(whole file)',
        DANGERS['migration-edited'].fix,
        cap,
        unreleased ? 'not released yet' : dataOnly ? 'data code only' : 'rollback',
      )
      // An unreleased migration still runs in production, at the release that ships it: the dangers this edit adds
      // (not in the file at the base) are checked as in a new migration. Dangers the base file had already were
      // reported when they were added; an edit that keeps them (a WHERE, an IF NOT EXISTS) adds nothing.
      if (unreleased && file.status === 'modified' && mig.forward && content !== undefined) {
        const baseText = await readBase(file.previousPath ?? file.path)
        if (baseText !== undefined) {
          let analysis: Analysis
          let before: Analysis
          try {
            analysis = await analyzeFile(
              ctx,
              file,
              mig,
              content,
              opts,
              dialect.dialect,
              readHead,
              readBase,
              prTypes.before(file.path),
              parsed,
            )
            before = await analyzeFile(ctx, file, mig, baseText, opts, dialect.dialect, readHead, readBase, prTypes.before(file.path))
          } catch (e) {
            findings.push({
              kind: 'error',
              path: file.path,
              code: 'parser-unavailable',
              message: `Could not analyse ${file.path}: ${e instanceof Error ? e.message : String(e)}`,
            })
            continue
          }
          const had = new Set(before.issues.map(issueKey))
          const added = analysis.issues.filter((i) => !had.has(issueKey(i)))
          report.rows.push([
            '',
            '(whole file)',
            'edited before any release',
            'none',
            `dangers the edit adds are checked as in a new migration (${added.length} new; ${analysis.issues.length - added.length} already in the file at the base, not repeated)`,
          ])
          statements += analysis.count
          report.statements = analysis.count
          analysed.push({ file, mig, dialect, analysis: { ...analysis, issues: added }, report })
        }
      }
      continue
    }
    if (file.status === 'removed' || !mig.forward) continue

    if (content === undefined) {
      findings.push({
        kind: 'error',
        path: file.path,
        code: 'unreadable',
        message: `Could not read ${file.path} at the head commit: the migration was not checked.`,
      })
      continue
    }
    let analysis: Analysis
    try {
      analysis = await analyzeFile(ctx, file, mig, content, opts, dialect.dialect, readHead, readBase, prTypes.before(file.path), parsed)
    } catch (e) {
      findings.push({
        kind: 'error',
        path: file.path,
        code: 'parser-unavailable',
        message: `Could not analyse ${file.path}: ${e instanceof Error ? e.message : String(e)}`,
      })
      continue
    }
    statements += analysis.count
    report.statements = analysis.count
    analysed.push({ file, mig, dialect, analysis, report })
  }

  // Objects created anywhere in this change cannot block anyone: lock dangers on them are not reported.
  const createdInPr = new Set(analysed.flatMap((a) => a.analysis.created.map((t) => t.toLowerCase())))
  // Nor can tables created by a merged migration that has not shipped in a release yet (release tags).
  const lockTargets = new Set(
    analysed
      .flatMap((a) =>
        a.analysis.issues.filter((i) => DANGERS[i.id].lockDanger && !i.rollback).map((i) => (i.names?.table ?? i.table)?.toLowerCase()),
      )
      .filter((t): t is string => t !== undefined && !createdInPr.has(t)),
  )
  const createdUnreleased = lockTargets.size
    ? await tablesOfUnreleasedMigrations(
        ctx,
        analysed.map((a) => a.file.path),
        opts,
        policy,
        readHead,
        readBase,
        readConfig,
      )
    : new Map<string, string>()

  // Columns any migration of the PR adds: a catch-up UPDATE of one of them is its first backfill, not a catch-up.
  const addedInPr = new Set<string>()
  for (const a of analysed)
    for (const k of a.analysis.addedColumns) {
      addedInPr.add(k)
      const dot = k.lastIndexOf('.')
      if (a.analysis.framework === 'django') addedInPr.add(`${djangoTable(a.file.path, k.slice(0, dot))}${k.slice(dot)}`)
    }
  const catchUpFacts = { addedInPr, pgVersion: opts.pg_version }

  for (const { file, dialect, analysis, report } of analysed) {
    const push = (id: DangerId, f: Omit<Finding, 'code' | 'level'>, statement: string, fix: string, cap?: Level, capWhy?: string): void => {
      pushFinding(report, id, f, statement, fix, cap, capWhy)
    }
    const setNotNull = analysis.issues.filter((i) => i.id === 'set-not-null' && !i.rollback)
    const sups = parseSuppressions(analysis.comments)
    const spans = analysis.statements
    const used = new Set<Suppression>()
    const issues = [...analysis.issues].sort((a, b) => a.line - b.line)
    // A table this migration drops is locked (ACCESS EXCLUSIVE) and gone with its indexes and constraints
    // anyway: the other lock dangers on it (dropping its indexes first, …) add nothing; drop-table speaks.
    const droppedHere = new Set(
      issues
        .filter((i) => i.id === 'drop-table' && !i.rollback)
        .map((i) => (i.names?.table ?? i.table)?.toLowerCase())
        .filter((t): t is string => t !== undefined),
    )
    for (const issue of issues) {
      if (!holdsFor(issue.id, dialect.dialect)) {
        if (issue.id === 'syntax-error')
          report.rows.push([
            String(issue.line),
            issue.statement,
            `not checked (${DIALECT_NAMES[dialect.dialect]} syntax)`,
            'unknown',
            oneLine(issue.detail),
          ])
        continue
      }
      const target = (issue.names?.table ?? issue.table)?.toLowerCase()
      if (DANGERS[issue.id].lockDanger && target && createdInPr.has(target)) continue
      const newTable = DANGERS[issue.id].lockDanger && target && !issue.rollback ? createdUnreleased.get(target) : undefined
      if (newTable) {
        report.rows.push([
          String(issue.line),
          issue.statement,
          `${issue.id} (not reported: new table)`,
          DANGERS[issue.id].lock,
          `${target} is created by ${newTable}, merged but in no release yet: no production table to lock`,
        ])
        continue
      }
      if (DANGERS[issue.id].lockDanger && issue.id !== 'drop-table' && !issue.rollback && target && droppedHere.has(target)) continue
      let suppressedBy: Suppression | undefined
      let missingReason = false
      for (const s of sups) {
        if (s.id !== issue.id) continue
        const sp = suppressionSpan(s, spans)
        const covers = sp ? sp.line <= issue.line && issue.line <= sp.endLine : s.line === issue.line || s.line === issue.line - 1
        if (!covers) continue
        if (!s.reason) missingReason = true
        else suppressedBy = s
      }
      if (suppressedBy) {
        used.add(suppressedBy)
        report.suppressed++
        suppressionsListed.push({ path: file.path, line: issue.line, id: issue.id, reason: suppressedBy.reason })
        report.rows.push([
          String(issue.line),
          issue.statement,
          `${issue.id} (suppressed)`,
          DANGERS[issue.id].lock,
          `reason: ${suppressedBy.reason}`,
        ])
        continue
      }
      const recipe = recipeFor(issue.id, { ...issue.names, framework: analysis.framework, pgVersion: opts.pg_version })
      let cap = issue.rollback ? opts.rollback_level : issue.cap?.level
      let capWhy = issue.rollback ? 'rollback' : issue.cap?.why
      let capNote = ''
      if (
        !issue.rollback &&
        DANGERS[issue.id].scalesWithTable &&
        target &&
        (isSmallTable(target, opts.small_tables) ||
          (analysis.framework === 'django' && isSmallTable(djangoTable(file.path, target), opts.small_tables)))
      ) {
        cap = capLevel(cap ?? opts.small_table_level, opts.small_table_level)
        capWhy = 'small table'
        capNote = ` (${target} is listed in small_tables: reported at small_table_level)`
      }
      const catchUp = catchUpNote(issue, { ...catchUpFacts, ...analysis, path: file.path, setNotNull })
      if (catchUp) {
        cap = capLevel(cap ?? opts.catch_up_level, opts.catch_up_level)
        capWhy = 'catch-up'
        capNote = ` (${catchUp})`
      }
      if (!issue.rollback && issue.id === 'drop-table' && target) {
        const dead = await deadTable(target, appFiles, readBase)
        if (dead) {
          cap = 'notice'
          capWhy = 'dead table'
          capNote = ` (${dead})`
        }
      }
      if (
        !issue.rollback &&
        issue.id === 'drop-index-non-concurrent' &&
        analysis.framework === 'rails' &&
        issue.detail.startsWith('remove_index ')
      ) {
        const sm = await strongMigrationsRemoveIndex(file.path, readConfig)
        if (sm) {
          cap = 'notice'
          capWhy = 'strong_migrations'
          capNote = ` (${sm})`
        }
      }
      push(
        issue.id,
        {
          path: file.path,
          line: issue.line,
          endLine: issue.endLine,
          column: issue.column,
          message:
            (issue.rollback ? 'In rollback code: ' : '') +
            messageFor(issue) +
            capNote +
            (missingReason ? ' (a quality-gate: ignore comment names this danger but gives no reason, so it does not count)' : ''),
          hint: recipe,
        },
        issue.statement,
        recipe,
        cap,
        capWhy,
      )
      if ((issue.id === 'drop-column' || issue.id === 'rename-column') && appChanged.length > 0 && !issue.rollback) {
        push(
          'expand-contract',
          {
            path: file.path,
            line: issue.line,
            endLine: issue.endLine,
            message: `${issue.detail} in the same PR as application code changes (${appChanged.slice(0, 3).join(', ')}${appChanged.length > 3 ? ', …' : ''}): ${DANGERS['expand-contract'].why}.`,
            hint: DANGERS['expand-contract'].fix,
          },
          issue.statement,
          DANGERS['expand-contract'].fix,
        )
      }
    }
    for (const w of analysis.waivers) {
      suppressionsListed.push({ path: file.path, line: w.line, id: w.id, reason: w.reason })
      report.suppressed++
      report.rows.push([String(w.line), w.statement, `${w.id} (waived)`, DANGERS[w.id].lock, `reason: ${w.reason}`])
    }
    for (const s of sups) {
      if (isDangerId(s.id)) continue
      // A misspelt id suppresses nothing: say so as a gate note (every surface shows notes), not only in this table.
      const guess = didYouMean(s.id, DANGER_IDS)
      const mean = guess ? ` (did you mean "${guess}"?)` : ''
      report.rows.push([
        String(s.line),
        `quality-gate: ignore ${s.id}`,
        'invalid suppression',
        '',
        `unknown danger id "${s.id}"${mean}; valid ids: see docs/rules/migration-safety.md`,
      ])
      notes.push({
        level: 'warning',
        message: `${file.path}:${s.line}: "quality-gate: ignore ${s.id}" names no migration danger${mean}, so it suppresses nothing. Valid ids: pr-gate explain migration-safety.`,
      })
    }
  }

  for (const s of suppressionsListed) {
    findings.push({ kind: 'info', path: s.path, line: s.line, code: s.id, level: 'notice', message: `Suppressed ${s.id}: ${s.reason}` })
  }

  // A file the checks needed could not be read: the result is incomplete, so the rule is not evaluated (on_error).
  const unreadableReported = new Set(findings.filter((f) => f.kind === 'error').map((f) => f.path))
  for (const [key, what] of readFailures) {
    const path = key.slice(key.indexOf(':') + 1)
    if (unreadableReported.has(path)) continue
    unreadableReported.add(path)
    findings.push({
      kind: 'error',
      path,
      code: 'unreadable',
      message: `Could not read ${what}: the migration checks that need it were not completed.`,
    })
  }

  const tables: RuleTable[] = reports
    .filter((r) => r.rows.length > 0)
    .map((r) => ({
      title: r.path,
      columns: ['Line', 'Statement', 'Danger', 'Lock', 'Fix'],
      rows: r.rows.sort((a, b) => Number(a[0] || 0) - Number(b[0] || 0)),
    }))
  tables.push({ title: 'Dialect of each migration file', columns: ['File', 'Dialect', 'Detected from', 'Checked'], rows: dialectRows })
  const dangers = findings.filter((f) => f.kind === 'violation').length
  const suppressed = suppressionsListed.length
  const errors = findings.filter((f) => f.kind === 'error').length
  const skipped = [...notChecked].map(([d, n]) => `${n} ${d}`).join(', ')
  const summary =
    `${migrations.length} migration file${migrations.length === 1 ? '' : 's'}, ${statements} statement${statements === 1 ? '' : 's'}: ` +
    (dangers ? `${dangers} danger${dangers === 1 ? '' : 's'}` : 'no danger') +
    (suppressed ? `, ${suppressed} suppressed` : '') +
    (errors ? `, ${errors} not analysed` : '') +
    (skipped ? ` (partly or not checked: ${skipped})` : '') +
    `; dialect: ${[...dialectCount].map(([d, n]) => (dialectCount.size > 1 ? `${d} ${n}` : d)).join(', ')}`
  return {
    findings,
    summary,
    tables,
    notes,
    data: {
      migrations: migrations.map((m, i) => ({
        path: m.file.path,
        layout: m.mig.layout,
        status: m.file.status,
        dialect: dialectRows[i]?.[1],
        dialect_source: dialectRows[i]?.[2],
      })),
      suppressions: suppressionsListed,
    },
  }
}

export const migrationSafety = defineRule({
  id: 'migration-safety',
  description:
    'Migrations are safe and reversible: no long locks on hot tables, no edits of merged migrations, the safe recipe on the offending line.',
  options,
  defaultLevel: 'fail',
  release: true,
  plan: planMigrationReads,
  evaluate,
})

export { DANGERS, DANGER_IDS } from './dangers.js'
