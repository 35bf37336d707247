/**
 * The fake GitHub, exercised with a real Octokit (the one @actions/github builds), over real HTTP.
 * Every test ends by checking that the fake's own responses match GitHub's documented schemas.
 */
import { getOctokit } from '@actions/github'
import { DEFAULT_TOKEN, startGitHubServer, type FakeGitHub, type AnnotationRecord } from './github-server.js'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inputEnvName, parseOutputFile, parseWorkflowCommands, pullRequestEvent, runAction } from './run-action.js'

type Octokit = ReturnType<typeof getOctokit>

const BASE_SHA = 'a'.repeat(40)
const HEAD_SHA = 'b'.repeat(40)
const owner = 'acme'
const repo = 'service'

let server: FakeGitHub
let octokit: Octokit

/** An Octokit against the fake; retries off so faults are seen as they are. */
function client(token = DEFAULT_TOKEN): Octokit {
  return getOctokit(token, { baseUrl: server.url, request: { retries: 0 } })
}

/** Runs `fn` and returns the status of the RequestError it throws. */
async function statusOf(fn: () => Promise<unknown>): Promise<number> {
  try {
    await fn()
  } catch (err) {
    return (err as { status: number }).status
  }
  throw new Error('expected the request to fail')
}

beforeEach(async () => {
  server = await startGitHubServer({
    repo: { owner, name: repo, defaultBranch: 'main' },
    tokens: { ghs_fork_read_only: { login: 'github-actions[bot]', type: 'Bot', access: 'read', actionsToken: true } },
  })
  octokit = client()
})

afterEach(async () => {
  const responseViolations = [...server.responseViolations]
  await server.close()
  expect(responseViolations).toEqual([])
})

function seedPr(files: number): void {
  server.addPullRequest({
    number: 7,
    title: 'Add payments retry',
    body: 'Runbook: docs/runbooks/payments.md',
    user: 'dev-alice',
    labels: ['backend'],
    base: { ref: 'main', sha: BASE_SHA },
    head: { ref: 'feature/retry', sha: HEAD_SHA },
    files: Array.from({ length: files }, (_, i) => ({
      filename: `src/file-${String(i).padStart(4, '0')}.ts`,
      status: 'modified' as const,
      additions: 2,
      deletions: 1,
      ...(i % 10 === 0 ? {} : { patch: '@@ -1 +1,2 @@\n-a\n+b\n+c' }),
    })),
  })
}

