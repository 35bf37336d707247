/**
 * `pr-gate serve`: the GitHub App's webhook server (node:http + @octokit/webhooks for dispatch).
 *
 *  - POST /api/github/webhooks (or /): everything the headers decide is decided before the body is read
 *    (no or malformed X-Hub-Signature-256: 401; not JSON: 415; no event/delivery id: 400; Content-Length
 *    above the cap: 413). The body is then streamed through HMAC-SHA256 and kept (up to the cap, within a
 *    budget of bytes being received at once) only to be parsed once the signature matches; a mismatch is
 *    401 and nothing else happens. A verified delivery is answered 202 at once and evaluated in the
 *    background by a bounded queue: CONCURRENCY at a time, MAX_QUEUE waiting, and never more than can
 *    finish within the shutdown budget; beyond that 503 + Retry-After, so GitHub shows the delivery as
 *    failed and it can be redelivered.
 *  - Deliveries of one PR are never evaluated in parallel; those arriving while one waits or runs collapse
 *    into one evaluation after it (handlers.ts reads the PR from the API when it starts).
 *  - Redeliveries (same X-GitHub-Delivery) within the last DEDUPE_SIZE ids are answered 200 and dropped.
 *    The memory is per process: behind a load balancer each replica may see a redelivery once, which is
 *    safe because publishing is idempotent (one sticky comment, a new check run superseding the last).
 *  - GET /healthz: 200 while serving, 503 while shutting down (the listener stays open while draining).
 *  - close(): refuse new deliveries (503), finish in-flight and queued work within SHUTDOWN_TIMEOUT_MS,
 *    then log every delivery still unfinished by id and return them (serve exits 1 when there are any).
 *
 * Stateless: no disk, no database; scale by running more replicas behind any load balancer.
 */
import http from 'node:http'
import { createHmac, timingSafeEqual } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { Webhooks, type EmitterWebhookEvent } from '@octokit/webhooks'
import { errorMessage } from '../engine/run.js'
import { at, num, obj, str, type JsonObject } from '../json.js'
import type { AppConfig } from './config.js'
import { createAuth, type AppAuth } from './auth.js'
import { RemotePolicyCaches } from '../github/remote-policy.js'
import {
  deliveryKey,
  ISSUE_COMMENT_ACTIONS,
  onCheckRunRerequested,
  onCheckSuiteRerequested,
  onDeploymentProtectionRule,
  onPullRequest,
  onReviewOrComment,
  PULL_REQUEST_ACTIONS,
  REVIEW_ACTIONS,
  REVIEW_COMMENT_ACTIONS,
  type HandlerDeps,
} from './handlers.js'
import { PullRequestLocks } from './pulls.js'
import { startDurableQueue, type DeliveryJob, type DurableQueue, type JobContext } from './queue.js'

/** GitHub caps webhook payloads at 25 MB; the default cap (MAX_BODY_BYTES) is 25 MiB. */
const MAX_BODY = 25 * 1024 * 1024
export const WEBHOOK_PATHS = new Set(['/', '/api/github/webhooks'])

export interface DeliveryResult {
  id: string
  event: string
  action?: string
  ok: boolean
  /** What the handler did, or why it failed. */
  message: string
  /** From receipt to the end of processing. */
  ms: number
}

export interface AppStats {
  received: number
  /** Answered 202 (coalesced ones included). */
  accepted: number
  /** Accepted deliveries folded into an evaluation of the same PR already waiting. */
  coalesced: number
  duplicates: number
  unauthorized: number
  busy: number
  processed: number
  failed: number
  /** Accepted but unfinished when the shutdown budget ran out (each id logged). */
  dropped: number
  inFlight: number
  queued: number
}

export interface AppServer {
  url: string
  port: number
  stats: AppStats
  /** Graceful stop: refuse new deliveries, finish the accepted ones, close the listener. */
  close(): Promise<ShutdownResult>
  /** Resolves when no delivery is queued or running. */
  idle(): Promise<void>
}

export interface ShutdownResult {
  /** Ids of accepted deliveries not finished within the shutdown budget (each logged). */
  dropped: string[]
  /** Durable queue: jobs still running at the end of the budget; they stay in Redis and another replica retries them. */
  unfinished?: string[]
}

