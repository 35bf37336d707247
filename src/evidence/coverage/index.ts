/**
 * Coverage evidence: detect a report's format from its content, parse it, and merge several reports into
 * line hits per changed file. Formats: lcov, Cobertura XML, JaCoCo XML, Istanbul coverage-final.json, Go
 * cover profiles.
 */
import { parseCobertura } from './cobertura.js'
import { parseGoCover } from './gocover.js'
import { parseIstanbulJson } from './istanbul.js'
import { parseJacoco } from './jacoco.js'
import { parseLcov } from './lcov.js'
import { emptyCoverageIndex, type CoverageFormat, type CoverageIndex, type ParsedReport, type ParseOptions } from './model.js'
import { PathMatcher } from './paths.js'

export * from './model.js'
export { PathMatcher, normalizePath } from './paths.js'
export { parseLcov, parseCobertura, parseJacoco, parseIstanbulJson, parseGoCover }

/** Format from the first bytes (file names lie: `coverage.xml` is Cobertura or JaCoCo, `cover.out` anything). */
export function detectFormat(text: string): CoverageFormat | undefined {
  const head = text
    .slice(0, 4096)
    .replace(/^\uFEFF/, '')
    .trimStart()
  if (head.startsWith('<')) {
    // Skip the prolog, comments and DOCTYPE: the first element name decides.
    const m = /<([A-Za-z_][\w.-]*)[\s>/]/.exec(head.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, ''))
    if (m?.[1] === 'coverage') return 'cobertura'
    if (m?.[1] === 'report') return 'jacoco'
    return undefined
  }
  if (head.startsWith('{')) return 'istanbul'
  if (head.startsWith('mode:')) return 'go'
  if (/^(TN|SF|VER):/m.test(head)) return 'lcov'
  return undefined
}

export function parseReport(text: string, reportPath: string, options: ParseOptions = {}): ParsedReport {
  const format = detectFormat(text)
  switch (format) {
    case 'lcov':
      return parseLcov(text, reportPath, options)
    case 'cobertura': {
      const r = parseCobertura(text, reportPath, options)
      if (r.totalFiles === 0 && r.problems.length === 0 && /<project[\s>]/.test(text.slice(0, 4096)) && !/<packages[\s>]/.test(text)) {
        r.problems.push({
          message: 'this looks like a Clover report (<coverage><project>), which is not supported: write lcov or Cobertura instead',
          element: 'coverage > project',
          fatal: true,
        })
      }
      return r
    }
    case 'jacoco':
      return parseJacoco(text, reportPath, options)
    case 'istanbul':
      return parseIstanbulJson(text, reportPath, options)
    case 'go':
      return parseGoCover(text, reportPath, options)
    default:
      return {
        reportPath,
        format: 'unknown',
        files: [],
        totalFiles: 0,
        problems: [
          text.trim() === ''
            ? { message: 'the report is empty', fatal: true }
            : {
                message: 'unrecognised coverage format (expected lcov, Cobertura or JaCoCo XML, Istanbul JSON, or a Go cover profile)',
                line: 1,
                fatal: true,
              },
        ],
      }
  }
}

/**
 * Merges parsed reports onto the changed paths. Hits add up across reports and records: a line is
 * executable when any report lists it, covered when any report saw it run.
 */
export function mergeCoverage(reports: readonly ParsedReport[], matcher: PathMatcher): CoverageIndex {
  const index = emptyCoverageIndex()
  for (const report of reports) {
    const results = matcher.matchAll(report.reportPath, report.files)
    const found = new Set<string>()
    results.forEach((res, i) => {
      const file = report.files[i]
      if (res.kind === 'ambiguous') {
        index.ambiguous.push({ reportPath: report.reportPath, path: file.path, candidates: res.candidates })
        return
      }
      if (res.kind !== 'match') return
      found.add(res.path)
      let merged = index.files.get(res.path)
      if (!merged) {
        merged = { lines: new Map(), reports: [] }
        index.files.set(res.path, merged)
      }
      if (!merged.reports.includes(report.reportPath)) merged.reports.push(report.reportPath)
      for (const [line, hits] of file.lines) merged.lines.set(line, (merged.lines.get(line) ?? 0) + hits)
    })
    index.matched.set(report.reportPath, found.size)
  }
  return index
}