describe('fake GitHub: reads', () => {
  it('serves the repository and the pull request in their documented shapes', async () => {
    seedPr(3)
    const { data: r } = await octokit.rest.repos.get({ owner, repo })
    expect(r.default_branch).toBe('main')
    expect(r.full_name).toBe('acme/service')
    const { data: pr } = await octokit.rest.pulls.get({ owner, repo, pull_number: 7 })
    expect(pr.head.sha).toBe(HEAD_SHA)
    expect(pr.base.ref).toBe('main')
    expect(pr.user.login).toBe('dev-alice')
    expect(pr.labels.map((l) => l.name)).toEqual(['backend'])
    expect(pr.changed_files).toBe(3)
    expect(pr.additions).toBe(6)
    expect(server.count('pulls/get')).toBe(1)
    expect(server.violations).toEqual([])
  })

  it('serves a PR as an issue, its reviews and its requested reviewers (what Danger JS reads)', async () => {
    seedPr(1)
    const { data: issue } = await octokit.rest.issues.get({ owner, repo, issue_number: 7 })
    expect(issue).toMatchObject({ number: 7, title: 'Add payments retry', user: { login: 'dev-alice' }, labels: [{ name: 'backend' }] })
    expect(issue.pull_request?.url).toMatch(/\/pulls\/7$/)
    expect(await statusOf(() => octokit.rest.issues.get({ owner, repo, issue_number: 99 }))).toBe(404)
    server.addReview({ number: 7, user: 'maintainer', state: 'CHANGES_REQUESTED', body: 'fix it' })
    const { data: reviews } = await octokit.rest.pulls.listReviews({ owner, repo, pull_number: 7 })
    expect(reviews.map((r) => [r.user?.login, r.state, r.commit_id])).toEqual([['maintainer', 'CHANGES_REQUESTED', HEAD_SHA]])
    const { data: requested } = await octokit.rest.pulls.listRequestedReviewers({ owner, repo, pull_number: 7 })
    expect(requested).toEqual({ users: [], teams: [] })
    expect(server.violations).toEqual([])
  })

  it('paginates 250 PR files 100 per page with a Link header', async () => {
    seedPr(250)
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, { owner, repo, pull_number: 7, per_page: 100 })
    expect(files).toHaveLength(250)
    expect(files[0]!.filename).toBe('src/file-0000.ts')
    expect(files[0]!.patch).toBeUndefined() // every 10th file has no patch, like binary/large files
    expect(files[1]!.patch).toContain('@@')
    expect(server.count('pulls/list-files')).toBe(3)
    const first = await octokit.rest.pulls.listFiles({ owner, repo, pull_number: 7, per_page: 100 })
    expect(first.headers.link).toMatch(/page=2>; rel="next"/)
    expect(first.headers.link).toMatch(/page=3>; rel="last"/)
    expect(server.violations).toEqual([])
  })

  it('caps the PR files list at 3000 while changed_files tells the truth', async () => {
    seedPr(3100)
    const { data: pr } = await octokit.rest.pulls.get({ owner, repo, pull_number: 7 })
    expect(pr.changed_files).toBe(3100)
    const page30 = await octokit.rest.pulls.listFiles({ owner, repo, pull_number: 7, per_page: 100, page: 30 })
    expect(page30.data).toHaveLength(100)
    expect(page30.headers.link ?? '').not.toMatch(/rel="next"/)
    const page31 = await octokit.rest.pulls.listFiles({ owner, repo, pull_number: 7, per_page: 100, page: 31 })
    expect(page31.data).toEqual([])
  })

  it('paginates 150 issue comments and edits / deletes one', async () => {
    seedPr(1)
    server.addComments(7, 150, { user: 'reviewer' })
    const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: 7, per_page: 100 })
    expect(comments).toHaveLength(150)
    expect(comments[149]!.user?.login).toBe('reviewer')
    expect(server.count('issues/list-comments')).toBe(2)

    const { data: created } = await octokit.rest.issues.createComment({ owner, repo, issue_number: 7, body: '<!-- gate -->\nhi' })
    expect(created.user?.login).toBe('github-actions[bot]')
    expect(created.id).toBeGreaterThan(comments[149]!.id)
    await octokit.rest.issues.updateComment({ owner, repo, comment_id: created.id, body: 'edited' })
    expect(server.commentsOn(7).at(-1)!.body).toBe('edited')
    await octokit.rest.issues.deleteComment({ owner, repo, comment_id: created.id })
    expect(server.commentsOn(7)).toHaveLength(150)
    expect(await statusOf(() => octokit.rest.issues.getComment({ owner, repo, comment_id: created.id }))).toBe(404)
    expect(server.violations).toEqual([])
  })

  it('serves contents as base64 JSON and raw, and 404s a missing file', async () => {
    server.setTree('main', { '.github/quality-gate.yml': 'extends: default\nrules: {}\n', 'src/a.ts': 'x' })
    const { data } = await octokit.rest.repos.getContent({ owner, repo, path: '.github/quality-gate.yml', ref: 'main' })
    if (Array.isArray(data) || data.type !== 'file') throw new Error('expected a file')
    expect(data.encoding).toBe('base64')
    expect(Buffer.from(data.content, 'base64').toString('utf8')).toBe('extends: default\nrules: {}\n')

    const raw = await octokit.rest.repos.getContent({ owner, repo, path: '.github/quality-gate.yml', mediaType: { format: 'raw' } })
    expect(raw.data as unknown).toBe('extends: default\nrules: {}\n')

    const dir = await octokit.rest.repos.getContent({ owner, repo, path: 'src' })
    expect(Array.isArray(dir.data) && dir.data.map((e) => e.path)).toEqual(['src/a.ts'])

    expect(await statusOf(() => octokit.rest.repos.getContent({ owner, repo, path: 'missing.yml', ref: 'main' }))).toBe(404)
    expect(server.violations).toEqual([])
  })
})

