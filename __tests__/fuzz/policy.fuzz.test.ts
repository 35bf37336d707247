/**
 * Fuzz: policy YAML. Random YAML-ish text, random documents over the policy's own keys, and mutations of
 * every shipped preset and documented example. Property: loadPolicy returns a LoadedPolicy or throws a
 * PolicyError whose every issue names the file and, for non-empty YAML, a line/column inside the text.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { dump } from 'js-yaml'
import { isEmptyPolicy, loadPolicy, parsePolicyText, PolicyError } from '../../src/policy/load.js'
import { RULES } from '../../src/rules/index.js'
import { check, mutated, nastyString, numberText, TIMEOUT } from './support.js'

const FILE = '.github/quality-gate.yml'
const BASE = '.github/policies/base.yml'
const REMOTE = 'github:acme/.github/org.yml@main'

function yamlBlocks(md: string): string[] {
  return [...md.matchAll(/```ya?ml\n([\s\S]*?)```/g)].map((m) => m[1])
}
function mdFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? mdFiles(join(dir, d.name)) : d.name.endsWith('.md') ? [join(dir, d.name)] : [],
  )
}

export const POLICY_SEEDS: string[] = [
  ...readdirSync('policies')
    .filter((f) => f.endsWith('.yml'))
    .map((f) => readFileSync(join('policies', f), 'utf8')),
  ...mdFiles('docs').flatMap((f) => yamlBlocks(readFileSync(f, 'utf8'))),
  ...yamlBlocks(readFileSync('README.md', 'utf8')),
  'extends: default\n',
  `extends: [default, ${BASE}]\nrules:\n  pr-size: { level: fail }\n`,
]

const RULE_IDS = RULES.map((r) => r.id)
const OPTION_KEYS = [...new Set(RULES.flatMap((r) => Object.keys((r.options as unknown as { properties: object }).properties)))]
const KEYS = [
  'extends',
  'rules',
  'conclusion',
  'waivers',
  '$schema',
  'level',
  'on_error',
  'warnings',
  'partial',
  'label_prefix',
  'require_reason',
  'min_reason_length',
  ...RULE_IDS,
  ...OPTION_KEYS,
]
const YAML_TOKENS = [
  ': ',
  ':',
  '- ',
  '-',
  '{',
  '}',
  '[',
  ']',
  ', ',
  '? ',
  '|',
  '|-',
  '>',
  '>+',
  '---\n',
  '...\n',
  '%YAML 1.2\n',
  '%TAG ! tag:x,2000:\n',
  '&a ',
  '*a',
  '*b',
  '<<: *a',
  '!!str ',
  '!!binary ',
  '!!int ',
  '!!map ',
  '!!seq ',
  '!!js/function ',
  '!custom ',
  '"',
  "'",
  '#',
  '\t',
  '\n',
  '\n  ',
  '\n    ',
  '\r\n',
  '~',
  'null',
  'true',
  'no',
  'yes',
  '.inf',
  '-.nan',
  '0o17',
  '0x1F',
  '1_000',
  '2026-11-26',
  '\\u0000',
  '\uFEFF',
  'a: &x [*x]',
  ...KEYS.map((k) => `${k}: `),
  ...KEYS.map((k) => `\n  ${k}: `),
  'level: off',
  'level: notice',
  'level: warn',
  'level: fail',
  'level: block',
  'extends: nope',
  `extends: ${BASE}`,
  'extends: ./missing.yml',
  'extends: [default, default]',
  // org policy (issue 19): remote extends and floors
  `extends: ${REMOTE}`,
  'extends: github:acme',
  'extends: github:acme/.github/../x.yml@main',
  'locked: true',
  'locked: [level, fail_lines]',
  'locked: [nope]',
  '\nlocked: [conclusion.on_error, rules.pr-size]',
]

/** A YAML-ish line soup: tokens, keys and nasty strings glued together. */
const yamlSoup: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.constantFrom(...YAML_TOKENS), nastyString(12), numberText), { maxLength: 40 })
  .map((p) => p.join(''))

/** A random value of any type, for option values. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('off', 'notice', 'warn', 'fail', 'default', 'strict', 'relaxed', '**/*.ts', '', null, true, false, -1, 0, 1.5, 1e21),
  fc.integer(),
  nastyString(20),
  fc.array(fc.oneof(nastyString(10), fc.constantFrom('src/**', '*.md', '{a,b}/**', '[')), { maxLength: 4 }),
  fc.dictionary(fc.constantFrom(...KEYS), fc.oneof(nastyString(8), fc.integer(), fc.boolean()), { maxKeys: 3 }),
)

