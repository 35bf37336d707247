/**
 * Issue 14: an AlterField to a project-defined field class (`shop.fields.ChoiceSetField`, a subclass of a
 * Django field whose __init__ fixes some arguments) is costed as its Django base, read from the project's
 * module at the head: the same column is no type change; a different one still is; a class that cannot be
 * read stays uncosted (reported as before).
 */
import { django, ids } from './dangers/cases.js'

const initial = (field: string) =>
  `from django.db import migrations, models\nimport django.contrib.postgres.fields\n\nclass Migration(migrations.Migration):\n    initial = True\n    dependencies = []\n    operations = [\n        migrations.CreateModel(name="ChoiceSet", fields=[("id", models.BigAutoField(primary_key=True)), ("extra_choices", ${field})]),\n    ]\n`
const ARRAY_BEFORE =
  'django.contrib.postgres.fields.ArrayField(base_field=django.contrib.postgres.fields.ArrayField(base_field=models.CharField(max_length=100), size=2), blank=True, null=True, size=None)'
const fieldsModule = (baseField: string, base = 'ArrayField') =>
  `from django.contrib.postgres.fields import ArrayField\nfrom django.db.models import CharField, IntegerField\n\n\nclass ChoiceSetField(${base}):\n    """Pairs of [value, label]."""\n    def __init__(self, **kwargs):\n        kwargs['base_field'] = ${baseField}\n        super().__init__(**kwargs)\n\n    def deconstruct(self):\n        name, path, args, kwargs = super().deconstruct()\n        del kwargs['base_field']\n        return name, path, args, kwargs\n`
const alter = (tree: Record<string, string>) =>
  django(
    `        migrations.AlterField(model_name="choiceset", name="extra_choices", field=shop.fields.ChoiceSetField(blank=True, null=True)),`,
    { headTree: { 'shop/migrations/0001_initial.py': initial(ARRAY_BEFORE), ...tree } },
  )

describe('AlterField to a project-defined field class', () => {
  test('an ArrayField subclass fixing the same base_field is the same column: nothing reported', async () => {
    const tree = { 'shop/fields.py': fieldsModule('ArrayField(base_field=CharField(max_length=100), size=2)') }
    expect(await ids(alter(tree))).toEqual([])
  })

  test('a package module (fields/__init__.py) is read too', async () => {
    const tree = { 'shop/fields/__init__.py': fieldsModule('ArrayField(base_field=CharField(max_length=100), size=2)') }
    expect(await ids(alter(tree))).toEqual([])
  })

  test('a subclass fixing another base_field, or of another base, is still a type change', async () => {
    const narrower = { 'shop/fields.py': fieldsModule('ArrayField(base_field=CharField(max_length=50), size=2)') }
    expect(await ids(alter(narrower))).toContain('change-column-type')
    const other = { 'shop/fields.py': fieldsModule('None', 'IntegerField') }
    expect(await ids(alter(other))).toContain('change-column-type')
  })

  test('a class the module does not define, or a module that is not there, stays uncosted', async () => {
    expect(await ids(alter({}))).toContain('change-column-type')
    expect(await ids(alter({ 'shop/fields.py': 'class OtherField:\n    pass\n' }))).toContain('change-column-type')
  })
})
