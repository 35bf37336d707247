#!/usr/bin/env node
/**
 * The next commits to judge for a new held-out set: per repository, the N newest first-parent commits of the
 * mirror's default branch that touch migration files (`--rule runbook`: any file of the three microservice
 * repositories, polar's Terraform, infra and workflows) and are not listed in the corpus yet. No other filter
 * (release merges and big deletions are in), and the gate is never run: judge them from the diff first,
 * commit the judgements, then run `run.mjs --set <name>`.
 *
 *   node bench/real-history/candidates.mjs --mirrors ~/mirrors [--rule runbook] [--per 8] [--repo owner/name]...
 *
 * Prints, per repository, `sha date subject [files changed, migration files]`.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

/** Where each corpus repository keeps its migrations (a path prefix, and a test for a migration file). */
const LAYOUTS = {
  'ory/kratos': { under: ['persistence/sql/migrations/'], is: (f) => f.startsWith('persistence/sql/migrations/') },
  'goharbor/harbor': { under: ['make/migrations/postgresql/'], is: (f) => f.startsWith('make/migrations/postgresql/') },
  'openstreetmap/openstreetmap-website': { under: ['db/migrate/'], is: (f) => f.startsWith('db/migrate/') },
  'netbox-community/netbox': { under: ['netbox/'], is: (f) => /\/migrations\/\d{4}_.*\.py$/.test(f) },
  'polarsource/polar': { under: ['server/migrations/versions/'], is: (f) => f.startsWith('server/migrations/versions/') },
}

/** Runbook: every commit of the microservice demos is a question (does it need a runbook change?); polar's ops paths. */
const RUNBOOK_LAYOUTS = {
  'open-telemetry/opentelemetry-demo': { under: [], is: () => true },
  'aws-containers/retail-store-sample-app': { under: [], is: () => true },
  'GoogleCloudPlatform/microservices-demo': { under: [], is: () => true },
  'polarsource/polar': {
    under: ['terraform/', 'infra/', '.github/workflows/'],
    is: (f) => /^(terraform|infra|\.github\/workflows)\//.test(f),
  },
}

const { values: opts } = parseArgs({
  options: {
    mirrors: { type: 'string' },
    per: { type: 'string', default: '8' },
    repo: { type: 'string', multiple: true, default: [] },
    rule: { type: 'string', default: 'migration-safety' },
  },
})
if (!opts.mirrors) {
  process.stderr.write('usage: candidates.mjs --mirrors DIR [--per N] [--repo owner/name]...\n')
  process.exit(2)
}
const per = Number(opts.per)
const corpusDir = join(import.meta.dirname, 'corpus')
for (const [repo, layout] of Object.entries(opts.rule === 'runbook' ? RUNBOOK_LAYOUTS : LAYOUTS)) {
  if (opts.repo.length && !opts.repo.includes(repo)) continue
  const listed = new Set(JSON.parse(readFileSync(join(corpusDir, `${repo.replace('/', '__')}.json`), 'utf8')).commits.map((k) => k.sha))
  const gitDir = join(opts.mirrors, repo.replace('/', '+'), 'repo')
  const git = (...args) => execFileSync('git', ['--git-dir', gitDir, ...args], { maxBuffer: 1 << 26, encoding: 'utf8' })
  const log = git('log', '--first-parent', '--format=%H %cs %s', '-n', '5000', 'HEAD', '--', ...layout.under).trim().split('\n')
  const out = []
  for (const line of log) {
    if (out.length >= per) break
    const sha = line.slice(0, 40)
    if (listed.has(sha)) continue
    let files
    try {
      files = git('diff', '--name-only', `${sha}^1`, sha).trim().split('\n')
    } catch {
      out.push(`# ${sha} skipped: the mirror lacks a blob its diff needs`)
      continue
    }
    const migrations = files.filter(layout.is)
    if (migrations.length) out.push(`${line} [${files.length} files, ${migrations.length} ${opts.rule === 'runbook' ? 'in area' : 'migration files'}]`)
  }
  process.stdout.write(`## ${repo}\n${out.join('\n')}\n`)
}
