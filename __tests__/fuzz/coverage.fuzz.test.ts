/**
 * Fuzz: coverage reports. The real fixtures (jest, c8, coverage.py, JaCoCo, go test) mutated with each
 * format's own tokens, plus random text. Property: parseReport never throws; the result names the report
 * file; every problem names a line inside the file or an element (whole-file verdicts such as "empty"
 * excepted); line hits are positive line numbers with finite non-negative counts; merging never throws.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { mergeCoverage, parseReport, PathMatcher, type ParsedReport } from '../../src/evidence/coverage/index.js'
import { check, lineCount, mutated, nastyString, numberText, TIMEOUT } from './support.js'

const FIX = join(process.cwd(), '__tests__/fixtures/coverage')
const read = (p: string): string => readFileSync(join(FIX, p), 'utf8')

const SEEDS = {
  lcov: [read('node/jest/lcov.info'), read('node/c8/lcov.info')],
  xml: [
    read('node/jest/cobertura-coverage.xml'),
    read('node/c8/cobertura-coverage.xml'),
    read('python/coverage.xml'),
    read('jacoco/jacoco.xml'),
  ],
  istanbul: [read('node/jest/coverage-final.json'), read('node/c8/coverage-final.json')],
  go: [read('go/cover.out')],
}

const LCOV_TOKENS = [
  '\nSF:',
  '\nSF:src/a b.js',
  '\nDA:',
  '\nDA:1,1',
  '\nDA:0,1',
  '\nDA:-1,1',
  '\nDA:1,-1',
  '\nDA:1,1e400',
  '\nDA:99999999999999999999,1',
  '\nDA:3,1,abc',
  '\nend_of_record',
  '\nTN:',
  '\nFN:1,f',
  '\nBRDA:1,0,0,-',
  '\nLF:3',
  '\nLH:x',
  '\nsf:lower',
  ',',
  ':',
  '\r\n',
  '\uFEFF',
]
const XML_TOKENS = [
  '<',
  '>',
  '/>',
  '</line>',
  '</class>',
  '</package>',
  '<line number="0" hits="-1"/>',
  '<line number="1" hits="1e999"/>',
  '<line number="x" hits="1"/>',
  '<line nr="1" mi="0" ci="1" mb="0" cb="0"/>',
  '<line nr="99999999999999999999" ci="1"/>',
  '<line/>',
  '<class name="C" filename="">',
  '<class name="C">',
  '<package name="p">',
  '<package>',
  '<sourcefile name="A.java">',
  '<sourcefile>',
  '<source>/abs/root</source>',
  '<source></source>',
  '<sources/>',
  '<packages/>',
  '&amp;',
  '&bogus;',
  '&#0;',
  '&#x110000;',
  '<![CDATA[x]]>',
  '<!-- c -->',
  '<!--',
  '-->',
  '<?xml version="1.0"?>',
  '<!DOCTYPE coverage SYSTEM "http://cobertura.sourceforge.net/xml/coverage-04.dtd">',
  '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
  '&c;',
  'number="',
  'hits="',
  'filename="',
  'name="',
  '"',
  "'",
  '=',
  'xmlns:x="y"',
  '<x:y/>',
  '<coverage>',
  '<report name="r">',
  '</report>',
  '</coverage>',
  '\r\n',
  '\uFEFF',
]
const JSON_TOKENS = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  '"statementMap"',
  '"s"',
  '"path"',
  '"data"',
  '{"start":{"line":0}}',
  '{"start":{"line":1.5}}',
  '{"start":{"line":-1}}',
  '{"start":{"line":1e999}}',
  '"0": -1',
  '"0": "1"',
  'null',
  'true',
  '1e999',
  '-',
  '__proto__',
  '"__proto__"',
  '"constructor"',
  '\\u0000',
  '\uFEFF',
]
const GO_TOKENS = [
  '\nmode: set',
  '\nmode: count',
  '\nmode: atomic',
  '\nmode: bogus',
  '\nmode:',
  '\na.go:1.1,2.2 1 1',
  '\na.go:5.1,2.1 1 1',
  '\na.go:0.0,0.0 0 0',
  '\na.go:1.1,99999999.1 1 1',
  '\na.go:9007199254740991.1,9007199254740991.9 1 1',
  '\nx.go:1.1,2.2 1',
  ' ',
  ':',
  ',',
  '.',
  '\r\n',
]

const report: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: mutated(SEEDS.lcov, LCOV_TOKENS, 5) },
  { weight: 3, arbitrary: mutated(SEEDS.xml, XML_TOKENS, 5) },
  { weight: 2, arbitrary: mutated(SEEDS.istanbul, JSON_TOKENS, 5) },
  { weight: 2, arbitrary: mutated(SEEDS.go, GO_TOKENS, 5) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom('TN:\n', 'mode: set\n', '<coverage>', '<report>', '{', ''),
        fc.array(fc.oneof(fc.constantFrom(...LCOV_TOKENS, ...GO_TOKENS, ...XML_TOKENS, ...JSON_TOKENS), nastyString(10), numberText), {
          maxLength: 30,
        }),
      )
      .map(([h, t]) => h + t.join('')),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 200, unit: 'binary' }) },
)

/** Whole-file verdicts: the file as a whole is wrong, there is no position to name. */
const WHOLE_FILE = [
  /^the report is empty$/,
  /^no SF records/,
  /^empty: no "mode:" line/,
  /^top level is not an object/,
  /^and \d+ more problems$/,
  /Clover report/,
]

