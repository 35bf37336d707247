/**
 * Issue 19, org policy in the loader: `github:` extends (parsed, read through a RemoteReader, positioned
 * errors, cycles across local and remote files) and org floors (`locked`), on real YAML.
 */
import {
  describeEnforcement,
  loadPolicy,
  parseRemoteSpec,
  PolicyError,
  formatIssue,
  RemoteReadError,
  type RemoteReader,
  type RemoteSpec,
} from '../../src/policy/load.js'
import { atLeastAsTight, tighteningOf } from '../../src/policy/floors.js'
import { noRepo, POLICY_FILE } from '../helpers/policy.js'

const ORG = 'github:acme/.github/quality-gate/org.yml@main'

/** A RemoteReader over `files` keyed `owner/repo/path@ref`, recording what it was asked. */
function remoteOf(files: Record<string, string>, asked: RemoteSpec[] = []): RemoteReader {
  return async (spec) => {
    asked.push(spec)
    if (spec.repo === 'secret') throw new RemoteReadError('cannot read acme/secret: no access')
    return files[`${spec.owner}/${spec.repo}/${spec.path}@${spec.ref}`]
  }
}

async function errorsOf(text: string, remote?: RemoteReader, read = noRepo): Promise<string[]> {
  try {
    await loadPolicy(text, POLICY_FILE, read, { remote })
    return []
  } catch (e) {
    if (e instanceof PolicyError) return e.issues.map(formatIssue)
    throw e
  }
}

describe('github: specs', () => {
  it.each([
    ['github:acme/.github/quality-gate/org.yml@main', { owner: 'acme', repo: '.github', path: 'quality-gate/org.yml', ref: 'main' }],
    ['github:acme/.github/org.yml', { owner: 'acme', repo: '.github', path: 'org.yml', ref: 'HEAD' }],
    ['github:acme/policies/a/b.yml@v1.2', { owner: 'acme', repo: 'policies', path: 'a/b.yml', ref: 'v1.2' }],
  ])('%s', (s, spec) => expect(parseRemoteSpec(s)).toEqual(spec))
  it.each(['github:acme', 'github:acme/.github', 'github:acme/.github/../x.yml@main', 'github:-x/y/z.yml'])('%s is refused', (s) =>
    expect(typeof parseRemoteSpec(s)).toBe('string'),
  )
})

describe('remote extends', () => {
  it('merges the org file under the repository policy, and relative extends inside it stay in the org repository', async () => {
    const asked: RemoteSpec[] = []
    const remote = remoteOf(
      {
        'acme/.github/quality-gate/org.yml@main': 'extends: [strict, quality-gate/base.yml]\nrules:\n  pr-size: { fail_lines: 900 }\n',
        'acme/.github/quality-gate/base.yml@main': 'rules:\n  runbook: { level: fail }\n',
      },
      asked,
    )
    const local = async (p: string) => (p === 'quality-gate/base.yml' ? 'rules: { co-change: { level: off } }\n' : undefined)
    const { policy, sources } = await loadPolicy(`extends: ${ORG}\nrules:\n  pr-size: { warn_lines: 10 }\n`, POLICY_FILE, local, { remote })
    expect(sources).toEqual([
      'policies/default.yml',
      'policies/strict.yml',
      'github:acme/.github/quality-gate/base.yml@main',
      ORG,
      POLICY_FILE,
    ])
    expect(policy.rules['pr-size']).toEqual(expect.objectContaining({ fail_lines: 900, warn_lines: 10 }))
    expect(policy.rules.runbook!.level).toBe('fail') // from the org's base.yml, not the repository's file of that name
    expect(asked.map((a) => `${a.repo}/${a.path}@${a.ref}`)).toEqual([
      '.github/quality-gate/org.yml@main',
      '.github/quality-gate/base.yml@main',
    ])
  })

  it("errors are positioned at the extends entry, with the reader's message, the missing file, and errors inside the remote file named by it", async () => {
    const remote = remoteOf({ 'acme/.github/bad.yml@main': 'rules:\n  pr-size:\n    fail_lines: many\n' })
    const errors = await errorsOf(
      'extends:\n  - github:acme/secret/p.yml@main\n  - github:acme/.github/gone.yml@main\n  - github:acme/.github/bad.yml@main\n  - github:acme\n',
      remote,
    )
    expect(errors).toEqual([
      '.github/quality-gate.yml:2:5: extends: "github:acme/secret/p.yml@main": cannot read acme/secret: no access',
      '.github/quality-gate.yml:3:5: extends: "github:acme/.github/gone.yml@main" was not found: no file gone.yml in acme/.github at main (or the token cannot read that repository)',
      'github:acme/.github/bad.yml@main:3:17: rules.pr-size.fail_lines: expected a non-negative integer, got "many"',
      '.github/quality-gate.yml:5:5: extends: "github:acme": expected github:<owner>/<repo>/<path>@<ref>, e.g. github:acme/.github/quality-gate/org.yml@main',
    ])
  })

  it('without a remote reader: a policy error saying why, never the default preset', async () => {
    const errors = await loadPolicy(`extends: ${ORG}\n`, POLICY_FILE, noRepo, {
      remoteUnavailable: 'set GITHUB_TOKEN, or pass --offline FILE',
    }).then(
      () => [],
      (e: PolicyError) => e.issues.map(formatIssue),
    )
    expect(errors).toEqual([
      `${POLICY_FILE}:1:10: extends: "${ORG}": a policy in another repository is read through the GitHub API, and there is no token to read it (set GITHUB_TOKEN, or pass --offline FILE)`,
    ])
  })

  it('detects cycles across local and remote files', async () => {
    // repository → org.yml (remote) → a path in the org repository → back to org.yml by its github: name
    const remote = remoteOf({
      'acme/.github/quality-gate/org.yml@main': 'extends: loop.yml\n',
      'acme/.github/loop.yml@main': `extends: ${ORG}\n`,
    })
    const errors = await errorsOf(`extends: ${ORG}\n`, remote)
    expect(errors).toEqual([
      `github:acme/.github/loop.yml@main:1:10: extends cycle: ${POLICY_FILE} → github:acme/.github/quality-gate/org.yml@main → github:acme/.github/loop.yml@main → github:acme/.github/quality-gate/org.yml@main`,
    ])
  })
})

