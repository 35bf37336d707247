/** The budget that bounds work driven by untrusted patterns (the preview of the PR's own policy). */
import { BudgetExceeded, spend, withBudget } from '../../src/policy/budget.js'
import { policyRegex } from '../../src/policy/regex.js'
import { matchesAny } from '../../src/change/glob.js'

describe('withBudget', () => {
  it('outside a budget, spend() never throws', () => {
    for (let i = 0; i < 1000; i++) spend()
  })

  it('passes the value through when the work fits', async () => {
    expect(await withBudget(10_000, 1_000, async () => 42)).toEqual({ ok: true, value: 42 })
  })

  it('stops a synchronous loop of pattern work that would never end, once it blocks the event loop too long', async () => {
    const re = policyRegex('^(a+)+$')
    const out = await withBudget(60_000, 50, async () => {
      for (;;) re.test('a'.repeat(40) + '!')
    })
    expect(out).toEqual({ ok: false, why: 'it kept the event loop busy for more than 50 ms at once' })
  })

  it('stops glob work the same way, and the outcome says so even when the work swallowed the exception', async () => {
    const out = await withBudget(60_000, 50, async () => {
      try {
        for (;;) matchesAny('src/a.ts', ['**/*.md'])
      } catch {
        return 'a rule that catches everything and concludes anyway'
      }
    })
    expect(out).toEqual({ ok: false, why: 'it kept the event loop busy for more than 50 ms at once' })
  })

  it('gives up waiting at the deadline, and later pattern work of the abandoned run throws', async () => {
    let later: unknown
    let release = () => {}
    const out = await withBudget(50, 1_000, async () => {
      await new Promise<void>((r) => (release = r))
      try {
        spend()
      } catch (e) {
        later = e
      }
      return 'late'
    })
    expect(out).toEqual({ ok: false, why: 'it took longer than 50 ms' })
    release()
    await new Promise((r) => setImmediate(r))
    expect(later).toBeInstanceOf(BudgetExceeded)
  })

  it('other errors are not budget outcomes', async () => {
    await expect(withBudget(10_000, 1_000, async () => Promise.reject(new TypeError('boom')))).rejects.toThrow('boom')
  })
})
