/**
 * code-scanning over the real ESLint SARIF of fixtures/sast (eslint-plugin-security + core no-eval through
 * @microsoft/eslint-formatter-sarif, see its PROVENANCE.md). Variants that need fields ESLint does not write
 * (baselineState, partialFingerprints, security-severity) are that same report with the one field added.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { codeScanning, shortHelp } from '../../../src/rules/code-scanning/index.js'
import { alertResult, parseCodeReport } from '../../../src/evidence/scanners/sarif-code.js'
import { makeContext, type FakeFile } from '../../helpers/context.js'
import type { ProviderResult } from '../../../src/types.js'

const ESLINT = readFileSync(join(process.cwd(), '__tests__/fixtures/sast/eslint.sarif'), 'utf8')

type Sarif = { runs: Array<{ results: Array<Record<string, unknown> & { ruleId: string }> }> }
function variant(edit: (doc: Sarif) => void): string {
  const doc = JSON.parse(ESLINT) as Sarif
  edit(doc)
  return JSON.stringify(doc)
}
const byRule = (doc: Sarif, id: string) => doc.runs[0].results.filter((r) => r.ruleId === id)

const opts = (o: Record<string, unknown> = {}) =>
  ({ level: 'fail', reports: ['reports/eslint.sarif'], baseline_reports: [], only: 'new-on-changed-lines', fail_on: 'high', levels: {}, ignore: [], missing_report: 'fail', use_code_scanning_alerts: true, ...o }) as never

/** src/exec.js with lines 5–7 added (the exec on line 6); src/files.js with only line 20 added. */
const FILES: FakeFile[] = [
  { path: 'src/exec.js', status: 'modified', patch: '@@ -4,3 +4,6 @@ function archive(req) {\n function archive(req) {\n+  const name = req.query.name\n+  return childProcess.exec(\'tar czf /tmp/out.tgz \' + name)\n+}\n \n module.exports = { archive }' },
  { path: 'src/files.js', status: 'modified', patch: '@@ -17,3 +17,4 @@\n \n module.exports = { readUpload, matches, evaluate }\n+// more\n' },
]
const ctxWith = (report = ESLINT, extra: Parameters<typeof makeContext>[0] = {}) => makeContext({ files: FILES, reports: { 'reports/eslint.sarif': report }, ...extra })
const violations = (out: { findings: Array<{ kind?: string; code?: string; path?: string; line?: number; level?: string }> }) =>
  out.findings.filter((f) => (f.kind ?? 'violation') === 'violation').map((f) => `${f.path}:${f.line} ${f.code} ${f.level}`)

