/**
 * Issue 14, held-out-5 (polar 461657cd): an Alembic squash deletes a whole chain of merged migrations and adds
 * one root that keeps the head revision. One notice on the root (squash_level), not one failure per deleted
 * file; side by side, anything short of a whole chain replaced under the head's revision is still an edit.
 */
import { migrationSafety } from '../../../src/rules/migration-safety/index.js'
import { ruleOptions, type PartialOptions } from '../../../src/policy/resolved.js'
import type { RuleOptionsById } from '../../../src/rules/index.js'
import { addFilePatch, makeContext, type FakeFile } from '../../helpers/context.js'

const v = 'server/migrations/versions'
const mig = (rev: string, down: string | null, body = 'op.add_column("t", sa.Column("c", sa.Text()))') =>
  `"""x\n\nRevision ID: ${rev}\n"""\nimport sqlalchemy as sa\nfrom alembic import op\n\nrevision = "${rev}"\ndown_revision${
    down === null ? ': str | None = None' : ` = ${down}`
  }\n\n\ndef upgrade() -> None:\n    ${body}\n\n\ndef downgrade() -> None:\n    pass\n`
const chain: FakeFile[] = [
  {
    path: `${v}/2024-06-06-1059_initial.py`,
    status: 'removed',
    base: mig('aaa111', null, 'op.create_table("t", sa.Column("id", sa.Integer()))'),
  },
  { path: `${v}/2024-07-01-1000_add_c.py`, status: 'removed', base: mig('bbb222', '"aaa111"') },
  { path: `${v}/2024-08-01-1000_merge.py`, status: 'removed', base: mig('ccc333', '("bbb222", "aaa111")', 'pass') },
]
const rootText = mig('ccc333', null, 'op.create_table("t", sa.Column("id", sa.Integer()), sa.Column("c", sa.Text()))')
const root = (text = rootText, path = `${v}/2026-06-17-1455_squash.py`): FakeFile => ({
  path,
  status: 'added',
  head: text,
  patch: addFilePatch(text),
})

type MigrationOptions = RuleOptionsById['migration-safety']
async function run(files: FakeFile[], over: PartialOptions<MigrationOptions> = {}) {
  const out = await migrationSafety.evaluate(makeContext({ files }), ruleOptions(migrationSafety, { level: 'fail', ...over }))
  return out.findings.filter((f) => f.kind === 'violation')
}
/** The migration-edited findings (a root analysed as a new migration has its own, e.g. a downgrade() that passes). */
const codes = async (files: FakeFile[], over: PartialOptions<MigrationOptions> = {}) =>
  (await run(files, over))
    .filter((f) => f.code === 'migration-edited')
    .map((f) => `${(f.path ?? '').split('/').pop()}:${f.code}:${f.level}`)

describe('an Alembic squash', () => {
  test('a whole chain replaced by a root keeping the head revision: one notice on the root that says what it means', async () => {
    const f = await run([...chain, root()])
    expect(f.map((x) => `${(x.path ?? '').split('/').pop()}:${x.code}:${x.level}`)).toEqual([
      '2026-06-17-1455_squash.py:migration-edited:notice',
    ])
    expect(f[0].message).toMatch(
      /Alembic squash: 3 merged migrations deleted .* keeps their head revision ccc333\. Databases at ccc333 run nothing/,
    )
    expect(f[0].message).toMatch(/still behind that revision cannot upgrade/)
    expect(await codes([...chain, root()], { squash_level: 'warn' })).toEqual(['2026-06-17-1455_squash.py:migration-edited:warn'])
  })
  test('side by side: another revision, a root that revises something, part of the chain kept, or another folder', async () => {
    const each = ['2024-06-06-1059_initial.py', '2024-07-01-1000_add_c.py', '2024-08-01-1000_merge.py'].map(
      (p) => `${p}:migration-edited:fail`,
    )
    // a new revision id: databases at ccc333 are at a revision that no longer exists
    expect(await codes([...chain, root(mig('ddd444', null))])).toEqual(each)
    // the new file revises the head: an ordinary new migration, the deletions are edits
    expect(await codes([...chain, root(mig('ddd444', '"ccc333"'))])).toEqual(each)
    // the chain's root is kept: not a whole chain
    expect(await codes([chain[1], chain[2], root()])).toEqual(each.slice(1))
    // not the head: a deleted migration revises the revision the root keeps
    expect(await codes([...chain, root(mig('bbb222', null))])).toEqual(each)
    // the root in another folder
    expect(await codes([...chain, root(rootText, 'other/migrations/versions/2026-06-17-1455_squash.py')])).toEqual(each)
  })

  test('a deleted migration that cannot be read: no squash, and the rule is not evaluated (never a pass)', async () => {
    const ctx = makeContext({ files: [...chain, root()] })
    const read = ctx.changes.readBase
    ctx.changes.readBase = async (p) => {
      if (p.endsWith('2024-07-01-1000_add_c.py')) throw new Error('object store unreadable')
      return read(p)
    }
    const out = await migrationSafety.evaluate(ctx, ruleOptions(migrationSafety, { level: 'fail' }))
    const errors = out.findings.filter((f) => f.kind === 'error')
    expect(errors.map((f) => f.message).join('\n')).toMatch(/2024-07-01-1000_add_c\.py \(base\): object store unreadable/)
    expect(out.findings.some((f) => /Alembic squash/.test(f.message))).toBe(false)
    // the deletions stay what they are without a squash: failures
    expect(out.findings.filter((f) => f.code === 'migration-edited').every((f) => f.level === 'fail')).toBe(true)
    expect(out.applicability).not.toBe('not-applicable')
  })
})
