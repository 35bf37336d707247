/**
 * The App previews a PR's own policy with that policy's patterns (issue 13, item 2). A hostile policy (a
 * catastrophic regex against 40 `a`s and `!`, and far too much glob work) used to freeze the event loop:
 * /healthz and every other delivery stalled. Here the App keeps serving while such a delivery is processed,
 * publishes the base policy's verdict, and says the preview was skipped.
 */
import { startGitHubServer, type FakeGitHub } from '../helpers/github-server.js'
import { startApp, type AppServer } from '../../src/app/server.js'
import { appConfig, deliver, prPayload, until } from './helpers.js'

const BASE_SHA = 'b'.repeat(40)
const HOSTILE_HEAD = 'c'.repeat(40)
const PLAIN_HEAD = 'd'.repeat(40)
const POLICY = '.github/quality-gate.yml'

let server: FakeGitHub
let app: AppServer
const quiet = () => undefined

beforeEach(async () => {
  server = await startGitHubServer()
  app = await startApp(appConfig(server), { log: quiet, warn: quiet })
})
afterEach(async () => {
  await app.close()
  expect(server.violations).toEqual([])
  await server.close()
})

function hostilePolicy(): string {
  const glob = `'**/*.{a,b,c,d,e,f,g,h}{a,b,c,d}{a,b,c,d}'`
  const heavy = Array.from(
    { length: 400 },
    (_, i) => `      - name: r${i}\n        when: [${glob}, 'src/f${i}/**']\n        require: ['docs/${i}.md']\n`,
  ).join('')
  return `rules:\n  co-change:\n    level: fail\n    rules:\n      - name: redos\n        when: ['**/*.txt']\n        added_lines_match: '^(a+)+$'\n        require: ['docs/**']\n${heavy}`
}

test("/healthz and another PR are served while a PR with a hostile policy is evaluated; its verdict is the base policy's", async () => {
  server.addRepo({ owner: 'acme', name: 'service' })
  server.setTree(BASE_SHA, { [POLICY]: 'rules:\n  pr-size: { level: fail, fail_lines: 1 }\n' })
  server.setTree(HOSTILE_HEAD, { [POLICY]: hostilePolicy() })
  server.setTree(PLAIN_HEAD, {})
  const files = Array.from({ length: 1000 }, (_, i) => ({
    filename: `src/file${i}.ts`,
    additions: 1,
    deletions: 0,
    patch: '@@ -0,0 +1 @@\n+x',
  }))
  const hostile = server.addPullRequest({
    number: 7,
    title: 'Loosen the gate',
    base: { ref: 'main', sha: BASE_SHA },
    head: { ref: 'loosen', sha: HOSTILE_HEAD },
    files: [
      { filename: 'notes/x.txt', status: 'added', additions: 1, deletions: 0, patch: '@@ -0,0 +1 @@\n+' + 'a'.repeat(40) + '!' },
      {
        filename: POLICY,
        status: 'modified',
        additions: 1,
        deletions: 1,
        patch: '@@ -1,2 +1,2 @@\n rules:\n-  pr-size: { level: fail, fail_lines: 1 }\n+  pr-size: { level: off }',
      },
      ...files,
    ],
  })
  const plain = server.addPullRequest({
    number: 8,
    title: 'Small fix',
    base: { ref: 'main', sha: BASE_SHA },
    head: { ref: 'fix', sha: PLAIN_HEAD },
    files: [{ filename: 'src/a.ts', additions: 1, deletions: 0, patch: '@@ -0,0 +1 @@\n+x' }],
  })

  expect((await deliver(app.url, 'pull_request', prPayload(hostile, 'synchronize', server))).status).toBe(202)
  expect((await deliver(app.url, 'pull_request', prPayload(plain, 'synchronize', server))).status).toBe(202)
  // While the hostile delivery is in flight, the loop keeps turning: health checks are answered.
  const health: number[] = []
  while (!server.state.checkRuns.some((c) => c.headSha === HOSTILE_HEAD)) {
    health.push((await fetch(`${app.url}/healthz`)).status)
    await new Promise((r) => setTimeout(r, 20))
  }
  expect(health.length).toBeGreaterThan(0)
  expect(health.every((s) => s === 200)).toBe(true)
  await until(() => server.state.checkRuns.length === 2, 20_000, 'both check runs')

  expect(server.state.checkRuns.find((c) => c.headSha === PLAIN_HEAD)).toMatchObject({ conclusion: 'success' })
  expect(server.state.checkRuns.find((c) => c.headSha === HOSTILE_HEAD)).toMatchObject({ conclusion: 'failure' })
  await until(() => server.commentsOn(7).length === 1, 20_000, 'the comment on the hostile PR')
  expect(server.commentsOn(7)[0].body.replace(/\\(.)/g, '$1')).toMatch(
    /The preview of the PR's policy was skipped: it (kept the event loop busy for more than 500 ms at once|took longer than 5 s)\./,
  )
})
