/**
 * `pr-gate serve`: the GitHub App's webhook server (node:http + @octokit/webhooks).
 *
 *  - POST /api/github/webhooks (or /): the signature (X-Hub-Signature-256, HMAC-SHA256 with the webhook
 *    secret) is verified FIRST; a missing or bad one answers 401 and nothing else happens. A verified
 *    delivery is answered 202 at once and evaluated in the background by a bounded queue (CONCURRENCY
 *    at a time, MAX_QUEUE waiting; beyond that 503 so GitHub shows the delivery as failed and it can be
 *    redelivered).
 *  - Redeliveries (same X-GitHub-Delivery) within the last DEDUPE_SIZE ids are answered 200 and dropped.
 *    The memory is per process: behind a load balancer each replica may see a redelivery once, which is
 *    safe because publishing is idempotent (one sticky comment, a new check run superseding the last).
 *  - GET /healthz: 200 while serving, 503 while shutting down.
 *  - close(): stop accepting, finish in-flight and queued work (bounded by SHUTDOWN_TIMEOUT_MS).
 *
 * Stateless: no disk, no database; scale by running more replicas behind any load balancer.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { Webhooks } from '@octokit/webhooks'
import { errorMessage } from '../engine/run.js'
import { at, obj, str, type JsonObject } from '../json.js'
import type { AppConfig } from './config.js'
import { createAuth, type AppAuth } from './auth.js'
import { onCheckRunRerequested, onCheckSuiteRerequested, onDeploymentProtectionRule, onPullRequest, PULL_REQUEST_ACTIONS, type HandlerDeps } from './handlers.js'

/** GitHub caps webhook payloads at 25 MB. */
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
  accepted: number
  duplicates: number
  unauthorized: number
  busy: number
  processed: number
  failed: number
  inFlight: number
  queued: number
}

export interface AppServer {
  url: string
  port: number
  stats: AppStats
  /** Graceful stop: refuse new deliveries, finish the accepted ones, close the listener. */
  close(): Promise<void>
  /** Resolves when no delivery is queued or running. */
  idle(): Promise<void>
}

export interface StartOptions {
  log?: (m: string) => void
  warn?: (m: string) => void
  /** Replace the App authentication (tests). */
  auth?: AppAuth
  /** Called after each delivery is processed (tests, benchmark). */
  onDelivery?: (r: DeliveryResult) => void
}

/** A FIFO of async jobs with at most `limit` running. */
class BoundedQueue {
  private running = 0
  private readonly waiting: Array<() => Promise<void>> = []
  private idleWaiters: Array<() => void> = []
  constructor(
    private readonly limit: number,
    private readonly maxWaiting: number,
  ) {}
  get inFlight(): number {
    return this.running
  }
  get queued(): number {
    return this.waiting.length
  }
  /** False when full. */
  push(job: () => Promise<void>): boolean {
    if (this.running >= this.limit && this.waiting.length >= this.maxWaiting) return false
    this.waiting.push(job)
    this.pump()
    return true
  }
  private pump(): void {
    while (this.running < this.limit && this.waiting.length) {
      const job = this.waiting.shift()!
      this.running++
      void job()
        .catch(() => undefined)
        .finally(() => {
          this.running--
          this.pump()
          if (this.running === 0 && this.waiting.length === 0) {
            const w = this.idleWaiters
            this.idleWaiters = []
            for (const f of w) f()
          }
        })
    }
  }
  idle(): Promise<void> {
    if (this.running === 0 && this.waiting.length === 0) return Promise.resolve()
    return new Promise((resolve) => this.idleWaiters.push(resolve))
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

function send(res: http.ServerResponse, status: number, body: Record<string, unknown>): void {
  if (res.headersSent) return
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) })
  res.end(text)
}

