/**
 * The App's deployment protection rule fails closed on a provider outage: a release range that changes a
 * manifest, with GitHub dependency review answering 502 until the retries run out, is REJECTED (the
 * dependencies rule is not evaluated), never approved. 404 (dependency graph off) is the control: a
 * notice, the release is approved.
 */
import { startGitHubServer, type FakeGitHub } from '../helpers/github-server.js'
import { startApp, type AppServer, type DeliveryResult } from '../../src/app/server.js'
import { appConfig, deliver, deploymentProtectionRule } from './helpers.js'
import { BASE, ENV, HEAD, seedRelease } from '../release/helpers.js'

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
  await server.close()
})

function seedManifestRelease(): void {
  seedRelease(server, { only: [11], direct: false, gateCreator: 'pr-quality-gate[bot]' }) // the gate run by this App
  // The same range, but the release also adds a dependency to package.json.
  server.addComparison({
    base: BASE,
    head: HEAD,
    commits: [
      { sha: 'b'.repeat(40), message: 'Tidy logging (#11)' },
      { sha: HEAD, message: 'Release candidate' },
    ],
    files: [
      {
        filename: 'package.json',
        status: 'modified',
        additions: 1,
        deletions: 0,
        patch: '@@ -1,3 +1,4 @@\n {\n   "dependencies": {\n+    "left-pad": "1.3.0",\n     "express": "4.18.2"',
      },
    ],
  })
  server.setDependencyDiff(`${BASE}...${HEAD}`, [])
}

test('control: dependency graph not enabled (404) is a notice, the release is approved', async () => {
  seedManifestRelease()
  server.faults.push({ path: 'dependency-graph/diff-range', status: 404, body: { message: 'Not Found' }, times: 10 })
  await deliver(app.url, 'deployment_protection_rule', deploymentProtectionRule(server, { sha: HEAD, environment: ENV, runId: 4242 }))
  await app.idle()
  expect(server.count('dependency-graph/diff-range')).toBe(1)
  expect(server.state.protectionRuleReviews).toEqual([expect.objectContaining({ runId: 4242, state: 'approved' })])
})

test('dependency review 502 until the retries run out: the deployment is rejected, never approved', async () => {
  seedManifestRelease()
  server.faults.push({ path: 'dependency-graph/diff-range', status: 502, times: 10 })
  await deliver(app.url, 'deployment_protection_rule', deploymentProtectionRule(server, { sha: HEAD, environment: ENV, runId: 4242 }))
  await app.idle()
  expect(server.count('dependency-graph/diff-range')).toBe(4)
  expect(server.state.protectionRuleReviews).toEqual([expect.objectContaining({ runId: 4242, state: 'rejected' })])
  expect(server.state.protectionRuleReviews[0].comment).toMatch(/dependencies/)
  const report = server.state.checkRuns.find((c) => c.name === `quality-gate / release ${ENV}`)
  expect(report?.conclusion).toBe('failure')
  expect(`${report?.output.summary}\n${report?.output.text}`).toMatch(/GitHub dependency review failed/)
}, 60_000)
