import { PG_ONLY, defineDanger } from './types.js'

export default defineDanger({
  id: 'lock-timeout-missing',
  title: 'DDL without lock_timeout',
  lock: 'n/a',
  why: 'a DDL statement queued behind a long query blocks every query that arrives after it, for as long as it waits',
  fix: "SET lock_timeout = '2s'; at the top of the migration (retry the migration on timeout)",
  detection:
    'with require_lock_timeout: the first statement of a SQL file that locks an existing table, ' +
    'when no SET lock_timeout precedes it (detected by the SQL analysis itself, ../sql.ts)',
  level: 'warn',
  dialects: PG_ONLY,
  recipe: () => "SET lock_timeout = '2s'; -- first line of the migration",
})
