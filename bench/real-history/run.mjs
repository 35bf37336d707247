#!/usr/bin/env node
/**
 * Real-history benchmark (not a test): re-runs `pr-gate check --base C^1 --head C --format json` over the
 * judged commits in bench/real-history/corpus/*.json, each in a detached checkout made from a local mirror of
 * the repository, and compares the gate's verdict per rule with the reviewer's judgement.
 *
 *   node bench/real-history/run.mjs --mirrors DIR [--repo owner/name]... [--rule ID]... [--json OUT]
 *                                   [--bundle PATH] [--corpus DIR] [--set NAME]... [--timeout SECONDS] [--keep]
 *
 * A commit's `set` (default `tuning`) names the split it belongs to: `held-out` commits were judged after the
 * rule was tuned on the others and are never used to tune it. The table has one row per rule and set when the
 * commits run span more than one set; `--set NAME` runs only that set.
 *
 * DIR holds one directory per repository named `<owner>+<name>`: a bare mirror (`git clone --mirror`), a
 * normal clone, or any directory that has a git dir at most two levels down. The mirror is never written
 * to: each repository gets one temporary `git clone --shared --no-checkout` (objects borrowed through
 * alternates), reused across its commits with `git checkout --force --detach C` + `git clean -fdx`.
 *
 * Printed per rule: in-area safe PRs, false alarms among them (rule status fail, warn or error), the
 * false-alarm rate (also over all safe PRs), problem PRs, caught, recall, finding-level precision
 * (flagged findings on a file the reviewer named as the problem / all flagged findings), errors and
 * crashes, median and max wall time of one gate run; then every false alarm and miss with its findings.
 * Plain node, no dependencies. Wall time is node's own clock around the child process (includes node start).
 */
import { spawn, execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const here = dirname(fileURLToPath(import.meta.url))
const repoRoot = resolve(here, '..', '..')
const RULES = ['migration-safety', 'runbook']
const FLAGGED = new Set(['fail', 'warn', 'error'])

const { values: opts } = parseArgs({
  options: {
    mirrors: { type: 'string' },
    repo: { type: 'string', multiple: true, default: [] },
    rule: { type: 'string', multiple: true, default: [] },
    json: { type: 'string' },
    bundle: { type: 'string' },
    corpus: { type: 'string' },
    set: { type: 'string', multiple: true, default: [] },
    timeout: { type: 'string', default: '120' },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
  allowPositionals: false,
})

if (opts.help || !opts.mirrors) {
  process.stdout.write(
    'usage: node bench/real-history/run.mjs --mirrors DIR [--repo owner/name]... [--rule ID]... [--json OUT]\n' +
      '                                       [--bundle PATH] [--corpus DIR] [--set NAME]... [--timeout SECONDS] [--keep]\n',
  )
  process.exit(opts.help ? 0 : 2)
}

const mirrors = resolve(opts.mirrors)
const bundle = resolve(opts.bundle ?? join(repoRoot, 'dist', 'index.js'))
const corpusDir = resolve(opts.corpus ?? join(here, 'corpus'))
const timeoutMs = Number(opts.timeout) * 1000
const rules = opts.rule.length ? opts.rule : RULES
for (const r of rules) if (!RULES.includes(r)) fail(`--rule ${r}: the corpus judges ${RULES.join(', ')}`)
if (!existsSync(bundle)) fail(`bundle not found: ${bundle} (npm run build, or --bundle PATH)`)
if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) fail('--timeout: a number of seconds')

function fail(msg) {
  process.stderr.write(`run.mjs: ${msg}\n`)
  process.exit(2)
}

// ---------------------------------------------------------------------------------------------- corpus
/** The split a judged commit belongs to: `tuning` unless the corpus says otherwise (`"set": "held-out"`). */
function setOf(k) {
  return typeof k.set === 'string' && k.set ? k.set : 'tuning'
}
const corpora = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => {
    const c = JSON.parse(readFileSync(join(corpusDir, f), 'utf8'))
    if (typeof c.repo !== 'string' || !Array.isArray(c.commits)) fail(`${f}: not a corpus file (repo, commits)`)
    return c
  })
  .filter((c) => !opts.repo.length || opts.repo.includes(c.repo))
  .map((c) => ({ ...c, commits: c.commits.filter((k) => !opts.set.length || opts.set.includes(setOf(k))) }))
  .filter((c) => c.commits.length)
