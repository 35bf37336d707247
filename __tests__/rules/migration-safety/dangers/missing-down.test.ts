import { alembic, dangerSuite, rails, sql } from './cases.js'

dangerSuite('missing-down', {
  bad: [
    sql('ALTER TABLE a ADD COLUMN b text;', { path: 'migrations/000012_add_col.up.sql' }),
    sql('ALTER TABLE a ADD COLUMN b text;', { path: 'migrations/000012_add_col.mysql.up.sql' }),
    rails('  def change\n    remove_column :users, :legacy\n  end'),
    { ...alembic('op.add_column("a", sa.Column("b", sa.Text()))'), text: 'from alembic import op\nimport sqlalchemy as sa\n\ndef upgrade():\n    op.add_column("a", sa.Column("b", sa.Text()))\n\ndef downgrade():\n    pass\n' },
  ],
  good: [
    sql('ALTER TABLE a ADD COLUMN b text;', { path: 'migrations/000012_add_col.up.sql', files: [{ path: 'migrations/000012_add_col.down.sql', status: 'added', head: 'ALTER TABLE a DROP COLUMN b;' }] }),
    // remove_columns with type: is reversible
    rails('  def change\n    remove_columns :users, :a, :b, type: :string\n  end'),
  ],
})
