/**
 * One way to turn anything thrown into a one-line message: Error, string, API errors (naming the call,
 * never the token), or any other value. Used by every face, so no stack trace ever reaches a user.
 *
 * Tokens are redacted twice over, because an upstream (a proxy, GitHub Enterprise behind one) may echo
 * the request's Authorization header into an error body that ends up in a public comment:
 * - the token values in use, registered where each client is made (`registerSecret`: the Action's or
 *   CLI's token, every App installation token, the App's JWT), whole or in part (any run of 8 or more
 *   token characters that occurs in one of them);
 * - every token shape, known or not: `ghp_`/`gho_`/`ghu_`/`ghs_`/`ghr_`/`github_pat_` (even the bare
 *   prefix), `v1.` + 40 hex (old installation tokens), JWTs (`eyJ…`), and any credential-looking value
 *   after `token`, `bearer`, `basic` or `Authorization:` (a bare 40-hex classic token). A bare 40-hex
 *   elsewhere is a commit SHA and stays.
 */
import { visibleControls } from './report/escape.js'
import { stringify } from './json.js'

const REDACTED = '***'
const MAX_SECRETS = 1000
const secrets = new Set<string>()

/** Remembers a token value so that it, and any part of it, is redacted from every message. */
export function registerSecret(value: string | undefined): void {
  if (!value || value.length < 8) return
  secrets.delete(value) // re-inserted: most recent last, the oldest is evicted first
  secrets.add(value)
  if (secrets.size > MAX_SECRETS) {
    const oldest = secrets.values().next().value
    if (oldest !== undefined) secrets.delete(oldest)
  }
}

const SHAPES: RegExp[] = [
  /(?:gh[pousr]_|github_pat_)[A-Za-z0-9_]*/g,
  /v1\.[0-9a-f]{40}/gi,
  /eyJ[A-Za-z0-9_-]{8,}(?:\.[A-Za-z0-9_-]*){0,2}/g,
]
/** A credential after its scheme or header name; group 1 (the name) is kept. */
const AFTER_KEYWORD = /(\b(?:authorization|token|bearer|basic)\b["']?\s*[:=]?\s*(?:(?:token|bearer|basic)\s+)?)[A-Za-z0-9_\-.~+/]{16,}=*/gi
const TOKEN_RUN = /[A-Za-z0-9_\-.]{8,}/g

/** `text` with every registered token (whole or in part) and every token shape replaced by `***`. */
export function redactSecrets(text: string): string {
  let s = text
  for (const secret of secrets) if (s.includes(secret)) s = s.split(secret).join(REDACTED)
  if (secrets.size) s = s.replace(TOKEN_RUN, (run) => (isPartOfSecret(run) ? REDACTED : run))
  for (const shape of SHAPES) s = s.replace(shape, REDACTED)
  return s.replace(AFTER_KEYWORD, (_m, keyword: string) => keyword + REDACTED)
}

function isPartOfSecret(run: string): boolean {
  for (const secret of secrets) if (secret.includes(run)) return true
  // A run that holds a part at its edge (`x-tail:abcd1234…`): any 8-character window of it.
  if (run.length > 8 && run.length <= 200)
    for (let i = 0; i + 8 <= run.length; i++) for (const secret of secrets) if (secret.includes(run.slice(i, i + 8))) return true
  return false
}

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
    return stringify(e) ?? String(e) // JSON.stringify gives undefined for undefined, a function, a symbol
  } catch {
    return String(e)
  }
}

/** The first line of what was thrown, tokens redacted and controls made visible, without naming the call. */
export function plainMessage(e: unknown): string {
  return visibleControls(redactSecrets(rawMessage(e).split('\n')[0] ?? ''))
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
