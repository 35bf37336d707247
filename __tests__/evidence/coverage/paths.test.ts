import { mergeCoverage, normalizePath, PathMatcher, type ParsedReport } from '../../../src/evidence/coverage/index.js'

test.each([
  ['./src/a.ts', 'src/a.ts'],
  ['src//b/../a.ts', 'src/a.ts'],
  ['C:\\a\\repo\\src\\a.ts', 'C:/a/repo/src/a.ts'],
  ['file:///home/runner/work/r/r/src/a.ts', '/home/runner/work/r/r/src/a.ts'],
  ['file:///C:/r/src/a.ts', 'C:/r/src/a.ts'],
  ['src/dir/', 'src/dir'],
])('normalizePath(%j) = %j', (input, out) => {
  expect(normalizePath(input)).toBe(out)
})

const changed = [
  'src/payments/charge.ts',
  'packages/api/src/index.ts',
  'packages/web/src/index.ts',
  'index.ts',
  'services/java/src/main/java/com/acme/Pay.java',
  'a/src/main/java/com/acme/Dup.java',
  'b/src/main/java/com/acme/Dup.java',
  'go/payments/charge.go',
]

interface Case {
  name: string
  report: string
  path: string
  roots?: string[]
  expected: string | 'none' | 'ambiguous'
}
const cases: Case[] = [
  { name: 'repository-relative', report: 'coverage/lcov.info', path: 'src/payments/charge.ts', expected: 'src/payments/charge.ts' },
  {
    name: 'absolute CI path',
    report: 'coverage/lcov.info',
    path: '/home/runner/work/r/r/src/payments/charge.ts',
    expected: 'src/payments/charge.ts',
  },
  {
    name: 'Windows CI path',
    report: 'coverage/lcov.info',
    path: 'D:\\a\\r\\r\\src\\payments\\charge.ts',
    expected: 'src/payments/charge.ts',
  },
  {
    name: 'relative to a monorepo package report',
    report: 'packages/web/coverage/lcov.info',
    path: 'src/index.ts',
    expected: 'packages/web/src/index.ts',
  },
  {
    name: 'same SF, other package',
    report: 'packages/api/coverage/lcov.info',
    path: 'src/index.ts',
    expected: 'packages/api/src/index.ts',
  },
  { name: 'root report, ambiguous tail', report: 'coverage/lcov.info', path: 'src/index.ts', expected: 'ambiguous' },
  {
    name: 'Cobertura source root',
    report: 'coverage.xml',
    path: 'payments/charge.ts',
    roots: ['/ci/checkout/src'],
    expected: 'src/payments/charge.ts',
  },
  {
    name: 'JaCoCo package path',
    report: 'services/java/build/jacoco.xml',
    path: 'com/acme/Pay.java',
    expected: 'services/java/src/main/java/com/acme/Pay.java',
  },
  {
    name: 'JaCoCo duplicate resolved by the report folder',
    report: 'b/build/reports/jacoco.xml',
    path: 'com/acme/Dup.java',
    expected: 'b/src/main/java/com/acme/Dup.java',
  },
  { name: 'JaCoCo duplicate from a root report', report: 'build/jacoco.xml', path: 'com/acme/Dup.java', expected: 'ambiguous' },
  { name: 'Go import path', report: 'cover.out', path: 'example.com/shop/go/payments/charge.go', expected: 'go/payments/charge.go' },
  { name: 'unrelated file', report: 'coverage/lcov.info', path: '/abs/other/thing.ts', expected: 'none' },
  {
    name: 'root-level file from an unknown absolute root',
    report: 'coverage/lcov.info',
    path: '/somewhere/else/index.ts',
    expected: 'none',
  },
  { name: 'root-level file relative', report: 'coverage/lcov.info', path: 'index.ts', expected: 'index.ts' },
]

test.each(cases)('$name', (c) => {
  const m = new PathMatcher(changed).match(c.report, { path: c.path, ...(c.roots ? { roots: c.roots } : {}) })
  if (c.expected === 'none') expect(m.kind).toBe('none')
  else if (c.expected === 'ambiguous') expect(m.kind).toBe('ambiguous')
  else expect(m).toMatchObject({ kind: 'match', path: c.expected })
})

test("a root-level file matches once the report's checkout root is known from another file", () => {
  const m = new PathMatcher(changed)
  const res = m.matchAll('coverage/lcov.info', [{ path: '/ci/r/index.ts' }, { path: '/ci/r/src/payments/charge.ts' }])
  expect(res.map((r) => (r.kind === 'match' ? r.path : r.kind))).toEqual(['index.ts', 'src/payments/charge.ts'])
})

test('mightMatch is a basename pre-filter', () => {
  const m = new PathMatcher(changed)
  expect(m.mightMatch('C:\\x\\charge.ts')).toBe(true)
  expect(m.mightMatch('/x/other.ts')).toBe(false)
})

test('merging: hits add up across reports, lines from either report are executable', () => {
  const rep = (reportPath: string, lines: Record<number, number>): ParsedReport => ({
    reportPath,
    format: 'lcov',
    totalFiles: 1,
    problems: [],
    files: [{ path: 'src/payments/charge.ts', lines: new Map(Object.entries(lines).map(([k, v]) => [Number(k), v])) }],
  })
  const index = mergeCoverage(
    [rep('unit/lcov.info', { 1: 1, 2: 0, 3: 0 }), rep('it/lcov.info', { 2: 4, 3: 0, 9: 0 })],
    new PathMatcher(changed),
  )
  const f = index.files.get('src/payments/charge.ts')!
  expect(Object.fromEntries(f.lines)).toEqual({ 1: 1, 2: 4, 3: 0, 9: 0 })
  expect(f.reports).toEqual(['unit/lcov.info', 'it/lcov.info'])
})
