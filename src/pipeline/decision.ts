/**
 * What a verdict means to each face, in one place: the CLI's exit code, the Action's job result, the App's
 * answer to a deployment protection rule, and which rule statuses block. Every face maps a verdict through
 * these functions and nowhere else.
 */
import type { RuleStatus, Verdict } from '../types.js'

/** Rule statuses that hold a merge or deploy back (or warn about it): the surfaces list these first. */
const BLOCKING: ReadonlySet<RuleStatus> = new Set<RuleStatus>(['fail', 'warn', 'error'])

export function isBlocking(status: RuleStatus): boolean {
  return BLOCKING.has(status)
}

/**
 * The CLI's exit code: 2 when the policy could not be loaded (a configuration error, as for a usage
 * error), 1 when the gate fails, 0 otherwise (success or neutral).
 */
export function exitCode(v: Pick<Verdict, 'conclusion' | 'policyError'>): 0 | 1 | 2 {
  if (v.policyError) return 2
  return v.conclusion === 'failure' ? 1 : 0
}

/** The Action's input `fail-on`: whether a failing verdict also fails the job (`failure`) or not (`never`). */
export type FailOn = 'failure' | 'never'

export function failsJob(v: Pick<Verdict, 'conclusion'>, failOn: FailOn): boolean {
  return failOn === 'failure' && v.conclusion === 'failure'
}

/** The answer to a deployment protection rule (the App's release gate). */
export function deploymentDecision(v: Pick<Verdict, 'conclusion'>): 'approved' | 'rejected' {
  return v.conclusion === 'failure' ? 'rejected' : 'approved'
}
