/**
 * The pull-request pipeline shared by the Action and the App: policy from the BASE branch, files from the
 * API, exclusions, rules, verdict. If the PR edits the policy, its version is evaluated too, for
 * information only: enforcement always uses the base branch's policy.
 */
import { policySource as policySourceOf } from '../pipeline/policy-source.js'
import { defaultResolvedPolicy, tryLoadPolicy } from '../pipeline/policy.js'
import { gateChange } from '../pipeline/gate.js'
import type { Evidence, Note, PullRequestMeta, RuleContext, Verdict } from '../types.js'
import type { Octokit } from './client.js'
import { apiChangeSet, listPullFiles, readRepoFile, type PullInfo, type RepoRef } from './source.js'
import { ContentStore, sizeHintsFrom, type BlobRef } from './contents.js'
import { planReads } from '../engine/plan.js'
import type { ChangedFile } from '../types.js'
import { RemotePolicyReader } from './remote-policy.js'
import { markExclusions } from '../change/generated.js'
import { infrastructureErrorVerdict, runGate } from '../engine/run.js'
import { errorMessage, isApiError } from '../errors.js'
import { fetchDependabotAlerts, fetchDependencyReview, mapProvided } from './dependencies.js'
import { alertVulnerabilities, reviewFacts } from './dependency-facts.js'
import { fetchCodeScanningAlerts, fetchSecretScanningAlerts } from './security.js'
import { DEFAULT_POLICY_PATH, type ResolvedPolicy } from '../policy/schema.js'
import { prefetchBase, type KnownComment } from './prefetch.js'
import { withBudget } from '../policy/budget.js'
import { githubWaiverRecords } from './waiver-records.js'

export { DEFAULT_POLICY_PATH }

export interface EvaluateInput {
  octokit: Octokit
  repo: RepoRef
  pr: PullInfo
  policyPath: string
  evidence: Evidence
  now?: Date
  /** Gate-level notes the face adds (e.g. where the evidence came from). */
  notes?: Note[]
  /** Progress lines for the log (never receives the token). */
  log?: (message: string) => void
  /** Reads `github:` extends (org policy); default: a reader with `octokit`'s token, cached for this run. */
  remotePolicy?: RemotePolicyReader
  /** The PR's file list when it was asked for already (the Action's head start); default: listed here. */
  files?: Promise<ChangedFile[]>
}

export interface Evaluation {
  verdict: Verdict
  policy?: ResolvedPolicy
  /** The PR's comments as read with the base side (for the sticky comment), when they all were. */
  comments?: KnownComment[]
}

export function prMeta(pr: PullInfo, repo: RepoRef): PullRequestMeta {
  return {
    number: pr.number,
    title: pr.title,
    body: pr.body,
    author: pr.author,
    labels: pr.labels,
    draft: pr.draft,
    baseRef: pr.baseRef,
    headRef: pr.headRef,
    repo: { owner: repo.owner, name: repo.repo },
    fromFork: Boolean(pr.headRepo && pr.baseRepo && pr.headRepo !== pr.baseRepo),
    htmlUrl: pr.htmlUrl,
  }
}

/** API-backed evidence (dependency review between base and head, Dependabot alerts, and for a pull request
 * its secret- and code-scanning alerts), called only by the rules that ask for it, and at most once per run. */
export function apiEvidence(octokit: Octokit, repo: RepoRef, base: string, head: string, workspace: Evidence, pull?: number): Evidence {
  const once = <T>(f: () => Promise<T>) => {
    let p: Promise<T> | undefined
    return () => (p ??= f())
  }
  return {
    ...workspace,
    dependencyReview: once(async () =>
      mapProvided(await fetchDependencyReview(octokit, { owner: repo.owner, repo: repo.repo, base, head }), reviewFacts),
    ),
    dependabotAlerts: once(async () =>
      mapProvided(await fetchDependabotAlerts(octokit, { owner: repo.owner, repo: repo.repo }), alertVulnerabilities),
    ),
    ...(pull !== undefined
      ? {
          secretScanningAlerts: once(() => fetchSecretScanningAlerts(octokit, { owner: repo.owner, repo: repo.repo, pull, head })),
          codeScanningAlerts: once(() => fetchCodeScanningAlerts(octokit, { owner: repo.owner, repo: repo.repo, pull })),
        }
      : {}),
  }
}

/**
 * The enforced side of an evaluation: a reader at that ref, the policy text and `.gitattributes` (read
 * together). Files already read at that ref (`known`: text, or null for absent) are not read again. With a
 * content store, reads go through it (batched, cached); without one, over REST.
 */
