/**
 * What an editor does with policies/schema.json: every shipped preset and every example policy in the
 * README and docs/ must validate with zero diagnostics, both with ajv (draft-07, as CI tools and
 * yaml-language-server's validator do) and with VS Code's JSON language service. A key with a default
 * must never be `required`, or every hand-written policy is red in the editor.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { load } from 'js-yaml'
import { Ajv } from 'ajv'
import { getLanguageService, type JSONSchema } from 'vscode-json-languageservice'
import { TextDocument } from 'vscode-languageserver-textdocument'
import { RULES } from '../../src/rules/index.js'

const schema = JSON.parse(readFileSync('policies/schema.json', 'utf8')) as Record<string, unknown>
const POLICY_KEYS = ['$schema', 'extends', 'rules', 'conclusion', 'waivers', 'release']
const RULE_IDS: readonly string[] = RULES.map((r) => r.id)

function ajvValidate(doc: unknown): string[] {
  const ajv = new Ajv({ allErrors: true, strict: false })
  ajv.addFormat('glob', true)
  ajv.addFormat('regex', true)
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/)
  const check = ajv.compile(schema)
  return check(doc) ? [] : (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`)
}

/** The diagnostics VS Code's JSON language service gives the document (as JSON) against the schema. */
async function editorDiagnostics(doc: unknown): Promise<string[]> {
  const ls = getLanguageService({})
  ls.configure({
    validate: true,
    allowComments: false,
    schemas: [{ uri: 'https://example.invalid/policy-schema.json', fileMatch: ['*.json'], schema: schema as JSONSchema }],
  })
  const text = JSON.stringify(doc, null, 2)
  const td = TextDocument.create('file:///work/quality-gate.json', 'json', 1, text)
  const diags = await ls.doValidation(td, ls.parseJSONDocument(td))
  return diags.map((d) => `${td.positionAt(td.offsetAt(d.range.start)).line + 1}: ${d.message}`)
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    return statSync(p).isDirectory() ? markdownFiles(p) : p.endsWith('.md') ? [p] : []
  })
}

/**
 * The example policies of the docs: yaml blocks whose top-level keys are policy keys (workflows and
 * other yaml are skipped), or rule fragments (`critical-path-tests: …`), which are wrapped in `rules:`.
 */
function docExamples(): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = []
  for (const file of ['README.md', ...markdownFiles('docs')]) {
    const text = readFileSync(file, 'utf8')
    const re = /^```ya?ml\n([\s\S]*?)^```/gm
    for (let m = re.exec(text); m; m = re.exec(text)) {
      let doc: unknown
      try {
        doc = load(m[1])
      } catch {
        continue // an excerpt of a workflow (`steps: [ … ]`), not a document
      }
      if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) continue
      const keys = Object.keys(doc)
      const line = text.slice(0, m.index).split('\n').length
      if (keys.some((k) => POLICY_KEYS.includes(k))) out.push([`${file}:${line}`, doc])
      else if (keys.length && keys.every((k) => RULE_IDS.includes(k))) out.push([`${file}:${line}`, { rules: doc }])
    }
  }
  return out
}

const presets = readdirSync('policies')
  .filter((n) => n.endsWith('.yml'))
  .map((n): [string, unknown] => [`policies/${n}`, load(readFileSync(join('policies', n), 'utf8'))])
const examples = docExamples()

describe('policies/schema.json in an editor', () => {
  it('finds the presets and the example policies of the docs', () => {
    expect(presets.map(([n]) => n).sort()).toEqual(['policies/default.yml', 'policies/relaxed.yml', 'policies/strict.yml'])
    // README's policy, docs/release.md, and the rule pages' examples at least.
    expect(examples.length).toBeGreaterThanOrEqual(7)
    expect(examples.map(([w]) => w)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^README\.md:/), expect.stringMatching(/^docs\/rules\/critical-path-tests\.md:/)]),
    )
  })

  it.each([...presets, ...examples])('%s: ajv reports nothing', (_where, doc) => {
    expect(ajvValidate(doc)).toEqual([])
  })

  it.each([...presets, ...examples])('%s: the JSON language service reports nothing', async (_where, doc) => {
    expect(await editorDiagnostics(doc)).toEqual([])
  })

  it('a minimal hand-written policy is not red', async () => {
    const doc = load(
      'extends: default\nrules:\n  pr-size: { level: warn }\n  co-change:\n    rules:\n      - { name: docs, when: ["src/**"], require: ["docs/**"] }\n',
    )
    expect(ajvValidate(doc)).toEqual([])
    expect(await editorDiagnostics(doc)).toEqual([])
  })

  it('keys without a default stay required, and mistakes are still reported', async () => {
    const missing = { rules: { 'co-change': { rules: [{ when: ['src/**'] }] } } }
    expect((await editorDiagnostics(missing)).join('\n')).toMatch(/Missing property "name"/)
    expect(ajvValidate(missing).join('\n')).toMatch(/required.*name/)
    const wrongLevel = { rules: { 'pr-size': { level: 'warning' } } }
    expect((await editorDiagnostics(wrongLevel)).join('\n')).toMatch(/Value is not accepted/)
    expect(ajvValidate(wrongLevel)).not.toEqual([])
  })
})
