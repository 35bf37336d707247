/**
 * Issue 18: the App re-evaluates a PR when a review or a comment gives (or takes back) a `/gate waive`
 * waiver. Real webhook payloads (@octokit/webhooks-examples), signed and POSTed to the running App; the
 * GitHub side is the OpenAPI-validating fake, which holds the reviews and comments the gate reads back.
 */
import { startGitHubServer, type FakeGitHub, type PullRecord } from '../helpers/github-server.js'
import { startApp, type AppServer, type DeliveryResult } from '../../src/app/server.js'
import { deliveryKey } from '../../src/app/handlers.js'
import { appConfig, deliver, reviewOrCommentPayload } from './helpers.js'

const BASE_SHA = 'b'.repeat(40)
const HEAD_SHA = 'c'.repeat(40)
const STRICT = 'rules:\n  pr-size: { level: fail, fail_lines: 1 }\n'
const WAIVE = 'Reviewed.\n\n/gate waive pr-size the generated client was regenerated'

let server: FakeGitHub
let app: AppServer
let deliveries: DeliveryResult[]
const quiet = () => undefined

beforeEach(async () => {
  server = await startGitHubServer()
  deliveries = []
  app = await startApp(appConfig(server), { log: quiet, warn: quiet, onDelivery: (r) => deliveries.push(r) })
})
afterEach(async () => {
  await app.close()
  expect(server.violations).toEqual([])
  expect(server.responseViolations).toEqual([])
  await server.close()
})

function seed(): PullRecord {
  server.addRepo({ owner: 'acme', name: 'service', ownerType: 'Organization' })
  server.setTree(BASE_SHA, { '.github/quality-gate.yml': STRICT })
  server.setTree(HEAD_SHA, {})
  return server.addPullRequest({
    number: 7,
    title: 'Regenerate the client',
    body: 'Regenerated.',
    base: { ref: 'main', sha: BASE_SHA },
    head: { ref: 'feature', sha: HEAD_SHA },
    files: [{ filename: 'src/a.ts', additions: 2, deletions: 0, patch: '@@ -0,0 +1,2 @@\n+x\n+y' }],
  })
}

const lastCheck = () => server.state.checkRuns[server.state.checkRuns.length - 1]

describe('pull_request_review', () => {
  it('submitted with /gate waive by a maintainer: the PR is evaluated again and waived, the audit names the review', async () => {
    const pr = seed()
    const review = server.addReview({ number: 7, user: 'maintainer', body: WAIVE })
    const r = await deliver(
      app.url,
      'pull_request_review',
      reviewOrCommentPayload('pull_request_review', 'submitted', pr, server, { user: 'maintainer', body: WAIVE }),
    )
    expect(r.status).toBe(202)
    await app.idle()
    expect(deliveries.map((d) => d.ok)).toEqual([true])
    expect(lastCheck()).toMatchObject({ conclusion: 'success', headSha: HEAD_SHA })
    expect(lastCheck().output.text).toContain(`#pullrequestreview-${review.id}`)
    // The review came with the run's first GraphQL query (issue 15): no REST read of the timeline.
    expect(server.count('issues/list-events-for-timeline')).toBe(0)
  })

  it('submitted by the author with /gate waive: evaluated, not waived, and the comment says why', async () => {
    const pr = seed()
    server.setRole('octocat', 'admin')
    server.addReview({ number: 7, user: 'octocat', body: WAIVE })
    await deliver(
      app.url,
      'pull_request_review',
      reviewOrCommentPayload('pull_request_review', 'submitted', pr, server, { user: 'octocat', body: WAIVE }),
    )
    await app.idle()
    expect(lastCheck()).toMatchObject({ conclusion: 'failure' })
    expect(server.commentsOn(7)[0].body).toContain('given by the PR author')
  })

  it('dismissed: the PR is evaluated again, and the dismissed review no longer waives', async () => {
    const pr = seed()
    const review = server.addReview({ number: 7, user: 'maintainer', body: WAIVE })
    await deliver(
      app.url,
      'pull_request_review',
      reviewOrCommentPayload('pull_request_review', 'submitted', pr, server, { user: 'maintainer', body: WAIVE }),
    )
    await app.idle()
    expect(lastCheck()).toMatchObject({ conclusion: 'success' })
    review.state = 'DISMISSED'
    await deliver(
      app.url,
      'pull_request_review',
      reviewOrCommentPayload('pull_request_review', 'dismissed', pr, server, { user: 'maintainer', body: WAIVE }),
    )
    await app.idle()
    expect(server.state.checkRuns).toHaveLength(2)
    expect(lastCheck()).toMatchObject({ conclusion: 'failure' })
  })

  it('a review without /gate waive changes nothing: skipped, no API call', async () => {
    const pr = seed()
    await deliver(
      app.url,
      'pull_request_review',
      reviewOrCommentPayload('pull_request_review', 'submitted', pr, server, { user: 'maintainer', body: 'LGTM' }),
    )
    await app.idle()
    expect(deliveries[0]).toMatchObject({ ok: true })
    expect(deliveries[0].message).toContain('skipped: the review carries no /gate waive')
    expect(server.requests).toHaveLength(0)
  })
})

