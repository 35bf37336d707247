/**
 * Fail closed, through the bundle against the validating fake GitHub with fault injection: an evidence
 * provider that FAILS (500, 502, a hang past `request-timeout`, a failed content read, a zip that lies
 * about its sizes) makes the rule "not evaluated", so the run concludes what `on_error` says and never
 * success. A provider that is NOT AVAILABLE by configuration (404) stays a notice. Hostile scanner
 * package names are literal text, never a pattern.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type FakeGitHub, type Fault } from '../helpers/github-server.js'
import { exampleEvent, pullRequestEvent, runAction, type RunActionResult } from '../helpers/run-action.js'
import { BASE_SHA, HEAD_SHA, noStackTrace, runActionOnPr, seedPr } from './helpers.js'
import { useFakeGitHub } from '../helpers/use-fake-github.js'
import { lyingZip } from '../helpers/zip-bombs.js'

let server: FakeGitHub
useFakeGitHub((s) => (server = s))

/** A PR adding lodash 4.17.20 to package.json; dependency review reports a critical advisory for it. */
const PKG_PATCH = '@@ -1,5 +1,6 @@\n {\n   "dependencies": {\n+    "lodash": "4.17.20",\n     "express": "4.18.2"\n   }\n }'
function seedVulnerablePr(policy?: string) {
  const pr = seedPr(server, {
    files: [{ filename: 'package.json', status: 'modified', additions: 1, deletions: 0, patch: PKG_PATCH }],
    base: policy ? { '.github/quality-gate.yml': policy } : {},
  })
  server.setDependencyDiff(`${BASE_SHA}...${HEAD_SHA}`, [
    {
      change_type: 'added',
      manifest: 'package.json',
      ecosystem: 'npm',
      name: 'lodash',
      version: '4.17.20',
      package_url: 'pkg:npm/lodash@4.17.20',
      license: 'MIT',
      scope: 'runtime',
      vulnerabilities: [
        {
          severity: 'critical',
          advisory_ghsa_id: 'GHSA-35jh-r3h4-6jhm',
          advisory_summary: 'Command Injection in lodash',
          advisory_url: 'https://github.com/advisories/GHSA-35jh-r3h4-6jhm',
        },
      ],
    },
  ])
  return pr
}

interface RuleReport {
  id: string
  status: string
  findings: Array<{ kind?: string; code?: string; message: string }>
}
function ruleOf(r: RunActionResult, id: string): RuleReport {
  const report = JSON.parse(readFileSync(r.outputs.report, 'utf8')) as { rules: RuleReport[] }
  const rule = report.rules.find((x) => x.id === id)
  if (!rule) throw new Error(`no rule ${id} in the report`)
  return rule
}

function expectNotEvaluated(r: RunActionResult, code: string): void {
  noStackTrace(r)
  expect(r.signal).toBeNull()
  expect(r.outputs.conclusion).toBe('failure')
  expect(r.code).toBe(1)
  expect(server.state.checkRuns.map((c) => c.conclusion)).toEqual(['failure'])
  expect(server.state.checkRuns[0].output.title).not.toMatch(/passed/)
  const rule = ruleOf(r, 'dependencies')
  expect(rule.status).toBe('error')
  expect(rule.findings.filter((f) => f.kind === 'error').map((f) => f.code)).toContain(code)
  expect(server.commentsOn(7)[0].body).toContain('❗ not evaluated')
}

