/**
 * SARIF 2.1.0 → code findings (SAST): the results of any tool that name a location in the code (CodeQL,
 * Semgrep, ESLint via @microsoft/eslint-formatter-sarif, Bandit, …). Results that name a GHSA/CVE advisory
 * are dependency vulnerabilities (the `dependencies` rule reads them) and are left out here.
 *
 * Read per result: rule (driver or extension rules, by index or id), level (result, else the rule's
 * defaultConfiguration, else `warning`), `security-severity` (result then rule properties), the first
 * physical location (uri through `uriBaseId`/`originalUriBaseIds`), `baselineState`, `partialFingerprints`,
 * accepted suppressions (skipped), the rule's help text and helpUri, and the tool's name and version.
 */
import { advisoryIdsIn, ReportError } from './model.js'
import { parseJsonReport } from './json-parse.js'
import { isObject, list, textOf } from '../../json.js'

type Obj = Record<string, unknown>
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined)
const text = (v: unknown): string | undefined => (isObject(v) ? (str(v.text) ?? str(v.markdown)) : undefined)

export type SarifLevel = 'error' | 'warning' | 'note' | 'none'

export interface CodeResult {
  tool: string
  toolVersion?: string
  ruleId: string
  ruleName?: string
  /** The rule's short description / help text (plain text, untrusted). */
  help?: string
  helpUri?: string
  message: string
  level: SarifLevel
  /** CVSS-like score from `security-severity`, when given. */
  securitySeverity?: number
  /** Path as the report wrote it, `file://` and `%SRCROOT%` resolved, `./` stripped (may still be absolute). */
  uri?: string
  line?: number
  endLine?: number
  column?: number
  baselineState?: 'new' | 'unchanged' | 'updated' | 'absent'
  fingerprints: Record<string, string>
  /** Report file (or "GitHub code scanning") it came from. */
  report: string
  /** GitHub alert URL, for alerts. */
  url?: string
}

export interface ParsedCodeReport {
  path: string
  tools: string[]
  results: CodeResult[]
  /** Results left out: suppressed, advisories (dependencies), no location. */
  skipped: number
}

function score(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number.parseFloat(v) : NaN
  return Number.isFinite(n) && n > 0 ? n : undefined
}

function level(v: unknown): SarifLevel | undefined {
  return v === 'error' || v === 'warning' || v === 'note' || v === 'none' ? v : undefined
}

