/**
 * `npm audit --json` (npm 7+, auditReportVersion 2) → Vulnerability. One record per advisory that a
 * package is itself affected by (`via` entries that are objects); packages listed only because a dependency
 * is vulnerable (`via` of names) are not separate advisories. The report does not state installed versions:
 * `nodes` (lockfile paths) are kept so the rule can resolve them from package-lock.json. The npm 6 format
 * (`advisories`) and npm's own error object (audit endpoint failure) are reported, not guessed at.
 */
import { advisoryIdsIn, ReportError, severityFromWord, type ParsedReport, type Vulnerability } from './model.js'
import { isObject, textOf } from '../../json.js'

type Obj = Record<string, unknown>

export function looksLikeNpmAudit(doc: unknown): boolean {
  return isObject(doc) && (doc.auditReportVersion !== undefined || (isObject(doc.vulnerabilities) && isObject(doc.metadata)))
}
export function looksLikeNpmAuditV1(doc: unknown): boolean {
  return isObject(doc) && isObject(doc.advisories) && isObject(doc.metadata)
}
/** The object `npm audit --json` prints when the audit itself failed (e.g. the endpoint answered 405). */
export function looksLikeNpmError(doc: unknown): boolean {
  return isObject(doc) && typeof doc.message === 'string' && (typeof doc.statusCode === 'number' || isObject(doc.error)) && !('runs' in doc)
}

export function parseNpmAudit(path: string, doc: Obj): ParsedReport {
  if (doc.auditReportVersion !== undefined && doc.auditReportVersion !== 2) {
    throw new ReportError(
      path,
      `${path}: npm audit report version ${textOf(doc.auditReportVersion, 'null')} ` +
        `is not supported (expected auditReportVersion 2, npm 7 or later)`,
    )
  }
  const vulns: Vulnerability[] = []
  const entries = isObject(doc.vulnerabilities) ? doc.vulnerabilities : {}
  for (const [key, raw] of Object.entries(entries)) {
    if (!isObject(raw)) continue
    const name = typeof raw.name === 'string' ? raw.name : key
    const nodes = Array.isArray(raw.nodes) ? raw.nodes.filter((n): n is string => typeof n === 'string') : undefined
    const fix = raw.fixAvailable
    const fixedVersion = isObject(fix) && fix.name === name && typeof fix.version === 'string' ? fix.version : undefined
    for (const via of Array.isArray(raw.via) ? raw.via : []) {
      if (!isObject(via)) continue // a name: vulnerable through that dependency, which has its own entry
      const url = typeof via.url === 'string' ? via.url : undefined
      const ids = advisoryIdsIn(url)
      const source = via.source !== undefined ? `npm-advisory-${textOf(via.source, 'null')}` : undefined
      const aliases = [...ids, ...(source ? [source] : [])]
      const cvss = isObject(via.cvss) && typeof via.cvss.score === 'number' && via.cvss.score > 0 ? via.cvss.score : undefined
      vulns.push({
        id: aliases[0] ?? `${name} (npm audit)`,
        aliases: aliases.length ? aliases : [`${name} (npm audit)`],
        package: typeof via.name === 'string' ? via.name : name,
        fixedVersion,
        ecosystem: 'npm',
        severity:
          severityFromWord(typeof via.severity === 'string' ? via.severity : undefined) ??
          severityFromWord(String(raw.severity)) ??
          'unknown',
        cvss,
        title: typeof via.title === 'string' ? via.title : undefined,
        url,
        nodes,
        sources: ['npm audit'],
        reports: [path],
      })
    }
  }
  return { path, format: 'npm-audit', tool: 'npm audit', vulnerabilities: vulns, skipped: 0 }
}
