/**
 * The trend report's surfaces: text (terminal), JSON and CSV (the team's own dashboards), and Markdown
 * with Mermaid `xychart-beta` charts (the job summary, the pinned issue: GitHub renders them natively).
 *
 * Mermaid: only what xychart-beta has had since it appeared (mermaid 10.3): `title`, a categorical
 * `x-axis [..]`, `y-axis "title" min --> max`, `bar [..]` and `line [..]`. It draws no legend, so the
 * text above each chart names its series.
 */
import type { Stats, TrendReport } from './compute.js'
import { escapeText, visibleControls } from '../report/escape.js'
import { SEVERITIES } from './sla.js'
import { groupDigits } from '../text.js'

export const TREND_REPORT_VERSION = 1

const fmt = (n: number | undefined, unit = '') => (n === undefined ? '–' : `${groupDigits(n)}${unit}`)
const pct = (n: number | undefined) => (n === undefined ? '–' : `${n}%`)
const day = (iso: string) => iso.slice(0, 10)
const ref = (pr: number | undefined, sha: string, repo?: string) => (pr !== undefined ? `${repo ?? ''}#${pr}` : sha.slice(0, 12))

function sizeLine(s: Stats, t: number): string {
  if (!s.size.counted) return 'no pull request with a size'
  return (
    `median ${fmt(s.size.median)}, p90 ${fmt(s.size.p90)} changed ` +
    `lines; ${pct(s.size.overShare)} over ${t} (${s.size.over} of ${s.size.counted})`
  )
}

function criticalLine(r: TrendReport, s: Stats): string {
  if (!s.critical.evaluated) return 'not evaluated (critical-path-tests off)'
  if (!s.critical.configured) return 'no critical areas in the policy (critical-path-tests checks nothing)'
  if (!s.critical.touched) return `no pull request changed code in a critical area (${s.critical.evaluated} checked)`
  const cov = s.critical.coverage.prs
    ? `median diff coverage ${s.critical.coverage.median}% (${s.critical.coverage.prs} with coverage data)`
    : r.evidence.coverage
      ? 'diff coverage: no coverage data in the reports'
      : 'diff coverage: no evidence (coverage reports are not in git history)'
  return (
    `${s.critical.tested} of ${s.critical.touched} pull requests touching a ` +
    `critical area came with tests (${pct(s.critical.testedShare)}); ${cov}`
  )
}

function migrationsLine(r: TrendReport, s: Stats): string {
  if (!s.migrations.prs) return 'no pull request changed a migration'
  const codes = r.dangers.map((d) => `${d.code} ×${d.count}`).join(', ')
  return (
    `${s.migrations.prs} pull request${s.migrations.prs === 1 ? '' : 's'} changed migrations; ${s.migrations.dangers} ` +
    `danger${s.migrations.dangers === 1 ? '' : 's'} at merge ` +
    `in ${s.migrations.prsWithDangers}${codes ? ` (${codes})` : ''}; ${s.migrations.suppressed} suppressed in the ` +
    `migration; ${r.evidence.waivers ? `${s.migrations.waived} waived` : 'waivers: no evidence'}`
  )
}

function slaLine(r: TrendReport): string {
  const v = r.vulnerabilities
  if (!v)
    return (
      `no evidence ` +
      `(${r.source === 'git' ? 'alerts are not in git history: give --alerts FILE' : 'no Dependabot alerts could be read'})`
    )
  const parts = SEVERITIES.filter((s) => v.sla[s] !== null || v.bySeverity[s].fixed || v.bySeverity[s].open).map((s) => {
    const c = v.bySeverity[s]
    const limit = v.sla[s]
    return limit === null
      ? `${s} (no SLA): ${c.fixed} fixed, ${c.open} open`
      : `${s} (SLA ${limit} d): ${c.fixed} fixed — ${c.met} met, ${c.breached} breached; ${c.open} still open, ${c.overdue} overdue`
  })
  const med = v.total.medianDaysToFix !== undefined ? `; median ${v.total.medianDaysToFix} days to fix` : ''
  return `${parts.join(' · ') || 'no alerts'}${med}${v.total.dismissed ? `; ${v.total.dismissed} dismissed` : ''} (${v.source})`
}

