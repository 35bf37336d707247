/**
 * The CLI's manners and the diff it checks, through the real bundle (node dist/index.js) on real
 * temporary git repositories: --version, per-command --help, a closed stdout, --body -, the base as git
 * knows it (said in the output), uncommitted changes included by default, --committed.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BUNDLE, lines, TempRepo } from '../helpers/git-repo.js'

interface Report {
  notes: Array<{ level: string; message: string }>
  failedRules: string[]
  rules: Array<{ id: string; status: string; findings: Array<{ path?: string; line?: number; code?: string }> }>
}

const INDEX = 'CREATE INDEX idx_users_email ON users (email);\n'
const dangers = (r: Report): string[] =>
  (r.rules.find((x) => x.id === 'migration-safety')?.findings ?? [])
    .filter((f) => f.path && f.code)
    .map((f) => `${f.path}:${f.line}:${f.code}`)
const notes = (r: Report): string => r.notes.map((n) => n.message).join('\n')
const json = (res: { stdout: string; stderr: string }): Report => {
  try {
    return JSON.parse(res.stdout) as Report
  } catch {
    throw new Error(`not JSON: ${res.stdout}\n${res.stderr}`)
  }
}

let repo: TempRepo
beforeEach(() => {
  repo = new TempRepo()
  repo.commit('initial', { 'README.md': '# app\n', 'src/app.ts': 'export const a = 1\n' })
})
afterEach(() => repo.remove())

describe('CLI manners', () => {
  it('--version prints the package version', () => {
    const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version
    for (const flag of ['--version', '-V']) {
      const r = repo.cli(flag)
      expect(r).toEqual({ code: 0, stdout: `pr-gate ${version}\n`, stderr: '' })
    }
  })

  it.each([
    ['check', '--help'],
    ['check', '-h'],
    ['validate', '--help'],
    ['explain', '-h'],
    ['release', '--help'],
  ])("pr-gate %s %s prints that command's usage", (cmd, flag) => {
    const r = repo.cli(cmd, flag)
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(new RegExp(`^Usage:\\n  pr-gate ${cmd} `))
    expect(r.stdout).not.toContain('pr-gate serve')
  })

  it('a reader that closes the pipe early gets no EPIPE stack trace', () => {
    // `true` exits at once, so every write of the bundle meets a closed pipe.
    const r = spawnSync(
      'bash',
      ['-c', `set -o pipefail; "${process.execPath}" "${BUNDLE}" explain migration-safety | true; echo "exit=$?" >&2`],
      { cwd: repo.dir, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '' } },
    )
    expect(r.stderr).toBe('exit=0\n')
  })

  it('--body - reads the PR description from standard input', () => {
    repo.write({ 'p.yml': 'rules:\n  pr-size: { level: fail, fail_lines: 100 }\n' })
    repo.git('checkout', '-q', '-b', 'feature')
    repo.commit('big', { 'src/big.ts': lines(150) })
    const run = (input: string) =>
      spawnSync(
        process.execPath,
        [BUNDLE, 'check', '--policy', 'p.yml', '--committed', '--label', 'gate-waive:pr-size', '--body', '-', '--format', 'json'],
        {
          cwd: repo.dir,
          input,
          encoding: 'utf8',
          env: { ...process.env, GITHUB_ACTIONS: '' },
        },
      )
    const waived = run('Adds the generated client.\n\ngate-waive:pr-size generated client, reviewed by regenerating it\n')
    expect(waived.status).toBe(0)
    expect(json(waived).rules.find((x) => x.id === 'pr-size')?.status).toBe('waived')
    const noReason = run('Adds the generated client.\n')
    expect(noReason.status).toBe(1)
  })
})

describe('the right diff: the base as git knows it', () => {
  it('a repository whose default branch is trunk, without a remote: the merge base with trunk, said in the output', () => {
    repo.git('branch', '-m', 'trunk')
    repo.git('checkout', '-q', '-b', 'feature')
    repo.commit('index', { 'db/migrations/V2__idx.sql': INDEX })
    repo.commit('more', { 'src/app.ts': 'export const a = 2\n' })
    const r = repo.cli('check', '--format', 'json')
    expect(r.code).toBe(1)
    const report = json(r)
    expect(dangers(report)).toEqual(['db/migrations/V2__idx.sql:1:create-index-non-concurrent'])
    expect(notes(report)).toMatch(/base: merge base with trunk \(a usual default-branch name\)/)
  })

  it('init.defaultBranch names the default branch', () => {
    repo.git('config', 'init.defaultBranch', 'develop')
    repo.git('branch', '-m', 'develop')
    repo.git('checkout', '-q', '-b', 'feature')
    repo.commit('index', { 'db/migrations/V2__idx.sql': INDEX })
    repo.commit('more', { 'src/app.ts': 'export const a = 2\n' })
    const report = json(repo.cli('check', '--format', 'json'))
    expect(dangers(report)).toEqual(['db/migrations/V2__idx.sql:1:create-index-non-concurrent'])
    expect(notes(report)).toMatch(/base: merge base with develop \(init\.defaultBranch\)/)
  })

  it('the upstream of the current branch', () => {
    repo.git('branch', '-m', 'stable')
    repo.git('checkout', '-q', '--track', '-b', 'feature', 'stable')
    repo.commit('index', { 'db/migrations/V2__idx.sql': INDEX })
    repo.commit('more', { 'src/app.ts': 'export const a = 2\n' })
    const report = json(repo.cli('check', '--format', 'json'))
    expect(dangers(report)).toEqual(['db/migrations/V2__idx.sql:1:create-index-non-concurrent'])
    expect(notes(report)).toMatch(/base: merge base with stable \(upstream of feature\)/)
  })

  it('origin/HEAD comes first', () => {
    repo.git('branch', '-m', 'stable')
    const cloneDir = mkdtempSync(join(tmpdir(), 'pr-gate-clone-'))
    try {
      spawnSync('git', ['clone', '-q', repo.dir, cloneDir])
      const clone = Object.assign(Object.create(TempRepo.prototype) as TempRepo, { dir: cloneDir })
      clone.git('config', 'user.email', 'dev@example.com')
      clone.git('config', 'user.name', 'Dev')
      clone.git('checkout', '-q', '-b', 'feature')
      clone.commit('index', { 'db/migrations/V2__idx.sql': INDEX })
      const report = json(clone.cli('check', '--format', 'json'))
      expect(dangers(report)).toEqual(['db/migrations/V2__idx.sql:1:create-index-non-concurrent'])
      expect(notes(report)).toMatch(/base: merge base with origin\/stable \(origin\/HEAD\)/)
    } finally {
      rmSync(cloneDir, { recursive: true, force: true })
    }
  })
})

describe('the right diff: uncommitted changes', () => {
  beforeEach(() => {
    repo.commit('migration', { 'db/migrations/V1__users.sql': 'CREATE TABLE users (id bigint PRIMARY KEY, email text);\n' })
    repo.git('checkout', '-q', '-b', 'feature')
    repo.commit('feature', { 'src/app.ts': 'export const a = 2\n' })
    // Unstaged: a DROP TABLE appended to a merged migration (an edit of a merged migration). Staged: a new migration. Untracked: a new test file.
    repo.write({ 'db/migrations/V1__users.sql': 'CREATE TABLE users (id bigint PRIMARY KEY, email text);\nDROP TABLE legacy_users;\n' })
    repo.write({ 'db/migrations/V2__idx.sql': INDEX })
    repo.git('add', 'db/migrations/V2__idx.sql')
    repo.write({ 'src/app.test.ts': 'test("a", () => {})\n' })
  })

  it('are checked by default, and the output says so in one line', () => {
    const r = repo.cli('check', '--format', 'json')
    expect(r.code).toBe(1)
    const report = json(r)
    expect(dangers(report)).toEqual(
      expect.arrayContaining(['db/migrations/V2__idx.sql:1:create-index-non-concurrent', 'db/migrations/V1__users.sql:2:migration-edited']),
    )
    const included = report.notes.filter((n) => /uncommitted/i.test(n.message))
    expect(included.map((n) => n.message)).toEqual([
      expect.stringMatching(/^Compared \w{12}…\w{12}\+uncommitted/),
      'Included uncommitted changes: 3 files staged, modified or untracked; --committed checks commits only.',
    ])
    const text = repo.cli('check')
    expect(text.stdout).toContain('Included uncommitted changes: 3 files staged, modified or untracked; --committed checks commits only.')
    // The repository's own index is left as it was.
    expect(repo.git('status', '--porcelain').split('\n').filter(Boolean).sort()).toEqual([
      ' M db/migrations/V1__users.sql',
      '?? src/app.test.ts',
      'A  db/migrations/V2__idx.sql',
    ])
  })

  it('--committed checks commits only, and says so', () => {
    const r = repo.cli('check', '--committed', '--format', 'json')
    expect(r.code).toBe(0)
    const report = json(r)
    expect(dangers(report)).toEqual([])
    expect(notes(report)).toContain('Commits only (--committed): uncommitted changes are not checked.')
  })

  it('an explicit --head is a committed range, whatever the working tree holds', () => {
    const r = repo.cli('check', '--base', 'HEAD^1', '--head', 'HEAD', '--format', 'json')
    expect(r.code).toBe(0)
    const report = json(r)
    expect(dangers(report)).toEqual([])
    expect(notes(report)).toContain('Commits only (--head given): uncommitted changes are not checked.')
  })

  it('on the default branch itself, the uncommitted changes alone', () => {
    repo.git('stash', '-q', '--include-untracked')
    repo.git('checkout', '-q', 'main')
    repo.git('stash', 'pop', '-q')
    const report = json(repo.cli('check', '--format', 'json'))
    expect(dangers(report)).toEqual(
      expect.arrayContaining(['db/migrations/V2__idx.sql:1:create-index-non-concurrent', 'db/migrations/V1__users.sql:2:migration-edited']),
    )
    expect(notes(report)).toMatch(/base: HEAD: main \(a usual default-branch name\) contains HEAD, so only the uncommitted changes/)
  })
})
