import { minimatch, type MinimatchOptions } from 'minimatch'

/** One set of minimatch options for every glob in the project: dotfiles match, paths are POSIX. */
export const GLOB_OPTIONS: MinimatchOptions = { dot: true, nocomment: true, nonegate: false }

/** True when `path` matches any of the globs. A glob without a slash matches the basename anywhere. */
export function matchesAny(path: string, globs: readonly string[]): boolean {
  for (const g of globs) {
    if (minimatch(path, g, { ...GLOB_OPTIONS, matchBase: !g.includes('/') })) return true
  }
  return false
}

/** Files matching `include` and not `exclude`. */
export function filterPaths<T extends { path: string }>(items: readonly T[], include: readonly string[], exclude: readonly string[] = []): T[] {
  return items.filter((i) => matchesAny(i.path, include) && !matchesAny(i.path, exclude))
}
