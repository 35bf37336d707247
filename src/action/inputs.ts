/**
 * The Action's settings: the ONLY module that reads inputs (core.getInput) and the runner's environment.
 * Everything else receives a Settings object.
 */
import { DEFAULT_CHECK_NAME, DEFAULT_POLICY_PATH } from '../policy/defaults.js'
import * as core from '@actions/core'
import { at, num, obj, type JsonObject } from '../json.js'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'

export interface Settings {
  token: string
  /** Token for `github:` extends (the org policy repository); undefined = `token`. */
  policyToken?: string
  apiUrl: string
  serverUrl: string
  repository: { owner: string; repo: string }
  eventName: string
  /** The event payload (GITHUB_EVENT_PATH), read field by field with src/json.ts. */
  event: JsonObject
  /** Policy path in the repository (read from the base branch). */
  policyPath: string
  checkName: string
  /** `failure`: exit 1 when the conclusion is failure; `never`: always exit 0. */
  failOn: 'failure' | 'never'
  comment: boolean
  /** Login used to recognise our own comments when the token cannot call GET /user. */
  commentAuthor: string
  /** Where report files (coverage, scanners) are looked for. */
  workspace: string
  reportPath: string
  pullNumber?: number
  runUrl?: string
  sha: string
  /** Per-request timeout for API calls (a hung answer is aborted and retried). */
  requestTimeoutMs: number
  /** workflow_run mode: the artifact of the triggering run holding the PR's evidence. */
  artifactName: string
  /**
   * `pull_request` (default): gate one PR. `release`: gate the range base-ref...head-ref (see src/release).
   * `report`: team trends (src/trends).
   */
  mode: 'pull_request' | 'release' | 'report'
  release: ReleaseSettings
  trends: TrendInputs
}

/** Report mode (`mode: report`): the window, the repositories, the issue, fail-on-trend. */
export interface TrendInputs {
  /** `90d`, `12w` or a date (YYYY-MM-DD). */
  since: string
  /** owner/name of each repository read; empty: the workflow's repository (unless `org`). */
  repositories: string[]
  org?: string
  failOnTrend: boolean
  /** Keep the pinned report issue (needs issues: write). */
  issue: boolean
  /** Read Dependabot alerts for the vulnerability fix SLA (needs security-events: read). */
  alerts: boolean
}

export interface ReleaseSettings {
  /** The deployed ref: a tag, a SHA, or `auto` (latest successful deployment to `environment`). */
  baseRef: string
  /** The candidate (default GITHUB_SHA). */
  headRef: string
  environment?: string
  /** Issue number that receives the sticky release report. */
  trackingIssue?: number
  /** Who publishes the gate results that count (input `gate-identity`, see src/release/gates.ts). */
  gateIdentity: string
}

export class InputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InputError'
  }
}

function choice<T extends string>(name: string, value: string, allowed: readonly T[], fallback: T): T {
  if (!value) return fallback
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new InputError(`input ${name}: expected one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`)
}

function bool(name: string, value: string, fallback: boolean): boolean {
  if (!value) return fallback
  if (/^(true|yes|on|1)$/i.test(value)) return true
  if (/^(false|no|off|0)$/i.test(value)) return false
  throw new InputError(`input ${name}: expected true or false, got ${JSON.stringify(value)}`)
}

function positiveSeconds(name: string, value: string, fallback: number): number {
  if (!value) return fallback
  const n = Number(value)
  if (!Number.isFinite(n) || n <= 0)
    throw new InputError(`input ${name}: expected a positive number of seconds, got ${JSON.stringify(value)}`)
  return n
}

/** The event payload at GITHUB_EVENT_PATH (empty when the path is not set). */
function readEvent(eventPath: string | undefined): JsonObject {
  if (!eventPath) return {}
  try {
    return obj(JSON.parse(readFileSync(eventPath, 'utf8'))) ?? {}
  } catch (e) {
    throw new InputError(`cannot read the event payload at GITHUB_EVENT_PATH (${eventPath}): ${e instanceof Error ? e.message : String(e)}`)
  }
}

/** Input pr-number, else the event's: pull_request*, pull_request_review*: the PR; issue_comment: the issue, when it is a pull request. */
function pullNumberOf(event: JsonObject): number | undefined {
  const prInput = core.getInput('pr-number')
  const pullNumber = prInput
    ? Number(prInput)
    : (num(at(event, 'pull_request', 'number')) ?? (at(event, 'issue', 'pull_request') ? num(at(event, 'issue', 'number')) : undefined))
  if (prInput && !(pullNumber !== undefined && Number.isInteger(pullNumber) && pullNumber > 0))
    throw new InputError(`input pr-number: expected a positive integer, got ${JSON.stringify(prInput)}`)
  return pullNumber
}