if (!corpora.length) fail(`no corpus in ${corpusDir}${opts.repo.length ? ` for ${opts.repo.join(', ')}` : ''}`)

// ---------------------------------------------------------------------------------------------- git
function git(args, cwd) {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 })
}

const isGitDir = (d) => existsSync(join(d, 'HEAD')) && existsSync(join(d, 'objects')) && existsSync(join(d, 'refs'))

/** The git dir inside DIR/<owner>+<name>: itself, its .git, or a git dir at most two levels down. */
function findGitDir(repo) {
  const top = join(mirrors, repo.replace('/', '+'))
  if (!existsSync(top)) return undefined
  const queue = [[top, 0]]
  while (queue.length) {
    const [d, depth] = queue.shift()
    if (isGitDir(d)) return d
    if (existsSync(join(d, '.git')) && isGitDir(join(d, '.git'))) return join(d, '.git')
    if (depth >= 2) continue
    for (const e of readdirSync(d, { withFileTypes: true })) if (e.isDirectory()) queue.push([join(d, e.name), depth + 1])
  }
  return undefined
}

/** Paths in commit `sha` whose blobs the mirror does not hold. */
function missingPaths(gitDir, sha) {
  const tree = git(['ls-tree', '-r', '-z', '--full-tree', sha], gitDir).split('\0').filter(Boolean)
  const entries = tree.map((l) => {
    const tab = l.indexOf('\t')
    const [, type, oid] = l.slice(0, tab).split(' ')
    return { type, oid, path: l.slice(tab + 1) }
  }).filter((e) => e.type === 'blob')
  const out = execFileSync('git', ['cat-file', '--batch-check=%(objectname)'], { cwd: gitDir, input: entries.map((e) => e.oid).join('\n') + '\n', encoding: 'utf8', maxBuffer: 256 << 20 })
  const lines = out.split('\n')
  return entries.filter((e, i) => lines[i]?.endsWith(' missing')).map((e) => e.path)
}

// ---------------------------------------------------------------------------------------------- one run
function runGate(cwd, sha, policy) {
  const args = [bundle, 'check', '--base', `${sha}^1`, '--head', sha, '--format', 'json']
  if (policy) args.push('--policy', policy)
  // Hermetic: no token, not "in Actions"; the CLI reads git and the working tree only.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(GITHUB_|GH_|RUNNER_|ACTIONS_|INPUT_)/.test(k)))
  return new Promise((done) => {
    const t0 = process.hrtime.bigint()
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    const out = []
    const err = []
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, timeoutMs)
    child.stdout.on('data', (b) => out.push(b))
    child.stderr.on('data', (b) => err.push(b))
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      const ms = Number(process.hrtime.bigint() - t0) / 1e6
      done({ code, signal, timedOut, ms, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') })
    })
  })
}

const STACK = /^\s+at .+(\(.+:\d+:\d+\)|:\d+:\d+)$/m

/** The run's report, or why it is an error (crash, timeout, exit code, non-JSON output, stack trace). */
function interpret(r) {
  if (r.timedOut) return { error: `timeout after ${timeoutMs / 1000} s` }
  let report
  try {
    report = JSON.parse(r.stdout)
  } catch {
    report = undefined
  }
  const firstErr = r.stderr.trim().split('\n')[0]?.slice(0, 200) ?? ''
  if (STACK.test(r.stderr) || STACK.test(r.stdout)) return { report, error: `stack trace on ${STACK.test(r.stderr) ? 'stderr' : 'stdout'}: ${firstErr}` }
  if (r.code !== 0 && r.code !== 1) return { report, error: `exit ${r.code ?? r.signal}${firstErr ? `: ${firstErr}` : ''}` }
  if (!report || typeof report !== 'object' || !Array.isArray(report.rules)) return { error: `output is not the JSON report: ${r.stdout.slice(0, 120)}` }
  return { report }
}

/** Findings that flag: not informational, at warn/fail (a finding's level defaults to its rule's). */
function flaggedFindings(rr) {
  if (!rr || !FLAGGED.has(rr.status)) return []
  return (rr.findings ?? []).filter((f) => f.kind === 'error' || (f.kind !== 'info' && ['warn', 'fail'].includes(f.level ?? rr.level)))
}

const onProblemFile = (f, files) => !!f.path && files.some((p) => (p.endsWith('/') ? f.path.startsWith(p) : f.path === p))

