/**
 * The API source of the trend report (`pr-gate report --source api`, the Action's `mode: report`): the
 * pull requests merged in the window, read through GitHub's GraphQL API, 100 per query, each with its
 * size, labels, author, merge time and head commit, and on that commit the gate's own check run and its
 * embedded trend record (src/trends/embed.ts), all in the same query. 2,000 merged pull requests are
 * about 20 queries; nothing is re-evaluated.
 *
 * Listing: `repository.pullRequests(states: MERGED, orderBy: UPDATED_AT DESC)`, read until a page's
 * oldest `updatedAt` is before the window (a pull request is updated when it is merged, so every later
 * one is too old), kept when `mergedAt` is in the window. Search (`is:pr is:merged merged:A..B`) is not
 * used: it stops at 1,000 results. An organization (`--org`) is its repositories pushed to since the
 * window began (a merge is a push to the base branch), read by `pushedAt` the same way.
 *
 * Only the gate's own results count, as in release mode (src/release/gates.ts): a check run created by
 * one of the gate identity's Apps, a commit status posted by one of its logins. A pull request whose gate
 * run embedded no record (an older gate, a status fallback) or left no result at all is counted from its
 * own additions + deletions (no exclusions: lock files and generated files are in it), and the report
 * says how many.
 */
import type { Octokit } from '../github/client.js'
import { describeApiError, graphqlReader } from '../github/client.js'
import type { RepoRef } from '../github/source.js'
import type { Conclusion } from '../types.js'
import { plainMessage } from '../errors.js'
import { ACTIONS_GATE_IDENTITY, classifyCheckRun, type GateIdentity } from '../release/gates.js'
import { extractRecord } from './embed.js'
import type { PrRecord } from './record.js'

export class ApiSourceError extends Error {}

/**
 * describeApiError keeps an error's first line, and a GraphQL answer with errors puts them on the next
 * lines ("Request failed due to following response errors:\n - …"): name them.
 */
export function describeGraphqlError(purpose: string, e: unknown): string {
  const errors = (e as { errors?: unknown } | undefined)?.errors
  if (!Array.isArray(errors) || !errors.length) return describeApiError(purpose, e)
  const messages = errors.map((x) =>
    x && typeof x === 'object' && typeof (x as { message?: unknown }).message === 'string' ? (x as { message: string }).message : String(x),
  )
  return `${purpose}: ${plainMessage(new Error(messages.join('; ')))}`
}

export const PAGE_SIZE = 100
/** The smallest page asked for after GitHub gave up on a larger one. */
export const MIN_PAGE_SIZE = 12

/** GitHub gave up on a query (too heavy), as opposed to refusing it. */
function heavy(e: unknown): boolean {
  const status = (e as { status?: unknown } | undefined)?.status
  if (status === 502 || status === 504) return true
  return /timeout|timed out|something went wrong while executing your query/i.test(describeGraphqlError('', e))
}

/** What the gate's check run contributes to a merged pull request's trend record. */
const CHECK_RUN_FIELDS = 'name status conclusion startedAt completedAt title text'

export const MERGED_PULLS_QUERY =
  'query MergedPulls($owner: String!, $name: String!, $after: String, $checkName: String!, $pageSize: Int!) {\n' +
  `  repository(owner: $owner, name: $name) {
    nameWithOwner
    defaultBranchRef { name }
    pullRequests(states: MERGED, orderBy: {field: UPDATED_AT, direction: DESC}, first: $pageSize, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes {
        number title updatedAt mergedAt baseRefName baseRefOid headRefOid additions deletions changedFiles
        mergeCommit { oid }
        author { login }
        labels(first: 20) { nodes { name } }
        commits(last: 1) { nodes { commit { oid
          checkSuites(first: 5, filterBy: {checkName: $checkName}) { nodes { app { databaseId slug }
            checkRuns(first: 5, filterBy: {checkName: $checkName, checkType: ALL}) { nodes { ${CHECK_RUN_FIELDS} } } } }
          status { context(name: $checkName) { state description creator { login } } }
        } } }
      }
    }
  }
}`

export const ORG_REPOS_QUERY = `query OrgRepos($org: String!, $after: String) {
  organization(login: $org) {
    repositories(first: 100, after: $after, orderBy: {field: PUSHED_AT, direction: DESC}) {
      pageInfo { hasNextPage endCursor }
      nodes { nameWithOwner pushedAt isArchived }
    }
  }
}`

