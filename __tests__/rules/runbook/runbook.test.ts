import { ruleOptions } from '../../../src/policy/resolved.js'
import { describe, expect, it } from '@jest/globals'
import { runbook, RunbookOptions } from '../../../src/rules/runbook/index.js'
import { addFilePatch, makeContext, type FakeContextInput, type FakeFile } from '../../helpers/context.js'
import { diffPatch, fixture } from './helpers.js'
import type { Finding, RuleOutput } from '../../../src/types.js'

function added(path: string, text: string): FakeFile {
  return { path, status: 'added', head: text, patch: addFilePatch(text) }
}
function modified(path: string, base: string, head: string): FakeFile {
  return { path, status: 'modified', base, head, patch: diffPatch(base, head) }
}
async function run(input: FakeContextInput, options: Partial<RunbookOptions> = {}): Promise<RuleOutput> {
  return runbook.evaluate(makeContext(input), ruleOptions(runbook, options))
}
const violations = (out: RuleOutput): Finding[] => out.findings.filter((f) => !f.kind || f.kind === 'violation')
const codes = (out: RuleOutput): string[] =>
  violations(out)
    .map((f) => f.code ?? '')
    .sort()

describe('runbook: operational change detection from real-world-shaped files', () => {
  const cases: Array<{ name: string; files: FakeFile[]; headTree?: Record<string, string>; expect: Array<[string, RegExp]> }> = [
    {
      name: 'a Deployment + Service outside any conventional folder (by apiVersion/kind)',
      files: [added('platform/payments/app.yaml', fixture('k8s/deployment.yaml'))],
      expect: [['k8s-manifest', /Kubernetes manifest: Deployment payments-api, Service payments-api/]],
    },
    {
      name: 'a CronJob (schedule)',
      files: [added('ops/ledger-reconcile.yaml', fixture('k8s/cronjob.yaml'))],
      expect: [['cron', /CronJob ledger-reconcile \(schedule "15 2 \* \* \*"\)/]],
    },
    {
      name: 'a Helm chart: Chart.yaml, values, templated template',
      files: [
        modified(
          'charts/payments/Chart.yaml',
          fixture('chart/payments/Chart.yaml').replace('Payments API', 'Payments'),
          fixture('chart/payments/Chart.yaml'),
        ),
        modified('charts/payments/values.yaml', 'replicaCount: 2\n', fixture('chart/payments/values.yaml')),
        added('charts/payments/templates/deployment.yaml', fixture('chart/payments/templates/deployment.yaml')),
      ],
      expect: [
        ['helm', /Helm chart charts\/payments \(Chart.yaml\)/],
        ['helm', /Helm template deployment.yaml of chart charts\/payments \(templated YAML/],
        ['helm', /Helm values values.yaml of chart charts\/payments/],
      ],
    },
    {
      name: 'a Terraform module (parsed with HCL: added resources listed)',
      files: [
        modified('infra/rds/main.tf', fixture('terraform/rds/main.base.tf'), fixture('terraform/rds/main.tf')),
        added('infra/rds/variables.tf', fixture('terraform/rds/variables.tf')),
      ],
      expect: [
        ['terraform', /Terraform: adds aws_cloudwatch_metric_alarm.cpu/],
        ['terraform', /Terraform: adds variable.env, variable.instance_class/],
      ],
    },
    {
      name: 'Prometheus rules',
      files: [modified('monitoring/payments.rules.yml', 'groups: []\n', fixture('prometheus/rules.yml'))],
      expect: [['alert-rule', /Prometheus rules \(alerts PaymentsHighErrorRate, PaymentsLatencyP99; 1 recording rule\)/]],
    },
    {
      name: 'a Grafana dashboard',
      files: [added('observability/payments.json', fixture('grafana/payments.json'))],
      expect: [['dashboard', /Grafana dashboard "Payments overview" \(2 panels\)/]],
    },
    {
      name: 'a deploying workflow with environment and a cron schedule',
      files: [added('.github/workflows/deploy.yml', fixture('workflows/deploy.yml'))],
      expect: [
        ['cron', /scheduled workflow: cron "30 4 \* \* 1-5" scheduled/],
        ['deploy-workflow', /release workflow: job production deploys to environment production/],
      ],
    },
    {
      name: 'a SAM template with CloudFormation tags (!Ref, !Sub, !GetAtt)',
      files: [added('infra/template.yaml', fixture('cloudformation/template.yaml'))],
      expect: [['cloudformation', /SAM template \(AWS::Serverless::Function, AWS::DynamoDB::Table\)/]],
    },
    {
      name: 'Dockerfile, Procfile, compose, kustomization by path',
      files: [
        added('Dockerfile', 'FROM node:20\n'),
        added('Procfile', 'web: node server.js\n'),
        added('docker-compose.yml', 'services:\n  db:\n    image: postgres:16\n'),
        added('deploy/overlays/prod/kustomization.yaml', 'resources: [../../base]\n'),
      ],
      expect: [
        ['docker-compose', /Compose file/],
        ['dockerfile', /container image definition/],
        ['kustomize', /Kustomize overlay deploy\/overlays\/prod/],
        ['procfile', /Procfile/],
      ],
    },
  ]
  it.each(cases)('$name', async ({ files, headTree, expect: expected }) => {
    const out = await run({ files, headTree })
    const got = violations(out)
      .map((f) => [f.code, f.message] as [string, string])
      .sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]))
    expect(got.map((g) => g[0])).toEqual(expected.map((e) => e[0]))
    expected.forEach(([, re], i) => expect(got[i][1]).toMatch(re))
    for (const f of violations(out)) {
      expect(f.path).toBeDefined()
      expect(f.hint).toMatch(/Update a runbook .*Runbook: not needed/)
    }
  })

  it('a Deployment finding carries the line of its kind', async () => {
    const out = await run({ files: [added('app.yaml', fixture('k8s/deployment.yaml'))] })
    expect(violations(out)[0]).toMatchObject({ code: 'k8s-manifest', path: 'app.yaml', line: 3 })
  })

  it('a CI workflow that does not deploy and has no schedule is not operational', async () => {
    const out = await run({ files: [added('.github/workflows/ci.yml', fixture('workflows/ci.yml'))] })
    expect(violations(out)).toEqual([])
    expect(out.summary).toBe('No operational change detected.')
  })

  it('an unchanged cron schedule in a modified non-deploying workflow is not a trigger', async () => {
    const base =
      'on:\n  schedule:\n    - cron: "0 1 * * *"\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm run lint\n'
    const head = base.replace('npm run lint', 'npm run lint -- --fix')
    const out = await run({ files: [modified('.github/workflows/nightly.yml', base, head)] })
    expect(violations(out)).toEqual([])
    const changed = await run({ files: [modified('.github/workflows/nightly.yml', base, head.replace('0 1', '0 2'))] })
    expect(violations(changed).map((f) => f.message)).toEqual([
      expect.stringMatching(/cron "0 2 \* \* \*" added; cron "0 1 \* \* \*" removed/),
    ])
  })

  it('a schedule that only automates the repository (stale bot, a report to Slack, CodeQL) is not an operational schedule (polar cb319a2c)', async () => {
    const wf = (steps: string) =>
      `on:\n  schedule:\n    - cron: "0 8 * * 1"\n  workflow_dispatch:\njobs:\n  report:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`
    const report =
      '      - uses: actions/github-script@v9\n        with:\n          script: console.log(1)\n' +
      '      - if: failure()\n        uses: slackapi/slack-github-action@v4.0.0\n'
    const out = await run({ files: [added('.github/workflows/unapproved_merges_report.yml', wf(report))] })
    expect(violations(out)).toEqual([])
    expect(out.summary).toMatch(/dev\/test tooling file/)
    expect(violations(await run({ files: [added('.github/workflows/stale.yml', wf('      - uses: actions/stale@v11.0.0\n'))] }))).toEqual(
      [],
    )
    // side by side: a step that runs a command (polar's daily backup trigger), an action not known as repository
    // automation, or a reusable workflow is an operational schedule
    const backup = '      - run: curl -X POST "https://api.render.com/v1/postgres/${{ secrets.DB_ID }}/backup"\n'
    for (const steps of [backup, report + backup, '      - uses: acme/rotate-keys@v1\n'])
      expect(violations(await run({ files: [added('.github/workflows/backup.yml', wf(steps))] })).map((f) => f.code)).toEqual(['cron'])
    const reusable = 'on:\n  schedule:\n    - cron: "0 8 * * 1"\njobs:\n  call:\n    uses: ./.github/workflows/ops.yml\n'
    expect(violations(await run({ files: [added('.github/workflows/weekly.yml', reusable)] })).map((f) => f.code)).toEqual(['cron'])
  })

  it('templated YAML outside a chart does not crash: path fallback under manifest_paths, info note elsewhere', async () => {
    const tpl = fixture('chart/payments/templates/deployment.yaml')
    const out = await run({ files: [added('deploy/payments.yaml', tpl), added('ansible/roles/web/files/app.yaml', tpl)] })
    expect(violations(out)).toEqual([
      expect.objectContaining({
        code: 'k8s-manifest',
        path: 'deploy/payments.yaml',
        message: expect.stringMatching(/templated YAML .*classified by path/),
      }),
    ])
    const info = out.findings.find((f) => f.kind === 'info' && f.code === 'not-parsed')
    expect(info?.message).toMatch(/ansible\/roles\/web\/files\/app.yaml/)
    expect(out.tables?.[0].rows.find((r) => r[1] === 'deploy/payments.yaml')?.[3]).toMatch(/^path \(templated YAML/)
  })

  it('a removed Deployment is an operational change (read from the base side)', async () => {
    const out = await run({ files: [{ path: 'k8s/old.yaml', status: 'removed', base: fixture('k8s/deployment.yaml') }] })
    expect(violations(out)[0].message).toMatch(/Deployment payments-api.*\(removed\)/)
  })

  it('tests, fixtures, docs and ordinary code are not triggers', async () => {
    const out = await run({
      files: [
        added('src/__tests__/fixtures/deployment.yaml', fixture('k8s/deployment.yaml')),
        added('README.md', '# hi\n'),
        added('src/app.ts', 'export const x = 1\n'),
        added('package.json', '{"name":"x"}\n'),
      ],
    })
    expect(out.findings).toEqual([])
  })

  it('switching a trigger off and adding path triggers and feature flags', async () => {
    const out = await run(
      {
        files: [
          added('Dockerfile', 'FROM node:20\n'),
          added('ops/limits.conf', 'x=1\n'),
          added('config/feature-flags/checkout.json', '{"newCheckout":false}\n'),
        ],
      },
      { disable: ['dockerfile'], triggers: ['ops/**'] },
    )
    expect(codes(out)).toEqual(['feature-flag', 'path-trigger'])
  })
})

