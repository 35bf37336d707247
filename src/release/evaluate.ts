/**
 * Release evaluation: "is this release safe to deploy?" for the range between what is deployed (base)
 * and the candidate (head). Shared by the Action (`mode: release`) and the App (deployment protection
 * rules).
 *
 * Facts come from the API (range.ts, gates.ts). The decision is the ENGINE's, as for a pull request:
 *  - the release's own facts (gate results of the merged PRs, commits outside any PR, an unknown range)
 *    are the findings of one release-only rule, `release-gates`, whose per-finding levels come from the
 *    policy's `release:` section;
 *  - the release-relevant rules (`release: true`) run over the aggregate diff with `ctx.mode = 'release'`;
 *    for the `release.dangerous_rules` a finding in a file whose every PR carries the approval label
 *    becomes information (approved), otherwise it keeps its level;
 *  - `runGate` → `decide` concludes. Nothing in this module compares conclusions.
 */
import { Type } from '@sinclair/typebox'
import { policySource as policySourceOf } from '../pipeline/policy-source.js'
import { defineRule, type Bound, type BoundRule, type GateRule } from '../rules/define.js'
import type { ChangeSet, Evidence, Finding, Level, Note, PullRequestMeta, RuleContext, RuleOutput, RuleTable, Verdict } from '../types.js'
import type { Octokit } from '../github/client.js'
import { listPullFiles, toChangedFile, type RepoRef } from '../github/source.js'
import { ContentStore, sizeHintsFrom } from '../github/contents.js'
import { planReads } from '../engine/plan.js'
import { apiEvidence, readEnforcedSide } from '../github/evaluate.js'
import { defaultResolvedPolicy, enforcementNotes, tryLoadPolicy } from '../pipeline/policy.js'
import { RemotePolicyReader } from '../github/remote-policy.js'
import { markExclusions } from '../change/generated.js'
import { policyErrorVerdict, runGate } from '../engine/run.js'
import type { ResolvedPolicy } from '../policy/schema.js'
import { RULES } from '../rules/index.js'
import {
  compareRange,
  COMPARE_FILES_CAP,
  lastSuccessfulDeployment,
  mapLimit,
  mergedPullsInRange,
  ReleaseError,
  type RangeCommit,
} from './range.js'
import { githubWaiverRecords, IdentityCache, type ApproverSpec, type WaiverRecords } from '../github/waiver-records.js'
import { verifyReleaseApproval, type ReleaseApproval } from '../engine/waivers.js'
import { ACTIONS_GATE_IDENTITY, describeGateIdentity, gateResults, type GateIdentity, type PullGate } from './gates.js'

export const RELEASE_RULE_ID = 'release-gates'

export interface ReleaseInput {
  octokit: Octokit
  repo: RepoRef
  /** The deployed ref: a tag, branch or SHA, or `auto` (latest successful deployment to `environment`). */
  base: string
  /** The candidate: a SHA, tag or branch. */
  head: string
  environment?: string
  /** The deployment under review (App): never its own base. */
  excludeDeploymentId?: number
  /** Name of the gate's check run on each PR (the Action's `check-name`). */
  checkName: string
  /**
   * Who publishes the gate's results: only their check runs and statuses count (gates.ts). Default: the
   * workflow token's identity (App `github-actions`, statuses by `github-actions[bot]`); the App passes
   * its own App id and bot login.
   */
  gateIdentity?: GateIdentity
  policyPath: string
  evidence: Evidence
  now?: Date
  /** Reads `github:` extends (org policy); default: a reader with `octokit`'s token. */
  remotePolicy?: RemotePolicyReader
}

export interface ReleaseFacts {
  environment?: string
  base: { input: string; sha?: string; source: 'input' | 'deployment' | 'none'; deploymentId?: number; deployedAt?: string }
  head: { input: string; sha: string }
  compareUrl?: string
  /** The compare status: ahead (normal), behind or diverged (the candidate lacks deployed commits). */
  status?: string
  totalCommits: number
  pulls: PullGate[]
  /** Commits of the range in no merged pull request. */
  direct: RangeCommit[]
  /** Findings of dangerous rules approved by the approval label, with who approved each PR's part. */
  approved: Array<{ rule: string; path?: string; pulls: number[]; message: string; approvals: ReleaseApprovalRecord[] }>
}