describe('code-scanning: the real ESLint SARIF', () => {
  it('parses the five results, mapping ESLint’s absolute file URIs', () => {
    const p = parseCodeReport('eslint.sarif', ESLINT)
    expect(p.tools).toEqual(['ESLint'])
    expect(p.results.map((r) => `${r.uri?.replace(/^.*vulnerable-app\//, '')}:${r.line} ${r.ruleId} ${r.level}`)).toEqual([
      'src/exec.js:6 security/detect-child-process error',
      'src/files.js:6 security/detect-non-literal-fs-filename error',
      'src/files.js:10 security/detect-non-literal-regexp warning',
      'src/files.js:15 security/detect-eval-with-expression error',
      'src/files.js:15 no-eval error',
    ])
  })

  it('a finding on a changed line fails, on its exact line, its rule linked to its help page', async () => {
    const out = await codeScanning.evaluate(ctxWith(), opts())
    expect(violations(out)).toEqual(['src/exec.js:6 security/detect-child-process fail'])
    const f = out.findings.find((x) => x.code === 'security/detect-child-process')!
    expect(f.url).toBe('https://github.com/eslint-community/eslint-plugin-security/blob/main/docs/rules/detect-child-process.md')
    expect(f.message).toMatch(/^ESLint 9\.39\.5 security\/detect-child-process \(https:.*\) \[high\]: /)
    expect(f.hint).toBe('Detects instances of "child_process" & non-literal "exec()" calls.')
    expect(out.summary).toMatch(/^5 results; 1 gated \(1 at or above high\); 4 not gated \(only: new-on-changed-lines\)/)
  })

  it('the same findings on unchanged lines are reported only under `all`', async () => {
    const def = await codeScanning.evaluate(ctxWith(), opts())
    expect(violations(def).filter((v) => v.startsWith('src/files.js'))).toEqual([])
    const allNew = await codeScanning.evaluate(ctxWith(), opts({ only: 'all-new' }))
    expect(violations(allNew)).toEqual(['src/exec.js:6 security/detect-child-process fail']) // without a baseline, new = on a changed line
    // src/exec.js not in the diff: its absolute path is mapped through the root src/files.js reveals
    const onlyFiles = await codeScanning.evaluate(makeContext({ files: [FILES[1]], reports: { 'reports/eslint.sarif': ESLINT } }), opts({ only: 'all' }))
    expect(violations(onlyFiles)).toContain('src/exec.js:6 security/detect-child-process fail')
    const all = await codeScanning.evaluate(ctxWith(), opts({ only: 'all' }))
    expect(violations(all).sort()).toEqual(
      ['src/exec.js:6 security/detect-child-process fail', 'src/files.js:6 security/detect-non-literal-fs-filename fail', 'src/files.js:10 security/detect-non-literal-regexp notice', 'src/files.js:15 security/detect-eval-with-expression fail', 'src/files.js:15 no-eval fail'].sort(),
    )
  })

  it('baselineState decides new versus existing first', async () => {
    const report = variant((d) => {
      byRule(d, 'security/detect-child-process')[0].baselineState = 'unchanged'
      byRule(d, 'no-eval')[0].baselineState = 'new'
      byRule(d, 'security/detect-non-literal-fs-filename')[0].baselineState = 'absent'
    })
    const def = await codeScanning.evaluate(ctxWith(report), opts())
    expect(violations(def)).toEqual([]) // the exec is existing; the eval is new but not on a changed line
    const allNew = await codeScanning.evaluate(ctxWith(report), opts({ only: 'all-new' }))
    expect(violations(allNew)).toEqual(['src/files.js:15 no-eval fail'])
    const all = await codeScanning.evaluate(ctxWith(report), opts({ only: 'all' }))
    expect(violations(all).some((v) => v.includes('detect-non-literal-fs-filename'))).toBe(false) // absent: fixed
  })

  it('partialFingerprints against a base report, when there is no baselineState', async () => {
    const fp = (d: Sarif) => d.runs[0].results.forEach((r, i) => (r.partialFingerprints = { primaryLocationLineHash: `h${i}` }))
    const head = variant(fp)
    const base = variant((d) => {
      fp(d)
      d.runs[0].results = byRule(d, 'security/detect-child-process') // only the exec existed on the base
    })
    const ctx = makeContext({ files: FILES, reports: { 'reports/eslint.sarif': head, 'base/eslint.sarif': base } })
    const out = await codeScanning.evaluate(ctx, opts({ baseline_reports: ['base/eslint.sarif'], only: 'all-new' }))
    expect(violations(out).sort()).toEqual(['src/files.js:6 security/detect-non-literal-fs-filename fail', 'src/files.js:10 security/detect-non-literal-regexp notice', 'src/files.js:15 security/detect-eval-with-expression fail', 'src/files.js:15 no-eval fail'].sort())
  })

  it('security-severity (CVSS) comes before the level; fail_on sets the bar', async () => {
    const report = variant((d) => {
      byRule(d, 'security/detect-child-process')[0].properties = { 'security-severity': '3.1' }
    })
    const low = await codeScanning.evaluate(ctxWith(report), opts())
    expect(violations(low)).toEqual(['src/exec.js:6 security/detect-child-process notice']) // low, below high
    const strict = await codeScanning.evaluate(ctxWith(report), opts({ fail_on: 'low' }))
    expect(violations(strict)).toEqual(['src/exec.js:6 security/detect-child-process fail'])
  })

  it('per-rule levels and ignores with a reason and an expiry', async () => {
    const warn = await codeScanning.evaluate(ctxWith(), opts({ levels: { 'security/detect-child-process': 'warn' } }))
    expect(violations(warn)).toEqual(['src/exec.js:6 security/detect-child-process warn'])
    const off = await codeScanning.evaluate(ctxWith(), opts({ levels: { 'security/detect-child-process': 'off' } }))
    expect(violations(off)).toEqual([])
    const waived = await codeScanning.evaluate(ctxWith(), opts({ ignore: [{ id: 'security/detect-child-process', reason: 'argument is validated upstream', until: '2026-12-31' }] }))
    expect(violations(waived)).toEqual([])
    expect(waived.tables![0].rows[0][6]).toBe('until 2026-12-31: argument is validated upstream')
    const expired = await codeScanning.evaluate(ctxWith(undefined, { now: new Date('2027-01-01T00:00:00Z') }), opts({ ignore: [{ id: 'security/detect-child-process', reason: 'argument is validated upstream', until: '2026-12-31' }] }))
    expect(expired.findings.map((f) => f.code)).toEqual(['waiver-expired', 'security/detect-child-process'])
    const elsewhere = await codeScanning.evaluate(ctxWith(), opts({ ignore: [{ id: 'security/detect-child-process', paths: ['test/**'], reason: 'tests only' }] }))
    expect(violations(elsewhere)).toHaveLength(1)
  })
})

