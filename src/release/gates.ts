/**
 * A pull request's gate result: the latest check run named like the gate on the PR's head SHA (the
 * commit status of the same name when the gate had to fall back to statuses). These are facts read
 * from GitHub; what they mean for the release is decided by the engine (see evaluate.ts).
 */
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
}

export interface PullGate extends MergedPull {
  gate: GateResult
}

const FAILED = new Set(['failure', 'cancelled', 'timed_out', 'action_required', 'stale', 'startup_failure'])

/** Classifies a completed check run of the gate. */
export function classifyCheckRun(run: { status?: string; conclusion?: string | null; output?: { title?: string | null } }): GateState {
  if (run.status !== 'completed' || !run.conclusion) return 'pending'
  if (FAILED.has(run.conclusion)) return 'failed'
  if (run.conclusion === 'skipped') return 'missing'
  // success or neutral: the gate let it through; a waiver shows in the verdict's title ("waived: …").
  return /(^|·\s*)waived:/.test(run.output?.title ?? '') ? 'waived' : 'passed'
}

export async function gateResult(octokit: Octokit, r: RepoRef, headSha: string, checkName: string): Promise<GateResult> {
  try {
    const { data } = await octokit.rest.checks.listForRef({ owner: r.owner, repo: r.repo, ref: headSha, check_name: checkName, filter: 'latest', per_page: 100 })
    const run = data.check_runs[0]
    if (run) {
      return { state: classifyCheckRun(run), conclusion: run.conclusion ?? run.status, title: run.output?.title ?? undefined, url: run.html_url ?? undefined, source: 'check-run' }
    }
    // The gate publishes a commit status of the same name when check runs are forbidden.
    const { data: combined } = await octokit.rest.repos.getCombinedStatusForRef({ owner: r.owner, repo: r.repo, ref: headSha, per_page: 100 })
    const status = combined.statuses.find((s) => s.context === checkName)
    if (status) {
      const state: GateState = status.state === 'success' ? 'passed' : status.state === 'pending' ? 'pending' : 'failed'
      return { state, conclusion: status.state, title: status.description ?? undefined, url: status.target_url ?? undefined, source: 'status' }
    }
    return { state: 'missing' }
  } catch (e) {
    throw new ReleaseError(describeApiError(`gate result of ${headSha.slice(0, 12)}`, e))
  }
}

export async function gateResults(octokit: Octokit, r: RepoRef, pulls: MergedPull[], checkName: string): Promise<PullGate[]> {
  return mapLimit(pulls, 4, async (p) => ({ ...p, gate: p.headSha ? await gateResult(octokit, r, p.headSha, checkName) : { state: 'missing' as const } }))
}
