/**
 * The CLI through the real bundle (node dist/index.js) on real temporary git repositories.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BUNDLE, lines, TempRepo } from '../helpers/git-repo.js'

let repo: TempRepo
beforeEach(() => {
  repo = new TempRepo()
  repo.commit('initial', { 'README.md': '# app\n', 'src/app.ts': 'export const a = 1\n' })
})
afterEach(() => repo.remove())

describe('pr-gate check', () => {
  it('a base policy whose blob cannot be read stops the run (exit 2), never falls back to the default policy', () => {
    repo.commit('policy', { '.github/quality-gate.yml': 'extends: default\nrules:\n  pr-size: { level: fail, fail_lines: 100 }\n' })
    repo.git('checkout', '-q', '-b', 'feature')
    repo.commit('big', { 'src/big.ts': lines(150) })
    // A partial clone / corrupt object store: the policy's blob is gone, the tree still names it.
    const blob = repo.git('rev-parse', 'main:.github/quality-gate.yml').trim()
    rmSync(join(repo.dir, '.git', 'objects', blob.slice(0, 2), blob.slice(2)))
    // --committed: the working-tree snapshot (a temporary index + write-tree) re-hashes the unchanged policy file
    // and would put the deleted blob back while the policy is being read, so without it the outcome depends on timing.
    const r = repo.cli('check', '--committed')
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^pr-gate: .*cannot read \.github\/quality-gate\.yml at [0-9a-f]{12}/)
    expect(r.stderr).not.toMatch(/\n\s+at /)
    expect(r.stdout).not.toContain('SUCCESS')
  })

  it('passes a small change with the embedded default policy', () => {
    repo.git('checkout', '-q', '-b', 'feature')
    repo.commit('small', { 'src/app.ts': 'export const a = 2\n' })
    const r = repo.cli('check')
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('quality gate: SUCCESS')
    expect(r.stdout).toContain('embedded default policy')
    expect(r.stdout).toMatch(/PASS\s+pr-size — 2 changed lines in 1 file\b/)
  })

  it('fails (exit 1) over the fail limit, with a policy read from the base ref', () => {
    repo.commit('policy', { '.github/quality-gate.yml': 'extends: default\nrules:\n  pr-size: { level: fail, fail_lines: 100 }\n' })
    repo.git('checkout', '-q', '-b', 'feature')
    repo.commit('big', { 'src/big.ts': lines(150), 'package-lock.json': lines(5000) })
    const r = repo.cli('check', '--format', 'json')
    expect(r.code).toBe(1)
    const report = JSON.parse(r.stdout)
    expect(report.conclusion).toBe('failure')
    expect(report.failedRules).toEqual(['pr-size'])
    const size = report.rules.find((x: { id: string }) => x.id === 'pr-size')
    expect(size.summary).toBe('150 changed lines in 1 file; size L; excluded 1 file (5,000 lines)')
  })

  it('enforces the base policy even when the branch loosens it', () => {
    repo.commit('policy', { '.github/quality-gate.yml': 'rules:\n  pr-size: { level: fail, fail_lines: 100 }\n' })
    repo.git('checkout', '-q', '-b', 'feature')
    repo.commit('big and loosened', { 'src/big.ts': lines(150), '.github/quality-gate.yml': 'rules:\n  pr-size: { level: off }\n' })
    expect(repo.cli('check').code).toBe(1)
  })

  it('tries a local policy file with --policy', () => {
    repo.git('checkout', '-q', '-b', 'feature')
    repo.commit('big', { 'src/big.ts': lines(150) })
    repo.write({ 'try.yml': 'rules:\n  pr-size: { level: fail, fail_lines: 100 }\n' })
    const r = repo.cli('check', '--policy', 'try.yml')
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('policy: try.yml (working tree)')
  })

  it('honours .gitattributes linguist-generated from the base', () => {
    repo.commit('attrs', {
      '.gitattributes': 'gen/** linguist-generated\n',
      '.github/quality-gate.yml': 'rules:\n  pr-size: { level: fail, fail_lines: 100 }\n',
    })
    repo.git('checkout', '-q', '-b', 'feature')
    repo.commit('generated', { 'gen/client.ts': lines(3000) })
    const r = repo.cli('check')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('excluded 1 file (3,000 lines)')
  })

  it('handles binary files, renames and deletions', () => {
    repo.git('checkout', '-q', '-b', 'feature')
    repo.git('mv', 'src/app.ts', 'src/main.ts')
    repo.git('rm', '-q', 'README.md')
    repo.commit('mixed', { 'img/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 0, 0, 255]) })
    const r = repo.cli('check', '--format', 'json')
    expect(r.code).toBe(0)
    const size = JSON.parse(r.stdout).rules.find((x: { id: string }) => x.id === 'pr-size')
    expect(size.summary).toBe('1 changed line in 3 files; size XS')
  })

  it('an invalid policy at the base fails closed with exit 2 and file:line:column', () => {
    repo.commit('bad policy', { '.github/quality-gate.yml': 'rules:\n  pr-size:\n    fail_lines: lots\n' })
    repo.git('checkout', '-q', '-b', 'feature')
    repo.commit('change', { 'src/app.ts': 'x\n' })
    const r = repo.cli('check')
    expect(r.code).toBe(2)
    expect(r.stdout).toContain('.github/quality-gate.yml:3:17: rules.pr-size.fail_lines: expected a non-negative integer, got "lots"')
    expect(r.stdout).toContain('FAILURE')
  })

  it('runs the real parsers from the bundle: SQL (libpg-query), Rails (tree-sitter), Terraform (HCL wasm)', () => {
    repo.git('checkout', '-q', '-b', 'feature')
    repo.commit('ops', {
      'db/migrations/V2__idx.sql': 'CREATE INDEX idx_users_email ON users (email);\n',
      'db/migrate/20260101000000_add_idx.rb':
        'class AddIdx < ActiveRecord::Migration[7.1]\n  def change\n    add_index :users, :email\n  end\nend\n',
      'infra/main.tf': 'resource "aws_db_instance" "main" {\n  engine = "postgres"\n}\n',
    })
    const r = repo.cli('check', '--format', 'json')
    expect(r.stderr).toBe('')
    expect(r.code).toBe(1)
    const rules = Object.fromEntries(JSON.parse(r.stdout).rules.map((x: { id: string }) => [x.id, x]))
    const mig = rules['migration-safety'].findings.map((f: { path: string; line: number; code: string }) => `${f.path}:${f.line}:${f.code}`)
    expect(mig).toEqual(
      expect.arrayContaining([
        'db/migrations/V2__idx.sql:1:create-index-non-concurrent',
        'db/migrate/20260101000000_add_idx.rb:3:create-index-non-concurrent',
      ]),
    )
    expect(rules.runbook.findings.map((f: { message: string }) => f.message).join()).toContain('adds aws_db_instance.main')
  })

  it('renders markdown', () => {
    repo.git('checkout', '-q', '-b', 'feature')
    repo.commit('c', { 'src/app.ts': 'y\n' })
    const r = repo.cli('check', '--format', 'markdown')
    expect(r.stdout).toContain('## ✅ Quality gate: success')
    expect(r.stdout).toContain('| `pr-size` | ✅ pass |')
  })

  it('explain: a migration danger shows its lock, why and safe recipe; a typo gets a suggestion', () => {
    const r = repo.cli('explain', 'create-index-non-concurrent')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('create-index-non-concurrent (migration-safety): CREATE INDEX without CONCURRENTLY')
    expect(r.stdout).toMatch(/^lock: SHARE/m)
    expect(r.stdout).toMatch(/^fix: CREATE INDEX CONCURRENTLY/m)
    expect(r.stdout).toContain('-- quality-gate: ignore create-index-non-concurrent <reason>')
    expect(repo.cli('explain', 'migration-safety').stdout).toMatch(/^ {2}set-not-null +fail +SET NOT NULL on an existing column$/m)
    const typo = repo.cli('explain', 'create-index-nonconcurrent')
    expect(typo.code).toBe(2)
    expect(typo.stderr).toContain('(did you mean "create-index-non-concurrent"?)')
  })

  it.each([
    [['check', '--base', 'nope'], /--base nope is not a commit/],
    [['check', '--format', 'xml'], /--format: expected text, markdown or json/],
    [['check', '--bogus'], /Unknown option '--bogus'/],
    [['frobnicate'], /unknown command "frobnicate"\n/],
    [['chek'], /unknown command "chek" \(did you mean "check"\?\)/],
  ])('usage errors exit 2 without a stack trace: %j', (args, message) => {
    const r = repo.cli(...args)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it('a repository with a single commit: exit 2, asks for --base', () => {
    const r = repo.cli('check')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('no base to compare with')
  })

  it('outside a git work tree: exit 2 with a message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'not-a-repo-'))
    const r = spawnSync(process.execPath, [BUNDLE, 'check'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, GIT_CEILING_DIRECTORIES: tmpdir() },
    })
    rmSync(dir, { recursive: true })
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('is not inside a git work tree')
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })
})

describe('pr-gate validate', () => {
  it('accepts a valid policy and names what it resolved', () => {
    repo.write({ '.github/quality-gate.yml': 'extends: strict\nrules:\n  pr-size: { fail_lines: 800 }\n' })
    const r = repo.cli('validate')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(
      '.github/quality-gate.yml: valid (from policies/default.yml → policies/strict.yml → .github/quality-gate.yml; pr-size=fail',
    )
  })

  it('rejects an invalid policy with every error, exit 2', () => {
    repo.write({ 'p.yml': 'extends: strictest\n' })
    expect(repo.cli('validate', 'p.yml')).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown preset "strictest"') })
    repo.write({ 'q.yml': 'rules:\n  pr-size: { levle: warn }\n  runbok: {}\n' })
    const r = repo.cli('validate', 'q.yml')
    expect(r.code).toBe(2)
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^q\.yml:2:14: rules\.pr-size: unknown key "levle" \(did you mean "level"\?\)/),
      expect.stringMatching(/^q\.yml:3:3: rules: unknown rule "runbok" \(did you mean "runbook"\?\); valid: pr-size, /),
    ])
  })

  it('a missing file is exit 2', () => {
    expect(repo.cli('validate', 'nope.yml')).toMatchObject({ code: 2, stderr: 'pr-gate: nope.yml: file not found\n' })
  })
})

describe('pr-gate explain and schema', () => {
  it('lists rules and options', () => {
    expect(repo.cli('explain').stdout).toMatch(/^pr-size\s+default warn/m)
    expect(repo.cli('explain', 'pr-size').stdout).toContain('warn_lines: 400')
  })
  it('prints the JSON schema', () => {
    const schema = JSON.parse(repo.cli('schema').stdout)
    expect(Object.keys(schema.properties.rules.properties)).toContain('pr-size')
  })
})
