#!/usr/bin/env node
/**
 * `npm run fuzz`: runs every property of __tests__/fuzz with FUZZ_RUNS cases (default 10,000) and the fixed
 * seed (FUZZ_SEED to change it), then prints cases and time per parser.
 *
 *   npm run fuzz                          # 10,000 cases per property
 *   FUZZ_RUNS=100000 npm run fuzz         # more
 *   FUZZ_SEED=$RANDOM npm run fuzz        # another seed (printed in any failure, with the path to replay)
 *   npm run fuzz -- __tests__/fuzz/patch  # one file
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const dir = mkdtempSync(join(tmpdir(), 'fuzz-'))
const report = join(dir, 'report.jsonl')
const env = {
  ...process.env,
  FUZZ_RUNS: process.env.FUZZ_RUNS ?? '10000',
  FUZZ_REPORT: report,
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim(),
}
const started = Date.now()
const jest = spawnSync(process.execPath, ['node_modules/jest/bin/jest.js', '--config', 'jest.fuzz.config.js', ...process.argv.slice(2)], { stdio: 'inherit', env })
const seconds = ((Date.now() - started) / 1000).toFixed(1)

let rows = []
try {
  rows = readFileSync(report, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l))
} catch {
  // no property finished
}
rmSync(dir, { recursive: true, force: true })
if (rows.length) {
  const width = Math.max(...rows.map((r) => r.parser.length))
  console.log(`\nfuzz: ${env.FUZZ_RUNS} runs per property, seed ${process.env.FUZZ_SEED ?? '20261126 (fixed)'}`)
  for (const r of rows.sort((a, b) => a.parser.localeCompare(b.parser))) console.log(`  ${r.parser.padEnd(width)}  ${String(r.runs).padStart(7)} cases  ${(r.ms / 1000).toFixed(1).padStart(6)} s`)
  console.log(`  ${'total'.padEnd(width)}  ${String(rows.reduce((n, r) => n + r.runs, 0)).padStart(7)} cases  ${seconds.padStart(6)} s wall`)
}
process.exit(jest.status ?? 1)
