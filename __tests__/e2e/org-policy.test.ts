/**
 * Issue 19, org policy, through the bundle against the OpenAPI/GraphQL-validating fake GitHub: a repository
 * policy that extends `github:acme/.github/…@main` (a second repository in the fake), read with the
 * workflow token or the `policy-token` input; a token that cannot read it fails the gate with a message
 * at the `extends` line; cycles across remote files; org floors (`locked`) enforced and reported.
 */
import { readFileSync } from 'node:fs'
import { type FakeGitHub } from '../helpers/github-server.js'
import { lineFiles, noStackTrace, runActionOnPr, seedPr } from './helpers.js'
import { useFakeGitHub } from '../helpers/use-fake-github.js'
import { exampleEvent, runAction } from '../helpers/run-action.js'
import { ENV, HEAD as RELEASE_HEAD, seedRelease } from '../release/helpers.js'

let server: FakeGitHub
useFakeGitHub((s) => (server = s))

const POLICY = '.github/quality-gate.yml'
const ORG = 'acme/.github'
const ORG_SHA = 'a'.repeat(40)
const ORG_FILE = 'quality-gate/org.yml'
const EXTENDS = `github:${ORG}/${ORG_FILE}@main`

/** The org repository `acme/.github` with its files on `main` (seed the PR first: it makes acme/service the default repo). */
function seedOrg(files: Record<string, string>, opts: { private?: boolean } = {}) {
  server.addRepo({ owner: 'acme', name: '.github', private: opts.private ?? true })
  server.setTree(ORG_SHA, files, ORG)
  server.setBranch('main', ORG_SHA, ORG)
}

type Report = { notes: Array<{ message: string; detail?: string }> }
const reportOf = (r: { outputs: Record<string, string> }): Report => JSON.parse(readFileSync(r.outputs.report!, 'utf8')) as Report
/** Every note of the JSON report, message and detail, as one text (unescaped: the Markdown surfaces escape it). */
const notesText = (r: { outputs: Record<string, string> }): string =>
  reportOf(r)
    .notes.map((n) => `${n.message}\n${n.detail ?? ''}`)
    .join('\n')
/** The requests that read the org repository. */
const orgRequests = () =>
  server.requests.filter((q) => q.operationId === 'graphql' && (q.body as { variables?: { name?: string } }).variables?.name === '.github')

const ORG_POLICY = 'rules:\n  pr-size:\n    level: fail\n    fail_lines: 2\n    locked: [level, fail_lines]\n'

