/**
 * Waivers: a PR label `<prefix><rule-id>` waives that rule; with `require_reason`, the PR body must also
 * carry a line `<prefix><rule-id> <reason>` of at least `min_reason_length` characters. Labels need
 * triage permission, so an author cannot waive their own gate without a reviewer.
 *
 * The reason line is a declaration like any other in the PR body (src/change/pr-body.ts): a line inside
 * an HTML comment or a fenced code block (where PR templates keep their examples) does not count, nor
 * does a reason that is still a template placeholder (`<explain why…>`, `TODO`, `…`).
 */
import type { PullRequestMeta } from '../types.js'
import type { ResolvedPolicy } from '../policy/schema.js'
import { findDeclarations, findReasonedDeclaration, isPlaceholderReason } from '../change/pr-body.js'

export interface WaiverDecision {
  waived: boolean
  label: string
  reason?: string
  /** Why a present label did not waive (reason missing, a placeholder, or too short). */
  rejected?: string
}

export function waiverFor(ruleId: string, pr: PullRequestMeta, settings: ResolvedPolicy['waivers']): WaiverDecision | undefined {
  const label = `${settings.label_prefix}${ruleId}`
  if (!pr.labels.some((l) => l.toLowerCase() === label.toLowerCase())) return undefined
  if (!settings.require_reason) {
    const reason = findDeclarations(pr.body, label, { exact: true })
      .map((d) => d.reason.trim())
      .find((r) => r && !isPlaceholderReason(r))
    return { waived: true, label, reason }
  }
  const { accepted, rejected } = findReasonedDeclaration(pr.body, label, settings.min_reason_length, { exact: true })
  if (accepted) return { waived: true, label, reason: accepted.reason.trim() }
  const first = rejected[0]
  if (!first) {
    return { waived: false, label, rejected: `label ${label} is set but the PR description has no line "${label} <reason>" (lines inside HTML comments or code blocks do not count)` }
  }
  const reason = first.declaration.reason.trim() || undefined
  if (reason && isPlaceholderReason(reason)) return { waived: false, label, reason, rejected: `the waiver reason "${reason}" is a template placeholder, not a reason` }
  if (reason) return { waived: false, label, reason, rejected: `the waiver reason is shorter than ${settings.min_reason_length} characters` }
  return { waived: false, label, rejected: `label ${label} is set but the line "${label}" in the PR description gives no reason` }
}
