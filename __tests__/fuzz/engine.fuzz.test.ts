/**
 * Fuzz: the whole engine. Random ChangeSets (unicode, spaces, `..`, very long paths, binary and patchless
 * files, huge additions, malformed patches, truncated lists), random PR bodies and labels (waivers), random
 * report files and provider answers, under the default preset (and strict/relaxed). Property: runGate
 * returns a Verdict whose conclusion is success | neutral | failure, a rule that errored never leaves the
 * conclusion at success, and the verdict renders as a comment within GitHub's limit.
 */
import { mapProvided } from '../../src/github/dependencies.js'
import { alertVulnerabilities, reviewFacts } from '../../src/github/dependency-facts.js'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { loadPolicy, type LoadedPolicy } from '../../src/policy/load.js'
import { runGate } from '../../src/engine/run.js'
import { RULES } from '../../src/rules/index.js'
import { matchesAny } from '../../src/change/glob.js'
import { COMMENT_LIMIT, renderComment } from '../../src/report/markdown.js'
import type { ChangedFile, ChangeSet, Evidence, FileStatus, ProviderResult, ReportFile, RuleContext } from '../../src/types.js'
import { check, jsonMutated, mutated, nastyString, TIMEOUT } from './support.js'
import { wellFormedPatch, patchText } from './arbitraries.js'

/** The GitHub source parses provider payloads before a rule sees them (src/github/dependency-facts.ts): so do the fuzzers. */
const parsed = <T, U>(p: (() => Promise<ProviderResult<T>>) | undefined, f: (d: T) => U) => p && (async () => mapProvided(await p(), f))

const SCAN = join(process.cwd(), '__tests__/fixtures/scanners')
const COV = join(process.cwd(), '__tests__/fixtures/coverage')

const segment = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'src',
      'services',
      'payments',
      'db',
      'migrations',
      'migrate',
      'deploy',
      'k8s',
      'docs',
      'runbooks',
      'test',
      '__tests__',
      'vendor',
      'node_modules',
      '.github',
      'workflows',
      'alerts',
      'versions',
      'prisma',
      'dist',
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '..',
      '.',
      '',
      ' ',
      'a b',
      'ünïcödé',
      '日本語',
      '😀',
      '#1',
      '@scope',
      '$(rm -rf)',
      '<script>',
      '`x`',
      '|',
      '[x]',
      '*',
      '**',
      '{a,b}',
      '\\',
      'CON',
      '-n',
    ),
  },
  { weight: 1, arbitrary: nastyString(12).map((s) => s.replace(/[/\0]/g, '_')) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 300 }).map((n) => 'x'.repeat(n)) },
)
const fileName = fc.oneof(
  fc.constantFrom(
    'package.json',
    'package-lock.json',
    'yarn.lock',
    'go.mod',
    'Dockerfile',
    'charge.ts',
    'charge.test.ts',
    'V2__add.sql',
    '001_x.up.sql',
    '20240101000000_x.rb',
    '0009_x.py',
    'deployment.yaml',
    'alerts.yml',
    'app.min.js',
    'x.snap',
    'README.md',
    'image.png',
    '.env.example',
    'main.tf',
  ),
  segment,
)
const path = fc.tuple(fc.array(segment, { maxLength: 6 }), fileName).map(([dirs, f]) => [...dirs, f].join('/'))