describe('remote extends from the Action', () => {
  it('a token that can read the org repository: the org policy is enforced (API calls counted)', async () => {
    const pr = seedPr(server, { base: { [POLICY]: `extends: ${EXTENDS}\n` }, files: lineFiles(3) })
    seedOrg({ [ORG_FILE]: ORG_POLICY })
    const r = await runActionOnPr(server, pr)
    noStackTrace(r)
    expect(server.violations).toEqual([])
    expect(r.outputs.conclusion).toBe('failure')
    expect(r.outputs['failed-rules']).toBe('pr-size')
    // one query resolves main to its SHA, one reads the file at that SHA
    expect(orgRequests()).toHaveLength(2)
    // 5 for a repository-only policy, + 2 for the org file (the waiver records a failing rule reads come
    // with the first query: issue 15)
    expect(server.requests).toHaveLength(5 + 2)
  })

  it('the policy-token input reads a private org repository the workflow token cannot see', async () => {
    server.addToken('gha-own-repo-only', { login: 'github-actions[bot]', type: 'Bot', actionsToken: true, repos: ['acme/service'] })
    server.addToken('org-reader', { login: 'org-reader[bot]', type: 'Bot', access: 'read', repos: [ORG] })
    const pr = seedPr(server, { base: { [POLICY]: `extends: ${EXTENDS}\n` }, files: lineFiles(3) })
    seedOrg({ [ORG_FILE]: ORG_POLICY })
    const r = await runActionOnPr(server, pr, { 'policy-token': 'org-reader' }, { token: 'gha-own-repo-only' })
    noStackTrace(r)
    expect(server.violations).toEqual([])
    expect(r.outputs['failed-rules']).toBe('pr-size')
    // the org repository is read with the policy token (and only read), the rest with the workflow token
    expect(
      server.requests.filter((q) => q.login === 'org-reader[bot]').map((q) => (q.body as { variables: { name: string } }).variables.name),
    ).toEqual(['.github', '.github'])
    expect(
      server.requests.filter((q) => q.login !== 'org-reader[bot]').some((q) => JSON.stringify(q.body ?? '').includes('"name":".github"')),
    ).toBe(false)
    // the token is masked, never printed
    expect((r.stdout + r.stderr).split('\n').filter((l) => l.includes('org-reader'))).toEqual(['::add-mask::org-reader'])
  })

  it.each([
    [
      '404: the workflow token cannot see the private org repository',
      { repos: ['acme/service'] },
      /cannot read acme\/\.github: GitHub answers that the repository does not exist or that this token cannot see it \(NOT_FOUND\)\. The Action's GITHUB_TOKEN can read only the workflow's own repository: pass a token that can read it as the `policy-token` input/,
    ],
    ['403: the token is refused', { forbiddenRepos: [ORG] }, /cannot read acme\/\.github: GitHub refuses this token \(FORBIDDEN\)/],
  ])('%s: a policy error at the extends line, and the gate fails (never the default preset)', async (_name, limits, message) => {
    server.addToken('limited', { login: 'github-actions[bot]', type: 'Bot', actionsToken: true, ...limits })
    const pr = seedPr(server, { base: { [POLICY]: `# org floor\nextends: ${EXTENDS}\n` }, files: lineFiles(1) })
    seedOrg({ [ORG_FILE]: ORG_POLICY })
    const r = await runActionOnPr(server, pr, {}, { token: 'limited' })
    noStackTrace(r)
    expect(server.violations).toEqual([])
    expect(r.outputs.conclusion).toBe('failure')
    expect(r.outputs['failed-rules']).toBe('policy')
    expect(r.code).toBe(1)
    expect(server.state.checkRuns[0]!.conclusion).toBe('failure')
    expect(server.commentsOn(7)[0]!.body).toContain('extends')
    const text = notesText(r)
    expect(text).toContain(`${POLICY}:2:10: extends: "${EXTENDS}": `)
    expect(text).toMatch(message)
  })

  it('an unknown ref or file is a policy error at the extends entry', async () => {
    const pr = seedPr(server, {
      base: { [POLICY]: `extends:\n  - default\n  - github:${ORG}/${ORG_FILE}@nope\n  - github:${ORG}/missing.yml@main\n` },
      files: lineFiles(1),
    })
    seedOrg({ [ORG_FILE]: ORG_POLICY }, { private: false })
    const r = await runActionOnPr(server, pr)
    expect(r.outputs['failed-rules']).toBe('policy')
    const text = notesText(r)
    expect(text).toContain(`${POLICY}:3:5: extends: "github:${ORG}/${ORG_FILE}@nope": acme/.github has no branch, tag or commit "nope"`)
    expect(text).toContain(
      `${POLICY}:4:5: extends: "github:${ORG}/missing.yml@main" was not found: no file missing.yml in acme/.github at main`,
    )
  })

  it('a cycle across remote files is a policy error naming the chain', async () => {
    const pr = seedPr(server, { base: { [POLICY]: `extends: ${EXTENDS}\n` }, files: lineFiles(1) })
    // org.yml extends a sibling by a relative path (read in acme/.github at the same ref), which extends org.yml back
    seedOrg({ [ORG_FILE]: 'extends: quality-gate/base.yml\n', 'quality-gate/base.yml': `extends: ${EXTENDS}\n` })
    const r = await runActionOnPr(server, pr)
    expect(r.outputs['failed-rules']).toBe('policy')
    const text = notesText(r)
    expect(text).toContain(
      `github:${ORG}/quality-gate/base.yml@main:1:10: extends cycle: ${POLICY} → github:acme/.github/${ORG_FILE}@main → github:acme/.github/quality-gate/base.yml@main → github:acme/.github/${ORG_FILE}@main`,
    )
    expect(server.violations).toEqual([])
    // per run: main is resolved once for both files, each file read once
    expect(orgRequests().map((q) => (q.body as { query: string }).query.match(/query (\w+)/)![1])).toEqual([
      'prGateRemotePolicyRef',
      'prGateContents',
      'prGateContents',
    ])
  })

  it('a ref pinned to a commit SHA is read without resolving it: one call', async () => {
    const pr = seedPr(server, { base: { [POLICY]: `extends: github:${ORG}/${ORG_FILE}@${ORG_SHA}\n` }, files: lineFiles(3) })
    seedOrg({ [ORG_FILE]: ORG_POLICY })
    const r = await runActionOnPr(server, pr)
    expect(r.outputs['failed-rules']).toBe('pr-size')
    expect(orgRequests()).toHaveLength(1)
  })

  it('a repository that loosens a locked key: the org value is enforced, and the comment, check run and JSON say which', async () => {
    const repoPolicy = `extends: ${EXTENDS}\nrules:\n  pr-size:\n    level: warn\n    fail_lines: 5000\n    warn_lines: 1\n`
    const pr = seedPr(server, { base: { [POLICY]: repoPolicy }, files: lineFiles(3) })
    seedOrg({ [ORG_FILE]: ORG_POLICY })
    const r = await runActionOnPr(server, pr)
    noStackTrace(r)
    expect(r.outputs.conclusion).toBe('failure') // 3 lines > the org's fail_lines 2, at the org's level fail
    expect(r.outputs['failed-rules']).toBe('pr-size')
    const comment = server.commentsOn(7)[0]!.body
    const check = server.state.checkRuns[0]!
    for (const text of [comment, `${check.output.summary}\n${check.output.text}`]) expect(text).toContain('Org policy enforced')
    const detail = notesText(r)
    expect(detail).toContain(
      `rules.pr-size.level: ${POLICY}:4:5 sets "warn", looser than the org floor "fail" locked at github:${ORG}/${ORG_FILE}@main:5:5`,
    )
    expect(detail).toContain(`rules.pr-size.fail_lines: ${POLICY}:5:5 sets 5000, looser than the org floor 2`)
  })

  it('a repository that tightens a locked key keeps its value and no floor is reported', async () => {
    const pr = seedPr(server, { base: { [POLICY]: `extends: ${EXTENDS}\nrules:\n  pr-size:\n    fail_lines: 1\n` }, files: lineFiles(2) })
    seedOrg({ [ORG_FILE]: 'rules:\n  pr-size:\n    level: fail\n    fail_lines: 5\n    locked: true\n' })
    const r = await runActionOnPr(server, pr)
    expect(r.outputs['failed-rules']).toBe('pr-size') // 2 lines > the repository's tighter 1
    expect(notesText(r)).not.toContain('Org policy enforced')
  })
})

