/**
 * Optional evidence providers for the `dependencies` rule: GitHub dependency review (what the PR's manifest
 * changes add) and open Dependabot alerts (for the age of known vulnerabilities). Both answer
 * ProviderResult, and tell two cases apart honestly:
 * - NOT AVAILABLE by configuration: 403 (feature off, plan without Advanced Security, token without the
 *   permission, fork) or 404 (dependency graph / alerts not enabled) → `{ ok: false, unavailable: true }`
 *   saying how to enable it: a notice.
 * - FAILED: 5xx after the client's retries, a timeout, a network error, a rate limit that outlasted the
 *   retries (403/429 with a rate-limit answer), or an answer that is not the documented shape →
 *   `{ ok: false }` without `unavailable`: the rule is "not evaluated" and the gate follows `on_error`.
 */
import type { ProviderResult } from '../types.js'
import { plainMessage, statusOf } from '../errors.js'
import type { Octokit } from './client.js'
import { isObject } from '../json.js'

export type { Octokit }

/** One entry of `GET /repos/{owner}/{repo}/dependency-graph/compare/{base}...{head}`. */
export interface DependencyReviewChange {
  change_type: 'added' | 'removed'
  manifest: string
  ecosystem: string
  name: string
  version: string
  package_url: string | null
  license: string | null
  source_repository_url: string | null
  vulnerabilities: Array<{ severity: string; advisory_ghsa_id: string; advisory_summary: string; advisory_url: string }>
  scope: 'unknown' | 'runtime' | 'development'
}

/** The fields of a Dependabot alert the rule reads (the API returns many more). */
export interface DependabotAlert {
  number: number
  state: string
  created_at: string
  html_url: string
  dependency: { package?: { ecosystem: string; name: string }; manifest_path?: string; scope?: string | null }
  security_advisory: {
    ghsa_id: string
    cve_id: string | null
    summary: string
    severity: string
    identifiers?: Array<{ type: string; value: string }>
    cvss?: { score: number | null } | null
  }
  security_vulnerability: {
    severity: string
    vulnerable_version_range: string
    first_patched_version: { identifier: string } | null
    package: { ecosystem: string; name: string }
  }
}

/**
 * Dependency review between two commits (use the PR's base and head SHAs: `pull_request.base.sha` and
 * `pull_request.head.sha`, not branch names, so the comparison matches what the gate checked).
 */
export async function fetchDependencyReview(
  octokit: Octokit,
  p: { owner: string; repo: string; base: string; head: string },
): Promise<ProviderResult<DependencyReviewChange[]>> {
  return provide(
    async () =>
      checkReview((await octokit.rest.dependencyGraph.diffRange({ owner: p.owner, repo: p.repo, basehead: `${p.base}...${p.head}` })).data),
    {
      forbidden: (m) =>
        `GitHub dependency review is not available for ${p.owner}/${p.repo} (403: ${m}). It needs the dependency graph ` +
        '(Settings → Code security → Dependency graph) and, on private repositories, GitHub Advanced Security / Code Security; ' +
        'the token needs `contents: read`. Fork PRs cannot use it with a read-only token.',
      notFound:
        `GitHub dependency review answered 404 for ${p.owner}/${p.repo} ${p.base.slice(0, 7)}...${p.head.slice(0, 7)}: ` +
        `the dependency graph ` +
        'is not enabled (Settings → Code security → Dependency graph), ' +
        'or one of the commits is unknown to GitHub, or the token cannot see the repository.',
      failed: 'GitHub dependency review failed',
    },
  )
}

/** Open Dependabot alerts of the repository (all pages, 100 per page). */
export async function fetchDependabotAlerts(
  octokit: Octokit,
  p: { owner: string; repo: string },
): Promise<ProviderResult<DependabotAlert[]>> {
  return provide(
    async () =>
      checkAlerts(
        await octokit.paginate(octokit.rest.dependabot.listAlertsForRepo, { owner: p.owner, repo: p.repo, state: 'open', per_page: 100 }),
      ),
    {
      forbidden: (m) =>
        `Dependabot alerts of ${p.owner}/${p.repo} cannot be read with this token (403: ${m}). In a workflow grant ` +
        '`permissions: security-events: read` (or use a GitHub App / fine-grained token with "Dependabot alerts: read"); ' +
        'Dependabot alerts must be enabled (Settings → Code security → Dependabot alerts). Fork PRs get no such access.',
      notFound:
        `Dependabot alerts answered 404 for ${p.owner}/${p.repo}: Dependabot alerts are not enabled ` +
        `(Settings → Code security → Dependabot alerts), or the token cannot see the repository.`,
      failed: 'reading Dependabot alerts failed',
    },
  )
}

