#!/usr/bin/env node
/**
 * Issue 21's bench for the API source of the trend report (a benchmark, not a test):
 *
 *   node bench/trends-api/run.mjs [runs] [--prs 2000] [--days 90]
 *
 * Seeds the local OpenAPI/GraphQL-validating fake GitHub with a repository whose window of `--days` days
 * holds `--prs` merged pull requests (plus 10% more merged before the window, and open ones), each gated:
 * a check run of the gate (GitHub Actions' App) on its head with a realistic text (3 KB of rule details)
 * and the embedded trend record (src/trends/embed.ts, the gate's own code); 5% have no gate result, 1%
 * have a look-alike check run by another App. Then runs `pr-gate report --source api --since 90d` through
 * the real bundle (dist/index.js) `runs` times: API calls (from the fake's request log), wall time of the
 * process (node's start included) and its CPU time (/usr/bin/time), the pull requests it counted. Prints
 * medians and the load average.
 */
import { execFileSync, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { loadavg } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '../..')
const { values, positionals } = parseArgs({ options: { prs: { type: 'string', default: '2000' }, days: { type: 'string', default: '90' } }, allowPositionals: true })
const runs = Number(positionals[0] ?? 5)
const N = Number(values.prs)
const DAYS = Number(values.days)

execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(here, 'tsconfig.json')], { stdio: 'inherit' })
const { startGitHubServer } = await import(join(here, '.build/__tests__/helpers/github-server.js'))
const { embedRecord } = await import(join(here, '.build/src/trends/embed.js'))

const server = await startGitHubServer()
server.addRepo({ owner: 'acme', name: 'service' })
const now = Date.now()
const hex = (n) => n.toString(16).padStart(40, '0')
const base = 'b'.repeat(40)
let seq = 0
const details = (i) => `### pr-size\n\n${'Changed lines per file: src/module/file.ts +12 −3\n'.repeat(60)}\n(#${i})\n`
function addPr(number, mergedAt, gated) {
  const lines = 20 + ((number * 7919) % 900)
  const files = [{ filename: `src/m${number % 50}/a.ts`, status: 'modified', additions: lines, deletions: 3 }, { filename: 'package-lock.json', status: 'modified', additions: 400, deletions: 100 }]
  const head = hex(++seq)
  const pr = server.addPullRequest({ number, title: `Change ${number}`, base: { ref: 'main', sha: base }, head: { ref: `b${number}`, sha: head }, files, user: `dev${number % 17}`, labels: number % 11 ? [] : ['gate-waive:pr-size'], ...(mergedAt ? { mergedAt: new Date(mergedAt).toISOString(), updatedAt: new Date(mergedAt + 3600_000).toISOString(), mergeCommitSha: hex(1e9 + number) } : {}) })
  if (!gated) return pr
  const conclusion = number % 9 === 0 ? 'failure' : number % 5 === 0 ? 'neutral' : 'success'
  const verdict = {
    conclusion,
    title: conclusion,
    failedRules: conclusion === 'failure' ? ['critical-path-tests'] : [],
    notes: [],
    labels: { add: [], remove: [] },
    policySource: 'x',
    mode: 'pull_request',
    head,
    base,
    results: [
      { id: 'pr-size', description: '', level: 'warn', status: lines + 3 > 400 ? 'warn' : 'pass', findings: [], data: { lines: lines + 3, files: 1 } },
      { id: 'critical-path-tests', description: '', level: 'fail', status: conclusion === 'failure' ? 'fail' : 'pass', findings: [], data: { areas: [{ name: 'payments', needTests: number % 3 ? [] : ['src/payments/x.ts'], testsChanged: conclusion === 'failure' ? [] : ['test/x.ts'], covered: 30, executable: 40 }] } },
    ],
  }
  const t = new Date((mergedAt ?? now) - 7200_000).toISOString()
  const run = { id: 3_000_000_000 + number, repo: 'acme/service', name: 'quality-gate', headSha: head, status: 'completed', conclusion, detailsUrl: null, externalId: null, startedAt: t, completedAt: t, output: { title: conclusion, summary: '## Quality gate', text: details(number) + embedRecord(verdict) }, annotations: [], createdBy: 'github-actions[bot]', updates: 0 }
  server.state.checkRuns.push(run)
  if (number % 100 === 0) server.state.checkRuns.push({ ...run, id: run.id + 1e9, app: { id: 4242, slug: 'impostor' }, output: { ...run.output, text: 'lies' } })
  return pr
}
const span = DAYS * 86_400_000
const older = Math.round(N / 10)
let number = 0
for (let i = 0; i < older; i++) addPr(++number, now - span - 86_400_000 * (1 + i / older * 30), true)
for (let i = 0; i < N; i++) addPr(++number, now - span + 3_600_000 + (i / N) * (span - 7_200_000), number % 20 !== 0)
for (let i = 0; i < 30; i++) addPr(++number, undefined, true)

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

