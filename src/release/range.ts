/**
 * The release range from the REST API: the base (an explicit ref, or `auto` = the SHA of the latest
 * successful deployment to an environment), the commits between base and head (compare API, every
 * page), the files of the aggregate diff, and the pull requests merged in that range
 * (`commits/{sha}/pulls`, merged only, deduplicated).
 */
import type { Octokit } from '../github/client.js'
import { describeApiError, statusOf } from '../github/client.js'
import type { ApiFile, RepoRef } from '../github/source.js'
import type { PullRequestFields } from '../types.js'
import { textOf } from '../json.js'

export class ReleaseError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ReleaseError'
  }
}

/** Runs `f` over `items` with at most `limit` calls in flight, keeping the order of the results. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, f: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      out[i] = await f(items[i], i)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return out
}

export interface DeploymentBase {
  sha: string
  deploymentId: number
  /** When its successful status was created. */
  deployedAt: string
  url?: string
}

/** States of a deployment's latest status that count as "this is what runs in the environment". */
const SUCCESS = new Set(['success'])

/**
 * The latest deployment to `environment` whose most recent status is `success`, skipping `exclude`
 * (the deployment under review) and deployments of `skipSha`. Undefined when there is none.
 * Looks at up to `maxDeployments` deployments, newest first.
 */
export async function lastSuccessfulDeployment(
  octokit: Octokit,
  r: RepoRef,
  environment: string,
  opts: { exclude?: number; skipSha?: string; maxDeployments?: number } = {},
): Promise<DeploymentBase | undefined> {
  const max = opts.maxDeployments ?? 200
  let seen = 0
  for (let page = 1; seen < max; page++) {
    let deployments: Array<{ id: number; sha: string; url: string }>
    try {
      deployments = (await octokit.rest.repos.listDeployments({ owner: r.owner, repo: r.repo, environment, per_page: 30, page })).data
    } catch (e) {
      throw new ReleaseError(describeApiError(`list deployments to ${environment}`, e))
    }
    if (!deployments.length) return undefined
    for (const d of deployments) {
      seen++
      if (d.id === opts.exclude || (opts.skipSha && d.sha === opts.skipSha)) continue
      let statuses: Array<{ state: string; created_at: string; environment_url?: string; log_url?: string }>
      try {
        statuses = (await octokit.rest.repos.listDeploymentStatuses({ owner: r.owner, repo: r.repo, deployment_id: d.id, per_page: 1 }))
          .data
      } catch (e) {
        if (statusOf(e) === 404) continue
        throw new ReleaseError(describeApiError(`list statuses of deployment ${d.id}`, e))
      }
      const latest = statuses.length ? statuses[0] : undefined // newest first
      if (latest && SUCCESS.has(latest.state))
        return { sha: d.sha, deploymentId: d.id, deployedAt: latest.created_at, url: latest.environment_url || latest.log_url || undefined }
      if (seen >= max) break
    }
    if (deployments.length < 30) return undefined
  }
  return undefined
}

export interface RangeCommit {
  sha: string
  message: string
  author?: string
  htmlUrl?: string
}

export interface Comparison {
  /** The merge base: the diff is merge-base...head, as GitHub computes it. */
  baseSha: string
  headSha: string
  status: string
  totalCommits: number
  commits: RangeCommit[]
  files: ApiFile[]
  htmlUrl?: string
}

/**
 * What this module reads of one page of the compare API. Octokit types every field as present; what
 * arrives (a GitHub Enterprise version, a proxy) may lack them or carry null, so they are typed as
 * optional and the fallbacks below stay. Scalars converted with String()/Number() are `unknown`.
 */
interface CompareData {
  commits?: Array<{
    sha: string
    commit?: { message?: unknown; author?: { name?: string } | null } | null
    author?: { login?: string } | null
    html_url?: string
  }> | null
  total_commits?: unknown
  merge_base_commit?: { sha?: string } | null
  base_commit?: { sha?: string } | null
  status?: unknown
  files?: ApiFile[] | null
  html_url?: string
}
/** What this module reads of one pull request of `commits/{sha}/pulls` (optional for the same reason). */
interface AssociatedPull {
  number: number
  title?: string | null
  user?: { login?: string } | null
  labels?: Array<{ name?: string | null }> | null
  head?: { sha?: string; ref?: string; repo?: { full_name?: string } | null } | null
  base?: { repo?: { full_name?: string } | null } | null
  merged_at?: string | null
  merge_commit_sha?: string | null
  html_url?: string
}

/** GitHub's compare API lists at most this many files (on the first page only). */
export const COMPARE_FILES_CAP = 300
const MAX_COMMIT_PAGES = 100

