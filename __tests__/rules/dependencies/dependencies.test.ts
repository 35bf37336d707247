import { alertVulnerabilities, reviewFacts } from '../../../src/github/dependency-facts.js'
import { ruleOptions, type PartialOptions } from '../../../src/policy/resolved.js'
import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import addFormatsModule from 'ajv-formats'
import { dependencies, dependenciesOptions, licenseVerdict } from '../../../src/rules/dependencies/index.js'
import { makeContext, addFilePatch } from '../../helpers/context.js'
import type { Finding, RuleContext } from '../../../src/types.js'

const FIX = '__tests__/fixtures/scanners/'
const read = (f: string) => readFileSync(FIX + f, 'utf8')
const NOW = new Date('2026-11-26T00:00:00Z')

type Opts = Parameters<typeof dependencies.evaluate>[1]
const opts = (o: PartialOptions<Opts> = {}): Opts => ruleOptions(dependencies, o)
const run = (ctx: RuleContext, o: PartialOptions<Opts> = {}) => dependencies.evaluate(ctx, opts(o))
const violations = (f: Finding[]) => f.filter((x) => !x.kind || x.kind === 'violation')

const PKG_PATCH = `@@ -1,5 +1,6 @@
 {
   "name": "app",
   "dependencies": {
+    "lodash": "4.17.20",
     "express": "4.21.0"
   }`

describe('options schema', () => {
  test('every property has a default and a description; no level', () => {
    for (const [k, p] of Object.entries(dependenciesOptions.properties)) {
      expect([k, 'default' in p]).toEqual([k, true])
      expect([k, typeof p.description]).toEqual([k, 'string'])
    }
    expect('level' in dependenciesOptions.properties).toBe(false)
    expect(opts()).toMatchObject({
      fail_on: 'high',
      new_only: true,
      missing_report: 'fail',
      fix_within_days: { critical: 7, high: 14, medium: null, low: null },
    })
  })
})

