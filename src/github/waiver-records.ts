/**
 * GitHub's own records of who waived what (issue 18). A waiver is an act someone did on GitHub, and only
 * GitHub's record of it says who did it: never the mere presence of a label, never a line in the PR body.
 *
 * Read, each at most once per pull request and only when a rule needs a waiver:
 * - the issue timeline (`GET /repos/{o}/{r}/issues/{n}/timeline`): `labeled`/`unlabeled` events with their
 *   actor, reviews (`reviewed`, with the commit GitHub bound them to) and conversation comments;
 * - review comments (`GET /repos/{o}/{r}/pulls/{n}/comments`): each bound to the commit it was made on;
 * - the push of the head commit (`GET /repos/{o}/{r}/activity?ref=…`): when the current head arrived, so an
 *   act made before it (a label, a comment) can be told from one made after it;
 * - who may approve: team membership (`GET /orgs/{org}/teams/{slug}/memberships/{user}`), repository role
 *   (`GET /repos/{o}/{r}/collaborators/{user}/permission`) and CODEOWNERS read from the BASE commit.
 *
 * The timeline's label events, comments and reviews, and the review comments, usually come from the run's
 * first GraphQL query instead (`WAIVER_RECORDS_SELECTION`, no extra call); the REST reads above are the
 * fallback for whatever that query did not read whole, and what release mode reads.
 *
 * Anything GitHub refuses (403 for a fork's token, 404 for a team the token cannot see, an outage) makes the
 * waiver "not verified": it does not count, and the reason names the permission the token needs.
 */
import type { Octokit } from './client.js'
import { describeApiError, statusOf } from './client.js'
import type { RepoRef } from './source.js'
import { at, list, str } from '../json.js'
import { globMatch } from '../change/glob.js'

export type ActKind = 'label' | 'review' | 'review-comment' | 'comment'

/** One act recorded by GitHub that may carry a waiver. */
export interface WaiverAct {
  kind: ActKind
  /** Login GitHub names as the actor; undefined when the record has none (a deleted "ghost" user). */
  actor?: string
  /** ISO time of the act. */
  at: string
  url?: string
  /** Label acts: the label. */
  label?: string
  /** Reviews and comments: the text. */
  body?: string
  /** Reviews and review comments: the commit GitHub bound the act to. */
  commitId?: string
  /** Reviews: approved, changes_requested, commented, dismissed (lower case). */
  state?: string
  /** Comments and reviews edited after they were written (their text may no longer be the author's). */
  edited?: boolean
}

/** A `labeled` or `unlabeled` event. */
export interface LabelEvent {
  event: 'labeled' | 'unlabeled'
  label: string
  actor?: string
  at: string
  url?: string
}

export interface PullRecords {
  labelEvents: LabelEvent[]
  /** Reviews, review comments and conversation comments. */
  acts: WaiverAct[]
}

export type Checked<T> = { ok: true; value: T } | { ok: false; why: string }

/** Who may approve (a policy's `approvers`). An empty spec lets nobody approve. */
export interface ApproverSpec {
  users?: string[]
  /** `org/team-slug`. */
  teams?: string[]
  /** Minimum repository role: triage, write, maintain or admin. */
  permission?: string
  /** A code owner (CODEOWNERS at the base) of every path concerned. */
  codeowners?: boolean
}

export type ApproverCheck = { approver: true; via: string } | { approver: false; why: string; unverified?: boolean }

/** The records and identity checks of one pull request. */
export interface WaiverRecords {
  records(): Promise<Checked<PullRecords>>
  /** When the current head commit was pushed to the PR's branch. */
  headPushedAt(): Promise<Checked<string>>
  approver(login: string, spec: ApproverSpec, paths: readonly string[]): Promise<ApproverCheck>
}

/** Repository roles, weakest first (`none` and `read` never approve). */
export const ROLES = ['none', 'read', 'triage', 'write', 'maintain', 'admin'] as const

