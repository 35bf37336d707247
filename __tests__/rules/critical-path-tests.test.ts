import { ruleOptions, type PartialOptions } from '../../src/policy/resolved.js'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { criticalPathTests } from '../../src/rules/critical-path-tests/index.js'
import { Options } from '../../src/rules/critical-path-tests/options.js'
import type { Finding, RuleOutput } from '../../src/types.js'
import { addFilePatch, makeContext, type FakeContextInput } from '../helpers/context.js'

type Opts = Parameters<typeof criticalPathTests.evaluate>[1]
function opts(partial: PartialOptions<Opts>): Opts {
  return ruleOptions(criticalPathTests, partial)
}
async function run(input: FakeContextInput, partial: Record<string, unknown>): Promise<RuleOutput> {
  return criticalPathTests.evaluate(makeContext(input), opts(partial))
}
const codes = (fs: Finding[]): string[] => fs.map((f) => f.code ?? f.kind ?? 'violation')
const violations = (fs: Finding[]): Finding[] => fs.filter((f) => f.kind !== 'info' && f.kind !== 'error')

const payments = {
  name: 'payments',
  include: ['services/payments/**'],
  exclude: ['**/*.md'],
  tests: ['services/payments/**/*.test.ts'],
  min_diff_coverage: 80,
}
const lcov = (path: string, hits: Record<number, number>): string =>
  `TN:\nSF:${path}\n${Object.entries(hits)
    .map(([l, h]) => `DA:${l},${h}`)
    .join('\n')}\nend_of_record\n`

// A modification touching lines 10-12 (head side), removing one line.
const modPatch =
  '@@ -8,5 +8,7 @@ function charge() {\n   const a = 1\n   const b = 2\n-  return a\n+  if (a > b) {\n+    return b\n+  }\n   return a\n }\n'
// The same change plus a new function at 30-40.
const bigPatch = modPatch + '@@ -20,2 +22,12 @@\n   x()\n   y()\n' + Array.from({ length: 10 }, (_, i) => `+  line${i}()`).join('\n') + '\n'

test('default options: no areas, nothing checked, no report needed', async () => {
  const out = await criticalPathTests.evaluate(makeContext({ files: [{ path: 'services/payments/charge.ts', patch: modPatch }] }), opts({}))
  expect(out.findings).toEqual([])
  expect(out.summary).toMatch(/No critical areas/)
})

interface Case {
  name: string
  input: FakeContextInput
  options?: Record<string, unknown>
  /** Finding codes in order. */
  codes: string[]
  check?: (out: RuleOutput) => void
}

