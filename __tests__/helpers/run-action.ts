/**
 * Runs the built Action (`node dist/index.js`) the way the GitHub Actions runner does: the runner's
 * environment variables, INPUT_<NAME> for each input, an event payload file, GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files; GITHUB_API_URL points at a fake GitHub (`github-server.ts`).
 *
 * `pullRequestEvent()` builds a `pull_request` payload from GitHub's REAL example payload
 * (`@octokit/webhooks-examples`), patched to match a PR seeded in the fake.
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FakeGitHub, PullRecord } from './github-server.js'

/** Repository root (this file lives in `__tests__/helpers/`). */
/** The repository root: the nearest folder up from this module that holds package.json and dist/ (this
 * module also runs compiled, from bench/.build/, for the benchmark). */
export const REPO_ROOT = ((): string => {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'node_modules'))) return dir + sep
    const up = dirname(dir)
    if (up === dir) return process.cwd() + sep
    dir = up
  }
})()
const EXAMPLES_FILE = join(REPO_ROOT, 'node_modules/@octokit/webhooks-examples/api.github.com/index.json')

export type WebhookPayload = Record<string, unknown>

export interface RunActionOptions {
  server: FakeGitHub
  /** The webhook payload written to GITHUB_EVENT_PATH. */
  event: WebhookPayload
  /** Default `pull_request`. */
  eventName?: string
  /** Action inputs by their action.yml name (e.g. `github-token`, `policy`). */
  inputs?: Record<string, string | number | boolean>
  /** Checkout directory (GITHUB_WORKSPACE and the child's cwd); default: a fresh temp dir. */
  workspace?: string
  /** Extra or overriding environment variables. */
  env?: Record<string, string>
  /** Kill the child after this many ms (default 60 000). */
  timeoutMs?: number
  /** Entry point, relative to the repo root or absolute (default `dist/index.js`). */
  entry?: string
}

/** A workflow command the action printed (`::error file=a.ts,line=3::message`). */
export interface WorkflowCommand {
  command: string
  properties: Record<string, string>
  message: string
}

export interface RunActionResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  /** Parsed from GITHUB_OUTPUT (`name<<delimiter` blocks and `name=value` lines). */
  outputs: Record<string, string>
  /** Contents of GITHUB_STEP_SUMMARY. */
  summary: string
  /** `::command::` lines from stdout (errors, warnings, notices, debug, ...). */
  commands: WorkflowCommand[]
  workspace: string
  eventPath: string
  /** The environment the child ran with. */
  env: Record<string, string>
}

/** INPUT_<NAME> as @actions/core reads it: upper-case, spaces → `_`, hyphens kept. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/** Parses the GITHUB_OUTPUT / GITHUB_ENV file format. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name = '', delimiter = ''] = heredoc
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!)
      out[name] = value.join('\n')
      continue
    }
    const eq = line.indexOf('=')
    if (eq > 0) out[line.slice(0, eq)] = line.slice(eq + 1)
  }
  return out
}

/** Parses `::name k=v,k2=v2::message` lines (with the runner's %-escapes). */
export function parseWorkflowCommands(stdout: string): WorkflowCommand[] {
  const unescape = (s: string): string =>
    s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%')
  const out: WorkflowCommand[] = []
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^::([A-Za-z-]+)(?: ([^:]*))?::(.*)$/.exec(line)
    if (!m) continue
    const properties: Record<string, string> = {}
    for (const kv of (m[2] ?? '').split(',')) {
      const eq = kv.indexOf('=')
      if (eq > 0) properties[kv.slice(0, eq)] = unescape(kv.slice(eq + 1))
    }
    out.push({ command: m[1]!, properties, message: unescape(m[3] ?? '') })
  }
  return out
}

function get(obj: unknown, ...path: string[]): unknown {
  let cur = obj
  for (const k of path) {
    if (typeof cur !== 'object' || cur === null) return undefined
    cur = (cur as Record<string, unknown>)[k]
  }
  return cur
}

/** The merge commit the runner checks out for a pull_request event (deterministic, != head sha). */
function mergeSha(headSha: string, baseSha: string): string {
  return createHash('sha1').update(`merge:${headSha}:${baseSha}`).digest('hex')
}

