#!/usr/bin/env node
/**
 * SIGTERM benchmark (not a test): how many accepted deliveries a graceful stop loses.
 *
 *   node bench/app/shutdown.mjs [deliveries=30] [shutdown-timeout-ms=25000]
 *   PR_GATE_BUNDLE=/tmp/old/index.js node bench/app/shutdown.mjs     # another bundle
 *
 * `node <bundle> serve` with the default client pacing (GitHub's ~1 s between writes, one installation),
 * the OpenAPI-validating fake GitHub in its own process (fake.mjs), one PR per delivery. All deliveries
 * are POSTed at once, then SIGTERM. Counted: answers (202 / 503), check runs created, deliveries the log
 * names as dropped, and the silently lost ones (answered 202, no check run, not named), and the exit code.
 */
import { execFileSync, fork, spawn } from 'node:child_process'
import { createHmac, generateKeyPairSync, randomUUID } from 'node:crypto'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..', '..')
const count = Number(process.argv[2] ?? 30)
const budget = String(process.argv[3] ?? 25000)
const bundle = resolve(root, process.env.PR_GATE_BUNDLE ?? 'dist/index.js')
const SECRET = 'bench-secret'

execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(here, 'tsconfig.json')], { stdio: 'inherit' })
const privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()

const fake = fork(join(here, 'fake.mjs'), [String(count)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
const created = new Set()
const ready = new Promise((res) =>
  fake.on('message', (m) => {
    if (m.type === 'ready') res(m)
    else if (m.type === 'created') created.add(m.head)
  }),
)
const { url: apiUrl, payloads } = await ready
const child = spawn(process.execPath, [bundle, 'serve'], {
  env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', HOST: '127.0.0.1', WEBHOOK_SECRET: SECRET, APP_ID: '4242', PRIVATE_KEY: privateKey, GITHUB_API_URL: apiUrl, SHUTDOWN_TIMEOUT_MS: budget },
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
const answers = await Promise.all(
  payloads.map(async ({ head, body }) => {
    const id = randomUUID()
    const res = await fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': id, 'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}` },
    })
    await res.arrayBuffer()
    return { head, id, status: res.status }
  }),
)
const t0 = performance.now()
child.kill('SIGTERM')
const code = await new Promise((res) => child.on('close', res))
const stoppedIn = performance.now() - t0
fake.send({ type: 'stop' })
if (process.env.SHOW_LOG) console.error(err)
const named = new Set([...err.matchAll(/dropped delivery ([0-9a-f-]+) /g)].map((m) => m[1]))
const accepted = answers.filter((a) => a.status === 202)
const lost = accepted.filter((a) => !created.has(a.head))
console.table([
  {
    bundle: process.env.PR_GATE_BUNDLE ?? 'dist/index.js',
    deliveries: count,
    'SHUTDOWN_TIMEOUT_MS': Number(budget),
    '202': accepted.length,
    '503': answers.filter((a) => a.status === 503).length,
    'check runs': created.size,
    'dropped, named in the log': lost.filter((a) => named.has(a.id)).length,
    'dropped silently': lost.filter((a) => !named.has(a.id)).length,
    'exit code': code,
    'stop took s': Math.round(stoppedIn / 100) / 10,
  },
])
