/**
 * Issue 14, runbook precision on real history (second round). Each block is one class of false alarm seen
 * on the real-history corpus, with the true case beside the false one:
 * - release-bot tags under keys that are not named `tag`/`version` (`published_tag`), `latest` pinned to a
 *   version, a reordered multi-document release manifest whose objects only moved image tags;
 * - Dockerfiles: how the image is built (build stages, RUN/COPY/ARG, base-image versions) versus how it runs
 *   (EXPOSE, ENTRYPOINT/CMD, USER, HEALTHCHECK, runtime ENV, the final base image);
 * - workflow jobs that deploy to test clusters (named for tests/e2e/previews), non-production environments
 *   by path (sandbox.tf, staging/), workflows that js-yaml rejects but GitHub accepts;
 * - templated Helm files compared without their control directives;
 * - Terraform outputs, new data sources and `depends_on` (nothing that runs changes);
 * - release/ops docs that satisfy the rule like a runbook.
 */
import { ruleOptions } from '../../../src/policy/resolved.js'
import { describe, expect, it } from '@jest/globals'
import { runbook, RunbookOptions } from '../../../src/rules/runbook/index.js'
import { loadYamlDocs } from '../../../src/rules/runbook/yaml.js'
import { addFilePatch, makeContext, type FakeFile } from '../../helpers/context.js'
import { diffPatch } from './helpers.js'
import type { Finding, RuleOutput } from '../../../src/types.js'

function modified(path: string, base: string, head: string): FakeFile {
  return { path, status: 'modified', base, head, patch: diffPatch(base, head) }
}
function added(path: string, text: string): FakeFile {
  return { path, status: 'added', head: text, patch: addFilePatch(text) }
}
async function run(files: FakeFile[], options: Partial<RunbookOptions> = {}): Promise<RuleOutput> {
  return runbook.evaluate(makeContext({ files }), ruleOptions(runbook, options))
}
const violations = (out: RuleOutput): Finding[] => out.findings.filter((f) => !f.kind || f.kind === 'violation')
const data = (out: RuleOutput): Record<string, string[]> => out.data as Record<string, string[]>
const lineText = (text: string, f: Finding): string => text.split('\n')[(f.line ?? 0) - 1] ?? ''

