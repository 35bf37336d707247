/**
 * JaCoCo XML reader (`jacoco:report`, Gradle `jacocoTestReport`). Source paths are `<package name>` (with
 * `/` separators) + `/` + `<sourcefile name>`, i.e. relative to a source root such as `src/main/java`,
 * which the path matcher resolves by suffix. `<group>` elements (multi-module reports) nest packages.
 * A line is executable when it has instructions (`mi + ci > 0`) and covered when `ci > 0`.
 * Packages without classes or source files are normal (the `jacoco-parse` package crashes on them).
 */
import {
  addHits,
  parseCount,
  parseLineNumber,
  type FileCoverage,
  type ParsedReport,
  type ParseOptions,
  type ReportProblem,
  type LineHits,
} from './model.js'
import { attr, children, parseXml, type XmlNode } from './xml.js'

const MAX_PROBLEMS = 20

export function parseJacoco(xml: string, reportPath: string, options: ParseOptions = {}): ParsedReport {
  const keep = options.keep ?? (() => true)
  const result: ParsedReport = { reportPath, format: 'jacoco', files: [], totalFiles: 0, problems: [] }
  const parsed = parseXml(xml, ['group', 'package', 'sourcefile', 'line', 'class'])
  if (!parsed.doc) {
    result.problems.push(parsed.problem)
    return result
  }
  const doc = parsed.doc
  const report = doc['report']
  if (!report || typeof report !== 'object') {
    result.problems.push({ message: 'no <report> root element: not a JaCoCo XML report', element: 'report', fatal: true })
    return result
  }
  const problems: ReportProblem[] = []
  const add = (p: ReportProblem): void => {
    if (problems.length < MAX_PROBLEMS) problems.push(p)
  }
  const byPath = new Map<string, FileCoverage>()
  const visit = (node: XmlNode, where: string): void => {
    children(node, 'group').forEach((g, gi) => {
      visit(g, `${where} > group ${JSON.stringify(attr(g, 'name') ?? `#${gi + 1}`)}`)
    })
    children(node, 'package').forEach((pkg, pi) => {
      const pkgName = attr(pkg, 'name')
      const pwhere = `${where} > package ${pkgName !== undefined ? JSON.stringify(pkgName) : `#${pi + 1}`}`
      if (pkgName === undefined) add({ message: '<package> without a name attribute', element: pwhere, fatal: false })
      children(pkg, 'sourcefile').forEach((sf, si) => {
        const name = attr(sf, 'name')
        const swhere = `${pwhere} > sourcefile ${name ? JSON.stringify(name) : `#${si + 1}`}`
        if (!name) {
          add({ message: '<sourcefile> without a name attribute', element: swhere, fatal: false })
          return
        }
        const path = pkgName ? `${pkgName.replace(/\./g, '/').replace(/\/+$/, '')}/${name}` : name
        result.totalFiles++
        if (!keep(path)) return
        let file = byPath.get(path)
        if (!file) {
          file = { path, lines: new Map() as LineHits }
          byPath.set(path, file)
          result.files.push(file)
        }
        children(sf, 'line').forEach((line, li) => {
          const nr = parseLineNumber(attr(line, 'nr'))
          const mi = parseCount(attr(line, 'mi') ?? '0')
          const ci = parseCount(attr(line, 'ci') ?? '0')
          if (nr === undefined || mi === undefined || ci === undefined) {
            add({
              message:
                `<line> with nr=${JSON.stringify(attr(line, 'nr') ?? null)} mi=${JSON.stringify(attr(line, 'mi') ?? null)}` +
                ` ci=${JSON.stringify(attr(line, 'ci') ?? null)}`,
              element: `${swhere} > line #${li + 1}`,
              fatal: false,
            })
            return
          }
          if (mi + ci === 0) return
          addHits(file.lines, nr, ci)
        })
      })
    })
  }
  visit(report as XmlNode, 'report')
  result.problems.push(...problems)
  return result
}