/** A provider's answer turned into what a rule reads (failures pass through unchanged). */
export function mapProvided<T, U>(r: ProviderResult<T>, f: (data: T) => U): ProviderResult<U> {
  return r.ok ? { ok: true, data: f(r.data) } : r
}

/** An answer that is not the documented shape: the provider failed (never read as "nothing found"). */
export class MalformedAnswer extends Error {}

/** The compare answer, checked entry by entry: an array of changes, each naming what changed. */
function checkReview(data: unknown): DependencyReviewChange[] {
  if (!Array.isArray(data)) throw new MalformedAnswer(`the answer is ${describe(data)}, not a list of dependency changes`)
  data.forEach((c, i) => {
    if (!isObject(c) || typeof c.change_type !== 'string' || typeof c.name !== 'string')
      throw new MalformedAnswer(`entry ${i} is not a dependency change (no change_type and name)`)
    if (c.vulnerabilities !== undefined && c.vulnerabilities !== null) {
      if (!Array.isArray(c.vulnerabilities) || !c.vulnerabilities.every((v) => isObject(v) && typeof v.advisory_ghsa_id === 'string')) {
        throw new MalformedAnswer(`entry ${i} (${c.name}) has vulnerabilities without an advisory_ghsa_id`)
      }
    }
  })
  return data as DependencyReviewChange[]
}

function checkAlerts(data: unknown): DependabotAlert[] {
  if (!Array.isArray(data)) throw new MalformedAnswer(`the answer is ${describe(data)}, not a list of alerts`)
  const bad = data.findIndex((a) => !isObject(a) || !isObject(a.security_advisory))
  if (bad >= 0) throw new MalformedAnswer(`alert ${bad} has no security_advisory`)
  return data as DependabotAlert[]
}

function describe(v: unknown): string {
  return v === null
    ? 'null'
    : Array.isArray(v)
      ? 'an array'
      : typeof v === 'string'
        ? `a string of ${v.length} characters`
        : `a${typeof v === 'object' ? 'n' : ''} ${typeof v}`
}

/**
 * A 403 or 429 that is GitHub's rate limiting (primary: `x-ratelimit-remaining: 0`; secondary: a
 * `retry-after` header or the "secondary rate limit" message) rather than a missing feature or permission:
 * the throttling plugin already waited and retried, so by now it is a failure, not "not enabled".
 */
export function isRateLimited(e: unknown): boolean {
  const s = statusOf(e)
  if (s === 429) return true
  if (s !== 403) return false
  const headers = (e as { response?: { headers?: Record<string, string | number | undefined> } } | null)?.response?.headers ?? {}
  if (String(headers['x-ratelimit-remaining'] ?? '') === '0' || headers['retry-after'] !== undefined) return true
  return /rate limit/i.test(plainMessage(e))
}

/**
 * One provider call: its data; or, for a feature that is off (403/404), why it is unavailable and how to
 * enable it; or, for anything else (5xx after retries, timeout, network, rate limit, malformed answer),
 * that it failed, naming the status.
 */
export async function provide<T>(
  call: () => Promise<T>,
  why: { forbidden: (message: string) => string; notFound: string; failed: string },
): Promise<ProviderResult<T>> {
  try {
    return { ok: true, data: await call() }
  } catch (e) {
    const s = statusOf(e)
    if (e instanceof MalformedAnswer) return { ok: false, reason: `${why.failed}: GitHub's answer is malformed (${e.message})` }
    if (isRateLimited(e)) return { ok: false, reason: `${why.failed}: rate limited (HTTP ${s}) after the retries: ${plainMessage(e)}` }
    if (s === 403) return { ok: false, unavailable: true, reason: why.forbidden(plainMessage(e)) }
    if (s === 404) return { ok: false, unavailable: true, reason: why.notFound }
    return { ok: false, reason: `${why.failed}${s ? ` (HTTP ${s})` : ''}: ${plainMessage(e)}` }
  }
}
