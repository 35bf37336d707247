import { alembic, dangerSuite, findings, rails, sql } from './cases.js'

dangerSuite('set-not-null', {
  bad: [
    sql('ALTER TABLE users ALTER COLUMN email SET NOT NULL;'),
    rails('  def change\n    change_column_null :users, :email, false\n  end'),
    alembic('op.alter_column("users", "email", nullable=False)'),
  ],
  good: [
    sql('ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT users_email_nn;\nALTER TABLE users ALTER COLUMN email SET NOT NULL;'),
    // Alembic: the column already is NOT NULL (existing_nullable=False): nothing changes
    alembic('op.alter_column("users", "email", nullable=False, existing_nullable=False, existing_type=sa.String(length=100), type_=sa.String(length=200))'),
  ],
})

test('recipe: the four statements with the real names', async () => {
  const [f] = await findings(sql('ALTER TABLE users ALTER COLUMN email SET NOT NULL;'))
  expect(f.hint).toContain('ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;')
  expect(f.hint).toContain('ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;')
  const [r] = await findings(rails('  def change\n    change_column_null :users, :email, false\n  end'))
  expect(r.hint).toContain('add_check_constraint :users, "email IS NOT NULL", name: "users_email_not_null", validate: false')
})
