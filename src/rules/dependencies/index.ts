/**
 * dependencies: gates on the results of whatever dependency scanner a team already runs (SARIF from any
 * tool, npm audit, OSV-Scanner), optionally with GitHub dependency review and Dependabot alerts.
 * The standard behind it: dependency scanning runs in CI, and critical vulnerabilities are fixed within
 * 7–14 days. New vulnerabilities at or above `fail_on` fail; open ones older than their fix SLA fail;
 * waivers name a reason and expire; a missing or broken report never reads as "no vulnerabilities".
 */
import { Type } from '@sinclair/typebox'
import type { Finding, Level, RuleContext, RuleTable } from '../../types.js'
import { defineRule } from '../define.js'
import {
  advisoryUrl,
  mergeVulnerabilities,
  normaliseId,
  parseReport,
  ReportError,
  severityRank,
  SEVERITIES,
  type Origin,
  type ParsedReport,
  type Severity,
  type Vulnerability,
} from '../../evidence/scanners/index.js'
import { missingReportOption, reportMissing, unfoundReports } from '../../evidence/missing-report.js'
import type { AddedDependency } from '../../github/dependency-facts.js'
import { plainMessage } from '../../errors.js'
import { findDeclaration, isManifest } from './manifest.js'

const sla = (def: number | null, sev: string) =>
  Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], {
    default: def,
    description: `Days within which a ${sev} vulnerability must be fixed once known; null = no SLA.`,
  })

export const dependenciesOptions = Type.Object({
  reports: Type.Array(Type.String(), {
    default: [],
    description:
      'Scanner reports in the workspace (paths or globs): SARIF 2.1.0 (Trivy, Grype, Snyk, OSV-Scanner…), ' +
      '`npm audit --json` (npm 7+), OSV-Scanner JSON. The format is detected from the content. ' +
      'A plain path that matches no file follows `missing_report`; a glob that matches nothing is a notice.',
  }),
  fail_on: Type.Union([Type.Literal('critical'), Type.Literal('high'), Type.Literal('medium'), Type.Literal('low'), Type.Literal('none')], {
    default: 'high',
    description: 'New vulnerabilities at or above this severity fail the PR (`none`: only SLAs and licenses fail).',
  }),
  new_only: Type.Boolean({
    default: true,
    description:
      'Apply `fail_on` only to vulnerabilities this PR introduces (or whose origin is unknown); ' +
      'those already present on the base are held to `fix_within_days` instead. ' +
      'Origin comes from SARIF baselineState, dependency review, the manifest lines the PR adds, and Dependabot alerts.',
  }),
  fix_within_days: Type.Object(
    { critical: sla(7, 'critical'), high: sla(14, 'high'), medium: sla(null, 'medium'), low: sla(null, 'low') },
    {
      default: {},
      description:
        'Fix SLA per severity, in days since first detection (Dependabot alert created_at, ' +
        'SARIF firstDetectionTimeUtc). Without a known age only `fail_on` applies.',
    },
  ),
  ignore: Type.Array(
    Type.Object(
      {
        id: Type.String({ minLength: 1, description: "Advisory id (GHSA, CVE, or the tool's id such as SNYK-JS-…); matches any alias." }),
        reason: Type.String({ minLength: 1, description: 'Why the vulnerability is accepted (required).' }),
        until: Type.Optional(
          Type.String({
            format: 'date',
            description: 'Last day (YYYY-MM-DD, UTC) the waiver applies; after it the vulnerability counts again and the comment says so.',
          }),
        ),
      },
      { additionalProperties: false },
    ),
    { default: [], description: 'Waived advisories, each with a reason and, preferably, an expiry date.' },
  ),
  licenses: Type.Object(
    {
      deny: Type.Array(Type.String(), {
        default: [],
        description: 'SPDX ids that added dependencies must not use (from dependency review data).',
      }),
      allow: Type.Array(Type.String(), { default: [], description: 'When not empty: the only SPDX ids added dependencies may use.' }),
    },
    { default: {}, description: 'License policy for dependencies the PR adds (needs dependency review).' },
  ),
  missing_report: missingReportOption(
    'What a report path listed in `reports` (not a glob) that does not exist concludes: a silent pass is the worst outcome.',
  ),
  use_dependency_review: Type.Boolean({
    default: true,
    description:
      'Ask GitHub dependency review (base...head) for the vulnerabilities and licenses the PR adds; not available (403/404, ' +
      'CLI) → a notice; failed (5xx, timeout, rate limit, malformed answer) → the rule is not evaluated (`on_error`).',
  }),
  use_dependabot_alerts: Type.Boolean({
    default: false,
    description:
      'Read open Dependabot alerts for the age of known vulnerabilities (needs `security-events: ' +
      'read`); not available → a notice; failed → the rule is not evaluated (`on_error`).',
  }),
})

