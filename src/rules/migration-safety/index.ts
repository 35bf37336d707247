/**
 * migration-safety: dangerous schema changes caught statically, on the offending line, with the safe
 * alternative. PostgreSQL SQL is parsed with libpg-query (the real parser, wasm); Rails, Django and Alembic
 * migrations with tree-sitter. Both parsers are loaded only when the PR changes a migration of that kind.
 * See docs/rules/migration-safety.md.
 */
import { Type, type Static } from '@sinclair/typebox'
import { matchesAny } from '../../change/glob.js'
import { parsePatch } from '../../change/patch.js'
import type { ChangedFile, CommonRuleOptions, Finding, Level, Note, Rule, RuleContext, RuleOutput, RuleTable } from '../../types.js'
import { didYouMean } from '../../policy/validate.js'
import { DANGERS, DANGER_IDS, holdsFor, isDangerId, recipeFor, type DangerId } from './dangers.js'
import { DIALECT_NAMES, PG_FAMILY, type Dialect, type Framework } from './dangers/types.js'
import { classify, downPathFor, sqitchRevertFor, type MigrationFile } from './detect.js'
import { detectDialect, type DialectInfo } from './dialect.js'
import { compareTrees, sameSql } from './edits.js'
import { analyzePython, analyzeRails, djangoFileState, railsSchemaTypes, type FieldSummary, type OrmResult } from './orm.js'
import type { TypeName } from './sql-ast.js'
import { analyzeSql, typesSetBy, type Issue, type SqlOptions, type StatementSpan } from './sql.js'
import { loadParser, loadPg } from './wasm.js'

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
      description: 'Recognise the common layouts: Flyway, golang-migrate, dbmate, Prisma, sqitch, Liquibase SQL, Rails db/migrate, Django migrations, Alembic versions.',
    }),
    exclude: Type.Array(Type.String(), { default: [], description: 'Globs of files never treated as migrations.' }),
    dialect: Type.Union([Type.Literal('auto'), ...DIALECTS.map((d) => Type.Literal(d))], {
      default: 'auto',
      description: 'Database the migrations run on. auto: per file, from a dialect in the file name (x.mysql.up.sql), a folder (mysql/, sqlite/, postgres/), else the tool configuration (Prisma migration_lock.toml, Rails config/database.yml, Django ENGINE, Alembic URL), else PostgreSQL. Files that are not PostgreSQL are never parsed as PostgreSQL.',
    }),
    dialects: Type.Array(Type.Object({ paths: Type.Array(Type.String()), dialect: DialectSchema }, { additionalProperties: false }), {
      default: [],
      description: 'Dialect per glob, before anything detected: [{ paths: ["db/mysql/**"], dialect: mysql }].',
    }),
    rollback_level: LevelSchema('notice', 'Highest level of a finding in rollback code (.down.sql, def down, dir.down, downgrade(), reverse_code) and of an edit of a merged rollback file.'),
    pg_version: Type.Integer({
      minimum: 9,
      maximum: 18,
      default: 14,
      description: 'Oldest PostgreSQL major version the migrations run on (defaults before 11 rewrite the table; REINDEX CONCURRENTLY needs 12; DETACH CONCURRENTLY 14).',
    }),
    assume_in_transaction: Type.Boolean({
      default: false,
      description: 'The migration tool wraps each SQL file in a transaction (Flyway, sqitch, golang-migrate with x-multi-statement off): CONCURRENTLY statements then fail.',
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
      description: 'Globs of application code: dropping/renaming a column in a PR that also changes these files is an expand-contract violation.',
    }),
    app_exclude: Type.Array(Type.String(), {
      default: ['**/db/schema.rb', '**/db/structure.sql', '**/db/seeds.rb', '**/{test,tests,spec,specs,__tests__,testdata,fixtures,factories}/**', '**/*_test.{go,py,rb}', '**/test_*.py', '**/conftest.py', '**/*_spec.rb', '**/*.{test,spec}.{ts,tsx,js,jsx,mjs,cjs}', '**/*Test.{java,kt}'],
      description: 'Globs never counted as application code for expand-contract: schema dumps, seeds and tests.',
    }),
  },
  { additionalProperties: false },
)

