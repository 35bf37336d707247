/**
 * Issue 14, "table size" class: a lock danger whose harm grows with the table (index build, NOT NULL scan,
 * rewrite, backfill) on a table the team declares small (`small_tables`) is a notice there; the same statement
 * on any other table, and the dangers that do not scale with size (drops, renames), stay where they were.
 */
import { findings, rails, sql, alembic, django } from './dangers/cases.js'
import type { Finding } from '../../../src/types.js'

const small = { small_tables: ['countries', 'lookup_*'] }
const one = (fs: Finding[], code: string): Finding => {
  const f = fs.find((x) => x.code === code)
  if (!f) throw new Error(`no ${code} finding among ${fs.map((x) => x.code).join(', ')}`)
  return f
}

describe('small_tables', () => {
  test('index build, NOT NULL scan, type rewrite and backfill on a listed table are notices that say why', async () => {
    const fs = await findings(
      sql(
        "CREATE INDEX countries_code_idx ON countries (code);\nALTER TABLE countries ALTER COLUMN name SET NOT NULL;\nALTER TABLE lookup_colours ALTER COLUMN id TYPE bigint;\nUPDATE countries SET region = 'eu';",
        { options: small },
      ),
    )
    for (const code of ['create-index-non-concurrent', 'set-not-null', 'change-column-type', 'backfill-in-transaction']) {
      const f = one(fs, code)
      expect([code, f.level]).toEqual([code, 'notice'])
      expect(f.message).toContain('small_tables')
    }
  })

  test('the same statements on a table that is not listed still fail (truly dangerous case of the same shape)', async () => {
    const fs = await findings(
      sql(
        "CREATE INDEX users_email_idx ON users (email);\nALTER TABLE users ALTER COLUMN name SET NOT NULL;\nALTER TABLE orders ALTER COLUMN id TYPE bigint;\nUPDATE users SET region = 'eu';",
        { options: small },
      ),
    )
    for (const code of ['create-index-non-concurrent', 'set-not-null', 'change-column-type', 'backfill-in-transaction'])
      expect([code, one(fs, code).level]).toEqual([code, 'fail'])
  })

  test('without the option nothing changes', async () => {
    const fs = await findings(sql('CREATE INDEX countries_code_idx ON countries (code);'))
    expect(one(fs, 'create-index-non-concurrent').level).toBe('fail')
  })

  test('dropping or renaming a small table is not a size danger: it stays', async () => {
    const fs = await findings(
      sql('ALTER TABLE countries DROP COLUMN legacy;\nDROP TABLE lookup_old;\nALTER TABLE countries RENAME COLUMN name TO title;', {
        options: small,
      }),
    )
    for (const code of ['drop-column', 'drop-table', 'rename-column']) expect([code, one(fs, code).level]).toEqual([code, 'fail'])
  })

  test('schema-qualified names and ORM operations match on the table name', async () => {
    const q = await findings(sql('CREATE INDEX c_idx ON public.countries (code);', { options: small }))
    expect(one(q, 'create-index-non-concurrent').level).toBe('notice')
    const r = await findings(rails('  def change\n    add_index :countries, :code\n  end', { options: small }))
    expect(one(r, 'create-index-non-concurrent').level).toBe('notice')
    const a = await findings(alembic('op.alter_column("countries", "name", existing_type=sa.String(), nullable=False)', { options: small }))
    expect(one(a, 'set-not-null').level).toBe('notice')
    // Django names models, not tables: the table is <app>_<model>
    const d = await findings(
      django('        migrations.AddIndex(model_name="country", index=models.Index(fields=["code"], name="c_idx")),', {
        options: { small_tables: ['shop_country'] },
      }),
    )
    expect(one(d, 'create-index-non-concurrent').level).toBe('notice')
  })

  test('small_table_level can keep them at warn', async () => {
    const fs = await findings(
      sql('CREATE INDEX countries_code_idx ON countries (code);', { options: { ...small, small_table_level: 'warn' } }),
    )
    expect(one(fs, 'create-index-non-concurrent').level).toBe('warn')
  })
})