/** Who approved a PR's dangerous change for release (GitHub's `labeled` event, verified). */
export interface ReleaseApprovalRecord {
  pull: number
  by: string
  via: string
  at?: string
  url?: string
}

export interface ReleaseEvaluation {
  verdict: Verdict
  policy?: ResolvedPolicy
  facts: ReleaseFacts
}

const pr = (n: number) => `#${n}`

/** The release-only rule: the merged PRs' gate results and the commits no PR gated, as findings. */
function releaseGatesRule(
  facts: ReleaseFacts,
  settings: ResolvedPolicy['release'],
  problem: string | undefined,
  gateIdentity: string,
): GateRule {
  return defineRule({
    id: RELEASE_RULE_ID,
    description:
      'Every pull request merged since the last deployment passed its quality gate (or was waived), and no commit bypassed the gate.',
    options: Type.Object({}),
    defaultLevel: 'fail',
    release: true,
    evaluate(): RuleOutput {
      const findings: Finding[] = []
      const add = (level: Level, f: Finding) => {
        if (level !== 'off') findings.push({ ...f, level })
      }
      if (problem) findings.push({ kind: 'error', message: problem })
      const counts = { passed: 0, waived: 0, failed: 0, missing: 0, pending: 0 }
      for (const p of facts.pulls) {
        counts[p.gate.state]++
        const what = `${pr(p.number)} ${JSON.stringify(p.title)}`
        if (p.gate.state === 'failed') {
          add(settings.failed_gate_result, {
            code: 'failed',
            message: `${what}: its quality gate concluded ${p.gate.conclusion ?? 'failure'}${p.gate.title ? ` (${p.gate.title})` : ''}.`,
            hint: 'Fix or waive it on the pull request (a re-run updates the check), or revert it from the release.',
          })
        } else if (p.gate.state === 'missing') {
          const ignored = p.gate.ignored?.length
            ? ` Ignored, because the gate did not publish ${p.gate.ignored.length === 1 ? 'it' : 'them'} ` +
              `(only ${gateIdentity} count): ${p.gate.ignored.join('; ')}.`
            : ''
          add(settings.missing_gate_result, {
            code: 'missing',
            message:
              `${what} has no gate result on its head commit ${p.headSha?.slice(0, 12) ?? '?'}: ` +
              `it was merged without the quality gate.${ignored}`,
            hint: 'Run the gate on the pull request (re-run its workflow or check), or revert it from the release.',
          })
        } else if (p.gate.state === 'pending') {
          add(settings.missing_gate_result, {
            code: 'pending',
            message: `${what}: its quality gate has not completed on ${p.headSha?.slice(0, 12) ?? '?'}.`,
            hint: 'Wait for the gate to finish, then evaluate the release again.',
          })
        } else if (p.gate.state === 'waived') {
          findings.push({ kind: 'info', code: 'waived', message: `${what} passed its gate with a waiver (${p.gate.title ?? 'waived'}).` })
        }
      }
      for (const c of facts.direct) {
        add(settings.direct_commits, {
          code: 'direct-commit',
          message:
            `Commit ${c.sha.slice(0, 12)} ${JSON.stringify(c.message)} is in no merged pull request: ` + 'it never went through the gate.',
          hint: 'Land changes through pull requests; review this commit before deploying.',
        })
      }
      const parts = [`${facts.pulls.length} pull request${facts.pulls.length === 1 ? '' : 's'}`]
      for (const k of ['passed', 'waived', 'failed', 'missing', 'pending'] as const)
        if (counts[k]) parts.push(`${counts[k]} ${k === 'missing' ? 'without a gate result' : k}`)
      if (facts.direct.length) parts.push(`${facts.direct.length} direct commit${facts.direct.length === 1 ? '' : 's'}`)
      const tables: RuleTable[] = facts.pulls.length
        ? [
            {
              title: 'Pull requests in the release',
              columns: ['PR', 'Gate', 'Title', 'Author', 'Gate result'],
              rows: facts.pulls.map((p) => [pr(p.number), p.gate.state, p.title, p.author, p.gate.url ?? '']),
            },
          ]
        : []
      return { findings, summary: parts.join(', '), tables }
    },
  })
}

/**
 * A dangerous rule for release: its findings in files changed only by PRs carrying the approval label
 * become information ("approved for release"); the others name the PRs that need the label.
 */
