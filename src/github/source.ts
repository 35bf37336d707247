/**
 * The GitHub source: builds the ChangeSet of a pull request from the REST API (never from a checkout of
 * the head: nothing from the PR is executed). Contents are fetched on demand and cached.
 */
import type { ChangedFile, ChangeSet, FileStatus, PullRequestFields } from '../types.js'
import { statusOf, type Octokit } from './client.js'
import { at, list, num, str } from '../json.js'
import { ContentStore } from './contents.js'

export interface RepoRef {
  owner: string
  repo: string
}

/** GitHub lists at most this many files for a pull request. */
export const FILES_CAP = 3000

export interface ApiFile {
  filename: string
  status: string
  additions: number
  deletions: number
  changes: number
  patch?: string
  previous_filename?: string
}

export function toChangedFile(f: ApiFile): ChangedFile {
  const file: ChangedFile = {
    path: f.filename,
    status: f.status as FileStatus,
    additions: f.additions,
    deletions: f.deletions,
  }
  if (f.previous_filename) file.previousPath = f.previous_filename
  if (typeof f.patch === 'string') file.patch = f.patch
  // GitHub omits `patch` for binary files and for diffs too large to inline; a binary file has no line counts.
  else if (f.changes === 0 && f.status !== 'renamed' && f.status !== 'removed') file.binary = true
  return file
}

/** Lists every file of the PR (all pages, up to GitHub's cap). */
export async function listPullFiles(octokit: Octokit, r: RepoRef, pullNumber: number, expected: number): Promise<ChangedFile[]> {
  const out: ChangedFile[] = []
  const pages = Math.max(1, Math.ceil(Math.min(expected || 1, FILES_CAP) / 100))
  // Fetch the known number of pages concurrently (2 at a time is gentle on the secondary rate limit).
  const fetchPage = async (page: number) =>
    (await octokit.rest.pulls.listFiles({ owner: r.owner, repo: r.repo, pull_number: pullNumber, per_page: 100, page })).data as ApiFile[]
  const results = new Array<ApiFile[]>(pages)
  let next = 1
  const worker = async () => {
    while (next <= pages) {
      const p = next++
      results[p - 1] = await fetchPage(p)
    }
  }
  await Promise.all([worker(), worker(), worker(), worker()].slice(0, Math.min(4, pages)))
  for (const page of results) for (const f of page) out.push(toChangedFile(f))
  // Keep paging only while the PR says there is more than we have (a full last page alone is no proof).
  let page = pages
  while (results[page - 1]?.length === 100 && out.length < Math.min(expected || Infinity, FILES_CAP)) {
    page++
    const more = await fetchPage(page)
    results.push(more)
    for (const f of more) out.push(toChangedFile(f))
  }
  return out
}

/**
 * Reads a file at a ref through the contents API (raw). Undefined when absent (404), a directory, or a
 * submodule. Anything else that goes wrong throws (5xx after retries, timeout, network, an answer that is
 * not a file's content): a failed read is never "no file", so the rule asking is not evaluated.
 */
export async function readRepoFile(octokit: Octokit, r: RepoRef, path: string, ref: string): Promise<string | undefined> {
  let data: unknown
  try {
    data = (await octokit.rest.repos.getContent({ owner: r.owner, repo: r.repo, path, ref, mediaType: { format: 'raw' } })).data
  } catch (e) {
    if (statusOf(e) === 404) return undefined
    throw e
  }
  if (typeof data === 'string') return data
  if (data instanceof ArrayBuffer) return new TextDecoder().decode(data)
  if (Array.isArray(data)) return undefined // a directory listing
  if (data && typeof data === 'object') {
    const o = data as { content?: unknown; type?: unknown }
    if (typeof o.content === 'string') return Buffer.from(o.content, 'base64').toString('utf8')
    if (o.type === 'dir' || o.type === 'submodule' || o.type === 'symlink') return undefined
  }
  throw new Error(`GET /repos/${r.owner}/${r.repo}/contents/${path} at ${ref.slice(0, 12)} answered something that is not a file's content`)
}

/** An open pull request as the event payload or `GET pulls/{n}` describes it (see PullRequestFields). */
export interface PullInfo extends PullRequestFields {
  body: string
  draft: boolean
  baseRef: string
  baseSha: string
  headRef: string
  headSha: string
  headRepo?: string
  baseRepo: string
  changedFiles: number
  additions?: number
  deletions?: number
}

/**
 * The PR as the event payload (or GET pulls) describes it. A payload without the PR's number or its base
 * and head SHAs is refused with a message naming the missing field (never a TypeError later on).
 */
export function pullInfoFrom(pr: unknown): PullInfo {
  const number = num(at(pr, 'number'))
  const baseSha = str(at(pr, 'base', 'sha'))
  const headSha = str(at(pr, 'head', 'sha'))
  const missing = [number === undefined && 'number', baseSha === undefined && 'base.sha', headSha === undefined && 'head.sha'].filter(
    Boolean,
  )
  if (number === undefined || baseSha === undefined || headSha === undefined)
    throw new Error(`the pull request data has no ${missing.join(', ')}`)
  return {
    number,
    title: str(at(pr, 'title')) ?? '',
    body: str(at(pr, 'body')) ?? '',
    author: str(at(pr, 'user', 'login')) ?? '',
    labels: list(at(pr, 'labels')).map((l) => str(l) ?? str(at(l, 'name')) ?? ''),
    draft: at(pr, 'draft') === true,
    baseRef: str(at(pr, 'base', 'ref')) ?? '',
    baseSha,
    headRef: str(at(pr, 'head', 'ref')) ?? '',
    headSha,
    headRepo: str(at(pr, 'head', 'repo', 'full_name')),
    baseRepo: str(at(pr, 'base', 'repo', 'full_name')) ?? '',
    changedFiles: num(at(pr, 'changed_files')) ?? 0,
    additions: num(at(pr, 'additions')),
    deletions: num(at(pr, 'deletions')),
    htmlUrl: str(at(pr, 'html_url')),
  }
}

export async function fetchPull(octokit: Octokit, r: RepoRef, pullNumber: number): Promise<PullInfo> {
  const { data } = await octokit.rest.pulls.get({ owner: r.owner, repo: r.repo, pull_number: pullNumber })
  return pullInfoFrom(data)
}

/**
 * A ChangeSet backed by the API: file contents are read once each, through the run's content store (GraphQL
 * batches, REST where GraphQL cannot vouch for a file; see src/github/contents.ts).
 */
export function apiChangeSet(octokit: Octokit, r: RepoRef, pr: PullInfo, files: ChangedFile[], store?: ContentStore): ChangeSet {
  const contents = store ?? new ContentStore(octokit, r)
  const read = (path: string, ref: string) => contents.read(ref, path)
  const total = Math.max(pr.changedFiles, files.length)
  return {
    base: pr.baseSha,
    head: pr.headSha,
    files,
    totalFiles: total,
    truncated: total > files.length,
    readHead: (p) => read(p, pr.headSha),
    readBase: (p) => read(p, pr.baseSha),
  }
}