describe('fake GitHub: writes', () => {
  it('creates a check run and appends 120 annotations in 3 batches', async () => {
    const annotations: AnnotationRecord[] = Array.from({ length: 120 }, (_, i) => ({
      path: 'src/a.ts',
      start_line: i + 1,
      end_line: i + 1,
      annotation_level: 'warning',
      message: `finding ${i}`,
    }))
    const { data: run } = await octokit.rest.checks.create({
      owner,
      repo,
      name: 'quality-gate',
      head_sha: HEAD_SHA,
      status: 'in_progress',
      output: { title: 'Running', summary: '…' },
    })
    expect(run.status).toBe('in_progress')
    for (let i = 0; i < 120; i += 50) {
      const last = i + 50 >= 120
      await octokit.rest.checks.update({
        owner,
        repo,
        check_run_id: run.id,
        ...(last ? { conclusion: 'failure' as const } : {}),
        output: { title: '3 failures', summary: 'See annotations', annotations: annotations.slice(i, i + 50) },
      })
    }
    expect(server.count('checks/update')).toBe(3)
    const state = server.state.checkRuns[0]!
    expect(state.annotations).toHaveLength(120)
    expect(state.conclusion).toBe('failure')
    expect(state.status).toBe('completed')

    const listed = await octokit.paginate(octokit.rest.checks.listAnnotations, { owner, repo, check_run_id: run.id, per_page: 100 })
    expect(listed).toHaveLength(120)
    const { data: forRef } = await octokit.rest.checks.listForRef({ owner, repo, ref: HEAD_SHA, check_name: 'quality-gate' })
    expect(forRef.total_count).toBe(1)
    expect(forRef.check_runs[0]!.output.annotations_count).toBe(120)
    expect(server.violations).toEqual([])
  })

  it('rejects more than 50 annotations in one request with 422, as GitHub does', async () => {
    const { data: run } = await octokit.rest.checks.create({ owner, repo, name: 'g', head_sha: HEAD_SHA })
    const many = Array.from({ length: 51 }, () => ({
      path: 'a',
      start_line: 1,
      end_line: 1,
      annotation_level: 'notice' as const,
      message: 'm',
    }))
    const status = await statusOf(() =>
      octokit.rest.checks.update({ owner, repo, check_run_id: run.id, output: { title: 't', summary: 's', annotations: many } }),
    )
    expect(status).toBe(422)
    expect(server.violations.join('\n')).toMatch(/checks\/update .*annotations must NOT have more than 50 items/)
  })

  it('records a body that violates the schema (conclusion "passed") and answers 422', async () => {
    const status = await statusOf(() =>
      octokit.request('POST /repos/{owner}/{repo}/check-runs', {
        owner,
        repo,
        name: 'g',
        head_sha: HEAD_SHA,
        conclusion: 'passed',
      } as never),
    )
    expect(status).toBe(422)
    expect(server.violations).toHaveLength(1)
    expect(server.violations[0]).toMatch(/^checks\/create POST .*conclusion .*allowed values.*"passed"/)
    expect(server.state.checkRuns).toHaveLength(0)
  })

  it('records a missing required field', async () => {
    const status = await statusOf(() =>
      octokit.request('POST /repos/{owner}/{repo}/statuses/{sha}', { owner, repo, sha: HEAD_SHA, description: 'x' } as never),
    )
    expect(status).toBe(422)
    expect(server.violations[0]).toMatch(/repos\/create-commit-status .*must have required property 'state'/)
  })

  it('records an undocumented route (404) and a documented but unimplemented one (501)', async () => {
    expect(await statusOf(() => octokit.request('GET /repos/{owner}/{repo}/no-such-thing', { owner, repo }))).toBe(404)
    expect(server.violations[0]).toMatch(/unknown route: GET \/repos\/acme\/service\/no-such-thing/)
    expect(await statusOf(() => octokit.rest.repos.listBranches({ owner, repo }))).toBe(501)
    expect(server.violations[1]).toMatch(/not implemented by the fake: repos\/list-branches/)
  })

  it('gives a read-only (fork PR) token 403 on writes, check runs included', async () => {
    seedPr(1)
    const fork = client('ghs_fork_read_only')
    const { data } = await fork.rest.pulls.get({ owner, repo, pull_number: 7 })
    expect(data.number).toBe(7)
    expect(await statusOf(() => fork.rest.issues.createComment({ owner, repo, issue_number: 7, body: 'x' }))).toBe(403)
    expect(await statusOf(() => fork.rest.checks.create({ owner, repo, name: 'g', head_sha: HEAD_SHA }))).toBe(403)
    expect(server.state.comments).toHaveLength(0)
    expect(server.violations).toEqual([])
  })

  it('checksForbidden makes check runs 403 while commit statuses still work', async () => {
    server.checksForbidden = true
    expect(await statusOf(() => octokit.rest.checks.create({ owner, repo, name: 'g', head_sha: HEAD_SHA }))).toBe(403)
    await octokit.rest.repos.createCommitStatus({
      owner,
      repo,
      sha: HEAD_SHA,
      state: 'failure',
      context: 'quality-gate',
      description: 'no',
    })
    await octokit.rest.repos.createCommitStatus({
      owner,
      repo,
      sha: HEAD_SHA,
      state: 'success',
      context: 'quality-gate',
      description: 'ok',
    })
    const { data } = await octokit.rest.repos.getCombinedStatusForRef({ owner, repo, ref: HEAD_SHA })
    expect(data.state).toBe('success')
    expect(data.total_count).toBe(1)
    expect(server.state.statuses).toHaveLength(2)
  })

  it('answers 401 for an unknown token and 403 on GET /user for the Actions token', async () => {
    expect(await statusOf(() => client('ghp_nope').rest.repos.get({ owner, repo }))).toBe(401)
    expect(await statusOf(() => octokit.rest.users.getAuthenticated())).toBe(403)
    server.addToken('ghp_user', { login: 'dev-alice', type: 'User' })
    const { data } = await client('ghp_user').rest.users.getAuthenticated()
    expect(data.login).toBe('dev-alice')
  })

  it('adds and removes labels', async () => {
    seedPr(1)
    const { data } = await octokit.rest.issues.addLabels({ owner, repo, issue_number: 7, labels: ['gate-waive:pr-size'] })
    expect(data.map((l) => l.name)).toEqual(['backend', 'gate-waive:pr-size'])
    await octokit.rest.issues.removeLabel({ owner, repo, issue_number: 7, name: 'backend' })
    expect(server.labelsOn(7)).toEqual(['gate-waive:pr-size'])
    expect(await statusOf(() => octokit.rest.issues.removeLabel({ owner, repo, issue_number: 7, name: 'nope' }))).toBe(404)
  })
})

