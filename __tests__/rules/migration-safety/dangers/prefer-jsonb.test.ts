import { dangerSuite, rails, sql } from './cases.js'

dangerSuite('prefer-jsonb', {
  bad: [sql('CREATE TABLE t (id bigint, doc json);'), rails('  def change\n    add_column :users, :doc, :json\n  end')],
  good: [
    sql('CREATE TABLE t (id bigint, doc jsonb);'),
    sql('CREATE TABLE t (id bigint, doc json);', {
      path: 'm/20240101_t.cockroach.up.sql',
      files: [{ path: 'm/20240101_t.cockroach.down.sql', status: 'added', head: 'DROP TABLE t;' }],
    }),
  ],
})
