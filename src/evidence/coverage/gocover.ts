/**
 * Go cover profile reader (`go test -coverprofile=cover.out`). Format (golang.org/x/tools/cover): a first
 * line `mode: set|count|atomic`, then one block per line:
 *   `<import path>/<file>.go:<startLine>.<startCol>,<endLine>.<endCol> <numStmts> <count>`
 * A block makes every line from startLine to endLine executable; a line's hits are the highest count of the
 * blocks touching it (so a line shared by a covered and an uncovered block counts as covered, as in
 * Codecov). Profiles concatenated from several packages (repeated `mode:` lines) are accepted. File paths
 * are import paths (`example.com/shop/payments/charge.go`), matched to the repository by suffix.
 */
import { parseLineNumber, type FileCoverage, type ParsedReport, type ParseOptions, type ReportProblem } from './model.js'

const MAX_PROBLEMS = 20
const BLOCK = /^(.+):(\d+)\.(\d+),(\d+)\.(\d+) (\d+) (\d+)$/
/**
 * A block is one basic block of one Go file; every line of it is stored. A block claiming more lines than
 * any real one (`a.go:1.1,99999999.1 1 1`) would exhaust the Map (RangeError) or stall the gate: malformed.
 */
const MAX_BLOCK_LINES = 100_000

export function parseGoCover(text: string, reportPath: string, options: ParseOptions = {}): ParsedReport {
  const keep = options.keep ?? (() => true)
  const result: ParsedReport = { reportPath, format: 'go', files: [], totalFiles: 0, problems: [] }
  const problems: ReportProblem[] = []
  const add = (p: ReportProblem): void => {
    if (problems.length < MAX_PROBLEMS) problems.push(p)
  }
  const byPath = new Map<string, FileCoverage | null>()
  let pos = 0
  let lineNo = 0
  let sawMode = false
  while (pos < text.length) {
    let end = text.indexOf('\n', pos)
    if (end === -1) end = text.length
    lineNo++
    const row = text.slice(pos, end).replace(/\r$/, '')
    pos = end + 1
    if (row.trim() === '') continue
    if (row.startsWith('mode:')) {
      const mode = row.slice(5).trim()
      if (!['set', 'count', 'atomic'].includes(mode))
        add({ message: `unknown cover mode ${JSON.stringify(mode)}`, line: lineNo, fatal: false })
      sawMode = true
      continue
    }
    if (!sawMode) {
      result.problems.push({ message: 'first line is not "mode: set|count|atomic": not a Go cover profile', line: lineNo, fatal: true })
      return result
    }
    const m = BLOCK.exec(row)
    const startLine = m ? parseLineNumber(m[2]) : undefined
    const endLine = m ? parseLineNumber(m[4]) : undefined
    if (!m || startLine === undefined || endLine === undefined || endLine < startLine || endLine - startLine >= MAX_BLOCK_LINES) {
      add({
        message: `malformed block ${JSON.stringify(row.slice(0, 100))} (expected file:l.c,l.c stmts count)`,
        line: lineNo,
        fatal: false,
      })
      continue
    }
    const path = m[1]
    let file = byPath.get(path)
    if (file === undefined) {
      result.totalFiles++
      file = keep(path) ? { path, lines: new Map() } : null
      byPath.set(path, file)
      if (file) result.files.push(file)
    }
    if (!file || Number(m[6]) === 0) continue
    const count = Number(m[7])
    for (let l = startLine; l <= endLine; l++) {
      const prev = file.lines.get(l)
      if (prev === undefined || prev < count) file.lines.set(l, count)
    }
  }
  if (!sawMode) result.problems.push({ message: 'empty: no "mode:" line, not a Go cover profile', fatal: true })
  result.problems.push(...problems)
  return result
}
