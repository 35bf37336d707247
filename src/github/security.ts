/**
 * Optional evidence providers for the `secrets` and `code-scanning` rules: GitHub's secret-scanning alerts
 * located in the PR's commits, and GitHub's code-scanning alerts on the PR's merge ref. Same contract as
 * ./dependencies.ts: 403/404 (feature off, no permission, fork) → unavailable, a notice; 5xx after the
 * retries, timeout, rate limit, malformed answer → failed, the rule is not evaluated.
 *
 * The secret-scanning list answers each alert's SECRET in clear text: it is fingerprinted here
 * (src/evidence/redact.ts) and dropped; nothing after this module sees it.
 */
import type { ProviderResult, SecretScanningAlert } from '../types.js'
import type { Octokit } from './client.js'
import { MalformedAnswer, provide } from './dependencies.js'
import { fingerprintOf, redactedOf } from '../evidence/redact.js'
import { isObject } from '../json.js'

/** Most alerts whose locations are read (one request each, newest first); the rest are named in a note. */
export const MAX_SECRET_ALERTS = 200

/**
 * Open secret-scanning alerts with a `commit` location in one of the PR's commits: the open alerts (newest
 * first); only when there are any, the PR's commit list (GitHub lists 250 at most) and each alert's locations.
 */
export async function fetchSecretScanningAlerts(
  octokit: Octokit,
  p: { owner: string; repo: string; pull: number; head: string },
): Promise<ProviderResult<SecretScanningAlert[]>> {
  return provide(
    async () => {
      // The alerts first: most runs find none (or a 403 for a workflow token), and then the PR's commit list is
      // not needed. One call in the common case instead of two.
      const alerts = await octokit.paginate(octokit.rest.secretScanning.listAlertsForRepo, {
        owner: p.owner,
        repo: p.repo,
        state: 'open',
        sort: 'created',
        direction: 'desc',
        per_page: 100,
      })
      if (!Array.isArray(alerts)) throw new MalformedAnswer('the alert list is not a list')
      if (!alerts.length) return []
      const commits = await octokit.paginate(octokit.rest.pulls.listCommits, {
        owner: p.owner,
        repo: p.repo,
        pull_number: p.pull,
        per_page: 100,
      })
      if (!Array.isArray(commits)) throw new MalformedAnswer('the commit list is not a list')
      const shas = new Set<string>([p.head, ...commits.map((c) => (isObject(c) && typeof c.sha === 'string' ? c.sha : '')).filter(Boolean)])
      const out: SecretScanningAlert[] = []
      for (const [i, raw] of alerts.slice(0, MAX_SECRET_ALERTS).entries()) {
        if (!isObject(raw) || typeof raw.number !== 'number') throw new MalformedAnswer(`alert ${i} has no number`)
        const locs = await octokit.paginate(octokit.rest.secretScanning.listLocationsForAlert, {
          owner: p.owner,
          repo: p.repo,
          alert_number: raw.number,
          per_page: 100,
        })
        if (!Array.isArray(locs)) throw new MalformedAnswer(`the locations of alert ${raw.number} are not a list`)
        const locations: SecretScanningAlert['locations'] = []
        for (const l of locs) {
          if (!isObject(l) || l.type !== 'commit' || !isObject(l.details)) continue
          const d = l.details as Record<string, unknown>
          if (typeof d.commit_sha !== 'string' || !shas.has(d.commit_sha) || typeof d.path !== 'string') continue
          const line = typeof d.start_line === 'number' ? d.start_line : 1
          locations.push({
            path: d.path,
            line,
            endLine: typeof d.end_line === 'number' ? Math.max(d.end_line, line) : line,
            commit: d.commit_sha,
          })
        }
        if (!locations.length) continue
        const secret = typeof raw.secret === 'string' ? raw.secret : ''
        out.push({
          number: raw.number,
          secretType: typeof raw.secret_type === 'string' ? raw.secret_type : 'unknown',
          displayName:
            typeof raw.secret_type_display_name === 'string'
              ? raw.secret_type_display_name
              : typeof raw.secret_type === 'string'
                ? raw.secret_type
                : 'secret',
          htmlUrl: typeof raw.html_url === 'string' ? raw.html_url : undefined,
          fingerprint: secret ? fingerprintOf(secret) : `github-alert:${raw.number}`,
          redacted: secret ? redactedOf(secret) : `(GitHub alert #${raw.number})`,
          locations,
        })
      }
      return out
    },
    {
      forbidden: (m) =>
        `GitHub secret-scanning alerts of ${p.owner}/${p.repo} cannot be read with this token (403: ${m}). In a workflow grant ` +
        '`permissions: security-events: read` (a GitHub App needs "Secret scanning alerts: read"); secret scanning must be enabled ' +
        '(Settings → Code security → Secret Protection). Fork PRs get no such access.',
      notFound:
        `GitHub secret-scanning alerts answered 404 for ${p.owner}/${p.repo}: ` +
        `secret scanning is not enabled (Settings → Code security → Secret Protection), or the token cannot see the repository.`,
      failed: 'reading GitHub secret-scanning alerts failed',
    },
  )
}

/** Open code-scanning alerts of `refs/pull/N/merge` (all tools, all pages). */
export async function fetchCodeScanningAlerts(
  octokit: Octokit,
  p: { owner: string; repo: string; pull: number },
): Promise<ProviderResult<unknown[]>> {
  return provide(
    async () => {
      const data = await octokit.paginate(octokit.rest.codeScanning.listAlertsForRepo, {
        owner: p.owner,
        repo: p.repo,
        ref: `refs/pull/${p.pull}/merge`,
        state: 'open',
        per_page: 100,
      })
      if (!Array.isArray(data)) throw new MalformedAnswer('the alert list is not a list')
      const bad = data.findIndex((a) => !isObject(a) || !isObject(a.rule) || typeof a.number !== 'number')
      if (bad >= 0) throw new MalformedAnswer(`alert ${bad} has no number or rule`)
      return data as unknown[]
    },
    {
      forbidden: (m) =>
        `GitHub code-scanning alerts of ${p.owner}/${p.repo} cannot be read with this token (403: ${m}). In a workflow grant ` +
        '`permissions: security-events: read`; on private repositories code ' +
        'scanning needs GitHub Code Security. Fork PRs get no such access.',
      notFound:
        `GitHub code-scanning alerts answered 404 for ${p.owner}/${p.repo} refs/pull/${p.pull}/merge: ` +
        `code scanning is not set up, or no analysis was uploaded for this pull request yet.`,
      failed: 'reading GitHub code-scanning alerts failed',
    },
  )
}
