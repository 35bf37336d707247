import { constraintOf, ident, simpleSql } from '../sql-ast.js'
import { PG_ONLY, defineDanger } from './types.js'

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
    'add_check_constraint without validate: false; foreign_key: true; op.create_foreign_key; AddConstraint)',
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
        const name = c.conname ? c.conname : undefined
        const fk = c.contype === 'CONSTR_FOREIGN'
        const column = fk ? (c.fk_attrs ?? []).map((a) => ('String' in a ? a.String.sval : undefined)).filter(Boolean)[0] : undefined
        const ref = fk ? c.pktable?.relname : undefined
        emit({
          id: 'constraint-not-valid-missing',
          detail: `ADD CONSTRAINT ${name ?? '(unnamed)'} ${fk ? 'FOREIGN KEY' : 'CHECK'} on ${t} without NOT VALID`,
          table: t,
          names: { table: t, constraint: name, column, value: ref, ...(fk ? {} : { check: simpleSql(c.raw_expr) }) },
        })
      },
    },
  },
})
