import { constraintsOf, typeNameOf } from '../sql-ast.js'
import { PG_ONLY, defineDanger } from './types.js'

const INT_KEY_TYPES = new Set(['int4', 'int2', 'serial', 'serial4', 'smallserial', 'serial2', 'int', 'integer', 'smallint'])

export default defineDanger({
  id: 'prefer-bigint-key',
  title: 'int / serial key',
  lock: 'none',
  why: 'a 32-bit key runs out at 2.1 billion rows, and widening it later rewrites the table',
  fix: 'id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY (and bigint for the foreign keys pointing at it)',
  detection: "a primary key or serial column of a 32/16-bit integer type (CockroachDB's INT is 64-bit, so not there)",
  level: 'warn',
  dialects: PG_ONLY,
  recipe: (r) => (r.column ? `${r.column} bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY` : undefined),
  sql: {
    column: (col, c, _s, emit) => {
      const name = typeNameOf(col.typeName).name
      if (!INT_KEY_TYPES.has(name)) return
      const pk = c.isPk || constraintsOf(col).some((x) => x.contype === 'CONSTR_PRIMARY')
      if (pk || name.includes('serial'))
        emit({
          id: 'prefer-bigint-key',
          detail: `${pk ? 'key' : 'column'} ${col.colname ?? ''} is ${name}`,
          names: { table: c.table, column: col.colname ?? '' },
        })
    },
  },
})
