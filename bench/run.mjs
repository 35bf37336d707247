#!/usr/bin/env node
/**
 * The performance table of issue 15 (a benchmark, not a test), in one command:
 *
 *   npm run bench                                   # 5 runs of everything, on this node
 *   node bench/run.mjs 5 --node /path/to/node24 --node /path/to/node20
 *   node bench/run.mjs --dist /other/checkout/dist  # another build, for before/after figures
 *
 * Per node:
 *  - the Action through the real bundle (`node dist/index.js` with the runner's environment) against the
 *    local OpenAPI/GraphQL-validating fake GitHub, on synthetic PRs of 10, 40 (2 SQL migrations and a
 *    values.yaml), 300 and 3,000 files: API calls and median wall time, first run (a new PR: creates the
 *    comment) and re-run (updates it); a new PR per first run;
 *  - the floor action (bench/floor.mjs: list the files, one check run, one comment, plain fetch) on the same
 *    fake and PRs: the gate's wall time as a ratio to it;
 *  - Danger JS (`danger ci`, installed into bench/danger/ by this script, never into the root lockfile) with a
 *    dangerfile doing only size checks (bench/danger/dangerfile.js), on the same fake and PRs with the runner's
 *    environment plus DANGER_GITHUB_API_TOKEN / DANGER_GITHUB_API_BASE_URL: the gate's wall time as a ratio
 *    to Danger's (issue 15's goal: ≤ 0.5);
 *  - `pr-gate check` on a local git repository (real git, temporary) whose branch adds 1,000 migrations
 *    (500 SQL, 500 Rails): median wall time, CPU, peak RSS;
 *  - start-up: `node dist/index.js --help` against `node -e 0`, run in turn: medians and their difference.
 * `--only action,local,startup` picks parts; `--prof DIR` writes the gate's CPU profiles (Action runs) to DIR;
 * `--list-delay MS` makes the fake answer every page of a PR's file list MS later (GitHub's latency, which the
 * local fake does not have: what the Action's head start overlaps with loading its code).
 * Wall times include node's start. Peak RSS is from /usr/bin/time -f %M. The machine may be shared: quote
 * medians and ratios taken in the same run.
 */
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..')
const { values, positionals } = parseArgs({ options: { node: { type: 'string', multiple: true }, dist: { type: 'string' }, only: { type: 'string' }, prof: { type: 'string' }, cases: { type: 'string' }, 'list-delay': { type: 'string' } }, allowPositionals: true })
const runs = Number(positionals[0] ?? 5)
const nodes = values.node?.length ? values.node : [process.execPath]
const bundle = join(values.dist ?? join(root, 'dist'), 'index.js')
const only = new Set((values.only ?? 'action,local,startup').split(','))

// The fake GitHub is TypeScript (the tests' helper): compile it for this plain-node script.
execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(here, 'tsconfig.json')], { stdio: 'inherit' })
const { startGitHubServer } = await import(join(here, '.build/__tests__/helpers/github-server.js'))
const { pullRequestEvent } = await import(join(here, '.build/__tests__/helpers/run-action.js'))
const hasTime = existsSync('/usr/bin/time')

