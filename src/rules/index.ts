/**
 * The rule registry: one entry per rule. The policy schema, the engine, the docs check and the CLI's
 * `explain` all read this list; adding a rule = one file in src/rules/ + one line here + docs/rules/<id>.md.
 */
import type { Rule } from '../types.js'
import { prSize } from './pr-size.js'
import { criticalPathTests } from './critical-path-tests/index.js'
import { migrationSafety } from './migration-safety/index.js'
import { runbook } from './runbook/index.js'
import { coChange } from './co-change.js'
import { dependencies } from './dependencies/index.js'
import { secrets } from './secrets/index.js'
import { codeScanning } from './code-scanning/index.js'

const asRule = <T>(r: T) => r as unknown as Rule

export const RULES: readonly Rule[] = [asRule(prSize), asRule(criticalPathTests), asRule(migrationSafety), asRule(runbook), asRule(coChange), asRule(dependencies), asRule(secrets), asRule(codeScanning)]

export function findRule(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id)
}