describe('dependencies rule', () => {
  test('a vulnerability the PR introduces fails, annotated on the package.json line', async () => {
    const ctx = makeContext({
      now: NOW,
      files: [{ path: 'package.json', patch: PKG_PATCH }],
      reports: { 'trivy.sarif': read('trivy.sarif') },
    })
    const out = await run(ctx, { reports: ['trivy.sarif'] })
    const v = violations(out.findings)
    const lodash = v.find((f) => f.message.includes('lodash'))!
    expect(lodash).toMatchObject({ path: 'package.json', line: 4, code: 'vulnerability' })
    expect(lodash.message).toContain('CVE-2021-23337 (high) in lodash@4.17.20 is introduced by this PR')
    expect(lodash.hint).toBe('Upgrade lodash to 4.17.21 or later.')
    // minimist is not in the diff: origin unknown → still counts under new_only (no baseline to prove otherwise)
    expect(v.find((f) => f.message.includes('minimist'))?.message).toContain('origin unknown')
    const t = out.tables![0]
    expect(t.columns).toEqual([
      'Severity',
      'Advisory',
      'Package',
      'Installed → fixed',
      'Origin',
      'Age vs SLA',
      'Waiver',
      'Found by',
      'Advisory URL',
    ])
    expect(t.rows[0].slice(0, 6)).toEqual(['critical (9.8)', 'CVE-2021-44906', 'minimist', '1.2.5 → 1.2.6', 'unknown', 'age unknown'])
    expect(t.rows[1].slice(0, 5)).toEqual(['high (7.2)', 'CVE-2021-23337', 'lodash', '4.17.20 → 4.17.21', 'introduced by this PR'])
  })

  test('duplicates across SARIF (OSV-Scanner) and npm audit are merged into one row; npm versions from package-lock.json', async () => {
    const ctx = makeContext({
      now: NOW,
      headTree: { 'package-lock.json': read('npm-audit-package-lock.json') },
      reports: { 'reports/osv.sarif': read('osv-scanner.sarif'), 'npm-audit.json': read('npm-audit.json') },
    })
    const out = await run(ctx, { reports: ['reports/*.sarif', 'npm-audit.json'] })
    const rows = out.tables![0].rows
    const cmd = rows.filter((r) => r[1] === 'GHSA-35jh-r3h4-6jhm')
    expect(cmd).toHaveLength(1)
    expect(cmd[0][3]).toBe('4.17.20 → 4.18.1')
    expect(cmd[0][7]).toBe('npm audit, osv-scanner')
    expect(rows).toHaveLength(3)
  })

  test('expired waiver: says it expired on DATE and the vulnerability counts again; a valid one waives', async () => {
    const ctx = makeContext({ now: NOW, reports: { 't.sarif': read('trivy.sarif') } })
    const out = await run(ctx, {
      reports: ['t.sarif'],
      ignore: [
        { id: 'cve-2021-23337', reason: 'template() never called', until: '2026-11-25' },
        { id: 'CVE-2021-44906', reason: 'CLI only', until: '2026-11-26' },
      ],
    })
    const msgs = out.findings.map((f) => f.message)
    expect(msgs).toContain(
      'The waiver for CVE-2021-23337 expired on 2026-11-25 and no longer applies (reason given: template() never called).',
    )
    expect(msgs.some((m) => m.includes('CVE-2021-23337 (high) in lodash'))).toBe(true)
    expect(msgs.some((m) => m.includes('minimist'))).toBe(false) // still valid through its `until` day
    const waiverCol = out.tables![0].rows.map((r) => r[6])
    expect(waiverCol).toEqual(['until 2026-11-26: CLI only', 'EXPIRED until 2026-11-25: template() never called'])
    expect(out.summary).toContain('1 waived')
  })

  test('a YAML date (js-yaml gives a Date) works as until', async () => {
    const ctx = makeContext({ now: NOW, reports: { 't.sarif': read('trivy.sarif') } })
    const o = opts({ reports: ['t.sarif'], fail_on: 'none' }) as unknown as { ignore: unknown[] }
    o.ignore = [{ id: 'CVE-2021-23337', reason: 'r', until: new Date('2026-01-31T00:00:00Z') }]
    const out = await dependencies.evaluate(ctx, o as never)
    expect(out.findings.map((f) => f.message)).toContain(
      'The waiver for CVE-2021-23337 expired on 2026-01-31 and no longer applies (reason given: r).',
    )
  })

  test('unknown age: table says "age unknown" and only fail_on applies; known age past SLA fails', async () => {
    const sarif = (first?: string) =>
      JSON.stringify({
        version: '2.1.0',
        runs: [
          {
            tool: { driver: { name: 'Scanner' } },
            results: [
              {
                ruleId: 'CVE-2021-44906',
                baselineState: 'unchanged',
                properties: { 'security-severity': '9.8' },
                ...(first ? { provenance: { firstDetectionTimeUtc: first } } : {}),
                message: { text: "Package 'minimist@1.2.5' is vulnerable" },
              },
            ],
          },
        ],
      })
    const unknown = await run(makeContext({ now: NOW, reports: { 'a.sarif': sarif() } }), { reports: ['a.sarif'] })
    expect(violations(unknown.findings)).toEqual([]) // present + new_only → no fail_on; no age → no SLA
    expect(unknown.tables![0].rows[0][5]).toBe('age unknown')
    const old = await run(makeContext({ now: NOW, reports: { 'a.sarif': sarif('2026-11-01T00:00:00Z') } }), { reports: ['a.sarif'] })
    expect(violations(old.findings).map((f) => f.message)).toEqual([
      'CVE-2021-44906 (critical) in minimist@1.2.5 has been open for 25 days, past the 7-day fix SLA for critical vulnerabilities.',
    ])
    expect(old.tables![0].rows[0][5]).toBe('25 d / SLA 7 d (breached)')
    const young = await run(makeContext({ now: NOW, reports: { 'a.sarif': sarif('2026-11-22T00:00:00Z') } }), { reports: ['a.sarif'] })
    expect(violations(young.findings)).toEqual([])
  })

  test('Dependabot alert gives the age (created_at) and merges with the report', async () => {
    const alerts = JSON.parse(read('dependabot-alerts.json'))
    const ctx = makeContext({
      now: NOW,
      reports: { 'osv.json': read('osv-scanner.json') },
      evidence: { dependabotAlerts: async () => ({ ok: true, data: alertVulnerabilities(alerts) }) },
    })
    const out = await run(ctx, { reports: ['osv.json'], use_dependabot_alerts: true })
    expect(out.tables![0].rows).toHaveLength(1)
    expect(out.tables![0].rows[0][5]).toBe('55 d / SLA 7 d (breached)')
    expect(out.tables![0].rows[0][7]).toBe('OSV-Scanner, Dependabot')
    expect(violations(out.findings).map((f) => f.code)).toEqual(['sla-breach'])
  })

  test('malformed JSON → error finding with file and position; the gate cannot pass silently', async () => {
    const ctx = makeContext({ now: NOW, reports: { 'trivy.sarif': '{"version": "2.1.0", "runs": [}' } })
    const out = await run(ctx, { reports: ['trivy.sarif'] })
    expect(out.findings).toEqual([
      expect.objectContaining({
        kind: 'error',
        code: 'bad-report',
        message: expect.stringMatching(/^trivy\.sarif is not valid JSON: unexpected "\}" at line 1, column 31/),
      }),
    ])
  })

  test('unknown format → error naming the file', async () => {
    const ctx = makeContext({ now: NOW, reports: { 'scan.json': '{"hello": 1}' } })
    const out = await run(ctx, { reports: ['scan.json'] })
    expect(out.findings[0]).toMatchObject({
      kind: 'error',
      message: 'scan.json is not a SARIF / npm audit / OSV-Scanner report (top-level keys: hello)',
    })
    // an unreadable report is no evidence: the summary must not say "no vulnerabilities"
    expect(out.summary).toMatch(/^no scanner evidence/)
  })

  test('missing report: fail (default), warn, ignore; a glob matching nothing is a notice', async () => {
    const ctx = makeContext({ now: NOW })
    const fail = await run(ctx, { reports: ['npm-audit.json'] })
    expect(fail.findings).toEqual([
      expect.objectContaining({
        code: 'missing-report',
        message: expect.stringContaining('npm-audit.json is listed in the policy but was not found'),
      }),
    ])
    expect(fail.findings[0].kind).toBeUndefined()
    expect((await run(ctx, { reports: ['npm-audit.json'], missing_report: 'warn' })).findings[0].level).toBe('warn')
    expect((await run(ctx, { reports: ['npm-audit.json'], missing_report: 'ignore' })).findings).toEqual([])
    const glob = await run(ctx, { reports: ['**/*.sarif'] })
    expect(glob.findings).toEqual([expect.objectContaining({ kind: 'info', code: 'no-report' })])
    // several globs matching nothing: one notice naming them all
    const globs = await run(ctx, { reports: ['**/*.sarif', 'reports/{npm-audit,osv-scanner}.json'] })
    expect(globs.findings).toEqual([
      expect.objectContaining({
        kind: 'info',
        code: 'no-report',
        message: expect.stringContaining('matched **/*.sarif, reports/{npm-audit,osv-scanner}.json:'),
      }),
    ])
    expect(globs.summary).toMatch(/^no scanner evidence(;|$)/)
    expect(globs.summary).not.toContain('no vulnerabilities')
    // the same where GitHub's providers exist but read nothing (review skipped: no manifest changed; alerts off)
    const withProviders = makeContext({
      now: NOW,
      evidence: {
        dependencyReview: async () => ({ ok: true, data: reviewFacts([]) }),
        dependabotAlerts: async () => ({ ok: true, data: [] }),
      },
    })
    expect((await run(withProviders, { reports: ['**/*.sarif'] })).summary).toMatch(/^no scanner evidence; dependency review: skipped/)
  })

  test('0 results from <tool> is visible in the summary', async () => {
    const out = await run(makeContext({ now: NOW, reports: { 'codeql.sarif': read('codeql-empty.sarif') } }), { reports: ['codeql.sarif'] })
    expect(out.summary).toContain('0 results from CodeQL (codeql.sarif)')
    expect(out.findings).toEqual([])
  })

  test('dependency review: introduced vulns and denied licenses; OR-licensed with an allowed branch passes', async () => {
    const review = JSON.parse(read('dependency-review.json'))
    const lock = '{\n  "packages": {\n    "node_modules/ghostscript-wrapper": {\n      "version": "2.0.0"\n    }\n  }\n}'
    const ctx = makeContext({
      now: NOW,
      files: [
        { path: 'package.json', patch: PKG_PATCH },
        { path: 'package-lock.json', patch: addFilePatch(lock) },
      ],
      evidence: { dependencyReview: async () => ({ ok: true, data: reviewFacts(review) }) },
    })
    const out = await run(ctx, { licenses: { deny: ['AGPL-3.0-only'] } })
    const v = violations(out.findings)
    expect(v.map((f) => f.code)).toEqual(['vulnerability', 'license'])
    expect(v[0]).toMatchObject({ path: 'package.json', line: 4 })
    expect(v[0].message).toContain('GHSA-35jh-r3h4-6jhm (high) in lodash@4.17.20 is introduced by this PR')
    expect(v[1].message).toBe(
      'ghostscript-wrapper@2.0.0 (package-lock.json) is licensed AGPL-3.0-only, which the policy denies (AGPL-3.0-only).',
    )
    expect(out.tables![0].rows.map((r) => r[1])).toEqual(['GHSA-35jh-r3h4-6jhm', 'GHSA-29mw-wpgm-hmr9'])
  })

  test('providers unavailable → info notices, not failures', async () => {
    const ctx = makeContext({
      now: NOW,
      files: [{ path: 'package.json', patch: PKG_PATCH }],
      evidence: {
        dependencyReview: async () => ({ ok: false, unavailable: true, reason: 'dependency graph not enabled' }),
        dependabotAlerts: async () => ({ ok: false, unavailable: true, reason: 'needs security-events: read' }),
      },
    })
    const out = await run(ctx, { use_dependabot_alerts: true })
    expect(out.findings.map((f) => [f.kind, f.message])).toEqual([
      ['info', 'GitHub dependency review is unavailable: dependency graph not enabled'],
      ['info', 'Dependabot alerts are unavailable: needs security-events: read'],
    ])
  })

  test('providers that FAILED (outage, timeout, rate limit, malformed answer) → errors: the rule is not evaluated', async () => {
    const ctx = makeContext({
      now: NOW,
      files: [{ path: 'package.json', patch: PKG_PATCH }],
      evidence: {
        dependencyReview: async () => ({ ok: false, reason: 'GitHub dependency review failed (HTTP 502): Server Error' }),
        dependabotAlerts: async () => ({ ok: false, reason: 'reading Dependabot alerts failed (HTTP 500): Server Error' }),
      },
    })
    const out = await run(ctx, { use_dependabot_alerts: true })
    expect(out.findings.map((f) => [f.kind, f.code])).toEqual([
      ['error', 'dependency-review-failed'],
      ['error', 'dependabot-failed'],
    ])
    expect(out.findings[0].message).toBe(
      'GitHub dependency review failed, so the dependencies this PR adds were not checked: GitHub dependency review failed (HTTP 502): Server Error',
    )
    expect(out.summary).toContain('dependency review: failed')
  })

  test('a package-lock.json read that fails (not absent: the API after its retries) is an error, not an unknown version', async () => {
    const ctx = makeContext({ now: NOW, reports: { 'npm-audit.json': read('npm-audit.json') } })
    ctx.changes.readHead = async () => {
      throw new Error('GET /repos/o/r/contents/package-lock.json failed (HTTP 502): Server Error')
    }
    const out = await run(ctx, { reports: ['npm-audit.json'] })
    const errors = out.findings.filter((f) => f.kind === 'error')
    expect(errors).toEqual([
      expect.objectContaining({ code: 'read-failed', message: expect.stringContaining('package-lock.json at the head could not be read') }),
    ])
    // the vulnerabilities found are still reported
    expect(violations(out.findings).length).toBeGreaterThan(0)
  })

  test('dependency review is not called when no manifest or lock file changed', async () => {
    let calls = 0
    const ctx = makeContext({
      now: NOW,
      files: [{ path: 'src/app.ts', patch: '@@ -1 +1 @@\n-a\n+b' }],
      evidence: { dependencyReview: async () => (calls++, { ok: true, data: reviewFacts([]) }) },
    })
    await run(ctx)
    expect(calls).toBe(0)
  })

  test('new_only: false holds present vulnerabilities to fail_on too', async () => {
    const sarif = JSON.stringify({
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'S' } },
          results: [
            {
              ruleId: 'CVE-2021-23337',
              level: 'error',
              baselineState: 'unchanged',
              message: { text: "Package 'lodash@4.17.20' is vulnerable" },
            },
          ],
        },
      ],
    })
    const ctx = makeContext({ now: NOW, reports: { 's.sarif': sarif } })
    expect(violations((await run(ctx, { reports: ['s.sarif'] })).findings)).toEqual([])
    expect(violations((await run(ctx, { reports: ['s.sarif'], new_only: false })).findings)).toHaveLength(1)
  })
})

