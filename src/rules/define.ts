/**
 * The rule contract's two ends, typed without casts.
 *
 * `defineRule` keeps a rule's id as a literal type and its options as the static type of its TypeBox
 * schema, so the registry (src/rules/index.ts) can derive `RuleId` and each rule's options type.
 *
 * `bindRule` is where untyped policy data meets a rule: it checks the options against the rule's own
 * schema (TypeBox `Value.Check`, a type guard) and returns closures that call `plan`/`evaluate` with the
 * checked, typed options. The engine and the read planner only ever hold bound rules.
 */
import type { TObject } from '@sinclair/typebox'
import { Type } from '@sinclair/typebox'
import { FormatRegistry } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import type { CommonRuleOptions, ContentPlan, Level, PlanInput, Rule, RuleContext, RuleOutput } from '../types.js'
import { LEVELS } from '../types.js'
import { globProblem } from '../change/glob.js'
import { regexProblem } from '../policy/regex.js'

/**
 * A rule as the engine, the schema and the surfaces hold it, whatever its options type: what it is, and
 * `bind`, which checks raw policy options against its schema and returns it ready to run.
 */
export interface GateRule {
  readonly id: string
  readonly description: string
  readonly options: TObject
  readonly defaultLevel: Level
  readonly release?: boolean
  bind(raw: unknown): Bound
}

/** A rule whose id is a literal type and whose options type is its schema's static type. */
export type DefinedRule<Id extends string, S extends TObject> = Rule<S> & GateRule & { readonly id: Id }

export function defineRule<const Id extends string, S extends TObject>(rule: Rule<S> & { readonly id: Id }): DefinedRule<Id, S> {
  return { ...rule, bind: (raw: unknown) => bindRule(rule, raw) }
}

// The string formats the policy schema uses, with the loader's own checks (src/policy/validate.ts), so
// `Value.Check` in `bindRule` accepts exactly what the loader accepts.
if (!FormatRegistry.Has('date')) FormatRegistry.Set('date', (v) => /^\d{4}-\d{2}-\d{2}$/.test(v))
if (!FormatRegistry.Has('regex')) FormatRegistry.Set('regex', (v) => !regexProblem(v))
if (!FormatRegistry.Has('glob')) FormatRegistry.Set('glob', (v) => !globProblem(v))

/** The keys every rule entry has next to the rule's own options (see `ruleEntrySchema`). */
const ENTRY_KEYS = new Set(['level', 'approvers', 'locked'])

/** The options every rule entry has, whatever the rule. */
export const CommonRuleOptionsSchema = Type.Object({ level: Type.Union(LEVELS.map((l) => Type.Literal(l))) })

export function isCommonRuleOptions(value: unknown): value is CommonRuleOptions {
  return Value.Check(CommonRuleOptionsSchema, value)
}

/** The options a rule's `evaluate` receives. */
export type OptionsOf<R extends { evaluate(ctx: RuleContext, options: never): unknown }> = Parameters<R['evaluate']>[1]

/** A rule with its options checked and applied: what the engine runs. */
export interface BoundRule {
  readonly id: string
  readonly options: CommonRuleOptions
  plan?(input: PlanInput): ContentPlan
  evaluate(ctx: RuleContext): RuleOutput | Promise<RuleOutput>
}

export type Bound = { ok: true; bound: BoundRule } | { ok: false; why: string }

/**
 * Binds a rule to the options the policy gives it. The loader has already validated and defaulted the
 * policy, so a failure here is a fault of the program (or of a test that built a policy by hand), and it
 * is reported as the rule's error, never as a pass.
 */
function bindRule<S extends TObject>(rule: Rule<S>, raw: unknown): Bound {
  if (!isCommonRuleOptions(raw)) return { ok: false, why: `the options of ${rule.id} have no valid level` }
  const own = Object.fromEntries(Object.entries(raw).filter(([k]) => !ENTRY_KEYS.has(k)))
  if (!Value.Check(rule.options, own)) {
    const first = Value.Errors(rule.options, own).First()
    return {
      ok: false,
      why: `the options of ${rule.id} do not match its schema${first ? ` at ${first.path || '/'}: ${first.message}` : ''}`,
    }
  }
  const options = { ...own, level: raw.level }
  const plan = rule.plan?.bind(rule)
  return {
    ok: true,
    bound: {
      id: rule.id,
      options,
      plan: plan && ((input: PlanInput) => plan(input, options)),
      evaluate: (ctx: RuleContext) => rule.evaluate(ctx, options),
    },
  }
}
