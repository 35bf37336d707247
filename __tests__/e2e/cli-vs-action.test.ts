/**
 * One change, two surfaces: the CLI reads it from a real git repository, the Action from the (fake,
 * OpenAPI-validated) GitHub API seeded from that same repository: the PR's file list with git's own
 * patches and statuses, and the trees at the base and head commits. Both run the real bundle; every rule
 * must come to the same status with the same findings (code, level, file, line). A difference means the
 * two change-set builders (src/change/git.ts and src/github/source.ts) disagree about the change.
 */
import { readFileSync } from 'node:fs'
import { useFakeGitHub } from '../helpers/use-fake-github.js'
import type { FakeGitHub, PullFileInput } from '../helpers/github-server.js'
import { TempRepo, lines } from '../helpers/git-repo.js'
import { pullRequestEvent, runAction } from '../helpers/run-action.js'
import { noStackTrace } from './helpers.js'

let server: FakeGitHub
useFakeGitHub((s) => (server = s))

interface ReportRule {
  id: string
  status: string
  findings: Array<{ code?: string; level: string; path?: string; line?: number; endLine?: number; kind?: string }>
}

/** The PR's files as GitHub lists them, from git: status, previous name, counts, the patch's hunks. */
function pullFiles(repo: TempRepo, base: string, head: string): PullFileInput[] {
  const statuses = repo.git('diff', '--name-status', '-M', base, head).trim().split('\n')
  // --numstat -z: "added\tdeleted\tpath\0", or for a rename "added\tdeleted\t\0old\0new\0"; "-" for binary
  const counts = new Map<string, [string, string]>()
  const parts = repo.git('diff', '--numstat', '-M', '-z', base, head).split('\0')
  for (let i = 0; i < parts.length; i++) {
    if (!parts[i]) continue
    const [a, d, path] = parts[i].split('\t')
    if (path) counts.set(path, [a, d])
    else {
      i += 2
      counts.set(parts[i], [a, d])
    }
  }
  return statuses.map((l) => {
    const [code, a, b] = l.split('\t')
    const status = code.startsWith('R') ? 'renamed' : code === 'A' ? 'added' : code === 'D' ? 'removed' : 'modified'
    const filename = b ?? a
    const [add, del] = counts.get(filename) ?? ['0', '0']
    const binary = add === '-'
    const diff = repo.git('diff', '-M', base, head, '--', ...(b ? [a, b] : [a]))
    const at = diff.indexOf('\n@@')
    return {
      filename,
      status,
      ...(b ? { previous_filename: a } : {}),
      additions: binary ? 0 : Number(add),
      deletions: binary ? 0 : Number(del),
      ...(binary || at < 0 ? {} : { patch: diff.slice(at + 1).replace(/\n$/, '') }),
    } as PullFileInput
  })
}

function treeAt(repo: TempRepo, sha: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const p of repo.git('ls-tree', '-r', '--name-only', sha).trim().split('\n')) {
    if (p.endsWith('.png')) continue
    out[p] = repo.git('show', `${sha}:${p}`)
  }
  return out
}

const comparable = (rules: ReportRule[]) =>
  Object.fromEntries(
    rules
      // dependencies: the Action also asks GitHub's dependency review, which the CLI cannot reach
      .filter((r) => r.id !== 'dependencies')
      .map((r) => [
        r.id,
        {
          status: r.status,
          findings: r.findings
            .filter((f) => f.kind !== 'info')
            .map((f) => [f.code, f.level, f.path ?? '', f.line ?? 0, f.endLine ?? 0].join(' '))
            .sort(),
        },
      ]),
  )

