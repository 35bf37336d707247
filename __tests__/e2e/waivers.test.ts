/**
 * Issue 18, through the bundle against the OpenAPI-validating fake GitHub: a waiver counts only when GitHub's
 * own records (the timeline's `labeled` events and reviews, review comments, team membership, repository
 * roles, the push of the head) show that an approver who is not the author gave it.
 */
import { readFileSync } from 'node:fs'
import { type FakeGitHub } from '../helpers/github-server.js'
import { HEAD_SHA, lineFiles, noStackTrace, runActionOnPr, seedPr } from './helpers.js'
import { useFakeGitHub } from '../helpers/use-fake-github.js'

let server: FakeGitHub
useFakeGitHub((s) => (server = s))

const POLICY = '.github/quality-gate.yml'
const policy = (extra = '') => ({ [POLICY]: `rules:\n  pr-size: { level: fail, fail_lines: 2 }\n${extra}` })
const REASON = 'gate-waive:pr-size the generated client was regenerated'
const PAT = 'ghp_gateAppLikeToken000000000000000000000'

type Report = {
  conclusion: string
  waivers: Array<Record<string, string>>
  rules: Array<{ id: string; status: string; waiver?: Record<string, string> }>
}
const report = (r: { outputs: Record<string, string> }): Report => JSON.parse(readFileSync(r.outputs.report, 'utf8')) as Report
/** The sticky comment as a reader sees it: Markdown escapes and the zero-width mention breakers removed. */
const comment = () =>
  (server.commentsOn(7).find((c) => c.body.includes('<!-- pr-quality-gate:'))?.body ?? '')
    .replace(/&#8203;/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1')

describe('label waivers: the actor of the labeled event decides', () => {
  it('the author adds the label: not waived, and the comment says why', async () => {
    const pr = seedPr(server, { base: policy(), labels: ['gate-waive:pr-size'], labeledBy: 'octocat', body: REASON })
    const r = await runActionOnPr(server, pr)
    noStackTrace(r)
    expect(r.outputs.conclusion).toBe('failure')
    expect(r.outputs['failed-rules']).toBe('pr-size')
    expect(comment()).toContain('Waiver for pr-size not applied: the label gate-waive:pr-size added by @octocat')
    expect(comment()).toContain('given by the PR author, and a waiver needs someone else (waivers.allow_self is false)')
    expect(report(r).waivers).toEqual([])
    // Read with the first GraphQL query (issue 15): the label events (actor), reviews and review comments,
    // so no REST read of them; no identity lookup for the author.
    expect(server.count('issues/list-events-for-timeline')).toBe(0)
    expect(server.count('pulls/list-review-comments')).toBe(0)
    expect(server.count('repos/get-collaborator-permission-level')).toBe(0)
  })

  it('an approver adds it: waived, with the audit line in the comment, the check run and the JSON report', async () => {
    const pr = seedPr(server, { base: policy(), labels: ['gate-waive:pr-size'], body: REASON })
    const r = await runActionOnPr(server, pr)
    noStackTrace(r)
    expect(r.outputs.conclusion).toBe('success')
    const w = report(r).waivers
    expect(w).toHaveLength(1)
    expect(w[0]).toMatchObject({
      rule: 'pr-size',
      by: 'maintainer',
      via: 'repository role maintain',
      kind: 'label',
      head: HEAD_SHA,
      reason: 'the generated client was regenerated',
      label: 'gate-waive:pr-size',
    })
    expect(w[0].url).toMatch(/^https:\/\/github\.com\/acme\/service\/pull\/7#event-\d+$/)
    expect(comment()).toMatch(
      /waived by <code>maintainer<\/code> \(repository role maintain\) with the label <code>gate-waive:pr-size<\/code> on <code>cccccccccccc<\/code> at \S+Z: the generated client was regenerated \(\[record\]\(https:\/\/github\.com\/acme\/service\/pull\/7#event-\d+\)\)/,
    )
    const check = server.state.checkRuns[0]
    expect(check.output.text).toContain('### Waivers')
    expect(check.output.text).toMatch(
      /\| `pr-size` \| <code>maintainer<\/code> \| repository role maintain \| label <code>gate-waive:pr-size<\/code> \| <code>cccccccccccc<\/code> \|/,
    )
  })

  it('added by the author, removed, then re-added by an approver: waived (the latest labeled event counts)', async () => {
    const pr = seedPr(server, { base: policy(), body: REASON })
    const t = Date.now()
    server.labelEvent(7, 'labeled', 'gate-waive:pr-size', 'octocat', new Date(t + 60_000).toISOString().replace(/\.\d+Z$/, 'Z'))
    server.labelEvent(7, 'unlabeled', 'gate-waive:pr-size', 'maintainer', new Date(t + 120_000).toISOString().replace(/\.\d+Z$/, 'Z'))
    server.labelEvent(7, 'labeled', 'gate-waive:pr-size', 'maintainer', new Date(t + 180_000).toISOString().replace(/\.\d+Z$/, 'Z'))
    const r = await runActionOnPr(server, pr)
    expect(r.outputs.conclusion).toBe('success')
    expect(report(r).waivers[0]).toMatchObject({ by: 'maintainer', kind: 'label' })
  })

  it('added by an approver, then removed and re-added by the author: not waived', async () => {
    const pr = seedPr(server, { base: policy(), body: REASON })
    const t = Date.now()
    server.labelEvent(7, 'labeled', 'gate-waive:pr-size', 'maintainer', new Date(t + 60_000).toISOString().replace(/\.\d+Z$/, 'Z'))
    server.labelEvent(7, 'unlabeled', 'gate-waive:pr-size', 'octocat', new Date(t + 120_000).toISOString().replace(/\.\d+Z$/, 'Z'))
    server.labelEvent(7, 'labeled', 'gate-waive:pr-size', 'octocat', new Date(t + 180_000).toISOString().replace(/\.\d+Z$/, 'Z'))
    const r = await runActionOnPr(server, pr)
    expect(r.outputs.conclusion).toBe('failure')
    expect(comment()).toContain('added by @octocat')
  })

  it('a collaborator with only write access when the policy asks for maintain: not waived, and told who may', async () => {
    server.setRole('writer', 'write')
    const pr = seedPr(server, {
      base: policy('waivers:\n  approvers: { permission: maintain }\n'),
      labels: ['gate-waive:pr-size'],
      labeledBy: 'writer',
      body: REASON,
    })
    const r = await runActionOnPr(server, pr)
    expect(r.outputs.conclusion).toBe('failure')
    expect(comment()).toContain('writer is not an approver (approvers: repository role maintain or higher)')
  })
})

describe('/gate waive in reviews: team membership read from the API', () => {
  const TEAM_POLICY = policy('  migration-safety: { level: fail }\nwaivers:\n  approvers: { teams: [acme/platform] }\n')
  beforeEach(() => {
    server.addToken(PAT, { login: 'gate-app[bot]', type: 'Bot', access: 'write', installationId: 1 })
    server.setTeam('acme/platform', ['tess'])
  })

  it('a team member approves with /gate waive: waived, linked to the review', async () => {
    const pr = seedPr(server, { base: TEAM_POLICY })
    const review = server.addReview({
      number: 7,
      user: 'tess',
      body: 'Looks right.\n\n/gate waive pr-size generated client, regenerated from the schema',
    })
    const r = await runActionOnPr(server, pr, {}, { token: PAT })
    noStackTrace(r)
    expect(r.outputs.conclusion).toBe('success')
    expect(report(r).waivers[0]).toMatchObject({
      rule: 'pr-size',
      by: 'tess',
      via: 'member of acme/platform',
      kind: 'review',
      head: HEAD_SHA,
      reason: 'generated client, regenerated from the schema',
      url: `https://github.com/acme/service/pull/7#pullrequestreview-${review.id}`,
    })
    expect(server.requestsFor('teams/get-membership-for-user-in-org').map((q) => q.path)).toEqual([
      '/orgs/acme/teams/platform/memberships/tess',
    ])
  })

  it('a non-member does the same: not waived', async () => {
    const pr = seedPr(server, { base: TEAM_POLICY })
    server.addReview({ number: 7, user: 'nina', body: '/gate waive pr-size generated client, regenerated from the schema' })
    const r = await runActionOnPr(server, pr, {}, { token: PAT })
    expect(r.outputs.conclusion).toBe('failure')
    expect(comment()).toContain('nina is not an approver (approvers: teams acme/platform)')
  })

  it('a review comment by a member also waives; a review that only comments or requests changes does not', async () => {
    const pr = seedPr(server, { base: TEAM_POLICY })
    server.addReview({
      number: 7,
      user: 'tess',
      state: 'CHANGES_REQUESTED',
      body: '/gate waive pr-size generated client, regenerated from the schema',
    })
    let r = await runActionOnPr(server, pr, {}, { token: PAT })
    expect(r.outputs.conclusion).toBe('failure')
    expect(comment()).toContain('the review is not an approval (changes_requested)')
    server.addReviewComment({ number: 7, user: 'tess', body: '/gate waive pr-size generated client, regenerated from the schema' })
    r = await runActionOnPr(server, pr, {}, { token: PAT })
    expect(r.outputs.conclusion).toBe('success')
    expect(report(r).waivers[0]).toMatchObject({ by: 'tess', kind: 'review-comment' })
  })

  it('the workflow token cannot read team membership: not verified, no waiver, and the permission is named', async () => {
    const pr = seedPr(server, { base: TEAM_POLICY })
    server.addReview({ number: 7, user: 'tess', body: '/gate waive pr-size generated client, regenerated from the schema' })
    const r = await runActionOnPr(server, pr)
    noStackTrace(r)
    expect(r.outputs.conclusion).toBe('failure')
    expect(comment()).toContain('Waiver for pr-size not verified, so not applied')
    expect(comment()).toContain('the token needs organization `members: read`')
    expect(report(r).waivers).toEqual([])
  })

  it('the author approving their own PR with /gate waive (allowed by GitHub for admins) does not count', async () => {
    server.setTeam('acme/platform', ['octocat'])
    const pr = seedPr(server, { base: TEAM_POLICY })
    server.addReviewComment({ number: 7, user: 'octocat', body: '/gate waive pr-size generated client, regenerated from the schema' })
    server.addUserComment(7, 'octocat', '/gate waive pr-size generated client, regenerated from the schema')
    const r = await runActionOnPr(server, pr, {}, { token: PAT })
    expect(r.outputs.conclusion).toBe('failure')
    expect(comment()).toContain('given by the PR author')
  })
})

describe('CODEOWNERS at the base as approvers', () => {
  it('a code owner of every changed path waives with /gate waive; an owner of some of them does not', async () => {
    const base = {
      ...policy('waivers:\n  approvers: { codeowners: true }\n'),
      '.github/CODEOWNERS': '*  @someone\nsrc/  @dana\nsrc/file2.ts  @erin\n',
    }
    const pr = seedPr(server, { base, head: { '.github/CODEOWNERS': '* @octocat\n' } })
    server.addReview({ number: 7, user: 'erin', body: '/gate waive pr-size generated client, regenerated from the schema' })
    let r = await runActionOnPr(server, pr)
    expect(r.outputs.conclusion).toBe('failure')
    expect(comment()).toContain('erin is not an approver (approvers: code owners of the paths concerned)')
    server.state.reviews.length = 0
    server.addReview({ number: 7, user: 'someone', body: '/gate waive pr-size generated client, regenerated from the schema' })
    r = await runActionOnPr(server, pr)
    expect(r.outputs.conclusion).toBe('failure')
    server.setTree('b'.repeat(40), { ...base, '.github/CODEOWNERS': 'src/  @dana\n' })
    server.state.reviews.length = 0
    server.addReview({ number: 7, user: 'dana', body: '/gate waive pr-size generated client, regenerated from the schema' })
    r = await runActionOnPr(server, pr)
    expect(r.outputs.conclusion).toBe('success')
    expect(report(r).waivers[0]).toMatchObject({ by: 'dana', via: 'code owner of all 3 paths' })
  })
})

describe('invalidation on push', () => {
  const INVALIDATE = policy('waivers:\n  invalidate_on_push: true\n')

  it('an approving review on an older head: invalidated once the head moves', async () => {
    const pr = seedPr(server, { base: INVALIDATE })
    server.addReview({ number: 7, user: 'maintainer', body: '/gate waive pr-size generated client, regenerated from the schema' })
    let r = await runActionOnPr(server, pr)
    expect(r.outputs.conclusion).toBe('success')
    const NEW = 'd'.repeat(40)
    server.setTree(NEW, {})
    server.pushHead(7, NEW)
    r = await runActionOnPr(server, pr)
    expect(r.outputs.conclusion).toBe('failure')
    expect(comment()).toContain(`was given on commit cccccccccccc, not on the current head dddddddddddd`)
  })

  it('a label given before the push of the head: invalidated; given again after it: waived', async () => {
    const pr = seedPr(server, { base: INVALIDATE, labels: ['gate-waive:pr-size'], body: REASON })
    const NEW = 'd'.repeat(40)
    server.setTree(NEW, {})
    server.pushHead(7, NEW)
    let r = await runActionOnPr(server, pr)
    expect(r.outputs.conclusion).toBe('failure')
    expect(comment()).toMatch(
      /it was given before the current head dddddddddddd was pushed \(\S+\), and waivers\.invalidate_on_push covers pr-size/,
    )
    expect(server.requestsFor('repos/list-activities')[0]?.query).toMatchObject({ ref: 'refs/heads/feature' })
    server.labelEvent(
      7,
      'unlabeled',
      'gate-waive:pr-size',
      'maintainer',
      new Date(Date.now() + 180_000).toISOString().replace(/\.\d+Z$/, 'Z'),
    )
    server.labelEvent(
      7,
      'labeled',
      'gate-waive:pr-size',
      'maintainer',
      new Date(Date.now() + 240_000).toISOString().replace(/\.\d+Z$/, 'Z'),
    )
    r = await runActionOnPr(server, pr)
    expect(r.outputs.conclusion).toBe('success')
    expect(report(r).waivers[0]).toMatchObject({ by: 'maintainer', head: NEW })
  })

  it('a fork PR: a label cannot be bound to the head (its pushes are not recorded here), so it is not verified', async () => {
    const pr = seedPr(server, { base: INVALIDATE, labels: ['gate-waive:pr-size'], body: REASON, fork: true })
    const r = await runActionOnPr(server, pr)
    expect(r.outputs.conclusion).toBe('failure')
    expect(comment()).toContain('not verified, so not applied')
    expect(comment()).toContain('is in a fork')
  })
})

describe('fail closed when GitHub will not say who did it', () => {
  it('a 403 on the timeline: not verified, no waiver, and the permission is named', async () => {
    const pr = seedPr(server, { base: policy(), labels: ['gate-waive:pr-size'], body: REASON })
    // A token that may not read the label events: GraphQL answers the field with FORBIDDEN (the rest of the
    // first query intact), so the timeline is read over REST, which refuses it too.
    server.faults.push({ path: '/graphql', graphqlErrors: [{ path: ['repository', 'pullRequest', 'labelEvents'] }], times: 1 })
    server.faults.push({
      path: 'issues/list-events-for-timeline',
      status: 403,
      body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' },
      times: 5,
    })
    const r = await runActionOnPr(server, pr)
    noStackTrace(r)
    expect(r.outputs.conclusion).toBe('failure')
    expect(comment()).toContain(
      'Waiver for pr-size not verified, so not applied: the label gate-waive:pr-size is set, but who set it could not be read: GitHub refused the timeline of `acme/service#7`',
    )
    expect(comment()).toContain('the token needs `issues: read` and `pull-requests: read`')
    expect(report(r).waivers).toEqual([])
  })

  it('a 500 on the permission API: not verified (never counted)', async () => {
    const pr = seedPr(server, { base: policy(), labels: ['gate-waive:pr-size'], body: REASON })
    server.faults.push({ path: 'repos/get-collaborator-permission-level', status: 500, times: 10 })
    const r = await runActionOnPr(server, pr)
    noStackTrace(r)
    expect(r.outputs.conclusion).toBe('failure')
    expect(comment()).toContain('could not be verified as an approver')
  })

  it('a labeled event by the ghost user (a deleted account): not an approver, not waived', async () => {
    const pr = seedPr(server, { base: policy(), labels: ['gate-waive:pr-size'], labeledBy: 'ghost', body: REASON })
    server.setRole('ghost', 'none')
    const r = await runActionOnPr(server, pr)
    expect(r.outputs.conclusion).toBe('failure')
    expect(comment()).toContain('ghost is not an approver')
  })

  it('a rule that could not be evaluated is never waived, whoever approves', async () => {
    const files = [
      { filename: 'package.json', status: 'modified' as const, additions: 1, deletions: 1, patch: '@@ -1 +1 @@\n-"a": "1"\n+"a": "2"' },
    ]
    const pr = seedPr(server, {
      base: { [POLICY]: 'rules:\n  dependencies: { level: fail }\n' },
      files,
      labels: ['gate-waive:dependencies'],
      body: 'gate-waive:dependencies the scanner is down today, accepted',
    })
    server.faults.push({ path: /dependency-graph\/compare/, status: 500, times: 20 })
    const r = await runActionOnPr(server, pr)
    noStackTrace(r)
    expect(report(r).rules.find((x) => x.id === 'dependencies')?.status).toBe('error')
    expect(r.outputs.conclusion).toBe('failure')
    expect(report(r).waivers).toEqual([])
    expect(comment()).toContain('Waiver for dependencies not applied: the rule could not be evaluated')
  })
})

describe('waiver records the first query could not read whole are read over REST (issue 15)', () => {
  const at = (s: number) => new Date(Date.now() + s * 1000).toISOString().replace(/\.\d+Z$/, 'Z')

  it('more than 100 label events: the whole timeline over REST, every page, and the latest event still counts', async () => {
    const pr = seedPr(server, { base: policy(), body: REASON })
    // 120 events: the author adds and removes the label 60 times, then a maintainer adds it last.
    for (let i = 0; i < 60; i++) {
      server.labelEvent(7, 'labeled', 'gate-waive:pr-size', 'octocat', at(100 + 2 * i))
      server.labelEvent(7, 'unlabeled', 'gate-waive:pr-size', 'octocat', at(101 + 2 * i))
    }
    server.labelEvent(7, 'labeled', 'gate-waive:pr-size', 'maintainer', at(400))
    const r = await runActionOnPr(server, pr)
    noStackTrace(r)
    expect(server.count('issues/list-events-for-timeline')).toBe(2) // 121 events: two pages
    expect(server.count('pulls/list-review-comments')).toBe(0) // read whole by the first query
    expect(r.outputs.conclusion).toBe('success')
    expect(report(r).waivers[0]).toMatchObject({ by: 'maintainer', kind: 'label' })
  })

  it('the same label story within 100 events: decided from the first query, the same verdict', async () => {
    const pr = seedPr(server, { base: policy(), body: REASON })
    for (let i = 0; i < 10; i++) {
      server.labelEvent(7, 'labeled', 'gate-waive:pr-size', 'octocat', at(100 + 2 * i))
      server.labelEvent(7, 'unlabeled', 'gate-waive:pr-size', 'octocat', at(101 + 2 * i))
    }
    server.labelEvent(7, 'labeled', 'gate-waive:pr-size', 'maintainer', at(400))
    const r = await runActionOnPr(server, pr)
    expect(server.count('issues/list-events-for-timeline')).toBe(0)
    expect(r.outputs.conclusion).toBe('success')
    expect(report(r).waivers[0]).toMatchObject({ by: 'maintainer', kind: 'label' })
  })

  it('the author re-adds the label last, past 100 events: read over REST, not waived', async () => {
    const pr = seedPr(server, { base: policy(), body: REASON })
    server.labelEvent(7, 'labeled', 'gate-waive:pr-size', 'maintainer', at(50))
    for (let i = 0; i < 60; i++) {
      server.labelEvent(7, 'unlabeled', 'gate-waive:pr-size', 'octocat', at(100 + 2 * i))
      server.labelEvent(7, 'labeled', 'gate-waive:pr-size', 'octocat', at(101 + 2 * i))
    }
    const r = await runActionOnPr(server, pr)
    expect(server.count('issues/list-events-for-timeline')).toBe(2)
    expect(r.outputs.conclusion).toBe('failure')
    expect(comment()).toContain('the label gate-waive:pr-size added by @octocat')
  })

  it('a review thread of more than 100 comments: the review comments over REST; a waiver in the last one counts', async () => {
    const pr = seedPr(server, { base: policy() })
    // The fake makes each review comment a thread of its own; 101 threads are a next page of reviewThreads.
    for (let i = 0; i < 100; i++) server.addReviewComment({ number: 7, user: 'octocat', body: `nit ${i}`, at: at(100 + i) })
    server.addReviewComment({
      number: 7,
      user: 'maintainer',
      body: '/gate waive pr-size the generated client was regenerated',
      at: at(300),
    })
    const r = await runActionOnPr(server, pr)
    noStackTrace(r)
    expect(server.count('pulls/list-review-comments')).toBe(2)
    expect(server.count('issues/list-events-for-timeline')).toBe(0)
    expect(r.outputs.conclusion).toBe('success')
    expect(report(r).waivers[0]).toMatchObject({ by: 'maintainer', kind: 'review-comment' })
  })

  it('an edited approving review read through GraphQL does not count', async () => {
    const pr = seedPr(server, { base: policy() })
    server.addReview({
      number: 7,
      user: 'maintainer',
      body: '/gate waive pr-size the generated client was regenerated',
      at: at(100),
      updatedAt: at(200),
    })
    const r = await runActionOnPr(server, pr)
    expect(server.count('issues/list-events-for-timeline')).toBe(0)
    expect(r.outputs.conclusion).toBe('failure')
    expect(comment()).toContain('edited')
  })
})

describe('a passing pull request reads no waiver records', () => {
  it('no timeline, review comments, roles or pushes are read', async () => {
    const pr = seedPr(server, { base: policy(), files: lineFiles(1, 1) })
    const r = await runActionOnPr(server, pr)
    expect(r.outputs.conclusion).toBe('success')
    for (const op of [
      'issues/list-events-for-timeline',
      'pulls/list-review-comments',
      'repos/get-collaborator-permission-level',
      'repos/list-activities',
    ])
      expect(server.count(op)).toBe(0)
  })
})
