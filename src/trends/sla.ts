/**
 * Vulnerability fix SLA over a window: each alert's age at fix against the policy's
 * `rules.dependencies.fix_within_days` for its severity. Fixed in the period: met (age ≤ SLA) or
 * breached; still open at the period's end: within the SLA or overdue. Dismissed alerts are counted apart
 * (a dismissal is not a fix). Ages in whole days, like the dependencies rule.
 *
 * The evidence is the repository's Dependabot alerts (every state), as the REST API lists them
 * (`GET /repos/{owner}/{repo}/dependabot/alerts?state=…`): from the API, or from a file (`--alerts`,
 * e.g. `gh api --paginate --slurp 'repos/OWNER/NAME/dependabot/alerts?per_page=100'`). Git history has
 * none: without it every figure reads "no evidence".
 */
import { at, obj, str, textOf } from '../json.js'

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const
export type Severity = (typeof SEVERITIES)[number]

export interface AlertLife {
  id: string
  package: string
  severity: Severity | 'unknown'
  createdAt: string
  state: 'open' | 'fixed' | 'dismissed' | 'auto_dismissed'
  /** fixed_at, or dismissed_at / auto_dismissed_at. */
  closedAt?: string
}

export interface SlaCounts {
  fixed: number
  met: number
  breached: number
  open: number
  overdue: number
  dismissed: number
  /** Median age at fix (days) of the alerts fixed in the period. */
  medianDaysToFix?: number
}

export interface SlaFigures {
  /** Where the alerts came from ("Dependabot alerts (alerts.json)"). */
  source: string
  /** The SLA (days) per severity; null = none. */
  sla: Record<Severity, number | null>
  total: SlaCounts
  bySeverity: Record<Severity, SlaCounts>
  /** The breaches and the overdue alerts, for the list under the figures. */
  late: Array<{ id: string; package: string; severity: Severity; days: number; sla: number; state: 'fixed' | 'open' }>
}

export class AlertsError extends Error {}

const DAY = 86_400_000
const days = (a: number, b: number) => Math.max(0, Math.floor((b - a) / DAY))

/** Dependabot alerts as the REST API returns them (an array, or pages of arrays from --slurp). */
export function parseDependabotAlerts(text: string, file: string): AlertLife[] {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (e) {
    throw new AlertsError(`${file}: not JSON (${e instanceof Error ? e.message : String(e)})`)
  }
  if (!Array.isArray(data))
    throw new AlertsError(`${file}: expected a JSON array of Dependabot alerts (GET /repos/{owner}/{repo}/dependabot/alerts)`)
  const flat = data.every((d) => Array.isArray(d)) ? (data as unknown[][]).flat() : data
  return flat.map((a, i) => {
    const o = obj(a)
    const state = str(o?.state)
    const createdAt = str(o?.created_at)
    const severity = (
      str(at(o, 'security_advisory', 'severity')) ??
      str(at(o, 'security_vulnerability', 'severity')) ??
      'unknown'
    ).toLowerCase()
    if (
      !o ||
      !createdAt ||
      Number.isNaN(Date.parse(createdAt)) ||
      !state ||
      !['open', 'fixed', 'dismissed', 'auto_dismissed'].includes(state)
    ) {
      throw new AlertsError(
        `${file}: entry ${i} is not a Dependabot alert (needs state open|fixed|dismissed|auto_dismissed and created_at)`,
      )
    }
    const closedAt = str(o.fixed_at) ?? str(o.dismissed_at) ?? str(o.auto_dismissed_at)
    if (state === 'fixed' && (!closedAt || Number.isNaN(Date.parse(closedAt))))
      throw new AlertsError(`${file}: entry ${i} is fixed but has no fixed_at`)
    const id = str(at(o, 'security_advisory', 'ghsa_id')) ?? `alert ${textOf(o.number, String(i))}`
    return {
      id,
      package: str(at(o, 'security_vulnerability', 'package', 'name')) ?? str(at(o, 'dependency', 'package', 'name')) ?? '?',
      severity: (SEVERITIES as readonly string[]).includes(severity) ? (severity as Severity) : 'unknown',
      createdAt,
      state: state as AlertLife['state'],
      closedAt,
    }
  })
}

const empty = (): SlaCounts => ({ fixed: 0, met: 0, breached: 0, open: 0, overdue: 0, dismissed: 0 })

function median(v: number[]): number | undefined {
  if (!v.length) return undefined
  const s = [...v].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

/** The SLA figures of the alerts for the period [from, to]. Alerts of unknown severity have no SLA. */
export function slaFigures(
  alerts: readonly AlertLife[],
  sla: Record<Severity, number | null>,
  from: Date,
  to: Date,
  source: string,
): SlaFigures {
  const f = from.getTime()
  const t = to.getTime()
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, empty()])) as Record<Severity, SlaCounts>
  const total = empty()
  const fixDays: Record<Severity | 'all', number[]> = { critical: [], high: [], medium: [], low: [], all: [] }
  const late: SlaFigures['late'] = []
  for (const a of alerts) {
    if (a.severity === 'unknown') continue
    const c = bySeverity[a.severity]
    const limit = sla[a.severity]
    const created = Date.parse(a.createdAt)
    const closed = a.closedAt ? Date.parse(a.closedAt) : undefined
    if (created > t) continue
    const closedInPeriod = closed !== undefined && closed >= f && closed <= t
    const openAtEnd = closed === undefined || closed > t
    if (a.state === 'fixed' && closedInPeriod) {
      const age = days(created, closed)
      for (const x of [c, total]) x.fixed++
      fixDays[a.severity].push(age)
      fixDays.all.push(age)
      if (limit !== null) {
        const breached = age > limit
        for (const x of [c, total]) {
          if (breached) x.breached++
          else x.met++
        }
        if (breached) late.push({ id: a.id, package: a.package, severity: a.severity, days: age, sla: limit, state: 'fixed' })
      }
    } else if ((a.state === 'dismissed' || a.state === 'auto_dismissed') && closedInPeriod) {
      for (const x of [c, total]) x.dismissed++
    } else if (openAtEnd) {
      const age = days(created, t)
      for (const x of [c, total]) x.open++
      if (limit !== null && age > limit) {
        for (const x of [c, total]) x.overdue++
        late.push({ id: a.id, package: a.package, severity: a.severity, days: age, sla: limit, state: 'open' })
      }
    }
  }
  for (const s of SEVERITIES) bySeverity[s].medianDaysToFix = median(fixDays[s])
  total.medianDaysToFix = median(fixDays.all)
  late.sort((a, b) => b.days - b.sla - (a.days - a.sla) || a.id.localeCompare(b.id))
  return { source, sla, total, bySeverity, late }
}