export const PERMISSION_HINTS = {
  timeline:
    'the token needs `issues: read` and `pull-requests: read` (a workflow triggered by a fork may be refused: ' +
    'use the App, or pull_request_target without checking out the head)',
  activity:
    "the token needs `contents: read` on the repository the head branch lives in (a fork PR's pushes are not in this " +
    "repository's activity: ask the approver for an approving review with `/gate waive`, which GitHub binds to the commit)",
  team:
    'the token needs organization `members: read` (a GitHub App permission; ' +
    "a workflow's GITHUB_TOKEN can never read team membership: list users or a permission level instead, or run the App)",
  permission: 'the token needs `metadata: read` on the repository',
  codeowners: 'the token needs `contents: read`',
} as const

function refusal(what: string, e: unknown, hint: string): string {
  const s = statusOf(e)
  if (s === 403 || s === 404 || s === 401) return `GitHub refused ${what} (HTTP ${s}): ${hint}`
  return `${describeApiError(what, e)}; ${hint}`
}

const MAX_PAGES = 10

async function pages(fetch: (page: number) => Promise<unknown[]>): Promise<unknown[]> {
  const out: unknown[] = []
  for (let page = 1; page <= MAX_PAGES; page++) {
    const items = await fetch(page)
    out.push(...items)
    if (items.length < 100) return out
  }
  throw new Error(`more than ${MAX_PAGES * 100} records: not all of them could be read`)
}

const login = (v: unknown): string | undefined => str(at(v, 'login'))

/** Timeline items as acts and label events (unknown kinds and malformed items are skipped). */
export function parseTimeline(items: readonly unknown[], htmlUrl?: string): PullRecords {
  const out: PullRecords = { labelEvents: [], acts: [] }
  for (const item of items) {
    const event = str(at(item, 'event'))
    const time = str(at(item, 'created_at')) ?? str(at(item, 'submitted_at'))
    if (!time || Number.isNaN(Date.parse(time))) continue
    if (event === 'labeled' || event === 'unlabeled') {
      const label = str(at(item, 'label', 'name'))
      if (!label) continue
      const id = at(item, 'id')
      out.labelEvents.push({
        event,
        label,
        actor: login(at(item, 'actor')),
        at: time,
        url: htmlUrl && typeof id === 'number' ? `${htmlUrl}#event-${id}` : undefined,
      })
    } else if (event === 'reviewed') {
      const updated = str(at(item, 'updated_at'))
      out.acts.push({
        kind: 'review',
        actor: login(at(item, 'user')),
        at: time,
        url: str(at(item, 'html_url')),
        body: str(at(item, 'body')) ?? '',
        commitId: str(at(item, 'commit_id')),
        state: (str(at(item, 'state')) ?? '').toLowerCase(),
        edited: !!updated && Date.parse(updated) - Date.parse(time) > 1000,
      })
    } else if (event === 'commented') {
      const updated = str(at(item, 'updated_at'))
      out.acts.push({
        kind: 'comment',
        actor: login(at(item, 'user')) ?? login(at(item, 'actor')),
        at: time,
        url: str(at(item, 'html_url')),
        body: str(at(item, 'body')) ?? '',
        edited: !!updated && Date.parse(updated) - Date.parse(time) > 1000,
      })
    }
  }
  return out
}

export function parseReviewComments(items: readonly unknown[]): WaiverAct[] {
  const out: WaiverAct[] = []
  for (const c of items) {
    const time = str(at(c, 'created_at'))
    if (!time || Number.isNaN(Date.parse(time))) continue
    const updated = str(at(c, 'updated_at'))
    out.push({
      kind: 'review-comment',
      actor: login(at(c, 'user')),
      at: time,
      url: str(at(c, 'html_url')),
      body: str(at(c, 'body')) ?? '',
      // The commit the comment was written on (commit_id follows the comment to later commits).
      commitId: str(at(c, 'original_commit_id')) ?? str(at(c, 'commit_id')),
      edited: !!updated && Date.parse(updated) - Date.parse(time) > 1000,
    })
  }
  return out
}