function gateLine(r: TrendReport, s: Stats): string {
  const waivers = Object.entries(s.waivers)
  const w = !r.evidence.waivers
    ? 'waivers: no evidence (labels are not in git history)'
    : waivers.length
      ? `waivers: ${waivers.map(([k, n]) => `${k} ${n}`).join(', ')}`
      : 'no waivers'
  const failing = s.failing.length
    ? `most failing: ${s.failing
        .slice(0, 5)
        .map((f) => `${f.rule} ${f.prs}`)
        .join(', ')}`
    : 'no rule failed'
  return `${s.conclusions.success} success, ${s.conclusions.neutral} neutral, ${s.conclusions.failure} failure; ${failing}; ${w}`
}

/** The first line; `name` escapes the branch and repository names for the surface. */
function header(r: TrendReport, name: (s: string) => string = visibleControls): string {
  const src =
    r.source === 'git'
      ? 'local git history (merge and squash commits on the first-parent line, each evaluated now)'
      : 'the GitHub API (the gate results recorded for each pull request)'
  return (
    `Team trends${r.repository ? ` of ${name(r.repository)}` : ''}` +
    (r.branch ? ` on ${name(r.branch)}` : ' (pull requests merged into any branch)') +
    `, ${day(r.window.from)} … ${day(r.window.to)} (${r.window.days} days): ` +
    `${r.total.prs} pull request${r.total.prs === 1 ? '' : 's'}, from ${src}`
  )
}

export function renderTrendText(r: TrendReport): string {
  const t = r.total
  const out: string[] = [header(r), '']
  out.push('Over the window')
  out.push(`  PR size         ${sizeLine(t, r.threshold)}`)
  out.push(`  Critical areas  ${criticalLine(r, t)}`)
  out.push(`  Migrations      ${migrationsLine(r, t)}`)
  out.push(
    `  Runbooks        ${t.runbook.prs} with operational changes, ${t.runbook.violations} ` +
      `without a runbook update, ${t.runbook.optOuts} opt-out${t.runbook.optOuts === 1 ? '' : 's'}`,
  )
  out.push(`  Vulnerabilities ${visibleControls(slaLine(r))}`)
  out.push(`  Gate            ${gateLine(r, t)}`)
  out.push('')
  out.push('Per ISO week')
  out.push(
    `  ${'week'.padEnd(9)} ${'PRs'.padStart(4)} ${'median'.padStart(7)} ${'p90'.padStart(6)} ${`>${r.threshold}`.padStart(6)} ` +
      `${'tested'.padStart(7)} ${'dangers'.padStart(8)} ${'opt-outs'.padStart(9)} ${'failed'.padStart(7)}`,
  )
  for (const w of r.weeks) {
    const tested = w.critical.touched ? `${w.critical.tested}/${w.critical.touched}` : '–'
    out.push(
      `  ${w.label.padEnd(9)} ${String(w.prs).padStart(4)} ${fmt(w.size.median).padStart(7)} ${fmt(w.size.p90).padStart(6)} ` +
        `${pct(w.size.overShare).padStart(6)} ${tested.padStart(7)} ${String(w.migrations.dangers).padStart(8)} ` +
        `${String(w.runbook.optOuts).padStart(9)} ${String(w.conclusions.failure).padStart(7)}`,
    )
  }
  if (r.vulnerabilities?.late.length) {
    out.push('', 'Vulnerabilities past their fix SLA')
    for (const l of r.vulnerabilities.late)
      out.push(
        `  ${l.severity.padEnd(8)} ${visibleControls(l.id)} ${visibleControls(l.package)}: ` +
          `${l.state === 'fixed' ? 'fixed after' : 'open for'} ${l.days} days (SLA ${l.sla})`,
      )
  }
  if (r.optOuts.length) {
    out.push('', 'Runbook opt-outs')
    for (const o of r.optOuts) out.push(`  ${ref(o.pr, o.sha, o.repo)} ${visibleControls(o.reason ?? o.text)}`)
  }
  if (r.suppressions.length) {
    out.push('', 'Migration dangers suppressed in the migration')
    for (const s of r.suppressions)
      out.push(`  ${ref(s.pr, s.sha, s.repo)} ${s.id} in ${visibleControls(s.path)}: ${visibleControls(s.reason)}`)
  }
  if (r.waivers.length) {
    out.push('', 'Waivers')
    for (const w of r.waivers) out.push(`  ${ref(w.pr, w.sha, w.repo)} ${w.rule}: ${visibleControls(w.reason ?? '(no reason)')}`)
  }
  if (r.trendCheck?.breaches.length) {
    out.push('', `Trends that breach the policy (report.fail_on_trend)${r.trendCheck.enforced ? ': the report fails' : ''}`)
    for (const b of r.trendCheck.breaches) out.push(`  ✗ ${b}`)
  }
  const notes = [...r.notes, ...(r.trendCheck?.unchecked ?? []).map((u) => `Not checked against report.fail_on_trend: ${u}.`)]
  if (r.skipped)
    notes.push(
      `${r.skipped} commit${r.skipped === 1 ? '' : 's'} on ${r.branch} in the ` +
        `window ${r.skipped === 1 ? 'is' : 'are'} not a pull request (no merge, no "(#N)"): not counted.`,
    )
  if (notes.length) out.push('', ...notes.map((n) => `Note: ${n}`))
  return out.join('\n') + '\n'
}

