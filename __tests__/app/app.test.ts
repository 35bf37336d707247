/**
 * The GitHub App in-process: signed deliveries of real payloads POSTed to the running server, the GitHub
 * side being the OpenAPI-validating fake (installation tokens minted through @octokit/auth-app's JWT).
 */
import { startGitHubServer, type FakeGitHub, type PullRecord } from '../helpers/github-server.js'
import { startApp, type AppServer, type DeliveryResult } from '../../src/app/server.js'
import { ConfigError, loadAppConfig } from '../../src/app/config.js'
import { retryAfterOf, runIdFromCallback } from '../../src/app/handlers.js'
import { PullRequestLocks } from '../../src/app/pulls.js'
import {
  appConfig,
  appEnv,
  checkRunRerequested,
  checkSuiteRerequested,
  deliver,
  deliveryHeaders,
  deploymentProtectionRule,
  prPayload,
  rawPost,
  sign,
  until,
} from './helpers.js'
import { ENV, HEAD, seedRelease } from '../release/helpers.js'

const BASE_SHA = 'b'.repeat(40)
const HEAD_SHA = 'c'.repeat(40)

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

/** PRs with one changed line each, on a repository whose base has `policy` (or none). */
function seedPulls(numbers: number[], policy?: string): PullRecord[] {
  server.addRepo({ owner: 'acme', name: 'service' })
  server.setTree(BASE_SHA, policy ? { '.github/quality-gate.yml': policy } : {})
  server.setTree(HEAD_SHA, {})
  return numbers.map((number) =>
    server.addPullRequest({
      number,
      title: `Change ${number}`,
      body: 'A change.',
      base: { ref: 'main', sha: BASE_SHA },
      head: { ref: `feature-${number}`, sha: HEAD_SHA },
      files: [{ filename: 'src/a.ts', additions: 2, deletions: 0, patch: '@@ -0,0 +1,2 @@\n+x\n+y' }],
    }),
  )
}

function seedPr(labels: string[] = []): PullRecord {
  server.addRepo({ owner: 'acme', name: 'service' })
  server.setTree(BASE_SHA, {})
  server.setTree(HEAD_SHA, {})
  return server.addPullRequest({
    number: 7,
    title: 'Add payments timeout',
    body: 'Adds a timeout.',
    labels,
    base: { ref: 'main', sha: BASE_SHA },
    head: { ref: 'feature', sha: HEAD_SHA },
    files: [{ filename: 'src/a.ts', additions: 1, deletions: 0, patch: '@@ -0,0 +1 @@\n+x' }],
  })
}

describe('webhook security', () => {
  test('a bad or missing signature answers 401 and nothing is done', async () => {
    const pr = seedPr()
    const payload = prPayload(pr, 'opened', server)
    const bad = await deliver(app.url, 'pull_request', payload, { secret: 'not-the-secret' })
    expect(bad.status).toBe(401)
    const missing = await deliver(app.url, 'pull_request', payload, { signature: null })
    expect(missing.status).toBe(401)
    const tampered = await deliver(app.url, 'pull_request', payload, { signature: sign(JSON.stringify({ ...payload, number: 8 })) })
    expect(tampered.status).toBe(401)
    await app.idle()
    expect(server.requests).toHaveLength(0)
    expect(app.stats).toMatchObject({ unauthorized: 3, accepted: 0 })
  })

  test('health endpoint; unknown paths 404', async () => {
    const h = await fetch(`${app.url}/healthz`)
    expect(h.status).toBe(200)
    expect(await h.json()).toMatchObject({ status: 'ok', inFlight: 0 })
    expect((await fetch(`${app.url}/nope`)).status).toBe(404)
  })
})

