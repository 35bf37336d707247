import { findDeclarations, findReasonedDeclaration } from '../../src/change/pr-body.js'
import { waiverFor } from '../../src/engine/waivers.js'
import type { PullRequestMeta } from '../../src/types.js'

const settings = {
  label_prefix: 'gate-waive:',
  require_reason: true,
  min_reason_length: 10,
  approvers: { permission: 'write' as const },
  allow_self: false,
  invalidate_on_push: ['migration-safety', 'dependencies'],
}
const pr = (body: string, labels = ['gate-waive:pr-size']): PullRequestMeta => ({
  title: 't',
  body,
  author: 'a',
  labels,
  repo: { owner: 'o', name: 'r' },
})

describe('declarations in a PR body', () => {
  it('a line inside an HTML comment or a code fence is not a declaration', () => {
    const body = [
      '<!--',
      'Runbook: not needed — example from the template',
      '-->',
      '```',
      'Runbook: not needed — inside a fence',
      '```',
    ].join('\n')
    expect(findDeclarations(body, 'Runbook: not needed')).toEqual([])
  })

  it('exact: the phrase must not run on into a longer name', () => {
    expect(findDeclarations('gate-waive:pr-size-extra because of reasons', 'gate-waive:pr-size', { exact: true })).toEqual([])
    expect(findDeclarations('gate-waive:pr-sizes because of reasons', 'gate-waive:pr-size', { exact: true })).toEqual([])
    expect(findDeclarations('gate-waive:pr-size - because of reasons', 'gate-waive:pr-size', { exact: true })).toHaveLength(1)
    expect(findDeclarations('gate-waive:pr-size: because of reasons', 'gate-waive:pr-size', { exact: true })).toHaveLength(1)
  })

  it('a placeholder reason is rejected', () => {
    const r = findReasonedDeclaration('gate-waive:pr-size <explain why this is safe>', 'gate-waive:pr-size', 10, { exact: true })
    expect(r.accepted).toBeUndefined()
    expect(r.rejected[0]?.why).toContain('placeholder')
  })
})

describe('the waiver reason goes through the PR-body declaration rules (issue 13, item 10)', () => {
  it.each([
    ['inside an HTML comment', '<!-- gate-waive:pr-size the refactor is mechanical, see ticket -->\nJust a change.'],
    [
      'inside a multi-line HTML comment (a PR template)',
      'Summary\n<!--\nTo waive a rule, write:\ngate-waive:pr-size generated code regenerated wholesale\n-->',
    ],
    ['inside a code fence', '```\ngate-waive:pr-size generated code regenerated wholesale\n```'],
    ['inside a tilde fence', '~~~md\ngate-waive:pr-size generated code regenerated wholesale\n~~~'],
    ['a template placeholder', 'gate-waive:pr-size <explain why this rule does not apply>'],
    ['an ellipsis placeholder', 'gate-waive:pr-size …'],
    ['a longer label', 'gate-waive:pr-size-and-more generated code regenerated wholesale'],
  ])('%s does not waive', (_name, body) => {
    const w = waiverFor('pr-size', pr(body), settings)
    expect(w).toMatchObject({ waived: false, label: 'gate-waive:pr-size' })
    expect(w?.rejected).toBeTruthy()
  })

  it('a placeholder is named as such', () => {
    expect(waiverFor('pr-size', pr('gate-waive:pr-size <explain why…>'), settings)?.rejected).toBe(
      'the waiver reason "<explain why…>" is a template placeholder, not a reason',
    )
  })

  it('a real reason still waives, with Markdown decoration around it', () => {
    expect(waiverFor('pr-size', pr('Notes\n- **gate-waive:pr-size**: generated client regenerated wholesale'), settings)).toEqual({
      waived: true,
      label: 'gate-waive:pr-size',
      reason: 'generated client regenerated wholesale',
    })
    expect(waiverFor('pr-size', pr('<!-- template -->\ngate-waive:pr-size generated client regenerated'), settings)?.waived).toBe(true)
  })

  it('without require_reason the label alone waives, and a placeholder is not shown as the reason', () => {
    expect(waiverFor('pr-size', pr('gate-waive:pr-size <reason>'), { ...settings, require_reason: false })).toEqual({
      waived: true,
      label: 'gate-waive:pr-size',
      reason: undefined,
    })
  })
})
