#!/usr/bin/env node
/**
 * SARIF merge benchmark (not a test). Bundles the scanner parsers with ncc into .build/, writes synthetic
 * Trivy-style SARIF reports of the given sizes into .data/, and times, in a fresh process per size,
 * parseReport (JSON + SARIF walk) and mergeVulnerabilities (folding duplicate advisories) separately.
 *   node bench/sarif-merge/run.mjs [sizes in MB, default 4 50] [--limit SECONDS, default 300]
 *   BENCH_BUILD=/tmp/old/.build node bench/sarif-merge/run.mjs ...   (a bundle of entry.ts built from other code)
 * Each advisory (package + version + CVE) is reported twice (two targets, as Trivy does for an image and
 * its lock file), and one in four also carries the GHSA alias in a second result: half the records merge.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..', '..')
// BENCH_BUILD: a bundle built elsewhere (e.g. of the code before a change, for before/after figures).
const build = process.env.BENCH_BUILD ?? join(here, '.build')
const data = join(here, '.data')

if (process.argv[2] === '--child') {
  const { readFileSync } = await import('node:fs')
  const mod = await import(join(build, 'index.js'))
  const text = readFileSync(process.argv[3], 'utf8')
  const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000 }
  const t0 = performance.now()
  const c0 = cpu()
  const report = mod.parseReport('trivy.sarif', text)
  const t1 = performance.now()
  const c1 = cpu()
  const merged = mod.mergeVulnerabilities(report.vulnerabilities)
  const t2 = performance.now()
  const c2 = cpu()
  console.log(JSON.stringify({ results: report.vulnerabilities.length, merged: merged.length, parseMs: Math.round(t1 - t0), mergeMs: Math.round(t2 - t1), parseCpuMs: Math.round(c1 - c0), mergeCpuMs: Math.round(c2 - c1) }))
  process.exit(0)
}

const args = process.argv.slice(2)
const li = args.indexOf('--limit')
const limitS = li >= 0 ? Number(args.splice(li, 2)[1]) : 300
const sizes = (args.length ? args : ['4', '50']).map(Number)

/** A distinct, well-formed GHSA id per advisory number (base-20 digits of n). */
function ghsa(n) {
  const a = '23456789cfghjmpqrvwx'
  let s = ''
  for (let k = 0, m = n; k < 12; k++, m = Math.floor(m / a.length)) s += a[m % a.length]
  return `GHSA-${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`
}

function result(i) {
  const adv = Math.floor(i / 2) // two results per advisory
  const cve = `CVE-2024-${10000 + adv}`
  const withGhsa = adv % 4 === 0 && i % 2 === 1
  return {
    ruleId: withGhsa ? ghsa(adv) : cve,
    ruleIndex: 0,
    level: 'error',
    message: { text: `Package: pkg-${adv % 3000}\nInstalled Version: 1.${adv % 11}.0\nVulnerability ${cve}${withGhsa ? ` (${ghsa(adv)})` : ''}\nSeverity: HIGH\nFixed Version: 1.${adv % 11}.1\nLink: [${cve}](https://avd.aquasec.com/nvd/${cve.toLowerCase()})` },
    properties: { packageName: `pkg-${adv % 3000}`, packageVersion: `1.${adv % 11}.0`, 'security-severity': '7.5', ...(withGhsa ? { cve } : {}) },
    locations: [{ physicalLocation: { artifactLocation: { uri: i % 2 ? 'package-lock.json' : 'app/package-lock.json' }, region: { startLine: 1 } } }],
  }
}

function sarifOfSize(mb) {
  const target = mb * 1024 * 1024
  const results = []
  let bytes = 200
  for (let i = 0; bytes < target; i++) {
    const r = result(i)
    bytes += JSON.stringify(r).length + 1
    results.push(r)
  }
  return JSON.stringify({ version: '2.1.0', $schema: 'https://json.schemastore.org/sarif-2.1.0.json', runs: [{ tool: { driver: { name: 'Trivy', rules: [{ id: 'x', shortDescription: { text: 'x' } }] } }, results }] })
}

mkdirSync(data, { recursive: true })
if (!process.env.BENCH_BUILD) console.log('bundling with ncc ...')
if (!process.env.BENCH_BUILD) execFileSync(join(root, 'node_modules/.bin/ncc'), ['build', join(here, 'entry.ts'), '-o', build, '-q'], { cwd: root, stdio: 'inherit' })
for (const mb of sizes) {
  const file = join(data, `trivy-${mb}mb.sarif`)
  if (!existsSync(file)) writeFileSync(file, sarifOfSize(mb))
  const t0 = performance.now()
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', file], { encoding: 'utf8', timeout: limitS * 1000, maxBuffer: 1 << 20 })
  const wall = ((performance.now() - t0) / 1000).toFixed(1)
  const size = (statSync(file).size / 1024 / 1024).toFixed(1)
  if (r.signal) console.log(`${size} MB: did not finish in ${limitS} s (killed)`)
  else if (r.status !== 0) console.log(`${size} MB: failed: ${r.stderr.split('\n')[0]}`)
  else {
    const o = JSON.parse(r.stdout.trim().split('\n').pop())
    console.log(`${size} MB: ${o.results} results → ${o.merged} after merge; parse ${o.parseMs} ms (CPU ${o.parseCpuMs} ms), merge ${o.mergeMs} ms (CPU ${o.mergeCpuMs} ms), process ${wall} s`)
  }
}