const fileArb: fc.Arbitrary<ChangedFile & { head?: string }> = fc
  .record({
    path,
    previousPath: fc.option(path, { nil: undefined }),
    status: fc.constantFrom<FileStatus>('added', 'removed', 'modified', 'renamed', 'copied', 'changed', 'unchanged'),
    patch: fc.oneof(
      { weight: 3, arbitrary: wellFormedPatch },
      { weight: 1, arbitrary: patchText },
      { weight: 1, arbitrary: fc.constant(undefined) },
    ),
    binary: fc.boolean(),
    huge: fc.oneof(
      { weight: 9, arbitrary: fc.constant(0) },
      { weight: 1, arbitrary: fc.constantFrom(5000, 1_000_000, Number.MAX_SAFE_INTEGER) },
    ),
    head: fc.option(fc.oneof(fc.string({ maxLength: 200 }), nastyString(100)), { nil: undefined }),
  })
  .map((f) => {
    const lines = f.patch?.split('\n') ?? []
    const additions = f.huge || lines.filter((l) => l.startsWith('+')).length
    const deletions = lines.filter((l) => l.startsWith('-')).length
    return {
      path: f.path,
      previousPath: f.previousPath,
      status: f.status,
      patch: f.binary ? undefined : f.patch,
      binary: f.binary || undefined,
      additions,
      deletions,
      head: f.head,
    }
  })

const reportFiles: fc.Arbitrary<Record<string, string>> = fc.dictionary(
  fc.constantFrom(
    'coverage/lcov.info',
    'coverage/coverage-final.json',
    'coverage.xml',
    'trivy.sarif',
    'results.sarif',
    'npm-audit.json',
    'osv.json',
    'reports/x.sarif',
  ),
  fc.oneof(
    mutated([readFileSync(join(COV, 'node/jest/lcov.info'), 'utf8'), readFileSync(join(COV, 'python/coverage.xml'), 'utf8')], [], 2),
    jsonMutated([
      readFileSync(join(SCAN, 'trivy.sarif'), 'utf8'),
      readFileSync(join(SCAN, 'npm-audit.json'), 'utf8'),
      readFileSync(join(SCAN, 'osv-scanner.json'), 'utf8'),
    ]),
    fc.string({ maxLength: 100 }),
  ),
  { maxKeys: 3 },
)

const provider: fc.Arbitrary<(() => Promise<ProviderResult<unknown[]>>) | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant(async () => ({ ok: false as const, reason: '403 Resource not accessible by integration' })),
  jsonMutated([readFileSync(join(SCAN, 'dependency-review.json'), 'utf8'), readFileSync(join(SCAN, 'dependabot-alerts.json'), 'utf8')]).map(
    (t) => async () => ({ ok: true as const, data: (Array.isArray(JSON.parse(t)) ? JSON.parse(t) : [JSON.parse(t)]) as unknown[] }),
  ),
  fc.constant(async (): Promise<ProviderResult<unknown[]>> => {
    throw 'a thrown string'
  }),
)

const labelArb = fc.oneof(
  fc.constantFrom(
    'gate-waive:pr-size',
    'gate-waive:migration-safety',
    'gate-waive:dependencies',
    'gate-waive:',
    'gate-waive:nope',
    'bug',
    'skip-runbook',
  ),
  nastyString(20),
)
const bodyArb = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'gate-waive:pr-size split next sprint, approved by lead',
        'gate-waive:migration-safety x',
        'Runbook: not needed — config only change, no ops impact',
        'Runbook: docs/runbooks/payments.md',
        '## Testing',
        '- [x] tests',
        '<!-- hidden -->',
        '@everyone #1',
      ),
      nastyString(80),
    ),
    { maxLength: 6 },
  )
  .map((l) => l.join('\n'))

let policies: Record<string, LoadedPolicy>
/** Rule statuses and conclusions seen (FUZZ_STATS=1 prints them: a fuzzer that never reaches a status tests nothing there). */
const stats = new Map<string, number>()
afterAll(() => {
  if (process.env.FUZZ_STATS)
    console.log(
      [...stats]
        .sort()
        .map(([k, n]) => `${k} ${n}`)
        .join('\n'),
    )
})
beforeAll(async () => {
  const none = async (): Promise<undefined> => undefined
  policies = {
    default: await loadPolicy(undefined, '.github/quality-gate.yml', none),
    strict: await loadPolicy('extends: strict\n', '.github/quality-gate.yml', none),
    relaxed: await loadPolicy('extends: relaxed\n', '.github/quality-gate.yml', none),
  }
})