/**
 * The same records read through GraphQL, as fields of the run's first query (src/github/prefetch.ts), so a
 * PR whose rules fail or warn needs no extra call to learn who waived what. Each part is taken only when
 * GraphQL gave all of it: a connection with a next page, a null node, or an error at or below it leaves
 * that part to the REST reads above (never a decision on a partial record).
 *
 * Field for field, what the REST parsers read: label events (`LabeledEvent`/`UnlabeledEvent`: actor, time,
 * label; oldest first, as the timeline lists them), conversation comments (author, time, text, edited),
 * reviews (author, submitted time, state, the commit GitHub bound the review to, text, edited) and review
 * comments (author, time, text, edited, the commit they were written on: `originalCommit` is REST's
 * `original_commit_id`). GraphQL names a bot without REST's `[bot]` suffix: it is put back, so a login
 * compares the same whichever way it was read. Pending reviews and pending review comments (only ever the
 * token's own, and REST does not list them) are left out. "Edited" is REST's test (updated more than a
 * second after it was written) or GitHub's `lastEditedAt`, whichever says so.
 */
export const WAIVER_RECORDS_SELECTION =
  'comments(first: 100) { totalCount nodes { fullDatabaseId body viewerDidAuthor author { __typename login } ' +
  'createdAt updatedAt lastEditedAt url } }\n' +
  '      labelEvents: timelineItems(first: 100, itemTypes: [LABELED_EVENT, UNLABELED_EVENT]) { pageInfo { ' +
  'hasNextPage } nodes { __typename ... on LabeledEvent { id createdAt actor { __typename login } label { name ' +
  '} } ... on UnlabeledEvent { id createdAt actor { __typename login } label { name } } } }\n' +
  '      reviews(first: 100) { pageInfo { hasNextPage } nodes { author { __typename login } body state ' +
  'submittedAt createdAt updatedAt lastEditedAt url commit { oid } } }\n' +
  '      reviewThreads(first: 100) { pageInfo { hasNextPage } nodes { comments(first: 100) { pageInfo { ' +
  'hasNextPage } nodes { author { __typename login } body state createdAt updatedAt lastEditedAt url commit { ' +
  'oid } originalCommit { oid } } } } }'

/** What the first query read of a PR's waiver records; a part left undefined is read over REST. */
export interface PrefetchedRecords {
  /** Label events, conversation comments and reviews (what the REST timeline gives). */
  timeline?: PullRecords
  /** Review comments (what `GET /pulls/{n}/comments` gives). */
  reviewComments?: WaiverAct[]
}

/** A GraphQL actor's login as REST spells it (`dependabot` the Bot is `dependabot[bot]`). */
function graphqlLogin(actor: unknown): string | undefined {
  const name = str(at(actor, 'login'))
  if (!name) return undefined
  return str(at(actor, '__typename')) === 'Bot' && !name.endsWith('[bot]') ? `${name}[bot]` : name
}

const editedAfter = (createdAt: string, updatedAt: string | undefined, lastEditedAt: unknown) =>
  (typeof lastEditedAt === 'string' && lastEditedAt !== '') || (!!updatedAt && Date.parse(updatedAt) - Date.parse(createdAt) > 1000)

/**
 * The database id inside a GraphQL node id, for the `#event-<id>` link REST builds from `id` (LabeledEvent
 * has no `databaseId` field). Both formats GitHub issues are read: the legacy `base64("0NN:LabeledEvent<id>")`
 * and the current `LE_<base64url(msgpack [0, repository id, issue id, event id])>`; e.g. the event
 * 6430296748 of github/roadmap is `LE_lADODwFebM5HwC0kzwAAAAF_Roqs` (its REST `node_id`). Anything else:
 * undefined (the record then has no link; nothing is decided on it).
 */