/** The JSON report: every figure, every pull request's record. */
export function toTrendJson(r: TrendReport): Record<string, unknown> {
  return { version: TREND_REPORT_VERSION, tool: 'pr-quality-gate', kind: 'trends', ...r }
}

export const CSV_COLUMNS = [
  'period',
  'from',
  'to',
  'prs',
  'size_counted',
  'size_median',
  'size_p90',
  'size_over_threshold',
  'size_over_threshold_pct',
  'critical_touched',
  'critical_tested',
  'critical_tested_pct',
  'critical_coverage_prs',
  'critical_coverage_median_pct',
  'migration_prs',
  'migration_dangers',
  'migration_prs_with_dangers',
  'migration_suppressed',
  'migration_waived',
  'runbook_prs',
  'runbook_violations',
  'runbook_opt_outs',
  'vulns_fixed',
  'vulns_sla_met',
  'vulns_sla_breached',
  'vulns_open',
  'vulns_overdue',
  'success',
  'neutral',
  'failure',
  'waivers',
  'failing_rules',
] as const

function csvCell(v: string | number | undefined): string {
  if (v === undefined) return ''
  const s = String(v)
  // Quote what needs it; a leading =, +, - or @ would be a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** CSV: one row per ISO week, then one row for the whole window (period "window"). Empty cell = no data. */
export function renderTrendCsv(r: TrendReport): string {
  const row = (s: Stats) =>
    [
      s.label,
      s.from,
      s.to,
      s.prs,
      s.size.counted,
      s.size.median,
      s.size.p90,
      s.size.over,
      s.size.overShare,
      s.critical.touched,
      s.critical.tested,
      s.critical.testedShare,
      s.critical.coverage.prs,
      s.critical.coverage.median,
      s.migrations.prs,
      s.migrations.dangers,
      s.migrations.prsWithDangers,
      s.migrations.suppressed,
      r.evidence.waivers ? s.migrations.waived : undefined,
      s.runbook.prs,
      s.runbook.violations,
      s.runbook.optOuts,
      s.vulnerabilities?.fixed,
      s.vulnerabilities?.met,
      s.vulnerabilities?.breached,
      s.vulnerabilities?.open,
      s.vulnerabilities?.overdue,
      s.conclusions.success,
      s.conclusions.neutral,
      s.conclusions.failure,
      r.evidence.waivers
        ? Object.entries(s.waivers)
            .map(([k, n]) => `${k}:${n}`)
            .join(' ')
        : undefined,
      s.failing.map((f) => `${f.rule}:${f.prs}`).join(' '),
    ]
      .map(csvCell)
      .join(',')
  return [CSV_COLUMNS.join(','), ...r.weeks.map(row), row(r.total)].join('\n') + '\n'
}

/** A round upper bound for a y axis. */
function niceMax(values: number[]): number {
  const m = Math.max(1, ...values)
  const p = 10 ** Math.floor(Math.log10(m))
  for (const f of [1, 2, 2.5, 5, 10]) if (f * p >= m) return f * p
  return 10 * p
}

export interface MermaidChart {
  title: string
  /** What the bar and line series are (xychart-beta draws no legend). */
  legend: string
  block: string
}

/** The Mermaid xychart-beta charts of the weekly figures. Weeks without a figure plot 0. */
export function mermaidCharts(r: TrendReport): MermaidChart[] {
  const x = `x-axis [${r.weeks.map((w) => `"${w.label.slice(5)}"`).join(', ')}]`
  const n = (v: number | undefined) => String(v ?? 0)
  const series = (kind: 'bar' | 'line', vals: Array<number | undefined>) => `    ${kind} [${vals.map(n).join(', ')}]`
  const charts: MermaidChart[] = []
  const med = r.weeks.map((w) => w.size.median)
  const p90 = r.weeks.map((w) => w.size.p90)
  charts.push({
    title: 'PR size per week',
    legend: `Bars: median changed lines; upper line: p90; flat line: the ${r.threshold}-line mark.`,
    block: [
      'xychart-beta',
      `    title "PR size (changed lines) per ISO week"`,
      `    ${x}`,
      `    y-axis "changed lines" 0 --> ${niceMax([...med, ...p90].map((v) => v ?? 0).concat(r.threshold))}`,
      series('bar', med),
      series('line', p90),
      series(
        'line',
        r.weeks.map(() => r.threshold),
      ),
    ].join('\n'),
  })
  charts.push({
    title: 'Shares per week',
    legend:
      `Line 1: % of pull requests over ${r.threshold} lines; line 2: ` +
      `% of pull requests touching a critical area that came with tests (0 when none touched one).`,
    block: [
      'xychart-beta',
      `    title "Share of pull requests (%) per ISO week"`,
      `    ${x}`,
      `    y-axis "%" 0 --> 100`,
      series(
        'line',
        r.weeks.map((w) => w.size.overShare),
      ),
      series(
        'line',
        r.weeks.map((w) => w.critical.testedShare),
      ),
    ].join('\n'),
  })
  charts.push({
    title: 'Gate results per week',
    legend: 'Bars: pull requests merged; line: of those, the ones whose gate concluded failure.',
    block: [
      'xychart-beta',
      `    title "Merged pull requests and gate failures per ISO week"`,
      `    ${x}`,
      `    y-axis "pull requests" 0 --> ${niceMax(r.weeks.map((w) => w.prs))}`,
      series(
        'bar',
        r.weeks.map((w) => w.prs),
      ),
      series(
        'line',
        r.weeks.map((w) => w.conclusions.failure),
      ),
    ].join('\n'),
  })
  return charts
}

export function renderTrendMarkdown(r: TrendReport): string {
  const t = r.total
  // The figure lines are the report's own words: numbers, rule ids and danger codes. Names and reasons
  // written by people (branch, repository, opt-out and waiver reasons, paths) are escaped.
  const out: string[] = [`## Team trends${r.repository ? ` · ${escapeText(r.repository)}` : ''}`, '']
  out.push(
    header(r, (n) => escapeText(n)),
    '',
  )
  out.push('| Figure | Over the window |', '| --- | --- |')
  out.push(`| PR size | ${sizeLine(t, r.threshold)} |`)
  out.push(`| Critical areas | ${criticalLine(r, t)} |`)
  out.push(`| Migrations | ${migrationsLine(r, t)} |`)
  out.push(
    `| Runbooks | ${t.runbook.prs} with operational changes, ${t.runbook.violations} ` +
      `without a runbook update, ${t.runbook.optOuts} opt-outs |`,
  )
  out.push(`| Vulnerability SLA | ${escapeText(slaLine(r))} |`)
  out.push(`| Gate | ${gateLine(r, t)} |`, '')
  for (const c of mermaidCharts(r)) out.push(`### ${c.title}`, '', c.legend, '', '```mermaid', c.block, '```', '')
  out.push('<details><summary>Per ISO week</summary>', '')
  out.push(
    `| Week | PRs | Median | p90 | > ${r.threshold} | Critical with tests | Dangers | Opt-outs | Success | Neutral | Failure |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  )
  for (const w of r.weeks)
    out.push(
      `| ${w.label} | ${w.prs} | ${fmt(w.size.median)} | ${fmt(w.size.p90)} | ${pct(w.size.overShare)} ` +
        `| ${w.critical.touched ? `${w.critical.tested}/${w.critical.touched}` : '–'} | ${w.migrations.dangers} ` +
        `| ${w.runbook.optOuts} | ${w.conclusions.success} | ${w.conclusions.neutral} | ${w.conclusions.failure} |`,
    )
  out.push('', '</details>', '')
  if (r.optOuts.length) {
    out.push('### Runbook opt-outs', '')
    for (const o of r.optOuts) out.push(`- ${escapeText(ref(o.pr, o.sha, o.repo))}: ${escapeText(o.reason ?? o.text, 300)}`)
    out.push('')
  }
  if (r.suppressions.length || r.waivers.length) {
    out.push('### Suppressions and waivers', '')
    for (const s of r.suppressions)
      out.push(
        `- ${escapeText(ref(s.pr, s.sha, s.repo))}: ${escapeText(s.id)} suppressed in ${escapeText(s.path)}: ${escapeText(s.reason, 300)}`,
      )
    for (const w of r.waivers)
      out.push(
        `- ${escapeText(ref(w.pr, w.sha, w.repo))}: ${escapeText(w.rule)} waived ` +
          `(${escapeText(w.label)}): ${escapeText(w.reason ?? '(no reason)', 300)}`,
      )
    out.push('')
  }
  if (r.vulnerabilities?.late.length) {
    out.push(
      '### Vulnerabilities past their fix SLA',
      '',
      '| Severity | Advisory | Package | Days | SLA | State |',
      '| --- | --- | --- | ---: | ---: | --- |',
    )
    for (const l of r.vulnerabilities.late)
      out.push(
        `| ${l.severity} | ${escapeText(l.id)} | ${escapeText(l.package)} | ${l.days} ` +
          `| ${l.sla} | ${l.state === 'fixed' ? 'fixed late' : 'open, overdue'} |`,
      )
    out.push('')
  }
  if (r.trendCheck?.breaches.length) {
    out.push(`### Trends that breach the policy${r.trendCheck.enforced ? ' (the report fails)' : ''}`, '')
    for (const b of r.trendCheck.breaches) out.push(`- ${b}`)
    out.push('')
  }
  const notes = [...r.notes, ...(r.trendCheck?.unchecked ?? []).map((u) => `Not checked against report.fail_on_trend: ${u}.`)]
  if (r.skipped)
    notes.push(
      `${r.skipped} commit${r.skipped === 1 ? '' : 's'} in the ` +
        `window ${r.skipped === 1 ? 'is' : 'are'} not a pull request (no merge, no "(#N)"): not counted.`,
    )
  for (const n of notes) out.push(`> ${escapeText(n)}`, '')
  return out.join('\n')
}