export async function readEnforcedSide(
  octokit: Octokit,
  repo: RepoRef,
  ref: string,
  policyPath: string,
  known?: Map<string, string | null>,
  store?: ContentStore,
) {
  const read = (p: string) => (store ? store.read(ref, p) : readRepoFile(octokit, repo, p, ref))
  const readKnown = async (p: string) => (known?.has(p) ? (known.get(p) ?? undefined) : read(p))
  const [policyText, gitattributes] = await Promise.all([readKnown(policyPath), readKnown('.gitattributes')])
  return { read, policyText, gitattributes }
}

/**
 * Evaluates the PR. When an API call fails after its retries, the result is still a verdict (the policy's
 * on_error, never success) naming the call, so every surface can say why the gate could not decide.
 */
export async function evaluatePullRequest(input: EvaluateInput): Promise<Evaluation> {
  const known: { policy?: ResolvedPolicy } = {}
  try {
    return await evaluateOrThrow(input, known)
  } catch (e) {
    if (!isApiError(e)) throw e
    const empty: RuleContext = {
      changes: {
        base: input.pr.baseSha,
        head: input.pr.headSha,
        files: [],
        totalFiles: 0,
        truncated: false,
        readHead: () => Promise.resolve(undefined),
        readBase: () => Promise.resolve(undefined),
      },
      pr: prMeta(input.pr, input.repo),
      evidence: input.evidence,
      now: input.now ?? new Date(),
      mode: 'pull_request',
    }
    return {
      verdict: infrastructureErrorVerdict(
        errorMessage(e),
        empty,
        `${input.policyPath}@${input.pr.baseRef || input.pr.baseSha.slice(0, 12)}`,
        known.policy ?? defaultResolvedPolicy(),
      ),
      policy: known.policy,
    }
  }
}

/**
 * The reads a run plans before the policy is known: what the rules would read under the default options
 * (the usual case: most policies keep the default paths), and the PR's version of the policy file when it
 * changes it. They ride on the first query; what the real policy plans beyond them is read in one more batch.
 */
function speculativeReads(files: ChangedFile[], pr: PullInfo, policyPath: string): BlobRef[] {
  const plan = planReads(defaultResolvedPolicy(), files, 'pull_request')
  const head = new Set(plan.head)
  const policyFile = files.find((f) => f.path === policyPath && f.status !== 'removed')
  if (policyFile) head.add(policyFile.path)
  return [...[...head].map((path) => ({ ref: pr.headSha, path })), ...plan.base.map((path) => ({ ref: pr.baseSha, path }))]
}

const toRefs = (plan: { head: string[]; base: string[] }, pr: PullInfo): BlobRef[] => [
  ...plan.head.map((path) => ({ ref: pr.headSha, path })),
  ...plan.base.map((path) => ({ ref: pr.baseSha, path })),
]