export function nodeDatabaseId(id: unknown): number | undefined {
  if (typeof id !== 'string') return undefined
  const m = /^[A-Za-z]+_([A-Za-z0-9_-]+)$/.exec(id)
  if (m) {
    const b = Buffer.from(m[1], 'base64url')
    // msgpack: a fixarray of unsigned integers (positive fixint, uint 8/16/32/64); the last is the id.
    if (!b.length || (b[0] & 0xf0) !== 0x90) return undefined
    const n = b[0] & 0x0f
    let i = 1
    let last: number | undefined
    for (let k = 0; k < n; k++) {
      const t = b.at(i) // none past the end of a truncated id
      if (t === undefined) return undefined
      if (t <= 0x7f) {
        last = t
        i += 1
      } else if (t === 0xcc && i + 2 <= b.length) {
        last = b.readUInt8(i + 1)
        i += 2
      } else if (t === 0xcd && i + 3 <= b.length) {
        last = b.readUInt16BE(i + 1)
        i += 3
      } else if (t === 0xce && i + 5 <= b.length) {
        last = b.readUInt32BE(i + 1)
        i += 5
      } else if (t === 0xcf && i + 9 <= b.length) {
        last = Number(b.readBigUInt64BE(i + 1))
        i += 9
      } else return undefined
    }
    return i === b.length && last !== undefined && Number.isSafeInteger(last) && last > 0 ? last : undefined
  }
  const legacy = /^\d+:[A-Za-z]+?(\d+)$/.exec(Buffer.from(id, 'base64').toString('latin1'))
  const n = legacy ? Number(legacy[1]) : NaN
  return Number.isSafeInteger(n) && n > 0 ? n : undefined
}

/** The nodes of a connection read whole (no next page, no null node), or undefined. */
function wholeNodes(connection: unknown): unknown[] | undefined {
  if (!connection || typeof connection !== 'object') return undefined
  const next = at(connection, 'pageInfo', 'hasNextPage')
  const total = at(connection, 'totalCount')
  // Whole when GitHub says there is no next page, or counts exactly the nodes given.
  if (next === true || (next !== false && typeof total !== 'number')) return undefined
  const nodes = at(connection, 'nodes')
  if (!Array.isArray(nodes) || nodes.some((n) => !n || typeof n !== 'object')) return undefined
  if (total !== undefined && total !== nodes.length) return undefined
  return nodes as unknown[]
}

/** Label events of the first query's timeline (nodes read whole). */
function graphqlLabelEvents(labels: readonly unknown[], htmlUrl: string | undefined): LabelEvent[] {
  const events: LabelEvent[] = []
  for (const e of labels) {
    const type = str(at(e, '__typename'))
    const time = str(at(e, 'createdAt'))
    const label = str(at(e, 'label', 'name'))
    if ((type !== 'LabeledEvent' && type !== 'UnlabeledEvent') || !time || Number.isNaN(Date.parse(time)) || !label) continue
    const id = nodeDatabaseId(at(e, 'id'))
    events.push({
      event: type === 'LabeledEvent' ? 'labeled' : 'unlabeled',
      label,
      actor: graphqlLogin(at(e, 'actor')),
      at: time,
      url: htmlUrl && id !== undefined ? `${htmlUrl}#event-${id}` : undefined,
    })
  }
  return events
}

