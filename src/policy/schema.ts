/**
 * THE policy schema: the single source of the policy's types, defaults and documentation. The JSON Schema
 * for editors (policies/schema.json) is generated from `policySchema()` (`pr-gate schema`), and a test
 * fails when the committed file is stale. Rule options come from each rule's own `options` schema.
 */
import { Type, type Static, type TObject, type TSchema } from '@sinclair/typebox'
import { RULES } from '../rules/index.js'
import type { Level } from '../types.js'
import type { GateRule } from '../rules/define.js'
import type { RuleOptionsById } from '../rules/index.js'
import { ReportSettings } from '../trends/settings.js'
import { DEFAULT_CHECK_NAME, DEFAULT_LABEL_PREFIX, DEFAULT_POLICY_PATH } from './defaults.js'

export const SCHEMA_ID = 'https://github.com/pr-quality-gate/pr-quality-gate/policies/schema.json'

export const LevelSchema = Type.Unsafe<Level>({
  type: 'string',
  enum: ['off', 'notice', 'warn', 'fail'],
  description: 'off: not evaluated · notice: reported, never blocks · warn: conclusion neutral (or success) · fail: conclusion failure',
})

export const ConclusionSettings = Type.Object(
  {
    warnings: Type.Unsafe<'neutral' | 'success'>({
      type: 'string',
      enum: ['neutral', 'success'],
      default: 'neutral',
      description: 'Check conclusion when the worst result is a warning.',
    }),
    on_error: Type.Unsafe<'failure' | 'neutral'>({
      type: 'string',
      enum: ['failure', 'neutral'],
      default: 'failure',
      description: 'Conclusion when a rule could not be evaluated (API error, unreadable report). Never success.',
    }),
    partial: Type.Unsafe<'failure' | 'neutral'>({
      type: 'string',
      enum: ['failure', 'neutral'],
      default: 'failure',
      description: 'Conclusion floor when the PR has more files than GitHub lists (3000): the evaluation is partial.',
    }),
  },
  { additionalProperties: false, default: {}, description: 'How results become the check conclusion.' },
)

/** Who may give a waiver or a release approval (GitHub's own records are checked for each). */
export const ApproversSchema = Type.Object(
  {
    users: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { description: 'Logins that may approve.' })),
    teams: Type.Optional(
      Type.Array(Type.String({ pattern: '^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$' }), {
        description:
          'Teams as `org/team-slug`; membership is read from the API (the token needs ' +
          'organization `members: read`; a workflow GITHUB_TOKEN cannot read it).',
      }),
    ),
    permission: Type.Optional(
      Type.Unsafe<'triage' | 'write' | 'maintain' | 'admin'>({
        type: 'string',
        enum: ['triage', 'write', 'maintain', 'admin'],
        description: 'Anyone whose repository role is this or higher (read from the API).',
      }),
    ),
    codeowners: Type.Optional(
      Type.Boolean({ description: "A code owner (CODEOWNERS read from the base commit) of every path the rule's findings name." }),
    ),
  },
  {
    additionalProperties: false,
    description: 'Who may approve. Any one of the listed kinds qualifies; the PR author never does unless `waivers.allow_self`.',
  },
)
export type Approvers = Static<typeof ApproversSchema>

export { DEFAULT_POLICY_PATH, DEFAULT_CHECK_NAME, DEFAULT_LABEL_PREFIX }

export const WaiverSettings = Type.Object(
  {
    label_prefix: Type.String({
      default: DEFAULT_LABEL_PREFIX,
      minLength: 1,
      description: "A PR label `<prefix><rule-id>` waives that rule when GitHub's events show an approver (not the author) added it.",
    }),
    require_reason: Type.Boolean({
      default: true,
      description:
        'A label waiver needs a line `<prefix><rule-id> <reason>` in the PR body; ' +
        'a `/gate waive <rule-id> <reason>` command needs its reason.',
    }),
    min_reason_length: Type.Integer({ minimum: 0, default: 10, description: 'Minimum length of the reason.' }),
    approvers: Type.Unsafe<Approvers>({
      ...ApproversSchema,
      default: { permission: 'write' },
      description:
        'Who may waive a rule that sets no `approvers` of its own. Default: anyone with write access or more, other than the author.',
    }),
    allow_self: Type.Boolean({
      default: false,
      description: 'Let the PR author waive their own PR (a label they added, a command they wrote). Off by default.',
    }),
    invalidate_on_push: Type.Union([Type.Boolean(), Type.Array(Type.String({ minLength: 1 }))], {
      default: ['migration-safety', 'dependencies'],
      description:
        'Rules whose waivers a push voids (true: every rule, false: none): ' +
        'the waiver must be given on the current head commit (a review on it, or a label or comment after its push).',
    }),
  },
  {
    additionalProperties: false,
    default: {},
    description: "Waivers: how an approver lets a PR pass a rule on purpose, verified from GitHub's records.",
  },
)

