/**
 * One merged pull request as the trend report sees it: the facts the weekly and window figures are made
 * of, taken from the gate's own verdict for that pull request (evaluated on the spot from local git
 * history, or read back from the gate's check run through the API).
 */
import type { Conclusion, Verdict } from '../types.js'
import { list, num, obj, str } from '../json.js'

export interface PrRecord {
  /** owner/name, when the report spans several repositories (API source). */
  repo?: string
  /** The pull request number, when the merge commit names one ("Merge pull request #12", "… (#12)"). */
  number?: number
  /** The commit that landed on the default branch (merge or squash commit). */
  sha: string
  /** The diff evaluated: base = first parent, head = sha. */
  base: string
  title: string
  author: string
  /** When it landed on the default branch (committer date of the merge commit), ISO 8601. */
  mergedAt: string
  /** Changed lines and files with pr-size's exclusions; undefined when pr-size was off or not evaluated. */
  size?: { lines: number; files: number }
  /** The gate's conclusion; undefined when the gate left no result for the pull request (API source). */
  conclusion?: Conclusion
  /** Rules by result (after waivers): failed, not evaluated, warned, waived. */
  failed: string[]
  errored: string[]
  warned: string[]
  waived: Array<{ rule: string; label: string; reason?: string }>
  /**
   * Critical areas: touched = a changed file in an area needs tests; tested = every such area came with a
   * changed test. covered/executable: changed executable lines with coverage data (0/0 = no evidence).
   * configured: the policy names critical areas. Undefined when the rule was off or not evaluated.
   */
  critical?: { configured: boolean; touched: boolean; tested: boolean; covered: number; executable: number }
  /** Migrations changed, dangers found at merge (finding codes), suppressions written in the migration. */
  migrations?: {
    files: number
    dangers: Array<{ code: string; path?: string; line?: number }>
    suppressed: Array<{ id: string; path: string; reason: string }>
    waived?: { label: string; reason?: string }
  }
  /** Operational changes and the accepted runbook opt-out, if any. */
  runbook?: { triggers: number; violations: number; optOut?: { text: string; reason?: string } }
  /**
   * API source: where the figures come from. `gate`: the record the gate embedded in its check run;
   * `pull-request`: no gate record, so only the pull request's own additions + deletions (no exclusions)
   * and, when the gate left a check run or status without a record, its conclusion.
   */
  origin?: 'gate' | 'pull-request'
}

export interface RecordMeta {
  number?: number
  sha: string
  base: string
  title: string
  author: string
  mergedAt: string
}

/** The pull request number a merge or squash commit's subject names, if any. */
export function prNumberOf(subject: string): number | undefined {
  const m = /^Merge pull request #(\d+)\b/.exec(subject) ?? /\(#(\d+)\)\s*$/.exec(subject)
  return m ? Number(m[1]) : undefined
}

export function recordFromVerdict(v: Verdict, meta: RecordMeta): PrRecord {
  const byId = new Map(v.results.map((r) => [r.id, r]))
  const rec: PrRecord = {
    ...meta,
    conclusion: v.conclusion,
    failed: v.results.filter((r) => r.status === 'fail').map((r) => r.id),
    errored: [...(v.policyError ? ['policy'] : []), ...v.results.filter((r) => r.status === 'error').map((r) => r.id)],
    warned: v.results.filter((r) => r.status === 'warn').map((r) => r.id),
    waived: v.results
      .filter((r) => r.status === 'waived')
      .map((r) => ({
        rule: r.id,
        label: r.waiver ? (r.waiver.label ?? `${r.waiver.kind} by ${r.waiver.by}`) : '',
        reason: r.waiver?.reason,
      })),
  }
  const usable = (id: string) => {
    const r = byId.get(id)
    return r && r.status !== 'off' && r.status !== 'error' ? r : undefined
  }
  const size = usable('pr-size')
  const lines = num(size?.data?.lines)
  const files = num(size?.data?.files)
  if (lines !== undefined && files !== undefined) rec.size = { lines, files }

  const cpt = usable('critical-path-tests')
  if (cpt) {
    const areas = list(cpt.data?.areas)
      .map(obj)
      .filter((a) => a !== undefined)
    const touchedAreas = areas.filter((a) => list(a.needTests).length > 0)
    rec.critical = {
      configured: areas.length > 0,
      touched: touchedAreas.length > 0,
      tested: touchedAreas.length > 0 && touchedAreas.every((a) => list(a.testsChanged).length > 0),
      covered: touchedAreas.reduce((s, a) => s + (num(a.covered) ?? 0), 0),
      executable: touchedAreas.reduce((s, a) => s + (num(a.executable) ?? 0), 0),
    }
  }

  const ms = usable('migration-safety')
  if (ms) {
    rec.migrations = {
      files: list(ms.data?.migrations).length,
      dangers: ms.findings
        .filter((f) => (f.kind ?? 'violation') === 'violation')
        .map((f) => ({ code: f.code ?? 'danger', path: f.path, line: f.line })),
      suppressed: list(ms.data?.suppressions)
        .map(obj)
        .filter((s) => s !== undefined)
        .map((s) => ({ id: str(s.id) ?? '?', path: str(s.path) ?? '?', reason: str(s.reason) ?? '' })),
      ...(ms.status === 'waived' && ms.waiver
        ? { waived: { label: ms.waiver.label ?? `${ms.waiver.kind} by ${ms.waiver.by}`, reason: ms.waiver.reason } }
        : {}),
    }
  }

  const rb = usable('runbook')
  if (rb) {
    const opt = obj(rb.data?.opt_out)
    rec.runbook = {
      triggers: list(rb.data?.triggers).length,
      violations: num(rb.data?.violations) ?? 0,
      ...(opt ? { optOut: { text: str(opt.text) ?? '', reason: str(opt.reason) } } : {}),
    }
  }
  return rec
}
