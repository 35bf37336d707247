/**
 * The Octokit client: @actions/github's Octokit with throttling and retry. Built on demand (never at
 * import time). The base URL comes from the caller (GITHUB_API_URL for Actions, so GHES works).
 */
import { getOctokit } from '@actions/github'
import { throttling } from '@octokit/plugin-throttling'
import { retry } from '@octokit/plugin-retry'
import Bottleneck from 'bottleneck'
import { registerSecret } from '../errors.js'
import { textOf } from '../json.js'

export type Octokit = ReturnType<typeof getOctokit>

export interface ClientOptions {
  token: string
  baseUrl: string
  /** Log sink for retries (never receives the token). */
  log?: (message: string) => void
  /** Per-request timeout in ms. */
  timeoutMs?: number
  /** Retries for server errors and rate limits (bounded). */
  retries?: number
  /**
   * Key of the throttling limiters (GitHub's pacing of writes, ~1 per second, is per user/installation):
   * the App passes one per installation so one busy installation does not pace the others. Default: one
   * key for the whole process (the Action, the CLI).
   */
  throttleId?: string
  /** False disables the client-side pacing (GitHub Enterprise Server with rate limiting off). Default true. */
  throttle?: boolean
  /**
   * True (default; the Action and the CLI, one run per process): the first WRITE_BURST writes go out at
   * once, later ones one a second (`writeLimiters`). False (the App): every write of a throttle key is a
   * second after the previous one, as @octokit/plugin-throttling does by default.
   */
  writeBurst?: boolean
  /**
   * A Bottleneck Redis connection (the App with REDIS_URL): the throttling limiters are then clustered on
   * Redis, so every replica paces one installation (`throttleId`) together. Absent: pacing per process.
   */
  throttleConnection?: InstanceType<typeof Bottleneck.IORedisConnection>
  /** Called as each request is handed to fetch (after the throttling and retry plugins let it go). */
  onFetch?: () => void
}

/**
 * The write budget of a run (issue 15 item 3). GitHub asks integrations making *a large number* of
 * POST/PATCH/PUT/DELETE requests to wait a second between them, and its secondary rate limit counts
 * content-generating requests: in general no more than 80 a minute and 500 an hour (docs/architecture.md,
 * "Write budget"). A run of the Action writes 2–4 times (check run, comment, a label, a duplicate removed):
 * spacing those a second apart cost every run a second or more and protects nothing. So writes draw on a
 * token bucket: WRITE_BURST tokens to start with, one more every WRITE_INTERVAL_MS up to WRITE_BURST again,
 * one write at a time. Any minute thus holds at most WRITE_BURST + 60 writes of one key (< 80); the hourly
 * count is the number of writes the runs make, which spacing never changed.
 */
export const WRITE_BURST = 4
export const WRITE_INTERVAL_MS = 1000

let burstLimiters: Bottleneck.Group | undefined

/**
 * The process's write limiters, one token bucket per throttle key (Bottleneck reservoir with a periodic
 * increase), passed to @octokit/plugin-throttling as its `write` group. Built once and shared by every client
 * of the process, as the plugin's own groups are, so a second client of the same key (the unpaced reader's
 * sibling, a retry) draws on the same bucket.
 */
export function writeLimiters(): Bottleneck.Group {
  return (burstLimiters ??= createWriteLimiters())
}

/** A new group of write buckets (`writeLimiters` is the process's one; tests build their own). */
export function createWriteLimiters(): Bottleneck.Group {
  return new Bottleneck.Group({
    id: 'pr-quality-gate-write',
    maxConcurrent: 1,
    reservoir: WRITE_BURST,
    reservoirIncreaseInterval: WRITE_INTERVAL_MS,
    reservoirIncreaseAmount: 1,
    reservoirIncreaseMaximum: WRITE_BURST,
    // The plugin's key timeout: an idle key's limiter is dropped after 2 minutes (its bucket is full by then).
    timeout: 2 * 60 * 1000,
  })
}

/** Each client's unpaced sibling, built on first use (see `graphqlReader`). */
const readers = new WeakMap<object, () => Octokit>()

