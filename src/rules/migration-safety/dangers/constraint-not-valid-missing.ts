import { constraintOf, ident, simpleSql } from '../sql-ast.js'
import { PG_ONLY, defineDanger, type Names } from './types.js'
import type { Constraint } from 'libpg-query'

/** The column of a CHECK (c IS NOT NULL) (lower case), else undefined. */
function notNullColumn(c: Constraint): string | undefined {
  const e = c.raw_expr
  const nt = e && 'NullTest' in e ? e.NullTest : undefined
  if (c.contype !== 'CONSTR_CHECK' || nt?.nulltesttype !== 'IS_NOT_NULL') return undefined
  const fields = (nt.arg && 'ColumnRef' in nt.arg ? nt.arg.ColumnRef.fields : undefined) ?? []
  const last = fields.at(-1)
  return last && 'String' in last ? last.String.sval?.toLowerCase() : undefined
}

/** The names a constraint gives the recipe: its own, its first column and referenced table (a foreign key), its condition (a CHECK). */
export function constraintNames(t: string, c: Constraint): Names {
  const fk = c.contype === 'CONSTR_FOREIGN'
  const column = fk ? (c.fk_attrs ?? []).map((a) => ('String' in a ? a.String.sval : undefined)).filter(Boolean)[0] : notNullColumn(c)
  return {
    table: t,
    constraint: c.conname ? c.conname : undefined,
    column,
    value: fk ? c.pktable?.relname : undefined,
    ...(fk ? {} : { check: simpleSql(c.raw_expr) }),
  }
}

export default defineDanger({
  id: 'constraint-not-valid-missing',
  title: 'ADD FOREIGN KEY / CHECK without NOT VALID',
  lock: 'ACCESS EXCLUSIVE on the table (SHARE ROW EXCLUSIVE on both tables for a foreign key) while every row is checked',
  why: 'validating existing rows scans the table while holding a lock that blocks writes',
  fix:
    'ALTER TABLE t ADD CONSTRAINT c ... NOT VALID; ' +
    'then, in a separate migration/transaction, ALTER TABLE t VALIDATE CONSTRAINT c (takes only SHARE UPDATE EXCLUSIVE)',
  detection:
    'ADD CONSTRAINT ... FOREIGN KEY / CHECK without NOT VALID on an existing table (add_foreign_key / ' +
    'add_check_constraint without validate: false; foreign_key: true; op.create_foreign_key; AddConstraint), ' +
    'or its VALIDATE CONSTRAINT in the same transaction as the ADD ... NOT VALID (also across op.execute / RunSQL calls)',
  level: 'fail',
  lockDanger: true,
  scalesWithTable: true,
  dialects: PG_ONLY,
  recipe: (r) => {
    if (!r.table) return undefined
    if (r.framework === 'rails') {
      return r.value
        ? `add_foreign_key :${r.table}, :${r.value}, validate: false; ` +
            `then in a second migration: validate_foreign_key :${r.table}, :${r.value}`
        : `add_check_constraint :${r.table}, "<condition>", name: "${r.constraint ?? `${r.table}_check`}", ` +
            `validate: false; then in a second migration: validate_check_constraint :${r.table}, name: ` +
            `"${r.constraint ?? `${r.table}_check`}"`
    }
    const fk = r.value !== undefined || r.refModel !== undefined
    const column = r.column ?? r.columns?.[0]
    const c = r.constraint ?? `${r.table}_${column ?? 'new'}_${fk ? 'fkey' : 'check'}`
    if (r.framework === 'alembic') {
      const q = (xs: string[] | undefined, fallback: string): string => `[${(xs ?? [fallback]).map((x) => JSON.stringify(x)).join(', ')}]`
      const add = fk
        ? `op.create_foreign_key(${JSON.stringify(c)}, ${JSON.stringify(r.table)}, ${JSON.stringify(r.value ?? '<referenced table>')}, ` +
          `${q(r.columns, '<column>')}, ${q(r.refColumns, 'id')}, postgresql_not_valid=True)`
        : `op.create_check_constraint(${JSON.stringify(c)}, ${JSON.stringify(r.table)}, ${JSON.stringify(r.check ?? '<condition>')}, ` +
          `postgresql_not_valid=True)`
      return `${add}\n# then, in a separate revision:\nop.execute("ALTER TABLE ${ident(r.table)} VALIDATE CONSTRAINT ${ident(c)}")`
    }
    const what = fk
      ? `FOREIGN KEY (${ident(column ?? '<column>')}) REFERENCES ${r.value ? ident(r.value) : '<referenced table>'}`
      : `CHECK (${r.check ?? '<condition>'})`
    if (r.framework === 'django' && fk && r.model && r.field)
      // Django builds a ForeignKey's constraint (DEFERRABLE INITIALLY DEFERRED) and its index under the AddField's lock
      return (
        `migrations.AddField("${r.model}", "${r.field}", models.ForeignKey(..., db_constraint=False, db_index=False)); ` +
        `in a migration with atomic = False: AddIndexConcurrently("${r.model}", models.Index(fields=["${r.field}"], ` +
        `name="${r.table}_${r.column ?? r.field}_idx")) (django.contrib.postgres.operations); and migrations.RunSQL:\n` +
        `ALTER TABLE ${ident(r.table)} ADD CONSTRAINT ${ident(c)} ${what} DEFERRABLE INITIALLY DEFERRED NOT VALID;\n` +
        `-- then, in a separate migration (migrations.RunSQL):\nALTER TABLE ${ident(r.table)} VALIDATE CONSTRAINT ${ident(c)};`
      )
    return (
      `ALTER TABLE ${ident(r.table)} ADD CONSTRAINT ${ident(c)} ${what} NOT VALID;\n` +
      `-- then, in a separate migration:\nALTER TABLE ${ident(r.table)} VALIDATE CONSTRAINT ${ident(c)};`
    )
  },
  sql: {
    alter: {
      AT_AddConstraint: (cmd, t, isNew, _s, emit) => {
        const c = constraintOf(cmd)
        if (!c || isNew || c.skip_validation) return
        if (c.contype !== 'CONSTR_FOREIGN' && c.contype !== 'CONSTR_CHECK') return
        const names = constraintNames(t, c)
        const kind = c.contype === 'CONSTR_FOREIGN' ? 'FOREIGN KEY' : 'CHECK'
        emit({
          id: 'constraint-not-valid-missing',
          detail: `ADD CONSTRAINT ${names.constraint ?? '(unnamed)'} ${kind} on ${t} without NOT VALID`,
          table: t,
          names,
        })
      },
      // squawk's constraint-missing-not-valid does the same: NOT VALID then VALIDATE in one transaction is no NOT VALID
      AT_ValidateConstraint: (cmd, t, _isNew, s, emit) => {
        const added = s.addedNotValid(String(cmd.name))
        if (!added) return
        emit({
          id: 'constraint-not-valid-missing',
          detail:
            `VALIDATE CONSTRAINT ${String(cmd.name)} on ${t} in the same transaction as its ADD ... NOT VALID: the ADD's lock is ` +
            'held until COMMIT, so the scan runs under it as if NOT VALID were not there',
          table: t,
          names: added.names,
        })
      },
    },
  },
})