describe('routine version bumps under release-bot keys', () => {
  const gen = (tag: string, extra = ''): string => `{\n  "locals": {\n    "published_tag": "${tag}"${extra}\n  }\n}\n`

  it('a release bot moving `published_tag` (a *_tag key) is a version bump, not a trigger', async () => {
    const out = await run([modified('terraform/lib/images/generated.tf.json', gen('1.6.1'), gen('1.6.2'))])
    expect(violations(out)).toEqual([])
    expect(data(out).version_bumps).toEqual(['terraform/lib/images/generated.tf.json'])
  })

  it('another value under a *_tag key, or a platform version key, is still a trigger', async () => {
    const renamed = await run([modified('terraform/lib/images/generated.tf.json', gen('1.6.1'), gen('nightly'))])
    expect(violations(renamed).map((f) => f.message)).toEqual([expect.stringMatching(/locals: published_tag/)])
    const tf = 'module "eks" {\n  source          = "terraform-aws-modules/eks/aws"\n  cluster_version = "1.30"\n}\n'
    expect(violations(await run([modified('terraform/main.tf', tf, tf.replace('1.30', '1.33'))])).map((f) => f.code)).toEqual(['terraform'])
  })

  it('pinning `busybox:latest` to a version and digest is a bump; another image is not', async () => {
    const k8s = (image: string): string =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: loadgenerator\nspec:\n  template:\n    spec:\n      initContainers:\n        - name: frontend-check\n          image: ${image}\n`
    const pinned = `busybox:1.38.0@sha256:${'f'.repeat(64)}`
    const out = await run([modified('kubernetes-manifests/loadgenerator.yaml', k8s('busybox:latest'), k8s(pinned))])
    expect(violations(out)).toEqual([])
    expect(data(out).version_bumps).toEqual(['kubernetes-manifests/loadgenerator.yaml'])
    const other = await run([modified('kubernetes-manifests/loadgenerator.yaml', k8s('busybox:latest'), k8s('alpine:3.20'))])
    expect(violations(other).map((f) => f.message)).toEqual([expect.stringMatching(/initContainers\[frontend-check\]\.image/)])
  })

  it('the same pin in a templated Helm file is a bump; a templated value edit is not', async () => {
    const tpl = (image: string): string =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  template:\n    spec:\n      initContainers:\n        - name: check\n          image: ${image}\n`
    const files = (head: string): FakeFile[] => [
      added('helm-chart/Chart.yaml', 'apiVersion: v2\nname: demo\nversion: 0.1.0\n'),
      modified('helm-chart/templates/loadgenerator.yaml', tpl(`busybox:latest@sha256:${'a'.repeat(64)}`), head),
    ]
    const bump = await run(files(tpl(`busybox:1.38.0@sha256:${'a'.repeat(64)}`)))
    expect(violations(bump).map((f) => f.path)).toEqual(['helm-chart/Chart.yaml'])
    const edit = await run(files(tpl('{{ .Values.checkImage }}')))
    expect(violations(edit).map((f) => f.path)).toEqual(['helm-chart/Chart.yaml', 'helm-chart/templates/loadgenerator.yaml'])
  })

  it('a reordered multi-document release manifest whose objects only moved image tags is a bump', async () => {
    const dep = (name: string, tag: string): string =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  template:\n    spec:\n      containers:\n        - name: server\n          image: registry.example/shop/${name}:${tag}\n`
    const base = [dep('emailservice', 'v0.10.3'), dep('currencyservice', 'v0.10.3')].join('---\n')
    const head = [dep('currencyservice', 'v0.10.4'), dep('emailservice', 'v0.10.4')].join('---\n')
    const out = await run([modified('release/kubernetes-manifests.yaml', base, head)])
    expect(violations(out)).toEqual([])
    expect(data(out).version_bumps).toEqual(['release/kubernetes-manifests.yaml'])
    const scaled = head.replace(
      'containers:\n        - name: server\n          image: registry.example/shop/currencyservice',
      'containers:\n        - name: server\n          resources: {limits: {memory: 1Gi}}\n          image: registry.example/shop/currencyservice',
    )
    const out2 = await run([modified('release/kubernetes-manifests.yaml', base, scaled)])
    expect(violations(out2).map((f) => f.message)).toEqual([
      expect.stringMatching(/Deployment currencyservice: spec\.template\.spec\.containers\[server\]\.(?:resources|image)/),
    ])
    expect(lineText(scaled, violations(out2)[0])).toMatch(/resources|shop\/currencyservice/)
  })
})

describe('Dockerfiles: how the image runs, not how it is built', () => {
  const df = [
    'FROM --platform=$BUILDPLATFORM golang:1.23.4-alpine@sha256:' + 'c'.repeat(64) + ' AS builder',
    'ARG TARGETOS',
    'WORKDIR /src',
    'ENV GOPROXY=https://goproxy.io,direct',
    'COPY . .',
    'RUN GOOS=${TARGETOS} CGO_ENABLED=0 go build -o /server .',
    '',
    'FROM gcr.io/distroless/static:nonroot',
    'COPY --from=builder /server /server',
    'EXPOSE 8080',
    'USER nonroot',
    'ENTRYPOINT ["/server"]',
    '',
  ].join('\n')

  it.each([
    { name: 'a build ARG default', head: df.replace('ARG TARGETOS', 'ARG TARGETOS=linux') },
    { name: 'the GOPROXY of the build stage', head: df.replace('https://goproxy.io,direct', 'https://proxy.golang.org,direct') },
    {
      name: 'build flags and a builder base image',
      head: df.replace('golang:1.23.4-alpine', 'golang:1.25.4-alpine').replace('go build', 'go build -ldflags="-s -w"'),
    },
    {
      name: 'a test stage and a COPY path',
      head: df
        .replace('COPY --from=builder /server /server', 'COPY --from=builder /server /app/server\nRUN true')
        .replace('\nFROM gcr.io', '\nFROM builder AS test\nRUN go test ./...\n\nFROM gcr.io'),
    },
  ])('$name is how the image is built: no trigger', async ({ head }) => {
    const out = await run([modified('src/checkout/Dockerfile', df, head)])
    expect(violations(out)).toEqual([])
    expect(data(out).build_only).toEqual(['src/checkout/Dockerfile'])
  })

  it.each([
    { name: 'a port', head: df.replace('EXPOSE 8080', 'EXPOSE 9090'), text: 'EXPOSE 9090' },
    { name: 'the entrypoint', head: df.replace('ENTRYPOINT ["/server"]', 'ENTRYPOINT ["/server", "--grpc"]'), text: '--grpc' },
    { name: 'the user', head: df.replace('USER nonroot', 'USER root'), text: 'USER root' },
    {
      name: 'a health check',
      head: df.replace('USER nonroot', 'USER nonroot\nHEALTHCHECK CMD ["/server", "-health"]'),
      text: 'HEALTHCHECK',
    },
    { name: 'a runtime env of the final image', head: df.replace('EXPOSE 8080', 'ENV GOMAXPROCS=2\nEXPOSE 8080'), text: 'GOMAXPROCS' },
    { name: 'another final base image', head: df.replace('gcr.io/distroless/static:nonroot', 'alpine:3.20'), text: 'FROM alpine' },
  ])('$name is how the image runs: a trigger naming it, on its line', async ({ head, text }) => {
    const out = await run([modified('src/checkout/Dockerfile', df, head)])
    const v = violations(out)
    expect(v.map((f) => f.code)).toEqual(['dockerfile'])
    expect(v[0].message).toMatch(/container image definition: /)
    expect(lineText(head, v[0])).toContain(text)
  })

  it('runtime instructions inherited through `FROM <stage>` count; the base stage env of a build-only stage does not', async () => {
    const chain =
      'FROM python:3.12-alpine AS base\nENV PYTHONUNBUFFERED=1\n\nFROM base AS builder\nRUN pip install -r requirements.txt\n\nFROM base\nCOPY --from=builder /deps /deps\nCMD ["python", "main.py"]\n'
    const viaBase = await run([
      modified('src/email/Dockerfile', chain, chain.replace('ENV PYTHONUNBUFFERED=1', 'ENV PYTHONUNBUFFERED=1 APP_PORT=8080')),
    ])
    expect(violations(viaBase).map((f) => f.code)).toEqual(['dockerfile'])
    const buildOnly = await run([
      modified('src/email/Dockerfile', chain, chain.replace('RUN pip install', 'RUN pip install --no-cache-dir')),
    ])
    expect(violations(buildOnly)).toEqual([])
  })
})

describe('what deploys: test clusters, previews and non-production environments', () => {
  const ci = (job: string, cmd: string): string =>
    `name: ci-main\non:\n  push:\n    branches: [main]\njobs:\n  ${job}:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Deploy to cluster\n        run: ${cmd}\n`
  const WF = '.github/workflows/ci-main.yaml'

  it.each(['deployment-tests', 'e2e', 'deploy-preview', 'deploy-pr'])(
    'a push-triggered job named %s that runs skaffold against a cluster is not a production deploy',
    async (job) => {
      const out = await run([
        modified(WF, ci(job, 'skaffold run --default-repo=$REPO'), ci(job, 'skaffold run --default-repo=$REPO --status-check')),
      ])
      expect(violations(out)).toEqual([])
    },
  )

  it('the same change in a job named deploy (or with a production environment) is a trigger', async () => {
    const out = await run([modified(WF, ci('deploy', 'skaffold run'), ci('deploy', 'skaffold run --status-check'))])
    expect(violations(out).map((f) => f.message)).toEqual([expect.stringMatching(/deploying job deploy: steps\[Deploy to cluster\]\.run/)])
    const prod = (t: string): string => t.replace('    runs-on', '    environment: production\n    runs-on')
    const named = await run([modified(WF, prod(ci('e2e', 'skaffold run')), prod(ci('e2e', 'skaffold run --status-check')))])
    expect(violations(named).map((f) => f.code)).toEqual(['deploy-workflow'])
  })

  it.each([{ path: '.github/workflows/preview.yml' }, { path: '.github/workflows/e2e-test.yml' }])(
    '$path (a non-production workflow by name) is no trigger',
    async ({ path }) => {
      const out = await run([modified(path, ci('deploy', 'skaffold run'), ci('deploy', 'skaffold run --status-check'))])
      expect(violations(out)).toEqual([])
      expect(data(out).non_production).toEqual([path])
    },
  )

  const tfvar = (value: string): string => `resource "tfe_variable" "worker_actors" {\n  key   = "WORKER_ACTORS"\n  value = "${value}"\n}\n`
  const dep = (n: number): string => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: ${n}\n`
  it.each(['terraform/global/sandbox.tf', 'terraform/global/test.tf', 'terraform/staging/main.tf', 'deploy/k8s/api-staging.yaml'])(
    '%s (a non-production environment by path) is no trigger',
    async (path) => {
      const text = path.endsWith('.yaml') ? [dep(1), dep(2)] : [tfvar('a'), tfvar('a,b')]
      const out = await run([modified(path, text[0], text[1])])
      expect(violations(out)).toEqual([])
    },
  )

  it('the production twin is a trigger, and non_production_paths is configurable', async () => {
    expect(violations(await run([modified('terraform/global/production.tf', tfvar('a'), tfvar('a,b'))])).map((f) => f.message)).toEqual([
      expect.stringMatching(/tfe_variable\.worker_actors: value/),
    ])
    expect(
      violations(await run([modified('terraform/global/sandbox.tf', tfvar('a'), tfvar('a,b'))], { non_production_paths: [] })).map(
        (f) => f.code,
      ),
    ).toEqual(['terraform'])
    expect(violations(await run([modified('deploy/k8s/api.yaml', dep(1), dep(2))])).map((f) => f.message)).toEqual([
      expect.stringMatching(/Deployment api: spec\.replicas/),
    ])
  })

  it('a quickstart compose file is local tooling', async () => {
    const c = 'services:\n  kratos:\n    image: oryd/kratos:v1\n    environment:\n      - LOG_LEVEL=trace\n'
    const out = await run([modified('quickstart.yml', c, c.replace('trace', 'debug'))])
    expect(violations(out)).toEqual([])
    expect(data(out).dev_tooling).toEqual(['quickstart.yml'])
  })
})

describe('compose: depends_on only changes the start order', () => {
  const c =
    'services:\n  agent:\n    image: demo/agent:1\n    depends_on:\n      agent-db:\n        condition: service_started\n  mcp:\n    image: demo/mcp:1\n'
  it('a service whose only change is depends_on is no trigger', async () => {
    const head = c.replace('      agent-db:\n        condition: service_started', '      mcp:\n        condition: service_healthy')
    const out = await run([modified('compose.agent.yaml', c, head)])
    expect(violations(out)).toEqual([])
    expect(data(out).no_operational_change).toEqual(['compose.agent.yaml'])
  })
  it('depends_on together with another key of the service is a trigger naming the service and key', async () => {
    const head = c
      .replace('      agent-db:\n        condition: service_started', '      mcp:\n        condition: service_healthy')
      .replace('image: demo/agent:1', 'image: demo/agent:1\n    mem_limit: 1g')
    const out = await run([modified('compose.agent.yaml', c, head)])
    expect(violations(out).map((f) => f.message)).toEqual([
      expect.stringMatching(/Compose: service agent: depends_on.*mem_limit|Compose: service agent: .*mem_limit/),
    ])
  })
})

describe('workflows that js-yaml rejects but GitHub accepts', () => {
  const checks = (runner: string): string =>
    'name: Checks\non:\n  push:\n    branches: [main]\njobs:\n  build:\n    runs-on: ' +
    runner +
    '\n    steps:\n      - run: make\n  summary:\n    needs: [\n      build,\n      lint\n    ]\n    if: always()\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ needs.build.result }}\n'

  it('a flow sequence closed at the parent indentation parses (and `${{ }}` is not a template)', () => {
    const r = loadYamlDocs(checks('ubuntu-latest'))
    expect(r.ok).toBe(true)
  })

  it('a change in a CI job of such a workflow is no deploy trigger', async () => {
    const out = await run([modified('.github/workflows/checks.yml', checks('ubuntu-latest'), checks('macos-26'))])
    expect(violations(out)).toEqual([])
  })
})

describe('templated Helm files compared without control directives', () => {
  const chart = added('helm-chart/Chart.yaml', 'apiVersion: v2\nname: demo\nversion: 0.1.0\n')
  const tpl = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: {{ .Release.Name }}',
    'spec:',
    '  template:',
    '    spec:',
    '      {{- if .Values.securityContext }}',
    '      securityContext:',
    '        fsGroup: 1000',
    '      containers:',
    '      {{- end }}',
    '      - name: server',
    '        image: {{ .Values.image }}',
    '',
  ].join('\n')

  it('moving a key out of an `{{ if }}` block (a templating fix) is no operational change', async () => {
    const fixed = tpl.replace('      containers:\n      {{- end }}', '      {{- end }}\n      containers:')
    const out = await run([chart, modified('helm-chart/templates/app.yaml', tpl, fixed)])
    expect(violations(out).map((f) => f.path)).toEqual(['helm-chart/Chart.yaml'])
    expect(data(out).no_operational_change).toEqual(['helm-chart/templates/app.yaml'])
  })

  it('a changed rendered line (a new key, another value) is still a trigger', async () => {
    const more = tpl.replace('        fsGroup: 1000', '        fsGroup: 1000\n        runAsNonRoot: true')
    const out = await run([chart, modified('helm-chart/templates/app.yaml', tpl, more)])
    expect(violations(out).map((f) => f.path)).toEqual(['helm-chart/Chart.yaml', 'helm-chart/templates/app.yaml'])
  })
})

describe('Terraform: outputs, new data sources and depends_on change nothing that runs', () => {
  const base = 'resource "kubernetes_namespace_v1" "carts" {\n  metadata {\n    name = "carts"\n  }\n}\n'
  it('an added output, an added data source and a depends_on are no trigger', async () => {
    const head =
      'data "kubernetes_nodes" "ready" {\n  metadata {\n    labels = { "ready" = "true" }\n  }\n}\n\n' +
      base.replace(
        'resource "kubernetes_namespace_v1" "carts" {\n',
        'resource "kubernetes_namespace_v1" "carts" {\n  depends_on = [data.kubernetes_nodes.ready]\n',
      ) +
      '\noutput "url" {\n  value = "http://example.invalid"\n}\n'
    const out = await run([modified('terraform/eks/default/kubernetes.tf', base, head)])
    expect(violations(out)).toEqual([])
    expect(data(out).no_operational_change).toEqual(['terraform/eks/default/kubernetes.tf'])
  })

  it('a changed data source (a policy document) or a changed resource attribute is a trigger', async () => {
    const pol = (r: string): string =>
      `data "aws_iam_policy_document" "lambda" {\n  statement {\n    actions   = ["sqs:ReceiveMessage"]\n    resources = ["${r}"]\n  }\n}\n`
    expect(violations(await run([modified('terraform/modules/worker/main.tf', pol('arn:a'), pol('*'))])).map((f) => f.message)).toEqual([
      expect.stringMatching(/data\.aws_iam_policy_document\.lambda: statement\.resources/),
    ])
    expect(
      violations(await run([modified('terraform/eks/default/kubernetes.tf', base, base.replace('"carts"\n  }', '"carts-v2"\n  }'))])).map(
        (f) => f.code,
      ),
    ).toEqual(['terraform'])
  })
})

describe('Terraform: block syntax and attribute syntax mean the same', () => {
  const v = (constraint: string, block: string): string =>
    `terraform {\n  required_providers {\n    helm = {\n      source  = "hashicorp/helm"\n      version = "${constraint}"\n    }\n  }\n}\n\nprovider "helm" {\n  kubernetes ${block}{\n    host = module.eks.cluster_endpoint\n  }\n}\n`
  it('a provider upgrade that rewrites `kubernetes {` as `kubernetes = {` is a version bump', async () => {
    const out = await run([modified('terraform/eks/versions.tf', v('~> 2.17.0', ''), v('~> 3.0', '= '))])
    expect(violations(out)).toEqual([])
    expect(data(out).version_bumps).toEqual(['terraform/eks/versions.tf'])
  })
  it('another value inside the rewritten block is a trigger naming it', async () => {
    const out = await run([
      modified('terraform/eks/versions.tf', v('~> 2.17.0', ''), v('~> 3.0', '= ').replace('module.eks.cluster_endpoint', 'var.endpoint')),
    ])
    expect(violations(out).map((f) => f.message)).toEqual([expect.stringMatching(/provider\.helm: kubernetes\.host/)])
  })
})

describe('release and operations docs satisfy the rule', () => {
  const wf = 'on: workflow_dispatch\njobs:\n  build-and-release:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./release.sh\n'
  const change = modified('.github/workflows/make-release.yaml', wf, wf.replace('./release.sh', './release.sh --project other'))

  it.each(['docs/releasing/README.md', 'RELEASING.md', 'docs/development/release-checklist.md', 'docs/ops/upgrades.md'])(
    '%s updated in the same PR satisfies it',
    async (doc) => {
      const out = await run([change, modified(doc, '# x\n', '# x\n\nnew step\n')])
      expect(out.summary).toMatch(/runbook updated/)
      expect(violations(out)).toEqual([])
    },
  )

  it('release notes or a README are not ops docs', async () => {
    for (const doc of ['docs/release-notes/version-4.2.md', 'README.md']) {
      const out = await run([change, modified(doc, '# x\n', '# x\n\nnew\n')])
      expect(violations(out).map((f) => f.code)).toEqual(['deploy-workflow'])
    }
  })
})
