import { deploymentDecision, exitCode, failsJob, isBlocking } from '../../src/pipeline/decision.js'
import { policySource } from '../../src/pipeline/policy-source.js'
import type { RuleStatus } from '../../src/types.js'

describe('what a verdict means to each face (src/pipeline/decision.ts)', () => {
  it.each([
    ['success', false, 0],
    ['neutral', false, 0],
    ['failure', false, 1],
    // A policy that cannot be loaded is a configuration error, whatever the conclusion says.
    ['failure', true, 2],
    ['neutral', true, 2],
  ] as const)('CLI exit code: %s with policy error %s → %d', (conclusion, policyError, code) => {
    expect(exitCode({ conclusion, policyError })).toBe(code)
  })

  it('the Action fails the job only on a failing verdict, and only when fail-on says so', () => {
    expect(failsJob({ conclusion: 'failure' }, 'failure')).toBe(true)
    expect(failsJob({ conclusion: 'failure' }, 'never')).toBe(false)
    expect(failsJob({ conclusion: 'neutral' }, 'failure')).toBe(false)
    expect(failsJob({ conclusion: 'success' }, 'failure')).toBe(false)
  })

  it('a deployment is rejected on a failing verdict and approved otherwise', () => {
    expect(deploymentDecision({ conclusion: 'failure' })).toBe('rejected')
    expect(deploymentDecision({ conclusion: 'neutral' })).toBe('approved')
    expect(deploymentDecision({ conclusion: 'success' })).toBe('approved')
  })

  it('fail, warn and error block (listed first); pass, notice, off and waived do not', () => {
    const blocking: RuleStatus[] = ['fail', 'warn', 'error']
    const not: RuleStatus[] = ['pass', 'notice', 'off', 'waived']
    expect(blocking.every(isBlocking)).toBe(true)
    expect(not.some(isBlocking)).toBe(false)
  })
})

describe('where the enforced policy came from (src/pipeline/policy-source.ts)', () => {
  it('names the file and the ref, shortening a SHA to 12', () => {
    expect(policySource({ path: '.github/quality-gate.yml', text: 'extends: strict\n', at: { ref: 'main' } })).toBe(
      '.github/quality-gate.yml@main',
    )
    expect(policySource({ path: 'p.yml', text: 'extends: strict\n', at: { sha: 'a'.repeat(40) } })).toBe(`p.yml@${'a'.repeat(12)}`)
    expect(policySource({ path: 'p.yml', text: 'extends: strict\n', at: 'working tree' })).toBe('p.yml (working tree)')
  })

  it('says when the embedded default applies, and why', () => {
    expect(policySource({ path: 'p.yml', text: undefined, at: { ref: 'main' } })).toBe('embedded default policy (no p.yml at main)')
    expect(policySource({ path: 'p.yml', text: undefined, at: { sha: 'b'.repeat(40) }, missingAt: 'at the base' })).toBe(
      'embedded default policy (no p.yml at the base)',
    )
    expect(policySource({ path: 'p.yml', text: undefined, at: 'working tree' })).toBe(
      'embedded default policy (no p.yml in the working tree)',
    )
    expect(policySource({ path: 'p.yml', text: '# nothing set\n', at: { ref: 'main' } })).toBe(
      'p.yml@main (empty: the default preset applies)',
    )
  })
})