type Options = (typeof dependenciesOptions)['static']
type SlaKey = 'critical' | 'high' | 'medium' | 'low'

const DAY = 86_400_000

interface Row {
  v: Vulnerability
  origin: Origin
  ageDays?: number
  slaDays?: number | null
  waiver?: { id: string; reason: string; until?: string; expired: boolean }
  failing: string[]
  annotation?: { path: string; line: number }
}

function dateString(v: unknown): string | undefined {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10)
  if (typeof v === 'string' && v.trim()) return v.trim()
  return undefined
}

/** A waiver applies through the whole of its `until` day (UTC). */
function waiverExpired(until: string | undefined, now: Date): boolean {
  if (!until) return false
  const t = Date.parse(`${until.slice(0, 10)}T00:00:00Z`)
  if (Number.isNaN(t)) return true // an unreadable date must not waive forever
  return now.getTime() >= t + DAY
}

function severityLabel(s: Severity): string {
  return s === 'unknown' ? 'unknown' : s
}

/** Denied / not allowed per a simple SPDX expression reading: OR = any branch may be chosen. */
export function licenseVerdict(license: string | null, deny: string[], allow: string[]): { denied?: string; notAllowed?: boolean } {
  if (!license) return {}
  const norm = (s: string) => s.trim().toLowerCase()
  const branches = license.split(/\s+OR\s+/i).map((b) =>
    b
      .replace(/[()]/g, ' ')
      .split(/\s+(?:AND|WITH)\s+/i)
      .map((t) => t.trim())
      .filter(Boolean),
  )
  const denySet = new Set(deny.map(norm))
  const allowSet = new Set(allow.map(norm))
  const branchDenied = (b: string[]) => b.find((t) => denySet.has(norm(t)))
  if (denySet.size && branches.every((b) => branchDenied(b))) return { denied: branches.map(branchDenied).find(Boolean) }
  if (allowSet.size && !branches.some((b) => b.every((t) => allowSet.has(norm(t))))) return { notAllowed: true }
  return {}
}

/**
 * npm audit does not state installed versions: read them from package-lock.json at head. A lock file that
 * is absent or not JSON leaves the version unknown (shown as `?`); a READ that fails (the API after its
 * retries) is thrown: the rule is then not evaluated rather than quietly missing evidence.
 */
async function resolveNpmVersions(ctx: RuleContext, vulns: Vulnerability[]): Promise<void> {
  const pending = vulns.filter((v) => v.version === undefined && v.nodes?.length)
  if (!pending.length) return
  const cache = new Map<string, Record<string, { version?: string }> | null>()
  const lock = async (p: string) => {
    if (!cache.has(p)) {
      let packages: Record<string, { version?: string }> | null = null
      let text: string | undefined
      try {
        text = await ctx.changes.readHead(p)
      } catch (e) {
        throw new Error(`${p} at the head could not be read (to resolve npm audit's installed versions): ${plainMessage(e)}`)
      }
      try {
        if (text) packages = lockPackages(JSON.parse(text))
      } catch {
        packages = null // the PR's own lock file is not JSON: versions stay unknown, nothing is concluded from them
      }
      cache.set(p, packages)
    }
    return cache.get(p) ?? null
  }
  for (const v of pending) {
    const dir = v.reports[0]?.includes('/') ? v.reports[0].slice(0, v.reports[0].lastIndexOf('/') + 1) : ''
    for (const p of [...new Set([`${dir}package-lock.json`, 'package-lock.json'])]) {
      const pk = await lock(p)
      const versions = [...new Set((v.nodes ?? []).map((n) => pk?.[n]?.version).filter((x): x is string => !!x))]
      if (versions.length) {
        v.version = versions.join(', ')
        v.manifest ??= p
        break
      }
    }
  }
}