describe('dependency review outage: not evaluated, the conclusion follows on_error (never success)', () => {
  it('with the API up, the same PR fails on the critical advisory (the control)', async () => {
    const pr = seedVulnerablePr()
    const r = await runActionOnPr(server, pr)
    expect(r.outputs.conclusion).toBe('failure')
    expect(ruleOf(r, 'dependencies').status).toBe('fail')
  })

  it.each<[string, Fault]>([
    ['500 until the retries run out', { path: 'dependency-graph/diff-range', status: 500, times: 10 }],
    ['502 until the retries run out', { path: 'dependency-graph/diff-range', status: 502, times: 10 }],
  ])(
    '%s',
    async (_name, fault) => {
      const pr = seedVulnerablePr()
      server.faults.push(fault)
      const r = await runActionOnPr(server, pr)
      expectNotEvaluated(r, 'dependency-review-failed')
      expect(server.count('dependency-graph/diff-range')).toBe(4) // first try + 3 retries
      expect(ruleOf(r, 'dependencies').findings.find((f) => f.code === 'dependency-review-failed')?.message).toMatch(
        /failed \(HTTP 50[02]\)/,
      )
    },
    60_000,
  )

  it('a hang past request-timeout on every try', async () => {
    const pr = seedVulnerablePr()
    server.faults.push({ path: 'dependency-graph/diff-range', delayMs: 120_000, times: 10 })
    const r = await runAction({
      server,
      event: pullRequestEvent(pr, 'synchronize', server),
      inputs: { token: server.token, 'request-timeout': '1' },
      timeoutMs: 90_000,
    })
    expectNotEvaluated(r, 'dependency-review-failed')
  }, 120_000)

  it('on_error: neutral in the base policy → neutral, still not success', async () => {
    const pr = seedVulnerablePr('conclusion: { on_error: neutral }\n')
    server.faults.push({ path: 'dependency-graph/diff-range', status: 502, times: 10 })
    const r = await runActionOnPr(server, pr)
    expect(r.outputs.conclusion).toBe('neutral')
    expect(server.state.checkRuns[0].conclusion).toBe('neutral')
    expect(ruleOf(r, 'dependencies').status).toBe('error')
  }, 60_000)

  it('404 (dependency graph not enabled) is NOT AVAILABLE by configuration: a notice, the run may pass', async () => {
    const pr = seedVulnerablePr()
    server.faults.push({ path: 'dependency-graph/diff-range', status: 404, body: { message: 'Not Found' }, times: 10 })
    const r = await runActionOnPr(server, pr)
    expect(r.outputs.conclusion).toBe('success')
    const rule = ruleOf(r, 'dependencies')
    expect(rule.status).not.toBe('error')
    expect(rule.findings.map((f) => [f.kind, f.code])).toContainEqual(['info', 'dependency-review-unavailable'])
    expect(rule.findings.filter((f) => f.kind === 'error')).toEqual([])
  })
})

describe('Dependabot alerts outage', () => {
  it('500 on the alerts list: not evaluated, failure', async () => {
    const pr = seedPr(server, { base: { '.github/quality-gate.yml': 'rules:\n  dependencies: { use_dependabot_alerts: true }\n' } })
    server.faults.push({ path: 'dependabot/list-alerts-for-repo', status: 500, times: 10 })
    const r = await runActionOnPr(server, pr)
    expectNotEvaluated(r, 'dependabot-failed')
  }, 60_000)
})

