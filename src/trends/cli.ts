/**
 * `pr-gate report`: team trends over a window of merged pull requests (see docs/report.md).
 */
import { parseArgs } from 'node:util'
import { git, GitError } from '../change/git.js'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { computeTrends, type ComputeInput } from './compute.js'
import { checkTrends } from './fail.js'
import { defaultResolvedPolicy } from '../pipeline/policy.js'
import { DEFAULT_POLICY_PATH } from '../policy/schema.js'
import { PolicyError, formatIssue, loadPolicy, type LoadedPolicy } from '../policy/load.js'
import { AlertsError, parseDependabotAlerts } from './sla.js'
import { localHistory, type LocalHistory } from './local.js'
import { renderTrendCsv, renderTrendMarkdown, renderTrendText, toTrendJson } from './render.js'

export class ReportUsageError extends Error {}

const FORMATS = ['text', 'json', 'csv', 'markdown']
const DAY = 86_400_000

/** A date (YYYY-MM-DD, start of the day UTC, or end of it with `endOfDay`) or an ISO 8601 timestamp. */
export function parseDate(v: string, what: string, endOfDay = false): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
    const t = Date.parse(`${v}T00:00:00Z`)
    if (!Number.isNaN(t)) return new Date(endOfDay ? t + DAY - 1 : t)
  } else if (/^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v))) return new Date(Date.parse(v))
  throw new ReportUsageError(`${what}: expected a date (YYYY-MM-DD) or an ISO 8601 time, got ${JSON.stringify(v)}`)
}

/** The window: `--since 90d|12w|DATE`, or `--from DATE [--to DATE]`; default the last 90 days. */
export function parseWindow(v: { since?: string; from?: string; to?: string }, now: Date): { from: Date; to: Date } {
  if (v.since !== undefined && v.from !== undefined) throw new ReportUsageError('give either --since or --from, not both')
  const to = v.to !== undefined ? parseDate(v.to, '--to', true) : now
  let from: Date
  if (v.from !== undefined) from = parseDate(v.from, '--from')
  else {
    const since = v.since ?? '90d'
    const m = /^(\d+)([dw])$/.exec(since)
    if (m) {
      const days = Number(m[1]) * (m[2] === 'w' ? 7 : 1)
      if (days < 1) throw new ReportUsageError(`--since ${since}: the window must be at least one day`)
      from = new Date(to.getTime() - days * DAY)
    } else if (/^\d{4}-/.test(since)) from = parseDate(since, '--since')
    else throw new ReportUsageError(`--since: expected a duration such as 90d or 12w, or a date (YYYY-MM-DD), got ${JSON.stringify(since)}`)
  }
  if (from.getTime() >= to.getTime())
    throw new ReportUsageError(`the window is empty: ${from.toISOString()} is not before ${to.toISOString()}`)
  return { from, to }
}

export interface ReportIO {
  out: (s: string) => void
  err: (s: string) => void
  cwd: string
  /** The environment (GITHUB_TOKEN, GITHUB_API_URL for --source api); default process.env. */
  env?: NodeJS.ProcessEnv
}

/** What either source hands to computeTrends. */
export interface SourceHistory {
  source: 'git' | 'api'
  repository?: string
  branch: string
  records: LocalHistory['records']
  skipped: number
  policy?: LoadedPolicy
  evidence: { waivers: boolean; coverage: boolean }
  notes: string[]
  /** API source: the client and the repositories read (for --alerts api). */
  octokit?: import('../github/client.js').Octokit
  repositories?: string[]
}

const GIT_NOTE =
  'Evaluated from git history: labels (waivers) and CI reports (diff coverage, vulnerability scans) ' +
  'are not in it; the merge commit message stands in for the pull request description; ' +
  'pull requests merged with "rebase and merge" leave no trace of the pull request in git and are not counted.'

async function gitSource(io: ReportIO, values: { branch?: string; policy?: string }, from: Date, to: Date): Promise<SourceHistory> {
  const root = (
    await git(io.cwd, ['rev-parse', '--show-toplevel']).catch(() => {
      throw new GitError(`${io.cwd} is not inside a git work tree`)
    })
  ).trim()
  const h = await localHistory({ root, branch: values.branch, from, to, policyFile: values.policy })
  return {
    source: 'git',
    branch: h.branch,
    records: h.records,
    skipped: h.skipped,
    policy: h.policy,
    evidence: { waivers: false, coverage: false },
    notes: [GIT_NOTE],
  }
}

/** owner/name from a GitHub remote URL (https or ssh), if it is one. */
export function repoFromRemote(url: string): string | undefined {
  const m = /^(?:https?:\/\/[^/]+\/|git@[^:]+:|ssh:\/\/git@[^/]+\/)([^/\s]+)\/([^/\s]+?)(?:\.git)?\/?$/.exec(url.trim())
  return m ? `${m[1]}/${m[2]}` : undefined
}