interface CheckRunNode {
  /** Not databaseId: check run ids are past 2^31 on github.com, and GraphQL's Int cannot carry them. */
  startedAt: string | null
  completedAt: string | null
  name: string
  status: string
  conclusion: string | null
  title: string | null
  text: string | null
}
interface PullNode {
  number: number
  title: string
  updatedAt: string
  mergedAt: string | null
  baseRefName: string
  baseRefOid: string
  headRefOid: string
  additions: number
  deletions: number
  changedFiles: number
  mergeCommit: { oid: string } | null
  author: { login: string } | null
  labels: { nodes: Array<{ name: string } | null> | null } | null
  commits: {
    nodes: Array<{
      commit: {
        oid: string
        checkSuites: {
          nodes: Array<{
            app: { databaseId: number | null; slug: string } | null
            checkRuns: { nodes: Array<CheckRunNode | null> | null } | null
          } | null> | null
        } | null
        status: { context: { state: string; description: string | null; creator: { login: string } | null } | null } | null
      }
    } | null> | null
  }
}
interface PullsPage {
  repository: {
    nameWithOwner: string
    defaultBranchRef: { name: string } | null
    pullRequests: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Array<PullNode | null> | null }
  } | null
}

export interface ApiOptions {
  octokit: Octokit
  /** Repositories to read; with `org`, added to the organization's. */
  repos: RepoRef[]
  org?: string
  from: Date
  to: Date
  checkName: string
  identity?: GateIdentity
  /** Merged pull requests per query (GitHub's maximum, 100, by default); halved when GitHub gives up on one. */
  pageSize?: number
  log?: (m: string) => void
}

export interface ApiHistory {
  repositories: string[]
  /** Default branch of the single repository read ('' for several). Pull requests merged into any branch are read. */
  defaultBranch: string
  records: PrRecord[]
  /** Pull requests counted from their own additions/deletions: no gate record on their head commit. */
  fallback: { noResult: number; noRecord: number }
  /** GraphQL queries made. */
  calls: number
  notes: string[]
}

const FAILED = new Set(['failure', 'error'])

function trusted(app: { databaseId: number | null; slug: string } | null, g: GateIdentity): boolean {
  if (!app) return false
  return g.apps.some(
    (a) => (a.id !== undefined && app.databaseId === a.id) || (a.slug !== undefined && app.slug.toLowerCase() === a.slug.toLowerCase()),
  )
}

/** The gate's result on a pull request's head commit: the latest trusted check run, else a trusted status. */
function gateOf(p: PullNode, checkName: string, g: GateIdentity): { conclusion?: Conclusion; text?: string | null; found: boolean } {
  const commit = p.commits.nodes?.find((n) => n?.commit.oid === p.headRefOid)?.commit
  if (!commit) return { found: false }
  const runs: CheckRunNode[] = []
  for (const suite of commit.checkSuites?.nodes ?? []) {
    if (!suite || !trusted(suite.app, g)) continue
    for (const r of suite.checkRuns?.nodes ?? []) if (r && r.name === checkName) runs.push(r)
  }
  const at = (r: CheckRunNode) => r.completedAt ?? r.startedAt ?? ''
  const run = runs.sort((a, b) => at(b).localeCompare(at(a))).at(0) // none when no run of the name
  if (run) {
    const state = classifyCheckRun({
      status: run.status.toLowerCase(),
      conclusion: run.conclusion?.toLowerCase() ?? null,
      output: { title: run.title },
    })
    const conclusion: Conclusion | undefined =
      state === 'failed'
        ? 'failure'
        : state === 'passed' || state === 'waived'
          ? run.conclusion === 'NEUTRAL'
            ? 'neutral'
            : 'success'
          : undefined
    return { conclusion, text: run.text, found: true }
  }
  const st = commit.status?.context
  if (st && st.creator && g.statusCreators.some((c) => c.toLowerCase() === st.creator?.login.toLowerCase())) {
    const s = st.state.toLowerCase()
    return { conclusion: s === 'success' ? 'success' : FAILED.has(s) ? 'failure' : undefined, found: true }
  }
  return { found: false }
}

function toRecord(p: PullNode, repo: string | undefined, checkName: string, g: GateIdentity, fallback: ApiHistory['fallback']): PrRecord {
  const meta = {
    ...(repo ? { repo } : {}),
    number: p.number,
    sha: p.mergeCommit?.oid ?? p.headRefOid,
    base: p.baseRefOid,
    title: p.title,
    author: p.author?.login ?? 'ghost',
    mergedAt: new Date(Date.parse(p.mergedAt as string)).toISOString(),
  }
  const gate = gateOf(p, checkName, g)
  const facts = gate.text !== undefined ? extractRecord(gate.text) : undefined
  if (facts) {
    const { truncated: _t, ...rest } = facts
    return { ...meta, ...rest, ...(gate.conclusion ? { conclusion: gate.conclusion } : {}), origin: 'gate' }
  }
  if (gate.found) fallback.noRecord++
  else fallback.noResult++
  return {
    ...meta,
    ...(gate.conclusion ? { conclusion: gate.conclusion } : {}),
    size: { lines: p.additions + p.deletions, files: p.changedFiles },
    failed: [],
    errored: [],
    warned: [],
    waived: [],
    origin: 'pull-request',
  }
}

