/**
 * Cobertura XML reader (coverage.py `coverage xml`, Istanbul/c8/jest `cobertura`, gcovr, Coverlet, ...).
 * Uses the class-level `<lines>` (method-level `<lines>` repeat them). `filename` is relative to one of
 * the `<sources><source>` roots (often absolute paths of the CI checkout), which are kept as `roots`.
 */
import {
  addHits,
  parseCount,
  parseLineNumber,
  type FileCoverage,
  type ParsedReport,
  type ParseOptions,
  type ReportProblem,
} from './model.js'
import { attr, children, parseXml, text } from './xml.js'

const MAX_PROBLEMS = 20

export function parseCobertura(xml: string, reportPath: string, options: ParseOptions = {}): ParsedReport {
  const keep = options.keep ?? (() => true)
  const result: ParsedReport = { reportPath, format: 'cobertura', files: [], totalFiles: 0, problems: [] }
  const parsed = parseXml(xml, ['source', 'package', 'class', 'line'])
  if (!parsed.doc) {
    result.problems.push(parsed.problem)
    return result
  }
  const doc = parsed.doc
  const coverage = doc['coverage']
  if (!coverage || typeof coverage !== 'object') {
    result.problems.push({ message: 'no <coverage> root element: not a Cobertura report', element: 'coverage', fatal: true })
    return result
  }
  const problems: ReportProblem[] = []
  const add = (p: ReportProblem): void => {
    if (problems.length < MAX_PROBLEMS) problems.push(p)
  }
  const sources = (coverage as Record<string, unknown>)['sources']
  const rawRoots = sources && typeof sources === 'object' ? (sources as Record<string, unknown>)['source'] : undefined
  const roots = (Array.isArray(rawRoots) ? rawRoots : rawRoots === undefined ? [] : [rawRoots])
    .map((s) => text(s).trim())
    .filter((s) => s !== '')
  const byPath = new Map<string, FileCoverage>()
  const seen = new Set<string>()
  const packages = children(children(coverage, 'packages')[0], 'package')
  packages.forEach((pkg, pi) => {
    const pkgName = attr(pkg, 'name') ?? `#${pi + 1}`
    children(children(pkg, 'classes')[0], 'class').forEach((cls, ci) => {
      const where = `package ${JSON.stringify(pkgName)} > class #${ci + 1}`
      const filename = attr(cls, 'filename')?.trim()
      if (!filename) {
        add({ message: `<class> without a filename attribute`, element: where, fatal: false })
        return
      }
      if (!seen.has(filename)) {
        seen.add(filename)
        result.totalFiles++
      }
      if (!keep(filename)) return
      let file = byPath.get(filename)
      if (!file) {
        file = { path: filename, lines: new Map(), ...(roots.length > 0 ? { roots } : {}) }
        byPath.set(filename, file)
        result.files.push(file)
      }
      children(children(cls, 'lines')[0], 'line').forEach((line, li) => {
        const n = parseLineNumber(attr(line, 'number'))
        const hits = parseCount(attr(line, 'hits'))
        if (n === undefined || hits === undefined) {
          add({
            message:
              `<line> with number=${JSON.stringify(attr(line, 'number') ?? null)} hits=${JSON.stringify(attr(line, 'hits') ?? null)}` +
              ` in ${JSON.stringify(filename)}`,
            element: `${where} > line #${li + 1}`,
            fatal: false,
          })
          return
        }
        addHits(file.lines, n, hits)
      })
    })
  })
  result.problems.push(...problems)
  return result
}
