#!/usr/bin/env node
/**
 * Durable-queue benchmark and fault runs (not tests; loopback only; bounded loops): three `node <bundle>
 * serve` replicas on one redis-server (its own process, temp dir, appendonly), the OpenAPI-validating fake
 * GitHub in its own process (queue-fake.mjs), signed `pull_request.synchronize` deliveries (GitHub's real
 * example payload), sent round robin to the replicas (a dead replica's share goes to the next, as a load
 * balancer does).
 *
 *   node bench/app/queue.mjs [deliveries=1000] [scenarios=burst,kill,redis,storm,secondary]
 *
 *   burst      `deliveries` across 20 installations, 60 in flight: accepted/s, evaluated/s, p50/p95 from
 *              the POST to the check run's creation (GITHUB_THROTTLE=off: the App's own speed).
 *   kill       the same, `kill -9` of one replica after a third of the burst: each accepted delivery must
 *              end in a check run for its head (lost), counted with heads having several (duplicated).
 *   redis      the same, redis-server killed (SIGKILL) after a third and started again 2 s later: 503s
 *              while it is down (GitHub keeps those as failed deliveries), no accepted delivery lost.
 *   storm      100 delivery ids, each POSTed to all 3 replicas: evaluations (check runs) must be 100.
 *   secondary  200 PRs of ONE installation updated at once, default pacing (shared through Redis), the
 *              fake enforcing GitHub's content-creation limits (80/min, 500/h): secondary-limit answers
 *              must be 0. COMMENT=false keeps it to one write per PR (~4 min).
 *
 *   --check    (`npm run test:scale`, called by .ci/run) exit 1 unless every scenario held: 0 accepted
 *              deliveries without a check run within the bounded wait, 0 heads with more than one check
 *              run, 0 duplicated comments, 0 secondary-limit answers, 0 OpenAPI contract violations; the
 *              storm's 100 ids accepted once and evaluated once; without a fault every delivery accepted.
 */
import { execFileSync, fork, spawn, spawnSync } from 'node:child_process'
import { createHmac, generateKeyPairSync, randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import http from 'node:http'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..', '..')
const args = process.argv.slice(2).filter((a) => a !== '--check')
/** --check (`npm run test:scale`): exit 1 unless every scenario keeps its invariants (listed at the end). */
const check = process.argv.includes('--check')
const total = Number(args[0] ?? 1000)
const only = new Set((args[1] ?? 'burst,kill,redis,storm,secondary').split(','))
const bundle = resolve(root, process.env.PR_GATE_BUNDLE ?? 'dist/index.js')
const SECRET = 'bench-secret'

execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(here, 'tsconfig.json')], { stdio: 'inherit' })
const privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()
const now = () => performance.timeOrigin + performance.now()
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN
}
const freePort = () =>
  new Promise((res) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => res(port))
    })
  })

