/** The providers against a real HTTP server on 127.0.0.1 (nock does not intercept Octokit's fetch). */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { getOctokit } from '@actions/github'
import { fetchDependabotAlerts, fetchDependencyReview } from '../../../src/github/dependencies.js'

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => void
let server: http.Server
let handler: Handler
let base = ''
const seen: string[] = []

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', base)
    seen.push(url.pathname + url.search)
    handler(req, res, url)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => new Promise<void>((r) => server.close(() => r())))
beforeEach(() => (seen.length = 0))

const octokit = () => getOctokit('t0ken', { baseUrl: base, request: { retries: 0 } })
const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

test('dependency review: base...head SHAs in the path, data returned', async () => {
  handler = (_q, res) => json(res, 200, [{ change_type: 'added', name: 'lodash' }])
  const r = await fetchDependencyReview(octokit(), { owner: 'acme', repo: 'app', base: 'aaa111', head: 'bbb222' })
  expect(r).toEqual({ ok: true, data: [{ change_type: 'added', name: 'lodash' }] })
  expect(seen).toEqual(['/repos/acme/app/dependency-graph/compare/aaa111...bbb222'])
})

test.each([
  [403, /needs the dependency graph .*Advanced Security/],
  [404, /dependency graph is not enabled/],
])('dependency review %i → not available (a notice), with how to enable', async (status, re) => {
  handler = (_q, res) => json(res, status, { message: 'nope' })
  const r = await fetchDependencyReview(octokit(), { owner: 'acme', repo: 'app', base: 'a', head: 'b' })
  expect(r).toEqual({ ok: false, unavailable: true, reason: expect.stringMatching(re) })
})

test.each<[string, number, unknown, Record<string, string>, RegExp]>([
  ['500', 500, { message: 'Server Error' }, {}, /failed \(HTTP 500\)/],
  ['502', 502, { message: 'Bad Gateway' }, {}, /failed \(HTTP 502\)/],
  ['429', 429, { message: 'Too many requests' }, { 'retry-after': '1' }, /rate limited \(HTTP 429\)/],
  [
    '403 primary rate limit',
    403,
    { message: 'API rate limit exceeded for installation ID 1.' },
    { 'x-ratelimit-remaining': '0' },
    /rate limited \(HTTP 403\)/,
  ],
  [
    '403 secondary rate limit',
    403,
    { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
    {},
    /rate limited \(HTTP 403\)/,
  ],
  ['an object instead of a list', 200, { message: 'ok' }, {}, /malformed \(the answer is an object, not a list of dependency changes\)/],
  ['entries without a name', 200, [{ change_type: 'added' }], {}, /malformed \(entry 0 is not a dependency change/],
  [
    'a vulnerability without an advisory id',
    200,
    [{ change_type: 'added', name: 'x', vulnerabilities: [{ severity: 'high' }] }],
    {},
    /malformed \(entry 0 \(x\) has vulnerabilities without an advisory_ghsa_id\)/,
  ],
])('dependency review %s → FAILED (not "unavailable"): the rule will not be evaluated', async (_name, status, body, headers, re) => {
  handler = (_q, res) => json(res, status, body, headers)
  const r = await fetchDependencyReview(octokit(), { owner: 'acme', repo: 'app', base: 'a', head: 'b' })
  expect(r).toEqual({ ok: false, reason: expect.stringMatching(re) })
})

test('dependency review: a network error (connection refused) → FAILED', async () => {
  const dead = getOctokit('t0ken', { baseUrl: 'http://127.0.0.1:1', request: { retries: 0 } })
  const r = await fetchDependencyReview(dead, { owner: 'acme', repo: 'app', base: 'a', head: 'b' })
  expect(r.ok).toBe(false)
  expect('unavailable' in r).toBe(false)
})

test('Dependabot alerts: 5xx or a malformed answer → FAILED; 404 → not available', async () => {
  handler = (_q, res) => json(res, 503, { message: 'unavailable' })
  expect(await fetchDependabotAlerts(octokit(), { owner: 'acme', repo: 'app' })).toEqual({
    ok: false,
    reason: expect.stringMatching(/failed \(HTTP 503\)/),
  })
  handler = (_q, res) => json(res, 200, [{ number: 1 }])
  expect(await fetchDependabotAlerts(octokit(), { owner: 'acme', repo: 'app' })).toEqual({
    ok: false,
    reason: expect.stringMatching(/malformed \(alert 0 has no security_advisory\)/),
  })
  handler = (_q, res) => json(res, 404, { message: 'Dependabot alerts are disabled for this repository.' })
  expect(await fetchDependabotAlerts(octokit(), { owner: 'acme', repo: 'app' })).toEqual({
    ok: false,
    unavailable: true,
    reason: expect.stringMatching(/not enabled/),
  })
})

test('Dependabot alerts: open alerts, paginated by Link', async () => {
  handler = (_q, res, url) => {
    if (!url.searchParams.get('after'))
      json(res, 200, [{ number: 1, security_advisory: { ghsa_id: 'GHSA-1' } }], {
        link: `<${base}/repos/acme/app/dependabot/alerts?state=open&per_page=100&after=c2>; rel="next"`,
      })
    else json(res, 200, [{ number: 2, security_advisory: { ghsa_id: 'GHSA-2' } }])
  }
  const r = await fetchDependabotAlerts(octokit(), { owner: 'acme', repo: 'app' })
  expect(r).toEqual({
    ok: true,
    data: [
      { number: 1, security_advisory: { ghsa_id: 'GHSA-1' } },
      { number: 2, security_advisory: { ghsa_id: 'GHSA-2' } },
    ],
  })
  expect(seen[0]).toBe('/repos/acme/app/dependabot/alerts?state=open&per_page=100')
  expect(seen).toHaveLength(2)
})

test('Dependabot alerts 403 → the permission to grant', async () => {
  handler = (_q, res) => json(res, 403, { message: 'Resource not accessible by integration' })
  const r = await fetchDependabotAlerts(octokit(), { owner: 'acme', repo: 'app' })
  expect(r.ok).toBe(false)
  if (!r.ok) expect(r.reason).toContain('security-events: read')
})
