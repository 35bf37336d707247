/**
 * The data that flows through the gate. Sources (GitHub API, local git, webhook) build a ChangeSet and
 * Evidence; rules are pure functions over a RuleContext; the engine turns their output into one Verdict
 * that every publisher renders. Nothing in this file talks to the network or reads process.env.
 */
import type { TObject, Static } from '@sinclair/typebox'

/** Severity a policy gives a rule (or a finding). Ordered: off < notice < warn < fail. */
export type Level = 'off' | 'notice' | 'warn' | 'fail'
export const LEVELS: readonly Level[] = ['off', 'notice', 'warn', 'fail']
export function levelRank(level: Level): number {
  return LEVELS.indexOf(level)
}
export function maxLevel(a: Level, b: Level): Level {
  return levelRank(a) >= levelRank(b) ? a : b
}

/** GitHub's file statuses (the git source maps its letters onto these). */
export type FileStatus = 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged'

/** Why a file does not count toward size (and may be skipped by other rules). */
export type ExclusionReason = 'lockfile' | 'generated' | 'vendored' | 'minified' | 'snapshot' | 'no-diff' | 'policy'

export interface ChangedFile {
  path: string
  /** For renames and copies: the path on the base side. */
  previousPath?: string
  status: FileStatus
  additions: number
  deletions: number
  /**
   * Unified-diff hunks (starting at `@@`) as GitHub's files API returns them. ABSENT for binary files and
   * for diffs GitHub does not inline (too large): absence never means "no change".
   */
  patch?: string
  /** True when the source knows the file is binary. */
  binary?: boolean
  /** Set by the change layer when the file is generated/vendored/lock (see src/change/generated.ts). */
  excluded?: ExclusionReason
}

export interface ChangeSet {
  /** Base and head commit SHAs (or refs, for the CLI before resolution). */
  base: string
  head: string
  files: ChangedFile[]
  /** The number of files the PR really changes (can exceed files.length when the source capped the list). */
  totalFiles: number
  /** True when `files` is not the whole change (GitHub lists at most 3000 files). */
  truncated: boolean
  /** Contents of a file at the head ref; undefined when it does not exist there. Fetched on demand. */
  readHead(path: string): Promise<string | undefined>
  /** Contents of a file at the base ref; undefined when it does not exist there. */
  readBase(path: string): Promise<string | undefined>
  /**
   * Paths of the files under `dir` (recursive; `''` = the whole repository) at the base ref; undefined
   * when the source cannot list them. Optional: sources without a cheap tree listing omit it.
   */
  listBase?(dir: string): Promise<string[] | undefined>
  /**
   * Which of `paths` had shipped in a release when the base commit was made: map path → the newest tag whose
   * name matches one of `patterns` (globs; pre-releases such as v1.2.0-rc1 excluded), dated no later than
   * the base commit, whose tree holds the path. undefined when the source has no tag information (no such
   * tag, or no way to list tags). Optional: only the local git source answers it.
   */
  releasedPaths?(paths: string[], patterns: string[]): Promise<Map<string, string> | undefined>
  /**
   * The text each of `paths` has in the tag releasedPaths names for it: map path → { tag, text }; undefined
   * when the source has no tag information. Optional: only the local git source answers it.
   */
  releasedTexts?(paths: string[], patterns: string[]): Promise<Map<string, { tag: string; text: string }> | undefined>
  /**
   * The oldest release tag (same patterns and date limit as releasedPaths) whose tree holds each of `paths`:
   * map path → { tag, date (seconds) }; undefined when the source has no tag information. Optional: only the
   * local git source answers it.
   */
  firstReleases?(paths: string[], patterns: string[]): Promise<Map<string, { tag: string; date: number }> | undefined>
}

/** A report file found in the workspace (coverage, scanner output). */
export interface ReportFile {
  /** Path relative to the workspace root. */
  path: string
  /** Where the bytes came from: the workspace of this run, or an artifact of the PR's own workflow. */
  origin: 'workspace' | 'pr-artifact'
  read(): Promise<string>
  /** Size in bytes, for budget decisions before reading. */
  size: number
}

/**
 * What every view of a pull request names the same way (glossary: "pull request"). Three views extend it:
 * what rules see (`PullRequestMeta`; no number for a local diff), what the GitHub source reads of an open
 * one (`PullInfo`, src/github/source.ts) and one merged into a release range (`MergedPull`, src/release/range.ts).
 */
export interface PullRequestFields {
  number: number
  title: string
  author: string
  labels: string[]
  /** The PR's head branch. */
  headRef?: string
  htmlUrl?: string
}

