/**
 * The trend record the gate hides in its check run text (src/trends/embed.ts): it reads back to the facts
 * recordFromVerdict takes from the verdict, nothing in it can close the HTML comment, it stays within its
 * bound, and a text that is not a valid record reads as none.
 */
import { embedRecord, extractRecord, factsFromVerdict, MAX_RECORD_CHARS, RECORD_MARKER } from '../../src/trends/embed.js'
import type { RuleResult, Verdict } from '../../src/types.js'

function verdict(over: { reason?: string; dangers?: number; path?: string } = {}): Verdict {
  const results: RuleResult[] = [
    { id: 'pr-size', description: '', level: 'warn', status: 'warn', findings: [], data: { lines: 512, files: 7 } },
    {
      id: 'migration-safety',
      description: '',
      level: 'fail',
      status: 'waived',
      findings: Array.from({ length: over.dangers ?? 2 }, (_, i) => ({
        message: 'danger',
        code: i % 2 ? 'add-column-default' : 'drop-column',
        path: over.path ?? `db/m${i}.sql`,
        line: i + 1,
      })),
      data: {
        migrations: ['db/m0.sql'],
        suppressions: [{ id: 'drop-column', path: 'db/m0.sql', reason: over.reason ?? 'column unused since v2' }],
      },
      waiver: {
        kind: 'label',
        by: 'lead',
        label: 'gate-waive:migration-safety',
        reason: over.reason ?? 'backfilled in #12',
      } as RuleResult['waiver'],
    },
    {
      id: 'runbook',
      description: '',
      level: 'warn',
      status: 'pass',
      findings: [],
      data: {
        triggers: ['Dockerfile'],
        violations: 0,
        opt_out: { text: 'no-runbook: packaging only', reason: over.reason ?? 'packaging only' },
      },
    },
    { id: 'secrets', description: '', level: 'fail', status: 'fail', findings: [] },
  ]
  return {
    conclusion: 'failure',
    title: 't',
    results,
    failedRules: ['secrets'],
    notes: [],
    labels: { add: [], remove: [] },
    policySource: 'x',
    mode: 'pull_request',
    head: 'h',
    base: 'b',
  }
}

describe('the embedded trend record', () => {
  it('reads back to the facts of the verdict', () => {
    const v = verdict()
    const text = `## Details\n\nsome text${embedRecord(v)}`
    const facts = extractRecord(text)
    expect(facts).toEqual(factsFromVerdict(v))
    expect(facts).toMatchObject({
      conclusion: 'failure',
      size: { lines: 512, files: 7 },
      failed: ['secrets'],
      waived: [{ rule: 'migration-safety', label: 'gate-waive:migration-safety', reason: 'backfilled in #12' }],
    })
    expect(facts?.migrations?.dangers).toHaveLength(2)
    expect(facts?.runbook?.optOut).toEqual({ text: 'no-runbook: packaging only', reason: 'packaging only' })
  })

  it('cannot be closed or turned into HTML by what the pull request writes', () => {
    const evil = 'x --> <img src=x onerror=alert(1)> & </details> <!-- y'
    const v = verdict({ reason: evil, path: 'db/-->.sql' })
    const embedded = embedRecord(v)
    // One comment: it opens once, closes once, at the end, and holds no < > inside.
    const body = embedded.trim()
    expect(body.startsWith(`<!-- ${RECORD_MARKER} {`)).toBe(true)
    expect(body.endsWith(' -->')).toBe(true)
    expect(body.slice(4, -4)).not.toMatch(/[<>]/)
    const facts = extractRecord(`before${embedded}`)
    expect(facts?.waived[0]?.reason).toBe(evil)
    expect(facts?.migrations?.dangers[0]?.path).toBe('db/-->.sql')
  })

  it('is bounded: long reasons and long lists are cut, and the record says so', () => {
    const v = verdict({ reason: 'r'.repeat(100_000), dangers: 5000 })
    const embedded = embedRecord(v)
    expect(embedded.length).toBeLessThanOrEqual(MAX_RECORD_CHARS)
    const facts = extractRecord(embedded)
    expect(facts?.truncated).toBe(true)
    expect(facts?.size).toEqual({ lines: 512, files: 7 })
    expect(facts?.conclusion).toBe('failure')
    expect(facts?.migrations?.dangers.length).toBeGreaterThan(0)
    expect(facts?.migrations?.dangers.length).toBeLessThan(5000)
  })

  it('reads a text without a valid record as none', () => {
    expect(extractRecord(undefined)).toBeUndefined()
    expect(extractRecord('no record here')).toBeUndefined()
    expect(extractRecord(`<!-- ${RECORD_MARKER} {not json} -->`)).toBeUndefined()
    expect(
      extractRecord(`<!-- ${RECORD_MARKER} {"v":2,"conclusion":"success","failed":[],"errored":[],"warned":[],"waived":[]} -->`),
    ).toBeUndefined()
    expect(
      extractRecord(`<!-- ${RECORD_MARKER} {"v":1,"conclusion":"great","failed":[],"errored":[],"warned":[],"waived":[]} -->`),
    ).toBeUndefined()
    expect(
      extractRecord(`<!-- ${RECORD_MARKER} {"v":1,"conclusion":"success","failed":[1],"errored":[],"warned":[],"waived":[]} -->`),
    ).toBeUndefined()
    // A negative size is not a size.
    expect(
      extractRecord(
        `<!-- ${RECORD_MARKER} {"v":1,"conclusion":"success","failed":[],"errored":[],"warned":[],"waived":[],"size":{"lines":-1,"files":1}} -->`,
      )?.size,
    ).toBeUndefined()
  })
})
