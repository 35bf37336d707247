/**
 * A retried delivery completes the check run an earlier try of it created (issue 19) instead of creating a
 * second one: publishVerdict with `checkRun.lookup` against the OpenAPI-validating fake GitHub, as the App's
 * installation. The earlier try is modelled by the requests it would have made (a check run created with
 * the delivery id as external_id, maybe only its first annotation batch); the kill -9 version of the same
 * runs the bundle in queue-bundle.test.ts.
 */
import { createClient } from '../../src/github/client.js'
import { createCheckRun } from '../../src/github/publish.js'
import { publishVerdict, type PublishInput } from '../../src/github/publish-verdict.js'
import { annotationsOf } from '../../src/report/annotations.js'
import { renderCheckOutput } from '../../src/report/markdown.js'
import type { Finding, Verdict } from '../../src/types.js'
import type { FakeGitHub } from '../helpers/github-server.js'
import { useFakeGitHub } from '../helpers/use-fake-github.js'

let server: FakeGitHub
useFakeGitHub((s) => (server = s))

const APP_TOKEN = 'ghs_apptokenforcheckrunreuse'
const APP_ID = 4242
const HEAD = 'c'.repeat(40)
const repo = { owner: 'acme', repo: 'service' }
const DELIVERY = '7e0c2b10-4a4b-11ef-8c1d-1e2a0f7f3a11'

beforeEach(() => {
  server.addToken(APP_TOKEN, { login: 'pr-quality-gate[bot]', type: 'Bot', installationId: 777 })
  server.setTree('b'.repeat(40), {})
  server.setTree(HEAD, {})
  server.addPullRequest({ number: 7, base: { ref: 'main', sha: 'b'.repeat(40) }, head: { ref: 'f', sha: HEAD }, files: [] })
})

const client = () => createClient({ token: APP_TOKEN, baseUrl: server.url, retries: 0 })

function verdict(findings: number, conclusion: 'success' | 'failure' = 'failure'): Verdict {
  const f: Finding[] = Array.from({ length: findings }, (_, i) => ({ message: `finding ${i}`, path: `src/f${i % 7}.ts`, line: i + 1 }))
  return {
    conclusion,
    title: conclusion === 'failure' ? '1 rule failed: forbidden-patterns' : 'All rules passed',
    results: [
      {
        id: 'forbidden-patterns',
        description: 'Forbidden patterns',
        level: 'fail',
        status: conclusion === 'failure' ? 'fail' : 'pass',
        findings: f,
      },
    ],
    failedRules: conclusion === 'failure' ? ['forbidden-patterns'] : [],
    notes: [],
    labels: { add: [], remove: [] },
    policySource: 'embedded default',
    mode: 'pull_request',
    head: HEAD,
    base: 'b'.repeat(40),
  }
}

function input(v: Verdict, lookup: boolean, warnings: string[] = [], externalId = DELIVERY): PublishInput {
  return {
    octokit: client(),
    repo,
    pr: {
      number: 7,
      title: 't',
      body: '',
      author: 'alice',
      labels: [],
      draft: false,
      baseRef: 'main',
      baseSha: 'b'.repeat(40),
      headRef: 'f',
      headSha: HEAD,
      baseRepo: 'acme/service',
      changedFiles: 0,
    },
    verdict: v,
    checkName: 'quality-gate',
    comment: false,
    commentAuthor: 'pr-quality-gate[bot]',
    serverUrl: server.htmlUrl,
    labelPrefix: 'gate-waive:',
    log: () => undefined,
    warn: (m) => void warnings.push(m),
    checkRun: { appId: APP_ID, externalId, lookup },
  }
}

/** What an earlier try left: the check run created with the first annotation batch only (it died before the rest). */
async function earlierTry(v: Verdict, externalId = DELIVERY): Promise<number> {
  const links = { repoUrl: `${server.htmlUrl}/acme/service` }
  const r = await createCheckRun(client(), repo, {
    name: 'quality-gate',
    headSha: HEAD,
    conclusion: v.conclusion,
    output: renderCheckOutput(v, { labelPrefix: 'gate-waive:', links }),
    annotations: annotationsOf(v).slice(0, 50),
    externalId,
  })
  if (!r.ok) throw new Error(r.message)
  return r.value.id
}