export async function startApp(config: AppConfig, options: StartOptions = {}): Promise<AppServer> {
  const log = options.log ?? ((m: string) => process.stderr.write(`pr-gate serve: ${m}\n`))
  const warn = options.warn ?? ((m: string) => process.stderr.write(`pr-gate serve: warning: ${m}\n`))
  const auth = options.auth ?? createAuth(config, log)
  const deps: HandlerDeps = { config, auth, log, warn }
  const webhooks = new Webhooks({ secret: config.webhookSecret })
  const queue = new BoundedQueue(config.concurrency, config.maxQueue)
  const recent = new RecentIds(config.dedupeSize)
  const stats: AppStats = { received: 0, accepted: 0, duplicates: 0, unauthorized: 0, busy: 0, processed: 0, failed: 0, inFlight: 0, queued: 0 }
  let closing = false

  // What each delivery did, reported by the handler (webhooks.receive returns nothing).
  const outcomes = new Map<string, string>()
  const handle = (fn: (d: HandlerDeps, p: JsonObject) => Promise<string>) => async (event: { id: string; payload: unknown }) => {
    outcomes.set(event.id, await fn(deps, obj(event.payload) ?? {}))
  }
  webhooks.on(
    PULL_REQUEST_ACTIONS.map((a) => `pull_request.${a}` as const),
    handle(onPullRequest),
  )
  webhooks.on('check_run.rerequested', handle(onCheckRunRerequested))
  webhooks.on('check_suite.rerequested', handle(onCheckSuiteRerequested))
  webhooks.on('deployment_protection_rule.requested', handle(onDeploymentProtectionRule))

  const process_ = async (id: string, name: string, payload: unknown, started: number) => {
    const action = str(at(payload, 'action'))
    let ok = true
    let message: string
    try {
      await webhooks.receive({ id, name: name as never, payload: payload as never })
      message = outcomes.get(id) ?? `ignored: ${name}${action ? `.${action}` : ''} is not handled`
      stats.processed++
    } catch (e) {
      ok = false
      const inner = e instanceof AggregateError && e.errors.length ? e.errors.map(errorMessage).join('; ') : errorMessage(e)
      message = inner
      stats.failed++
    } finally {
      outcomes.delete(id)
    }
    const r: DeliveryResult = { id, event: name, action, ok, message, ms: Math.round(performance.now() - started) }
    ;(ok ? log : warn)(`delivery ${id} ${name}${action ? `.${action}` : ''}: ${message} (${r.ms} ms)`)
    options.onDelivery?.(r)
  }

  const onWebhook = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const started = performance.now()
    stats.received++
    const chunks: Buffer[] = []
    let size = 0
    for await (const c of req) {
      size += (c as Buffer).length
      if (size > MAX_BODY) {
        send(res, 413, { error: 'payload too large' })
        req.destroy()
        return
      }
      chunks.push(c as Buffer)
    }
    const body = Buffer.concat(chunks).toString('utf8')
    const signature = header(req, 'x-hub-signature-256')
    const valid = signature ? await webhooks.verify(body, signature).catch(() => false) : false
    if (!valid) {
      stats.unauthorized++
      send(res, 401, { error: signature ? 'signature does not match the payload and the webhook secret' : 'missing X-Hub-Signature-256' })
      return
    }
    if (closing) {
      send(res, 503, { error: 'shutting down' })
      return
    }
    const name = header(req, 'x-github-event')
    const id = header(req, 'x-github-delivery')
    if (!name || !id) {
      send(res, 400, { error: 'missing X-GitHub-Event or X-GitHub-Delivery' })
      return
    }
    let payload: unknown
    try {
      payload = JSON.parse(body) as unknown
    } catch {
      send(res, 400, { error: 'the payload is not JSON' })
      return
    }
    if (name === 'ping') {
      send(res, 200, { status: 'pong' })
      return
    }
    if (recent.has(id)) {
      stats.duplicates++
      send(res, 200, { status: 'duplicate', id })
      return
    }
    recent.add(id)
    const accepted = queue.push(() => process_(id, name, payload, started))
    if (!accepted) {
      recent.delete(id) // let GitHub's redelivery in once there is room
      stats.busy++
      send(res, 503, { error: 'busy: too many deliveries waiting' })
      return
    }
    stats.accepted++
    send(res, 202, { status: 'accepted', id })
  }

  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/'
    if (req.method === 'GET' && path === '/healthz') {
      send(res, closing ? 503 : 200, { status: closing ? 'shutting-down' : 'ok', inFlight: queue.inFlight, queued: queue.queued, processed: stats.processed, failed: stats.failed })
      return
    }
    if (req.method === 'POST' && WEBHOOK_PATHS.has(path)) {
      onWebhook(req, res).catch((e: unknown) => {
        warn(`request failed: ${errorMessage(e)}`)
        send(res, 500, { error: 'internal error' })
      })
      return
    }
    send(res, 404, { error: 'not found: POST /api/github/webhooks, GET /healthz' })
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
  const statsView = new Proxy(stats, {
    get(target, key) {
      if (key === 'inFlight') return queue.inFlight
      if (key === 'queued') return queue.queued
      return target[key as keyof AppStats]
    },
  })

  let closed: Promise<void> | undefined
  return {
    url: `http://${host}:${port}`,
    port,
    stats: statsView,
    idle: () => queue.idle(),
    close() {
      closed ??= (async () => {
        closing = true
        const listenerClosed = new Promise<void>((resolve) => server.close(() => resolve()))
        server.closeIdleConnections()
        let timer: NodeJS.Timeout | undefined
        const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), config.shutdownTimeoutMs)))
        const outcome = await Promise.race([queue.idle().then(() => 'idle' as const), timeout])
        clearTimeout(timer)
        if (outcome === 'timeout') warn(`shutdown: ${queue.inFlight + queue.queued} deliveries still unfinished after ${config.shutdownTimeoutMs} ms`)
        server.closeAllConnections()
        await listenerClosed
      })()
      return closed
    },
  }
}

/** `pr-gate serve`: start, log where, stop gracefully on SIGTERM/SIGINT (exit 0). */
export async function serve(config: AppConfig): Promise<number> {
  const app = await startApp(config)
  process.stderr.write(`pr-gate serve: listening on ${config.host}:${app.port} (POST /api/github/webhooks, GET /healthz); App ${config.appId}, API ${config.apiUrl}, concurrency ${config.concurrency}\n`)
  return new Promise<number>((resolve) => {
    const stop = (signal: string) => {
      process.stderr.write(`pr-gate serve: ${signal}: no new deliveries; finishing ${app.stats.inFlight + app.stats.queued} in flight\n`)
      void app.close().then(() => {
        process.stderr.write(`pr-gate serve: stopped (${app.stats.processed} processed, ${app.stats.failed} failed)\n`)
        resolve(0)
      })
    }
    process.once('SIGTERM', () => stop('SIGTERM'))
    process.once('SIGINT', () => stop('SIGINT'))
  })
}
