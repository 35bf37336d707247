/**
 * Release tags of a local git checkout: which paths had shipped in a release when the base commit was made.
 * Used by migration-safety to tell a released migration (editing it is a real problem) from one that is
 * merged but not released yet (still being developed; editing it is normal).
 */
import { spawn } from 'node:child_process'
import { Minimatch } from 'minimatch'
import { GLOB_OPTIONS } from './glob.js'
import { git } from './git.js'

/** A semver pre-release (`v1.2.0-rc1`, `1.0.0-beta.2`, `v2.0.0.rc1`): not a release. */
const PRERELEASE = /[-.+_]?(rc|alpha|beta|pre|preview|dev|snapshot|nightly|canary)[-.]?\d*(\.\d+)?$/i
/** A word of the version's suffix that makes it a pre-release wherever it stands (`-alpha.10+oryOS.15`, `-tech-preview`). */
const PRERELEASE_WORD = /^(rc|alpha|beta|pre|preview|dev|snapshot|nightly|canary|tech|tp)\d*$/i

/**
 * Not a release: a pre-release word at the end (above), or anywhere in the suffix after the version numbers, so
 * build metadata after it (`v0.0.1-alpha.10+oryOS.15`) or a misspelt last word (harbor `v2.1.0-tech-prview`, a
 * technology preview) still mark it. A suffix without such a word stays a release (netbox `v1.9.4-r1`).
 */
export function isPrerelease(tag: string): boolean {
  if (PRERELEASE.test(tag)) return true
  const suffix = /^\D*\d+(?:\.\d+)*(.*)$/.exec(tag)?.[1] ?? ''
  return suffix.split(/[-.+_]/).some((w) => PRERELEASE_WORD.test(w))
}

export interface ReleaseTag {
  name: string
  /** The tree-ish the tag points at (peeled to its commit). */
  commit: string
  /** Tagger date (annotated tags) or commit date (lightweight), seconds. */
  date: number
}

/**
 * Release tags (name matches a pattern, not a pre-release) made no later than `notAfter` (seconds), newest first.
 * A project that had published no final release by then ships its pre-releases (ory/kratos' v0.x are all
 * `-alpha.N`): its pre-release tags count.
 */
export function releaseTags(refs: string, patterns: string[], notAfter: number): ReleaseTag[] {
  const globs = patterns.map((p) => new Minimatch(p, GLOB_OPTIONS))
  const finals: ReleaseTag[] = []
  const pre: ReleaseTag[] = []
  for (const line of refs.split('\n')) {
    const [name, date, peeled, object] = line.split('\t')
    if (!name || !object) continue
    const d = Number(date)
    if (!Number.isFinite(d) || d > notAfter) continue
    if (!globs.some((g) => g.match(name))) continue
    ;(isPrerelease(name) ? pre : finals).push({ name, commit: peeled || object, date: d })
  }
  return (finals.length ? finals : pre).sort((a, b) => b.date - a.date)
}

function batchCheck(cwd: string, input: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch-check=%(objecttype) %(objectname)'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] })
    const chunks: Buffer[] = []
    child.stdout.on('data', (c: Buffer) => chunks.push(c))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(chunks).toString('utf8'))
      else reject(new Error(`git cat-file exited with ${String(code)}`))
    })
    child.stdin.end(input)
  })
}

/** Most tag × path lookups in one call (each is one line of `git cat-file --batch-check`). */
const MAX_LOOKUPS = 200_000

/**
 * Map path → the newest release tag (made no later than the base commit) whose tree holds it, with the blob
 * it holds there; undefined when there is no such tag (or git fails): no tag information.
 */
async function releasedBlobsInGit(
  cwd: string,
  base: string,
  paths: string[],
  patterns: string[],
  oldest = false,
): Promise<Map<string, { tag: string; blob: string; date: number }> | undefined> {
  if (patterns.length === 0) return undefined
  try {
    const baseDate = Number((await git(cwd, ['show', '-s', '--format=%ct', base])).trim())
    const refs = await git(cwd, [
      'for-each-ref',
      'refs/tags',
      '--format=%(refname:strip=2)%09%(creatordate:unix)%09%(*objectname)%09%(objectname)',
    ])
    const tags = releaseTags(refs, patterns, baseDate)
    if (tags.length === 0) return undefined
    const out = new Map<string, { tag: string; blob: string; date: number }>()
    const todo = [...new Set(paths)]
    if (todo.length === 0) return out
    const usable = tags.slice(0, Math.max(1, Math.floor(MAX_LOOKUPS / todo.length)))
    const lines = usable.flatMap((t) => todo.map((p) => `${t.commit}:${p}`))
    const found = (await batchCheck(cwd, lines.join('\n') + '\n')).split('\n')
    lines.forEach((_, i) => {
      const t = usable[Math.floor(i / todo.length)]
      const p = todo[i % todo.length]
      const [type, blob] = (found[i] ?? '').trim().split(' ')
      // tags come newest first: the first found is the newest, the last the oldest
      if (type === 'blob' && blob && (oldest || !out.has(p))) out.set(p, { tag: t.name, blob, date: t.date })
    })
    return out
  } catch {
    return undefined
  }
}

/**
 * Map path → the newest release tag (made no later than the base commit) whose tree holds it; undefined
 * when there is no such tag (or git fails): no tag information, the caller keeps its default.
 */
export async function releasedPathsInGit(
  cwd: string,
  base: string,
  paths: string[],
  patterns: string[],
): Promise<Map<string, string> | undefined> {
  const blobs = await releasedBlobsInGit(cwd, base, paths, patterns)
  return blobs && new Map([...blobs].map(([p, { tag }]) => [p, tag]))
}

/**
 * Map path → the oldest release tag (made no later than the base commit) whose tree holds it, with its date;
 * undefined when there is no such tag (or git fails). Only the newest tags are looked at when there are very
 * many paths (MAX_LOOKUPS), so the answer is then the oldest of those.
 */
export async function firstReleasesInGit(
  cwd: string,
  base: string,
  paths: string[],
  patterns: string[],
): Promise<Map<string, { tag: string; date: number }> | undefined> {
  const blobs = await releasedBlobsInGit(cwd, base, paths, patterns, true)
  return blobs && new Map([...blobs].map(([p, { tag, date }]) => [p, { tag, date }]))
}

/** Map path → the newest release tag holding it (as releasedPathsInGit) and the text the file has there. */
export async function releasedTextsInGit(
  cwd: string,
  base: string,
  paths: string[],
  patterns: string[],
): Promise<Map<string, { tag: string; text: string }> | undefined> {
  const blobs = await releasedBlobsInGit(cwd, base, paths, patterns)
  if (!blobs) return undefined
  const out = new Map<string, { tag: string; text: string }>()
  for (const [p, { tag, blob }] of blobs) {
    const text = await git(cwd, ['cat-file', 'blob', blob]).catch(() => undefined)
    if (text !== undefined) out.set(p, { tag, text })
  }
  return out
}
