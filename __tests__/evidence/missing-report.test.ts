/**
 * The "listed report not found" decision shared by dependencies and code-scanning: plain paths that are
 * missing follow `missing_report` (fail → finding at the rule's level, warn → warning, ignore → a note);
 * globs that matched nothing are returned for the rule's own notice.
 */
import type { Finding } from '../../src/types.js'
import { missingReportOption, reportMissing, unfoundReports } from '../../src/evidence/missing-report.js'

describe('unfoundReports', () => {
  it('keeps list order and splits plain paths from globs; a matched entry is neither', () => {
    const found = [{ path: 'reports/a.sarif' }, { path: 'npm-audit.json' }]
    const listed = ['x.sarif', 'reports/**/*.sarif', 'npm-audit.json', './*.sarif', 'y/osv.json', '{a,b}.json']
    expect(unfoundReports(listed, found)).toEqual({ missing: ['x.sarif', 'y/osv.json'], unmatched: ['./*.sarif', '{a,b}.json'] })
    expect(unfoundReports([], found)).toEqual({ missing: [], unmatched: [] })
  })
})

describe('reportMissing', () => {
  const text = { message: 'Report r.json is missing', hint: 'Run the scanner' }
  const sink = () => ({ findings: [] as Finding[], notes: [] as string[] })

  it('fail: a finding at the rule level with the hint', () => {
    const s = sink()
    reportMissing(s, 'fail', 'r.json', text)
    expect(s).toEqual({ findings: [{ message: text.message, hint: text.hint, code: 'missing-report' }], notes: [] })
  })
  it('warn: a warning without the hint', () => {
    const s = sink()
    reportMissing(s, 'warn', 'r.json', text)
    expect(s).toEqual({ findings: [{ message: text.message, level: 'warn', code: 'missing-report' }], notes: [] })
  })
  it('ignore: a summary note only', () => {
    const s = sink()
    reportMissing(s, 'ignore', 'r.json', text)
    expect(s).toEqual({ findings: [], notes: ['r.json: not found (ignored)'] })
  })
})

describe('missingReportOption', () => {
  it('is fail/warn/ignore with default fail and the given description', () => {
    const o = missingReportOption('What it concludes.')
    expect(o.default).toBe('fail')
    expect(o.description).toBe('What it concludes.')
    expect(o.anyOf.map((l) => l.const)).toEqual(['fail', 'warn', 'ignore'])
  })
})
