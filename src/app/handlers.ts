/**
 * What the App does per event. It translates webhook payloads into the SAME pipelines as the Action:
 * `evaluatePullRequest` + `publishVerdict` for pull requests, `evaluateRelease` for deployment protection
 * rules. It decides nothing: the engine concludes; here the conclusion is only mapped to the callback's
 * `approved` / `rejected`.
 *
 * The App has no workspace: rules that read report files (coverage, scanner output) find none, exactly
 * like a policy without reports (see docs/app.md).
 */
import type { Evidence } from '../types.js'
import { at, list, num, str, type JsonObject } from '../json.js'
import type { Octokit } from '../github/client.js'
import { describeApiError } from '../github/client.js'
import { fetchPull, pullInfoFrom, type PullInfo, type RepoRef } from '../github/source.js'
import { evaluatePullRequest } from '../github/evaluate.js'
import { publishVerdict } from '../github/publish-verdict.js'
import { createCheckRun } from '../github/publish.js'
import { errorMessage } from '../engine/run.js'
import { evaluateRelease } from '../release/evaluate.js'
import { renderReleaseMarkdown, reviewComment } from '../release/report.js'
import { CHECK_TEXT_LIMIT } from '../report/markdown.js'
import type { AppConfig } from './config.js'
import type { AppAuth } from './auth.js'

/** No workspace: no report files. */
export const NO_WORKSPACE: Evidence = { findReports: async () => [] }

export interface HandlerDeps {
  config: AppConfig
  auth: AppAuth
  log: (m: string) => void
  warn: (m: string) => void
}

/** A webhook delivery's payload, read field by field (src/json.ts): nothing in it is trusted to have its documented type. */
type Payload = JsonObject

export function repoOf(payload: Payload): RepoRef {
  const r = payload.repository
  const fullName = (str(at(r, 'full_name')) ?? '').split('/')
  return { owner: str(at(r, 'owner', 'login')) ?? fullName[0], repo: str(at(r, 'name')) ?? fullName[1] }
}

function installationOf(payload: Payload): number {
  const id = at(payload, 'installation', 'id')
  if (typeof id !== 'number') throw new Error('the delivery carries no installation id: is it from this App?')
  return id
}

/** Evaluates one PR and publishes the verdict, exactly like the Action (no report files, no run URL). */
async function gatePullRequest(d: HandlerDeps, octokit: Octokit, repo: RepoRef, pr: PullInfo): Promise<string> {
  const { verdict, policy, comments } = await evaluatePullRequest({ octokit, repo, pr, policyPath: d.config.policyPath, evidence: NO_WORKSPACE, log: d.log })
  await publishVerdict({
    octokit,
    repo,
    pr,
    verdict,
    comments,
    checkName: d.config.checkName,
    comment: d.config.comment,
    commentAuthor: await d.auth.botLogin(),
    serverUrl: d.config.serverUrl,
    labelPrefix: policy?.waivers.label_prefix ?? 'gate-waive:',
    log: d.log,
    warn: d.warn,
  })
  return `${repo.owner}/${repo.repo}#${pr.number}: ${verdict.conclusion} — ${verdict.title}`
}

export const PULL_REQUEST_ACTIONS = ['opened', 'synchronize', 'reopened', 'ready_for_review', 'labeled', 'unlabeled', 'edited'] as const

export async function onPullRequest(d: HandlerDeps, payload: Payload): Promise<string> {
  const pr = payload.pull_request
  if (!pr || at(pr, 'state') === 'closed') return 'skipped: closed pull request'
  const repo = repoOf(payload)
  const octokit = await d.auth.installationClient(installationOf(payload))
  return gatePullRequest(d, octokit, repo, pullInfoFrom(pr))
}

/** "Re-run" on the check: evaluate again every open PR whose head is that SHA. */
export async function onCheckRunRerequested(d: HandlerDeps, payload: Payload): Promise<string> {
  const run = payload.check_run
  const name = at(run, 'name')
  if (!run || name !== d.config.checkName) return `skipped: check run ${JSON.stringify(name)} is not ${d.config.checkName}`
  return rerunHead(d, payload, at(run, 'head_sha'), at(run, 'pull_requests'))
}

/**
 * "Re-run all checks" on the App's check suite. GitHub sends `check_suite.rerequested` only to the App the
 * suite belongs to, so every suite it names is ours; a delivery for another App id is skipped anyway.
 */
export async function onCheckSuiteRerequested(d: HandlerDeps, payload: Payload): Promise<string> {
  const suite = payload.check_suite
  if (!suite) return 'skipped: the payload has no check_suite'
  const appId = at(suite, 'app', 'id')
  if (appId !== undefined && String(appId) !== d.config.appId) return `skipped: the check suite belongs to App ${String(appId)}, not ${d.config.appId}`
  return rerunHead(d, payload, at(suite, 'head_sha'), at(suite, 'pull_requests'))
}