export type MigrationSafetyOptions = Static<typeof options>

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
}

type Reader = (path: string) => Promise<string | undefined>

const joinPath = (d: string, f: string): string => (d ? `${d}/${f}` : f)

/** Column types before the migration runs: its rollback (golang-migrate .down.sql) and the base's schema dump. */
async function knownTypesFor(file: ChangedFile, mig: MigrationFile, readHead: Reader, readBase: Reader): Promise<Map<string, TypeName>> {
  const out = new Map<string, TypeName>()
  const pgNeeded = mig.kind === 'sql' || mig.kind === 'rails'
  if (mig.kind === 'sql') {
    const down = downPathFor(file.path)
    const text = down ? await readHead(down) : undefined
    if (text !== undefined) for (const [k, v] of typesSetBy(await loadPg(), text)) out.set(k, v)
  }
  if (mig.kind === 'rails') {
    const i = file.path.lastIndexOf('db/migrate/')
    const root = i <= 0 ? '' : file.path.slice(0, i - 1)
    const schema = await readBase(joinPath(root, 'db/schema.rb'))
    if (schema !== undefined) for (const [k, v] of railsSchemaTypes(schema)) if (!out.has(k)) out.set(k, v)
    else {
      const structure = await readBase(joinPath(root, 'db/structure.sql'))
      if (structure !== undefined && pgNeeded) for (const [k, v] of typesSetBy(await loadPg(), structure)) if (!out.has(k)) out.set(k, v)
    }
  }
  return out
}

async function analyzeFile(ctx: RuleContext, file: ChangedFile, mig: MigrationFile, content: string, opts: MigrationSafetyOptions, dialect: Dialect, readHead: Reader, readBase: Reader, earlier?: ReadonlyMap<string, TypeName>): Promise<Analysis> {
  const knownTypes = await knownTypesFor(file, mig, readHead, readBase)
  for (const [k, v] of earlier ?? []) if (!knownTypes.has(k)) knownTypes.set(k, v)
  const sqlOpts: SqlOptions = { pgVersion: opts.pg_version, assumeInTransaction: opts.assume_in_transaction, requireLockTimeout: opts.require_lock_timeout, knownTypes }
  const parseSql = PG_FAMILY.includes(dialect)
  if (mig.kind === 'sql') {
    const issues: Issue[] = []
    let r = parseSql ? analyzeSql(await loadPg(), content, sqlOpts) : undefined
    let transactional = true
    if (r) {
      const db = dbmateSections(r.comments)
      if (db.up !== undefined) {
        // dbmate wraps each section in a transaction unless `transaction:false`.
        transactional = !db.noTransaction
        if (!db.noTransaction && !opts.assume_in_transaction) r = analyzeSql(await loadPg(), content, { ...sqlOpts, assumeInTransaction: true })
        const downLine = db.down
        const inUp = (l: number): boolean => downLine === undefined || l < downLine || (db.up! > downLine && l > db.up!)
        r = { ...r, issues: r.issues.filter((i) => inUp(i.line)), backfills: r.backfills.filter((i) => inUp(i.line)) }
        const downStatements = downLine === undefined ? 0 : r.statements.filter((s) => !inUp(s.line)).length
        if (downLine === undefined || downStatements === 0) {
          issues.push({ id: 'missing-down', line: downLine ?? db.up, endLine: downLine ?? db.up, statement: '-- migrate:down', detail: downLine === undefined ? 'dbmate migration without a -- migrate:down section' : 'dbmate -- migrate:down section is empty' })
        }
      }
      // A backfill counts when the same transaction (the file) also changes the schema of an existing table.
      if (r.schemaChange && transactional) issues.push(...r.backfills)
    }
    const down = downPathFor(file.path)
    if (down && !(await existsAtHead(ctx, down))) {
      issues.push({ id: 'missing-down', line: 1, endLine: 1, statement: file.path.split('/').pop() ?? file.path, detail: `golang-migrate migration without ${down.split('/').pop()}` })
    }
    const revert = mig.layout === 'sqitch' ? sqitchRevertFor(file.path) : undefined
    if (revert && !(await existsAtHead(ctx, revert))) {
      issues.push({ id: 'missing-down', line: 1, endLine: 1, statement: file.path.split('/').pop() ?? file.path, detail: `sqitch change without ${revert}` })
    }
    if (!r) return { issues, statements: [], comments: [], waivers: [], count: 0, created: [], framework: 'sql' }
    return { issues: [...issues, ...r.issues], statements: r.statements, comments: r.comments, waivers: [], count: r.count, created: r.created, framework: 'sql' }
  }
  // Rails, Django and Alembic run each migration in a transaction unless told otherwise (the analysers say
  // where: disable_ddl_transaction!, atomic = False, autocommit_block).
  const parser = await loadParser(mig.kind === 'rails' ? 'ruby' : 'python')
  const djangoFields = mig.kind === 'python' && mig.flavour === 'django' ? await djangoFieldsBefore(parser, file.path, content, readHead) : undefined
  const deps = { parser, pg: loadPg, sql: { ...sqlOpts, requireLockTimeout: false, assumeInTransaction: true }, parseSql, knownTypes, djangoFields }
  const r = mig.kind === 'rails' ? await analyzeRails(content, deps) : await analyzePython(content, deps, mig.flavour)
  const framework: Framework = mig.kind === 'rails' ? 'rails' : 'kind' in r && r.kind === 'alembic' ? 'alembic' : 'django'
  if (r.notMigration) return { issues: [], statements: [], comments: [], waivers: [], count: 0, created: [], framework }
  return { issues: r.issues, statements: r.statements, comments: r.comments, waivers: r.waivers, count: r.count, created: r.created, framework }
}