describe('pull requests', () => {
  test('pull_request.opened: 202 at once, then the same check run and sticky comment as the Action, as the App bot', async () => {
    const pr = seedPr()
    const r = await deliver(app.url, 'pull_request', prPayload(pr, 'opened', server))
    expect(r.status).toBe(202)
    await app.idle()
    expect(deliveries).toEqual([expect.objectContaining({ event: 'pull_request', action: 'opened', ok: true })])
    expect(server.state.installationTokens).toHaveLength(1)
    expect(server.state.checkRuns).toHaveLength(1)
    expect(server.state.checkRuns[0]).toMatchObject({
      name: 'quality-gate',
      headSha: HEAD_SHA,
      conclusion: 'success',
      createdBy: 'pr-quality-gate[bot]',
    })
    const comments = server.commentsOn(7)
    expect(comments).toHaveLength(1)
    expect(comments[0].user).toBe('pr-quality-gate[bot]')
    expect(comments[0].body.startsWith('<!-- pr-quality-gate:quality-gate -->')).toBe(true)

    // A later event (labeled) updates the same comment: the bot login comes from GET /app.
    await deliver(app.url, 'pull_request', prPayload(pr, 'labeled', server))
    await app.idle()
    expect(server.commentsOn(7)).toHaveLength(1)
    expect(server.state.checkRuns).toHaveLength(2)
    expect(server.count('apps/get-authenticated')).toBe(1)
  })

  test('a redelivered event (same X-GitHub-Delivery) is evaluated once', async () => {
    const pr = seedPr()
    const payload = prPayload(pr, 'synchronize', server)
    const first = await deliver(app.url, 'pull_request', payload, { id: 'delivery-1' })
    const again = await deliver(app.url, 'pull_request', payload, { id: 'delivery-1' })
    expect(first.status).toBe(202)
    expect(again.status).toBe(200)
    expect(again.body).toMatchObject({ status: 'duplicate' })
    await app.idle()
    expect(deliveries).toHaveLength(1)
    expect(server.state.checkRuns).toHaveLength(1)
    expect(server.count('pulls/list-files')).toBe(1)
  })

  test('check_run.rerequested re-runs the gate for the PR of that head SHA (listed, or looked up for forks)', async () => {
    seedPr()
    await deliver(app.url, 'check_run', checkRunRerequested(server, HEAD_SHA, [7]))
    await app.idle()
    expect(server.state.checkRuns).toHaveLength(1)
    expect(server.count('pulls/get')).toBe(1)
    await deliver(app.url, 'check_run', checkRunRerequested(server, HEAD_SHA, []))
    await app.idle()
    expect(server.count('repos/list-pull-requests-associated-with-commit')).toBe(1)
    expect(server.state.checkRuns).toHaveLength(2)
    // Another app's check run is not ours to re-run.
    await deliver(app.url, 'check_run', checkRunRerequested(server, HEAD_SHA, [7], 'lint'))
    await app.idle()
    expect(server.state.checkRuns).toHaveLength(2)
    expect(deliveries.every((d) => d.ok)).toBe(true)
  })

  test('check_suite.rerequested ("Re-run all checks") re-runs the gate; a suite of another App is skipped', async () => {
    seedPr()
    await deliver(app.url, 'check_suite', checkSuiteRerequested(server, HEAD_SHA, [7]))
    await app.idle()
    expect(server.state.checkRuns).toEqual([expect.objectContaining({ headSha: HEAD_SHA, name: 'quality-gate' })])
    expect(server.count('pulls/get')).toBe(1)
    // a fork PR is not listed on the suite: looked up by head SHA
    await deliver(app.url, 'check_suite', checkSuiteRerequested(server, HEAD_SHA, []))
    await app.idle()
    expect(server.count('repos/list-pull-requests-associated-with-commit')).toBe(1)
    expect(server.state.checkRuns).toHaveLength(2)
    await deliver(app.url, 'check_suite', checkSuiteRerequested(server, HEAD_SHA, [7], 999))
    await app.idle()
    expect(server.state.checkRuns).toHaveLength(2)
    expect(deliveries.map((d) => d.ok)).toEqual([true, true, true])
    expect(deliveries[2].message).toBe('skipped: the check suite belongs to App 999, not 4242')
  })

  test('events the App does not handle are accepted and ignored; ping answers pong', async () => {
    seedPr()
    const closed = await deliver(app.url, 'issues', { action: 'opened', installation: { id: 777 } })
    expect(closed.status).toBe(202)
    expect((await deliver(app.url, 'ping', { zen: 'Keep it logically awesome.' })).body).toEqual({ status: 'pong' })
    await app.idle()
    expect(server.requests).toHaveLength(0)
  })
})

