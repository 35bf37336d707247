/**
 * Fuzz (issue 18): no combination of labels, PR-body lines, label events, reviews, review comments and
 * comments made by the PR author alone ever waives a rule — whatever the policy says about approvers (even
 * when the author is listed as one, has the admin role and owns every path), whether or not the acts are
 * bound to the head, whatever their text. Also: GitHub records of any shape (missing actors, unknown events,
 * bad times, wrong types) are parsed without throwing, and an act by a non-author that is not an approver
 * never waives either.
 *
 * FUZZ_STATS=1 prints how many waiving attempts were generated and rejected.
 */
import fc from 'fast-check'
import { verifyWaiver } from '../../src/engine/waivers.js'
import {
  parseReviewComments,
  parseTimeline,
  type ApproverSpec,
  type PullRecords,
  type WaiverAct,
  type WaiverRecords,
} from '../../src/github/waiver-records.js'
import type { ResolvedPolicy } from '../../src/policy/schema.js'
import type { PullRequestMeta } from '../../src/types.js'
import { check, nastyString, TIMEOUT } from './support.js'

const AUTHOR = 'octo-author'
const HEAD = 'c'.repeat(40)
const RULES = ['pr-size', 'migration-safety', 'dependencies', 'runbook', 'co-change']
const stats = { cases: 0, attempts: 0, rejected: 0, unverified: 0, badRecords: 0 }
afterAll(() => {
  if (process.env.FUZZ_STATS) console.log(`waivers fuzz: ${JSON.stringify(stats)}`)
})

/** The author's login as GitHub may spell it (logins are case-insensitive). */
const authorSpelling = fc.constantFrom(AUTHOR, AUTHOR.toUpperCase(), 'Octo-Author', 'octo-AUTHOR')
const rule = fc.constantFrom(...RULES, 'PR-SIZE', 'nope', '')
const reason = fc.oneof(
  fc.constantFrom('the generated client was regenerated', '<reason>', '…', 'TODO', '', 'short', 'a'.repeat(400)),
  nastyString(60),
)
const time = fc.oneof(
  fc
    .integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2030-01-01T00:00:00Z') })
    .map((t) => new Date(t).toISOString().replace(/\.\d+Z$/, 'Z')),
  fc.constantFrom('not a time', '', '1970-01-01T00:00:00Z'),
)
const commandLine = fc
  .tuple(fc.constantFrom('/gate waive', '/GATE WAIVE', '> /gate waive', '/gate  waive', ' /gate waive'), rule, reason)
  .map(([c, r, why]) => `${c} ${r} ${why}`)
const body = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: commandLine },
      { weight: 1, arbitrary: fc.tuple(rule, reason).map(([r, why]) => `gate-waive:${r} ${why}`) },
      { weight: 1, arbitrary: nastyString(60) },
      { weight: 1, arbitrary: fc.constantFrom('```', '<!--', '-->', 'LGTM') },
    ),
    { maxLength: 5 },
  )
  .map((l) => l.join('\n'))

const act: fc.Arbitrary<WaiverAct> = fc.record({
  kind: fc.constantFrom('review', 'review-comment', 'comment' as const),
  actor: authorSpelling,
  at: time,
  body,
  commitId: fc.constantFrom(HEAD, 'd'.repeat(40), undefined),
  state: fc.constantFrom('approved', 'commented', 'changes_requested', 'dismissed', 'APPROVED', ''),
  edited: fc.boolean(),
  url: fc.constant('https://github.com/acme/service/pull/7#x'),
})
const labelEvent = fc.record({
  event: fc.constantFrom('labeled', 'unlabeled' as const),
  label: fc.tuple(fc.constantFrom('gate-waive:', 'GATE-WAIVE:'), rule).map(([p, r]) => p + r),
  actor: authorSpelling,
  at: time,
})

const approvers: fc.Arbitrary<ApproverSpec> = fc.record(
  {
    users: fc.constantFrom([AUTHOR], [AUTHOR.toUpperCase()], ['someone-else'], []),
    teams: fc.constantFrom(['acme/platform'], []),
    permission: fc.constantFrom('triage', 'write', 'maintain', 'admin'),
    codeowners: fc.boolean(),
  },
  { requiredKeys: [] },
)
const settings: fc.Arbitrary<ResolvedPolicy['waivers']> = fc
  .record({
    label_prefix: fc.constantFrom('gate-waive:', 'GATE-WAIVE:'),
    require_reason: fc.boolean(),
    min_reason_length: fc.integer({ min: 0, max: 20 }),
    approvers,
    invalidate_on_push: fc.oneof(fc.boolean(), fc.constant(['migration-safety', 'dependencies'] as string[])),
  })
  .map((s) => ({ ...s, approvers: s.approvers as ResolvedPolicy['waivers']['approvers'], allow_self: false }))

