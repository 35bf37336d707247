/**
 * Issue 18, the decision without the network: verifyWaiver over in-memory records (what GitHub's timeline,
 * review comments and identity APIs would answer), the /gate waive command, and CODEOWNERS matching.
 */
import { invalidatesOnPush, verifyWaiver, waiveCommands } from '../../src/engine/waivers.js'
import {
  codeownersMatch,
  ownersOf,
  parseCodeowners,
  parseTimeline,
  type ApproverCheck,
  type PullRecords,
  type WaiverRecords,
} from '../../src/github/waiver-records.js'
import type { ResolvedPolicy } from '../../src/policy/schema.js'
import type { PullRequestMeta } from '../../src/types.js'

const HEAD = 'c'.repeat(40)
const settings: ResolvedPolicy['waivers'] = {
  label_prefix: 'gate-waive:',
  require_reason: true,
  min_reason_length: 10,
  approvers: { permission: 'write' },
  allow_self: false,
  invalidate_on_push: ['migration-safety', 'dependencies'],
}
const pr = (over: Partial<PullRequestMeta> = {}): PullRequestMeta => ({
  title: 't',
  body: 'gate-waive:pr-size generated client regenerated',
  author: 'alice',
  labels: [],
  number: 7,
  ...over,
})

function records(
  r: Partial<PullRecords>,
  o: { approvers?: string[]; pushedAt?: string; refused?: string } = {},
): WaiverRecords & { approverCalls: string[] } {
  const approverCalls: string[] = []
  return {
    approverCalls,
    records: async () =>
      o.refused ? { ok: false, why: o.refused } : { ok: true, value: { labelEvents: r.labelEvents ?? [], acts: r.acts ?? [] } },
    headPushedAt: async () => (o.pushedAt ? { ok: true, value: o.pushedAt } : { ok: false, why: 'no push record' }),
    approver: async (login): Promise<ApproverCheck> => {
      approverCalls.push(login)
      return (o.approvers ?? ['bob']).includes(login)
        ? { approver: true, via: 'repository role maintain' }
        : { approver: false, why: `${login} is not an approver` }
    },
  }
}
const verify = (rec: WaiverRecords, over: Partial<Parameters<typeof verifyWaiver>[0]> = {}) =>
  verifyWaiver({
    ruleId: 'pr-size',
    pr: pr({ labels: ['gate-waive:pr-size'] }),
    head: HEAD,
    settings,
    approvers: settings.approvers,
    invalidateOnPush: false,
    paths: [],
    records: rec,
    ...over,
  })

