/**
 * The trend report's issue (the Action's `mode: report`): ONE issue per repository and check name, kept
 * up to date in place like the sticky PR comment. It is found by a hidden marker at the start of its body,
 * among the open issues the token's identity created (nobody else's issue is ever edited); created when
 * there is none, and then pinned through GraphQL `pinIssue` when GitHub lets the token (a repository holds
 * at most 3 pinned issues), with a notice giving GitHub's reason otherwise: pinning is a
 * convenience, the report is written either way. An issue found again is left pinned or unpinned as a
 * maintainer left it.
 */
import type { Octokit } from '../github/client.js'
import { describeApiError, statusOf } from '../github/client.js'
import { tokenIdentity } from '../github/publish.js'
import { describeGraphqlError } from './api.js'
import type { RepoRef } from '../github/source.js'

export const ISSUE_BODY_LIMIT = 65536
/** Most pages of open issues (100 each) searched for the marker. */
const MAX_PAGES = 10

export function reportMarker(checkName: string): string {
  return `<!-- pr-quality-gate:trend-report ${checkName.replace(/-->/g, '')} -->`
}

/** The issue body: the marker, then the report, cut at a line boundary to GitHub's 65,536 characters. */
export function issueBody(marker: string, markdown: string, pointer: string): string {
  const full = `${marker}\n${markdown}`
  if (full.length <= ISSUE_BODY_LIMIT) return full
  const note = `\n\n> ✂️ Truncated: ${pointer}\n`
  const cut = full.lastIndexOf('\n', ISSUE_BODY_LIMIT - note.length - 16)
  let head = full.slice(0, cut)
  // Do not leave a code block (a Mermaid chart) or a <details> open.
  if ((head.match(/^```/gm) ?? []).length % 2) head += '\n```'
  const open = (head.match(/<details>/g) ?? []).length - (head.match(/<\/details>/g) ?? []).length
  if (open > 0) head += '\n</details>'.repeat(open)
  return head + note
}

export interface IssueOutcome {
  number: number
  url?: string
  action: 'created' | 'updated'
  /** 'pinned', 'already pinned', or why not. */
  pin: string
}

const PIN_MUTATION = `mutation PinReport($issueId: ID!) { pinIssue(input: {issueId: $issueId}) { issue { number isPinned } } }`

export async function upsertReportIssue(o: {
  octokit: Octokit
  repo: RepoRef
  marker: string
  title: string
  body: string
  identityFallback: string
  token?: string
  pin: boolean
}): Promise<IssueOutcome> {
  const { octokit, repo } = o
  const identity = await tokenIdentity(octokit, o.identityFallback, o.token)
  type IssueLite = {
    number: number
    node_id: string
    html_url: string
    body?: string | null
    user: { login: string } | null
    pull_request?: unknown
  }
  let found: IssueLite | undefined
  try {
    for (let page = 1; page <= MAX_PAGES && !found; page++) {
      const { data } = await octokit.rest.issues.listForRepo({
        owner: repo.owner,
        repo: repo.repo,
        state: 'open',
        creator: identity,
        sort: 'created',
        direction: 'asc',
        per_page: 100,
        page,
      })
      found = (data as IssueLite[]).find((i) => !i.pull_request && i.user?.login === identity && (i.body ?? '').startsWith(o.marker))
      if (data.length < 100) break
    }
  } catch (e) {
    throw new Error(describeApiError('looking up the trend report issue', e))
  }
  let issue: IssueLite
  let action: IssueOutcome['action']
  try {
    if (found) {
      issue = (
        await octokit.rest.issues.update({ owner: repo.owner, repo: repo.repo, issue_number: found.number, title: o.title, body: o.body })
      ).data as IssueLite
      action = 'updated'
    } else {
      issue = (await octokit.rest.issues.create({ owner: repo.owner, repo: repo.repo, title: o.title, body: o.body })).data as IssueLite
      action = 'created'
    }
  } catch (e) {
    const hint = statusOf(e) === 403 || statusOf(e) === 404 ? ' (the token needs issues: write)' : ''
    throw new Error(describeApiError(`${found ? 'updating' : 'creating'} the trend report issue`, e) + hint)
  }
  // Pinned once, when created: a maintainer who unpins it later is not overruled every week.
  let pin = action === 'updated' ? 'left as it is (pinned when created)' : 'not asked'
  if (o.pin && action === 'created') {
    try {
      const r = await octokit.graphql<{ pinIssue: { issue: { isPinned: boolean } | null } | null }>(PIN_MUTATION, {
        issueId: issue.node_id,
      })
      pin = r.pinIssue?.issue?.isPinned ? 'pinned' : 'not pinned (GitHub did not say why)'
    } catch (e) {
      pin = `not pinned: ${describeGraphqlError('pinIssue', e)} (a maintainer can pin it by hand; the report is in the issue either way)`
    }
  }
  return { number: issue.number, url: issue.html_url, action, pin }
}
