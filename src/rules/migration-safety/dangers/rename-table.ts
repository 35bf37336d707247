import { ident, relName } from '../sql-ast.js'
import { ALL_DIALECTS, defineDanger } from './types.js'

export default defineDanger({
  id: 'rename-table',
  title: 'RENAME TABLE',
  lock: 'ACCESS EXCLUSIVE',
  why: 'code that is deployed queries the old name: it breaks between the migration and the deploy',
  fix:
    'create the new table and copy/dual-write, or rename and leave a view with the old name (CREATE VIEW ' +
    'old AS SELECT * FROM new) until the code moved',
  detection: 'ALTER TABLE ... RENAME TO (rename_table, RenameModel, op.rename_table) of an existing table',
  level: 'fail',
  lockDanger: true,
  dialects: ALL_DIALECTS,
  recipe: (r) =>
    r.table && r.newName
      ? `ALTER TABLE ${ident(r.table)} RENAME TO ${ident(r.newName)};\n` +
        `CREATE VIEW ${ident(r.table)} AS SELECT * FROM ${ident(r.newName)}; ` +
        `-- until no deployed code uses ${r.table}`
      : undefined,
  sql: {
    stmt: {
      RenameStmt: (n, s, emit) => {
        const t = relName(n.relation)
        if (n.renameType !== 'OBJECT_TABLE' || s.isNew(t)) return
        emit({
          id: 'rename-table',
          detail: `RENAME TABLE ${t} to ${String(n.newname)}`,
          table: t,
          names: { table: t, newName: String(n.newname) },
        })
      },
    },
  },
})
