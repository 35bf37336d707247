/**
 * The App's durable queue (issue 19): BullMQ on Redis, used when REDIS_URL is set.
 *
 *  - Admission: a verified delivery is answered 202 only once BullMQ has written its job to Redis. The job
 *    id is the X-GitHub-Delivery id, so two replicas adding the same delivery make one job; a TTL'd
 *    `SET NX EX` on the delivery id answers redeliveries 200 "duplicate" on every replica. Redis down or
 *    slow: 503 + Retry-After, GitHub lists the delivery as failed and it can be redelivered.
 *  - Workers: every replica runs a BullMQ Worker (CONCURRENCY jobs at a time). A job whose worker dies keeps
 *    its lock only QUEUE_LOCK_MS; BullMQ's stalled-job check then hands it to another worker. A job that
 *    throws is retried QUEUE_ATTEMPTS times with exponential backoff, then stays in the failed set for an
 *    operator (`pr-gate queue failed`, `pr-gate queue replay`).
 *  - One PR, latest delivery wins: each pull_request delivery takes a generation number from a per-PR
 *    counter; the generation of the newest enqueued delivery is recorded. A job older than the recorded one
 *    completes as "superseded" without evaluating, and an evaluation that sees a newer delivery arrive
 *    does not publish (the newer job runs after it and publishes the fresher state). Evaluations of one PR
 *    are serialised across replicas by a Redis lock that lives QUEUE_LOCK_MS unless renewed.
 *  - Shared pacing: the throttling plugin's Bottleneck limiters are clustered on the same Redis, keyed per
 *    installation, so N replicas keep one installation's write pacing together.
 */
import { randomUUID } from 'node:crypto'
import { DelayedError, Queue, Worker, type Job } from 'bullmq'
import { Redis, type Result } from 'ioredis'
import Bottleneck from 'bottleneck'
import { errorMessage } from '../engine/run.js'
import { registerSecret } from '../errors.js'

// The Lua commands defined with `defineCommand` below, typed the way ioredis documents for TypeScript.
declare module 'ioredis' {
  interface RedisCommander<Context> {
    prGateSetMax(key: string, gen: number, id: string, ttlS: number): Result<unknown, Context>
    prGateRenew(lock: string, token: string, lockMs: number): Result<unknown, Context>
    prGateRelease(lock: string, token: string): Result<unknown, Context>
  }
}

export const QUEUE_NAME = 'deliveries'

export interface RedisSettings {
  url: string
  /** Key prefix of everything the App stores (BullMQ's keys included). */
  prefix: string
  /** Seconds a delivery id is remembered (GitHub can redeliver for 3 days). */
  dedupeTtlS: number
  /** Tries per job before it goes to the failed set. */
  attempts: number
  /** First retry delay, doubled on each retry. */
  backoffMs: number
  /** A worker's lock on a job (and on a PR) lasts this long unless renewed: how soon a dead worker's job is retried. */
  lockMs: number
}

/** What a job carries: the delivery as received (the payload is re-read from the API anyway). */
export interface DeliveryJob {
  id: string
  name: string
  action?: string
  payload: unknown
  /** The PR the delivery is about (pullKey), if any. */
  key?: string
  /** This delivery's generation for `key`. */
  gen?: number
  /** When the delivery was received (ms since the epoch). */
  receivedAt: number
}

export type Admission = { kind: 'accepted' } | { kind: 'duplicate' } | { kind: 'in-progress' } | { kind: 'unavailable'; reason: string }

/** What the worker asks the server to do with one job. */
export type ProcessJob = (job: DeliveryJob, ctx: JobContext) => Promise<string>

export interface JobContext {
  attempt: number
  /** An earlier try of this job was started (it threw, or its worker died or lost its lock): it may have written. */
  resumed: boolean
  /** True once a newer delivery for the same PR was enqueued: do not publish. */
  superseded: () => Promise<boolean>
  /** Runs `fn` while holding the cross-replica lock of PR `key`. (Both are functions, not methods: they are passed on.) */
  exclusive: <T>(key: string, fn: () => Promise<T>) => Promise<T>
}

