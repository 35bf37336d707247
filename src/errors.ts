/**
 * One way to turn anything thrown into a one-line message: Error, string, API errors (naming the call,
 * never the token), or any other value. Used by every face, so no stack trace ever reaches a user.
 */
const TOKEN_PATTERN = /(gh[pousr]_|github_pat_)[A-Za-z0-9_]+/g

/** The API call an Octokit error belongs to, e.g. "GET /repos/o/r/pulls/7/files", when it carries one. */
export function callOf(e: unknown): string | undefined {
  const req = (e as { request?: { method?: unknown; url?: unknown } } | null)?.request
  if (!req || typeof req.method !== 'string' || typeof req.url !== 'string') return undefined
  let path = req.url
  try {
    const u = new URL(req.url)
    path = u.pathname + u.search
  } catch {
    /* keep the raw url */
  }
  return `${req.method} ${path}`
}

export function statusOf(e: unknown): number | undefined {
  const s = (e as { status?: unknown } | null)?.status
  return typeof s === 'number' ? s : undefined
}

function rawMessage(e: unknown): string {
  if (e instanceof Error) return e.message || e.name
  if (typeof e === 'string') return e
  try {
    return JSON.stringify(e) ?? String(e)
  } catch {
    return String(e)
  }
}

/** The first line of what was thrown, tokens redacted, without naming the call. */
export function plainMessage(e: unknown): string {
  return rawMessage(e).split('\n')[0].replace(TOKEN_PATTERN, '***')
}

export function errorMessage(e: unknown): string {
  const text = plainMessage(e)
  const call = callOf(e)
  if (!call) return text
  const status = statusOf(e)
  return `${call} failed${status ? ` (HTTP ${status})` : ''}: ${text}`
}

/** A failure of an API call, named by what it was for: "sticky comment: POST /repos/… failed (HTTP 403): …". */
export function describeApiError(purpose: string, e: unknown): string {
  return `${purpose}: ${errorMessage(e)}`
}

/** True for errors that come from an API call (Octokit RequestError, including network failures). */
export function isApiError(e: unknown): boolean {
  return callOf(e) !== undefined
}
