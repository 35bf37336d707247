/**
 * `pr-gate serve` through the bundle (node <bundle> serve): configuration from the environment, signed
 * real payloads over HTTP, the fake GitHub on the other side, SIGTERM finishing in-flight work and exit 0.
 * The bundle is dist/index.js, or PR_GATE_BUNDLE (a build into a temp dir before dist/ is rebuilt).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import { type FakeGitHub } from '../helpers/github-server.js'
import { REPO_ROOT } from '../helpers/run-action.js'
import { appEnv, deliver, prPayload, until } from './helpers.js'
import { useFakeGitHub } from '../helpers/use-fake-github.js'

const entry = resolve(REPO_ROOT, process.env.PR_GATE_BUNDLE ?? 'dist/index.js')

let server: FakeGitHub
useFakeGitHub((s) => (server = s))

function childEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !/^(GITHUB_|INPUT_|RUNNER_|NODE_OPTIONS$|JEST_)/.test(k)) env[k] = v
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
  const pr = server.addPullRequest({ number: 7, title: 'Add a timeout', base: { ref: 'main', sha: 'b'.repeat(40) }, head: { ref: 'feature', sha: 'c'.repeat(40) }, files: [{ filename: 'src/a.ts', additions: 1, patch: '@@ -0,0 +1 @@\n+x' }] })
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
  expect(server.state.checkRuns).toEqual([expect.objectContaining({ name: 'quality-gate', conclusion: 'success', createdBy: 'pr-quality-gate[bot]' })])
  expect(server.commentsOn(7)).toHaveLength(1)
  expect(p.out()).toContain('SIGTERM')
  expect(p.out()).not.toMatch(/\n\s+at /)
})
