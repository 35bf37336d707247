/**
 * Issue 21, slice 4: `pr-gate report --source api` through the real bundle against the fake GitHub, which
 * validates every GraphQL query against GitHub's schema. The gate's check runs are written by the real
 * Action (the bundle on a pull_request event), so the trend record read back is the one the gate embeds.
 */
import { spawn } from 'node:child_process'
import { BUNDLE, TempRepo } from '../helpers/git-repo.js'
import { type FakeGitHub, type PullFileInput, type PullRecord } from '../helpers/github-server.js'
import { useFakeGitHub } from '../helpers/use-fake-github.js'
import { runActionOnPr } from '../e2e/helpers.js'
import { extractRecord } from '../../src/trends/embed.js'
import { repoFromRemote } from '../../src/trends/cli.js'

let server: FakeGitHub
useFakeGitHub((s) => (server = s))

let cwd: TempRepo
beforeEach(() => {
  cwd = new TempRepo()
})
afterEach(() => cwd.remove())

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BUNDLE, ...args], {
      cwd: cwd.dir,
      env: {
        ...process.env,
        GITHUB_ACTIONS: '',
        GITHUB_REPOSITORY: '',
        GITHUB_TOKEN: server.token,
        GH_TOKEN: '',
        GITHUB_API_URL: server.url,
        ...env,
      },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    child.on('close', (code) => done({ code, stdout, stderr }))
  })
}

const BASE = 'b'.repeat(40)
const sha = (n: number) => n.toString(16).padStart(40, 'a')

function files(lines: number, dir = 'src', n = 2): PullFileInput[] {
  return Array.from({ length: n }, (_, i) => {
    const k = Math.floor(lines / n) + (i < lines % n ? 1 : 0)
    return {
      filename: `${dir}/f${i}.ts`,
      status: 'added' as const,
      additions: k,
      deletions: 0,
      patch: `@@ -0,0 +1,${k} @@\n` + Array.from({ length: k }, (_, j) => `+x${j}`).join('\n'),
    }
  })
}

function pull(number: number, f: PullFileInput[], repo?: string): PullRecord {
  server.setTree(BASE, {}, repo)
  server.setTree(sha(number), {}, repo)
  return server.addPullRequest({
    repo,
    number,
    title: `Change ${number}`,
    body: 'Why: a change.',
    base: { ref: 'main', sha: BASE },
    head: { ref: `f${number}`, sha: sha(number) },
    files: f,
    user: 'dev',
  })
}

function merge(pr: PullRecord, at: string): void {
  pr.mergedAt = at
  pr.state = 'closed'
  pr.mergeCommitSha = sha(pr.number + 1000)
}

type Json = {
  prs: Array<{ number: number; repo?: string; size?: { lines: number; files: number }; conclusion?: string; origin?: string }>
  total: { prs: number; size: { median?: number }; conclusions: Record<string, number> }
  notes: string[]
  source: string
}

