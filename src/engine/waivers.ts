/**
 * Waivers. On GitHub (Action, App) a waiver counts only when GitHub's own records show an approver gave it
 * (`verifyWaiver`, issue 18):
 * - label: the latest `labeled` event of `<prefix><rule-id>` was made by an approver who is not the PR author,
 *   and the PR body carries the reason line `<prefix><rule-id> <reason>`;
 * - command: an approving review, a review comment or a conversation comment by an approver carries the line
 *   `/gate waive <rule-id> <reason>`.
 * With `waivers.invalidate_on_push` (default for migration-safety and dependencies) the act must be bound to
 * the current head: a review or review comment made on that commit, a label or comment given after GitHub
 * recorded its push. Whatever cannot be verified (a refused API, a missing actor) does not count.
 *
 * The CLI has no such records: there a label passed with `--label` is the operator's own statement
 * (`waiverFor`), shown as such.
 *
 * The reason line is a declaration like any other in the PR body (src/change/pr-body.ts): a line inside
 * an HTML comment or a fenced code block (where PR templates keep their examples) does not count, nor
 * does a reason that is still a template placeholder (`<explain why…>`, `TODO`, `…`).
 */
import type { PullRequestMeta, WaiverAudit } from '../types.js'
import type { ResolvedPolicy } from '../policy/schema.js'
import { findDeclarations, findReasonedDeclaration, isPlaceholderReason, visibleLines } from '../change/pr-body.js'
import type { ApproverSpec, LabelEvent, WaiverAct, WaiverRecords } from '../github/waiver-records.js'

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
  const first = rejected.at(0)
  if (!first) {
    return {
      waived: false,
      label,
      rejected:
        `label ${label} is set but the PR description has no line "${label} ` +
        `<reason>" (lines inside HTML comments or code blocks do not count)`,
    }
  }
  const reason = first.declaration.reason.trim() || undefined
  if (reason && isPlaceholderReason(reason))
    return { waived: false, label, reason, rejected: `the waiver reason "${reason}" is a template placeholder, not a reason` }
  if (reason)
    return { waived: false, label, reason, rejected: `the waiver reason is shorter than ${settings.min_reason_length} characters` }
  return { waived: false, label, rejected: `label ${label} is set but the line "${label}" in the PR description gives no reason` }
}

/** `/gate waive <rule> <reason>` lines of a review or comment (outside HTML comments and code fences). */
export function waiveCommands(body: string | undefined): Array<{ rule: string; reason: string }> {
  const out: Array<{ rule: string; reason: string }> = []
  for (const line of visibleLines(body ?? '')) {
    const m = /^\s*(?:>\s*)*\/gate\s+waive\s+([A-Za-z0-9_.-]+)(?:[ \t]+(.*))?$/i.exec(line)
    if (m) out.push({ rule: m[1].toLowerCase(), reason: (m.at(2) ?? '').trim() }) // the reason group is optional
  }
  return out
}

export interface VerifyInput {
  ruleId: string
  pr: PullRequestMeta
  /** The current head commit. */
  head: string
  settings: ResolvedPolicy['waivers']
  approvers: ApproverSpec
  /** Acts must be bound to the current head (waivers.invalidate_on_push covers this rule). */
  invalidateOnPush: boolean
  /** The paths the rule's findings name (all changed files when they name none): for CODEOWNERS. */
  paths: readonly string[]
  records: WaiverRecords
}

export interface VerifiedWaiver {
  waived: boolean
  audit?: WaiverAudit
  /** Attempts that did not count, each with why (plain text). */
  rejected: string[]
  /** Records GitHub would not show: the waiver could not be verified (plain text, naming the permission). */
  unverified: string[]
}

interface Candidate {
  act: WaiverAct
  reason?: string
  /** Why the candidate fails a check that needs no API call. */
  problem?: string
  label?: string
}

const short = (sha: string | undefined) => (sha ? sha.slice(0, 12) : '?')

function what(c: Candidate): string {
  const who = c.act.actor ? `@${c.act.actor}` : 'an unknown user'
  if (c.act.kind === 'label') return `the label ${c.label} added by ${who} at ${c.act.at}`
  const noun = c.act.kind === 'review' ? 'review' : c.act.kind === 'review-comment' ? 'review comment' : 'comment'
  return `the /gate waive ${noun} by ${who} at ${c.act.at}`
}

function reasonProblem(reason: string | undefined, settings: ResolvedPolicy['waivers']): string | undefined {
  if (!settings.require_reason) return undefined
  const r = (reason ?? '').trim()
  if (!r) return 'it gives no reason'
  if (isPlaceholderReason(r)) return `its reason "${r}" is a template placeholder`
  // Counted in code points (Array.from iterates a string by code point, as [...r] does).
  if (Array.from(r).length < settings.min_reason_length) return `its reason is shorter than ${settings.min_reason_length} characters`
  return undefined
}