describe('runbook: new environment variables in six languages', () => {
  const langs: Array<{ file: string; path: string; fresh: string[] }> = [
    { file: 'config.ts', path: 'src/config.ts', fresh: ['PAYMENTS_TIMEOUT_MS', 'PAYMENTS_REGION', 'LEDGER_URL', 'LEDGER_TOKEN'] },
    { file: 'settings.py', path: 'app/settings.py', fresh: ['PAYMENTS_TIMEOUT_MS', 'FRAUD_THRESHOLD'] },
    { file: 'Config.java', path: 'src/main/java/com/acme/payments/Config.java', fresh: ['KAFKA_BROKERS'] },
    { file: 'config.go', path: 'internal/config/config.go', fresh: ['QUEUE_URL'] },
    { file: 'config.rb', path: 'lib/payments/config.rb', fresh: ['STRIPE_WEBHOOK_SECRET', 'SENTRY_DSN'] },
    { file: 'config.rs', path: 'src/config.rs', fresh: ['WORKER_THREADS'] },
  ]
  it.each(langs)('$file: reports new names on their added line, not names read on the base side', async ({ file, path, fresh }) => {
    const base = fixture(`env/${file}.base`)
    const head = fixture(`env/${file}.head`)
    const out = await run({ files: [modified(path, base, head)] })
    const found = violations(out)
    expect(found.map((f) => f.message)).toEqual(fresh.map((n) => `New env var ${n}: document it in the runbook.`))
    const lines = head.split('\n')
    for (const f of found) {
      expect(f).toMatchObject({ code: 'new-env-var', path })
      expect(lines[(f.line ?? 0) - 1]).toContain(/New env var (\w+)/.exec(f.message)![1])
    }
    // DATABASE_URL is read again on an added line but was read on the base side already.
    expect(found.some((f) => f.message.includes('DATABASE_URL'))).toBe(false)
  })

  it('a new file reports every read; ignored names and names moved from another file are not reported', async () => {
    const moved = modified('src/old.ts', 'const a = process.env.MOVED_VAR\nconst b = 1\n', 'const b = 1\n')
    const out = await run({
      files: [
        added('src/new.ts', 'const x = process.env.MOVED_VAR\nconst y = process.env.NODE_ENV\nconst z = process.env.BRAND_NEW\n'),
        moved,
      ],
    })
    expect(violations(out).map((f) => [f.message, f.line])).toEqual([['New env var BRAND_NEW: document it in the runbook.', 3]])
  })

  it('reads the base side only for files that add an env-var read (bounded cost)', async () => {
    const files: FakeFile[] = []
    for (let i = 0; i < 3000; i++) files.push(modified(`src/m${i}.ts`, `export const v${i} = ${i}\n`, `export const v${i} = ${i + 1}\n`))
    files.push(modified('src/env.ts', 'export const a = 1\n', 'export const a = process.env.NEW_ONE\n'))
    const ctx = makeContext({ files })
    let reads = 0
    const { readBase, readHead } = ctx.changes
    ctx.changes.readBase = (p) => {
      reads++
      return readBase(p)
    }
    ctx.changes.readHead = (p) => {
      reads++
      return readHead(p)
    }
    const out = await runbook.evaluate(ctx, ruleOptions(runbook))
    expect(violations(out).map((f) => f.code)).toEqual(['new-env-var'])
    // The base side of the one file that adds a read, and the service's env files / Dockerfile / root compose
    // file probed once (this context lists no tree): never the 3000 other files.
    expect(reads).toBeLessThanOrEqual(11)
  })
})

