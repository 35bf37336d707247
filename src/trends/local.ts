/**
 * The local source of the trend report: the pull requests that landed on the default branch in a window,
 * read from real git history and each evaluated on the spot by the engine, exactly as `pr-gate check
 * --base <first parent> --head <merge>` would: same change set, same exclusions, the policy at the base.
 *
 * A pull request is a first-parent commit of the branch that is a merge commit, or whose subject ends in
 * "(#N)" (a squash merge). Other first-parent commits (direct pushes, bots) are counted apart, not
 * evaluated. History has no labels and no CI reports: waivers and diff coverage are not known locally
 * (the report says so); the merge commit's message stands in for the PR description.
 */
import { policySource } from '../pipeline/policy-source.js'
import { readFile } from 'node:fs/promises'
import { relative, resolve, sep } from 'node:path'
import type { Evidence, RuleContext, Verdict } from '../types.js'
import { git, gitChangeSet, readAtRef, GitError } from '../change/git.js'
import { markExclusions } from '../change/generated.js'
import { PolicyError, type LoadedPolicy } from '../policy/load.js'
import { tryLoadPolicy, type PolicyAttempt } from '../pipeline/policy.js'
import { gateChange } from '../pipeline/gate.js'
import { DEFAULT_POLICY_PATH } from '../policy/schema.js'
import { prNumberOf, recordFromVerdict, type PrRecord } from './record.js'

export interface LocalOptions {
  root: string
  /** The branch whose first-parent history is read; default: the default branch as git knows it. */
  branch?: string
  from: Date
  to: Date
  /** A policy file on disk for every merge; default: .github/quality-gate.yml at each merge's base. */
  policyFile?: string
  /** How many merges are evaluated at once (each runs git). */
  concurrency?: number
  onProgress?: (done: number, total: number) => void
}

export interface LocalHistory {
  branch: string
  records: PrRecord[]
  /** First-parent commits in the window that are not pull requests (direct pushes). */
  skipped: number
  /** The policy at the branch's tip in the window (or --policy): its SLAs and report settings apply. */
  policy?: LoadedPolicy
}

const NO_EVIDENCE: Evidence = { findReports: () => Promise.resolve([]) }

async function tryGit(cwd: string, args: string[]): Promise<string | undefined> {
  try {
    return (await git(cwd, args)).trim()
  } catch {
    return undefined
  }
}