export interface StartOptions {
  log?: (m: string) => void
  warn?: (m: string) => void
  /** Replace the App authentication (tests). */
  auth?: AppAuth
  /** Called after each delivery is processed (tests, benchmark). */
  onDelivery?: (r: DeliveryResult) => void
}

/** One accepted delivery. */
interface Delivery {
  id: string
  name: string
  action?: string
  payload: unknown
  started: number
}

/**
 * A delivery as @octokit/webhooks' emitter takes it. Its signature was verified on receipt and its event name
 * came from GitHub's `X-GitHub-Event` header; the payload is GitHub's JSON for that event, and the handlers
 * read only the fields they check, so this one assertion is the boundary between GitHub's bytes and the types.
 */
const emitterEvent = (d: Delivery): EmitterWebhookEvent => {
  const event = { id: d.id, name: d.name, payload: d.payload }
  return event as EmitterWebhookEvent
}

/** One evaluation to run: a delivery, plus the deliveries of the same PR that arrived while it waited. */
interface Job {
  key?: string
  installation?: number
  deliveries: Delivery[]
}

export type Admission = 'queued' | 'coalesced' | 'full' | 'over-budget'

/**
 * A FIFO of jobs with at most `limit` running. Jobs with the same key (one PR) never run at the same time,
 * and a delivery whose PR already has a job waiting joins that job (coalescing): whatever number of
 * deliveries arrive for a PR while one evaluation runs, one more evaluation runs after it.
 */
class DeliveryQueue {
  private readonly running = new Set<Job>()
  private readonly runningKeys = new Set<string>()
  private waiting: Job[] = []
  private readonly waitingByKey = new Map<string, Job>()
  /** Jobs running or waiting per installation. */
  private readonly perInstallation = new Map<number, number>()
  private idleWaiters: Array<() => void> = []
  constructor(
    private readonly limit: number,
    private readonly maxWaiting: number,
    private readonly run: (job: Job) => Promise<void>,
  ) {}
  get inFlight(): number {
    return this.running.size
  }
  get queued(): number {
    return this.waiting.length
  }
  /** Evaluations running or waiting (coalesced deliveries add none). */
  get depth(): number {
    return this.running.size + this.waiting.length
  }
  /** Jobs running or waiting for `installation`. */
  depthOf(installation: number | undefined): number {
    return installation === undefined ? 0 : (this.perInstallation.get(installation) ?? 0)
  }
  /** `fits(depth, installationDepth)`: whether one more evaluation can still finish within the shutdown budget. */
  push(
    d: Delivery,
    key: string | undefined,
    installation: number | undefined,
    fits: (depthAfter: number, installationDepthAfter: number) => boolean,
  ): Admission {
    const same = key === undefined ? undefined : this.waitingByKey.get(key)
    if (same) {
      same.deliveries.push(d)
      return 'coalesced'
    }
    const free = this.running.size < this.limit && !(key !== undefined && this.runningKeys.has(key))
    if (!free && this.waiting.length >= this.maxWaiting) return 'full'
    if (!fits(this.depth + 1, this.depthOf(installation) + 1)) return 'over-budget'
    const job: Job = { key, installation, deliveries: [d] }
    this.waiting.push(job)
    if (installation !== undefined) this.perInstallation.set(installation, this.depthOf(installation) + 1)
    if (key !== undefined) this.waitingByKey.set(key, job)
    this.pump()
    return 'queued'
  }
  private pump(): void {
    while (this.running.size < this.limit) {
      const i = this.waiting.findIndex((j) => j.key === undefined || !this.runningKeys.has(j.key))
      if (i < 0) return
      const [job] = this.waiting.splice(i, 1)
      if (job.key !== undefined) {
        this.waitingByKey.delete(job.key)
        this.runningKeys.add(job.key)
      }
      this.running.add(job)
      void this.run(job)
        .catch(() => undefined)
        .finally(() => {
          this.running.delete(job)
          if (job.key !== undefined) this.runningKeys.delete(job.key)
          this.release(job)
          this.pump()
          if (this.running.size === 0 && this.waiting.length === 0) {
            const w = this.idleWaiters
            this.idleWaiters = []
            for (const f of w) f()
          }
        })
    }
  }
  idle(): Promise<void> {
    if (this.running.size === 0 && this.waiting.length === 0) return Promise.resolve()
    return new Promise((resolve) => this.idleWaiters.push(resolve))
  }
  private release(job: Job): void {
    if (job.installation === undefined) return
    const n = this.depthOf(job.installation) - 1
    if (n > 0) this.perInstallation.set(job.installation, n)
    else this.perInstallation.delete(job.installation)
  }
  /** Removes every waiting job (shutdown) and returns the deliveries waiting and running. */
  abandon(): { waiting: Delivery[]; running: Delivery[] } {
    const waiting = this.waiting.flatMap((j) => j.deliveries)
    for (const j of this.waiting) this.release(j)
    this.waiting = []
    this.waitingByKey.clear()
    return { waiting, running: [...this.running].flatMap((j) => j.deliveries) }
  }
}

