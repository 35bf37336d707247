/**
 * migration-safety: dangerous schema changes caught statically, on the offending line, with the safe
 * alternative. PostgreSQL SQL is parsed with libpg-query (the real parser, wasm); Rails, Django and Alembic
 * migrations with tree-sitter. Both parsers are loaded only when the PR changes a migration of that kind.
 * See docs/rules/migration-safety.md.
 */
import { Type, type Static } from '@sinclair/typebox'
import { matchesAny } from '../../change/glob.js'
import { parsePatch } from '../../change/patch.js'
import type { ChangedFile, CommonRuleOptions, Finding, Level, Rule, RuleContext, RuleOutput, RuleTable } from '../../types.js'
import { DANGERS, DANGER_IDS, isDangerId, type DangerId } from './dangers.js'
import { classify, downPathFor, sqitchRevertFor, type MigrationFile } from './detect.js'
import { analyzePython, analyzeRails, type OrmResult } from './orm.js'
import { analyzeSql, type Issue, type SqlOptions, type StatementSpan } from './sql.js'
import { loadParser, loadPg } from './wasm.js'

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
    dialect: Type.Literal('postgres', { default: 'postgres', description: 'SQL dialect. Only PostgreSQL is supported.' }),
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
}

async function analyzeFile(ctx: RuleContext, file: ChangedFile, mig: MigrationFile, content: string, opts: MigrationSafetyOptions): Promise<Analysis> {
  const sqlOpts: SqlOptions = { pgVersion: opts.pg_version, assumeInTransaction: opts.assume_in_transaction, requireLockTimeout: opts.require_lock_timeout }
  if (mig.kind === 'sql') {
    const pg = await loadPg()
    let r = analyzeSql(pg, content, sqlOpts)
    const db = dbmateSections(r.comments)
    const issues: Issue[] = []
    if (db.up !== undefined) {
      // dbmate wraps each section in a transaction unless `transaction:false`.
      if (!db.noTransaction && !opts.assume_in_transaction) r = analyzeSql(pg, content, { ...sqlOpts, assumeInTransaction: true })
      const downLine = db.down
      const inUp = (l: number): boolean => downLine === undefined || l < downLine || (db.up! > downLine && l > db.up!)
      r = { ...r, issues: r.issues.filter((i) => inUp(i.line)), statements: r.statements }
      const downStatements = downLine === undefined ? 0 : r.statements.filter((s) => !inUp(s.line)).length
      if (downLine === undefined || downStatements === 0) {
        issues.push({ id: 'missing-down', line: downLine ?? db.up, endLine: downLine ?? db.up, statement: '-- migrate:down', detail: downLine === undefined ? 'dbmate migration without a -- migrate:down section' : 'dbmate -- migrate:down section is empty' })
      }
    }
    const down = downPathFor(file.path)
    if (down && !(await existsAtHead(ctx, down))) {
      issues.push({ id: 'missing-down', line: 1, endLine: 1, statement: file.path.split('/').pop() ?? file.path, detail: `golang-migrate migration without ${down.split('/').pop()}` })
    }
    const revert = mig.layout === 'sqitch' ? sqitchRevertFor(file.path) : undefined
    if (revert && !(await existsAtHead(ctx, revert))) {
      issues.push({ id: 'missing-down', line: 1, endLine: 1, statement: file.path.split('/').pop() ?? file.path, detail: `sqitch change without ${revert}` })
    }
    return { issues: [...issues, ...r.issues], statements: r.statements, comments: r.comments, waivers: [], count: r.count }
  }
  const deps = { parser: await loadParser(mig.kind === 'rails' ? 'ruby' : 'python'), pg: loadPg, sql: { ...sqlOpts, requireLockTimeout: false } }
  // Rails, Django and Alembic run each migration in a transaction unless told otherwise.
  deps.sql.assumeInTransaction = true
  const r = mig.kind === 'rails' ? await analyzeRails(content, deps) : await analyzePython(content, deps, mig.flavour)
  if (r.notMigration) return { issues: [], statements: [], comments: [], waivers: [], count: 0 }
  // Embedded SQL (execute/RunSQL) outside a transaction: Rails disable_ddl_transaction!, Django atomic=False.
  return { issues: r.issues, statements: r.statements, comments: r.comments, waivers: r.waivers, count: r.count }
}

