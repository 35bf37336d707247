/**
 * critical-path-tests: changed business-critical code comes with tests and with coverage of the changed
 * lines, per critical area (standard: "business-critical paths need tests and coverage on changed code").
 * See docs/rules/critical-path-tests.md.
 */
import type { ChangedFile, Finding, Level, RuleContext, RuleOutput, RuleTable } from '../../types.js'
import { parsePatch, PatchParseError, toRanges } from '../../change/patch.js'
import { filterPaths, matchesAny } from '../../change/glob.js'
import { emptyCoverageIndex, type CoverageIndex, type ParsedReport } from '../../evidence/coverage/model.js'
import { Options, type AreaOptions, type CriticalPathTestsOptions } from './options.js'
import { isTestPath, mappedTests } from './mapping.js'
import { isTrivialLine } from './trivial.js'
import { defineRule } from '../define.js'

export { Options as CriticalPathTestsOptionsSchema } from './options.js'

const RANGES_IN_TABLE = 3

export interface FileChange {
  file: ChangedFile
  /** Head-side lines added or modified, comment/blank lines removed; undefined when the patch is absent. */
  lines?: number[]
  /** Why no test is needed, when none is. */
  skip?: 'removed' | 'rename' | 'trivial' | 'excluded' | 'binary'
  patchError?: string
}

/** Which head lines of a changed file count as changed code, or why the file needs no tests. */
export function analyse(file: ChangedFile): FileChange {
  if (file.status === 'removed') return { file, skip: 'removed' }
  if (file.excluded && file.excluded !== 'no-diff') return { file, skip: 'excluded' }
  if (file.binary) return { file, skip: 'binary' }
  if ((file.status === 'renamed' || file.status === 'copied') && file.additions === 0 && file.deletions === 0)
    return { file, skip: 'rename' }
  if (file.patch === undefined) {
    if (file.additions === 0 && file.deletions === 0 && file.status !== 'added') return { file, skip: 'rename' }
    return { file }
  }
  let hunks
  try {
    hunks = parsePatch(file.patch)
  } catch (e) {
    const msg = e instanceof PatchParseError ? `${e.message} (patch line ${e.patchLine})` : String(e instanceof Error ? e.message : e)
    return { file, patchError: msg }
  }
  const lines: number[] = []
  let meaningful = false
  for (const h of hunks) {
    for (const l of h.lines) {
      if (l.type === ' ') continue
      const trivial = isTrivialLine(file.path, l.text)
      if (!trivial) meaningful = true
      if (l.type === '+' && l.newLine !== undefined && !trivial) lines.push(l.newLine)
    }
  }
  if (!meaningful) return { file, lines, skip: file.status === 'renamed' && hunks.length === 0 ? 'rename' : 'trivial' }
  return { file, lines }
}

function pct(covered: number, executable: number): string {
  const p = (covered / executable) * 100
  return `${Number.isInteger(p) ? p : p.toFixed(1)}%`
}

function rangeText([a, b]: [number, number]): string {
  return a === b ? `${a}` : `${a}-${b}`
}

function firstFew(items: string[], n: number): string {
  if (items.length === 0) return 'none'
  return items.length <= n ? items.join(', ') : `${items.slice(0, n).join(', ')} and ${items.length - n} more`
}