/**
 * How long the accepted work takes to finish, hence whether one more evaluation still fits in the shutdown
 * budget. Two bounds, the larger wins:
 *  - the slots: evaluations × (moving average of an evaluation's wall time, first guess 1 s) / CONCURRENCY;
 *  - GitHub's pacing, which is per installation (client pacing on): an evaluation writes a check run (one
 *    write a second) and a comment (one notifying write every 3 s), so one installation finishes about one
 *    evaluation every PACED_MS however many slots it holds.
 */
export const PACED_MS = 4500
class DrainEstimate {
  private ms = 1000
  constructor(
    private readonly concurrency: number,
    private readonly budgetMs: number,
    private readonly paced: boolean,
  ) {}
  record(ms: number): void {
    this.ms = 0.7 * this.ms + 0.3 * Math.max(ms, 1)
  }
  drainMs(depth: number, installationDepth: number): number {
    return Math.max((depth * this.ms) / this.concurrency, this.paced ? installationDepth * PACED_MS : 0)
  }
  /** 80% of the budget: the rest is margin for the estimate's error. */
  fits(depth: number, installationDepth: number): boolean {
    return this.drainMs(depth, installationDepth) <= 0.8 * this.budgetMs
  }
}

/** Recently seen delivery ids (insertion-ordered Map as an LRU). */
class RecentIds {
  private readonly ids = new Map<string, true>()
  constructor(private readonly max: number) {}
  has(id: string): boolean {
    return this.ids.has(id)
  }
  add(id: string): void {
    this.ids.delete(id)
    this.ids.set(id, true)
    while (this.ids.size > this.max) this.ids.delete(this.ids.keys().next().value as string)
  }
  delete(id: string): void {
    this.ids.delete(id)
  }
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const v = req.headers[name]
  return Array.isArray(v) ? v[0] : v
}

function send(res: http.ServerResponse, status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): void {
  if (res.headersSent) return
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers })
  res.end(text)
}

/** Why a request is refused before its body is read, or the headers of a delivery whose body may be read. */
function refuseEarly(req: http.IncomingMessage, maxBody: number): { refused: Refusal } | { delivery: DeliveryHeaders } {
  const signature = header(req, 'x-hub-signature-256')
  if (!signature) return { refused: { status: 401, error: 'missing X-Hub-Signature-256' } }
  if (!SIGNATURE.test(signature)) return { refused: { status: 401, error: 'X-Hub-Signature-256 is not sha256=<64 hex digits>' } }
  const type = (header(req, 'content-type') ?? '').split(';')[0].trim().toLowerCase()
  if (type !== 'application/json')
    return { refused: { status: 415, error: "expected content-type application/json (the App's webhook sends JSON)" } }
  const name = header(req, 'x-github-event')
  const id = header(req, 'x-github-delivery')
  if (!name || !id) return { refused: { status: 400, error: 'missing X-GitHub-Event or X-GitHub-Delivery' } }
  const length = header(req, 'content-length')
  if (length !== undefined && !(Number(length) <= maxBody))
    return { refused: { status: 413, error: `payload too large: more than ${maxBody} bytes` } }
  return { delivery: { signature, name, id } }
}

/** The headers of a webhook delivery that refuseEarly found present and well-formed. */
interface DeliveryHeaders {
  signature: string
  /** X-GitHub-Event */
  name: string
  /** X-GitHub-Delivery */
  id: string
}

