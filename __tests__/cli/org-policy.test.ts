/**
 * Issue 19: `pr-gate validate` checks a repository policy against its org base, through the real bundle:
 * offline (`--offline ORGFILE`, `--offline SPEC=FILE`) and through the API (GITHUB_TOKEN, GITHUB_API_URL)
 * against the OpenAPI/GraphQL-validating fake GitHub.
 */
import { spawn } from 'node:child_process'
import { BUNDLE, TempRepo } from '../helpers/git-repo.js'
import { type FakeGitHub } from '../helpers/github-server.js'
import { useFakeGitHub } from '../helpers/use-fake-github.js'

let server: FakeGitHub
useFakeGitHub((s) => (server = s))

let repo: TempRepo
beforeEach(() => {
  repo = new TempRepo()
})
afterEach(() => repo.remove())

const SPEC = 'github:acme/.github/quality-gate/org.yml@main'
const ORG_POLICY = 'rules:\n  pr-size:\n    level: fail\n    fail_lines: 1000\n    locked: [level, fail_lines]\n'

/** The bundle as the CLI, without blocking the event loop (the fake GitHub answers from this process). */
function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BUNDLE, ...args], {
      cwd: repo.dir,
      env: { ...process.env, GITHUB_ACTIONS: '', GITHUB_TOKEN: '', GH_TOKEN: '', ...env },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    child.on('close', (code) => done({ code, stdout, stderr }))
  })
}

describe('pr-gate validate against the org policy', () => {
  it('--offline ORGFILE: a policy that keeps the floors is valid, and names the org file in its chain', async () => {
    repo.write({ '.github/quality-gate.yml': `extends: ${SPEC}\nrules:\n  pr-size: { fail_lines: 400 }\n`, 'org/org.yml': ORG_POLICY })
    const r = await cli(['validate', '--offline', 'org/org.yml'])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(`.github/quality-gate.yml: valid (from ${SPEC} → .github/quality-gate.yml; pr-size=fail`)
  })

  it('--offline: a key that loosens an org floor is reported at the key, exit 2', async () => {
    repo.write({
      '.github/quality-gate.yml': `extends: ${SPEC}\nrules:\n  pr-size:\n    level: warn\n    fail_lines: 400\n`,
      'org.yml': ORG_POLICY,
    })
    const r = await cli(['validate', '--offline', `${SPEC}=org.yml`])
    expect(r.code).toBe(2)
    expect(r.stderr.trim().split('\n')).toEqual([
      `.github/quality-gate.yml:4:5: loosens an org floor: rules.pr-size.level: .github/quality-gate.yml:4:5 sets "warn", looser than the org floor "fail" locked at ${SPEC}:5:5 (a level may only go up (off < notice < warn < fail)); "fail" is enforced by the gate`,
    ])
  })

  it('no token and no --offline: exit 2, saying how to provide the org file', async () => {
    repo.write({ '.github/quality-gate.yml': `extends: ${SPEC}\n` })
    const r = await cli(['validate'])
    expect(r.code).toBe(2)
    expect(r.stderr).toBe(
      `.github/quality-gate.yml:1:10: extends: "${SPEC}": a policy in another repository is read through the GitHub API, and there is no token to read it (set GITHUB_TOKEN (or GH_TOKEN) to a token that can read it, or pass --offline ORGFILE)\n`,
    )
  })

  it('through the API with GITHUB_TOKEN: the org file is read from the fake GitHub; a token that cannot see it gets the clear message', async () => {
    server.addRepo({ owner: 'acme', name: '.github', private: true })
    server.setTree('a'.repeat(40), { 'quality-gate/org.yml': ORG_POLICY }, 'acme/.github')
    server.setBranch('main', 'a'.repeat(40), 'acme/.github')
    server.addToken('ghp_reader000000000000000000000000000000', { login: 'dev', type: 'User' })
    server.addToken('ghp_other0000000000000000000000000000000', { login: 'dev2', type: 'User', repos: ['acme/service'] })
    repo.write({ '.github/quality-gate.yml': `extends: ${SPEC}\nrules:\n  pr-size: { fail_lines: 5000 }\n` })
    const r = await cli(['validate'], { GITHUB_TOKEN: 'ghp_reader000000000000000000000000000000', GITHUB_API_URL: server.url })
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('.github/quality-gate.yml:3:14: loosens an org floor: rules.pr-size.fail_lines')
    expect(server.requests.map((q) => q.operationId)).toEqual(['graphql', 'graphql'])
    const denied = await cli(['validate'], { GH_TOKEN: 'ghp_other0000000000000000000000000000000', GITHUB_API_URL: server.url })
    expect(denied.code).toBe(2)
    expect(denied.stderr).toContain(
      'cannot read acme/.github: GitHub answers that the repository does not exist or that this token cannot see it (NOT_FOUND). Set GITHUB_TOKEN (or GH_TOKEN) to a token with contents: read on that repository, or pass --offline ORGFILE.',
    )
    expect(denied.stderr).not.toContain('ghp_other')
    expect(server.violations).toEqual([])
  })

  it('pr-gate check reads the org policy through the API too, and enforces its floors', async () => {
    server.addRepo({ owner: 'acme', name: '.github' })
    server.setTree('a'.repeat(40), { 'quality-gate/org.yml': ORG_POLICY.replace('1000', '2') }, 'acme/.github')
    server.setBranch('main', 'a'.repeat(40), 'acme/.github')
    repo.commit('policy', { '.github/quality-gate.yml': `extends: ${SPEC}\nrules:\n  pr-size: { fail_lines: 100 }\n`, 'src/a.ts': 'a\n' })
    repo.git('checkout', '-q', '-b', 'feature')
    repo.commit('change', { 'src/a.ts': 'a\nb\nc\nd\n' })
    const r = await cli(['check', '--format', 'json'], { GITHUB_TOKEN: server.token, GITHUB_API_URL: server.url })
    expect(r.code).toBe(1) // 3 lines over the org's locked fail_lines 2, not the repository's 100
    const report = JSON.parse(r.stdout) as { failedRules: string[]; notes: Array<{ message: string; detail?: string }> }
    expect(report.failedRules).toEqual(['pr-size'])
    expect(report.notes.find((n) => n.message.startsWith('Org policy enforced'))?.detail).toContain(
      'rules.pr-size.fail_lines: .github/quality-gate.yml:3:14 sets 100',
    )
    const offline = await cli(['check'])
    expect(offline.code).toBe(2)
    expect(offline.stdout).toContain('there is no token to read it')
  })
})
