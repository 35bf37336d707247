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
 * or null when some alternative has none (`*`, `**`, `[abc]`) or the glob is negated. Most changed
 * paths contain none of a policy glob's literals (`src/a.ts` and `docs/runbooks/…`), and
 * `path.includes` rejects them at a fraction of the cost of minimatch's segment-by-segment match: on a
 * 300-file PR, matching was the largest part of the gate's own work.
 */
const literals = new WeakMap<Minimatch, readonly string[] | null>()

export function requiredLiterals(m: Minimatch): readonly string[] | null {
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
  const each: string[] = []
  for (const alt of alternatives)
    for (const one of expandOneOf(alt)) {
      const literal = longestLiteral(one.split('/'))
      if (literal === undefined) return null
      each.push(literal)
    }
  return each
}

/** One alternative of `@(…)` that is plain text (nothing minimatch reads as a pattern). */
const PLAIN_TEXT = /^[^*?[\]{}()!+@\\|/]*$/

/**
 * `alt` with each exactly-one-of extglob of plain alternatives written out: `*.@(yml|yaml)` is `*.yml` or
 * `*.yaml`, so each gets its own literal (`.yml`, `.yaml`) where the group alone would give none. Only
 * groups that no other group holds, and only when every parenthesis opens or closes an extglob (no escape,
 * no parenthesis in a class or on its own), so each group is read as minimatch reads it; otherwise, or past
 * MAX_GLOB_ALTERNATIVES, `[alt]` as it is.
 */
function expandOneOf(alt: string): string[] {
  if (!alt.includes('@(') || alt.includes('\\') || /\[[^\]]*[()]/.test(alt)) return [alt]
  const outer: [number, number][] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < alt.length; i++) {
    if (alt[i] === '(') {
      if (!'?*+@!'.includes(alt[i - 1] ?? '')) return [alt]
      if (depth++ === 0) start = i - 1
    } else if (alt[i] === ')') {
      if (depth === 0) return [alt]
      if (--depth === 0) outer.push([start, i])
    }
  }
  if (depth !== 0) return [alt]
  let out = ['']
  let last = 0
  for (const [from, to] of outer) {
    const choices = alt.slice(from + 2, to).split('|')
    if (alt[from] !== '@' || !choices.every((c) => PLAIN_TEXT.test(c))) continue
    const before = alt.slice(last, from)
    out = out.flatMap((o) => choices.map((c) => o + before + c))
    if (out.length > MAX_GLOB_ALTERNATIVES) return [alt]
    last = to + 1
  }
  return out.map((o) => o + alt.slice(last))
}

/**
 * The longest run of plain characters in one of the segments, or undefined. A segment matches a path part
 * only if the part contains each run of plain characters of the segment (`plainRuns`). Runs never contain
 * `/`, so the part's run is a substring of the whole path. A glob with a `.` or `..` segment has none:
 * minimatch may fold those away.
 */
function longestLiteral(segments: readonly string[]): string | undefined {
  let best = ''
  for (const segment of segments) {
    if (segment === '.' || segment === '..') return undefined
    for (const run of plainRuns(segment)) if (run.length > best.length) best = run
  }
  return best === '' ? undefined : best
}

/**
 * The runs of plain characters of a segment, each of which every part the segment matches contains: the
 * text between wildcards (`*`, `?`), classes (`[a-z]`, one character) and extglobs (`?(…)`, `*(…)`, `+(…)`,
 * `@(…)`, `!(…)`; what they match is not read), up to the first thing read no further: a brace, an escape,
 * a class or an extglob that is not flat (it holds a bracket, a parenthesis or a brace, or starts with `]`),
 * or a `]`, `(`, `)`, `|`, `!`, `+`, `@` outside of them.
 */
function plainRuns(segment: string): string[] {
  const runs: string[] = []
  let run = ''
  const cut = () => {
    runs.push(run)
    run = ''
  }
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]
    const end = groupEnd(segment, i)
    if (end === null) break
    if (end !== undefined) {
      cut()
      i = end
    } else if (c === '*' || c === '?') cut()
    else if ('[](){}!+@\\|'.includes(c)) break
    else run += c
  }
  runs.push(run)
  return runs
}

/**
 * Where the class or extglob starting at `i` ends (the index of its `]` or `)`), undefined when none starts
 * there, null when one starts there that is not flat (read no further).
 */
function groupEnd(segment: string, i: number): number | null | undefined {
  const c = segment[i]
  if (c === '[') {
    const from = segment[i + 1] === '!' || segment[i + 1] === '^' ? i + 2 : i + 1
    const close = segment.indexOf(']', from)
    return close <= from || /[[()\\]/.test(segment.slice(from, close)) ? null : close
  }
  if ('?*+@!'.includes(c) && segment[i + 1] === '(') {
    const close = segment.indexOf(')', i + 2)
    return close < 0 || /[()[\]{}\\]/.test(segment.slice(i + 2, close)) ? null : close
  }
  return undefined
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