describe('fuzz: the engine (runGate)', () => {
  test(
    'a Verdict with a valid conclusion; an errored rule never concludes success; the comment fits',
    async () => {
      const arb = fc.record({
        files: fc.array(fileArb, { maxLength: 25 }),
        extraTotal: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 100_000 }) }),
        body: bodyArb,
        title: nastyString(60),
        labels: fc.array(labelArb, { maxLength: 4 }),
        reports: reportFiles,
        review: provider,
        alerts: provider,
        preset: fc.constantFrom('default', 'default', 'strict', 'relaxed'),
        mode: fc.constantFrom<RuleContext['mode']>('pull_request', 'pull_request', 'release'),
      })
      await check('engine: runGate (+ renderComment)', 60, arb, async (c) => {
        const heads = new Map(c.files.map((f) => [f.path, f.head]))
        const files: ChangedFile[] = c.files.map(({ head: _head, ...f }) => f)
        const changes: ChangeSet = {
          base: 'b'.repeat(40),
          head: 'h'.repeat(40),
          files,
          totalFiles: files.length + c.extraTotal,
          truncated: c.extraTotal > 0,
          readHead: async (p) => heads.get(p),
          readBase: async (p) => (heads.has(p) ? 'base\n' : undefined),
        }
        const evidence: Evidence = {
          findReports: async (globs) =>
            Object.keys(c.reports)
              .filter((p) => matchesAny(p, globs))
              .map((p): ReportFile => ({ path: p, origin: 'workspace', size: c.reports[p].length, read: async () => c.reports[p] })),
          dependencyReview: parsed(c.review, reviewFacts),
          dependabotAlerts: parsed(c.alerts, alertVulnerabilities),
        }
        const ctx: RuleContext = {
          changes,
          evidence,
          pr: { number: 7, title: c.title, body: c.body, author: 'fuzz[bot]', labels: c.labels },
          now: new Date('2026-11-26T00:00:00Z'),
          mode: c.mode,
        }
        const loaded = policies[c.preset]
        const v = await runGate({ policy: loaded.policy, ctx, policySource: loaded.sources.join(' → ') })
        expect(['success', 'neutral', 'failure']).toContain(v.conclusion)
        expect(v.results.map((r) => r.id)).toEqual(RULES.map((r) => r.id))
        if (v.results.some((r) => r.status === 'error') || changes.truncated) expect(v.conclusion).not.toBe('success')
        if (v.results.some((r) => r.status === 'fail')) expect(v.conclusion).toBe('failure')
        for (const r of v.results) {
          for (const f of r.findings) {
            expect(typeof f.message).toBe('string')
            // A rule that threw (isolated by the engine) or an analyser that threw is a bug, except the
            // provider this test makes throw on purpose.
            if (/could not be evaluated/.test(f.message) && r.error !== 'a thrown string') throw new Error(`${r.id} threw: ${f.message}`)
            if (f.code === 'parser-unavailable') throw new Error(`${r.id}: ${f.message}`)
          }
        }
        for (const r of v.results)
          for (const f of r.findings)
            if (f.kind === 'error')
              stats.set(`error:${r.id}:${(f.code ?? '') + ' ' + f.message.replace(/[\w.-]*\.(sarif|json|info|xml)/g, 'R').slice(0, 70)}`, 1)
        for (const r of v.results) stats.set(`${r.id}:${r.status}`, (stats.get(`${r.id}:${r.status}`) ?? 0) + 1)
        stats.set(`conclusion:${v.conclusion}`, (stats.get(`conclusion:${v.conclusion}`) ?? 0) + 1)
        const comment = renderComment(v, {
          checkName: 'quality-gate',
          labelPrefix: 'gate-waive:',
          links: { repoUrl: 'https://github.com/o/r' },
        })
        expect(comment.length).toBeLessThanOrEqual(COMMENT_LIMIT)
        expect(comment.startsWith('<!-- pr-quality-gate:quality-gate -->')).toBe(true)
      })
    },
    TIMEOUT,
  )
})
