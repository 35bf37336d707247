/**
 * Release mode trusts only the gate's own results (issue 13, item 6): a commit status or a check run that
 * merely carries the gate's name, posted by someone else, is no gate result. Through evaluateRelease over
 * the OpenAPI-validating fake, through the bundle (the Action in release mode), and through the App's
 * deployment protection rule.
 */
import { readFileSync } from 'node:fs'
import { type FakeGitHub } from '../helpers/github-server.js'
import { createClient } from '../../src/github/client.js'
import { evaluateRelease, RELEASE_RULE_ID } from '../../src/release/evaluate.js'
import { parseGateIdentity, type GateIdentity } from '../../src/release/gates.js'
import { reviewComment } from '../../src/report/release.js'
import { NO_WORKSPACE } from '../../src/app/handlers.js'
import { startApp, type AppServer } from '../../src/app/server.js'
import { exampleEvent, runAction } from '../helpers/run-action.js'
import { addGateRun, ENV, HEAD, seedRelease } from './helpers.js'
import { appConfig, deliver, deploymentProtectionRule } from '../app/helpers.js'
import { useFakeGitHub } from '../helpers/use-fake-github.js'

const entry = process.env.PR_GATE_BUNDLE ?? 'dist/index.js'
const SHA13 = '3'.repeat(40) // head of #13, "merged without the gate"
const SHA11 = '1'.repeat(40)

let server: FakeGitHub
useFakeGitHub((s) => (server = s))

function spoofStatus(state: 'success' | 'failure', creator = 'mallory', sha = SHA13): void {
  server.state.statuses.push({
    id: 4_100_000_000 + server.state.statuses.length,
    repo: 'acme/service',
    sha,
    state,
    context: 'quality-gate',
    description: 'all 6 rules passed',
    targetUrl: null,
    creator,
    createdAt: '2024-05-06T00:00:00Z',
  })
}

async function release(gateIdentity?: GateIdentity) {
  const octokit = createClient({ token: server.token, baseUrl: server.url, retries: 0 })
  return evaluateRelease({
    octokit,
    repo: { owner: 'acme', repo: 'service' },
    base: 'auto',
    head: HEAD,
    environment: ENV,
    checkName: 'quality-gate',
    gateIdentity,
    policyPath: '.github/quality-gate.yml',
    evidence: NO_WORKSPACE,
  })
}

describe('parseGateIdentity', () => {
  it('App slugs (check runs and their bot statuses), App ids, user: logins', () => {
    expect(parseGateIdentity('github-actions')).toEqual({ apps: [{ slug: 'github-actions' }], statusCreators: ['github-actions[bot]'] })
    expect(parseGateIdentity('my-gate, 4242 user:release-bot renovate[bot]')).toEqual({
      apps: [{ slug: 'my-gate' }, { id: 4242 }],
      statusCreators: ['my-gate[bot]', 'release-bot', 'renovate[bot]'],
    })
  })
})