async function apiSource(
  values: { repo?: string[]; org?: string; policy?: string; 'check-name'?: string; 'gate-identity'?: string },
  io: ReportIO,
  from: Date,
  to: Date,
): Promise<SourceHistory> {
  const env = io.env ?? process.env
  const token = env.GITHUB_TOKEN || env.GH_TOKEN
  if (!token) throw new ReportUsageError('--source api: GITHUB_TOKEN (or GH_TOKEN) is not set (pull requests, checks and metadata: read)')
  let repos = values.repo ?? []
  if (!repos.length && values.org === undefined) {
    const fromEnv = env.GITHUB_REPOSITORY
    const remote = fromEnv ? undefined : await git(io.cwd, ['remote', 'get-url', 'origin']).then(repoFromRemote, () => undefined)
    const r = fromEnv || remote
    if (!r)
      throw new ReportUsageError(
        '--source api: name the repository with --repo OWNER/NAME (or --org ORG); this directory has no GitHub origin remote',
      )
    repos = [r]
  }
  const refs = repos.map((r) => {
    const parts: Array<string | undefined> = r.split('/') // OWNER/NAME: a third part is an error
    const [owner, repo, extra] = parts
    if (!owner || !repo || extra !== undefined) throw new ReportUsageError(`--repo: expected OWNER/NAME, got ${JSON.stringify(r)}`)
    return { owner, repo }
  })
  const [{ createClient }, { apiHistory }, { parseGateIdentity }] = await Promise.all([
    import('../github/client.js'),
    import('./api.js'),
    import('../release/gates.js'),
  ])
  const octokit = createClient({
    token,
    baseUrl: env.GITHUB_API_URL || 'https://api.github.com',
    log: (m) => {
      io.err(`pr-gate: ${m}\n`)
    },
  })
  const h = await apiHistory({
    octokit,
    repos: refs,
    org: values.org,
    from,
    to,
    checkName: values['check-name'] ?? 'quality-gate',
    identity: parseGateIdentity(values['gate-identity'] ?? 'github-actions'),
    log: (m) => {
      io.err(`pr-gate: ${m}\n`)
    },
  })
  io.err(
    `pr-gate: ${h.records.length} merged pull request${h.records.length === 1 ? '' : 's'} from ${h.repositories.length} ` +
      `repositor${h.repositories.length === 1 ? 'y' : 'ies'} in ${h.calls} GraphQL quer${h.calls === 1 ? 'y' : 'ies'}\n`,
  )
  const policy = await workingTreePolicy(io.cwd, values.policy)
  return {
    source: 'api',
    repository: h.repositories.join(', ') || values.org,
    branch: '',
    records: h.records,
    skipped: 0,
    policy: policy.loaded,
    evidence: { waivers: true, coverage: true },
    notes: [...h.notes, ...policy.notes],
    octokit,
    repositories: h.repositories,
  }
}

/** The policy for the API source's settings (report:, SLAs): --policy, else the default path if present. */
async function workingTreePolicy(cwd: string, file: string | undefined): Promise<{ loaded?: LoadedPolicy; notes: string[] }> {
  const path = file ?? DEFAULT_POLICY_PATH
  const text = await readFile(resolve(cwd, path), 'utf8').catch(() => undefined)
  if (text === undefined) {
    if (file !== undefined) throw new ReportUsageError(`--policy ${file}: file not found`)
    return {
      loaded: await loadPolicy(undefined, DEFAULT_POLICY_PATH, () => Promise.resolve(undefined)),
      notes: [`No ${DEFAULT_POLICY_PATH} here: the report settings are the embedded default policy's.`],
    }
  }
  try {
    return { loaded: await loadPolicy(text, path, (p) => readFile(resolve(cwd, p), 'utf8').catch(() => undefined)), notes: [] }
  } catch (e) {
    if (e instanceof PolicyError)
      return {
        notes: [`The policy ${path} is invalid (${e.issues.map(formatIssue).join('; ')}): the report settings are the default ones.`],
      }
    throw e
  }
}

function parseReportArgs(args: string[]) {
  return parseArgs({
    args,
    options: {
      since: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      branch: { type: 'string' },
      policy: { type: 'string' },
      format: { type: 'string', default: 'text' },
      threshold: { type: 'string' },
      'fail-on-trend': { type: 'boolean', default: false },
      svg: { type: 'string' },
      alerts: { type: 'string' },
      source: { type: 'string', default: 'git' },
      repo: { type: 'string', multiple: true },
      org: { type: 'string' },
      'check-name': { type: 'string', default: 'quality-gate' },
      'gate-identity': { type: 'string', default: 'github-actions' },
    },
    strict: true,
    allowPositionals: false,
  }).values
}

type ReportArgs = ReturnType<typeof parseReportArgs>

