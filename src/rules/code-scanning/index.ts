/**
 * code-scanning: gates on SAST results (any SARIF 2.1.0 tool in the workspace, and GitHub code-scanning
 * alerts of the PR's merge ref) on the lines the PR changes. The standard behind it: basic SAST is part of
 * CI/CD, and a reviewer wants the findings the PR introduces, not the backlog.
 *
 * New versus existing, in order: SARIF `baselineState`; else `partialFingerprints` against a base report
 * (`baseline_reports`); else "on a changed line". Severity: `security-severity` (CVSS) first, then the
 * result's or rule's level. `only` chooses what is gated; `fail_on`, per-rule-id `levels` and `ignore`
 * (reason, expiry) decide each finding's level. A report that cannot be read fails closed, naming the file.
 */
import { Type } from '@sinclair/typebox'
import type { ChangedFile, Finding, Level, RuleContext, RuleTable } from '../../types.js'
import { LEVELS } from '../../types.js'
import { ReportError, severityFromScore, severityRank, type Severity } from '../../evidence/scanners/index.js'
import { alertResult, parseCodeReport, type CodeResult, type SarifLevel } from '../../evidence/scanners/sarif-code.js'
import { matchesAny } from '../../change/glob.js'
import { missingReportOption, reportMissing, unfoundReports } from '../../evidence/missing-report.js'
import { parsePatch } from '../../change/patch.js'
import { plainMessage } from '../../errors.js'
import { defineRule } from '../define.js'

const LevelLiteral = Type.Union(LEVELS.map((l) => Type.Literal(l)))

export const codeScanningOptions = Type.Object({
  reports: Type.Array(Type.String(), {
    default: [],
    description:
      'SARIF 2.1.0 reports in the workspace (paths or globs) from any SAST tool: CodeQL, Semgrep, ' +
      'ESLint (@microsoft/eslint-formatter-sarif), Bandit… Results naming a GHSA/CVE advisory are left to `dependencies`. ' +
      'A plain path that matches no file follows `missing_report`; a glob that matches nothing is a notice.',
  }),
  baseline_reports: Type.Array(Type.String(), {
    default: [],
    description:
      'SARIF reports of the BASE branch (paths or globs in the workspace): ' +
      'a result whose `partialFingerprints` match one of them is existing, not new. ' +
      'Used only for results without `baselineState`.',
  }),
  only: Type.Union([Type.Literal('new-on-changed-lines'), Type.Literal('all-new'), Type.Literal('all')], {
    default: 'new-on-changed-lines',
    description:
      'Which results are gated: `new-on-changed-lines` (new AND on a line the PR adds or changes), ' +
      '`all-new` (new anywhere), `all` (every open result). The others are counted in the summary only.',
  }),
  fail_on: Type.Union([Type.Literal('critical'), Type.Literal('high'), Type.Literal('medium'), Type.Literal('low'), Type.Literal('none')], {
    default: 'high',
    description:
      'Gated results at or above this severity fail; below it they are notices. Severity: `security-severity` (CVSS: ' +
      '9+ critical, 7+ high, 4+ medium), else the level (error → high, warning → medium, note → low).',
  }),
  levels: Type.Record(Type.String({ minLength: 1 }), LevelLiteral, {
    default: {},
    description:
      'Level per rule id (`security/detect-child-process: warn`, `js/sql-injection: fail`), overriding `fail_on` for that ' +
      "rule; `off` drops its results. A key may also be the rule's name, for tools whose ids are opaque (Flawfinder `FF1044` " +
      'is `shell/system`, Bandit `B602` is `subprocess_popen_with_shell_equals_true`); the id wins when both are given.',
  }),
  ignore: Type.Array(
    Type.Object(
      {
        id: Type.String({
          minLength: 1,
          description:
            'Rule id as the tool reports it (e.g. `js/xss`, ' +
            "`security/detect-object-injection`, `FF1044`), or the rule's name (`shell/system`).",
        }),
        paths: Type.Optional(Type.Array(Type.String(), { description: 'Only in these files (globs); default everywhere.' })),
        reason: Type.String({ minLength: 1, description: 'Why the results are accepted (required).' }),
        until: Type.Optional(
          Type.String({
            format: 'date',
            description: 'Last day (YYYY-MM-DD, UTC) the waiver applies; after it the results count again and the comment says so.',
          }),
        ),
      },
      { additionalProperties: false },
    ),
    {
      default: [],
      description: 'Waived rule ids, each with a reason and, preferably, an expiry date (the same shape as `dependencies.ignore`).',
    },
  ),
  missing_report: missingReportOption('What a report path listed in `reports` (not a glob) that does not exist concludes.'),
  use_code_scanning_alerts: Type.Boolean({
    default: true,
    description:
      "Read GitHub's code-scanning alerts of `refs/pull/N/merge` (needs `security-events: read`). " +
      'Not available (403/404, CLI) → a notice; failed (5xx, timeout, rate limit, malformed) → not evaluated (`on_error`).',
  }),
})

