/**
 * What the App does per event. It translates webhook payloads into the SAME pipelines as the Action:
 * `evaluatePullRequest` + `publishVerdict` for pull requests, `evaluateRelease` for deployment protection
 * rules. It decides nothing: the engine concludes; here the conclusion is only mapped to the callback's
 * `approved` / `rejected`.
 *
 * The App has no workspace: rules that read report files (coverage, scanner output) find none, exactly
 * like a policy without reports (see docs/app.md).
 */
import { DEFAULT_LABEL_PREFIX } from '../policy/schema.js'
import { deploymentDecision } from '../pipeline/decision.js'
import type { Evidence } from '../types.js'
import { at, list, num, obj, str, textOf, type JsonObject } from '../json.js'
import type { Octokit } from '../github/client.js'
import { describeApiError, statusOf } from '../github/client.js'
import { pullInfoFrom, type RepoRef } from '../github/source.js'
import { evaluatePullRequest } from '../github/evaluate.js'
import { APP_ACCESS_HINT, RemotePolicyCaches, RemotePolicyReader } from '../github/remote-policy.js'
import { publishVerdict } from '../github/publish-verdict.js'
import { createCheckRun } from '../github/publish.js'
import { errorMessage } from '../engine/run.js'
import { evaluateRelease } from '../release/evaluate.js'
import { releaseCheckRun, reviewComment } from '../report/release.js'
import { CHECK_TEXT_LIMIT } from '../report/markdown.js'
import type { AppConfig } from './config.js'
import type { AppAuth } from './auth.js'
import { PullRequestLocks, pullKey } from './pulls.js'

/** No workspace: no report files. */
export const NO_WORKSPACE: Evidence = { findReports: () => Promise.resolve([]) }

export interface HandlerDeps {
  config: AppConfig
  auth: AppAuth
  log: (m: string) => void
  warn: (m: string) => void
  /** Serialises evaluations per PR (one per process; a shared default when absent). */
  pulls?: PullRequestLocks
  /** Aborted when the server shuts down: a rate-limit wait gives up at once. */
  stopping?: AbortSignal
  /** Org policy files (`github:` extends) by installation and commit SHA, kept across deliveries. */
  orgPolicies?: RemotePolicyCaches
  /** The durable queue (REDIS_URL): serialises one PR's evaluations across replicas, inside the per-process lock. */
  exclusive?: <T>(key: string, fn: () => Promise<T>) => Promise<T>
  /** The durable queue: true once a newer delivery for this job's PR is queued (it will publish; this one must not). */
  superseded?: () => Promise<boolean>
  /**
   * The delivery being handled: its id becomes the check run's `external_id`. `resumed`: an earlier try of
   * it was started (the durable queue retries a job whose worker died or that threw), so its check run may
   * exist already and is looked up and completed rather than created again.
   */
  delivery?: { id: string; resumed: boolean }
}

let processOrgPolicies: RemotePolicyCaches | undefined
/** The reader of `github:` extends for one delivery: the installation's token, the installation's cache. */
export function orgPolicyReader(d: HandlerDeps, octokit: Octokit, installationId: number): RemotePolicyReader {
  const caches = d.orgPolicies ?? (processOrgPolicies ??= new RemotePolicyCaches())
  return new RemotePolicyReader(octokit, { cache: caches.forInstallation(installationId), accessHint: APP_ACCESS_HINT, log: d.log })
}

let processLocks: PullRequestLocks | undefined
const locksOf = (d: HandlerDeps): PullRequestLocks => d.pulls ?? (processLocks ??= new PullRequestLocks())

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

/** Publishing retries after a rate limit (each waits `retry-after`, at most MAX_RETRY_AFTER_S). */
export const PUBLISH_RETRIES = 3
export const MAX_RETRY_AFTER_S = 60
/** GitHub's advice when a secondary rate limit names no retry-after: wait at least a minute. */
const DEFAULT_RETRY_AFTER_S = 60

/**
 * Seconds GitHub asks to wait when `e` is a rate limit (403/429 with retry-after, a secondary rate limit
 * message, or the primary limit exhausted), else undefined.
 */
export function retryAfterOf(e: unknown, nowMs = Date.now()): number | undefined {
  const status = statusOf(e)
  if (status !== 403 && status !== 429) return undefined
  const headers = at(e, 'response', 'headers')
  const header = (name: string): string | undefined => {
    const v = at(headers, name)
    return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined
  }
  const after = Number(header('retry-after'))
  if (header('retry-after') !== undefined && Number.isFinite(after) && after >= 0) return after
  if (header('x-ratelimit-remaining') === '0') {
    const reset = Number(header('x-ratelimit-reset'))
    if (Number.isFinite(reset)) return Math.max(0, Math.ceil(reset - nowMs / 1000) + 1)
  }
  if (/secondary rate limit/i.test(errorMessage(e)) || status === 429) return DEFAULT_RETRY_AFTER_S
  return undefined
}

