/**
 * The rule registry: one entry per rule. The policy schema, the engine, the docs check and the CLI's
 * `explain` all read this list; adding a rule = one file in src/rules/ (made with `defineRule`) + one
 * line here + docs/rules/<id>.md. The list is checked with `satisfies`, never cast: each rule keeps its
 * literal id and its options type, from which `RuleId` and `RuleOptionsById` are derived.
 */
import type { GateRule, OptionsOf } from './define.js'
import { prSize } from './pr-size.js'
import { criticalPathTests } from './critical-path-tests/index.js'
import { migrationSafety } from './migration-safety/index.js'
import { runbook } from './runbook/index.js'
import { coChange } from './co-change.js'
import { dependencies } from './dependencies/index.js'
import { secrets } from './secrets/index.js'
import { codeScanning } from './code-scanning/index.js'

export const RULES = [
  prSize,
  criticalPathTests,
  migrationSafety,
  runbook,
  coChange,
  dependencies,
  secrets,
  codeScanning,
] as const satisfies readonly GateRule[]

export type RegisteredRule = (typeof RULES)[number]
export type RuleId = RegisteredRule['id']
/** Each rule's options, as the loader resolves them (defaults filled) and as its `evaluate` receives them. */
export type RuleOptionsById = {
  'pr-size': OptionsOf<typeof prSize>
  'critical-path-tests': OptionsOf<typeof criticalPathTests>
  'migration-safety': OptionsOf<typeof migrationSafety>
  runbook: OptionsOf<typeof runbook>
  'co-change': OptionsOf<typeof coChange>
  dependencies: OptionsOf<typeof dependencies>
  secrets: OptionsOf<typeof secrets>
  'code-scanning': OptionsOf<typeof codeScanning>
}
// Every registered id has its options type above, and nothing else: a new rule that is not listed fails here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const registryComplete: Same<keyof RuleOptionsById, RuleId> = true
void registryComplete

export function findRule(id: string): GateRule | undefined {
  return RULES.find((r) => r.id === id)
}

export function isRuleId(id: string): id is RuleId {
  return RULES.some((r) => r.id === id)
}
