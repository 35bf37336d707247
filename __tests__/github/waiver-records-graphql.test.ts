/**
 * Issue 15: the waiver records (issue 18) read through the run's first GraphQL query must be the records
 * the REST reads give, field for field, and whatever GraphQL did not give whole must come from REST. Against
 * the fake GitHub, whose GraphQL endpoint validates every query against GitHub's schema and serves the same
 * records as its REST timeline and review-comment routes.
 */
import { createClient } from '../../src/github/client.js'
import { prefetchBase } from '../../src/github/prefetch.js'
import { githubWaiverRecords, nodeDatabaseId, type PullRecords } from '../../src/github/waiver-records.js'
import type { FakeGitHub } from '../helpers/github-server.js'
import { useFakeGitHub } from '../helpers/use-fake-github.js'

let server: FakeGitHub
useFakeGitHub((s) => (server = s))

const BASE = 'b'.repeat(40)
const HEAD = 'c'.repeat(40)
const OLD = 'd'.repeat(40)
const repo = { owner: 'acme', repo: 'service' }
const HTML = 'https://github.com/acme/service/pull/7'
const client = () => createClient({ token: server.token, baseUrl: server.url, retries: 0 })
const at = (s: number) => new Date(Date.parse('2026-03-01T10:00:00Z') + s * 1000).toISOString().replace(/\.\d+Z$/, 'Z')
const pull = { number: 7, author: 'octocat', headRef: 'f', headSha: HEAD, sameRepo: true, htmlUrl: HTML }
const noBase = async () => undefined

function seed(): void {
  server.setTree(BASE, {})
  server.setTree(HEAD, {})
  server.addPullRequest({
    number: 7,
    user: 'octocat',
    base: { ref: 'main', sha: BASE },
    head: { ref: 'f', sha: HEAD },
    files: [{ filename: 'src/a.ts', additions: 1, deletions: 0 }],
  })
}

/** Every kind of record the parsers read: label events by a user and a bot, edited and unedited acts, old commits. */
function richRecords(): void {
  server.labelEvent(7, 'labeled', 'gate-waive:pr-size', 'octocat', at(10))
  server.labelEvent(7, 'unlabeled', 'gate-waive:pr-size', 'maintainer', at(20))
  server.labelEvent(7, 'labeled', 'gate-waive:pr-size', 'maintainer', at(30))
  server.labelEvent(7, 'labeled', 'size/L', 'github-actions[bot]', at(30))
  server.addUserComment(7, 'alice', '/gate waive pr-size because it is generated', at(40))
  server.addComments(7, 1, { user: 'github-actions[bot]', body: '<!-- marker -->\nours' })
  server.addReview({ number: 7, user: 'maintainer', body: '/gate waive pr-size reviewed and fine', at: at(50) })
  server.addReview({ number: 7, user: 'bob', state: 'CHANGES_REQUESTED', body: 'no', at: at(60), commitId: OLD })
  server.addReview({ number: 7, user: 'carol', body: '/gate waive pr-size edited later', at: at(70), updatedAt: at(700) })
  server.addReviewComment({ number: 7, user: 'maintainer', body: '/gate waive pr-size on this line', at: at(80), commitId: OLD })
  server.addReviewComment({ number: 7, user: 'dave', body: '/gate waive pr-size edited', at: at(90), updatedAt: at(900) })
}

async function viaRest(): Promise<PullRecords> {
  const r = await githubWaiverRecords(client(), repo, pull, noBase).records()
  if (!r.ok) throw new Error(r.why)
  return r.value
}

