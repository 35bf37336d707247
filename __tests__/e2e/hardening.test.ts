/**
 * Hardening through the bundle: API faults injected by the fake GitHub, concurrent runs on one PR, and
 * GitHub's size limits on the job summary.
 */
import { readFileSync } from 'node:fs'
import { type FakeGitHub } from '../helpers/github-server.js'
import { pullRequestEvent, runAction } from '../helpers/run-action.js'
import { HEAD_SHA, lineFiles, noStackTrace, runActionOnPr, seedPr } from './helpers.js'
import { useFakeGitHub } from '../helpers/use-fake-github.js'

let server: FakeGitHub
useFakeGitHub((s) => (server = s))

describe('API faults are retried with bounded backoff', () => {
  it.each<[string, Parameters<FakeGitHub['faults']['push']>[0]]>([
    ['502 on the files list', { path: 'pulls/list-files', status: 502, times: 1 }],
    ['503 on the policy read (the GraphQL query)', { path: '/graphql', status: 503, times: 1 }],
    ['500 on the check-run create', { path: 'checks/create', status: 500, times: 1 }],
    ['429 on the comments list', { path: 'issues/list-comments', status: 429, headers: { 'retry-after': '1' }, times: 1 }],
    [
      '403 secondary rate limit with Retry-After',
      {
        path: 'pulls/list-files',
        status: 403,
        headers: { 'retry-after': '1' },
        body: {
          message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
        },
        times: 1,
      },
    ],
    ['a truncated JSON body', { path: 'pulls/list-files', truncateBody: true, times: 1 }],
  ])('%s: survived, same verdict', async (_name, fault) => {
    const pr = seedPr(server)
    server.faults.push(fault)
    const r = await runActionOnPr(server, pr)
    noStackTrace(r)
    expect(r.code).toBe(0)
    expect(r.outputs.conclusion).toBe('success')
    expect(server.state.checkRuns).toHaveLength(1)
    expect(server.commentsOn(7)).toHaveLength(1)
    expect(server.requests.filter((q) => q.fault)).toHaveLength(1)
  })

  it('a hung answer is abandoned at the request timeout and retried', async () => {
    const pr = seedPr(server)
    // Longer than the run is allowed to live: only an abort + retry lets the run finish.
    server.faults.push({ path: 'pulls/list-files', delayMs: 120_000, times: 1 })
    const r = await runAction({
      server,
      event: pullRequestEvent(pr, 'synchronize', server),
      inputs: { token: server.token, 'request-timeout': '1' },
      timeoutMs: 45_000,
    })
    noStackTrace(r)
    expect(r.signal).toBeNull()
    expect(r.code).toBe(0)
    expect(r.outputs.conclusion).toBe('success')
  })

  it('when retries run out: a clear one-line error naming the call, the check fails (on_error), never success', async () => {
    const pr = seedPr(server)
    server.faults.push({ path: 'pulls/list-files', status: 502, times: 10 })
    const r = await runActionOnPr(server, pr)
    noStackTrace(r)
    expect(r.code).toBe(1)
    expect(r.outputs.conclusion).toBe('failure')
    const check = server.state.checkRuns[0]
    expect(check.conclusion).toBe('failure')
    expect(server.commentsOn(7)[0].body).toMatch(
      /could not evaluate this pull request: GET \/repos\/acme\/service\/pulls\/7\/files\?per\\_page=100&amp;page=1 failed \\\(HTTP 502\\\)/,
    )
    expect(server.count('pulls/list-files')).toBe(4) // first try + 3 retries
  })

  it('on_error: neutral in the base policy is honoured for an infrastructure error', async () => {
    const pr = seedPr(server, { base: { '.github/quality-gate.yml': 'conclusion: { on_error: neutral }\n' } })
    server.faults.push({ path: 'pulls/list-files', status: 500, times: 10 })
    const r = await runActionOnPr(server, pr)
    expect(r.outputs.conclusion).toBe('neutral')
    expect(r.code).toBe(0)
    expect(server.state.checkRuns[0].conclusion).toBe('neutral')
  })

  it('a rule whose file read fails is "not evaluated" and the gate does not pass', async () => {
    const pr = seedPr(server, {
      files: [{ filename: 'db/migrations/V2__x.sql', status: 'added', additions: 1, deletions: 0 }], // no patch: the rule must read the file
      head: { 'db/migrations/V2__x.sql': 'SELECT 1;\n' },
    })
    // Contents are read in GraphQL batches: the query refuses the migration's field (its alias in the first
    // batch), so it is read over REST, which fails.
    server.faults.push({ path: '/graphql', graphqlErrors: [{ path: ['repository', 'c0'] }], times: 1 })
    server.faults.push({ method: 'GET', path: /\/contents\/db%2Fmigrations/, status: 500, times: 10 })
    const r = await runActionOnPr(server, pr)
    noStackTrace(r)
    expect(r.outputs.conclusion).toBe('failure')
    // secrets needs the same file (no patch: it compares the whole file with its base), so it is not evaluated either
    expect(r.outputs['failed-rules']).toBe('migration-safety,secrets')
    expect(server.commentsOn(7)[0].body).toContain('❗ not evaluated')
  })
})

