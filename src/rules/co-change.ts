/**
 * Rule `co-change`: when files matching `when` change, files matching `require` must change too (or the PR
 * description carries a reasoned declaration). Generic and composable: ADR for a new service, CHANGELOG
 * for the public API spec, API docs for protobuf changes. Globs may capture `{name}` placeholders from the
 * trigger path and use them in `require` (`services/{svc}/**` → `docs/services/{svc}.md`).
 */
import { Type, type Static } from '@sinclair/typebox'
import type { ChangedFile, Finding, RuleContext, RuleOutput, RuleTable } from '../types.js'
import { matchesAny } from '../change/glob.js'
import { addedLines } from '../change/patch.js'
import { findReasonedDeclaration } from '../change/pr-body.js'
import { capture, compileTemplate, fill, hasPlaceholders } from './runbook/template.js'
import { BudgetExceeded } from '../policy/budget.js'
import { PolicyRegexError, policyRegex, type PolicyRegex } from '../policy/regex.js'
import { defineRule } from './define.js'

const CoChangeEntry = Type.Object({
  name: Type.String({ description: 'Name of this co-change requirement, shown in findings.' }),
  when: Type.Array(Type.String({ format: 'glob' }), {
    minItems: 1,
    description: 'Globs of trigger files; may capture `{placeholders}` used in `require`.',
  }),
  unless: Type.Optional(Type.Array(Type.String({ format: 'glob' }), { description: 'Globs of files that never trigger (e.g. tests).' })),
  only_added: Type.Optional(
    Type.Boolean({ description: 'Trigger only on files the PR adds (e.g. a new service manifest). Default false.' }),
  ),
  added_lines_match: Type.Optional(
    Type.String({
      format: 'regex',
      description:
        'Trigger only when an added line matches this regular expression (a file without a ' +
        'patch counts as matching). RE2 syntax, matched in linear time: no backreferences (`\\1`) ' +
        'and no lookaround (`(?=`, `(?!`, `(?<=`, `(?<!`); at most 1000 characters.',
    }),
  ),
  require: Type.Array(Type.String({ format: 'glob' }), {
    minItems: 1,
    description: 'Globs of which at least one file must change (not only be removed) in the same PR.',
  }),
  or_declaration: Type.Optional(
    Type.String({
      description:
        'Phrase of a PR-description line that satisfies the requirement instead, followed by a reason (e.g. `Changelog: not needed`).',
    }),
  ),
  min_reason_length: Type.Optional(
    Type.Integer({ minimum: 0, description: 'Minimum reason length for `or_declaration`; defaults to the rule-level value.' }),
  ),
  message: Type.Optional(Type.String({ description: 'Finding message instead of the generated one.' })),
  hint: Type.Optional(Type.String({ description: 'Finding hint instead of the generated one.' })),
})
export type CoChangeEntry = Static<typeof CoChangeEntry>

export const CoChangeOptions = Type.Object({
  rules: Type.Array(CoChangeEntry, {
    default: [],
    description: 'Co-change requirements: when `when` files change, `require` files must change too (or `or_declaration` is declared).',
  }),
  min_reason_length: Type.Integer({
    default: 10,
    minimum: 0,
    description: 'Default minimum reason length for `or_declaration` lines.',
  }),
})
export type CoChangeOptions = Static<typeof CoChangeOptions>

function short(items: string[], max = 3): string {
  return items.length > max ? `${items.slice(0, max).join(', ')} and ${items.length - max} more` : items.join(', ')
}

interface Outcome {
  triggers: string[]
  /** Required globs, placeholders filled per capture (deduplicated). */
  required: string[]
  satisfiedBy: string[]
  declaration?: string
  rejected?: string
}

function matchesAddedLines(f: ChangedFile, re: PolicyRegex): boolean {
  if (!f.patch) return true // never treat a missing patch as "no change"
  try {
    return addedLines(f.patch).some((l) => re.test(l.text))
  } catch (e) {
    if (e instanceof BudgetExceeded) throw e
    return true // an unreadable patch counts as matching
  }
}

