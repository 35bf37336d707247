/**
 * A pull request's gate result: the latest check run named like the gate on the PR's head SHA (the
 * commit status of the same name when the gate had to fall back to statuses). These are facts read
 * from GitHub; what they mean for the release is decided by the engine (see evaluate.ts).
 *
 * Only results the gate itself published count. Anyone who can push to the repository can post a commit
 * status named `quality-gate`, and any GitHub App installed on it can create a check run of that name, so
 * the name alone proves nothing: a merged PR with no gate result plus such a status would turn a rejected
 * release into an approved one. A check run counts only when GitHub says it was created by one of the
 * expected Apps (`app.id` or `app.slug`: the App itself when running as the App, `github-actions` for the
 * workflow token), a status only when its `creator.login` is one of the expected logins. Anything else is
 * ignored, and the PR is reported as having no gate result, naming who posted what was ignored.
 */
import { extractRecord } from '../trends/embed.js'
import type { Octokit } from '../github/client.js'
import { describeApiError } from '../github/client.js'
import type { RepoRef } from '../github/source.js'
import { mapLimit, ReleaseError, type MergedPull } from './range.js'

export type GateState = 'passed' | 'waived' | 'failed' | 'missing' | 'pending'

export interface GateResult {
  state: GateState
  /** The check run's (or status's) conclusion as GitHub reports it. */
  conclusion?: string
  /** The check run's title (the verdict's title, e.g. "waived: migration-safety"). */
  title?: string
  url?: string
  source?: 'check-run' | 'status'
  /** Results of the gate's name that were ignored because someone else published them (plain text). */
  ignored?: string[]
  /** Who published those (an App slug or a login), each once. */
  ignoredBy?: string[]
}

export interface PullGate extends MergedPull {
  gate: GateResult
}

/**
 * Who publishes the gate's results, so release mode can tell them from look-alikes: the GitHub Apps
 * whose check runs count (matched by `app.id` or by `app.slug`), and the logins whose commit statuses
 * count (`creator.login`, case-insensitive).
 */
export interface GateIdentity {
  apps: Array<{ id?: number; slug?: string }>
  statusCreators: string[]
}

/** The workflow token's App: `github-actions` (id 15368 on github.com; the slug is the same on GHES). */
export const ACTIONS_APP_SLUG = 'github-actions'

/**
 * The identity from its written form (the Action's `gate-identity` input, the CLI's `--gate-identity`):
 * comma- or space-separated entries, each
 * - an App slug (`github-actions`, `my-gate-app`): its check runs, and the statuses of `<slug>[bot]`;
 * - a numeric App id (`15368`): its check runs;
 * - `user:<login>` or `<login>[bot]`: statuses posted by that login (a personal access token's user).
 */
export function parseGateIdentity(spec: string): GateIdentity {
  const id: GateIdentity = { apps: [], statusCreators: [] }
  for (const raw of spec.split(/[\s,]+/)) {
    const entry = raw.trim()
    if (!entry) continue
    if (/^user:/i.test(entry)) {
      const login = entry.slice(5).trim()
      if (login) id.statusCreators.push(login)
    } else if (/\[bot\]$/i.test(entry)) id.statusCreators.push(entry)
    else if (/^\d+$/.test(entry)) id.apps.push({ id: Number(entry) })
    else {
      id.apps.push({ slug: entry })
      id.statusCreators.push(`${entry}[bot]`)
    }
  }
  return id
}

/** The default: the gate run by a workflow with its GITHUB_TOKEN. */
export const ACTIONS_GATE_IDENTITY: GateIdentity = parseGateIdentity(ACTIONS_APP_SLUG)

/** The identity in words, for reports: "App github-actions, statuses by github-actions[bot]". */
export function describeGateIdentity(g: GateIdentity): string {
  const apps = g.apps.map((a) => (a.slug ? a.slug : `id ${a.id}`))
  const parts = [apps.length ? `check runs of the App${apps.length === 1 ? '' : 's'} ${apps.join(', ')}` : 'no check runs']
  parts.push(g.statusCreators.length ? `statuses by ${g.statusCreators.join(', ')}` : 'no statuses')
  return parts.join(', ')
}

type AppRef = { id?: number; slug?: string } | null | undefined

function trustedApp(app: AppRef, g: GateIdentity): boolean {
  if (!app) return false
  return g.apps.some(
    (a) =>
      (a.id !== undefined && app.id === a.id) ||
      (a.slug !== undefined && typeof app.slug === 'string' && app.slug.toLowerCase() === a.slug.toLowerCase()),
  )
}

function trustedCreator(login: string | undefined, g: GateIdentity): boolean {
  return !!login && g.statusCreators.some((c) => c.toLowerCase() === login.toLowerCase())
}

const FAILED = new Set(['failure', 'cancelled', 'timed_out', 'action_required', 'stale', 'startup_failure'])

