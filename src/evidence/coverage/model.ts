/**
 * The coverage model every parser produces: per source file, the executable lines and their hit counts.
 * Lines absent from `lines` are not executable. Paths are as written in the report (after joining a
 * Cobertura `<source>` root or a JaCoCo package); matching them to repository paths is `paths.ts`'s job.
 */

export type CoverageFormat = 'lcov' | 'cobertura' | 'jacoco' | 'istanbul' | 'go'

/** Line number -> hit count (0 = executable, not covered). */
export type LineHits = Map<number, number>

export interface FileCoverage {
  /** The path as the report names it (absolute, relative to some root, or a Go import path). */
  path: string
  /**
   * Roots the report says `path` is relative to (Cobertura `<sources>`); the matcher tries each of them
   * joined with `path`, then `path` alone.
   */
  roots?: string[]
  lines: LineHits
}

/** Something wrong with a report: where (1-based line of the report text, or an element path) and what. */
export interface ReportProblem {
  message: string
  /** 1-based line in the report file, when the format gives one. */
  line?: number
  /** For XML/JSON: the element or key that is wrong, e.g. `package "com/acme" > sourcefile #2`. */
  element?: string
  /**
   * True when the report could not be used at all (not parseable); false when some records were skipped
   * and the rest was used.
   */
  fatal: boolean
}

export interface ParsedReport {
  /** Path of the report file in the workspace. */
  reportPath: string
  format: CoverageFormat | 'unknown'
  /** Files kept (those the caller asked for, see ParseOptions.keep). */
  files: FileCoverage[]
  /** Number of source files the report describes (kept or not). */
  totalFiles: number
  problems: ReportProblem[]
}

export interface ParseOptions {
  /**
   * Called with each source path in the report; files for which it returns false are counted but not kept.
   * Lets a 10,000-file report be parsed for a 5-file PR without holding 10,000 line maps.
   */
  keep?: (reportedPath: string) => boolean
}

/** Adds `hits` to line `line` of `map` (several records for one line add up). */
export function addHits(map: LineHits, line: number, hits: number): void {
  const prev = map.get(line)
  map.set(line, prev === undefined ? hits : prev + hits)
}

/** Parses a non-negative integer hit count; lcov and Cobertura may write large counts or floats like "1.0". */
export function parseCount(text: string | undefined): number | undefined {
  if (text === undefined) return undefined
  const t = text.trim()
  if (!/^\d+(\.\d+)?(e\+?\d+)?$/i.test(t)) return undefined
  const n = Number(t)
  return Number.isFinite(n) ? n : undefined
}

/** Parses a positive integer line number. */
export function parseLineNumber(text: string | undefined): number | undefined {
  if (text === undefined) return undefined
  const t = text.trim()
  if (!/^\d+$/.test(t)) return undefined
  const n = Number(t)
  return n >= 1 && Number.isSafeInteger(n) ? n : undefined
}

export interface MergedFile {
  lines: LineHits
  /** Report paths that described this file. */
  reports: string[]
}

export interface CoverageIndex {
  /** Changed path -> merged line hits (a line is covered when any report covered it). */
  files: Map<string, MergedFile>
  /** Report path -> number of changed files found in it. */
  matched: Map<string, number>
  /** Reported paths that fit several changed files. */
  ambiguous: Array<{ reportPath: string; path: string; candidates: string[] }>
}

/** An index with no file: what a run without a coverage report starts from (and what merging starts from). */
export function emptyCoverageIndex(): CoverageIndex {
  return { files: new Map(), matched: new Map(), ambiguous: [] }
}
