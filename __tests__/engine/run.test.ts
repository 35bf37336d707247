import { Type } from '@sinclair/typebox'
import { runGate } from '../../src/engine/run.js'
import { loadPolicy } from '../../src/policy/load.js'
import type { ResolvedPolicy } from '../../src/policy/schema.js'
import type { Finding, Level } from '../../src/types.js'
import { defineRule, type GateRule } from '../../src/rules/define.js'
import { makeContext } from '../helpers/context.js'

function rule(id: string, evaluate: () => Finding[] | Promise<Finding[]>): GateRule {
  return defineRule({
    id,
    description: id,
    options: Type.Object({}),
    defaultLevel: 'fail',
    evaluate: async () => ({ findings: await evaluate() }),
  })
}

async function policyWith(levels: Record<string, Level>, extra = ''): Promise<ResolvedPolicy> {
  const { policy } = await loadPolicy(`rules: {}\n${extra}`, 'p.yml', async () => undefined)
  for (const [id, level] of Object.entries(levels)) policy.rules[id] = { level }
  return policy
}

const violation = (level?: Level): Finding => ({ message: 'bad', level })

describe('the engine decides the conclusion in one place', () => {
  it.each<[string, Record<string, Level>, GateRule[], string]>([
    ['no findings → success', { a: 'fail' }, [rule('a', () => [])], 'success'],
    ['a fail finding → failure', { a: 'fail' }, [rule('a', () => [violation()])], 'failure'],
    ['rule at warn → neutral', { a: 'warn' }, [rule('a', () => [violation()])], 'neutral'],
    ['finding level capped at the rule level', { a: 'warn' }, [rule('a', () => [violation('fail')])], 'neutral'],
    ['notice never blocks', { a: 'notice' }, [rule('a', () => [violation()])], 'success'],
    [
      'off rules are not run',
      { a: 'off' },
      [
        rule('a', () => {
          throw new Error('must not run')
        }),
      ],
      'success',
    ],
    ['info findings do not count', { a: 'fail' }, [rule('a', () => [{ message: 'fyi', kind: 'info' }])], 'success'],
    [
      'an error finding → on_error (failure)',
      { a: 'fail' },
      [rule('a', () => [{ message: 'report unreadable', kind: 'error' }])],
      'failure',
    ],
    [
      'a throwing rule is isolated → failure, others still run',
      { a: 'fail', b: 'fail' },
      [
        rule('a', () => {
          throw new Error('boom')
        }),
        rule('b', () => []),
      ],
      'failure',
    ],
    [
      'a thrown string still fails',
      { a: 'fail' },
      [
        rule('a', () => {
          throw 'plain string'
        }),
      ],
      'failure',
    ],
  ])('%s', async (_name, levels, rules, conclusion) => {
    const v = await runGate({ policy: await policyWith(levels), ctx: makeContext(), policySource: 'p', rules })
    expect(v.conclusion).toBe(conclusion)
  })

  it('names the rule that threw and keeps evaluating the others', async () => {
    const v = await runGate({
      policy: await policyWith({ a: 'fail', b: 'warn' }),
      ctx: makeContext(),
      policySource: 'p',
      rules: [
        rule('a', () => {
          throw new TypeError('x is undefined')
        }),
        rule('b', () => [violation()]),
      ],
    })
    expect(v.results.map((r) => [r.id, r.status])).toEqual([
      ['a', 'error'],
      ['b', 'warn'],
    ])
    expect(v.results[0].findings[0].message).toBe('rule a could not be evaluated: x is undefined')
    expect(v.failedRules).toEqual(['a'])
  })

  it('on_error: neutral is honoured, but never success', async () => {
    const policy = await policyWith({ a: 'fail' }, 'conclusion: { on_error: neutral }\n')
    const v = await runGate({ policy, ctx: makeContext(), policySource: 'p', rules: [rule('a', () => [{ message: 'x', kind: 'error' }])] })
    expect(v.conclusion).toBe('neutral')
  })

  it('warnings: success turns warnings into success', async () => {
    const policy = await policyWith({ a: 'warn' }, 'conclusion: { warnings: success }\n')
    const v = await runGate({ policy, ctx: makeContext(), policySource: 'p', rules: [rule('a', () => [violation()])] })
    expect(v.conclusion).toBe('success')
  })

  it('a truncated file list is never a silent pass', async () => {
    const partial = await runGate({
      policy: await policyWith({ a: 'fail' }),
      ctx: makeContext({ truncated: true }),
      policySource: 'p',
      rules: [rule('a', () => [])],
    })
    expect(partial.conclusion).toBe('failure')
    expect(partial.notes[0].message).toMatch(/Partial evaluation/)
    const neutral = await runGate({
      policy: await policyWith({ a: 'fail' }, 'conclusion: { partial: neutral }\n'),
      ctx: makeContext({ truncated: true }),
      policySource: 'p',
      rules: [rule('a', () => [])],
    })
    expect(neutral.conclusion).toBe('neutral')
  })
})