const SIGNATURE = /^sha256=[0-9a-f]{64}$/i

/** Answers and closes the connection without reading what is left of the request body. */
function refuse(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  status: number,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): void {
  if (!res.headersSent) {
    const text = JSON.stringify(body)
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
      connection: 'close',
      ...headers,
    })
    res.end(text)
  }
  res.once('finish', () => req.destroy())
}

export async function startApp(config: AppConfig, options: StartOptions = {}): Promise<AppServer> {
  const log = options.log ?? ((m: string) => process.stderr.write(`pr-gate serve: ${m}\n`))
  const warn = options.warn ?? ((m: string) => process.stderr.write(`pr-gate serve: warning: ${m}\n`))
  // REDIS_URL: the durable queue. Its worker starts taking jobs at once; `rt` below exists before the first
  // job can run (nothing is awaited until the server listens).
  const durable: DurableQueue | undefined = config.redis
    ? startDurableQueue(config.redis, config.concurrency, (job, ctx) => processJob(rt, job, ctx), log, warn)
    : undefined
  const auth = options.auth ?? createAuth(config, log, durable?.throttleConnection)
  const stopping = new AbortController()
  const deps: HandlerDeps = {
    config,
    auth,
    log,
    warn,
    pulls: new PullRequestLocks(config.dedupeSize),
    stopping: stopping.signal,
    orgPolicies: new RemotePolicyCaches(),
  }
  const maxBody = config.maxBodyBytes ?? MAX_BODY
  const rt: Runtime = {
    config,
    options,
    log,
    warn,
    durable,
    deps,
    stopping,
    depsFor: new Map(),
    webhooks: new Webhooks({ secret: config.webhookSecret }),
    outcomes: new Map(),
    maxBody,
    bodyBudget: config.bodyBudgetBytes ?? 4 * maxBody,
    estimate: new DrainEstimate(config.concurrency, config.shutdownTimeoutMs, config.throttle !== false),
    recent: new RecentIds(config.dedupeSize),
    stats: zeroStats(),
    queue: new DeliveryQueue(config.concurrency, config.maxQueue, (job) => runJob(rt, job)),
    closing: false,
    buffering: 0,
  }
  registerHandlers(rt)

  const server = http.createServer((req, res) => {
    route(rt, req, res)
  })
  server.keepAliveTimeout = 5000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port, config.host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host
  const { queue } = rt
  const statsView = new Proxy(rt.stats, {
    get(target, key) {
      if (key === 'inFlight') return durable ? durable.active() : queue.inFlight
      if (key === 'queued') return queue.queued
      return target[key as keyof AppStats]
    },
  })

  let closed: Promise<ShutdownResult> | undefined
  return {
    url: `http://${host}:${port}`,
    port,
    stats: statsView,
    idle: () => (durable ? durable.drained() : queue.idle()),
    close() {
      closed ??= closeApp(rt, server)
      return closed
    },
  }
}

function zeroStats(): AppStats {
  return {
    received: 0,
    accepted: 0,
    coalesced: 0,
    duplicates: 0,
    unauthorized: 0,
    busy: 0,
    processed: 0,
    failed: 0,
    dropped: 0,
    inFlight: 0,
    queued: 0,
  }
}

/** What the parts of a running App share. */
interface Runtime {
  readonly config: AppConfig
  readonly options: StartOptions
  readonly log: (m: string) => void
  readonly warn: (m: string) => void
  /** The durable queue (REDIS_URL), or none: the in-memory `queue`. */
  readonly durable: DurableQueue | undefined
  readonly deps: HandlerDeps
  readonly stopping: AbortController
  /** Per-delivery deps (the durable queue's cross-replica lock and supersession check), by delivery id. */
  readonly depsFor: Map<string, HandlerDeps>
  readonly webhooks: Webhooks
  /** What each delivery did, reported by the handler (webhooks.receive returns nothing). */
  readonly outcomes: Map<string, string>
  readonly maxBody: number
  readonly bodyBudget: number
  readonly estimate: DrainEstimate
  readonly recent: RecentIds
  readonly stats: AppStats
  readonly queue: DeliveryQueue
  closing: boolean
  /** Bytes of request bodies being received right now (signed, not yet verified). */
  buffering: number
}

