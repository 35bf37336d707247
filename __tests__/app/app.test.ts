/**
 * The GitHub App in-process: signed deliveries of real payloads POSTed to the running server, the GitHub
 * side being the OpenAPI-validating fake (installation tokens minted through @octokit/auth-app's JWT).
 */
import { startGitHubServer, type FakeGitHub, type PullRecord } from '../helpers/github-server.js'
import { startApp, type AppServer, type DeliveryResult } from '../../src/app/server.js'
import { ConfigError, loadAppConfig } from '../../src/app/config.js'
import { runIdFromCallback } from '../../src/app/handlers.js'
import { appConfig, appEnv, checkRunRerequested, checkSuiteRerequested, deliver, deploymentProtectionRule, prPayload, sign } from './helpers.js'
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
    expect(server.state.checkRuns[0]).toMatchObject({ name: 'quality-gate', headSha: HEAD_SHA, conclusion: 'success', createdBy: 'pr-quality-gate[bot]' })
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
    const r = await deliver(app.url, 'deployment_protection_rule', deploymentProtectionRule(server, { sha: HEAD, environment: ENV, runId: 4242 }))
    expect(r.status).toBe(202)
    await app.idle()
    expect(deliveries[0]).toMatchObject({ ok: true, message: expect.stringContaining('approved') })
    expect(server.state.protectionRuleReviews).toEqual([expect.objectContaining({ runId: 4242, environmentName: ENV, state: 'approved', by: 'pr-quality-gate[bot]' })])
    expect(server.state.protectionRuleReviews[0].comment).toMatch(/^Approved by pr-quality-gate: /)
    // The full release report is a check run on the deployed SHA.
    expect(server.state.checkRuns.find((c) => c.name === 'quality-gate / release production')).toMatchObject({ headSha: HEAD, conclusion: 'success' })
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
    seedPr()
    server.faults.push({ path: 'pulls/list-files', times: 10, delayMs: 150 })
    app = await startApp(appConfig(server, { concurrency: 2, maxQueue: 3 }), { log: quiet, warn: quiet, onDelivery: (r) => deliveries.push(r) })
    const pr = server.state.pulls[0]
    let peak = 0
    const statuses: number[] = []
    for (let i = 0; i < 7; i++) {
      statuses.push((await deliver(app.url, 'pull_request', prPayload(pr, 'synchronize', server))).status)
      peak = Math.max(peak, app.stats.inFlight)
    }
    expect(statuses.filter((s) => s === 202)).toHaveLength(5)
    expect(statuses.filter((s) => s === 503)).toHaveLength(2)
    expect(peak).toBe(2)
    await app.idle()
    expect(deliveries).toHaveLength(5)
  })

  test('graceful shutdown: in-flight work finishes, new deliveries are refused', async () => {
    const pr = seedPr()
    server.faults.push({ path: 'pulls/list-files', times: 1, delayMs: 300 })
    expect((await deliver(app.url, 'pull_request', prPayload(pr, 'opened', server))).status).toBe(202)
    const closing = app.close()
    await expect(deliver(app.url, 'pull_request', prPayload(pr, 'reopened', server))).rejects.toThrow()
    await closing
    expect(deliveries).toHaveLength(1)
    expect(server.state.checkRuns).toHaveLength(1)
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
    expect(loadAppConfig(appEnv(server, { PRIVATE_KEY: appEnv(server).PRIVATE_KEY.replace(/\n/g, '\\n') }))).toMatchObject({ port: 0, appId: '4242', apiUrl: server.url })
  })
})
