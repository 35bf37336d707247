import { constraintOf, ident } from '../sql-ast.js'
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
    const c = r.constraint ?? `${r.table}_${r.column ?? 'new'}_${r.value ? 'fkey' : 'check'}`
    const what = r.value ? `FOREIGN KEY (${ident(r.column ?? '<column>')}) REFERENCES ${ident(r.value)}` : 'CHECK (<condition>)'
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
          names: { table: t, constraint: name, column, value: ref },
        })
      },
    },
  },
})