/** Conversation comments and submitted reviews, in the timeline's order: oldest first. */
function graphqlTimelineActs(comments: readonly unknown[], reviews: readonly unknown[]): WaiverAct[] {
  const acts: WaiverAct[] = []
  for (const c of comments) {
    const time = str(at(c, 'createdAt'))
    if (!time || Number.isNaN(Date.parse(time))) continue
    acts.push({
      kind: 'comment',
      actor: graphqlLogin(at(c, 'author')),
      at: time,
      url: str(at(c, 'url')),
      body: str(at(c, 'body')) ?? '',
      edited: editedAfter(time, str(at(c, 'updatedAt')), at(c, 'lastEditedAt')),
    })
  }
  for (const r of reviews) {
    const state = (str(at(r, 'state')) ?? '').toLowerCase()
    const time = str(at(r, 'submittedAt')) ?? str(at(r, 'createdAt'))
    if (state === 'pending' || !time || Number.isNaN(Date.parse(time))) continue
    acts.push({
      kind: 'review',
      actor: graphqlLogin(at(r, 'author')),
      at: time,
      url: str(at(r, 'url')),
      body: str(at(r, 'body')) ?? '',
      commitId: str(at(r, 'commit', 'oid')),
      state,
      edited: editedAfter(time, str(at(r, 'updatedAt')), at(r, 'lastEditedAt')),
    })
  }
  // A stable sort keeps comments before reviews at the same instant.
  return acts
    .map((a, i) => ({ a, i, t: Date.parse(a.at) }))
    .sort((x, y) => x.t - y.t || x.i - y.i)
    .map((x) => x.a)
}

/** The review comments of every thread; undefined when one thread's comments were not read whole. */
function graphqlReviewComments(threads: readonly unknown[]): WaiverAct[] | undefined {
  const acts: WaiverAct[] = []
  for (const t of threads) {
    const nodes = wholeNodes(at(t, 'comments'))
    if (!nodes) return undefined
    for (const c of nodes) {
      const time = str(at(c, 'createdAt'))
      if (str(at(c, 'state')) === 'PENDING' || !time || Number.isNaN(Date.parse(time))) continue
      acts.push({
        kind: 'review-comment',
        actor: graphqlLogin(at(c, 'author')),
        at: time,
        url: str(at(c, 'url')),
        body: str(at(c, 'body')) ?? '',
        commitId: str(at(c, 'originalCommit', 'oid')) ?? str(at(c, 'commit', 'oid')),
        edited: editedAfter(time, str(at(c, 'updatedAt')), at(c, 'lastEditedAt')),
      })
    }
  }
  return acts
}

/**
 * The waiver records in the answer of the first query (`pullRequest` selected with WAIVER_RECORDS_SELECTION).
 * `covered(path)` says whether a GraphQL error covers a field (src/github/contents.ts `errorCovers`).
 */
export function parseGraphqlRecords(pullRequest: unknown, covered: (field: string[]) => boolean, htmlUrl?: string): PrefetchedRecords {
  const out: PrefetchedRecords = {}
  const f = (name: string) => ['repository', 'pullRequest', name]
  // (An error at pullRequest itself nulls it; one below it covers only the part it names.)
  if (!pullRequest || typeof pullRequest !== 'object') return out
  const labels = covered(f('labelEvents')) ? undefined : wholeNodes(at(pullRequest, 'labelEvents'))
  const comments = covered(f('comments')) ? undefined : wholeNodes(at(pullRequest, 'comments'))
  const reviews = covered(f('reviews')) ? undefined : wholeNodes(at(pullRequest, 'reviews'))
  if (labels && comments && reviews)
    out.timeline = { labelEvents: graphqlLabelEvents(labels, htmlUrl), acts: graphqlTimelineActs(comments, reviews) }
  const threads = covered(f('reviewThreads')) ? undefined : wholeNodes(at(pullRequest, 'reviewThreads'))
  const reviewComments = threads ? graphqlReviewComments(threads) : undefined
  if (reviewComments) out.reviewComments = reviewComments
  return out
}

/** CODEOWNERS: `pattern owner…` lines; the LAST matching line decides a path's owners (GitHub's rule). */
export function parseCodeowners(text: string): Array<{ pattern: string; owners: string[] }> {
  const out: Array<{ pattern: string; owners: string[] }> = []
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim()
    if (!line) continue
    const [pattern, ...owners] = line.split(/\s+/)
    if (!pattern || pattern.startsWith('!') || pattern.startsWith('[')) continue // negation and sections are not supported by GitHub either
    out.push({ pattern, owners: owners.filter((o) => o.startsWith('@')).map((o) => o.slice(1).toLowerCase()) })
  }
  return out
}

