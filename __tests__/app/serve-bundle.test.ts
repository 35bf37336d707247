/**
 * `pr-gate serve` through the bundle (node <bundle> serve): configuration from the environment, signed
 * real payloads over HTTP, the fake GitHub on the other side, SIGTERM finishing in-flight work and exit 0.
 * The bundle is dist/index.js, or PR_GATE_BUNDLE (a build into a temp dir before dist/ is rebuilt).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import { type FakeGitHub, type PullRecord } from '../helpers/github-server.js'
import { REPO_ROOT } from '../helpers/run-action.js'
import { appEnv, deliver, deliveryHeaders, prPayload, rawPost, until } from './helpers.js'
import { useFakeGitHub } from '../helpers/use-fake-github.js'

const entry = resolve(REPO_ROOT, process.env.PR_GATE_BUNDLE ?? 'dist/index.js')

let server: FakeGitHub
useFakeGitHub((s) => (server = s))

function childEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !/^(GITHUB_|INPUT_|RUNNER_|NODE_OPTIONS$|JEST_)/.test(k)) env[k] = v
  return { ...env, ...extra }
}

function start(env: Record<string, string>): { child: ChildProcess; out: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, [entry, 'serve'], { env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d))
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (out += d))
  const exit = new Promise<number | null>((res) => child.on('close', (code) => res(code)))
  return { child, out: () => out, exit }
}

test('missing configuration: every problem named, exit 2, no stack trace', async () => {
  const p = start({ PORT: '0' })
  expect(await p.exit).toBe(2)
  expect(p.out()).toContain('WEBHOOK_SECRET is not set')
  expect(p.out()).toContain('APP_ID is not set')
  expect(p.out()).not.toMatch(/\n\s+at /)
})

test('serve: a signed pull_request delivery becomes a check run and a comment; SIGTERM drains and exits 0', async () => {
  server.addRepo({ owner: 'acme', name: 'service' })
  server.setTree('b'.repeat(40), {})
  server.setTree('c'.repeat(40), {})
  const pr = server.addPullRequest({
    number: 7,
    title: 'Add a timeout',
    base: { ref: 'main', sha: 'b'.repeat(40) },
    head: { ref: 'feature', sha: 'c'.repeat(40) },
    files: [{ filename: 'src/a.ts', additions: 1, patch: '@@ -0,0 +1 @@\n+x' }],
  })
  const p = start(appEnv(server))
  await until(() => /listening on 127\.0\.0\.1:(\d+)/.test(p.out()), 20_000, 'the server to listen')
  const url = `http://127.0.0.1:${/listening on 127\.0\.0\.1:(\d+)/.exec(p.out())![1]}`
  expect((await fetch(`${url}/healthz`)).status).toBe(200)
  expect((await deliver(url, 'pull_request', prPayload(pr, 'opened', server), { secret: 'wrong' })).status).toBe(401)
  expect(server.requests).toHaveLength(0)
  // Slow GitHub: the delivery is still in flight when SIGTERM arrives, and is finished before exit.
  server.faults.push({ path: 'pulls/list-files', times: 1, delayMs: 500 })
  expect((await deliver(url, 'pull_request', prPayload(pr, 'opened', server))).status).toBe(202)
  await until(() => server.count('pulls/list-files') > 0, 20_000, 'the evaluation to start')
  p.child.kill('SIGTERM')
  expect(await p.exit).toBe(0)
  expect(server.state.checkRuns).toEqual([
    expect.objectContaining({ name: 'quality-gate', conclusion: 'success', createdBy: 'pr-quality-gate[bot]' }),
  ])
  expect(server.commentsOn(7)).toHaveLength(1)
  expect(p.out()).toContain('SIGTERM')
  expect(p.out()).not.toMatch(/\n\s+at /)
})

/** Starts `serve` and resolves with its URL once it listens. */
async function serveAt(env: Record<string, string>) {
  const p = start(env)
  await until(() => /listening on 127\.0\.0\.1:(\d+)/.test(p.out()), 20_000, 'the server to listen')
  return { ...p, url: `http://127.0.0.1:${/listening on 127\.0\.0\.1:(\d+)/.exec(p.out())![1]}` }
}

/** PRs with their own head SHA (`n` repeated), one changed line each, the base having `policy` (or none). */
function seedPulls(numbers: number[], policy?: string): PullRecord[] {
  server.addRepo({ owner: 'acme', name: 'service' })
  server.setTree('b'.repeat(40), policy ? { '.github/quality-gate.yml': policy } : {})
  return numbers.map((n) => {
    const head = String(n).repeat(40).slice(0, 40)
    server.setTree(head, {})
    return server.addPullRequest({
      number: n,
      title: `Change ${n}`,
      body: 'A change.',
      base: { ref: 'main', sha: 'b'.repeat(40) },
      head: { ref: `f${n}`, sha: head },
      files: [{ filename: 'src/a.ts', additions: 2, patch: '@@ -0,0 +1,2 @@\n+x\n+y' }],
    })
  })
}

