/**
 * The local git source (CLI): builds the same ChangeSet as the GitHub source, from real `git` on a
 * checkout. Base defaults to the merge base with the default branch (GitHub's three-dot diff); head, in
 * the CLI, to HEAD plus the uncommitted changes (see snapshotWorkingTree).
 */
import { execFile } from 'node:child_process'
import { copyFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { ChangedFile, ChangeSet, FileStatus } from '../types.js'
import { firstReleasesInGit, releasedPathsInGit, releasedTextsInGit } from './tags.js'
import { GitObjects } from './git-objects.js'

const MAX_BUFFER = 1024 * 1024 * 1024
/** Like GitHub, a file's patch is not inlined above this size; its line counts still come from numstat. */
export const MAX_PATCH_BYTES = 1024 * 1024

export class GitError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'GitError'
  }
}

export function git(cwd: string, args: string[], env?: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['-c', 'core.quotepath=false', ...args],
      { cwd, maxBuffer: MAX_BUFFER, encoding: 'utf8', env: env ? { ...process.env, ...env } : undefined },
      (err, stdout, stderr) => {
        if (err) reject(new GitError(`git ${args.join(' ')}: ${(stderr || err.message).trim().split('\n')[0]}`))
        else resolve(stdout)
      },
    )
  })
}

async function tryGit(cwd: string, args: string[]): Promise<string | undefined> {
  try {
    return (await git(cwd, args)).trim()
  } catch {
    return undefined
  }
}

export interface ResolvedRange {
  base: string
  /** The head commit (reports, title and author). */
  head: string
  /** How the base was chosen, for the report. */
  baseLabel: string
  /**
   * When uncommitted changes are included: a tree object of the working tree as `git add -A` would stage
   * it (staged, unstaged and untracked files, .gitignore respected). The diff and the head side's reads
   * use it instead of `head`.
   */
  workingTree?: { tree: string; files: number }
}

export interface RangeOptions {
  /** Include staged, unstaged and untracked changes on top of HEAD (the CLI's default without --head). */
  workingTree?: boolean
}

/**
 * The working tree as a tree object, written through a temporary index (a copy of the real one, so stat
 * data spares rehashing unchanged files): the repository's index and work tree are left as they were.
 * Undefined when nothing differs from HEAD.
 */
