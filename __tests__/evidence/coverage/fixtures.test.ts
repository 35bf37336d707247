/** Real reports from real tools (see __tests__/fixtures/coverage/README.md): every format agrees. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { detectFormat, mergeCoverage, parseReport, PathMatcher, type ParsedReport } from '../../../src/evidence/coverage/index.js'

const FIX = join(process.cwd(), '__tests__/fixtures/coverage')
const read = (p: string): string => readFileSync(join(FIX, p), 'utf8')

function hitsOf(report: ParsedReport, suffix: string): Map<number, number> {
  const f = report.files.find((x) => x.path.endsWith(suffix))
  if (!f) throw new Error(`${suffix} not in ${report.reportPath}`)
  return f.lines
}

describe('real Node reports (c8 and jest, lcov / cobertura / json)', () => {
  const cases: Array<[string, string]> = [
    ['node/c8/lcov.info', 'lcov'],
    ['node/c8/cobertura-coverage.xml', 'cobertura'],
    ['node/c8/coverage-final.json', 'istanbul'],
    ['node/jest/lcov.info', 'lcov'],
    ['node/jest/cobertura-coverage.xml', 'cobertura'],
    ['node/jest/coverage-final.json', 'istanbul'],
  ]
  test.each(cases)('%s parses as %s without problems', (file, format) => {
    const text = read(file)
    expect(detectFormat(text)).toBe(format)
    const r = parseReport(text, file)
    expect(r.problems).toEqual([])
    expect(r.totalFiles).toBe(2)
    const charge = hitsOf(r, 'src/payments/charge.js')
    // The JPY branch (line 10) and refund's body (lines 16-21) never ran; the cents path (line 12) did.
    expect(charge.get(10)).toBe(0)
    expect(charge.get(12)).toBeGreaterThan(0)
    expect(charge.get(17)).toBe(0)
    expect(charge.get(20)).toBe(0)
  })

  test('all six map to the repository path of the fixture through the matcher', () => {
    const matcher = new PathMatcher(['src/payments/charge.js', 'src/util/format.js'])
    const reports = cases.map(([f]) => parseReport(read(f), `node/${f.split('/')[1]}/${f.split('/').pop()}`, { keep: matcher.mightMatch }))
    const index = mergeCoverage(reports, matcher)
    expect([...index.files.keys()].sort()).toEqual(['src/payments/charge.js', 'src/util/format.js'])
    expect(index.files.get('src/payments/charge.js')!.reports).toHaveLength(6)
    for (const n of index.matched.values()) expect(n).toBe(2)
  })
})

test('coverage.py Cobertura XML (Debian python3-coverage 6.5)', () => {
  const r = parseReport(read('python/coverage.xml'), 'python/coverage.xml')
  expect(r.format).toBe('cobertura')
  expect(r.problems).toEqual([])
  expect(r.totalFiles).toBe(3)
  const f = r.files.find((x) => x.path === 'shop/payments/charge.py')!
  expect(f.roots).toEqual(['/tmp/covgen/py'])
  expect(Object.fromEntries(f.lines)).toEqual({ 4: 1, 5: 1, 6: 0, 7: 1, 9: 0, 10: 1, 13: 1, 14: 0, 15: 0, 16: 0 })
  const matcher = new PathMatcher(['python/shop/payments/charge.py'])
  // Relative to the report's own folder.
  expect(matcher.match('python/coverage.xml', f)).toEqual({ kind: 'match', path: 'python/shop/payments/charge.py', via: 'relative' })
})

test('JaCoCo XML (Debian libjacoco-java 0.8.6)', () => {
  const r = parseReport(read('jacoco/jacoco.xml'), 'jacoco/jacoco.xml')
  expect(r.format).toBe('jacoco')
  expect(r.problems).toEqual([])
  expect(r.files.map((f) => f.path).sort()).toEqual(['com/acme/payments/Charge.java', 'com/acme/payments/Main.java'])
  const charge = hitsOf(r, 'Charge.java')
  expect(charge.get(7)).toBeGreaterThan(0) // if (amount <= 0)
  expect(charge.get(8)).toBe(0) // throw
  expect(charge.get(12)).toBe(0) // JPY
  expect(charge.get(14)).toBeGreaterThan(0)
  expect(charge.get(11)).toBeUndefined() // comment: not executable
  const matcher = new PathMatcher(['jacoco/src/main/java/com/acme/payments/Charge.java'])
  expect(matcher.match('jacoco/jacoco.xml', { path: 'com/acme/payments/Charge.java' })).toMatchObject({ kind: 'match', via: 'tail' })
})

test('Go cover profile (written per the documented format)', () => {
  const r = parseReport(read('go/cover.out'), 'go/cover.out')
  expect(r.format).toBe('go')
  expect(r.problems).toEqual([])
  const f = hitsOf(r, 'payments/charge.go')
  expect(f.get(8)).toBe(1)
  expect(f.get(12)).toBe(0)
  expect(f.get(14)).toBe(1)
  expect(f.get(20)).toBe(0)
  expect(f.get(3)).toBeUndefined()
  // Module example.com/shop at the repository root: the import path ends with the repository path.
  const matcher = new PathMatcher(['payments/charge.go'])
  expect(matcher.match('cover.out', { path: 'example.com/shop/payments/charge.go' })).toMatchObject({
    kind: 'match',
    path: 'payments/charge.go',
  })
})
