/**
 * Issue 19, org policy in the App: a repository policy that extends `github:acme/.github/…@main` is read
 * with the installation token, and cached per installation and commit SHA across deliveries: the second
 * delivery only resolves `main` again (one query) while the org repository has not moved.
 */
import { startGitHubServer, type FakeGitHub, type PullRecord } from '../helpers/github-server.js'
import { startApp, type AppServer, type DeliveryResult } from '../../src/app/server.js'
import { appConfig, deliver, prPayload, until } from './helpers.js'

const BASE_SHA = 'b'.repeat(40)
const HEAD_SHA = 'c'.repeat(40)
const ORG = 'acme/.github'
const ORG_SHA = 'a'.repeat(40)
const ORG_SHA2 = 'd'.repeat(40)
const POLICY = '.github/quality-gate.yml'
const ORG_FILE = 'quality-gate/org.yml'

let server: FakeGitHub
let app: AppServer
let deliveries: DeliveryResult[]
const quiet = () => undefined

async function start(appRepos: string[]) {
  server = await startGitHubServer({ app: { repos: appRepos } })
  deliveries = []
  app = await startApp(appConfig(server), { log: quiet, warn: quiet, onDelivery: (r) => deliveries.push(r) })
}
afterEach(async () => {
  await app.close()
  expect(server.violations).toEqual([])
  expect(server.responseViolations).toEqual([])
  await server.close()
})

function seed(orgPolicy: string): PullRecord {
  server.addRepo({ owner: 'acme', name: 'service' })
  server.setTree(BASE_SHA, { [POLICY]: `extends: github:${ORG}/${ORG_FILE}@main\nrules:\n  pr-size:\n    fail_lines: 100\n` })
  server.setTree(HEAD_SHA, {})
  server.addRepo({ owner: 'acme', name: '.github', private: true })
  server.setTree(ORG_SHA, { [ORG_FILE]: orgPolicy }, ORG)
  server.setBranch('main', ORG_SHA, ORG)
  return server.addPullRequest({
    number: 7,
    title: 'Add payments timeout',
    base: { ref: 'main', sha: BASE_SHA },
    head: { ref: 'feature', sha: HEAD_SHA },
    files: [{ filename: 'src/a.ts', additions: 3, deletions: 0, patch: '@@ -0,0 +1,3 @@\n+x\n+y\n+z' }],
  })
}

const orgRequests = () =>
  server.requests.filter((q) => (q.body as { variables?: { name?: string } } | undefined)?.variables?.name === '.github')

async function deliverAndWait(pr: PullRecord, n: number) {
  expect((await deliver(app.url, 'pull_request', prPayload(pr, 'synchronize', server))).status).toBe(202)
  await until(() => deliveries.length === n, 20_000, `delivery ${n}`)
  expect(deliveries[n - 1]!.ok).toBe(true)
}

test('the org policy is read with the installation token and cached per ref SHA across deliveries', async () => {
  await start(['acme/service', ORG])
  const pr = seed('rules:\n  pr-size:\n    level: fail\n    fail_lines: 2\n    locked: [fail_lines]\n')

  await deliverAndWait(pr, 1)
  // the repository's fail_lines 100 loosens the org's locked 2: the org value is enforced
  expect(server.state.checkRuns.at(-1)).toEqual(expect.objectContaining({ conclusion: 'failure' }))
  expect(server.commentsOn(7)[0]!.body).toContain('Org policy enforced')
  const first = orgRequests().length
  expect(first).toBe(2) // resolve main → SHA, read the file at that SHA
  expect(orgRequests().every((q) => q.login === 'pr-quality-gate[bot]')).toBe(true)

  await deliverAndWait(pr, 2)
  expect(orgRequests().length - first).toBe(1) // only the resolution: the file at that SHA is cached

  // The org repository moves: the new SHA is read once, and its policy applies.
  server.setTree(ORG_SHA2, { [ORG_FILE]: 'rules:\n  pr-size:\n    level: fail\n    fail_lines: 50\n    locked: [fail_lines]\n' }, ORG)
  server.setBranch('main', ORG_SHA2, ORG)
  await deliverAndWait(pr, 3)
  expect(orgRequests().length - first - 1).toBe(2)
  expect(server.state.checkRuns.at(-1)).toEqual(expect.objectContaining({ conclusion: 'success' }))
})

test('an App not installed on the org repository: the gate fails closed and says to install it there', async () => {
  await start(['acme/service'])
  const pr = seed('rules:\n  pr-size: { level: fail, fail_lines: 2 }\n')
  await deliverAndWait(pr, 1)
  const run = server.state.checkRuns.at(-1)!
  expect(run.conclusion).toBe('failure')
  const text = `${run.output.summary}\n${run.output.text}`
  expect(text).toContain('cannot read acme/.github')
  expect(text).toContain('install the App on that repository too')
})
