/**
 * The Action in report mode (`mode: report`, e.g. on a weekly schedule): the team trends of the pull
 * requests merged in the window (`since`), read through the API (src/trends/api.ts: the gate's own
 * records in its check runs), computed and rendered by the same code as `pr-gate report`. Publishes the
 * job summary (Markdown with Mermaid charts), the outputs (`report`: the JSON report), ONE issue per
 * repository kept up to date in place (src/trends/issue.ts), and with `fail-on-trend` the exit code:
 * the job fails when a trend breaches the policy's `report.fail_on_trend`. It decides nothing itself.
 */
import * as core from '@actions/core'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Settings } from './inputs.js'
import { InputError } from './inputs.js'
import { createClient } from '../github/client.js'
import { readEnforcedSide } from '../github/evaluate.js'
import { defaultResolvedPolicy, tryLoadPolicy } from '../pipeline/policy.js'
import { errorMessage } from '../engine/run.js'
import { parseGateIdentity } from '../release/gates.js'
import { actionRemotePolicy } from './remote-policy.js'
import { apiHistory } from '../trends/api.js'
import { computeTrends, type TrendReport } from '../trends/compute.js'
import { checkTrends } from '../trends/fail.js'
import { parseWindow, ReportUsageError } from '../trends/cli.js'
import { renderTrendMarkdown, toTrendJson } from '../trends/render.js'
import { issueBody, reportMarker, upsertReportIssue } from '../trends/issue.js'

export const REPORT_ISSUE_TITLE = 'Team trends: merged pull requests against the quality gate'

type Client = ReturnType<typeof createClient>
type Repo = { owner: string; repo: string }
type ReportSettings = ReturnType<typeof defaultResolvedPolicy>['report']

/** The window of input `since`, a usage error reported as an input error. */
function reportWindow(s: Settings): { from: Date; to: Date } {
  try {
    return parseWindow({ since: s.trends.since }, new Date())
  } catch (e) {
    if (e instanceof ReportUsageError) throw new InputError(`input since: ${e.message.replace(/^--since:? /, '')}`)
    throw e
  }
}

/** Input repositories; this repository when neither repositories nor org is given. */
function reportRepos(s: Settings): Repo[] {
  return (s.trends.repositories.length || s.trends.org ? s.trends.repositories : [`${s.repository.owner}/${s.repository.repo}`]).map(
    (r) => {
      const [owner, repo] = r.split('/') as [string, string]
      return { owner, repo }
    },
  )
}

/**
 * The policy of this repository at the workflow's commit (the default branch on a schedule): its
 * report: section and fix SLAs. A broken policy is reported, and the default settings are used.
 */
async function reportPolicy(
  s: Settings,
  octokit: Client,
): Promise<{ settings: ReportSettings; rules: Record<string, unknown> | undefined; notes: string[] }> {
  const ref = s.sha || 'HEAD'
  const { read, policyText } = await readEnforcedSide(octokit, s.repository, ref, s.policyPath)
  const { loaded, errors } = await tryLoadPolicy(policyText, s.policyPath, read, { remote: actionRemotePolicy(s, octokit).read })
  const notes: string[] = []
  if (errors) {
    if (s.trends.failOnTrend)
      throw new Error(
        `fail-on-trend: the policy ${s.policyPath} is invalid, so there is no report: section to judge the trends by: ${errors.join('; ')}`,
      )
    notes.push(`The policy ${s.policyPath} is invalid (${errors.join('; ')}): the report settings are the default ones.`)
  } else if (policyText === undefined)
    notes.push(`No ${s.policyPath} at ${ref.slice(0, 12)}: the report settings are the embedded default policy's.`)
  return {
    settings: loaded?.policy.report ?? defaultResolvedPolicy().report,
    rules: loaded?.policy.rules as Record<string, unknown> | undefined,
    notes,
  }
}

