/**
 * migration-safety, stage 1 (analyse): one migration file read and parsed into the dangers it holds, with what
 * the later stages need to decide their levels (tables created, columns added, catch-up UPDATEs, lock_timeout).
 * SQL goes through libpg-query; Rails, Django and Alembic through tree-sitter (orm.ts).
 */
import type { ChangedFile, RuleContext } from '../../types.js'
import { PG_FAMILY, type Dialect, type Framework } from './dangers/types.js'
import { classify, downPathFor, sqitchRevertFor, type MigrationFile } from './detect.js'
import {
  analyzeMysql,
  mysqlColumnsChanged,
  mysqlTypesSetBy,
  splitMysql,
  MYSQL_PARSE_BUDGET_MS,
  type MysqlBudget,
  type MysqlType,
} from './mysql.js'
import { detectDialect, dialectOfFileName } from './dialect.js'
import {
  analyzePython,
  analyzeRails,
  djangoFieldClass,
  djangoFileState,
  railsSchemaTypes,
  type FieldSummary,
  type OrmResult,
} from './orm.js'
import type { MigrationSafetyOptions } from './options.js'
import type { TypeLookup, TypeName } from './sql-ast.js'
import {
  analyzeSql,
  CHUNK_BYTES,
  typesSetBy,
  type CatchUp,
  type Issue,
  type SqlOptions,
  type SqlResult,
  type StatementSpan,
} from './sql.js'
import { loadParser, loadPg, type PgApi, type PgParseResult } from './wasm.js'
import { railsHelpersIn, unknownRailsCalls, type RailsHelper } from './rails-helpers.js'

/** A project whose strong_migrations initializer sets `StrongMigrations.lock_timeout` (not 0 nor nil). */
export async function strongMigrationsLockTimeout(migrationPath: string, read: Reader): Promise<boolean> {
  const i = migrationPath.lastIndexOf('db/migrate/')
  const root = i <= 0 ? '' : migrationPath.slice(0, i - 1)
  const init = await read(joinPath(root, 'config/initializers/strong_migrations.rb'))
  return init !== undefined && /^\s*StrongMigrations\.lock_timeout\s*=\s*(?!0\b|nil\b)\S/m.test(init)
}

const NO_CATCH_UP = { addedColumns: [], catchUps: [] }

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

