/**
 * Release mode over a range in the fake GitHub (OpenAPI-validated): the base from the Deployments API, the
 * merged PRs of the range and their gate results, the release diff with the release-relevant rules, the
 * conclusion per the policy's `release:` section.
 */
import { type FakeGitHub } from '../helpers/github-server.js'
import { createClient } from '../../src/github/client.js'
import { evaluateRelease, RELEASE_RULE_ID } from '../../src/release/evaluate.js'
import { renderReleaseMarkdown, reviewComment, toReleaseJson } from '../../src/report/release.js'
import { NO_WORKSPACE } from '../../src/app/handlers.js'
import { BASE, ENV, HEAD, MIGRATION, seedRelease, type ReleaseSeed } from './helpers.js'
import { useFakeGitHub } from '../helpers/use-fake-github.js'

let server: FakeGitHub
useFakeGitHub((s) => (server = s))

async function release(seed: ReleaseSeed = {}, over: { base?: string; head?: string } = {}) {
  seedRelease(server, seed)
  const octokit = createClient({ token: server.token, baseUrl: server.url, retries: 0 })
  return evaluateRelease({
    octokit,
    repo: { owner: 'acme', repo: 'service' },
    base: over.base ?? 'auto',
    head: over.head ?? HEAD,
    environment: ENV,
    checkName: 'quality-gate',
    policyPath: '.github/quality-gate.yml',
    evidence: NO_WORKSPACE,
    now: new Date('2024-05-10T00:00:00Z'),
  })
}

const rule = (e: Awaited<ReturnType<typeof release>>, id: string) => e.verdict.results.find((r) => r.id === id)!
const codes = (e: Awaited<ReturnType<typeof release>>, id: string) => rule(e, id).findings.map((f) => `${f.kind ?? 'violation'}:${f.code}`)