/** Does a CODEOWNERS pattern (gitignore syntax) match `path`? */
export function codeownersMatch(pattern: string, path: string): boolean {
  let p = pattern
  const anchored = p.startsWith('/') || p.replace(/\/$/, '').includes('/')
  p = p.replace(/^\//, '')
  const dirOnly = p.endsWith('/')
  if (dirOnly) p = p.replace(/\/+$/, '')
  if (!p) return true
  const globs = anchored ? [p, `${p}/**`] : [`**/${p}`, `**/${p}/**`]
  if (dirOnly) globs.shift()
  return globs.some((g) => globMatch(path, g))
}

/** The owners of `path` (lower-case logins and `org/team` slugs). */
export function ownersOf(rules: ReturnType<typeof parseCodeowners>, path: string): string[] {
  let owners: string[] = []
  for (const r of rules) if (codeownersMatch(r.pattern, path)) owners = r.owners
  return owners
}

export const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const

/** Team memberships and roles, cached across pull requests of one run (release mode reads many). */
export class IdentityCache {
  readonly teams = new Map<string, Promise<Checked<boolean>>>()
  readonly roles = new Map<string, Promise<Checked<string>>>()
  codeowners?: Promise<Checked<ReturnType<typeof parseCodeowners>>>
}

export interface PullRef {
  number: number
  author: string
  headRef: string
  headSha: string
  /** The head branch lives in this repository (not a fork). */
  sameRepo: boolean
  /** The PR's web page: links to its timeline events are `<html_url>#event-<id>`. */
  htmlUrl?: string
}

/** What the reads of one pull request's records share. */
interface RecordsContext {
  octokit: Octokit
  repo: RepoRef
  pr: PullRef
  /** `owner/repo#number`, for messages. */
  where: string
  readBase: (path: string) => Promise<string | undefined>
  cache: IdentityCache
}

/** The issue timeline over REST, every page. */
async function readTimeline({ octokit, repo, pr, where }: RecordsContext): Promise<Checked<PullRecords>> {
  try {
    const value = parseTimeline(
      await pages(async (page) =>
        list(
          (
            await octokit.rest.issues.listEventsForTimeline({
              owner: repo.owner,
              repo: repo.repo,
              issue_number: pr.number,
              per_page: 100,
              page,
            })
          ).data,
        ),
      ),
      pr.htmlUrl,
    )
    return { ok: true, value }
  } catch (e) {
    return {
      ok: false,
      why: refusal(
        `the timeline of ${where} (GET /repos/${repo.owner}/${repo.repo}/issues/${pr.number}/timeline)`,
        e,
        PERMISSION_HINTS.timeline,
      ),
    }
  }
}

/** The review comments over REST, every page. */
async function readReviewComments({ octokit, repo, pr, where }: RecordsContext): Promise<Checked<WaiverAct[]>> {
  try {
    const value = parseReviewComments(
      await pages(async (page) =>
        list(
          (
            await octokit.rest.pulls.listReviewComments({
              owner: repo.owner,
              repo: repo.repo,
              pull_number: pr.number,
              per_page: 100,
              page,
            })
          ).data,
        ),
      ),
    )
    return { ok: true, value }
  } catch (e) {
    return { ok: false, why: refusal(`the review comments of ${where}`, e, PERMISSION_HINTS.timeline) }
  }
}

/** What the first query read whole is used as is; the rest is read over REST, every page. */
async function readRecords(ctx: RecordsContext, prefetched: PrefetchedRecords): Promise<Checked<PullRecords>> {
  let out: PullRecords
  if (prefetched.timeline) out = { labelEvents: [...prefetched.timeline.labelEvents], acts: [...prefetched.timeline.acts] }
  else {
    const timeline = await readTimeline(ctx)
    if (!timeline.ok) return timeline
    out = timeline.value
  }
  if (prefetched.reviewComments) out.acts.push(...prefetched.reviewComments)
  else {
    const reviewComments = await readReviewComments(ctx)
    if (!reviewComments.ok) return reviewComments
    out.acts.push(...reviewComments.value)
  }
  return { ok: true, value: out }
}

/** When the current head was pushed, from the repository's activity record. */
async function readPushed({ octokit, repo, pr, where }: RecordsContext): Promise<Checked<string>> {
  if (!pr.sameRepo)
    return {
      ok: false,
      why: `the head branch of ${where} is in a fork, whose pushes this repository does not record; ${PERMISSION_HINTS.activity}`,
    }
  try {
    const { data } = await octokit.rest.repos.listActivities({
      owner: repo.owner,
      repo: repo.repo,
      ref: `refs/heads/${pr.headRef}`,
      per_page: 100,
    })
    const times = list(data)
      .filter((a) => str(at(a, 'after')) === pr.headSha)
      .map((a) => str(at(a, 'timestamp')) ?? '')
      .filter((t) => !Number.isNaN(Date.parse(t)))
      .sort()
    const last = times[times.length - 1]
    if (!last)
      return {
        ok: false,
        why:
          `GitHub's activity record of ${pr.headRef} has no push of the head ${pr.headSha.slice(0, 12)} ` +
          `among its last 100 pushes, so the time of the last push is unknown`,
      }
    return { ok: true, value: last }
  } catch (e) {
    return {
      ok: false,
      why: refusal(`the pushes to ${pr.headRef} (GET /repos/${repo.owner}/${repo.repo}/activity)`, e, PERMISSION_HINTS.activity),
    }
  }
}

/** Is `user` an active member of `org/team`? Cached per run. */
function teamMember({ octokit, cache }: RecordsContext, team: string, user: string): Promise<Checked<boolean>> {
  const key = `${team}:${user}`.toLowerCase()
  let p = cache.teams.get(key)
  if (!p) {
    const [org, slug] = team.split('/')
    p = (async (): Promise<Checked<boolean>> => {
      if (!org || !slug) return { ok: false, why: `"${team}" is not an org/team slug` }
      try {
        const { data } = await octokit.rest.teams.getMembershipForUserInOrg({ org, team_slug: slug, username: user })
        return { ok: true, value: str(at(data, 'state')) === 'active' }
      } catch (e) {
        // 404: not a member, or a team the token cannot see; either way the user is not shown to be a member.
        if (statusOf(e) === 404) return { ok: true, value: false }
        return { ok: false, why: refusal(`the membership of ${user} in ${team}`, e, PERMISSION_HINTS.team) }
      }
    })()
    cache.teams.set(key, p)
  }
  return p
}

/** The repository role of `user` (lower case). Cached per run. */
function roleOf({ octokit, repo, cache }: RecordsContext, user: string): Promise<Checked<string>> {
  const key = user.toLowerCase()
  let p = cache.roles.get(key)
  if (!p) {
    p = (async (): Promise<Checked<string>> => {
      try {
        const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ owner: repo.owner, repo: repo.repo, username: user })
        const role = (str(at(data, 'role_name')) ?? str(at(data, 'permission')) ?? 'none').toLowerCase()
        return { ok: true, value: role }
      } catch (e) {
        if (statusOf(e) === 404) return { ok: true, value: 'none' }
        return { ok: false, why: refusal(`the repository role of ${user}`, e, PERMISSION_HINTS.permission) }
      }
    })()
    cache.roles.set(key, p)
  }
  return p
}