/** When the sticky PR comment is written (the check run always carries the full verdict). */
export type CommentMode = 'always' | 'on-failure' | 'on-change' | 'never'
export const COMMENT_MODES: readonly CommentMode[] = ['always', 'on-failure', 'on-change', 'never']

export const CommentSetting = Type.Unsafe<CommentMode>({
  type: 'string',
  enum: [...COMMENT_MODES],
  default: 'always',
  description:
    'When the sticky PR comment is written; the check run always has the full report. always (default): on every run, ' +
    'updated in place. on-failure: only when the conclusion is not success; a comment already there is updated, ' +
    'so a red comment never outlives the fix. on-change: only when what the comment shows (conclusion, findings, waivers, ' +
    'notes) differs from the comment already there; a PR that passes from the start gets none. never: check run only.',
})

const levelWithDefault = (def: Level, description: string) => Type.Unsafe<Level>({ ...LevelSchema, default: def, description })

/** Release mode (`mode: release` in the Action, deployment protection rules in the App): see docs/release.md. */
export const ReleaseSettings = Type.Object(
  {
    missing_gate_result: levelWithDefault(
      'fail',
      'Level of a pull request merged in the release range that has no gate result (no check run or commit ' +
        'status named like the gate on its head SHA, or one still in progress). `fail`: the release is blocked.',
    ),
    failed_gate_result: levelWithDefault(
      'fail',
      'Level of a pull request in the range whose gate concluded failure (or cancelled, timed out, action required, stale).',
    ),
    direct_commits: levelWithDefault(
      'warn',
      'Level of commits in the range that belong to no merged pull request (pushed directly, so never gated).',
    ),
    approval_label: Type.String({
      default: 'release-approved',
      minLength: 1,
      description:
        'A label on a pull request that approves, for release, the findings of the `dangerous_rules` in ' +
        'the files that pull request changed (e.g. a dangerous migration the release manager accepts).',
    }),
    dangerous_rules: Type.Array(Type.String({ minLength: 1 }), {
      default: ['migration-safety'],
      description:
        'Rules whose findings on the release diff need the approval label on every pull request of the ' +
        'range that changed the file; without it they count at their level (a `fail` blocks the release).',
    }),
    approvers: Type.Unsafe<Approvers>({
      ...ApproversSchema,
      default: { permission: 'maintain' },
      description:
        "Who may approve a dangerous finding for release: the approval label counts only when GitHub's " +
        'events show one of them (not the PR author) added it. Default: maintainers and admins.',
    }),
    max_pull_requests: Type.Integer({
      minimum: 1,
      default: 500,
      description:
        'Most pull requests a release may contain; a larger range is reported as ' +
        'partial (the rest is not checked) and concludes at best `conclusion.partial`.',
    }),
  },
  {
    additionalProperties: false,
    default: {},
    description:
      'Release mode: how the pull requests merged between the last deployment and the candidate, ' +
      'and the release diff, decide whether the release may deploy.',
  },
)

/* ── Org policy (issue 19): remote `extends` and org floors (`locked`). Kept in one block; see
 * src/policy/floors.ts for what "tighter" means per key, and docs/policy.md "Org policy". ── */

/** `extends` entries: a preset, a repository path, or `github:<owner>/<repo>/<path>@<ref>`. */
export const ExtendsSetting = Type.Union([Type.String({ minLength: 1 }), Type.Array(Type.String({ minLength: 1 }))], {
  description:
    'What this policy starts from: a shipped preset name (default, strict, relaxed), ' +
    'a path to another policy file in this repository, or a policy in another repository, ' +
    "`github:<owner>/<repo>/<path>@<ref>` (usually the org's `.github` repository, e.g. " +
    "github:acme/.github/quality-gate/org.yml@main), read through the API with the gate's token. " +
    'Later entries override earlier ones; this file overrides them all.',
})

