/**
 * The one pipeline every face runs once it has read a change (src/pipeline/gate.ts): a policy that does not
 * load is the policy-error verdict and nothing is read for the rules; a loaded one has the rules' reads asked
 * of the source before any rule runs, then the verdict, with the face's notes and the org-floor notes first.
 */
import { gateChange } from '../../src/pipeline/gate.js'
import { tryLoadPolicy } from '../../src/pipeline/policy.js'
import type { PlannedReads } from '../../src/engine/plan.js'
import { makeContext } from '../helpers/context.js'

const noRepo = () => Promise.resolve(undefined)
const migration = { path: 'db/migrate/20240101000000_add_index.rb', status: 'added' as const, patch: '@@ -0,0 +1 @@\n+x', head: 'x' }

describe('gateChange', () => {
  it('a policy that does not load: the policy-error verdict, and no read is planned', async () => {
    const attempt = await tryLoadPolicy('rules:\n  pr-sise: {}\n', '.github/quality-gate.yml', noRepo)
    const plans: PlannedReads[] = []
    const out = await gateChange({
      attempt,
      ctx: makeContext({ files: [migration] }),
      policySource: 'p',
      prefetch: (plan) => Promise.resolve(plans.push(plan)),
    })
    expect(plans).toEqual([])
    expect(out.policy).toBeUndefined()
    expect(out.verdict.conclusion).toBe('failure')
    expect(out.verdict.policyError).toBe(true)
    expect(JSON.stringify(out.verdict)).toContain('unknown rule \\"pr-sise\\"')
  })

  it('a loaded policy: the planned reads first, then the rules; the face notes lead', async () => {
    const attempt = await tryLoadPolicy(undefined, '.github/quality-gate.yml', noRepo)
    const events: string[] = []
    const ctx = makeContext({ files: [migration] })
    const readHead = ctx.changes.readHead
    ctx.changes.readHead = (p) => {
      events.push(`read ${p}`)
      return readHead(p)
    }
    const out = await gateChange({
      attempt,
      ctx,
      policySource: 'p',
      notes: [{ level: 'warning', message: 'face note' }],
      prefetch: (plan) => {
        events.push(`plan ${plan.head.join(',')}`)
        return Promise.resolve()
      },
    })
    expect(events[0]).toMatch(new RegExp(`^plan ${migration.path}(,|$)`))
    expect(out.policy).toBeDefined()
    expect(out.leadingNotes).toBe(1)
    expect(out.verdict.notes[0]?.message).toBe('face note')
    expect(out.verdict.results.map((r) => r.id)).toContain('migration-safety')
  })
})
