import { Type } from '@sinclair/typebox'
import { loadPolicy } from '../../src/policy/load.js'
import { PRESETS } from '../../src/policy/presets.generated.js'
import { RULES } from '../../src/rules/index.js'
import { defineRule } from '../../src/rules/define.js'
import { runGate } from '../../src/engine/run.js'
import { makeContext } from '../helpers/context.js'

describe('defineRule / bind: policy options meet a rule only after its schema checks them', () => {
  it.each(Object.keys(PRESETS))('every rule binds to the options the %s preset resolves to', async (name) => {
    const { policy } = await loadPolicy(PRESETS[name as keyof typeof PRESETS], `policies/${name}.yml`, async () => undefined)
    for (const rule of RULES) {
      const b = rule.bind(policy.rules[rule.id])
      expect(b.ok ? 'ok' : b.why).toBe('ok')
    }
  })

  it('options that do not match the schema make the rule an error (on_error), never a pass', async () => {
    let ran = false
    const r = defineRule({
      id: 'typed',
      description: 'typed',
      options: Type.Object({ max: Type.Integer() }),
      defaultLevel: 'fail',
      evaluate: (_ctx, o) => {
        ran = true
        return { findings: o.max < 0 ? [{ message: 'negative' }] : [] }
      },
    })
    const { policy } = await loadPolicy('rules: {}\n', 'p.yml', async () => undefined)
    policy.rules.typed = { level: 'fail', max: 'ten' }
    const v = await runGate({ policy, ctx: makeContext(), policySource: 'p', rules: [r] })
    expect(ran).toBe(false)
    expect(v.results[0].status).toBe('error')
    expect(v.results[0].error).toMatch(/do not match its schema at \/max/)
    expect(v.conclusion).toBe('failure')
    policy.rules.typed = { level: 'fail', max: -1 }
    const ok = await runGate({ policy, ctx: makeContext(), policySource: 'p', rules: [r] })
    expect(ok.results[0].status).toBe('fail')
  })

  it('a level that is not a level is an error too', async () => {
    const r = defineRule({ id: 'x', description: 'x', options: Type.Object({}), defaultLevel: 'fail', evaluate: () => ({ findings: [] }) })
    const { policy } = await loadPolicy('rules: {}\n', 'p.yml', async () => undefined)
    const loud: Record<string, unknown> = { level: 'loud' }
    Object.assign(policy.rules, { x: loud })
    const v = await runGate({ policy, ctx: makeContext(), policySource: 'p', rules: [r] })
    expect(v.results[0].status).toBe('error')
  })
})