/** Records the longest retry-after of the rate-limited answers this client gets (the throttling plugin's own retries included). */
function watchRateLimits(octokit: Octokit): { take(): number | undefined } {
  let seen: number | undefined
  octokit.hook.error('request', (error: unknown) => {
    const after = retryAfterOf(error)
    if (after !== undefined) seen = Math.max(seen ?? 0, after)
    throw error
  })
  return {
    take() {
      const s = seen
      seen = undefined
      return s
    },
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false)
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
      resolve(ok)
    }
    const onAbort = () => {
      done(false)
    }
    const timer = setTimeout(() => {
      done(true)
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/**
 * Evaluates one PR and publishes the verdict, exactly like the Action (no report files, no run URL).
 *
 * One evaluation per PR at a time (`PullRequestLocks`); the PR (labels, body, head SHA) is read from the
 * API when the evaluation starts, never from the delivery's snapshot, which may be older than a delivery
 * already handled. `expectHead`: only evaluate while the head is still that SHA (re-runs of a check).
 *
 * The verdict must reach GitHub: when neither the check run nor the commit status could be written
 * because of a rate limit, publishing is tried again after `retry-after` (bounded); a verdict that is
 * finally not written throws, so the delivery counts as failed and its id is logged. A result is never
 * written once a later evaluation of the same PR has published.
 */
async function gatePullRequest(
  d: HandlerDeps,
  octokit: Octokit,
  installationId: number,
  repo: RepoRef,
  number: number,
  expectHead?: string,
): Promise<string> {
  // repoOf reads what the payload has: a delivery naming no repository is refused by name, not by a TypeError.
  if (typeof repo.owner !== 'string' || typeof repo.repo !== 'string' || !repo.owner || !repo.repo)
    throw new Error('the delivery names no repository (repository.owner.login and repository.name)')
  const locks = locksOf(d)
  const key = pullKey(installationId, repo.owner, repo.repo, number)
  const name = `${repo.owner}/${repo.repo}#${number}`
  const evaluate = async (seq: number): Promise<string> => {
    const { data } = await octokit.rest.pulls.get({ owner: repo.owner, repo: repo.repo, pull_number: number })
    if (data.state === 'closed') return `${name}: skipped, closed`
    const pr = pullInfoFrom(data)
    if (expectHead && pr.headSha !== expectHead) return `${name}: skipped, its head moved to ${pr.headSha.slice(0, 12)}`
    const remotePolicy = orgPolicyReader(d, octokit, installationId)
    const { verdict, policy, comments } = await evaluatePullRequest({
      octokit,
      repo,
      pr,
      policyPath: d.config.policyPath,
      evidence: NO_WORKSPACE,
      log: d.log,
      remotePolicy,
    })
    const limits = watchRateLimits(octokit)
    let comment = d.config.comment
    for (let attempt = 0; ; attempt++) {
      if (locks.isStale(key, seq)) return `${name}: not published, a later evaluation already was (head ${pr.headSha.slice(0, 12)})`
      if (await d.superseded?.())
        return (
          `${name}: not published, a later delivery for this pull request ` +
          `is queued and publishes instead (head ${pr.headSha.slice(0, 12)})`
        )
      limits.take()
      const published = await publishVerdict({
        octokit,
        repo,
        pr,
        verdict,
        comments,
        checkName: d.config.checkName,
        comment,
        commentMode: policy?.comment,
        commentAuthor: await d.auth.botLogin(),
        serverUrl: d.config.serverUrl,
        labelPrefix: policy?.waivers.label_prefix ?? DEFAULT_LABEL_PREFIX,
        log: d.log,
        warn: d.warn,
        // A publish retried after a rate limit may follow a check run created before a later write failed.
        checkRun: d.delivery
          ? { appId: Number(d.config.appId), externalId: d.delivery.id, lookup: d.delivery.resumed || attempt > 0 }
          : undefined,
      })
      const retryAfter = limits.take()
      if (published.commentId !== undefined) comment = false // written: not again on a retry
      const done = `${name}: ${verdict.conclusion} — ${verdict.title}`
      if (published.checkRunId !== undefined || published.usedStatus) {
        // The verdict is on GitHub (a sticky comment lost on the way has been warned about).
        locks.markPublished(key, seq)
        return attempt ? `${done} (published after ${attempt} rate-limit ${attempt === 1 ? 'retry' : 'retries'})` : done
      }
      const lost =
        `${name}: the verdict (${verdict.conclusion}) was not published, ` + `neither the check run nor the commit status could be written`
      if (retryAfter === undefined) throw new Error(lost)
      if (attempt >= PUBLISH_RETRIES) throw new Error(`${lost}: still rate limited after ${PUBLISH_RETRIES} retries`)
      const wait = Math.min(retryAfter, MAX_RETRY_AFTER_S)
      d.warn(`${name}: rate limited while publishing; retry ${attempt + 1} of ${PUBLISH_RETRIES} in ${wait}s`)
      if (!(await sleep(wait * 1000, d.stopping))) throw new Error(`${lost}: rate limited, and the server is shutting down`)
    }
  }
  const shared = d.exclusive
  return locks.exclusive(key, (seq) => (shared ? shared(key, () => evaluate(seq)) : evaluate(seq)))
}

export const PULL_REQUEST_ACTIONS = ['opened', 'synchronize', 'reopened', 'ready_for_review', 'labeled', 'unlabeled', 'edited'] as const
/** Reviews and comments can give (or take back) a `/gate waive` waiver: they re-evaluate the PR. */
export const REVIEW_ACTIONS = ['submitted', 'edited', 'dismissed'] as const
export const REVIEW_COMMENT_ACTIONS = ['created', 'edited', 'deleted'] as const
export const ISSUE_COMMENT_ACTIONS = ['created', 'edited', 'deleted'] as const

/** The PR a delivery is about: `pull_request.number`, or for `issue_comment` the issue when it is a PR. */
function pullNumberOf(event: string, payload: unknown): number | undefined {
  if (event === 'pull_request' || event === 'pull_request_review' || event === 'pull_request_review_comment')
    return num(at(payload, 'pull_request', 'number'))
  if (event === 'issue_comment' && at(payload, 'issue', 'pull_request') !== undefined) return num(at(payload, 'issue', 'number'))
  return undefined
}

/** The key that serialises deliveries of one PR (see PullRequestLocks), or undefined for another event. */
export function deliveryKey(event: string, payload: unknown): string | undefined {
  const installationId = at(payload, 'installation', 'id')
  // A review or comment that evaluates nothing must not be coalesced with (and so replace) one that does.
  if (event !== 'pull_request' && typeof reviewOrCommentTarget(event, payload) === 'string') return undefined
  const number = pullNumberOf(event, payload)
  const p = obj(payload)
  if (typeof installationId !== 'number' || typeof number !== 'number' || !p) return undefined
  const { owner, repo } = repoOf(p)
  if (!owner || !repo) return undefined
  return pullKey(installationId, owner, repo, number)
}

/** The PR is read again from the API when its evaluation starts: the payload only says which PR. */
export async function onPullRequest(d: HandlerDeps, payload: Payload): Promise<string> {
  const pr = payload.pull_request
  if (!pr || at(pr, 'state') === 'closed') return 'skipped: closed pull request'
  const number = num(at(pr, 'number'))
  if (number === undefined) throw new Error('the pull request data has no number')
  const repo = repoOf(payload)
  const installationId = installationOf(payload)
  const octokit = await d.auth.installationClient(installationId)
  return gatePullRequest(d, octokit, installationId, repo, number)
}

/** The PR a review or comment delivery re-evaluates, or why it re-evaluates none. */
function reviewOrCommentTarget(event: string, payload: unknown): { number: number } | string {
  const number = pullNumberOf(event, payload)
  if (number === undefined)
    return event === 'issue_comment' ? 'a comment on an issue, not a pull request' : 'the payload names no pull request'
  const item = event === 'pull_request_review' ? at(payload, 'review') : at(payload, 'comment')
  const author = at(item, 'user')
  if (str(at(author, 'type')) === 'Bot' || /\[bot\]$/.test(str(at(author, 'login')) ?? '')) return `${event} by a bot`
  const dismissed = event === 'pull_request_review' && at(payload, 'action') === 'dismissed'
  if (!dismissed && !carriesWaiver(at(item, 'body'), at(payload, 'changes', 'body', 'from')))
    return (
      `the ${event === 'issue_comment' ? 'comment' : event === 'pull_request_review' ? 'review' : 'review comment'} ` +
      `carries no /gate waive`
    )
  const state = event === 'issue_comment' ? at(payload, 'issue', 'state') : at(payload, 'pull_request', 'state')
  if (state === 'closed') return 'closed pull request'
  return { number }
}

/** A body (or the body before an edit) carrying `/gate waive`: the only comments that can change a verdict. */
function carriesWaiver(...bodies: unknown[]): boolean {
  return bodies.some((b) => typeof b === 'string' && /(^|\n)\s*(?:>\s*)*\/gate\s+waive\b/i.test(b))
}

/**
 * A review, a review comment or a conversation comment: re-evaluate the PR when it gives or takes back a
 * `/gate waive` (its text now, or before an edit; a dismissed review always, since it may have carried one).
 * Comments by bots are skipped (the gate's own sticky comment must not re-trigger the gate), as are comments
 * on issues that are not pull requests. The PR, its reviews and comments are read from the API, never from
 * the payload: the delivery only says which PR to look at.
 */
export async function onReviewOrComment(
  d: HandlerDeps,
  payload: Payload,
  event: 'pull_request_review' | 'pull_request_review_comment' | 'issue_comment',
): Promise<string> {
  const target = reviewOrCommentTarget(event, payload)
  if (typeof target === 'string') return `skipped: ${target}`
  const number = target.number
  const repo = repoOf(payload)
  const installationId = installationOf(payload)
  const octokit = await d.auth.installationClient(installationId)
  return gatePullRequest(d, octokit, installationId, repo, number)
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
  const id = at(suite, 'app', 'id')
  const appId = id === undefined ? undefined : textOf(id, 'null') // a number from GitHub; anything else is not ours
  if (appId !== undefined && appId !== d.config.appId) return `skipped: the check suite belongs to App ${appId}, not ${d.config.appId}`
  return rerunHead(d, payload, at(suite, 'head_sha'), at(suite, 'pull_requests'))
}

/** Evaluates again every open PR whose head is `sha`: those listed, else those the API associates with it. */
async function rerunHead(d: HandlerDeps, payload: Payload, sha: unknown, listed: unknown): Promise<string> {
  if (typeof sha !== 'string' || !/^[0-9a-f]{40}$/.test(sha)) return `skipped: no head SHA in the payload (${JSON.stringify(sha)})`
  const repo = repoOf(payload)
  const installationId = installationOf(payload)
  const octokit = await d.auth.installationClient(installationId)
  let numbers: number[] = list(listed)
    .map((p) => at(p, 'number'))
    .filter((n): n is number => typeof n === 'number')
  if (!numbers.length) {
    // Fork PRs are not listed on check runs and suites: find the open PRs of that head SHA.
    const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
      owner: repo.owner,
      repo: repo.repo,
      commit_sha: sha,
      per_page: 100,
    })
    numbers = data.filter((p) => p.state === 'open' && p.head.sha === sha).map((p) => p.number)
  }
  if (!numbers.length) return `skipped: no open pull request has head ${sha.slice(0, 12)}`
  const out: string[] = []
  for (const n of [...new Set(numbers)]) out.push(await gatePullRequest(d, octokit, installationId, repo, n, sha))
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
  const installationId = installationOf(payload)
  const octokit = await d.auth.installationClient(installationId)
  let state: 'approved' | 'rejected'
  let comment: string
  try {
    // Only this App's own gate results count: its check runs (by App id) and statuses by its bot.
    const gateIdentity = { apps: [{ id: Number(d.config.appId) }], statusCreators: [await d.auth.botLogin()] }
    const e = await evaluateRelease({
      octokit,
      repo,
      base: 'auto',
      head: sha,
      environment,
      excludeDeploymentId: num(deploymentId),
      checkName: d.config.checkName,
      gateIdentity,
      policyPath: d.config.policyPath,
      evidence: NO_WORKSPACE,
      remotePolicy: orgPolicyReader(d, octokit, installationId),
    })
    state = deploymentDecision(e.verdict)
    const links = { repoUrl: `${d.config.serverUrl}/${repo.owner}/${repo.repo}` }
    const check = await createCheckRun(
      octokit,
      repo,
      releaseCheckRun(e, { checkName: d.config.checkName, environment, links, limit: CHECK_TEXT_LIMIT }),
    )
    if (!check.ok) d.warn(check.message)
    comment = reviewComment(e.verdict, e.facts, check.ok ? check.value.url : undefined)
  } catch (err) {
    state = 'rejected'
    comment = `Rejected by pr-quality-gate: the release could not be evaluated (${errorMessage(err).slice(0, 800)}).`
  }
  try {
    await octokit.rest.actions.reviewCustomGatesForRun({
      owner: repo.owner,
      repo: repo.repo,
      run_id: runId,
      environment_name: environment,
      state,
      comment,
    })
  } catch (err) {
    throw new Error(describeApiError(`review deployment protection rule of run ${runId}`, err))
  }
  return `${repo.owner}/${repo.repo} deployment ${String(deploymentId)} to ${environment}: ${state}`
}