/**
 * The `graphql` function to use for read-only queries. @octokit/plugin-throttling counts every GraphQL
 * request as a write and spaces writes a second apart, so a query before the check run would hold the
 * check run back a second. GitHub asks for that spacing between requests that create content, which a
 * query does not: reads go through a sibling client with the same token, retries and timeout, unpaced.
 * A client not made by `createClient` (a test double) is used as it is.
 */
export function graphqlReader(octokit: Octokit): Octokit['graphql'] {
  const sibling = readers.get(octokit)
  return sibling ? sibling().graphql : octokit.graphql
}

export function createClient(o: ClientOptions): Octokit {
  // Every token a client is made with (the Action's, the CLI's, each App installation token) is redacted
  // from every message, whole or in part, whatever its shape (src/errors.ts).
  registerSecret(o.token)
  const octokit = buildClient(o)
  if (o.throttle !== false) {
    let unpaced: Octokit | undefined
    readers.set(octokit, () => (unpaced ??= buildClient({ ...o, throttle: false })))
  }
  return octokit
}

function buildClient(o: ClientOptions): Octokit {
  const log = o.log ?? (() => undefined)
  const retries = o.retries ?? 3
  const timeoutMs = o.timeoutMs ?? 30000
  const octokit = getOctokit(
    o.token,
    {
      baseUrl: o.baseUrl,
      userAgent: 'pr-quality-gate',
      retry: { retries, doNotRetry: [400, 401, 403, 404, 409, 410, 422, 451] },
      throttle: {
        ...(o.throttleId ? { id: o.throttleId } : {}),
        ...(o.throttle === false ? { enabled: false } : {}),
        ...(o.writeBurst === false ? {} : { write: writeLimiters() }),
        // Clustering needs the full Bottleneck (the plugin's default build has no Redis datastore).
        ...(o.throttleConnection ? { Bottleneck, connection: o.throttleConnection } : {}),
        onRateLimit: (retryAfter: number, options: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
          log(`rate limited on ${options.method} ${options.url}; retry ${retryCount + 1} in ${retryAfter}s`)
          return retryCount < retries && retryAfter <= 60
        },
        onSecondaryRateLimit: (retryAfter: number, options: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
          log(`secondary rate limit on ${options.method} ${options.url}; retry ${retryCount + 1} in ${retryAfter}s`)
          return retryCount < retries && retryAfter <= 60
        },
      },
    },
    throttling,
    retry,
  )
  // A per-request timeout: every fetch (first try and each retry) gets its own deadline; an aborted fetch
  // surfaces as a 500 RequestError, which the retry plugin retries with its bounded backoff.
  // A JSON answer that does not parse (a truncated body) is retried here with the same bounded backoff.
  // (before-after-hook binds the options: they are changed in place, never passed anew.)
  octokit.hook.wrap('request', async (request, options) => {
    // The options as they may arrive: request and mediaType are optional (the types say always set).
    const given = options as { request?: { fetch?: typeof fetch }; mediaType?: { format?: string } }
    const inner: typeof fetch = given.request?.fetch ?? globalThis.fetch
    options.request = {
      ...options.request,
      fetch: (url: string, init: RequestInit) => {
        o.onFetch?.()
        return inner(url, { ...init, signal: AbortSignal.timeout(timeoutMs) })
      },
    }
    for (let attempt = 0; ; attempt++) {
      const response = await request(options)
      const type = textOf(response.headers['content-type'])
      if (!(typeof response.data === 'string' && /json/.test(type) && given.mediaType?.format !== 'raw')) return response
      if (attempt >= retries) {
        throw Object.assign(new Error('the response body is not valid JSON (truncated?)'), {
          status: 502,
          request: { method: options.method, url: response.url },
        })
      }
      log(`unreadable JSON from ${options.method} ${response.url}; retry ${attempt + 1} in ${(attempt + 1) ** 2}s`)
      await new Promise((r) => setTimeout(r, (attempt + 1) ** 2 * 1000))
    }
  })
  return octokit
}

export { statusOf, callOf, describeApiError } from '../errors.js'