export function assertReport(r: ParsedReport, text: string, path: string): void {
  expect(r.reportPath).toBe(path)
  expect(['lcov', 'cobertura', 'jacoco', 'istanbul', 'go', 'unknown']).toContain(r.format)
  expect(r.totalFiles).toBeGreaterThanOrEqual(r.files.length)
  for (const p of r.problems) {
    expect(typeof p.message).toBe('string')
    expect(p.message.length).toBeGreaterThan(0)
    expect(typeof p.fatal).toBe('boolean')
    if (p.line !== undefined) {
      if (!(Number.isInteger(p.line) && p.line >= 1 && p.line <= Math.max(lineCount(text), text.split('\n').length))) {
        throw new Error(`problem line ${p.line} outside ${path} (${lineCount(text)} lines): ${p.message}`)
      }
    } else if (!(p.element && p.element.length > 0) && !WHOLE_FILE.some((re) => re.test(p.message))) {
      throw new Error(
        `problem names neither a line nor an element of ${path}: ${p.message}\n--- text (${text.length} chars) ---\n${text.slice(0, 2000)}`,
      )
    }
  }
  if (r.format === 'unknown' || r.problems.some((p) => p.fatal)) expect(r.problems.length).toBeGreaterThan(0)
  for (const f of r.files) {
    expect(typeof f.path).toBe('string')
    for (const [line, hits] of f.lines) {
      if (!(Number.isSafeInteger(line) && line >= 1)) throw new Error(`line ${line} in ${f.path}`)
      if (!(Number.isFinite(hits) && hits >= 0)) throw new Error(`hits ${hits} on ${f.path}:${line}`)
    }
  }
}

describe('fuzz: coverage reports', () => {
  test(
    'parseReport never throws; problems name the file and a line or element',
    async () => {
      await check(
        'coverage: parseReport (lcov, Cobertura, JaCoCo, Istanbul, Go)',
        200,
        fc.tuple(report, fc.constantFrom('coverage/lcov.info', 'coverage.xml', 'cover.out', 'coverage/coverage-final.json')),
        ([text, path]) => {
          const started = Date.now()
          const r = parseReport(text, path)
          assertReport(r, text, path)
          // A report is data from the PR's own CI: it must not be able to stall the gate.
          if (Date.now() - started > 2000) throw new Error(`parseReport took ${Date.now() - started} ms on ${text.length} chars`)
          const matcher = new PathMatcher([
            'src/payments/charge.js',
            'shop/payments/charge.py',
            'payments/charge.go',
            'src/main/java/com/acme/payments/Charge.java',
            'a.go',
            'src/a b.js',
          ])
          mergeCoverage([r, parseReport(text, path + '.2', { keep: matcher.mightMatch })], matcher)
        },
      )
    },
    TIMEOUT,
  )
})