/** Documents shaped like policies: the real keys with random values, dumped as YAML. */
const policyDoc: fc.Arbitrary<string> = fc
  .record(
    {
      extends: fc.oneof(
        fc.constantFrom('default', 'strict', 'relaxed', 'nope', BASE, 'missing/x.yml', FILE),
        fc.array(fc.constantFrom('default', 'strict', BASE, 'nope'), { maxLength: 3 }),
        anyValue,
      ),
      rules: fc.oneof(
        fc.dictionary(
          fc.oneof(fc.constantFrom(...RULE_IDS), nastyString(10)),
          fc.oneof(fc.dictionary(fc.constantFrom(...OPTION_KEYS, 'level'), anyValue, { maxKeys: 5 }), anyValue),
          { maxKeys: 4 },
        ),
        anyValue,
      ),
      conclusion: fc.oneof(
        fc.dictionary(
          fc.constantFrom('on_error', 'warnings', 'partial', 'other'),
          fc.constantFrom('failure', 'neutral', 'success', 'x', 1),
        ),
        anyValue,
      ),
      waivers: fc.oneof(
        fc.record({ label_prefix: anyValue, require_reason: anyValue, min_reason_length: anyValue }, { requiredKeys: [] }),
        anyValue,
      ),
      junk: anyValue,
    },
    { requiredKeys: [] },
  )
  .chain((doc) =>
    fc.constantFrom<Array<{ flowLevel: number }>>({ flowLevel: -1 }, { flowLevel: 1 }, { flowLevel: 2 }, { flowLevel: 0 }).map((o) => {
      try {
        return dump(doc, { ...o, skipInvalid: true })
      } catch {
        return '{}'
      }
    }),
  )

const policyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: mutated(POLICY_SEEDS, YAML_TOKENS, 5) },
  { weight: 2, arbitrary: policyDoc },
  { weight: 2, arbitrary: yamlSoup },
  { weight: 1, arbitrary: fc.string({ maxLength: 200, unit: 'binary' }) },
  {
    weight: 1,
    arbitrary: fc.tuple(policyDoc, fc.array(fc.constantFrom(...YAML_TOKENS), { maxLength: 4 })).map(([d, t]) => d + t.join('')),
  },
)

/** 1-based line/column is inside the text, counting lines either way (\n only, as positions.ts does, or \r too, as js-yaml does). */
export function withinBounds(text: string, line: number, column: number): boolean {
  for (const sep of [/\n/, /\r\n|\r|\n/]) {
    const lines = text.split(sep)
    if (line >= 1 && line <= lines.length && column >= 1 && column <= lines[line - 1].length + 1) return true
  }
  return false
}

export function assertPolicyIssues(
  e: unknown,
  texts: Record<string, string>,
  allowNoPosition: (message: string) => boolean = () => false,
): void {
  if (!(e instanceof PolicyError))
    throw new Error(`not a PolicyError: ${e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e)}`)
  expect(e.issues.length).toBeGreaterThan(0)
  for (const i of e.issues) {
    const text = texts[i.file]
    if (text === undefined) throw new Error(`issue names an unknown file ${JSON.stringify(i.file)}: ${i.message}`)
    expect(typeof i.message).toBe('string')
    if (text.trim() === '' || allowNoPosition(i.message)) continue
    if (i.line === undefined || i.column === undefined)
      throw new Error(`issue without a position in ${i.file}: ${i.message}\n--- text ---\n${text}`)
    if (!withinBounds(text, i.line, i.column))
      throw new Error(
        `issue position ${i.line}:${i.column} outside ${i.file} (${text.split('\n').length} lines): ${i.message}\n--- text ---\n${text}`,
      )
  }
}

describe('fuzz: policy YAML', () => {
  test(
    'parsePolicyText: a mapping or a PolicyError with file, line and column inside the text',
    async () => {
      await check('policy: parsePolicyText', 200, policyText, (text) => {
        try {
          const raw = parsePolicyText(text, FILE)
          expect(typeof raw).toBe('object')
        } catch (e) {
          assertPolicyIssues(e, { [FILE]: text })
        }
      })
    },
    TIMEOUT,
  )

  test(
    'loadPolicy (with an extends chain through the repository): a LoadedPolicy or a PolicyError',
    async () => {
      await check('policy: loadPolicy', 150, fc.tuple(policyText, fc.option(policyText, { nil: undefined })), async ([text, base]) => {
        const read = async (p: string): Promise<string | undefined> => (p === BASE ? base : p === FILE ? text : undefined)
        const texts: Record<string, string> = { [FILE]: text, ...(base !== undefined ? { [BASE]: base, [REMOTE]: base } : {}) }
        // the org file (github:) is the same text as the repository's base file
        const remote = async (spec: { owner: string; repo: string; path: string; ref: string }) =>
          `github:${spec.owner}/${spec.repo}/${spec.path}@${spec.ref}` === REMOTE ? base : undefined
        try {
          const loaded = await loadPolicy(text, FILE, read, { remote })
          for (const r of RULES) expect(['off', 'notice', 'warn', 'fail']).toContain(loaded.policy.rules[r.id].level)
          // An empty (or comment-only) file is named as such: the default preset applies to it.
          const last = loaded.sources[loaded.sources.length - 1]
          if (isEmptyPolicy(text)) expect(last).toBe(`${FILE} (empty: the default preset applies)`)
          else expect(last).toBe(FILE)
        } catch (e) {
          assertPolicyIssues(e, texts)
        }
      })
    },
    TIMEOUT,
  )
})
