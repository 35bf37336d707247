/**
 * `secrets` and `code-scanning` end to end: the bundle (`node dist/index.js`) against the fake GitHub that
 * validates every request against GitHub's OpenAPI description. Fixtures come from real tools (see
 * __tests__/fixtures/secrets/PROVENANCE.md and __tests__/fixtures/sast/PROVENANCE.md).
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { type FakeGitHub } from '../helpers/github-server.js'
import type { RunActionResult } from '../helpers/run-action.js'
import { HEAD_SHA, noStackTrace, runActionOnPr, seedPr } from './helpers.js'
import { useFakeGitHub } from '../helpers/use-fake-github.js'

let server: FakeGitHub
useFakeGitHub((s) => (server = s))

const LEAKY = join(process.cwd(), '__tests__/fixtures/secrets/leaky')
const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]))
const FIXTURE: Record<string, string> = Object.fromEntries(walk(LEAKY).map((p) => [relative(LEAKY, p), readFileSync(p, 'utf8')]))
const KEY_BODY = FIXTURE['deploy/id_rsa'].split('\n')[1]
const SECRETS = [
  /aws_secret_access_key=(\S+)/.exec(FIXTURE['config/aws.env'])![1],
  /'(ghp_\w+)'/.exec(FIXTURE['src/github.ts'])![1],
  /'(xoxb-[\w-]+)'/.exec(FIXTURE['src/slack.ts'])![1],
  /'(https:\/\/hooks\.slack\.com\/[^']+)'/.exec(FIXTURE['src/slack.ts'])![1],
  KEY_BODY,
]

function addedFile(path: string, text: string) {
  const lines = text.replace(/\n$/, '').split('\n')
  return {
    filename: path,
    status: 'added' as const,
    additions: lines.length,
    deletions: 0,
    patch: `@@ -0,0 +1,${lines.length} @@\n` + lines.map((l) => '+' + l).join('\n'),
  }
}

interface RuleReport {
  id: string
  status: string
  summary?: string
  findings: Array<{ kind?: string; code?: string; message: string; path?: string; line?: number }>
}
function ruleOf(r: RunActionResult, id: string): RuleReport {
  const report = JSON.parse(readFileSync(r.outputs.report, 'utf8')) as { rules: RuleReport[] }
  const rule = report.rules.find((x) => x.id === id)
  if (!rule) throw new Error(`no rule ${id} in the report`)
  return rule
}

/** Every surface the gate writes: log, summary, outputs, JSON report, comment, check run, annotations, statuses. */
function everySurface(r: RunActionResult): string {
  return [
    r.stdout,
    r.stderr,
    r.summary,
    JSON.stringify(r.outputs),
    r.outputs.report ? readFileSync(r.outputs.report, 'utf8') : '',
    JSON.stringify(server.state.comments),
    JSON.stringify(server.state.checkRuns),
    JSON.stringify(server.state.statuses),
  ].join('\n')
}

function expectNeverPrinted(r: RunActionResult, secrets: string[]): void {
  const all = everySurface(r)
  for (const s of secrets) {
    expect(all).not.toContain(s)
    // nor a distinctive piece of it (a run of zeros is not distinctive: the fake Actions token has one)
    for (let i = 0; i + 12 <= s.length; i += 4) if (new Set(s.slice(i, i + 12)).size >= 6) expect(all).not.toContain(s.slice(i, i + 12))
  }
}