function approvable(
  rule: GateRule,
  settings: ResolvedPolicy['release'],
  pullsTouching: (path: string) => Promise<PullGate[]>,
  approved: ReleaseFacts['approved'],
  verify: (p: PullGate, path: string) => Promise<ReleaseApproval>,
): GateRule {
  const label = settings.approval_label
  const bind = (raw: unknown): Bound => {
    const b = rule.bind(raw)
    return b.ok ? { ok: true, bound: { ...b.bound, evaluate: (ctx) => approvedFindings(b.bound, ctx) } } : b
  }
  const approvedFindings = async (bound: BoundRule, ctx: RuleContext): Promise<RuleOutput> => {
    const out = await bound.evaluate(ctx)
    const findings = await Promise.all(
      out.findings.map(async (f): Promise<Finding> => {
        if ((f.kind ?? 'violation') !== 'violation' || !f.path) return f
        const path = f.path
        const touching = await pullsTouching(path)
        if (!touching.length)
          return {
            ...f,
            hint: `${f.hint ? `${f.hint} ` : ''}(changed outside any pull request of the release, so no label can approve it)`,
          }
        const checks = await Promise.all(touching.map(async (p) => ({ p, a: await verify(p, path) })))
        const missing = checks.filter((c) => !c.a.approved)
        if (!missing.length) {
          const approvals = checks.map(({ p, a }) => ({ pull: p.number, by: a.by ?? '', via: a.via ?? '', at: a.at, url: a.url }))
          approved.push({ rule: rule.id, path, pulls: touching.map((p) => p.number), message: f.message, approvals })
          return {
            ...f,
            kind: 'info',
            message:
              `Approved for release by ${approvals.map((a) => `${a.by} (${a.via}) on ${pr(a.pull)}`).join(', ')} ` +
              `with the label ${label}: ${f.message}`,
          }
        }
        const refused = missing.filter((c) => c.a.why && !/^no /.test(c.a.why)).map((c) => `${pr(c.p.number)}: ${c.a.why}`)
        return {
          ...f,
          message:
            `${f.message} (from ${missing.map((c) => pr(c.p.number)).join(', ')})` +
            (refused.length ? ` — approval not counted: ${refused.join('; ')}` : ''),
          hint:
            `${f.hint ? `${f.hint} — ` : ''}or have a release approver (not the PR's author) ` +
            `approve it for this release with the label ${label} on ${missing.map((c) => pr(c.p.number)).join(', ')}`,
        }
      }),
    )
    return { ...out, findings }
  }
  return { ...rule, bind }
}

export async function evaluateRelease(input: ReleaseInput): Promise<ReleaseEvaluation> {
  const { octokit, repo } = input
  const facts: ReleaseFacts = {
    environment: input.environment,
    base: { input: input.base, source: 'input' },
    head: { input: input.head, sha: input.head },
    totalCommits: 0,
    pulls: [],
    direct: [],
    approved: [],
  }
  const notes: Note[] = []

  // 1. The base: what is deployed.
  const base = await resolveBase(input, facts)
  let problem = base.problem

  // 2. The range.
  const range = await readRange(input, facts, base.ref, notes)
  const { files, baseSha, headSha } = range

  // 3. The policy: the one of what is deployed (a release cannot loosen its own gate).
  // Contents (the policy and .gitattributes first, then what the rules plan) are read in GraphQL batches.
  const store = new ContentStore(octokit, repo, { sizeHint: sizeHintsFrom(files, headSha) })
  const { read: readBase, policyText, gitattributes } = await readEnforcedSide(octokit, repo, baseSha, input.policyPath, undefined, store)
  markExclusions(files, gitattributes)
  const policySource = policySourceOf({ path: input.policyPath, text: policyText, at: { sha: baseSha } })
  const ctx = releaseContext(input, store, range, { baseRef: base.ref, readBase, gitattributes }, notes)
  const remote = input.remotePolicy ?? new RemotePolicyReader(octokit)
  const { loaded, errors } = await tryLoadPolicy(policyText, input.policyPath, readBase, { remote: remote.read })
  if (!loaded) return { verdict: policyErrorVerdict(errors, ctx, policySource, defaultResolvedPolicy()), facts }
  notes.push(...enforcementNotes(loaded))
  const policy = loaded.policy
  const settings = policy.release
  const plan = planReads(policy, files, 'release')
  const planned = store.prefetch([
    ...plan.head.map((path) => ({ ref: headSha, path })),
    ...plan.base.map((path) => ({ ref: baseSha, path })),
  ])

  // 4. Gate results of the merged PRs (at most max_pull_requests of them).
  if (facts.pulls.length > settings.max_pull_requests) {
    problem =
      `The release contains ${facts.pulls.length} pull requests, more than release.max_pull_requests ` +
      `(${settings.max_pull_requests}); only the first ${settings.max_pull_requests} were checked.`
    facts.pulls = facts.pulls.slice(0, settings.max_pull_requests)
  }
  facts.pulls = await gateResults(octokit, repo, facts.pulls, input.checkName, input.gateIdentity ?? ACTIONS_GATE_IDENTITY)

  // 5. Rules: the release-only rule, then the release-relevant rules (dangerous ones approvable).
  const rules = releaseRules(input, facts, policy, readBase, problem, notes)
  const gateRules: ResolvedPolicy['rules'] = { ...policy.rules }
  gateRules[RELEASE_RULE_ID] = { level: 'fail' }
  const gatePolicy: ResolvedPolicy = { ...policy, rules: gateRules }
  await planned
  const verdict = await runGate({ policy: gatePolicy, ctx, policySource, notes, rules })
  return { verdict, policy, facts }
}

