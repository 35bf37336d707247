import { ident, relName } from '../sql-ast.js'
import { ALL_DIALECTS, defineDanger } from './types.js'

export default defineDanger({
  id: 'rename-column',
  title: 'RENAME COLUMN',
  lock: 'ACCESS EXCLUSIVE',
  why: 'code that is deployed reads the old name: it breaks between the migration and the deploy',
  fix:
    'expand/contract: add the new column, dual-write, backfill, move reads, ' +
    'drop the old column in a later release (or a view exposing both names)',
  detection: 'RENAME COLUMN (rename_column, t.rename, RenameField, op.alter_column new_column_name) on an existing table',
  level: 'fail',
  lockDanger: true,
  dialects: ALL_DIALECTS,
  recipe: (r) => {
    if (!r.table || !r.column || !r.newName) return undefined
    return (
      `ALTER TABLE ${ident(r.table)} ADD COLUMN ${ident(r.newName)} <type of ${r.column}>;\n` +
      `-- dual-write ${r.column} and ${r.newName}, backfill ${r.newName} in batches, ` +
      `move reads to ${r.newName}, then in a later release:\n` +
      `ALTER TABLE ${ident(r.table)} DROP COLUMN ${ident(r.column)};`
    )
  },
  sql: {
    stmt: {
      RenameStmt: (n, s, emit) => {
        const t = relName(n.relation)
        if (n.renameType !== 'OBJECT_COLUMN' || s.isNew(t)) return
        const column = String(n.subname)
        emit({
          id: 'rename-column',
          detail: `RENAME COLUMN ${t}.${column} to ${String(n.newname)}`,
          table: t,
          column_name: column,
          names: { table: t, column, newName: String(n.newname) },
        })
      },
    },
  },
})