/** Runs the change base..head (checked out at head) through the CLI and through the Action. */
async function bothWays(
  repo: TempRepo,
  base: string,
  head: string,
  body: string,
  prNumber: number,
  labels: string[] = [],
): Promise<{
  fromGit: { conclusion: string; rules: ReportRule[] }
  fromApi: { conclusion: string; rules: ReportRule[] }
  files: PullFileInput[]
}> {
  const cli = repo.cli(
    'check',
    '--base',
    'main',
    '--committed',
    '--format',
    'json',
    '--body',
    body,
    ...labels.flatMap((l) => ['--label', l]),
  )
  expect(cli.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
  const fromGit = JSON.parse(cli.stdout) as { conclusion: string; rules: ReportRule[] }
  server.setTree(base, treeAt(repo, base))
  server.setTree(head, treeAt(repo, head))
  const files = pullFiles(repo, base, head)
  const pr = server.addPullRequest({
    number: prNumber,
    title: 'Change',
    body,
    labels,
    base: { ref: 'main', sha: base },
    head: { ref: 'feature', sha: head },
    files,
  })
  // the checkout is the workspace: report files (coverage) are read from it on both sides
  const r = await runAction({
    server,
    event: pullRequestEvent(pr, 'synchronize', server),
    inputs: { token: server.token },
    workspace: repo.dir,
  })
  noStackTrace(r)
  const fromApi = JSON.parse(readFileSync(r.outputs.report, 'utf8')) as { conclusion: string; rules: ReportRule[] }
  return { fromGit, fromApi, files }
}

/** A fresh repository for one scenario, removed afterwards. */
async function inRepo(scenario: (repo: TempRepo) => Promise<void>): Promise<void> {
  const repo = new TempRepo()
  try {
    await scenario(repo)
  } finally {
    repo.remove()
  }
}

/** Both surfaces reached the same verdict: rule by rule, finding by finding, and the conclusion. */
function expectSameVerdict(
  fromGit: { conclusion: string; rules: ReportRule[] },
  fromApi: { conclusion: string; rules: ReportRule[] },
): void {
  expect(comparable(fromApi.rules)).toEqual(comparable(fromGit.rules))
  expect(fromApi.conclusion).toBe(fromGit.conclusion)
}

test(
  'the CLI on git and the Action on the API give the same verdict for the same change',
  () =>
    inRepo(async (repo) => {
      const base = repo.commit('base', {
        '.gitattributes': 'gen/** linguist-generated=true\n',
        'services/payments/src/pay.ts': lines(30, 'const pay'),
        'services/payments/src/old-name.ts': lines(12, 'const moved'),
        'services/payments/src/gone.ts': lines(5, 'const gone'),
        'deploy/k8s/payments.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: payments\nspec:\n  replicas: 2\n',
        'db/migrations/V1__init.sql': 'CREATE TABLE payments (id bigint PRIMARY KEY);\n',
        'package-lock.json': '{\n  "lockfileVersion": 3\n}\n',
        'README.md': '# service\n',
      })
      repo.git('checkout', '-q', '-b', 'feature')
      repo.git('mv', 'services/payments/src/old-name.ts', 'services/payments/src/new-name.ts')
      repo.git('rm', '-q', 'services/payments/src/gone.ts')
      const head = repo.commit('change', {
        'services/payments/src/pay.ts':
          lines(10, 'const pay') + 'const timeout = process.env.PAYMENTS_TIMEOUT_MS\n' + lines(20, 'const more'),
        'services/payments/src/new-name.ts': lines(12, 'const moved') + 'export const extra = 1\n',
        'deploy/k8s/payments.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: payments\nspec:\n  replicas: 4\n',
        'db/migrations/V2__orders.sql':
          '-- orders\nCREATE INDEX payments_created_idx ON payments (created_at);\nALTER TABLE payments ADD COLUMN status text NOT NULL;\nALTER TABLE payments RENAME COLUMN id TO payment_id; -- quality-gate: ignore rename-column nothing reads it yet\n',
        'db/migrations/V1__init.sql': 'CREATE TABLE payments (id bigint PRIMARY KEY, note text);\n',
        'gen/client.ts': lines(400, 'export const generated'),
        'package-lock.json': '{\n  "lockfileVersion": 3,\n  "packages": {}\n}\n',
        'assets/logo.png': Buffer.from([
          0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0xff, 0, 0x10,
        ]),
      })
      const body = 'Adds an orders index.'

      const { fromGit, fromApi, files } = await bothWays(repo, base, head, body, 12)
      expect(files.map((f) => [f.status, f.filename]).sort()).toEqual(
        [
          ['added', 'assets/logo.png'],
          ['added', 'db/migrations/V2__orders.sql'],
          ['added', 'gen/client.ts'],
          ['modified', 'db/migrations/V1__init.sql'],
          ['modified', 'deploy/k8s/payments.yaml'],
          ['modified', 'package-lock.json'],
          ['modified', 'services/payments/src/pay.ts'],
          ['removed', 'services/payments/src/gone.ts'],
          ['renamed', 'services/payments/src/new-name.ts'],
        ].sort(),
      )

      // the scenario exercises what it means to: several rules fail, with findings on lines
      expect(fromGit.conclusion).toBe('failure')
      expect(comparable(fromGit.rules)['migration-safety'].findings.length).toBeGreaterThanOrEqual(3)
      expectSameVerdict(fromGit, fromApi)
    }),
  60_000,
)

test(
  'the same for a critical area: tests-changed and diff coverage of the changed lines from an lcov report',
  () =>
    inRepo(async (repo) => {
      const policy = [
        'extends: default',
        'rules:',
        '  critical-path-tests:',
        '    areas:',
        '      - name: payments',
        '        include: ["services/payments/**"]',
        '        tests: ["services/payments/**/*.test.ts"]',
        '        min_diff_coverage: 80',
        '    coverage: ["coverage/lcov.info"]',
        '',
      ].join('\n')
      const charge = (v: string) =>
        Array.from({ length: 40 }, (_, i) => (i >= 10 && i < 20 ? `  total += ${v}${i}` : `  step(${i})`)).join('\n') + '\n'
      const base = repo.commit('base', {
        '.github/quality-gate.yml': policy,
        'services/payments/src/charge.ts': charge('a'),
        'services/payments/src/refund.ts': lines(10, 'refund'),
      })
      repo.git('checkout', '-q', '-b', 'feature')
      const head = repo.commit('change', {
        'services/payments/src/charge.ts': charge('b').replace('  step(30)\n', '  step(30)\n  audit()\n  audit()\n'),
        'services/payments/src/refund.ts': lines(10, 'refund') + 'export const refundLimit = 3\n',
      })
      // coverage of the head: lines 11-15 hit, 16-20 and the audit lines (32, 33) not; refund.ts not measured
      const da = Array.from(
        { length: 43 },
        (_, i) => `DA:${i + 1},${i + 1 >= 16 && i + 1 <= 20 ? 0 : i + 1 === 32 || i + 1 === 33 ? 0 : 1}`,
      )
      repo.write({ 'coverage/lcov.info': ['TN:', 'SF:services/payments/src/charge.ts', ...da, 'end_of_record', ''].join('\n') })

      const { fromGit, fromApi } = await bothWays(repo, base, head, 'Charge totals.', 13)
      const area = comparable(fromGit.rules)['critical-path-tests']
      expect(area.status).toBe('fail')
      expect(area.findings.join('\n')).toMatch(/services\/payments\/src\/charge\.ts 16 20/)
      expectSameVerdict(fromGit, fromApi)
    }),
  60_000,
)

test(
  'the same for a waiver (label + reasoned PR-body line) and a runbook opt-out',
  () =>
    inRepo(async (repo) => {
      const base = repo.commit('base', {
        'deploy/k8s/api.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 2\n',
        'src/api.ts': lines(5, 'const api'),
      })
      repo.git('checkout', '-q', '-b', 'feature')
      const head = repo.commit('change', {
        'deploy/k8s/api.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 3\n',
        'db/migrations/V7__drop.sql': 'ALTER TABLE sessions DROP COLUMN legacy_token;\n',
        'src/api.ts': lines(5, 'const api') + 'export const region = process.env.API_REGION\n',
      })
      const body =
        'Drops a dead column.\n\ngate-waive:migration-safety column unused since v2.3, checked in the query log\nRunbook: not needed — replicas only, the alert thresholds do not change\n'
      const { fromGit, fromApi } = await bothWays(repo, base, head, body, 14, ['gate-waive:migration-safety'])
      const statusOf = (rules: ReportRule[]) => Object.fromEntries(rules.map((r) => [r.id, r.status]))
      // the waiver and the opt-out are honoured on both sides, and the same way
      expect(statusOf(fromGit.rules)['migration-safety']).toMatch(/waived/)
      expect(statusOf(fromGit.rules)['runbook']).toBe('pass')
      expectSameVerdict(fromGit, fromApi)
      expect(statusOf(fromApi.rules)).toEqual(statusOf(fromGit.rules))
    }),
  60_000,
)
