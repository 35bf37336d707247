/**
 * The trend figures, per ISO week (Monday to Sunday, UTC) and over the whole window, from the merged
 * pull requests' records. Median: the middle value (the mean of the two middle values for an even count);
 * p90: nearest rank (the ⌈0.9·n⌉-th smallest). Shares are of the pull requests the figure applies to.
 */
import type { PrRecord } from './record.js'
import { slaFigures, type AlertLife, type Severity, type SlaCounts, type SlaFigures } from './sla.js'

export interface Stats {
  /** "2026-W14", or "window". */
  label: string
  /** First and last day (UTC, YYYY-MM-DD). */
  from: string
  to: string
  prs: number
  /** Changed lines without generated, vendored and lock files (pr-size's count). */
  size: { counted: number; median?: number; p90?: number; over: number; overShare?: number }
  /** Pull requests whose changes in a critical area need tests, and those that came with tests. */
  critical: {
    evaluated: number
    configured: number
    touched: number
    tested: number
    testedShare?: number
    coverage: { prs: number; median?: number }
  }
  migrations: { prs: number; prsWithDangers: number; dangers: number; waived: number; suppressed: number }
  runbook: { prs: number; optOuts: number; violations: number }
  conclusions: { success: number; neutral: number; failure: number }
  /** Waived rules: rule → pull requests. */
  waivers: Record<string, number>
  /** Rules that failed or could not be evaluated, most often first. */
  failing: Array<{ rule: string; prs: number }>
  /** Vulnerability fix SLA in the period (all severities); absent without evidence (alerts). */
  vulnerabilities?: SlaCounts
}

export interface TrendReport {
  source: 'git' | 'api'
  repository?: string
  branch: string
  window: { from: string; to: string; days: number }
  /** "Over N lines" threshold (the standard: a median under 300). */
  threshold: number
  /** First-parent commits in the window that are not pull requests (not evaluated). */
  skipped: number
  total: Stats
  weeks: Stats[]
  optOuts: Array<{ pr?: number; repo?: string; sha: string; title: string; text: string; reason?: string }>
  dangers: Array<{ code: string; count: number; prs: string[] }>
  suppressions: Array<{ pr?: number; repo?: string; sha: string; id: string; path: string; reason: string }>
  waivers: Array<{ pr?: number; repo?: string; sha: string; rule: string; label: string; reason?: string }>
  /** Vulnerability fix SLA over the window, by severity; absent without evidence. */
  vulnerabilities?: SlaFigures
  /** What the source cannot know (labels, coverage reports, alerts), said plainly. */
  evidence: { waivers: boolean; coverage: boolean; vulnerabilities: boolean }
  notes: string[]
  prs: PrRecord[]
  /** The policy's report.fail_on_trend judged on these figures (enforced with --fail-on-trend). */
  trendCheck?: { enforced: boolean; breaches: string[]; unchecked: string[] }
}

export function median(values: readonly number[]): number | undefined {
  if (!values.length) return undefined
  const s = [...values].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (!values.length) return undefined
  const s = [...values].sort((a, b) => a - b)
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)]
}

const DAY = 86_400_000

/** ISO 8601 week of a date (UTC): its label and its Monday. */
export function isoWeek(d: Date): { label: string; monday: Date } {
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()))
  const dow = day.getUTCDay() || 7
  const monday = new Date(day.getTime() - (dow - 1) * DAY)
  const thursday = new Date(monday.getTime() + 3 * DAY)
  const year = thursday.getUTCFullYear()
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY / 7) + 1
  return { label: `${year}-W${String(week).padStart(2, '0')}`, monday }
}

const ymd = (d: Date) => d.toISOString().slice(0, 10)
const share = (n: number, of: number) => (of ? Math.round((1000 * n) / of) / 10 : undefined)