/** The default branch: origin/HEAD, init.defaultBranch, then main, master, trunk (local or on origin). */
export async function defaultBranch(root: string): Promise<string> {
  const candidates: string[] = []
  const originHead = await tryGit(root, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'])
  if (originHead) candidates.push(originHead)
  const configured = await tryGit(root, ['config', '--get', 'init.defaultBranch'])
  if (configured) candidates.push(configured, `origin/${configured}`)
  for (const n of ['main', 'master', 'trunk']) candidates.push(n, `origin/${n}`)
  for (const c of candidates) if (await tryGit(root, ['rev-parse', '--verify', '--quiet', `${c}^{commit}`])) return c
  throw new GitError('cannot tell the default branch (no origin/HEAD, main, master or trunk): name it with --branch')
}

interface Commit {
  sha: string
  parents: string[]
  date: string
  author: string
  subject: string
  body: string
}

/** First-parent commits of `branch` committed in [from, to], oldest first. */
export async function firstParentCommits(root: string, branch: string, from: Date, to: Date): Promise<Commit[]> {
  if (!(await tryGit(root, ['rev-parse', '--verify', '--quiet', `${branch}^{commit}`])))
    throw new GitError(`--branch ${branch} is not a branch or commit in this repository`)
  const out = await git(root, [
    'log',
    '--first-parent',
    '--reverse',
    `--since=${from.toISOString()}`,
    `--until=${to.toISOString()}`,
    '--format=%H%x00%P%x00%cI%x00%an%x00%s%x00%b%x1e',
    branch,
    '--',
  ])
  const commits: Commit[] = []
  for (const rec of out.split('\x1e')) {
    // A record may have fewer fields than asked for (a truncated or odd log line): each may be missing.
    const fields: Array<string | undefined> = rec.replace(/^\n/, '').split('\0')
    const [sha, parents, date, author, subject, body] = fields
    if (!sha || !date) continue
    // --since stops at the first older commit only for date-ordered history; filter exactly anyway.
    const t = Date.parse(date)
    if (t < from.getTime() || t > to.getTime()) continue
    commits.push({
      sha,
      parents: (parents ?? '').split(' ').filter(Boolean),
      date: new Date(t).toISOString(),
      author: author ?? '',
      subject: subject ?? '',
      body: body ?? '',
    })
  }
  return commits
}

/** Runs `f` over `items` with at most `limit` in flight, keeping the order of the results. */
async function mapLimit<T, R>(items: readonly T[], limit: number, f: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      out[i] = await f(items[i])
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
  return out
}

/** Evaluates one commit's diff against its first parent, as `pr-gate check --base <parent> --head <sha>`. */
export async function evaluateMerge(root: string, c: Commit, policyFor: (base: string) => Promise<SourcedPolicy>): Promise<Verdict> {
  const base = c.parents[0]
  const changes = await gitChangeSet(root, { base, head: c.sha, baseLabel: 'first parent' })
  const gitattributes = await readAtRef(root, base, '.gitattributes')
  markExclusions(changes.files, gitattributes)
  const number = prNumberOf(c.subject)
  const ctx: RuleContext = {
    changes,
    pr: { number, title: c.subject, body: c.body, author: c.author, labels: [] },
    evidence: NO_EVIDENCE,
    gitattributes,
    // Ages and expiries as they were when the pull request landed.
    now: new Date(c.date),
    mode: 'pull_request',
  }
  const p = await policyFor(base)
  return (await gateChange({ attempt: p, ctx, policySource: p.source })).verdict
}

export async function localHistory(o: LocalOptions): Promise<LocalHistory> {
  const branch = o.branch ?? (await defaultBranch(o.root))
  const commits = await firstParentCommits(o.root, branch, o.from, o.to)
  const prs = commits.filter((c) => c.parents.length >= 2 || (c.parents.length === 1 && prNumberOf(c.subject) !== undefined))

  // The policy: one file for all, or the one at each base (cached by its blob: it rarely changes).
  let fixed: Promise<SourcedPolicy> | undefined
  if (o.policyFile) {
    const abs = resolve(o.root, o.policyFile)
    const text = await readFile(abs, 'utf8').catch(() => {
      throw new PolicyError([{ file: o.policyFile as string, message: 'file not found' }])
    })
    const file = relative(o.root, abs).split(sep).join('/') || o.policyFile
    fixed = load(text, file, `${file} (working tree)`, (p) => readFile(resolve(o.root, p), 'utf8').catch(() => undefined))
  }
  const byBlob = new Map<string, Promise<SourcedPolicy>>()
  const policyFor = (base: string) => {
    if (fixed) return fixed
    return (async () => {
      // Keyed by the .github tree: the policy and the local files it extends usually live there.
      const blob = (await tryGit(o.root, ['rev-parse', '--verify', '--quiet', `${base}:.github`])) ?? 'none'
      let p = byBlob.get(blob)
      if (!p) {
        p = (async () => {
          const text = await readAtRef(o.root, base, DEFAULT_POLICY_PATH)
          const source = policySource({ path: DEFAULT_POLICY_PATH, text, at: { sha: base } })
          return load(text, DEFAULT_POLICY_PATH, source, (path) => readAtRef(o.root, base, path))
        })()
        byBlob.set(blob, p)
      }
      return p
    })()
  }

  let done = 0
  const records = await mapLimit(prs, o.concurrency ?? 2, async (c) => {
    const v = await evaluateMerge(o.root, c, policyFor)
    o.onProgress?.(++done, prs.length)
    // GitHub's merge commit: "Merge pull request #N from owner/branch", then the pull request's title.
    const title = /^Merge pull request #\d+/.test(c.subject) ? c.body.split('\n')[0]?.trim() || c.subject : c.subject
    return recordFromVerdict(v, {
      number: prNumberOf(c.subject),
      sha: c.sha,
      base: c.parents[0],
      title,
      author: c.author,
      mergedAt: c.date,
    })
  })
  const tip = commits.at(-1)?.sha ?? (await git(o.root, ['rev-parse', `${branch}^{commit}`])).trim()
  const policy = (await policyFor(tip)).loaded
  return { branch, records, skipped: commits.length - prs.length, policy }
}

/** A policy attempt and where the policy came from. */
type SourcedPolicy = PolicyAttempt & { source: string }

async function load(
  text: string | undefined,
  file: string,
  source: string,
  read: (p: string) => Promise<string | undefined>,
): Promise<SourcedPolicy> {
  return { ...(await tryLoadPolicy(text, file, read)), source }
}
