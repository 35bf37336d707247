#!/usr/bin/env node
/**
 * Coverage benchmark (not a test). Bundles the parsers and the rule with ncc into .build/, writes synthetic
 * lcov tracefiles into .data/, and runs each scenario in a fresh process several times, printing the median
 * wall time and the median peak RSS (process.resourceUsage().maxRSS).
 *   node bench/coverage/run.mjs [runs=5]
 * Scenarios:
 *   read-only-*      baseline: start node, load the bundle, read the report into a string
 *   parse-10k        parse an lcov of 10,000 files x 200 lines, keeping every file (no filter)
 *   parse-10k-pr5    the same lcov for a 5-file PR (basename pre-filter)
 *   rule-3000        the rule on a 3000-file PR, every file in the 10,000-file lcov, one area
 *   parse-50mb       parse a ~50 MB lcov (20,000 files x 300 lines) for a 3000-file PR
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..', '..')
const build = join(here, '.build')
const data = join(here, '.data')
const runs = Number(process.argv[2] ?? 5)

function synthLcov(files, lines) {
  const parts = []
  for (let f = 0; f < files; f++) {
    let s = `TN:\nSF:/home/runner/work/repo/repo/src/mod${f % 100}/file${f}.ts\nFN:1,f${f}\nFNDA:1,f${f}\nFNF:1\nFNH:1\n`
    for (let l = 1; l <= lines; l++) s += `DA:${l},${(l * 7 + f) % 5 === 0 ? 0 : l % 13}\n`
    s += `LF:${lines}\nLH:${lines}\nBRF:0\nBRH:0\nend_of_record\n`
    parts.push(s)
  }
  return parts.join('')
}

if (process.argv[2] === '--child') {
  const [, , , scenario, lcovPath] = process.argv
  const { readFileSync } = await import('node:fs')
  const mod = await import(join(build, 'index.js'))
  const text = readFileSync(lcovPath, 'utf8')
  const t0 = performance.now()
  let detail = ''
  if (scenario.startsWith('read-only')) {
    detail = 'baseline: node + the report string only'
  } else if (scenario === 'parse-10k') {
    const r = mod.parseReport(text, 'coverage/lcov.info')
    detail = `${r.files.length} files kept`
  } else if (scenario === 'parse-10k-pr5' || scenario === 'parse-50mb') {
    const n = scenario === 'parse-50mb' ? 3000 : 5
    const changed = Array.from({ length: n }, (_, i) => `src/mod${(i * 3) % 100}/file${i * 3}.ts`)
    const m = new mod.PathMatcher(changed)
    const r = mod.parseReport(text, 'coverage/lcov.info', { keep: m.mightMatch })
    const idx = mod.mergeCoverage([r], m)
    detail = `${r.totalFiles} files, ${idx.files.size} matched`
  } else if (scenario === 'rule-3000') {
    const changed = Array.from({ length: 3000 }, (_, i) => `src/mod${i % 100}/file${i}.ts`)
    const patch = '@@ -10,4 +10,24 @@\n a\n' + Array.from({ length: 20 }, (_, i) => `+  s${i}()`).join('\n') + '\n'
    const files = changed.map((path) => ({ path, status: 'modified', additions: 20, deletions: 0, patch }))
    files.push({ path: 'src/mod0/file0.test.ts', status: 'modified', additions: 1, deletions: 0, patch: '@@ -1 +1,2 @@\n a\n+b\n' })
    const ctx = {
      changes: { base: 'b', head: 'h', files, totalFiles: files.length, truncated: false, readHead: async () => undefined, readBase: async () => undefined },
      pr: { title: '', body: '', author: 'x', labels: [] },
      evidence: { findReports: async () => [{ path: 'coverage/lcov.info', origin: 'workspace', size: text.length, read: async () => text }] },
      now: new Date(),
      mode: 'pull_request',
    }
    const out = await mod.criticalPathTests.evaluate(ctx, {
      level: 'fail',
      areas: [{ name: 'all', include: ['src/**'], exclude: [], tests: ['**/*.test.ts'], test_map: [], require: ['tests-changed', 'diff-coverage'], min_diff_coverage: 80 }],
      coverage: ['coverage/lcov.info'],
      missing_report: 'warn',
      max_report_mb: 200,
      max_uncovered_findings: 100,
    })
    detail = `${out.findings.length} findings; ${out.summary}`
  }
  const ms = performance.now() - t0
  process.stdout.write(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, detail }) + '\n')
  process.exit(0)
}

mkdirSync(data, { recursive: true })
console.log('bundling with ncc ...')
execFileSync(join(root, 'node_modules/.bin/ncc'), ['build', join(here, 'entry.ts'), '-o', build, '-q'], { cwd: root, stdio: 'inherit' })
const lcov10k = join(data, 'lcov-10k.info')
const lcov50 = join(data, 'lcov-50mb.info')
if (!existsSync(lcov10k)) writeFileSync(lcov10k, synthLcov(10000, 200))
if (!existsSync(lcov50)) writeFileSync(lcov50, synthLcov(20000, 300))
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
// Baseline: a process that only reads the file (the string itself is part of every figure).
const scenarios = [
  ['read-only-10k', lcov10k],
  ['parse-10k', lcov10k],
  ['parse-10k-pr5', lcov10k],
  ['rule-3000', lcov10k],
  ['read-only-50mb', lcov50],
  ['parse-50mb', lcov50],
]
console.log(`node ${process.version}, ${runs} runs each, medians`)
for (const [name, file] of scenarios) {
  const res = []
  for (let i = 0; i < runs; i++) {
    const p = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', name, file], { encoding: 'utf8' })
    if (p.status !== 0) throw new Error(p.stderr)
    res.push(JSON.parse(p.stdout.trim().split('\n').pop()))
  }
  const mb = (statSync(file).size / 1024 / 1024).toFixed(1)
  console.log(`${name.padEnd(14)} input ${mb} MB  time ${median(res.map((r) => r.ms)).toFixed(0)} ms  peak RSS ${median(res.map((r) => r.maxRssMb)).toFixed(0)} MB  (${res[0].detail})`)
}