describe('a content read that fails is not an absent file', () => {
  // Contents are read in GraphQL batches (src/github/contents.ts); what GraphQL cannot vouch for is read over
  // REST. Each case makes GraphQL unable to answer for the lock file, and REST fail: never "no lock file".
  it.each<[string, Fault | undefined, boolean]>([
    [
      'GraphQL refuses the field (FORBIDDEN at its alias)',
      { path: '/graphql', graphqlErrors: [{ path: ['repository', 'c0'] }], times: 2 },
      false,
    ],
    ['GraphQL down (502 until the retries run out)', { path: '/graphql', status: 502, times: 20 }, false],
    ['GraphQL truncates the blob (over 512 KB)', undefined, true],
  ])(
    'package-lock.json read (to resolve npm audit versions), %s, REST answering 502: not evaluated, failure',
    async (_name, graphqlFault, big) => {
      const ws = mkdtempSync(join(tmpdir(), 'ws-'))
      writeFileSync(join(ws, 'npm-audit.json'), readFileSync('__tests__/fixtures/scanners/npm-audit.json', 'utf8'))
      const lock = readFileSync('__tests__/fixtures/scanners/npm-audit-package-lock.json', 'utf8') + (big ? ' '.repeat(600_000) : '')
      const pr = seedPr(server, {
        base: { '.github/quality-gate.yml': 'rules:\n  dependencies: { reports: ["npm-audit.json"], fail_on: none }\n' },
        head: { 'package-lock.json': lock },
      })
      if (graphqlFault) server.faults.push(graphqlFault)
      server.faults.push({ method: 'GET', path: /\/contents\/package-lock\.json$/, status: 502, times: 10 })
      const r = await runActionOnPr(server, pr, {}, { workspace: ws })
      expectNotEvaluated(r, 'read-failed')
      expect(server.count((q) => q.method === 'GET' && q.path.endsWith('/contents/package-lock.json'))).toBe(4) // first try + 3 retries
    },
    90_000,
  )

  it('the control: the same read answered by GraphQL resolves the versions (no REST read)', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'ws-'))
    writeFileSync(join(ws, 'npm-audit.json'), readFileSync('__tests__/fixtures/scanners/npm-audit.json', 'utf8'))
    const pr = seedPr(server, {
      base: { '.github/quality-gate.yml': 'rules:\n  dependencies: { reports: ["npm-audit.json"], fail_on: none }\n' },
      head: { 'package-lock.json': readFileSync('__tests__/fixtures/scanners/npm-audit-package-lock.json', 'utf8') },
    })
    server.faults.push({ method: 'GET', path: /\/contents\/package-lock\.json$/, status: 502, times: 10 })
    const r = await runActionOnPr(server, pr, {}, { workspace: ws })
    expect(ruleOf(r, 'dependencies').status).not.toBe('error')
    expect(server.requestsFor('repos/get-content')).toEqual([])
  }, 60_000)
})

describe('hostile package names in a scanner report are literal text', () => {
  function sarifFor(names: string[]): string {
    return JSON.stringify({
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'Trivy', rules: [] } },
          results: names.map((name, i) => ({
            ruleId: `CVE-2024-${1000 + i}`,
            level: 'error',
            message: { text: `vulnerable ${name}` },
            properties: { packageName: name, packageVersion: '1.0', 'security-severity': '9.8' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'requirements.txt' } } }],
          })),
        },
      ],
    })
  }

  it('`(a+)+` and `foo(` against an added requirements line of 40 a’s and a !: the run finishes, the rule fails on them (not an error)', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'ws-'))
    mkdirSync(join(ws, 'reports'))
    writeFileSync(join(ws, 'reports/scan.sarif'), sarifFor(['(a+)+', 'foo(', 'a'.repeat(40) + '!']))
    const line = 'a'.repeat(40) + '!'
    const pr = seedPr(server, {
      base: { '.github/quality-gate.yml': 'rules:\n  dependencies: { reports: ["reports/scan.sarif"], new_only: false }\n' },
      files: [
        {
          filename: 'requirements.txt',
          status: 'modified',
          additions: 2,
          deletions: 0,
          patch: `@@ -1 +1,3 @@\n flask==3.0.0\n+${line}\n+requests==2.31.0`,
        },
      ],
    })
    const r = await runActionOnPr(server, pr, {}, { workspace: ws })
    noStackTrace(r)
    expect(r.signal).toBeNull()
    const rule = ruleOf(r, 'dependencies')
    expect(rule.status).toBe('fail')
    expect(rule.findings.filter((f) => f.kind === 'error')).toEqual([])
    expect(rule.findings.filter((f) => f.code === 'vulnerability')).toHaveLength(3)
    // the literal name (with its `!`) is found on the line that declares it
    const ann = server.state.checkRuns[0].annotations.filter((a) => a.message.includes(`${'a'.repeat(40)}!`))
    expect(ann.map((a) => `${a.path}:${a.start_line}`)).toEqual(['requirements.txt:2'])
  }, 60_000)
})