/** The label's candidate: only its latest event counts (added by the author, removed, re-added by an approver: the approver's). */
function labelCandidate(input: VerifyInput, label: string, labelEvents: readonly LabelEvent[], out: VerifiedWaiver): Candidate | undefined {
  const { pr, settings } = input
  const events = labelEvents.filter((e) => e.label.toLowerCase() === label.toLowerCase())
  const last = events.at(-1) // none when no event of the label
  if (!last || last.event !== 'labeled') {
    out.rejected.push(`the label ${label} is set, but GitHub's events show no one adding it`)
    return undefined
  }
  const { accepted, rejected } = settings.require_reason
    ? findReasonedDeclaration(pr.body, label, settings.min_reason_length, { exact: true })
    : { accepted: findDeclarations(pr.body, label, { exact: true })[0], rejected: [] }
  const c: Candidate = {
    act: { kind: 'label', actor: last.actor, at: last.at, url: last.url, label },
    label,
    reason: accepted?.reason.trim() || undefined,
  }
  if (settings.require_reason && !accepted) {
    const first = rejected.at(0)
    c.problem = first
      ? `the PR description's reason line is rejected: ${first.why}`
      : `the PR description has no line "${label} <reason>" (lines inside HTML comments or code blocks do not count)`
  }
  return c
}

/** The `/gate waive <rule>` commands for this rule in reviews and comments. */
function commandCandidates(input: VerifyInput, acts: readonly WaiverAct[]): Candidate[] {
  const candidates: Candidate[] = []
  for (const act of acts) {
    for (const cmd of waiveCommands(act.body)) {
      if (cmd.rule !== input.ruleId.toLowerCase()) continue
      const c: Candidate = { act, reason: cmd.reason || undefined }
      if (act.kind === 'review' && act.state !== 'approved')
        c.problem = `the review is not an approval (${act.state || 'no state'}); use an approving review or a review comment`
      else c.problem = reasonProblem(cmd.reason, input.settings)
      candidates.push(c)
    }
  }
  return candidates
}

/** Why a candidate does not count: rejected (a plain reason) or unverified (a full sentence); undefined when it may count. */
type CandidateFault = { rejected: string } | { unverified: string }

/** The checks that need no API call, in order: self-waiver, author, reason, edits. */
function staticFault(c: Candidate, actor: string, input: VerifyInput): CandidateFault | undefined {
  const { pr, settings } = input
  if (!settings.allow_self && actor.toLowerCase() === pr.author.toLowerCase())
    return { rejected: 'it was given by the PR author, and a waiver needs someone else (waivers.allow_self is false)' }
  if (!pr.author) return { unverified: `${what(c)} could not be verified: the PR's author is unknown` }
  if (c.problem) return { rejected: c.problem }
  if (c.act.edited) return { rejected: "it was edited after it was written, so its text may not be its author's" }
  return undefined
}

/** With waivers.invalidate_on_push: the act must be bound to the current head. */
async function headBindingFault(c: Candidate, input: VerifyInput): Promise<CandidateFault | undefined> {
  if (!input.invalidateOnPush) return undefined
  const { ruleId } = input
  if (c.act.kind === 'review' || c.act.kind === 'review-comment') {
    if (c.act.commitId === input.head) return undefined
    return {
      rejected:
        `it was given on commit ${short(c.act.commitId)}, not on the current head ${short(input.head)}, ` +
        `and waivers.invalidate_on_push covers ${ruleId}: it must be given again`,
    }
  }
  const pushed = await input.records.headPushedAt()
  if (!pushed.ok) return { unverified: `${what(c)} could not be bound to the current head ${short(input.head)}: ${pushed.why}` }
  if (Date.parse(c.act.at) > Date.parse(pushed.value)) return undefined
  return {
    rejected:
      `it was given before the current head ${short(input.head)} was pushed (${pushed.value}), ` +
      `and waivers.invalidate_on_push covers ${ruleId}: it must be given again`,
  }
}

/**
 * The waiver of one rule, verified from GitHub's records: the newest act that passes every check counts.
 * Checks that need no API call come first (author, reason, edits, head binding); the approver check last.
 */
