import { minimatch, type MinimatchOptions } from 'minimatch'

/** One set of minimatch options for every glob in the project: dotfiles match, paths are POSIX. */
export const GLOB_OPTIONS: MinimatchOptions = { dot: true, nocomment: true, nonegate: false }

/**
 * True when `path` matches any of the globs. As in .gitignore: a glob without a slash matches the file
 * name at any depth; a glob with a slash is relative to the root; a leading `./` or `/` anchors a
 * slash-less glob at the root (`./*.sarif` is only the root's SARIF files).
 */
export function matchesAny(path: string, globs: readonly string[]): boolean {
  for (const raw of globs) {
    const anchored = raw.startsWith('./') || raw.startsWith('/')
    const g = anchored ? raw.replace(/^\.?\//, '') : raw
    if (minimatch(path, g, { ...GLOB_OPTIONS, matchBase: !anchored && !g.includes('/') })) return true
  }
  return false
}

/** Files matching `include` and not `exclude`. */
export function filterPaths<T extends { path: string }>(items: readonly T[], include: readonly string[], exclude: readonly string[] = []): T[] {
  return items.filter((i) => matchesAny(i.path, include) && !matchesAny(i.path, exclude))
}
