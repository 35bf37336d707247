import { PG_FAMILY, defineDanger } from './types.js'

export default defineDanger({
  id: 'drop-database',
  title: 'DROP DATABASE',
  lock: 'exclusive use of the database',
  why: 'irreversible loss of every table in it',
  fix: 'never from a migration: do it by hand, after a backup, with a change ticket',
  detection: 'DROP DATABASE',
  level: 'fail',
  dialects: PG_FAMILY,
  recipe: (r) => (r.value ? `remove DROP DATABASE ${r.value} from the migration; drop it by hand after a backup` : undefined),
  sql: {
    stmt: {
      DropdbStmt: (n, _s, emit) => {
        emit({ id: 'drop-database', detail: `DROP DATABASE ${String(n.dbname)}`, names: { value: String(n.dbname) } })
      },
    },
  },
})