describe('deployment protection rules', () => {
  test('a release whose PRs all passed is approved through the callback, with a comment', async () => {
    seedRelease(server, { only: [11], direct: false, gateCreator: 'pr-quality-gate[bot]' }) // the gate run by this App
    const r = await deliver(
      app.url,
      'deployment_protection_rule',
      deploymentProtectionRule(server, { sha: HEAD, environment: ENV, runId: 4242 }),
    )
    expect(r.status).toBe(202)
    await app.idle()
    expect(deliveries[0]).toMatchObject({ ok: true, message: expect.stringContaining('approved') })
    expect(server.state.protectionRuleReviews).toEqual([
      expect.objectContaining({ runId: 4242, environmentName: ENV, state: 'approved', by: 'pr-quality-gate[bot]' }),
    ])
    expect(server.state.protectionRuleReviews[0].comment).toMatch(/^Approved by pr-quality-gate: /)
    // The full release report is a check run on the deployed SHA.
    expect(server.state.checkRuns.find((c) => c.name === 'quality-gate / release production')).toMatchObject({
      headSha: HEAD,
      conclusion: 'success',
    })
  })

  test('a release with a failed PR and a PR without a gate result is rejected, saying why', async () => {
    seedRelease(server, { gateCreator: 'pr-quality-gate[bot]' })
    await deliver(app.url, 'deployment_protection_rule', deploymentProtectionRule(server, { sha: HEAD, environment: ENV }))
    await app.idle()
    const review = server.state.protectionRuleReviews[0]
    expect(review).toMatchObject({ state: 'rejected', environmentName: ENV })
    expect(review.comment).toContain('#12 (failed), #13 (missing)')
    expect(review.comment).toContain('Details: https://github.com/acme/service/runs/')
  })

  test('no successful deployment to the environment yet: rejected (fails closed) with the reason', async () => {
    seedRelease(server)
    await deliver(app.url, 'deployment_protection_rule', deploymentProtectionRule(server, { sha: HEAD, environment: 'canary' }))
    await app.idle()
    expect(server.state.protectionRuleReviews[0]).toMatchObject({ state: 'rejected', environmentName: 'canary' })
    expect(server.state.protectionRuleReviews[0].comment).toContain('No successful deployment to canary')
  })

  test('the run id comes from the callback URL; the token never goes to the URL itself', () => {
    expect(runIdFromCallback('https://api.github.com/repos/o/r/actions/runs/123/deployment_protection_rule')).toBe(123)
    expect(runIdFromCallback('https://evil.example/steal')).toBeUndefined()
  })
})

describe('operations', () => {
  test('bounded concurrency: never more than CONCURRENCY evaluations at once; a full queue answers 503', async () => {
    await app.close()
    const prs = seedPulls([7, 8, 9, 10, 11, 12, 13])
    server.faults.push({ path: 'pulls/list-files', times: 10, delayMs: 150 })
    app = await startApp(appConfig(server, { concurrency: 2, maxQueue: 3 }), {
      log: quiet,
      warn: quiet,
      onDelivery: (r) => deliveries.push(r),
    })
    let peak = 0
    const statuses: number[] = []
    for (const pr of prs) {
      statuses.push((await deliver(app.url, 'pull_request', prPayload(pr, 'synchronize', server))).status)
      peak = Math.max(peak, app.stats.inFlight)
    }
    expect(statuses.filter((s) => s === 202)).toHaveLength(5)
    expect(statuses.filter((s) => s === 503)).toHaveLength(2)
    expect(peak).toBe(2)
    await app.idle()
    expect(deliveries).toHaveLength(5)
  })

  test('graceful shutdown: in-flight work finishes; meanwhile deliveries and /healthz answer 503 (not refused connections)', async () => {
    const pr = seedPr()
    server.faults.push({ path: 'pulls/list-files', times: 1, delayMs: 400 })
    expect((await deliver(app.url, 'pull_request', prPayload(pr, 'opened', server))).status).toBe(202)
    const closing = app.close()
    const refused = await deliver(app.url, 'pull_request', prPayload(pr, 'reopened', server))
    expect(refused).toMatchObject({ status: 503, body: { error: 'shutting down' } })
    expect(refused.retryAfter).toMatch(/^\d+$/)
    const health = await fetch(`${app.url}/healthz`)
    expect(health.status).toBe(503)
    expect(await health.json()).toMatchObject({ status: 'shutting-down', inFlight: 1 })
    expect(await closing).toEqual({ dropped: [] })
    expect(deliveries).toHaveLength(1)
    expect(server.state.checkRuns).toHaveLength(1)
    await expect(fetch(`${app.url}/healthz`)).rejects.toThrow()
  })

  test('no more deliveries are accepted than can finish within the shutdown budget: 503 + Retry-After beyond', async () => {
    await app.close()
    const prs = seedPulls([7, 8, 9, 10, 11])
    server.faults.push({ path: 'pulls/list-files', times: 10, delayMs: 1000 })
    // Unpaced, the first estimate is 1 s per evaluation: one slot and a 4 s budget (80% used) take 3.
    app = await startApp(appConfig(server, { concurrency: 1, shutdownTimeoutMs: 4000 }), {
      log: quiet,
      warn: quiet,
      onDelivery: (r) => deliveries.push(r),
    })
    const answers = []
    for (const pr of prs) answers.push(await deliver(app.url, 'pull_request', prPayload(pr, 'synchronize', server)))
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202, 503, 503])
    expect(answers[3].body.error).toBe('busy: more deliveries than can be finished within the shutdown budget')
    expect(Number(answers[3].retryAfter)).toBeGreaterThanOrEqual(1)
    await app.idle()
    expect(deliveries.map((d) => d.ok)).toEqual([true, true, true])
    expect(server.state.checkRuns).toHaveLength(3)
  })

  test('deliveries still unfinished when the shutdown budget runs out are logged one by one and reported as dropped', async () => {
    await app.close()
    const [first] = seedPulls([7])
    server.faults.push({ path: 'pulls/list-files', times: 1, delayMs: 4000 })
    const warnings: string[] = []
    app = await startApp(appConfig(server, { concurrency: 1, shutdownTimeoutMs: 2000 }), {
      log: quiet,
      warn: (m) => warnings.push(m),
      onDelivery: (r) => deliveries.push(r),
    })
    const r = await deliver(app.url, 'pull_request', prPayload(first, 'synchronize', server))
    expect(r.status).toBe(202)
    expect(await app.close()).toEqual({ dropped: [r.id] })
    expect(app.stats.dropped).toBe(1)
    expect(warnings.filter((w) => w.startsWith('dropped delivery '))).toEqual([
      `dropped delivery ${r.id} (pull_request.synchronize): still being evaluated at shutdown`,
    ])
  })

  test('configuration is validated at start with every problem named', () => {
    let err: unknown
    try {
      loadAppConfig({ PORT: 'eighty', APP_ID: 'my-app', PRIVATE_KEY: 'not a key' })
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(ConfigError)
    const msg = (err as Error).message
    expect(msg).toContain('PORT="eighty"')
    expect(msg).toContain('WEBHOOK_SECRET is not set')
    expect(msg).toContain('APP_ID="my-app": expected the numeric App ID')
    expect(msg).toContain('not a PEM private key')
    expect(loadAppConfig(appEnv(server, { PRIVATE_KEY: appEnv(server).PRIVATE_KEY.replace(/\n/g, '\\n') }))).toMatchObject({
      port: 0,
      appId: '4242',
      apiUrl: server.url,
    })
  })
})