describe('fake GitHub: faults', () => {
  it('serves a fault the given number of times, then clears it', async () => {
    server.faults.push({ path: '/repos/acme/service', times: 1, status: 502 })
    expect(await statusOf(() => octokit.rest.repos.get({ owner, repo }))).toBe(502)
    expect(server.faults).toHaveLength(0)
    const { status } = await octokit.rest.repos.get({ owner, repo })
    expect(status).toBe(200)
    expect(server.requests.map((r) => [r.status, r.fault])).toEqual([
      [502, true],
      [200, false],
    ])
  })

  it('injects a secondary rate limit (403 + retry-after) matched by operationId', async () => {
    server.faults.push({ path: 'repos/get', times: 1, status: 403, headers: { 'retry-after': '1' } })
    try {
      await octokit.rest.repos.get({ owner, repo })
      throw new Error('expected a failure')
    } catch (err) {
      const e = err as { status: number; message: string; response?: { headers: Record<string, string> } }
      expect(e.status).toBe(403)
      expect(e.message).toMatch(/secondary rate limit/)
      expect(e.response?.headers['retry-after']).toBe('1')
    }
  })

  it('delays past a client timeout, and truncates a JSON body', async () => {
    server.faults.push({ path: /\/pulls\/7$/, times: 1, delayMs: 2000 })
    seedPr(1)
    await expect(octokit.rest.pulls.get({ owner, repo, pull_number: 7, request: { signal: AbortSignal.timeout(100) } })).rejects.toThrow()
    server.faults.push({ path: /\/pulls\/7$/, times: 1, truncateBody: true })
    // Octokit hands back the text when the JSON does not parse: the body is cut, not an object.
    const { data } = await octokit.rest.pulls.get({ owner, repo, pull_number: 7 })
    expect(typeof data).toBe('string')
  })
})

