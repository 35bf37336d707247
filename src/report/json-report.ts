import type { Verdict } from '../types.js'
import { waiversOf } from './waiver-audit.js'

export const REPORT_VERSION = 1

/** The JSON report (output `report`): every finding, nothing truncated. */
export function toJsonReport(v: Verdict): Record<string, unknown> {
  return {
    version: REPORT_VERSION,
    tool: 'pr-quality-gate',
    conclusion: v.conclusion,
    title: v.title,
    mode: v.mode,
    base: v.base,
    head: v.head,
    pullRequest: v.pr?.number,
    policy: v.policySource,
    failedRules: v.failedRules,
    notes: v.notes,
    labels: v.labels,
    /** The audit trail: every waiver applied (rule, who, how they qualify, when, head, reason, record). */
    waivers: waiversOf(v),
    rules: v.results.map((r) => ({
      id: r.id,
      level: r.level,
      status: r.status,
      applicability: r.applicability,
      summary: r.summary,
      waiver: r.waiver,
      error: r.error,
      durationMs: r.durationMs,
      findings: r.findings,
      tables: r.tables,
    })),
  }
}