function lockPackages(doc: unknown): Record<string, { version?: string }> | null {
  const packages = typeof doc === 'object' && doc !== null ? (doc as { packages?: unknown }).packages : undefined
  return typeof packages === 'object' && packages !== null ? (packages as Record<string, { version?: string }>) : null
}

function fmtAge(r: Row): string {
  if (r.ageDays === undefined) return 'age unknown'
  const sla = r.slaDays
  return sla === undefined || sla === null
    ? `${r.ageDays} d (no SLA)`
    : `${r.ageDays} d / SLA ${sla} d${r.ageDays > sla ? ' (breached)' : ''}`
}

function originText(o: Origin): string {
  return o === 'introduced' ? 'introduced by this PR' : o === 'present' ? 'already present' : 'unknown'
}

export const dependencies = defineRule({
  id: 'dependencies',
  description: 'Gates on dependency-scanning results: new vulnerabilities, fix SLAs, expiring waivers, licenses.',
  options: dependenciesOptions,
  defaultLevel: 'fail',
  release: true,
  async evaluate(ctx, o: Options & { level: Level }) {
    const sink: EvidenceSink = { findings: [], notes: [], reportRows: [] }
    const { findings, notes } = sink

    // 1. Reports.
    const parsed = await readScannerReports(ctx, o, sink)
    const all: Vulnerability[] = parsed.flatMap((p) => p.vulnerabilities)

    // 2. Providers.
    const review = await readDependencyReview(ctx, o, sink)
    all.push(...review.vulns)
    const alerts = await readDependabotAlerts(ctx, o, sink)
    all.push(...alerts.vulns)
    try {
      await resolveNpmVersions(ctx, all)
    } catch (e) {
      findings.push({
        message: plainMessage(e),
        kind: 'error',
        code: 'read-failed',
        hint: "Re-run the job once GitHub answers; the policy's `on_error` decides what this run concludes.",
      })
    }
    const vulns = mergeVulnerabilities(all)

    // 3. Evaluate each vulnerability.
    const rows = evaluateVulnerabilities(vulns, ctx, o, review, findings)

    // 4. Licenses of added dependencies.
    findings.push(...licenseFindings(ctx, o, review, notes))

    // 5. Output.
    rows.sort(
      (a, b) =>
        severityRank(b.v.severity) - severityRank(a.v.severity) || a.v.package.localeCompare(b.v.package) || a.v.id.localeCompare(b.v.id),
    )
    const tables = dependencyTables(rows, sink.reportRows)
    const bySev = SEVERITIES.map((s) => [s, rows.filter((r) => r.v.severity === s).length] as const).filter(([, n]) => n > 0)
    const waived = rows.filter((r) => r.waiver && !r.waiver.expired).length
    const failing = rows.filter((r) => r.failing.length).length
    // Without any evidence the summary must not read "no vulnerabilities": nothing was looked at.
    const noEvidence = !parsed.length && !review.ok && !alerts.ok
    const parts = [
      noEvidence
        ? 'no scanner evidence'
        : rows.length
          ? `${rows.length} vulnerabilit${rows.length === 1 ? 'y' : 'ies'} (${bySev.map(([s, n]) => `${n} ${s}`).join(', ')})`
          : 'no vulnerabilities',
      failing ? `${failing} failing` : '',
      waived ? `${waived} waived` : '',
      ...notes.filter((n) => !(noEvidence && n === 'no scanner report')),
    ].filter(Boolean)
    return {
      findings,
      summary: parts.join('; '),
      ...(noEvidence ? { applicability: 'no-evidence' as const } : {}),
      tables,
      data: {
        vulnerabilities: rows.map((r) => ({
          ...r.v,
          origin: r.origin,
          ageDays: r.ageDays,
          slaDays: r.slaDays,
          waiver: r.waiver,
          failing: r.failing,
          annotation: r.annotation,
        })),
        reports: parsed.map((p) => ({
          path: p.path,
          format: p.format,
          tool: p.tool,
          vulnerabilities: p.vulnerabilities.length,
          skipped: p.skipped,
        })),
      },
    }
  },
})