/** The release-mode inputs, checked when mode is release. */
function releaseSettings(mode: Settings['mode'], env: NodeJS.ProcessEnv): ReleaseSettings {
  const environment = core.getInput('environment') || undefined
  const baseRef = core.getInput('base-ref') || (mode === 'release' ? 'auto' : '')
  if (mode === 'release' && baseRef === 'auto' && !environment)
    throw new InputError(
      'input base-ref is auto (the default in release mode) but input environment is empty: ' +
        'name the environment whose latest successful deployment is the base, or pass base-ref (a tag or SHA)',
    )
  const trackingInput = core.getInput('tracking-issue')
  const trackingIssue = trackingInput ? Number(trackingInput) : undefined
  if (trackingInput && !(trackingIssue !== undefined && Number.isInteger(trackingIssue) && trackingIssue > 0))
    throw new InputError(`input tracking-issue: expected a positive integer, got ${JSON.stringify(trackingInput)}`)
  const headRef = core.getInput('head-ref') || env.GITHUB_SHA || ''
  if (mode === 'release' && !headRef) throw new InputError('input head-ref is empty and GITHUB_SHA is not set: name the candidate commit')
  return { baseRef, headRef, environment, trackingIssue, gateIdentity: core.getInput('gate-identity') || 'github-actions' }
}

/** Input repositories: owner/name entries separated by commas or whitespace. */
function repositoriesInput(): string[] {
  const repositories = core
    .getInput('repositories')
    .split(/[\s,]+/)
    .filter(Boolean)
  for (const r of repositories)
    if (!/^[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9._-]+$/.test(r))
      throw new InputError(`input repositories: expected owner/name entries, got ${JSON.stringify(r)}`)
  return repositories
}

function trendInputs(repositories: readonly string[]): TrendInputs {
  return {
    since: core.getInput('since') || '90d',
    repositories: repositories.map((r) => r.trim()).filter(Boolean),
    org: core.getInput('org') || undefined,
    failOnTrend: bool('fail-on-trend', core.getInput('fail-on-trend'), false),
    issue: bool('report-issue', core.getInput('report-issue'), true),
    alerts: bool('alerts', core.getInput('alerts'), false),
  }
}

export function getSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const token = core.getInput('token') || env.GITHUB_TOKEN || ''
  if (!token)
    throw new InputError('input token is empty: pass `token: ${{ github.token }}` (the default) or a token with the documented permissions')
  core.setSecret(token)
  const policyToken = core.getInput('policy-token') || undefined
  if (policyToken) core.setSecret(policyToken)
  const repoFull = env.GITHUB_REPOSITORY ?? ''
  const [owner, repo] = repoFull.split('/')
  if (!owner || !repo)
    throw new InputError(`GITHUB_REPOSITORY is not set to owner/repo (got ${JSON.stringify(repoFull)}): run inside GitHub Actions`)
  const event = readEvent(env.GITHUB_EVENT_PATH)
  const pullNumber = pullNumberOf(event)
  const workspace = core.getInput('workspace') || env.GITHUB_WORKSPACE || process.cwd()
  const serverUrl = env.GITHUB_SERVER_URL || 'https://github.com'
  const mode = choice('mode', core.getInput('mode'), ['pull_request', 'release', 'report'] as const, 'pull_request')
  const release = releaseSettings(mode, env)
  const repositories = repositoriesInput()
  const runUrl = env.GITHUB_RUN_ID ? `${serverUrl}/${repoFull}/actions/runs/${env.GITHUB_RUN_ID}` : undefined
  return {
    token,
    policyToken,
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    serverUrl,
    repository: { owner, repo },
    eventName: env.GITHUB_EVENT_NAME || '',
    event,
    policyPath: core.getInput('policy') || DEFAULT_POLICY_PATH,
    checkName: core.getInput('check-name') || DEFAULT_CHECK_NAME,
    failOn: choice('fail-on', core.getInput('fail-on'), ['failure', 'never'] as const, 'failure'),
    comment: bool('comment', core.getInput('comment'), true),
    commentAuthor: core.getInput('comment-author') || 'github-actions[bot]',
    workspace,
    reportPath: core.getInput('report-path') || join(env.RUNNER_TEMP || tmpdir(), 'pr-quality-gate', 'report.json'),
    pullNumber: typeof pullNumber === 'number' ? pullNumber : undefined,
    runUrl,
    sha: env.GITHUB_SHA || '',
    requestTimeoutMs: positiveSeconds('request-timeout', core.getInput('request-timeout'), 30) * 1000,
    artifactName: core.getInput('artifact-name') || 'pr-quality-gate-evidence',
    mode,
    release,
    trends: trendInputs(repositories),
  }
}