/** Migrations read at most to find the fields a Django migration alters. */
const DJANGO_MAX_READS = 25

/**
 * The definition each field a Django migration alters had before it: the migrations of the same app it
 * depends on are read (head), nearest first, until every altered field is found or DJANGO_MAX_READS.
 */
async function djangoFieldsBefore(parser: Awaited<ReturnType<typeof loadParser>>, path: string, content: string, readHead: Reader): Promise<Map<string, FieldSummary>> {
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
    for (const d of st.dependencies) if (!seen.has(d)) {
      seen.add(d)
      queue.push(d)
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
    const mig = classify(f.path, opts.paths, opts.exclude, opts.builtin_layouts) ?? (f.previousPath ? classify(f.previousPath, opts.paths, opts.exclude, opts.builtin_layouts) : undefined)
    if (mig) migrations.push({ file: f, mig })
    else others.push(f)
  }
  if (migrations.length === 0) return { findings: [], summary: 'no migration changed' }
  const notes: Note[] = []
  const appChanged = others.filter((f) => !f.excluded && matchesAny(f.path, opts.app_paths) && !matchesAny(f.path, opts.app_exclude)).map((f) => f.path)

  // Configuration and rollback files are read once each, through the change set (head, else base).
  const cache = new Map<string, Promise<string | undefined>>()
  const cached = (side: 'head' | 'base', p: string): Promise<string | undefined> => {
    const key = `${side}:${p}`
    let v = cache.get(key)
    if (!v) {
      v = (side === 'head' ? ctx.changes.readHead(p) : ctx.changes.readBase(p)).catch(() => undefined)
      cache.set(key, v)
    }
    return v
  }
  const readHead: Reader = (p) => cached('head', p)
  const readBase: Reader = (p) => cached('base', p)
  const readConfig: Reader = async (p) => (await readHead(p)) ?? (await readBase(p))
  const policy = { dialect: opts.dialect, dialects: opts.dialects }

  // Column types the PR's earlier SQL migrations set (path order): a later TYPE change to the same type is free.
  const prTypes = new Map<string, Map<string, TypeName>>()
  const sqlForward = migrations.filter((m) => m.mig.kind === 'sql' && m.mig.forward && m.file.status !== 'removed').sort((a, b) => a.file.path.localeCompare(b.file.path))
  if (sqlForward.length > 1) {
    const acc = new Map<string, TypeName>()
    for (const m of sqlForward) {
      prTypes.set(m.file.path, new Map(acc))
      const text = await readHead(m.file.path)
      if (text !== undefined) for (const [k, v] of typesSetBy(await loadPg(), text)) acc.set(k, v)
    }
  }

  const findings: Finding[] = []
  const reports: FileReport[] = []
  const dialectRows: string[][] = []
  const notChecked = new Map<string, number>()
  const dialectCount = new Map<string, number>()
  const suppressionsListed: Array<{ path: string; line: number; id: string; reason: string }> = []
  let statements = 0
  const analysed: Array<{ file: ChangedFile; mig: MigrationFile; dialect: DialectInfo; analysis: Analysis; report: FileReport }> = []

  const pushFinding = (report: FileReport, id: DangerId, f: Omit<Finding, 'code' | 'level'>, statement: string, fix: string, cap?: Level): void => {
    let level = levelFor(id, opts)
    if (cap) level = capLevel(level, cap)
    if (level === 'off') return
    const finding: Finding = { ...f, code: id, level, kind: 'violation' }
    report.findings.push(finding)
    findings.push(finding)
    report.rows.push([f.line ? String(f.line) : '', statement, id + (cap && level !== levelFor(id, opts) ? ` (rollback: ${level})` : ''), DANGERS[id].lock, oneLine(fix)])
  }

  for (const { file, mig } of migrations) {
    const report: FileReport = { path: file.path, rows: [], findings: [], statements: 0, suppressed: 0 }
    reports.push(report)
    const content = file.status === 'removed' ? undefined : await readHead(file.path)
    const dialect = await detectDialect(file.path, mig, policy, readConfig, content)
    const checked = coverage(dialect, mig)
    dialectRows.push([file.path, DIALECT_NAMES[dialect.dialect] + (dialect.assumed ? ' (assumed)' : ''), dialect.source, checked])
    dialectCount.set(DIALECT_NAMES[dialect.dialect] + (dialect.assumed ? ' (assumed)' : ''), (dialectCount.get(DIALECT_NAMES[dialect.dialect] + (dialect.assumed ? ' (assumed)' : '')) ?? 0) + 1)
    if (checked.startsWith('not checked')) {
      notChecked.set(DIALECT_NAMES[dialect.dialect], (notChecked.get(DIALECT_NAMES[dialect.dialect]) ?? 0) + 1)
      findings.push({ kind: 'info', path: file.path, code: 'dialect', level: 'notice', message: `${DIALECT_NAMES[dialect.dialect]} migration (from the ${dialect.source}): ${checked}.` })
    }

    // Process danger: the file existed on the base branch, i.e. it is already merged (and has run).
    if (file.status !== 'added' && file.status !== 'copied' && mig.immutable) {
      const rollbackFile = !mig.forward
      let rollbackOnly = false
      if (file.status !== 'removed' && file.status !== 'renamed') {
        const base = await readBase(file.previousPath ?? file.path)
        if (base !== undefined && content !== undefined) {
          let changed = true
          try {
            if (mig.kind === 'sql') changed = !sameSql(PG_FAMILY.includes(dialect.dialect) ? await loadPg() : undefined, base, content)
            else {
              const e = compareTrees(await loadParser(mig.kind === 'rails' ? 'ruby' : 'python'), base, content)
              changed = e.changed
              rollbackOnly = e.rollbackOnly
            }
          } catch {
            changed = true
          }
          if (!changed) {
            report.rows.push(['', '(whole file)', 'edited: comments and layout only', 'none', 'not a migration-edited finding: the statements are unchanged'])
            continue
          }
        }
      }
      const what = file.status === 'removed' ? 'deleted' : file.status === 'renamed' ? `renamed from ${file.previousPath ?? '?'}` : rollbackOnly ? 'edited in its rollback code' : 'edited'
      const line = file.status === 'removed' ? undefined : firstChangedLine(file)
      const cap = rollbackFile || rollbackOnly ? opts.rollback_level : undefined
      pushFinding(report, 'migration-edited', { path: file.path, line, endLine: line, message: `${rollbackFile ? 'Rollback migration' : 'Migration'} ${what} after it was merged: ${DANGERS['migration-edited'].why}.`, hint: DANGERS['migration-edited'].fix }, '(whole file)', DANGERS['migration-edited'].fix, cap)
      continue
    }
    if (file.status === 'removed' || !mig.forward) continue

    if (content === undefined) {
      findings.push({ kind: 'error', path: file.path, code: 'unreadable', message: `Could not read ${file.path} at the head commit: the migration was not checked.` })
      continue
    }
    let analysis: Analysis
    try {
      analysis = await analyzeFile(ctx, file, mig, content, opts, dialect.dialect, readHead, readBase, prTypes.get(file.path))
    } catch (e) {
      findings.push({ kind: 'error', path: file.path, code: 'parser-unavailable', message: `Could not analyse ${file.path}: ${e instanceof Error ? e.message : String(e)}` })
      continue
    }
    statements += analysis.count
    report.statements = analysis.count
    analysed.push({ file, mig, dialect, analysis, report })
  }

  // Objects created anywhere in this change cannot block anyone: lock dangers on them are not reported.
  const createdInPr = new Set(analysed.flatMap((a) => a.analysis.created.map((t) => t.toLowerCase())))

  for (const { file, dialect, analysis, report } of analysed) {
    const push = (id: DangerId, f: Omit<Finding, 'code' | 'level'>, statement: string, fix: string, cap?: Level): void => pushFinding(report, id, f, statement, fix, cap)
    const sups = parseSuppressions(analysis.comments)
    const spans = analysis.statements
    const used = new Set<Suppression>()
    const issues = [...analysis.issues].sort((a, b) => a.line - b.line)
    for (const issue of issues) {
      if (!holdsFor(issue.id, dialect.dialect)) {
        if (issue.id === 'syntax-error') report.rows.push([String(issue.line), issue.statement, `not checked (${DIALECT_NAMES[dialect.dialect]} syntax)`, 'unknown', oneLine(issue.detail)])
        continue
      }
      const target = (issue.names?.table ?? issue.table)?.toLowerCase()
      if (DANGERS[issue.id].lockDanger && target && createdInPr.has(target)) continue
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
        report.rows.push([String(issue.line), issue.statement, `${issue.id} (suppressed)`, DANGERS[issue.id].lock, `reason: ${suppressedBy.reason}`])
        continue
      }
      const recipe = recipeFor(issue.id, { ...issue.names, framework: analysis.framework, pgVersion: opts.pg_version })
      const cap = issue.rollback ? opts.rollback_level : undefined
      push(
        issue.id,
        {
          path: file.path,
          line: issue.line,
          endLine: issue.endLine,
          column: issue.column,
          message: (issue.rollback ? 'In rollback code: ' : '') + messageFor(issue) + (missingReason ? ' (a quality-gate: ignore comment names this danger but gives no reason, so it does not count)' : ''),
          hint: recipe,
        },
        issue.statement,
        recipe,
        cap,
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
      report.rows.push([String(s.line), `quality-gate: ignore ${s.id}`, 'invalid suppression', '', `unknown danger id "${s.id}"${mean}; valid ids: see docs/rules/migration-safety.md`])
      notes.push({ level: 'warning', message: `${file.path}:${s.line}: "quality-gate: ignore ${s.id}" names no migration danger${mean}, so it suppresses nothing. Valid ids: pr-gate explain migration-safety.` })
    }
  }

  for (const s of suppressionsListed) {
    findings.push({ kind: 'info', path: s.path, line: s.line, code: s.id, level: 'notice', message: `Suppressed ${s.id}: ${s.reason}` })
  }

  const tables: RuleTable[] = reports
    .filter((r) => r.rows.length > 0)
    .map((r) => ({ title: r.path, columns: ['Line', 'Statement', 'Danger', 'Lock', 'Fix'], rows: r.rows.sort((a, b) => Number(a[0] || 0) - Number(b[0] || 0)) }))
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
      migrations: migrations.map((m, i) => ({ path: m.file.path, layout: m.mig.layout, status: m.file.status, dialect: dialectRows[i]?.[1], dialect_source: dialectRows[i]?.[2] })),
      suppressions: suppressionsListed,
    },
  }
}

export const migrationSafety: Rule<typeof options> = {
  id: 'migration-safety',
  description: 'Migrations are safe and reversible: no long locks on hot tables, no edits of merged migrations, the safe recipe on the offending line.',
  options,
  defaultLevel: 'fail',
  release: true,
  evaluate,
}

export { DANGERS, DANGER_IDS } from './dangers.js'