/** Compares base...head: every page of commits; the files of the aggregate diff (first page, ≤ 300). */
export async function compareRange(octokit: Octokit, r: RepoRef, base: string, head: string): Promise<Comparison> {
  const commits: RangeCommit[] = []
  let first: CompareData | undefined
  for (let page = 1; page <= MAX_COMMIT_PAGES; page++) {
    let data: CompareData
    try {
      data = (
        await octokit.rest.repos.compareCommitsWithBasehead({
          owner: r.owner,
          repo: r.repo,
          basehead: `${base}...${head}`,
          per_page: 100,
          page,
        })
      ).data
    } catch (e) {
      if (statusOf(e) === 404)
        throw new ReleaseError(`cannot compare ${base}...${head}: one of the refs does not exist in ${r.owner}/${r.repo} (HTTP 404)`)
      throw new ReleaseError(describeApiError(`compare ${base}...${head}`, e))
    }
    first ??= data
    const pageCommits = data.commits ?? []
    for (const c of pageCommits)
      commits.push({
        sha: c.sha,
        message: textOf(c.commit?.message).split('\n')[0] ?? '',
        author: c.author?.login ?? c.commit?.author?.name,
        htmlUrl: c.html_url,
      })
    if (!pageCommits.length || commits.length >= Number(data.total_commits ?? 0)) break
  }
  const f: CompareData = first ?? {}
  return {
    baseSha: f.merge_base_commit?.sha ?? f.base_commit?.sha ?? base,
    headSha: commits.at(-1)?.sha ?? (/^[0-9a-f]{40}$/i.test(head) ? head : (f.base_commit?.sha ?? head)),
    status: textOf(f.status, 'ahead'),
    totalCommits: Number(f.total_commits ?? commits.length),
    commits,
    files: f.files ?? [],
    htmlUrl: f.html_url,
  }
}

/** A pull request merged into a release range (see PullRequestFields). */
export interface MergedPull extends PullRequestFields {
  /** The PR's head commit; absent when the API answer lacks it (the gate is then `missing`). */
  headSha?: string
  /** Whether the head branch lived in this repository (its pushes are then recorded here). */
  sameRepo?: boolean
  mergedAt: string
  mergeCommitSha?: string
  /** Commits of the range attributed to this PR. */
  commits: string[]
}

/**
 * The pull requests merged in the range: `commits/{sha}/pulls` for every commit, merged ones only (into
 * this repository), deduplicated by number, in merge order. Commits no merged PR claims are `direct`.
 */
export async function mergedPullsInRange(
  octokit: Octokit,
  r: RepoRef,
  commits: RangeCommit[],
): Promise<{ pulls: MergedPull[]; direct: RangeCommit[] }> {
  const byNumber = new Map<number, MergedPull>()
  const direct: RangeCommit[] = []
  const lists = await mapLimit(commits, 4, async (c): Promise<AssociatedPull[]> => {
    try {
      return (
        await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ owner: r.owner, repo: r.repo, commit_sha: c.sha, per_page: 100 })
      ).data
    } catch (e) {
      throw new ReleaseError(describeApiError(`list pull requests of commit ${c.sha.slice(0, 12)}`, e))
    }
  })
  commits.forEach((c, i) => {
    const merged = (lists[i] ?? []).filter(
      (p): p is AssociatedPull & { merged_at: string } =>
        !!p.merged_at && (!p.base?.repo?.full_name || p.base.repo.full_name.toLowerCase() === `${r.owner}/${r.repo}`.toLowerCase()),
    )
    if (!merged.length) direct.push(c)
    for (const p of merged) {
      let rec = byNumber.get(p.number)
      if (!rec) {
        rec = {
          number: p.number,
          title: p.title ?? '',
          author: p.user?.login ?? '',
          labels: (p.labels ?? []).map((l) => l.name ?? '').filter(Boolean),
          headSha: p.head?.sha,
          headRef: p.head?.ref,
          sameRepo: !p.head?.repo?.full_name || p.head.repo.full_name.toLowerCase() === `${r.owner}/${r.repo}`.toLowerCase(),
          mergedAt: p.merged_at,
          mergeCommitSha: p.merge_commit_sha ?? undefined,
          htmlUrl: p.html_url,
          commits: [],
        }
        byNumber.set(p.number, rec)
      }
      rec.commits.push(c.sha)
    }
  })
  const pulls = [...byNumber.values()].sort((a, b) => (a.mergedAt < b.mergedAt ? -1 : a.mergedAt > b.mergedAt ? 1 : a.number - b.number))
  return { pulls, direct }
}
