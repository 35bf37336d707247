import { dropNames } from './concurrently-in-transaction.js'
import { ALL_DIALECTS, defineDanger } from './types.js'

export default defineDanger({
  id: 'drop-table',
  title: 'DROP TABLE',
  lock: 'ACCESS EXCLUSIVE',
  why: 'irreversible data loss, and deployed code that still uses the table breaks',
  fix: 'remove all code using the table and deploy first; rename it aside (or back it up) and drop it in a later release',
  detection: 'DROP TABLE (drop_table, create_table force:, DeleteModel, op.drop_table) of a table not created in this change',
  level: 'fail',
  lockDanger: true,
  dialects: ALL_DIALECTS,
  recipe: (r) =>
    r.table
      ? `first release: remove every use of ${r.table} and deploy; ` +
        `then ALTER TABLE ${r.table} RENAME TO ${r.table}_to_drop; and DROP TABLE ${r.table}_to_drop; ` +
        `in a later release (after a backup)`
      : undefined,
  sql: {
    stmt: {
      DropStmt: (n, s, emit) => {
        if (n.removeType !== 'OBJECT_TABLE') return
        const existing = dropNames(n).filter((x) => !s.isNew(x))
        if (existing.length) emit({ id: 'drop-table', detail: `DROP TABLE ${existing.join(', ')}`, names: { table: existing[0] } })
      },
    },
  },
})