const cases: Case[] = [
  {
    name: 'covered change with a test: passes',
    input: {
      files: [
        { path: 'services/payments/charge.ts', patch: modPatch },
        { path: 'services/payments/charge.test.ts', patch: addFilePatch('test()') },
      ],
      reports: { 'coverage/lcov.info': lcov('/home/runner/work/r/r/services/payments/charge.ts', { 10: 1, 11: 1, 12: 1 }) },
    },
    codes: [],
    check: (o) => expect(o.tables![0].rows[0]).toEqual(['payments', '1', 'services/payments/charge.test.ts', '100% (3/3)', '80%', '-']),
  },
  {
    name: 'no test changed: one area finding naming the glob',
    input: {
      files: [{ path: 'services/payments/charge.ts', patch: modPatch }],
      reports: { 'coverage/lcov.info': lcov('services/payments/charge.ts', { 10: 1, 11: 1 }) },
    },
    codes: ['missing-test'],
    check: (o) => expect(o.findings[0].hint).toContain('`services/payments/**/*.test.ts`'),
  },
  {
    name: "test_map: the hint names THIS file's test; another test does not satisfy it",
    input: {
      files: [
        { path: 'services/payments/src/refund/charge.ts', patch: modPatch },
        { path: 'services/payments/src/other.test.ts', patch: addFilePatch('x') },
      ],
    },
    options: {
      areas: [
        {
          ...payments,
          require: ['tests-changed'],
          test_map: [
            {
              source: 'services/payments/src/{dir}/{name}.ts',
              tests: ['services/payments/src/{dir}/{name}.test.ts', 'services/payments/__tests__/{dir}/{name}.test.ts'],
            },
          ],
        },
      ],
    },
    codes: ['missing-test'],
    check: (o) => {
      expect(o.findings[0]).toMatchObject({ path: 'services/payments/src/refund/charge.ts', line: 10 })
      expect(o.findings[0].hint).toBe(
        'Add or update `services/payments/src/refund/charge.test.ts` (or `services/payments/__tests__/refund/charge.test.ts`).',
      )
    },
  },
  {
    name: 'test_map satisfied by the mapped test in the other location; {dir} may be empty',
    input: {
      files: [
        { path: 'services/payments/src/charge.ts', patch: modPatch },
        { path: 'services/payments/__tests__/charge.test.ts', patch: addFilePatch('x') },
      ],
    },
    options: {
      areas: [
        {
          ...payments,
          require: ['tests-changed'],
          test_map: [
            {
              source: 'services/payments/src/{dir}/{name}.ts',
              tests: ['services/payments/src/{dir}/{name}.test.ts', 'services/payments/__tests__/{dir}/{name}.test.ts'],
            },
          ],
        },
      ],
    },
    codes: [],
  },
  {
    name: 'pure rename, deletion, comment/blank-only change, excluded markdown: no tests needed',
    input: {
      files: [
        { path: 'services/payments/new.ts', previousPath: 'services/payments/old.ts', status: 'renamed', additions: 0, deletions: 0 },
        { path: 'services/payments/gone.ts', status: 'removed', patch: '@@ -1,2 +0,0 @@\n-a()\n-b()\n' },
        { path: 'services/payments/doc.ts', patch: '@@ -1,3 +1,4 @@\n // a\n-// old comment\n+// new comment\n+\n+/* block */\n x()\n' },
        { path: 'services/payments/README.md', patch: addFilePatch('words') },
      ],
    },
    codes: [],
    check: (o) => expect(o.tables![0].rows[0].slice(0, 4)).toEqual(['payments', '3 (3 need no tests)', 'none', 'n/a']),
  },
  {
    name: 'renamed with edits still needs tests',
    input: {
      files: [{ path: 'services/payments/new.ts', previousPath: 'services/payments/old.ts', status: 'renamed', patch: modPatch }],
      reports: { 'lcov.info': lcov('services/payments/new.ts', { 10: 1, 11: 1, 12: 1 }) },
    },
    options: { areas: [payments], coverage: ['lcov.info'] },
    codes: ['missing-test'],
  },
  {
    name: 'diff coverage below threshold: area finding + one finding per uncovered range (40-line gap is one)',
    input: {
      files: [
        {
          path: 'services/payments/charge.ts',
          patch: '@@ -1,1 +1,41 @@\n x()\n' + Array.from({ length: 40 }, (_, i) => `+  s${i}()`).join('\n') + '\n',
        },
        { path: 'services/payments/charge.test.ts', patch: addFilePatch('t') },
      ],
      reports: {
        'coverage/lcov.info': lcov(
          'services/payments/charge.ts',
          Object.fromEntries(Array.from({ length: 41 }, (_, i) => [i + 1, i < 1 ? 1 : 0])),
        ),
      },
    },
    codes: ['diff-coverage', 'uncovered-lines'],
    check: (o) => {
      expect(o.findings[0].message).toBe(
        'Diff coverage of critical area "payments" is 0% (0 of 40 changed executable lines), below the required 80%.',
      )
      expect(o.findings[1]).toMatchObject({ path: 'services/payments/charge.ts', line: 2, endLine: 41 })
      expect(o.findings[1].kind).toBeUndefined()
      expect(o.tables![0].rows[0][5]).toBe('services/payments/charge.ts:2-41')
    },
  },
  {
    name: 'above threshold: uncovered ranges are notices (info), not violations; non-executable lines ignored',
    input: {
      files: [
        { path: 'services/payments/charge.ts', patch: bigPatch },
        { path: 'services/payments/charge.test.ts', patch: addFilePatch('t') },
      ],
      // 10-12 covered, 24-33 covered except 30; 13 (closing brace) not executable.
      reports: {
        'coverage/lcov.info': lcov('services/payments/charge.ts', {
          10: 1,
          11: 1,
          12: 1,
          24: 1,
          25: 1,
          26: 1,
          27: 1,
          28: 1,
          29: 1,
          30: 0,
          31: 1,
          32: 1,
          33: 1,
        }),
      },
    },
    codes: ['uncovered-lines'],
    check: (o) => {
      expect(o.findings[0]).toMatchObject({ kind: 'info', level: 'notice', line: 30 })
      expect(o.findings[0].endLine).toBeUndefined()
      expect(o.tables![0].rows[0][3]).toBe('92.3% (12/13)')
    },
  },
  {
    name: 'uncovered ranges in the table: first few then "and N more"',
    input: {
      files: [
        { path: 'services/payments/a.ts', patch: '@@ -0,0 +1,9 @@\n' + Array.from({ length: 9 }, (_, i) => `+s${i}()`).join('\n') + '\n' },
        { path: 'services/payments/a.test.ts', patch: addFilePatch('t') },
      ],
      reports: { 'coverage/lcov.info': lcov('services/payments/a.ts', { 1: 0, 2: 1, 3: 0, 4: 1, 5: 0, 6: 1, 7: 0, 8: 1, 9: 0 }) },
    },
    codes: ['diff-coverage', 'uncovered-lines', 'uncovered-lines', 'uncovered-lines', 'uncovered-lines', 'uncovered-lines'],
    check: (o) =>
      expect(o.tables![0].rows[0][5]).toBe('services/payments/a.ts:1, services/payments/a.ts:3, services/payments/a.ts:5 and 2 more'),
  },
  {
    name: 'changed file not in any report: named, at missing_report level (warn)',
    input: {
      files: [
        { path: 'services/payments/charge.ts', patch: modPatch },
        { path: 'services/payments/charge.test.ts', patch: addFilePatch('t') },
      ],
      reports: { 'coverage/lcov.info': lcov('src/unrelated.ts', { 1: 1 }) },
    },
    codes: ['no-coverage-data'],
    check: (o) => {
      expect(o.findings[0]).toMatchObject({ level: 'warn', path: 'services/payments/charge.ts', line: 10 })
      expect(o.findings[0].message).toContain('searched coverage/lcov.info (1 files, no changed file)')
      expect(o.tables![0].rows[0][3]).toBe('no data (services/payments/charge.ts)')
    },
  },
  {
    name: 'missing_report: fail -> rule level; ignore -> silent',
    input: {
      files: [
        { path: 'services/payments/charge.ts', patch: modPatch },
        { path: 'services/payments/charge.test.ts', patch: addFilePatch('t') },
      ],
      reports: {},
    },
    options: { areas: [payments], missing_report: 'fail' },
    codes: ['no-coverage-report'],
    check: (o) => expect(o.findings[0].level).toBeUndefined(),
  },
  {
    name: 'missing_report: ignore',
    input: {
      files: [
        { path: 'services/payments/charge.ts', patch: modPatch },
        { path: 'services/payments/charge.test.ts', patch: addFilePatch('t') },
      ],
      reports: {},
    },
    options: { areas: [payments], missing_report: 'ignore' },
    codes: [],
  },
  {
    name: 'malformed report: an error naming the file and line; a YAML change in the area is not "missing"',
    input: {
      files: [
        { path: 'services/payments/charge.ts', patch: modPatch },
        { path: 'services/payments/config.yaml', patch: addFilePatch('a: 1') },
        { path: 'services/payments/charge.test.ts', patch: addFilePatch('t') },
      ],
      reports: { 'coverage/lcov.info': 'TN:\nSF:services/payments/charge.ts\nDA:10,1\nDA:11,1\nDA:12,' },
    },
    codes: ['error'],
    check: (o) => {
      expect(o.findings[0]).toMatchObject({ kind: 'error', path: 'coverage/lcov.info', line: 5 })
      expect(o.findings[0].message).toMatch(/coverage\/lcov.info \(lcov\) is malformed at line 5: malformed DA record/)
    },
  },
  {
    name: 'unreadable report (not a coverage format): error, and the file has no data',
    input: {
      files: [
        { path: 'services/payments/charge.ts', patch: modPatch },
        { path: 'services/payments/charge.test.ts', patch: addFilePatch('t') },
      ],
      reports: { 'coverage.xml': '<html><body>502 Bad Gateway</body></html>' },
    },
    codes: ['error', 'no-coverage-data'],
  },
  {
    name: 'no patch (too large to inline): whole-file coverage from the report, tests still needed',
    input: {
      files: [{ path: 'services/payments/big.ts', additions: 5000, deletions: 10 }],
      reports: { 'coverage/lcov.info': lcov('services/payments/big.ts', { 1: 1, 2: 0 }) },
    },
    codes: ['missing-test', 'diff-coverage', 'uncovered-lines'],
  },
  {
    name: 'area without tests globs or map: config error',
    input: { files: [{ path: 'services/payments/charge.ts', patch: modPatch }] },
    options: { areas: [{ name: 'payments', include: ['services/payments/**'], require: ['tests-changed'] }] },
    codes: ['no-test-globs'],
  },
  {
    name: 'reports under node_modules are ignored',
    input: {
      files: [
        { path: 'services/payments/charge.ts', patch: modPatch },
        { path: 'services/payments/charge.test.ts', patch: addFilePatch('t') },
      ],
      reports: { 'node_modules/x/coverage/lcov.info': lcov('services/payments/charge.ts', { 10: 1 }) },
    },
    options: { areas: [payments], coverage: ['**/lcov.info'] },
    codes: ['no-coverage-report'],
  },
]

