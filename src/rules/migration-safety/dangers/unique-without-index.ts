import { columnDefOf, constraintOf, constraintsOf, ident, keyNames } from '../sql-ast.js'
import { PG_ONLY, defineDanger } from './types.js'

export default defineDanger({
  id: 'unique-without-index',
  title: 'ADD UNIQUE / PRIMARY KEY building its index under the lock',
  lock: 'ACCESS EXCLUSIVE',
  why: 'the unique index is built while reads and writes are blocked',
  fix:
    'CREATE UNIQUE INDEX CONCURRENTLY t_c_key ON t (c); ' +
    'ALTER TABLE t ADD CONSTRAINT t_c_key UNIQUE USING INDEX t_c_key (or PRIMARY KEY USING INDEX)',
  detection: 'ADD UNIQUE / PRIMARY KEY (constraint or column) on an existing table without USING INDEX',
  level: 'fail',
  lockDanger: true,
  scalesWithTable: true,
  dialects: PG_ONLY,
  recipe: (r) => {
    if (!r.table || !r.columns?.length) return undefined
    const name = r.constraint ?? `${r.table}_${r.columns.join('_')}_key`
    const kind = r.value === 'PRIMARY KEY' ? 'PRIMARY KEY' : 'UNIQUE'
    return (
      `CREATE UNIQUE INDEX CONCURRENTLY ${ident(name)} ON ${ident(r.table)} ` +
      `(${r.columns.map(ident).join(', ')}); -- outside a transaction\n` +
      `ALTER TABLE ${ident(r.table)} ADD CONSTRAINT ${ident(name)} ${kind} USING INDEX ${ident(name)};`
    )
  },
  sql: {
    alter: {
      AT_AddColumn: (cmd, t, isNew, _s, emit) => {
        const col = columnDefOf(cmd)
        if (!col || isNew) return
        const colname = String(col.colname)
        const c = constraintsOf(col).find((x) => (x.contype === 'CONSTR_UNIQUE' || x.contype === 'CONSTR_PRIMARY') && !x.indexname)
        if (c)
          emit({
            id: 'unique-without-index',
            detail: `ADD COLUMN ${t}.${colname} UNIQUE/PRIMARY KEY builds an index under the lock`,
            table: t,
            names: { table: t, columns: [colname], value: c.contype === 'CONSTR_PRIMARY' ? 'PRIMARY KEY' : 'UNIQUE' },
          })
      },
      AT_AddConstraint: (cmd, t, isNew, _s, emit) => {
        const c = constraintOf(cmd)
        if (!c || isNew || c.indexname || (c.contype !== 'CONSTR_UNIQUE' && c.contype !== 'CONSTR_PRIMARY')) return
        const name = c.conname ? c.conname : undefined
        const kind = c.contype === 'CONSTR_UNIQUE' ? 'UNIQUE' : 'PRIMARY KEY'
        emit({
          id: 'unique-without-index',
          detail: `ADD ${kind} ${name ?? '(unnamed)'} on ${t} builds its index under the lock`,
          table: t,
          names: { table: t, constraint: name, columns: keyNames(c.keys), value: kind },
        })
      },
    },
  },
})
