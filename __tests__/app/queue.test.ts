/**
 * The App on the durable queue (REDIS_URL, issue 19): a real redis-server per test file, the App
 * in-process (several replicas = several servers on the same Redis), signed real payloads, the
 * OpenAPI-validating fake GitHub on the other side.
 */
import { Queue } from 'bullmq'
import { startGitHubServer, type FakeGitHub, type PullRecord } from '../helpers/github-server.js'
import { startApp, type AppServer, type DeliveryResult } from '../../src/app/server.js'
import { QUEUE_NAME, type RedisSettings } from '../../src/app/queue.js'
import { main } from '../../src/cli/main.js'
import { appConfig, deliver, prPayload, until } from './helpers.js'
import { describeWithRedis, startRedis, type RedisProcess } from '../helpers/redis.js'

const BASE_SHA = 'b'.repeat(40)
const HEAD_SHA = 'c'.repeat(40)
const quiet = () => undefined

describeWithRedis('the durable queue (REDIS_URL)', () => {
  let redis: RedisProcess
  let server: FakeGitHub
  let apps: AppServer[]
  let deliveries: DeliveryResult[]
  let prefix: string
  let n = 0

  beforeAll(async () => {
    redis = await startRedis()
  })
  afterAll(async () => {
    await redis?.stop()
  })
  beforeEach(async () => {
    server = await startGitHubServer()
    apps = []
    deliveries = []
    prefix = `t${++n}-${Date.now()}`
  })
  afterEach(async () => {
    await Promise.all(apps.map((a) => a.close()))
    expect(server.violations).toEqual([])
    expect(server.responseViolations).toEqual([])
    await server.close()
  })

  const settings = (over: Partial<RedisSettings> = {}): RedisSettings => ({
    url: redis.url,
    prefix,
    dedupeTtlS: 3600,
    attempts: 3,
    backoffMs: 50,
    lockMs: 10_000,
    ...over,
  })

  async function replica(over: Partial<RedisSettings> = {}): Promise<AppServer> {
    const app = await startApp(appConfig(server, { redis: settings(over) }), {
      log: quiet,
      warn: quiet,
      onDelivery: (r) => deliveries.push(r),
    })
    apps.push(app)
    return app
  }

  function seedPr(number = 7): PullRecord {
    server.addRepo({ owner: 'acme', name: 'service' })
    server.setTree(BASE_SHA, {})
    server.setTree(HEAD_SHA, {})
    return server.addPullRequest({
      number,
      title: 'Add a timeout',
      body: 'Adds a timeout.',
      base: { ref: 'main', sha: BASE_SHA },
      head: { ref: 'feature', sha: HEAD_SHA },
      files: [{ filename: 'src/a.ts', additions: 1, deletions: 0, patch: '@@ -0,0 +1 @@\n+x' }],
    })
  }

  async function withQueue<T>(fn: (q: Queue) => Promise<T>): Promise<T> {
    const q = new Queue(QUEUE_NAME, { connection: { url: redis.url }, prefix: `${prefix}:bull` })
    try {
      return await fn(q)
    } finally {
      await q.close()
    }
  }

  test('202 only once the job is in Redis; then one check run and one comment', async () => {
    const app = await replica()
    const pr = seedPr()
    const r = await deliver(app.url, 'pull_request', prPayload(pr, 'opened', server), { id: 'd-enqueue-1' })
    expect(r.status).toBe(202)
    // At the moment of the 202 the job is already stored (whatever state the worker has moved it to).
    const state = await withQueue(async (q) => (await q.getJob('d-enqueue-1'))?.getState())
    expect(['waiting', 'active', 'completed', 'delayed']).toContain(state)
    await app.idle()
    expect(server.state.checkRuns).toEqual([expect.objectContaining({ name: 'quality-gate', headSha: HEAD_SHA, conclusion: 'success' })])
    expect(server.commentsOn(7)).toHaveLength(1)
    expect(deliveries).toEqual([expect.objectContaining({ id: 'd-enqueue-1', ok: true })])
    const ready = await fetch(`${app.url}/readyz`)
    expect(ready.status).toBe(200)
    expect(await ready.json()).toMatchObject({ queue: 'redis', redis: 'ok' })
  })

  test('the same delivery id sent to 3 replicas at once is evaluated once', async () => {
    const three = await Promise.all([replica(), replica(), replica()])
    const pr = seedPr()
    const payload = prPayload(pr, 'synchronize', server)
    const answers = await Promise.all(
      three.flatMap((a) => [
        deliver(a.url, 'pull_request', payload, { id: 'd-same' }),
        deliver(a.url, 'pull_request', payload, { id: 'd-same' }),
      ]),
    )
    const statuses = answers.map((a) => a.status).sort()
    // One is accepted; the others are duplicates (200), or 503 "being enqueued by another replica" while
    // the first is still being stored (never a 200 before the job is stored).
    expect(statuses.filter((s) => s === 202)).toHaveLength(1)
    expect(statuses.filter((s) => s === 200 || s === 503)).toHaveLength(5)
    await Promise.all(three.map((a) => a.idle()))
    expect(deliveries).toHaveLength(1)
    expect(server.state.checkRuns).toHaveLength(1)
    // Later, another redelivery of the same id is still a duplicate on every replica.
    for (const a of three) expect((await deliver(a.url, 'pull_request', payload, { id: 'd-same' })).status).toBe(200)
  })

  test('deliveries for one PR collapse across replicas; the latest head is what is published last', async () => {
    const [a, b] = await Promise.all([replica(), replica()])
    const pr = seedPr()
    // The first evaluation is slow, so the next deliveries wait behind it.
    server.faults.push({ path: 'pulls/list-files', times: 1, delayMs: 800 })
    expect((await deliver(a.url, 'pull_request', prPayload(pr, 'opened', server))).status).toBe(202)
    await until(() => server.count('pulls/list-files') > 0, 10_000, 'the first evaluation to start')
    const newHead = 'd'.repeat(40)
    server.setTree(newHead, {})
    pr.head.sha = newHead
    for (let i = 0; i < 6; i++)
      expect((await deliver(i % 2 ? a.url : b.url, 'pull_request', prPayload(pr, 'synchronize', server))).status).toBe(202)
    await Promise.all([a.idle(), b.idle()])
    expect(deliveries).toHaveLength(7)
    // At most the first evaluation and the latest delivery's evaluation publish; the others collapse.
    const superseded = deliveries.filter((d) => /superseded|not published/.test(d.message))
    expect(superseded.length).toBeGreaterThanOrEqual(5)
    expect(server.state.checkRuns.length).toBeLessThanOrEqual(2)
    expect(server.state.checkRuns.at(-1)).toMatchObject({ headSha: newHead })
    expect(server.commentsOn(7)).toHaveLength(1)
  })

  test('Redis down: 503 with Retry-After and readiness fails; back up: the redelivery is accepted and evaluated', async () => {
    const app = await replica()
    const pr = seedPr()
    await redis.kill()
    try {
      const r = await deliver(app.url, 'pull_request', prPayload(pr, 'opened', server), { id: 'd-down' })
      expect(r.status).toBe(503)
      expect(Number(r.retryAfter)).toBeGreaterThan(0)
      expect((await fetch(`${app.url}/readyz`)).status).toBe(503)
      expect((await fetch(`${app.url}/healthz`)).status).toBe(200)
    } finally {
      await redis.start()
    }
    let again = { status: 0 }
    for (let i = 0; i < 50 && again.status !== 202; i++) {
      again = await deliver(app.url, 'pull_request', prPayload(pr, 'opened', server), { id: 'd-down' })
      if (again.status !== 202) await new Promise((r) => setTimeout(r, 200))
    }
    expect(again.status).toBe(202)
    await app.idle()
    expect(server.state.checkRuns).toHaveLength(1)
  })

  test('a delivery that fails every try goes to the failed set; the CLI lists it and replays it', async () => {
    const app = await replica({ attempts: 2, backoffMs: 50 })
    const pr = seedPr()
    server.faults.push({ path: 'pulls/get', times: 2, status: 404 })
    expect((await deliver(app.url, 'pull_request', prPayload(pr, 'opened', server), { id: 'd-fails' })).status).toBe(202)
    await until(() => deliveries.filter((d) => !d.ok).length === 2, 10_000, 'two failed tries')
    await app.idle()
    expect(server.state.checkRuns).toHaveLength(0)
    const env = { ...process.env }
    process.env.REDIS_URL = redis.url
    process.env.QUEUE_PREFIX = prefix
    try {
      const out: string[] = []
      const err: string[] = []
      const io = { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s), cwd: process.cwd() }
      expect(await main(['queue', 'failed'], io)).toBe(0)
      expect(out.join('')).toMatch(/1 failed delivery/)
      expect(out.join('')).toMatch(/d-fails\s+pull_request\.opened\s+2 tries/)
      out.length = 0
      expect(await main(['queue', 'failed', '--json'], io)).toBe(0)
      expect(JSON.parse(out.join(''))).toEqual([expect.objectContaining({ id: 'd-fails', event: 'pull_request.opened', tries: 2 })])
      out.length = 0
      expect(await main(['queue', 'replay', 'nope'], io)).toBe(1)
      expect(err.join('')).toContain('nope is not in the failed set')
      expect(await main(['queue', 'replay', '--all'], io)).toBe(0)
      expect(out.join('')).toContain('Replayed 1 delivery: d-fails')
      await until(() => server.state.checkRuns.length === 1, 10_000, 'the replayed delivery to publish')
      await app.idle()
      out.length = 0
      expect(await main(['queue', 'failed'], io)).toBe(0)
      expect(out.join('')).toContain('No failed deliveries.')
    } finally {
      process.env = env
    }
  })
})

test('pr-gate queue without REDIS_URL: a configuration error naming it, exit 2', async () => {
  const env = { ...process.env }
  delete process.env.REDIS_URL
  try {
    const err: string[] = []
    expect(await main(['queue', 'failed'], { out: () => undefined, err: (s) => void err.push(s), cwd: process.cwd() })).toBe(2)
    expect(err.join('')).toContain('REDIS_URL is not set')
  } finally {
    process.env = env
  }
})
