/**
 * Rule `runbook`: operational changes (deploy manifests, infrastructure, alerting, release workflows,
 * schedules, new env vars, feature flags) must come with a runbook update, or with a reasoned opt-out in
 * the PR description. Standard: runbooks are updated for all major operational changes.
 */
import type { Finding, RuleContext, RuleOutput, RuleTable } from '../../types.js'
import { matchesAny } from '../../change/glob.js'
import { findReasonedDeclaration, type ReasonedDeclaration } from '../../change/pr-body.js'
import { RunbookOptions } from './options.js'
import { detect, planRunbookReads, type Detection, type Trigger } from './detect.js'
import { capture, compileTemplate, fill } from './template.js'
import { defineRule } from '../define.js'

export { RunbookOptions, TRIGGER_CODES, type TriggerCode } from './options.js'

interface Requirement {
  /** Globs that satisfy the trigger. */
  globs: string[]
  service?: string
  /** Changed runbook files matching the globs. */
  satisfiedBy: string[]
}

function short(globs: string[], max = 3): string {
  const shown = globs.slice(0, max).map((g) => `\`${g}\``)
  return globs.length > max ? `${shown.join(', ')}, …` : shown.join(', ')
}

/** Runbook files are never triggers themselves: the generic globs and every mapped template (placeholders as `*`). */
const runbookGlobsOf = (options: RunbookOptions): string[] => [
  ...options.runbooks,
  ...options.services.flatMap((s) => s.runbooks.map((g) => g.replace(/\{[A-Za-z_]\w*\}/g, '*'))),
]

/** A trigger without a runbook update (nor an accepted opt-out), with the runbooks it asks for. */
interface Violation {
  t: Trigger
  req: Requirement
}