const label = (d: Delivery) => `${d.name}${d.action ? `.${d.action}` : ''}`

/** The handler of each event the App takes; each reports its delivery's outcome. */
function registerHandlers(rt: Runtime): void {
  const { webhooks } = rt
  const handle = (fn: (d: HandlerDeps, p: JsonObject) => Promise<string>) => async (event: { id: string; payload: unknown }) => {
    rt.outcomes.set(
      event.id,
      await fn(rt.depsFor.get(event.id) ?? { ...rt.deps, delivery: { id: event.id, resumed: false } }, obj(event.payload) ?? {}),
    )
  }
  webhooks.on(
    PULL_REQUEST_ACTIONS.map((a) => `pull_request.${a}` as const),
    handle(onPullRequest),
  )
  // Waivers given or taken back in reviews and comments (issue 18).
  webhooks.on(
    REVIEW_ACTIONS.map((a) => `pull_request_review.${a}` as const),
    handle((d, p) => onReviewOrComment(d, p, 'pull_request_review')),
  )
  webhooks.on(
    REVIEW_COMMENT_ACTIONS.map((a) => `pull_request_review_comment.${a}` as const),
    handle((d, p) => onReviewOrComment(d, p, 'pull_request_review_comment')),
  )
  webhooks.on(
    ISSUE_COMMENT_ACTIONS.map((a) => `issue_comment.${a}` as const),
    handle((d, p) => onReviewOrComment(d, p, 'issue_comment')),
  )
  webhooks.on('check_run.rerequested', handle(onCheckRunRerequested))
  webhooks.on('check_suite.rerequested', handle(onCheckSuiteRerequested))
  webhooks.on('deployment_protection_rule.requested', handle(onDeploymentProtectionRule))
}

/**
 * Runs a job: the LAST delivery of the job is evaluated (the PR is read again from the API anyway); every
 * delivery in it gets the outcome.
 */
async function runJob(rt: Runtime, job: Job): Promise<void> {
  const { stats, log, warn } = rt
  const t0 = performance.now()
  const last = job.deliveries[job.deliveries.length - 1]
  let ok = true
  let message: string
  try {
    await rt.webhooks.receive(emitterEvent(last))
    message = rt.outcomes.get(last.id) ?? `ignored: ${label(last)} is not handled`
  } catch (e) {
    ok = false
    message = e instanceof AggregateError && e.errors.length ? e.errors.map(errorMessage).join('; ') : errorMessage(e)
  } finally {
    rt.outcomes.delete(last.id)
  }
  rt.estimate.record(performance.now() - t0)
  for (const d of job.deliveries) {
    if (ok) stats.processed++
    else stats.failed++
    const text = d === last ? message : `coalesced into delivery ${last.id}: ${message}`
    const r: DeliveryResult = {
      id: d.id,
      event: d.name,
      action: d.action,
      ok,
      message: text,
      ms: Math.round(performance.now() - d.started),
    }
    if (ok) log(`delivery ${d.id} ${label(d)}: ${text} (${r.ms} ms)`)
    else warn(`delivery ${d.id} ${label(d)} FAILED: ${text} (${r.ms} ms); redeliver it once the cause is fixed`)
    rt.options.onDelivery?.(r)
  }
}

/** One job of the durable queue: evaluated like an in-memory job; a throw makes BullMQ retry it. */
async function processJob(rt: Runtime, job: DeliveryJob, ctx: JobContext): Promise<string> {
  const d: Delivery = { id: job.id, name: job.name, action: job.action, payload: job.payload, started: 0 }
  const report = (ok: boolean, message: string) => {
    const r: DeliveryResult = { id: d.id, event: d.name, action: d.action, ok, message, ms: Math.max(0, Date.now() - job.receivedAt) }
    if (ok) {
      rt.stats.processed++
      rt.log(`delivery ${d.id} ${label(d)}: ${message} (${r.ms} ms since received${ctx.attempt > 1 ? `, try ${ctx.attempt}` : ''})`)
    } else rt.stats.failed++
    rt.options.onDelivery?.(r)
  }
  if (await ctx.superseded()) {
    const m = 'superseded: a later delivery for the same pull request is queued'
    report(true, m)
    return m
  }
  rt.depsFor.set(d.id, { ...rt.deps, exclusive: ctx.exclusive, superseded: ctx.superseded, delivery: { id: d.id, resumed: ctx.resumed } })
  try {
    await rt.webhooks.receive(emitterEvent(d))
    const message = rt.outcomes.get(d.id) ?? `ignored: ${label(d)} is not handled`
    report(true, message)
    return message
  } catch (e) {
    const message = e instanceof AggregateError && e.errors.length ? e.errors.map(errorMessage).join('; ') : errorMessage(e)
    report(false, message)
    throw new Error(message)
  } finally {
    rt.outcomes.delete(d.id)
    rt.depsFor.delete(d.id)
  }
}

