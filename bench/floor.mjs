#!/usr/bin/env node
/**
 * The floor action (bench only, not a product): the least a PR check can do against GitHub, with plain
 * fetch and no library — list the PR's files (first page, then the remaining pages concurrently, four at a
 * time, as the gate does), create one check run, post one comment. Run by bench/run.mjs with the same
 * runner environment as the gate, on the same fake GitHub and PRs: the gate's wall time is quoted as a
 * ratio to this one's.
 */
import { readFileSync } from 'node:fs'

const api = process.env.GITHUB_API_URL
const [owner, repo] = process.env.GITHUB_REPOSITORY.split('/')
const event = JSON.parse(readFileSync(process.env.GITHUB_EVENT_PATH, 'utf8'))
const pr = event.pull_request
const headers = { authorization: `Bearer ${process.env.INPUT_TOKEN}`, accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28', 'user-agent': 'floor-action' }

async function call(method, path, body) {
  const r = await fetch(`${api}${path}`, { method, headers: body ? { ...headers, 'content-type': 'application/json' } : headers, body: body ? JSON.stringify(body) : undefined })
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`)
  return r.json()
}

const files = `/repos/${owner}/${repo}/pulls/${pr.number}/files?per_page=100`
const first = await call('GET', `${files}&page=1`)
const pages = Math.min(30, Math.ceil(pr.changed_files / 100))
const rest = []
for (let p = 2; p <= pages; p += 4) {
  const batch = await Promise.all([p, p + 1, p + 2, p + 3].filter((x) => x <= pages).map((x) => call('GET', `${files}&page=${x}`)))
  rest.push(...batch.flat())
}
const all = [...first, ...rest]
const lines = all.reduce((n, f) => n + f.additions + f.deletions, 0)
const summary = `${all.length} files, ${lines} changed lines`
await call('POST', `/repos/${owner}/${repo}/check-runs`, { name: 'floor', head_sha: pr.head.sha, status: 'completed', conclusion: 'success', output: { title: summary, summary } })
await call('POST', `/repos/${owner}/${repo}/issues/${pr.number}/comments`, { body: `floor: ${summary}` })
