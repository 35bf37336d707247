/**
 * From the merged policy document to the typed `ResolvedPolicy`, without a cast: every default filled
 * (`applyDefaults`, the same fill for the loader and for tests through `ruleOptions`), then checked — the
 * document against the policy schema with the loader's own validator, each rule's entry against the
 * rule's schema (`bind`). A failure here is a fault of the program, never of the user's policy (that was
 * validated with positions before): it throws.
 */
import type { GateRule } from '../rules/define.js'
import { RULES, type RuleId, type RuleOptionsById } from '../rules/index.js'
import { policySchema, ruleEntrySchema, type ResolvedPolicy } from './schema.js'
import { applyDefaults, validate } from './validate.js'

type Raw = Record<string, unknown>

/** Options as a policy may give them: any key, at any depth, may be left to its default. */
export type PartialOptions<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: PartialOptions<T[K]> } : T

const isRaw = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * A rule's options as the loader resolves them: `partial` (a policy's entry for the rule) with every
 * default of the rule's entry schema filled in. Tests build options through this, as production does.
 */
export function ruleOptions<Id extends RuleId>(
  rule: GateRule & { readonly id: Id },
  partial?: PartialOptions<RuleOptionsById[Id]>,
): RuleOptionsById[Id] {
  const filled = applyDefaults(ruleEntrySchema(rule), partial ?? {})
  const b = rule.bind(filled)
  if (!b.ok) throw new Error(`ruleOptions: ${b.why}`)
  if (!isOptionsOf(rule, filled)) throw new Error(`ruleOptions: the options of ${rule.id} are not a mapping`)
  return filled
}

/** `value` is `rule`'s options: `bind` checked them against the rule's schema. */
function isOptionsOf<Id extends RuleId>(rule: GateRule & { readonly id: Id }, value: unknown): value is RuleOptionsById[Id] {
  return isRaw(value) && rule.bind(value).ok
}

function isResolvedPolicy(doc: Raw): doc is Raw & ResolvedPolicy {
  const rules = doc.rules
  return validate(policySchema(), doc).length === 0 && isRaw(rules) && RULES.every((r) => r.bind(rules[r.id]).ok)
}

/** The merged document with every default filled in and every registered rule given an entry. */
export function fillDefaults(merged: unknown): Raw {
  const full = applyDefaults(policySchema(), merged ?? {})
  if (!isRaw(full)) throw new Error('internal error: the resolved policy is not a mapping')
  const rules: Raw = isRaw(full.rules) ? { ...full.rules } : {}
  for (const r of RULES) rules[r.id] = applyDefaults(ruleEntrySchema(r), rules[r.id] ?? {})
  return { ...full, rules }
}

/** The filled document (`fillDefaults`), checked and typed. */
export function resolvePolicy(doc: Raw): ResolvedPolicy {
  if (isResolvedPolicy(doc)) return doc
  const rules = isRaw(doc.rules) ? doc.rules : {}
  const issue = validate(policySchema(), doc).at(0)
  const rule = RULES.map((r) => r.bind(rules[r.id])).find((b) => !b.ok)
  throw new Error(
    `internal error: the resolved policy does not ` +
      `check: ${issue ? `${issue.path.join('.')}: ${issue.message}` : rule ? rule.why : 'unknown'}`,
  )
}