/** The pull request as rules see it. */
export interface PullRequestMeta extends Omit<PullRequestFields, 'number'> {
  number?: number
  body: string
  /** Repository owner/name, when known. */
  repo?: { owner: string; name: string }
  draft?: boolean
  baseRef?: string
  /** True when the head repository differs from the base repository (fork PR). */
  fromFork?: boolean
}

/**
 * Evidence beyond the diff. Optional providers are supplied by the source that can answer them (the GitHub
 * source can call the dependency-review API; the CLI cannot) and are undefined otherwise.
 */
export interface Evidence {
  /** Report files in the workspace matching any of the globs (relative to the workspace root). */
  findReports(globs: string[]): Promise<ReportFile[]>
  /** GitHub dependency review (compare) for base...head; see src/rules/dependencies. */
  dependencyReview?: () => Promise<ProviderResult<import('./github/dependency-facts.js').DependencyReviewFacts>>
  /** Open Dependabot alerts of the repository. */
  dependabotAlerts?: () => Promise<ProviderResult<import('./evidence/scanners/index.js').Vulnerability[]>>
  /** Open GitHub secret-scanning alerts with a location in one of the PR's commits (see src/github/security.ts). */
  secretScanningAlerts?: () => Promise<ProviderResult<SecretScanningAlert[]>>
  /** Open GitHub code-scanning alerts of the PR's merge ref (`refs/pull/N/merge`), as GitHub returns them. */
  codeScanningAlerts?: () => Promise<ProviderResult<unknown[]>>
}

/**
 * A GitHub secret-scanning alert, reduced to what may be shown: the provider fingerprints the secret and
 * drops it, so the secret text never travels further than the HTTP answer.
 */
export interface SecretScanningAlert {
  number: number
  /** GitHub's secret type id, e.g. `aws_access_key_id` (what a `rule` allowlist entry matches too). */
  secretType: string
  /** e.g. "Amazon AWS Access Key ID". */
  displayName: string
  htmlUrl?: string
  /** `sha256:…` of the secret (src/evidence/redact.ts), and its redacted preview. */
  fingerprint: string
  redacted: string
  /** Where GitHub found it in the PR's commits. */
  locations: Array<{ path: string; line: number; endLine: number; commit: string }>
}

/**
 * Answer of an optional provider: data, or why there is none. `unavailable: true` only when the feature is
 * off by configuration (403/404: not enabled, no permission): a notice. Without it the provider FAILED
 * (5xx after retries, timeout, network, rate limit exhausted, malformed answer): the rule is not evaluated.
 */
export type ProviderResult<T> = { ok: true; data: T } | { ok: false; reason: string; unavailable?: boolean }

export interface RuleContext {
  changes: ChangeSet
  pr: PullRequestMeta
  evidence: Evidence
  /** `.gitattributes` of the base side (already applied to `excluded`, exposed for rules that need it). */
  gitattributes?: string
  /** "Now", injectable for tests of ages and expiries. */
  now: Date
  /** pull_request (default) or release (a range of merged PRs). */
  mode: 'pull_request' | 'release'
  /**
   * GitHub's records of the PR (timeline, reviews, identities), for verifying waivers. Absent for the CLI,
   * whose `--label` waivers are the operator's own statement.
   */
  waiverRecords?: import('./github/waiver-records.js').WaiverRecords
}

/** One waiver as the audit trail shows it: which rule, who, when, on which head, why, and where. */
export interface WaiverAudit {
  rule: string
  /** The approver's login (for a local CLI run: `local --label`). */
  by: string
  /** How `by` qualifies as an approver ("repository role maintain", "member of acme/dba", "code owner of …"). */
  via: string
  /** ISO time of the act. */
  at?: string
  /** The head commit the waiver applies to. */
  head: string
  reason?: string
  kind: 'label' | 'review' | 'review-comment' | 'comment' | 'local'
  /** The event, review or comment on GitHub. */
  url?: string
  label?: string
}

export interface Finding {
  /** What is wrong, in one sentence (plain text: the renderers escape it). */
  message: string
  /** The safe alternative / how to fix (plain text; may contain `code` spans written by the rule). */
  hint?: string
  /** Becomes an annotation when present with a line. */
  path?: string
  line?: number
  endLine?: number
  column?: number
  /** A short machine id within the rule (e.g. a migration danger id), shown in the comment. */
  code?: string
  /** Help page of `code` (e.g. a SAST rule's helpUri): the comment links the code to it when the URL is safe. */
  url?: string
  /**
   * Level of this finding when the policy gives per-finding levels (e.g. per-danger levels); defaults to
   * the rule's level. Never above the rule's level.
   */
  level?: Level
  /**
   * `error`: the rule could not evaluate something (infrastructure, unreadable report). Errors never let
   * the gate conclude success; the policy's `on_error` decides what they conclude.
   */
  kind?: 'violation' | 'error' | 'info'
}

