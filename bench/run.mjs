#!/usr/bin/env node
/**
 * Action benchmark (not a test): runs the real bundle (node dist/index.js) with the runner's environment
 * on synthetic pull requests of 10, 300 and 3000 files against the local OpenAPI-validating fake GitHub,
 * and prints, per size, the median wall time, the API calls and the median peak RSS over several runs.
 *
 *   npm run bench               # 5 runs per size
 *   node bench/run.mjs 9        # 9 runs per size
 *
 * The first run of each size creates the sticky comment; the next ones update it (re-runs), which is
 * what most runs on a PR do. Wall time includes node's start. Peak RSS is from /usr/bin/time -f %M.
 */
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..')
const runs = Number(process.argv[2] ?? 5)
const sizes = [10, 300, 3000]

// The fake GitHub is TypeScript (the tests' helper): compile it for this plain-node script.
execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(here, 'tsconfig.json')], { stdio: 'inherit' })
const { startGitHubServer } = await import(join(here, '.build/__tests__/helpers/github-server.js'))
const { pullRequestEvent } = await import(join(here, '.build/__tests__/helpers/run-action.js'))
const hasTime = existsSync('/usr/bin/time')

function files(n) {
  const out = []
  for (let i = 0; i < n; i++) {
    const dir = `services/svc${i % 20}/src/mod${i % 7}`
    const patch = '@@ -10,6 +10,9 @@ export function handler() {\n   const a = 1\n-  const b = 2\n+  const b = 3\n+  const c = b * 2\n+  const d = c + a\n+  return d\n   // end\n'
    out.push({ filename: `${dir}/file${i}.ts`, status: i % 10 === 0 ? 'added' : 'modified', additions: 4, deletions: 1, patch })
  }
  if (n >= 300) out[5] = { filename: 'package-lock.json', status: 'modified', additions: 900, deletions: 850, changes: 1750 }
  return out
}

function runOnce(server, event, ws) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-run-'))
  const eventPath = join(dir, 'event.json')
  writeFileSync(eventPath, JSON.stringify(event))
  writeFileSync(join(dir, 'out'), '')
  writeFileSync(join(dir, 'summary'), '')
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'acme/service',
    GITHUB_API_URL: server.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_SHA: 'f'.repeat(40),
    GITHUB_WORKSPACE: ws,
    GITHUB_OUTPUT: join(dir, 'out'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    RUNNER_TEMP: dir,
    GITHUB_RUN_ID: '1',
    INPUT_TOKEN: server.token,
  }
  const cmd = hasTime ? '/usr/bin/time' : process.execPath
  const args = hasTime ? ['-f', '__RSS_KB=%M', process.execPath, join(root, 'dist/index.js')] : [join(root, 'dist/index.js')]
  return new Promise((resolve) => {
    const before = server.requests.length
    const t0 = performance.now()
    const child = spawn(cmd, args, { env, cwd: ws })
    let err = ''
    child.stderr.on('data', (d) => (err += d))
    child.stdout.resume()
    child.on('close', (code) => {
      const ms = performance.now() - t0
      const rss = Number(/__RSS_KB=(\d+)/.exec(err)?.[1] ?? NaN) / 1024
      const out = readFileSync(join(dir, 'out'), 'utf8')
      const conclusion = /conclusion<<.*\n(.*)\n/.exec(out)?.[1]
      resolve({ ms, rss, calls: server.requests.length - before, code, conclusion })
    })
  })
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

console.log(`pr-quality-gate Action benchmark — node ${process.version}, ${runs} runs per size\n`)
console.log('| files | first run: wall ms / API calls | re-runs: median wall ms (min–max) | re-run API calls | median peak RSS MB | conclusion | contract violations |')
console.log('|---:|---:|---:|---:|---:|---|---:|')
for (const n of sizes) {
  const server = await startGitHubServer()
  server.setTree('b'.repeat(40), {})
  server.setTree('c'.repeat(40), {})
  const pr = server.addPullRequest({ number: 1, title: 'bench', body: '', base: { ref: 'main', sha: 'b'.repeat(40) }, head: { ref: 'f', sha: 'c'.repeat(40) }, files: files(n) })
  const event = pullRequestEvent(pr, 'synchronize', server)
  const ws = mkdtempSync(join(tmpdir(), 'bench-ws-'))
  const results = []
  for (let i = 0; i < runs; i++) results.push(await runOnce(server, event, ws))
  const [first, ...rest] = results
  const wall = rest.map((r) => r.ms)
  console.log(
    `| ${n} | ${first.ms.toFixed(0)} / ${first.calls} | ${median(wall).toFixed(0)} (${Math.min(...wall).toFixed(0)}–${Math.max(...wall).toFixed(0)}) | ${median(rest.map((r) => r.calls))} | ${median(results.map((r) => r.rss)).toFixed(0)} | ${first.conclusion} | ${server.violations.length + server.responseViolations.length} |`,
  )
  await server.close()
}