/** What reading the evidence found besides vulnerabilities: findings, summary notes, the reports table. */
interface EvidenceSink {
  readonly findings: Finding[]
  readonly notes: string[]
  readonly reportRows: string[][]
}

/** The scanner reports `reports` names; a listed path that is missing follows `missing_report`. */
async function readScannerReports(ctx: RuleContext, o: Options, sink: EvidenceSink): Promise<ParsedReport[]> {
  const { findings, notes, reportRows } = sink
  const globs = o.reports
  const files = globs.length ? await ctx.evidence.findReports(globs) : []
  const { missing, unmatched } = unfoundReports(globs, files)
  for (const g of missing)
    reportMissing(sink, o.missing_report, g, {
      message:
        `Scanner report ${g} is listed in the policy but was not found in the workspace: ` + 'did the scanner step run and write it there?',
      hint: 'Run the scanner before the gate (same job, or download its artifact), or remove the path from `reports`.',
    })
  // One notice for all the globs that matched nothing (the default preset lists four): one row in every
  // comment of a repository without scanners, not four.
  if (unmatched.length) {
    findings.push({
      message: `No scanner report matched ${unmatched.join(', ')}: dependency scanning results are not visible to the gate.`,
      kind: 'info',
      code: 'no-report',
    })
    notes.push(unmatched.length === globs.length ? 'no scanner report' : `${unmatched.join(', ')}: no match`)
  }
  const parsed: ParsedReport[] = []
  for (const f of files) {
    try {
      const p = parseReport(f.path, await f.read())
      parsed.push(p)
      reportRows.push([f.path, p.tool, p.format, String(p.vulnerabilities.length), String(p.skipped)])
      if (p.vulnerabilities.length === 0) notes.push(`0 results from ${p.tool} (${f.path})`)
    } catch (e) {
      const message = e instanceof ReportError ? e.message : `${f.path} could not be read: ${plainMessage(e)}`
      findings.push({
        message,
        kind: 'error',
        code: 'bad-report',
        hint: 'Check the scanner step: it must write a complete SARIF 2.1.0, `npm audit --json` (npm 7+) or OSV-Scanner JSON report.',
      })
      reportRows.push([f.path, '?', 'unreadable', '-', '-'])
    }
  }
  return parsed
}

/** What GitHub's dependency review said: the dependencies the PR adds and their vulnerabilities (ok: it was read). */
interface ReviewResult {
  readonly vulns: Vulnerability[]
  readonly added: AddedDependency[]
  readonly ok: boolean
}

async function readDependencyReview(ctx: RuleContext, o: Options, sink: EvidenceSink): Promise<ReviewResult> {
  const none: ReviewResult = { vulns: [], added: [], ok: false }
  if (!o.use_dependency_review) return none
  if (!ctx.evidence.dependencyReview) {
    sink.notes.push('dependency review: not available here')
    return none
  }
  // Dependency review only reports what manifest and lock-file changes add: skip the API call otherwise.
  const touchesDeps = ctx.changes.truncated || ctx.changes.files.some((f) => isManifest(f.path) || f.excluded === 'lockfile')
  if (!touchesDeps) {
    sink.notes.push('dependency review: skipped, no manifest or lock file changed')
    return none
  }
  const r = await ctx.evidence.dependencyReview()
  if (r.ok) {
    sink.notes.push(`dependency review: ${r.data.added.length} added dependencies, ${r.data.vulns.length} vulnerabilities`)
    return { vulns: r.data.vulns, added: r.data.added, ok: true }
  }
  if (r.unavailable)
    sink.findings.push({
      message: `GitHub dependency review is unavailable: ${r.reason}`,
      kind: 'info',
      code: 'dependency-review-unavailable',
    })
  else {
    // An outage is not "nothing added": the dependencies this PR adds were not checked.
    sink.findings.push({
      message: `GitHub dependency review failed, so the dependencies this PR adds were not checked: ${r.reason}`,
      kind: 'error',
      code: 'dependency-review-failed',
      hint: "Re-run the job once GitHub answers; the policy's `on_error` decides what this run concludes.",
    })
    sink.notes.push('dependency review: failed')
  }
  return none
}

