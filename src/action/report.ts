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
import { readEnforcedSide, tryLoadPolicy, defaultResolvedPolicy } from '../github/evaluate.js'
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
    let window: { from: Date; to: Date }
    try {
      window = parseWindow({ since: s.trends.since }, new Date())
    } catch (e) {
      if (e instanceof ReportUsageError) throw new InputError(`input since: ${e.message.replace(/^--since:? /, '')}`)
      throw e
    }
    const repos = (
      s.trends.repositories.length || s.trends.org ? s.trends.repositories : [`${s.repository.owner}/${s.repository.repo}`]
    ).map((r) => {
      const [owner, repo] = r.split('/') as [string, string]
      return { owner, repo }
    })
    core.info(
      `pr-quality-gate: team trends of ${[...repos.map((r) => `${r.owner}/${r.repo}`), ...(s.trends.org ? [`the organization ${s.trends.org}`] : [])].join(', ')}, ${window.from.toISOString().slice(0, 10)} … ${window.to.toISOString().slice(0, 10)}`,
    )

    // The policy of this repository at the workflow's commit (the default branch on a schedule): its
    // report: section and fix SLAs. A broken policy is reported, and the default settings are used.
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
    const settings = loaded?.policy.report ?? defaultResolvedPolicy().report

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
      `pr-quality-gate: ${h.records.length} merged pull request(s) from ${h.repositories.length} repositor${h.repositories.length === 1 ? 'y' : 'ies'} in ${h.calls} GraphQL quer${h.calls === 1 ? 'y' : 'ies'}`,
    )
    let alerts: Parameters<typeof computeTrends>[0]['alerts']
    if (s.trends.alerts) {
      const { dependabotAlertsOf, slaOf } = await import('../trends/alerts-api.js')
      alerts = {
        ...(await dependabotAlertsOf(octokit, h.repositories)),
        sla: slaOf(loaded?.policy.rules as Record<string, unknown> | undefined),
      }
    }
    report = computeTrends({
      alerts,
      source: 'api',
      repository: h.repositories.join(', ') || s.trends.org,
      branch: '',
      from: window.from,
      to: window.to,
      records: h.records,
      skipped: 0,
      threshold: settings.size_threshold,
      evidence: { waivers: true, coverage: true },
      notes: [...h.notes, ...notes],
    })
    const check = checkTrends(report, settings)
    report.trendCheck = { enforced: s.trends.failOnTrend, ...check }

    const json = toTrendJson(report)
    mkdirSync(dirname(s.reportPath), { recursive: true })
    writeFileSync(s.reportPath, JSON.stringify(json, null, 2) + '\n')
    core.setOutput('report', s.reportPath)
    core.setOutput('merged-pull-requests', String(report.total.prs))
    core.setOutput('trend-breaches', String(check.breaches.length))
    core.setOutput('conclusion', check.breaches.length ? (s.trends.failOnTrend ? 'failure' : 'neutral') : 'success')

    if (s.trends.issue) {
      const marker = reportMarker(s.checkName)
      const body = issueBody(
        marker,
        renderTrendMarkdown(report),
        `the job summary of [the latest run](${s.runUrl ?? `${s.serverUrl}/${s.repository.owner}/${s.repository.repo}/actions`}) has the full report.`,
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
      issueUrl = issue.url
      core.setOutput('report-issue', String(issue.number))
      core.info(`trend report issue #${issue.number} ${issue.action}; pin: ${issue.pin}`)
      if (issue.pin.startsWith('not pinned')) core.notice(`The trend report issue #${issue.number} is ${issue.pin}`)
    }
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
