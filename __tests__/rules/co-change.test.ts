import { ruleOptions } from '../../src/policy/resolved.js'
import { describe, expect, it } from '@jest/globals'
import { coChange, CoChangeOptions, evaluateCoChange, type CoChangeEntry } from '../../src/rules/co-change.js'
import { addFilePatch, makeContext, type FakeFile } from '../helpers/context.js'

const adr: CoChangeEntry = {
  name: 'adr-for-new-service',
  when: ['services/*/package.json', 'services/*/go.mod', 'services/*/pyproject.toml'],
  only_added: true,
  require: ['docs/adr/**', 'docs/decisions/**'],
  or_declaration: 'ADR: not needed',
}
const changelog: CoChangeEntry = {
  name: 'changelog-for-api-spec',
  when: ['**/openapi.{yaml,yml,json}'],
  require: ['CHANGELOG.md', '**/CHANGELOG.md'],
  or_declaration: 'Changelog: not needed',
}
const protoDocs: CoChangeEntry = {
  name: 'api-docs-for-proto',
  when: ['proto/**/*.proto'],
  added_lines_match: '^\\s*(rpc|message|service|enum)\\s',
  require: ['docs/api/**'],
}
const perService: CoChangeEntry = { name: 'service-doc', when: ['services/{svc}/src/**'], require: ['docs/services/{svc}.md'] }

const file = (path: string, status: FakeFile['status'] = 'modified', patch = '@@ -1 +1 @@\n-a\n+b'): FakeFile => ({ path, status, patch })
const added = (path: string): FakeFile => ({ path, status: 'added', patch: addFilePatch('x') })

async function run(files: FakeFile[], rules: CoChangeEntry[], body = '') {
  return coChange.evaluate(makeContext({ files, pr: { body } }), ruleOptions(coChange, { rules }))
}

