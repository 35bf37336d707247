/**
 * The durable queue through the bundle (`node dist/index.js serve`, real processes): a replica killed with
 * SIGKILL in the middle of an evaluation, another replica finishing the job (exactly one check run);
 * pacing shared by two replicas on one Redis; the start message of each mode.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import { type FakeGitHub, type PullRecord } from '../helpers/github-server.js'
import { REPO_ROOT } from '../helpers/run-action.js'
import { appEnv, deliver, prPayload, until } from './helpers.js'
import { useFakeGitHub } from '../helpers/use-fake-github.js'
import { describeWithRedis, startRedis, type RedisProcess } from '../helpers/redis.js'

const entry = resolve(REPO_ROOT, process.env.PR_GATE_BUNDLE ?? 'dist/index.js')

let server: FakeGitHub
useFakeGitHub((s) => (server = s), { contentLimits: {} })

function childEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !/^(GITHUB_|INPUT_|RUNNER_|NODE_OPTIONS$|JEST_|REDIS_URL$|QUEUE_)/.test(k)) env[k] = v
  return { ...env, ...extra }
}

interface Replica {
  child: ChildProcess
  out: () => string
  exit: Promise<number | null>
  url: string
}

const running: Replica[] = []
afterEach(async () => {
  for (const r of running.splice(0)) {
    if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill('SIGKILL')
    await r.exit
  }
})

async function serve(env: Record<string, string>): Promise<Replica> {
  const child = spawn(process.execPath, [entry, 'serve'], { env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d))
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (out += d))
  const exit = new Promise<number | null>((res) => child.on('close', (code) => res(code)))
  const r: Replica = { child, out: () => out, exit, url: '' }
  running.push(r)
  await until(() => /listening on 127\.0\.0\.1:(\d+)/.test(out) || child.exitCode !== null, 30_000, 'the server to listen')
  r.url = `http://127.0.0.1:${/listening on 127\.0\.0\.1:(\d+)/.exec(out)?.[1] ?? 0}`
  return r
}

function seedPulls(numbers: number[]): PullRecord[] {
  server.addRepo({ owner: 'acme', name: 'service' })
  server.setTree('b'.repeat(40), {})
  return numbers.map((n) => {
    const head = String(n % 10).repeat(40)
    server.setTree(head, {})
    return server.addPullRequest({
      number: n,
      title: `Change ${n}`,
      body: 'A change.',
      base: { ref: 'main', sha: 'b'.repeat(40) },
      head: { ref: `f${n}`, sha: head },
      files: [{ filename: 'src/a.ts', additions: 1, patch: '@@ -0,0 +1 @@\n+x' }],
    })
  })
}

test('without REDIS_URL the App says at start that its queue is in memory, for one replica', async () => {
  const r = await serve(appEnv(server))
  expect(r.out()).toContain('queue: in memory, for ONE replica')
  const ready = await fetch(`${r.url}/readyz`)
  expect(ready.status).toBe(200)
  expect(await ready.json()).toMatchObject({ status: 'ready', queue: 'memory' })
})

describeWithRedis('serve with REDIS_URL', () => {
  let redis: RedisProcess
  beforeAll(async () => {
    redis = await startRedis({ appendonly: true })
  })
  afterAll(async () => {
    await redis?.stop()
  })
  let n = 0
  const env = (over: Record<string, string> = {}) =>
    appEnv(server, { REDIS_URL: redis.url, QUEUE_PREFIX: `b${++n}-${Date.now()}`, QUEUE_LOCK_MS: '3000', QUEUE_BACKOFF_MS: '100', ...over })

  test('a replica killed (SIGKILL) in the middle of an evaluation: another replica retries the job, exactly one check run and one comment', async () => {
    const [pr] = seedPulls([7])
    const e = env()
    const a = await serve(e)
    expect(a.out()).toMatch(/queue: Redis at 127\.0\.0\.1:\d+ \(durable/)
    // The evaluation hangs on GitHub long enough for the replica to die in the middle of it.
    server.faults.push({ path: 'pulls/list-files', times: 1, delayMs: 5000 })
    const r = await deliver(a.url, 'pull_request', prPayload(pr!, 'opened', server), { id: 'killed-mid-job' })
    expect(r.status).toBe(202)
    await until(() => server.count('pulls/list-files') > 0, 30_000, 'the evaluation to start')
    a.child.kill('SIGKILL')
    await a.exit
    expect(server.state.checkRuns).toHaveLength(0)
    // A second replica (same Redis) finds the job stalled once its lock expires and runs it again.
    const b = await serve(e)
    await until(() => server.state.checkRuns.length > 0, 60_000, 'the retried job to publish')
    await until(() => /delivery killed-mid-job pull_request\.opened: /.test(b.out()), 10_000, 'the retried job to finish')
    // Nothing runs it a third time.
    await new Promise((res) => setTimeout(res, 4000))
    expect(server.state.checkRuns).toEqual([expect.objectContaining({ name: 'quality-gate', conclusion: 'success' })])
    expect(server.commentsOn(7)).toHaveLength(1)
    expect(b.out()).toMatch(/killed-mid-job.*(stalled|stopped answering)|stopped answering/)
  })

  test('a replica killed (SIGKILL) after creating the check run, before finishing the job: the retry completes THAT check run, no second one', async () => {
    const [pr] = seedPulls([8])
    const e = env()
    const a = await serve(e)
    // The sticky comment (the write after the check run) hangs, then fails: the replica dies meanwhile.
    server.faults.push({ path: 'issues/create-comment', times: 1, delayMs: 8000, status: 502 })
    expect((await deliver(a.url, 'pull_request', prPayload(pr!, 'opened', server), { id: 'killed-after-check-run' })).status).toBe(202)
    await until(() => server.count('issues/create-comment') > 0, 30_000, 'the check run to be created and the comment to start')
    expect(server.state.checkRuns).toEqual([expect.objectContaining({ headSha: pr!.head.sha, externalId: 'killed-after-check-run' })])
    const first = server.state.checkRuns[0]!.id
    a.child.kill('SIGKILL')
    await a.exit
    const b = await serve(e)
    await until(() => /delivery killed-after-check-run pull_request\.opened: /.test(b.out()), 60_000, 'the retried job to finish')
    await new Promise((res) => setTimeout(res, 4000))
    // One check run for the head (the one the dead replica created, found by head SHA, name, App id and
    // delivery id), one sticky comment.
    expect(server.state.checkRuns).toEqual([
      expect.objectContaining({
        id: first,
        name: 'quality-gate',
        headSha: pr!.head.sha,
        conclusion: 'success',
        externalId: 'killed-after-check-run',
      }),
    ])
    expect(server.count('checks/create')).toBe(1)
    expect(server.requestsFor('checks/list-for-ref')).toEqual([
      expect.objectContaining({ query: expect.objectContaining({ check_name: 'quality-gate', app_id: '4242' }) }),
    ])
    expect(server.commentsOn(8)).toHaveLength(1)
    expect(b.out()).toContain(`the check run ${first} of an earlier try`)
  })

  test('two replicas on one Redis pace one installation together (Bottleneck clustering): writes at least ~1 s apart, no secondary limit', async () => {
    const pulls = seedPulls([1, 2, 3, 4, 5, 6])
    const e = env()
    const [a, b] = await Promise.all([serve(e), serve(e)])
    const answers = await Promise.all(pulls.map((pr, i) => deliver(i % 2 ? a.url : b.url, 'pull_request', prPayload(pr, 'opened', server))))
    expect(answers.map((x) => x.status)).toEqual([202, 202, 202, 202, 202, 202])
    await until(() => server.state.checkRuns.length === 6, 90_000, 'six check runs')
    const checkRunWrites = server.requests
      .filter((q) => q.operationId === 'checks/create')
      .map((q) => q.at)
      .sort((x, y) => x - y)
    expect(checkRunWrites).toHaveLength(6)
    const gaps = checkRunWrites.slice(1).map((t, i) => t - checkRunWrites[i]!)
    // GitHub asks for ~1 s between content-creating requests per installation; each replica alone would
    // keep that for its own writes only, so two replicas unshared would write pairs back to back.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(800)
    expect(server.secondaryLimited).toBe(0)
    expect(a.out() + b.out()).not.toMatch(/\n\s+at /)
  })
})