describe('runbook: what satisfies it', () => {
  const deploy = added('services/payments/k8s/deployment.yaml', fixture('k8s/deployment.yaml'))
  const envChange = modified('services/payments/src/config.ts', fixture('env/config.ts.base'), fixture('env/config.ts.head'))

  it('a changed runbook satisfies every trigger; the summary and table say what triggered and what satisfied', async () => {
    const out = await run({ files: [deploy, added('docs/runbooks/payments.md', '# Payments\n')] })
    expect(violations(out)).toEqual([])
    expect(out.summary).toBe('1 operational change (k8s-manifest); runbook updated: docs/runbooks/payments.md.')
    expect(out.tables?.[0].rows[0]).toEqual([
      'k8s-manifest',
      'services/payments/k8s/deployment.yaml:3',
      'Kubernetes manifest: Deployment payments-api, Service payments-api',
      'content',
      expect.stringContaining('**/runbooks/**'),
      'satisfied by docs/runbooks/payments.md',
    ])
  })

  it('a removed runbook does not satisfy', async () => {
    const out = await run({ files: [deploy, { path: 'docs/runbooks/payments.md', status: 'removed', base: '# old\n' }] })
    expect(codes(out)).toEqual(['k8s-manifest'])
  })

  describe("service mapping: only that service's runbook counts", () => {
    const services = [{ path: 'services/{service}/**', runbooks: ['docs/runbooks/{service}.md', 'services/{service}/RUNBOOK.md'] }]
    it.each([
      { name: 'its own runbook', runbook: 'docs/runbooks/payments.md', ok: true },
      { name: 'its in-folder runbook', runbook: 'services/payments/RUNBOOK.md', ok: true },
      { name: "another service's runbook", runbook: 'docs/runbooks/ledger.md', ok: false },
      { name: 'a generic runbook', runbook: 'runbooks/general.md', ok: false },
    ])('$name → satisfied: $ok', async ({ runbook: rb, ok }) => {
      const out = await run({ files: [deploy, envChange, added(rb, '# runbook\n')] }, { services })
      if (ok) expect(violations(out)).toEqual([])
      else {
        expect(codes(out)).toEqual(['k8s-manifest', 'new-env-var', 'new-env-var', 'new-env-var', 'new-env-var'])
        expect(violations(out)[0].hint).toMatch(
          /the runbook of service payments \(`docs\/runbooks\/payments.md`, `services\/payments\/RUNBOOK.md`\)/,
        )
      }
    })
    it('a trigger outside every mapping falls back to the generic runbook globs', async () => {
      const out = await run({ files: [added('Dockerfile', 'FROM x\n'), added('runbooks/platform.md', '# x\n')] }, { services })
      expect(violations(out)).toEqual([])
    })
  })

  describe('opt-out in the PR description', () => {
    it.each([
      {
        name: 'reasoned line after prose',
        body: 'Bumps replicas.\n\nRunbook: not needed — replica count only, autoscaling limits unchanged',
        ok: true,
      },
      {
        name: 'list item with bold phrase',
        body: '- **Runbook: not needed** - the new env var has a safe default documented in code',
        ok: true,
      },
      { name: 'other case, colon separator', body: 'runbook: NOT NEEDED: same deployment, only the image tag moves forward', ok: true },
      { name: 'too short a reason', body: 'Runbook: not needed — trivial', ok: false, why: /at least 20/ },
      { name: 'template placeholder', body: 'Runbook: not needed — <reason>', ok: false, why: /placeholder/ },
      { name: 'no reason', body: 'Runbook: not needed', ok: false, why: /no reason/ },
      {
        name: 'inside an HTML comment (PR template)',
        body: '<!-- Runbook: not needed — explain here why no runbook update is required -->',
        ok: false,
      },
      { name: 'inside a code fence', body: '```\nRunbook: not needed — inside a code block does not count at all\n```', ok: false },
    ])('$name → accepted: $ok', async ({ body, ok, why }) => {
      const out = await run({ files: [deploy], pr: { body } })
      if (ok) {
        expect(violations(out)).toEqual([])
        expect(out.summary).toMatch(/opted out: "/)
        expect(out.tables?.find((t) => t.title?.includes('opt-out'))?.rows[0][2]).toBe('accepted')
      } else {
        expect(codes(out)).toEqual(['k8s-manifest'])
        if (why) {
          expect(violations(out)[0].hint).toMatch(why)
          expect(out.summary).toMatch(/Opt-out rejected/)
        }
      }
    })
    it('the phrase and minimum length are configurable', async () => {
      const out = await run(
        { files: [deploy], pr: { body: 'Ops-doc: skip — tag bump' } },
        { opt_out_phrase: 'Ops-doc: skip', min_reason_length: 5 },
      )
      expect(violations(out)).toEqual([])
    })
  })

  it('caps the findings and counts the rest', async () => {
    const files = Array.from({ length: 8 }, (_, i) => added(`svc${i}/Dockerfile`, 'FROM x\n'))
    const out = await run({ files }, { max_findings: 3 })
    expect(violations(out)).toHaveLength(4)
    expect(violations(out)[3].message).toMatch(/^5 more operational changes/)
  })

  it('says so when the read budget is exhausted', async () => {
    const out = await run(
      { files: [added('a.yaml', fixture('k8s/deployment.yaml')), added('b.yaml', fixture('k8s/deployment.yaml'))] },
      { max_file_reads: 1 },
    )
    expect(codes(out)).toEqual(['k8s-manifest'])
    expect(out.findings.find((f) => f.code === 'not-read')?.message).toMatch(/b.yaml/)
  })
})
