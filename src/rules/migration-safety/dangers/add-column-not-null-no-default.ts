import { columnDefOf, constraintsOf, ident, typeNameOf, typeText } from '../sql-ast.js'
import { PG_FAMILY, defineDanger } from './types.js'

export default defineDanger({
  id: 'add-column-not-null-no-default',
  title: 'ADD COLUMN NOT NULL without DEFAULT',
  lock: 'ACCESS EXCLUSIVE',
  why: 'fails on any table that has rows, and forces a deploy order where old code cannot insert',
  fix:
    'ADD COLUMN c type NULL; backfill in batches; ' +
    'then the SET NOT NULL recipe (CHECK (c IS NOT NULL) NOT VALID, VALIDATE, ' +
    'SET NOT NULL) — or give it a constant DEFAULT (PostgreSQL 11+)',
  detection:
    'ADD COLUMN ... NOT NULL with no DEFAULT, identity or generation expression, ' +
    'on a table that existed before this change (null: false without default; ' +
    'nullable=False without server_default; a Django field without null=True or a default)',
  level: 'fail',
  lockDanger: true,
  dialects: PG_FAMILY,
  recipe: (r) => {
    if (!r.table || !r.column) return undefined
    switch (r.framework) {
      case 'rails':
        return (
          `add_column :${r.table}, :${r.column}, :${r.type ?? 'string'}, default: <constant>, null: ` +
          `false (a constant default is instant on PostgreSQL 11+), or add it nullable, backfill, ` +
          `then add_check_constraint :${r.table}, "${r.column} IS NOT NULL", name: ` +
          `"${r.table}_${r.column}_null", validate: false`
        )
      case 'django':
        return `give the field a default (db_default=... on Django 5+) or null=True, backfill, then make it NOT NULL`
      case 'alembic':
        return `op.add_column("${r.table}", sa.Column("${r.column}", ${r.type ?? '<type>'}, nullable=False, server_default=<constant>))`
      default:
        return (
          `ALTER TABLE ${ident(r.table)} ADD COLUMN ${ident(r.column)} ${r.type ?? '<type>'} NOT NULL DEFAULT ` +
          `<constant>; -- or add it NULL, backfill in batches, then the SET NOT NULL recipe`
        )
    }
  },
  sql: {
    alter: {
      AT_AddColumn: (cmd, t, isNew, _s, emit) => {
        const col = columnDefOf(cmd)
        if (!col || isNew) return
        const cons = constraintsOf(col)
        const notNull = cons.some((c) => c.contype === 'CONSTR_NOTNULL')
        const def = cons.some((c) => c.contype === 'CONSTR_DEFAULT')
        const generated = cons.some((c) => c.contype === 'CONSTR_IDENTITY' || c.contype === 'CONSTR_GENERATED')
        const colname = String(col.colname)
        if (notNull && !def && !generated)
          emit({
            id: 'add-column-not-null-no-default',
            detail: `ADD COLUMN ${t}.${colname} NOT NULL without a DEFAULT`,
            table: t,
            names: { table: t, column: colname, type: typeText(typeNameOf(col.typeName)) },
          })
      },
    },
  },
})
