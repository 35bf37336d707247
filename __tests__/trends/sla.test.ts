/**
 * Vulnerability fix SLA: Dependabot alerts (as the REST API lists them) against the policy's
 * fix_within_days (critical 7, high 14 by default; here high: 10 in the fixture repository's policy).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { main } from '../../src/cli/main.js'
import { parseDependabotAlerts, slaFigures } from '../../src/trends/sla.js'
import type { TempRepo } from '../helpers/git-repo.js'
import { POLICY, trendRepo } from './fixture.js'

const alert = (n: number, severity: string, state: string, created: string, closed?: string, pkg = `pkg${n}`) => ({
  number: n,
  state,
  created_at: created,
  ...(state === 'fixed' ? { fixed_at: closed } : state === 'dismissed' ? { dismissed_at: closed } : {}),
  security_advisory: { ghsa_id: `GHSA-0000-0000-000${n}`, severity },
  security_vulnerability: { severity, package: { name: pkg, ecosystem: 'npm' } },
})

// Window 2026-03-02 … 03-29.
const ALERTS = [
  alert(1, 'critical', 'fixed', '2026-03-01T00:00:00Z', '2026-03-05T00:00:00Z'), // 4 days: met (7)
  alert(2, 'critical', 'fixed', '2026-03-01T00:00:00Z', '2026-03-20T00:00:00Z'), // 19 days: breached
  alert(3, 'high', 'fixed', '2026-03-02T00:00:00Z', '2026-03-12T00:00:00Z'), // 10 days: met (10, the policy's)
  alert(4, 'high', 'open', '2026-03-10T00:00:00Z'), // open at 03-29 end: 19 days: overdue
  alert(5, 'critical', 'open', '2026-03-27T00:00:00Z'), // open 2 days: within
  alert(6, 'medium', 'fixed', '2026-03-03T00:00:00Z', '2026-03-25T00:00:00Z'), // no SLA for medium
  alert(7, 'high', 'dismissed', '2026-03-03T00:00:00Z', '2026-03-04T00:00:00Z'), // dismissed: not a fix
  alert(8, 'critical', 'fixed', '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z'), // fixed before the window
  alert(9, 'high', 'fixed', '2026-03-20T00:00:00Z', '2026-04-20T00:00:00Z'), // fixed after: open at the end, 9 days: within
]

describe('SLA figures', () => {
  const sla = { critical: 7, high: 10, medium: null, low: null }
  const f = slaFigures(
    parseDependabotAlerts(JSON.stringify(ALERTS), 'a.json'),
    sla,
    new Date('2026-03-02T00:00:00Z'),
    new Date('2026-03-29T23:59:59Z'),
    'test',
  )

  it('age at fix against the SLA: met, breached; open at the end: within, overdue; dismissed apart', () => {
    expect(f.bySeverity.critical).toEqual({ fixed: 2, met: 1, breached: 1, open: 1, overdue: 0, dismissed: 0, medianDaysToFix: 11.5 })
    expect(f.bySeverity.high).toEqual({ fixed: 1, met: 1, breached: 0, open: 2, overdue: 1, dismissed: 1, medianDaysToFix: 10 })
    expect(f.bySeverity.medium).toEqual({ fixed: 1, met: 0, breached: 0, open: 0, overdue: 0, dismissed: 0, medianDaysToFix: 22 })
    expect(f.total).toMatchObject({ fixed: 4, met: 2, breached: 1, open: 3, overdue: 1, dismissed: 1 })
    expect(f.late).toEqual([
      { id: 'GHSA-0000-0000-0002', package: 'pkg2', severity: 'critical', days: 19, sla: 7, state: 'fixed' },
      { id: 'GHSA-0000-0000-0004', package: 'pkg4', severity: 'high', days: 19, sla: 10, state: 'open' },
    ])
  })

  it('pages from gh api --paginate --slurp are read as one list; bad input names the file and the entry', () => {
    expect(parseDependabotAlerts(JSON.stringify([ALERTS.slice(0, 2), ALERTS.slice(2)]), 'a.json')).toHaveLength(9)
    expect(() => parseDependabotAlerts('{"message":"Not Found"}', 'a.json')).toThrow(/a\.json: expected a JSON array of Dependabot alerts/)
    expect(() => parseDependabotAlerts('[{"state":"fixed","created_at":"2026-03-01T00:00:00Z"}]', 'a.json')).toThrow(
      /a\.json: entry 0 is fixed but has no fixed_at/,
    )
    expect(() => parseDependabotAlerts('[{"state":"weird"}]', 'a.json')).toThrow(/entry 0 is not a Dependabot alert/)
    expect(() => parseDependabotAlerts('nope', 'a.json')).toThrow(/a\.json: not JSON/)
  })
})

describe('pr-gate report --alerts', () => {
  let repo: TempRepo
  let dir: string
  beforeAll(() => {
    repo = trendRepo(
      POLICY.replace('  runbook: { level: warn }\n', '  runbook: { level: warn }\n  dependencies:\n    fix_within_days: { high: 10 }\n'),
    )
    dir = mkdtempSync(join(tmpdir(), 'pr-gate-alerts-'))
    writeFileSync(join(dir, 'alerts.json'), JSON.stringify(ALERTS))
    writeFileSync(join(dir, 'bad.json'), '{}')
  })
  afterAll(() => {
    repo.remove()
    rmSync(dir, { recursive: true, force: true })
  })
  const run = async (...args: string[]) => {
    let out = ''
    let err = ''
    const code = await main(['report', '--from', '2026-03-02', '--to', '2026-03-29', ...args], {
      out: (s) => (out += s),
      err: (s) => (err += s),
      cwd: repo.dir,
    })
    return { code, out, err }
  }

  it('takes the SLA from the policy at the branch tip (critical 7 by default, high 10 from the policy)', async () => {
    const r = await run('--alerts', join(dir, 'alerts.json'), '--format', 'json')
    expect(r.err).toBe('')
    const j = JSON.parse(r.out)
    expect(j.evidence.vulnerabilities).toBe(true)
    expect(j.vulnerabilities.sla).toEqual({ critical: 7, high: 10, medium: null, low: null })
    expect(j.vulnerabilities.total).toMatchObject({ fixed: 4, met: 2, breached: 1, open: 3, overdue: 1 })
    // Per week: W12 (03-16 … 03-22) saw #2 fixed late.
    expect(j.weeks.map((w: { vulnerabilities: { breached: number } }) => w.vulnerabilities.breached)).toEqual([0, 0, 1, 0])
    const text = await run('--alerts', join(dir, 'alerts.json'))
    expect(text.out).toContain(
      'critical (SLA 7 d): 2 fixed — 1 met, 1 breached; 1 still open, 0 overdue · high (SLA 10 d): 1 fixed — 1 met, 0 breached; 2 still open, 1 overdue',
    )
    expect(text.out).toMatch(/critical +GHSA-0000-0000-0002 pkg2: fixed after 19 days \(SLA 7\)/)
  })

  it('a bad alerts file is a usage error naming it (exit 2)', async () => {
    const r = await run('--alerts', join(dir, 'bad.json'))
    expect(r.code).toBe(2)
    expect(r.err).toContain('bad.json: expected a JSON array of Dependabot alerts')
    const missing = await run('--alerts', join(dir, 'nope.json'))
    expect(missing.code).toBe(2)
    expect(missing.err).toMatch(/--alerts .*nope\.json: file not found/)
  })
})
