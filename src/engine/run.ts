/**
 * The engine: runs the enabled rules over one RuleContext, isolates a rule that throws (it becomes an
 * error result, never an aborted run), applies levels and waivers, and decides the conclusion. This is
 * the ONE place where pass/fail is decided.
 */
import type { Conclusion, Finding, Level, Note, RuleContext, RuleResult, RuleStatus, Verdict } from '../types.js'
import { levelRank, maxLevel } from '../types.js'
import type { ResolvedPolicy } from '../policy/schema.js'
import { RULES } from '../rules/index.js'
import { invalidatesOnPush, verifyWaiver, waiverFor } from './waivers.js'
import type { ApproverSpec } from '../github/waiver-records.js'
import { errorMessage } from '../errors.js'
import { groupDigits } from '../text.js'
import { isCommonRuleOptions, type GateRule } from '../rules/define.js'

export { errorMessage }

/** Caps a finding's level at the rule's level. */
function effectiveLevel(f: Finding, ruleLevel: Level): Level {
  const own = f.level ?? ruleLevel
  return levelRank(own) <= levelRank(ruleLevel) ? own : ruleLevel
}

/**
 * Runs one rule with the options the policy gives it (`raw`: checked against the rule's schema by
 * `bindRule`). Options that do not check are the rule's error, never a pass.
 */
export async function runRule(rule: GateRule, ctx: RuleContext, raw: unknown): Promise<RuleResult> {
  const level: Level = isCommonRuleOptions(raw) ? raw.level : 'fail'
  const base = { id: rule.id, description: rule.description, level }
  if (level === 'off') return { ...base, status: 'off', findings: [] }
  if (ctx.mode === 'release' && !rule.release) return { ...base, status: 'off', findings: [], summary: 'not evaluated in release mode' }
  const started = performance.now()
  const b = rule.bind(raw)
  if (!b.ok)
    return {
      ...base,
      status: 'error',
      findings: [{ kind: 'error', message: `rule ${rule.id} could not be evaluated: ${b.why}` }],
      error: b.why,
      durationMs: 0,
    }
  try {
    const out = await b.bound.evaluate(ctx)
    const findings = out.findings.map((f) => (f.kind === 'error' || f.kind === 'info' ? f : { ...f, level: effectiveLevel(f, level) }))
    let status: RuleStatus = 'pass'
    let worst: Level = 'off'
    for (const f of findings) if ((f.kind ?? 'violation') === 'violation') worst = maxLevel(worst, f.level ?? level)
    if (worst !== 'off') status = worst
    const errors = findings.filter((f) => f.kind === 'error')
    if (errors.length) status = 'error'
    return {
      ...base,
      status,
      applicability: out.applicability ?? 'applicable',
      findings,
      summary: out.summary,
      tables: out.tables,
      error: errors.length ? errors.map((e) => e.message).join('; ') : undefined,
      durationMs: Math.round(performance.now() - started),
      labels: out.labels,
      notes: out.notes?.length ? out.notes : undefined,
      data: out.data,
    }
  } catch (e) {
    return {
      ...base,
      status: 'error',
      findings: [{ kind: 'error', message: `rule ${rule.id} could not be evaluated: ${errorMessage(e)}` }],
      error: errorMessage(e),
      durationMs: Math.round(performance.now() - started),
    }
  }
}

export interface GateInput {
  policy: ResolvedPolicy
  ctx: RuleContext
  policySource: string
  notes?: Note[]
  rules?: readonly GateRule[]
}