describe('waiver records through the first GraphQL query', () => {
  it('give the same records as the REST timeline and review comments, field for field, with no REST call', async () => {
    seed()
    richRecords()
    const rest = await viaRest()
    expect(server.count('issues/list-events-for-timeline')).toBe(1)
    expect(server.count('pulls/list-review-comments')).toBe(1)
    server.requests.length = 0
    const snapshot = await prefetchBase(client(), repo, BASE, '.github/quality-gate.yml', 7, [], HTML)
    expect(snapshot.failed).toBeUndefined()
    const gql = await githubWaiverRecords(client(), repo, pull, noBase, undefined, snapshot.records).records()
    expect(server.requests.map((q) => q.operationId)).toEqual(['graphql'])
    expect(gql).toEqual({ ok: true, value: rest })
    // What the comparison covers (so it cannot pass on two empty lists).
    expect(rest.labelEvents.map((e) => `${e.event} ${e.label} ${e.actor}`)).toEqual([
      'labeled gate-waive:pr-size octocat',
      'unlabeled gate-waive:pr-size maintainer',
      'labeled gate-waive:pr-size maintainer',
      'labeled size/L github-actions[bot]',
    ])
    expect(rest.labelEvents.every((e) => /#event-\d+$/.test(e.url ?? ''))).toBe(true)
    expect(rest.acts.map((a) => `${a.kind} ${a.actor} ${a.state ?? ''} ${a.commitId?.slice(0, 1) ?? ''} ${a.edited}`)).toEqual([
      'comment alice   false',
      'review maintainer approved c false',
      'review bob changes_requested d false',
      'review carol approved c true',
      expect.stringMatching(/^comment github-actions\[bot\] {3}false$/),
      'review-comment maintainer  d false',
      'review-comment dave  c true',
    ])
  })

  it('more than 100 label events: the timeline is read over REST, the review comments still come from GraphQL', async () => {
    seed()
    for (let i = 0; i < 101; i++) server.labelEvent(7, i % 2 ? 'unlabeled' : 'labeled', 'gate-waive:pr-size', 'maintainer', at(i))
    server.addReviewComment({ number: 7, user: 'maintainer', body: '/gate waive pr-size x', at: at(500) })
    const rest = await viaRest()
    server.requests.length = 0
    const snapshot = await prefetchBase(client(), repo, BASE, '.github/quality-gate.yml', 7, [], HTML)
    expect(snapshot.records.timeline).toBeUndefined()
    expect(snapshot.records.reviewComments).toHaveLength(1)
    const gql = await githubWaiverRecords(client(), repo, pull, noBase, undefined, snapshot.records).records()
    expect(server.requests.map((q) => q.operationId)).toEqual([
      'graphql',
      'issues/list-events-for-timeline',
      'issues/list-events-for-timeline',
    ])
    expect(gql).toEqual({ ok: true, value: rest })
    expect(rest.labelEvents).toHaveLength(101)
  })

  it('more than 100 conversation comments, or reviews: the timeline over REST', async () => {
    seed()
    server.addComments(7, 101, { user: 'alice' })
    let s = await prefetchBase(client(), repo, BASE, '.github/quality-gate.yml', 7, [], HTML)
    expect(s.records.timeline).toBeUndefined()
    server.state.comments.length = 0
    for (let i = 0; i < 101; i++) server.addReview({ number: 7, user: 'bob', state: 'COMMENTED', at: at(i) })
    s = await prefetchBase(client(), repo, BASE, '.github/quality-gate.yml', 7, [], HTML)
    expect(s.records.timeline).toBeUndefined()
    expect(s.records.reviewComments).toEqual([])
  })

  it('a field GraphQL refuses is read over REST, and a REST refusal then leaves the records unverified', async () => {
    seed()
    richRecords()
    // `reviews` is nullable: GitHub nulls just that field. (An error at a non-null connection, such as
    // `reviewThreads`, nulls the whole pullRequest: then nothing of it is taken.)
    server.faults.push({ path: '/graphql', graphqlErrors: [{ path: ['repository', 'pullRequest', 'reviews'] }], times: 1 })
    const s = await prefetchBase(client(), repo, BASE, '.github/quality-gate.yml', 7, [], HTML)
    expect(s.records.timeline).toBeUndefined()
    expect(s.records.reviewComments).toHaveLength(2)
    expect(s.comments).toHaveLength(2)
    server.faults.push({ path: 'issues/list-events-for-timeline', status: 403, times: 1 })
    const r = await githubWaiverRecords(client(), repo, pull, noBase, undefined, s.records).records()
    expect(r.ok).toBe(false)
    expect(!r.ok && r.why).toContain('GitHub refused the timeline')
    server.faults.push({ path: '/graphql', graphqlErrors: [{ path: ['repository', 'pullRequest', 'reviewThreads'] }], times: 1 })
    const t = await prefetchBase(client(), repo, BASE, '.github/quality-gate.yml', 7, [], HTML)
    expect(t.records).toEqual({})
  })

  it('a failed query reads nothing from GraphQL: everything over REST', async () => {
    seed()
    richRecords()
    server.faults.push({ path: '/graphql', status: 502, times: 1 })
    const s = await prefetchBase(client(), repo, BASE, '.github/quality-gate.yml', 7, [], HTML)
    expect(s.records).toEqual({})
  })
})

describe('nodeDatabaseId', () => {
  it('reads the event id from GitHub node ids, both formats', () => {
    // Real pairs from GitHub's REST answers (id, node_id): github/roadmap's timeline, and a LabeledEvent whose
    // GraphQL answer (GitHub's web client) also shows its databaseId.
    expect(nodeDatabaseId('LE_lADODwFebM5HwC0kzwAAAAF_Roqs')).toBe(6430296748)
    expect(nodeDatabaseId('LE_lADOHusmC86gCdsNzwAAAAOWPEk-')).toBe(15405435198)
    expect(nodeDatabaseId(Buffer.from('012:LabeledEvent5000001').toString('base64'))).toBe(5000001)
  })

  it('anything else is no id (no link), never a guess', () => {
    for (const v of [
      undefined,
      7,
      '',
      'LE_',
      'LE_!!!',
      'LE_' + Buffer.from([0x94, 0x00, 0xce]).toString('base64url'),
      'LE_' + Buffer.from([0x81, 0x00, 0x00]).toString('base64url'),
      'not base64 at all',
    ])
      expect(nodeDatabaseId(v)).toBeUndefined()
  })
})