/** Per rule: `locked: true` (every option and the level) or a list of the locked option names. */
export const RuleLockSetting = Type.Union([Type.Literal(true), Type.Array(Type.String({ minLength: 1 }), { minItems: 1 })], {
  description:
    "Org floor: `true` locks this rule's level and every option at this file's values; " +
    'a list locks only the named keys (e.g. [level, fail_lines]). Policies that extend this file may tighten a locked key, ' +
    'never loosen it: a looser value is replaced by this one and the verdict names the org rule that was enforced. ' +
    'See docs/policy.md, "Org policy".',
})

/** Top level: dotted paths of other locked keys (conclusion, waivers, release, comment, or rule keys). */
export const LockedPaths = Type.Array(Type.String({ minLength: 1, pattern: '^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$' }), {
  description:
    'Org floor for keys outside a rule entry, as dotted paths: conclusion.on_error, waivers.require_reason, ' +
    "release.dangerous_rules, rules.pr-size.fail_lines, … Same meaning as a rule's `locked`.",
})
/* ── end of the org policy block ── */

/** The per-rule entry: `level` plus the rule's own options (and the org floor `locked`). */
export function ruleEntrySchema(rule: GateRule): TObject {
  const own = rule.options.properties
  return Type.Object(
    {
      level: { ...LevelSchema, default: rule.defaultLevel },
      approvers: Type.Optional(
        Type.Unsafe<Approvers>({ ...ApproversSchema, description: `Who may waive ${rule.id} (instead of waivers.approvers).` }),
      ),
      ...own,
      locked: Type.Optional(RuleLockSetting),
    } as Record<string, TSchema>,
    { additionalProperties: false, default: {}, description: rule.description },
  )
}

export function policySchema(rules: readonly GateRule[] = RULES) {
  const ruleProps: Record<string, TSchema> = {}
  for (const r of rules) ruleProps[r.id] = Type.Optional(ruleEntrySchema(r))
  return Type.Object(
    {
      $schema: Type.Optional(Type.String({ description: 'JSON Schema reference for editors.' })),
      extends: Type.Optional(ExtendsSetting),
      locked: Type.Optional(LockedPaths),
      rules: Type.Optional(Type.Object(ruleProps, { additionalProperties: false, default: {}, description: 'Rules by id.' })),
      conclusion: Type.Optional(ConclusionSettings),
      waivers: Type.Optional(WaiverSettings),
      release: Type.Optional(ReleaseSettings),
      report: Type.Optional(ReportSettings),
      comment: Type.Optional(CommentSetting),
    },
    { additionalProperties: false, $id: SCHEMA_ID, title: 'pr-quality-gate policy' },
  )
}

/** A fully resolved policy (after extends, merge and defaults). Rule entries are keyed by id. */
export interface ResolvedPolicy {
  /**
   * Every registered rule's options, defaults filled, typed from its schema (`RuleOptionsById`); other
   * ids (the release-only rule, rules a test injects) are checked by `bind` when they run.
   */
  rules: RuleOptionsById & Record<string, { level: Level } & Record<string, unknown>>
  conclusion: Static<typeof ConclusionSettings>
  waivers: Static<typeof WaiverSettings>
  release: Static<typeof ReleaseSettings>
  report: Static<typeof ReportSettings>
  comment: CommentMode
}

/**
 * The JSON Schema document written to policies/schema.json. TypeBox lists every non-Optional property as
 * `required`, but a key with a default may be left out of a policy (the loader fills it in): an editor
 * must not ask for it. So `required` keeps only the keys without a default (e.g. a co-change rule's `name`).
 */
export function policyJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    ...(withoutDefaultedRequired(JSON.parse(JSON.stringify(policySchema()))) as Record<string, unknown>),
  }
}

function withoutDefaultedRequired(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutDefaultedRequired)
  if (typeof node !== 'object' || node === null) return node
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(node)) out[k] = withoutDefaultedRequired(v)
  const props = out.properties
  if (Array.isArray(out.required) && typeof props === 'object' && props !== null) {
    const p = props as Record<string, { default?: unknown } | undefined>
    const required = out.required.filter((k): k is string => typeof k === 'string' && p[k]?.default === undefined)
    if (required.length) out.required = required
    else delete out.required
  }
  return out
}
