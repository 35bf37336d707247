import { readFileSync } from 'node:fs'
import { loadPolicy, parsePolicyText, deepMerge, type RepoReader } from '../../src/policy/load.js'
import { noRepo, policyErrors, POLICY_FILE } from '../helpers/policy.js'
import { policyJsonSchema } from '../../src/policy/schema.js'
import { PRESETS } from '../../src/policy/presets.generated.js'
// @ts-expect-error: plain ESM script without types
import { generatePresets } from '../../scripts/gen-presets.mjs'

const errorsOf = (text: string, file = POLICY_FILE, read: RepoReader = noRepo): Promise<string[]> => policyErrors(text, read, file)

describe('policy errors name file, line and column', () => {
  it.each([
    [
      'a wrong type',
      'extends: default\nrules:\n  pr-size:\n    level: warn\n    fail_lines: lots\n',
      '.github/quality-gate.yml:5:17: rules.pr-size.fail_lines: expected a non-negative integer, got "lots"',
    ],
    [
      'a bad level',
      'rules:\n  pr-size: { level: block }\n',
      '.github/quality-gate.yml:2:21: rules.pr-size.level: expected one of off, notice, warn, fail, got "block"',
    ],
    [
      'an unknown rule, listing the valid ones',
      'rules:\n  pr-sise:\n    level: warn\n',
      '.github/quality-gate.yml:2:3: rules: unknown rule "pr-sise" (did you mean "pr-size"?); valid: ',
    ],
    [
      'an unknown key with a suggestion',
      'rules:\n  pr-size:\n    warn_line: 10\n',
      '.github/quality-gate.yml:3:5: rules.pr-size: unknown key "warn_line" (did you mean "warn_lines"?)',
    ],
    ['an unknown top-level key', 'rulez: {}\n', '.github/quality-gate.yml:1:1: (top level): unknown key "rulez" (did you mean "rules"?)'],
    ['invalid YAML', 'rules:\n  pr-size: [\n', '.github/quality-gate.yml:3:1: invalid YAML'],
    ['a list at the top level', '- a\n- b\n', '.github/quality-gate.yml:1:1: expected a mapping at the top level'],
    [
      'an unknown preset',
      'extends: strictest\n',
      'extends: unknown preset "strictest" (did you mean "strict"?); shipped presets: default, relaxed, strict',
    ],
    // a name every JavaScript object answers to is no preset (it was loaded as one: "text.trim is not a function")
    ['a preset named like an Object member', 'extends: constructor\n', 'extends: unknown preset "constructor"'],
    ['a preset named __proto__', 'extends: __proto__\n', 'extends: unknown preset "__proto__"'],
    ['a missing extended file', 'extends: .github/base.yml\n', 'extends: ".github/base.yml" was not found in the repository'],
  ])('%s', async (_name, text, expected) => {
    const errors = await errorsOf(text)
    expect(errors.length).toBeGreaterThan(0)
    expect(errors[0]).toContain(expected)
  })

  it('reports every problem, not only the first', async () => {
    const errors = await errorsOf('rules:\n  pr-size:\n    warn_lines: -1\n    fail_files: x\n    labels: maybe\n')
    expect(errors).toHaveLength(3)
    expect(errors.map((e) => e.split(':').slice(1, 3).join(':'))).toEqual(['3:17', '4:17', '5:13'])
  })

  it("reports the extends chain's problems with the file's own, in one run", async () => {
    // before: the unknown preset was only reported once the typos were fixed
    const read = async (p: string) => (p === '.github/base.yml' ? 'rules:\n  pr-size:\n    fail_lines: many\n' : undefined)
    const errors = await errorsOf(
      'extends: [strickt, .github/base.yml, .github/gone.yml]\nrules:\n  pr-size:\n    fial_lines: 20\n',
      '.github/quality-gate.yml',
      read,
    )
    expect(errors).toEqual([
      expect.stringMatching(/^\.github\/quality-gate\.yml:4:5: rules\.pr-size: unknown key "fial_lines"/),
      expect.stringMatching(/^\.github\/quality-gate\.yml:1:11: extends: unknown preset "strickt"/),
      '.github/base.yml:3:17: rules.pr-size.fail_lines: expected a non-negative integer, got "many"',
      expect.stringMatching(/^\.github\/quality-gate\.yml:1:38: extends: "\.github\/gone\.yml" was not found/),
    ])
  })

  it('positions errors inside the extended file, naming that file', async () => {
    const read = async (p: string) => (p === '.github/base.yml' ? 'rules:\n  pr-size:\n    fail_lines: many\n' : undefined)
    const errors = await errorsOf('extends: .github/base.yml\n', '.github/quality-gate.yml', read)
    expect(errors[0]).toBe('.github/base.yml:3:17: rules.pr-size.fail_lines: expected a non-negative integer, got "many"')
  })

  it('detects extends cycles', async () => {
    const read = async (p: string) => (p === 'a.yml' ? 'extends: b.yml\n' : p === 'b.yml' ? 'extends: a.yml\n' : undefined)
    const errors = await errorsOf('extends: a.yml\n', 'x.yml', read)
    expect(errors[0]).toContain('extends cycle')
  })
})

