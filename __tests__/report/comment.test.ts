/**
 * The sticky comment, as a reviewer reads it: snapshots of the typical cases (made by the real engine and
 * rules, see verdicts.ts) and the properties the layout promises.
 */
import { commentState, renderCheckOutput, renderComment, renderJobSummary, verdictState } from '../../src/report/markdown.js'
import { toJsonReport } from '../../src/report/json-report.js'
import type { Finding, RuleResult, Verdict } from '../../src/types.js'
import * as V from './verdicts.js'

const LINKS = {
  repoUrl: 'https://github.com/acme/shop',
  checkUrl: 'https://github.com/acme/shop/runs/1',
  runUrl: 'https://github.com/acme/shop/actions/runs/2',
}
const comment = (v: Verdict) => renderComment(v, { checkName: 'quality-gate', labelPrefix: 'gate-waive:', links: LINKS })
const lines = (s: string) => s.split('\n').length

describe('the comment, snapshot by snapshot', () => {
  it.each([
    ['passing', V.passing],
    ['failing with 3 findings', V.failing],
    ['a policy error', V.policyError],
    ['a waived rule', V.waived],
    ['a 3,000-file partial evaluation', V.partial],
  ])('%s', async (_name, make) => {
    expect(comment(await make())).toMatchSnapshot()
  })
})

