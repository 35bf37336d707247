/**
 * Optional evidence providers for the `dependencies` rule: GitHub dependency review (what the PR's manifest
 * changes add) and open Dependabot alerts (for the age of known vulnerabilities). Both answer
 * ProviderResult: a 403/404 (feature off, plan without Advanced Security, token without the permission, fork)
 * becomes `{ ok: false, reason }` saying how to enable it — a notice, never a failed gate. Other errors
 * (5xx after retries, network) also become `ok: false` with the status, so the rule can report it.
 */
import type { ProviderResult } from '../types.js'
import { plainMessage, statusOf } from '../errors.js'
import type { Octokit } from './client.js'

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
  security_advisory: { ghsa_id: string; cve_id: string | null; summary: string; severity: string; identifiers?: Array<{ type: string; value: string }>; cvss?: { score: number | null } | null }
  security_vulnerability: { severity: string; vulnerable_version_range: string; first_patched_version: { identifier: string } | null; package: { ecosystem: string; name: string } }
}

/**
 * Dependency review between two commits (use the PR's base and head SHAs: `pull_request.base.sha` and
 * `pull_request.head.sha`, not branch names, so the comparison matches what the gate checked).
 */
export async function fetchDependencyReview(
  octokit: Octokit,
  p: { owner: string; repo: string; base: string; head: string },
): Promise<ProviderResult<DependencyReviewChange[]>> {
  return provide(async () => (await octokit.rest.dependencyGraph.diffRange({ owner: p.owner, repo: p.repo, basehead: `${p.base}...${p.head}` })).data as DependencyReviewChange[], {
    forbidden: (m) =>
      `GitHub dependency review is not available for ${p.owner}/${p.repo} (403: ${m}). It needs the dependency graph ` +
      '(Settings → Code security → Dependency graph) and, on private repositories, GitHub Advanced Security / Code Security; ' +
      'the token needs `contents: read`. Fork PRs cannot use it with a read-only token.',
    notFound:
      `GitHub dependency review answered 404 for ${p.owner}/${p.repo} ${p.base.slice(0, 7)}...${p.head.slice(0, 7)}: the dependency graph ` +
      'is not enabled (Settings → Code security → Dependency graph), or one of the commits is unknown to GitHub, or the token cannot see the repository.',
    failed: 'GitHub dependency review failed',
  })
}

/** Open Dependabot alerts of the repository (all pages, 100 per page). */
export async function fetchDependabotAlerts(octokit: Octokit, p: { owner: string; repo: string }): Promise<ProviderResult<DependabotAlert[]>> {
  return provide(async () => (await octokit.paginate(octokit.rest.dependabot.listAlertsForRepo, { owner: p.owner, repo: p.repo, state: 'open', per_page: 100 })) as unknown as DependabotAlert[], {
    forbidden: (m) =>
      `Dependabot alerts of ${p.owner}/${p.repo} cannot be read with this token (403: ${m}). In a workflow grant ` +
      '`permissions: security-events: read` (or use a GitHub App / fine-grained token with "Dependabot alerts: read"); ' +
      'Dependabot alerts must be enabled (Settings → Code security → Dependabot alerts). Fork PRs get no such access.',
    notFound: `Dependabot alerts answered 404 for ${p.owner}/${p.repo}: Dependabot alerts are not enabled (Settings → Code security → Dependabot alerts), or the token cannot see the repository.`,
    failed: 'reading Dependabot alerts failed',
  })
}

/** One provider call: its data, or why it is unavailable (403 and 404 explained, anything else named). */
async function provide<T>(call: () => Promise<T>, why: { forbidden: (message: string) => string; notFound: string; failed: string }): Promise<ProviderResult<T>> {
  try {
    return { ok: true, data: await call() }
  } catch (e) {
    const s = statusOf(e)
    if (s === 403) return { ok: false, reason: why.forbidden(plainMessage(e)) }
    if (s === 404) return { ok: false, reason: why.notFound }
    return { ok: false, reason: `${why.failed}${s ? ` (HTTP ${s})` : ''}: ${plainMessage(e)}` }
  }
}
