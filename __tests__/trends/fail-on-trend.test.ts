/**
 * `pr-gate report --fail-on-trend`: the policy's report.fail_on_trend judged on the figures of a real
 * repository with known merges (fixture.ts: weekly medians W10 100, W11 2, W12 none, W13 300; 2 of 7
 * gates failed).
 */
import { main } from '../../src/cli/main.js'
import type { TempRepo } from '../helpers/git-repo.js'
import { POLICY, trendRepo } from './fixture.js'

const run = async (repo: TempRepo, ...args: string[]) => {
  let out = ''
  let err = ''
  const code = await main(['report', '--from', '2026-03-02', '--to', '2026-03-29', ...args], {
    out: (s) => (out += s),
    err: (s) => (err += s),
    cwd: repo.dir,
  })
  return { code, out, err }
}

describe('pr-gate report --fail-on-trend', () => {
  let strict: TempRepo
  let plain: TempRepo
  beforeAll(() => {
    strict = trendRepo(`${POLICY}report:\n  size_threshold: 90\n  fail_on_trend: { median_over_weeks: 1, max_failure_share: 20 }\n`)
    plain = trendRepo()
  })
  afterAll(() => {
    strict.remove()
    plain.remove()
  })

  it('fails (exit 1) and names each breach: a weekly median over the mark, too many failing gates', async () => {
    const r = await run(strict, '--fail-on-trend')
    expect(r.code).toBe(1)
    expect(r.out).toContain('Trends that breach the policy (report.fail_on_trend): the report fails')
    expect(r.out).toContain('✗ the weekly median PR size was over 90 lines for 1 weeks in a row (2026-W10 … 2026-W10: 100)')
    expect(r.out).toContain('✗ 28.6% of the merged pull requests had a failing gate (2 of 7); the policy allows 20%')
    // The policy's size mark is the report's threshold.
    expect(r.out).toContain('over 90 (3 of 7)')
    const j = await run(strict, '--fail-on-trend', '--format', 'json')
    expect(j.code).toBe(1)
    expect(JSON.parse(j.out).trendCheck).toMatchObject({
      enforced: true,
      breaches: [expect.stringContaining('median'), expect.stringContaining('28.6%')],
    })
    expect(j.err).toContain('pr-gate: trend breach: ')
  })

  it('without the flag the breaches are shown and the exit code is 0', async () => {
    const r = await run(strict)
    expect(r.code).toBe(0)
    expect(r.out).toContain('Trends that breach the policy (report.fail_on_trend)\n')
  })

  it('the defaults (a median over 300 for 4 weeks, any SLA breach) pass here, and the SLA is said to be unchecked', async () => {
    const r = await run(plain, '--fail-on-trend')
    expect(r.code).toBe(0)
    expect(r.out).not.toContain('breach the policy')
    expect(r.out).toContain('Not checked against report.fail_on_trend: vulnerability fix SLA: no evidence (no Dependabot alerts).')
  })

  it('a median over the mark 2 weeks in a row is one run; a week without merges does not break it', async () => {
    const r = await run(strict, '--fail-on-trend', '--threshold', '1', '--format', 'json')
    // Medians 100, 2, –, 300 are all over 1: one run of 3 weeks (W12 has none and is skipped).
    expect(JSON.parse(r.out).trendCheck.breaches[0]).toBe(
      'the weekly median PR size was over 1 lines for 3 weeks in a row (2026-W10 … 2026-W13: 100, 2, 300); the policy allows fewer than 1',
    )
  })
})