/** The deployed ref (`auto`: the latest successful deployment), or none and the problem that says so. */
async function resolveBase(input: ReleaseInput, facts: ReleaseFacts): Promise<{ ref: string | undefined; problem?: string }> {
  if (input.base !== 'auto') return { ref: input.base }
  if (!input.environment)
    throw new ReleaseError('base-ref auto needs an environment (input `environment`): the base is the latest successful deployment to it')
  const dep = await lastSuccessfulDeployment(input.octokit, input.repo, input.environment, { exclude: input.excludeDeploymentId })
  if (dep) {
    facts.base = { input: 'auto', sha: dep.sha, source: 'deployment', deploymentId: dep.deploymentId, deployedAt: dep.deployedAt }
    return { ref: dep.sha }
  }
  facts.base = { input: 'auto', source: 'none' }
  return {
    ref: undefined,
    problem:
      `No successful deployment to ${input.environment} was found, so the release range is unknown and nothing in it ` +
      `could be checked. For a first deployment, pass an explicit base (a tag or SHA), or have a maintainer approve it.`,
  }
}

/** The files and ends of the release range. */
interface ReleaseRange {
  readonly files: ChangeSet['files']
  readonly baseSha: string
  readonly headSha: string
}

/** Compares base…head (when the base is known), filling the range's facts: commits, merged PRs, direct commits. */
async function readRange(input: ReleaseInput, facts: ReleaseFacts, baseRef: string | undefined, notes: Note[]): Promise<ReleaseRange> {
  if (!baseRef) return { files: [], baseSha: input.head, headSha: input.head }
  const { octokit, repo } = input
  const cmp = await compareRange(octokit, repo, baseRef, input.head)
  facts.base.sha ??= cmp.baseSha
  facts.head.sha = cmp.headSha
  facts.compareUrl = cmp.htmlUrl
  facts.status = cmp.status
  facts.totalCommits = cmp.totalCommits
  if (cmp.status === 'behind' || cmp.status === 'diverged') {
    notes.push({
      level: 'warning',
      message:
        `The candidate ${input.head} is ${cmp.status === 'behind' ? 'behind' : 'diverged from'} ` +
        `the deployed ${baseRef}: deploying it removes commits that are running now (a rollback). ` +
        `Only the candidate's own commits since the merge base are evaluated.`,
    })
  }
  const { pulls, direct } = await mergedPullsInRange(octokit, repo, cmp.commits)
  facts.direct = direct
  facts.pulls = pulls as PullGate[] // gate results are filled below, after the policy caps the count
  return { files: cmp.files.map(toChangedFile), baseSha: cmp.baseSha, headSha: cmp.headSha }
}

