/**
 * The rule registry: one entry per rule. The policy schema, the engine, the docs check and the CLI's
 * `explain` all read this list; adding a rule = one file in src/rules/ + one line here + docs/rules/<id>.md.
 */
import type { Rule } from '../types.js'
import { prSize } from './pr-size.js'

export const RULES: readonly Rule[] = [prSize as unknown as Rule]

export function findRule(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id)
}