/** Evaluates again every open PR whose head is `sha`: those listed, else those the API associates with it. */
async function rerunHead(d: HandlerDeps, payload: Payload, sha: unknown, listed: unknown): Promise<string> {
  if (typeof sha !== 'string' || !/^[0-9a-f]{40}$/.test(sha)) return `skipped: no head SHA in the payload (${JSON.stringify(sha)})`
  const repo = repoOf(payload)
  const octokit = await d.auth.installationClient(installationOf(payload))
  let numbers: number[] = list(listed)
    .map((p) => at(p, 'number'))
    .filter((n): n is number => typeof n === 'number')
  if (!numbers.length) {
    // Fork PRs are not listed on check runs and suites: find the open PRs of that head SHA.
    const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ owner: repo.owner, repo: repo.repo, commit_sha: sha, per_page: 100 })
    numbers = data.filter((p) => p.state === 'open' && p.head.sha === sha).map((p) => p.number)
  }
  if (!numbers.length) return `skipped: no open pull request has head ${sha.slice(0, 12)}`
  const out: string[] = []
  for (const n of [...new Set(numbers)]) {
    const pr = await fetchPull(octokit, repo, n)
    if (pr.headSha !== sha) {
      out.push(`#${n}: skipped, its head moved to ${pr.headSha.slice(0, 12)}`)
      continue
    }
    out.push(await gatePullRequest(d, octokit, repo, pr))
  }
  return out.join('; ')
}

/** The run id in `…/actions/runs/{run_id}/deployment_protection_rule`. */
export function runIdFromCallback(url: string | undefined): number | undefined {
  const m = /\/actions\/runs\/(\d+)\/deployment_protection_rule\/?$/.exec(url ?? '')
  return m ? Number(m[1]) : undefined
}

/**
 * A deployment waits for this App: evaluate the release (the deployment's SHA against the environment's
 * last successful deployment) and approve or reject it. An evaluation that cannot complete rejects (fails
 * closed) with the reason. The review goes to the callback's run through the configured API URL (the
 * installation token is never sent to a URL taken from the payload).
 */
export async function onDeploymentProtectionRule(d: HandlerDeps, payload: Payload): Promise<string> {
  const environment = str(payload.environment)
  const deployment = payload.deployment
  const sha = str(at(deployment, 'sha'))
  const deploymentId = at(deployment, 'id')
  const runId = runIdFromCallback(str(payload.deployment_callback_url))
  if (!environment || !sha || !runId) return 'skipped: the payload lacks environment, deployment.sha or a deployment_callback_url'
  const repo = repoOf(payload)
  const octokit = await d.auth.installationClient(installationOf(payload))
  let state: 'approved' | 'rejected'
  let comment: string
  try {
    // Only this App's own gate results count: its check runs (by App id) and statuses by its bot.
    const gateIdentity = { apps: [{ id: Number(d.config.appId) }], statusCreators: [await d.auth.botLogin()] }
    const e = await evaluateRelease({ octokit, repo, base: 'auto', head: sha, environment, excludeDeploymentId: num(deploymentId), checkName: d.config.checkName, gateIdentity, policyPath: d.config.policyPath, evidence: NO_WORKSPACE })
    state = e.verdict.conclusion === 'failure' ? 'rejected' : 'approved'
    const links = { repoUrl: `${d.config.serverUrl}/${repo.owner}/${repo.repo}` }
    const check = await createCheckRun(octokit, repo, {
      name: `${d.config.checkName} / release ${environment}`,
      headSha: e.facts.head.sha,
      conclusion: e.verdict.conclusion,
      output: { title: e.verdict.title.slice(0, 255), summary: renderReleaseMarkdown(e, links, { limit: CHECK_TEXT_LIMIT }), text: '' },
      annotations: [],
    })
    if (!check.ok) d.warn(check.message)
    comment = reviewComment(e.verdict, e.facts, check.ok ? check.value.url : undefined)
  } catch (err) {
    state = 'rejected'
    comment = `Rejected by pr-quality-gate: the release could not be evaluated (${errorMessage(err).slice(0, 800)}).`
  }
  try {
    await octokit.rest.actions.reviewCustomGatesForRun({ owner: repo.owner, repo: repo.repo, run_id: runId, environment_name: environment, state, comment })
  } catch (err) {
    throw new Error(describeApiError(`review deployment protection rule of run ${runId}`, err))
  }
  return `${repo.owner}/${repo.repo} deployment ${String(deploymentId)} to ${environment}: ${state}`
}