describe('a large SARIF report with many duplicate advisories', () => {
  it('4,000 results (each advisory twice) are merged and judged within the run, not after minutes of pairwise merging', async () => {
    const results = Array.from({ length: 4000 }, (_, i) => {
      const adv = Math.floor(i / 2)
      return {
        ruleId: `CVE-2024-${10000 + adv}`,
        level: 'error',
        message: { text: `Package: pkg-${adv % 700}\nInstalled Version: 1.${adv % 11}.0` },
        properties: { packageName: `pkg-${adv % 700}`, packageVersion: `1.${adv % 11}.0`, 'security-severity': '7.5' },
        locations: [{ physicalLocation: { artifactLocation: { uri: i % 2 ? 'package-lock.json' : 'app/package-lock.json' } } }],
      }
    })
    const ws = mkdtempSync(join(tmpdir(), 'ws-'))
    writeFileSync(
      join(ws, 'trivy.sarif'),
      JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'Trivy', rules: [] } }, results }] }),
    )
    const pr = seedPr(server, {
      base: { '.github/quality-gate.yml': 'rules:\n  dependencies: { reports: ["trivy.sarif"], new_only: false }\n' },
    })
    const r = await runActionOnPr(server, pr, {}, { workspace: ws })
    noStackTrace(r)
    expect(r.signal).toBeNull() // the old pairwise merge was still running when the harness killed the run
    expect(r.outputs.conclusion).toBe('failure')
    const rule = ruleOf(r, 'dependencies')
    expect(rule.status).toBe('fail')
    expect(rule.findings.filter((f) => f.code === 'vulnerability')).toHaveLength(2000)
  }, 90_000)
})

describe('workflow_run: an artifact zip that lies about its sizes', () => {
  const RUN_ID = 4242
  function workflowRunEvent() {
    const ev = exampleEvent('workflow_run', 'completed') as Record<string, any>
    ev.workflow_run.id = RUN_ID
    ev.workflow_run.head_sha = HEAD_SHA
    ev.workflow_run.head_repository = { ...(ev.workflow_run.head_repository ?? {}), full_name: 'forker/service' }
    ev.workflow_run.pull_requests = []
    ev.repository = { ...ev.repository, name: 'service', full_name: 'acme/service', owner: { ...ev.repository.owner, login: 'acme' } }
    return ev
  }

  it('entries declared at 64 bytes that inflate to 8 MiB each: rejected at the first, never a pass, nothing published as success', async () => {
    seedPr(server, { fork: true, base: { '.github/quality-gate.yml': 'rules:\n  dependencies: { reports: ["reports/*.sarif"] }\n' } })
    const big = Buffer.alloc(8 * 1024 * 1024, 0x20)
    const zip = lyingZip([
      { name: 'pr.json', data: Buffer.from(JSON.stringify({ number: 7 })) },
      ...Array.from({ length: 20 }, (_, i) => ({ name: `reports/r${i}.sarif`, data: big, declaredSize: 64 })),
    ])
    server.addArtifact({ runId: RUN_ID, name: 'pr-quality-gate-evidence', headSha: HEAD_SHA, data: zip })
    const r = await runAction({ server, event: workflowRunEvent(), eventName: 'workflow_run', inputs: { token: server.token } })
    noStackTrace(r)
    expect(r.code).toBe(1)
    expect(r.outputs.conclusion).toBe('failure')
    expect(r.stdout).toContain('entry "reports/r0.sarif" inflates to more than its declared 64 bytes')
    expect(server.state.checkRuns.filter((c) => c.conclusion === 'success')).toEqual([])
  }, 60_000)

  it.each([['null'], ['7'], ['"7"'], ['[7]']])(
    'a pr.json of %s: rejected as naming no PR, never a pass',
    async (json) => {
      seedPr(server, { fork: true })
      const zip = lyingZip([{ name: 'pr.json', data: Buffer.from(json) }])
      server.addArtifact({ runId: RUN_ID, name: 'pr-quality-gate-evidence', headSha: HEAD_SHA, data: zip })
      const r = await runAction({ server, event: workflowRunEvent(), eventName: 'workflow_run', inputs: { token: server.token } })
      noStackTrace(r)
      expect(r.code).toBe(1)
      expect(r.stdout).toContain('pr.json in the artifact has no integer "number"')
      expect(server.state.checkRuns.filter((c) => c.conclusion === 'success')).toEqual([])
    },
    60_000,
  )
})
