import { ident } from '../sql-ast.js'
import { PG_ONLY, defineDanger } from './types.js'

export default defineDanger({
  id: 'set-not-null',
  title: 'SET NOT NULL on an existing column',
  lock: 'ACCESS EXCLUSIVE',
  why: 'PostgreSQL scans the whole table to check for NULLs while holding the lock',
  fix:
    'ALTER TABLE t ADD CONSTRAINT t_c_not_null CHECK (c IS NOT NULL) NOT VALID; ' +
    'ALTER TABLE t VALIDATE CONSTRAINT t_c_not_null; ALTER TABLE t ALTER COLUMN c SET NOT NULL; ' +
    'ALTER TABLE t DROP CONSTRAINT t_c_not_null (PostgreSQL 12+ skips the scan)',
  detection:
    'ALTER COLUMN ... SET NOT NULL (change_column_null false, nullable=False) on an existing table, ' +
    'unless a validated CHECK (c IS NOT NULL) precedes it',
  level: 'fail',
  lockDanger: true,
  scalesWithTable: true,
  dialects: PG_ONLY,
  recipe: (r) => {
    if (!r.table || !r.column) return undefined
    const c = `${r.table}_${r.column}_not_null`
    if (r.framework === 'rails') {
      return (
        `add_check_constraint :${r.table}, "${r.column} IS NOT NULL", name: "${c}", validate: false; ` +
        `then in a second migration: validate_check_constraint :${r.table}, name: "${c}"; ` +
        `change_column_null :${r.table}, :${r.column}, false; ` +
        `remove_check_constraint :${r.table}, name: "${c}"`
      )
    }
    const t = ident(r.table)
    const sql =
      `ALTER TABLE ${t} ADD CONSTRAINT ${ident(c)} CHECK (${ident(r.column)} IS NOT NULL) NOT VALID;\n` +
      `ALTER TABLE ${t} VALIDATE CONSTRAINT ${ident(c)};\n` +
      `ALTER TABLE ${t} ALTER COLUMN ${ident(r.column)} SET NOT NULL; ` +
      `-- PostgreSQL 12+ uses the constraint and skips the scan\n` +
      `ALTER TABLE ${t} DROP CONSTRAINT ${ident(c)};`
    if (r.framework === 'django') return `migrations.RunSQL(...) with:\n${sql}`
    if (r.framework === 'alembic') return `op.execute(...) with:\n${sql}`
    return sql
  },
  sql: {
    alter: {
      AT_SetNotNull: (cmd, t, isNew, s, emit) => {
        const column = String(cmd.name).toLowerCase()
        if (isNew || s.notNullProven(t, column)) return
        emit({ id: 'set-not-null', detail: `ALTER COLUMN ${t}.${column} SET NOT NULL`, table: t, names: { table: t, column } })
      },
    },
  },
})
