import { braceExpand, Minimatch, type MinimatchOptions } from 'minimatch'
import { FormatRegistry } from '@sinclair/typebox'
import { spend } from '../policy/budget.js'

/** One set of minimatch options for every glob in the project: dotfiles match, paths are POSIX. */
export const GLOB_OPTIONS: MinimatchOptions = { dot: true, nocomment: true, nonegate: false }

/** Most alternatives one glob may expand to (`{a,b}` is 2, `{a,b}{c,d}` is 4). */
export const MAX_GLOB_ALTERNATIVES = 256
/** Longest glob accepted (characters). */
export const MAX_GLOB_LENGTH = 1000

export interface GlobProblem {
  message: string
  /** Index in the glob where the problem is, when known. */
  offset?: number
}

/** Why `glob` is not acceptable (too long, or expanding to too many alternatives), or undefined. */
export function globProblem(glob: string): GlobProblem | undefined {
  if (glob.length > MAX_GLOB_LENGTH) return { message: `glob longer than ${MAX_GLOB_LENGTH} characters (${glob.length})` }
  if (!glob.includes('{')) return undefined
  // Expands at most one alternative past the cap: the cost of the check is bounded by the cap.
  const n = braceExpand(glob, { ...GLOB_OPTIONS, braceExpandMax: MAX_GLOB_ALTERNATIVES + 1 }).length
  if (n > MAX_GLOB_ALTERNATIVES)
    return {
      message: `glob expands to more than ${MAX_GLOB_ALTERNATIVES} alternatives (brace expansion \`{a,b}\` multiplies)`,
      offset: glob.indexOf('{'),
    }
  return undefined
}

// `format: "glob"` in an option schema: TypeBox's own checks (Value.Check) agree with policy validation.
if (!FormatRegistry.Has('glob')) FormatRegistry.Set('glob', (v) => globProblem(v) === undefined)

export class GlobError extends Error {
  constructor(
    readonly glob: string,
    problem: GlobProblem,
  ) {
    super(`invalid glob ${JSON.stringify(glob.length > 60 ? glob.slice(0, 60) + '…' : glob)}: ${problem.message}`)
    this.name = 'GlobError'
  }
}

const cache = new Map<string, Minimatch | GlobError>()
const CACHE_MAX = 5000

/**
 * The compiled matcher of `glob` with `options` (on top of GLOB_OPTIONS), built once per run and reused
 * for every path: building one costs far more than matching with it. A glob over the caps throws
 * GlobError (the rule using it is then not evaluated, never passed).
 */
export function compiledGlob(glob: string, options: MinimatchOptions = {}): Minimatch {
  const key = `${options.matchBase ? 'b' : '-'}${options.nobrace ? 'n' : '-'}${glob}`
  let m = cache.get(key)
  if (!m) {
    spend()
    const problem = options.nobrace ? (glob.length > MAX_GLOB_LENGTH ? globProblem(glob) : undefined) : globProblem(glob)
    m = problem ? new GlobError(glob, problem) : new Minimatch(glob, { ...GLOB_OPTIONS, ...options })
    if (cache.size >= CACHE_MAX) cache.clear()
    cache.set(key, m)
  }
  if (m instanceof GlobError) throw m
  return m
}

/** `minimatch(path, glob, options)` through the compiled-glob cache. */
export function globMatch(path: string, glob: string, options: MinimatchOptions = {}): boolean {
  const m = compiledGlob(glob, options)
  spend()
  return quickMatch(m, path)
}

/**
 * For each alternative of a glob (after brace expansion), a literal that every path it matches contains,
 * or null when some alternative has none (`*`, `**`, `[abc].txt`) or the glob is negated. Most changed
 * paths contain none of a policy glob's literals (`src/a.ts` and `docs/runbooks/…`), and
 * `path.includes` rejects them at a fraction of the cost of minimatch's segment-by-segment match: on a
 * 300-file PR, matching was the largest part of the gate's own work.
 */
const literals = new WeakMap<Minimatch, readonly string[] | null>()

/** Where a segment's plain text ends: a class, an extglob, a brace or an escape (read no further). */
const NOT_PLAIN = /[[\](){}!+@\\]/

function requiredLiterals(m: Minimatch): readonly string[] | null {
  let known = literals.get(m)
  if (known === undefined) {
    known = m.negate ? null : literalsOfPattern(m.pattern, m.options)
    literals.set(m, known)
  }
  return known
}

/**
 * `requiredLiterals` from the glob's text and options, without compiling it: one literal per alternative of
 * its brace expansion as written (minimatch folds a last segment's braces into an extglob), or null. A
 * leading `!` (negation) gives null.
 */
function literalsOfPattern(pattern: string, options: MinimatchOptions): string[] | null {
  if (pattern === '' || pattern.startsWith('!') || options.nocase === true) return null
  const alternatives =
    options.nobrace === true ? [pattern] : braceExpand(pattern, { ...GLOB_OPTIONS, ...options, braceExpandMax: MAX_GLOB_ALTERNATIVES + 1 })
  const each = alternatives.map((alt) => longestLiteral(alt.split('/')))
  return each.every((l): l is string => l !== undefined) ? each : null
}