/** A table a rule wants shown in its details (cells are plain text, escaped by the renderer). */
export interface RuleTable {
  title?: string
  columns: string[]
  rows: string[][]
}

/**
 * Whether a rule had anything to check. `not-applicable`: nothing in its scope (no migration changed, no
 * critical area configured or touched). `no-evidence`: the change is in scope but the evidence it judges by
 * is missing (no scanner report, no dependency review). Neither is a pass: the surfaces say which it was.
 */
export type Applicability = 'applicable' | 'not-applicable' | 'no-evidence'

export interface RuleOutput {
  findings: Finding[]
  /** Default `applicable`. */
  applicability?: Applicability
  /** One line shown in the rule's row of the summary table (plain text). */
  summary?: string
  tables?: RuleTable[]
  /** Labels the rule wants on the PR: `add` are applied, `remove` taken off (only from `managed`). */
  labels?: { add: string[]; remove: string[] }
  /** Free-form machine data for the JSON report. */
  data?: Record<string, unknown>
  /** Gate-level notes the rule raises (e.g. a misspelt suppression comment): added to Verdict.notes. */
  notes?: Note[]
}

/** Options every rule has, whatever its own options are. */
export interface CommonRuleOptions {
  level: Level
}

export interface Rule<S extends TObject = TObject> {
  /** kebab-case; = file name = policy key = docs/rules/<id>.md */
  id: string
  description: string
  /** TypeBox schema of the rule's own options, with defaults; folded into the policy schema. */
  options: S
  /** Level when the policy does not mention the rule. */
  defaultLevel: Level
  /** Whether the rule is meaningful in release mode (aggregate diff of a range). */
  release?: boolean
  /**
   * The file contents `evaluate` will read, declared from the file list and the options before any rule
   * runs: the pipeline reads them all in a few batched queries (src/github/contents.ts) instead of one
   * call per file. Optional and advisory: a read the plan did not name is still served (it costs its own
   * call), and a planned file the rule does not read costs only its bytes.
   */
  plan?(input: PlanInput, options: Static<S> & CommonRuleOptions): ContentPlan
  evaluate(ctx: RuleContext, options: Static<S> & CommonRuleOptions): RuleOutput | Promise<RuleOutput>
}

/** What a rule's plan sees: the file list (with exclusions marked) and the mode. */
export interface PlanInput {
  files: readonly ChangedFile[]
  mode: 'pull_request' | 'release'
}

/** Paths whose contents a rule will read, at the head and at the base of the change. */
export interface ContentPlan {
  head?: string[]
  base?: string[]
}

export type RuleStatus = 'pass' | 'notice' | 'warn' | 'fail' | 'error' | 'off' | 'waived'

export interface RuleResult {
  id: string
  description: string
  level: Level
  status: RuleStatus
  /** Set for every evaluated rule (absent when off or when it threw): see Applicability. */
  applicability?: Applicability
  findings: Finding[]
  summary?: string
  tables?: RuleTable[]
  /** When waived: who waived it, when, on which head, why (the audit trail). */
  waiver?: WaiverAudit
  /** When the rule threw or could not run: why. */
  error?: string
  durationMs?: number
  /** Labels the rule asked for (gathered into Verdict.labels). */
  labels?: { add: string[]; remove: string[] }
  /** Notes the rule raised (gathered into Verdict.notes). */
  notes?: Note[]
  /** The rule's machine data (RuleOutput.data), for the JSON report and the trend report. */
  data?: Record<string, unknown>
}

export type Conclusion = 'success' | 'neutral' | 'failure'

export interface Verdict {
  conclusion: Conclusion
  /** One-line title, e.g. "2 rules failed: pr-size, migration-safety". */
  title: string
  results: RuleResult[]
  /** Ids of failed or errored rules; `policy` first when the policy could not be loaded (see policyError). */
  failedRules: string[]
  /** The policy could not be loaded or is invalid: no rule ran and the gate failed closed. */
  policyError?: boolean
  /** Gate-level notes: partial evaluation, policy changed by the PR, policy errors. Plain text. */
  notes: Note[]
  /** Labels to apply/remove, gathered from rules. */
  labels: { add: string[]; remove: string[] }
  /** Where the enforced policy came from (path@ref or "embedded default"). */
  policySource: string
  mode: 'pull_request' | 'release'
  pr?: PullRequestMeta
  head: string
  base: string
}

export interface Note {
  level: 'info' | 'warning' | 'error'
  message: string
  /** Optional longer detail (plain text), shown collapsed. */
  detail?: string
}