async function readDependabotAlerts(ctx: RuleContext, o: Options, sink: EvidenceSink): Promise<{ vulns: Vulnerability[]; ok: boolean }> {
  if (!o.use_dependabot_alerts) return { vulns: [], ok: false }
  if (!ctx.evidence.dependabotAlerts) {
    sink.notes.push('Dependabot alerts: not available here')
    return { vulns: [], ok: false }
  }
  const r = await ctx.evidence.dependabotAlerts()
  if (r.ok) {
    sink.notes.push(`Dependabot: ${r.data.length} open alerts`)
    return { vulns: r.data, ok: true }
  }
  if (r.unavailable)
    sink.findings.push({ message: `Dependabot alerts are unavailable: ${r.reason}`, kind: 'info', code: 'dependabot-unavailable' })
  else {
    sink.findings.push({
      message: `Reading Dependabot alerts failed, so the age of known vulnerabilities was not checked: ${r.reason}`,
      kind: 'error',
      code: 'dependabot-failed',
      hint: "Re-run the job once GitHub answers; the policy's `on_error` decides what this run concludes.",
    })
    sink.notes.push('Dependabot alerts: failed')
  }
  return { vulns: [], ok: false }
}

type Waiver = { id: string; reason: string; until?: string }

/** One row per vulnerability; the findings of those that fail (fail_on, fix SLA) or whose waiver expired. */
function evaluateVulnerabilities(vulns: Vulnerability[], ctx: RuleContext, o: Options, review: ReviewResult, findings: Finding[]): Row[] {
  const failRank = o.fail_on === 'none' ? Infinity : severityRank(o.fail_on as Severity)
  const waivers: Waiver[] = o.ignore.map((w) => ({
    id: normaliseId(w.id),
    reason: w.reason,
    until: dateString((w as { until?: unknown }).until),
  }))
  const rows: Row[] = []
  const expiredReported = new Set<string>()
  for (const v of vulns) {
    const row = vulnerabilityRow(v, ctx, o, review, waivers)
    rows.push(row)
    if (row.waiver && !row.waiver.expired) continue
    findings.push(...vulnerabilityFindings(row, o, failRank, expiredReported))
  }
  return rows
}

/** Origin (introduced / present), age, fix SLA, waiver and where to annotate. */
function vulnerabilityRow(v: Vulnerability, ctx: RuleContext, o: Options, review: ReviewResult, waivers: Waiver[]): Row {
  const decl = findDeclaration(ctx.changes.files, v.package, v.manifest)
  let origin: Origin = v.origin ?? 'unknown'
  if (origin === 'unknown' && decl && !decl.changed) origin = 'introduced'
  if (origin === 'unknown' && review.ok && ctx.mode === 'pull_request') {
    // Dependency review lists every dependency the PR adds: a package it does not list was there before.
    const inReview = review.added.some((a) => a.name.toLowerCase() === v.package.toLowerCase())
    if (!inReview) origin = 'present'
  }
  const ageDays =
    v.firstSeen && !Number.isNaN(Date.parse(v.firstSeen))
      ? Math.max(0, Math.floor((ctx.now.getTime() - Date.parse(v.firstSeen)) / DAY))
      : undefined
  const slaKey: SlaKey | undefined = v.severity === 'unknown' ? undefined : v.severity
  const slaDays = slaKey ? o.fix_within_days[slaKey] : null
  const w = waivers.find((x) => v.aliases.some((a) => a.toLowerCase() === x.id.toLowerCase()))
  const row: Row = { v, origin, ageDays, slaDays, failing: [], annotation: decl ? { path: decl.path, line: decl.line } : undefined }
  if (w) row.waiver = { ...w, expired: waiverExpired(w.until, ctx.now) }
  return row
}

