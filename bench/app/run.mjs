#!/usr/bin/env node
/**
 * App benchmark (not a test): webhook deliveries per second that `pr-gate serve` sustains on loopback,
 * and the latency from a delivery's POST to the check run being created on the fake GitHub.
 *
 *   node bench/app/run.mjs [deliveries=2000] [senders=20]
 *   PR_GATE_BUNDLE=/tmp/rel-dist/index.js node bench/app/run.mjs     # a bundle other than dist/index.js
 *
 * Set-up: the OpenAPI-validating fake GitHub (the tests' helper, compiled with tsc) runs in this process
 * with one PR per delivery (3 changed files, no policy → the embedded default policy); `node <bundle>
 * serve` runs as a child with the App's real authentication (JWT → installation token). The load
 * generator is bounded: a fixed number of signed `pull_request.synchronize` deliveries (GitHub's real
 * example payload), `senders` in flight at a time; it stops by itself.
 *
 * Three runs:
 *   1. open loop    GITHUB_THROTTLE=off, `senders` POSTs in flight regardless of progress: the server
 *                   accepts faster than it evaluates, so the queue grows; latency includes the wait.
 *   2. closed loop  GITHUB_THROTTLE=off, each sender waits for its check run before the next delivery:
 *                   the latency of one delivery when `senders` are being evaluated concurrently.
 *   3. paced        the default client pacing (GitHub's ~1 s between writes per installation; one
 *                   installation here), 20 deliveries: what one busy installation gets on github.com.
 * The fake (which validates every request and response with ajv) runs in its own process (fake.mjs); all
 * three processes share this machine's cores, so the figures are a lower bound for a dedicated host.
 */
import { execFileSync, fork, spawn } from 'node:child_process'
import { createHmac, generateKeyPairSync, randomUUID } from 'node:crypto'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..', '..')
const total = Number(process.argv[2] ?? 2000)
const senders = Number(process.argv[3] ?? 20)
const bundle = resolve(root, process.env.PR_GATE_BUNDLE ?? 'dist/index.js')
const SECRET = 'bench-secret'

execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(here, 'tsconfig.json')], { stdio: 'inherit' })
const privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()

const now = () => performance.timeOrigin + performance.now()
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN
}

async function scenario(name, count, env, closedLoop = false) {
  const fake = fork(join(here, 'fake.mjs'), [String(count)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const created = new Map()
  const waiters = new Map()
  let stats
  const ready = new Promise((res) =>
    fake.on('message', (m) => {
      if (m.type === 'ready') res(m)
      else if (m.type === 'created') {
        created.set(m.head, m.t)
        waiters.get(m.head)?.()
      }
      else if (m.type === 'stats') stats = m
    }),
  )
  const { url: apiUrl, payloads } = await ready
  const server = { url: apiUrl }
  const child = spawn(process.execPath, [bundle, 'serve'], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', HOST: '127.0.0.1', WEBHOOK_SECRET: SECRET, APP_ID: '4242', PRIVATE_KEY: privateKey, GITHUB_API_URL: server.url, MAX_QUEUE: '100000', SHUTDOWN_TIMEOUT_MS: '3600000', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let err = ''
  child.stderr.setEncoding('utf8').on('data', (d) => (err += d))
  const port = await new Promise((res, rej) => {
    const t = setInterval(() => {
      const m = /listening on [^:]+:(\d+)/.exec(err)
      if (m) {
        clearInterval(t)
        res(Number(m[1]))
      }
    }, 20)
    child.on('close', (c) => rej(new Error(`serve exited ${c}: ${err}`)))
  })
  const url = `http://127.0.0.1:${port}/api/github/webhooks`
  const sent = new Map()
  const statuses = {}
  let next = 0
  const t0 = now()
  const sender = async () => {
    while (next < payloads.length) {
      const { head, body } = payloads[next++]
      const signature = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`
      sent.set(head, now())
      const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': randomUUID(), 'x-hub-signature-256': signature } })
      await res.arrayBuffer()
      statuses[res.status] = (statuses[res.status] ?? 0) + 1
      // Closed loop: the next delivery only after this one's check run exists (no queue build-up).
      if (closedLoop && !created.has(head)) await new Promise((r) => waiters.set(head, r))
    }
  }
  await Promise.all(Array.from({ length: senders }, sender))
  const acceptedIn = now() - t0
  const deadline = Date.now() + 30 * 60_000
  while (created.size < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
  const doneIn = Math.max(...created.values()) - t0
  child.kill('SIGTERM')
  const code = await new Promise((res) => child.on('close', res))
  const statsIn = new Promise((res) => fake.on('exit', res))
  fake.send({ type: 'stop' })
  await statsIn
  const lat = [...created.entries()].map(([h, t]) => t - sent.get(h))
  const out = {
    scenario: name,
    deliveries: count,
    senders,
    'answers': JSON.stringify(statuses),
    'accepted/s': Math.round((count / acceptedIn) * 1000),
    'processed/s': Math.round((created.size / doneIn) * 10000) / 10,
    'check runs': created.size,
    'latency p50 ms': Math.round(quantile(lat, 0.5)),
    'latency p95 ms': Math.round(quantile(lat, 0.95)),
    'API calls/delivery': Math.round((stats.requests / count) * 10) / 10,
    'violations': stats.violations,
    'exit on SIGTERM': code,
  }
  if (stats.violations) console.error(stats.sample)
  return out
}

const results = []
results.push(await scenario('open loop (GITHUB_THROTTLE=off)', total, { GITHUB_THROTTLE: 'off' }))
results.push(await scenario('closed loop (GITHUB_THROTTLE=off)', total, { GITHUB_THROTTLE: 'off' }, true))
results.push(await scenario('paced (default, 1 installation)', Math.min(total, 20), {}))
console.table(results)