describe('release mode', () => {
  test('a range with a failed PR, a PR without a gate result, an unapproved dangerous migration and a direct commit fails', async () => {
    const e = await release()
    // Base: the latest deployment to production whose latest status is success (not the failed one, not staging).
    expect(e.facts.base).toMatchObject({ input: 'auto', sha: BASE, source: 'deployment' })
    expect(e.facts.head.sha).toBe(HEAD)
    expect(e.facts.pulls.map((p) => [p.number, p.gate.state])).toEqual([
      [11, 'passed'],
      [12, 'failed'],
      [13, 'missing'],
      [14, 'waived'],
    ])
    expect(e.facts.pulls[0].gate.url).toMatch(/\/acme\/service\/runs\/\d+$/)
    expect(e.facts.direct.map((c) => c.sha)).toEqual([HEAD])
    expect(e.verdict.mode).toBe('release')
    expect(e.verdict.conclusion).toBe('failure')
    expect(e.verdict.failedRules).toEqual([RELEASE_RULE_ID, 'migration-safety'])
    expect(codes(e, RELEASE_RULE_ID)).toEqual(['violation:failed', 'violation:missing', 'info:waived', 'violation:direct-commit'])
    expect(rule(e, RELEASE_RULE_ID).findings.map((f) => f.level)).toEqual(['fail', 'fail', undefined, 'warn'])
    const mig = rule(e, 'migration-safety')
    expect(mig.status).toBe('fail')
    expect(mig.findings[0]).toMatchObject({ path: MIGRATION, code: 'drop-column' })
    expect(mig.findings[0].message).toContain('(from #14)')
    expect(mig.findings[0].hint).toContain('release-approved on #14')
    // Rules that are not release-relevant do not run.
    expect(rule(e, 'pr-size')).toMatchObject({ status: 'off', summary: 'not evaluated in release mode' })
    // The policy is the deployed one (BASE).
    // (Read in one GraphQL batch, `object(expression: "<sha>:<path>")`, like every content the rules need.)
    const expressions = server
      .requestsFor('graphql')
      .flatMap((q) => Object.values((q.body as { variables: Record<string, unknown> }).variables))
    expect(expressions.filter((x) => typeof x === 'string' && /quality-gate\.yml|gitattributes/.test(x))).toEqual([
      `${BASE}:.github/quality-gate.yml`,
      `${BASE}:.gitattributes`,
    ])
    expect(server.requestsFor('repos/get-content')).toEqual([])
    // Compare is paginated; the open PR #20 sharing a commit is not in the release.
    expect(server.requests.find((r) => r.path.includes('/compare/'))?.query).toMatchObject({ per_page: '100', page: '1' })
    expect(e.facts.pulls.map((p) => p.number)).not.toContain(20)

    const md = renderReleaseMarkdown(e, { repoUrl: 'https://github.com/acme/service' })
    expect(md).toContain('### Release range')
    expect(md).toMatch(
      /\| \[#12\]\(https:\/\/github.com\/acme\/service\/pull\/12\) \| \[❌ failed\]\(https:\/\/github.com\/acme\/service\/runs\/\d+\) \|/,
    )
    expect(md).toContain('| [#13](https://github.com/acme/service/pull/13) | ❔ no gate result |')
    expect(md).toContain('## ❌ Release gate: failure')
    const json = toReleaseJson(e) as { release: { pullRequests: Array<{ number: number; gate: { state: string } }> }; conclusion: string }
    expect(json.conclusion).toBe('failure')
    expect(json.release.pullRequests.map((p) => p.gate.state)).toEqual(['passed', 'failed', 'missing', 'waived'])
    const review = reviewComment(e.verdict, e.facts)
    expect(review).toMatch(/^Rejected by pr-quality-gate/)
    expect(review).toContain('#12 (failed), #13 (missing)')
    expect(review.length).toBeLessThanOrEqual(1000)
  })

  test('a dangerous migration waived by the approval label on its PR: approved, and the release passes', async () => {
    const e = await release({ only: [11, 14], direct: false, migrationLabels: ['release-approved'] })
    expect(e.facts.direct).toEqual([])
    expect(e.verdict.conclusion).toBe('success')
    const mig = rule(e, 'migration-safety')
    expect(mig.status).toBe('pass')
    expect(mig.findings[0]).toMatchObject({ kind: 'info', path: MIGRATION })
    expect(mig.findings[0].message).toMatch(
      /^Approved for release by maintainer \(repository role maintain\) on #14 with the label release-approved: /,
    )
    expect(e.facts.approved.length).toBeGreaterThan(0)
    for (const a of e.facts.approved)
      expect(a).toMatchObject({
        rule: 'migration-safety',
        path: MIGRATION,
        pulls: [14],
        approvals: [{ pull: 14, by: 'maintainer', via: 'repository role maintain' }],
      })
    const md = renderReleaseMarkdown(e, { repoUrl: 'https://github.com/acme/service' })
    expect(md).toContain('**Approved for release:**')
    // Issue 18: the release range shows who approved each dangerous migration, with the event.
    expect(md).toMatch(
      /- `migration-safety` in db\/migration\/V12\\_\\_drop\\_legacy\.sql: #14 approved by <code>maintainer<\/code> \(repository role maintain\) at \S+Z \(\[record\]\(https:\/\/github\.com\/acme\/service\/pull\/14#event-\d+\)\)/,
    )
    expect((toReleaseJson(e).release as { approved: unknown[] }).approved[0]).toMatchObject({ approvals: [{ pull: 14, by: 'maintainer' }] })
    expect(md.match(/#14 approved by/g)).toHaveLength(1) // one line per rule and path, however many findings
  })

  test('the approval label added by the PR author does not approve: the release is blocked, and says why', async () => {
    const e = await release({ only: [11, 14], direct: false, migrationLabels: ['release-approved'], approvedBy: 'octocat' })
    expect(e.verdict.conclusion).toBe('failure')
    const mig = rule(e, 'migration-safety')
    expect(mig.status).toBe('fail')
    expect(mig.findings[0].message).toContain(
      'approval not counted: #14: the release-approved label was added by the PR author @octocat, and an approval needs someone else',
    )
    expect(e.facts.approved).toEqual([])
  })

  test('the approval label added by a collaborator below the release approvers: not approved', async () => {
    server.setRole('writer', 'write')
    const e = await release({ only: [11, 14], direct: false, migrationLabels: ['release-approved'], approvedBy: 'writer' })
    expect(e.verdict.conclusion).toBe('failure')
    expect(rule(e, 'migration-safety').findings[0].message).toContain(
      'writer is not an approver (approvers: repository role maintain or higher)',
    )
  })

  test('the timeline refused: the approval is not verified and does not count', async () => {
    server.faults.push({
      path: 'issues/list-events-for-timeline',
      status: 403,
      body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' },
      times: 5,
    })
    const e = await release({ only: [11, 14], direct: false, migrationLabels: ['release-approved'] })
    expect(e.verdict.conclusion).toBe('failure')
    expect(rule(e, 'migration-safety').findings[0].message).toContain(
      'the release-approved label could not be verified: GitHub refused the timeline',
    )
  })

  test("the policy's approval label and levels: a PR without a gate result only warns, a custom label approves", async () => {
    const policy = 'release:\n  missing_gate_result: warn\n  direct_commits: off\n  approval_label: db-approved\n'
    const e = await release({ only: [13, 14], policy, migrationLabels: ['db-approved'] })
    expect(e.verdict.conclusion).toBe('neutral')
    expect(codes(e, RELEASE_RULE_ID)).toEqual(['violation:missing', 'info:waived'])
    expect(rule(e, RELEASE_RULE_ID).status).toBe('warn')
    expect(rule(e, 'migration-safety').status).toBe('pass')
    expect(e.verdict.policySource).toBe(`.github/quality-gate.yml@${BASE.slice(0, 12)}`)
  })

  test('a PR with no gate result fails the release by default', async () => {
    const e = await release({ only: [13], direct: false })
    expect(e.facts.pulls.map((p) => [p.number, p.gate.state])).toEqual([[13, 'missing']])
    expect(e.verdict.conclusion).toBe('failure')
    expect(e.verdict.title).toContain('1 failed: release-gates')
  })

  test('an explicit base (a tag) is compared as given; a gate that concluded success on every PR passes', async () => {
    seedRelease(server, { only: [11], direct: false })
    server.addComparison({ base: 'v1.2.0', head: HEAD, commits: [{ sha: 'b'.repeat(40) }, { sha: HEAD }], files: [] })
    const octokit = createClient({ token: server.token, baseUrl: server.url, retries: 0 })
    const e = await evaluateRelease({
      octokit,
      repo: { owner: 'acme', repo: 'service' },
      base: 'v1.2.0',
      head: HEAD,
      checkName: 'quality-gate',
      policyPath: '.github/quality-gate.yml',
      evidence: NO_WORKSPACE,
    })
    expect(server.count('repos/list-deployments')).toBe(0)
    expect(e.facts.base).toMatchObject({ input: 'v1.2.0', source: 'input' })
    expect(e.facts.pulls.map((p) => p.number)).toEqual([11])
    expect(e.verdict.conclusion).toBe('success')
  })

  test('no successful deployment to the environment: the range is unknown, the release is not evaluated and fails closed', async () => {
    seedRelease(server)
    const octokit = createClient({ token: server.token, baseUrl: server.url, retries: 0 })
    const e = await evaluateRelease({
      octokit,
      repo: { owner: 'acme', repo: 'service' },
      base: 'auto',
      head: HEAD,
      environment: 'canary',
      checkName: 'quality-gate',
      policyPath: '.github/quality-gate.yml',
      evidence: NO_WORKSPACE,
    })
    expect(e.facts.base.source).toBe('none')
    expect(rule(e, RELEASE_RULE_ID).status).toBe('error')
    expect(rule(e, RELEASE_RULE_ID).findings[0].message).toContain('No successful deployment to canary')
    expect(e.verdict.conclusion).toBe('failure')
    expect(server.count((r) => r.path.includes('/compare/'))).toBe(0)
  })

  test('commits are read from every page of the compare API (250 commits: 3 pages of 100)', async () => {
    seedRelease(server, { only: [11], direct: false })
    const commits = Array.from({ length: 249 }, (_, i) => ({ sha: (i + 1).toString(16).padStart(40, '0'), message: `direct ${i}` }))
    server.addComparison({ base: 'v1.0.0', head: HEAD, commits: [...commits, { sha: 'b'.repeat(40) }], files: [] })
    const octokit = createClient({ token: server.token, baseUrl: server.url, retries: 0 })
    const e = await evaluateRelease({
      octokit,
      repo: { owner: 'acme', repo: 'service' },
      base: 'v1.0.0',
      head: HEAD,
      checkName: 'quality-gate',
      policyPath: '.github/quality-gate.yml',
      evidence: NO_WORKSPACE,
    })
    expect(server.requests.filter((r) => r.path.includes('/compare/')).map((r) => r.query.page)).toEqual(['1', '2', '3'])
    expect(e.facts.totalCommits).toBe(250)
    expect(e.facts.direct).toHaveLength(249)
    expect(e.facts.pulls.map((p) => p.number)).toEqual([11])
    // direct_commits: warn by default → neutral, not failure.
    expect(e.verdict.conclusion).toBe('neutral')
  })

  test('a gate that fell back to a commit status is read from the statuses list', async () => {
    seedRelease(server, { only: [13], direct: false })
    server.state.statuses.push({
      id: 1,
      repo: 'acme/service',
      sha: '3'.repeat(40),
      state: 'success',
      context: 'quality-gate',
      description: 'all 6 rules passed',
      targetUrl: null,
      creator: 'github-actions[bot]',
      createdAt: '2024-05-01T00:00:00Z',
    })
    const octokit = createClient({ token: server.token, baseUrl: server.url, retries: 0 })
    const e = await evaluateRelease({
      octokit,
      repo: { owner: 'acme', repo: 'service' },
      base: 'auto',
      head: HEAD,
      environment: ENV,
      checkName: 'quality-gate',
      policyPath: '.github/quality-gate.yml',
      evidence: NO_WORKSPACE,
    })
    expect(e.facts.pulls[0].gate).toMatchObject({ state: 'passed', source: 'status' })
    expect(e.verdict.conclusion).toBe('success')
  })
})