function code(s: string): string {
  return '`' + s.replace(/`/g, "'") + '`'
}

function missingLevel(m: CriticalPathTestsOptions['missing_report']): Level | undefined {
  return m === 'warn' ? 'warn' : undefined
}

interface AreaResult {
  area: AreaOptions
  sources: FileChange[]
  needing: FileChange[]
  testsChanged: string[]
  covered: number
  executable: number
  noData: string[]
  uncovered: Array<{ path: string; ranges: Array<[number, number]> }>
  failedCoverage: boolean
  missingTests: number
}

interface LoadedCoverage {
  index: CoverageIndex
  reports: ParsedReport[]
  /** File extensions seen in any report (a `.yaml` change is not expected in a JS coverage report). */
  extensions: Set<string>
  findings: Finding[]
}

function extOf(p: string): string {
  const base = p.slice(p.replace(/\\/g, '/').lastIndexOf('/') + 1)
  const dot = base.lastIndexOf('.')
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase()
}

async function loadCoverage(ctx: RuleContext, options: CriticalPathTestsOptions, wanted: string[]): Promise<LoadedCoverage> {
  const extensions = new Set<string>()
  const findings: Finding[] = []
  const reports: ParsedReport[] = []
  const files = (await ctx.evidence.findReports(options.coverage)).filter((r) => !/(^|\/)node_modules\//.test(r.path))
  if (files.length === 0) return { index: emptyCoverageIndex(), reports, extensions, findings }
  // The readers, and the XML parser behind Cobertura and JaCoCo, load only when there is a report to read
  // (issue 15: the common path loads no parser).
  const { mergeCoverage, parseReport, PathMatcher } = await import('../../evidence/coverage/index.js')
  const matcher = new PathMatcher(wanted)
  const maxBytes = options.max_report_mb * 1024 * 1024
  for (const rf of files) {
    if (rf.size > maxBytes) {
      findings.push({
        kind: 'error',
        path: rf.path,
        message:
          `Coverage report ${rf.path} is ${(rf.size / 1024 / 1024).toFixed(1)} MiB, ` +
          `above max_report_mb (${options.max_report_mb}); it was not read.`,
        hint: 'Raise `max_report_mb` or narrow the report to the code under test.',
      })
      continue
    }
    let text: string
    try {
      text = await rf.read()
    } catch (e) {
      findings.push({
        kind: 'error',
        path: rf.path,
        message: `Coverage report ${rf.path} could not be read: ${e instanceof Error ? e.message : String(e)}`,
      })
      continue
    }
    const parsed = parseReport(text, rf.path, {
      keep: (p) => {
        extensions.add(extOf(p))
        return matcher.mightMatch(p)
      },
    })
    reports.push(parsed)
    if (parsed.problems.length > 0) {
      const [first, ...rest] = parsed.problems
      const where = first.line !== undefined ? ` at line ${first.line}` : first.element ? ` at ${first.element}` : ''
      const fatal = parsed.problems.some((p) => p.fatal)
      findings.push({
        kind: 'error',
        path: rf.path,
        ...(first.line !== undefined ? { line: first.line } : {}),
        message:
          `Coverage report ${rf.path} (${parsed.format}) ` +
          `is malformed${where}: ${first.message}${fatal ? ' — it was not used.' : ' — the readable part was used.'}`,
        ...(rest.length > 0
          ? {
              hint: `Also: ${rest
                .slice(0, 3)
                .map((p) => (p.line !== undefined ? `line ${p.line}: ` : p.element ? `${p.element}: ` : '') + p.message)
                .join('; ')}${rest.length > 3 ? ` (and ${rest.length - 3} more)` : ''}`,
            }
          : { hint: 'Regenerate the report (a truncated upload or a failed test run often causes this).' }),
      })
    }
  }
  const index = mergeCoverage(reports, matcher)
  return { index, reports, extensions, findings }
}

export const criticalPathTests = defineRule({
  id: 'critical-path-tests',
  description: 'Changed business-critical code comes with tests and with coverage of the changed lines.',
  options: Options,
  defaultLevel: 'fail',
  release: true,
  async evaluate(ctx, options): Promise<RuleOutput> {
    const areas = options.areas
    if (areas.length === 0) return { findings: [], summary: 'No critical areas configured.', applicability: 'not-applicable' }
    const findings: Finding[] = []
    const changed = ctx.changes.files
    const present = changed.filter((f) => f.status !== 'removed')

    // Pass 1: the files of each area and which of them need tests / coverage.
    const results = areaResults(areas, changed, present)
    for (const r of results) {
      for (const s of r.needing) {
        if (s.patchError) {
          findings.push({
            kind: 'error',
            path: s.file.path,
            message: `The patch of ${s.file.path} could not be read: ${s.patchError}; its changed lines are unknown.`,
          })
        }
      }
    }

    // Pass 2: tests changed.
    for (const r of results) findings.push(...missingTestFindings(r, present))

    // Pass 3: diff coverage.
    const coverage = await diffCoverage(ctx, options, results)
    findings.push(...coverage.findings)

    // Table and summary.
    const parts = results
      .filter((r) => r.sources.length > 0)
      .map((r) => {
        const bits: string[] = []
        if (r.missingTests > 0) bits.push('tests missing')
        if (r.executable > 0) bits.push(`${pct(r.covered, r.executable)} ${r.failedCoverage ? '<' : '>='} ${r.area.min_diff_coverage}%`)
        else if (r.noData.length > 0) bits.push('no coverage data')
        if (r.needing.length === 0) bits.push('no code changes needing tests')
        return `${r.area.name}: ${bits.join(', ') || 'ok'}`
      })
    const summary =
      (parts.length === 0 ? `No changes in ${results.length} critical area${results.length === 1 ? '' : 's'}.` : parts.join('; ')) +
      (coverage.summaryNote ? ` (${coverage.summaryNote})` : '') +
      (ctx.changes.truncated ? ` (only ${changed.length} of ${ctx.changes.totalFiles} files listed)` : '')
    return {
      findings,
      summary,
      ...(parts.length === 0 ? { applicability: 'not-applicable' as const } : {}),
      tables: [areaTable(results)],
      data: {
        areas: results.map((r) => ({
          name: r.area.name,
          files: r.sources.map((s) => s.file.path),
          needTests: r.needing.map((s) => s.file.path),
          testsChanged: r.testsChanged,
          covered: r.covered,
          executable: r.executable,
          threshold: r.area.min_diff_coverage,
          noData: r.noData,
        })),
      },
    }
  },
})

/** The changed files of each area, its sources (analysed once each) and which of them need tests, and its changed tests. */
function areaResults(areas: AreaOptions[], changed: readonly ChangedFile[], present: readonly ChangedFile[]): AreaResult[] {
  const analysed = new Map<string, FileChange>()
  const analysis = (f: ChangedFile): FileChange => {
    let a = analysed.get(f.path)
    if (!a) analysed.set(f.path, (a = analyse(f)))
    return a
  }
  return areas.map((area) => {
    const tests = area.tests
    const map = area.test_map
    const inArea = filterPaths(changed, area.include, area.exclude)
    const sources = inArea.filter((f) => !isTestPath(f.path, tests, map)).map(analysis)
    const testsChanged = present.filter((f) => isTestPath(f.path, tests, map)).map((f) => f.path)
    const needing = sources.filter((s) => !s.skip)
    return {
      area,
      sources,
      needing,
      testsChanged,
      covered: 0,
      executable: 0,
      noData: [],
      uncovered: [],
      failedCoverage: false,
      missingTests: 0,
    }
  })
}

/** Sources of an area that requires tests-changed, changed without their mapped test (or any area test); counts them. */
function missingTestFindings(r: AreaResult, present: readonly ChangedFile[]): Finding[] {
  const require = r.area.require
  if (!require.includes('tests-changed') || r.needing.length === 0) return []
  const findings: Finding[] = []
  const map = r.area.test_map
  const tests = r.area.tests
  const unmapped: string[] = []
  for (const s of r.needing) {
    const mapped = mappedTests(s.file.path, map)
    if (!mapped) {
      unmapped.push(s.file.path)
      continue
    }
    if (present.some((f) => matchesAny(f.path, mapped.globs))) continue
    r.missingTests++
    findings.push({
      path: s.file.path,
      ...(s.lines && s.lines.length > 0 ? { line: s.lines[0] } : {}),
      code: 'missing-test',
      message: `${s.file.path} (critical area "${r.area.name}") changed without a change to its test.`,
      hint:
        `Add or update ` +
        `${code(mapped.display[0])}${mapped.display.length > 1 ? ` (or ${mapped.display.slice(1).map(code).join(', ')})` : ''}.`,
    })
  }
  if (unmapped.length === 0) return findings
  if (tests.length === 0) {
    findings.push({
      kind: 'error',
      code: 'no-test-globs',
      message:
        `Area "${r.area.name}" requires tests-changed but ${firstFew(unmapped, 3)} ` +
        `match no test_map entry and the area has no \`tests\` globs.`,
      hint: 'Add `tests` globs or a `test_map` entry for these files to the area in the policy.',
    })
    return findings
  }
  const areaTests = present.filter((f) => matchesAny(f.path, tests))
  if (areaTests.length > 0) return findings
  r.missingTests += unmapped.length
  findings.push({
    code: 'missing-test',
    message:
      `Critical area "${r.area.name}": ${unmapped.length} changed ` +
      `file${unmapped.length === 1 ? '' : 's'} (${firstFew(unmapped, 3)}) and no test changed.`,
    hint: `Add or update a test matching ${tests.map(code).join(' or ')}.`,
  })
  return findings
}

/** The diff coverage of the areas that require it: fills each area's counts and returns the findings. */
async function diffCoverage(
  ctx: RuleContext,
  options: CriticalPathTestsOptions,
  results: AreaResult[],
): Promise<{ findings: Finding[]; summaryNote: string }> {
  const covAreas = results.filter((r) => r.area.require.includes('diff-coverage') && r.needing.length > 0)
  if (covAreas.length === 0) return { findings: [], summaryNote: '' }
  const wanted = [...new Set(covAreas.flatMap((r) => r.needing.map((s) => s.file.path)))]
  const loaded = await loadCoverage(ctx, options, wanted)
  const findings: Finding[] = [...loaded.findings]
  if (loaded.reports.length === 0 && loaded.findings.length === 0) {
    if (options.missing_report !== 'ignore') {
      const missLevel = missingLevel(options.missing_report)
      findings.push({
        code: 'no-coverage-report',
        ...(missLevel ? { level: missLevel } : {}),
        message:
          `No coverage report matched ${options.coverage.map(code).join(', ')}, ` +
          `so the diff coverage of ${covAreas.map((r) => `"${r.area.name}"`).join(', ')} is unknown.`,
        hint:
          'Run the tests with coverage before the gate (e.g. `jest --coverage`, `coverage xml`, ' +
          '`go test -coverprofile=cover.out`) or set `coverage` to where the reports are written.',
      })
    }
    for (const r of covAreas) r.noData = r.needing.map((s) => s.file.path)
    return { findings, summaryNote: 'no coverage report found' }
  }
  const budget: UncoveredBudget = { max: options.max_uncovered_findings, shown: 0, hidden: 0 }
  for (const r of covAreas) findings.push(...areaCoverageFindings(r, loaded, options, budget))
  if (budget.hidden > 0) {
    findings.push({
      code: 'uncovered-lines',
      kind: 'info',
      level: 'notice',
      message: `And ${budget.hidden} more uncovered changed ranges (not annotated; see max_uncovered_findings).`,
    })
  }
  return { findings, summaryNote: '' }
}

/** How many uncovered ranges are annotated (max_uncovered_findings over all areas), and how many were not. */
interface UncoveredBudget {
  readonly max: number
  shown: number
  hidden: number
}

/** One area's coverage: files without data, the threshold, then its uncovered changed ranges (within the budget). */
function areaCoverageFindings(
  r: AreaResult,
  loaded: LoadedCoverage,
  options: CriticalPathTestsOptions,
  budget: UncoveredBudget,
): Finding[] {
  const findings: Finding[] = []
  for (const s of r.needing) {
    const noData = measureFile(r, s, loaded, options)
    if (noData) findings.push(noData)
  }
  const min = r.area.min_diff_coverage
  r.failedCoverage = r.executable > 0 && (r.covered / r.executable) * 100 < min
  if (r.failedCoverage) {
    const worst = [...r.uncovered].sort((a, b) => count(b.ranges) - count(a.ranges)).at(0)
    const mapped = worst ? mappedTests(worst.path, r.area.test_map) : undefined
    findings.push({
      code: 'diff-coverage',
      message:
        `Diff coverage of critical area "${r.area.name}" is ${pct(r.covered, r.executable)} ` +
        `(${r.covered} of ${r.executable} changed executable lines), below the required ${min}%.`,
      hint: worst
        ? `Cover the uncovered changed lines (annotated), starting with ${worst.path}${mapped ? ` in ${code(mapped.display[0])}` : ''}.`
        : 'Cover the uncovered changed lines (annotated).',
    })
  }
  for (const u of r.uncovered) {
    for (const range of u.ranges) {
      if (budget.shown >= budget.max) {
        budget.hidden++
        continue
      }
      budget.shown++
      findings.push({
        code: 'uncovered-lines',
        path: u.path,
        line: range[0],
        ...(range[1] !== range[0] ? { endLine: range[1] } : {}),
        message:
          range[0] === range[1]
            ? `Changed line ${range[0]} is not covered by tests.`
            : `Changed lines ${range[0]}-${range[1]} are not covered by tests.`,
        ...(r.failedCoverage ? {} : { kind: 'info' as const, level: 'notice' as const }),
      })
    }
  }
  return findings
}

/**
 * Adds one changed file's covered and executable lines to its area; a file no report covers is recorded
 * as without data, and returns its finding (none when missing_report is ignore).
 */
function measureFile(r: AreaResult, s: FileChange, loaded: LoadedCoverage, options: CriticalPathTestsOptions): Finding | undefined {
  const path = s.file.path
  const merged = loaded.index.files.get(path)
  if (!merged) {
    const usable = loaded.reports.filter((p) => !p.problems.some((x) => x.fatal))
    // A language none of the reports covers (a YAML file in a JS area) is not "missing".
    if (usable.length > 0 && !loaded.extensions.has(extOf(path))) return undefined
    r.noData.push(path)
    const amb = loaded.index.ambiguous.filter((a) => a.candidates.includes(path))
    if (options.missing_report === 'ignore') return undefined
    const searched = usable.map(
      (p) => `${p.reportPath} (${p.totalFiles} files${(loaded.index.matched.get(p.reportPath) ?? 0) === 0 ? ', no changed file' : ''})`,
    )
    const missLevel = missingLevel(options.missing_report)
    return {
      code: 'no-coverage-data',
      path,
      ...(s.lines && s.lines.length > 0 ? { line: s.lines[0] } : {}),
      ...(missLevel ? { level: missLevel } : {}),
      message:
        amb.length > 0
          ? `${path} could not be told apart in the coverage reports: ` +
            `${amb.map((a) => `${a.reportPath} names ${JSON.stringify(a.path)}, which fits ${a.candidates.join(', ')}`).join('; ')}.`
          : `${path} (critical area "${r.area.name}") is not in any coverage report; ` +
            `searched ${searched.length > 0 ? searched.join(', ') : 'no readable report'}.`,
      hint:
        'Make sure the tests that cover this file run with coverage, ' +
        'and that the report includes it (e.g. jest `collectCoverageFrom`, coverage.py `--source`).',
    }
  }
  // Changed lines; without a patch (too large for GitHub to inline) the whole file counts.
  const lines = s.lines ?? [...merged.lines.keys()]
  const uncoveredLines: number[] = []
  for (const l of lines) {
    const hits = merged.lines.get(l)
    if (hits === undefined) continue
    r.executable++
    if (hits > 0) r.covered++
    else uncoveredLines.push(l)
  }
  if (uncoveredLines.length > 0) r.uncovered.push({ path, ranges: toRanges(uncoveredLines) })
  return undefined
}

function areaTable(results: AreaResult[]): RuleTable {
  return {
    title: 'Critical areas',
    columns: ['Area', 'Files changed', 'Tests changed', 'Diff coverage', 'Threshold', 'Uncovered changed lines'],
    rows: results.map((r) => {
      const require = r.area.require
      const wantsCov = require.includes('diff-coverage')
      const skipped = r.sources.length - r.needing.length
      const files = `${r.sources.length}${skipped > 0 ? ` (${skipped} need no tests)` : ''}`
      const tests =
        r.testsChanged.length > 0
          ? firstFew(r.testsChanged, 3)
          : r.needing.length > 0 && require.includes('tests-changed')
            ? 'none (required)'
            : 'none'
      const cov = !wantsCov
        ? 'not required'
        : r.needing.length === 0
          ? 'n/a'
          : r.executable > 0
            ? `${pct(r.covered, r.executable)} (${r.covered}/${r.executable})` +
              (r.noData.length > 0 ? `, no data for ${r.noData.length} file${r.noData.length === 1 ? '' : 's'}` : '')
            : r.noData.length > 0
              ? `no data (${firstFew(r.noData, 2)})`
              : 'n/a (no executable changed lines)'
      const ranges = r.uncovered.flatMap((u) => u.ranges.map((rg) => `${u.path}:${rangeText(rg)}`))
      return [
        r.area.name,
        files,
        tests,
        cov,
        wantsCov ? `${r.area.min_diff_coverage}%` : '-',
        ranges.length > 0 ? firstFew(ranges, RANGES_IN_TABLE) : '-',
      ]
    }),
  }
}

function count(ranges: Array<[number, number]>): number {
  return ranges.reduce((n, [a, b]) => n + b - a + 1, 0)
}

export default criticalPathTests
