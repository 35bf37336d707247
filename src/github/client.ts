/**
 * The Octokit client: @actions/github's Octokit with throttling and retry. Built on demand (never at
 * import time). The base URL comes from the caller (GITHUB_API_URL for Actions, so GHES works).
 */
import { getOctokit } from '@actions/github'
import { throttling } from '@octokit/plugin-throttling'
import { retry } from '@octokit/plugin-retry'

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
}

export function createClient(o: ClientOptions): Octokit {
  const log = o.log ?? (() => undefined)
  const retries = o.retries ?? 3
  return getOctokit(
    o.token,
    {
      baseUrl: o.baseUrl,
      userAgent: 'pr-quality-gate',
      request: { timeout: o.timeoutMs ?? 30000 },
      retry: { retries, doNotRetry: [400, 401, 403, 404, 409, 410, 422, 451] },
      throttle: {
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
}

/** HTTP status of an Octokit error (undefined for network errors). */
export function statusOf(e: unknown): number | undefined {
  const s = (e as { status?: unknown })?.status
  return typeof s === 'number' ? s : undefined
}

/** A one-line description of an API failure naming the call, never the token. */
export function describeApiError(call: string, e: unknown): string {
  const status = statusOf(e)
  const msg = (e as { message?: unknown })?.message
  const text = typeof msg === 'string' ? msg.split('\n')[0].replace(/(gh[pousr]_|github_pat_)[A-Za-z0-9_]+/g, '***') : String(e)
  return `${call} failed${status ? ` (HTTP ${status})` : ''}: ${text}`
}
