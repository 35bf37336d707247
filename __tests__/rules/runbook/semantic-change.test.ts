/**
 * Class 7: an operational change is a change of PARSED structure, not a touched file. Comment, whitespace
 * and formatting edits of Terraform, Kubernetes YAML, compose, JSON and Dockerfiles are no trigger; real
 * changes name the resource/object/service and the key path, on a line the PR touched.
 */
import { ruleOptions } from '../../../src/policy/resolved.js'
import { describe, expect, it } from '@jest/globals'
import { runbook } from '../../../src/rules/runbook/index.js'
import { makeContext, type FakeFile } from '../../helpers/context.js'
import { diffPatch, fixture } from './helpers.js'
import type { Finding, RuleOutput } from '../../../src/types.js'

function modified(path: string, base: string, head: string): FakeFile {
  return { path, status: 'modified', base, head, patch: diffPatch(base, head) }
}
async function run(files: FakeFile[]): Promise<RuleOutput> {
  return runbook.evaluate(makeContext({ files }), ruleOptions(runbook))
}
const violations = (out: RuleOutput): Finding[] => out.findings.filter((f) => !f.kind || f.kind === 'violation')
const sem = (name: string): string => fixture(`semantic/${name}`)

/** The finding's line is one the patch added, and its text names `key`. */
function expectTouchedLine(f: Finding, base: string, head: string, key: string): void {
  const added = new Set<number>()
  const patch = diffPatch(base, head).split('\n')
  let n = Number(/\+(\d+)/.exec(patch[0])![1])
  for (const row of patch.slice(1)) {
    if (row.startsWith('+')) added.add(n++)
    else if (row.startsWith(' ')) n++
  }
  expect(f.line).toBeDefined()
  expect(added.has(f.line!)).toBe(true)
  expect(head.split('\n')[f.line! - 1]).toContain(key)
}

describe('runbook class 7: comment/formatting-only edits are no operational change', () => {
  it.each<{ name: string; path: string; base?: string; head?: string; text?: [string, string] }>([
    { name: 'Terraform (comments, alignment, list layout)', path: 'terraform/main.tf', base: 'gke.base.tf', head: 'gke.comment.tf' },
    {
      name: 'multi-document Kubernetes YAML (comments, flow style, quotes, key order)',
      path: 'kubernetes-manifests/frontend.yaml',
      base: 'app.base.yaml',
      head: 'app.comment.yaml',
    },
    {
      name: 'compose file (comments, flow sequences, quotes)',
      path: 'docker-compose.yml',
      base: 'compose.base.yml',
      head: 'compose.comment.yml',
    },
    {
      name: 'Dockerfile (comments, continuation layout, keyword case)',
      path: 'src/cart/Dockerfile',
      base: 'Dockerfile.base',
      head: 'Dockerfile.comment',
    },
    {
      name: 'flagd JSON (pretty-printed)',
      path: 'src/flagd/demo.flagd.json',
      base: 'demo.flagd.base.json',
      head: 'demo.flagd.pretty.json',
    },
    {
      name: 'Dockerfile ENV legacy form to key=value',
      path: 'src/ad/Dockerfile',
      text: [
        'FROM eclipse-temurin:21\nENV JAVA_OPTS -Xmx512m -Xss1m\nLABEL org.opencontainers.image.source https://example.invalid\n',
        'FROM eclipse-temurin:21\nENV JAVA_OPTS="-Xmx512m -Xss1m"\nLABEL org.opencontainers.image.source=https://example.invalid\n',
      ],
    },
  ])('$name', async ({ path, base, head, text }) => {
    const out = await run([modified(path, text ? text[0] : sem(base!), text ? text[1] : sem(head!))])
    expect(violations(out)).toEqual([])
    expect(out.summary).toMatch(/1 file changed only in comments or formatting/)
    expect((out.data as { no_operational_change: string[] }).no_operational_change).toEqual([path])
  })
})