/** CODEOWNERS at the base, read once per run. */
function codeowners({ readBase, cache }: RecordsContext): Promise<Checked<ReturnType<typeof parseCodeowners>>> {
  return (cache.codeowners ??= (async () => {
    try {
      for (const path of CODEOWNERS_PATHS) {
        const text = await readBase(path)
        if (text !== undefined) return { ok: true as const, value: parseCodeowners(text) }
      }
      return { ok: true as const, value: [] }
    } catch (e) {
      return { ok: false as const, why: refusal('CODEOWNERS at the base', e, PERMISSION_HINTS.codeowners) }
    }
  })())
}

/** Does `user` own every path (directly or through a team)? Reads that fail are added to `unverified`. */
async function ownsAllPaths(
  ctx: RecordsContext,
  rules: ReturnType<typeof parseCodeowners>,
  user: string,
  paths: readonly string[],
  unverified: string[],
): Promise<boolean> {
  for (const path of paths) {
    const owners = ownersOf(rules, path)
    let owns = owners.includes(user.toLowerCase())
    for (const o of owners) {
      if (owns) break
      if (!o.includes('/')) continue
      const m = await teamMember(ctx, o, user)
      if (!m.ok) unverified.push(m.why)
      else owns = m.value
    }
    if (!owns) return false
  }
  return true
}

