/**
 * `secrets` and `code-scanning` end to end: the bundle (`node dist/index.js`) against the fake GitHub that
 * validates every request against GitHub's OpenAPI description. Fixtures come from real tools (see
 * __tests__/fixtures/secrets/PROVENANCE.md and __tests__/fixtures/sast/PROVENANCE.md).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { type FakeGitHub } from '../helpers/github-server.js'
import type { RunActionResult } from '../helpers/run-action.js'
import { HEAD_SHA, noStackTrace, runGate, seedPr } from './helpers.js'
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
  return { filename: path, status: 'added' as const, additions: lines.length, deletions: 0, patch: `@@ -0,0 +1,${lines.length} @@\n` + lines.map((l) => '+' + l).join('\n') }
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
    const r = await runGate(server, pr)
    noStackTrace(r)
    expect(r.outputs.conclusion).toBe('failure')
    expect(r.code).toBe(1)
    const rule = ruleOf(r, 'secrets')
    expect(rule.status).toBe('fail')
    expect(rule.findings.filter((f) => !f.kind).map((f) => `${f.path}:${f.line} ${f.code}`).sort()).toEqual(
      ['config/aws.env:3 AWSSecretAccessKey', 'deploy/id_rsa:1 PrivateKey', 'src/github.ts:2 GITHUB_TOKEN', 'src/slack.ts:2 SLACK_TOKEN', 'src/slack.ts:3 IncomingWebhook'].sort(),
    )
    // the redacted fingerprint reaches the comment, the check run and the annotations
    const comment = server.commentsOn(7)[0].body
    expect(comment).toMatch(/ghp\\_…0000 \\\(sha256:[0-9a-f]{16}\\\)/)
    expect(comment).toContain('Rotate the credential first')
    const run = server.state.checkRuns[0]
    expect(run.conclusion).toBe('failure')
    const ann = run.annotations.filter((a) => a.title?.startsWith('secrets'))
    expect(ann.map((a) => `${a.path}:${a.start_line}`).sort()).toEqual(['config/aws.env:3', 'deploy/id_rsa:1', 'src/github.ts:2', 'src/slack.ts:2', 'src/slack.ts:3'])
    expect(ann.every((a) => /sha256:[0-9a-f]{16}/.test(a.message) && a.annotation_level === 'failure')).toBe(true)
    expectNeverPrinted(r, SECRETS)
  })

  it('an allowlisted fixture passes (path allowlist with its reason), and the reason is shown', async () => {
    const policy = ['rules:', '  secrets:', '    allow:', '      - path: "test/fixtures/**"', '        reason: "fake keys of the parser tests"', ''].join('\n')
    const pr = seedPr(server, { base: { '.github/quality-gate.yml': policy }, files: Object.entries(FIXTURE).map(([p, t]) => addedFile(`test/fixtures/${p}`, t)) })
    const r = await runGate(server, pr)
    noStackTrace(r)
    const rule = ruleOf(r, 'secrets')
    expect(rule.status).toBe('pass')
    expect(rule.summary).toMatch(/5 secrets found \(0 failing, 5 allowed\)/)
    expect(server.state.checkRuns[0].output.text).toContain('fake keys of the parser tests')
    expectNeverPrinted(r, SECRETS)
  })

  it("GitHub's alert for a secret in an earlier commit of the PR fails, and its secret is never printed", async () => {
    const early = 'd'.repeat(40)
    const pr = seedPr(server, { files: [addedFile('src/app.ts', 'export const ok = 1\n')] })
    pr.commits = [{ sha: early, message: 'add key' }, { sha: HEAD_SHA, message: 'remove key' }]
    const leaked = SECRETS[1]
    server.addSecretScanningAlert({ secretType: 'github_personal_access_token', displayName: 'GitHub Personal Access Token', secret: leaked, locations: [{ path: 'src/config.ts', startLine: 4, commitSha: early }] })
    // an alert located only in commits of other branches is not this PR's
    server.addSecretScanningAlert({ secretType: 'slack_api_token', secret: SECRETS[2], locations: [{ path: 'x.ts', startLine: 1, commitSha: 'e'.repeat(40) }] })
    const r = await runGate(server, pr)
    noStackTrace(r)
    const rule = ruleOf(r, 'secrets')
    expect(rule.status).toBe('fail')
    expect(rule.findings.filter((f) => !f.kind).map((f) => `${f.path}:${f.line} ${f.code}`)).toEqual(['src/config.ts:4 GitHub Personal Access Token'])
    expect(server.requestsFor('secret-scanning/list-locations-for-alert')).toHaveLength(2)
    expectNeverPrinted(r, [leaked, SECRETS[2]])
  })

  it('403 on secret-scanning alerts is a notice, not a failure, and not a pass of the diff scan', async () => {
    server.faults.push({ path: 'secret-scanning/list-alerts-for-repo', status: 403, times: 5, body: { message: 'Resource not accessible by integration' } })
    const clean = seedPr(server, { files: [addedFile('src/app.ts', 'export const ok = 1\n')] })
    const r1 = await runGate(server, clean)
    expect(ruleOf(r1, 'secrets').status).toBe('pass')
    expect(ruleOf(r1, 'secrets').findings.map((f) => [f.kind, f.code])).toEqual([['info', 'secret-scanning-unavailable']])
    expect(r1.outputs.conclusion).toBe('success')

    server.faults.push({ path: 'secret-scanning/list-alerts-for-repo', status: 403, times: 5, body: { message: 'Resource not accessible by integration' } })
    const leaky = seedPr(server, { number: 8, files: [addedFile('src/github.ts', FIXTURE['src/github.ts'])] })
    const r2 = await runGate(server, leaky)
    expect(ruleOf(r2, 'secrets').status).toBe('fail')
    expect(r2.outputs.conclusion).toBe('failure')
    expectNeverPrinted(r2, SECRETS)
  })
})