/** Spawns the action and resolves when it exits. */
export async function runAction(opts: RunActionOptions): Promise<RunActionResult> {
  const eventName = opts.eventName ?? 'pull_request'
  const tmp = mkdtempSync(join(tmpdir(), 'pr-gate-run-'))
  const workspace = opts.workspace ?? mkdtempSync(join(tmpdir(), 'pr-gate-ws-'))
  const eventPath = join(tmp, 'event.json')
  const outputPath = join(tmp, 'github_output')
  const summaryPath = join(tmp, 'step_summary.md')
  const envFile = join(tmp, 'github_env')
  const pathFile = join(tmp, 'github_path')
  const stateFile = join(tmp, 'github_state')
  for (const f of [outputPath, summaryPath, envFile, pathFile, stateFile]) writeFileSync(f, '')
  writeFileSync(eventPath, JSON.stringify(opts.event, null, 2))

  const event = opts.event
  const repoFullName =
    (get(event, 'repository', 'full_name') as string | undefined) ??
    opts.server.state.repos.values().next().value?.fullName ??
    'acme/service'
  const pr = get(event, 'pull_request')
  const headSha = get(pr, 'head', 'sha') as string | undefined
  const baseSha = get(pr, 'base', 'sha') as string | undefined
  const headRef = get(pr, 'head', 'ref') as string | undefined
  const baseRef = get(pr, 'base', 'ref') as string | undefined
  const number = get(pr, 'number') as number | undefined

  // What the runner sets GITHUB_SHA / GITHUB_REF to, per event.
  let sha = (get(event, 'after') as string | undefined) ?? (get(event, 'deployment', 'sha') as string | undefined) ?? '0'.repeat(40)
  let ref = (get(event, 'ref') as string | undefined) ?? `refs/heads/${String(get(event, 'repository', 'default_branch') ?? 'main')}`
  if (pr && (eventName === 'pull_request' || eventName === 'pull_request_review')) {
    sha = mergeSha(headSha ?? '', baseSha ?? '')
    ref = `refs/pull/${number}/merge`
  } else if (pr && eventName === 'pull_request_target') {
    sha = baseSha ?? sha
    ref = `refs/heads/${baseRef}`
  }
  const sender = (get(event, 'sender', 'login') as string | undefined) ?? 'octocat'

  // Start from the test process's environment minus anything a real runner would set differently.
  const base: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || /^(GITHUB_|INPUT_|RUNNER_|ACTIONS_|NODE_OPTIONS$|JEST_|CI$)/.test(k)) continue
    base[k] = v
  }
  const env: Record<string, string> = {
    ...base,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: repoFullName,
    GITHUB_REPOSITORY_OWNER: repoFullName.split('/')[0] ?? '',
    GITHUB_API_URL: opts.server.url,
    GITHUB_GRAPHQL_URL: `${opts.server.url}/graphql`,
    GITHUB_SERVER_URL: opts.server.htmlUrl,
    GITHUB_SHA: sha,
    GITHUB_REF: ref,
    GITHUB_REF_NAME: ref.replace(/^refs\/(heads|tags|pull)\//, ''),
    GITHUB_REF_TYPE: 'branch',
    GITHUB_HEAD_REF: pr ? (headRef ?? '') : '',
    GITHUB_BASE_REF: pr ? (baseRef ?? '') : '',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_ENV: envFile,
    GITHUB_PATH: pathFile,
    GITHUB_STATE: stateFile,
    GITHUB_RUN_ID: '1234567890',
    GITHUB_RUN_NUMBER: '42',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'gate',
    GITHUB_WORKFLOW: 'Quality gate',
    GITHUB_WORKFLOW_REF: `${repoFullName}/.github/workflows/gate.yml@${ref}`,
    GITHUB_ACTION: '__pr-quality-gate',
    GITHUB_ACTOR: sender,
    GITHUB_TRIGGERING_ACTOR: sender,
    GITHUB_RETENTION_DAYS: '90',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'GitHub Actions 1',
    RUNNER_ENVIRONMENT: 'github-hosted',
    RUNNER_TEMP: tmp,
    RUNNER_TOOL_CACHE: join(tmp, 'toolcache'),
  }
  for (const [name, value] of Object.entries(opts.inputs ?? {})) env[inputEnvName(name)] = String(value)
  Object.assign(env, opts.env ?? {})

  const entry = resolve(REPO_ROOT, opts.entry ?? 'dist/index.js')
  if (!existsSync(entry)) throw new Error(`runAction: ${entry} does not exist (run the build first)`)

  const child = spawn(process.execPath, [entry], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  const timer = setTimeout(() => {
    stderr += `\n[runAction] killed after ${opts.timeoutMs ?? 60_000} ms\n`
    child.kill('SIGKILL')
  }, opts.timeoutMs ?? 60_000)
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (c, s) => resolve([c, s]))
  }).finally(() => clearTimeout(timer))

  return {
    code,
    signal,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputPath, 'utf8')),
    summary: readFileSync(summaryPath, 'utf8'),
    commands: parseWorkflowCommands(stdout),
    workspace,
    eventPath,
    env,
  }
}

/* ───────────────────────────── events from GitHub's real example payloads ───────────────────────────── */

interface WebhookExamples {
  name: string
  examples: Array<Record<string, unknown> & { action?: string }>
}