test.each(cases)('$name', async (c) => {
  const out = await run(c.input, c.options ?? { areas: [payments] })
  expect(codes(out.findings)).toEqual(c.codes)
  c.check?.(out)
})

test('real c8 lcov: a change to charge.js lines 8-13 has the JPY branch uncovered', async () => {
  const fix = join(process.cwd(), '__tests__/fixtures/coverage/node')
  const patch =
    '@@ -5,6 +5,9 @@ function charge(amount, currency) {\n' +
    readFileSync(join(fix, 'src/payments/charge.js'), 'utf8')
      .split('\n')
      .slice(4, 13)
      .map((l, i) => (i >= 3 ? '+' : ' ') + l)
      .join('\n') +
    '\n'
  const out = await run(
    {
      files: [
        { path: 'node/src/payments/charge.js', patch },
        { path: 'node/test/charge.test.js', patch: addFilePatch('t') },
      ],
      reports: { 'node/c8/lcov.info': readFileSync(join(fix, 'c8/lcov.info'), 'utf8') },
    },
    {
      areas: [{ name: 'payments', include: ['node/src/payments/**'], tests: ['node/test/**'], min_diff_coverage: 80 }],
      coverage: ['**/lcov.info'],
    },
  )
  // Head lines 8-13 changed; 9 is a comment; c8 (V8 ranges) marks 10 and 11 uncovered.
  expect(out.findings.find((f) => f.code === 'diff-coverage')?.message).toMatch(/is 60% \(3 of 5/)
  expect(out.findings.filter((f) => f.code === 'uncovered-lines').map((f) => [f.line, f.endLine])).toEqual([[10, 11]])
})

test('max_uncovered_findings caps annotations and counts the rest', async () => {
  const patch = '@@ -0,0 +1,20 @@\n' + Array.from({ length: 20 }, (_, i) => `+s${i}()`).join('\n') + '\n'
  const hits = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [i + 1, i % 2]))
  const out = await run(
    {
      files: [
        { path: 'services/payments/a.ts', patch },
        { path: 'services/payments/a.test.ts', patch: addFilePatch('t') },
      ],
      reports: { 'coverage/lcov.info': lcov('services/payments/a.ts', hits) },
    },
    { areas: [payments], max_uncovered_findings: 3 },
  )
  const ranges = out.findings.filter((f) => f.code === 'uncovered-lines')
  expect(ranges).toHaveLength(4)
  expect(ranges[3].message).toMatch(/And 7 more/)
  expect(violations(out.findings).map((f) => f.code)).toContain('diff-coverage')
})

test('options schema: every top-level property has a default and a description; no level', () => {
  for (const [k, v] of Object.entries(Options.properties)) {
    expect([k, (v as { description?: string }).description]).toEqual([k, expect.any(String)])
    expect((v as { default?: unknown }).default).toBeDefined()
  }
  expect(Options.properties).not.toHaveProperty('level')
})
