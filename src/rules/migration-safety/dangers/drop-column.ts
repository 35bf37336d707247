import { ALL_DIALECTS, defineDanger } from './types.js'

export default defineDanger({
  id: 'drop-column',
  title: 'DROP COLUMN',
  lock: 'ACCESS EXCLUSIVE',
  why: 'code that is deployed (and ORM caches of the column list) still reads it; the data is gone with no way back',
  fix:
    'stop reading/writing the column first (Rails: ignored_columns; ' +
    'Django: remove the field with SeparateDatabaseAndState), deploy, then drop it in a later migration',
  detection: 'DROP COLUMN (remove_column, t.remove, RemoveField, op.drop_column) of a column of an existing table',
  level: 'fail',
  lockDanger: true,
  dialects: ALL_DIALECTS,
  recipe: (r) => {
    if (!r.table || !r.column) return undefined
    switch (r.framework) {
      case 'rails':
        return (
          `first release: self.ignored_columns += ["${r.column}"] in the ${r.table} model; deploy; ` +
          `then this migration: safety_assured { remove_column :${r.table}, :${r.column} }`
        )
      case 'django':
        return (
          `first release: migrations.SeparateDatabaseAndState(state_operations=[migrations.RemoveField("${r.model ?? r.table}", ` +
          `"${r.field ?? r.column}")]) and deploy; then a later migration drops the column`
        )
      default:
        return (
          `first release: stop reading and writing ${r.table}.${r.column} and deploy; ` +
          `then, in a later migration: ALTER TABLE ${r.table} DROP COLUMN ${r.column};`
        )
    }
  },
  sql: {
    alter: {
      AT_DropColumn: (cmd, t, isNew, _s, emit) => {
        if (isNew) return
        const column = String(cmd.name)
        emit({ id: 'drop-column', detail: `DROP COLUMN ${t}.${column}`, table: t, column_name: column, names: { table: t, column } })
      },
    },
  },
})