test('issue 13 #5: a stale labeled delivery (the waiver since removed) arriving after unlabeled does not waive', async () => {
  const [pr] = seedPulls([7], 'rules:\n  pr-size: { level: fail, fail_lines: 1 }\n')
  const p = await serveAt(appEnv(server, { GITHUB_THROTTLE: 'off' }))
  await deliver(p.url, 'pull_request', prPayload(pr, 'unlabeled', server))
  await until(() => server.state.checkRuns.length === 1, 20_000, 'the first check run')
  const stale = prPayload(pr, 'labeled', server)
  const waiver = { name: 'gate-waive:pr-size', color: 'ededed' }
  Object.assign(stale.pull_request as object, {
    labels: [waiver],
    body: 'gate-waive:pr-size generated client regenerated, reviewed by platform',
  })
  Object.assign(stale, { label: waiver })
  await deliver(p.url, 'pull_request', stale)
  await until(() => server.state.checkRuns.length === 2, 20_000, 'the second check run')
  p.child.kill('SIGTERM')
  expect(await p.exit).toBe(0)
  expect(server.state.checkRuns.map((c) => c.conclusion)).toEqual(['failure', 'failure'])
  expect(server.commentsOn(7)[0].body).not.toContain('waived')
})

test('issue 13 #7: SIGTERM never drops an accepted delivery silently: beyond the shutdown budget 503 + Retry-After; a dropped one is logged and the exit code says so; /healthz answers 503 meanwhile', async () => {
  const prs = seedPulls([1, 2, 3, 4, 5, 6])
  server.faults.push({ path: 'pulls/list-files', times: 10, delayMs: 2500 })
  const p = await serveAt(appEnv(server, { GITHUB_THROTTLE: 'off', CONCURRENCY: '1', SHUTDOWN_TIMEOUT_MS: '3000' }))
  const answers = []
  for (const pr of prs) answers.push({ pr, ...(await deliver(p.url, 'pull_request', prPayload(pr, 'synchronize', server))) })
  const refused = answers.filter((a) => a.status === 503)
  expect(refused.length).toBeGreaterThan(0)
  for (const a of refused) expect(Number(a.retryAfter)).toBeGreaterThanOrEqual(1)
  p.child.kill('SIGTERM')
  await until(() => p.out().includes('SIGTERM'), 10_000, 'the signal to be handled')
  expect((await fetch(`${p.url}/healthz`)).status).toBe(503)
  const code = await p.exit
  const dropped = [...p.out().matchAll(/dropped delivery ([0-9a-f-]+) /g)].map((m) => m[1])
  // Every 202 became a check run, or is named in the log for an operator to redeliver.
  for (const a of answers.filter((x) => x.status === 202)) {
    const published = server.state.checkRuns.some((c) => c.headSha === a.pr.head.sha)
    expect({ id: a.id, handled: published || dropped.includes(a.id) }).toEqual({ id: a.id, handled: true })
  }
  expect(code).toBe(dropped.length ? 1 : 0)
  expect(p.out()).not.toMatch(/\n\s+at /)
})

test('issue 13 #8: an unsigned 24 MB POST is answered 401 from its headers; a declared length above 25 MiB is 413; neither body is read', async () => {
  const p = await serveAt(appEnv(server))
  const unsigned = await rawPost(p.url, { ...deliveryHeaders(undefined), 'content-length': String(24 * 1024 * 1024) }, ['{"zen":"'], false)
  expect(unsigned.status).toBe(401)
  const oversized = await rawPost(p.url, { ...deliveryHeaders('{}'), 'content-length': String(25 * 1024 * 1024 + 1) }, ['{"zen":"'], false)
  expect(oversized.status).toBe(413)
  p.child.kill('SIGTERM')
  expect(await p.exit).toBe(0)
  expect(server.requests).toHaveLength(0)
})

test('issue 13 #9: a verdict that cannot be written under a secondary rate limit is retried after retry-after, then counted failed with its delivery id', async () => {
  const [pr] = seedPulls([7])
  const limited = (path: string) => ({ path, times: 100, status: 403, headers: { 'retry-after': '1' } })
  server.faults.push(limited('checks/create'), limited('repos/create-commit-status'))
  const p = await serveAt(appEnv(server, { GITHUB_THROTTLE: 'off' }))
  const { id } = await deliver(p.url, 'pull_request', prPayload(pr, 'opened', server))
  await until(() => p.out().includes(`delivery ${id} pull_request.opened FAILED`), 30_000, 'the delivery to fail')
  p.child.kill('SIGTERM')
  expect(await p.exit).toBe(0)
  expect(server.count('checks/create')).toBe(4)
  expect(p.out()).toContain('still rate limited after 3 retries')
  expect(p.out()).toContain('stopped (0 processed, 1 failed, 0 dropped)')
})
