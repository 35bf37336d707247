/**
 * Reads one scanner report: detects the format from its content (not its name), parses it into the shared
 * Vulnerability model, and throws ReportError naming the file (and the JSON position) for anything it
 * cannot use. A broken report must never read as "no vulnerabilities".
 */
import { parseJsonReport } from './json-parse.js'
import { textOf } from '../../json.js'
import { ReportError, type ParsedReport } from './model.js'
import { looksLikeNpmAudit, looksLikeNpmAuditV1, looksLikeNpmError, parseNpmAudit } from './npm-audit.js'
import { looksLikeOsv, parseOsv } from './osv.js'
import { looksLikeSarif, parseSarif } from './sarif.js'

export * from './model.js'
export { parseJsonReport, findJsonError, lineColumn } from './json-parse.js'
export { parseSarif } from './sarif.js'
export { parseNpmAudit } from './npm-audit.js'
export { parseOsv } from './osv.js'

export function parseReport(path: string, text: string): ParsedReport {
  const doc = parseJsonReport(path, text)
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new ReportError(
      path,
      `${path} is not a SARIF / npm audit / OSV-Scanner report: ` +
        `the JSON is ${Array.isArray(doc) ? 'an array' : doc === null ? 'null' : typeof doc}, not an object`,
    )
  }
  const o = doc as Record<string, unknown>
  if (looksLikeSarif(o)) {
    if (o.version !== undefined && o.version !== '2.1.0')
      throw new ReportError(path, `${path}: SARIF version ${textOf(o.version, 'null')} is not supported (expected 2.1.0)`)
    return parseSarif(path, o)
  }
  if (looksLikeNpmAudit(o)) return parseNpmAudit(path, o)
  if (looksLikeNpmAuditV1(o))
    throw new ReportError(
      path,
      `${path} is an npm 6 audit report (advisories): run npm 7 or later, whose \`npm audit --json\` writes auditReportVersion 2`,
    )
  if (looksLikeNpmError(o)) throw new ReportError(path, `${path}: npm audit did not run: ${String(o.message)}`)
  if (looksLikeOsv(o)) return parseOsv(path, o)
  const keys = Object.keys(o).slice(0, 5)
  throw new ReportError(
    path,
    `${path} is not a SARIF / npm audit / OSV-Scanner report (top-level keys: ${keys.length ? keys.join(', ') : 'none'})`,
  )
}
