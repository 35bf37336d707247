import { dangerSuite, sql } from './cases.js'

dangerSuite('prefer-bigint-key', {
  bad: [sql('CREATE TABLE t (id serial PRIMARY KEY);'), sql('CREATE TABLE t (id integer, PRIMARY KEY (id));')],
  // CockroachDB's INT is 64-bit
  good: [
    sql('CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);'),
    sql('CREATE TABLE t (id INT PRIMARY KEY);', {
      path: 'm/20240101_t.cockroach.up.sql',
      files: [{ path: 'm/20240101_t.cockroach.down.sql', status: 'added', head: 'DROP TABLE t;' }],
    }),
  ],
})
