/**
 * Issue 21, slice 5: the Action's `mode: report` through the bundle (node dist/index.js with the runner's
 * environment) against the OpenAPI/GraphQL-validating fake GitHub: the job summary, ONE issue kept up to
 * date in place (created, then updated, never duplicated, nobody else's issue edited), pinned when
 * created, a notice when it cannot be pinned, and `fail-on-trend` failing the job on a breach.
 */
import { readFileSync } from 'node:fs'
import { load } from 'js-yaml'
import { type FakeGitHub, type PullFileInput, type PullRecord } from '../helpers/github-server.js'
import { runAction, type RunActionResult } from '../helpers/run-action.js'
import { useFakeGitHub } from '../helpers/use-fake-github.js'
import { runActionOnPr } from '../e2e/helpers.js'
import { reportMarker } from '../../src/trends/issue.js'

let server: FakeGitHub
useFakeGitHub((s) => (server = s))

const BASE = 'b'.repeat(40)
const MAIN = 'd'.repeat(40)
const DAY = 86_400_000
const sha = (n: number) => n.toString(16).padStart(40, 'a')
const MARKER = reportMarker('quality-gate')

function files(lines: number): PullFileInput[] {
  return [
    {
      filename: `src/f${lines}.ts`,
      status: 'added',
      additions: lines,
      deletions: 0,
      patch: `@@ -0,0 +1,${lines} @@\n` + Array.from({ length: lines }, (_, j) => `+x${j}`).join('\n'),
    },
  ]
}

/** Merged pull requests of the last weeks: two gated by the real Action, one without a gate result. */
async function seed(policy: string): Promise<PullRecord[]> {
  server.addRepo({ owner: 'acme', name: 'service' })
  server.setTree(BASE, {})
  server.setTree(MAIN, { '.github/quality-gate.yml': policy })
  const prs: PullRecord[] = []
  for (const [n, lines, gated] of [
    [1, 450, true],
    [2, 520, true],
    [3, 380, false],
  ] as const) {
    server.setTree(sha(n), {})
    const pr = server.addPullRequest({
      number: n,
      title: `Change ${n}`,
      body: 'Why: because.',
      base: { ref: 'main', sha: BASE },
      head: { ref: `f${n}`, sha: sha(n) },
      files: files(lines),
      user: 'dev',
    })
    if (gated) expect((await runActionOnPr(server, pr, { 'fail-on': 'never' })).code).toBe(0)
    pr.mergedAt = new Date(Date.now() - (10 - n) * DAY).toISOString()
    pr.state = 'closed'
    prs.push(pr)
  }
  return prs
}

function report(inputs: Record<string, string> = {}): Promise<RunActionResult> {
  const event = {
    schedule: '0 6 * * 1',
    repository: { full_name: 'acme/service', name: 'service', default_branch: 'main', owner: { login: 'acme' } },
  }
  return runAction({
    server,
    event,
    eventName: 'schedule',
    inputs: { token: server.token, mode: 'report', since: '30d', ...inputs },
    env: { GITHUB_SHA: MAIN },
  })
}

const POLICY = 'report:\n  size_threshold: 300\n  fail_on_trend:\n    median_over_weeks: 1\n    sla_breach: false\n'
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/)

