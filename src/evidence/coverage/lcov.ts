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
import {
  addHits,
  parseCount,
  parseLineNumber,
  type FileCoverage,
  type ParsedReport,
  type ParseOptions,
  type ReportProblem,
} from './model.js'

const MAX_PROBLEMS = 20

/** Problems found while reading, capped at MAX_PROBLEMS with a count of the rest. */
class ProblemList {
  readonly items: ReportProblem[] = []
  private extra = 0

  add(p: ReportProblem): void {
    if (this.items.length < MAX_PROBLEMS) this.items.push(p)
    else this.extra++
  }

  /** The kept problems plus an "and N more" line when some were dropped. */
  finish(): ReportProblem[] {
    if (this.extra > 0) this.items.push({ message: `and ${this.extra} more problems`, fatal: false })
    return this.items
  }
}

/** The reader's state between lines; `current` is the open SF record (undefined between records). */
interface LcovState {
  readonly keep: (path: string) => boolean
  readonly files: FileCoverage[]
  readonly problems: ProblemList
  totalFiles: number
  current: FileCoverage | undefined
  currentKept: boolean
  currentLine: number
  sawRecord: boolean
}

export function parseLcov(text: string, reportPath: string, options: ParseOptions = {}): ParsedReport {
  const state: LcovState = {
    keep: options.keep ?? (() => true),
    files: [],
    problems: new ProblemList(),
    totalFiles: 0,
    current: undefined,
    currentKept: false,
    currentLine: 0,
    sawRecord: false,
  }
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
    if (readRow(state, row, lineNo) === 'stop') break
  }
  finishRecords(state, lineNo)
  return { reportPath, format: 'lcov', files: state.files, totalFiles: state.totalFiles, problems: state.problems.finish() }
}

/** Reads one non-empty line; 'stop' when the text is not an lcov file at all. */
function readRow(state: LcovState, row: string, lineNo: number): 'next' | 'stop' {
  // Fast path for the bulk of the file.
  if (row.startsWith('DA:')) {
    readLineHits(state, row, lineNo)
    return 'next'
  }
  if (row.startsWith('SF:')) {
    openRecord(state, row, lineNo)
    return 'next'
  }
  if (row === 'end_of_record' || row.trim() === 'end_of_record') {
    if (!state.current) state.problems.add({ message: 'end_of_record without an open SF record', line: lineNo, fatal: false })
    state.current = undefined
    state.currentKept = false
    return 'next'
  }
  const colon = row.indexOf(':')
  if (colon <= 0 || !/^[A-Z]+$/.test(row.slice(0, colon))) {
    const notLcov = !state.sawRecord && lineNo <= 5
    state.problems.add({ message: `not an lcov record: ${JSON.stringify(row.slice(0, 80))}`, line: lineNo, fatal: notLcov })
    if (notLcov) return 'stop'
  }
  return 'next'
}

/** `DA:<line>,<hits>[,<checksum>]`: adds the hits to the open record when the caller keeps its file. */
function readLineHits(state: LcovState, row: string, lineNo: number): void {
  const current = state.current
  if (!current) {
    state.problems.add({ message: 'DA record outside an SF ... end_of_record block', line: lineNo, fatal: false })
    return
  }
  if (!state.currentKept) return
  const body = row.slice(3)
  const comma = body.indexOf(',')
  const ln = comma === -1 ? undefined : parseLineNumber(body.slice(0, comma))
  const rest = comma === -1 ? '' : body.slice(comma + 1)
  const comma2 = rest.indexOf(',')
  const hitsText = comma2 === -1 ? rest : rest.slice(0, comma2)
  // geninfo can write negative counts for gcov oddities; treat them as 0 rather than rejecting the file.
  const hits = hitsText.startsWith('-') && /^-\d+$/.test(hitsText) ? 0 : parseCount(hitsText)
  if (ln === undefined || hits === undefined) {
    const message = `malformed DA record ${JSON.stringify(row.slice(0, 80))} (expected DA:<line>,<hits>)`
    state.problems.add({ message, line: lineNo, fatal: false })
    return
  }
  addHits(current.lines, ln, hits)
}

/** `SF:<path>`: opens a record, noting a previous one left without end_of_record. */
function openRecord(state: LcovState, row: string, lineNo: number): void {
  if (state.current) {
    state.problems.add({
      message: `record for ${JSON.stringify(state.current.path)} (line ${state.currentLine}) has no end_of_record before the next SF`,
      line: lineNo,
      fatal: false,
    })
  }
  const path = row.slice(3).trim()
  if (path === '') {
    state.problems.add({ message: 'SF record with an empty path', line: lineNo, fatal: false })
  }
  state.totalFiles++
  state.sawRecord = true
  const current: FileCoverage = { path, lines: new Map() }
  state.current = current
  state.currentKept = path !== '' && state.keep(path)
  if (state.currentKept) state.files.push(current)
  state.currentLine = lineNo
}

/** The end-of-text problems: a record left open, or no record at all. */
function finishRecords(state: LcovState, lineNo: number): void {
  if (state.current) {
    state.problems.add({
      message: `truncated: the record for ${JSON.stringify(state.current.path)} (from line ${state.currentLine}) has no end_of_record`,
      line: lineNo,
      fatal: false,
    })
  }
  if (!state.sawRecord && !state.problems.items.some((p) => p.fatal)) {
    state.problems.add({ message: 'no SF records: empty or not an lcov tracefile', fatal: true })
  }
}
