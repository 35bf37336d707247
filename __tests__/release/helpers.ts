/**
 * A release range seeded in the fake GitHub: a deployment of BASE to `production`, four merged PRs
 * (gate passed, gate failed, no gate result, a dangerous migration) and one direct commit between BASE
 * and HEAD, as the compare, commits/{sha}/pulls, check-runs and deployments endpoints answer them.
 */
import type { CheckRunRecord, FakeGitHub } from '../helpers/github-server.js'

export const BASE = 'a'.repeat(40)
export const HEAD = 'f'.repeat(40)
export const ENV = 'production'
const sha = (c: string) => c.repeat(40)

export const MIGRATION = 'db/migration/V12__drop_legacy.sql'
export const MIGRATION_SQL = 'ALTER TABLE users DROP COLUMN legacy;\n'

/** A completed check run of the gate on `headSha` (as the Action or the App would have created it). */
export function addGateRun(
  server: FakeGitHub,
  headSha: string,
  conclusion: string,
  title = conclusion === 'success' ? 'all 6 rules passed' : '1 failed: pr-size',
  name = 'quality-gate',
  createdBy = 'github-actions[bot]',
  app?: CheckRunRecord['app'],
): CheckRunRecord {
  const run: CheckRunRecord = {
    id: 3_100_000_000 + server.state.checkRuns.length,
    repo: 'acme/service',
    name,
    headSha,
    status: 'completed',
    conclusion,
    detailsUrl: null,
    externalId: null,
    startedAt: '2024-05-01T10:00:00Z',
    completedAt: '2024-05-01T10:01:00Z',
    output: { title, summary: '', text: '' },
    annotations: [],
    createdBy,
    ...(app ? { app } : {}),
    updates: 0,
  }
  server.state.checkRuns.push(run)
  return run
}

export interface ReleaseSeed {
  /** Gate of PR #12 (default failure). */
  failedConclusion?: string
  /** Labels of the migration PR #14 (default none). */
  migrationLabels?: string[]
  /** Gate of #13 (default none). */
  missingGate?: boolean
  /** Include the direct commit (default true). */
  direct?: boolean
  /** Policy at BASE (default: none → embedded default). */
  policy?: string
  /** Only PRs with these numbers. */
  only?: number[]
  /** Who added the approval labels of #14 (GitHub's `labeled` event; default `maintainer`, a maintainer). */
  approvedBy?: string
  /** Who created the gate's check runs (default the workflow token, github-actions[bot]; the App: pr-quality-gate[bot]). */
  gateCreator?: string
}

export function seedRelease(server: FakeGitHub, s: ReleaseSeed = {}): void {
  server.addRepo({ owner: 'acme', name: 'service' })
  server.addDeployment({
    sha: sha('9'),
    environment: ENV,
    createdAt: '2024-04-01T00:00:00Z',
    statuses: [{ state: 'success' }, { state: 'inactive' }],
  })
  server.addDeployment({
    sha: BASE,
    environment: ENV,
    createdAt: '2024-05-01T00:00:00Z',
    statuses: [{ state: 'in_progress' }, { state: 'success' }],
  })
  server.addDeployment({ sha: sha('e'), environment: 'staging', createdAt: '2024-05-02T00:00:00Z', statuses: [{ state: 'success' }] })
  server.addDeployment({ sha: sha('d'), environment: ENV, createdAt: '2024-05-03T00:00:00Z', statuses: [{ state: 'failure' }] })
  server.setTree(BASE, s.policy ? { '.github/quality-gate.yml': s.policy } : {})
  server.setTree(HEAD, { [MIGRATION]: MIGRATION_SQL, 'src/app.ts': 'export const a = 2\n' })
  const prs = [
    {
      number: 11,
      title: 'Tidy logging',
      head: sha('1'),
      merge: sha('b'),
      files: [{ filename: 'src/log.ts', additions: 3, deletions: 1, patch: '@@ -1 +1,3 @@\n-a\n+b\n+c\n+d' }],
    },
    {
      number: 12,
      title: 'Big refactor',
      head: sha('2'),
      merge: sha('c'),
      files: [{ filename: 'src/app.ts', additions: 1, deletions: 1, patch: '@@ -1 +1 @@\n-a\n+b' }],
    },
    {
      number: 13,
      title: 'Hotfix merged without the gate',
      head: sha('3'),
      merge: sha('4'),
      files: [{ filename: 'src/fix.ts', additions: 1, deletions: 0, patch: '@@ -0,0 +1 @@\n+x' }],
    },
    {
      number: 14,
      title: 'Drop the legacy column',
      head: sha('5'),
      merge: sha('6'),
      labels: s.migrationLabels ?? [],
      files: [
        {
          filename: MIGRATION,
          status: 'added' as const,
          additions: 1,
          deletions: 0,
          patch: '@@ -0,0 +1 @@\n+ALTER TABLE users DROP COLUMN legacy;',
        },
      ],
    },
  ].filter((p) => !s.only || s.only.includes(p.number))
  const direct = s.direct !== false
  for (const [i, p] of prs.entries()) {
    // Without a direct commit, the candidate HEAD is the last PR's commit (e.g. a rebase merge).
    const last = !direct && i === prs.length - 1
    server.addPullRequest({
      number: p.number,
      title: p.title,
      labels: 'labels' in p ? p.labels : [],
      base: { ref: 'main', sha: BASE },
      head: { ref: `feature-${p.number}`, sha: p.head },
      files: p.files,
      commits: [{ sha: p.head, message: p.title }, ...(last ? [{ sha: HEAD, message: p.title }] : [])],
      mergedAt: `2024-05-0${p.number - 9}T12:00:00Z`,
      mergeCommitSha: p.merge,
      ...(s.approvedBy ? { labeledBy: s.approvedBy } : {}),
    })
  }
  // An open, unmerged PR whose head commit is also in the range must not count.
  if (!s.only)
    server.addPullRequest({
      number: 20,
      title: 'Open PR',
      base: { ref: 'main', sha: BASE },
      head: { ref: 'wip', sha: sha('7') },
      commits: [{ sha: sha('b') }],
    })
  const by = s.gateCreator ?? 'github-actions[bot]'
  if (prs.some((p) => p.number === 11)) addGateRun(server, sha('1'), 'success', undefined, undefined, by)
  if (prs.some((p) => p.number === 12)) addGateRun(server, sha('2'), s.failedConclusion ?? 'failure', '1 failed: pr-size', undefined, by)
  if (prs.some((p) => p.number === 13) && s.missingGate === false) addGateRun(server, sha('3'), 'success', undefined, undefined, by)
  if (prs.some((p) => p.number === 14)) addGateRun(server, sha('5'), 'success', 'waived: migration-safety', undefined, by)
  // Another app's check of the same head is not the gate.
  addGateRun(server, sha('3'), 'success', 'lint ok', 'lint')

  const commits = prs.map((p) => ({ sha: p.merge, message: `${p.title} (#${p.number})` }))
  // The candidate: a version bump pushed directly on main (or, without it, the last PR's commit).
  commits.push({ sha: HEAD, message: direct ? 'Bump version directly on main' : 'Release candidate' })
  const files = prs.flatMap((p) => p.files)
  server.addComparison({ base: BASE, head: HEAD, commits, files })
}