/** Read the merged pull requests (and with input alerts, the Dependabot alerts) and compute the trends. */
async function computeReport(
  s: Settings,
  octokit: Client,
  window: { from: Date; to: Date },
  repos: Repo[],
  policy: Awaited<ReturnType<typeof reportPolicy>>,
): Promise<TrendReport> {
  const h = await apiHistory({
    octokit,
    repos,
    org: s.trends.org,
    from: window.from,
    to: window.to,
    checkName: s.checkName,
    identity: parseGateIdentity(s.release.gateIdentity),
    log: (m) => {
      core.info(m)
    },
  })
  core.info(
    `pr-quality-gate: ${h.records.length} merged pull request(s) from ${h.repositories.length} ` +
      `repositor${h.repositories.length === 1 ? 'y' : 'ies'} in ${h.calls} GraphQL quer${h.calls === 1 ? 'y' : 'ies'}`,
  )
  let alerts: Parameters<typeof computeTrends>[0]['alerts']
  if (s.trends.alerts) {
    const { dependabotAlertsOf, slaOf } = await import('../trends/alerts-api.js')
    alerts = {
      ...(await dependabotAlertsOf(octokit, h.repositories)),
      sla: slaOf(policy.rules),
    }
  }
  return computeTrends({
    alerts,
    source: 'api',
    repository: h.repositories.join(', ') || s.trends.org,
    branch: '',
    from: window.from,
    to: window.to,
    records: h.records,
    skipped: 0,
    threshold: policy.settings.size_threshold,
    evidence: { waivers: true, coverage: true },
    notes: [...h.notes, ...policy.notes],
  })
}

/** The JSON report file and the outputs. */
function writeOutputs(s: Settings, report: TrendReport, breaches: number): void {
  const json = toTrendJson(report)
  mkdirSync(dirname(s.reportPath), { recursive: true })
  writeFileSync(s.reportPath, JSON.stringify(json, null, 2) + '\n')
  core.setOutput('report', s.reportPath)
  core.setOutput('merged-pull-requests', String(report.total.prs))
  core.setOutput('trend-breaches', String(breaches))
  core.setOutput('conclusion', breaches ? (s.trends.failOnTrend ? 'failure' : 'neutral') : 'success')
}

/** The one report issue, kept up to date in place; returns its URL. */
async function publishIssue(s: Settings, octokit: Client, report: TrendReport): Promise<string | undefined> {
  const marker = reportMarker(s.checkName)
  const body = issueBody(
    marker,
    renderTrendMarkdown(report),
    `the job summary of [the latest run](${s.runUrl ?? `${s.serverUrl}/${s.repository.owner}/${s.repository.repo}/actions`}) ` +
      `has the full report.`,
  )
  const issue = await upsertReportIssue({
    octokit,
    repo: s.repository,
    marker,
    title: REPORT_ISSUE_TITLE,
    body,
    identityFallback: s.commentAuthor,
    token: s.token,
    pin: true,
  })
  core.setOutput('report-issue', String(issue.number))
  core.info(`trend report issue #${issue.number} ${issue.action}; pin: ${issue.pin}`)
  if (issue.pin.startsWith('not pinned')) core.notice(`The trend report issue #${issue.number} is ${issue.pin}`)
  return issue.url
}

export async function runReport(s: Settings): Promise<void> {
  let report: TrendReport | undefined
  let issueUrl: string | undefined
  try {
    const octokit = createClient({
      token: s.token,
      baseUrl: s.apiUrl,
      timeoutMs: s.requestTimeoutMs,
      log: (m) => {
        core.info(m)
      },
    })
    const window = reportWindow(s)
    const repos = reportRepos(s)
    core.info(
      `pr-quality-gate: team trends of ` +
        [...repos.map((r) => `${r.owner}/${r.repo}`), ...(s.trends.org ? [`the organization ${s.trends.org}`] : [])].join(', ') +
        `, ${window.from.toISOString().slice(0, 10)} … ${window.to.toISOString().slice(0, 10)}`,
    )
    const policy = await reportPolicy(s, octokit)
    report = await computeReport(s, octokit, window, repos, policy)
    const check = checkTrends(report, policy.settings)
    report.trendCheck = { enforced: s.trends.failOnTrend, ...check }
    writeOutputs(s, report, check.breaches.length)
    if (s.trends.issue) issueUrl = await publishIssue(s, octokit, report)
    for (const b of check.breaches) core.warning(`trend breach: ${b}`)
    if (s.trends.failOnTrend && check.breaches.length)
      core.setFailed(`team trends breach the policy's report.fail_on_trend: ${check.breaches.join('; ')}`)
    else core.info(`pr-quality-gate: ${check.breaches.length} trend breach(es)${s.trends.failOnTrend ? '' : ' (fail-on-trend is off)'}`)
  } catch (e) {
    core.setOutput('conclusion', 'failure')
    core.setFailed(`pr-quality-gate could not compute the team trends: ${errorMessage(e)}`)
  } finally {
    if (report) {
      try {
        await core.summary.addRaw(renderTrendMarkdown(report) + (issueUrl ? `\n\nKept up to date in ${issueUrl}.\n` : '\n')).write()
      } catch (e) {
        core.warning(`could not write the job summary: ${errorMessage(e)}`)
      }
    }
  }
}
