/**
 * A Django AlterField the gate cannot cost is still reported (change-column-type), and its message says why:
 * the field's previous definition was not found, or it was found but a field class has no known column type,
 * or a keyword changed that the gate does not cost (db_default, db_collation, primary_key), or the new definition
 * is not a field call. Before, every case said "the field's previous definition was not found", also when it
 * had been found.
 */
import { django, findings } from './dangers/cases.js'

const initial = (field: string) =>
  `from django.db import migrations, models\n\nclass Migration(migrations.Migration):\n    initial = True\n    dependencies = []\n    operations = [\n        migrations.CreateModel(name="Order", fields=[("id", models.BigAutoField(primary_key=True)), ("status", ${field})]),\n    ]\n`
const alter = (field: string, before?: string) =>
  django(
    `        migrations.AlterField(model_name="order", name="status", field=${field}),`,
    before === undefined ? {} : { headTree: { 'shop/migrations/0001_initial.py': initial(before) } },
  )
const LEAD = 'AlterField order.status can change the type, nullability or constraints under an ACCESS EXCLUSIVE lock'
const TAIL =
  ' — takes ACCESS EXCLUSIVE: changing a type that is not binary-coercible rewrites the table and every index on it under the lock, ' +
  'and breaks code that reads the old type.'

async function uncosted(field: string, before?: string): Promise<Array<{ code: unknown; level: unknown; message: string }>> {
  return (await findings(alter(field, before))).map((f) => ({ code: f.code, level: f.level, message: f.message }))
}

describe('AlterField that cannot be costed: the message says why', () => {
  test('no previous definition: said so, as before', async () => {
    expect(await uncosted('models.CharField(max_length=20)')).toEqual([
      {
        code: 'change-column-type',
        level: 'fail',
        message: `${LEAD} (the field's previous definition was not found: check manage.py sqlmigrate)${TAIL}`,
      },
    ])
  })

  test('previous definition found, the new class unknown: the class is named', async () => {
    expect(await uncosted('shop.fields.StatusField(max_length=20)', 'models.CharField(max_length=50)')).toEqual([
      {
        code: 'change-column-type',
        level: 'fail',
        message: `${LEAD} (StatusField is a field class the gate cannot cost: check manage.py sqlmigrate)${TAIL}`,
      },
    ])
  })

  test('previous definition found, both classes unknown: both are named', async () => {
    expect(await uncosted('shop.fields.StatusField(max_length=20)', 'shop.fields.LegacyStatusField(max_length=50)')).toEqual([
      {
        code: 'change-column-type',
        level: 'fail',
        message: `${LEAD} (LegacyStatusField and StatusField are field classes the gate cannot cost: check manage.py sqlmigrate)${TAIL}`,
      },
    ])
  })

  test('previous definition found, db_default changed: the keyword is named', async () => {
    expect(await uncosted('models.IntegerField(db_default=0)', 'models.IntegerField()')).toEqual([
      {
        code: 'change-column-type',
        level: 'fail',
        message: `${LEAD} (the change of db_default is not one the gate can cost: check manage.py sqlmigrate)${TAIL}`,
      },
    ])
  })

  test('previous definition found, db_collation and primary_key changed: both are named', async () => {
    expect(
      await uncosted('models.CharField(max_length=50, db_collation="C", primary_key=True)', 'models.CharField(max_length=50)'),
    ).toEqual([
      {
        code: 'change-column-type',
        level: 'fail',
        message: `${LEAD} (the change of db_collation and primary_key is not one the gate can cost: check manage.py sqlmigrate)${TAIL}`,
      },
    ])
  })

  test('previous definition found, the new one not a field call: said so', async () => {
    expect(await uncosted('STATUS_FIELD', 'models.CharField(max_length=50)')).toEqual([
      {
        code: 'change-column-type',
        level: 'fail',
        message: `${LEAD} (the field's new definition is not a field call the gate can read: check manage.py sqlmigrate)${TAIL}`,
      },
    ])
  })

  test('a change the gate can cost is costed, not reported as uncosted', async () => {
    const out = await findings(alter('models.CharField(max_length=20)', 'models.CharField(max_length=50)'))
    expect(out.map((f) => f.message)).toEqual([
      `AlterField order.status: CharField(varchar(50)) -> CharField(varchar(20)) rewrites the table${TAIL}`,
    ])
  })
})

test('a class named like a property of every object (constructor, toString) is an unknown class, not a type', async () => {
  expect(await uncosted('shop.fields.constructor(max_length=20)', 'shop.fields.toString(max_length=50)')).toEqual([
    {
      code: 'change-column-type',
      level: 'fail',
      message: `${LEAD} (toString and constructor are field classes the gate cannot cost: check manage.py sqlmigrate)${TAIL}`,
    },
  ])
})