export async function evaluateRunbook(ctx: RuleContext, options: RunbookOptions): Promise<RuleOutput> {
  // Analyse: the operational changes, what each asks for, the opt-out.
  const detection = await detect(ctx, { options, runbookGlobs: runbookGlobsOf(options) })
  const changed = ctx.changes.files.filter((f) => f.status !== 'removed').map((f) => f.path)
  const requirementOf = requirementFinder(options, changed)
  const optOut = findReasonedDeclaration(ctx.pr.body, options.opt_out_phrase, options.min_reason_length)
  const triggers = [...detection.triggers].sort(
    (a, b) => a.path.localeCompare(b.path) || (a.line ?? 0) - (b.line ?? 0) || a.code.localeCompare(b.code),
  )

  // Decide: each trigger is satisfied, opted out or missing.
  const rows: string[][] = []
  const violations: Violation[] = []
  for (const t of triggers) {
    const req = requirementOf(t)
    const target = req.service ? `${short(req.globs)} (service ${req.service})` : short(req.globs)
    let status: string
    if (req.satisfiedBy.length) status = `satisfied by ${req.satisfiedBy.slice(0, 3).join(', ')}${req.satisfiedBy.length > 3 ? ', …' : ''}`
    else if (optOut.accepted) status = 'opted out in the PR description'
    else {
      status = 'missing'
      violations.push({ t, req })
    }
    rows.push([t.code, t.line ? `${t.path}:${t.line}` : t.path, t.what, t.how, target.replace(/`/g, ''), status])
  }

  // Render.
  const findings: Finding[] = [...violationFindings(violations, options, optOut), ...coverageFindings(detection, ctx)]
  return {
    findings,
    summary: runbookSummary(triggers, violations, requirementOf, optOut, detection),
    tables: runbookTables(rows, optOut),
    ...(triggers.length ? {} : { applicability: 'not-applicable' as const }),
    data: {
      triggers: triggers.map((t) => ({ code: t.code, path: t.path, line: t.line, what: t.what, how: t.how, env_var: t.envVar })),
      violations: violations.length,
      opt_out: optOut.accepted ? { line: optOut.accepted.line, text: optOut.accepted.text, reason: optOut.accepted.reason } : null,
      reads: detection.reads,
      no_operational_change: detection.noOperationalChange,
      dev_tooling: detection.devTooling,
      version_bumps: detection.versionBumps,
      build_only: detection.buildOnly,
      non_production: detection.nonProduction,
    },
  }
}

/** The runbooks a trigger asks for: its service's (the first `services` mapping its path matches), else the generic globs. */
function requirementFinder(options: RunbookOptions, changed: string[]): (t: Trigger) => Requirement {
  const mappings = options.services.map((s) => ({ path: compileTemplate(s.path), runbooks: s.runbooks }))
  return (t: Trigger): Requirement => {
    for (const m of mappings) {
      const values = capture(m.path, t.path)
      if (!values) continue
      const globs = m.runbooks.map((g) => fill(g, values))
      const service = Object.hasOwn(values, 'service') ? values.service : Object.values(values)[0]
      return { globs, service, satisfiedBy: changed.filter((p) => matchesAny(p, globs)) }
    }
    return { globs: options.runbooks, satisfiedBy: changed.filter((p) => matchesAny(p, options.runbooks)) }
  }
}

/** One finding per violation (up to max_findings), then one for the rest. */
function violationFindings(violations: Violation[], options: RunbookOptions, optOut: ReasonedDeclaration): Finding[] {
  const findings: Finding[] = []
  const reasonLine = `\`${options.opt_out_phrase} — <reason>\``
  const optOutHint = `or add a line ${reasonLine} (at least ${options.min_reason_length} characters) to the PR description`
  const rejectedNote = optOut.rejected.length
    ? ` The opt-out on line ${optOut.rejected[0].declaration.line} of the PR description was rejected: ${optOut.rejected[0].why}.`
    : ''
  for (const { t, req } of violations.slice(0, options.max_findings)) {
    const which = req.service ? `the runbook of service ${req.service} (${short(req.globs)})` : `a runbook (${short(req.globs)})`
    const message =
      t.code === 'new-env-var'
        ? `New env var ${t.envVar}: document it in the runbook.`
        : `Operational change (${t.code}): ${t.what}, without a runbook update.`
    findings.push({
      message,
      hint: `Update ${which}, ${optOutHint}.${rejectedNote}`,
      path: t.path,
      ...(t.line ? { line: t.line } : {}),
      code: t.code,
    })
  }
  if (violations.length > options.max_findings) {
    const rest = violations.slice(options.max_findings)
    const codes = [...new Set(rest.map((v) => v.t.code))].join(', ')
    findings.push({
      message: `${rest.length} more operational change${rest.length === 1 ? '' : 's'} without a runbook update (${codes}); see the table.`,
      hint: `Update the runbooks, ${optOutHint}.`,
      code: 'more',
    })
  }
  return findings
}

/** Say what was not parsed or not read, so a pass is never silently partial. */
function coverageFindings(detection: Detection, ctx: RuleContext): Finding[] {
  const findings: Finding[] = []
  if (detection.unparsed.length) {
    const n = detection.unparsed.length
    const paths = detection.unparsed
      .slice(0, 5)
      .map((u) => u.path)
      .join(', ')
    findings.push({
      kind: 'info',
      code: 'not-parsed',
      message:
        `${n} templated file${n === 1 ? '' : 's'} could not be parsed and matched no path rule, ` +
        `so ${n === 1 ? 'it was' : 'they were'} not treated as operational: ${paths}${n > 5 ? ', …' : ''}.`,
      hint: 'Add their folders to `manifest_paths` (deploy manifests) or `triggers` if they are operational.',
    })
  }
  if (detection.notRead.length) {
    const n = detection.notRead.length
    const reasons = [...new Set(detection.notRead.map((r) => r.reason))].slice(0, 3).join('; ')
    const paths = detection.notRead
      .slice(0, 5)
      .map((r) => r.path)
      .join(', ')
    findings.push({
      kind: 'info',
      code: 'not-read',
      message: `${n} file${n === 1 ? ' was' : 's were'} classified by path only (${reasons}): ${paths}${n > 5 ? ', …' : ''}.`,
    })
  }
  if (detection.hclUnavailable) {
    findings.push({
      kind: 'info',
      code: 'hcl-unavailable',
      message: `Terraform files were classified by path only: ${detection.hclUnavailable}.`,
    })
  }
  if (ctx.changes.truncated) {
    findings.push({
      kind: 'info',
      code: 'truncated',
      message:
        `Only ${ctx.changes.files.length} of ${ctx.changes.totalFiles} changed files were listed; ` +
        'operational changes in the others were not checked.',
    })
  }
  return findings
}

function runbookTables(rows: string[][], optOut: ReasonedDeclaration): RuleTable[] {
  const tables: RuleTable[] = []
  if (rows.length)
    tables.push({ title: 'Operational changes', columns: ['Trigger', 'File', 'What', 'Detected by', 'Runbook', 'Status'], rows })
  const declRows: string[][] = []
  if (optOut.accepted) declRows.push([`line ${optOut.accepted.line}`, optOut.accepted.text, 'accepted'])
  for (const r of optOut.rejected) declRows.push([`line ${r.declaration.line}`, r.declaration.text, `rejected: ${r.why}`])
  if (declRows.length)
    tables.push({ title: 'Runbook opt-out in the PR description', columns: ['Where', 'Declaration', 'Status'], rows: declRows })
  return tables
}

/** "code ×n" per trigger code. */
function counts(list: Trigger[]): string {
  const by = new Map<string, number>()
  for (const t of list) by.set(t.code, (by.get(t.code) ?? 0) + 1)
  return [...by].map(([c, n]) => (n > 1 ? `${c} ×${n}` : c)).join(', ')
}

/** The changed files the detection set aside as not operational, counted by why. */
function ignoredNote(detection: Detection): string {
  const unchanged = detection.noOperationalChange.length
  return [
    unchanged ? `${unchanged} file${unchanged === 1 ? '' : 's'} changed only in comments or formatting` : '',
    detection.devTooling.length
      ? `${detection.devTooling.length} dev/test tooling file${detection.devTooling.length === 1 ? '' : 's'} not treated as production`
      : '',
    detection.versionBumps.length
      ? `${detection.versionBumps.length} file${detection.versionBumps.length === 1 ? '' : 's'} with routine version bumps only`
      : '',
    detection.buildOnly.length
      ? `${detection.buildOnly.length} Dockerfile${detection.buildOnly.length === 1 ? '' : 's'} changed only in how the image is built`
      : '',
    detection.nonProduction.length
      ? `${detection.nonProduction.length} file${detection.nonProduction.length === 1 ? '' : 's'} of non-production environments`
      : '',
  ]
    .filter(Boolean)
    .join('; ')
}

function runbookSummary(
  triggers: Trigger[],
  violations: Violation[],
  requirementOf: (t: Trigger) => Requirement,
  optOut: ReasonedDeclaration,
  detection: Detection,
): string {
  if (!triggers.length) {
    const ignored = ignoredNote(detection)
    return `No operational change detected.${ignored ? ` (${ignored}.)` : ''}`
  }
  if (!violations.length) {
    const runbooks = [...new Set(triggers.flatMap((t) => requirementOf(t).satisfiedBy))]
    const parts: string[] = []
    if (runbooks.length) parts.push(`runbook updated: ${runbooks.slice(0, 3).join(', ')}${runbooks.length > 3 ? ', …' : ''}`)
    if (optOut.accepted && triggers.some((t) => !requirementOf(t).satisfiedBy.length)) parts.push(`opted out: "${optOut.accepted.text}"`)
    return `${triggers.length} operational change${triggers.length === 1 ? '' : 's'} (${counts(triggers)}); ${parts.join('; ')}.`
  }
  const codes = counts(violations.map((v) => v.t))
  const rejected = optOut.rejected.length ? ' Opt-out rejected: ' + optOut.rejected[0].why + '.' : ''
  const changes = `operational change${triggers.length === 1 ? '' : 's'}`
  return `${violations.length} of ${triggers.length} ${changes} without a runbook update (${codes}).${rejected}`
}

export const runbook = defineRule({
  id: 'runbook',
  description:
    'Operational changes (deploy manifests, infrastructure, alerts, release workflows, schedules, new env vars, ' +
    'feature flags) come with a runbook update or a reasoned opt-out.',
  options: RunbookOptions,
  defaultLevel: 'warn',
  release: true,
  plan: (input, options) => planRunbookReads(input.files, { options, runbookGlobs: runbookGlobsOf(options) }),
  evaluate: (ctx, options) => evaluateRunbook(ctx, options),
})
