/**
 * scripts/ascii-only.mjs (run by the build on every chunk): non-ASCII characters become escapes that mean the
 * same, so V8 keeps the bundle's sources one-byte (issue 15, start-up). The escaped code must compute exactly
 * what the original computes, and the raw text of a tagged template must stay as written.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { runInNewContext } from 'node:vm'
import { asciiOnly } from '../scripts/ascii-only.mjs'

const SOURCE = [
  "const a = '— ✅ ü 😀'",
  'const r = /[—…😀]/u',
  'const r2 = /é+/',
  'const t = `x — ${a} …`',
  'const raw = String.raw`é\\n—${a}—`',
  '// a comment — with a dash',
  'const 𝒳 = 1',
  'const ü = 2',
  'class K { #é = 3; get() { return this.#é } }',
  "out = [a, r.test('😀'), r2.test('éé'), t, raw, raw.length, 𝒳, ü, new K().get(), { ['ключ']: 1 }]",
].join(';\n')

function run(code: string): unknown {
  const context: { out?: unknown } = {}
  runInNewContext(code, context)
  return JSON.stringify(context.out)
}

describe('ascii-only', () => {
  it('escapes strings, templates, regexes, identifiers and comments; the code computes the same', () => {
    const out = asciiOnly(SOURCE)
    expect(out.replace(/String\.raw`[^`]*`/, '')).toMatch(/^[\x00-\x7f]*$/)
    expect(run(out)).toBe(run(SOURCE))
  })

  it('leaves the raw text of a tagged template as written (String.raw would see the escapes)', () => {
    expect(asciiOnly(SOURCE)).toContain('String.raw`é\\n—${a}—`')
  })

  it('returns ASCII code unchanged', () => {
    const code = 'const a = "plain"; export default a\n'
    expect(asciiOnly(code)).toBe(code)
  })

  it('the committed bundle is what the build leaves: every chunk already ASCII', () => {
    const chunks = readdirSync('dist').filter((f) => f.endsWith('.js') && f !== 'web-tree-sitter.js')
    expect(chunks.length).toBeGreaterThan(10)
    for (const f of chunks) {
      const code = readFileSync(`dist/${f}`, 'utf8')
      expect({ f, same: asciiOnly(code, f) === code }).toEqual({ f, same: true })
    }
  })
})