describe('ordering: one evaluation per PR, from the PR as it is now (issue 13, item 5)', () => {
  const STRICT = 'rules:\n  pr-size: { level: fail, fail_lines: 1 }\n'
  const WAIVER = { name: 'gate-waive:pr-size', color: 'ededed' }
  const REASON = 'Big but mechanical.\n\ngate-waive:pr-size generated client regenerated, reviewed by platform'

  test('a stale labeled delivery (a waiver since removed) processed after the unlabeled one does not waive', async () => {
    const [pr] = seedPulls([7], STRICT)
    // GitHub's order: labeled (waiver), then unlabeled. The unlabeled delivery arrives first.
    const unlabeled = prPayload(pr, 'unlabeled', server)
    await deliver(app.url, 'pull_request', unlabeled)
    await app.idle()
    const stale = prPayload(pr, 'labeled', server)
    Object.assign(stale.pull_request as object, { labels: [WAIVER], body: REASON })
    Object.assign(stale, { label: WAIVER })
    await deliver(app.url, 'pull_request', stale)
    await app.idle()
    expect(deliveries.map((d) => d.ok)).toEqual([true, true])
    const last = server.state.checkRuns[server.state.checkRuns.length - 1]
    expect(last).toMatchObject({ conclusion: 'failure' })
    expect(server.commentsOn(7)[0].body).not.toContain('waived')
    // One extra read per evaluation: the PR itself.
    expect(server.count('pulls/get')).toBe(2)
  })

  test('the waiver counts when GitHub says the label is there now, whatever the payload says', async () => {
    const [pr] = seedPulls([7], STRICT)
    server.state.pulls[0].body = REASON
    server.labelEvent(7, 'labeled', WAIVER.name, 'maintainer')
    await deliver(app.url, 'pull_request', prPayload(pr, 'synchronize', server))
    await app.idle()
    expect(server.state.checkRuns[0]).toMatchObject({ conclusion: 'success' })
    expect(server.commentsOn(7)[0].body).toContain('waived')
  })

  test('deliveries for one PR never run in parallel; those arriving meanwhile collapse into one re-evaluation', async () => {
    await app.close()
    const [pr, other] = seedPulls([7, 8])
    server.faults.push({ path: 'pulls/list-files', times: 1, delayMs: 500 })
    app = await startApp(appConfig(server, { concurrency: 4 }), { log: quiet, warn: quiet, onDelivery: (r) => deliveries.push(r) })
    const ids: string[] = []
    for (const action of ['synchronize', 'labeled', 'unlabeled', 'reopened', 'labeled'])
      ids.push((await deliver(app.url, 'pull_request', prPayload(pr, action, server))).id)
    await deliver(app.url, 'pull_request', prPayload(other, 'opened', server))
    await app.idle()
    expect(app.stats).toMatchObject({ accepted: 6, coalesced: 3, processed: 6, failed: 0 })
    // #7: the first evaluation, then ONE for the four that arrived while it ran; #8 beside them.
    const files7 = server.requests.map((r, i) => (r.path === '/repos/acme/service/pulls/7/files' ? i : -1)).filter((i) => i >= 0)
    const gets7 = server.requests.map((r, i) => (r.path === '/repos/acme/service/pulls/7' ? i : -1)).filter((i) => i >= 0)
    expect(files7).toHaveLength(2)
    expect(gets7).toHaveLength(2)
    expect(server.state.checkRuns).toHaveLength(3)
    // Serialised: the second evaluation of #7 reads the PR only once the first one's (slow) file list came back.
    expect(gets7[1]!).toBeGreaterThan(files7[0]!)
    const coalesced = deliveries.filter((d) => d.message.startsWith(`coalesced into delivery ${ids[4]}`)).map((d) => d.id)
    expect(coalesced.sort()).toEqual([ids[1], ids[2], ids[3]].sort())
  })

  test('PullRequestLocks: one at a time per key, in order; a result older than the published one is stale', async () => {
    const locks = new PullRequestLocks()
    const order: string[] = []
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const a = locks.exclusive('k', async (seq) => {
      order.push(`a${seq}`)
      await gate
      order.push('a-end')
      return seq
    })
    const b = locks.exclusive('k', async (seq) => (order.push(`b${seq}`), seq))
    const other = locks.exclusive('other', async (seq) => (order.push(`o${seq}`), seq))
    await other
    release()
    const [sa, sb] = await Promise.all([a, b])
    expect(order).toEqual(['a1', 'o2', 'a-end', 'b3'])
    locks.markPublished('k', sb)
    expect(locks.isStale('k', sa)).toBe(true)
    expect(locks.isStale('k', sb)).toBe(false)
    locks.markPublished('k', sa) // never moves backwards
    expect(locks.isStale('k', sa)).toBe(true)
  })
})

