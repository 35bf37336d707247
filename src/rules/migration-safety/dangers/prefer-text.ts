import { typeNameOf } from '../sql-ast.js'
import { PG_FAMILY, defineDanger } from './types.js'

export default defineDanger({
  id: 'prefer-text',
  title: 'char(n)',
  lock: 'none',
  why: 'char(n) pads with spaces and is no faster than text; padding surprises comparisons',
  fix: 'use text (with a CHECK (length(c) <= n) when a limit is needed) or varchar(n)',
  detection: 'a column of type char(n) / character(n)',
  level: 'warn',
  dialects: PG_FAMILY,
  recipe: (r) => (r.column ? `${r.column} text` : undefined),
  sql: {
    column: (col, c, _s, emit) => {
      if (typeNameOf(col.typeName).name === 'bpchar')
        emit({
          id: 'prefer-text',
          detail: `column ${col.colname ?? ''} is char(n)`,
          names: { table: c.table, column: col.colname ?? '' },
        })
    },
  },
})
