/**
 * A real git repository with known merges over four ISO weeks (2026-W10 … W13), for the trend report:
 * merge commits, a squash merge, a direct push, a week without merges.
 */
import { execFileSync } from 'node:child_process'
import { lines, TempRepo } from '../helpers/git-repo.js'

export const POLICY = `extends: default
rules:
  pr-size: { level: warn, warn_lines: 400, fail_lines: 1000 }
  critical-path-tests:
    level: fail
    areas:
      - name: payments
        include: ['src/payments/**']
        tests: ['test/payments/**']
        require: ['tests-changed']
  migration-safety: { level: fail }
  runbook: { level: warn }
`

export const OPT_OUT_REASON = 'the image only packages the existing service, no operational change'

/**
 * Runs `f` with git's author and committer dates set to `iso`. Through the child's environment: jest gives
 * the test its own copy of process.env, which child_process does not see.
 */
function at<T>(repo: TempRepo, iso: string, f: (git: (...args: string[]) => string) => T): T {
  const env = { ...process.env, GIT_AUTHOR_DATE: iso, GIT_COMMITTER_DATE: iso }
  return f((...args) => execFileSync('git', args, { cwd: repo.dir, encoding: 'utf8', env }))
}

function commit(repo: TempRepo, iso: string, message: string, files: Record<string, string>): string {
  return at(repo, iso, (git) => {
    repo.write(files)
    git('add', '-A')
    git('commit', '-q', '--allow-empty', '-m', message)
    return git('rev-parse', 'HEAD').trim()
  })
}

/** A feature branch with one commit, merged with --no-ff as GitHub's merge button does (its title, then the body). */
function mergePr(repo: TempRepo, n: number, iso: string, files: Record<string, string>, body = ''): string {
  repo.git('checkout', '-q', '-b', `pr-${n}`)
  commit(repo, iso, `change ${n}`, files)
  repo.git('checkout', '-q', 'main')
  return at(repo, iso, (git) => {
    git(
      'merge',
      '-q',
      '--no-ff',
      `pr-${n}`,
      '-m',
      `Merge pull request #${n} from dev/pr-${n}`,
      '-m',
      `Change ${n}`,
      ...(body ? ['-m', body] : []),
    )
    return git('rev-parse', 'HEAD').trim()
  })
}

export function trendRepo(policy = POLICY): TempRepo {
  const repo = new TempRepo()
  commit(repo, '2026-02-20T10:00:00Z', 'initial', { '.github/quality-gate.yml': policy, 'README.md': '# app\n', 'src/payments/.keep': '' })
  // W10 (2026-03-02 … 03-08)
  mergePr(repo, 1, '2026-03-03T10:00:00Z', { 'src/a.ts': lines(100), 'package-lock.json': lines(5000) })
  mergePr(repo, 2, '2026-03-04T10:00:00Z', { 'src/b.ts': lines(500) })
  commit(repo, '2026-03-05T10:00:00Z', 'Add payments (#3)', { 'src/payments/pay.ts': lines(20), 'test/payments/pay.test.ts': lines(10) })
  commit(repo, '2026-03-06T10:00:00Z', 'chore: direct push', { 'README.md': '# app\n\nmore\n' })
  // W11 (03-09 … 03-15)
  mergePr(repo, 4, '2026-03-10T10:00:00Z', { 'src/payments/refund.ts': lines(40) })
  mergePr(repo, 5, '2026-03-11T10:00:00Z', { 'db/migrations/V2__idx.sql': 'CREATE INDEX idx_users_email ON users (email);\n' })
  mergePr(
    repo,
    6,
    '2026-03-12T10:00:00Z',
    { Dockerfile: 'FROM node:20\nCMD ["node", "server.js"]\n' },
    `Runbook: not needed — ${OPT_OUT_REASON}`,
  )
  // W12: nothing merged. W13 (03-23 … 03-29)
  mergePr(repo, 7, '2026-03-24T10:00:00Z', { 'src/c.ts': lines(300) })
  // After the window.
  mergePr(repo, 8, '2026-04-02T10:00:00Z', { 'src/d.ts': lines(5) })
  return repo
}