export async function runGate(input: GateInput): Promise<Verdict> {
  const { policy, ctx } = input
  const rules = input.rules ?? RULES
  const notes: Note[] = [...(input.notes ?? [])]
  const results: RuleResult[] = []
  for (const rule of rules) {
    const options = policy.rules[rule.id] ?? { level: 'off' }
    const result = await runRule(rule, ctx, options)
    if (result.status === 'error') {
      // A waiver accepts findings a reviewer has read; a rule that could not be evaluated has none to accept.
      // Waiving it would turn a fault (an outage, an unreadable report) into a green check. (Only the label is
      // looked at here: no record is read for a waiver that could not apply anyway.)
      const label = `${policy.waivers.label_prefix}${rule.id}`
      if (ctx.pr.labels.some((l) => l.toLowerCase() === label.toLowerCase())) {
        notes.push({
          level: 'warning',
          message:
            `Waiver for ${rule.id} not applied: the rule could not be evaluated, ` +
            `and a waiver covers findings, not a failure to evaluate. Re-run the check once the cause is fixed.`,
        })
      }
    } else if (result.status === 'fail' || result.status === 'warn') {
      await applyWaiver(result, ctx, policy, notes)
    }
    if (result.notes) notes.push(...result.notes)
    results.push(result)
  }
  if (ctx.changes.truncated) {
    notes.push({
      level: 'error',
      message:
        `Partial evaluation: GitHub lists at most ${groupDigits(ctx.changes.files.length)} ` +
        `files and this change has ${groupDigits(ctx.changes.totalFiles)}. ` +
        `Files beyond the list were not checked; the conclusion is at best ${policy.conclusion.partial}.`,
    })
  }
  return decide({ results, notes, policy, ctx, policySource: input.policySource })
}

/** The paths a rule's findings name (all changed files when they name none): whose CODEOWNERS may waive it. */
function pathsOf(result: RuleResult, ctx: RuleContext): string[] {
  const named = [...new Set(result.findings.map((f) => f.path).filter((p): p is string => !!p))]
  return named.length ? named : ctx.changes.files.map((f) => f.path)
}

/**
 * Applies the waiver of a failing or warning rule. With GitHub's records (Action, App) only a verified act
 * of an approver counts; without them (the CLI) the `--label` given by the operator does, and says so.
 */
async function applyWaiver(result: RuleResult, ctx: RuleContext, policy: ResolvedPolicy, notes: Note[]): Promise<void> {
  if (!ctx.waiverRecords) {
    const w = waiverFor(result.id, ctx.pr, policy.waivers)
    if (w?.waived) {
      result.waiver = {
        rule: result.id,
        by: 'command line',
        via: 'a --label given to the CLI, not verified against GitHub',
        head: ctx.changes.head,
        reason: w.reason,
        kind: 'local',
        label: w.label,
      }
      result.status = 'waived'
    } else if (w?.rejected) notes.push({ level: 'warning', message: `Waiver for ${result.id} not applied: ${w.rejected}.` })
    return
  }
  // A result's id may have no entry in the policy (the release-only rule, a rule a test injects).
  const own = (policy.rules as Partial<ResolvedPolicy['rules']>)[result.id]?.approvers as ApproverSpec | undefined
  const v = await verifyWaiver({
    ruleId: result.id,
    pr: ctx.pr,
    head: ctx.changes.head,
    settings: policy.waivers,
    approvers: own ?? (policy.waivers.approvers as ApproverSpec),
    invalidateOnPush: invalidatesOnPush(policy.waivers, result.id),
    paths: pathsOf(result, ctx),
    records: ctx.waiverRecords,
  })
  if (v.waived && v.audit) {
    result.waiver = v.audit
    result.status = 'waived'
    return
  }
  if (v.unverified.length) {
    notes.push({
      level: 'warning',
      message: `Waiver for ${result.id} not verified, so not applied: ${v.unverified[0]}.`,
      detail: v.unverified.length > 1 ? v.unverified.slice(1).join('\n') : undefined,
    })
  }
  if (v.rejected.length) {
    notes.push({
      level: 'warning',
      message: `Waiver for ${result.id} not applied: ${v.rejected[0]}.`,
      detail: v.rejected.length > 1 ? v.rejected.slice(1).join('\n') : undefined,
    })
  }
}

