import { alembic, dangerSuite, findings, rails, sql } from './cases.js'

dangerSuite('constraint-not-valid-missing', {
  bad: [
    sql('ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);'),
    sql('ALTER TABLE orders ADD CONSTRAINT total_ck CHECK (total >= 0);'),
    rails('  def change\n    add_foreign_key :orders, :users\n  end'),
    alembic('op.create_foreign_key("fk_orders_user", "orders", "users", ["user_id"], ["id"])'),
  ],
  good: [
    sql('ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;'),
    rails('  def change\n    add_foreign_key :orders, :users, validate: false\n  end'),
  ],
})

test('recipe names the constraint', async () => {
  const [f] = await findings(sql('ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);'))
  expect(f.hint).toContain('ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users NOT VALID;')
  expect(f.hint).toContain('ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;')
  const [r] = await findings(rails('  def change\n    add_foreign_key :orders, :users\n  end'))
  expect(r.hint).toContain('add_foreign_key :orders, :users, validate: false')
})

test('recipe repeats the CHECK condition, and writes Alembic code for Alembic with the real columns (polar c08f1e6f)', async () => {
  const [check] = await findings(sql("ALTER TABLE orders ADD CONSTRAINT kind_ck CHECK (kind IN ('a', 'b') AND total >= 0);"))
  expect(check.hint).toContain("ALTER TABLE orders ADD CONSTRAINT kind_ck CHECK ((kind IN ('a', 'b')) AND (total >= 0)) NOT VALID;")
  const [fk] = await findings(alembic('op.create_foreign_key("fk_orders_user", "orders", "users", ["assigned_user_id"], ["id"])'))
  expect(fk.hint).toContain(
    'op.create_foreign_key("fk_orders_user", "orders", "users", ["assigned_user_id"], ["id"], postgresql_not_valid=True)',
  )
  expect(fk.hint).toContain('op.execute("ALTER TABLE orders VALIDATE CONSTRAINT fk_orders_user")')
  expect(fk.hint).not.toMatch(/<column>|<condition>/)
  const [ck] = await findings(alembic('op.create_check_constraint("ck_total", "orders", "total >= 0")'))
  expect(ck.hint).toContain('op.create_check_constraint("ck_total", "orders", "total >= 0", postgresql_not_valid=True)')
})
