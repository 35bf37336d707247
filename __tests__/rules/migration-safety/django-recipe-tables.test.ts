/**
 * Issue 14, class 6: a recipe is pasted as it is, so it names the user's real table. A Django operation names a
 * model (`model_name="order"` in app `shop`); its table is `shop_order` (Django's `<app label>_<model>`). Before,
 * the SQL of Django recipes said `ALTER TABLE "order"`, a table that does not exist. Django code in a recipe
 * still names the model, and SQL a migration runs itself (RunSQL) keeps its own names.
 */
import { django, findings } from './dangers/cases.js'

const initial =
  'from django.db import migrations, models\n\nclass Migration(migrations.Migration):\n    initial = True\n    dependencies = []\n' +
  '    operations = [\n        migrations.CreateModel(name="Order", fields=[("id", models.BigAutoField(primary_key=True)), ' +
  '("qty", models.IntegerField()), ("note", models.TextField(null=True)), ' +
  '("customer", models.ForeignKey(null=True, on_delete=models.CASCADE, to="shop.customer")), ' +
  '("ref", models.IntegerField(db_column="legacy_ref"))]),\n    ]\n'
const head = { headTree: { 'shop/migrations/0001_initial.py': initial } }

async function hints(ops: string): Promise<Array<[unknown, string]>> {
  return (await findings(django(ops, head))).map((f) => [f.code, f.hint ?? ''])
}

describe("Django recipes name the model's table", () => {
  test('AlterField to a wider type: ALTER TABLE shop_order, not "order"', async () => {
    const [[code, hint]] = await hints('        migrations.AlterField(model_name="order", name="qty", field=models.BigIntegerField()),')
    expect(code).toBe('change-column-type')
    expect(hint).toContain('ALTER TABLE shop_order ADD COLUMN qty_new bigint;')
    expect(hint).not.toContain('"order"')
  })

  test('AlterField to NOT NULL: the CHECK constraint recipe runs on shop_order', async () => {
    const out = await hints('        migrations.AlterField(model_name="order", name="note", field=models.TextField()),')
    const setNotNull = out.find(([code]) => code === 'set-not-null')
    expect(setNotNull?.[1]).toContain('ALTER TABLE shop_order ADD CONSTRAINT')
  })

  test('RemoveField: the Django code of the recipe still names the model', async () => {
    const out = await hints('        migrations.RemoveField(model_name="order", name="note"),')
    const drop = out.find(([code]) => code === 'drop-column')
    expect(drop?.[1]).toContain('RemoveField("order"')
  })

  test("a ForeignKey's column is <field>_id; a db_column is used as written", async () => {
    const fk = await hints(
      '        migrations.AlterField(model_name="order", name="customer", field=models.ForeignKey(on_delete=models.CASCADE, to="shop.customer")),',
    )
    expect(fk.find(([code]) => code === 'set-not-null')?.[1]).toContain('CHECK (customer_id IS NOT NULL)')
    const ref = await hints(
      '        migrations.AlterField(model_name="order", name="ref", field=models.BigIntegerField(db_column="legacy_ref")),',
    )
    expect(ref.find(([code]) => code === 'change-column-type')?.[1]).toContain('ALTER TABLE shop_order ADD COLUMN legacy_ref_new bigint;')
  })

  test('RemoveField of a ForeignKey: Django code names the field, not its column', async () => {
    const out = await hints('        migrations.RemoveField(model_name="order", name="customer"),')
    const drop = out.find(([code]) => code === 'drop-column')?.[1]
    expect(drop).toContain('RemoveField("order", "customer")')
  })

  test('RunSQL keeps the names of its own SQL', async () => {
    const out = await hints(
      '        migrations.RunSQL("ALTER TABLE orders ALTER COLUMN qty TYPE bigint;", reverse_sql="ALTER TABLE orders ALTER COLUMN qty TYPE integer;"),',
    )
    const change = out.find(([code]) => code === 'change-column-type')
    expect(change?.[1]).toContain('ALTER TABLE orders ADD COLUMN')
    expect(change?.[1]).not.toContain('shop_orders')
  })

  test('AddField of a ForeignKey: a foreign key recipe on its column and the table it references, not a CHECK (netbox aa9ee0e5)', async () => {
    const out = await hints(
      '        migrations.AddField(model_name="order", name="store", field=models.ForeignKey(null=True, on_delete=models.CASCADE, to="inventory.Store")),',
    )
    const fk = out.find(([code]) => code === 'constraint-not-valid-missing')?.[1]
    expect(fk).toContain('db_constraint=False, db_index=False')
    expect(fk).toContain('AddIndexConcurrently("order", models.Index(fields=["store"]')
    expect(fk).toContain('ALTER TABLE shop_order ADD CONSTRAINT shop_order_store_id_fkey FOREIGN KEY (store_id) REFERENCES inventory_store')
    expect(fk).toContain('ALTER TABLE shop_order VALIDATE CONSTRAINT shop_order_store_id_fkey;')
    expect(fk).not.toMatch(/CHECK|<condition>|<column>/)
    // a model of the same app, and a target the gate cannot read (settings.AUTH_USER_MODEL)
    const local = await hints(
      '        migrations.AddField(model_name="order", name="customer2", field=models.ForeignKey(null=True, on_delete=models.CASCADE, to="Customer")),',
    )
    expect(local.find(([code]) => code === 'constraint-not-valid-missing')?.[1]).toContain('REFERENCES shop_customer')
    const user = await hints(
      '        migrations.AddField(model_name="order", name="owner", field=models.ForeignKey(null=True, on_delete=models.CASCADE, to=settings.AUTH_USER_MODEL)),',
    )
    expect(user.find(([code]) => code === 'constraint-not-valid-missing')?.[1]).toContain(
      'FOREIGN KEY (owner_id) REFERENCES <referenced table>',
    )
  })
})