/** GET /healthz, GET /readyz, POST to the webhook path; anything else is 404. */
function route(rt: Runtime, req: http.IncomingMessage, res: http.ServerResponse): void {
  const { durable, queue, stats } = rt
  const path = (req.url ?? '/').split('?')[0] ?? '/'
  if (req.method === 'GET' && path === '/healthz') {
    send(res, rt.closing ? 503 : 200, {
      status: rt.closing ? 'shutting-down' : 'ok',
      inFlight: durable ? durable.active() : queue.inFlight,
      queued: queue.queued,
      processed: stats.processed,
      failed: stats.failed,
    })
    return
  }
  if (req.method === 'GET' && path === '/readyz') {
    // Ready: serving and (durable queue) Redis answers. A load balancer sends deliveries only to ready replicas.
    void (async () => {
      const redis = durable ? await durable.ready() : undefined
      const ready = !rt.closing && redis !== false
      send(res, ready ? 200 : 503, {
        status: rt.closing ? 'shutting-down' : ready ? 'ready' : 'redis-unavailable',
        queue: durable ? 'redis' : 'memory',
        ...(durable ? { redis: redis ? 'ok' : 'unreachable' } : {}),
      })
    })()
    return
  }
  if (req.method === 'POST' && WEBHOOK_PATHS.has(path)) {
    onWebhook(rt, req, res).catch((e: unknown) => {
      rt.warn(`request failed: ${errorMessage(e)}`)
      refuse(req, res, 500, { error: 'internal error' })
    })
    return
  }
  refuse(req, res, 404, { error: 'not found: POST /api/github/webhooks, GET /healthz, GET /readyz' })
}

/** Why a request body was not taken, and the headers of the answer. */
interface Refusal {
  status: number
  error: string
  headers?: Record<string, string>
}

async function onWebhook(rt: Runtime, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const { stats } = rt
  const started = performance.now()
  stats.received++
  // Everything that can be decided from the headers is decided before a byte of the body is read.
  const early = refuseEarly(req, rt.maxBody)
  if ('refused' in early) {
    if (early.refused.status === 401) stats.unauthorized++
    refuse(req, res, early.refused.status, { error: early.refused.error })
    return
  }
  const { name, id } = early.delivery
  if (rt.closing) {
    refuse(req, res, 503, { error: 'shutting down' }, { 'retry-after': '30' })
    return
  }
  const declared = Number(header(req, 'content-length') ?? 0)
  if (rt.buffering + declared > rt.bodyBudget) {
    stats.busy++
    refuse(req, res, 503, { error: 'busy: too many request bodies being received' }, { 'retry-after': '5' })
    return
  }
  const signature = early.delivery.signature.toLowerCase()
  const hmac = createHmac('sha256', rt.config.webhookSecret)
  const body = await receiveBody(rt, req, hmac, declared)
  if ('refused' in body) {
    if (body.refused.status === 503) stats.busy++
    refuse(req, res, body.refused.status, { error: body.refused.error }, body.refused.headers)
    return
  }
  const expected = Buffer.from(`sha256=${hmac.digest('hex')}`)
  if (!timingSafeEqual(expected, Buffer.from(signature))) {
    stats.unauthorized++
    send(res, 401, { error: 'signature does not match the payload and the webhook secret' })
    return
  }
  let payload: unknown
  try {
    payload = JSON.parse(Buffer.concat(body.chunks, body.size).toString('utf8')) as unknown
  } catch {
    send(res, 400, { error: 'the payload is not JSON' })
    return
  }
  body.chunks.length = 0
  if (name === 'ping') {
    send(res, 200, { status: 'pong' })
    return
  }
  if (rt.durable) await admitDurable(rt, rt.durable, res, { id, name, payload })
  else admitInMemory(rt, res, { id, name, action: str(at(payload, 'action')), payload, started })
}

