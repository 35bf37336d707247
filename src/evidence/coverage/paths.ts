/**
 * Matching paths written in coverage reports to the repository paths of changed files.
 *
 * Reports name files in many ways: relative to the repository (`src/a.ts`), absolute on the CI machine
 * (`/home/runner/work/repo/repo/src/a.ts`, `D:\a\repo\repo\src\a.ts`), relative to the folder of the report
 * (a monorepo package's `coverage/lcov.info` with `SF:src/a.ts`), relative to a Cobertura `<source>` root,
 * relative to a Java source root (JaCoCo `com/acme/A.java`), or as a Go import path
 * (`example.com/shop/pkg/a.go`). The matcher tries, in order:
 *   1. the path (joined to each root first) relative to the report's folder and each of its ancestors;
 *   2. the longest segment-suffix of the path that is a changed file (absolute paths, import paths);
 *      a one-segment suffix (a file at the repository root) only when the prefix it leaves is a checkout
 *      root already established by a longer match in the same report;
 *   3. a changed file that ends with the path (JaCoCo packages, `SF:` relative to a sub-folder), when
 *      exactly one does (ties broken by the longest common folder with the report).
 * A path that matches nothing is simply not a changed file; one that matches several is reported.
 */
import { posix } from 'node:path'

/** POSIX-normalises a reported path: `file://`, backslashes, `./`, `..`, duplicate and trailing slashes. */
export function normalizePath(p: string): string {
  let s = p.trim()
  if (s.startsWith('file://')) s = s.slice(7)
  s = s.replace(/\\/g, '/')
  // `/C:/x` (file:///C:/x) -> `C:/x`
  if (/^\/[A-Za-z]:\//.test(s)) s = s.slice(1)
  const drive = /^[A-Za-z]:\//.exec(s)?.[0] ?? ''
  const rest = s.slice(drive.length)
  let n = posix.normalize(rest)
  if (n === '.') n = ''
  if (n.length > 1 && n.endsWith('/')) n = n.slice(0, -1)
  if (n.startsWith('./')) n = n.slice(2)
  return drive + n
}

export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:\//.test(p)
}

export function baseName(p: string): string {
  const n = p.replace(/\\/g, '/')
  return n.slice(n.lastIndexOf('/') + 1)
}

function joinPath(root: string, p: string): string {
  return normalizePath(root.replace(/[\\/]+$/, '') + '/' + p)
}

/** Segment-suffixes of a path, longest first, including the whole path. */
function suffixes(p: string): string[] {
  const segs = p.split('/').filter((s) => s !== '')
  const out: string[] = []
  for (let i = 0; i < segs.length; i++) out.push(segs.slice(i).join('/'))
  return out
}

function commonDirPrefix(a: string, b: string): number {
  const as = a.split('/')
  const bs = b.split('/')
  let n = 0
  while (n < as.length - 1 && n < bs.length - 1 && as[n] === bs[n]) n++
  return n
}

export type MatchResult =
  { kind: 'match'; path: string; via: 'relative' | 'suffix' | 'tail' } | { kind: 'ambiguous'; candidates: string[] } | { kind: 'none' }

export class PathMatcher {
  private readonly changed: Set<string>
  /** Proper segment-suffixes of changed paths -> the changed paths ending with them. */
  private readonly tails = new Map<string, string[]>()
  private readonly baseNames = new Set<string>()

  constructor(changedPaths: readonly string[]) {
    this.changed = new Set(changedPaths.map(normalizePath))
    for (const c of this.changed) {
      this.baseNames.add(baseName(c))
      for (const s of suffixes(c).slice(1)) {
        const list = this.tails.get(s)
        if (list) list.push(c)
        else this.tails.set(s, [c])
      }
    }
  }

  /** Cheap pre-filter for parsers: could this reported path be one of the changed files? */
  readonly mightMatch = (reported: string): boolean => this.baseNames.has(baseName(reported.trim()))

  /**
   * Matches every file of one report. `knownRoots` (checkout roots learned from earlier matches of the
   * same report) let one-segment suffixes match.
   */
  matchAll(reportPath: string, files: ReadonlyArray<{ path: string; roots?: string[] }>): MatchResult[] {
    const knownRoots = new Set<string>()
    const results: MatchResult[] = files.map((f) => this.match(reportPath, f, knownRoots, false))
    // Second pass for root-level files, now that the report's checkout root may be known.
    if (knownRoots.size > 0) {
      files.forEach((f, i) => {
        if (results[i].kind === 'none') results[i] = this.match(reportPath, f, knownRoots, true)
      })
    }
    return results
  }

  match(reportPath: string, file: { path: string; roots?: string[] }, knownRoots = new Set<string>(), allowRootFiles = false): MatchResult {
    const p = normalizePath(file.path)
    if (p === '') return { kind: 'none' }
    const bases = isAbsolutePath(p) ? [p] : [...(file.roots ?? []).map((r) => joinPath(normalizePath(r), p)), p]
    const reportDir = posix.dirname(normalizePath(reportPath))
    // 1. relative to the report's folder and its ancestors (nearest first), then the repository root.
    for (const base of bases) {
      if (isAbsolutePath(base)) continue
      let dir = reportDir === '.' ? '' : reportDir
      for (;;) {
        const cand = dir ? normalizePath(dir + '/' + base) : base
        if (this.changed.has(cand)) return { kind: 'match', path: cand, via: 'relative' }
        if (!dir) break
        const parent = posix.dirname(dir)
        dir = parent === '.' || parent === '/' ? '' : parent
      }
    }
    // 2. the longest suffix that is a changed file.
    for (const base of bases) {
      const sfx = suffixes(base)
      for (let i = 1; i < sfx.length; i++) {
        const s = sfx[i]
        if (!this.changed.has(s)) continue
        const prefix = base.slice(0, base.length - s.length)
        if (s.includes('/')) {
          knownRoots.add(prefix)
          return { kind: 'match', path: s, via: 'suffix' }
        }
        if (allowRootFiles && knownRoots.has(prefix)) return { kind: 'match', path: s, via: 'suffix' }
      }
    }
    // 3. a changed file ending with the path.
    for (const base of bases) {
      if (isAbsolutePath(base)) continue
      const cands = this.tails.get(base)
      if (!cands || cands.length === 0) continue
      if (cands.length === 1) return { kind: 'match', path: cands[0], via: 'tail' }
      const scored = cands.map((c) => ({ c, score: commonDirPrefix(c, reportDir + '/x') }))
      const best = Math.max(...scored.map((s) => s.score))
      const top = scored.filter((s) => s.score === best)
      if (top.length === 1 && best > 0) return { kind: 'match', path: top[0].c, via: 'tail' }
      return { kind: 'ambiguous', candidates: cands.slice().sort() }
    }
    return { kind: 'none' }
  }
}
