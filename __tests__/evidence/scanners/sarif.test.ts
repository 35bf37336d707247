import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import addFormatsModule from 'ajv-formats'
import { parseReport, mergeVulnerabilities, findJsonError, ReportError } from '../../../src/evidence/scanners/index.js'

const FIX = '__tests__/fixtures/scanners/'
const read = (f: string) => readFileSync(FIX + f, 'utf8')
const addFormats = addFormatsModule as unknown as (a: Ajv) => Ajv

describe('SARIF fixtures are valid SARIF 2.1.0 (official OASIS schema)', () => {
  const ajv = addFormats(new Ajv({ strict: false, allErrors: true }))
  const validate = ajv.compile(JSON.parse(read('sarif-schema-2.1.0.json')))
  test.each(['trivy.sarif', 'grype.sarif', 'osv-scanner.sarif', 'snyk.sarif', 'codeql-empty.sarif'])('%s', (f) => {
    const ok = validate(JSON.parse(read(f)))
    expect(validate.errors ?? []).toEqual([])
    expect(ok).toBe(true)
  })
  test('the schema rejects a broken SARIF (the check has teeth)', () => {
    expect(validate({ version: '2.1.0', runs: [{ results: [] }] })).toBe(false)
  })
})

describe('parseReport: SARIF from each tool', () => {
  test.each([
    ['trivy.sarif', 'Trivy', 'lodash', '4.17.20', '4.17.21', 'high', 'CVE-2021-23337'],
    ['grype.sarif', 'Grype', 'lodash', '4.17.20', '4.17.21', 'high', 'GHSA-35jh-r3h4-6jhm'],
    ['osv-scanner.sarif', 'osv-scanner', 'lodash', '4.17.20', undefined, 'high', 'GHSA-35jh-r3h4-6jhm'],
    ['snyk.sarif', 'Snyk Open Source', 'lodash', '4.17.20', '4.17.21', 'high', 'CVE-2021-23337'],
  ])('%s', (file, tool, pkg, version, fixed, severity, id) => {
    const r = parseReport(file, read(file))
    expect(r.format).toBe('sarif')
    expect(r.tool).toBe(tool)
    const v = r.vulnerabilities.find((x) => x.package === pkg)!
    expect(v).toBeDefined()
    expect(v.version).toBe(version)
    if (fixed) expect(v.fixedVersion).toBe(fixed)
    expect(v.severity).toBe(severity)
    expect(v.id).toBe(id)
  })
  test('Trivy: critical from security-severity 9.8, manifest from the location', () => {
    const v = parseReport('t.sarif', read('trivy.sarif')).vulnerabilities.find((x) => x.package === 'minimist')!
    expect(v).toMatchObject({ id: 'CVE-2021-44906', severity: 'critical', cvss: 9.8, fixedVersion: '1.2.6', manifest: 'package-lock.json' })
  })
  test('OSV-Scanner SARIF carries both ids (merges Trivy CVE and npm audit GHSA)', () => {
    const v = parseReport('o.sarif', read('osv-scanner.sarif')).vulnerabilities[0]
    expect(v.aliases.sort()).toEqual(['CVE-2021-23337', 'GHSA-35jh-r3h4-6jhm'])
  })
  test('Snyk keeps its own id as an alias (waivers may name it)', () => {
    expect(parseReport('s.sarif', read('snyk.sarif')).vulnerabilities[0].aliases).toContain('SNYK-JS-LODASH-1040724')
  })
  test('an empty run parses to 0 vulnerabilities', () => {
    expect(parseReport('c.sarif', read('codeql-empty.sarif'))).toMatchObject({ tool: 'CodeQL', vulnerabilities: [] })
  })
  test('code findings without package or advisory are skipped; baselineState and firstDetectionTimeUtc are read', () => {
    const doc = {
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'Mixed', rules: [{ id: 'js/sql-injection' }] } },
          results: [
            { ruleId: 'js/sql-injection', message: { text: 'query built from user input' } },
            {
              ruleId: 'CVE-2020-8203',
              level: 'error',
              baselineState: 'unchanged',
              provenance: { firstDetectionTimeUtc: '2026-01-01T00:00:00Z' },
              message: { text: 'lodash@4.17.15 is vulnerable' },
            },
            { ruleId: 'CVE-2019-10744', baselineState: 'absent', message: { text: 'lodash@4.17.11' } },
            { ruleId: 'CVE-2018-3721', suppressions: [{ kind: 'external', status: 'accepted' }], message: { text: 'lodash@4.17.4' } },
          ],
        },
      ],
    }
    const r = parseReport('m.sarif', JSON.stringify(doc))
    expect(r.skipped).toBe(3)
    expect(r.vulnerabilities).toHaveLength(1)
    expect(r.vulnerabilities[0]).toMatchObject({
      id: 'CVE-2020-8203',
      package: 'lodash',
      version: '4.17.15',
      severity: 'high',
      origin: 'present',
      firstSeen: '2026-01-01T00:00:00Z',
    })
  })
})