describe('fake GitHub: other endpoints', () => {
  it('compare, commit → PRs, deployments, dependency review, dependabot, artifacts', async () => {
    seedPr(5)
    const { data: cmp } = await octokit.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: `main...feature/retry` })
    expect(cmp.files).toHaveLength(5)
    expect(cmp.commits[0]!.sha).toBe(HEAD_SHA)
    const { data: prs } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ owner, repo, commit_sha: HEAD_SHA })
    expect(prs.map((p) => p.number)).toEqual([7])

    const dep = server.addDeployment({ sha: HEAD_SHA, environment: 'production', statuses: [{ state: 'success' }] })
    server.addDeployment({ sha: HEAD_SHA, environment: 'staging' })
    const { data: deps } = await octokit.rest.repos.listDeployments({ owner, repo, environment: 'production' })
    expect(deps.map((d) => d.id)).toEqual([dep.id])
    const { data: st } = await octokit.rest.repos.listDeploymentStatuses({ owner, repo, deployment_id: dep.id })
    expect(st[0]!.state).toBe('success')
    await octokit.rest.actions.reviewCustomGatesForRun({
      owner,
      repo,
      run_id: 99,
      environment_name: 'production',
      state: 'rejected',
      comment: 'gate failed',
    })
    expect(server.state.protectionRuleReviews[0]).toMatchObject({ runId: 99, state: 'rejected' })

    server.setDependencyDiff(`${BASE_SHA}...${HEAD_SHA}`, [
      { change_type: 'added', manifest: 'package-lock.json', ecosystem: 'npm', name: 'lodash', version: '4.17.20' },
    ])
    const { data: diff } = await octokit.rest.dependencyGraph.diffRange({ owner, repo, basehead: `${BASE_SHA}...${HEAD_SHA}` })
    expect(diff[0]!.name).toBe('lodash')

    server.addDependabotAlert({ severity: 'critical', ecosystem: 'npm', package: 'lodash' })
    server.addDependabotAlert({ severity: 'low', ecosystem: 'npm', package: 'left-pad', state: 'fixed' })
    const { data: alerts } = await octokit.rest.dependabot.listAlertsForRepo({ owner, repo, state: 'open' })
    expect(alerts.map((a) => a.security_vulnerability.package.name)).toEqual(['lodash'])

    const art = server.addArtifact({ runId: 5, name: 'coverage', data: { 'lcov.info': 'TN:\nend_of_record\n' } })
    const { data: arts } = await octokit.rest.actions.listWorkflowRunArtifacts({ owner, repo, run_id: 5 })
    expect(arts.artifacts.map((a) => a.name)).toEqual(['coverage'])
    const zip = await octokit.rest.actions.downloadArtifact({ owner, repo, artifact_id: art.id, archive_format: 'zip' })
    const bytes = Buffer.from(zip.data as ArrayBuffer)
    expect(bytes.subarray(0, 4).toString('hex')).toBe('504b0304') // a zip
    expect(bytes.equals(art.data)).toBe(true)
    expect(server.violations).toEqual([])
  })

  it('mints installation tokens for an App JWT', async () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOjQyNDJ9.c2ln'
    const app = getOctokit(jwt, { baseUrl: server.url, authStrategy: undefined })
    const res = await app.request('POST /app/installations/{installation_id}/access_tokens', {
      installation_id: 777,
      headers: { authorization: `Bearer ${jwt}` },
    })
    expect(res.status).toBe(201)
    const inst = client(res.data.token)
    await inst.rest.checks.create({ owner, repo, name: 'gate', head_sha: HEAD_SHA })
    expect(server.state.checkRuns[0]!.createdBy).toBe('pr-quality-gate[bot]')
    expect(server.violations).toEqual([])
  })
})

