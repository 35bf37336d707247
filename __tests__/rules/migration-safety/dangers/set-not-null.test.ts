import { alembic, dangerSuite, findings, rails, sql } from './cases.js'

dangerSuite('set-not-null', {
  bad: [
    // side by side with the recipe below: a validated check on another column, or validation in rollback code, proves nothing
    rails(
      '  def up\n    validate_check_constraint :moderation_zones, name: "moderation_zones_starts_at_null"\n    change_column_null :moderation_zones, :ends_at, false\n  end',
    ),
    rails(
      '  def change\n    add_check_constraint :zones, "ends_at IS NOT NULL", name: "c1", validate: false\n    change_column_null :zones, :ends_at, false\n  end',
    ),
    rails(
      '  def up\n    validate_check_constraint :moderation_zones, name: "moderation_zones_ends_at_null"\n    change_column_null :moderation_zones, :ends_at, false\n  end',
      { options: { pg_version: 11 } },
    ),
    sql('ALTER TABLE users ALTER COLUMN email SET NOT NULL;'),
    rails('  def change\n    change_column_null :users, :email, false\n  end'),
    alembic('op.alter_column("users", "email", nullable=False)'),
  ],
  good: [
    // strong_migrations' recipe: the check added NOT VALID earlier, validated here, then change_column_null (PostgreSQL 12+ skips the scan)
    rails(
      '  def up\n    validate_check_constraint :moderation_zones, :name => "moderation_zones_ends_at_null"\n    change_column_null :moderation_zones, :ends_at, false\n    remove_check_constraint :moderation_zones, :name => "moderation_zones_ends_at_null"\n  end',
    ),
    rails(
      '  def up\n    add_check_constraint :zones, "ends_at IS NOT NULL", name: "c1"\n    change_column_null :zones, :ends_at, false\n  end',
    ),
    sql(
      'ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT users_email_nn;\nALTER TABLE users ALTER COLUMN email SET NOT NULL;',
    ),
    // Alembic: the column already is NOT NULL (existing_nullable=False): nothing changes
    alembic(
      'op.alter_column("users", "email", nullable=False, existing_nullable=False, existing_type=sa.String(length=100), type_=sa.String(length=200))',
    ),
  ],
})

test('recipe: the four statements with the real names', async () => {
  const [f] = await findings(sql('ALTER TABLE users ALTER COLUMN email SET NOT NULL;'))
  expect(f.hint).toContain('ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;')
  expect(f.hint).toContain('ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;')
  const [r] = await findings(rails('  def change\n    change_column_null :users, :email, false\n  end'))
  expect(r.hint).toContain('add_check_constraint :users, "email IS NOT NULL", name: "users_email_not_null", validate: false')
})
