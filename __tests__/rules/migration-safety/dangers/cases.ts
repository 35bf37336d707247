/**
 * Squawk-style danger tests: each danger's file lists migrations that must report it and migrations beside
 * them that must not, run through the whole rule (dialect detection, transactions, levels).
 */
import { migrationSafety } from '../../../../src/rules/migration-safety/index.js'
import { ruleOptions, type PartialOptions } from '../../../../src/policy/resolved.js'
import type { RuleOptionsById } from '../../../../src/rules/index.js'
import { DANGERS, type DangerId } from '../../../../src/rules/migration-safety/dangers.js'
import { addFilePatch, makeContext, type FakeFile } from '../../../helpers/context.js'
import type { Finding } from '../../../../src/types.js'

type MigrationOptions = RuleOptionsById['migration-safety']

export interface Case {
  path: string
  text: string
  /** Policy options of the rule. */
  options?: PartialOptions<MigrationOptions>
  /** Other files of the PR (added unless said otherwise). */
  files?: FakeFile[]
  headTree?: Record<string, string>
  baseTree?: Record<string, string>
  /** The source lists the base tree (ChangeSet.listBase). */
  listBase?: boolean
  /** Release tags → paths they hold (ChangeSet.releasedPaths). */
  releases?: Record<string, string[]>
}

export const sql = (text: string, more: Partial<Case> = {}): Case => ({ path: 'db/migration/V2__change.sql', text, ...more })
export const rails = (body: string, more: Partial<Case> = {}): Case => ({
  path: 'db/migrate/20240101000000_change.rb',
  text: body.includes('class ') ? body : `class Change < ActiveRecord::Migration[7.1]\n${body}\nend\n`,
  ...more,
})
export const django = (ops: string, more: Partial<Case> = {}): Case => ({
  path: 'shop/migrations/0002_change.py',
  text: ops.includes('class Migration')
    ? ops
    : `from django.db import migrations, models\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n    operations = [\n${ops}\n    ]\n`,
  ...more,
})
export const alembic = (upgrade: string, more: Partial<Case> = {}): Case => ({
  path: 'alembic/versions/abc123_change.py',
  text: `from alembic import op\nimport sqlalchemy as sa\n\ndef upgrade():\n${upgrade
    .split('\n')
    .map((l) => '    ' + l)
    .join('\n')}\n\ndef downgrade():\n    op.execute("SELECT 1")\n`,
  ...more,
})

export async function findings(c: Case): Promise<Finding[]> {
  const files: FakeFile[] = [{ path: c.path, status: 'added', head: c.text, patch: addFilePatch(c.text) }, ...(c.files ?? [])]
  const opts = ruleOptions(migrationSafety, {
    level: 'fail',
    dangers: Object.fromEntries(Object.keys(DANGERS).map((id) => [id, 'fail' as const])),
    ...c.options,
  })
  const out = await migrationSafety.evaluate(
    makeContext({ files, headTree: c.headTree, baseTree: c.baseTree, listBase: c.listBase, releases: c.releases }),
    opts,
  )
  return out.findings.filter((f) => f.kind === 'violation')
}

export async function ids(c: Case): Promise<string[]> {
  return (await findings(c)).map((f) => String(f.code))
}

const label = (c: Case): string => `${c.path.split('/').pop()}: ${c.text.replace(/\s+/g, ' ').slice(0, 100)}`

/** The danger's module, its reported cases and its safe ones, side by side. */
export function dangerSuite(id: DangerId, t: { bad: Case[]; good: Case[] }): void {
  describe(id, () => {
    test('module: id, lock, why, fix, detection, dialects', () => {
      const d = DANGERS[id]
      expect(d.id).toBe(id)
      for (const k of ['title', 'lock', 'why', 'fix', 'detection'] as const)
        expect([k, typeof d[k], d[k].length > 0]).toEqual([k, 'string', true])
      expect(d.dialects.length).toBeGreaterThan(0)
    })
    for (const c of t.bad) test(`reports  ${label(c)}`, async () => expect(await ids(c)).toContain(id))
    for (const c of t.good) test(`silent on ${label(c)}`, async () => expect(await ids(c)).not.toContain(id))
  })
}