describe('fake GitHub: GraphQL', () => {
  it("answers a valid query from its state, in the shape GitHub's schema gives", async () => {
    seedPr(1)
    server.setTree(BASE_SHA, { 'a.txt': 'hello\n', 'dir/b.txt': 'b' })
    server.addComments(7, 1, { user: 'github-actions[bot]' })
    const data = await octokit.graphql<{
      repository: {
        a: unknown
        d: unknown
        none: unknown
        pullRequest: { comments: { totalCount: number; nodes: { viewerDidAuthor: boolean; author: { login: string } }[] } }
      }
    }>(
      `query($o: String!, $n: String!) { repository(owner: $o, name: $n) {
        a: object(expression: "${BASE_SHA}:a.txt") { __typename ... on Blob { text byteSize isBinary isTruncated } }
        d: object(expression: "${BASE_SHA}:dir") { __typename }
        none: object(expression: "${BASE_SHA}:missing") { __typename }
        pullRequest(number: 7) { comments(first: 10) { totalCount nodes { viewerDidAuthor author { login } } } }
      } }`,
      { o: owner, n: repo },
    )
    expect(data.repository.a).toEqual({ __typename: 'Blob', text: 'hello\n', byteSize: 6, isBinary: false, isTruncated: false })
    expect(data.repository.d).toEqual({ __typename: 'Tree' })
    expect(data.repository.none).toBeNull()
    // GraphQL names bots without REST's "[bot]" suffix
    expect(data.repository.pullRequest.comments).toEqual({
      totalCount: 1,
      nodes: [{ viewerDidAuthor: true, author: { login: 'github-actions' } }],
    })
    expect(server.violations).toEqual([])
  })

  it("a query GitHub's schema refuses is a violation, answered with errors", async () => {
    await expect(octokit.graphql('{ repository(owner: "acme", name: "service") { nonsenseField } }')).rejects.toThrow(
      /Cannot query field "nonsenseField"/,
    )
    expect(server.violations).toEqual([
      expect.stringMatching(/GraphQL query invalid against GitHub's schema: Cannot query field "nonsenseField" on type "Repository"/),
    ])
  })

  it("mirrors GitHub's own rules: connections need first/last (at most 100); unknown repositories are NOT_FOUND", async () => {
    seedPr(1)
    await expect(
      octokit.graphql('{ repository(owner: "acme", name: "service") { pullRequest(number: 7) { comments { totalCount } } } }'),
    ).rejects.toThrow(/must provide a `first` or `last`/)
    await expect(
      octokit.graphql('{ repository(owner: "acme", name: "service") { pullRequest(number: 7) { comments(first: 101) { totalCount } } } }'),
    ).rejects.toThrow(/exceeds the `first` limit of 100/)
    await expect(octokit.graphql('{ repository(owner: "acme", name: "nope") { name } }')).rejects.toThrow(
      /Could not resolve to a Repository/,
    )
    expect(server.violations).toEqual([])
  })

  it('requires a known token', async () => {
    expect(await statusOf(() => client('nope').graphql('{ viewer { login } }'))).toBe(401)
  })
})

describe('repositories a token cannot see or read, and branches of other repositories (issue 19)', () => {
  beforeEach(() => {
    server.addRepo({ owner: 'acme', name: '.github', private: true })
    server.setTree('c'.repeat(40), { 'org.yml': 'rules: {}\n' }, 'acme/.github')
    server.setBranch('main', 'c'.repeat(40), 'acme/.github')
    server.addToken('own-only', { login: 'github-actions[bot]', type: 'Bot', actionsToken: true, repos: ['acme/service'] })
    server.addToken('refused', { login: 'dev', type: 'User', forbiddenRepos: ['acme/.github'] })
  })
  const q =
    'query($o: String!, $n: String!) { repository(owner: $o, name: $n) { head: object(expression: "main") { oid } file: object(expression: "main:org.yml") { ... on Blob { text } } } }'

  it('a bare revision resolves to its commit, and the file reads at it, for a token that sees the repository', async () => {
    const data = await client().graphql<{ repository: { head: { oid: string }; file: { text: string } } }>(q, { o: 'acme', n: '.github' })
    expect(data.repository).toEqual({ head: { oid: 'c'.repeat(40) }, file: { text: 'rules: {}\n' } })
    const rest = await client().rest.repos.getContent({ owner: 'acme', repo: '.github', path: 'org.yml', ref: 'main' })
    expect(rest.status).toBe(200)
  })

  it('a token limited to its own repository gets 404 / NOT_FOUND, a refused one 403 / FORBIDDEN', async () => {
    await expect(client('own-only').graphql(q, { o: 'acme', n: '.github' })).rejects.toThrow(
      /Could not resolve to a Repository with the name 'acme\/.github'/,
    )
    expect(await statusOf(() => client('own-only').rest.repos.getContent({ owner: 'acme', repo: '.github', path: 'org.yml' }))).toBe(404)
    expect((await client('own-only').rest.repos.get({ owner, repo })).status).toBe(200)
    await expect(client('refused').graphql(q, { o: 'acme', n: '.github' })).rejects.toThrow(/Resource not accessible by integration/)
    expect(await statusOf(() => client('refused').rest.repos.getContent({ owner: 'acme', repo: '.github', path: 'org.yml' }))).toBe(403)
    expect(server.violations).toEqual([])
  })
})

describe('run-action helpers', () => {
  it('builds a pull_request event from the real example payload', () => {
    const pr = server.addPullRequest({
      number: 12,
      user: 'dev-bob',
      labels: ['db'],
      base: { ref: 'main', sha: BASE_SHA },
      head: { ref: 'fix', sha: HEAD_SHA, repoFullName: 'dev-bob/service' },
    })
    const ev = pullRequestEvent(pr, 'synchronize', server) as {
      action: string
      number: number
      after: string
      repository: { full_name: string; owner: { login: string } }
      pull_request: {
        head: { sha: string; repo: { full_name: string; fork: boolean } }
        base: { ref: string }
        labels: Array<{ name: string }>
        user: { login: string }
      }
    }
    expect(ev.action).toBe('synchronize')
    expect(ev.number).toBe(12)
    expect(ev.after).toBe(HEAD_SHA)
    expect(ev.repository.full_name).toBe('acme/service')
    expect(ev.repository.owner.login).toBe('acme')
    expect(ev.pull_request.head.repo).toMatchObject({ full_name: 'dev-bob/service', fork: true })
    expect(ev.pull_request.labels.map((l) => l.name)).toEqual(['db'])
    expect(ev.pull_request.user.login).toBe('dev-bob')
  })

  it('parses GITHUB_OUTPUT, workflow commands and input names like the runner', () => {
    expect(inputEnvName('github-token')).toBe('INPUT_GITHUB-TOKEN')
    expect(inputEnvName('fail on')).toBe('INPUT_FAIL_ON')
    const out = parseOutputFile('conclusion<<ghadelimiter_1\nfailure\nghadelimiter_1\nreport<<EOF\na\nb\nEOF\nold=style\n')
    expect(out).toEqual({ conclusion: 'failure', report: 'a\nb', old: 'style' })
    expect(parseWorkflowCommands('x\n::error file=a.ts,line=3::bad%0Athing\n')).toEqual([
      { command: 'error', properties: { file: 'a.ts', line: '3' }, message: 'bad\nthing' },
    ])
  })

  it('runs an entry point with the runner environment and collects outputs and summary', async () => {
    const pr = server.addPullRequest({ number: 3, base: { ref: 'main', sha: BASE_SHA }, head: { ref: 'x', sha: HEAD_SHA } })
    // A stand-in for dist/index.js: reads the event and inputs, calls the API, writes outputs/summary.
    const dir = mkdtempSync(join(tmpdir(), 'fake-action-'))
    const entry = join(dir, 'index.mjs')
    writeFileSync(
      entry,
      `import fs from 'node:fs'
const ev = JSON.parse(fs.readFileSync(process.env.GITHUB_EVENT_PATH, 'utf8'))
const token = process.env['INPUT_GITHUB-TOKEN']
const res = await fetch(process.env.GITHUB_API_URL + '/repos/' + process.env.GITHUB_REPOSITORY + '/pulls/' + ev.number,
  { headers: { authorization: 'token ' + token, accept: 'application/vnd.github+json' } })
const pr = await res.json()
fs.appendFileSync(process.env.GITHUB_OUTPUT, 'head<<ghadelimiter_x\\n' + pr.head.sha + '\\nghadelimiter_x\\n')
fs.appendFileSync(process.env.GITHUB_OUTPUT, 'sha<<ghadelimiter_y\\n' + process.env.GITHUB_SHA + '\\nghadelimiter_y\\n')
fs.appendFileSync(process.env.GITHUB_STEP_SUMMARY, '# Gate ' + process.env.INPUT_MODE + ' ' + process.cwd() + '\\n')
console.log('::warning file=a.ts,line=1::careful')
process.exitCode = 1
`,
    )
    const result = await runAction({
      server,
      event: pullRequestEvent(pr, 'opened', server),
      inputs: { 'github-token': DEFAULT_TOKEN, mode: 'enforce' },
      entry,
    })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(1)
    expect(result.outputs.head).toBe(HEAD_SHA)
    // pull_request runs on the merge commit, never the head sha: actions must read the sha from the event.
    expect(result.outputs.sha).toMatch(/^[0-9a-f]{40}$/)
    expect(result.outputs.sha).not.toBe(HEAD_SHA)
    expect(result.env.GITHUB_REF).toBe('refs/pull/3/merge')
    expect(result.summary).toBe(`# Gate enforce ${result.workspace}\n`)
    expect(result.commands).toEqual([{ command: 'warning', properties: { file: 'a.ts', line: '1' }, message: 'careful' }])
    expect(server.count('pulls/get')).toBe(1)
    expect(server.violations).toEqual([])
  })
})

describe("GitHub's secondary limits on content creation (contentLimits)", () => {
  let limited: FakeGitHub
  afterEach(async () => {
    const v = [...limited.violations, ...limited.responseViolations]
    await limited.close()
    expect(v).toEqual([])
  })
  const status = (o: Octokit, i: number) =>
    o.rest.repos.createCommitStatus({ owner, repo, sha: HEAD_SHA, state: 'success', context: `c${i}` })

  it('80 content-creating requests a minute per identity (the documented default); the 81st: 403 secondary rate limit + retry-after; reads and other identities unaffected', async () => {
    limited = await startGitHubServer({
      repo: { owner, name: repo },
      contentLimits: {},
      tokens: { ghs_other: { login: 'other-bot[bot]', type: 'Bot' } },
    })
    limited.setTree(HEAD_SHA, {})
    const a = getOctokit(DEFAULT_TOKEN, { baseUrl: limited.url, request: { retries: 0 } })
    for (let i = 0; i < 80; i++) expect((await status(a, i)).status).toBe(201)
    const e = (await status(a, 80).then(
      () => undefined,
      (err: unknown) => err,
    )) as { status: number; message: string; response?: { headers: Record<string, string> } }
    expect(e.status).toBe(403)
    expect(e.message).toMatch(/secondary rate limit/)
    expect(Number(e.response?.headers['retry-after'])).toBeGreaterThan(0)
    expect(limited.secondaryLimited).toBe(1)
    expect((await a.rest.repos.get({ owner, repo })).status).toBe(200)
    const b = getOctokit('ghs_other', { baseUrl: limited.url, request: { retries: 0 } })
    expect((await status(b, 0)).status).toBe(201)
    expect(limited.state.statuses).toHaveLength(81)
  })

  it('and an hourly cap (500 by default; 5 here)', async () => {
    limited = await startGitHubServer({ repo: { owner, name: repo }, contentLimits: { perMinute: 1000, perHour: 5 } })
    limited.setTree(HEAD_SHA, {})
    const a = getOctokit(DEFAULT_TOKEN, { baseUrl: limited.url, request: { retries: 0 } })
    for (let i = 0; i < 5; i++) await status(a, i)
    expect(await statusOf(() => status(a, 5))).toBe(403)
    expect(limited.secondaryLimited).toBe(1)
  })
})
