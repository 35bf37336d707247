import { typeNameOf } from '../sql-ast.js'
import { PG_FAMILY, defineDanger } from './types.js'

export default defineDanger({
  id: 'prefer-timestamptz',
  title: 'timestamp without time zone',
  lock: 'none',
  why: 'values are stored without an offset: their meaning depends on each client session time zone',
  fix: 'use timestamptz (timestamp with time zone)',
  detection: 'a column of type timestamp without time zone',
  level: 'warn',
  dialects: PG_FAMILY,
  recipe: (r) => (r.column ? `${r.column} timestamptz` : undefined),
  sql: {
    column: (col, c, _s, emit) => {
      if (typeNameOf(col.typeName).name === 'timestamp')
        emit({
          id: 'prefer-timestamptz',
          detail: `column ${col.colname ?? ''} is timestamp without time zone`,
          names: { table: c.table, column: col.colname ?? '' },
        })
    },
  },
})
