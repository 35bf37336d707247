/**
 * The Action: translate the runner's inputs into one evaluation and publish the verdict to every surface.
 * It decides nothing itself: the engine concludes; this module only reports and sets the exit code.
 */
import { failsJob } from '../pipeline/decision.js'
import { DEFAULT_LABEL_PREFIX } from '../policy/schema.js'
import * as core from '@actions/core'
import { getSettings, InputError, type Settings } from './inputs.js'
import { actionClient, payloadPull, type EarlyListing, type HeadStart } from './head-start.js'
import { writeOutputs } from './outputs.js'
import type { Octokit } from '../github/client.js'
import { describeApiError } from '../errors.js'
import { fetchPull, type PullInfo } from '../github/source.js'
import { evaluatePullRequest } from '../github/evaluate.js'
import { actionRemotePolicy } from './remote-policy.js'
import type { Evidence, Note } from '../types.js'
import { publishVerdict, type PublishResult } from '../github/publish-verdict.js'
import { workspaceEvidence } from '../evidence/workspace.js'
import { renderJobSummary } from '../report/markdown.js'
import { toJsonReport } from '../report/json-report.js'
import { errorMessage } from '../engine/run.js'
import type { Verdict } from '../types.js'
import { logVerdict } from './log.js'

export const FORK_RECIPE =
  'This pull request comes from a fork, so the workflow token is read-only and the gate could not write its comment or ' +
  'check run. The verdict is in the job summary, the outputs and the exit code. To publish it, ' +
  'use the two-workflow recipe in the README ("Fork pull requests": pull_request_target for the API-only rules, ' +
  'or a workflow_run job that publishes).'

async function resolvePull(octokit: Octokit, s: Settings): Promise<PullInfo> {
  const fromPayload = payloadPull(s)
  if (fromPayload) return fromPayload
  if (!s.pullNumber) {
    throw new InputError(
      `nothing to evaluate: event ${JSON.stringify(s.eventName)} carries no pull request; run on pull_request, or pass input pr-number`,
    )
  }
  try {
    return await fetchPull(octokit, s.repository, s.pullNumber)
  } catch (e) {
    throw new Error(describeApiError(`reading pull request #${s.pullNumber}`, e))
  }
}

/** What the job summary in `finally` needs, filled in as the run gets that far. */
interface RunState {
  verdict?: Verdict
  /** The enforced policy's waiver label prefix (the job summary tells how to waive with it). */
  labelPrefix: string
  published?: PublishResult
}

/** The pull request and its evidence: from the PR's own artifact on workflow_run, else the workspace. */
async function pullAndEvidence(
  octokit: Octokit,
  s: Settings,
  early: EarlyListing | undefined,
): Promise<{ pr: PullInfo; evidence: Evidence; notes: Note[] }> {
  const notes: Note[] = []
  if (early) return { pr: early.pr, evidence: workspaceEvidence(s.workspace), notes }
  if (s.eventName !== 'workflow_run') return { pr: await resolvePull(octokit, s), evidence: workspaceEvidence(s.workspace), notes }
  // Loaded only for the fork recipe's second workflow (its unzip is not needed on a pull_request run).
  const { loadRunEvidence } = await import('./workflow-run.js')
  const run = await loadRunEvidence(octokit, s.repository, s.event, s.artifactName)
  const pr = run.pr
  notes.push({
    level: 'warning',
    message:
      `Evidence from the PR's own workflow: ${run.files.length} file(s) ` +
      `of artifact ${run.artifactName} (run ${run.runId}), built by the PR's code. ` +
      `It was checked to belong to PR #${pr.number} at ${pr.headSha.slice(0, 12)}; the verdict is recomputed here from the API.`,
  })
  return { pr, evidence: workspaceEvidence(run.dir, 'pr-artifact'), notes }
}

/** Evaluate one pull request and publish its verdict; `state` records how far it got. */
async function gatePullRequest(s: Settings, state: RunState, early: EarlyListing | undefined): Promise<void> {
  const log = (m: string) => {
    core.info(m)
  }
  const octokit = early?.octokit ?? actionClient(s)
  const { pr, evidence, notes } = await pullAndEvidence(octokit, s, early)
  core.info(
    `pr-quality-gate: evaluating ${s.repository.owner}/${s.repository.repo}#${pr.number} ` +
      `at ${pr.headSha.slice(0, 12)} (base ${pr.baseSha.slice(0, 12)})`,
  )
  const remotePolicy = actionRemotePolicy(s, octokit)
  const {
    verdict: v,
    policy,
    comments,
  } = await evaluatePullRequest({
    octokit,
    repo: s.repository,
    pr,
    policyPath: s.policyPath,
    evidence,
    notes,
    log,
    remotePolicy,
    files: early?.files,
  })
  state.verdict = v
  state.labelPrefix = policy?.waivers.label_prefix ?? state.labelPrefix
  logVerdict(v, core, { baseRef: pr.baseRef, headRef: pr.headRef })
  const published = await publishVerdict({
    octokit,
    repo: s.repository,
    pr,
    verdict: v,
    comments,
    checkName: s.checkName,
    comment: s.comment,
    commentMode: policy?.comment,
    commentAuthor: s.commentAuthor,
    token: s.token,
    serverUrl: s.serverUrl,
    runUrl: s.runUrl,
    labelPrefix: state.labelPrefix,
    log,
    warn: (m) => {
      core.warning(m)
    },
  })
  state.published = published
  if (published.readOnly) core.warning(FORK_RECIPE)
  writeOutputs(s.reportPath, v, toJsonReport(v))
  core.info(`pr-quality-gate: ${v.conclusion} — ${v.title}`)
  if (failsJob(v, s.failOn)) core.setFailed(`quality gate failed: ${v.title}`)
}

/** The job summary of a verdict; a summary that cannot be written is a warning. */
async function writeJobSummary(verdict: Verdict, settings: Settings, state: RunState): Promise<void> {
  try {
    await core.summary
      .addRaw(
        renderJobSummary(verdict, {
          labelPrefix: state.labelPrefix,
          links: {
            repoUrl: `${settings.serverUrl}/${settings.repository.owner}/${settings.repository.repo}`,
            checkUrl: state.published?.checkUrl,
            runUrl: settings.runUrl,
          },
        }),
      )
      .write()
  } catch (e) {
    core.warning(`could not write the job summary: ${errorMessage(e)}`)
  }
}

/** The Action's run; `head` is what `headStart` began (src/main.ts), else the settings are read here. */
export async function run(head?: HeadStart): Promise<void> {
  const state: RunState = { labelPrefix: DEFAULT_LABEL_PREFIX }
  let settings: Settings | undefined
  try {
    if (head && !head.ok) throw head.error
    settings = head ? head.settings : getSettings()
    const s = settings
    // Release mode is loaded only when the step asks for it (issue 15 item 5): a PR run never evaluates it.
    if (s.mode === 'release') {
      await (await import('./release.js')).runRelease(s)
      return
    }
    // Report mode (issue 21): team trends over merged pull requests, no pull request evaluated.
    if (s.mode === 'report') {
      await (await import('./report.js')).runReport(s)
      return
    }
    await gatePullRequest(s, state, head?.ok ? head.early : undefined)
  } catch (e) {
    // Never a stack trace, never a silent green: one line naming what failed.
    const message = errorMessage(e)
    core.setOutput('conclusion', 'failure')
    const what = settings?.mode === 'release' ? 'the release' : 'the pull request'
    core.setFailed(`pr-quality-gate could not evaluate ${what}: ${message}`)
  } finally {
    if (state.verdict && settings) await writeJobSummary(state.verdict, settings, state)
  }
}