function resolveUri(loc: Obj, bases: Obj): string | undefined {
  let uri = str(loc.uri)
  if (!uri) return undefined
  const baseId = str(loc.uriBaseId)
  if (baseId && !/^[a-z]+:/i.test(uri)) {
    const b = bases[baseId]
    const baseUri = isObject(b) ? str(b.uri) : undefined
    if (baseUri && /^file:/i.test(baseUri)) uri = baseUri.replace(/\/?$/, '/') + uri
  }
  let p = uri.replace(/^file:\/\//i, '')
  try {
    p = decodeURIComponent(p)
  } catch {
    /* keep as written */
  }
  return p.replace(/^\.\//, '')
}

/** Parses a SARIF document already known to be SARIF 2.1.0. */
export function parseSarifCode(path: string, doc: Obj): ParsedCodeReport {
  const results: CodeResult[] = []
  const tools: string[] = []
  let skipped = 0
  for (const run of list(doc.runs)) {
    if (!isObject(run)) continue
    const driver = isObject(run.tool) && isObject(run.tool.driver) ? run.tool.driver : undefined
    const tool = str(driver?.name) ?? 'unknown SARIF tool'
    const toolVersion = str(driver?.semanticVersion) ?? str(driver?.version)
    if (!tools.includes(tool)) tools.push(tool)
    const rules = list(driver?.rules).filter(isObject)
    const extRules = isObject(run.tool)
      ? list(run.tool.extensions)
          .filter(isObject)
          .flatMap((e) => list(e.rules).filter(isObject))
      : []
    const bases = isObject(run.originalUriBaseIds) ? run.originalUriBaseIds : {}
    for (const result of list(run.results)) {
      if (!isObject(result)) continue
      if (list(result.suppressions).some((s) => isObject(s) && (s.status === undefined || s.status === 'accepted'))) {
        skipped++
        continue
      }
      const ruleId = str(result.ruleId) ?? (isObject(result.rule) ? str(result.rule.id) : undefined) ?? '(no rule id)'
      const idx =
        typeof result.ruleIndex === 'number'
          ? result.ruleIndex
          : isObject(result.rule) && typeof result.rule.index === 'number'
            ? result.rule.index
            : -1
      const rule =
        (idx >= 0 && idx < rules.length && rules[idx].id === ruleId ? rules[idx] : undefined) ??
        [...rules, ...extRules].find((r) => r.id === ruleId)
      if (advisoryIdsIn(ruleId).length || advisoryIdsIn(str(rule?.helpUri)).length) {
        skipped++ // a dependency advisory: the `dependencies` rule's
        continue
      }
      const props = isObject(result.properties) ? result.properties : {}
      const rprops = isObject(rule?.properties) ? rule.properties : {}
      const loc = list(result.locations).find(isObject)
      const phys = loc && isObject(loc.physicalLocation) ? loc.physicalLocation : undefined
      const art = phys && isObject(phys.artifactLocation) ? phys.artifactLocation : undefined
      const region = phys && isObject(phys.region) ? phys.region : undefined
      const uri = art ? resolveUri(art, bases) : undefined
      if (!uri) {
        skipped++
        continue
      }
      const line = typeof region?.startLine === 'number' && region.startLine > 0 ? region.startLine : undefined
      const endLine = typeof region?.endLine === 'number' && line !== undefined && region.endLine >= line ? region.endLine : line
      const baseline = str(result.baselineState)
      const fps: Record<string, string> = {}
      for (const src of [result.partialFingerprints, result.fingerprints])
        if (isObject(src)) for (const [k, v] of Object.entries(src)) if (typeof v === 'string') fps[k] = v
      const helpText = text(rule?.help) ?? text(rule?.fullDescription) ?? text(rule?.shortDescription)
      const helpUri = str(rule?.helpUri)
      results.push({
        tool,
        toolVersion,
        ruleId,
        ruleName: str(rule?.name),
        help: helpText,
        helpUri: helpUri && /^https?:\/\//i.test(helpUri) ? helpUri : undefined,
        message: text(result.message) ?? text(rule?.shortDescription) ?? ruleId,
        level:
          level(result.level) ?? (isObject(rule?.defaultConfiguration) ? level(rule.defaultConfiguration.level) : undefined) ?? 'warning',
        securitySeverity: score(props['security-severity']) ?? score(rprops['security-severity']),
        uri,
        line,
        endLine,
        column: typeof region?.startColumn === 'number' ? region.startColumn : undefined,
        baselineState:
          baseline === 'new' || baseline === 'unchanged' || baseline === 'updated' || baseline === 'absent' ? baseline : undefined,
        fingerprints: fps,
        report: path,
      })
    }
  }
  return { path, tools, results, skipped }
}

/** Reads a SARIF report for code findings; anything that is not SARIF 2.1.0 throws ReportError naming the file. */
export function parseCodeReport(path: string, content: string): ParsedCodeReport {
  const doc = parseJsonReport(path, content)
  if (!isObject(doc) || !Array.isArray(doc.runs)) {
    const keys = isObject(doc) ? Object.keys(doc).slice(0, 5).join(', ') || 'none' : Array.isArray(doc) ? 'an array' : String(doc)
    throw new ReportError(path, `${path} is not a SARIF report: no \`runs\` array (top-level: ${keys})`)
  }
  if (doc.version !== '2.1.0')
    throw new ReportError(path, `${path}: SARIF version ${textOf(doc.version, '(none)')} is not supported (expected 2.1.0)`)
  return parseSarifCode(path, doc)
}

/** A GitHub code-scanning alert (list-alerts-for-repo item) → CodeResult; undefined when it has no location. */
export function alertResult(raw: unknown): CodeResult | undefined {
  if (!isObject(raw) || !isObject(raw.rule)) return undefined
  const rule = raw.rule
  const inst = isObject(raw.most_recent_instance) ? raw.most_recent_instance : {}
  const loc = isObject(inst.location) ? inst.location : {}
  const path = str(loc.path)
  if (!path) return undefined
  const tool = isObject(raw.tool) ? raw.tool : {}
  const sec = str(rule.security_severity_level)
  const secScore = sec === 'critical' ? 9.5 : sec === 'high' ? 8 : sec === 'medium' ? 5.5 : sec === 'low' ? 2 : undefined
  const line = typeof loc.start_line === 'number' && loc.start_line > 0 ? loc.start_line : undefined
  const helpUri = str(rule.help_uri)
  return {
    tool: str(tool.name) ?? 'GitHub code scanning',
    toolVersion: str(tool.version),
    ruleId: str(rule.id) ?? str(rule.name) ?? '(no rule id)',
    ruleName: str(rule.name),
    help: str(rule.help) ?? str(rule.full_description) ?? str(rule.description),
    helpUri: helpUri && /^https?:\/\//i.test(helpUri) ? helpUri : undefined,
    message: (isObject(inst.message) ? str(inst.message.text) : undefined) ?? str(rule.description) ?? 'code-scanning alert',
    level: level(rule.severity) ?? 'warning',
    securitySeverity: secScore,
    uri: path,
    line,
    endLine: typeof loc.end_line === 'number' && line !== undefined && loc.end_line >= line ? loc.end_line : line,
    column: typeof loc.start_column === 'number' ? loc.start_column : undefined,
    fingerprints: {},
    report: 'GitHub code scanning',
    url: str(raw.html_url),
  }
}
