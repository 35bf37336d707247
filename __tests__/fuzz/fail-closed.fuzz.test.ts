/**
 * Fuzz: fail closed (issue "Fail closed everywhere"). Realistic PRs (migrations in SQL, Rails, Django;
 * Kubernetes, Terraform, workflows, env var reads, manifests and lockfiles, critical code and tests) under
 * the three presets, with faults injected where the engine takes evidence from the outside world:
 *
 * - dependency review and Dependabot alerts answer data, "unavailable" (off by configuration), FAILED
 *   (5xx, timeout, malformed) or throw;
 * - reading a file at the head or the base throws for some paths (a partial clone, an API error);
 * - listing the base tree throws or answers "cannot list";
 * - finding reports throws, or reading a found report throws.
 *
 * Properties, whatever the inputs and faults:
 * 1. a provider that FAILED or threw, and was asked, leaves a rule "not evaluated" and the conclusion is
 *    never success;
 * 2. a report search or report read that threw, and was asked, never ends in success;
 * 3. a file read that threw either keeps the conclusion off success or is named in the verdict (the file
 *    was classified some other way and the report says so): never a silent green;
 * 4. an "unavailable" provider alone (feature off) is a notice, not an error: failing closed must not
 *    turn configuration into a red check.
 */
import { mapProvided } from '../../src/github/dependencies.js'
import { alertVulnerabilities, reviewFacts } from '../../src/github/dependency-facts.js'
import fc from 'fast-check'
import { loadPolicy, type LoadedPolicy } from '../../src/policy/load.js'
import { runGate } from '../../src/engine/run.js'
import { matchesAny } from '../../src/change/glob.js'
import type { ChangedFile, ChangeSet, Evidence, ProviderResult, ReportFile, RuleContext, Verdict } from '../../src/types.js'
import { check, TIMEOUT } from './support.js'

/** The GitHub source parses provider payloads before a rule sees them (src/github/dependency-facts.ts): so do the fuzzers. */
const parsed = <T, U>(p: (() => Promise<ProviderResult<T>>) | undefined, f: (d: T) => U) => p && (async () => mapProvided(await p(), f))

/** Files a real PR touches, each with a plausible head and base content. */
const FILES: Array<{ path: string; head: string; base?: string }> = [
  {
    path: 'db/migrate/20240101000000_add_index_to_orders.rb',
    head: 'class AddIndexToOrders < ActiveRecord::Migration[7.1]\n  def change\n    add_index :orders, :user_id\n  end\nend\n',
  },
  {
    path: 'db/migrate/20230101000000_create_users.rb',
    head: '# frozen_string_literal: true\nclass CreateUsers < ActiveRecord::Migration[7.0]\n  def change\n    create_table :users\n  end\nend\n',
    base: 'class CreateUsers < ActiveRecord::Migration[7.0]\n  def change\n    create_table :users\n  end\nend\n',
  },
  {
    path: 'migrations/000042_orders_status.up.sql',
    head: "ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'new';\nCREATE INDEX orders_status ON orders (status);\n",
  },
  { path: 'migrations/000042_orders_status.down.sql', head: 'DROP INDEX orders_status;\nALTER TABLE orders DROP COLUMN status;\n' },
  {
    path: 'shop/migrations/0007_order_total.py',
    head: 'from django.db import migrations, models\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0006_x")]\n    operations = [migrations.AddField("order", "total", models.IntegerField(null=True))]\n',
  },
  {
    path: 'deploy/k8s/deployment.yaml',
    head: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 4\n',
    base: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 2\n',
  },
  {
    path: 'infra/main.tf',
    head: 'resource "aws_db_instance" "main" {\n  instance_class = "db.r6g.xlarge"\n}\n',
    base: 'resource "aws_db_instance" "main" {\n  instance_class = "db.r6g.large"\n}\n',
  },
  {
    path: '.github/workflows/deploy.yml',
    head: 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: ./deploy.sh --region eu-west-1\n',
    base: 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: ./deploy.sh\n',
  },
  {
    path: 'src/payments/charge.ts',
    head: 'export const key = process.env.PAYMENTS_API_KEY\nexport function charge(n: number) { return n * 2 }\n',
    base: 'export function charge(n: number) { return n }\n',
  },
  { path: 'src/payments/charge.test.ts', head: "import { charge } from './charge'\ntest('x', () => expect(charge(1)).toBe(2))\n" },
  {
    path: 'package.json',
    head: '{"name":"app","dependencies":{"lodash":"4.17.20","left-pad":"1.3.0"}}\n',
    base: '{"name":"app","dependencies":{"lodash":"4.17.20"}}\n',
  },
  { path: 'requirements.txt', head: 'django==4.2.0\nrequests==2.19.0\n', base: 'django==4.2.0\n' },
  { path: 'docs/runbooks/payments.md', head: '# Payments\n\nRotate PAYMENTS_API_KEY every 90 days.\n', base: '# Payments\n' },
  { path: 'README.md', head: '# App\n\nMore words.\n', base: '# App\n' },
]