/** Classifies a completed check run of the gate. */
export function classifyCheckRun(run: {
  status?: string
  conclusion?: string | null
  output?: { title?: string | null; text?: string | null }
}): GateState {
  if (run.status !== 'completed' || !run.conclusion) return 'pending'
  if (FAILED.has(run.conclusion)) return 'failed'
  if (run.conclusion === 'skipped') return 'missing'
  // success or neutral: the gate let it through. Whether a waiver did is data: the record the gate embeds in
  // the check run's text (src/trends/embed.ts) lists the waived rules. Only a check run written before the
  // record existed (or whose record was cut to nothing) is read by its title ("waived: …").
  const record = extractRecord(run.output?.text)
  if (record && (record.waived.length || !record.truncated)) return record.waived.length ? 'waived' : 'passed'
  return /(^|·\s*)waived:/.test(run.output?.title ?? '') ? 'waived' : 'passed'
}

/** Most pages of check runs (100 each) or statuses read per commit. */
const MAX_PAGES = 10

/** A check run as the gate reads it. */
interface GateCheckRun {
  id: number
  name: string
  status: string
  conclusion: string | null
  html_url: string | null
  /** Optional: an answer may lack it (classifyCheckRun reads it as such too). */
  output?: { title: string | null; text?: string | null }
  app: { id?: number; slug?: string; name?: string } | null
}

/** Look-alikes of the gate's result (created by someone else), with who created them. */
interface Ignored {
  readonly notes: string[]
  readonly by: Set<string>
}

export async function gateResult(
  octokit: Octokit,
  r: RepoRef,
  headSha: string,
  checkName: string,
  identity: GateIdentity = ACTIONS_GATE_IDENTITY,
): Promise<GateResult> {
  try {
    const ignored: Ignored = { notes: [], by: new Set() }
    const done = (g: GateResult): GateResult => (ignored.notes.length ? { ...g, ignored: ignored.notes, ignoredBy: [...ignored.by] } : g)
    // Every run of the name (not only GitHub's "latest", which a look-alike created later would hide),
    // newest first; the newest one created by the gate's App is the result.
    const runs = await listCheckRuns(octokit, r, headSha, checkName)
    const named = runs.filter((c) => c.name === checkName).sort((a, b) => b.id - a.id)
    const run = named.find((c) => trustedApp(c.app, identity))
    for (const c of named) {
      if (c === run) break
      if (trustedApp(c.app, identity)) continue
      const app = `the App ${c.app?.slug ?? c.app?.name ?? '?'} (id ${c.app?.id ?? '?'})`
      ignored.notes.push(`a check run "${checkName}" (${c.conclusion ?? c.status}) created by ${app}, which is not the gate`)
      ignored.by.add(app)
    }
    if (run)
      return done({
        state: classifyCheckRun(run),
        conclusion: run.conclusion ?? run.status,
        title: run.output?.title ?? undefined,
        url: run.html_url ?? undefined,
        source: 'check-run',
      })
    return done((await gateStatus(octokit, r, headSha, checkName, identity, ignored)) ?? { state: 'missing' })
  } catch (e) {
    throw new ReleaseError(describeApiError(`gate result of ${headSha.slice(0, 12)}`, e))
  }
}

/** Every check run named `checkName` on the commit, up to MAX_PAGES pages. */
async function listCheckRuns(octokit: Octokit, r: RepoRef, headSha: string, checkName: string): Promise<GateCheckRun[]> {
  const runs: GateCheckRun[] = []
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { data } = await octokit.rest.checks.listForRef({
      owner: r.owner,
      repo: r.repo,
      ref: headSha,
      check_name: checkName,
      filter: 'all',
      per_page: 100,
      page,
    })
    runs.push(...data.check_runs)
    if (data.check_runs.length < 100 || runs.length >= data.total_count) break
  }
  return runs
}

/**
 * The gate's commit status, which it publishes under the same name when check runs are forbidden. The
 * statuses list (newest first) names each one's creator; the combined status does not.
 */
async function gateStatus(
  octokit: Octokit,
  r: RepoRef,
  headSha: string,
  checkName: string,
  identity: GateIdentity,
  ignored: Ignored,
): Promise<GateResult | undefined> {
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { data } = await octokit.rest.repos.listCommitStatusesForRef({
      owner: r.owner,
      repo: r.repo,
      ref: headSha,
      per_page: 100,
      page,
    })
    for (const status of data) {
      if (status.context !== checkName) continue
      const creator = status.creator?.login
      if (!trustedCreator(creator, identity)) {
        ignored.notes.push(
          `a commit status "${checkName}" = ${status.state} posted by ${creator ?? 'an unknown user'}, who is not the gate`,
        )
        ignored.by.add(creator ?? 'an unknown user')
        continue
      }
      const state: GateState = status.state === 'success' ? 'passed' : status.state === 'pending' ? 'pending' : 'failed'
      return {
        state,
        conclusion: status.state,
        title: status.description ?? undefined,
        url: status.target_url ?? undefined,
        source: 'status',
      }
    }
    if (data.length < 100) break
  }
  return undefined
}

export async function gateResults(
  octokit: Octokit,
  r: RepoRef,
  pulls: MergedPull[],
  checkName: string,
  identity: GateIdentity = ACTIONS_GATE_IDENTITY,
): Promise<PullGate[]> {
  return mapLimit(pulls, 4, async (p) => ({
    ...p,
    gate: p.headSha ? await gateResult(octokit, r, p.headSha, checkName, identity) : { state: 'missing' as const },
  }))
}
