/**
 * Builds a RuleContext from plain data, for table-driven rule tests. Files get their additions/deletions
 * from the patch when not given. Reports are in-memory files matched with the same globs as the real
 * workspace source.
 */
import type { ChangedFile, ChangeSet, Evidence, PullRequestMeta, ReportFile, RuleContext } from '../../src/types.js'
import { parsePatch } from '../../src/change/patch.js'
import { matchesAny } from '../../src/change/glob.js'

export interface FakeFile extends Partial<ChangedFile> {
  path: string
  /** Content at head (for added/modified files). */
  head?: string
  /** Content at base (for modified/removed files). */
  base?: string
}

export interface FakeContextInput {
  files?: FakeFile[]
  pr?: Partial<PullRequestMeta>
  reports?: Record<string, string>
  evidence?: Partial<Evidence>
  /** Extra file contents at head / base that are not part of the diff. */
  headTree?: Record<string, string>
  baseTree?: Record<string, string>
  now?: Date
  mode?: RuleContext['mode']
  truncated?: boolean
  /** Release tags, newest first: tag name → paths its tree holds (enables ChangeSet.releasedPaths; {} = no tag). */
  releases?: Record<string, string[]>
  /** Answer ChangeSet.listBase from baseTree (off by default: sources without a listing omit it). */
  listBase?: boolean
}

function countPatch(patch: string | undefined): { additions: number; deletions: number } {
  if (!patch) return { additions: 0, deletions: 0 }
  let additions = 0
  let deletions = 0
  for (const h of parsePatch(patch))
    for (const l of h.lines) {
      if (l.type === '+') additions++
      else if (l.type === '-') deletions++
    }
  return { additions, deletions }
}

export function makeContext(input: FakeContextInput = {}): RuleContext {
  const fakes = input.files ?? []
  const files: ChangedFile[] = fakes.map((f) => {
    const counts = countPatch(f.patch)
    return {
      status: 'modified',
      additions: counts.additions,
      deletions: counts.deletions,
      ...Object.fromEntries(Object.entries(f).filter(([k]) => k !== 'head' && k !== 'base')),
      path: f.path,
    } as ChangedFile
  })
  const headTree: Record<string, string> = { ...(input.headTree ?? {}) }
  const baseTree: Record<string, string> = { ...(input.baseTree ?? {}) }
  for (const f of fakes) {
    if (f.head !== undefined) headTree[f.path] = f.head
    if (f.base !== undefined) baseTree[f.previousPath ?? f.path] = f.base
  }
  const changes: ChangeSet = {
    base: 'base0000000000000000000000000000000000000',
    head: 'head0000000000000000000000000000000000000',
    files,
    totalFiles: files.length,
    truncated: input.truncated ?? false,
    readHead: async (p) => headTree[p],
    readBase: async (p) => baseTree[p],
  }
  if (input.listBase)
    changes.listBase = async (dir) =>
      Object.keys(baseTree)
        .filter((p) => dir === '' || p.startsWith(dir + '/'))
        .sort()
  const releases = input.releases
  if (releases) {
    changes.releasedPaths = async (paths) => {
      const names = Object.keys(releases)
      if (names.length === 0) return undefined
      const out = new Map<string, string>()
      for (const p of paths) {
        const tag = names.find((t) => releases[t].includes(p))
        if (tag) out.set(p, tag)
      }
      return out
    }
    changes.firstReleases = async (paths) => {
      const names = Object.keys(releases)
      if (names.length === 0) return undefined
      const out = new Map<string, { tag: string; date: number }>()
      for (const p of paths) {
        // newest first: the last tag holding it is the oldest; dates count down from the newest
        const i = names.findLastIndex((t) => releases[t].includes(p))
        if (i >= 0) out.set(p, { tag: names[i], date: 2_000_000_000 - i })
      }
      return out
    }
  }
  const reports = input.reports ?? {}
  const evidence: Evidence = {
    findReports: async (globs) =>
      Object.keys(reports)
        .filter((p) => matchesAny(p, globs))
        .sort()
        .map((p): ReportFile => ({ path: p, origin: 'workspace', size: Buffer.byteLength(reports[p]), read: async () => reports[p] })),
    ...input.evidence,
  }
  const pr: PullRequestMeta = { title: 'Test PR', body: '', author: 'octocat', labels: [], number: 1, ...input.pr }
  return { changes, pr, evidence, now: input.now ?? new Date('2026-11-26T00:00:00Z'), mode: input.mode ?? 'pull_request' }
}

/** Builds a patch that adds all lines of `text` (a new file). */
export function addFilePatch(text: string): string {
  const lines = text.replace(/\n$/, '').split('\n')
  return `@@ -0,0 +1,${lines.length} @@\n` + lines.map((l) => '+' + l).join('\n')
}