describe('pr-gate report --source api', () => {
  it("reads merged pull requests and the gate's own records in one GraphQL query; falls back to additions/deletions without one", async () => {
    // #1: 400 lines of code and a 1,000-line lock file; pr-size counts 400 (the lock file is excluded).
    const a = pull(1, [...files(400), { filename: 'package-lock.json', status: 'modified', additions: 1000, deletions: 0 }])
    const b = pull(2, files(50))
    const c = pull(3, files(120)) // never gated
    const old = pull(4, files(10))
    pull(5, files(10)) // open
    for (const p of [a, b, old]) {
      const r = await runActionOnPr(server, p, { 'fail-on': 'never' })
      expect(r.code).toBe(0)
    }
    // A look-alike on #3's head: another App's check run of the gate's name, with a record that lies.
    const lie = server.state.checkRuns.find((r) => r.headSha === a.head.sha)
    expect(lie).toBeDefined()
    server.state.checkRuns.push({
      ...(lie as NonNullable<typeof lie>),
      id: 99_999_999,
      headSha: c.head.sha,
      app: { id: 4242, slug: 'impostor' },
    })
    merge(a, '2026-03-02T10:00:00Z')
    merge(b, '2026-03-10T10:00:00Z')
    merge(c, '2026-03-17T10:00:00Z')
    merge(old, '2026-01-05T10:00:00Z')

    const before = server.requests.length
    const r = await cli([
      'report',
      '--source',
      'api',
      '--repo',
      'acme/service',
      '--from',
      '2026-03-01',
      '--to',
      '2026-03-31',
      '--format',
      'json',
    ])
    expect(r.stderr).toContain('3 merged pull requests from 1 repository in 1 GraphQL query')
    expect(r.code).toBe(0)
    const calls = server.requests.slice(before)
    expect(calls.map((q) => q.operationId)).toEqual(['graphql'])
    const j = JSON.parse(r.stdout) as Json
    expect(j.source).toBe('api')
    const by = new Map(j.prs.map((p) => [p.number, p]))
    expect([...by.keys()].sort()).toEqual([1, 2, 3])
    // The gate's record: the lock file is not counted.
    const runA = server.state.checkRuns.find((x) => x.headSha === a.head.sha && x.app === undefined)
    expect(extractRecord(runA?.output.text)?.size).toEqual({ lines: 400, files: 2 })
    expect(by.get(1)).toMatchObject({ size: { lines: 400, files: 2 }, origin: 'gate', conclusion: runA?.conclusion })
    expect(by.get(2)).toMatchObject({ size: { lines: 50, files: 2 }, origin: 'gate' })
    // No result by the gate (the impostor's is ignored): the PR's own additions + deletions, no conclusion.
    expect(by.get(3)).toMatchObject({ size: { lines: 120, files: 2 }, origin: 'pull-request' })
    expect(by.get(3)?.conclusion).toBeUndefined()
    expect(j.total.size.median).toBe(120)
    expect(j.total.conclusions.success + j.total.conclusions.neutral + j.total.conclusions.failure).toBe(2)
    expect(j.notes.join('\n')).toContain('1 of 3 pull requests has no trend record from the gate (1 without any result of "quality-gate"')
    // --alerts api: the repository's Dependabot alerts, every state, for the fix SLA.
    server.addDependabotAlert({
      severity: 'high',
      ecosystem: 'npm',
      package: 'lodash',
      state: 'fixed',
      createdAt: '2026-03-01T00:00:00Z',
      fixedAt: '2026-03-05T00:00:00Z',
    })
    server.addDependabotAlert({
      severity: 'critical',
      ecosystem: 'npm',
      package: 'minimist',
      state: 'open',
      createdAt: '2026-03-02T00:00:00Z',
    })
    const ra = await cli([
      'report',
      '--source',
      'api',
      '--repo',
      'acme/service',
      '--from',
      '2026-03-01',
      '--to',
      '2026-03-31',
      '--format',
      'json',
      '--alerts',
      'api',
    ])
    expect(ra.code).toBe(0)
    const va = (
      JSON.parse(ra.stdout) as { vulnerabilities: { source: string; total: { fixed: number; met: number; open: number; overdue: number } } }
    ).vulnerabilities
    expect(va.source).toBe('Dependabot alerts of acme/service (API)')
    // The default policy: critical 7 days, high 14: fixed in 4 days (met); open 29 days at the window's end (overdue).
    expect(va.total).toMatchObject({ fixed: 1, met: 1, open: 1, overdue: 1 })
  }, 120_000)

  it('pages through 100 pull requests a query, newest update first, stops at the window, halves a page GitHub gives up on', async () => {
    server.setTree(BASE, {})
    // 230 merged pull requests, one every 6 hours from 2026-01-01, updated when merged; no gate.
    for (let i = 1; i <= 230; i++) {
      const at = new Date(Date.parse('2026-01-01T00:00:00Z') + i * 6 * 3600_000).toISOString()
      server.addPullRequest({
        number: i,
        title: `PR ${i}`,
        base: { ref: 'main', sha: BASE },
        head: { ref: `h${i}`, sha: sha(i) },
        files: files(i, 'src', 1),
        mergedAt: at,
        updatedAt: at,
      })
    }
    const before = server.requests.length
    // The last 20 days: PRs 151..230 (merged 2026-02-07T18:00 … 2026-02-27T12:00).
    const r = await cli(['report', '--source', 'api', '--from', '2026-02-08T00:00:00Z', '--to', '2026-02-28', '--format', 'json'], {
      GITHUB_REPOSITORY: 'acme/service',
    })
    expect(r.code).toBe(0)
    const j = JSON.parse(r.stdout) as Json
    expect(j.prs.map((p) => p.number).sort((x, y) => x - y)).toEqual(Array.from({ length: 79 }, (_, i) => i + 152))
    expect(j.prs.every((p) => p.origin === 'pull-request' && p.size?.lines === p.number)).toBe(true)
    // Page 1: 230..131 reaches PRs updated before the window: no second page.
    expect(server.requests.slice(before).length).toBe(1)
    const r2 = await cli([
      'report',
      '--source',
      'api',
      '--repo',
      'acme/service',
      '--from',
      '2026-01-01',
      '--to',
      '2026-03-01',
      '--format',
      'json',
    ])
    expect((JSON.parse(r2.stdout) as Json).prs).toHaveLength(230)
    expect(r2.stderr).toContain('in 3 GraphQL queries')
    // GitHub gives up on a heavy query ("… the result of a timeout"): the client retries it 3 times (1, 4,
    // 9 s apart, @octokit/plugin-retry), then the page is asked again at half size.
    server.faults.push({
      path: '/graphql',
      times: 4,
      status: 200,
      body: {
        data: null,
        errors: [
          {
            message:
              'Something went wrong while executing your query. This may be the result of a timeout, or it could be a GitHub bug. Please include `ABCD:1234` when reporting this issue.',
          },
        ],
      },
    })
    const mark = server.requests.length
    const r3 = await cli([
      'report',
      '--source',
      'api',
      '--repo',
      'acme/service',
      '--from',
      '2026-01-01',
      '--to',
      '2026-03-01',
      '--format',
      'json',
    ])
    expect(r3.code).toBe(0)
    expect((JSON.parse(r3.stdout) as Json).prs).toHaveLength(230)
    expect(r3.stderr).toContain(
      'GitHub gave up on the query (POST /graphql failed (HTTP 500): Something went wrong while executing your query. This may be the result of a timeout',
    )
    expect(r3.stderr).toContain('asking for 50 a page')
    const sizes = server.requests.slice(mark).map((q) => (q.body as { variables: { pageSize: number } }).variables.pageSize)
    expect(sizes).toEqual([100, 100, 100, 100, 50, 50, 50, 50, 50])
  }, 180_000)

  it('--org: every repository of the organization pushed to in the window, records named by repository', async () => {
    server.addRepo({ owner: 'acme', name: 'service' })
    server.addRepo({ owner: 'acme', name: 'web' })
    server.addRepo({ owner: 'acme', name: 'dormant' })
    const s1 = pull(1, files(30))
    const w1 = pull(1, files(700), 'acme/web')
    merge(s1, '2026-03-03T10:00:00Z')
    merge(w1, '2026-03-04T10:00:00Z')
    const before = server.requests.length
    const r = await cli([
      'report',
      '--source',
      'api',
      '--org',
      'acme',
      '--from',
      '2026-03-01',
      '--to',
      '2026-03-31',
      '--format',
      'markdown',
    ])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('acme/service, acme/web')
    // The organization's repositories (1 query) and one query per active repository; the dormant one
    // (created now, pushed after the window) is read too, as GitHub's pushedAt cannot tell otherwise.
    expect(server.requests.slice(before).every((q) => q.operationId === 'graphql')).toBe(true)
    const rj = await cli(['report', '--source', 'api', '--org', 'acme', '--from', '2026-03-01', '--to', '2026-03-31', '--format', 'json'])
    const j = JSON.parse(rj.stdout) as Json
    expect(j.prs.map((p) => `${p.repo}#${p.number}:${p.size?.lines}`).sort()).toEqual(['acme/service#1:30', 'acme/web#1:700'])
  }, 120_000)

  it('refuses what the API source cannot do, with a usage error', async () => {
    const r = await cli(['report', '--source', 'api', '--branch', 'main', '--repo', 'acme/service'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('--branch reads local git history')
    const r2 = await cli(['report', '--repo', 'acme/service'])
    expect(r2.stderr).toContain('--repo and --org read from the GitHub API: add --source api')
    const r4 = await cli(['report', '--alerts', 'api'])
    expect(r4.code).toBe(2)
    expect(r4.stderr).toContain('--alerts api reads Dependabot alerts through the GitHub API: add --source api')
    const r3 = await cli(['report', '--source', 'api', '--repo', 'acme/nope', '--since', '30d'])
    expect(r3.code).toBe(2)
    expect(r3.stderr).toContain("merged pull requests of acme/nope: Could not resolve to a Repository with the name 'acme/nope'.")
  }, 60_000)
})

describe('the repository of an origin remote', () => {
  it('reads owner/name from GitHub https and ssh URLs, and nothing from other strings', () => {
    expect(repoFromRemote('https://github.com/acme/service.git')).toBe('acme/service')
    expect(repoFromRemote('https://github.com/acme/service\n')).toBe('acme/service')
    expect(repoFromRemote('git@github.com:acme/my.repo.git')).toBe('acme/my.repo')
    expect(repoFromRemote('ssh://git@ghe.example.com/acme/service.git')).toBe('acme/service')
    expect(repoFromRemote('/srv/git/service.git')).toBeUndefined()
    expect(repoFromRemote('https://github.com/acme')).toBeUndefined()
  })
})
