/**
 * Trends that breach the policy's `report.fail_on_trend` (`pr-gate report --fail-on-trend`, exit 1): a
 * weekly median over the size mark for N weeks in a row, any vulnerability past its fix SLA, too large a
 * share of failing gates. Figures without evidence breach nothing, and the report says they were not checked.
 */
import type { TrendReport } from './compute.js'
import type { ResolvedReportSettings } from './settings.js'

export interface TrendCheck {
  breaches: string[]
  /** Conditions that could not be checked (no evidence). */
  unchecked: string[]
}

export function checkTrends(r: TrendReport, s: ResolvedReportSettings): TrendCheck {
  const breaches: string[] = []
  const unchecked: string[] = []
  const f = s.fail_on_trend
  if (f.median_over_weeks > 0) {
    let run: Array<{ label: string; median: number }> = []
    let worst: typeof run = []
    for (const w of r.weeks) {
      if (w.size.median === undefined) continue // a week without merges neither breaks nor extends a run
      if (w.size.median > s.size_threshold) run.push({ label: w.label, median: w.size.median })
      else run = []
      if (run.length > worst.length) worst = [...run]
    }
    if (worst.length >= f.median_over_weeks) {
      breaches.push(
        `the weekly median PR size was over ${s.size_threshold} lines for ${worst.length} weeks in a row (${worst[0]?.label} ` +
          `… ${worst.at(-1)?.label}: ${worst.map((w) => w.median).join(', ')}); ` +
          `the policy allows fewer than ${f.median_over_weeks}`,
      )
    }
  }
  if (f.sla_breach) {
    const v = r.vulnerabilities
    if (!v) unchecked.push('vulnerability fix SLA: no evidence (no Dependabot alerts)')
    else if (v.total.breached + v.total.overdue > 0) {
      breaches.push(
        `${v.total.breached} vulnerabilit${v.total.breached === 1 ? 'y was' : 'ies were'} fixed ` +
          `after the fix SLA and ${v.total.overdue} ${v.total.overdue === 1 ? 'is' : 'are'} open past it`,
      )
    }
  }
  // Of the pull requests with a gate result (the API source may find none for some).
  const judged = r.total.conclusions.success + r.total.conclusions.neutral + r.total.conclusions.failure
  if (f.max_failure_share < 100 && judged > 0) {
    const share = Math.round((1000 * r.total.conclusions.failure) / judged) / 10
    if (share > f.max_failure_share)
      breaches.push(
        `${share}% of the merged pull requests had a failing gate (${r.total.conclusions.failure} ` +
          `of ${judged}${judged < r.total.prs ? ` with a gate result; ${r.total.prs - judged} had none` : ''}); ` +
          `the policy allows ${f.max_failure_share}%`,
      )
  }
  return { breaches, unchecked }
}
