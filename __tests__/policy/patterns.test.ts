/**
 * Policy regexes and globs are untrusted input (the PR's own policy is previewed): validation rejects what
 * RE2 cannot run and globs over the caps, at file:line:column, naming the construct.
 */
import { readFileSync } from 'node:fs'
import { policyErrors } from '../helpers/policy.js'
import { regexProblem } from '../../src/policy/regex.js'

const coChange = (line: string) =>
  `rules:\n  co-change:\n    rules:\n      - name: x\n        when: ['**/*.proto']\n        require: [docs/**]\n${line}\n`

describe('policy regexes: RE2 syntax, errors with position', () => {
  it.each([
    // plain scalar: the column is the construct's own
    [
      'a backreference',
      '        added_lines_match: (a)\\1',
      '.github/quality-gate.yml:7:31: rules.co-change.rules.0.added_lines_match: invalid regular expression (RE2 syntax): backreference `\\1` is not supported (RE2 has no backreferences)',
    ],
    // single-quoted: past the quote
    [
      'a lookahead',
      "        added_lines_match: 'foo(?=bar)'",
      '.github/quality-gate.yml:7:32: rules.co-change.rules.0.added_lines_match: invalid regular expression (RE2 syntax): lookahead `(?=` is not supported (RE2 has no lookaround)',
    ],
    // double-quoted with escapes: `\\s` is two characters of source for one of pattern
    [
      'a negative lookbehind',
      '        added_lines_match: "\\\\s+(?<!x)y"',
      '.github/quality-gate.yml:7:33: rules.co-change.rules.0.added_lines_match: invalid regular expression (RE2 syntax): lookbehind `(?<!` is not supported (RE2 has no lookaround)',
    ],
    [
      'a named backreference',
      '        added_lines_match: (?P<n>a)(?P=n)',
      '.github/quality-gate.yml:7:36: rules.co-change.rules.0.added_lines_match: invalid regular expression (RE2 syntax): named backreference `(?P=…)` is not supported (RE2 has no backreferences)',
    ],
    [
      'an unbalanced parenthesis',
      '        added_lines_match: "(ab"',
      '.github/quality-gate.yml:7:29: rules.co-change.rules.0.added_lines_match: invalid regular expression (RE2 syntax): missing closing ): `(ab`',
    ],
  ])('%s', async (_what, line, expected) => {
    expect(await policyErrors(coChange(line))).toEqual([expected])
  })

  it('the catastrophic-backtracking pattern of the report is valid RE2 (it runs in linear time, so it is allowed)', async () => {
    expect(await policyErrors(coChange('        added_lines_match: ^(a+)+$'))).toEqual([])
  })

  it('a pattern too large once compiled is refused', () => {
    expect(regexProblem('[a-z]{1000}[0-9]{1000}')?.message).toMatch(/too large once compiled/)
    expect(regexProblem('x'.repeat(1001))?.message).toMatch(/longer than 1000 characters/)
  })
})

describe('policy globs: brace expansion and length are capped', () => {
  const brace = '{a,b}'.repeat(17)
  it('a co-change glob expanding to 2^17 alternatives is an error at its first brace', async () => {
    expect(await policyErrors(coChange(`        unless: ['src/${brace}']`))).toEqual([
      '.github/quality-gate.yml:7:23: rules.co-change.rules.0.unless.0: invalid glob: glob expands to more than 256 alternatives (brace expansion `{a,b}` multiplies)',
    ])
  })

  it('so is one in any other rule option described as globs (pr-size exclude, critical-path-tests areas)', async () => {
    const text = `rules:\n  pr-size:\n    exclude: ['${brace}']\n  critical-path-tests:\n    areas:\n      - name: pay\n        include: ["pay/${brace}"]\n`
    expect(await policyErrors(text)).toEqual([
      expect.stringMatching(
        /^\.github\/quality-gate\.yml:3:16: rules\.pr-size\.exclude\.0: invalid glob: glob expands to more than 256 alternatives/,
      ),
      expect.stringMatching(
        /^\.github\/quality-gate\.yml:7:24: rules\.critical-path-tests\.areas\.0\.include\.0: invalid glob: glob expands to more than 256 alternatives/,
      ),
    ])
  })

  it('and in runbook exclude and migration-safety dialect paths, which were not checked as globs', async () => {
    const text = `rules:\n  runbook:\n    exclude: ['${brace}']\n  migration-safety:\n    dialects: [{ paths: ['${brace}'], dialect: mysql }]\n`
    expect(await policyErrors(text)).toEqual([
      expect.stringMatching(
        /^\.github\/quality-gate\.yml:3:16: rules\.runbook\.exclude\.0: invalid glob: glob expands to more than 256 alternatives/,
      ),
      expect.stringMatching(
        /^\.github\/quality-gate\.yml:5:\d+: rules\.migration-safety\.dialects\.0\.paths\.0: invalid glob: glob expands/,
      ),
    ])
  })

  it('every option list whose defaults are path globs is checked as globs', () => {
    const missing: string[] = []
    const walk = (node: unknown, path: string): void => {
      if (typeof node !== 'object' || node === null) return
      const n = node as {
        type?: string
        items?: { type?: string; format?: string }
        description?: string
        default?: unknown
        properties?: Record<string, unknown>
      }
      if (n.type === 'array' && n.items?.type === 'string' && Array.isArray(n.default)) {
        const pathGlobs = n.default.some((d) => typeof d === 'string' && d.includes('/') && d.includes('*'))
        if (pathGlobs && n.items.format !== 'glob' && !/\bglobs?\b/i.test(n.description ?? '')) missing.push(path)
      }
      for (const [k, v] of Object.entries(n.properties ?? {})) walk(v, `${path}.${k}`)
      if (n.items) walk(n.items, `${path}[]`)
    }
    walk(JSON.parse(readFileSync('policies/schema.json', 'utf8')), '')
    expect(missing).toEqual([])
  })

  it('ordinary braces stay valid', async () => {
    expect(await policyErrors(coChange("        unless: ['**/*.{ts,tsx,js,jsx}', '{a,b}/{c,d}/{e,f}/{g,h}']"))).toEqual([])
  })
})
