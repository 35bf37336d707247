/**
 * Each rule of the issues end to end through the bundle against the fake GitHub: evidence from the
 * workspace (coverage), the PR body (runbook opt-out) and the API (dependency review).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type FakeGitHub } from '../helpers/github-server.js'
import { BASE_SHA, HEAD_SHA, noStackTrace, runActionOnPr, seedPr } from './helpers.js'
import { useFakeGitHub } from '../helpers/use-fake-github.js'

let server: FakeGitHub
useFakeGitHub((s) => (server = s))

describe('critical-path-tests', () => {
  const policy = [
    'rules:',
    '  critical-path-tests:',
    '    level: fail',
    '    coverage: ["coverage/lcov.info"]',
    '    areas:',
    '      - name: payments',
    '        include: ["services/payments/**"]',
    '        exclude: ["**/*.test.ts"]',
    '        tests: ["services/payments/**/*.test.ts"]',
    '        require: [diff-coverage]',
    '        min_diff_coverage: 80',
    '',
  ].join('\n')
  const patch =
    '@@ -1,2 +1,12 @@\n export function charge() {\n' + Array.from({ length: 10 }, (_, i) => `+  step${i}()`).join('\n') + '\n }'

  function workspaceWithLcov(hitLines: number[], missLines: number[]): string {
    const ws = mkdtempSync(join(tmpdir(), 'ws-'))
    mkdirSync(join(ws, 'coverage'))
    const da = [...hitLines.map((l) => `DA:${l},3`), ...missLines.map((l) => `DA:${l},0`)].join('\n')
    writeFileSync(join(ws, 'coverage/lcov.info'), `TN:\nSF:${ws}/services/payments/charge.ts\n${da}\nend_of_record\n`)
    return ws
  }

  it('fails under the threshold and annotates the uncovered range on the head SHA', async () => {
    const pr = seedPr(server, {
      base: { '.github/quality-gate.yml': policy },
      files: [{ filename: 'services/payments/charge.ts', status: 'modified', additions: 10, deletions: 0, patch }],
    })
    const ws = workspaceWithLcov([1, 2, 3, 4, 5], [6, 7, 8, 9, 10, 11])
    const r = await runActionOnPr(server, pr, {}, { workspace: ws })
    noStackTrace(r)
    expect(r.outputs['failed-rules']).toBe('critical-path-tests')
    const ann = server.state.checkRuns[0].annotations.filter((a) => a.title?.startsWith('critical-path-tests'))
    expect(ann.map((a) => [a.path, a.start_line, a.end_line])).toEqual([['services/payments/charge.ts', 6, 11]])
    expect(server.state.checkRuns[0].headSha).toBe(HEAD_SHA)
  })

  it('passes at or above the threshold', async () => {
    const pr = seedPr(server, {
      base: { '.github/quality-gate.yml': policy },
      files: [{ filename: 'services/payments/charge.ts', status: 'modified', additions: 10, deletions: 0, patch }],
    })
    const ws = workspaceWithLcov([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [11])
    const r = await runActionOnPr(server, pr, {}, { workspace: ws })
    expect(r.outputs.conclusion).toBe('success')
  })
})

describe('runbook', () => {
  const files = [
    {
      filename: 'services/pay/app.ts',
      status: 'modified' as const,
      additions: 1,
      deletions: 0,
      patch: '@@ -1 +1,2 @@\n import x\n+const timeout = process.env.PAYMENTS_TIMEOUT_MS',
    },
  ]
  const base = { '.github/quality-gate.yml': 'rules:\n  runbook: { level: fail }\n', 'services/pay/app.ts': 'import x\n' }

  it('a new env var without a runbook update fails, annotated on its line', async () => {
    const pr = seedPr(server, {
      base,
      files,
      head: { 'services/pay/app.ts': 'import x\nconst timeout = process.env.PAYMENTS_TIMEOUT_MS\n' },
    })
    const r = await runActionOnPr(server, pr)
    noStackTrace(r)
    expect(r.outputs['failed-rules']).toBe('runbook')
    const ann = server.state.checkRuns[0].annotations
    expect(ann.map((a) => `${a.path}:${a.start_line}`)).toEqual(['services/pay/app.ts:2'])
    expect(ann[0].message).toContain('PAYMENTS_TIMEOUT_MS')
    // the env var's base side was read at the base SHA (in a GraphQL batch: `object(expression: "<sha>:<path>")`)
    const expressions = server
      .requestsFor('graphql')
      .flatMap((q) => Object.values((q.body as { variables: Record<string, unknown> }).variables))
    expect(expressions).toContain(`${BASE_SHA}:services/pay/app.ts`)
  })

  it('a reasoned opt-out in the PR body satisfies it and is quoted for reviewers', async () => {
    const pr = seedPr(server, {
      base,
      files,
      body: 'Runbook: not needed — the timeout has a safe default and is documented in the service README',
    })
    const r = await runActionOnPr(server, pr)
    expect(r.outputs.conclusion).toBe('success')
    expect(server.commentsOn(7)[0].body).toContain('the timeout has a safe default')
  })
})

describe('dependencies with GitHub dependency review', () => {
  it('a vulnerable dependency added by the PR fails, from the dependency-graph compare API', async () => {
    const patch = '@@ -1,5 +1,6 @@\n {\n   "dependencies": {\n+    "lodash": "4.17.20",\n     "express": "4.18.2"\n   }\n }'
    const pr = seedPr(server, { files: [{ filename: 'package.json', status: 'modified', additions: 1, deletions: 0, patch }] })
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
            severity: 'high',
            advisory_ghsa_id: 'GHSA-35jh-r3h4-6jhm',
            advisory_summary: 'Command Injection in lodash',
            advisory_url: 'https://github.com/advisories/GHSA-35jh-r3h4-6jhm',
          },
        ],
      },
    ])
    const r = await runActionOnPr(server, pr)
    noStackTrace(r)
    expect(r.outputs['failed-rules']).toBe('dependencies')
    expect(server.count('dependency-graph/diff-range')).toBe(1)
    const ann = server.state.checkRuns[0].annotations
    expect(ann.map((a) => `${a.path}:${a.start_line}`)).toContain('package.json:3')
    expect(server.commentsOn(7)[0].body).toContain('GHSA-35jh-r3h4-6jhm')
  })

  it('no manifest change: the dependency review API is not called at all', async () => {
    const pr = seedPr(server)
    expect((await runActionOnPr(server, pr)).code).toBe(0)
    expect(server.count('dependency-graph/diff-range')).toBe(0)
  })
})