describe('pull_request_review_comment and issue_comment', () => {
  it('a review comment with /gate waive by a maintainer: waived', async () => {
    const pr = seed()
    server.addReviewComment({ number: 7, user: 'maintainer', body: WAIVE })
    await deliver(
      app.url,
      'pull_request_review_comment',
      reviewOrCommentPayload('pull_request_review_comment', 'created', pr, server, { user: 'maintainer', body: WAIVE }),
    )
    await app.idle()
    expect(lastCheck()).toMatchObject({ conclusion: 'success' })
  })

  it('a conversation comment with /gate waive by a maintainer: waived; deleting it re-evaluates and the waiver is gone', async () => {
    const pr = seed()
    const c = server.addUserComment(7, 'maintainer', WAIVE, new Date(Date.now() + 60_000).toISOString().replace(/\.\d+Z$/, 'Z'))
    await deliver(
      app.url,
      'issue_comment',
      reviewOrCommentPayload('issue_comment', 'created', pr, server, { user: 'maintainer', body: WAIVE }),
    )
    await app.idle()
    expect(lastCheck()).toMatchObject({ conclusion: 'success' })
    server.state.comments = server.state.comments.filter((x) => x !== c)
    await deliver(
      app.url,
      'issue_comment',
      reviewOrCommentPayload('issue_comment', 'deleted', pr, server, { user: 'maintainer', body: WAIVE }),
    )
    await app.idle()
    expect(lastCheck()).toMatchObject({ conclusion: 'failure' })
  })

  it('an edit that removes /gate waive re-evaluates (the text before the edit carried it)', async () => {
    const pr = seed()
    await deliver(
      app.url,
      'issue_comment',
      reviewOrCommentPayload('issue_comment', 'edited', pr, server, { user: 'maintainer', body: 'never mind', bodyBefore: WAIVE }),
    )
    await app.idle()
    expect(deliveries[0].message).toContain('acme/service#7: failure')
  })

  it("the gate's own sticky comment (a bot) never re-triggers the gate", async () => {
    const pr = seed()
    await deliver(
      app.url,
      'issue_comment',
      reviewOrCommentPayload('issue_comment', 'edited', pr, server, {
        user: 'pr-quality-gate[bot]',
        body: `<!-- pr-quality-gate:quality-gate -->\n${WAIVE}`,
      }),
    )
    await app.idle()
    expect(deliveries[0].message).toContain('skipped: issue_comment by a bot')
    expect(server.requests).toHaveLength(0)
  })

  it('a comment on an issue that is not a pull request: skipped', async () => {
    const pr = seed()
    await deliver(
      app.url,
      'issue_comment',
      reviewOrCommentPayload('issue_comment', 'created', pr, server, { user: 'maintainer', body: WAIVE, onPull: false }),
    )
    await app.idle()
    expect(deliveries[0].message).toContain('skipped: a comment on an issue, not a pull request')
    expect(server.requests).toHaveLength(0)
  })
})

describe('coalescing', () => {
  it('a comment that evaluates nothing has no PR key, so it can never replace a pending evaluation of that PR', () => {
    server.addRepo({ owner: 'acme', name: 'service' })
    const pr = { number: 7 } as PullRecord
    const noop = reviewOrCommentPayload('issue_comment', 'created', pr, server, { user: 'maintainer', body: 'thanks!' })
    const waive = reviewOrCommentPayload('issue_comment', 'created', pr, server, { user: 'maintainer', body: WAIVE })
    expect(deliveryKey('issue_comment', noop)).toBeUndefined()
    expect(deliveryKey('issue_comment', waive)).toBeDefined()
    expect(deliveryKey('issue_comment', waive)).toBe(
      deliveryKey(
        'pull_request_review',
        reviewOrCommentPayload('pull_request_review', 'submitted', pr, server, { user: 'maintainer', body: WAIVE }),
      ),
    )
  })
})