describe('release mode counts only the gate identity’s results', () => {
  it('a commit status quality-gate=success posted by another user is no gate result, and says who posted it', async () => {
    seedRelease(server, { only: [13], direct: false })
    spoofStatus('success')
    const e = await release()
    expect(e.facts.pulls[0].gate).toMatchObject({ state: 'missing', ignoredBy: ['mallory'] })
    expect(e.verdict.conclusion).toBe('failure')
    const finding = e.verdict.results.find((r) => r.id === RELEASE_RULE_ID)!.findings[0]
    expect(finding.code).toBe('missing')
    expect(finding.message).toContain('a commit status "quality-gate" = success posted by mallory, who is not the gate')
    expect(reviewComment(e.verdict, e.facts)).toContain('#13 (missing; ignored a result posted by mallory, not the gate)')
    expect(server.requestsFor('repos/list-commit-statuses-for-ref')).toHaveLength(1)
  })

  it('a check run of the gate’s name created by another App is no gate result', async () => {
    seedRelease(server, { only: [13], direct: false })
    addGateRun(server, SHA13, 'success', 'all 6 rules passed', 'quality-gate', 'evil-ci[bot]', { id: 666, slug: 'evil-ci' })
    const e = await release()
    expect(e.facts.pulls[0].gate).toMatchObject({ state: 'missing', ignoredBy: ['the App evil-ci (id 666)'] })
    expect(e.verdict.conclusion).toBe('failure')
  })

  it('a look-alike created after the real gate run does not hide it', async () => {
    seedRelease(server, { only: [11], direct: false })
    addGateRun(server, SHA11, 'failure', '1 failed: pr-size', 'quality-gate', 'evil-ci[bot]', { id: 666, slug: 'evil-ci' })
    const e = await release()
    expect(e.facts.pulls[0].gate).toMatchObject({ state: 'passed', source: 'check-run', ignoredBy: ['the App evil-ci (id 666)'] })
    expect(e.verdict.conclusion).toBe('success')
  })

  it('the gate’s own status still counts, even when another user posted a newer one', async () => {
    seedRelease(server, { only: [13], direct: false })
    spoofStatus('success', 'github-actions[bot]')
    spoofStatus('failure', 'mallory')
    const e = await release()
    expect(e.facts.pulls[0].gate).toMatchObject({ state: 'passed', source: 'status' })
    expect(e.verdict.conclusion).toBe('success')
  })

  it('a gate run with a personal access token: its user is trusted only when named (user:<login>)', async () => {
    seedRelease(server, { only: [13], direct: false })
    spoofStatus('success', 'release-bot')
    expect((await release()).facts.pulls[0].gate.state).toBe('missing')
    expect((await release(parseGateIdentity('github-actions, user:release-bot'))).facts.pulls[0].gate.state).toBe('passed')
  })

  it('as the App: only check runs of its own App id count, not the workflow token’s', async () => {
    seedRelease(server, { only: [11], direct: false }) // #11's gate run was created by github-actions
    const asApp = { apps: [{ id: 4242 }], statusCreators: ['pr-quality-gate[bot]'] }
    expect((await release(asApp)).facts.pulls[0].gate).toMatchObject({ state: 'missing', ignoredBy: ['the App github-actions (id 15368)'] })
    addGateRun(server, SHA11, 'success', 'all 6 rules passed', 'quality-gate', 'pr-quality-gate[bot]')
    expect((await release(asApp)).facts.pulls[0].gate).toMatchObject({ state: 'passed', source: 'check-run' })
  })
})

describe('through the bundle and the App', () => {
  function pushEvent() {
    const e = exampleEvent('push')
    Object.assign(e.repository as object, { full_name: 'acme/service', name: 'service', default_branch: 'main' })
    e.after = HEAD
    e.ref = 'refs/heads/main'
    return e
  }

  it('the Action in release mode: a spoofed status does not approve the release (exit 1, the report names the poster)', async () => {
    seedRelease(server, { only: [13], direct: false })
    spoofStatus('success')
    const r = await runAction({
      server,
      event: pushEvent(),
      eventName: 'push',
      inputs: { token: server.token, mode: 'release', environment: ENV },
      entry,
    })
    expect(r.code).toBe(1)
    expect(r.outputs.conclusion).toBe('failure')
    const report = JSON.parse(readFileSync(r.outputs.report, 'utf8'))
    expect(report.release.pullRequests[0].gate).toMatchObject({ state: 'missing', ignoredBy: ['mallory'] })
    expect(r.summary).toContain('posted by mallory, who is not the gate')
  })

  it('the Action with gate-identity naming the poster accepts it', async () => {
    seedRelease(server, { only: [13], direct: false })
    spoofStatus('success', 'release-bot')
    const r = await runAction({
      server,
      event: pushEvent(),
      eventName: 'push',
      inputs: { token: server.token, mode: 'release', environment: ENV, 'gate-identity': 'github-actions, user:release-bot' },
      entry,
    })
    expect(r.code).toBe(0)
    expect(r.outputs.conclusion).toBe('success')
  })

  it('the App: a deployment whose PR has only a spoofed status is rejected, naming who posted it', async () => {
    let app: AppServer | undefined
    try {
      app = await startApp(appConfig(server), { log: () => undefined, warn: () => undefined })
      seedRelease(server, { only: [13], direct: false })
      spoofStatus('success')
      const d = await deliver(app.url, 'deployment_protection_rule', deploymentProtectionRule(server, { sha: HEAD, environment: ENV }))
      expect(d.status).toBe(202)
      await app.idle()
      const review = server.state.protectionRuleReviews[0]
      expect(review).toMatchObject({ state: 'rejected', environmentName: ENV })
      expect(review.comment).toContain('#13 (missing; ignored a result posted by mallory, not the gate)')
    } finally {
      await app?.close()
    }
  })
})