/**
 * The longest run of plain characters in one of the segments, or undefined. A segment matches a path part
 * only if the part contains each run of plain characters between `*`/`?` wildcards before the segment's
 * first class, extglob, brace or escape (the text after that is not read). Runs never contain `/`, so the
 * part's run is a substring of the whole path. A glob with a `.` or `..` segment has none: minimatch may
 * fold those away.
 */
function longestLiteral(segments: readonly string[]): string | undefined {
  let best = ''
  for (const segment of segments) {
    if (segment === '.' || segment === '..') return undefined
    const stop = NOT_PLAIN.exec(segment)
    const plain = stop ? segment.slice(0, stop.index) : segment
    for (const run of plain.split(/[*?]/)) if (run.length > best.length) best = run
  }
  return best === '' ? undefined : best
}

/** `m.match(path)`, answered without matching when the path lacks every literal the glob requires. */
export function quickMatch(m: Minimatch, path: string): boolean {
  const required = requiredLiterals(m)
  if (required !== null && !required.some((l) => path.includes(l))) return false
  spend()
  return m.match(path)
}

/**
 * True when `path` matches any of the globs. As in .gitignore: a glob without a slash matches the file
 * name at any depth; a glob with a slash is relative to the root; a leading `./` or `/` anchors a
 * slash-less glob at the root (`./*.sarif` is only the root's SARIF files).
 */
export function matchesAny(path: string, globs: readonly string[]): boolean {
  // Every call spends, even when every glob is rejected by its literals: a loop of glob work always
  // meets the policy budget (src/policy/budget.ts).
  spend()
  const list = preparedList(globs)
  if (list.hasError) {
    for (const entry of list.entries) {
      if (entry.error) throw entry.error
      if (entryMatches(entry, path)) return true
    }
    return false
  }
  if (list.anyLiteral?.test(path) === true) for (const e of list.withLiterals) if (entryMatches(e, path)) return true
  for (const e of list.withoutLiterals) if (entryMatches(e, path)) return true
  return false
}

interface PreparedGlob {
  raw: string
  /** The glob as minimatch sees it (a leading `./` or `/` removed) and its options. */
  glob: string
  options: MinimatchOptions
  /** The glob is over the caps: matching it throws this. */
  error?: GlobError
  /** `requiredLiterals`, from the text. */
  literals: readonly string[] | null
  /** Compiled on the first path that holds one of its literals: most globs of a policy never need it. */
  matcher?: Minimatch
}

function entryMatches(e: PreparedGlob, path: string): boolean {
  if (e.literals !== null && !e.literals.some((l) => path.includes(l))) return false
  e.matcher ??= compiledGlob(e.glob, e.options)
  spend()
  return e.matcher.match(path)
}

interface PreparedList {
  entries: PreparedGlob[]
  /** A glob is over the caps: every entry is tried in order, and the bad one throws when reached, as before. */
  hasError: boolean
  /** The globs that require literals (`requiredLiterals`), and the others. */
  withLiterals: PreparedGlob[]
  withoutLiterals: PreparedGlob[]
  /**
   * Matches a path holding at least one literal a glob of `withLiterals` requires (null when there is none):
   * a path it does not match matches none of them, found by one native scan instead of a test per glob.
   */
  anyLiteral: RegExp | null
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')

function prepareGlob(raw: string): PreparedGlob {
  const anchored = raw.startsWith('./') || raw.startsWith('/')
  const glob = anchored ? raw.replace(/^\.?\//, '') : raw
  const options: MinimatchOptions = { matchBase: !anchored && !glob.includes('/') }
  const problem = globProblem(glob)
  if (problem) return { raw, glob, options, error: new GlobError(glob, problem), literals: null }
  return { raw, glob, options, literals: literalsOfPattern(glob, options) }
}

/**
 * The prepared globs of a list, kept per list: a rule asks `matchesAny(path, sameList)` for every changed
 * file. A list changed in place since (same array, other strings) is prepared again.
 */
const prepared = new WeakMap<readonly string[], PreparedList>()

function preparedList(globs: readonly string[]): PreparedList {
  const known = prepared.get(globs)
  if (known && known.entries.length === globs.length && known.entries.every((e, i) => e.raw === globs[i])) return known
  spend()
  const list: PreparedList = { entries: globs.map(prepareGlob), hasError: false, withLiterals: [], withoutLiterals: [], anyLiteral: null }
  const all = new Set<string>()
  for (const e of list.entries) {
    if (e.error) list.hasError = true
    else if (e.literals === null) list.withoutLiterals.push(e)
    else {
      list.withLiterals.push(e)
      for (const l of e.literals) all.add(l)
    }
  }
  if (all.size > 0) list.anyLiteral = new RegExp([...all].map(escapeRegExp).join('|'))
  prepared.set(globs, list)
  return list
}

/** Files matching `include` and not `exclude`. */
export function filterPaths<T extends { path: string }>(
  items: readonly T[],
  include: readonly string[],
  exclude: readonly string[] = [],
): T[] {
  return items.filter((i) => matchesAny(i.path, include) && !matchesAny(i.path, exclude))
}