/**
 * Reads the request body. The HMAC is computed as the body streams in; the body is kept only up to the cap,
 * and only for a request that carries a well-formed signature (it must be parsed once verified). The bytes
 * being received count against the App's body budget until the body is read or refused.
 */
async function receiveBody(
  rt: Runtime,
  req: http.IncomingMessage,
  hmac: ReturnType<typeof createHmac>,
  declared: number,
): Promise<{ chunks: Buffer[]; size: number } | { refused: Refusal }> {
  const { maxBody, bodyBudget } = rt
  const chunks: Buffer[] = []
  let size = 0
  let reserved = declared
  rt.buffering += reserved
  let refused: Refusal | undefined
  try {
    refused = await new Promise<Refusal | undefined>((resolve, reject) => {
      const stop = (r: Refusal | undefined) => {
        req.pause()
        req.off('data', onData)
        req.off('end', onEnd)
        req.off('error', onError)
        resolve(r)
      }
      const onData = (chunk: Buffer) => {
        size += chunk.length
        if (size > maxBody) {
          stop({ status: 413, error: `payload too large: more than ${maxBody} bytes` })
          return
        }
        if (size > reserved) {
          if (rt.buffering + (size - reserved) > bodyBudget) {
            stop({ status: 503, error: 'busy: too many request bodies being received', headers: { 'retry-after': '5' } })
            return
          }
          rt.buffering += size - reserved
          reserved = size
        }
        hmac.update(chunk)
        chunks.push(chunk)
      }
      const onEnd = () => {
        stop(undefined)
      }
      const onError = (e: Error) => {
        reject(e)
      }
      req.on('data', onData)
      req.on('end', onEnd)
      req.on('error', onError)
    })
  } finally {
    rt.buffering -= reserved
  }
  if (refused) {
    chunks.length = 0
    return { refused }
  }
  return { chunks, size }
}

/** Answered 202 only once the job is in Redis; 503 while Redis cannot take it (GitHub keeps it as failed). */
async function admitDurable(
  rt: Runtime,
  durable: DurableQueue,
  res: http.ServerResponse,
  d: { id: string; name: string; payload: unknown },
): Promise<void> {
  const { stats } = rt
  const { id, name, payload } = d
  const admitted = await durable.admit({
    id,
    name,
    action: str(at(payload, 'action')),
    payload,
    key: deliveryKey(name, payload),
    receivedAt: Date.now(),
  })
  if (admitted.kind === 'duplicate') {
    stats.duplicates++
    send(res, 200, { status: 'duplicate', id })
  } else if (admitted.kind === 'in-progress') {
    stats.busy++
    send(res, 503, { error: 'this delivery is being enqueued by another replica; redeliver later', id }, { 'retry-after': '10' })
  } else if (admitted.kind === 'unavailable') {
    stats.busy++
    rt.warn(`delivery ${id}: not enqueued (${admitted.reason}); answered 503, redeliver it once Redis is back`)
    send(res, 503, { error: 'the queue (Redis) is unavailable; redeliver later' }, { 'retry-after': '30' })
  } else {
    stats.accepted++
    send(res, 202, { status: 'accepted', id })
  }
}

/** The in-memory queue: a duplicate id is answered 200; a full queue, or one that cannot drain in time, 503. */
function admitInMemory(rt: Runtime, res: http.ServerResponse, delivery: Delivery): void {
  const { stats, queue, estimate } = rt
  const { id, name, payload } = delivery
  if (rt.recent.has(id)) {
    stats.duplicates++
    send(res, 200, { status: 'duplicate', id })
    return
  }
  const installation = num(at(payload, 'installation', 'id'))
  const admission = queue.push(delivery, deliveryKey(name, payload), installation, (depth, perInstallation) =>
    estimate.fits(depth, perInstallation),
  )
  if (admission === 'full' || admission === 'over-budget') {
    stats.busy++
    const retryAfter = String(Math.max(1, Math.ceil(estimate.drainMs(queue.depth + 1, queue.depthOf(installation) + 1) / 1000)))
    send(
      res,
      503,
      {
        error:
          admission === 'full'
            ? 'busy: too many deliveries waiting'
            : 'busy: more deliveries than can be finished within the shutdown budget',
      },
      { 'retry-after': retryAfter },
    )
    return
  }
  rt.recent.add(id)
  stats.accepted++
  if (admission === 'coalesced') stats.coalesced++
  send(res, 202, { status: 'accepted', id })
}

