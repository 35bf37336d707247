/** Malformed and truncated reports: a problem naming the line or element, never a throw. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseGoCover, parseReport } from '../../../src/evidence/coverage/index.js'

const FIX = join(process.cwd(), '__tests__/fixtures/coverage')
const c8lcov = readFileSync(join(FIX, 'node/c8/lcov.info'), 'utf8')
const c8json = readFileSync(join(FIX, 'node/c8/coverage-final.json'), 'utf8')
const jacoco = readFileSync(join(FIX, 'jacoco/jacoco.xml'), 'utf8')
const cobertura = readFileSync(join(FIX, 'python/coverage.xml'), 'utf8')

interface Case {
  name: string
  text: string
  fatal: boolean
  line?: number
  element?: RegExp
  message: RegExp
  files?: number
}

const cases: Case[] = [
  {
    name: 'lcov cut mid-record',
    text: c8lcov.slice(0, c8lcov.indexOf('DA:10,0')),
    fatal: false,
    message: /truncated.*src\/payments\/charge\.js.*no end_of_record/,
    line: 17,
    files: 1,
  },
  {
    name: 'lcov bad DA',
    text: 'TN:\nSF:a.js\nDA:1,1\nDA:x,1\nend_of_record\n',
    fatal: false,
    line: 4,
    message: /malformed DA record/,
    files: 1,
  },
  { name: 'lcov DA outside a record', text: 'DA:1,1\nSF:a.js\nend_of_record\n', fatal: false, line: 1, message: /outside/ },
  {
    name: 'lcov missing end_of_record between files',
    text: 'SF:a.js\nDA:1,1\nSF:b.js\nDA:1,0\nend_of_record\n',
    fatal: false,
    line: 3,
    message: /no end_of_record before the next SF/,
    files: 2,
  },
  { name: 'not lcov (text)', text: 'SF:\nhello world\n', fatal: false, message: /empty path/ },
  { name: 'unknown format', text: 'hello\nworld\n', fatal: true, line: 1, message: /unrecognised coverage format/ },
  { name: 'empty file', text: '', fatal: true, message: /empty/ },
  {
    name: 'Cobertura cut in the middle',
    text: cobertura.slice(0, cobertura.indexOf('<line number="9"')),
    fatal: true,
    message: /truncated XML: the file ends inside <coverage> > <packages> > <package> > <classes> > <class> > <lines>/,
    line: 30,
    element: /coverage > packages/,
  },
  {
    name: 'Cobertura class without filename',
    text: '<?xml version="1.0"?><coverage><packages><package name="p"><classes><class name="x"><lines><line number="1" hits="1"/></lines></class></classes></package></packages></coverage>',
    fatal: false,
    element: /package "p" > class #1/,
    message: /without a filename/,
  },
  {
    name: 'Cobertura bad line attribute',
    text: '<coverage><packages><package name="p"><classes><class filename="a.py"><lines><line number="1" hits="1"/><line number="two" hits="1"/></lines></class></classes></package></packages></coverage>',
    fatal: false,
    element: /class #1 > line #2/,
    message: /number="two"/,
    files: 1,
  },
  {
    name: 'Clover is not Cobertura',
    text: '<?xml version="1.0"?><coverage generated="1"><project timestamp="1"><metrics/></project></coverage>',
    fatal: true,
    message: /Clover/,
  },
  {
    name: 'JaCoCo cut in the middle',
    text: jacoco.slice(0, 1500),
    fatal: true,
    message: /truncated XML: the file ends inside <report> > <package>/,
    line: 1,
  },
  {
    name: 'JaCoCo with a mismatched tag',
    text: '<report name="r">\n<package name="a">\n</report>',
    fatal: true,
    message: /not well-formed XML: Expected closing tag 'package'/,
    line: 3,
  },
  {
    name: 'JaCoCo sourcefile without a name',
    text: '<report name="r"><package name="a/b"><sourcefile><line nr="1" mi="0" ci="1" mb="0" cb="0"/></sourcefile></package></report>',
    fatal: false,
    element: /package "a\/b" > sourcefile #1/,
    message: /without a name/,
  },
  { name: 'JSON cut in the middle', text: c8json.slice(0, 700), fatal: true, message: /not valid JSON/, line: 1 },
  {
    name: 'JSON entry without statementMap',
    text: '{"/x/a.js": {"path": "/x/a.js"}}',
    fatal: false,
    element: /a\.js/,
    message: /no statementMap/,
  },
  { name: 'Go block without a count', text: 'mode: set\nfoo.go:1.1,2.2 1\n', fatal: false, line: 2, message: /malformed block/ },
  { name: 'Go block with end before start', text: 'mode: count\nx.go:5.1,2.2 1 1\n', fatal: false, line: 2, message: /malformed block/ },
]

test.each(cases)('$name', (c) => {
  const r = parseReport(c.text, 'report')
  expect(r.problems.length).toBeGreaterThan(0)
  const p = r.problems[0]
  expect(p.message).toMatch(c.message)
  expect(p.fatal).toBe(c.fatal)
  if (c.line !== undefined) expect(p.line).toBe(c.line)
  if (c.element) expect(p.element).toMatch(c.element)
  if (c.files !== undefined) expect(r.files).toHaveLength(c.files)
})

test('a JaCoCo package without classes is fine (jacoco-parse crashes on it)', () => {
  const r = parseReport(
    '<?xml version="1.0"?><report name="r"><package name="empty/pkg"><counter type="LINE" missed="0" covered="0"/></package><group name="m"><package name="a"><sourcefile name="A.java"><line nr="3" mi="2" ci="0" mb="0" cb="0"/></sourcefile></package></group></report>',
    'jacoco.xml',
  )
  expect(r.problems).toEqual([])
  expect(r.files.map((f) => [f.path, Object.fromEntries(f.lines)])).toEqual([['a/A.java', { 3: 0 }]])
})

test('a truncated lcov keeps the complete records and the partial one', () => {
  const r = parseReport(c8lcov.slice(0, c8lcov.lastIndexOf('end_of_record')), 'lcov.info')
  expect(r.files.map((f) => f.path)).toEqual(['src/payments/charge.js', 'src/util/format.js'])
  expect(r.problems[0].fatal).toBe(false)
})

test('lcov: CRLF, BOM, checksums, repeated DA lines add up, negative counts are 0', () => {
  const r = parseReport('\uFEFFTN:\r\nSF:a.js\r\nDA:1,2,abc\r\nDA:1,3\r\nDA:2,-1\r\nend_of_record\r\n', 'x')
  expect(r.problems).toEqual([])
  expect(Object.fromEntries(r.files[0].lines)).toEqual({ 1: 5, 2: 0 })
})

test('keep() filters files but counts them', () => {
  const r = parseReport(c8lcov, 'x', { keep: (p) => p.endsWith('format.js') })
  expect(r.totalFiles).toBe(2)
  expect(r.files.map((f) => f.path)).toEqual(['src/util/format.js'])
})

test('a Go profile whose first line is not mode: is rejected with the line', () => {
  const r = parseGoCover('x.go:1.1,2.2 1 1\n', 'cover.out')
  expect(r.problems).toEqual([{ message: expect.stringMatching(/not a Go cover profile/), line: 1, fatal: true }])
})