describe('the Action in report mode (bundle)', () => {
  test('first run creates and pins the issue; second run updates the same one; fail-on-trend fails the job', async () => {
    await seed(POLICY)
    // Someone else's issue carrying the marker is never taken over.
    const mallory = server.addIssueRecord({ title: 'Team trends', body: `${MARKER}\nmine`, user: 'mallory' })

    const r1 = await report()
    noStack(r1.stdout + r1.stderr)
    expect(r1.code).toBe(0) // fail-on-trend is off: breaches are warnings
    expect(r1.outputs['merged-pull-requests']).toBe('3')
    expect(r1.outputs['trend-breaches']).toBe('1')
    expect(r1.outputs.conclusion).toBe('neutral')
    expect(
      r1.commands.some((c) => c.command === 'warning' && /trend breach: the weekly median PR size was over 300 lines/.test(c.message)),
    ).toBe(true)
    const ours = () => server.state.issueRecords.filter((i) => i.user === 'github-actions[bot]')
    expect(ours()).toHaveLength(1)
    const issue = ours()[0]!
    expect(r1.outputs['report-issue']).toBe(String(issue.number))
    expect(issue.pinned).toBe(true)
    expect(issue.body?.startsWith(`${MARKER}\n`)).toBe(true)
    expect(issue.body).toContain('```mermaid\nxychart-beta')
    expect(issue.body).toContain('3 pull requests, from the GitHub API')
    expect(mallory.body).toBe(`${MARKER}\nmine`)
    // The job summary holds the same report, and a link to the issue.
    expect(r1.summary).toContain('xychart-beta')
    expect(r1.summary).toContain(`/acme/service/issues/${issue.number}`)
    const json = JSON.parse(readFileSync(r1.outputs.report, 'utf8')) as {
      kind: string
      source: string
      total: { prs: number; size: { median: number } }
      prs: Array<{ number: number; origin: string; size: { lines: number } }>
    }
    expect(json).toMatchObject({ kind: 'trends', source: 'api', total: { prs: 3, size: { median: 450 } } })
    expect(json.prs.map((p) => `${p.number}:${p.origin}:${p.size.lines}`).sort()).toEqual([
      '1:gate:450',
      '2:gate:520',
      '3:pull-request:380',
    ])
    const firstBody = issue.body

    // A new merge, then the next scheduled run with fail-on-trend: same issue, new figures, failed job.
    server.setTree(sha(4), {})
    const pr4 = server.addPullRequest({
      number: 4,
      title: 'Change 4',
      base: { ref: 'main', sha: BASE },
      head: { ref: 'f4', sha: sha(4) },
      files: files(900),
      user: 'dev',
    })
    pr4.mergedAt = new Date(Date.now() - DAY).toISOString()
    pr4.state = 'closed'
    const r2 = await report({ 'fail-on-trend': 'true' })
    noStack(r2.stdout + r2.stderr)
    expect(r2.code).toBe(1)
    expect(r2.outputs.conclusion).toBe('failure')
    expect(
      r2.commands.some(
        (c) =>
          c.command === 'error' &&
          /team trends breach the policy's report.fail_on_trend: the weekly median PR size was over 300 lines/.test(c.message),
      ),
    ).toBe(true)
    expect(ours()).toHaveLength(1)
    expect(r2.outputs['report-issue']).toBe(String(issue.number))
    expect(issue.body).not.toBe(firstBody)
    expect(issue.body).toContain('4 pull requests, from the GitHub API')
    expect(server.requests.filter((q) => q.operationId === 'issues/create')).toHaveLength(1)
    expect(server.requests.filter((q) => q.operationId === 'issues/update')).toHaveLength(1)
  }, 180_000)

  test('a token that may not pin: the issue is written, and a notice says why it is not pinned', async () => {
    await seed(POLICY)
    server.pinForbidden = true
    const r = await report()
    expect(r.code).toBe(0)
    const issue = server.state.issueRecords.find((i) => i.user === 'github-actions[bot]')
    expect(issue?.pinned).toBe(false)
    expect(issue?.body).toContain(MARKER)
    expect(
      r.commands.some((c) => c.command === 'notice' && /is not pinned: .*Resource not accessible by integration/.test(c.message)),
    ).toBe(true)
  }, 120_000)

  test('report-issue: false writes the job summary only; a breach without fail-on-trend does not fail', async () => {
    await seed('report:\n  fail_on_trend: { median_over_weeks: 0, sla_breach: false }\n')
    const r = await report({ 'report-issue': 'false' })
    expect(r.code).toBe(0)
    expect(r.outputs.conclusion).toBe('success')
    expect(server.state.issueRecords).toHaveLength(0)
    expect(r.summary).toContain('Team trends')
  }, 120_000)

  test("alerts: true reads the Dependabot alerts; a fix past the policy's SLA fails the job with fail-on-trend", async () => {
    await seed(
      'rules:\n  dependencies: { level: warn, fix_within_days: { critical: 7 } }\nreport:\n  fail_on_trend: { median_over_weeks: 0, sla_breach: true }\n',
    )
    const ago = (d: number) => new Date(Date.now() - d * DAY).toISOString()
    server.addDependabotAlert({
      severity: 'critical',
      ecosystem: 'npm',
      package: 'left-pad',
      state: 'fixed',
      createdAt: ago(20),
      fixedAt: ago(2),
    })
    server.addDependabotAlert({
      severity: 'critical',
      ecosystem: 'npm',
      package: 'right-pad',
      state: 'fixed',
      createdAt: ago(6),
      fixedAt: ago(3),
    })
    // Without alerts the SLA is not checked: no breach.
    const r0 = await report({ 'fail-on-trend': 'true', 'report-issue': 'false' })
    expect(r0.code).toBe(0)
    expect(r0.summary).toContain('vulnerability fix SLA: no evidence')
    const r = await report({ 'fail-on-trend': 'true', 'report-issue': 'false', alerts: 'true' })
    noStack(r.stdout + r.stderr)
    expect(r.code).toBe(1)
    expect(
      r.commands.some((c) => c.command === 'error' && /1 vulnerability was fixed after the fix SLA and 0 are open past it/.test(c.message)),
    ).toBe(true)
    const json = JSON.parse(readFileSync(r.outputs.report, 'utf8')) as {
      vulnerabilities: { total: { fixed: number; met: number; breached: number } }
    }
    expect(json.vulnerabilities.total).toMatchObject({ fixed: 2, met: 1, breached: 1 })
    expect(server.requests.some((q) => q.operationId === 'dependabot/list-alerts-for-repo')).toBe(true)
  }, 120_000)

  test('an invalid since is an input error, without a stack trace', async () => {
    await seed(POLICY)
    const r = await report({ since: 'last tuesday' })
    noStack(r.stdout + r.stderr)
    expect(r.code).toBe(1)
    expect(r.commands.some((c) => c.command === 'error' && /input since: expected a duration/.test(c.message))).toBe(true)
  }, 60_000)
})

describe('the example workflow', () => {
  it('uses only inputs action.yml declares, asks for the permissions report mode needs, and is the one docs/report.md shows', () => {
    const text = readFileSync('docs/examples/team-trends.yml', 'utf8')
    const wf = load(text) as { permissions: Record<string, string>; jobs: { trends: { steps: Array<{ with: Record<string, unknown> }> } } }
    const action = load(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, unknown> }
    const w = wf.jobs.trends.steps[0]!.with
    expect(w.mode).toBe('report')
    for (const k of Object.keys(w)) expect(Object.keys(action.inputs)).toContain(k)
    expect(wf.permissions).toEqual({ contents: 'read', 'pull-requests': 'read', checks: 'read', issues: 'write' })
    const docs = readFileSync('docs/report.md', 'utf8')
    const block = /```yaml\n(# \.github\/workflows\/team-trends\.yml[\s\S]*?)```/.exec(docs)?.[1]
    expect(load(block ?? '')).toEqual(wf)
  })
})