// ---------------------------------------------------------------------------------------------- main
const results = []
for (const c of corpora) {
  const gitDir = findGitDir(c.repo)
  const policy = c.policy ? (isAbsolute(c.policy) ? c.policy : join(here, c.policy)) : undefined
  if (!gitDir) {
    process.stderr.write(`run.mjs: ${c.repo}: no mirror under ${mirrors}/${c.repo.replace('/', '+')} (skipped, counted as errors)\n`)
    for (const k of c.commits) results.push({ repo: c.repo, sha: k.sha, subject: k.subject, set: setOf(k), judged: k.judged, error: 'no mirror', ms: undefined, rules: {} })
    continue
  }
  const work = mkdtempSync(join(tmpdir(), `real-history-${c.repo.replace('/', '+')}-`))
  try {
    git(['clone', '--quiet', '--shared', '--no-checkout', gitDir, work])
    git(['config', 'core.sparseCheckout', 'true'], work)
    mkdirSync(join(work, '.git', 'info'), { recursive: true })
    let i = 0
    for (const k of c.commits) {
      i++
      process.stderr.write(`\r${c.repo} ${i}/${c.commits.length} ${k.sha.slice(0, 12)}   `)
      const row = { repo: c.repo, sha: k.sha, subject: k.subject, set: setOf(k), judged: k.judged, rules: {} }
      try {
        // Snapshots may lack their largest blobs: leave those paths out of the checkout (sparse) instead of failing.
        const absent = missingPaths(gitDir, k.sha)
        writeFileSync(join(work, '.git', 'info', 'sparse-checkout'), ['/*', ...absent.map((p) => '!/' + p.replace(/([*?[\]\\!#])/g, '\\$1'))].join('\n') + '\n')
        if (absent.length) row.absent = absent
        git(['checkout', '--quiet', '--force', '--detach', k.sha], work)
        git(['clean', '-q', '-fdx'], work)
      } catch (e) {
        row.error = `checkout failed: ${String(e.stderr ?? e.message).trim().split('\n')[0]}`
        results.push(row)
        continue
      }
      const r = await runGate(work, k.sha, policy)
      const { report, error } = interpret(r)
      row.ms = Math.round(r.ms)
      row.exit = r.code
      if (error) row.error = error
      if (report) {
        row.conclusion = report.conclusion
        for (const id of RULES) {
          const rr = report.rules.find((x) => x.id === id)
          if (rr) row.rules[id] = { status: rr.status, level: rr.level, error: rr.error, summary: rr.summary, findings: rr.findings ?? [] }
        }
      }
      results.push(row)
    }
    process.stderr.write('\n')
  } finally {
    if (opts.keep) process.stderr.write(`kept ${work}\n`)
    else rmSync(work, { recursive: true, force: true })
  }
}

// ---------------------------------------------------------------------------------------------- figures
const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—')
const median = (xs) => {
  if (!xs.length) return undefined
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const secs = (ms) => (ms === undefined ? '—' : `${(ms / 1000).toFixed(2)} s`)

const table = []
const lists = []
const summary = {}
const sets = [...new Set(results.map((r) => r.set))].sort((a, b) => (a === 'tuning' ? -1 : b === 'tuning' ? 1 : a.localeCompare(b)))

/** Per-rule figures over `rows`, with the false alarms and misses among them. */
function tally(id, rows) {
  const s = { inAreaSafe: 0, falseAlarms: 0, allSafe: 0, allFalseAlarms: 0, problems: 0, caught: 0, flaggedFindings: 0, trueFindings: 0, crashes: 0, ruleErrors: 0, missing: 0 }
  const fa = []
  const miss = []
  for (const row of rows) {
    const j = row.judged?.[id]
    if (!j) continue
    if (row.error) s.crashes++
    const rr = row.rules[id]
    if (!rr) {
      if (!row.error) s.missing++
      continue
    }
    if (rr.status === 'error') s.ruleErrors++
    const flagged = FLAGGED.has(rr.status)
    const ff = flaggedFindings(rr)
    s.flaggedFindings += ff.length
    if (j.problem) s.trueFindings += ff.filter((f) => onProblemFile(f, j.files ?? [])).length
    if (j.problem) {
      s.problems++
      if (flagged) s.caught++
      else miss.push({ row, rr, j })
    } else {
      s.allSafe++
      if (flagged) s.allFalseAlarms++
      if (j.in_area) {
        s.inAreaSafe++
        if (flagged) {
          s.falseAlarms++
          fa.push({ row, rr, j, ff })
        }
      } else if (flagged) fa.push({ row, rr, j, ff, outOfArea: true })
    }
  }
  return { s, fa, miss }
}

const tableRow = (label, s) => [
  label,
  String(s.inAreaSafe),
  String(s.falseAlarms),
  pct(s.falseAlarms, s.inAreaSafe),
  `${s.allFalseAlarms}/${s.allSafe} ${pct(s.allFalseAlarms, s.allSafe)}`,
  String(s.problems),
  String(s.caught),
  pct(s.caught, s.problems),
  `${s.trueFindings}/${s.flaggedFindings} ${pct(s.trueFindings, s.flaggedFindings)}`,
  `${s.crashes}+${s.ruleErrors}`,
]

for (const id of rules) {
  const { s, fa, miss } = tally(id, results)
  summary[id] = s
  if (sets.length > 1) {
    s.sets = {}
    for (const set of sets) {
      const t = tally(id, results.filter((r) => r.set === set)).s
      s.sets[set] = t
      if (t.inAreaSafe + t.problems + t.allSafe) table.push(tableRow(`${id} (${set})`, t))
    }
    table.push(tableRow(`${id} (all)`, s))
  } else table.push(tableRow(sets.length ? `${id}${sets[0] === 'tuning' ? '' : ` (${sets[0]})`}` : id, s))
  lists.push({ id, fa, miss })
}

const walls = results.filter((r) => r.ms !== undefined).map((r) => r.ms)
const head = ['rule', 'in-area safe', 'false alarms', 'FA rate', 'FA all safe', 'problems', 'caught', 'recall', 'finding precision', 'errors (run+rule)']
const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)))
const line = (cells) => '| ' + cells.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |'
const out = []
out.push(`${results.length} commits from ${corpora.length} repositories; bundle ${bundle}`)
out.push(line(head))
out.push('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|')
for (const r of table) out.push(line(r))
out.push(`wall time per gate run: median ${secs(median(walls))}, max ${secs(walls.length ? Math.max(...walls) : undefined)} (${walls.length} runs)`)
const crashed = results.filter((r) => r.error)
if (crashed.length) {
  out.push('', `errors / crashes (${crashed.length}):`)
  for (const r of crashed) out.push(`  ${r.repo} ${r.sha.slice(0, 12)} ${r.error}`)
}
const fmtFinding = (f) => `      - ${f.code ?? '?'} ${f.path ?? '(no path)'}${f.line ? `:${f.line}` : ''} [${f.level ?? ''}${f.kind && f.kind !== 'violation' ? ' ' + f.kind : ''}] ${String(f.message).split('\n')[0].slice(0, 160)}`
for (const { id, fa, miss } of lists) {
  out.push('', `## ${id}: false alarms (${fa.filter((x) => !x.outOfArea).length} in area, ${fa.filter((x) => x.outOfArea).length} out of area)`)
  for (const { row, rr, j, ff, outOfArea } of fa) {
    out.push(`  ${row.repo} ${row.sha.slice(0, 12)} ${rr.status}${outOfArea ? ' (out of area)' : ''}${row.set !== 'tuning' ? ` [${row.set}]` : ''} — ${row.subject.slice(0, 80)}`)
    out.push(`    judged safe: ${j.reason}`)
    if (rr.error) out.push(`    rule error: ${rr.error}`)
    for (const f of ff) out.push(fmtFinding(f))
  }
  out.push('', `## ${id}: misses (${miss.length})`)
  for (const { row, rr, j } of miss) {
    out.push(`  ${row.repo} ${row.sha.slice(0, 12)} ${rr.status}${row.set !== 'tuning' ? ` [${row.set}]` : ''} — ${row.subject.slice(0, 80)}`)
    out.push(`    judged problem (${(j.files ?? []).join(', ')}): ${j.reason}`)
    for (const f of rr.findings ?? []) out.push(fmtFinding(f))
  }
}
process.stdout.write(out.join('\n') + '\n')

if (opts.json) {
  writeFileSync(resolve(opts.json), JSON.stringify({ bundle, rules, summary, wall: { median: median(walls), max: walls.length ? Math.max(...walls) : undefined }, results }, null, 2) + '\n')
  process.stderr.write(`wrote ${resolve(opts.json)}\n`)
}
