import { alembic, dangerSuite, django, rails, sql } from './cases.js'

dangerSuite('drop-table', {
  bad: [sql('DROP TABLE sessions;'), rails('  def up\n    drop_table :sessions\n  end\n  def down\n  end'), django('        migrations.DeleteModel(name="Session"),'), alembic('op.drop_table("sessions")')],
  good: [
    sql('CREATE TABLE sessions2 (id bigint);\nDROP TABLE sessions2;'),
    // SQLite rebuilds a table to alter it: not parsed as PostgreSQL, no data-loss report
    sql('CREATE TABLE _users_new (id integer);\nINSERT INTO _users_new SELECT id FROM users;\nDROP TABLE users;\nALTER TABLE _users_new RENAME TO users;', { path: 'migrations/20240101_x.sqlite3.up.sql', files: [{ path: 'migrations/20240101_x.sqlite3.down.sql', status: 'added', head: '' }] }),
  ],
})