export async function snapshotWorkingTree(cwd: string): Promise<{ tree: string; files: number } | undefined> {
  const dir = await mkdtemp(join(tmpdir(), 'pr-gate-index-'))
  try {
    const tmpIndex = join(dir, 'index')
    const env = { GIT_INDEX_FILE: tmpIndex }
    const realIndex = resolve(cwd, (await git(cwd, ['rev-parse', '--git-path', 'index'])).trim())
    const copied = await copyFile(realIndex, tmpIndex).then(
      () => true,
      () => false,
    )
    if (!copied) await git(cwd, ['read-tree', 'HEAD'], env)
    try {
      await git(cwd, ['add', '-A'], env)
    } catch (e) {
      if (!copied) throw e
      // An index this git cannot reuse elsewhere (e.g. a split index): start from HEAD instead.
      await git(cwd, ['read-tree', 'HEAD'], env)
      await git(cwd, ['add', '-A'], env)
    }
    const tree = (await git(cwd, ['write-tree'], env)).trim()
    const headTree = (await git(cwd, ['rev-parse', 'HEAD^{tree}'])).trim()
    if (tree === headTree) return undefined
    const changed = (await git(cwd, ['diff-tree', '-r', '--name-only', '-z', headTree, tree])).split('\0').filter(Boolean)
    return { tree, files: changed.length }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** The names the default branch usually has, after origin/HEAD, the upstream and init.defaultBranch. */
const USUAL_DEFAULT_BRANCHES = ['main', 'master', 'trunk']

/**
 * Resolves --base/--head. Without --base, the base is the merge base with the default branch as git
 * knows it: `origin/HEAD`, then the upstream of the current branch, then `init.defaultBranch`, then the
 * usual names (main, master, trunk; local, then on origin). On the default branch itself: HEAD (only
 * the uncommitted changes) when there are some, else HEAD~1 (the last commit).
 */
export async function resolveRange(cwd: string, baseArg?: string, headArg = 'HEAD', opts: RangeOptions = {}): Promise<ResolvedRange> {
  // Independent questions go to git at once (each answer is a process start, ~10–25 ms); the errors are still
  // reported in this order.
  const [inside, head, givenBase] = await Promise.all([
    tryGit(cwd, ['rev-parse', '--is-inside-work-tree']),
    tryGit(cwd, ['rev-parse', '--verify', `${headArg}^{commit}`]),
    baseArg ? tryGit(cwd, ['rev-parse', '--verify', `${baseArg}^{commit}`]) : undefined,
  ])
  if (inside !== 'true') throw new GitError(`${cwd} is not inside a git work tree`)
  if (!head) throw new GitError(`--head ${headArg} is not a commit in this repository`)
  const workingTree = opts.workingTree ? await snapshotWorkingTree(cwd) : undefined
  if (baseArg) {
    const b = givenBase
    if (!b) throw new GitError(`--base ${baseArg} is not a commit in this repository`)
    const mb = (await tryGit(cwd, ['merge-base', b, head])) ?? b
    return { base: mb, head, baseLabel: `merge base of ${baseArg} and ${headArg}`, workingTree }
  }
  const candidates: Array<{ ref: string; why: string; upstream?: boolean }> = []
  const originHead = await tryGit(cwd, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'])
  if (originHead) candidates.push({ ref: originHead, why: 'origin/HEAD' })
  const branch = await tryGit(cwd, ['symbolic-ref', '--quiet', '--short', 'HEAD'])
  const upstream = branch ? await tryGit(cwd, ['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{upstream}']) : undefined
  if (upstream) candidates.push({ ref: upstream, why: `upstream of ${branch}`, upstream: true })
  const configured = await tryGit(cwd, ['config', '--get', 'init.defaultBranch'])
  if (configured)
    candidates.push({ ref: configured, why: 'init.defaultBranch' }, { ref: `origin/${configured}`, why: 'init.defaultBranch on origin' })
  for (const name of USUAL_DEFAULT_BRANCHES)
    candidates.push({ ref: name, why: 'a usual default-branch name' }, { ref: `origin/${name}`, why: 'a usual default-branch name' })
  for (const cand of candidates) {
    const b = await tryGit(cwd, ['rev-parse', '--verify', '--quiet', `${cand.ref}^{commit}`])
    if (!b) continue
    const mb = await tryGit(cwd, ['merge-base', b, head])
    if (!mb) continue // unrelated history
    if (mb !== head) return { base: mb, head, baseLabel: `merge base with ${cand.ref} (${cand.why})`, workingTree }
    // Everything up to HEAD is in the upstream (already pushed): that says nothing of the default branch.
    if (cand.upstream) continue
    // HEAD is on the default branch (or behind it).
    if (workingTree)
      return { base: head, head, baseLabel: `HEAD: ${cand.ref} (${cand.why}) contains HEAD, so only the uncommitted changes`, workingTree }
    const parent = await tryGit(cwd, ['rev-parse', '--verify', '--quiet', `${head}~1^{commit}`])
    if (!parent) throw new GitError(`no base to compare with: HEAD is the first commit of ${cand.ref} (${cand.why}); pass --base REF`)
    return { base: parent, head, baseLabel: `${headArg}~1: ${cand.ref} (${cand.why}) contains ${headArg}, so only its last commit` }
  }
  const names = [...new Set(candidates.map((c) => c.ref))].join(', ')
  if (workingTree)
    return {
      base: head,
      head,
      baseLabel: `HEAD: no default branch found (tried ${names || 'origin/HEAD'}), so only the uncommitted changes`,
      workingTree,
    }
  const parent = await tryGit(cwd, ['rev-parse', '--verify', '--quiet', `${head}~1^{commit}`])
  if (!parent)
    throw new GitError(
      `no base to compare with: the repository has a single commit and no default branch to diff against (tried ${names}); pass --base REF`,
    )
  return { base: parent, head, baseLabel: `${headArg}~1: no default branch found (tried ${names}), so only the last commit` }
}

const STATUS: Partial<Record<string, FileStatus>> = { A: 'added', D: 'removed', M: 'modified', R: 'renamed', C: 'copied', T: 'changed' }

/** Splits `git diff` output into per-file sections (each starts with "diff --git"). */
function splitSections(patch: string): string[] {
  const out: string[] = []
  let start = -1
  let idx = patch.startsWith('diff --git ') ? 0 : patch.indexOf('\ndiff --git ')
  while (idx !== -1) {
    const s = idx === 0 && start === -1 ? 0 : idx + 1
    if (start !== -1) out.push(patch.slice(start, s - 1))
    start = s
    idx = patch.indexOf('\ndiff --git ', s)
  }
  if (start !== -1) out.push(patch.slice(start))
  return out
}

export async function gitChangeSet(cwd: string, range: ResolvedRange): Promise<ChangeSet> {
  const headSide = range.workingTree?.tree ?? range.head
  const common = ['--no-color', '--no-ext-diff', '-M', range.base, headSide]
  const [nameStatus, numstat, patch] = await Promise.all([
    git(cwd, ['diff', '--name-status', '-z', ...common]),
    git(cwd, ['diff', '--numstat', '-z', ...common]),
    git(cwd, ['diff', '--unified=3', ...common]),
  ])
  // name-status -z: STATUS\0path\0 or Rnnn\0old\0new\0
  const ns = nameStatus.split('\0')
  const files: ChangedFile[] = []
  for (let i = 0; i < ns.length - 1;) {
    const code = ns[i++]
    if (!code) continue
    const letter = code[0]
    if (letter === 'R' || letter === 'C') {
      const previousPath = ns[i++]
      const path = ns[i++]
      files.push({ path, previousPath, status: letter === 'R' ? 'renamed' : 'copied', additions: 0, deletions: 0 })
    } else {
      files.push({ path: ns[i++], status: STATUS[letter] ?? 'modified', additions: 0, deletions: 0 })
    }
  }
  // numstat -z: "a\td\tpath\0" or "a\td\t\0old\0new\0" for renames
  const nm = numstat.split('\0')
  const counts: Array<{ add: number; del: number; binary: boolean }> = []
  for (let i = 0; i < nm.length;) {
    const row = nm[i++]
    if (!row) continue
    const [a, d, p] = row.split('\t')
    if (p === '') i += 2
    counts.push({ add: a === '-' ? 0 : Number(a), del: d === '-' ? 0 : Number(d), binary: a === '-' })
  }
  const sections = splitSections(patch)
  files.forEach((f, k) => {
    const c = counts.at(k) // none when --numstat listed fewer files
    if (c) {
      f.additions = c.add
      f.deletions = c.del
      if (c.binary) f.binary = true
    }
    const sec = sections[k]
    if (sec && !f.binary && sec.length <= MAX_PATCH_BYTES) {
      const at = sec.indexOf('\n@@')
      if (at !== -1) f.patch = sec.slice(at + 1).replace(/\n$/, '')
    }
  })
  const cache = new Map<string, Promise<string | undefined>>()
  const objects = new GitObjects(cwd)
  const show = (ref: string, path: string) => {
    const key = `${ref}:${path}`
    let p = cache.get(key)
    if (!p) {
      p = objects.read(ref, path)
      cache.set(key, p)
    }
    return p
  }
  const listings = new Map<string, Promise<string[] | undefined>>()
  const listBase = (dir: string): Promise<string[] | undefined> => {
    let p = listings.get(dir)
    if (!p) {
      p = tryGitRaw(cwd, ['ls-tree', '-r', '-z', '--name-only', range.base, ...(dir ? ['--', dir] : [])]).then((out) =>
        out === undefined ? undefined : out.split('\0').filter(Boolean),
      )
      listings.set(dir, p)
    }
    return p
  }
  return {
    base: range.base,
    head: range.head,
    files,
    totalFiles: files.length,
    truncated: false,
    readHead: (p) => show(headSide, p),
    readBase: (p) => show(range.base, p),
    listBase,
    ...releaseAnswers(cwd, range.base),
  }
}

/** What the release tags say, at the base commit: the local git source's answers to ChangeSet's release questions. */
function releaseAnswers(cwd: string, base: string): Pick<ChangeSet, 'releasedPaths' | 'releasedTexts' | 'firstReleases'> {
  return {
    releasedPaths: (paths, patterns) => releasedPathsInGit(cwd, base, paths, patterns),
    releasedTexts: (paths, patterns) => releasedTextsInGit(cwd, base, paths, patterns),
    firstReleases: (paths, patterns) => firstReleasesInGit(cwd, base, paths, patterns),
  }
}

async function tryGitRaw(cwd: string, args: string[]): Promise<string | undefined> {
  try {
    return await git(cwd, args)
  } catch {
    return undefined
  }
}

/** What git says when `ref:path` names no file at that ref (the only failure that means "absent"). */
const ABSENT_AT_REF = /does not exist in '|exists on disk, but not in '/

/**
 * Reads a file at a ref: undefined when the file does not exist there. Any other failure (a missing
 * object in a partial clone, a corrupt pack, git itself failing) throws: "absent" is evidence a rule
 * acts on, so an unreadable file must never pass for one (the rule then reports "not evaluated").
 */
export async function readAtRef(cwd: string, ref: string, path: string): Promise<string | undefined> {
  try {
    return await git(cwd, ['show', `${ref}:${path}`])
  } catch (e) {
    if (e instanceof GitError && ABSENT_AT_REF.test(e.message)) return undefined
    throw e instanceof GitError ? new GitError(`cannot read ${path} at ${ref.slice(0, 12)}: ${e.message}`) : e
  }
}
