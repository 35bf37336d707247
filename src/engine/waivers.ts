/**
 * Waivers: a PR label `<prefix><rule-id>` waives that rule; with `require_reason`, the PR body must also
 * carry a line `<prefix><rule-id> <reason>` of at least `min_reason_length` characters. Labels need
 * triage permission, so an author cannot waive their own gate without a reviewer.
 */
import type { PullRequestMeta } from '../types.js'
import type { ResolvedPolicy } from '../policy/schema.js'

export interface WaiverDecision {
  waived: boolean
  label: string
  reason?: string
  /** Why a present label did not waive (reason missing or too short). */
  rejected?: string
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

export function waiverFor(ruleId: string, pr: PullRequestMeta, settings: ResolvedPolicy['waivers']): WaiverDecision | undefined {
  const label = `${settings.label_prefix}${ruleId}`
  if (!pr.labels.some((l) => l.toLowerCase() === label.toLowerCase())) return undefined
  const line = new RegExp(`^\\s*${escapeRegExp(label)}(?![\\w-])[\\s:—–-]*(.*)$`, 'im').exec(pr.body ?? '')
  const reason = line?.[1]?.trim() || undefined
  if (!settings.require_reason) return { waived: true, label, reason }
  if (!reason) return { waived: false, label, rejected: `label ${label} is set but the PR description has no line "${label} <reason>"` }
  if (reason.length < settings.min_reason_length) {
    return { waived: false, label, reason, rejected: `the waiver reason is shorter than ${settings.min_reason_length} characters` }
  }
  return { waived: true, label, reason }
}