export function stats(label: string, from: Date, to: Date, prs: readonly PrRecord[], threshold: number): Stats {
  const sizes = prs.flatMap((p) => (p.size ? [p.size.lines] : []))
  const over = sizes.filter((l) => l > threshold).length
  const crit = prs.filter((p) => p.critical)
  const touched = crit.filter((p) => p.critical?.touched)
  const tested = touched.filter((p) => p.critical?.tested).length
  const cov = touched.flatMap((p) =>
    p.critical && p.critical.executable > 0 ? [Math.round((1000 * p.critical.covered) / p.critical.executable) / 10] : [],
  )
  const mig = prs.filter((p) => p.migrations && p.migrations.files > 0)
  const waivers: Record<string, number> = {}
  for (const p of prs) for (const w of p.waived) waivers[w.rule] = (waivers[w.rule] ?? 0) + 1
  const failing = new Map<string, number>()
  for (const p of prs) for (const r of new Set([...p.failed, ...p.errored])) failing.set(r, (failing.get(r) ?? 0) + 1)
  return {
    label,
    from: ymd(from),
    to: ymd(to),
    prs: prs.length,
    size: { counted: sizes.length, median: median(sizes), p90: percentile(sizes, 90), over, overShare: share(over, sizes.length) },
    critical: {
      evaluated: crit.length,
      configured: crit.filter((p) => p.critical?.configured).length,
      touched: touched.length,
      tested,
      testedShare: share(tested, touched.length),
      coverage: { prs: cov.length, median: median(cov) },
    },
    migrations: {
      prs: mig.length,
      prsWithDangers: mig.filter((p) => p.migrations?.dangers.length).length,
      dangers: mig.reduce((s, p) => s + (p.migrations?.dangers.length ?? 0), 0),
      waived: mig.filter((p) => p.migrations?.waived).length,
      suppressed: mig.reduce((s, p) => s + (p.migrations?.suppressed.length ?? 0), 0),
    },
    runbook: {
      prs: prs.filter((p) => p.runbook && p.runbook.triggers > 0).length,
      optOuts: prs.filter((p) => p.runbook?.optOut).length,
      violations: prs.filter((p) => p.runbook && p.runbook.violations > 0).length,
    },
    conclusions: {
      success: prs.filter((p) => p.conclusion === 'success').length,
      neutral: prs.filter((p) => p.conclusion === 'neutral').length,
      failure: prs.filter((p) => p.conclusion === 'failure').length,
    },
    waivers,
    failing: [...failing].map(([rule, n]) => ({ rule, prs: n })).sort((a, b) => b.prs - a.prs || a.rule.localeCompare(b.rule)),
  }
}

const ref = (p: PrRecord) => (p.number !== undefined ? `${p.repo ?? ''}#${p.number}` : p.sha.slice(0, 12))

export interface ComputeInput {
  source: 'git' | 'api'
  repository?: string
  branch: string
  from: Date
  to: Date
  records: PrRecord[]
  skipped: number
  threshold?: number
  evidence: { waivers: boolean; coverage: boolean }
  /** Dependabot alerts (every state) and the policy's fix_within_days, when the source has them. */
  alerts?: { items: AlertLife[]; source: string; sla: Record<Severity, number | null> }
  notes?: string[]
}

export function computeTrends(i: ComputeInput): TrendReport {
  const threshold = i.threshold ?? 300
  const records = [...i.records].sort((a, b) => a.mergedAt.localeCompare(b.mergedAt))
  const weeks: Stats[] = []
  const last = isoWeek(i.to).monday.getTime()
  for (let m = isoWeek(i.from).monday.getTime(); m <= last; m += 7 * DAY) {
    const monday = new Date(m)
    const sunday = new Date(m + 6 * DAY)
    const inWeek = records.filter((p) => {
      const t = Date.parse(p.mergedAt)
      return t >= m && t < m + 7 * DAY
    })
    // The first and last weeks are clipped to the window.
    const first = new Date(Math.max(m, i.from.getTime()))
    const lastDay = new Date(Math.min(sunday.getTime(), i.to.getTime()))
    const week = stats(isoWeek(monday).label, first, lastDay, inWeek, threshold)
    if (i.alerts) week.vulnerabilities = slaFigures(i.alerts.items, i.alerts.sla, first, lastDay, i.alerts.source).total
    weeks.push(week)
  }
  const dangerMap = new Map<string, { count: number; prs: Set<string> }>()
  for (const p of records)
    for (const d of p.migrations?.dangers ?? []) {
      const e = dangerMap.get(d.code) ?? { count: 0, prs: new Set<string>() }
      e.count++
      e.prs.add(ref(p))
      dangerMap.set(d.code, e)
    }
  const vulnerabilities = i.alerts ? slaFigures(i.alerts.items, i.alerts.sla, i.from, i.to, i.alerts.source) : undefined
  const total = stats('window', i.from, i.to, records, threshold)
  if (vulnerabilities) total.vulnerabilities = vulnerabilities.total
  return {
    source: i.source,
    repository: i.repository,
    branch: i.branch,
    window: { from: i.from.toISOString(), to: i.to.toISOString(), days: Math.round((i.to.getTime() - i.from.getTime()) / DAY) },
    threshold,
    skipped: i.skipped,
    total,
    weeks,
    optOuts: records.flatMap((p) =>
      p.runbook?.optOut
        ? [
            {
              pr: p.number,
              ...(p.repo ? { repo: p.repo } : {}),
              sha: p.sha,
              title: p.title,
              text: p.runbook.optOut.text,
              reason: p.runbook.optOut.reason,
            },
          ]
        : [],
    ),
    dangers: [...dangerMap]
      .map(([code, e]) => ({ code, count: e.count, prs: [...e.prs] }))
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    suppressions: records.flatMap((p) =>
      (p.migrations?.suppressed ?? []).map((s) => ({ pr: p.number, ...(p.repo ? { repo: p.repo } : {}), sha: p.sha, ...s })),
    ),
    waivers: records.flatMap((p) => p.waived.map((w) => ({ pr: p.number, ...(p.repo ? { repo: p.repo } : {}), sha: p.sha, ...w }))),
    vulnerabilities,
    evidence: { ...i.evidence, vulnerabilities: vulnerabilities !== undefined },
    notes: i.notes ?? [],
    prs: records,
  }
}