describe('the GraphQL read is an optimisation: when it fails, the same reads go over REST', () => {
  const strict = {
    base: {
      '.github/quality-gate.yml': 'rules:\n  pr-size: { level: fail, fail_lines: 2 }\n',
      '.gitattributes': 'gen/** linguist-generated\n',
    },
  }
  const files = [
    ...lineFiles(3),
    { filename: 'gen/big.ts', status: 'added' as const, additions: 500, deletions: 0, patch: '@@ -0,0 +1,1 @@\n+x\n' },
  ]

  // (GitHub's transient "Something went wrong while executing your query" is retried like a 5xx by
  // plugin-retry, so it takes the 502 path; the 502 case runs once, its retries take ~15 s.)
  it.each<[string, Parameters<FakeGitHub['faults']['push']>[0], boolean]>([
    ['502 until the retries run out', { path: '/graphql', status: 502, times: 10 }, false],
    [
      '403 (a token or server without GraphQL)',
      { path: '/graphql', status: 403, body: { message: 'Resource not accessible by integration' }, times: 10 },
      true,
    ],
    [
      '200 with GraphQL errors and no data',
      {
        path: '/graphql',
        status: 200,
        body: { errors: [{ type: 'FORBIDDEN', message: 'Resource not accessible by integration' }] },
        times: 10,
      },
      true,
    ],
  ])('%s: the base policy and .gitattributes are still enforced, one comment', async (_name, fault, rerun) => {
    const pr = seedPr(server, { ...strict, files })
    server.commentsOn(7) // the PR exists with no comments
    server.faults.push(fault)
    const r = await runActionOnPr(server, pr)
    noStackTrace(r)
    expect(r.code).toBe(1)
    expect(r.outputs.conclusion).toBe('failure')
    expect(r.outputs['failed-rules']).toBe('pr-size')
    // gen/big.ts excluded by the base's .gitattributes: 3 lines counted, over the base's limit of 2
    expect(server.commentsOn(7)[0].body).toMatch(/3 changed lines in 3 files/)
    expect(server.requestsFor('repos/get-content').map((q) => q.path)).toEqual([
      '/repos/acme/service/contents/.github%2Fquality-gate.yml',
      '/repos/acme/service/contents/.gitattributes',
    ])
    expect(server.violations).toEqual([])
    if (!rerun) return
    // a second run finds the comment over REST and updates it
    server.faults.length = 0
    server.faults.push({ ...fault, times: 10 })
    expect((await runActionOnPr(server, pr)).code).toBe(1)
    expect(server.commentsOn(7)).toHaveLength(1)
    expect(server.count('issues/update-comment')).toBe(1)
    expect(server.violations).toEqual([])
  })
})

describe('concurrent runs', () => {
  it('ten runs started at once on one PR leave exactly one sticky comment and ten check runs on the head SHA', async () => {
    const pr = seedPr(server)
    const runs = await Promise.all(Array.from({ length: 10 }, () => runActionOnPr(server, pr)))
    for (const r of runs) {
      noStackTrace(r)
      expect(r.code).toBe(0)
    }
    const ours = server.commentsOn(7).filter((c) => c.body.startsWith('<!-- pr-quality-gate:quality-gate -->'))
    expect(ours).toHaveLength(1)
    expect(server.state.checkRuns).toHaveLength(10)
    expect(new Set(server.state.checkRuns.map((c) => c.headSha))).toEqual(new Set([HEAD_SHA]))
  })
})

describe('size limits', () => {
  it('a job summary over 1 MiB is truncated, with a pointer to the JSON report', async () => {
    const sql =
      Array.from({ length: 3000 }, (_, i) => `CREATE INDEX idx_${i} ON table_with_a_long_name_${'x'.repeat(40)}_${i} (column_${i});`).join(
        '\n',
      ) + '\n'
    const pr = seedPr(server, {
      files: [{ filename: 'db/migrations/V9__many.sql', status: 'added', additions: 3000, deletions: 0 }],
      head: { 'db/migrations/V9__many.sql': sql },
    })
    const r = await runActionOnPr(server, pr, { comment: 'false' })
    noStackTrace(r)
    expect(Buffer.byteLength(r.summary)).toBeLessThanOrEqual(1024 * 1024)
    expect(r.summary).toContain('Truncated at the 1 MiB job-summary limit')
    const report = JSON.parse(readFileSync(r.outputs.report, 'utf8'))
    expect(report.rules.find((x: { id: string }) => x.id === 'migration-safety').findings).toHaveLength(3000)
    // annotations are capped (each batch of 50 is a write, spaced by GitHub's one-second guidance)
    expect(server.state.checkRuns[0].annotations).toHaveLength(500)
    expect(server.state.checkRuns[0].output.summary).toContain('2500 more findings with a line are not annotated')
  }, 120_000)

  it('a big PR of small files is evaluated in full under the 3000 cap', async () => {
    const pr = seedPr(server, { files: lineFiles(2999) })
    const r = await runActionOnPr(server, pr)
    expect(r.outputs.conclusion).not.toBe('failure')
    expect(server.commentsOn(7)[0].body).not.toContain('Partial evaluation')
  })
})