describe('verifyWaiver', () => {
  it('the latest labeled event decides: by the author, not waived (and no identity lookup); by an approver, waived', async () => {
    const byAuthor = records({
      labelEvents: [{ event: 'labeled', label: 'gate-waive:pr-size', actor: 'ALICE', at: '2026-01-01T00:00:00Z' }],
    })
    const v = await verify(byAuthor)
    expect(v).toMatchObject({ waived: false })
    expect(v.rejected[0]).toContain('given by the PR author')
    expect(byAuthor.approverCalls).toEqual([])
    const readded = records({
      labelEvents: [
        { event: 'labeled', label: 'gate-waive:pr-size', actor: 'alice', at: '2026-01-01T00:00:00Z' },
        { event: 'unlabeled', label: 'gate-waive:pr-size', actor: 'bob', at: '2026-01-01T00:01:00Z' },
        { event: 'labeled', label: 'Gate-Waive:PR-SIZE', actor: 'bob', at: '2026-01-01T00:02:00Z' },
      ],
    })
    expect(await verify(readded)).toMatchObject({
      waived: true,
      audit: { by: 'bob', kind: 'label', head: HEAD, reason: 'generated client regenerated', via: 'repository role maintain' },
    })
  })

  it('a label present with no labeled event, or whose last event is unlabeled, does not waive', async () => {
    expect((await verify(records({}))).rejected[0]).toContain("GitHub's events show no one adding it")
    expect(
      (
        await verify(
          records({ labelEvents: [{ event: 'unlabeled', label: 'gate-waive:pr-size', actor: 'bob', at: '2026-01-01T00:00:00Z' }] }),
        )
      ).waived,
    ).toBe(false)
  })

  it('a label event without an actor (deleted user) does not waive', async () => {
    const v = await verify(records({ labelEvents: [{ event: 'labeled', label: 'gate-waive:pr-size', at: '2026-01-01T00:00:00Z' }] }))
    expect(v.waived).toBe(false)
    expect(v.rejected[0]).toContain('names no actor')
  })

  it('the reason is required: a label by an approver without a reason line does not waive', async () => {
    const v = await verify(
      records({ labelEvents: [{ event: 'labeled', label: 'gate-waive:pr-size', actor: 'bob', at: '2026-01-01T00:00:00Z' }] }),
      { pr: pr({ labels: ['gate-waive:pr-size'], body: 'no reason here' }) },
    )
    expect(v.waived).toBe(false)
    expect(v.rejected[0]).toContain('has no line "gate-waive:pr-size <reason>"')
  })

  it('/gate waive: an approving review counts; a comment-only review, an edited comment, a placeholder reason do not', async () => {
    const act = (o: object) => ({
      kind: 'review' as const,
      actor: 'bob',
      at: '2026-01-01T00:00:00Z',
      body: '/gate waive pr-size generated client regenerated',
      state: 'approved',
      commitId: HEAD,
      ...o,
    })
    expect(await verify(records({ acts: [act({})] }), { pr: pr() })).toMatchObject({ waived: true, audit: { kind: 'review', by: 'bob' } })
    expect((await verify(records({ acts: [act({ state: 'commented' })] }), { pr: pr() })).rejected[0]).toContain('not an approval')
    expect((await verify(records({ acts: [act({ kind: 'comment', edited: true })] }), { pr: pr() })).rejected[0]).toContain('edited')
    expect((await verify(records({ acts: [act({ body: '/gate waive pr-size <reason>' })] }), { pr: pr() })).rejected[0]).toContain(
      'placeholder',
    )
    expect(
      (await verify(records({ acts: [act({ body: '/gate waive migration-safety generated client regenerated' })] }), { pr: pr() }))
        .rejected,
    ).toEqual([])
  })

  it('invalidate on push: a review on another commit, or a label before the push, no longer counts; no push record → not verified', async () => {
    const review = {
      kind: 'review' as const,
      actor: 'bob',
      at: '2026-01-01T00:00:00Z',
      body: '/gate waive pr-size generated client regenerated',
      state: 'approved',
      commitId: 'd'.repeat(40),
    }
    expect((await verify(records({ acts: [review] }), { pr: pr(), invalidateOnPush: true })).rejected[0]).toContain(
      'not on the current head',
    )
    const label = { event: 'labeled' as const, label: 'gate-waive:pr-size', actor: 'bob', at: '2026-01-01T00:00:00Z' }
    expect(
      (await verify(records({ labelEvents: [label] }, { pushedAt: '2026-01-01T00:05:00Z' }), { invalidateOnPush: true })).rejected[0],
    ).toContain('before the current head')
    expect(await verify(records({ labelEvents: [label] }, { pushedAt: '2025-12-31T00:00:00Z' }), { invalidateOnPush: true })).toMatchObject(
      { waived: true },
    )
    const unknown = await verify(records({ labelEvents: [label] }), { invalidateOnPush: true })
    expect(unknown).toMatchObject({ waived: false, unverified: [expect.stringContaining('could not be bound to the current head')] })
  })

  it('records refused: not verified, not waived', async () => {
    expect(await verify(records({}, { refused: 'GitHub refused the timeline (HTTP 403)' }))).toMatchObject({
      waived: false,
      unverified: [expect.stringContaining('HTTP 403')],
    })
  })

  it('allow_self lets the author waive (off by default)', async () => {
    const rec = records(
      { labelEvents: [{ event: 'labeled', label: 'gate-waive:pr-size', actor: 'alice', at: '2026-01-01T00:00:00Z' }] },
      { approvers: ['alice'] },
    )
    expect((await verify(rec, { settings: { ...settings, allow_self: true } })).waived).toBe(true)
  })
})