export function evaluateCoChange(ctx: RuleContext, options: CoChangeOptions): RuleOutput {
  const findings: Finding[] = []
  const rows: string[][] = []
  const files = ctx.changes.files
  for (const entry of options.rules) {
    let lineRe: PolicyRegex | undefined
    if (entry.added_lines_match !== undefined) {
      try {
        lineRe = policyRegex(entry.added_lines_match)
      } catch (e) {
        if (!(e instanceof PolicyRegexError)) throw e
        findings.push({ kind: 'error', code: 'bad-pattern', message: `co-change "${entry.name}": added_lines_match: ${e.message}` })
        continue
      }
    }
    const matchers = entry.when.map((w) => (hasPlaceholders(w) ? compileTemplate(w) : [w])) // lists made once: prepared once
    const triggers: ChangedFile[] = []
    const required = new Set<string>()
    for (const f of files) {
      if (entry.only_added && f.status !== 'added') continue
      if (entry.unless && matchesAny(f.path, entry.unless)) continue
      let values: Record<string, string> | undefined
      let hit = false
      for (let i = 0; i < entry.when.length && !hit; i++) {
        const t = matchers[i]
        values = Array.isArray(t) ? undefined : capture(t, f.path)
        hit = Array.isArray(t) ? matchesAny(f.path, t) : values !== undefined
      }
      if (!hit) continue
      if (lineRe && !matchesAddedLines(f, lineRe)) continue
      triggers.push(f)
      for (const r of entry.require) required.add(values ? fill(r, values) : r)
    }
    if (!triggers.length) continue
    const triggerPaths = new Set(triggers.map((t) => t.path))
    const requiredGlobs = [...required]
    const satisfiedBy = files
      .filter((f) => f.status !== 'removed' && !triggerPaths.has(f.path) && matchesAny(f.path, requiredGlobs))
      .map((f) => f.path)
    const outcome: Outcome = { triggers: [...triggerPaths], required: requiredGlobs, satisfiedBy }
    if (!satisfiedBy.length && entry.or_declaration) {
      const d = findReasonedDeclaration(ctx.pr.body, entry.or_declaration, entry.min_reason_length ?? options.min_reason_length)
      if (d.accepted) outcome.declaration = d.accepted.text
      else if (d.rejected.length) outcome.rejected = `line ${d.rejected[0].declaration.line}: ${d.rejected[0].why}`
    }
    const status = satisfiedBy.length
      ? `satisfied by ${short(satisfiedBy)}`
      : outcome.declaration
        ? `declared: "${outcome.declaration}"`
        : `missing${outcome.rejected ? ` (declaration rejected, ${outcome.rejected})` : ''}`
    rows.push([entry.name, short(outcome.triggers), short(requiredGlobs), status])
    if (satisfiedBy.length || outcome.declaration) continue
    const first = triggers[0]
    const what = triggers.length === 1 ? first.path : `${triggers.length} files (${short(outcome.triggers)})`
    findings.push({
      message: entry.message ?? `${entry.name}: ${what} changed without a change to ${short(requiredGlobs)}.`,
      hint:
        (entry.hint ??
          `Change a file matching ${short(requiredGlobs.map((g) => `\`${g}\``))}` +
            (entry.or_declaration ? `, or add a line \`${entry.or_declaration} — <reason>\` to the PR description` : '') +
            '.') + (outcome.rejected ? ` The declaration was rejected (${outcome.rejected}).` : ''),
      path: first.path,
      code: entry.name,
    })
  }
  const tables: RuleTable[] = rows.length
    ? [{ title: 'Co-change requirements', columns: ['Requirement', 'Changed', 'Requires', 'Status'], rows }]
    : []
  const violated = findings.filter((f) => f.kind !== 'error' && f.kind !== 'info').length
  const summary = !rows.length
    ? options.rules.length
      ? `None of the ${options.rules.length} co-change requirements triggered.`
      : 'No co-change requirements configured.'
    : violated
      ? `${violated} of ${rows.length} triggered co-change requirement${rows.length === 1 ? '' : 's'} unmet.`
      : `${rows.length} co-change requirement${rows.length === 1 ? '' : 's'} triggered, all met.`
  return { findings, summary, tables, ...(rows.length ? {} : { applicability: 'not-applicable' as const }) }
}

export const coChange = defineRule({
  id: 'co-change',
  description:
    'When some files change, others must change with them (ADR for a new service, ' +
    'CHANGELOG for the API spec, docs for protos), or the PR declares why not.',
  options: CoChangeOptions,
  defaultLevel: 'warn',
  release: true,
  evaluate: (ctx: RuleContext, options) => evaluateCoChange(ctx, options),
})
