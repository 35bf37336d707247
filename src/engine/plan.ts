/**
 * The run's read plan: what every enabled rule declares it will read (`Rule.plan`), gathered once, so the
 * source can read it all in a few batches before the rules run (src/github/contents.ts). A plan that throws
 * is ignored: the rule then reads on demand, nothing is lost but calls.
 */
import type { ChangedFile, ContentPlan } from '../types.js'
import type { ResolvedPolicy } from '../policy/schema.js'
import { RULES } from '../rules/index.js'
import { isCommonRuleOptions, type GateRule } from '../rules/define.js'

export interface PlannedReads {
  head: string[]
  base: string[]
}

export function planReads(
  policy: ResolvedPolicy,
  files: readonly ChangedFile[],
  mode: 'pull_request' | 'release',
  rules: readonly GateRule[] = RULES,
): PlannedReads {
  const head = new Set<string>()
  const base = new Set<string>()
  for (const rule of rules) {
    const raw: unknown = policy.rules[rule.id]
    if (!isCommonRuleOptions(raw) || raw.level === 'off') continue
    if (mode === 'release' && !rule.release) continue
    const b = rule.bind(raw)
    if (!b.ok || !b.bound.plan) continue // the engine reports the options' fault when the rule runs
    let plan: ContentPlan
    try {
      plan = b.bound.plan({ files, mode })
    } catch {
      continue
    }
    for (const p of plan.head ?? []) if (p) head.add(p)
    for (const p of plan.base ?? []) if (p) base.add(p)
  }
  return { head: [...head], base: [...base] }
}