async function evaluateOrThrow(input: EvaluateInput, known: { policy?: ResolvedPolicy }): Promise<Evaluation> {
  const { octokit, repo, pr } = input
  // The file list first: the first query carries the contents planned from it. If the list cannot be read,
  // the policy is still read (its on_error decides what the failure concludes), then the failure is thrown.
  const listed = await (input.files ?? listPullFiles(octokit, repo, pr.number, pr.changedFiles)).then(
    (files) => ({ ok: true as const, files }),
    (error: unknown) => ({ ok: false as const, error }),
  )
  const store = new ContentStore(octokit, repo, {
    log: input.log,
    sizeHint: listed.ok ? sizeHintsFrom(listed.files, pr.headSha) : undefined,
  })
  const [first] = store.firstBatch(listed.ok ? speculativeReads(listed.files, pr, input.policyPath) : [])
  const snapshot = await prefetchBase(octokit, repo, pr.baseSha, input.policyPath, pr.number, first, pr.htmlUrl)
  if (snapshot.failed) input.log?.(`${snapshot.failed}; reading what it could not answer over REST`)
  // What the first query vouched for is known; what it could not answer is read over REST, as before.
  for (const path of [input.policyPath, '.gitattributes']) {
    const v = snapshot.files.get(path)
    if (v !== undefined) store.seed(pr.baseSha, path, v)
    else store.markRestOnly(pr.baseSha, path)
  }
  for (const { item, value } of snapshot.contents) store.seed(item.ref, item.path, value)
  for (const item of first) if (!store.has(item.ref, item.path)) store.markRestOnly(item.ref, item.path)
  const {
    read: readBase,
    policyText,
    gitattributes,
  } = await readEnforcedSide(octokit, repo, pr.baseSha, input.policyPath, undefined, store)
  const remote = input.remotePolicy ?? new RemotePolicyReader(octokit, { log: input.log })
  const attempt = await tryLoadPolicy(policyText, input.policyPath, readBase, { remote: remote.read })
  known.policy = attempt.loaded?.policy
  if (!listed.ok) throw listed.error
  const files = listed.files
  markExclusions(files, gitattributes)
  const changes = apiChangeSet(octokit, repo, pr, files, store)
  const evidence = apiEvidence(octokit, repo, pr.baseSha, pr.headSha, input.evidence, pr.number)
  const meta = prMeta(pr, repo)
  // GitHub's records of who waived what: looked at only when a rule fails or warns (src/engine/waivers.ts).
  // The first query read them; what it did not read whole is read over REST then.
  const waiverRecords = githubWaiverRecords(
    octokit,
    repo,
    { number: pr.number, author: pr.author, headRef: pr.headRef, headSha: pr.headSha, sameRepo: !meta.fromFork, htmlUrl: pr.htmlUrl },
    readBase,
    undefined,
    snapshot.records,
  )
  const ctx: RuleContext = { changes, pr: meta, evidence, gitattributes, now: input.now ?? new Date(), mode: 'pull_request', waiverRecords }
  const policySource = policySourceOf({
    path: input.policyPath,
    text: policyText,
    at: pr.baseRef ? { ref: pr.baseRef } : { sha: pr.baseSha },
    missingAt: 'on the base branch',
  })
  const { verdict, policy, leadingNotes } = await gateChange({
    attempt,
    ctx,
    policySource,
    notes: input.notes,
    // The plan of the enforced policy: whatever the first query did not read, in as few batches as it takes.
    prefetch: (plan) => store.prefetch(toRefs(plan, pr)),
  })
  if (!policy) return { verdict, comments: snapshot.comments }
  const policyFile = files.find((f) => f.path === input.policyPath || f.previousPath === input.policyPath)
  // The PR's policy is previewed after the verdict is decided, so it can neither change nor delay it (and the
  // evidence it shares with the enforced run was already read outside the preview's budget).
  if (policyFile)
    verdict.notes.splice(
      leadingNotes,
      0,
      await headPolicyNote(input, policyFile.status === 'removed' ? undefined : policyFile.path, ctx, remote),
    )
  return { verdict, policy, comments: snapshot.comments }
}

/** Wall-time budget of the preview of the PR's policy (API reads included). */
export const PREVIEW_BUDGET_MS = 5000
/** Longest the preview may keep the event loop busy at once (the App serves everyone on that loop). */
export const PREVIEW_MAX_BLOCK_MS = 500

/**
 * What the PR's own version of the policy would conclude (informational). That policy is the PR author's
 * text: its regexes run on RE2 and its globs under the glob caps, and the whole preview runs under a budget
 * (see src/policy/budget.ts); when the budget runs out the preview is skipped and the note says so.
 */
async function headPolicyNote(
  input: EvaluateInput,
  headPath: string | undefined,
  ctx: RuleContext,
  remote: RemotePolicyReader,
): Promise<Note> {
  const prefix =
    `This PR changes the policy file ${input.policyPath}. ` + `The base branch's policy is enforced; the PR's version applies once merged.`
  if (!headPath) return { level: 'warning', message: `${prefix} The PR deletes it: after merge the embedded default policy would apply.` }
  const outcome = await withBudget(PREVIEW_BUDGET_MS, PREVIEW_MAX_BLOCK_MS, async (): Promise<Note> => {
    const readHead = (p: string) => ctx.changes.readHead(p)
    const text = await readHead(headPath)
    const attempt = await tryLoadPolicy(text, headPath, readHead, { remote: remote.read })
    if (!attempt.loaded)
      return { level: 'warning', message: `${prefix} The PR's version is invalid (informational):`, detail: attempt.errors.join('\n') }
    const { loaded } = attempt
    const v = await runGate({ policy: loaded.policy, ctx, policySource: `${headPath}@head` })
    return {
      level: 'warning',
      message: `${prefix} With the PR's version the gate would conclude ${v.conclusion} (${v.title}) — informational only.`,
    }
  })
  if (outcome.ok) return outcome.value
  input.log?.(`preview of the PR's policy skipped: ${outcome.why}`)
  return {
    level: 'warning',
    message: `${prefix} The preview of the PR's policy was skipped: ${outcome.why}. The verdict does not depend on it.`,
  }
}