describe('code-scanning: bad and missing input fails closed', () => {
  it.each([
    ['not JSON', '{"runs": [', /eslint\.sarif/],
    ['not SARIF', '{"vulnerabilities": []}', /reports\/eslint\.sarif is not a SARIF report/],
    ['another SARIF version', '{"version": "2.0.0", "runs": []}', /SARIF version 2\.0\.0 is not supported/],
  ])('%s: an error naming the file', async (_n, text, re) => {
    const out = await codeScanning.evaluate(ctxWith(text), opts())
    expect(out.findings.map((f) => [f.kind, f.code])).toEqual([['error', 'bad-report']])
    expect(out.findings[0].message).toMatch(re)
  })

  it('a listed report that is missing fails; a glob that matches nothing is a notice, and no evidence is said so', async () => {
    const missing = await codeScanning.evaluate(makeContext({ files: FILES }), opts())
    expect(violations(missing)).toEqual(['undefined:undefined missing-report undefined'])
    const glob = await codeScanning.evaluate(makeContext({ files: FILES }), opts({ reports: ['reports/*.sarif'] }))
    expect(glob.findings.map((f) => [f.kind, f.code])).toEqual([['info', 'no-report']])
    expect(glob.applicability).toBe('no-evidence')
    expect(glob.summary).toMatch(/^no SAST evidence/)
  })
})

describe("code-scanning: GitHub's code-scanning alerts", () => {
  const alert = {
    number: 4,
    html_url: 'https://github.com/acme/service/security/code-scanning/4',
    rule: { id: 'js/command-line-injection', name: 'Uncontrolled command line', severity: 'error', security_severity_level: 'critical', description: 'Uncontrolled command line', help: '# Uncontrolled command line\n\nBuilding a system command from user-controlled sources is vulnerable to command injection.\n\n## Recommendation\n...' },
    tool: { name: 'CodeQL', version: '2.20.0' },
    most_recent_instance: { ref: 'refs/pull/1/merge', message: { text: 'This command line depends on a user-provided value.' }, location: { path: 'src/exec.js', start_line: 6, end_line: 6, start_column: 10 } },
  }
  const withAlerts = (r: ProviderResult<unknown[]>) => makeContext({ files: FILES, evidence: { codeScanningAlerts: async () => r } })

  it('an alert on a changed line fails, severity from security_severity_level', async () => {
    expect(alertResult(alert)).toMatchObject({ tool: 'CodeQL', ruleId: 'js/command-line-injection', uri: 'src/exec.js', line: 6, level: 'error', securitySeverity: 9.5 })
    const out = await codeScanning.evaluate(withAlerts({ ok: true, data: [alert] }), opts({ reports: [] }))
    expect(violations(out)).toEqual(['src/exec.js:6 js/command-line-injection fail'])
    expect(out.findings[0].message).toMatch(/^CodeQL 2\.20\.0 js\/command-line-injection \[critical, security-severity 9\.5\]: This command line/)
    expect(out.findings[0].hint).toBe('Building a system command from user-controlled sources is vulnerable to command injection.')
  })

  it('403/404 is a notice; a failure is an error', async () => {
    const na = await codeScanning.evaluate(withAlerts({ ok: false, unavailable: true, reason: 'no analysis' }), opts({ reports: [] }))
    expect(na.findings.map((f) => [f.kind, f.code])).toEqual([['info', 'code-scanning-unavailable']])
    const failed = await codeScanning.evaluate(withAlerts({ ok: false, reason: 'HTTP 502' }), opts({ reports: [] }))
    expect(failed.findings.map((f) => [f.kind, f.code])).toEqual([['error', 'code-scanning-failed']])
  })
})

it('shortHelp: the first paragraph, Markdown marks dropped, at most 300 characters', () => {
  expect(shortHelp('# Title\n\nUse `execFile` with [an array](https://x).\n\nMore.')).toBe('Use execFile with an array.')
  expect(shortHelp('x'.repeat(400))!.length).toBe(300)
  expect(shortHelp(undefined)).toBeUndefined()
})
