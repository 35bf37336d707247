/**
 * Report files (coverage, scanner output) found in a directory: the Action's workspace, or the CLI's
 * checkout. Only files matching the policy's globs are listed; nothing is read until a rule asks.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import type { Evidence, ReportFile } from '../types.js'
import { matchesAny } from '../change/glob.js'

const SKIP_DIRS = new Set(['.git', 'node_modules', '.hg', '.svn'])
const MAX_ENTRIES = 200_000

async function walk(root: string, dir: string, out: string[]): Promise<void> {
  if (out.length >= MAX_ENTRIES) return
  let entries
  try {
    entries = await readdir(dir, { withFileTypes: true })
  } catch {
    return
  }
  for (const e of entries) {
    if (out.length >= MAX_ENTRIES) return
    const full = join(dir, e.name)
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) await walk(root, full, out)
    } else if (e.isFile()) {
      out.push(relative(root, full).split(sep).join('/'))
    }
  }
}

export function workspaceEvidence(root: string, origin: ReportFile['origin'] = 'workspace'): Evidence {
  let listing: Promise<string[]> | undefined
  return {
    async findReports(globs: string[]): Promise<ReportFile[]> {
      if (!globs.length) return []
      listing ??= (async () => {
        const out: string[] = []
        await walk(root, root, out)
        return out.sort()
      })()
      const paths = (await listing).filter((p) => matchesAny(p, globs))
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