describe('secrets', () => {
  it('a new secret fails, with the rule, file:line and a fingerprint on every surface, and is never printed anywhere', async () => {
    const pr = seedPr(server, { files: Object.entries(FIXTURE).map(([p, t]) => addedFile(p, t)) })
    const r = await runActionOnPr(server, pr)
    noStackTrace(r)
    expect(r.outputs.conclusion).toBe('failure')
    expect(r.code).toBe(1)
    const rule = ruleOf(r, 'secrets')
    expect(rule.status).toBe('fail')
    expect(
      rule.findings
        .filter((f) => !f.kind)
        .map((f) => `${f.path}:${f.line} ${f.code}`)
        .sort(),
    ).toEqual(
      [
        'config/aws.env:3 AWSSecretAccessKey',
        'deploy/id_rsa:1 PrivateKey',
        'src/github.ts:2 GITHUB_TOKEN',
        'src/slack.ts:2 SLACK_TOKEN',
        'src/slack.ts:3 IncomingWebhook',
      ].sort(),
    )
    // the redacted fingerprint reaches the comment, the check run and the annotations
    const comment = server.commentsOn(7)[0].body
    expect(comment).toMatch(/ghp\\_…0000 \\\(sha256:[0-9a-f]{16}\\\)/)
    expect(comment).toContain('Rotate the credential first')
    const run = server.state.checkRuns[0]
    expect(run.conclusion).toBe('failure')
    const ann = run.annotations.filter((a) => a.title?.startsWith('secrets'))
    expect(ann.map((a) => `${a.path}:${a.start_line}`).sort()).toEqual([
      'config/aws.env:3',
      'deploy/id_rsa:1',
      'src/github.ts:2',
      'src/slack.ts:2',
      'src/slack.ts:3',
    ])
    expect(ann.every((a) => /sha256:[0-9a-f]{16}/.test(a.message) && a.annotation_level === 'failure')).toBe(true)
    expectNeverPrinted(r, SECRETS)
  })

  it('an allowlisted fixture passes (path allowlist with its reason), and the reason is shown', async () => {
    const policy = [
      'rules:',
      '  secrets:',
      '    allow:',
      '      - path: "test/fixtures/**"',
      '        reason: "fake keys of the parser tests"',
      '',
    ].join('\n')
    const pr = seedPr(server, {
      base: { '.github/quality-gate.yml': policy },
      files: Object.entries(FIXTURE).map(([p, t]) => addedFile(`test/fixtures/${p}`, t)),
    })
    const r = await runActionOnPr(server, pr)
    noStackTrace(r)
    const rule = ruleOf(r, 'secrets')
    expect(rule.status).toBe('pass')
    expect(rule.summary).toMatch(/5 secrets found \(0 failing, 5 allowed\)/)
    expect(server.state.checkRuns[0].output.text).toContain('fake keys of the parser tests')
    expectNeverPrinted(r, SECRETS)
  })

  const ALERTS_ON = 'rules:\n  secrets: { use_secret_scanning_alerts: true }\n'

  it('off by default (as Dependabot alerts are): no secret-scanning call', async () => {
    const pr = seedPr(server, { files: [addedFile('src/app.ts', 'export const ok = 1\n')] })
    expect((await runActionOnPr(server, pr)).code).toBe(0)
    expect(server.requestsFor('secret-scanning/list-alerts-for-repo')).toEqual([])
  })

  it("GitHub's alert for a secret in an earlier commit of the PR fails, and its secret is never printed", async () => {
    const early = 'd'.repeat(40)
    const pr = seedPr(server, {
      base: { '.github/quality-gate.yml': ALERTS_ON },
      files: [addedFile('src/app.ts', 'export const ok = 1\n')],
    })
    pr.commits = [
      { sha: early, message: 'add key' },
      { sha: HEAD_SHA, message: 'remove key' },
    ]
    const leaked = SECRETS[1]
    server.addSecretScanningAlert({
      secretType: 'github_personal_access_token',
      displayName: 'GitHub Personal Access Token',
      secret: leaked,
      locations: [{ path: 'src/config.ts', startLine: 4, commitSha: early }],
    })
    // an alert located only in commits of other branches is not this PR's
    server.addSecretScanningAlert({
      secretType: 'slack_api_token',
      secret: SECRETS[2],
      locations: [{ path: 'x.ts', startLine: 1, commitSha: 'e'.repeat(40) }],
    })
    const r = await runActionOnPr(server, pr)
    noStackTrace(r)
    const rule = ruleOf(r, 'secrets')
    expect(rule.status).toBe('fail')
    expect(rule.findings.filter((f) => !f.kind).map((f) => `${f.path}:${f.line} ${f.code}`)).toEqual([
      'src/config.ts:4 GitHub Personal Access Token',
    ])
    expect(server.requestsFor('secret-scanning/list-locations-for-alert')).toHaveLength(2)
    expectNeverPrinted(r, [leaked, SECRETS[2]])
  })

  it('403 on secret-scanning alerts is a notice, not a failure, and not a pass of the diff scan', async () => {
    server.faults.push({
      path: 'secret-scanning/list-alerts-for-repo',
      status: 403,
      times: 5,
      body: { message: 'Resource not accessible by integration' },
    })
    const clean = seedPr(server, {
      base: { '.github/quality-gate.yml': ALERTS_ON },
      files: [addedFile('src/app.ts', 'export const ok = 1\n')],
    })
    const r1 = await runActionOnPr(server, clean)
    expect(ruleOf(r1, 'secrets').status).toBe('pass')
    expect(ruleOf(r1, 'secrets').findings.map((f) => [f.kind, f.code])).toEqual([['info', 'secret-scanning-unavailable']])
    expect(r1.outputs.conclusion).toBe('success')

    server.faults.push({
      path: 'secret-scanning/list-alerts-for-repo',
      status: 403,
      times: 5,
      body: { message: 'Resource not accessible by integration' },
    })
    const leaky = seedPr(server, {
      number: 8,
      base: { '.github/quality-gate.yml': ALERTS_ON },
      files: [addedFile('src/github.ts', FIXTURE['src/github.ts'])],
    })
    const r2 = await runActionOnPr(server, leaky)
    expect(ruleOf(r2, 'secrets').status).toBe('fail')
    expect(r2.outputs.conclusion).toBe('failure')
    expectNeverPrinted(r2, SECRETS)
  })
})

