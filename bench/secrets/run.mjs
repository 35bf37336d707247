#!/usr/bin/env node
/**
 * Secrets benchmark (not a test). Bundles the `secrets` rule (with secretlint) with ncc into .build/, and
 * runs it in a fresh process per run on a synthetic 3,000-file pull request: every file adds 20 lines of
 * ordinary TypeScript (identifiers, strings, a SHA-256 and a UUID: high entropy without a credential's
 * context), 10 files add a fake GitHub token. Prints the median wall time of `evaluate` (the scan of the
 * added lines, first call included: JIT and regex compilation are part of a real run), its CPU time (user +
 * system: what the machine's load does not inflate), and node + load.
 *   node bench/secrets/run.mjs [runs=5] [files=3000]
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..', '..')
const build = join(here, '.build')
const runs = Number(process.argv[2] ?? 5)
const nFiles = Number(process.argv[3] ?? 3000)

function pr(n) {
  const files = []
  for (let i = 0; i < n; i++) {
    const lines = []
    for (let k = 0; k < 20; k++) {
      if (k === 3) lines.push(`  const digest${k} = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8${String(i % 100).padStart(2, '0')}'`)
      else if (k === 7) lines.push(`  const id${k} = '0b7e6f3a-9a43-4c55-9f19-${String(i).padStart(12, '0')}'`)
      else if (k === 11 && i % 300 === 0) lines.push(`  const token = 'ghp_FAKEbenchTokenNotARealOne${String(i).padStart(11, '0')}'`)
      else lines.push(`  const value${k} = await service${i % 17}.call${k}({ id: input.id, name: "field-${k}", retries: ${k} })`)
    }
    const patch = `@@ -10,2 +10,22 @@ export async function handler${i}(input) {\n   const start = Date.now()\n` + lines.map((l) => '+' + l).join('\n') + '\n   return value0\n'
    files.push({ path: `services/svc${i % 20}/src/mod${i % 7}/file${i}.ts`, status: 'modified', additions: 20, deletions: 0, patch })
  }
  return files
}

if (process.argv[2] === '--child') {
  const t0 = performance.now()
  const mod = await import(join(build, 'index.js'))
  const loaded = performance.now()
  const files = pr(Number(process.argv[3]))
  const ctx = {
    changes: { base: 'b', head: 'h', files, totalFiles: files.length, truncated: false, readHead: async () => undefined, readBase: async () => undefined },
    pr: { title: '', body: '', author: 'x', labels: [] },
    evidence: { findReports: async () => [] },
    now: new Date(),
    mode: 'pull_request',
  }
  const t1 = performance.now()
  const c1 = process.cpuUsage()
  const out = await mod.secrets.evaluate(ctx, { level: 'fail', allow: [], inline_allow: true, use_secret_scanning_alerts: false })
  const ms = performance.now() - t1
  const cpu = process.cpuUsage(c1)
  const cpuMs = (cpu.user + cpu.system) / 1000
  process.stdout.write(JSON.stringify({ ms, cpuMs, loadMs: loaded - t0, maxRssMb: process.resourceUsage().maxRSS / 1024, detail: `${out.findings.length} findings; ${out.summary}` }) + '\n')
  process.exit(0)
}

console.log('bundling with ncc ...')
execFileSync(join(root, 'node_modules/.bin/ncc'), ['build', join(here, 'entry.ts'), '-o', build, '-q'], { cwd: root, stdio: 'inherit' })
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const res = []
for (let i = 0; i < runs; i++) {
  const p = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', String(nFiles)], { encoding: 'utf8' })
  if (p.status !== 0) throw new Error(p.stderr)
  res.push(JSON.parse(p.stdout.trim().split('\n').pop()))
}
console.log(`node ${process.version}, ${nFiles} files x 20 added lines, ${runs} runs, medians`)
console.log(`scan (evaluate) wall ${median(res.map((r) => r.ms)).toFixed(0)} ms [${res.map((r) => r.ms.toFixed(0)).join(', ')}], CPU ${median(res.map((r) => r.cpuMs)).toFixed(0)} ms [${res.map((r) => r.cpuMs.toFixed(0)).join(', ')}]  load ${median(res.map((r) => r.loadMs)).toFixed(0)} ms  peak RSS ${median(res.map((r) => r.maxRssMb)).toFixed(0)} MB`)
console.log(res[0].detail)