/** Is `user` an approver under `spec`: a listed user, a role, a team, or the code owner of every path. */
async function approverCheck(ctx: RecordsContext, user: string, spec: ApproverSpec, paths: readonly string[]): Promise<ApproverCheck> {
  const unverified: string[] = []
  if ((spec.users ?? []).some((u) => u.replace(/^@/, '').toLowerCase() === user.toLowerCase()))
    return { approver: true, via: 'listed user' }
  if (spec.permission) {
    const role = await roleOf(ctx, user)
    if (!role.ok) unverified.push(role.why)
    else {
      const have = ROLES.indexOf(role.value as (typeof ROLES)[number])
      const need = ROLES.indexOf(spec.permission as (typeof ROLES)[number])
      if (need > 1 && have >= need) return { approver: true, via: `repository role ${role.value}` }
    }
  }
  for (const team of spec.teams ?? []) {
    const m = await teamMember(ctx, team, user)
    if (!m.ok) unverified.push(m.why)
    else if (m.value) return { approver: true, via: `member of ${team}` }
  }
  if (spec.codeowners) {
    const rules = await codeowners(ctx)
    if (!rules.ok) unverified.push(rules.why)
    else if (paths.length && (await ownsAllPaths(ctx, rules.value, user, paths, unverified)))
      return { approver: true, via: `code owner of ${paths.length === 1 ? paths[0] : `all ${paths.length} paths`}` }
  }
  if (unverified.length)
    return {
      approver: false,
      unverified: true,
      why: `${user} could not be verified as an approver: ${[...new Set(unverified)].join('; ')}`,
    }
  return { approver: false, why: `${user} is not an approver (${describeApprovers(spec)})` }
}

/** The records of one pull request, read through the API. */
export function githubWaiverRecords(
  octokit: Octokit,
  repo: RepoRef,
  pr: PullRef,
  readBase: (path: string) => Promise<string | undefined>,
  cache: IdentityCache = new IdentityCache(),
  prefetched: PrefetchedRecords = {},
): WaiverRecords {
  let records: Promise<Checked<PullRecords>> | undefined
  let pushed: Promise<Checked<string>> | undefined
  const ctx: RecordsContext = { octokit, repo, pr, where: `${repo.owner}/${repo.repo}#${pr.number}`, readBase, cache }
  return {
    records: () => (records ??= readRecords(ctx, prefetched)),
    headPushedAt: () => (pushed ??= readPushed(ctx)),
    approver: (user, spec, paths) => approverCheck(ctx, user, spec, paths),
  }
}

/** The approvers in words, for messages: "users alice; teams acme/dba; role maintain or higher; code owners". */
export function describeApprovers(spec: ApproverSpec): string {
  const parts: string[] = []
  if (spec.users?.length) parts.push(`users ${spec.users.join(', ')}`)
  if (spec.teams?.length) parts.push(`teams ${spec.teams.join(', ')}`)
  if (spec.permission) parts.push(`repository role ${spec.permission} or higher`)
  if (spec.codeowners) parts.push('code owners of the paths concerned')
  return parts.length ? `approvers: ${parts.join('; ')}` : 'the policy names no approvers'
}