describe('code-scanning', () => {
  const ESLINT = readFileSync(join(process.cwd(), '__tests__/fixtures/sast/eslint.sarif'), 'utf8')
  const APP = join(process.cwd(), '__tests__/fixtures/sast/vulnerable-app')
  const policy = (only?: string) =>
    [
      'rules:',
      '  code-scanning:',
      '    level: fail',
      '    reports: ["reports/eslint.sarif"]',
      ...(only ? [`    only: ${only}`] : []),
      '',
    ].join('\n')
  function workspace(): string {
    const ws = mkdtempSync(join(tmpdir(), 'ws-sast-'))
    mkdirSync(join(ws, 'reports'))
    writeFileSync(join(ws, 'reports/eslint.sarif'), ESLINT)
    return ws
  }
  /** src/exec.js adds lines 5–7 (the exec is on 6); src/files.js adds only line 19. */
  const execPatch = () => {
    const lines = readFileSync(join(APP, 'src/exec.js'), 'utf8').split('\n')
    return {
      filename: 'src/exec.js',
      status: 'modified' as const,
      additions: 3,
      deletions: 0,
      patch: `@@ -4,3 +4,6 @@\n ${lines[3]}\n+${lines[4]}\n+${lines[5]}\n+${lines[6]}\n ${lines[7]}\n ${lines[8]}`,
    }
  }
  const filesPatch = {
    filename: 'src/files.js',
    status: 'modified' as const,
    additions: 1,
    deletions: 0,
    patch: '@@ -17,2 +17,3 @@\n \n module.exports = { readUpload, matches, evaluate }\n+// more',
  }

  it('a SAST finding on a changed line fails, annotated on its exact line, the rule linked to its help page', async () => {
    const pr = seedPr(server, { base: { '.github/quality-gate.yml': policy() }, files: [execPatch(), filesPatch] })
    const r = await runActionOnPr(server, pr, {}, { workspace: workspace() })
    noStackTrace(r)
    const rule = ruleOf(r, 'code-scanning')
    expect(rule.status).toBe('fail')
    expect(rule.findings.filter((f) => !f.kind).map((f) => `${f.path}:${f.line} ${f.code}`)).toEqual([
      'src/exec.js:6 security/detect-child-process',
    ])
    const ann = server.state.checkRuns[0].annotations.filter((a) => a.title?.startsWith('code-scanning'))
    expect(ann.map((a) => [a.path, a.start_line, a.annotation_level, a.title])).toEqual([
      ['src/exec.js', 6, 'failure', 'code-scanning: security/detect-child-process'],
    ])
    expect(ann[0].message).toContain('Fix: Detects instances of "child_process" & non-literal "exec()" calls.')
    expect(server.commentsOn(7)[0].body).toContain(
      '[<code>security/detect-child-process</code>](https://github.com/eslint-community/eslint-plugin-security/blob/main/docs/rules/detect-child-process.md)',
    )
  })

  it('the same findings on unchanged lines are reported only under `all`', async () => {
    const pr = seedPr(server, { base: { '.github/quality-gate.yml': policy() }, files: [filesPatch] })
    const r = await runActionOnPr(server, pr, {}, { workspace: workspace() })
    expect(ruleOf(r, 'code-scanning').status).toBe('pass')
    expect(ruleOf(r, 'code-scanning').summary).toMatch(/5 results; 5 not gated \(only: new-on-changed-lines\)/)
    expect(server.state.checkRuns[0].annotations.filter((a) => a.title?.startsWith('code-scanning'))).toEqual([])

    const pr2 = seedPr(server, { number: 8, base: { '.github/quality-gate.yml': policy('all') }, files: [filesPatch] })
    const r2 = await runActionOnPr(server, pr2, {}, { workspace: workspace() })
    const rule = ruleOf(r2, 'code-scanning')
    expect(rule.status).toBe('fail')
    expect(
      rule.findings
        .filter((f) => !f.kind)
        .map((f) => `${f.path}:${f.line}`)
        .sort(),
    ).toEqual(['src/exec.js:6', 'src/files.js:10', 'src/files.js:15', 'src/files.js:15', 'src/files.js:6'].sort())
  })

  it("GitHub's code-scanning alerts of refs/pull/N/merge are read, and a 403 is a notice", async () => {
    const pr = seedPr(server, {
      base: { '.github/quality-gate.yml': ['rules:', '  code-scanning:', '    level: fail', ''].join('\n') },
      files: [execPatch()],
    })
    server.addCodeScanningAlert({
      ref: 'refs/pull/7/merge',
      tool: 'CodeQL',
      ruleId: 'js/command-line-injection',
      description: 'Uncontrolled command line',
      severity: 'error',
      securitySeverityLevel: 'critical',
      path: 'src/exec.js',
      startLine: 6,
      message: 'This command line depends on a user-provided value.',
      helpUri: 'https://codeql.github.com/codeql-query-help/javascript/js-command-line-injection/',
    })
    const r = await runActionOnPr(server, pr)
    noStackTrace(r)
    const rule = ruleOf(r, 'code-scanning')
    expect(rule.status).toBe('fail')
    expect(rule.findings.map((f) => `${f.path}:${f.line} ${f.code}`)).toEqual(['src/exec.js:6 js/command-line-injection'])
    expect(server.requestsFor('code-scanning/list-alerts-for-repo')[0].query.ref).toBe('refs/pull/7/merge')

    server.faults.push({
      path: 'code-scanning/list-alerts-for-repo',
      status: 403,
      times: 5,
      body: { message: 'Resource not accessible by integration' },
    })
    const pr2 = seedPr(server, {
      number: 8,
      base: { '.github/quality-gate.yml': ['rules:', '  code-scanning:', '    level: fail', ''].join('\n') },
      files: [execPatch()],
    })
    const r2 = await runActionOnPr(server, pr2)
    const rule2 = ruleOf(r2, 'code-scanning')
    expect(rule2.status).toBe('pass')
    expect(rule2.findings.map((f) => [f.kind, f.code])).toEqual([['info', 'code-scanning-unavailable']])
    expect(r2.outputs.conclusion).toBe('success')
  })

  describe('Flawfinder (C, a Debian package): its real SARIF', () => {
    const FLAWFINDER = readFileSync(join(process.cwd(), '__tests__/fixtures/sast/flawfinder.sarif'), 'utf8')
    const C = join(process.cwd(), '__tests__/fixtures/sast/vulnerable-c')
    const ffPolicy = (only?: string) =>
      [
        'rules:',
        '  code-scanning:',
        '    level: fail',
        '    reports: ["reports/flawfinder.sarif"]',
        ...(only ? [`    only: ${only}`] : []),
        '',
      ].join('\n')
    function ffWorkspace(): string {
      const ws = mkdtempSync(join(tmpdir(), 'ws-sast-c-'))
      mkdirSync(join(ws, 'reports'))
      writeFileSync(join(ws, 'reports/flawfinder.sarif'), FLAWFINDER)
      return ws
    }
    /** A PR that adds line `n` (1-based) of a fixture file, the lines around it as context. */
    const adding = (file: string, n: number) => {
      const lines = readFileSync(join(C, file), 'utf8').split('\n')
      const before = lines.slice(Math.max(0, n - 3), n - 1)
      const after = lines.slice(n, n + 2)
      const start = n - before.length
      return {
        filename: file,
        status: 'modified' as const,
        additions: 1,
        deletions: 0,
        patch:
          `@@ -${start},${before.length + after.length} +${start},${before.length + after.length + 1} @@\n` +
          [...before.map((l) => ' ' + l), '+' + lines[n - 1], ...after.map((l) => ' ' + l)].join('\n'),
      }
    }

    it('a finding on a changed line fails; the annotation names the tool, the rule id and name, and links the help page; the comment escapes the message', async () => {
      // src/admin.c:10 `return system(cmd);` (FF1044) and src/greet.c:8 `strcpy(buf, name);` (FF1001) are added
      const pr = seedPr(server, {
        base: { '.github/quality-gate.yml': ffPolicy() },
        files: [adding('src/admin.c', 10), adding('src/greet.c', 8)],
      })
      const r = await runActionOnPr(server, pr, {}, { workspace: ffWorkspace() })
      noStackTrace(r)
      expect(r.outputs.conclusion).toBe('failure')
      const rule = ruleOf(r, 'code-scanning')
      expect(rule.status).toBe('fail')
      expect(
        rule.findings
          .filter((f) => !f.kind)
          .map((f) => `${f.path}:${f.line} ${f.code}`)
          .sort(),
      ).toEqual(['src/admin.c:10 FF1044', 'src/greet.c:8 FF1001'])
      expect(rule.summary).toMatch(/^12 results; 2 gated \(2 at or above high\); 10 not gated/)
      const ann = server.state.checkRuns[0].annotations.filter((a) => a.title?.startsWith('code-scanning'))
      expect(ann.map((a) => [a.path, a.start_line, a.annotation_level, a.title]).sort()).toEqual([
        ['src/admin.c', 10, 'failure', 'code-scanning: FF1044'],
        ['src/greet.c', 8, 'failure', 'code-scanning: FF1001'],
      ])
      const system = ann.find((a) => a.start_line === 10)!
      expect(system.message).toMatch(
        /^Flawfinder 2\.0\.19 FF1044 shell\/system \(https:\/\/cwe\.mitre\.org\/data\/definitions\/78\.html\) \[high\]: shell\/system:This causes a new program to execute/,
      )
      // the comment: the rule id linked to its CWE page; the tool's text (brackets of "[MS-banned]") escaped, not Markdown
      const comment = server.commentsOn(7)[0].body
      expect(comment).toContain('[<code>FF1044</code>](https://cwe.mitre.org/data/definitions/78.html)')
      expect(comment).toContain('[<code>FF1001</code>](https://cwe.mitre.org/data/definitions/120.html)')
      expect(comment).toContain('destination \\[MS-banned\\] \\(CWE-120\\).')
      expect(comment).not.toContain('**Fix:** Does not check') // the help is the message's own text: not repeated as the fix
      expect(comment).not.toContain('destination [MS-banned]')
    })

    it('the same finding on an unchanged line is reported only under `all`', async () => {
      // the PR adds line 3 of src/greet.c (an #include): every result is on an unchanged line
      const pr = seedPr(server, { base: { '.github/quality-gate.yml': ffPolicy() }, files: [adding('src/greet.c', 3)] })
      const r = await runActionOnPr(server, pr, {}, { workspace: ffWorkspace() })
      noStackTrace(r)
      expect(ruleOf(r, 'code-scanning').status).toBe('pass')
      expect(ruleOf(r, 'code-scanning').summary).toMatch(/^12 results; 12 not gated \(only: new-on-changed-lines\)/)
      expect(server.state.checkRuns[0].annotations.filter((a) => a.title?.startsWith('code-scanning'))).toEqual([])

      const pr2 = seedPr(server, { number: 8, base: { '.github/quality-gate.yml': ffPolicy('all') }, files: [adding('src/greet.c', 3)] })
      const r2 = await runActionOnPr(server, pr2, {}, { workspace: ffWorkspace() })
      const rule = ruleOf(r2, 'code-scanning')
      expect(rule.status).toBe('fail')
      const ann = server.state.checkRuns.at(-1)!.annotations.filter((a) => a.title?.startsWith('code-scanning'))
      expect(
        ann
          .filter((a) => a.annotation_level === 'failure')
          .map((a) => `${a.path}:${a.start_line} ${a.title}`)
          .sort(),
      ).toEqual(
        [
          'src/admin.c:10 code-scanning: FF1044',
          'src/admin.c:16 code-scanning: FF1014',
          'src/admin.c:18 code-scanning: FF1016',
          'src/greet.c:8 code-scanning: FF1001',
          'src/greet.c:15 code-scanning: FF1015',
        ].sort(),
      )
      expect(ann.filter((a) => a.annotation_level === 'notice')).toHaveLength(7) // the notes: below fail_on high
    })
  })

  it('a broken SARIF fails closed with a message naming the file', async () => {
    const ws = workspace()
    writeFileSync(join(ws, 'reports/eslint.sarif'), ESLINT.slice(0, 500))
    const pr = seedPr(server, { base: { '.github/quality-gate.yml': policy() }, files: [execPatch()] })
    const r = await runActionOnPr(server, pr, {}, { workspace: ws })
    noStackTrace(r)
    const rule = ruleOf(r, 'code-scanning')
    expect(rule.status).toBe('error')
    expect(rule.findings[0].message).toMatch(/reports\/eslint\.sarif/)
    expect(r.outputs.conclusion).toBe('failure')
  })
})