// Danger JS, the peer of issue 15's wall-time goal: in its own folder's package (never the root package.json).
const dangerDir = join(here, 'danger')
const dangerJs = join(dangerDir, 'node_modules/danger/distribution/commands/danger.js')
if (only.has('action') && !existsSync(dangerJs)) {
  try {
    execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: dangerDir, stdio: 'inherit' })
  } catch (e) {
    console.error(`Danger JS could not be installed into bench/danger (${e.message}): its column is left empty`)
  }
}
const hasDanger = existsSync(dangerJs)

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b)
  if (!s.length) return NaN
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(0)}` : '—')
const s2 = (x) => (Number.isFinite(x) ? `${(x / 1000).toFixed(2)}` : '—')

/** Runs a command; wall ms, peak RSS MB and CPU s (user + sys, /usr/bin/time), exit code, output. */
function timed(cmd, args, { env, cwd } = {}) {
  const full = hasTime ? ['/usr/bin/time', ['-f', '__BENCH=%M %U %S', cmd, ...args]] : [cmd, args]
  return new Promise((resolve) => {
    const t0 = performance.now()
    const child = spawn(full[0], full[1], { env, cwd })
    let out = ''
    let err = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (err += d))
    child.on('close', (code) => {
      const wall = performance.now() - t0
      const m = /__BENCH=(\d+) ([\d.]+) ([\d.]+)/.exec(err)
      resolve({ wall, rss: m ? Number(m[1]) / 1024 : NaN, cpu: m ? Number(m[2]) + Number(m[3]) : NaN, code, out, err: err.replace(/__BENCH=.*\n?/, '') })
    })
  })
}

// ---------------------------------------------------------------------------------------------- PRs
const patch = '@@ -10,6 +10,9 @@ export function handler() {\n   const a = 1\n-  const b = 2\n+  const b = 3\n+  const c = b * 2\n+  const d = c + a\n+  return d\n   // end\n'
function tsFiles(n) {
  const out = []
  for (let i = 0; i < n; i++) out.push({ filename: `services/svc${i % 20}/src/mod${i % 7}/file${i}.ts`, status: i % 10 === 0 ? 'added' : 'modified', additions: 4, deletions: 1, patch })
  if (n >= 300) out[5] = { filename: 'package-lock.json', status: 'modified', additions: 900, deletions: 850, changes: 1750 }
  return out
}
const added = (filename, text) => ({ filename, status: 'added', additions: text.split('\n').length, deletions: 0, patch: `@@ -0,0 +1,${text.split('\n').length} @@\n` + text.split('\n').map((l) => `+${l}`).join('\n') })
const V1 = 'CREATE TABLE orders (id bigint PRIMARY KEY, total numeric NOT NULL);'
const V2 = 'CREATE INDEX users_email ON users (email);'
const VALUES_BASE = 'replicaCount: 2\nimage:\n  repository: acme/service\n  tag: "1.4.0"\n'
const VALUES_HEAD = VALUES_BASE + 'resources:\n  limits:\n    memory: 512Mi\n'
const ALL_CASES = [
  { label: '10 files', files: tsFiles(10), base: {}, head: {} },
  {
    label: '40 files (2 SQL migrations, 1 values.yaml)',
    files: [...tsFiles(37), added('db/migrations/V1__orders.sql', V1), added('db/migrations/V2__users_email.sql', V2), { filename: 'deploy/helm/values.yaml', status: 'modified', additions: 3, deletions: 0, patch: '@@ -3,2 +3,5 @@\n   repository: acme/service\n   tag: "1.4.0"\n+resources:\n+  limits:\n+    memory: 512Mi' }],
    base: { 'deploy/helm/values.yaml': VALUES_BASE, 'deploy/helm/Chart.yaml': 'name: service\nversion: 1.0.0\n' },
    head: { 'db/migrations/V1__orders.sql': V1, 'db/migrations/V2__users_email.sql': V2, 'deploy/helm/values.yaml': VALUES_HEAD, 'deploy/helm/Chart.yaml': 'name: service\nversion: 1.0.0\n' },
  },
  { label: '300 files', files: tsFiles(300), base: {}, head: {} },
  { label: '3,000 files', files: tsFiles(3000), base: {}, head: {} },
]

// --cases 10,40: a subset (by file count).
const CASES = values.cases ? ALL_CASES.filter((c) => values.cases.split(',').includes(String(c.files.length))) : ALL_CASES

function runnerEnv(server, event, dir, ws) {
  const eventPath = join(dir, 'event.json')
  writeFileSync(eventPath, JSON.stringify(event))
  writeFileSync(join(dir, 'out'), '')
  writeFileSync(join(dir, 'summary'), '')
  return {
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
}

async function runOn(node, script, server, pr, ws) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-run-'))
  const env = runnerEnv(server, pullRequestEvent(pr, 'synchronize', server), dir, ws)
  const before = server.requests.length
  // --prof DIR: the gate's runs write V8 CPU profiles there (for finding where the time goes, not for figures).
  const r = await timed(node, values.prof && script === bundle ? ['--cpu-prof', '--cpu-prof-dir', values.prof, script] : [script], { env, cwd: ws })
  const out = readFileSync(join(dir, 'out'), 'utf8')
  return { ...r, calls: server.requests.length - before, conclusion: /conclusion<<.*\n(.*)\n/.exec(out)?.[1] }
}

/** `danger ci` with the size-only dangerfile, as a GitHub Actions step would run it (a new PR per run). */
async function dangerOn(node, server, pr, ws) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-danger-'))
  const env = { ...runnerEnv(server, pullRequestEvent(pr, 'synchronize', server), dir, ws), GITHUB_WORKFLOW: 'size', DANGER_GITHUB_API_TOKEN: server.token, DANGER_GITHUB_API_BASE_URL: server.url }
  const before = server.requests.length
  const r = await timed(node, [dangerJs, 'ci', '--dangerfile', join(dangerDir, 'dangerfile.js'), '--id', 'size'], { env, cwd: ws })
  return { ...r, calls: server.requests.length - before }
}

async function actionRows(node) {
  const rows = []
  for (const c of CASES) {
    const server = await startGitHubServer()
    if (values['list-delay']) server.faults.push({ path: 'pulls/list-files', delayMs: Number(values['list-delay']), times: Infinity })
    server.setTree('b'.repeat(40), c.base)
    server.setTree('c'.repeat(40), c.head)
    const ws = mkdtempSync(join(tmpdir(), 'bench-ws-'))
    const first = []
    const again = []
    const floor = []
    const danger = []
    const pull = (number) => server.addPullRequest({ number, title: 'bench', body: '', base: { ref: 'main', sha: 'b'.repeat(40) }, head: { ref: 'f', sha: 'c'.repeat(40) }, files: c.files })
    // One discarded run of each tool first: the fake compiles its OpenAPI validators per route on first use,
    // which would otherwise be charged to whichever tool reaches a route first (the gate's first run).
    const warm = pull(99)
    await runOn(node, bundle, server, warm, ws)
    await runOn(node, bundle, server, warm, ws)
    await runOn(node, join(here, 'floor.mjs'), server, pull(199), ws)
    if (hasDanger) await dangerOn(node, server, pull(299), ws)
    for (let i = 0; i < runs; i++) {
      const pr = pull(100 + i)
      first.push(await runOn(node, bundle, server, pr, ws))
      again.push(await runOn(node, bundle, server, pr, ws))
      floor.push(await runOn(node, join(here, 'floor.mjs'), server, pull(200 + i), ws))
      if (hasDanger) danger.push(await dangerOn(node, server, pull(300 + i), ws))
    }
    const bad = [...first, ...again, ...floor, ...danger].find((r) => r.code !== 0 && r.code !== 1)
    if (bad) console.error(`${c.label}: a run exited ${bad.code}: ${bad.err.slice(0, 400)}`)
    rows.push({
      label: c.label,
      firstCalls: median(first.map((r) => r.calls)),
      againCalls: median(again.map((r) => r.calls)),
      floorCalls: median(floor.map((r) => r.calls)),
      first: median(first.map((r) => r.wall)),
      again: median(again.map((r) => r.wall)),
      floor: median(floor.map((r) => r.wall)),
      danger: median(danger.filter((r) => r.code === 0 || r.code === 1).map((r) => r.wall)),
      dangerCalls: median(danger.map((r) => r.calls)),
      cpu: median(again.map((r) => r.cpu)),
      floorCpu: median(floor.map((r) => r.cpu)),
      rss: median([...first, ...again].map((r) => r.rss)),
      conclusion: first[0].conclusion,
      violations: server.violations.length + server.responseViolations.length,
    })
    await server.close()
  }
  return rows
}

// ---------------------------------------------------------------------------------- 1,000 migrations
/** A real git repository whose branch `feature` adds 500 SQL and 500 Rails migrations (1 in 10 dangerous). */
function migrationsRepo() {
  const dir = join(tmpdir(), 'pr-gate-bench-1000-migrations')
  if (existsSync(join(dir, '.git', 'bench-ready'))) return dir
  execFileSync('rm', ['-rf', dir])
  mkdirSync(join(dir, 'config'), { recursive: true })
  const git = (...args) => execFileSync('git', args, { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] })
  git('init', '-q', '-b', 'main')
  git('config', 'user.email', 'bench@example.com')
  git('config', 'user.name', 'bench')
  writeFileSync(join(dir, 'config/database.yml'), 'production:\n  adapter: postgresql\n')
  writeFileSync(join(dir, 'Gemfile'), "source 'https://rubygems.org'\ngem 'rails', '~> 7.1'\ngem 'pg'\n")
  mkdirSync(join(dir, 'db/migrate'), { recursive: true })
  mkdirSync(join(dir, 'db/migrations'), { recursive: true })
  writeFileSync(join(dir, 'db/schema.rb'), 'ActiveRecord::Schema[7.1].define(version: 1) do\n  create_table "users" do |t|\n    t.string "name"\n  end\nend\n')
  git('add', '-A')
  git('commit', '-q', '-m', 'base')
  git('checkout', '-q', '-b', 'feature')
  for (let i = 0; i < 500; i++) {
    const index = i % 10 === 0 ? `CREATE INDEX idx_t_${i}_name ON t_${i} (name);` : `CREATE INDEX CONCURRENTLY idx_t_${i}_name ON t_${i} (name);`
    writeFileSync(join(dir, `db/migrations/V${i + 2}__change_${i}.sql`), `-- migration ${i}\nCREATE TABLE t_${i} (id bigint PRIMARY KEY, name text NOT NULL, created_at timestamptz DEFAULT now());\nALTER TABLE t_${i} ADD COLUMN note_${i} text;\n${index}\nUPDATE t_${i} SET name = 'x' WHERE id < 10;\n`)
    const concurrently = i % 10 === 0 ? '' : ', algorithm: :concurrently'
    const ddl = i % 10 === 0 ? '' : '  disable_ddl_transaction!\n\n'
    writeFileSync(join(dir, `db/migrate/2024${String(100000000 + i).slice(1)}_add_field_${i}_to_users.rb`), `class AddField${i}ToUsers < ActiveRecord::Migration[7.1]\n${ddl}  def change\n    add_column :users, :field_${i}, :string\n    add_index :users, :field_${i}${concurrently}\n  end\nend\n`)
  }
  git('add', '-A')
  git('commit', '-q', '-m', '1000 migrations')
  writeFileSync(join(dir, '.git', 'bench-ready'), '')
  return dir
}

async function localRow(node) {
  const dir = migrationsRepo()
  const results = []
  for (let i = 0; i < runs; i++) results.push(await timed(node, [bundle, 'check', '--committed', '--base', 'main', '--format', 'json'], { cwd: dir, env: { ...process.env, GITHUB_ACTIONS: '' } }))
  let summary = `exit ${results[0].code}`
  try {
    const rule = JSON.parse(results[0].out).rules.find((r) => r.id === 'migration-safety')
    summary = `${rule.status}: ${rule.summary.slice(0, 90)}`
  } catch {
    summary += `: ${results[0].err.slice(0, 200)}`
  }
  return { wall: median(results.map((r) => r.wall)), cpu: median(results.map((r) => r.cpu)), rss: median(results.map((r) => r.rss)), summary }
}

// ------------------------------------------------------------------------------------------ start-up
async function startupRow(node) {
  const help = []
  const bare = []
  for (let i = 0; i < Math.max(runs, 5) * 2; i++) {
    help.push((await timed(node, [bundle, '--help'])).wall)
    bare.push((await timed(node, ['-e', '0'])).wall)
  }
  return { help: median(help), bare: median(bare), diff: median(help.map((h, i) => h - bare[i])) }
}

// ------------------------------------------------------------------------------------------- report
for (const node of nodes) {
  const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim()
  console.log(`\n### node ${version} — ${runs} runs each, medians (bundle: ${bundle})\n`)
  if (only.has('action')) {
    const rows = await actionRows(node)
    const ratio = (a, b) => (Number.isFinite(a / b) ? (a / b).toFixed(2) : '—')
    console.log('| PR | API calls first / re-run (floor; Danger) | wall ms first run | wall ms re-run | floor action wall ms | Danger JS (size only) wall ms | re-run ÷ floor | first ÷ floor | first ÷ Danger | re-run ÷ Danger | CPU s re-run / floor | peak RSS MB | conclusion | contract violations |')
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|')
    for (const r of rows) console.log(`| ${r.label} | ${r.firstCalls} / ${r.againCalls} (${r.floorCalls}; ${Number.isFinite(r.dangerCalls) ? r.dangerCalls : '—'}) | ${ms(r.first)} | ${ms(r.again)} | ${ms(r.floor)} | ${ms(r.danger)} | ${ratio(r.again, r.floor)} | ${ratio(r.first, r.floor)} | ${ratio(r.first, r.danger)} | ${ratio(r.again, r.danger)} | ${r.cpu.toFixed(2)} / ${r.floorCpu.toFixed(2)} | ${r.rss.toFixed(0)} | ${r.conclusion} | ${r.violations} |`)
  }
  if (only.has('local')) {
    const l = await localRow(node)
    console.log(`\n| \`pr-gate check\`, 1,000 migrations (local git) | wall s | CPU s (user+sys, git included) | peak RSS MB | migration-safety |\n|---|---:|---:|---:|---|\n| 500 SQL + 500 Rails, 1 in 10 dangerous | ${s2(l.wall)} | ${l.cpu.toFixed(2)} | ${l.rss.toFixed(0)} | ${l.summary} |`)
  }
  if (only.has('startup')) {
    const s = await startupRow(node)
    console.log(`\n| start-up | \`--help\` ms | \`node -e 0\` ms | above bare node (median of paired differences) ms |\n|---|---:|---:|---:|\n| ${Math.max(runs, 5) * 2} pairs | ${ms(s.help)} | ${ms(s.bare)} | ${ms(s.diff)} |`)
  }
}
