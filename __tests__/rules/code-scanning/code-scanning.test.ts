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
  ({
    level: 'fail',
    reports: ['reports/eslint.sarif'],
    baseline_reports: [],
    only: 'new-on-changed-lines',
    fail_on: 'high',
    levels: {},
    ignore: [],
    missing_report: 'fail',
    use_code_scanning_alerts: true,
    ...o,
  }) as never

/** src/exec.js with lines 5–7 added (the exec on line 6); src/files.js with only line 20 added. */
const FILES: FakeFile[] = [
  {
    path: 'src/exec.js',
    status: 'modified',
    patch:
      "@@ -4,3 +4,6 @@ function archive(req) {\n function archive(req) {\n+  const name = req.query.name\n+  return childProcess.exec('tar czf /tmp/out.tgz ' + name)\n+}\n \n module.exports = { archive }",
  },
  {
    path: 'src/files.js',
    status: 'modified',
    patch: '@@ -17,3 +17,4 @@\n \n module.exports = { readUpload, matches, evaluate }\n+// more\n',
  },
]
const ctxWith = (report = ESLINT, extra: Parameters<typeof makeContext>[0] = {}) =>
  makeContext({ files: FILES, reports: { 'reports/eslint.sarif': report }, ...extra })
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
    const onlyFiles = await codeScanning.evaluate(
      makeContext({ files: [FILES[1]], reports: { 'reports/eslint.sarif': ESLINT } }),
      opts({ only: 'all' }),
    )
    expect(violations(onlyFiles)).toContain('src/exec.js:6 security/detect-child-process fail')
    const all = await codeScanning.evaluate(ctxWith(), opts({ only: 'all' }))
    expect(violations(all).sort()).toEqual(
      [
        'src/exec.js:6 security/detect-child-process fail',
        'src/files.js:6 security/detect-non-literal-fs-filename fail',
        'src/files.js:10 security/detect-non-literal-regexp notice',
        'src/files.js:15 security/detect-eval-with-expression fail',
        'src/files.js:15 no-eval fail',
      ].sort(),
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
    expect(violations(out).sort()).toEqual(
      [
        'src/files.js:6 security/detect-non-literal-fs-filename fail',
        'src/files.js:10 security/detect-non-literal-regexp notice',
        'src/files.js:15 security/detect-eval-with-expression fail',
        'src/files.js:15 no-eval fail',
      ].sort(),
    )
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
    const waived = await codeScanning.evaluate(
      ctxWith(),
      opts({ ignore: [{ id: 'security/detect-child-process', reason: 'argument is validated upstream', until: '2026-12-31' }] }),
    )
    expect(violations(waived)).toEqual([])
    expect(waived.tables![0].rows[0][6]).toBe('until 2026-12-31: argument is validated upstream')
    const expired = await codeScanning.evaluate(
      ctxWith(undefined, { now: new Date('2027-01-01T00:00:00Z') }),
      opts({ ignore: [{ id: 'security/detect-child-process', reason: 'argument is validated upstream', until: '2026-12-31' }] }),
    )
    expect(expired.findings.map((f) => f.code)).toEqual(['waiver-expired', 'security/detect-child-process'])
    const elsewhere = await codeScanning.evaluate(
      ctxWith(),
      opts({ ignore: [{ id: 'security/detect-child-process', paths: ['test/**'], reason: 'tests only' }] }),
    )
    expect(violations(elsewhere)).toHaveLength(1)
  })
})

