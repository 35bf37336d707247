import { dangerSuite, ids, sql } from './cases.js'

const mysql =
  'CREATE TABLE `users` (`id` INT NOT NULL AUTO_INCREMENT, PRIMARY KEY (`id`)) ENGINE=InnoDB;\nALTER TABLE `users` MODIFY `name` VARCHAR(255);'

dangerSuite('syntax-error', {
  bad: [sql('ALTER TABLE users ADD COLUMN;')],
  good: [
    sql('ALTER TABLE users ADD COLUMN x text;'),
    // MySQL in a pop-style file per dialect is never parsed as PostgreSQL
    sql(mysql, {
      path: 'migrations/20240101_users.mysql.up.sql',
      files: [{ path: 'migrations/20240101_users.mysql.down.sql', status: 'added', head: 'DROP TABLE `users`;' }],
    }),
    // ... nor in a mysql/ folder, nor when the SQL itself is MySQL
    sql(mysql, { path: 'db/migration/mysql/V2__users.sql' }),
    sql(mysql),
    // CockroachDB syntax PostgreSQL does not know: listed as not checked, not a failure
    sql('CREATE TABLE t (id UUID PRIMARY KEY, INDEX t_idx (id)) INTERLEAVE IN PARENT p (id);', {
      path: 'm/20240101_t.cockroach.up.sql',
      files: [{ path: 'm/20240101_t.cockroach.down.sql', status: 'added', head: 'DROP TABLE t;' }],
    }),
  ],
})

test('a dialect policy per glob wins', async () => {
  expect(
    await ids(
      sql('ALTER TABLE users MODIFY name VARCHAR(255);', { options: { dialects: [{ paths: ['db/migration/**'], dialect: 'mysql' }] } }),
    ),
  ).toEqual([])
  expect(await ids(sql('ALTER TABLE users ADD COLUMN;', { options: { dialect: 'postgres' } }))).toEqual(['syntax-error'])
})
