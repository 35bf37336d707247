/**
 * Issue 15: the exact API call sequence of a run, through the bundle against the validating fake GitHub.
 * File contents the rules need are read in GraphQL batches planned once per run (src/github/contents.ts),
 * the first batch being the query that also reads the policy, `.gitattributes` and the comments; the file
 * list's pages after the first are fetched concurrently. Same verdicts as reading file by file.
 */
import { readFileSync } from 'node:fs'
import { type FakeGitHub, type PullFileInput, type RecordedRequest } from '../helpers/github-server.js'
import { lineFiles, noStackTrace, runActionOnPr, seedPr } from './helpers.js'
import { useFakeGitHub } from '../helpers/use-fake-github.js'
import type { RunActionResult } from '../helpers/run-action.js'

let server: FakeGitHub
useFakeGitHub((s) => (server = s))

/** The run's calls as `operationId` (GraphQL: `graphql`), in the order the server received them. */
const sequence = (rs: RecordedRequest[]): string[] =>
  rs.map((q) =>
    q.operationId === 'repos/get-content'
      ? `${q.operationId} ${decodeURIComponent(q.path.replace(/^.*?\/contents\//, ''))}@${q.query.ref?.slice(0, 1)}`
      : (q.operationId ?? `${q.method} ${q.path}`),
  )
const log = (name: string) => {
  const seq = sequence(server.requests)
  const runs: string[] = []
  for (const op of seq) {
    const last = runs[runs.length - 1]
    const m = last ? /^(.*?)(?: ×(\d+))?$/.exec(last) : null
    if (m && m[1] === op) runs[runs.length - 1] = `${op} ×${Number(m[2] ?? 1) + 1}`
    else runs.push(op)
  }
  console.log(`${name}: ${seq.length} calls ${JSON.stringify(seq.slice(-6))}\n  ${runs.join('\n  ')}`)
}

function ruleStatus(r: RunActionResult, id: string): string | undefined {
  const report = JSON.parse(readFileSync(r.outputs.report, 'utf8')) as { rules: Array<{ id: string; status: string }> }
  return report.rules.find((x) => x.id === id)?.status
}

const added = (filename: string, text: string): PullFileInput => ({
  filename,
  status: 'added',
  additions: text.split('\n').length,
  deletions: 0,
  patch:
    `@@ -0,0 +1,${text.split('\n').length} @@\n` +
    text
      .split('\n')
      .map((l) => `+${l}`)
      .join('\n'),
})

describe('a 40-file PR with 2 SQL migrations and a config file', () => {
  const V1 = 'CREATE TABLE orders (id bigint PRIMARY KEY, total numeric NOT NULL);'
  const V2 = 'CREATE INDEX users_email ON users (email);'
  const VALUES_BASE = 'replicaCount: 2\nimage:\n  repository: acme/service\n  tag: "1.4.0"\n'
  const VALUES_HEAD = 'replicaCount: 2\nimage:\n  repository: acme/service\n  tag: "1.4.0"\nresources:\n  limits:\n    memory: 512Mi\n'
  function seed() {
    const files: PullFileInput[] = [
      ...lineFiles(37),
      added('db/migrations/V1__orders.sql', V1),
      added('db/migrations/V2__orders_total.sql', V2),
      {
        filename: 'deploy/helm/values.yaml',
        status: 'modified',
        additions: 3,
        deletions: 0,
        patch: '@@ -3,2 +3,5 @@\n   repository: acme/service\n   tag: "1.4.0"\n+resources:\n+  limits:\n+    memory: 512Mi',
      },
    ]
    return seedPr(server, {
      files,
      base: { 'deploy/helm/values.yaml': VALUES_BASE, 'deploy/helm/Chart.yaml': 'name: service\nversion: 1.0.0\n' },
      head: {
        'db/migrations/V1__orders.sql': V1,
        'db/migrations/V2__orders_total.sql': V2,
        'deploy/helm/values.yaml': VALUES_HEAD,
        'deploy/helm/Chart.yaml': 'name: service\nversion: 1.0.0\n',
      },
    })
  }

  it('first run and re-run', async () => {
    const pr = seed()
    const r = await runActionOnPr(server, pr)
    noStackTrace(r)
    log('40 files, first run')
    // before issue 15: 26 (one REST read per migration, dialect sibling, values.yaml side and Chart.yaml)
    // Issue 18's records of who waived what (the rules fail and warn) ride on the first query: no extra call.
    expect(sequence(server.requests)).toEqual([
      'pulls/list-files',
      'graphql',
      'checks/create',
      'issues/create-comment',
      'issues/list-comments',
    ])
    expect(ruleStatus(r, 'migration-safety')).toBe('fail') // CREATE INDEX without CONCURRENTLY
    expect(ruleStatus(r, 'runbook')).toBe('warn')
    server.requests.length = 0
    const again = await runActionOnPr(server, pr)
    log('40 files, re-run')
    expect(sequence(server.requests)).toEqual(['pulls/list-files', 'graphql', 'checks/create', 'issues/update-comment']) // before: 25
    expect(again.outputs.conclusion).toBe(r.outputs.conclusion)
  })
})