const scenario = fc.record({
  ruleId: fc.constantFrom(...RULES),
  labels: fc.array(
    fc.oneof(
      fc.tuple(fc.constantFrom('gate-waive:', 'GATE-WAIVE:'), rule).map(([p, r]) => p + r),
      nastyString(20),
    ),
    { maxLength: 4 },
  ),
  prBody: body.chain((b) =>
    fc
      .tuple(
        fc.tuple(rule, reason).map(([r, why]) => `gate-waive:${r} ${why}`),
        fc.constant(b),
      )
      .map(([l, rest]) => `${l}\n${rest}`),
  ),
  acts: fc.array(act, { maxLength: 8 }),
  labelEvents: fc.array(labelEvent, { maxLength: 6 }),
  settings,
  invalidateOnPush: fc.boolean(),
  pushedAt: time,
  pushRefused: fc.boolean(),
})

/** Records that say exactly what the scenario says, and an identity check that accepts everybody. */
function records(
  s: { acts: WaiverAct[]; labelEvents: PullRecords['labelEvents']; pushedAt: string; pushRefused: boolean },
  approver = true,
): WaiverRecords {
  return {
    records: async () => ({ ok: true, value: { acts: s.acts, labelEvents: s.labelEvents } }),
    headPushedAt: async () => (s.pushRefused ? { ok: false, why: 'refused' } : { ok: true, value: s.pushedAt }),
    approver: async () =>
      approver ? { approver: true, via: 'everyone is an approver here' } : { approver: false, why: 'not an approver' },
  }
}

describe('waivers: the author alone never waives', () => {
  it(
    'labels, body lines, label events, reviews and comments by the author: never waived',
    async () => {
      await check('waivers: author alone', 500, scenario, async (s) => {
        stats.cases++
        const pr: PullRequestMeta = { title: 't', body: s.prBody, author: AUTHOR, labels: s.labels, number: 7 }
        const v = await verifyWaiver({
          ruleId: s.ruleId,
          pr,
          head: HEAD,
          settings: s.settings,
          approvers: s.settings.approvers,
          invalidateOnPush: s.invalidateOnPush,
          paths: ['db/x.sql'],
          records: records(s),
        })
        stats.attempts += v.rejected.length + v.unverified.length
        stats.rejected += v.rejected.length
        stats.unverified += v.unverified.length
        if (v.waived) throw new Error(`waived by ${JSON.stringify(v.audit)}`)
      })
    },
    TIMEOUT,
  )

  it(
    'the same acts by someone who is not an approver: never waived',
    async () => {
      await check('waivers: non-approver', 300, scenario, async (s) => {
        const acts = s.acts.map((a) => ({ ...a, actor: 'random-user' }))
        const labelEvents = s.labelEvents.map((e) => ({ ...e, actor: 'random-user' }))
        const pr: PullRequestMeta = { title: 't', body: s.prBody, author: AUTHOR, labels: s.labels, number: 7 }
        const v = await verifyWaiver({
          ruleId: s.ruleId,
          pr,
          head: HEAD,
          settings: s.settings,
          approvers: s.settings.approvers,
          invalidateOnPush: s.invalidateOnPush,
          paths: [],
          records: records({ ...s, acts, labelEvents }, false),
        })
        if (v.waived) throw new Error(`waived by ${JSON.stringify(v.audit)}`)
      })
    },
    TIMEOUT,
  )

  it(
    'GitHub records of any shape are parsed without throwing, and never invent an actor',
    async () => {
      const item = fc.oneof(
        fc.anything(),
        fc.record(
          {
            event: fc.constantFrom('labeled', 'unlabeled', 'reviewed', 'commented', 'committed', 'head_ref_force_pushed', 42),
            created_at: fc.oneof(time, fc.anything()),
            submitted_at: fc.oneof(time, fc.anything()),
            actor: fc.oneof(fc.constant(null), fc.record({ login: fc.oneof(fc.string(), fc.anything()) }), fc.anything()),
            user: fc.anything(),
            label: fc.oneof(fc.record({ name: fc.oneof(fc.string(), fc.anything()) }), fc.anything()),
            body: fc.anything(),
            state: fc.anything(),
            commit_id: fc.anything(),
            id: fc.anything(),
          },
          { requiredKeys: [] },
        ),
      )
      await check('waivers: records of any shape', 500, fc.array(item, { maxLength: 10 }), (items) => {
        stats.badRecords += items.length
        const out = parseTimeline(items, 'https://github.com/acme/service/pull/7')
        const comments = parseReviewComments(items)
        for (const e of out.labelEvents) if (e.actor !== undefined && typeof e.actor !== 'string') throw new Error('actor is not a string')
        for (const a of [...out.acts, ...comments]) {
          if (a.actor !== undefined && typeof a.actor !== 'string') throw new Error('actor is not a string')
          if (Number.isNaN(Date.parse(a.at))) throw new Error('an act without a valid time')
        }
      })
    },
    TIMEOUT,
  )
})