describe('code-scanning: the real Flawfinder SARIF (a Debian package, C)', () => {
  const FLAWFINDER = readFileSync(join(process.cwd(), '__tests__/fixtures/sast/flawfinder.sarif'), 'utf8')
  /** src/admin.c adds line 10 (`return system(cmd);`); src/greet.c adds line 3 (an #include, no finding). */
  const C_FILES: FakeFile[] = [
    {
      path: 'src/admin.c',
      status: 'modified',
      patch: '@@ -8,3 +8,4 @@\n     char cmd[128];\n     snprintf(cmd, sizeof cmd, "ping -c 1 %s", host);\n+    return system(cmd);\n }\n',
    },
    {
      path: 'src/greet.c',
      status: 'modified',
      patch:
        '@@ -1,2 +1,3 @@\n /* Deliberately vulnerable C (a SAST fixture: never build or run it). */\n #include <stdio.h>\n+#include <string.h>\n',
    },
  ]
  const ff = (o: Record<string, unknown> = {}, report = FLAWFINDER, extra: Parameters<typeof makeContext>[0] = {}) =>
    codeScanning.evaluate(
      makeContext({ files: C_FILES, reports: { 'reports/flawfinder.sarif': report }, ...extra }),
      opts({ reports: ['reports/flawfinder.sarif'], ...o }),
    )

  it('parses the twelve results: rules by id (no ruleIndex), the result level before the rule default, SRCROOT-relative paths, names, CWE help pages', () => {
    const p = parseCodeReport('flawfinder.sarif', FLAWFINDER)
    expect(p.tools).toEqual(['Flawfinder'])
    expect(p.skipped).toBe(0)
    expect(p.results.map((r) => `${r.uri}:${r.line} ${r.ruleId} ${r.ruleName} ${r.level}`)).toEqual([
      'src/admin.c:8 FF1013 buffer/char note',
      'src/admin.c:9 FF1019 format/snprintf note',
      'src/admin.c:10 FF1044 shell/system error',
      'src/admin.c:15 FF1013 buffer/char note',
      'src/admin.c:16 FF1014 buffer/gets error',
      'src/admin.c:17 FF1005 buffer/strcat note',
      'src/admin.c:18 FF1016 format/printf error',
      'src/greet.c:7 FF1013 buffer/char note',
      'src/greet.c:8 FF1001 buffer/strcpy error',
      'src/greet.c:9 FF1016 format/printf note', // the rule's default is error: the result's own level wins
      'src/greet.c:14 FF1013 buffer/char note',
      'src/greet.c:15 FF1015 buffer/sprintf error',
    ])
    const system = p.results[2]
    expect(system).toMatchObject({
      tool: 'Flawfinder',
      toolVersion: '2.0.19',
      helpUri: 'https://cwe.mitre.org/data/definitions/78.html',
      column: 12,
      help: 'This causes a new program to execute and is difficult to use safely (CWE-78).',
    })
    expect(Object.keys(system.fingerprints)).toEqual(['contextHash/v1'])
    expect(system.securitySeverity).toBeUndefined()
  })

  it('a finding on a changed line fails, labelled with the tool, the id, the name and the help page', async () => {
    const out = await ff()
    expect(violations(out)).toEqual(['src/admin.c:10 FF1044 fail'])
    const f = out.findings.find((x) => x.code === 'FF1044')!
    expect(f.message).toBe(
      'Flawfinder 2.0.19 FF1044 shell/system (https://cwe.mitre.org/data/definitions/78.html) [high]: shell/system:This causes a new program to execute and is difficult to use safely (CWE-78).',
    )
    expect(f.url).toBe('https://cwe.mitre.org/data/definitions/78.html')
    expect(f.hint).toBeUndefined() // the help (the rule's short description) is already the message's text
    expect(f).toMatchObject({ path: 'src/admin.c', line: 10, endLine: 10, column: 12 })
    expect(out.summary).toMatch(/^12 results; 1 gated \(1 at or above high\); 11 not gated/)
    expect(out.tables![0].rows[0].slice(0, 5)).toEqual([
      'high',
      'FF1044 shell/system',
      'Flawfinder',
      'src/admin.c:10',
      'new (on a changed line)',
    ])
  })

  it('the same findings on unchanged lines are gated only under `all` (errors fail, notes are notices)', async () => {
    const onlyGreet = await ff({}, FLAWFINDER, { files: [C_FILES[1]] })
    expect(violations(onlyGreet)).toEqual([])
    const all = await ff({ only: 'all' }, FLAWFINDER, { files: [C_FILES[1]] })
    const v = violations(all)
    expect(v.filter((x) => x.endsWith(' fail')).sort()).toEqual(
      [
        'src/admin.c:10 FF1044 fail',
        'src/admin.c:16 FF1014 fail',
        'src/admin.c:18 FF1016 fail',
        'src/greet.c:8 FF1001 fail',
        'src/greet.c:15 FF1015 fail',
      ].sort(),
    )
    expect(v.filter((x) => x.endsWith(' notice'))).toHaveLength(7)
  })

  it('`levels` and `ignore` take the rule id or, for opaque ids, the rule name; the id wins', async () => {
    expect(violations(await ff({ levels: { 'shell/system': 'warn' } }))).toEqual(['src/admin.c:10 FF1044 warn'])
    expect(violations(await ff({ levels: { FF1044: 'notice', 'shell/system': 'off' } }))).toEqual(['src/admin.c:10 FF1044 notice'])
    expect(violations(await ff({ levels: { 'shell/system': 'off' } }))).toEqual([])
    expect(violations(await ff({ ignore: [{ id: 'shell/system', reason: 'host is a validated hostname' }] }))).toEqual([])
    expect(violations(await ff({ ignore: [{ id: 'FF1044', reason: 'host is a validated hostname' }] }))).toEqual([])
  })

  it('its `fingerprints` (contextHash/v1) against a base report: a result already on the base is existing', async () => {
    // the base report: the same run without the system() result, as if the PR added that line
    const doc = JSON.parse(FLAWFINDER) as Sarif
    doc.runs[0].results = doc.runs[0].results.filter((r) => r.ruleId !== 'FF1044')
    const base = JSON.stringify(doc)
    const out = await ff({ baseline_reports: ['base/flawfinder.sarif'], only: 'all-new' }, FLAWFINDER, {
      reports: { 'reports/flawfinder.sarif': FLAWFINDER, 'base/flawfinder.sarif': base },
    })
    expect(violations(out)).toEqual(['src/admin.c:10 FF1044 fail'])
    expect(out.tables![0].rows.filter((r) => r[4].startsWith('existing'))).toHaveLength(11)
  })

  it('a rule id that is also an Object.prototype key is looked up as data, not inherited', async () => {
    const report = FLAWFINDER.replaceAll('"FF1044"', '"constructor"')
    expect(violations(await ff({}, report))).toEqual(['src/admin.c:10 constructor fail'])
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
    rule: {
      id: 'js/command-line-injection',
      name: 'Uncontrolled command line',
      severity: 'error',
      security_severity_level: 'critical',
      description: 'Uncontrolled command line',
      help: '# Uncontrolled command line\n\nBuilding a system command from user-controlled sources is vulnerable to command injection.\n\n## Recommendation\n...',
    },
    tool: { name: 'CodeQL', version: '2.20.0' },
    most_recent_instance: {
      ref: 'refs/pull/1/merge',
      message: { text: 'This command line depends on a user-provided value.' },
      location: { path: 'src/exec.js', start_line: 6, end_line: 6, start_column: 10 },
    },
  }
  const withAlerts = (r: ProviderResult<unknown[]>) => makeContext({ files: FILES, evidence: { codeScanningAlerts: async () => r } })

  it('an alert on a changed line fails, severity from security_severity_level', async () => {
    expect(alertResult(alert)).toMatchObject({
      tool: 'CodeQL',
      ruleId: 'js/command-line-injection',
      uri: 'src/exec.js',
      line: 6,
      level: 'error',
      securitySeverity: 9.5,
    })
    const out = await codeScanning.evaluate(withAlerts({ ok: true, data: [alert] }), opts({ reports: [] }))
    expect(violations(out)).toEqual(['src/exec.js:6 js/command-line-injection fail'])
    expect(out.findings[0].message).toMatch(
      /^CodeQL 2\.20\.0 js\/command-line-injection Uncontrolled command line \[critical, security-severity 9\.5\]: This command line/,
    )
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
