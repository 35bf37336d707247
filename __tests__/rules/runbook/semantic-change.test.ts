/**
 * Class 7: an operational change is a change of PARSED structure, not a touched file. Comment, whitespace
 * and formatting edits of Terraform, Kubernetes YAML, compose, JSON and Dockerfiles are no trigger; real
 * changes name the resource/object/service and the key path, on a line the PR touched.
 */
import { describe, expect, it } from '@jest/globals'
import { runbook, RunbookOptions } from '../../../src/rules/runbook/index.js'
import { makeContext, type FakeFile } from '../../helpers/context.js'
import { diffPatch, fixture, withDefaults } from './helpers.js'
import type { Finding, RuleOutput } from '../../../src/types.js'

function modified(path: string, base: string, head: string): FakeFile {
  return { path, status: 'modified', base, head, patch: diffPatch(base, head) }
}
async function run(files: FakeFile[]): Promise<RuleOutput> {
  return runbook.evaluate(makeContext({ files }), withDefaults(RunbookOptions))
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
  it.each([
    { name: 'Terraform (comments, alignment, list layout)', path: 'terraform/main.tf', base: 'gke.base.tf', head: 'gke.comment.tf' },
    { name: 'multi-document Kubernetes YAML (comments, flow style, quotes, key order)', path: 'kubernetes-manifests/frontend.yaml', base: 'app.base.yaml', head: 'app.comment.yaml' },
    { name: 'compose file (comments, flow sequences, quotes)', path: 'docker-compose.yml', base: 'compose.base.yml', head: 'compose.comment.yml' },
    { name: 'Dockerfile (comments, continuation layout, keyword case)', path: 'src/cart/Dockerfile', base: 'Dockerfile.base', head: 'Dockerfile.comment' },
    { name: 'flagd JSON (pretty-printed)', path: 'src/flagd/demo.flagd.json', base: 'demo.flagd.base.json', head: 'demo.flagd.pretty.json' },
  ])('$name', async ({ path, base, head }) => {
    const out = await run([modified(path, sem(base), sem(head))])
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
    expect(f.message).toMatch(/container image definition: FROM golang:1\.23 AS build/)
    expectTouchedLine(f, base, head, 'FROM golang:1.23')
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