/** One POST on its own connection (no keep-alive: a loaded machine races idle sockets being closed). */
function postRaw(url, headers, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent: false, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume()
      res.on('end', () => resolve({ status: res.statusCode }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

/** Invariants broken, by scenario (--check). */
const allFailures = []

/** Child processes to stop if this script ends early (an error, Ctrl-C). */
const live = new Set()
process.on('exit', () => {
  for (const c of live) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
})
process.on('SIGINT', () => process.exit(130))

async function startRedis() {
  const port = await freePort()
  const dir = mkdtempSync(join(tmpdir(), 'bench-redis-'))
  let child
  const start = async () => {
    if (child) live.delete(child)
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'yes', '--appendfsync', 'everysec', '--loglevel', 'warning'], { stdio: 'ignore' })
    live.add(child)
    for (let i = 0; i < 200; i++) {
      if (spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' }).stdout?.trim() === 'PONG') return
      await sleep(50)
    }
    throw new Error('redis-server did not start')
  }
  await start()
  const kill = async () => {
    const exited = new Promise((r) => child.once('exit', r))
    child.kill('SIGKILL')
    await exited
  }
  return { url: `redis://127.0.0.1:${port}`, start, kill, async stop() { await kill(); rmSync(dir, { recursive: true, force: true }) } }
}

async function startReplica(env) {
  const child = spawn(process.execPath, [bundle, 'serve'], { env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', HOST: '127.0.0.1', WEBHOOK_SECRET: SECRET, APP_ID: '4242', PRIVATE_KEY: privateKey, ...env }, stdio: ['ignore', 'ignore', 'pipe'] })
  live.add(child)
  let err = ''
  child.stderr.setEncoding('utf8').on('data', (d) => (err = (err + d).slice(-200_000)))
  const port = await new Promise((res, rej) => {
    const t = setInterval(() => {
      const m = /listening on [^:]+:(\d+)/.exec(err)
      if (m) {
        clearInterval(t)
        res(Number(m[1]))
      }
    }, 20)
    child.on('close', (c) => rej(new Error(`serve exited ${c}: ${err.slice(-2000)}`)))
  })
  return { child, url: `http://127.0.0.1:${port}/api/github/webhooks`, log: () => err, dead: false }
}

async function scenario(name, o) {
  const redis = await startRedis()
  const fake = fork(join(here, 'queue-fake.mjs'), [JSON.stringify({ count: o.count, installations: o.installations, contentLimits: !!o.contentLimits })], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const created = new Map()
  let stats
  const ready = new Promise((res) =>
    fake.on('message', (m) => {
      if (m.type === 'ready') res(m)
      else if (m.type === 'created') created.set(m.head, m.t)
      else if (m.type === 'stats') stats = m
    }),
  )
  const { url: apiUrl, payloads } = await ready
  const env = { GITHUB_API_URL: apiUrl, REDIS_URL: redis.url, QUEUE_LOCK_MS: '5000', QUEUE_BACKOFF_MS: '1000', ...o.env }
  const replicas = await Promise.all([0, 1, 2].map(() => startReplica(env)))
  const sent = new Map()
  const statuses = {}
  const accepted = new Set()
  let posts = 0
  let next = 0
  let rr = 0
  const t0 = now()
  const post = async (p, id) => {
    const signature = `sha256=${createHmac('sha256', SECRET).update(p.body).digest('hex')}`
    for (let tries = 0; tries < 3; tries++) {
      const live = replicas.filter((r) => !r.dead)
      const r = live[rr++ % live.length]
      try {
        const res = await postRaw(r.url, { 'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': id, 'x-hub-signature-256': signature }, p.body)
        posts++
        statuses[res.status] = (statuses[res.status] ?? 0) + 1
        if (res.status === 202) accepted.add(p.head)
        return
      } catch {
        statuses.refused = (statuses.refused ?? 0) + 1 // the replica died: a load balancer sends it elsewhere
      }
    }
  }
  const sender = async () => {
    while (next < payloads.length) {
      const i = next++
      const p = payloads[i]
      if (i === Math.floor(payloads.length / 3) && o.fault) void o.fault({ replicas, redis })
      if (!sent.has(p.head)) sent.set(p.head, now())
      await post(p, randomUUID())
    }
  }
  if (o.storm) {
    // Each id to all three replicas at once.
    const jobs = payloads.map((p, i) => async () => {
      sent.set(p.head, now())
      await Promise.all(replicas.map(async (r) => {
        const signature = `sha256=${createHmac('sha256', SECRET).update(p.body).digest('hex')}`
        try {
          const res = await postRaw(r.url, { 'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': `storm-${i}`, 'x-hub-signature-256': signature }, p.body)
          statuses[res.status] = (statuses[res.status] ?? 0) + 1
          if (res.status === 202) accepted.add(p.head)
        } catch (e) {
          statuses.error = (statuses.error ?? 0) + 1
          if (process.env.BENCH_DEBUG) process.stderr.write(`storm POST failed: ${e.cause?.message ?? e.message}; replica exit ${r.child.exitCode}\n`)
        }
      }))
    })
    let k = 0
    await Promise.all(Array.from({ length: 20 }, async () => { while (k < jobs.length) await jobs[k++]() }))
  } else {
    await Promise.all(Array.from({ length: o.inFlight ?? 60 }, sender))
  }
  const acceptedIn = now() - t0

  // Wait (bounded) for every accepted delivery's check run, then a little longer for any duplicate.
  // Under --check a lost delivery fails sooner (a few minutes) than in a measuring run.
  const deadline = Date.now() + (check ? (o.contentLimits ? 8 : 3) * 60_000 : (o.waitMs ?? 10 * 60_000))
  while ([...accepted].some((h) => !created.has(h)) && Date.now() < deadline) await sleep(100)
  const doneIn = Math.max(...created.values()) - t0
  await sleep(3000)
  if (process.env.BENCH_DEBUG) for (const r of replicas) process.stderr.write(`--- replica log tail\n${r.log().slice(-3000)}\n`)
  for (const r of replicas) if (!r.dead) r.child.kill('SIGTERM')
  await Promise.all(replicas.map((r) => (r.dead ? undefined : new Promise((res) => r.child.on('close', res)))))
  const statsIn = new Promise((res) => fake.on('exit', res))
  fake.send({ type: 'stop' })
  await statsIn
  await redis.stop()
  const lat = [...accepted].filter((h) => created.has(h)).map((h) => created.get(h) - sent.get(h))
  const lost = [...accepted].filter((h) => !stats.perHead[h]).length
  const duplicated = Object.values(stats.perHead).filter((n) => n > 1).length
  const out = {
    scenario: name,
    's total': Math.round((now() - t0) / 1000),
    deliveries: o.count,
    answers: JSON.stringify(statuses),
    'accepted/s': Math.round((accepted.size / acceptedIn) * 1000),
    'evaluated/s': Math.round((created.size / doneIn) * 10000) / 10,
    'check runs': Object.values(stats.perHead).reduce((a, b) => a + b, 0),
    'p50 ms': Math.round(quantile(lat, 0.5)),
    'p95 ms': Math.round(quantile(lat, 0.95)),
    'lost (accepted, no check run)': lost,
    'heads with >1 check run': duplicated,
    'duplicated comments': stats.duplicatedComments,
    'secondary-limit answers': stats.secondaryLimited,
    violations: stats.violations,
  }
  if (stats.violations) console.error(stats.sample)
  console.log(JSON.stringify(out))
  // The invariants of issue 19's fault tests, checked under --check.
  const failures = []
  const expectZero = (what) => out[what] !== 0 && failures.push(`${what}: ${out[what]}`)
  if (!accepted.size) failures.push('no delivery was accepted')
  for (const what of ['lost (accepted, no check run)', 'heads with >1 check run', 'duplicated comments', 'secondary-limit answers', 'violations']) expectZero(what)
  if (o.storm && (statuses[202] !== o.count || accepted.size !== o.count || out['check runs'] !== o.count)) failures.push(`storm: ${statuses[202]} × 202 and ${out['check runs']} evaluations for ${o.count} ids`)
  if (!o.fault && !o.storm && statuses[202] !== o.count) failures.push(`without a fault every delivery must be accepted: ${out.answers}`)
  allFailures.push(...failures.map((f) => `${name}: ${f}`))
  return out
}

const results = []
const base = { count: total, installations: 20, env: { GITHUB_THROTTLE: 'off' } }
if (only.has('burst')) results.push(await scenario('burst, 3 replicas, 20 installations', base))
if (only.has('kill')) results.push(await scenario('kill -9 one replica mid-burst', { ...base, fault: async ({ replicas }) => { replicas[0].dead = true; replicas[0].child.kill('SIGKILL') } }))
if (only.has('redis')) results.push(await scenario('redis killed + restarted mid-burst', { ...base, fault: async ({ redis }) => { await redis.kill(); await sleep(2000); await redis.start() } }))
if (only.has('storm')) results.push(await scenario('redelivery storm, 100 ids x 3 replicas', { count: 100, installations: 20, storm: true, env: { GITHUB_THROTTLE: 'off' } }))
if (only.has('secondary')) results.push(await scenario('200 PRs of one installation, paced, fake enforcing 80/min', { count: 200, installations: 1, contentLimits: true, inFlight: 200, env: { COMMENT: 'false' }, waitMs: 15 * 60_000 }))
console.table(results)
if (check) {
  if (allFailures.length) {
    console.error(`test:scale FAILED:\n  ${allFailures.join('\n  ')}`)
    process.exit(1)
  }
  console.log(`test:scale: ${results.length} scenarios, every invariant held (0 lost, 0 heads with >1 check run, 0 duplicated comments, 0 secondary-limit answers, 0 contract violations)`)
}
