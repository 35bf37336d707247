/**
 * The Action in release mode (`mode: release`): evaluates the range base-ref...head-ref (src/release) and
 * publishes the release report: job summary, outputs (`conclusion`, `failed-rules`, `report`,
 * `base-sha`, `head-sha`, `pull-requests`), an optional sticky comment on a tracking issue, and the exit
 * code (a deploy job that `needs:` this one does not run when the release fails). It decides nothing.
 */
import { failsJob } from '../pipeline/decision.js'
import * as core from '@actions/core'
import type { Settings } from './inputs.js'
import { writeOutputs } from './outputs.js'
import { createClient } from '../github/client.js'
import { upsertStickyComment } from '../github/publish.js'
import { workspaceEvidence } from '../evidence/workspace.js'
import { errorMessage } from '../engine/run.js'
import { evaluateRelease, type ReleaseEvaluation } from '../release/evaluate.js'
import { parseGateIdentity } from '../release/gates.js'
import { actionRemotePolicy } from './remote-policy.js'
import { releaseMarker, renderReleaseComment, renderReleaseMarkdown, toReleaseJson } from '../report/release.js'

export async function runRelease(s: Settings): Promise<void> {
  let evaluation: ReleaseEvaluation | undefined
  const links = { repoUrl: `${s.serverUrl}/${s.repository.owner}/${s.repository.repo}`, runUrl: s.runUrl }
  try {
    const octokit = createClient({
      token: s.token,
      baseUrl: s.apiUrl,
      log: (m) => {
        core.info(m)
      },
    })
    const r = s.release
    core.info(
      `pr-quality-gate: release ${r.baseRef}${r.environment ? ` (${r.environment})` : ''}…${r.headRef} ` +
        `of ${s.repository.owner}/${s.repository.repo}`,
    )
    evaluation = await evaluateRelease({
      octokit,
      repo: s.repository,
      base: r.baseRef,
      head: r.headRef,
      environment: r.environment,
      checkName: s.checkName,
      gateIdentity: parseGateIdentity(r.gateIdentity),
      policyPath: s.policyPath,
      evidence: workspaceEvidence(s.workspace),
      remotePolicy: actionRemotePolicy(s, octokit),
    })
    const v = evaluation.verdict
    if (r.trackingIssue) {
      const c = await upsertStickyComment(
        octokit,
        s.repository,
        r.trackingIssue,
        releaseMarker(s.checkName, r.environment),
        renderReleaseComment(evaluation, links, releaseMarker(s.checkName, r.environment)),
        s.commentAuthor,
      )
      if (c.ok) core.info(`release report ${c.value.action} on issue #${r.trackingIssue}`)
      else core.warning(c.message)
    }
    writeOutputs(s.reportPath, v, toReleaseJson(evaluation))
    core.setOutput('base-sha', evaluation.facts.base.sha ?? '')
    core.setOutput('head-sha', evaluation.facts.head.sha)
    core.setOutput('pull-requests', evaluation.facts.pulls.map((p) => p.number).join(','))
    core.info(`pr-quality-gate: release ${v.conclusion} — ${v.title}`)
    if (failsJob(v, s.failOn)) core.setFailed(`release gate failed: ${v.title}`)
  } catch (e) {
    core.setOutput('conclusion', 'failure')
    core.setFailed(`pr-quality-gate could not evaluate the release: ${errorMessage(e)}`)
  } finally {
    if (evaluation) {
      try {
        await core.summary.addRaw(renderReleaseMarkdown(evaluation, links)).write()
      } catch (e) {
        core.warning(`could not write the job summary: ${errorMessage(e)}`)
      }
    }
  }
}
