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
  [500, /failed \(HTTP 500\)/],
])('dependency review %i → ok:false with how to enable', async (status, re) => {
  handler = (_q, res) => json(res, status, { message: 'nope' })
  const r = await fetchDependencyReview(octokit(), { owner: 'acme', repo: 'app', base: 'a', head: 'b' })
  expect(r.ok).toBe(false)
  if (!r.ok) expect(r.reason).toMatch(re)
})

test('Dependabot alerts: open alerts, paginated by Link', async () => {
  handler = (_q, res, url) => {
    if (!url.searchParams.get('after')) json(res, 200, [{ number: 1 }], { link: `<${base}/repos/acme/app/dependabot/alerts?state=open&per_page=100&after=c2>; rel="next"` })
    else json(res, 200, [{ number: 2 }])
  }
  const r = await fetchDependabotAlerts(octokit(), { owner: 'acme', repo: 'app' })
  expect(r).toEqual({ ok: true, data: [{ number: 1 }, { number: 2 }] })
  expect(seen[0]).toBe('/repos/acme/app/dependabot/alerts?state=open&per_page=100')
  expect(seen).toHaveLength(2)
})

test('Dependabot alerts 403 → the permission to grant', async () => {
  handler = (_q, res) => json(res, 403, { message: 'Resource not accessible by integration' })
  const r = await fetchDependabotAlerts(octokit(), { owner: 'acme', repo: 'app' })
  expect(r.ok).toBe(false)
  if (!r.ok) expect(r.reason).toContain('security-events: read')
})