describe('request bodies: nothing unsigned or oversized is read (issue 13, item 8)', () => {
  const BIG = String(24 * 1024 * 1024)

  test('no signature, a malformed one, a wrong content-type or a missing event header: answered before the body is sent', async () => {
    const cases: Array<[Record<string, string | null>, number]> = [
      [{ 'x-hub-signature-256': null }, 401],
      [{ 'x-hub-signature-256': 'sha1=abc' }, 401],
      [{ 'content-type': 'application/x-www-form-urlencoded' }, 415],
      [{ 'x-github-event': null }, 400],
    ]
    for (const [over, status] of cases) {
      // 24 MB declared, 1 KB sent, never ended: only an answer from the headers alone can come back.
      const r = await rawPost(app.url, { ...deliveryHeaders('{}', over), 'content-length': BIG }, ['{"a":"' + 'x'.repeat(1024)], false)
      expect(r.status).toBe(status)
    }
    expect(app.stats).toMatchObject({ unauthorized: 2, accepted: 0 })
    expect(server.requests).toHaveLength(0)
  })

  test('a declared length above the cap is 413 up front; a chunked body is cut off at the cap while streaming', async () => {
    await app.close()
    app = await startApp(appConfig(server, { maxBodyBytes: 64 * 1024 }), { log: quiet, warn: quiet })
    const declared = await rawPost(app.url, { ...deliveryHeaders('{}'), 'content-length': String(64 * 1024 + 1) }, ['{'], false)
    expect(declared.status).toBe(413)
    // No content-length (chunked): the server counts as it reads, and stops at the cap.
    const chunk = 'x'.repeat(16 * 1024)
    const streamed = await rawPost(app.url, deliveryHeaders('{}'), ['{"a":"', chunk, chunk, chunk, chunk, chunk], false)
    expect(streamed.status).toBe(413)
    expect(app.stats.accepted).toBe(0)
  })

  test('the signature is computed while the body streams in: a body sent in many pieces is verified (and a tampered one is not)', async () => {
    seedPr()
    const body = JSON.stringify(prPayload(server.state.pulls[0], 'opened', server))
    const pieces = body.match(/[^]{1,997}/g)!
    const ok = await rawPost(app.url, deliveryHeaders(body), pieces, true)
    expect(ok.status).toBe(202)
    const tampered = await rawPost(
      app.url,
      deliveryHeaders(body),
      [...pieces.slice(0, -1), pieces[pieces.length - 1].replace(/.$/, ' ')],
      true,
    )
    expect(tampered.status).toBe(401)
    await app.idle()
    expect(server.state.checkRuns).toHaveLength(1)
  })

  test('bodies being received at once are bounded: beyond the budget, 503 before reading', async () => {
    await app.close()
    app = await startApp(appConfig(server, { maxBodyBytes: 64 * 1024, bodyBudgetBytes: 128 * 1024 }), { log: quiet, warn: quiet })
    // Two bodies of 64 KiB being received (never finished) fill the budget; the closing app drops them.
    for (let i = 0; i < 2; i++)
      rawPost(app.url, { ...deliveryHeaders('{}'), 'content-length': String(64 * 1024) }, ['{'], false).catch(() => undefined)
    await until(() => app.stats.received === 2, 5000, 'both requests to be read')
    const third = await rawPost(app.url, { ...deliveryHeaders('{}'), 'content-length': String(64 * 1024) }, ['{'], false)
    expect(third).toMatchObject({ status: 503, retryAfter: '5' })
    expect(app.stats.busy).toBe(1)
  })
})