const ADMIT_TIMEOUT_MS = 5000

function connect(url: string, extra: Record<string, unknown> = {}): Redis {
  return new Redis(url, {
    lazyConnect: false,
    connectTimeout: 5000,
    retryStrategy: (times: number) => Math.min(times * 200, 2000),
    ...extra,
  })
}

function timeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  return Promise.race([
    p,
    new Promise<never>(
      (_, reject) =>
        (timer = setTimeout(() => {
          reject(new Error(`${what}: no answer from Redis within ${ms} ms`))
        }, ms)),
    ),
  ]).finally(() => {
    clearTimeout(timer)
  })
}

/** Resolves once `r` is connected (at once when it is); commands on a connection without an offline queue fail until then. */
function connected(r: Redis, ms: number): Promise<void> {
  if (r.status === 'ready') return Promise.resolve()
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      r.off('ready', done)
      reject(new Error(`Redis is not connected (${r.status})`))
    }, ms)
    const done = () => {
      clearTimeout(timer)
      r.off('ready', done)
      resolve()
    }
    r.on('ready', done)
  })
}

/** Sets `key` to `<generation>:<job id>` when the generation is larger than the one it holds. */
const SET_MAX = `local v = tonumber(string.match(redis.call('GET', KEYS[1]) or '0', '^(%d+)') or '0')
if tonumber(ARGV[1]) > v then redis.call('SET', KEYS[1], ARGV[1] .. ':' .. ARGV[2], 'EX', ARGV[3]) return 1 end
return 0`
/** Extends a lock only while it is still ours. */
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`
/** Deletes a lock only while it is still ours. */
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`

export function queueOptions(s: RedisSettings): { prefix: string } {
  return { prefix: `${s.prefix}:bull` }
}

export interface DurableQueue {
  admit(d: DeliveryJob): Promise<Admission>
  /** Redis answers PING (readiness). */
  ready(): Promise<boolean>
  /** Jobs this replica is running. */
  active(): number
  /** Resolves when Redis holds no waiting, delayed or active job and this replica runs none (tests, bench). */
  drained(): Promise<void>
  /** The Bottleneck connection the API clients share (clustered pacing). */
  throttleConnection: InstanceType<typeof Bottleneck.IORedisConnection>
  /** Stop taking jobs; wait up to `ms` for the running ones, then leave them to the stalled-job check of another replica. */
  close(ms: number): Promise<{ unfinished: string[] }>
}

export function startDurableQueue(
  s: RedisSettings,
  concurrency: number,
  process: ProcessJob,
  log: (m: string) => void,
  warn: (m: string) => void,
): DurableQueue {
  try {
    registerSecret(decodeURIComponent(new URL(s.url).password) || undefined)
  } catch {
    // loadAppConfig has checked the URL
  }
  const p = openQueue(s, log, warn)
  const worker = startWorker(p, concurrency, process)
  const throttleConnection = new Bottleneck.IORedisConnection({ client: p.throttleClient, Redis } as ConstructorParameters<
    typeof Bottleneck.IORedisConnection
  >[0])
  throttleConnection.on('error', p.onError('throttle'))

  return {
    admit: (d) => admitDelivery(p, d),
    throttleConnection,
    active: () => p.running.size,
    async ready() {
      try {
        const answer: string = await timeout(p.producer.ping(), 1000, 'ping') // what the server (or a proxy) answered
        return answer === 'PONG'
      } catch {
        return false
      }
    },
    async drained() {
      for (;;) {
        const c = await p.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized')
        if (p.running.size === 0 && Object.values(c).every((n) => n === 0)) return
        await new Promise((r) => setTimeout(r, 50))
      }
    },
    close: (ms) => closeQueue(p, worker, throttleConnection, ms),
  }
}

