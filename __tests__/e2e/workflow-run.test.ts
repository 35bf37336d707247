/**
 * Fork pull requests, end to end through the bundle: the `workflow_run` publishing mode (evidence from
 * the PR's own workflow artifact, verified against the triggering run) and the `pull_request_target`
 * recipe (API-only, nothing from the head is checked out or run).
 */
import { readFileSync } from 'node:fs'
import { makeZip, type FakeGitHub } from '../helpers/github-server.js'
import { exampleEvent, pullRequestEvent, runAction } from '../helpers/run-action.js'
import { extractArtifact, ArtifactRejected } from '../../src/action/workflow-run.js'
import { HEAD_SHA, noStackTrace, seedPr } from './helpers.js'
import { useFakeGitHub } from '../helpers/use-fake-github.js'

let server: FakeGitHub
useFakeGitHub((s) => (server = s))

const RUN_ID = 4242
const SARIF = readFileSync('__tests__/fixtures/scanners/trivy.sarif', 'utf8')
const POLICY = {
  '.github/quality-gate.yml': 'rules:\n  dependencies: { reports: ["reports/trivy.sarif"], fail_on: high, new_only: false }\n',
}

function workflowRunEvent(headSha: string, headRepo = 'forker/service') {
  const ev = exampleEvent('workflow_run', 'completed') as Record<string, any>
  ev.workflow_run.id = RUN_ID
  ev.workflow_run.head_sha = headSha
  ev.workflow_run.head_repository = { ...(ev.workflow_run.head_repository ?? {}), full_name: headRepo }
  ev.workflow_run.pull_requests = [] // GitHub lists none for fork PRs
  ev.repository = { ...ev.repository, name: 'service', full_name: 'acme/service', owner: { ...ev.repository.owner, login: 'acme' } }
  return ev
}

describe('workflow_run publishing mode', () => {
  it('publishes the verdict for the PR the artifact belongs to, with its evidence labelled as the PR’s own', async () => {
    seedPr(server, { fork: true, base: POLICY })
    server.addArtifact({
      runId: RUN_ID,
      name: 'pr-quality-gate-evidence',
      headSha: HEAD_SHA,
      data: { 'pr.json': JSON.stringify({ number: 7 }), 'reports/trivy.sarif': SARIF },
    })
    const r = await runAction({ server, event: workflowRunEvent(HEAD_SHA), eventName: 'workflow_run', inputs: { token: server.token } })
    noStackTrace(r)
    expect(r.outputs['failed-rules']).toBe('dependencies')
    expect(server.state.checkRuns).toHaveLength(1)
    expect(server.state.checkRuns[0].headSha).toBe(HEAD_SHA)
    const body = server.commentsOn(7)[0].body
    expect(body).toContain('Evidence from the PR')
    expect(body).toContain('artifact pr-quality-gate-evidence \\(run 4242\\)')
    expect(body).toMatch(/CVE-\d{4}-\d+/)
  })

  it('rejects an artifact that names another PR (head SHA mismatch): nothing is published', async () => {
    seedPr(server, { fork: true, base: POLICY })
    server.addPullRequest({
      number: 8,
      base: { ref: 'main', sha: 'b'.repeat(40) },
      head: { ref: 'other', sha: 'd'.repeat(40), repoFullName: 'forker/service' },
      files: [],
    })
    server.addArtifact({
      runId: RUN_ID,
      name: 'pr-quality-gate-evidence',
      headSha: HEAD_SHA,
      data: { 'pr.json': JSON.stringify({ number: 8 }), 'reports/trivy.sarif': '{}' },
    })
    const r = await runAction({ server, event: workflowRunEvent(HEAD_SHA), eventName: 'workflow_run', inputs: { token: server.token } })
    noStackTrace(r)
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/the artifact is for PR #8, whose head is dddddddddddd, but the triggering run built cccccccccccc: rejected/)
    expect(server.state.checkRuns).toHaveLength(0)
    expect(server.state.comments).toHaveLength(0)
  })

  it('rejects a run without the artifact, naming what it has', async () => {
    seedPr(server, { fork: true })
    server.addArtifact({ runId: RUN_ID, name: 'something-else', data: { 'x.txt': 'x' } })
    const r = await runAction({ server, event: workflowRunEvent(HEAD_SHA), eventName: 'workflow_run', inputs: { token: server.token } })
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('has no artifact named "pr-quality-gate-evidence" (artifacts: something-else)')
  })
})

describe('artifact extraction is defensive', () => {
  it('refuses paths that escape the folder', () => {
    expect(() => extractArtifact(makeZip({ '../../etc/evil': 'x' }))).toThrow(ArtifactRejected)
  })
  it('refuses something that is not a zip', () => {
    expect(() => extractArtifact(Buffer.from('not a zip'))).toThrow(/not a readable zip/)
  })
  it('extracts nested files', () => {
    const { files } = extractArtifact(makeZip({ 'coverage/lcov.info': 'TN:\n', 'pr.json': '{}' }))
    expect(files).toEqual(['coverage/lcov.info', 'pr.json'])
  })
})

describe('pull_request_target recipe', () => {
  it('publishes for a fork PR with a write token, reading only through the API (never the head checkout)', async () => {
    const pr = seedPr(server, { fork: true, base: { '.github/quality-gate.yml': 'rules:\n  pr-size: { level: fail, fail_lines: 1 }\n' } })
    const r = await runAction({
      server,
      event: pullRequestEvent(pr, 'synchronize', server),
      eventName: 'pull_request_target',
      inputs: { token: server.token },
    })
    noStackTrace(r)
    expect(r.code).toBe(1)
    expect(server.state.checkRuns[0]).toMatchObject({ headSha: HEAD_SHA, conclusion: 'failure' })
    expect(server.commentsOn(7)).toHaveLength(1)
    // Everything came from the API at the base SHA (policy) or the PR's files list: no head contents read.
    expect(server.requestsFor('repos/get-content').every((q) => q.query.ref === 'b'.repeat(40))).toBe(true)
  })
})
