/**
 * `pr-gate validate` catches what `check` would trip on, and says how to fix it: through the real bundle
 * (node dist/index.js) on real temporary git repositories.
 */
import { TempRepo } from '../helpers/git-repo.js'

let repo: TempRepo
beforeEach(() => {
  repo = new TempRepo()
  repo.commit('initial', { 'README.md': '# app\n' })
})
afterEach(() => repo.remove())

describe('pr-gate validate', () => {
  it('rejects a regex RE2 cannot compile, at file:line:column of the construct', () => {
    repo.write({
      'p.yml':
        'rules:\n  co-change:\n    rules:\n      - name: docs\n        when: ["src/**"]\n        require: ["docs/**"]\n        added_lines_match: "(["\n',
    })
    const r = repo.cli('validate', 'p.yml')
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^p\.yml:7:30: rules\.co-change\.rules\.0\.added_lines_match: invalid regular expression \(RE2 syntax\)/)
    expect(r.stdout).toBe('')
  })

  it('suggests the enum value and the preset meant', () => {
    repo.write({ 'p.yml': 'extends: defualt\nrules:\n  pr-size:\n    level: warning\nconclusion:\n  on_error: fail\n' })
    const r = repo.cli('validate', 'p.yml')
    expect(r.code).toBe(2)
    const errs = r.stderr.trim().split('\n')
    expect(errs).toEqual(
      expect.arrayContaining([
        'p.yml:4:12: rules.pr-size.level: expected one of off, notice, warn, fail, got "warning" (did you mean "warn"?)',
        'p.yml:6:13: conclusion.on_error: expected one of failure, neutral, got "fail" (did you mean "failure"?)',
        expect.stringMatching(/^p\.yml:1:10: extends: unknown preset "defualt" \(did you mean "default"\?\)/),
      ]),
    )
  })

  // Decision: a policy file without a document (empty, only comments) means the default preset, as if
  // there were no file; it must not silently drop the preset's settings.
  it.each([
    ['empty', ''],
    ['comments only', '# rules to come\n'],
  ])('an %s policy file means the default preset, and says so', (_what, text) => {
    repo.write({ 'p.yml': text })
    const r = repo.cli('validate', 'p.yml')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('from policies/default.yml → p.yml (empty: the default preset applies)')
    // The preset's co-change rules apply: a proto change without API docs is flagged.
    repo.git('checkout', '-q', '-b', 'feature')
    repo.commit('proto', { 'proto/api/v1/svc.proto': 'syntax = "proto3";\nservice Svc {\n  rpc Get (A) returns (B);\n}\n' })
    const c = repo.cli('check', '--policy', 'p.yml', '--format', 'json')
    const report = JSON.parse(c.stdout) as { policy: string; rules: Array<{ id: string; status: string }> }
    expect(report.policy).toContain('empty: the default preset applies')
    expect(report.rules.find((x) => x.id === 'co-change')?.status).toBe('warn')
  })
})

describe('pr-gate explain', () => {
  it('prints the real defaults of nested options', () => {
    const r = repo.cli('explain', 'pr-size')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('sizes: {"XS":10,"S":30,"M":100,"L":500,"XL":1000}')
    expect(r.stdout).not.toContain('sizes: {}')
  })
})

describe('a misspelt inline suppression', () => {
  it('gets a "did you mean" as a gate note on every surface', () => {
    repo.git('checkout', '-q', '-b', 'feature')
    repo.commit('index', {
      'db/migrations/V2__idx.sql':
        '-- quality-gate: ignore create-index-non-concurent small table, 200 rows\nCREATE INDEX idx_users_email ON users (email);\n',
    })
    const note =
      /db\/migrations\/V2__idx\.sql:1: "quality-gate: ignore create-index-non-concurent" names no migration danger \(did you mean "create-index-non-concurrent"\?\), so it suppresses nothing/
    const text = repo.cli('check')
    expect(text.code).toBe(1)
    expect(text.stdout).toMatch(note)
    const json = JSON.parse(repo.cli('check', '--format', 'json').stdout) as { notes: Array<{ level: string; message: string }> }
    expect(json.notes).toEqual(
      expect.arrayContaining([expect.objectContaining({ level: 'warning', message: expect.stringMatching(note) })]),
    )
    // Markdown escapes the punctuation; the note is a line of its own, not only a cell of the file's table.
    expect(repo.cli('check', '--format', 'markdown').stdout).toMatch(
      /^> .*names no migration danger .*did you mean "create-index-non-concurrent".*so it suppresses nothing/m,
    )
  })
})