export async function verifyWaiver(input: VerifyInput): Promise<VerifiedWaiver> {
  const { ruleId, pr, settings } = input
  const label = `${settings.label_prefix}${ruleId}`
  const labelSet = pr.labels.some((l) => l.toLowerCase() === label.toLowerCase())
  const out: VerifiedWaiver = { waived: false, rejected: [], unverified: [] }
  const recs = await input.records.records()
  if (!recs.ok) {
    if (labelSet) out.unverified.push(`the label ${label} is set, but who set it could not be read: ${recs.why}`)
    else out.unverified.push(`waivers given in reviews and comments could not be read: ${recs.why}`)
    return out
  }
  const candidates: Candidate[] = []
  const fromLabel = labelSet ? labelCandidate(input, label, recs.value.labelEvents, out) : undefined
  if (fromLabel) candidates.push(fromLabel)
  candidates.push(...commandCandidates(input, recs.value.acts))
  candidates.sort((a, b) => Date.parse(b.act.at) - Date.parse(a.act.at))
  for (const c of candidates) {
    const actor = c.act.actor
    if (!actor) {
      out.rejected.push(`${what(c)} does not count: GitHub's record names no actor`)
      continue
    }
    const fault = staticFault(c, actor, input) ?? (await headBindingFault(c, input))
    if (fault) {
      if ('unverified' in fault) out.unverified.push(fault.unverified)
      else out.rejected.push(`${what(c)} does not count: ${fault.rejected}`)
      continue
    }
    const check = await input.records.approver(actor, input.approvers, input.paths)
    if (!check.approver) {
      if (check.unverified) out.unverified.push(`${what(c)}: ${check.why}`)
      else out.rejected.push(`${what(c)} does not count: ${check.why}`)
      continue
    }
    out.waived = true
    out.audit = {
      rule: ruleId,
      by: actor,
      via: check.via,
      at: c.act.at,
      head: input.head,
      reason: c.reason,
      kind: c.act.kind,
      url: c.act.url,
      label: c.label,
    }
    return out
  }
  return out
}

/** Does `waivers.invalidate_on_push` cover this rule? */
export function invalidatesOnPush(settings: ResolvedPolicy['waivers'], ruleId: string): boolean {
  const v = settings.invalidate_on_push
  return v === true || (Array.isArray(v) && v.includes(ruleId))
}

/** A release approval (the approval label on a merged PR), verified like a waiver. */
export interface ReleaseApproval {
  approved: boolean
  by?: string
  via?: string
  at?: string
  url?: string
  /** Why the label did not approve (plain text). */
  why?: string
  unverified?: boolean
}

/**
 * Was the approval label on this merged PR given by a release approver who is not its author? The latest
 * `labeled` event counts. A label added after the merge approves what was merged; one added before must
 * come after the push of the PR's last head (GitHub's activity record), or it approved something else.
 */
export async function verifyReleaseApproval(
  records: WaiverRecords,
  pull: { author: string; labels: string[]; mergedAt?: string; headSha?: string },
  label: string,
  approvers: ApproverSpec,
  paths: readonly string[],
  allowSelf = false,
): Promise<ReleaseApproval> {
  if (!pull.labels.some((l) => l.toLowerCase() === label.toLowerCase())) return { approved: false, why: `no ${label} label` }
  const recs = await records.records()
  if (!recs.ok) return { approved: false, unverified: true, why: `the ${label} label could not be verified: ${recs.why}` }
  const events = recs.value.labelEvents.filter((e) => e.label.toLowerCase() === label.toLowerCase())
  const last = events.at(-1) // none when no event of the label
  if (!last || last.event !== 'labeled')
    return { approved: false, why: `the ${label} label is set, but GitHub's events show no one adding it` }
  if (!last.actor) return { approved: false, why: `GitHub's record of the ${label} label names no actor` }
  const who = `@${last.actor}`
  if (!allowSelf && (!pull.author || last.actor.toLowerCase() === pull.author.toLowerCase()))
    return {
      approved: false,
      why:
        `the ${label} label was added ` +
        `by ${pull.author ? 'the PR author' : 'someone'} ${who}${pull.author ? '' : ' while the PR author is unknown'}, ` +
        `and an approval needs someone else`,
    }
  const afterMerge = pull.mergedAt && Date.parse(last.at) >= Date.parse(pull.mergedAt)
  if (!afterMerge) {
    const pushed = await records.headPushedAt()
    if (!pushed.ok)
      return {
        approved: false,
        unverified: true,
        why:
          `the ${label} label by ${who} was added before the merge and could ` +
          `not be bound to the merged head ${short(pull.headSha)}: ${pushed.why}`,
      }
    if (!(Date.parse(last.at) > Date.parse(pushed.value)))
      return {
        approved: false,
        why: `the ${label} label by ${who} was added before the last push to the PR (${pushed.value}): it approved an earlier version`,
      }
  }
  const check = await records.approver(last.actor, approvers, paths)
  if (!check.approver)
    return { approved: false, unverified: check.unverified, why: `the ${label} label was added by ${who}, but ${check.why}` }
  return { approved: true, by: last.actor, via: check.via, at: last.at, url: last.url }
}