describe('remote extends in release mode', () => {
  it('the org policy applies to a release (read with policy-token): no approval exemption when the org names no dangerous rules', async () => {
    seedRelease(server, { only: [11, 14], direct: false, migrationLabels: ['release-approved'], policy: `extends: ${EXTENDS}\n` })
    seedOrg({ [ORG_FILE]: 'release:\n  dangerous_rules: []\n' })
    server.addToken('org-reader', { login: 'org-reader[bot]', type: 'Bot', access: 'read', repos: [ORG] })
    const event = exampleEvent('push')
    Object.assign(event.repository as object, { full_name: 'acme/service', name: 'service', default_branch: 'main' })
    Object.assign(event, { after: RELEASE_HEAD, ref: 'refs/heads/main' })
    const r = await runAction({
      server,
      event,
      eventName: 'push',
      inputs: { token: server.token, 'policy-token': 'org-reader', mode: 'release', environment: ENV },
    })
    noStackTrace(r)
    expect(server.violations).toEqual([])
    // the same range concludes success with the default policy (the approved migration is exempt)
    expect(r.outputs.conclusion).toBe('failure')
    expect(r.outputs['failed-rules']).toBe('migration-safety')
    expect(orgRequests().map((q) => q.login)).toEqual(['org-reader[bot]', 'org-reader[bot]'])
  })
})