describe('org floors (locked)', () => {
  const org = (yaml: string) => remoteOf({ 'acme/.github/quality-gate/org.yml@main': yaml })
  const load = (repo: string, orgYaml: string) => loadPolicy(`extends: ${ORG}\n${repo}`, POLICY_FILE, noRepo, { remote: org(orgYaml) })

  it('a repository may tighten a locked key', async () => {
    const { policy, enforced } = await load(
      'rules:\n  pr-size: { level: fail, fail_lines: 500 }\n',
      'rules:\n  pr-size:\n    level: warn\n    fail_lines: 1000\n    locked: true\n',
    )
    expect(enforced).toEqual([])
    expect(policy.rules['pr-size']).toEqual(expect.objectContaining({ level: 'fail', fail_lines: 500 }))
    expect(policy.rules['pr-size']).not.toHaveProperty('locked')
  })

  it('a repository that loosens a locked key gets the org value, and the enforcement names both places', async () => {
    const orgYaml =
      'rules:\n  pr-size:\n    level: fail\n    fail_lines: 1000\n    locked: [level, fail_lines]\n  runbook:\n    level: warn\n'
    const { policy, enforced } = await load(
      'rules:\n  pr-size:\n    level: notice\n    fail_lines: 0\n    warn_lines: 9999\n  runbook: { level: off }\n',
      orgYaml,
    )
    expect(policy.rules['pr-size']).toEqual(expect.objectContaining({ level: 'fail', fail_lines: 1000, warn_lines: 9999 })) // warn_lines is not locked
    expect(policy.rules.runbook!.level).toBe('off') // not locked
    expect(enforced.map(describeEnforcement)).toEqual([
      `rules.pr-size.level: ${POLICY_FILE}:4:5 sets "notice", looser than the org floor "fail" locked at ${ORG}:5:5 (a level may only go up (off < notice < warn < fail)); "fail" is enforced`,
      `rules.pr-size.fail_lines: ${POLICY_FILE}:5:5 sets 0, looser than the org floor 1000 locked at ${ORG}:5:5 (a limit may only go down (0 = no limit is the loosest)); 1000 is enforced`,
    ])
  })

  it('locked: true covers every option, including the defaults the org did not write', async () => {
    const { policy, enforced } = await load(
      'rules:\n  pr-size: { warn_files: 500, exclude: ["**/*.sql"] }\n',
      'rules:\n  pr-size:\n    locked: true\n',
    )
    expect(enforced.map((e) => e.path)).toEqual(['rules.pr-size.warn_files', 'rules.pr-size.exclude'])
    expect(policy.rules['pr-size']).toEqual(expect.objectContaining({ warn_files: 50, exclude: [] }))
  })

  it('top-level locked paths: conclusion, waivers, release lists', async () => {
    const orgYaml =
      'locked: [conclusion.on_error, waivers.require_reason, release.dangerous_rules]\nrelease:\n  dangerous_rules: [migration-safety, dependencies]\n'
    const { policy, enforced } = await load(
      'conclusion: { on_error: neutral }\nwaivers: { require_reason: false }\nrelease: { dangerous_rules: [migration-safety, dependencies, runbook] }\n',
      orgYaml,
    )
    expect(enforced.map((e) => e.path)).toEqual(['conclusion.on_error', 'waivers.require_reason'])
    expect(policy.conclusion.on_error).toBe('failure')
    expect(policy.waivers.require_reason).toBe(true)
    expect(policy.release.dangerous_rules).toEqual(['migration-safety', 'dependencies', 'runbook']) // grew: tighter
  })

  it('a locked list of required things cannot shrink; a list of exemptions cannot grow', async () => {
    const orgYaml = 'rules:\n  dependencies:\n    licenses: { deny: [GPL-3.0], allow: [MIT, Apache-2.0] }\n    locked: [licenses]\n'
    const { policy, enforced } = await load(
      'rules:\n  dependencies:\n    licenses: { deny: [], allow: [MIT, Apache-2.0, WTFPL] }\n',
      orgYaml,
    )
    expect(enforced.map((e) => e.path)).toEqual(['rules.dependencies.licenses.deny', 'rules.dependencies.licenses.allow'])
    expect(policy.rules.dependencies!.licenses).toEqual({ deny: ['GPL-3.0'], allow: ['MIT', 'Apache-2.0'] })
  })

  it('a key without a "tighter" cannot change at all', async () => {
    const { enforced } = await load('rules:\n  pr-size: { label_prefix: "sz/" }\n', 'rules:\n  pr-size:\n    locked: [label_prefix]\n')
    expect(enforced.map(describeEnforcement)).toEqual([expect.stringContaining('it has no "tighter": it cannot be changed')])
  })

  it('a lock cannot be lifted by the repository (its own locked: is its own floor, not an unlock)', async () => {
    const { policy, enforced } = await load(
      'rules:\n  pr-size:\n    level: off\n    locked: [warn_lines]\n',
      'rules:\n  pr-size:\n    level: fail\n    locked: [level]\n',
    )
    expect(policy.rules['pr-size']!.level).toBe('fail')
    expect(enforced).toHaveLength(1)
  })

  it('locked names that are not keys are policy errors at the name', async () => {
    const errors = await errorsOf('locked: [conclusion.on_eror]\nrules:\n  pr-size:\n    locked: [fail_line]\n')
    expect(errors).toEqual([
      `${POLICY_FILE}:1:10: locked: "conclusion.on_eror" is not a policy key (e.g. conclusion.on_error, rules.pr-size.fail_lines)`,
      `${POLICY_FILE}:4:14: rules.pr-size.locked: "fail_line" is not an option of pr-size (did you mean "fail_lines"?)`,
    ])
  })
})

describe('the "tighter" table', () => {
  it.each([
    ['rules.pr-size.level', 'warn', 'fail', true],
    ['rules.pr-size.level', 'warn', 'notice', false],
    ['rules.migration-safety.dangers.drop-table', 'fail', 'warn', false],
    ['rules.pr-size.fail_lines', 1000, 999, true],
    ['rules.pr-size.fail_lines', 1000, 0, false],
    ['rules.pr-size.fail_files', 0, 10, true],
    ['rules.dependencies.fix_within_days.high', 14, null, false],
    ['rules.dependencies.fix_within_days.medium', null, 30, true],
    ['waivers.min_reason_length', 10, 5, false],
    ['rules.dependencies.fail_on', 'high', 'medium', true],
    ['rules.dependencies.fail_on', 'high', 'none', false],
    ['conclusion.warnings', 'neutral', 'success', false],
    ['rules.pr-size.exclude', ['a'], [], true],
    ['rules.pr-size.exclude', [], ['**'], false],
    ['rules.dependencies.new_only', true, false, true],
  ])('%s: floor %j, value %j → tighter or equal: %s', (path, floor, value, ok) => {
    expect(atLeastAsTight(tighteningOf(path, floor), floor, value)).toBe(ok)
  })
})