describe('waivers', () => {
  const failing = [rule('a', () => [violation()])]
  it.each<[string, string[], string, string, string | undefined]>([
    ['label + reason waives', ['gate-waive:a'], 'gate-waive:a hotfix for incident 42, approved by SRE', 'success', 'waived'],
    ['label without reason does not', ['gate-waive:a'], 'no reason here', 'failure', 'fail'],
    ['reason too short does not', ['gate-waive:a'], 'gate-waive:a ok', 'failure', 'fail'],
    ['reason without label does not (labels need triage rights)', [], 'gate-waive:a hotfix for incident 42', 'failure', 'fail'],
    ['a label for another rule does not', ['gate-waive:b'], 'gate-waive:b hotfix for incident 42', 'failure', 'fail'],
  ])('%s', async (_name, labels, body, conclusion, status) => {
    const v = await runGate({
      policy: await policyWith({ a: 'fail' }),
      ctx: makeContext({ pr: { labels, body } }),
      policySource: 'p',
      rules: failing,
    })
    expect(v.conclusion).toBe(conclusion)
    expect(v.results[0].status).toBe(status)
  })

  it('shows the waiver reason and explains a rejected waiver', async () => {
    const ok = await runGate({
      policy: await policyWith({ a: 'fail' }),
      ctx: makeContext({ pr: { labels: ['gate-waive:a'], body: 'Gate-Waive:a: hotfix for incident 42' } }),
      policySource: 'p',
      rules: failing,
    })
    expect(ok.results[0].waiver).toMatchObject({ rule: 'a', kind: 'local', label: 'gate-waive:a', reason: 'hotfix for incident 42' })
    const rejected = await runGate({
      policy: await policyWith({ a: 'fail' }),
      ctx: makeContext({ pr: { labels: ['gate-waive:a'] } }),
      policySource: 'p',
      rules: failing,
    })
    expect(rejected.notes.map((n) => n.message).join()).toContain('Waiver for a not applied')
  })
})

describe('a waiver never turns a rule that was not evaluated into a green check', () => {
  const body = 'gate-waive:a hotfix for incident 42, approved by SRE'
  it.each<[string, GateRule]>([
    ['an error finding (provider outage)', rule('a', () => [{ message: 'dependency review unavailable', kind: 'error' }])],
    [
      'a thrown rule',
      rule('a', () => {
        throw new Error('boom')
      }),
    ],
    ['an error next to a violation', rule('a', () => [violation(), { message: 'report unreadable', kind: 'error' }])],
  ])('%s stays error and follows on_error', async (_name, r) => {
    const v = await runGate({
      policy: await policyWith({ a: 'fail' }),
      ctx: makeContext({ pr: { labels: ['gate-waive:a'], body } }),
      policySource: 'p',
      rules: [r],
    })
    expect(v.results[0].status).toBe('error')
    expect(v.results[0].waiver).toBeUndefined()
    expect(v.conclusion).toBe('failure')
    expect(v.notes.map((n) => n.message).join()).toMatch(/Waiver for a not applied: the rule could not be evaluated/)
    const neutral = await runGate({
      policy: await policyWith({ a: 'fail' }, 'conclusion: { on_error: neutral }\n'),
      ctx: makeContext({ pr: { labels: ['gate-waive:a'], body } }),
      policySource: 'p',
      rules: [r],
    })
    expect(neutral.conclusion).toBe('neutral')
  })
})