describe('the comment is read in ten seconds', () => {
  it('a passing pull request gets at most 8 lines: the verdict, what passed, what did not apply or had no evidence', async () => {
    const body = comment(await V.passing())
    expect(lines(body)).toBeLessThanOrEqual(8)
    expect(body).toContain('## ✅ Quality gate: success')
    expect(body).toContain('✅ Passed: <code>pr-size</code>')
    expect(body).toContain(
      '➖ Not applicable: <code>critical-path-tests</code>, <code>migration-safety</code>, <code>runbook</code>, <code>co-change</code>',
    )
    expect(body).toContain('❔ No evidence: <code>dependencies</code>')
  })

  it('failing: the verdict first, then what blocks worst first (fail before warn), each finding once with its location and fix', async () => {
    const v = await V.failing()
    const body = comment(v)
    const order = [
      '## ❌ Quality gate: failure',
      '### What blocks, worst first',
      '1. ❌ **migration-safety**',
      '2. ❌ **migration-safety**',
      '3. ⚠️ **runbook**',
      '<details>',
    ]
    const at = order.map((s) => body.indexOf(s))
    expect(at.every((n) => n >= 0)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
    // Each finding once: the migration-safety per-file table (same findings, same fixes) stays in the check run.
    for (const r of v.results) {
      for (const f of r.findings.filter((x) => x.kind !== 'info')) {
        expect(body.split(`<code>${f.code}</code>`).length - 1).toBe(1)
      }
    }
    expect(body).toContain('[db/migrations/20260101120000\\_orders\\_status.sql:1](https://github.com/acme/shop/blob/')
    expect(body).toContain('**Fix:** CREATE INDEX CONCURRENTLY idx\\_orders\\_customer ON orders')
    // Everything else is collapsed: the full rule table, the notice, how to waive.
    const details = body.slice(body.indexOf('<details>'))
    expect(details).toContain('| `dependencies` | ❔ no evidence |')
    expect(details).toContain('<code>no-report</code>')
    expect(details).toContain('To waive a rule on purpose')
  })

  it('before → after: the failing comment went from 84 lines / 5,679 bytes to at most 32 lines / 4 KB, the passing one from 38 lines / 1,464 bytes to at most 8 lines', async () => {
    const failing = comment(await V.failing())
    const passing = comment(await V.passing())
    expect(lines(failing)).toBeLessThanOrEqual(33) // 32 before the `secrets` rule added its row to the table
    expect(Buffer.byteLength(failing)).toBeLessThanOrEqual(4096)
    expect(lines(passing)).toBeLessThanOrEqual(8)
    expect(Buffer.byteLength(passing)).toBeLessThanOrEqual(760) // 700 before `secrets` joined the passed line
  })

  it('a fix shared by several findings of a rule is written once, with every location', () => {
    const hint = 'Update a runbook, or add a line `Runbook: not needed — <reason>` to the PR description.'
    const findings: Finding[] = ['a', 'b', 'c'].map((n, i) => ({
      message: `Operational change ${n}`,
      path: `deploy/${n}.yaml`,
      line: i + 1,
      code: 'k8s-manifest',
      hint,
      level: 'warn',
    }))
    const v = verdictOf(
      [{ id: 'runbook', description: 'runbook', level: 'warn', status: 'warn', applicability: 'applicable', findings }],
      'neutral',
    )
    const body = comment(v)
    expect(body.split('**Fix:**').length - 1).toBe(1)
    expect(body).toContain('1. ⚠️ **runbook** · 3 findings, one fix:')
    for (const n of ['a', 'b', 'c']) expect(body).toContain(`deploy/${n}.yaml`)
    expect(body).toContain('### What to fix, worst first') // neutral: nothing blocks the merge
  })

  it('an error (a rule that could not be evaluated) is listed before failures', () => {
    const v = verdictOf(
      [
        {
          id: 'pr-size',
          description: '',
          level: 'fail',
          status: 'fail',
          applicability: 'applicable',
          findings: [{ message: 'too big', level: 'fail' }],
        },
        {
          id: 'dependencies',
          description: '',
          level: 'fail',
          status: 'error',
          findings: [{ kind: 'error', message: 'the report could not be read' }],
        },
      ],
      'failure',
    )
    const body = comment(v)
    expect(body.indexOf('1. ❗ **dependencies**')).toBeGreaterThan(0)
    expect(body.indexOf('2. ❌ **pr-size**')).toBeGreaterThan(body.indexOf('1. ❗ **dependencies**'))
  })

  it('untrusted text stays escaped: no HTML, no mention, no link injection', () => {
    const f: Finding = {
      message: '<img src=x onerror=alert(1)> @octocat [x](https://evil.example)',
      hint: 'use `</code><script>`',
      path: 'a/<b>.sql',
      line: 1,
      level: 'fail',
    }
    const body = comment(
      verdictOf(
        [{ id: 'migration-safety', description: '', level: 'fail', status: 'fail', applicability: 'applicable', findings: [f] }],
        'failure',
      ),
    )
    expect(body).not.toContain('<img')
    expect(body).not.toContain('<script>')
    expect(body).not.toContain('<b>')
    expect(body).not.toContain('@octocat')
    expect(body).not.toContain('[x](https://evil.example)')
  })
})

describe('not applicable and no evidence are not a pass, on every surface', () => {
  it('the check run and the job summary say it in the rule table, in severity order', async () => {
    const v = await V.failing()
    const check = renderCheckOutput(v, { labelPrefix: 'gate-waive:', links: LINKS })
    const rows = check.summary.split('\n').filter((l) => l.startsWith('| `'))
    expect(rows.map((r) => r.split('|')[1].trim())).toEqual([
      '`migration-safety`',
      '`runbook`',
      '`pr-size`',
      '`secrets`',
      '`dependencies`',
      '`critical-path-tests`',
      '`co-change`',
      '`code-scanning`',
    ])
    expect(check.summary).toContain('| `critical-path-tests` | ➖ not applicable |')
    expect(check.summary).toContain('| `dependencies` | ❔ no evidence |')
    // The check run keeps the full detail the comment leaves out: the per-file migration table.
    expect(check.text).toContain('| Line | Statement | Danger | Lock | Fix |')
    expect(renderJobSummary(v, { labelPrefix: 'gate-waive:', links: LINKS })).toContain('| `co-change` | ➖ not applicable |')
  })

  it('the JSON report carries applicability for every evaluated rule', async () => {
    const json = toJsonReport(await V.passing()) as { rules: { id: string; applicability?: string }[] }
    expect(Object.fromEntries(json.rules.map((r) => [r.id, r.applicability]))).toEqual({
      'pr-size': 'applicable',
      'critical-path-tests': 'not-applicable',
      'migration-safety': 'not-applicable',
      runbook: 'not-applicable',
      'co-change': 'not-applicable',
      dependencies: 'no-evidence',
      secrets: 'applicable',
      'code-scanning': undefined, // off in the default preset: not evaluated
    })
  })
})

describe('the state in the comment (for comment: on-change)', () => {
  it('is the same for a new head with the same findings, and differs when a finding changes', async () => {
    const v = await V.failing()
    const moved = { ...v, head: 'f'.repeat(40) }
    expect(verdictState(moved)).toBe(verdictState(v))
    const fixed = { ...v, results: v.results.map((r) => (r.id === 'runbook' ? { ...r, findings: [] } : r)) }
    expect(verdictState(fixed)).not.toBe(verdictState(v))
    expect(commentState(comment(v))).toBe(verdictState(v))
    expect(commentState('<!-- pr-quality-gate:quality-gate -->\n## old comment')).toBeUndefined()
  })
})

function verdictOf(results: RuleResult[], conclusion: Verdict['conclusion']): Verdict {
  return {
    conclusion,
    title: 't',
    results,
    failedRules: [],
    notes: [],
    labels: { add: [], remove: [] },
    policySource: 'p',
    mode: 'pull_request',
    head: 'h'.repeat(40),
    base: 'b'.repeat(40),
  }
}

describe('the CLI text says it too', () => {
  it('N/A and NO EVIDENCE instead of PASS for rules that checked nothing', async () => {
    const { renderText } = await import('../../src/report/terminal.js')
    const out = renderText(await V.passing())
    expect(out).toMatch(/^PASS {3}pr-size/m)
    expect(out).toMatch(/^N\/A {4}critical-path-tests/m)
    expect(out).toMatch(/^NO EVIDENCE dependencies/m)
  })
})