const annotationKeys = (id: number) =>
  server.state.checkRuns.find((r) => r.id === id)!.annotations.map((a) => `${a.path}:${a.start_line}:${a.message}`)

test('the check run of an earlier try that died between annotation batches is completed, not duplicated: every annotation once', async () => {
  const v = verdict(120)
  const id = await earlierTry(v)
  expect(annotationKeys(id)).toHaveLength(50)
  const published = await publishVerdict(input(v, true))
  expect(published.checkRunId).toBe(id)
  expect(server.state.checkRuns).toHaveLength(1)
  const keys = annotationKeys(id)
  expect(keys).toHaveLength(120)
  expect(new Set(keys).size).toBe(120)
  expect(server.count('checks/create')).toBe(1) // the earlier try's only
  expect(server.state.checkRuns[0]).toMatchObject({ externalId: DELIVERY, status: 'completed', conclusion: 'failure' })
})

test('an earlier try whose check run already says exactly this verdict: found, nothing written', async () => {
  const v = verdict(3)
  // The earlier try wrote everything (output with its trend record, every annotation) and died before answering.
  const id = (await publishVerdict(input(v, true))).checkRunId
  expect(id).toBeDefined()
  const writes = () => server.requests.filter((q) => q.method !== 'GET').length
  const before = writes()
  const published = await publishVerdict(input(v, true))
  expect(published.checkRunId).toBe(id)
  expect(writes()).toBe(before)
  expect(server.state.checkRuns).toEqual([expect.objectContaining({ id, updates: 0 })])
})

test('the verdict changed since the earlier try (the PR was edited): the same check run gets the new conclusion and output', async () => {
  const id = await earlierTry(verdict(2, 'failure'))
  const published = await publishVerdict(input(verdict(0, 'success'), true))
  expect(published.checkRunId).toBe(id)
  expect(server.state.checkRuns).toEqual([
    expect.objectContaining({ id, conclusion: 'success', updates: 1, output: expect.objectContaining({ title: 'All rules passed' }) }),
  ])
})

test('check runs of the same name and head from another App, or from another delivery, are left alone: a new one is created', async () => {
  const v = verdict(1)
  // Another delivery of this App (an earlier evaluation of the same head): a different external_id.
  await earlierTry(v, 'another-delivery')
  // A look-alike by another App, even with the same external_id.
  server.state.checkRuns.push({
    id: 99,
    repo: 'acme/service',
    name: 'quality-gate',
    headSha: HEAD,
    status: 'completed',
    conclusion: 'success',
    detailsUrl: null,
    externalId: DELIVERY,
    startedAt: new Date().toISOString(),
    completedAt: new Date().toISOString(),
    output: { title: 'x', summary: 'x', text: null },
    annotations: [],
    createdBy: 'someone-else[bot]',
    app: { id: 1, slug: 'someone-else' },
    updates: 0,
  })
  const published = await publishVerdict(input(v, true))
  expect(server.state.checkRuns).toHaveLength(3)
  expect(published.checkRunId).toBe(server.state.checkRuns[2]!.id)
  expect(server.state.checkRuns.map((r) => r.updates)).toEqual([0, 0, 0])
  expect(server.state.checkRuns[2]).toMatchObject({ externalId: DELIVERY, createdBy: 'pr-quality-gate[bot]' })
  // The lookup asked GitHub for this App's runs of that name only.
  const q = server.requests.find((r) => r.operationId === 'checks/list-for-ref')!
  expect(q.query).toMatchObject({ check_name: 'quality-gate', app_id: '4242' })
})

test('a first try does not look anything up; the check run carries the delivery id', async () => {
  await publishVerdict(input(verdict(1), false))
  expect(server.count('checks/list-for-ref')).toBe(0)
  expect(server.state.checkRuns).toEqual([expect.objectContaining({ externalId: DELIVERY })])
})

test('the lookup fails: warned, and the verdict is still written (a second check run is the lesser harm)', async () => {
  const warnings: string[] = []
  await earlierTry(verdict(1))
  server.faults.push({ path: 'checks/list-for-ref', times: 1, status: 502 })
  const published = await publishVerdict(input(verdict(1), true, warnings))
  expect(published.checkRunId).toBeDefined()
  expect(server.state.checkRuns).toHaveLength(2)
  expect(warnings.join('\n')).toMatch(/find the check run of an earlier try.*502.*creating a check run/s)
})
