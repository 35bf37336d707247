/**
 * Dependabot alerts through the API, for the vulnerability fix SLA figures of the API source
 * (`pr-gate report --source api --alerts api`, the Action's `mode: report` with `alerts: true`): every
 * alert of each repository, every state (open, fixed, dismissed, auto-dismissed), 100 a page, read by the
 * same parser as `--alerts FILE`. The token needs Dependabot alerts: read (in a workflow,
 * `security-events: read`); a refusal is an error that says so, never "no alerts".
 */
import type { Octokit } from '../github/client.js'
import { describeApiError, statusOf } from '../github/client.js'
import { AlertsError, parseDependabotAlerts, SEVERITIES, type AlertLife, type Severity } from './sla.js'
import { ApiSourceError } from './api.js'

export async function dependabotAlertsOf(octokit: Octokit, repos: string[]): Promise<{ items: AlertLife[]; source: string }> {
  const items: AlertLife[] = []
  for (const full of repos) {
    const [owner, repo] = full.split('/') as [string, string]
    let raw: unknown[]
    try {
      raw = await octokit.paginate(octokit.rest.dependabot.listAlertsForRepo, {
        owner,
        repo,
        state: 'auto_dismissed,dismissed,fixed,open',
        per_page: 100,
      })
    } catch (e) {
      const s = statusOf(e)
      const hint =
        s === 403
          ? ': the token cannot read them (in a workflow grant `permissions: ' +
            'security-events: read`, or use a token with "Dependabot alerts: read")'
          : s === 404
            ? ': Dependabot alerts are not enabled, or the token cannot see the repository'
            : ''
      throw new ApiSourceError(describeApiError(`Dependabot alerts of ${full}`, e) + hint)
    }
    try {
      const alerts = parseDependabotAlerts(JSON.stringify(raw), `Dependabot alerts of ${full}`)
      items.push(...(repos.length > 1 ? alerts.map((a) => ({ ...a, id: `${full} ${a.id}` })) : alerts))
    } catch (e) {
      if (e instanceof AlertsError) throw new ApiSourceError(e.message)
      throw e
    }
  }
  return { items, source: `Dependabot alerts of ${repos.join(', ')} (API)` }
}

/** The policy's fix SLA by severity (`rules.dependencies.fix_within_days`; none where unset). */
export function slaOf(rules: Record<string, unknown> | undefined): Record<Severity, number | null> {
  const fix = (rules?.dependencies as { fix_within_days?: Partial<Record<Severity, number | null>> } | undefined)?.fix_within_days ?? {}
  return Object.fromEntries(SEVERITIES.map((s) => [s, fix[s] ?? null])) as Record<Severity, number | null>
}