describe('licenseVerdict', () => {
  test.each([
    ['AGPL-3.0-only', ['AGPL-3.0-only'], [], 'AGPL-3.0-only', undefined],
    ['MIT OR AGPL-3.0-only', ['AGPL-3.0-only'], [], undefined, undefined],
    ['MIT AND AGPL-3.0-only', ['AGPL-3.0-only'], [], 'AGPL-3.0-only', undefined],
    ['GPL-2.0-only', [], ['MIT', 'Apache-2.0'], undefined, true],
    ['(MIT OR GPL-2.0-only)', [], ['MIT'], undefined, undefined],
  ])('%s deny=%j allow=%j', (lic, deny, allow, denied, notAllowed) => {
    const v = licenseVerdict(lic, deny, allow)
    expect(v.denied).toBe(denied)
    expect(v.notAllowed).toBe(notAllowed)
  })
})

describe('GitHub API fixtures match the OpenAPI description', () => {
  const api = JSON.parse(readFileSync('node_modules/@octokit/openapi/generated/api.github.com.json', 'utf8'))
  const ajv = (addFormatsModule as unknown as (a: Ajv) => Ajv)(new Ajv({ strict: false, allErrors: true }))
  // OpenAPI 3.0 `nullable` → JSON Schema
  const fix = (s: unknown): unknown => {
    if (Array.isArray(s)) return s.map(fix)
    if (typeof s !== 'object' || s === null) return s
    const o: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(s))
      if (k !== 'nullable' && k !== 'example' && k !== 'examples' && k !== 'discriminator') o[k] = fix(v)
    if ((s as { nullable?: boolean }).nullable) return { anyOf: [o, { type: 'null' }] }
    return o
  }
  const schemaOf = (opId: string) => {
    for (const ops of Object.values(api.paths) as Array<
      Record<string, { operationId?: string; responses?: Record<string, { content?: Record<string, { schema: unknown }> }> }>
    >)
      for (const op of Object.values(ops))
        if (op.operationId === opId)
          return { ...(fix(op.responses!['200'].content!['application/json'].schema) as object), components: fix(api.components) }
    throw new Error(opId)
  }
  const check = (opId: string, file: string) => {
    const schema = JSON.parse(JSON.stringify(schemaOf(opId)).replace(/"#\/components\//g, '"#/components/'))
    const validate = ajv.compile(schema)
    const ok = validate(JSON.parse(read(file)))
    expect(validate.errors ?? []).toEqual([])
    expect(ok).toBe(true)
  }
  test('dependency-graph/diff-range', () => check('dependency-graph/diff-range', 'dependency-review.json'))
  test('dependabot/list-alerts-for-repo', () => check('dependabot/list-alerts-for-repo', 'dependabot-alerts.json'))
})