/** The conclusion, from results and gate-level facts. */
export function decide(args: {
  results: RuleResult[]
  notes: Note[]
  policy: ResolvedPolicy
  ctx: RuleContext
  policySource: string
  policyError?: boolean
}): Verdict {
  const { results, notes, policy, ctx } = args
  const failed = results.filter((r) => r.status === 'fail').map((r) => r.id)
  const errored = results.filter((r) => r.status === 'error').map((r) => r.id)
  const warned = results.filter((r) => r.status === 'warn').map((r) => r.id)
  let conclusion = 'success' as Conclusion // raised by worse(), a closure control-flow analysis does not follow
  const worse = (c: Conclusion) => {
    const order: Conclusion[] = ['success', 'neutral', 'failure']
    if (order.indexOf(c) > order.indexOf(conclusion)) conclusion = c
  }
  if (warned.length) worse(policy.conclusion.warnings)
  if (errored.length) worse(policy.conclusion.on_error)
  if (ctx.changes.truncated) worse(policy.conclusion.partial)
  if (failed.length || args.policyError) worse('failure')
  // Never a silent green when something could not be evaluated.
  if (conclusion === 'success' && (errored.length || ctx.changes.truncated)) conclusion = 'neutral'

  const parts: string[] = []
  if (args.policyError) parts.push('policy error')
  if (failed.length) parts.push(`${failed.length} failed: ${failed.join(', ')}`)
  if (errored.length) parts.push(`${errored.length} not evaluated: ${errored.join(', ')}`)
  if (warned.length) parts.push(`${warned.length} warning${warned.length > 1 ? 's' : ''}: ${warned.join(', ')}`)
  if (ctx.changes.truncated) parts.push('partial evaluation')
  const waived = results.filter((r) => r.status === 'waived').map((r) => r.id)
  if (waived.length) parts.push(`waived: ${waived.join(', ')}`)
  const ran = results.filter((r) => r.status !== 'off').length
  // Not applicable and no evidence are not a pass: the title counts them apart.
  const na = results.filter((r) => r.status !== 'off' && r.status !== 'error' && r.applicability === 'not-applicable').length
  const none = results.filter((r) => r.status !== 'off' && r.status !== 'error' && r.applicability === 'no-evidence').length
  const apart = [na ? `${na} not applicable` : '', none ? `${none} without evidence` : ''].filter(Boolean)
  const passed = ran - na - none
  const title = parts.length
    ? parts.join(' · ')
    : apart.length
      ? [`${passed} rule${passed === 1 ? '' : 's'} passed`, ...apart].join(', ')
      : `all ${ran} rule${ran === 1 ? '' : 's'} passed`

  const labels = { add: [] as string[], remove: [] as string[] }
  for (const r of results) {
    if (r.labels) {
      labels.add.push(...r.labels.add)
      labels.remove.push(...r.labels.remove)
    }
  }
  const failedRules = [...(args.policyError ? ['policy'] : []), ...failed, ...errored]
  return {
    conclusion,
    title,
    results,
    failedRules,
    ...(args.policyError ? { policyError: true } : {}),
    notes,
    labels,
    policySource: args.policySource,
    mode: ctx.mode,
    pr: ctx.pr,
    head: ctx.changes.head,
    base: ctx.changes.base,
  }
}

/** The verdict when the policy itself is broken: fail closed, with every problem named. */
export function policyErrorVerdict(messages: string[], ctx: RuleContext, policySource: string, policy: ResolvedPolicy): Verdict {
  const notes: Note[] = [
    {
      level: 'error',
      message:
        `The policy ${policySource} is invalid, so no rule was evaluated ` +
        `and the gate fails closed. Fix the policy on the base branch:`,
      detail: messages.join('\n'),
    },
  ]
  return decide({ results: [], notes, policy, ctx, policySource, policyError: true })
}

/**
 * The verdict when the pull request could not be evaluated at all (an API call failed after its
 * retries): the policy's on_error decides, never success, and the note says which call failed.
 */
export function infrastructureErrorVerdict(message: string, ctx: RuleContext, policySource: string, policy: ResolvedPolicy): Verdict {
  const notes: Note[] = [
    {
      level: 'error',
      message: `The gate could not evaluate this pull request: ${message}. No rule was evaluated; re-run the job once GitHub answers.`,
    },
  ]
  const results: RuleResult[] = [
    {
      id: 'gate',
      description: 'Reading the pull request from GitHub',
      level: 'fail',
      status: 'error',
      findings: [{ kind: 'error', message }],
      error: message,
    },
  ]
  return decide({ results, notes, policy, ctx, policySource })
}