describe('parseReport: npm audit, OSV JSON, bad input', () => {
  test('real npm audit --json (npm 11): one record per advisory, GHSA from the url, fix from fixAvailable', () => {
    const r = parseReport('npm-audit.json', read('npm-audit.json'))
    expect(r.format).toBe('npm-audit')
    expect(r.vulnerabilities.map((v) => `${v.id} ${v.package} ${v.severity} ${v.fixedVersion}`).sort()).toEqual([
      'GHSA-29mw-wpgm-hmr9 lodash medium 4.18.1',
      'GHSA-35jh-r3h4-6jhm lodash high 4.18.1',
      'GHSA-xvch-5gv4-984h minimist critical 1.2.8',
    ])
    expect(r.vulnerabilities[0].nodes).toEqual(['node_modules/lodash'])
  })
  test('npm audit that could not run is an error naming the file, not 0 vulnerabilities', () => {
    expect(() => parseReport('npm-audit.json', read('npm-audit-endpoint-error.json'))).toThrow(
      /npm-audit\.json: npm audit did not run: 405 Method Not Allowed/,
    )
  })
  test('npm 6 format is refused with a hint', () => {
    expect(() => parseReport('a.json', JSON.stringify({ advisories: {}, metadata: {} }))).toThrow(/npm 6 audit report/)
  })
  test('OSV-Scanner JSON: group → one record, CVSS from max_severity, fixed version of the matching range', () => {
    const r = parseReport('osv.json', read('osv-scanner.json'))
    expect(r.format).toBe('osv-scanner')
    expect(r.vulnerabilities).toHaveLength(1)
    expect(r.vulnerabilities[0]).toMatchObject({
      id: 'GHSA-xvch-5gv4-984h',
      package: 'minimist',
      version: '1.2.5',
      fixedVersion: '1.2.6',
      severity: 'critical',
      cvss: 9.8,
    })
    expect(r.vulnerabilities[0].aliases).toContain('CVE-2021-44906')
  })
  test('malformed JSON names the file, line and column', () => {
    const text = '{\n  "version": "2.1.0",\n  "runs": [\n    { "tool": }\n  ]\n}\n'
    let err: unknown
    try {
      parseReport('reports/trivy.sarif', text)
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(ReportError)
    expect((err as ReportError).message).toMatch(/^reports\/trivy\.sarif is not valid JSON: unexpected "}" at line 4, column 15/)
    expect((err as ReportError).line).toBe(4)
  })
  test('truncated JSON (a scanner killed mid-write)', () => {
    const text = read('trivy.sarif').slice(0, 300)
    expect(() => parseReport('trivy.sarif', text)).toThrow(/trivy\.sarif is not valid JSON: .*at line \d+, column \d+/)
  })
  test('findJsonError agrees with JSON.parse on valid input', () => {
    expect(findJsonError(read('npm-audit.json')).reason).toBeUndefined()
  })
  test('empty file and unknown format', () => {
    expect(() => parseReport('x.json', '')).toThrow(/x\.json is empty/)
    expect(() => parseReport('cov.json', JSON.stringify({ total: { lines: { pct: 80 } } }))).toThrow(
      'cov.json is not a SARIF / npm audit / OSV-Scanner report (top-level keys: total)',
    )
    expect(() => parseReport('a.json', '[1,2]')).toThrow(/not a SARIF .* an array/)
  })
})

describe('mergeVulnerabilities', () => {
  test('Trivy (CVE), npm audit (GHSA) and OSV-Scanner (both) fold into one lodash record per advisory', () => {
    const all = [
      ...parseReport('trivy.sarif', read('trivy.sarif')).vulnerabilities,
      ...parseReport('npm-audit.json', read('npm-audit.json')).vulnerabilities,
      ...parseReport('osv-scanner.sarif', read('osv-scanner.sarif')).vulnerabilities,
    ]
    const merged = mergeVulnerabilities(all)
    const cmd = merged.filter((v) => v.aliases.includes('CVE-2021-23337') || v.aliases.includes('GHSA-35jh-r3h4-6jhm'))
    expect(cmd).toHaveLength(1)
    expect(cmd[0]).toMatchObject({ id: 'GHSA-35jh-r3h4-6jhm', package: 'lodash', version: '4.17.20' })
    expect(cmd[0].sources.sort()).toEqual(['Trivy', 'npm audit', 'osv-scanner'])
  })
  test('different versions of the same package stay apart', () => {
    const base = { id: 'CVE-1', aliases: ['CVE-1'], package: 'a', severity: 'low' as const, sources: ['x'], reports: ['r'] }
    expect(
      mergeVulnerabilities([
        { ...base, version: '1' },
        { ...base, version: '2' },
      ]),
    ).toHaveLength(2)
  })
})
