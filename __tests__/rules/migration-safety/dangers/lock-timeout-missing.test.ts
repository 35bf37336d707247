import { dangerSuite, sql } from './cases.js'

dangerSuite('lock-timeout-missing', {
  bad: [sql('ALTER TABLE users ADD COLUMN x text;', { options: { require_lock_timeout: true } })],
  good: [
    sql("SET lock_timeout = '2s';\nALTER TABLE users ADD COLUMN x text;", { options: { require_lock_timeout: true } }),
    sql('ALTER TABLE users ADD COLUMN x text;'),
  ],
})