/** The rules' context for the range: its aggregate diff (noting when GitHub cut it short) and a release as the "pull request". */
function releaseContext(
  input: ReleaseInput,
  store: ContentStore,
  range: ReleaseRange,
  base: { baseRef: string | undefined; readBase: ChangeSet['readBase']; gitattributes: RuleContext['gitattributes'] },
  notes: Note[],
): RuleContext {
  const { files, baseSha, headSha } = range
  const truncated = files.length >= COMPARE_FILES_CAP
  const changes: ChangeSet = {
    base: baseSha,
    head: headSha,
    files,
    totalFiles: truncated ? files.length + 1 : files.length,
    truncated,
    readHead: (p) => store.read(headSha, p),
    readBase: base.readBase,
  }
  if (truncated)
    notes.push({
      level: 'warning',
      message:
        `GitHub's compare API lists at most ${COMPARE_FILES_CAP} files of a range; this release changes at least that many, ` +
        `so its diff was checked only in part. Deploy smaller releases, or rely on each pull request's own gate for the rest.`,
    })
  const meta: PullRequestMeta = {
    title: `Release ${base.baseRef ?? '?'}…${input.head}`,
    body: '',
    author: '',
    labels: [],
    repo: { owner: input.repo.owner, name: input.repo.repo },
  }
  const evidence = apiEvidence(input.octokit, input.repo, baseSha, headSha, input.evidence)
  return { changes, pr: meta, evidence, gitattributes: base.gitattributes, now: input.now ?? new Date(), mode: 'release' }
}

/** The release-only rule, then every rule, the policy's dangerous ones approvable by label. */
function releaseRules(
  input: ReleaseInput,
  facts: ReleaseFacts,
  policy: ResolvedPolicy,
  readBase: ChangeSet['readBase'],
  problem: string | undefined,
  notes: Note[],
): GateRule[] {
  const settings = policy.release
  const pullsTouching = pullsTouchingIn(input, facts)
  const verifyApproval = approvalVerifier(input, policy, readBase)
  const unknown = settings.dangerous_rules.filter((id) => !RULES.some((r) => r.id === id))
  if (unknown.length)
    notes.push({
      level: 'warning',
      message:
        `release.dangerous_rules names unknown rule${unknown.length === 1 ? '' : 's'} ${unknown.join(', ')}; ` +
        `rules: ${RULES.map((r) => r.id).join(', ')}.`,
    })
  return [
    releaseGatesRule(facts, settings, problem, describeGateIdentity(input.gateIdentity ?? ACTIONS_GATE_IDENTITY)),
    ...RULES.map((r) =>
      settings.dangerous_rules.includes(r.id) ? approvable(r, settings, pullsTouching, facts.approved, verifyApproval) : r,
    ),
  ]
}

/** The release's PRs (as `facts.pulls` holds them when asked) that change `path`; each PR's files are listed once. */
function pullsTouchingIn(input: ReleaseInput, facts: ReleaseFacts): (path: string) => Promise<PullGate[]> {
  const fileLists = new Map<number, Promise<Set<string>>>()
  const filesOf = (p: PullGate) => {
    let f = fileLists.get(p.number)
    if (!f) {
      f = listPullFiles(input.octokit, input.repo, p.number, 0).then(
        (list) => new Set(list.flatMap((x) => (x.previousPath ? [x.path, x.previousPath] : [x.path]))),
      )
      fileLists.set(p.number, f)
    }
    return f
  }
  return async (path: string) => {
    const sets = await mapLimit(facts.pulls, 4, filesOf)
    return facts.pulls.filter((_, i) => sets[i]?.has(path))
  }
}

/**
 * Release approvals, verified from each PR's records (its timeline, the approver's role or team, CODEOWNERS
 * at the deployed commit); identities are looked up once for the whole range.
 */
function approvalVerifier(
  input: ReleaseInput,
  policy: ResolvedPolicy,
  readBase: ChangeSet['readBase'],
): (p: PullGate, path: string) => Promise<ReleaseApproval> {
  const settings = policy.release
  const identities = new IdentityCache()
  const recordsOf = new Map<number, WaiverRecords>()
  return (p: PullGate, path: string) => {
    let rec = recordsOf.get(p.number)
    if (!rec) {
      rec = githubWaiverRecords(
        input.octokit,
        input.repo,
        {
          number: p.number,
          author: p.author,
          headRef: p.headRef ?? '',
          headSha: p.headSha ?? '',
          sameRepo: p.sameRepo !== false && !!p.headRef,
          htmlUrl: p.htmlUrl,
        },
        readBase,
        identities,
      )
      recordsOf.set(p.number, rec)
    }
    return verifyReleaseApproval(rec, p, settings.approval_label, settings.approvers as ApproverSpec, [path], policy.waivers.allow_self)
  }
}
