/**
 * Report files (coverage, scanner output) found in a directory: the Action's workspace, or the CLI's
 * checkout. Only files matching the policy's globs are listed; nothing is read until a rule asks.
 *
 * A listing that could not see everything never reads as "no report": a directory that cannot be listed
 * (permissions, I/O) where a glob could match, or a workspace over the entry cap, makes `findReports`
 * throw, so the rule asking is "not evaluated" instead of passing on missing evidence. A workspace root
 * that does not exist is simply empty (no checkout).
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { Minimatch } from 'minimatch'
import type { Evidence, ReportFile } from '../types.js'
import { GLOB_OPTIONS, matchesAny } from '../change/glob.js'
import { plainMessage } from '../errors.js'

const SKIP_DIRS = new Set(['.git', 'node_modules', '.hg', '.svn'])
export const MAX_ENTRIES = 200_000

interface Listing {
  files: string[]
  /** Directories (relative, POSIX) that could not be listed, and why. */
  unreadable: Array<{ dir: string; reason: string }>
  truncated: boolean
}

async function walk(root: string, dir: string, out: Listing, max: number): Promise<void> {
  if (out.truncated) return
  let entries
  try {
    entries = await readdir(dir, { withFileTypes: true })
  } catch (e) {
    if (dir === root && (e as { code?: unknown } | null)?.code === 'ENOENT') return // no workspace: nothing to find
    out.unreadable.push({ dir: relative(root, dir).split(sep).join('/'), reason: plainMessage(e) })
    return
  }
  for (const e of entries) {
    if (out.truncated) return
    const full = join(dir, e.name)
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) await walk(root, full, out, max)
    } else if (e.isFile()) {
      if (out.files.length >= max) out.truncated = true
      else out.files.push(relative(root, full).split(sep).join('/'))
    }
  }
}

/** Whether a file matching `glob` (with matchesAny's semantics) could lie under the directory `dir`. */
export function couldHoldMatch(dir: string, glob: string): boolean {
  const anchored = glob.startsWith('./') || glob.startsWith('/')
  const g = anchored ? glob.replace(/^\.?\//, '') : glob
  if (dir === '') return true
  if (!g.includes('/')) return !anchored // a slash-less glob matches at any depth, unless anchored at the root
  return new Minimatch(g, GLOB_OPTIONS).match(dir, true)
}

export function workspaceEvidence(root: string, origin: ReportFile['origin'] = 'workspace', maxEntries = MAX_ENTRIES): Evidence {
  let listing: Promise<Listing> | undefined
  return {
    async findReports(globs: string[]): Promise<ReportFile[]> {
      if (!globs.length) return []
      listing ??= (async () => {
        const out: Listing = { files: [], unreadable: [], truncated: false }
        await walk(root, root, out, maxEntries)
        out.files.sort()
        return out
      })()
      const l = await listing
      const blind = l.unreadable.find((u) => globs.some((g) => couldHoldMatch(u.dir, g)))
      const where = origin === 'pr-artifact' ? 'artifact' : 'workspace'
      if (blind) {
        throw new Error(
          `the ${where} directory ${blind.dir || '.'} could not be listed (${blind.reason}), ` +
            `and a report matching ${globs.join(', ')} may be in it`,
        )
      }
      if (l.truncated) {
        throw new Error(
          `the ${where} holds more than ${maxEntries} files; reports matching ${globs.join(', ')} beyond them were not looked for`,
        )
      }
      const paths = l.files.filter((p) => matchesAny(p, globs))
      return Promise.all(
        paths.map(async (p) => {
          const full = join(root, p)
          const { size } = await stat(full)
          return { path: p, origin, size, read: () => readFile(full, 'utf8') }
        }),
      )
    },
  }
}
