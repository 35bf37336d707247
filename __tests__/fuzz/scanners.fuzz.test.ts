/**
 * Fuzz: scanner reports (SARIF from Trivy/Grype/Snyk/OSV-Scanner/CodeQL, npm audit, OSV-Scanner JSON).
 * The real fixtures mutated as text and as JSON trees (type confusion), plus random text. Property:
 * parseReport returns a report for that file or throws ReportError naming the file (and, for invalid JSON,
 * a line/column inside it); never another exception.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { parseReport, ReportError, SEVERITIES } from '../../src/evidence/scanners/index.js'
import { check, jsonMutated, lineCount, mutated, nastyString, TIMEOUT } from './support.js'

const FIX = join(process.cwd(), '__tests__/fixtures/scanners')
const SEEDS = [
  'codeql-empty.sarif',
  'grype.sarif',
  'osv-scanner.sarif',
  'snyk.sarif',
  'trivy.sarif',
  'npm-audit.json',
  'npm-audit-endpoint-error.json',
  'npm-audit-package-lock.json',
  'osv-scanner.json',
  'dependabot-alerts.json',
  'dependency-review.json',
].map((f) => readFileSync(join(FIX, f), 'utf8'))
const TOKENS = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  'null',
  'true',
  '1e999',
  '-',
  '\\u0000',
  '\\ud800',
  '\uFEFF',
  '"runs"',
  '"results": null',
  '"version": "2.1.0"',
  '"version": "3.0"',
  '"$schema"',
  '"level": "error"',
  '"ruleId": 1',
  '"properties": []',
  '"security-severity": "9.8"',
  '"security-severity": "NaN"',
  '"tags": "security"',
  '"vulnerabilities": []',
  '"auditReportVersion": 2',
  '"advisories": {}',
  '"via": "x"',
  '"fixAvailable": {}',
  '"packages": {}',
  '"severity": "CRITICAL"',
  '"aliases": null',
  '"affected": 1',
  '"__proto__": {"x": 1}',
  '"constructor": 1',
  '['.repeat(3000),
  '{"a":'.repeat(2000),
]

const reportText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: jsonMutated(SEEDS) },
  { weight: 3, arbitrary: mutated(SEEDS, TOKENS, 4) },
  { weight: 1, arbitrary: fc.array(fc.oneof(fc.constantFrom(...TOKENS), nastyString(8)), { maxLength: 25 }).map((t) => t.join('')) },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.string({ maxLength: 200, unit: 'binary' }),
      fc.constantFrom('', ' ', '\uFEFF', 'null', '[]', '"x"', '1', '{}', '['.repeat(20000), '{"runs":' + '['.repeat(20000)),
    ),
  },
)

describe('fuzz: scanner reports', () => {
  test(
    'parseReport: a report or a ReportError naming the file (and the line/column of a JSON error)',
    async () => {
      await check(
        'scanners: parseReport (SARIF, npm audit, OSV)',
        200,
        fc.tuple(reportText, fc.constantFrom('trivy.sarif', 'reports/npm audit.json', 'osv.json')),
        ([text, path]) => {
          try {
            const r = parseReport(path, text)
            expect(r.path).toBe(path)
            expect(['sarif', 'npm-audit', 'osv-scanner']).toContain(r.format)
            for (const v of r.vulnerabilities) {
              expect(typeof v.id).toBe('string')
              expect(typeof v.package).toBe('string')
              expect(SEVERITIES).toContain(v.severity)
              expect(Array.isArray(v.aliases) && Array.isArray(v.sources) && Array.isArray(v.reports)).toBe(true)
              if (v.cvss !== undefined) expect(Number.isFinite(v.cvss)).toBe(true)
            }
          } catch (e) {
            if (!(e instanceof ReportError))
              throw new Error(`not a ReportError: ${e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e)}`)
            expect(e.path).toBe(path)
            expect(e.message).toContain(path)
            if (e.line !== undefined) {
              expect(e.line).toBeGreaterThanOrEqual(1)
              expect(e.line).toBeLessThanOrEqual(lineCount(text))
              expect(e.column).toBeGreaterThanOrEqual(1)
              expect(e.column!).toBeLessThanOrEqual((text.replace(/^\uFEFF/, '').split('\n')[e.line - 1] ?? '').length + 1)
            }
          }
        },
      )
    },
    TIMEOUT,
  )
})