function cli(args) {
  return new Promise((resolve) => {
    const t0 = performance.now()
    const argv = [join(root, 'dist/index.js'), ...args]
    // CPU seconds of the report process (user + sys) from /usr/bin/time: less at the mercy of the load than wall time.
    const [cmd, full] = hasTime ? ['/usr/bin/time', ['-f', '__BENCH=%U %S', process.execPath, ...argv]] : [process.execPath, argv]
    const child = spawn(cmd, full, { env: { ...process.env, GITHUB_ACTIONS: '', GITHUB_TOKEN: server.token, GITHUB_API_URL: server.url, GITHUB_REPOSITORY: '' }, cwd: root })
    let out = ''
    let err = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (err += d))
    child.on('close', (code) => {
      const m = /__BENCH=([\d.]+) ([\d.]+)/.exec(err)
      resolve({ code, out, err, ms: performance.now() - t0, cpu: m ? Number(m[1]) + Number(m[2]) : NaN })
    })
  })
}

const hasTime = existsSync('/usr/bin/time')
const walls = []
const cpus = []
const calls = []
let counted
for (let i = 0; i < runs; i++) {
  const before = server.requests.length
  const r = await cli(['report', '--source', 'api', '--repo', 'acme/service', '--since', `${DAYS}d`, '--format', 'json'])
  if (r.code !== 0) throw new Error(`report exited ${r.code}: ${r.err}`)
  const j = JSON.parse(r.out)
  counted = { prs: j.total.prs, fromGate: j.prs.filter((p) => p.origin === 'gate').length, fallback: j.prs.filter((p) => p.origin === 'pull-request').length, median: j.total.size.median }
  walls.push(r.ms)
  cpus.push(r.cpu)
  calls.push(server.requests.length - before)
}
const violations = [...server.violations, ...server.responseViolations]
await server.close()
console.log(`pull requests in the window: ${N} merged (+${older} merged before it, 30 open); counted ${counted.prs}: ${counted.fromGate} from the gate's record, ${counted.fallback} from additions/deletions; median size ${counted.median}`)
console.log(`API calls per report: ${median(calls)} (runs: ${calls.join(', ')})`)
console.log(`wall time per report (node start included), median of ${runs}: ${(median(walls) / 1000).toFixed(2)} s (runs: ${walls.map((w) => (w / 1000).toFixed(2)).join(', ')})`)
console.log(`CPU time of the report process (user + sys), median of ${runs}: ${median(cpus).toFixed(2)} s (runs: ${cpus.map((c) => c.toFixed(2)).join(', ')})`)
console.log(`contract violations: ${violations.length}${violations.length ? `\n${violations.slice(0, 5).join('\n')}` : ''}`)
console.log(`load average (1, 5, 15 min) at the end: ${loadavg().map((l) => l.toFixed(2)).join(', ')} on ${(await import('node:os')).cpus().length} cores`)
