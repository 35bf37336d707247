/**
 * Django's Positive*IntegerField and *AutoField classes have known PostgreSQL column types (integer/bigint/smallint;
 * the Positive ones with a CHECK ("col" >= 0) that Django adds when the class takes it on). Before, they were
 * unknown classes: every AlterField that touched one was reported as "a field class the gate cannot cost".
 * Now the rewrite is named with its types, a CHECK that arrives with the class is reported as validated under
 * the lock, and a change that keeps type and CHECK is silent.
 */
import { django, findings } from './dangers/cases.js'

const initial = (field: string) =>
  `from django.db import migrations, models\n\nclass Migration(migrations.Migration):\n    initial = True\n    dependencies = []\n    operations = [\n        migrations.CreateModel(name="Order", fields=[("id", models.BigAutoField(primary_key=True)), ("qty", ${field})]),\n    ]\n`
const alter = (field: string, before: string) =>
  django(`        migrations.AlterField(model_name="order", name="qty", field=${field}),`, {
    headTree: { 'shop/migrations/0001_initial.py': initial(before) },
  })

async function found(field: string, before: string): Promise<Array<{ code: unknown; level: unknown; message: string; hint?: string }>> {
  return (await findings(alter(field, before))).map((f) => ({ code: f.code, level: f.level, message: f.message, hint: f.hint }))
}

describe('Django integer field classes', () => {
  test('PositiveIntegerField -> PositiveBigIntegerField: a rewrite named integer -> bigint, not an uncosted class', async () => {
    const out = await found('models.PositiveBigIntegerField()', 'models.PositiveIntegerField()')
    expect(out.map((f) => f.code)).toEqual(['change-column-type'])
    expect(out[0]?.level).toBe('fail')
    expect(out[0]?.message).toContain('PositiveIntegerField(integer) -> PositiveBigIntegerField(bigint) rewrites the table')
    expect(out[0]?.message).not.toContain('cannot cost')
    // the recipe names the new type, not a placeholder, on the model's table (app shop, model order)
    expect(out[0]?.hint).toContain('ALTER TABLE shop_order ADD COLUMN qty_new bigint;')
  })

  test('AutoField -> BigAutoField (DEFAULT_AUTO_FIELD): a rewrite named integer -> bigint', async () => {
    const out = await found('models.BigAutoField(primary_key=True)', 'models.AutoField(primary_key=True)')
    expect(out.map((f) => f.code)).toEqual(['change-column-type'])
    expect(out[0]?.message).toContain('AutoField(integer) -> BigAutoField(bigint) rewrites the table')
  })

  test('IntegerField -> PositiveIntegerField: same type, but a CHECK validated under the lock', async () => {
    const out = await found('models.PositiveIntegerField()', 'models.IntegerField()')
    expect(out.map((f) => [f.code, f.level])).toEqual([['constraint-not-valid-missing', 'fail']])
    expect(out[0]?.message).toContain('CHECK')
  })

  test('PositiveSmallIntegerField -> SmallIntegerField: same type, the CHECK dropped: nothing to report', async () => {
    expect(await found('models.SmallIntegerField()', 'models.PositiveSmallIntegerField()')).toEqual([])
  })

  test('PositiveSmallIntegerField -> PositiveIntegerField: a rewrite, the CHECK kept (not reported twice)', async () => {
    const out = await found('models.PositiveIntegerField()', 'models.PositiveSmallIntegerField()')
    expect(out.map((f) => f.code)).toEqual(['change-column-type'])
    expect(out[0]?.message).toContain('PositiveSmallIntegerField(smallint) -> PositiveIntegerField(integer)')
  })

  test('a keyword Django keeps in its state only, on a Positive field: silent', async () => {
    expect(await found('models.PositiveIntegerField(help_text="how many")', 'models.PositiveIntegerField()')).toEqual([])
  })
})