export async function reportCmd(args: string[], io: ReportIO, now = new Date()): Promise<number> {
  const values = parseReportArgs(args)
  const format = values.format
  if (!FORMATS.includes(format)) throw new ReportUsageError(`--format: expected text, json, csv or markdown, got ${JSON.stringify(format)}`)
  const thresholdArg = values.threshold === undefined ? undefined : Number(values.threshold)
  if (thresholdArg !== undefined && (!Number.isInteger(thresholdArg) || thresholdArg < 1))
    throw new ReportUsageError(`--threshold: expected a whole number of lines, got ${JSON.stringify(values.threshold)}`)
  const { from, to } = parseWindow(values, now)
  const source = values.source
  if (source !== 'git' && source !== 'api') throw new ReportUsageError(`--source: expected git or api, got ${JSON.stringify(source)}`)
  if (source === 'git' && (values.repo?.length || values.org !== undefined))
    throw new ReportUsageError('--repo and --org read from the GitHub API: add --source api')
  if (source === 'api' && values.branch !== undefined)
    throw new ReportUsageError('--branch reads local git history (--source git); the API source reads pull requests merged into any branch')
  if (values.alerts === 'api' && source !== 'api')
    throw new ReportUsageError('--alerts api reads Dependabot alerts through the GitHub API: add --source api (or give --alerts FILE)')
  const history = source === 'api' ? await apiSource(values, io, from, to) : await gitSource(io, values, from, to)
  const alerts = await readAlerts(values, history, io)
  if (values['fail-on-trend'] && history.policy === undefined)
    throw new ReportUsageError(
      '--fail-on-trend: the policy is invalid (pr-gate validate shows why), so there is no report: section to judge the trends by',
    )
  const settings = history.policy?.policy.report ?? defaultResolvedPolicy().report
  const threshold = thresholdArg ?? settings.size_threshold
  const report = computeTrends({
    source: history.source,
    ...(history.repository ? { repository: history.repository } : {}),
    branch: history.branch,
    from,
    to,
    records: history.records,
    skipped: history.skipped,
    threshold,
    evidence: history.evidence,
    alerts,
    notes: history.notes,
  })
  if (values.svg !== undefined) await writeSvgs(values.svg, report, io)
  const check = checkTrends(report, { ...settings, size_threshold: threshold })
  report.trendCheck = { enforced: values['fail-on-trend'], ...check }
  if (format === 'json') io.out(JSON.stringify(toTrendJson(report), null, 2) + '\n')
  else if (format === 'csv') io.out(renderTrendCsv(report))
  else if (format === 'markdown') io.out(renderTrendMarkdown(report) + '\n')
  else io.out(renderTrendText(report))
  if (values['fail-on-trend'] && check.breaches.length) {
    if (format === 'json' || format === 'csv') io.err(check.breaches.map((b) => `pr-gate: trend breach: ${b}\n`).join(''))
    return 1
  }
  return 0
}

/** Dependabot alerts for the SLA section: `--alerts api` (through the API source), `--alerts FILE`, or none. */
async function readAlerts(values: ReportArgs, history: SourceHistory, io: ReportIO): Promise<ComputeInput['alerts']> {
  if (values.alerts === 'api') {
    const { dependabotAlertsOf, slaOf } = await import('./alerts-api.js')
    const a = await dependabotAlertsOf(history.octokit as NonNullable<SourceHistory['octokit']>, history.repositories ?? [])
    return { ...a, sla: slaOf(history.policy?.policy.rules as Record<string, unknown> | undefined) }
  }
  if (values.alerts === undefined) return undefined
  const file = values.alerts
  const text = await readFile(resolve(io.cwd, file), 'utf8').catch(() => {
    throw new ReportUsageError(`--alerts ${file}: file not found`)
  })
  let items
  try {
    items = parseDependabotAlerts(text, file)
  } catch (e) {
    if (e instanceof AlertsError) throw new ReportUsageError(e.message)
    throw e
  }
  const { slaOf } = await import('./alerts-api.js')
  return {
    items,
    source: `Dependabot alerts from ${file}`,
    sla: slaOf(history.policy?.policy.rules as Record<string, unknown> | undefined),
  }
}

/** `--svg DIR`: one chart per trend, written into DIR (created when missing). */
async function writeSvgs(svg: string, report: ReturnType<typeof computeTrends>, io: ReportIO): Promise<void> {
  const [{ renderTrendSvgs }, fs, path] = await Promise.all([import('./svg.js'), import('node:fs/promises'), import('node:path')])
  const dir = resolve(io.cwd, svg)
  await fs.mkdir(dir, { recursive: true }).catch((e: unknown) => {
    throw new ReportUsageError(`--svg ${svg}: cannot create the directory (${(e as { code?: string }).code ?? String(e)})`)
  })
  for (const c of await renderTrendSvgs(report)) {
    await fs.writeFile(path.join(dir, c.name), c.svg)
    io.err(`pr-gate: wrote ${path.join(svg, c.name)} (${c.title})\n`)
  }
}
