#!/usr/bin/env node
/**
 * Memory benchmark (not a test): the App's RSS while it is sent N POSTs of 24 MB at once, either without
 * a signature header or with a well-formed but wrong one.
 *
 *   node bench/app/unsigned.mjs [posts=40] [mb=24]
 *   PR_GATE_BUNDLE=/tmp/old/index.js node bench/app/unsigned.mjs     # another bundle
 *
 * `node <bundle> serve` (no API call is made: nothing is verified). RSS is read from /proc/<pid>/status:
 * VmRSS before, VmHWM (the peak) after all answers; the answers are counted by status.
 */
import { spawn } from 'node:child_process'
import { generateKeyPairSync } from 'node:crypto'
import { readFileSync } from 'node:fs'
import http from 'node:http'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..', '..')
const posts = Number(process.argv[2] ?? 40)
const mb = Number(process.argv[3] ?? 24)
const bundle = resolve(root, process.env.PR_GATE_BUNDLE ?? 'dist/index.js')
const privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()
const body = Buffer.alloc(mb * 1024 * 1024, 'a')
const kb = (pid, field) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1])

async function run(label, signature) {
  const child = spawn(process.execPath, [bundle, 'serve'], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', HOST: '127.0.0.1', WEBHOOK_SECRET: 'bench-secret', APP_ID: '4242', PRIVATE_KEY: privateKey, GITHUB_API_URL: 'http://127.0.0.1:9' },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let err = ''
  child.stderr.setEncoding('utf8').on('data', (d) => (err += d))
  const port = await new Promise((res) => {
    const t = setInterval(() => {
      const m = /listening on [^:]+:(\d+)/.exec(err)
      if (m) {
        clearInterval(t)
        res(Number(m[1]))
      }
    }, 20)
  })
  await new Promise((r) => setTimeout(r, 500))
  const before = kb(child.pid, 'VmRSS')
  const t0 = performance.now()
  const statuses = {}
  await Promise.all(
    Array.from({ length: posts }, () =>
      new Promise((res) => {
        const headers = { 'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': 'x', 'content-length': String(body.length) }
        if (signature) headers['x-hub-signature-256'] = signature
        const req = http.request(`http://127.0.0.1:${port}/api/github/webhooks`, { method: 'POST', headers })
        let done = false
        const finish = (status) => {
          if (done) return
          done = true
          statuses[status] = (statuses[status] ?? 0) + 1
          req.destroy()
          res()
        }
        req.on('response', (r) => {
          r.resume()
          finish(r.statusCode)
        })
        req.on('error', (e) => finish(e.code ?? 'error'))
        req.end(body)
      }),
    ),
  )
  const ms = performance.now() - t0
  const peak = kb(child.pid, 'VmHWM')
  child.kill('SIGTERM')
  await new Promise((r) => child.on('close', r))
  return { bundle: process.env.PR_GATE_BUNDLE ?? 'dist/index.js', posts: `${posts} × ${mb} MB, ${label}`, answers: JSON.stringify(statuses), 'RSS before MB': Math.round(before / 1024), 'peak RSS MB': Math.round(peak / 1024), 'all answered in s': Math.round(ms / 100) / 10 }
}

const rows = [await run('no signature', undefined), await run('wrong signature', `sha256=${'0'.repeat(64)}`)]
console.table(rows)