let examplesCache: WebhookExamples[] | undefined
function examples(): WebhookExamples[] {
  examplesCache ??= JSON.parse(readFileSync(EXAMPLES_FILE, 'utf8')) as WebhookExamples[]
  return examplesCache
}

/** A deep copy of the first real example of `event` with that `action` (from @octokit/webhooks-examples). */
export function exampleEvent(event: string, action?: string): WebhookPayload {
  const group = examples().find((e) => e.name === event)
  const ex = group?.examples.find((x) => action === undefined || x.action === action)
  if (!ex) throw new Error(`no @octokit/webhooks-examples payload for ${event}${action ? `.${action}` : ''}`)
  return structuredClone(ex)
}

/**
 * A `pull_request` webhook payload for a PR seeded with `server.addPullRequest` (pass the returned record):
 * GitHub's real `opened` / `synchronize` / ... example, with repository, number, refs, shas, user, labels,
 * title, body, draft and counts patched to match. URLs point at the fake when `server` is given.
 */
export function pullRequestEvent(pr: PullRecord, action = 'opened', server?: FakeGitHub): WebhookPayload {
  const payload = exampleEvent('pull_request', action)
  const [owner = '', name = ''] = pr.repo.split('/')
  const [headOwner = owner, headName = name] = pr.head.repoFullName.split('/')
  const api = server?.url ?? 'https://api.github.com'
  const html = server?.htmlUrl ?? 'https://github.com'
  const repoRec = server?.state.repos.get(pr.repo.toLowerCase())

  const patchUser = (u: unknown, login: string, type = login.endsWith('[bot]') ? 'Bot' : 'User'): void => {
    if (typeof u !== 'object' || u === null) return
    Object.assign(u, { login, type, url: `${api}/users/${login}`, html_url: `${html}/${login}` })
  }
  const patchRepo = (r: unknown, o: string, n: string, fork: boolean): void => {
    if (typeof r !== 'object' || r === null) return
    Object.assign(r, {
      name: n,
      full_name: `${o}/${n}`,
      fork,
      url: `${api}/repos/${o}/${n}`,
      html_url: `${html}/${o}/${n}`,
      ...(repoRec && !fork ? { default_branch: repoRec.defaultBranch, private: repoRec.private, id: repoRec.id } : {}),
    })
    patchUser((r as Record<string, unknown>).owner, o, repoRec?.ownerType === 'Organization' && !fork ? 'Organization' : 'User')
  }

  patchRepo(payload.repository, owner, name, false)
  payload.number = pr.number
  payload.action = action
  patchUser(payload.sender, pr.user, pr.userType)
  if (action === 'synchronize') {
    payload.before = pr.base.sha
    payload.after = pr.head.sha
  }
  const p = payload.pull_request as Record<string, unknown>
  const isFork = pr.head.repoFullName.toLowerCase() !== pr.repo.toLowerCase()
  Object.assign(p, {
    number: pr.number,
    id: pr.id,
    title: pr.title,
    body: pr.body,
    draft: pr.draft,
    state: pr.state,
    url: `${api}/repos/${pr.repo}/pulls/${pr.number}`,
    html_url: `${html}/${pr.repo}/pull/${pr.number}`,
    issue_url: `${api}/repos/${pr.repo}/issues/${pr.number}`,
    comments_url: `${api}/repos/${pr.repo}/issues/${pr.number}/comments`,
    statuses_url: `${api}/repos/${pr.repo}/statuses/${pr.head.sha}`,
    author_association: pr.authorAssociation,
    labels: (server?.labelsOn(pr.number, pr.repo) ?? []).map((l, i) => ({
      id: 1000 + i,
      node_id: `LA_${i}`,
      url: `${api}/repos/${pr.repo}/labels/${encodeURIComponent(l)}`,
      name: l,
      color: 'ededed',
      default: false,
      description: null,
    })),
    commits: pr.commits.length,
    additions: pr.files.reduce((n, f) => n + f.additions, 0),
    deletions: pr.files.reduce((n, f) => n + f.deletions, 0),
    changed_files: pr.files.length,
    merged: false,
    merge_commit_sha: null,
  })
  patchUser(p.user, pr.user, pr.userType)
  const head = p.head as Record<string, unknown>
  const base = p.base as Record<string, unknown>
  Object.assign(head, { ref: pr.head.ref, sha: pr.head.sha, label: `${headOwner}:${pr.head.ref}` })
  Object.assign(base, { ref: pr.base.ref, sha: pr.base.sha, label: `${owner}:${pr.base.ref}` })
  patchUser(head.user, headOwner)
  patchUser(base.user, owner, repoRec?.ownerType === 'Organization' ? 'Organization' : 'User')
  patchRepo(head.repo, headOwner, headName, isFork)
  patchRepo(base.repo, owner, name, false)
  return payload
}