function patchOf(head: string, base: string | undefined): string {
  const added = head.replace(/\n$/, '').split('\n')
  if (base === undefined) return `@@ -0,0 +1,${added.length} @@\n` + added.map((l) => `+${l}`).join('\n')
  const removed = base.replace(/\n$/, '').split('\n')
  return (
    `@@ -1,${removed.length} +1,${added.length} @@\n` + removed.map((l) => `-${l}`).join('\n') + '\n' + added.map((l) => `+${l}`).join('\n')
  )
}

const REVIEW_CRITICAL = [
  {
    change_type: 'added',
    manifest: 'package.json',
    ecosystem: 'npm',
    name: 'left-pad',
    version: '1.3.0',
    package_url: 'pkg:npm/left-pad@1.3.0',
    license: 'MIT',
    source_repository_url: null,
    scope: 'runtime',
    vulnerabilities: [
      {
        severity: 'critical',
        advisory_ghsa_id: 'GHSA-aaaa-bbbb-cccc',
        advisory_summary: 'Remote code execution',
        advisory_url: 'https://github.com/advisories/GHSA-aaaa-bbbb-cccc',
      },
    ],
  },
]

type ProviderMode = 'absent' | 'data' | 'unavailable' | 'failed' | 'throws'
const providerMode = fc.constantFrom<ProviderMode>('absent', 'data', 'unavailable', 'failed', 'throws')
type ReportMode = 'none' | 'ok' | 'find-throws' | 'read-throws'

interface Faults {
  /** Fault kinds that happened (the faulting function was called). */
  hit: Set<string>
  /** Paths whose read threw. */
  unreadable: Set<string>
}

function provider(
  mode: ProviderMode,
  data: unknown[],
  name: string,
  faults: Faults,
): (() => Promise<ProviderResult<unknown[]>>) | undefined {
  if (mode === 'absent') return undefined
  return async () => {
    if (mode === 'data') return { ok: true, data }
    if (mode === 'unavailable') {
      faults.hit.add(`${name}:unavailable`)
      return { ok: false, reason: '404 dependency graph is not enabled', unavailable: true }
    }
    faults.hit.add(`${name}:failed`)
    if (mode === 'failed') return { ok: false, reason: '502 Bad Gateway after 3 attempts' }
    throw new Error('socket hang up')
  }
}

const LCOV = 'TN:\nSF:src/payments/charge.ts\nDA:1,1\nDA:2,0\nend_of_record\n'

/** Everything the verdict says, as one text: where a degraded evaluation must be named. */
function said(v: Verdict): string {
  return JSON.stringify({ notes: v.notes, findings: v.results.map((r) => r.findings), summaries: v.results.map((r) => r.summary) })
}

let policies: Record<string, LoadedPolicy>
beforeAll(async () => {
  const none = async (): Promise<undefined> => undefined
  policies = {
    default: await loadPolicy(undefined, '.github/quality-gate.yml', none),
    strict: await loadPolicy('extends: strict\n', '.github/quality-gate.yml', none),
    relaxed: await loadPolicy('extends: relaxed\n', '.github/quality-gate.yml', none),
  }
})