describe('co-change', () => {
  it.each([
    {
      name: 'new service without ADR',
      files: [added('services/billing/package.json'), added('services/billing/src/index.ts')],
      rules: [adr],
      fail: ['adr-for-new-service'],
    },
    {
      name: 'new service with ADR',
      files: [added('services/billing/package.json'), added('docs/adr/0012-billing-service.md')],
      rules: [adr],
      fail: [],
    },
    { name: 'existing service manifest modified (only_added)', files: [file('services/billing/package.json')], rules: [adr], fail: [] },
    {
      name: 'new service, reasoned declaration',
      files: [added('services/billing/go.mod')],
      rules: [adr],
      body: 'ADR: not needed — split out of ledger, see ADR-0009',
      fail: [],
    },
    {
      name: 'new service, too short declaration',
      files: [added('services/billing/go.mod')],
      rules: [adr],
      body: 'ADR: not needed - no',
      fail: ['adr-for-new-service'],
    },
    { name: 'openapi change without CHANGELOG', files: [file('api/openapi.yaml')], rules: [changelog], fail: ['changelog-for-api-spec'] },
    {
      name: 'openapi change with a package CHANGELOG',
      files: [file('api/openapi.yaml'), file('packages/sdk/CHANGELOG.md')],
      rules: [changelog],
      fail: [],
    },
    {
      name: 'removed CHANGELOG does not satisfy',
      files: [file('api/openapi.yaml'), file('CHANGELOG.md', 'removed')],
      rules: [changelog],
      fail: ['changelog-for-api-spec'],
    },
    {
      name: 'proto: new rpc without docs',
      files: [
        file('proto/payments/v1/payments.proto', 'modified', '@@ -3,0 +4 @@\n+  rpc Refund(RefundRequest) returns (RefundResponse);'),
      ],
      rules: [protoDocs],
      fail: ['api-docs-for-proto'],
    },
    {
      name: 'proto: comment-only change does not trigger',
      files: [file('proto/payments/v1/payments.proto', 'modified', '@@ -3,0 +4 @@\n+  // clarify units')],
      rules: [protoDocs],
      fail: [],
    },
    {
      name: 'proto: no patch counts as matching',
      files: [{ path: 'proto/big.proto', status: 'modified' as const }],
      rules: [protoDocs],
      fail: ['api-docs-for-proto'],
    },
    {
      name: 'placeholder: own service doc',
      files: [file('services/ledger/src/a.ts'), file('docs/services/ledger.md')],
      rules: [perService],
      fail: [],
    },
    {
      name: 'placeholder: other service doc does not count',
      files: [file('services/ledger/src/a.ts'), file('docs/services/billing.md')],
      rules: [perService],
      fail: ['service-doc'],
    },
    { name: 'nothing triggered', files: [file('src/a.ts')], rules: [adr, changelog, protoDocs], fail: [] },
  ])('$name', async ({ files, rules, body, fail }) => {
    const out = await run(files, rules, body)
    expect(out.findings.map((f) => f.code)).toEqual(fail)
    for (const f of out.findings) {
      expect(f.path).toBeDefined()
      expect(f.hint).toMatch(/Change a file matching/)
    }
  })

  it('summary and table show what triggered and what satisfied it, quoting a declaration', async () => {
    const out = await run(
      [file('api/openapi.yaml'), added('services/x/go.mod')],
      [changelog, adr],
      'Changelog: not needed — docs-only description fields changed',
    )
    expect(out.findings.map((f) => f.code)).toEqual(['adr-for-new-service'])
    expect(out.summary).toBe('1 of 2 triggered co-change requirements unmet.')
    expect(out.tables?.[0].rows).toEqual([
      [
        'changelog-for-api-spec',
        'api/openapi.yaml',
        'CHANGELOG.md, **/CHANGELOG.md',
        'declared: "Changelog: not needed — docs-only description fields changed"',
      ],
      ['adr-for-new-service', 'services/x/go.mod', 'docs/adr/**, docs/decisions/**', 'missing'],
    ])
  })

  it('custom message and hint; rejected declaration explained', async () => {
    const out = await run(
      [file('api/openapi.yaml')],
      [{ ...changelog, message: 'Public API changed: add a CHANGELOG entry.', hint: 'Describe the change for SDK users.' }],
      'Changelog: not needed — x',
    )
    expect(out.findings[0]).toMatchObject({ message: 'Public API changed: add a CHANGELOG entry.', path: 'api/openapi.yaml' })
    expect(out.findings[0].hint).toMatch(
      /^Describe the change for SDK users. The declaration was rejected \(line 1: the reason is 1 characters/,
    )
  })

  // Validation rejects these before a run; the rule still refuses them when handed options directly.
  it.each([
    ['(', /missing closing \)/],
    ['(a)\\1', /backreference `\\1` is not supported/],
    ['x(?=y)', /lookahead `\(\?=` is not supported/],
  ])('added_lines_match %s is an error finding naming the construct, not a throw', (pattern, why) => {
    const options: CoChangeOptions = { min_reason_length: 10, rules: [{ ...protoDocs, added_lines_match: pattern }] }
    const out = evaluateCoChange(makeContext({ files: [file('proto/a.proto')] }), options)
    expect(out.findings).toEqual([expect.objectContaining({ kind: 'error', code: 'bad-pattern', message: expect.stringMatching(why) })])
  })

  it('added_lines_match runs in linear time: ^(a+)+$ against 40 `a`s and a `!` answers (a backtracking engine never does)', async () => {
    const patch = '@@ -0,0 +1,2 @@\n+' + 'a'.repeat(40) + '!\n+' + 'a'.repeat(30)
    const rule: CoChangeEntry = { name: 'redos', when: ['**/*.txt'], added_lines_match: '^(a+)+$', require: ['docs/**'] }
    expect((await run([file('x.txt', 'modified', patch)], [rule])).findings).toEqual([expect.objectContaining({ code: 'redos' })])
    const onlyBang = '@@ -0,0 +1 @@\n+' + 'a'.repeat(40) + '!'
    expect((await run([file('x.txt', 'modified', onlyBang)], [rule])).findings).toEqual([])
  })

  it('a placeholder used twice must capture the same value (RE2 has no backreference to do it)', async () => {
    const rule: CoChangeEntry = { name: 'same', when: ['services/{svc}/{svc}.yaml'], require: ['docs/{svc}.md'] }
    expect((await run([file('services/pay/pay.yaml')], [rule])).findings).toEqual([
      expect.objectContaining({ code: 'same', message: expect.stringContaining('docs/pay.md') }),
    ])
    expect((await run([file('services/pay/other.yaml')], [rule])).findings).toEqual([])
  })
})