describe('policy resolution', () => {
  it('uses the embedded default preset when the repository has none', async () => {
    const { policy, sources } = await loadPolicy(undefined, '.github/quality-gate.yml', noRepo)
    expect(sources).toEqual(['policies/default.yml'])
    expect(policy.rules['pr-size']).toMatchObject({ level: 'warn', warn_lines: 400, fail_lines: 1000 })
    expect(policy.conclusion).toEqual({ warnings: 'neutral', on_error: 'failure', partial: 'failure' })
  })

  it('merges presets then the file, rule by rule', async () => {
    const { policy, sources } = await loadPolicy('extends: [default, strict]\nrules:\n  pr-size:\n    fail_lines: 700\n', 'p.yml', noRepo)
    expect(sources).toEqual(['policies/default.yml', 'policies/default.yml', 'policies/strict.yml', 'p.yml'])
    // strict sets level fail and warn_lines 300; the file overrides only fail_lines
    expect(policy.rules['pr-size']).toMatchObject({ level: 'fail', warn_lines: 300, fail_lines: 700, labels: true })
  })

  it('fills defaults for rules and settings the files do not mention', async () => {
    const { policy } = await loadPolicy('rules: {}\n', 'p.yml', noRepo)
    expect(policy.rules['pr-size']).toMatchObject({ level: 'warn', exclude: [], sizes: { XS: 10, S: 30, M: 100, L: 500, XL: 1000 } })
    expect(policy.waivers).toEqual({
      label_prefix: 'gate-waive:',
      require_reason: true,
      min_reason_length: 10,
      approvers: { permission: 'write' },
      allow_self: false,
      invalidate_on_push: ['migration-safety', 'dependencies'],
    })
  })

  it('replaces lists instead of concatenating them', () => {
    expect(deepMerge({ a: [1, 2], b: { c: 1, d: 2 } }, { a: [3], b: { d: 3 } })).toEqual({ a: [3], b: { c: 1, d: 3 } })
  })

  it('accepts an empty file', () => {
    expect(parsePolicyText('', 'p.yml')).toEqual({})
  })

  it.each(Object.keys(PRESETS))('the shipped preset %s is valid', async (name) => {
    await expect(loadPolicy(`extends: ${name}\n`, 'p.yml', noRepo)).resolves.toBeDefined()
  })
})

describe('generated files are fresh', () => {
  it('policies/schema.json equals the schema module', () => {
    const committed = JSON.parse(readFileSync('policies/schema.json', 'utf8'))
    expect(committed).toEqual(policyJsonSchema())
  })
  it('src/policy/presets.generated.ts embeds policies/*.yml', () => {
    expect(readFileSync('src/policy/presets.generated.ts', 'utf8')).toBe(generatePresets())
  })
})
