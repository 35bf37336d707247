/**
 * Istanbul `coverage-final.json` reader (jest `--coverageReporters=json`, nyc, c8 `--reporter=json`).
 * Line hits are derived the way istanbul-lib-coverage's `getLineCoverage()` does: each statement counts on
 * its start line, the line's hits being the highest count of the statements starting there. Accepts the
 * older `{ path: { data: {...} } }` wrapping.
 */
import { findJsonError, lineColumn } from '../scanners/json-parse.js'
import { type FileCoverage, type ParsedReport, type ParseOptions, type ReportProblem } from './model.js'
import { isObject } from '../../json.js'

const MAX_PROBLEMS = 20

/** 1-based line of a character offset. */
function lineOf(text: string, offset: number): number {
  let line = 1
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++
  return line
}

function jsonErrorLine(text: string, message: string): number | undefined {
  const lc = /line (\d+) column (\d+)/.exec(message)
  if (lc) return Number(lc[1])
  const pos = /position (\d+)/.exec(message)
  if (pos) return lineOf(text, Number(pos[1]))
  return undefined
}

export function parseIstanbulJson(json: string, reportPath: string, options: ParseOptions = {}): ParsedReport {
  const keep = options.keep ?? (() => true)
  const result: ParsedReport = { reportPath, format: 'istanbul', files: [], totalFiles: 0, problems: [] }
  let doc: unknown
  // Reporters on Windows (PowerShell redirection) write a UTF-8 BOM, which JSON.parse rejects.
  if (json.charCodeAt(0) === 0xfeff) json = json.slice(1)
  try {
    doc = JSON.parse(json)
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e)
    // V8 gives no position for `Unexpected token 'x', "..." is not valid JSON` nor for a truncated file.
    const line = jsonErrorLine(json, msg) ?? lineColumn(json, findJsonError(json).offset).line
    result.problems.push({ message: `not valid JSON (truncated?): ${msg}`, line, fatal: true })
    return result
  }
  if (!isObject(doc)) {
    result.problems.push({ message: 'top level is not an object of file coverage: not an Istanbul coverage-final.json', fatal: true })
    return result
  }
  const problems: ReportProblem[] = []
  for (const [key, raw] of Object.entries(doc)) {
    const entry = isObject(raw) && isObject(raw['data']) && !('statementMap' in raw) ? raw['data'] : raw
    if (!isObject(entry) || !isObject(entry['statementMap']) || !isObject(entry['s'])) {
      if (problems.length < MAX_PROBLEMS)
        problems.push({ message: `entry has no statementMap/s objects`, element: JSON.stringify(key), fatal: false })
      continue
    }
    const path = typeof entry['path'] === 'string' && entry['path'] !== '' ? entry['path'] : key
    result.totalFiles++
    if (!keep(path)) continue
    const file: FileCoverage = { path, lines: new Map() }
    const statementMap = entry['statementMap']
    for (const [id, count] of Object.entries(entry['s'])) {
      const loc = statementMap[id]
      const start = isObject(loc) && isObject(loc['start']) ? loc['start']['line'] : undefined
      if (typeof start !== 'number' || !Number.isInteger(start) || start < 1 || typeof count !== 'number' || count < 0) {
        if (problems.length < MAX_PROBLEMS)
          problems.push({
            message: `statement ${JSON.stringify(id)} has no valid start line or count`,
            element: `${JSON.stringify(path)} > s.${id}`,
            fatal: false,
          })
        continue
      }
      const prev = file.lines.get(start)
      if (prev === undefined || prev < count) file.lines.set(start, count)
    }
    result.files.push(file)
  }
  result.problems.push(...problems)
  return result
}
