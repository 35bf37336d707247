/**
 * Verdicts for the comment snapshots, made by the real engine and the real rules over a fake pull request
 * with the default preset: what a user of the default policy really sees.
 */
import { policyErrorVerdict, runGate } from '../../src/engine/run.js'
import { loadPolicy } from '../../src/policy/load.js'
import type { Verdict } from '../../src/types.js'
import { makeContext, type FakeContextInput } from '../helpers/context.js'

export const POLICY_SOURCE = '.github/quality-gate.yml@base0000000'

async function defaultPolicy() {
  return (await loadPolicy(undefined, '.github/quality-gate.yml', async () => undefined)).policy
}

function patchOf(text: string): string {
  const lines = text.split('\n')
  return `@@ -0,0 +1,${lines.length} @@\n` + lines.map((l) => '+' + l).join('\n')
}

const PR = { number: 7, title: 'Add the orders status', body: 'Adds a status to orders.', author: 'octocat', labels: [] as string[] }

async function gate(input: FakeContextInput, totalFiles?: number): Promise<Verdict> {
  const ctx = makeContext({ now: new Date('2026-01-01T00:00:00Z'), ...input, pr: { ...PR, ...input.pr } })
  if (totalFiles !== undefined) ctx.changes.totalFiles = totalFiles
  return runGate({ policy: await defaultPolicy(), ctx, policySource: POLICY_SOURCE })
}

const SERVICE = 'export function total(items: number[]): number {\n  return items.reduce((a, b) => a + b, 0)\n}\n'

/** A small code change: every rule passes or has nothing to check. */
export function passing(): Promise<Verdict> {
  return gate({ files: [{ path: 'src/total.ts', status: 'added', head: SERVICE, patch: patchOf(SERVICE.trimEnd()) }] })
}

const MIGRATION = [
  'CREATE INDEX idx_orders_customer ON orders (customer_id);',
  'ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2);',
].join('\n')
const DEPLOY = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: orders',
  'spec:',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: orders',
  '          image: ghcr.io/acme/orders:2.0.0',
].join('\n')

/** Two dangerous statements in a migration and a deployment changed without a runbook: 3 findings. */
export function failing(): Promise<Verdict> {
  return gate({
    files: [
      { path: 'db/migrations/20260101120000_orders_status.sql', status: 'added', head: MIGRATION, patch: patchOf(MIGRATION) },
      { path: 'deploy/k8s/orders.yaml', status: 'added', head: DEPLOY, patch: patchOf(DEPLOY) },
    ],
  })
}

/** The failing change with the migration rule waived by a maintainer's label and a reason. */
export function waived(): Promise<Verdict> {
  return gate({
    files: [{ path: 'db/migrations/20260101120000_orders_status.sql', status: 'added', head: MIGRATION, patch: patchOf(MIGRATION) }],
    pr: {
      labels: ['gate-waive:migration-safety'],
      body: 'Adds a status to orders.\n\ngate-waive:migration-safety orders has 200 rows; the lock lasts milliseconds',
    },
  })
}

/** The policy on the base branch does not validate: nothing is evaluated, the gate fails closed. */
export async function policyError(): Promise<Verdict> {
  return policyErrorVerdict(
    [
      '.github/quality-gate.yml:3:17: rules.pr-size.fail_lines: expected a non-negative integer, got "lots"',
      '.github/quality-gate.yml:7:3: rules: unknown rule "migration-safty" (did you mean "migration-safety"?)',
    ],
    makeContext({ pr: PR }),
    '.github/quality-gate.yml@base0000000',
    await defaultPolicy(),
  )
}

/** 3,050 changed files of which GitHub listed 3,000: a partial evaluation. */
export function partial(): Promise<Verdict> {
  const files = Array.from({ length: 3000 }, (_, i) => {
    const text = `export const v${i} = ${i}\n`
    return {
      path: `src/generated-by-hand/m${String(i).padStart(4, '0')}.ts`,
      status: 'added' as const,
      head: text,
      patch: patchOf(text.trimEnd()),
    }
  })
  return gate({ files, truncated: true }, 3050)
}
