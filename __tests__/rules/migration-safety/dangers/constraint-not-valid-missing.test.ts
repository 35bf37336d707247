import { alembic, dangerSuite, findings, ids, rails, sql } from './cases.js'

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

describe('VALIDATE CONSTRAINT in the same transaction as its ADD ... NOT VALID (squawk #97; polar 8491a4b9, b1c1140e, e15e465a)', () => {
  const addCheck = 'ALTER TABLE orders ADD CONSTRAINT total_ck CHECK (total >= 0) NOT VALID;'
  const validate = 'ALTER TABLE orders VALIDATE CONSTRAINT total_ck;'
  // golang-migrate runs a file as it is (no transaction of its own); its rollback file is beside it
  const golang = (text: string) => ({
    path: 'db/migrations/000002_change.up.sql',
    text,
    files: [
      { path: 'db/migrations/000002_change.down.sql', status: 'added' as const, head: 'SELECT 1;', patch: '@@ -0,0 +1 @@\n+SELECT 1;' },
    ],
  })
  const polar = (between = '') =>
    alembic(
      `op.execute("SET LOCAL lock_timeout = '5s'")\n` +
        `op.execute("ALTER TABLE payments ADD CONSTRAINT payments_amount_v2_not_null CHECK (amount_v2 IS NOT NULL) NOT VALID")\n` +
        between +
        `op.execute("ALTER TABLE payments VALIDATE CONSTRAINT payments_amount_v2_not_null")\n` +
        `op.alter_column("payments", "amount_v2", existing_type=sa.BigInteger(), nullable=False)`,
    )

  test('SQL: reported at the VALIDATE, in a transaction the file opens or the tool wraps it in', async () => {
    const [f, ...rest] = await findings(golang(`BEGIN;\n${addCheck}\n${validate}\nCOMMIT;`))
    expect(rest).toEqual([])
    expect([f.code, f.line]).toEqual(['constraint-not-valid-missing', 3])
    expect(f.message).toMatch(/VALIDATE CONSTRAINT total_ck on orders in the same transaction as its ADD \.\.\. NOT VALID/)
    expect(f.hint).toContain('ALTER TABLE orders ADD CONSTRAINT total_ck CHECK (total >= 0) NOT VALID;')
    expect(f.hint).toMatch(/then, in a separate migration:\nALTER TABLE orders VALIDATE CONSTRAINT total_ck;/)
    // assume_in_transaction: the tool wraps the file in one transaction (Flyway)
    expect(await ids(sql(`${addCheck}\n${validate}`, { options: { assume_in_transaction: true } }))).toEqual([
      'constraint-not-valid-missing',
    ])
  })
  test('SQL side by side: a COMMIT between them, no transaction, the VALIDATE alone, or a table this file creates', async () => {
    expect(await ids(golang(`BEGIN;\n${addCheck}\nCOMMIT;\nBEGIN;\n${validate}\nCOMMIT;`))).toEqual([])
    expect(await ids(golang(`${addCheck}\n${validate}`))).toEqual([])
    expect(await ids(sql(validate))).toEqual([])
    expect(await ids(sql(`CREATE TABLE orders (total int);\n${addCheck}\n${validate}`))).toEqual([])
  })
  test('Alembic: across op.execute calls; the SET NOT NULL after the validated CHECK is not a scan (PostgreSQL 12+)', async () => {
    const f = await findings(polar())
    expect(f.map((x) => `${x.code}:${x.line}`)).toEqual(['constraint-not-valid-missing:7'])
    // side by side: committed in between (its own transaction); SET NOT NULL without the proof still scans
    expect(await ids(polar('op.execute("COMMIT")\n'))).toEqual([])
    expect(await ids(alembic('op.alter_column("payments", "amount_v2", existing_type=sa.BigInteger(), nullable=False)'))).toEqual([
      'set-not-null',
    ])
  })
  test('Rails: validate_check_constraint / validate_foreign_key in the migration that adds it with validate: false', async () => {
    const check =
      '    add_check_constraint :orders, "total >= 0", name: "total_ck", validate: false\n    validate_check_constraint :orders, name: "total_ck"\n'
    const fk = '    add_foreign_key :orders, :users, validate: false\n    validate_foreign_key :orders, :users\n'
    const [c] = await findings(rails(`  def change\n${check}  end`))
    expect([c.code, c.line]).toEqual(['constraint-not-valid-missing', 4])
    expect(c.hint).toContain('then in a second migration: validate_check_constraint :orders, name: "total_ck"')
    const [k] = await findings(rails(`  def change\n${fk}  end`))
    expect([k.code, k.line]).toEqual(['constraint-not-valid-missing', 4])
    expect(k.hint).toContain('then in a second migration: validate_foreign_key :orders, :users')
    // side by side: outside a transaction, the validate alone (the add shipped earlier), another constraint
    expect(await ids(rails(`  disable_ddl_transaction!\n\n  def change\n${check}  end`))).toEqual([])
    expect(await ids(rails('  def change\n    validate_check_constraint :orders, name: "total_ck"\n  end'))).toEqual([])
    expect(await ids(rails(`  def change\n${check.replace('name: "total_ck"\n', 'name: "other_ck"\n')}  end`))).toEqual([])
  })
})