describe('fuzz: no fault ends in a green check', () => {
  test(
    'failed providers, unreadable files, unlistable trees and broken report reads never conclude success silently',
    async () => {
      const arb = fc.record({
        picked: fc.subarray(
          FILES.map((_, i) => i),
          { minLength: 1 },
        ),
        addedStatus: fc.array(fc.boolean(), { minLength: FILES.length, maxLength: FILES.length }),
        unreadableHead: fc.subarray(FILES.map((_, i) => i)),
        unreadableBase: fc.subarray(FILES.map((_, i) => i)),
        listBase: fc.constantFrom<'ok' | 'throws' | 'unknown' | 'absent'>('ok', 'throws', 'unknown', 'absent'),
        review: providerMode,
        alerts: providerMode,
        reports: fc.constantFrom<ReportMode>('none', 'ok', 'find-throws', 'read-throws'),
        preset: fc.constantFrom('default', 'strict', 'relaxed'),
        waive: fc.boolean(),
      })
      await check('engine: fail closed under faults', 150, arb, async (c) => {
        const faults: Faults = { hit: new Set(), unreadable: new Set() }
        const chosen = c.picked.map((i) => ({ ...FILES[i], added: c.addedStatus[i] || FILES[i].base === undefined, i }))
        const files: ChangedFile[] = chosen.map((f) => {
          const base = f.added ? undefined : f.base
          const patch = patchOf(f.head, base)
          return {
            path: f.path,
            status: f.added ? 'added' : 'modified',
            patch,
            additions: patch.split('\n').filter((l) => l.startsWith('+')).length,
            deletions: patch.split('\n').filter((l) => l.startsWith('-')).length,
          }
        })
        const byPath = new Map(chosen.map((f) => [f.path, f]))
        const read =
          (side: 'head' | 'base', broken: number[]) =>
          async (p: string): Promise<string | undefined> => {
            const f = byPath.get(p) ?? FILES.find((x) => x.path === p)
            const idx = FILES.findIndex((x) => x.path === p)
            if (idx !== -1 && broken.includes(idx)) {
              faults.hit.add(`read-${side}`)
              faults.unreadable.add(p)
              throw new Error(`fatal: missing blob object for ${p}`)
            }
            if (!f) return undefined
            if (side === 'head') return f.head
            return 'added' in f && f.added ? undefined : (f.base ?? (byPath.has(p) ? undefined : f.head))
          }
        const changes: ChangeSet = {
          base: 'b'.repeat(40),
          head: 'h'.repeat(40),
          files,
          totalFiles: files.length,
          truncated: false,
          readHead: read('head', c.unreadableHead),
          readBase: read('base', c.unreadableBase),
          ...(c.listBase === 'absent'
            ? {}
            : {
                listBase: async (dir: string) => {
                  if (c.listBase === 'throws') {
                    faults.hit.add('list-base')
                    throw new Error('fatal: not a tree object')
                  }
                  if (c.listBase === 'unknown') return undefined
                  return FILES.filter(
                    (f) => f.base !== undefined && (dir === '' || f.path.startsWith(dir.endsWith('/') ? dir : `${dir}/`)),
                  ).map((f) => f.path)
                },
              }),
        }
        const evidence: Evidence = {
          findReports: async (globs) => {
            if (c.reports === 'none') return []
            if (c.reports === 'find-throws') {
              faults.hit.add('find-reports')
              throw new Error('EACCES: permission denied, scandir coverage')
            }
            return ['coverage/lcov.info']
              .filter((p) => matchesAny(p, globs))
              .map((p): ReportFile => ({
                path: p,
                origin: 'workspace',
                size: LCOV.length,
                read: async () => {
                  if (c.reports === 'read-throws') {
                    faults.hit.add('read-report')
                    throw new Error('EIO: i/o error, read')
                  }
                  return LCOV
                },
              }))
          },
          dependencyReview: parsed(provider(c.review, REVIEW_CRITICAL, 'review', faults), reviewFacts),
          dependabotAlerts: parsed(provider(c.alerts, [], 'alerts', faults), alertVulnerabilities),
        }
        const labels = c.waive
          ? ['gate-waive:dependencies', 'gate-waive:migration-safety', 'gate-waive:runbook', 'gate-waive:critical-path-tests']
          : []
        const body = c.waive
          ? ['dependencies', 'migration-safety', 'runbook', 'critical-path-tests']
              .map((r) => `gate-waive:${r} approved by the on-call lead for incident 4242`)
              .join('\n')
          : ''
        const ctx: RuleContext = {
          changes,
          evidence,
          pr: { number: 7, title: 't', body, author: 'dev', labels },
          now: new Date('2026-12-05T00:00:00Z'),
          mode: 'pull_request',
        }
        const loaded = policies[c.preset]
        const v = await runGate({ policy: loaded.policy, ctx, policySource: c.preset })

        const providerFailed = [...faults.hit].some((h) => /^(review|alerts):failed$/.test(h))
        if (providerFailed) {
          expect(v.results.some((r) => r.status === 'error')).toBe(true)
          expect(v.conclusion).not.toBe('success')
        }
        if (faults.hit.has('find-reports') || faults.hit.has('read-report')) expect(v.conclusion).not.toBe('success')
        if (faults.unreadable.size && v.conclusion === 'success') {
          const text = said(v)
          for (const p of faults.unreadable)
            if (!text.includes(p)) throw new Error(`${p} could not be read, the verdict is success and does not say so: ${v.title}`)
        }
        if (faults.hit.has('list-base') && v.conclusion === 'success') expect(said(v)).toMatch(/list|not checked|not evaluated|classified/i)
        // Failing closed must not punish configuration: "unavailable" alone never errors a rule.
        if (faults.hit.size && [...faults.hit].every((h) => h.endsWith(':unavailable')))
          for (const r of v.results) expect(r.status).not.toBe('error')
      })
    },
    TIMEOUT,
  )
})