async function evaluate(ctx: RuleContext, opts: MigrationSafetyOptions & CommonRuleOptions): Promise<RuleOutput> {
  const migrations: Array<{ file: ChangedFile; mig: MigrationFile }> = []
  const others: ChangedFile[] = []
  for (const f of ctx.changes.files) {
    const mig = classify(f.path, opts.paths, opts.exclude, opts.builtin_layouts) ?? (f.previousPath ? classify(f.previousPath, opts.paths, opts.exclude, opts.builtin_layouts) : undefined)
    if (mig) migrations.push({ file: f, mig })
    else others.push(f)
  }
  if (migrations.length === 0) return { findings: [], summary: 'no migration changed' }
  const appChanged = others.filter((f) => !f.excluded && matchesAny(f.path, opts.app_paths)).map((f) => f.path)

  const findings: Finding[] = []
  const reports: FileReport[] = []
  const suppressionsListed: Array<{ path: string; line: number; id: string; reason: string }> = []
  let statements = 0

  for (const { file, mig } of migrations) {
    const report: FileReport = { path: file.path, rows: [], findings: [], statements: 0, suppressed: 0 }
    reports.push(report)
    const push = (id: DangerId, f: Omit<Finding, 'code' | 'level'>, statement: string): void => {
      const level = levelFor(id, opts)
      if (level === 'off') return
      const finding: Finding = { ...f, code: id, level, kind: 'violation' }
      report.findings.push(finding)
      findings.push(finding)
      report.rows.push([f.line ? String(f.line) : '', statement, id, DANGERS[id].lock, DANGERS[id].fix])
    }

    // Process danger: the file existed on the base branch, i.e. it is already merged (and has run).
    if (file.status !== 'added' && file.status !== 'copied' && mig.immutable) {
      const what = file.status === 'removed' ? 'deleted' : file.status === 'renamed' ? `renamed from ${file.previousPath ?? '?'}` : 'edited'
      const line = file.status === 'removed' ? undefined : firstChangedLine(file)
      push('migration-edited', { path: file.path, line, endLine: line, message: `Migration ${what} after it was merged: ${DANGERS['migration-edited'].why}.`, hint: DANGERS['migration-edited'].fix }, '(whole file)')
      continue
    }
    if (file.status === 'removed' || !mig.forward) continue

    const content = await ctx.changes.readHead(file.path)
    if (content === undefined) {
      findings.push({ kind: 'error', path: file.path, code: 'unreadable', message: `Could not read ${file.path} at the head commit: the migration was not checked.` })
      continue
    }
    let analysis: Analysis
    try {
      analysis = await analyzeFile(ctx, file, mig, content, opts)
    } catch (e) {
      findings.push({ kind: 'error', path: file.path, code: 'parser-unavailable', message: `Could not analyse ${file.path}: ${e instanceof Error ? e.message : String(e)}` })
      continue
    }
    statements += analysis.count
    report.statements = analysis.count

    const sups = parseSuppressions(analysis.comments)
    const spans = analysis.statements
    const used = new Set<Suppression>()
    const issues = [...analysis.issues].sort((a, b) => a.line - b.line)
    for (const issue of issues) {
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
      push(
        issue.id,
        {
          path: file.path,
          line: issue.line,
          endLine: issue.endLine,
          column: issue.column,
          message: messageFor(issue) + (missingReason ? ' (a quality-gate: ignore comment names this danger but gives no reason, so it does not count)' : ''),
          hint: DANGERS[issue.id].fix,
        },
        issue.statement,
      )
      if ((issue.id === 'drop-column' || issue.id === 'rename-column') && appChanged.length > 0) {
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
        )
      }
    }
    for (const w of analysis.waivers) {
      suppressionsListed.push({ path: file.path, line: w.line, id: w.id, reason: w.reason })
      report.suppressed++
      report.rows.push([String(w.line), w.statement, `${w.id} (waived)`, DANGERS[w.id].lock, `reason: ${w.reason}`])
    }
    for (const s of sups) {
      if (!isDangerId(s.id)) report.rows.push([String(s.line), `quality-gate: ignore ${s.id}`, 'invalid suppression', '', `unknown danger id "${s.id}"; valid ids: see docs/rules/migration-safety.md`])
    }
  }

  for (const s of suppressionsListed) {
    findings.push({ kind: 'info', path: s.path, line: s.line, code: s.id, level: 'notice', message: `Suppressed ${s.id}: ${s.reason}` })
  }

  const tables: RuleTable[] = reports
    .filter((r) => r.rows.length > 0)
    .map((r) => ({ title: r.path, columns: ['Line', 'Statement', 'Danger', 'Lock', 'Fix'], rows: r.rows.sort((a, b) => Number(a[0] || 0) - Number(b[0] || 0)) }))
  const dangers = findings.filter((f) => f.kind === 'violation').length
  const suppressed = suppressionsListed.length
  const errors = findings.filter((f) => f.kind === 'error').length
  const summary =
    `${migrations.length} migration file${migrations.length === 1 ? '' : 's'}, ${statements} statement${statements === 1 ? '' : 's'}: ` +
    (dangers ? `${dangers} danger${dangers === 1 ? '' : 's'}` : 'no danger') +
    (suppressed ? `, ${suppressed} suppressed` : '') +
    (errors ? `, ${errors} not analysed` : '')
  return {
    findings,
    summary,
    tables,
    data: { migrations: migrations.map((m) => ({ path: m.file.path, layout: m.mig.layout, status: m.file.status })), suppressions: suppressionsListed },
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