/** What the parts of one replica's durable queue share: settings, connections, the queue, the jobs it runs. */
interface QueueParts {
  readonly s: RedisSettings
  /** Fails fast while Redis is unreachable (no offline queue): a delivery gets 503 at once. */
  readonly producer: Redis
  readonly workerConnection: Redis
  readonly throttleClient: Redis
  readonly queue: Queue<DeliveryJob>
  /** Job id → what it is (`name.action`), for the jobs this replica runs. */
  readonly running: Map<string, string>
  /** An error handler that warns once per distinct message. */
  readonly onError: (what: string) => (e: Error) => void
  readonly warn: (m: string) => void
  /** Set by close(): a job waiting for a PR's lock gives up. */
  closing: boolean
}

/** One of the App's keys: the prefix and `parts`, joined by `:`. */
function keyOf(s: RedisSettings, ...parts: string[]): string {
  return [s.prefix, ...parts].join(':')
}

/** Connects the producer, the worker's and the throttle's connections, defines the Lua commands, opens the queue. */
function openQueue(s: RedisSettings, log: (m: string) => void, warn: (m: string) => void): QueueParts {
  const producer = connect(s.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
  const workerConnection = connect(s.url, { maxRetriesPerRequest: null })
  const throttleClient = connect(s.url, { maxRetriesPerRequest: null })
  let lastError = ''
  const onError = (what: string) => (e: Error) => {
    const m = `${what}: ${errorMessage(e)}`
    if (m !== lastError) warn(`redis ${m}`)
    lastError = m
  }
  producer.on('error', onError('connection'))
  workerConnection.on('error', onError('worker connection'))
  throttleClient.on('error', onError('throttle connection'))
  producer.on('ready', () => {
    if (lastError) log('redis: connected again')
    lastError = ''
  })
  producer.defineCommand('prGateSetMax', { numberOfKeys: 1, lua: SET_MAX })
  workerConnection.defineCommand('prGateRenew', { numberOfKeys: 1, lua: RENEW })
  workerConnection.defineCommand('prGateRelease', { numberOfKeys: 1, lua: RELEASE })
  const queue = new Queue<DeliveryJob>(QUEUE_NAME, { connection: producer, ...queueOptions(s) })
  queue.on('error', onError('queue'))
  return { s, producer, workerConnection, throttleClient, queue, running: new Map(), onError, warn, closing: false }
}

/**
 * The delivery id's key holds `pending:<ms>` while a replica enqueues it, then `queued`. A second receipt
 * once it is queued is a duplicate. While it is pending (another replica enqueues it right now, or died
 * doing so) the answer is "in progress" (503, try again): never 200, which would tell GitHub it is
 * delivered when it may not be. A pending older than twice the admission timeout is a receipt that failed
 * and is taken over.
 */
async function admitDelivery(p: QueueParts, d: DeliveryJob): Promise<Admission> {
  const { s, producer, queue } = p
  const dkey = keyOf(s, 'delivery', d.id)
  let mine = false as boolean // set inside the enqueue closure below, which control-flow analysis does not follow
  try {
    return await timeout(
      (async (): Promise<Admission> => {
        await connected(producer, 1000)
        const now = Date.now()
        mine = (await producer.set(dkey, `pending:${now}`, 'EX', s.dedupeTtlS, 'NX')) === 'OK'
        if (!mine) {
          const seen = await producer.get(dkey)
          const since = Number(/^pending:(\d+)$/.exec(seen ?? '')?.[1] ?? NaN)
          if (seen === 'queued') return { kind: 'duplicate' }
          if (now - since < 2 * ADMIT_TIMEOUT_MS) return { kind: 'in-progress' }
          await producer.set(dkey, `pending:${now}`, 'EX', s.dedupeTtlS)
          mine = true
        }
        const job: DeliveryJob = { ...d }
        if (d.key) job.gen = await producer.incr(keyOf(s, 'gen', d.key))
        await queue.add(d.name, job, {
          jobId: d.id,
          attempts: s.attempts,
          backoff: { type: 'exponential', delay: s.backoffMs },
          removeOnComplete: { age: s.dedupeTtlS, count: 100_000 },
          removeOnFail: { age: 30 * 86_400 },
        })
        if (d.key && job.gen !== undefined) await producer.prGateSetMax(keyOf(s, 'latest', d.key), job.gen, d.id, s.dedupeTtlS)
        await producer.call('SET', dkey, 'queued', 'XX', 'KEEPTTL')
        return { kind: 'accepted' }
      })(),
      ADMIT_TIMEOUT_MS,
      'enqueue',
    )
  } catch (e) {
    // Not enqueued (as far as this replica knows): forget the id so GitHub's redelivery is taken.
    if (mine) await producer.del(dkey).catch(() => undefined)
    return { kind: 'unavailable', reason: errorMessage(e) }
  }
}

/** Whether a newer delivery than generation `gen` of `key` was enqueued (the same job added twice is not newer). */
async function newerThan(p: QueueParts, key: string, gen: number, id: string): Promise<boolean> {
  const [g, by] = ((await p.workerConnection.get(keyOf(p.s, 'latest', key))) ?? '0:').split(/:(.*)/s)
  return Number(g) > gen && by !== id
}

/** Cross-replica lock of one PR: taken with SET NX PX, renewed every third of its life, released if still ours. */
async function exclusive<T>(p: QueueParts, key: string, fn: () => Promise<T>): Promise<T> {
  const { s, workerConnection } = p
  const lock = keyOf(s, 'lock', key)
  const token = randomUUID()
  for (let wait = 50; ; wait = Math.min(wait * 2, 1000)) {
    if ((await workerConnection.set(lock, token, 'PX', s.lockMs, 'NX')) === 'OK') break
    if (p.closing) throw new Error('shutting down while waiting for the lock of the pull request')
    await new Promise((r) => setTimeout(r, wait))
  }
  const renew = setInterval(
    () => void workerConnection.prGateRenew(lock, token, s.lockMs).catch(() => undefined),
    Math.max(100, Math.floor(s.lockMs / 3)),
  )
  try {
    return await fn()
  } finally {
    clearInterval(renew)
    await workerConnection.prGateRelease(lock, token).catch(() => undefined)
  }
}

/** The worker that runs jobs with `process`, and says when a try failed or a worker stalled. */
function startWorker(p: QueueParts, concurrency: number, process: ProcessJob): Worker<DeliveryJob> {
  const { s, running, warn } = p
  const worker = new Worker<DeliveryJob>(
    QUEUE_NAME,
    async (job: Job<DeliveryJob>) => {
      const d = job.data
      running.set(job.id ?? d.id, `${d.name}${d.action ? `.${d.action}` : ''}`)
      try {
        const superseded = async () => (d.key && d.gen !== undefined ? newerThan(p, d.key, d.gen, d.id) : false)
        return await process(d, {
          attempt: job.attemptsMade + 1,
          resumed: job.attemptsStarted > 1 || job.attemptsMade > 0 || job.stalledCounter > 0,
          superseded,
          exclusive: <T>(key: string, fn: () => Promise<T>) => exclusive(p, key, fn),
        })
      } finally {
        running.delete(job.id ?? d.id)
      }
    },
    {
      connection: p.workerConnection,
      ...queueOptions(s),
      concurrency,
      lockDuration: s.lockMs,
      stalledInterval: Math.max(500, Math.floor(s.lockMs / 2)),
      maxStalledCount: 2,
      autorun: true,
    },
  )
  worker.on('error', p.onError('worker'))
  worker.on('failed', (job, e) => {
    if (!job || e instanceof DelayedError) return
    const left = (job.opts.attempts ?? 1) - job.attemptsMade
    if (left > 0)
      warn(`delivery ${job.id} failed (try ${job.attemptsMade} of ${job.opts.attempts}): ${errorMessage(e)}; retried with backoff`)
    else
      warn(
        `delivery ${job.id} FAILED after ${job.attemptsMade} tries: ${errorMessage(e)}; ` +
          `it is in the failed set (pr-gate queue failed / pr-gate queue replay ${job.id})`,
      )
  })
  worker.on('stalled', (id) => {
    warn(`delivery ${id}: its worker stopped answering (died?); the job is handed to another worker`)
  })
  return worker
}

/** Stop taking jobs; wait up to `ms` for the running ones, then leave them to the stalled-job check of another replica. */
async function closeQueue(
  p: QueueParts,
  worker: Worker<DeliveryJob>,
  throttleConnection: InstanceType<typeof Bottleneck.IORedisConnection>,
  ms: number,
): Promise<{ unfinished: string[] }> {
  p.closing = true
  let timer: NodeJS.Timeout | undefined
  const done = await Promise.race([
    worker.close().then(() => true),
    new Promise<boolean>(
      (r) =>
        (timer = setTimeout(() => {
          r(false)
        }, ms)),
    ),
  ])
  clearTimeout(timer)
  const unfinished = [...p.running.keys()]
  if (!done) {
    for (const [id, label] of p.running)
      p.warn(
        `delivery ${id} (${label}) still running at shutdown: ` +
          `it stays in Redis and another replica retries it once its lock (${p.s.lockMs} ms) expires`,
      )
    await worker.close(true).catch(() => undefined)
  }
  await p.queue.close().catch(() => undefined)
  await throttleConnection.disconnect(false).catch(() => undefined)
  for (const r of [p.producer, p.workerConnection, p.throttleClient]) r.disconnect()
  return { unfinished }
}

export interface FailedJob {
  id: string
  event: string
  tries: number
  failedAt?: string
  reason: string
}

/** The operator's view of the failed set, and replay (`pr-gate queue`). */
export async function withQueue<T>(s: RedisSettings, fn: (q: Queue<DeliveryJob>) => Promise<T>): Promise<T> {
  const connection = connect(s.url, { maxRetriesPerRequest: 1, retryStrategy: () => null })
  connection.on('error', () => undefined)
  const queue = new Queue<DeliveryJob>(QUEUE_NAME, { connection, ...queueOptions(s) })
  queue.on('error', () => undefined)
  try {
    await timeout(connection.ping(), 5000, 'ping')
    return await fn(queue)
  } finally {
    await queue.close().catch(() => undefined)
    connection.disconnect()
  }
}

export async function listFailed(q: Queue<DeliveryJob>, limit = 1000): Promise<FailedJob[]> {
  const jobs = await q.getFailed(0, limit - 1)
  return jobs.map((j) => ({
    id: j.id ?? '?',
    event: `${j.data.name}${j.data.action ? `.${j.data.action}` : ''}`,
    tries: j.attemptsMade,
    failedAt: j.finishedOn ? new Date(j.finishedOn).toISOString() : undefined,
    reason: (j as { failedReason?: string }).failedReason ?? '', // absent on a job stored without one
  }))
}

/** Moves failed jobs back to the queue; returns the ids replayed and those not found in the failed set. */
export async function replayFailed(q: Queue<DeliveryJob>, ids: string[] | 'all'): Promise<{ replayed: string[]; missing: string[] }> {
  const replayed: string[] = []
  const missing: string[] = []
  const jobs = ids === 'all' ? await q.getFailed(0, -1) : await Promise.all(ids.map(async (id) => (await q.getJob(id)) ?? id))
  for (const j of jobs) {
    if (typeof j === 'string') {
      missing.push(j)
      continue
    }
    if ((await j.getState()) !== 'failed') {
      missing.push(j.id ?? '?')
      continue
    }
    // A replay is a fresh set of tries.
    await j.retry('failed', { resetAttemptsMade: true })
    replayed.push(j.id ?? '?')
  }
  return { replayed, missing }
}