describe('100 Rails migrations in one PR', () => {
  const migration = (i: number) =>
    `class AddColumn${i}ToUsers < ActiveRecord::Migration[7.1]\n  def change\n    add_column :users, :field_${i}, :string\n  end\nend\n`
  const path = (i: number) => `db/migrate/2024010100${String(i).padStart(4, '0')}_add_column_${i}_to_users.rb`
  function seed() {
    const head: Record<string, string> = {
      'config/database.yml': 'production:\n  adapter: postgresql\n',
      'db/schema.rb': 'ActiveRecord::Schema[7.1].define(version: 1) do\n  create_table "users" do |t|\n    t.string "name"\n  end\nend\n',
    }
    const files: PullFileInput[] = []
    for (let i = 0; i < 100; i++) {
      head[path(i)] = migration(i)
      files.push(added(path(i), migration(i).trimEnd()))
    }
    return seedPr(server, {
      files,
      base: { 'config/database.yml': head['config/database.yml'], 'db/schema.rb': head['db/schema.rb'] },
      head,
    })
  }

  it('first run', async () => {
    const pr = seed()
    const r = await runActionOnPr(server, pr)
    noStackTrace(r)
    log('100 Rails migrations, first run')
    // before: 107. 109 planned files (100 migrations, config/database.yml and Gemfile at both sides, schema.rb)
    // make two batches of at most 100: the first rides on the policy query.
    expect(sequence(server.requests)).toEqual([
      'pulls/list-files',
      'graphql',
      'graphql',
      'checks/create',
      'issues/create-comment',
      'issues/list-comments',
    ]) // pr-size fails: its waiver records came with the first query
    expect(ruleStatus(r, 'migration-safety')).toBe('pass')
  }, 60_000)
})

describe('a PR at and over the 3,000-file cap, with a config file in every 20', () => {
  const values = (i: number, tag: string) =>
    `replicaCount: 2\nimage:\n  repository: acme/svc${i}\n  tag: "${tag}"\nresources:\n  limits:\n    memory: ${tag === '1.0.0' ? 256 : 512}Mi\n`
  function seed(n: number) {
    const base: Record<string, string> = {}
    const head: Record<string, string> = {}
    const files: PullFileInput[] = lineFiles(n, 1)
    for (let i = 0; i < n; i += 20) {
      const path = `deploy/svc${i}/values.yaml`
      base[path] = values(i, '1.0.0')
      head[path] = values(i, '1.1.0')
      files[i] = {
        filename: path,
        status: 'modified',
        additions: 2,
        deletions: 2,
        patch: '@@ -4,4 +4,4 @@\n-  tag: "1.0.0"\n+  tag: "1.1.0"\n resources:\n   limits:\n-    memory: 256Mi\n+    memory: 512Mi',
      }
    }
    return seedPr(server, { files, base, head })
  }

  it.each([3000, 3500])(
    '%i files',
    async (n) => {
      const pr = seed(n)
      const r = await runActionOnPr(server, pr)
      noStackTrace(r)
      log(`${n} files, first run`)
      expect(server.count('pulls/list-files')).toBe(30)
      // before: 434 / 435 (one REST read per values.yaml side and Chart.yaml). Now the runbook's plan (400
      // reads, its max_file_reads) is 4 batches of 100, the first on the policy query.
      // The rules fail: the waiver records (issue 18) came with the first query. 30 pages + 5 queries + 3.
      expect(server.requests.length).toBe(n > 3000 ? 39 : 38) // 3,500: + dependency-graph/diff-range (a lock file past the cap)
      expect(server.count('graphql')).toBe(5) // + one batch of reads the rule made beyond its plan
      expect(server.count('repos/get-content')).toBe(0)
      expect(sequence(server.requests).slice(-3)).toEqual(['checks/create', 'issues/create-comment', 'issues/list-comments'])
      expect(ruleStatus(r, 'runbook')).toBe('warn')
      if (n > 3000)
        expect(server.commentsOn(7)[0].body).toContain(`Partial evaluation: GitHub lists at most 3,000 files and this change has 3,500`)
    },
    90_000,
  )
})
