/**
 * lcov tracefile reader (`lcov.info`, written by Istanbul/c8/jest, lcov/geninfo, grcov, cargo-llvm-cov, ...).
 *
 * Hand-written on purpose rather than `lcov-parse`: that package is unmaintained (last release 2019),
 * materialises every record and every DA/BRDA line as objects and splits the whole text into an array.
 * This reader walks the text once with indexOf, keeps only DA (line hits) and only for the files the
 * caller wants, so a 50 MB tracefile costs the string plus the kept maps. The format is line-based
 * (geninfo(1) "TRACEFILE FORMAT"): `SF:<path>` opens a record, `DA:<line>,<hits>[,<checksum>]` gives line
 * hits, `end_of_record` closes it; other keys (TN, FN, FNDA, FNF, FNH, BRDA, BRF, BRH, LF, LH, VER, FNL,
 * FNA) are accepted and ignored.
 */
import { addHits, parseCount, parseLineNumber, type FileCoverage, type ParsedReport, type ParseOptions, type ReportProblem } from './model.js'

const MAX_PROBLEMS = 20

export function parseLcov(text: string, reportPath: string, options: ParseOptions = {}): ParsedReport {
  const keep = options.keep ?? (() => true)
  const files: FileCoverage[] = []
  const problems: ReportProblem[] = []
  let extraProblems = 0
  const problem = (p: ReportProblem): void => {
    if (problems.length < MAX_PROBLEMS) problems.push(p)
    else extraProblems++
  }
  let totalFiles = 0
  let current: FileCoverage | undefined
  let currentKept = false
  let currentLine = 0
  let open = false
  let sawRecord = false
  let pos = 0
  let lineNo = 0
  const len = text.length
  // Skip a UTF-8 BOM.
  if (text.charCodeAt(0) === 0xfeff) pos = 1
  while (pos < len) {
    let end = text.indexOf('\n', pos)
    if (end === -1) end = len
    lineNo++
    let row = text.slice(pos, end)
    pos = end + 1
    if (row.endsWith('\r')) row = row.slice(0, -1)
    if (row.length === 0) continue
    // Fast path for the bulk of the file.
    if (row.startsWith('DA:')) {
      if (!open) {
        problem({ message: 'DA record outside an SF ... end_of_record block', line: lineNo, fatal: false })
        continue
      }
      if (!currentKept) continue
      const body = row.slice(3)
      const comma = body.indexOf(',')
      const ln = comma === -1 ? undefined : parseLineNumber(body.slice(0, comma))
      const rest = comma === -1 ? '' : body.slice(comma + 1)
      const comma2 = rest.indexOf(',')
      const hitsText = comma2 === -1 ? rest : rest.slice(0, comma2)
      // geninfo can write negative counts for gcov oddities; treat them as 0 rather than rejecting the file.
      const hits = hitsText.startsWith('-') && /^-\d+$/.test(hitsText) ? 0 : parseCount(hitsText)
      if (ln === undefined || hits === undefined) {
        problem({ message: `malformed DA record ${JSON.stringify(row.slice(0, 80))} (expected DA:<line>,<hits>)`, line: lineNo, fatal: false })
        continue
      }
      addHits(current!.lines, ln, hits)
      continue
    }
    if (row.startsWith('SF:')) {
      if (open) {
        problem({ message: `record for ${JSON.stringify(current!.path)} (line ${currentLine}) has no end_of_record before the next SF`, line: lineNo, fatal: false })
      }
      const path = row.slice(3).trim()
      if (path === '') {
        problem({ message: 'SF record with an empty path', line: lineNo, fatal: false })
      }
      totalFiles++
      sawRecord = true
      current = { path, lines: new Map() }
      currentKept = path !== '' && keep(path)
      if (currentKept) files.push(current)
      currentLine = lineNo
      open = true
      continue
    }
    if (row === 'end_of_record' || row.trim() === 'end_of_record') {
      if (!open) problem({ message: 'end_of_record without an open SF record', line: lineNo, fatal: false })
      open = false
      current = undefined
      currentKept = false
      continue
    }
    const colon = row.indexOf(':')
    if (colon <= 0 || !/^[A-Z]+$/.test(row.slice(0, colon))) {
      problem({ message: `not an lcov record: ${JSON.stringify(row.slice(0, 80))}`, line: lineNo, fatal: !sawRecord && lineNo <= 5 })
      if (!sawRecord && lineNo <= 5) break // not an lcov file at all
    }
  }
  if (open && current) {
    problem({ message: `truncated: the record for ${JSON.stringify(current.path)} (from line ${currentLine}) has no end_of_record`, line: lineNo, fatal: false })
  }
  if (!sawRecord && !problems.some((p) => p.fatal)) {
    problem({ message: 'no SF records: empty or not an lcov tracefile', fatal: true })
  }
  if (extraProblems > 0) problems.push({ message: `and ${extraProblems} more problems`, fatal: false })
  return { reportPath, format: 'lcov', files, totalFiles, problems }
}