describe('helpers', () => {
  it('waiveCommands: lines outside comments and fences, any case, quoted', () => {
    expect(
      waiveCommands(
        'LGTM\n> /GATE waive PR-Size  because it is fine\n<!-- /gate waive runbook hidden -->\n```\n/gate waive co-change fenced\n```',
      ),
    ).toEqual([{ rule: 'pr-size', reason: 'because it is fine' }])
  })

  it('invalidatesOnPush: a list, true, false', () => {
    expect(invalidatesOnPush(settings, 'migration-safety')).toBe(true)
    expect(invalidatesOnPush(settings, 'pr-size')).toBe(false)
    expect(invalidatesOnPush({ ...settings, invalidate_on_push: true }, 'pr-size')).toBe(true)
    expect(invalidatesOnPush({ ...settings, invalidate_on_push: false }, 'migration-safety')).toBe(false)
  })

  it('CODEOWNERS: gitignore-style patterns, the last match wins, emails ignored', () => {
    const rules = parseCodeowners(
      '# owners\n*            @acme/everyone\n/db/         @acme/dba  dba@example.com\n*.sql        @sql-lord\ndocs/**      @writer\n/build/logs  @ops # trailing comment\n',
    )
    expect(ownersOf(rules, 'src/a.ts')).toEqual(['acme/everyone'])
    expect(ownersOf(rules, 'db/migrate/1.rb')).toEqual(['acme/dba'])
    expect(ownersOf(rules, 'db/migrations/V1.sql')).toEqual(['sql-lord'])
    expect(ownersOf(rules, 'services/docs/x.md')).toEqual(['acme/everyone'])
    expect(ownersOf(rules, 'docs/a/b.md')).toEqual(['writer'])
    expect(ownersOf(rules, 'build/logs/x.log')).toEqual(['ops'])
    expect(codeownersMatch('/db/', 'other/db/x')).toBe(false)
    expect(codeownersMatch('db/', 'other/db/x')).toBe(true)
  })

  it('parseTimeline: keeps labeled/unlabeled/reviewed/commented, skips malformed items, links events to the PR page', () => {
    const out = parseTimeline(
      [
        { event: 'labeled', id: 5, actor: { login: 'bob' }, label: { name: 'gate-waive:pr-size' }, created_at: '2026-01-01T00:00:00Z' },
        { event: 'labeled', actor: null, label: { name: 'x' }, created_at: '2026-01-01T00:00:00Z' },
        { event: 'labeled', actor: { login: 'bob' }, created_at: '2026-01-01T00:00:00Z' },
        {
          event: 'reviewed',
          user: { login: 'bob' },
          state: 'APPROVED',
          submitted_at: '2026-01-01T00:00:00Z',
          updated_at: '2026-01-02T00:00:00Z',
          body: 'x',
          commit_id: HEAD,
        },
        { event: 'commented', user: { login: 'carol' }, created_at: 'garbage' },
        { event: 'committed', sha: HEAD },
        null,
        'a string',
      ],
      'https://github.com/acme/service/pull/7',
    )
    expect(out.labelEvents).toEqual([
      {
        event: 'labeled',
        label: 'gate-waive:pr-size',
        actor: 'bob',
        at: '2026-01-01T00:00:00Z',
        url: 'https://github.com/acme/service/pull/7#event-5',
      },
      { event: 'labeled', label: 'x', actor: undefined, at: '2026-01-01T00:00:00Z', url: undefined },
    ])
    expect(out.acts).toEqual([expect.objectContaining({ kind: 'review', actor: 'bob', state: 'approved', edited: true, commitId: HEAD })])
  })
})
