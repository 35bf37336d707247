/**
 * `pr-gate report` over local git history: a real repository with known merges (see fixture.ts); every
 * figure is asserted against what the merges were made of.
 *
 * In the window 2026-03-02 … 03-29 (ISO weeks 10 to 13), counted sizes (lock files excluded):
 *   W10  #1 100 (+5,000 lines of package-lock.json, excluded) · #2 500 (pr-size warns) · #3 30 (squash; payments + its test)
 *        and one direct push (not a pull request)
 *   W11  #4 40 (payments, no test: fails) · #5 1 (CREATE INDEX, not concurrent: fails) · #6 2 (Dockerfile, opt-out)
 *   W12  nothing merged
 *   W13  #7 300 (not over 300: the share counts "over")
 * and #8 after the window.
 */
import { main } from '../../src/cli/main.js'
import type { TempRepo } from '../helpers/git-repo.js'
import { OPT_OUT_REASON, trendRepo } from './fixture.js'

let repo: TempRepo
beforeAll(() => {
  repo = trendRepo()
})
afterAll(() => repo.remove())

async function report(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await main(['report', ...args], { out: (s) => (out += s), err: (s) => (err += s), cwd: repo.dir })
  return { code, out, err }
}

const WINDOW = ['--from', '2026-03-02', '--to', '2026-03-29']