async function orgRepos(octokit: Octokit, org: string, from: Date, count: () => void): Promise<string[]> {
  const out: string[] = []
  let after: string | null = null
  for (;;) {
    let data: {
      organization: {
        repositories: {
          pageInfo: { hasNextPage: boolean; endCursor: string | null }
          nodes: Array<{ nameWithOwner: string; pushedAt: string | null; isArchived: boolean } | null> | null
        }
      } | null
    }
    try {
      count()
      data = await graphqlReader(octokit)(ORG_REPOS_QUERY, { org, after })
    } catch (e) {
      throw new ApiSourceError(describeGraphqlError(`repositories of the organization ${org}`, e))
    }
    const conn = data.organization?.repositories
    if (!conn) throw new ApiSourceError(`organization ${org}: not found or not visible to the token`)
    let older = false
    for (const n of conn.nodes ?? []) {
      if (!n) continue
      if (!n.pushedAt || Date.parse(n.pushedAt) < from.getTime()) {
        older = true
        continue
      }
      out.push(n.nameWithOwner)
    }
    if (older || !conn.pageInfo.hasNextPage || !conn.pageInfo.endCursor) return out
    after = conn.pageInfo.endCursor
  }
}

export async function apiHistory(o: ApiOptions): Promise<ApiHistory> {
  const identity = o.identity ?? ACTIONS_GATE_IDENTITY
  let calls = 0
  const count = () => void calls++
  const names = new Map<string, string>()
  for (const r of o.repos) names.set(`${r.owner}/${r.repo}`.toLowerCase(), `${r.owner}/${r.repo}`)
  if (o.org) for (const n of await orgRepos(o.octokit, o.org, o.from, count)) if (!names.has(n.toLowerCase())) names.set(n.toLowerCase(), n)
  const repos = [...names.values()]
  const multi = repos.length > 1 || o.org !== undefined
  const fallback = { noResult: 0, noRecord: 0 }
  const records: PrRecord[] = []
  let branch = ''
  for (const full of repos) {
    const [owner, name] = full.split('/') as [string, string]
    let after: string | null = null
    let pageSize = o.pageSize ?? PAGE_SIZE
    for (;;) {
      let data: PullsPage
      try {
        count()
        data = await graphqlReader(o.octokit)(MERGED_PULLS_QUERY, { owner, name, after, checkName: o.checkName, pageSize })
      } catch (e) {
        // A page of 100 pull requests with their gate check runs' texts is a heavy query: when GitHub gives
        // up on it (a 502/504 after the client's retries, or its "timeout" error), ask again for half.
        if (pageSize > MIN_PAGE_SIZE && heavy(e)) {
          pageSize = Math.max(MIN_PAGE_SIZE, Math.floor(pageSize / 2))
          o.log?.(
            `merged pull requests of ${full}: GitHub gave up on the query ` +
              `(${describeGraphqlError('', e).slice(2)}); asking for ${pageSize} a page`,
          )
          continue
        }
        throw new ApiSourceError(describeGraphqlError(`merged pull requests of ${full}`, e))
      }
      const repo = data.repository
      if (!repo) throw new ApiSourceError(`repository ${full}: not found or not visible to the token`)
      if (!branch) branch = repo.defaultBranchRef?.name ?? ''
      let older = false
      for (const p of repo.pullRequests.nodes ?? []) {
        if (!p || !p.mergedAt) continue
        if (Date.parse(p.updatedAt) < o.from.getTime()) older = true
        const t = Date.parse(p.mergedAt)
        if (t < o.from.getTime() || t > o.to.getTime()) continue
        records.push(toRecord(p, multi ? repo.nameWithOwner : undefined, o.checkName, identity, fallback))
      }
      if (older || !repo.pullRequests.pageInfo.hasNextPage || !repo.pullRequests.pageInfo.endCursor) break
      after = repo.pullRequests.pageInfo.endCursor
    }
  }
  const notes: string[] = []
  const fb = fallback.noResult + fallback.noRecord
  if (fb) {
    notes.push(
      `${fb} of ${records.length} pull request${records.length === 1 ? '' : 's'} ${fb === 1 ? 'has' : 'have'} no ` +
        `trend record from the gate (${fallback.noResult} without any result of "${o.checkName}" by the gate on the ` +
        `head commit, ${fallback.noRecord} with a result but no embedded record: an older gate or a commit status): ` +
        `their size is the pull request's additions + deletions, without pr-size's exclusions (lock files, ` +
        `generated and vendored files count), and their rules, critical areas, migrations and runbooks are unknown.`,
    )
  }
  return { repositories: repos, defaultBranch: multi ? '' : branch, records, fallback, calls, notes }
}