type Options = (typeof codeScanningOptions)['static'] & { level: Level }

const DAY = 86_400_000
const HELP_MAX = 300

function levelSeverity(l: SarifLevel): Severity {
  return l === 'error' ? 'high' : l === 'warning' ? 'medium' : l === 'note' ? 'low' : 'unknown'
}

export function severityOf(r: CodeResult): Severity {
  if (r.securitySeverity !== undefined) {
    const s = severityFromScore(r.securitySeverity)
    if (s !== 'unknown') return s
  }
  return levelSeverity(r.level)
}

function waiverExpired(until: string | undefined, now: Date): boolean {
  if (!until) return false
  const t = Date.parse(`${until.slice(0, 10)}T00:00:00Z`)
  if (Number.isNaN(t)) return true
  return now.getTime() >= t + DAY
}

function dateString(v: unknown): string | undefined {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10)
  if (typeof v === 'string' && v.trim()) return v.trim()
  return undefined
}

/** The rule id, and its name when the tool gives one that says more (Flawfinder `FF1044 shell/system`). */
function ruleLabel(r: CodeResult): string {
  return r.ruleName && r.ruleName !== r.ruleId ? `${r.ruleId} ${r.ruleName}` : r.ruleId
}

/** Short plain text: the first paragraph of the help, Markdown marks dropped, at most HELP_MAX characters. */
export function shortHelp(help: string | undefined): string | undefined {
  if (!help) return undefined
  const para =
    help
      .replace(/\r\n/g, '\n')
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .find((p) => p && !/^#/.test(p)) ?? help.trim()
  const flat = para
    .replace(/^\s*(?:#+|>)\s*/gm, '')
    .replace(/`|\*\*|__/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
  return flat.length > HELP_MAX ? flat.slice(0, HELP_MAX - 1) + '…' : flat
}

/** Head lines each file adds or changes; `all` for files added whole or whose diff is not inlined. */
function changedLines(files: readonly ChangedFile[]): Map<string, Set<number> | 'all'> {
  const out = new Map<string, Set<number> | 'all'>()
  for (const f of files) {
    if (f.status === 'removed') continue
    if (f.status === 'added' || f.patch === undefined) {
      // No diff to tell old lines from new: every line counts as changed (never quietly "unchanged").
      out.set(f.path, 'all')
      continue
    }
    const set = new Set<number>()
    try {
      for (const h of parsePatch(f.patch)) for (const l of h.lines) if (l.type === '+' && l.newLine !== undefined) set.add(l.newLine)
    } catch {
      out.set(f.path, 'all')
      continue
    }
    out.set(f.path, set)
  }
  return out
}

/**
 * Maps the paths results name onto repository paths: relative paths stay; an absolute one (ESLint writes
 * `file:///home/runner/work/r/r/src/a.js`) is matched to the changed file it ends with, and the root that
 * match reveals is stripped from the other absolute paths of the same report.
 */
function pathMapper(changed: readonly string[]) {
  const roots = new Map<string, string>() // report → root
  return (r: CodeResult): string | undefined => {
    const uri = r.uri
    if (!uri) return undefined
    if (!uri.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(uri)) return uri
    const norm = uri.replace(/\\/g, '/')
    const hit = changed.filter((p) => norm.endsWith('/' + p)).sort((a, b) => b.length - a.length)[0]
    if (hit) {
      if (!roots.has(r.report)) roots.set(r.report, norm.slice(0, norm.length - hit.length))
      return hit
    }
    const root = roots.get(r.report)
    return root && norm.startsWith(root) ? norm.slice(root.length) : norm
  }
}

interface Row {
  r: CodeResult
  path: string
  severity: Severity
  onChanged: boolean
  isNew: boolean
  how: string
  gated: boolean
  level?: Level
  waiver?: { reason: string; until?: string; expired: boolean }
}

export const codeScanning = defineRule({
  id: 'code-scanning',
  description: 'Gates on SAST results (SARIF from any tool, GitHub code-scanning alerts) that the PR introduces on the lines it changes.',
  options: codeScanningOptions,
  // Off unless a policy turns it on (as the default preset does not): it needs a SAST tool writing SARIF or GitHub
  // code scanning, and reading the alerts costs an API call a run.
  defaultLevel: 'off',
  release: false,
  async evaluate(ctx, o: Options) {
    const sink: ReportSink = { findings: [], notes: [], reportRows: [] }
    const { findings, notes } = sink

    // 1. Reports (same discipline as `dependencies`: a listed path that is missing is not "clean").
    const head = await readCodeReports(ctx, o, o.reports, 'SARIF report', sink)
    const base = await readCodeReports(ctx, o, o.baseline_reports, 'Baseline SARIF report', sink)

    // 2. GitHub code-scanning alerts.
    const alerts = await readCodeAlerts(ctx, o, sink)

    // 3. Classify each result.
    const classified = classifyResults([...head.results, ...alerts.results], base, ctx, o)
    const rows = classified.rows
    findings.push(...classified.findings)

    // 4. Output.
    rows.sort(
      (a, b) =>
        Number(b.gated) - Number(a.gated) ||
        severityRank(b.severity) - severityRank(a.severity) ||
        a.path.localeCompare(b.path) ||
        (a.r.line ?? 0) - (b.r.line ?? 0),
    )
    const tables = codeScanningTables(rows, sink.reportRows, o)
    const gated = rows.filter((x) => x.gated && !(x.waiver && !x.waiver.expired))
    const failing = gated.filter((x) => x.level === 'fail').length
    const waived = rows.filter((x) => x.waiver && !x.waiver.expired).length
    const outside = rows.length - rows.filter((x) => x.gated).length
    const noEvidence = head.ok === 0 && !alerts.ok
    const parts = [
      noEvidence ? 'no SAST evidence' : `${rows.length} result${rows.length === 1 ? '' : 's'}`,
      gated.length ? `${gated.length} gated (${failing} at or above ${o.fail_on})` : '',
      outside ? `${outside} not gated (only: ${o.only})` : '',
      waived ? `${waived} waived` : '',
      ...notes,
    ].filter(Boolean)
    return {
      findings,
      summary: parts.join('; '),
      ...(noEvidence ? { applicability: 'no-evidence' as const } : {}),
      tables,
      data: {
        results: rows.map((x) => ({
          tool: x.r.tool,
          ruleId: x.r.ruleId,
          ...(x.r.ruleName && x.r.ruleName !== x.r.ruleId ? { ruleName: x.r.ruleName } : {}),
          severity: x.severity,
          path: x.path,
          line: x.r.line,
          new: x.isNew,
          how: x.how,
          onChangedLine: x.onChanged,
          gated: x.gated,
          level: x.level,
          waiver: x.waiver,
          helpUri: x.r.helpUri,
          report: x.r.report,
        })),
      },
    }
  },
})

/** What reading the reports and alerts found besides results: findings, summary notes, the reports table. */
interface ReportSink {
  readonly findings: Finding[]
  readonly notes: string[]
  readonly reportRows: string[][]
}

/** The results of the reports `globs` name; a listed path that is missing follows `missing_report`. */
async function readCodeReports(
  ctx: RuleContext,
  o: Options,
  globs: string[],
  kind: string,
  sink: ReportSink,
): Promise<{ results: CodeResult[]; ok: number }> {
  const { findings, reportRows } = sink
  const files = globs.length ? await ctx.evidence.findReports(globs) : []
  const { missing, unmatched } = unfoundReports(globs, files)
  for (const g of missing)
    reportMissing(sink, o.missing_report, g, {
      message: `${kind} ${g} is listed in the policy but was not found in the workspace: ` + 'did the scanner step run and write it there?',
      hint: 'Run the SAST tool before the gate (same job, or download its artifact), or remove the path from the policy.',
    })
  if (unmatched.length)
    findings.push({ kind: 'info', code: 'no-report', message: `No ${kind.toLowerCase()} matched ${unmatched.join(', ')}.` })
  const results: CodeResult[] = []
  let ok = 0
  for (const f of files) {
    try {
      const p = parseCodeReport(f.path, await f.read())
      ok++
      results.push(...p.results)
      reportRows.push([
        f.path,
        kind === 'SARIF report' ? 'head' : 'base',
        p.tools.join(', ') || '?',
        String(p.results.length),
        String(p.skipped),
      ])
    } catch (e) {
      const message = e instanceof ReportError ? e.message : `${f.path} could not be read: ${plainMessage(e)}`
      findings.push({
        kind: 'error',
        code: 'bad-report',
        message,
        hint: 'Check the SAST step: it must write a complete SARIF 2.1.0 file.',
      })
      reportRows.push([f.path, kind === 'SARIF report' ? 'head' : 'base', '?', 'unreadable', '-'])
    }
  }
  return { results, ok }
}

/** GitHub's code-scanning alerts of the PR's merge ref, when the policy asks and they can be read. */
async function readCodeAlerts(ctx: RuleContext, o: Options, sink: ReportSink): Promise<{ results: CodeResult[]; ok: boolean }> {
  if (!o.use_code_scanning_alerts) return { results: [], ok: false }
  if (!ctx.evidence.codeScanningAlerts) {
    sink.notes.push('GitHub code scanning: not available here')
    return { results: [], ok: false }
  }
  const r = await ctx.evidence.codeScanningAlerts()
  if (r.ok) {
    const got = r.data.map(alertResult).filter((x): x is CodeResult => x !== undefined)
    sink.notes.push(`GitHub code scanning: ${got.length} open alert${got.length === 1 ? '' : 's'} on the PR's merge ref`)
    return { results: got, ok: true }
  }
  if (r.unavailable)
    sink.findings.push({
      kind: 'info',
      code: 'code-scanning-unavailable',
      message: `GitHub code-scanning alerts are unavailable: ${r.reason}`,
    })
  else {
    sink.findings.push({
      kind: 'error',
      code: 'code-scanning-failed',
      message: `Reading GitHub code-scanning alerts failed, so the alerts on this PR were not checked: ${r.reason}`,
      hint: "Re-run the job once GitHub answers; the policy's `on_error` decides what this run concludes.",
    })
  }
  return { results: [], ok: false }
}

/** What classifying a result needs: the diff's lines, the base report's fingerprints, the policy's levels and waivers. */
interface Judge {
  readonly o: Options
  readonly now: Date
  readonly changed: Map<string, Set<number> | 'all'>
  readonly baseFps: Set<string>
  readonly baseOk: boolean
  readonly failRank: number
  readonly waivers: Array<{ id: string; paths?: string[]; reason: string; until?: string }>
}

/** One row per distinct result (fixed and `off` ones dropped), and the findings of the gated ones. */
function classifyResults(
  all: CodeResult[],
  base: { results: CodeResult[]; ok: number },
  ctx: RuleContext,
  o: Options,
): { rows: Row[]; findings: Finding[] } {
  const changed = changedLines(ctx.changes.files)
  const mapPath = pathMapper([...changed.keys()])
  for (const r of all) mapPath(r) // learn each report's root first: its first result may be outside the diff
  const baseFps = new Set<string>()
  for (const b of base.results) for (const [k, v] of Object.entries(b.fingerprints)) baseFps.add(`${b.ruleId}\u0000${k}\u0000${v}`)
  const judge: Judge = {
    o,
    now: ctx.now,
    changed,
    baseFps,
    baseOk: base.ok > 0,
    failRank: o.fail_on === 'none' ? Infinity : severityRank(o.fail_on as Severity),
    waivers: o.ignore.map((w) => ({ ...w, until: dateString((w as { until?: unknown }).until) })),
  }
  const rows: Row[] = []
  const findings: Finding[] = []
  const seen = new Set<string>()
  const expiredReported = new Set<string>()
  for (const r of all) {
    if (r.baselineState === 'absent') continue // fixed by this PR
    const path = mapPath(r) ?? '(no file)'
    const key = `${r.ruleId}\u0000${path}\u0000${r.line ?? ''}\u0000${r.message}`
    if (seen.has(key)) continue // the same result from the workspace report and GitHub's alert
    seen.add(key)
    const row = classifyResult(r, path, judge)
    if (!row) continue
    rows.push(row)
    if (!row.gated || (row.waiver && !row.waiver.expired)) continue
    findings.push(...gatedFindings(row, expiredReported))
  }
  return { rows, findings }
}

/** Whether the result touches a line the PR adds or changes. */
function onChangedLine(r: CodeResult, lines: Set<number> | 'all' | undefined): boolean {
  if (lines === 'all') return true
  const line = r.line
  if (lines === undefined || line === undefined) return false
  return Array.from({ length: (r.endLine ?? line) - line + 1 }, (_, i) => line + i).some((n) => lines.has(n))
}

/** New or existing, and how that was told: baselineState, else the base report's fingerprints, else the changed lines. */
function newness(r: CodeResult, onChanged: boolean, judge: Judge): { isNew: boolean; how: string } {
  if (r.baselineState) return { isNew: r.baselineState === 'new', how: `baselineState ${r.baselineState}` }
  if (judge.baseOk && Object.keys(r.fingerprints).length) {
    const isNew = !Object.entries(r.fingerprints).some(([k, v]) => judge.baseFps.has(`${r.ruleId}\u0000${k}\u0000${v}`))
    return { isNew, how: isNew ? 'not in the base report' : 'in the base report' }
  }
  return { isNew: onChanged, how: onChanged ? 'on a changed line' : 'not on a changed line' }
}

/** The result's row: new?, gated?, its waiver and level; undefined when its rule's level is `off`. */
function classifyResult(r: CodeResult, path: string, judge: Judge): Row | undefined {
  const { o } = judge
  const onChanged = onChangedLine(r, judge.changed.get(path))
  const { isNew, how } = newness(r, onChanged, judge)
  const gated = o.only === 'all' ? true : o.only === 'all-new' ? isNew : isNew && onChanged
  const row: Row = { r, path, severity: severityOf(r), onChanged, isNew, how, gated }
  const w = judge.waivers.find(
    (x) => (x.id === r.ruleId || (r.ruleName !== undefined && x.id === r.ruleName)) && (!x.paths?.length || matchesAny(path, x.paths)),
  )
  if (w) row.waiver = { reason: w.reason, until: w.until, expired: waiverExpired(w.until, judge.now) }
  const levels = o.levels
  const own = Object.hasOwn(levels, r.ruleId)
    ? levels[r.ruleId]
    : r.ruleName !== undefined && Object.hasOwn(levels, r.ruleName)
      ? levels[r.ruleName]
      : undefined
  if (own === 'off') return undefined
  row.level = own ?? (severityRank(row.severity) >= judge.failRank ? 'fail' : 'notice')
  return row
}

/** The finding of a gated result, after a one-time notice that its rule's waiver expired. */
function gatedFindings(row: Row, expiredReported: Set<string>): Finding[] {
  const { r, path } = row
  const findings: Finding[] = []
  const tool = `${r.tool}${r.toolVersion ? ` ${r.toolVersion}` : ''}`
  if (row.waiver?.expired && !expiredReported.has(r.ruleId)) {
    expiredReported.add(r.ruleId)
    findings.push({
      code: 'waiver-expired',
      message: `The waiver for ${r.ruleId} expired on ${row.waiver.until} and no longer applies (reason given: ${row.waiver.reason}).`,
      hint: 'Fix the results, or extend `until` in the policy if the risk is still accepted.',
    })
  }
  const help = shortHelp(r.help)
  const ruleRef = r.helpUri ? `${ruleLabel(r)} (${r.helpUri})` : ruleLabel(r)
  findings.push({
    message:
      `${tool} ${ruleRef} ` +
      `[${row.severity}${r.securitySeverity !== undefined ? `, security-severity ${r.securitySeverity}` : ''}]: ${r.message}`,
    // Flawfinder's message is `<name>:<short description>`, its help that description: not worth repeating.
    ...(help && !r.message.includes(help) ? { hint: help } : {}),
    code: r.ruleId,
    ...(r.helpUri ? { url: r.helpUri } : {}),
    level: row.level,
    ...(path !== '(no file)' && r.line
      ? { path, line: r.line, endLine: r.endLine ?? r.line, ...(r.column ? { column: r.column } : {}) }
      : {}),
  })
  return findings
}

function codeScanningTables(rows: Row[], reportRows: string[][], o: Options): RuleTable[] {
  const tables: RuleTable[] = []
  if (rows.length) {
    tables.push({
      title: 'SAST results',
      columns: ['Severity', 'Rule', 'Tool', 'Location', 'New?', 'Gated', 'Waiver', 'Help'],
      rows: rows.map((x) => [
        x.severity,
        ruleLabel(x.r),
        x.r.tool,
        `${x.path}${x.r.line ? `:${x.r.line}` : ''}`,
        `${x.isNew ? 'new' : 'existing'} (${x.how})`,
        x.gated ? `yes (${x.level})` : `no (only: ${o.only})`,
        x.waiver
          ? `${x.waiver.expired ? 'EXPIRED ' : ''}${x.waiver.until ? `until ${x.waiver.until}` : 'no expiry'}: ${x.waiver.reason}`
          : '',
        x.r.url ?? x.r.helpUri ?? '',
      ]),
    })
  }
  if (reportRows.length) tables.push({ title: 'Reports', columns: ['File', 'Side', 'Tool', 'Results', 'Skipped'], rows: reportRows })
  return tables
}

export default codeScanning