export interface Analysis {
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

export type Reader = (path: string) => Promise<string | undefined>

/**
 * Column types set by the PR's SQL migrations, in path order, kept once: `before(path)` answers what the
 * migrations before `path` left (the latest setting wins), without a copy of everything per migration.
 */
export class PrTypes {
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
export class ParsedOnce {
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

/**
 * The forward SQL migrations of the same folder and dialect that come before `file` at the base, the
 * SQL_TYPE_LOOKBACK newest of them, oldest first.
 */
async function earlierSqlMigrations(ctx: RuleContext, file: ChangedFile, opts: MigrationSafetyOptions): Promise<string[]> {
  if (!ctx.changes.listBase) return []
  const dir = file.path.slice(0, Math.max(0, file.path.lastIndexOf('/')))
  const listed = await ctx.changes.listBase(dir).catch(() => undefined)
  const own = dialectOfFileName(file.path)
  return (listed ?? [])
    .filter((p) => p < file.path && p !== file.path)
    .filter((p) => {
      const m = classify(p, opts.paths, opts.exclude, opts.builtin_layouts)
      return m !== undefined && m.kind === 'sql' && m.forward && dialectOfFileName(p) === own
    })
    .sort()
    .slice(-SQL_TYPE_LOOKBACK)
}

/** One MySQL parsing budget per run (the run's ChangeSet): every MySQL file and lookback of a PR share it. */
const mysqlBudgets = new WeakMap<object, MysqlBudget>()
function mysqlBudget(ctx: RuleContext): MysqlBudget {
  let b = mysqlBudgets.get(ctx.changes)
  if (!b) mysqlBudgets.set(ctx.changes, (b = { leftMs: MYSQL_PARSE_BUDGET_MS }))
  return b
}

/**
 * Column types before a MySQL migration runs: what its rollback file sets, else what the folder's earlier MySQL
 * migrations left (read only when the file changes a column's definition).
 */
async function mysqlTypesBefore(
  ctx: RuleContext,
  file: ChangedFile,
  content: string,
  opts: MigrationSafetyOptions,
  readHead: Reader,
  readBase: Reader,
): Promise<Map<string, MysqlType>> {
  const out = new Map<string, MysqlType>()
  if (!/\b(?:MODIFY|CHANGE)\b/i.test(content)) return out
  const budget = mysqlBudget(ctx)
  const needed = await mysqlColumnsChanged(content, budget)
  if (needed.size === 0) return out
  // the rollback file puts back the type each column has before this migration
  const down = downPathFor(file.path)
  const text = down ? await readHead(down) : undefined
  if (text !== undefined) await mysqlTypesSetBy(text, out, budget)
  if ([...needed].every((k) => out.has(k))) return out
  const learnt = new Map<string, MysqlType>()
  for (const p of await earlierSqlMigrations(ctx, file, opts)) {
    const t = await readBase(p)
    if (t !== undefined) await mysqlTypesSetBy(t, learnt, budget)
  }
  for (const [k, v] of learnt) if (!out.has(k)) out.set(k, v)
  return out
}

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
  if (mig.kind === 'sql') {
    const down = downPathFor(file.path)
    const text = down ? await readHead(down) : undefined
    if (text !== undefined) for (const [k, v] of typesSetBy(await loadPg(), text)) out.set(k, v)
    // A TYPE change: the column's type before it is the one the earlier migrations of the same folder left
    // (CREATE TABLE, ADD COLUMN, an earlier TYPE change), read newest first at the base; the down file wins.
    if (/\bALTER\s+COLUMN\b[\s\S]*?\bTYPE\b/i.test(content)) {
      const earlier = await earlierSqlMigrations(ctx, file, opts)
      // applied oldest first, statement by statement, so renames carry a column's type to its new name
      const learnt = new Map<string, TypeName>()
      const pg = await loadPg()
      for (const p of earlier) {
        const t = await readBase(p)
        if (t !== undefined) typesSetBy(pg, t, learnt)
      }
      for (const [k, v] of learnt) if (!out.has(k)) out.set(k, v)
    }
  }
  if (mig.kind === 'rails') {
    const i = file.path.lastIndexOf('db/migrate/')
    const root = i <= 0 ? '' : file.path.slice(0, i - 1)
    // The column types at the base: db/schema.rb, or db/structure.sql for apps that dump SQL
    // (config.active_record.schema_format = :sql) and keep no schema.rb.
    const schema = await readBase(joinPath(root, 'db/schema.rb'))
    if (schema !== undefined) {
      for (const [k, v] of railsSchemaTypes(schema)) if (!out.has(k)) out.set(k, v)
    } else {
      const structure = await readBase(joinPath(root, 'db/structure.sql'))
      if (structure !== undefined) for (const [k, v] of typesSetBy(await loadPg(), structure)) if (!out.has(k)) out.set(k, v)
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
  r = {
    ...r,
    issues: r.issues.filter((i) => inUp(i.line)),
    backfills: r.backfills.filter((i) => inUp(i.line)),
    earlyBackfills: r.earlyBackfills.filter((i) => inUp(i.line)),
  }
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

/** Statements that only read or write rows, or set the session: what a data-only migration runs. */
const ROW_STATEMENT = /^(?:UPDATE|INSERT|DELETE|SELECT|REPLACE|SET|WITH)\b/i

/**
 * The file only reads or writes rows (a data fix, a purge): `definesSchema` from the PostgreSQL parse when there
 * is one, else every statement (split outside quotes and comments) starts as a row statement does. A piece the
 * split cannot read (dollar quoting, a DELIMITER) counts as schema.
 */
function rowsOnly(content: string, r: Pick<SqlResult, 'definesSchema' | 'count'> | undefined): boolean {
  if (r) return r.count > 0 && !r.definesSchema
  const stmts = splitMysql(content)
  return stmts !== undefined && stmts.length > 0 && stmts.every((s) => ROW_STATEMENT.test(s.text))
}

/**
 * A golang-migrate / pop file without its down file, a sqitch change without its revert script. `rows`: the up
 * file only reads or writes rows, so there is no schema to put back (a notice, as for Alembic's bare downgrade()).
 */
async function missingRollbackFiles(ctx: RuleContext, file: ChangedFile, mig: MigrationFile, rows = false): Promise<Issue[]> {
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
        (forwardOnly ? ` (the folder has ${forwardOnly} .up.sql files and no .down.sql at the base: forward-only by convention)` : '') +
        (rows && !forwardOnly ? ', and the up file only reads or writes rows: there is no schema to put back' : ''),
      ...(forwardOnly
        ? { cap: { level: 'notice' as const, why: 'forward-only folder' } }
        : rows
          ? { cap: { level: 'notice' as const, why: 'data-only migration' } }
          : {}),
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

/** A MySQL migration file: read with MySQL's grammar (see ./mysql.ts), rollback files checked. */
async function analyzeMysqlFile(
  ctx: RuleContext,
  file: ChangedFile,
  mig: MigrationFile,
  content: string,
  opts: MigrationSafetyOptions,
  readHead: Reader,
  readBase: Reader,
): Promise<Analysis> {
  const issues = await missingRollbackFiles(ctx, file, mig, rowsOnly(content, undefined))
  if (!mig.forward) return sqlAnalysis(issues)
  return sqlAnalysis(
    issues,
    await analyzeMysql(content, await mysqlTypesBefore(ctx, file, content, opts, readHead, readBase), mysqlBudget(ctx)),
  )
}

/** The Analysis of a SQL file: the rollback-file issues, then what its parse found (none when it was not parsed). */
function sqlAnalysis(
  issues: Issue[],
  r?: Pick<SqlResult, 'issues' | 'statements' | 'comments' | 'count' | 'created'> & Partial<SqlResult>,
): Analysis {
  if (!r) return { issues, statements: [], comments: [], waivers: [], count: 0, created: [], framework: 'sql', ...NO_CATCH_UP }
  return {
    issues: [...issues, ...r.issues],
    statements: r.statements,
    comments: r.comments,
    waivers: [],
    count: r.count,
    created: r.created,
    framework: 'sql',
    addedColumns: r.addedColumns ?? [],
    catchUps: r.catchUps ?? [],
    ...(r.lockTimeoutLine !== undefined ? { lockTimeoutLine: r.lockTimeoutLine } : {}),
  }
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
  issues.push(...(await missingRollbackFiles(ctx, file, mig, rowsOnly(content, r))))
  return sqlAnalysis(issues, r)
}

export async function analyzeFile(
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
  if (mig.kind === 'sql' && dialect === 'mysql') return analyzeMysqlFile(ctx, file, mig, content, opts, readHead, readBase)
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
  const railsHelpers = mig.kind === 'rails' ? await railsProjectHelpers(ctx, parser, file.path, content, readHead) : undefined
  const deps = {
    parser,
    pg: loadPg,
    sql: { ...sqlOpts, requireLockTimeout: false, assumeInTransaction: true },
    parseSql,
    knownTypes,
    djangoFields,
    djangoClasses,
    railsHelpers,
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

/** Migrations read at most for the tables unreleased merged migrations create. */
const MAX_UNRELEASED_READS = 50

/**
 * Tables created by merged migrations (at the base, in the folders of the PR's migrations) that no release
 * tag holds yet: map table → migration path. Empty when the source has no tag information.
 */
export async function tablesOfUnreleasedMigrations(
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
    const mig = candidates.get(path)
    if (!mig) continue
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
/** Files read at most to find a Rails migration's project helpers (each may be an API call), and the largest one read. */
const RAILS_HELPER_READS = 10
const RAILS_HELPER_BYTES = 512 * 1024
/** Where a project keeps migration helpers, by file name (config/initializers/migrate.rb, lib/migration_helpers.rb). */
const RAILS_HELPER_FILE = /(?:migrat|schema|database|postgres|(?:^|[_-])(?:pg|db)(?:[_.-]|$))[^/]*\.rb$/i

/**
 * The project helpers a Rails migration calls (see rails-helpers.ts), from the head tree: the files it
 * requires (`require "migrate"` is lib/migrate.rb), then the files of config/initializers/ and lib/ (two levels
 * deep) named for migrations or the database, at most RAILS_HELPER_READS files. Nothing is read when the
 * migration calls only methods Rails has; a read that fails makes the rule "not evaluated" (Reads).
 */
async function railsProjectHelpers(
  ctx: RuleContext,
  parser: Awaited<ReturnType<typeof loadParser>>,
  path: string,
  content: string,
  readHead: Reader,
): Promise<Map<string, RailsHelper> | undefined> {
  const wanted = unknownRailsCalls(content)
  if (!wanted.size) return undefined
  const at = path.lastIndexOf('db/migrate/')
  const root = at > 0 ? path.slice(0, at) : ''
  const files = [...content.matchAll(/^\s*require\s+["']([\w/.-]+?)(?:\.rb)?["']/gm)].map((m) => `${root}lib/${m[1]}.rb`)
  const changed = ctx.changes.files.filter((f) => f.status !== 'removed').map((f) => f.path)
  for (const dir of ['config/initializers', 'lib']) {
    const under = `${root}${dir}/`
    const listed = [...((await ctx.changes.listBase?.(`${root}${dir}`)) ?? []), ...changed.filter((p) => p.startsWith(under))]
    files.push(
      ...listed.filter(
        (p) =>
          p.startsWith(under) && p.slice(under.length).split('/').length <= 2 && RAILS_HELPER_FILE.test(p.slice(p.lastIndexOf('/') + 1)),
      ),
    )
  }
  const out = new Map<string, RailsHelper>()
  for (const f of [...new Set(files)].slice(0, RAILS_HELPER_READS)) {
    const text = await readHead(f)
    if (text === undefined || text.length > RAILS_HELPER_BYTES) continue
    const missing = new Set([...wanted].filter((n) => !out.has(n) && text.includes(`def ${n}`)))
    if (missing.size) for (const [n, h] of railsHelpersIn(parser, f, text, missing)) out.set(n, h)
    if (out.size === wanted.size) break
  }
  return out.size ? out : undefined
}

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
    const name = queue.shift()
    if (name === undefined) break
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