describe('rate-limited publishing (issue 13, item 9)', () => {
  const limited = (path: string, times: number) => ({ path, times, status: 403, headers: { 'retry-after': '1' } })

  test('a secondary rate limit on the check run and the status is waited out (retry-after) and the verdict published', async () => {
    seedPr()
    server.faults.push(limited('checks/create', 1), limited('repos/create-commit-status', 1))
    await deliver(app.url, 'pull_request', prPayload(server.state.pulls[0], 'opened', server))
    await app.idle()
    expect(server.count('checks/create')).toBe(2)
    expect(server.state.checkRuns).toEqual([expect.objectContaining({ conclusion: 'success' })])
    expect(app.stats).toMatchObject({ processed: 1, failed: 0 })
    expect(deliveries[0].message).toContain('published after 1 rate-limit retry')
    expect(server.commentsOn(7)).toHaveLength(1)
  })

  test('still rate limited after the bounded retries: the delivery counts as failed and its id is logged', async () => {
    await app.close()
    seedPr()
    const warnings: string[] = []
    app = await startApp(appConfig(server), { log: quiet, warn: (m) => warnings.push(m), onDelivery: (r) => deliveries.push(r) })
    server.faults.push(limited('checks/create', 100), limited('repos/create-commit-status', 100))
    const { id } = await deliver(app.url, 'pull_request', prPayload(server.state.pulls[0], 'opened', server))
    await app.idle()
    expect(app.stats).toMatchObject({ processed: 0, failed: 1 })
    expect(server.count('checks/create')).toBe(4) // the first try and 3 retries
    expect(deliveries[0]).toMatchObject({ ok: false, message: expect.stringContaining('the verdict (success) was not published') })
    expect(warnings.find((w) => w.startsWith(`delivery ${id} pull_request.opened FAILED`))).toContain('still rate limited after 3 retries')
  })

  test('retryAfterOf: retry-after, the primary limit reset, a secondary limit without header; not a plain 403', () => {
    const err = (status: number, headers: Record<string, string>, message = 'x') =>
      Object.assign(new Error(message), { status, response: { headers } })
    expect(retryAfterOf(err(403, { 'retry-after': '7' }))).toBe(7)
    expect(retryAfterOf(err(429, {}))).toBe(60)
    expect(retryAfterOf(err(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1010' }), 1_000_000)).toBe(11)
    expect(retryAfterOf(err(403, {}, 'You have exceeded a secondary rate limit'))).toBe(60)
    expect(retryAfterOf(err(403, {}, 'Resource not accessible by integration'))).toBeUndefined()
    expect(retryAfterOf(err(500, { 'retry-after': '1' }))).toBeUndefined()
  })
})