describe('runbook class 7: real changes say what changed, on a touched line', () => {
  it('Terraform: the resource and the attribute', async () => {
    const base = sem('gke.base.tf')
    const head = sem('gke.machine.tf')
    const out = await run([modified('terraform/main.tf', base, head)])
    const [f] = violations(out)
    expect(violations(out)).toHaveLength(1)
    expect(f.message).toMatch(/Terraform: google_container_cluster\.primary: node_config\.machine_type/)
    expect(f.message).not.toMatch(/google_compute_network/)
    expectTouchedLine(f, base, head, 'machine_type')
  })

  it('Kubernetes: the kind/name and key path of the object that changed, not its unchanged neighbour', async () => {
    const base = sem('app.base.yaml')
    const head = sem('app.image.yaml')
    const out = await run([modified('kubernetes-manifests/frontend.yaml', base, head)])
    const [f] = violations(out)
    expect(violations(out)).toHaveLength(1)
    expect(f.code).toBe('k8s-manifest')
    expect(f.message).toMatch(/Kubernetes manifest: Deployment frontend: spec\.template\.spec\.containers\[server\]\.image/)
    expect(f.message).not.toMatch(/Service/)
    expectTouchedLine(f, base, head, 'image:')
  })

  it('compose: the service and key', async () => {
    const base = sem('compose.base.yml')
    const head = sem('compose.env.yml')
    const out = await run([modified('docker-compose.yml', base, head)])
    const [f] = violations(out)
    expect(f.message).toMatch(/Compose: service cart: environment/)
    expect(f.message).not.toMatch(/redis:/)
    expectTouchedLine(f, base, head, 'REDIS_ADDR')
  })

  it('Dockerfile: the instruction that changed', async () => {
    const base = sem('Dockerfile.base')
    const head = sem('Dockerfile.bump')
    const out = await run([modified('src/cart/Dockerfile', base, head)])
    const [f] = violations(out)
    expect(f.message).toMatch(/container image definition: FROM gcr\.io\/distroless\/base/)
    expectTouchedLine(f, base, head, 'FROM gcr.io/distroless/base')
  })

  it('flag file: the flag and key', async () => {
    const base = sem('demo.flagd.pretty.json')
    const head = sem('demo.flagd.on.json')
    const out = await run([modified('src/flagd/demo.flagd.json', base, head)])
    const [f] = violations(out)
    expect(f.code).toBe('feature-flag')
    expect(f.message).toMatch(/flags\.cartFailure\.defaultVariant/)
    expectTouchedLine(f, base, head, 'defaultVariant')
  })

  it('templated (unparsable) YAML: a comment-only edit is still no change, a value edit is', async () => {
    const tpl = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  replicas: {{ .Values.replicas }}\n'
    const commented = tpl.replace('spec:\n', '# replicas come from values.yaml\nspec:\n')
    expect(violations(await run([modified('deploy/app.yaml', tpl, commented)]))).toEqual([])
    const changed = tpl.replace('.Values.replicas', '.Values.replicaCount')
    expect(violations(await run([modified('deploy/app.yaml', tpl, changed)])).map((f) => f.code)).toEqual(['k8s-manifest'])
  })
})

describe('runbook class 7: a routine version bump is no operational change (version_keys)', () => {
  const tf =
    'terraform {\n  required_providers {\n    google = {\n      source  = "hashicorp/google"\n      version = "~> 6.0"\n    }\n  }\n}\n\nmodule "eks" {\n  source          = "terraform-aws-modules/eks/aws"\n  cluster_version = "1.30"\n}\n'
  const wf =
    'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - uses: actions/checkout@v4\n      - run: kubectl apply -f k8s/\n'
  it.each([
    {
      name: 'a Kubernetes image tag',
      path: 'kubernetes-manifests/frontend.yaml',
      base: sem('app.base.yaml'),
      head: sem('app.base.yaml').replace('frontend:v0.9.0', 'frontend:v0.10.0'),
    },
    {
      name: 'an image digest',
      path: 'k8s/redis.yaml',
      base:
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: redis}\nspec:\n  template:\n    spec:\n      containers:\n        - name: redis\n          image: redis:7.2@sha256:' +
        'a'.repeat(64) +
        '\n',
      head:
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: redis}\nspec:\n  template:\n    spec:\n      containers:\n        - name: redis\n          image: redis:7.4@sha256:' +
        'b'.repeat(64) +
        '\n',
    },
    {
      name: 'a Dockerfile base image',
      path: 'src/cart/Dockerfile',
      base: sem('Dockerfile.base'),
      head: sem('Dockerfile.base').replace('golang:1.22', 'golang:1.23'),
    },
    {
      name: 'a chart version and appVersion',
      path: 'charts/payments/Chart.yaml',
      base: fixture('chart/payments/Chart.yaml'),
      head: fixture('chart/payments/Chart.yaml').replace('0.7.0', '0.7.1').replace('1.42.0', '1.43.0'),
    },
    { name: 'a Terraform provider constraint', path: 'terraform/versions.tf', base: tf, head: tf.replace('~> 6.0', '~> 7.0') },
    {
      name: 'an action version in a deploying job',
      path: '.github/workflows/deploy.yml',
      base: wf,
      head: wf.replace('checkout@v4', 'checkout@v5'),
    },
    {
      name: 'a compose image tag',
      path: 'docker-compose.yml',
      base: sem('compose.base.yml'),
      head: sem('compose.base.yml').replace('cart:1.4', 'cart:1.5'),
    },
  ])('$name', async ({ path, base, head }) => {
    const out = await run([modified(path, base, head)])
    expect(violations(out)).toEqual([])
    expect((out.data as { version_bumps: string[] }).version_bumps).toEqual([path])
  })

  it.each([
    {
      name: 'another image, not another version',
      path: 'docker-compose.yml',
      base: sem('compose.base.yml'),
      head: sem('compose.base.yml').replace('image: redis:7', 'image: valkey/valkey:8'),
    },
    {
      name: 'a platform version under another key (EKS cluster_version)',
      path: 'terraform/versions.tf',
      base: tf,
      head: tf.replace('"1.30"', '"1.33"'),
    },
    {
      name: 'a version bump together with another change',
      path: 'kubernetes-manifests/frontend.yaml',
      base: sem('app.base.yaml'),
      head: sem('app.base.yaml').replace('frontend:v0.9.0', 'frontend:v0.10.0').replace('replicas: 2', 'replicas: 3'),
    },
  ])('$name is still a trigger', async ({ path, base, head }) => {
    const out = await run([modified(path, base, head)])
    expect(violations(out)).toHaveLength(1)
  })
})
