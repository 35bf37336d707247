import { classifyCheckRun } from '../../src/release/gates.js'
import { embedRecord } from '../../src/trends/embed.js'
import type { RuleResult, Verdict } from '../../src/types.js'

const result = (status: RuleResult['status']): RuleResult => ({
  id: 'migration-safety',
  description: 'migrations',
  level: 'fail',
  status,
  findings: [],
  ...(status === 'waived'
    ? {
        waiver: {
          rule: 'migration-safety',
          by: 'alice',
          via: 'repository role maintain',
          head: 'a'.repeat(40),
          kind: 'label' as const,
          label: 'gate-waive:migration-safety',
        },
      }
    : {}),
})
const verdict = (status: RuleResult['status'], title: string): Verdict => ({
  conclusion: 'success',
  title,
  results: [result(status)],
  failedRules: [],
  notes: [],
  labels: { add: [], remove: [] },
  policySource: '.github/quality-gate.yml@main',
  mode: 'pull_request',
  head: 'a'.repeat(40),
  base: 'b'.repeat(40),
})

describe('release reads whether a merged PR passed with a waiver from the gate record, not from rendered text', () => {
  it('a waived rule in the record is waived, whatever the title says', () => {
    const text = 'rendered details' + embedRecord(verdict('waived', 'all 6 rules passed'))
    expect(classifyCheckRun({ status: 'completed', conclusion: 'success', output: { title: 'all 6 rules passed', text } })).toBe('waived')
  })
  it('a title that merely contains "waived:" does not make a recorded pass waived', () => {
    const text = embedRecord(verdict('pass', 'waived: nothing'))
    expect(classifyCheckRun({ status: 'completed', conclusion: 'neutral', output: { title: 'waived: nothing', text } })).toBe('passed')
  })
  it('a check run from before the record existed is read by its title', () => {
    expect(
      classifyCheckRun({
        status: 'completed',
        conclusion: 'success',
        output: { title: 'waived: migration-safety', text: 'no record here' },
      }),
    ).toBe('waived')
    expect(classifyCheckRun({ status: 'completed', conclusion: 'success', output: { title: 'all passed', text: null } })).toBe('passed')
  })
  it('failed and pending runs are decided by their conclusion, not the record', () => {
    const text = embedRecord(verdict('waived', 'x'))
    expect(classifyCheckRun({ status: 'completed', conclusion: 'failure', output: { title: 'x', text } })).toBe('failed')
    expect(classifyCheckRun({ status: 'in_progress', conclusion: null, output: { title: 'x', text } })).toBe('pending')
  })
})
