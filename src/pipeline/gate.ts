/**
 * The one pipeline of a change once a face has read it: the enforced policy (or its errors) → the reads the
 * rules plan, asked of the face's source in its own batches (GraphQL for the Action and the App, one git
 * cat-file batch for the CLI) → the rules → the verdict. A policy that does not load is the policy-error
 * verdict, never a pass. Every face that gates a pull request or a local diff goes through here; release mode
 * shares its pieces (`tryLoadPolicy`, `planReads`, `runGate`) around its own release-only rule.
 */
import { planReads, type PlannedReads } from '../engine/plan.js'
import { policyErrorVerdict, runGate } from '../engine/run.js'
import type { ResolvedPolicy } from '../policy/schema.js'
import type { Note, RuleContext, Verdict } from '../types.js'
import { defaultResolvedPolicy, enforcementNotes, type PolicyAttempt } from './policy.js'

export interface GateChangeInput {
  attempt: PolicyAttempt
  ctx: RuleContext
  /** Where the policy came from, in words (`policySource`). */
  policySource: string
  /** Notes of the face (e.g. the file list was cut short), shown before the policy's own. */
  notes?: Note[]
  /** Reads what the rules declare they need before any rule runs; a failed read fails the rule that needs it. */
  prefetch?: (plan: PlannedReads) => Promise<unknown>
}

export interface GatedChange {
  verdict: Verdict
  /** The enforced policy; undefined when it did not load. */
  policy?: ResolvedPolicy
  /** How many notes precede the rules' own in `verdict.notes` (the face's and the policy's). */
  leadingNotes: number
}

export async function gateChange(input: GateChangeInput): Promise<GatedChange> {
  const { attempt, ctx, policySource } = input
  if (!attempt.loaded) return { verdict: policyErrorVerdict(attempt.errors, ctx, policySource, defaultResolvedPolicy()), leadingNotes: 0 }
  const { policy } = attempt.loaded
  await input.prefetch?.(planReads(policy, ctx.changes.files, ctx.mode))
  const notes = [...(input.notes ?? []), ...enforcementNotes(attempt.loaded)]
  const verdict = await runGate({ policy, ctx, policySource, notes })
  return { verdict, policy, leadingNotes: notes.length }
}