/**
 * Shuts down. The listener stays open while draining: deliveries get 503 (GitHub marks them failed, they can
 * be redelivered) and /healthz answers 503 so a load balancer takes the replica out.
 */
async function closeApp(rt: Runtime, server: http.Server): Promise<ShutdownResult> {
  const { config, queue, warn } = rt
  rt.closing = true
  const closeListener = async () => {
    const listenerClosed = new Promise<void>((resolve) =>
      server.close(() => {
        resolve()
      }),
    )
    server.closeAllConnections()
    await listenerClosed
  }
  if (rt.durable) {
    // Nothing accepted is lost: jobs not finished within the budget stay in Redis for another replica.
    const { unfinished } = await rt.durable.close(config.shutdownTimeoutMs)
    await closeListener()
    return { dropped: [], unfinished }
  }
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<'timeout'>(
    (resolve) =>
      (timer = setTimeout(() => {
        resolve('timeout')
      }, config.shutdownTimeoutMs)),
  )
  const outcome = await Promise.race([queue.idle().then(() => 'idle' as const), timeout])
  clearTimeout(timer)
  const dropped: string[] = []
  if (outcome === 'timeout') {
    rt.stopping.abort()
    const { waiting, running } = queue.abandon()
    warn(
      `shutdown: ${running.length + waiting.length} accepted deliveries unfinished after ${config.shutdownTimeoutMs} ms; ` +
        `each is listed below, redeliver them (App settings → Advanced → Recent deliveries)`,
    )
    for (const d of running) warn(`dropped delivery ${d.id} (${label(d)}): still being evaluated at shutdown`)
    for (const d of waiting) warn(`dropped delivery ${d.id} (${label(d)}): accepted but never started`)
    for (const d of [...running, ...waiting]) dropped.push(d.id)
    rt.stats.dropped += dropped.length
  }
  await closeListener()
  return { dropped }
}

/** `pr-gate serve`: start, log where, stop gracefully on SIGTERM/SIGINT: exit 0, or 1 when accepted deliveries were dropped. */
export async function serve(config: AppConfig): Promise<number> {
  const app = await startApp(config)
  // One write for both lines: whoever waits for "listening" (a supervisor, a test) also sees the queue mode.
  process.stderr.write(
    `pr-gate serve: listening on ${config.host}:${app.port} (POST /api/github/webhooks, GET /healthz, ` +
      `GET /readyz); App ${config.appId}, API ${config.apiUrl}, concurrency ${config.concurrency}\n` +
      (config.redis
        ? `pr-gate serve: queue: Redis at ${redisHost(config.redis.url)} (durable; dedup and API pacing shared by every replica on it)\n`
        : 'pr-gate serve: queue: in memory, for ONE replica (accepted deliveries are lost if the process dies; ' +
          'set REDIS_URL for the durable queue shared by several replicas)\n'),
  )
  return new Promise<number>((resolve) => {
    const stop = (signal: string) => {
      process.stderr.write(`pr-gate serve: ${signal}: no new deliveries; finishing ${app.stats.inFlight + app.stats.queued} in flight\n`)
      void app.close().then(({ dropped }) => {
        process.stderr.write(
          `pr-gate serve: stopped (${app.stats.processed} processed, ${app.stats.failed} failed, ${dropped.length} dropped)\n`,
        )
        resolve(dropped.length ? 1 : 0)
      })
    }
    process.once('SIGTERM', () => {
      stop('SIGTERM')
    })
    process.once('SIGINT', () => {
      stop('SIGINT')
    })
  })
}

/** host:port of a Redis URL, never its password. */
function redisHost(url: string): string {
  try {
    const u = new URL(url)
    return `${u.hostname}:${u.port || '6379'}${u.pathname && u.pathname !== '/' ? u.pathname : ''}`
  } catch {
    return '(unparsable REDIS_URL)'
  }
}
