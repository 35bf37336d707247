/**
 * Rule `runbook`: operational changes (deploy manifests, infrastructure, alerting, release workflows,
 * schedules, new env vars, feature flags) must come with a runbook update, or with a reasoned opt-out in
 * the PR description. Standard: runbooks are updated for all major operational changes.
 */
import type { Finding, RuleContext, RuleOutput, RuleTable } from '../../types.js'
import { matchesAny } from '../../change/glob.js'
import { findReasonedDeclaration } from '../../change/pr-body.js'
import { RunbookOptions } from './options.js'
import { detect, planRunbookReads, type Trigger } from './detect.js'
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

export async function evaluateRunbook(ctx: RuleContext, options: RunbookOptions): Promise<RuleOutput> {
  const mappings = options.services.map((s) => ({ path: compileTemplate(s.path), runbooks: s.runbooks }))
  const runbookGlobs = runbookGlobsOf(options)
  const detection = await detect(ctx, { options, runbookGlobs })
  const changed = ctx.changes.files.filter((f) => f.status !== 'removed').map((f) => f.path)

  const requirementOf = (t: Trigger): Requirement => {
    for (const m of mappings) {
      const values = capture(m.path, t.path)
      if (!values) continue
      const globs = m.runbooks.map((g) => fill(g, values))
      return { globs, service: values.service ?? Object.values(values)[0], satisfiedBy: changed.filter((p) => matchesAny(p, globs)) }
    }
    return { globs: options.runbooks, satisfiedBy: changed.filter((p) => matchesAny(p, options.runbooks)) }
  }

  const optOut = findReasonedDeclaration(ctx.pr.body, options.opt_out_phrase, options.min_reason_length)
  const findings: Finding[] = []
  const rows: string[][] = []
  const violations: Array<{ t: Trigger; req: Requirement }> = []
  const triggers = [...detection.triggers].sort(
    (a, b) => a.path.localeCompare(b.path) || (a.line ?? 0) - (b.line ?? 0) || a.code.localeCompare(b.code),
  )

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

  const optOutHint = `or add a line \`${options.opt_out_phrase} — <reason>\` (at least ${options.min_reason_length} characters) to the PR description`
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
    findings.push({
      message: `${rest.length} more operational change${rest.length === 1 ? '' : 's'} without a runbook update (${[...new Set(rest.map((v) => v.t.code))].join(', ')}); see the table.`,
      hint: `Update the runbooks, ${optOutHint}.`,
      code: 'more',
    })
  }

  // Say what was not parsed or not read, so a pass is never silently partial.
  if (detection.unparsed.length) {
    findings.push({
      kind: 'info',
      code: 'not-parsed',
      message: `${detection.unparsed.length} templated file${detection.unparsed.length === 1 ? '' : 's'} could not be parsed and matched no path rule, so ${detection.unparsed.length === 1 ? 'it was' : 'they were'} not treated as operational: ${detection.unparsed
        .slice(0, 5)
        .map((u) => u.path)
        .join(', ')}${detection.unparsed.length > 5 ? ', …' : ''}.`,
      hint: 'Add their folders to `manifest_paths` (deploy manifests) or `triggers` if they are operational.',
    })
  }
  if (detection.notRead.length) {
    findings.push({
      kind: 'info',
      code: 'not-read',
      message: `${detection.notRead.length} file${detection.notRead.length === 1 ? ' was' : 's were'} classified by path only (${[...new Set(detection.notRead.map((n) => n.reason))].slice(0, 3).join('; ')}): ${detection.notRead
        .slice(0, 5)
        .map((n) => n.path)
        .join(', ')}${detection.notRead.length > 5 ? ', …' : ''}.`,
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
      message: `Only ${ctx.changes.files.length} of ${ctx.changes.totalFiles} changed files were listed; operational changes in the others were not checked.`,
    })
  }

  const tables: RuleTable[] = []
  if (rows.length)
    tables.push({ title: 'Operational changes', columns: ['Trigger', 'File', 'What', 'Detected by', 'Runbook', 'Status'], rows })
  const declRows: string[][] = []
  if (optOut.accepted) declRows.push([`line ${optOut.accepted.line}`, optOut.accepted.text, 'accepted'])
  for (const r of optOut.rejected) declRows.push([`line ${r.declaration.line}`, r.declaration.text, `rejected: ${r.why}`])
  if (declRows.length)
    tables.push({ title: 'Runbook opt-out in the PR description', columns: ['Where', 'Declaration', 'Status'], rows: declRows })

  const counts = (list: Trigger[]): string => {
    const by = new Map<string, number>()
    for (const t of list) by.set(t.code, (by.get(t.code) ?? 0) + 1)
    return [...by].map(([c, n]) => (n > 1 ? `${c} ×${n}` : c)).join(', ')
  }
  const ignoredNote = [
    detection.noOperationalChange.length
      ? `${detection.noOperationalChange.length} file${detection.noOperationalChange.length === 1 ? '' : 's'} changed only in comments or formatting`
      : '',
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
  let summary: string
  if (!triggers.length) summary = `No operational change detected.${ignoredNote ? ` (${ignoredNote}.)` : ''}`
  else if (!violations.length) {
    const runbooks = [...new Set(triggers.flatMap((t) => requirementOf(t).satisfiedBy))]
    const parts: string[] = []
    if (runbooks.length) parts.push(`runbook updated: ${runbooks.slice(0, 3).join(', ')}${runbooks.length > 3 ? ', …' : ''}`)
    if (optOut.accepted && triggers.some((t) => !requirementOf(t).satisfiedBy.length)) parts.push(`opted out: "${optOut.accepted.text}"`)
    summary = `${triggers.length} operational change${triggers.length === 1 ? '' : 's'} (${counts(triggers)}); ${parts.join('; ')}.`
  } else {
    summary = `${violations.length} of ${triggers.length} operational change${triggers.length === 1 ? '' : 's'} without a runbook update (${counts(violations.map((v) => v.t))}).${optOut.rejected.length ? ' Opt-out rejected: ' + optOut.rejected[0].why + '.' : ''}`
  }

  return {
    findings,
    summary,
    tables,
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

export const runbook = defineRule({
  id: 'runbook',
  description:
    'Operational changes (deploy manifests, infrastructure, alerts, release workflows, schedules, new env vars, feature flags) come with a runbook update or a reasoned opt-out.',
  options: RunbookOptions,
  defaultLevel: 'warn',
  release: true,
  plan: (input, options) => planRunbookReads(input.files, { options, runbookGlobs: runbookGlobsOf(options) }),
  evaluate: (ctx, options) => evaluateRunbook(ctx, options),
})