/** The findings of a vulnerability that is not waived: an expired waiver (once per id), fail_on, the fix SLA. */
function vulnerabilityFindings(row: Row, o: Options, failRank: number, expiredReported: Set<string>): Finding[] {
  const { v, origin, ageDays, slaDays } = row
  const findings: Finding[] = []
  const where = row.annotation ? { path: row.annotation.path, line: row.annotation.line } : {}
  const what = `${v.id} (${severityLabel(v.severity)}) in ${v.package}${v.version ? `@${v.version}` : ''}`
  const fix = v.fixedVersion
    ? `Upgrade ${v.package} to ${v.fixedVersion} or later.`
    : 'No fixed version is known: remove or replace the dependency, or waive it with a reason and an expiry.'
  if (row.waiver?.expired && !expiredReported.has(row.waiver.id)) {
    expiredReported.add(row.waiver.id)
    findings.push({
      message: `The waiver for ${row.waiver.id} expired on ${row.waiver.until} and no longer applies (reason given: ${row.waiver.reason}).`,
      hint: `${fix} Or extend \`until\` in the policy if the risk is still accepted.`,
      code: 'waiver-expired',
      ...where,
    })
  }
  const counts = !o.new_only || origin !== 'present'
  if (counts && severityRank(v.severity) >= failRank) {
    row.failing.push('fail_on')
    findings.push({
      message:
        `${what} ` +
        (origin === 'introduced' ? 'is introduced by this PR' : origin === 'present' ? 'is present' : 'is reported (origin unknown)') +
        `, at or above fail_on: ${o.fail_on}.`,
      hint: fix,
      code: 'vulnerability',
      ...where,
    })
  }
  if (ageDays !== undefined && slaDays !== null && slaDays !== undefined && ageDays > slaDays) {
    row.failing.push('sla')
    findings.push({
      message: `${what} has been open for ${ageDays} days, past the ${slaDays}-day fix SLA for ${v.severity} vulnerabilities.`,
      hint: fix,
      code: 'sla-breach',
      ...where,
    })
  }
  return findings
}

/** Added dependencies under a denied license, or outside the allow list (needs dependency review). */
function licenseFindings(ctx: RuleContext, o: Options, review: ReviewResult, notes: string[]): Finding[] {
  const deny = o.licenses.deny
  const allow = o.licenses.allow
  const findings: Finding[] = []
  if ((deny.length || allow.length) && review.added.length) {
    for (const a of review.added) {
      const verdict = licenseVerdict(a.license, deny, allow)
      if (!verdict.denied && !verdict.notAllowed) continue
      const decl = findDeclaration(ctx.changes.files, a.name, a.manifest)
      findings.push({
        message: verdict.denied
          ? `${a.name}@${a.version} (${a.manifest}) is licensed ${a.license}, which the policy denies (${verdict.denied}).`
          : `${a.name}@${a.version} (${a.manifest}) is licensed ${a.license}, which is not in the policy's allow list.`,
        hint: 'Choose a dependency under an allowed license, or get the license approved and update `licenses` in the policy.',
        code: 'license',
        ...(decl ? { path: decl.path, line: decl.line } : {}),
      })
    }
  } else if ((deny.length || allow.length) && !review.ok) notes.push('licenses: not checked (needs dependency review)')
  return findings
}

function dependencyTables(rows: Row[], reportRows: string[][]): RuleTable[] {
  const tables: RuleTable[] = []
  if (rows.length) {
    tables.push({
      title: 'Vulnerabilities by severity',
      columns: ['Severity', 'Advisory', 'Package', 'Installed → fixed', 'Origin', 'Age vs SLA', 'Waiver', 'Found by', 'Advisory URL'],
      rows: rows.map((r) => [
        severityLabel(r.v.severity) + (r.v.cvss !== undefined ? ` (${r.v.cvss})` : ''),
        r.v.id,
        r.v.package,
        `${r.v.version ?? '?'} → ${r.v.fixedVersion ?? 'no fix known'}`,
        originText(r.origin),
        fmtAge(r),
        r.waiver
          ? `${r.waiver.expired ? 'EXPIRED ' : ''}${r.waiver.until ? `until ${r.waiver.until}` : 'no expiry'}: ${r.waiver.reason}`
          : '',
        r.v.sources.join(', '),
        r.v.url ?? advisoryUrl(r.v.id) ?? '',
      ]),
    })
  }
  if (reportRows.length)
    tables.push({ title: 'Reports', columns: ['File', 'Tool', 'Format', 'Vulnerabilities', 'Skipped results'], rows: reportRows })
  return tables
}

export default dependencies