describe('pr-gate report (local git history)', () => {
  let json: any // eslint-disable-line @typescript-eslint/no-explicit-any
  beforeAll(async () => {
    const r = await report(...WINDOW, '--format', 'json')
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    json = JSON.parse(r.out)
  })

  it('finds the merge and squash commits of the window, oldest first, and leaves direct pushes out', () => {
    expect(json.source).toBe('git')
    expect(json.branch).toBe('main')
    expect(json.prs.map((p: { number: number }) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(json.skipped).toBe(1)
    expect(json.prs[0].title).toBe('Change 1')
    expect(json.prs[2].title).toBe('Add payments (#3)')
  })

  it('PR size: median, p90 and the share over 300, with pr-size exclusions, per week and over the window', () => {
    expect(json.prs.map((p: { size: { lines: number } }) => p.size.lines)).toEqual([100, 500, 30, 40, 1, 2, 300])
    expect(json.total.size).toEqual({ counted: 7, median: 40, p90: 500, over: 1, overShare: 14.3 })
    expect(json.weeks.map((w: { label: string }) => w.label)).toEqual(['2026-W10', '2026-W11', '2026-W12', '2026-W13'])
    expect(json.weeks.map((w: { prs: number }) => w.prs)).toEqual([3, 3, 0, 1])
    expect(json.weeks[0].size).toEqual({ counted: 3, median: 100, p90: 500, over: 1, overShare: 33.3 })
    expect(json.weeks[1].size).toEqual({ counted: 3, median: 2, p90: 40, over: 0, overShare: 0 })
    expect(json.weeks[2].size).toEqual({ counted: 0, over: 0 })
    expect(json.weeks[3].size).toEqual({ counted: 1, median: 300, p90: 300, over: 0, overShare: 0 })
  })

  it('critical areas: touched, with tests, and no coverage evidence in git history', () => {
    expect(json.total.critical).toEqual({ evaluated: 7, configured: 7, touched: 2, tested: 1, testedShare: 50, coverage: { prs: 0 } })
    expect(json.weeks[0].critical).toMatchObject({ touched: 1, tested: 1, testedShare: 100 })
    expect(json.weeks[1].critical).toMatchObject({ touched: 1, tested: 0, testedShare: 0 })
    expect(json.evidence).toEqual({ waivers: false, coverage: false, vulnerabilities: false })
  })

  it('migration dangers, runbook opt-outs with their reasons', () => {
    expect(json.total.migrations).toEqual({ prs: 1, prsWithDangers: 1, dangers: 1, waived: 0, suppressed: 0 })
    expect(json.dangers).toEqual([{ code: 'create-index-non-concurrent', count: 1, prs: ['#5'] }])
    expect(json.total.runbook).toEqual({ prs: 1, optOuts: 1, violations: 0 })
    expect(json.optOuts).toEqual([expect.objectContaining({ pr: 6, reason: OPT_OUT_REASON })])
  })

  it('gate conclusions and the rules that fail most often', () => {
    expect(json.total.conclusions).toEqual({ success: 4, neutral: 1, failure: 2 })
    expect(json.total.failing).toEqual([
      { rule: 'critical-path-tests', prs: 1 },
      { rule: 'migration-safety', prs: 1 },
    ])
    expect(json.prs[1].warned).toEqual(['pr-size'])
    expect(json.weeks.map((w: { conclusions: { failure: number } }) => w.conclusions.failure)).toEqual([0, 2, 0, 0])
  })

  it('text: the window, the weeks, the opt-outs, and what git history cannot tell', async () => {
    const r = await report(...WINDOW)
    expect(r.code).toBe(0)
    expect(r.out).toContain('on main, 2026-03-02 … 2026-03-29 (28 days): 7 pull requests')
    expect(r.out).toContain('PR size         median 40, p90 500 changed lines; 14.3% over 300 (1 of 7)')
    expect(r.out).toContain('1 of 2 pull requests touching a critical area came with tests (50%); diff coverage: no evidence')
    expect(r.out).toContain('1 danger at merge in 1 (create-index-non-concurrent ×1)')
    expect(r.out).toContain(
      '4 success, 1 neutral, 2 failure; most failing: critical-path-tests 1, migration-safety 1; waivers: no evidence',
    )
    expect(r.out).toMatch(/^ {2}2026-W10 +3 +100 +500 +33\.3% +1\/1 +0 +0 +0$/m)
    expect(r.out).toMatch(/^ {2}2026-W12 +0 +– +– +– +– +0 +0 +0$/m)
    expect(r.out).toContain(`#6 ${OPT_OUT_REASON}`)
    expect(r.out).toContain('1 commit on main in the window is not a pull request')
    expect(r.out).toContain('Vulnerabilities no evidence (alerts are not in git history: give --alerts FILE)')
  })

  it('csv: a row per week and one for the window', async () => {
    const r = await report(...WINDOW, '--format', 'csv')
    const rows = r.out
      .trim()
      .split('\n')
      .map((l) => l.split(','))
    const head = rows[0] as string[]
    const col = (row: string[], name: string) => row[head.indexOf(name)]
    expect(rows.map((x) => x[0])).toEqual(['period', '2026-W10', '2026-W11', '2026-W12', '2026-W13', 'window'])
    const win = rows[5] as string[]
    expect([
      col(win, 'prs'),
      col(win, 'size_median'),
      col(win, 'size_p90'),
      col(win, 'size_over_threshold_pct'),
      col(win, 'critical_tested_pct'),
      col(win, 'migration_dangers'),
      col(win, 'runbook_opt_outs'),
      col(win, 'failure'),
    ]).toEqual(['7', '40', '500', '14.3', '50', '1', '1', '2'])
    // No data is an empty cell, never 0: W12 had no merge; waivers are unknown in git history.
    expect(col(rows[3] as string[], 'size_median')).toBe('')
    expect(col(win, 'migration_waived')).toBe('')
    expect(col(win, 'critical_coverage_median_pct')).toBe('')
  })

  it('the window: --since, and bad values are usage errors (exit 2)', async () => {
    const none = await report('--since', '30d', '--format', 'json')
    expect(JSON.parse(none.out).total.prs).toBe(0) // the fixture's merges are in 2026-03 and 04; "now" is later
    for (const [args, msg] of [
      [['--since', '90x'], /--since: expected a duration/],
      [['--from', '2026-02-30x'], /--from: expected a date/],
      [['--since', '9d', '--from', '2026-03-01'], /either --since or --from/],
      [['--from', '2026-03-10', '--to', '2026-03-01'], /the window is empty/],
      [['--format', 'xml'], /--format: expected text, json, csv or markdown/],
      [['--branch', 'nope'], /--branch nope is not a branch/],
    ] as const) {
      const r = await report(...args)
      expect(r.code).toBe(2)
      expect(r.err).toMatch(msg)
      expect(r.err).not.toMatch(/\n\s+at /)
    }
  })
})
