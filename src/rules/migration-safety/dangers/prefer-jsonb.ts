import { typeNameOf } from '../sql-ast.js'
import { PG_ONLY, defineDanger } from './types.js'

export default defineDanger({
  id: 'prefer-jsonb',
  title: 'json column',
  lock: 'none',
  why: 'json keeps the raw text: no equality operator, no GIN indexing, reparsed on every access',
  fix: 'use jsonb',
  detection:
    'a column of type json (CREATE TABLE, ADD COLUMN, ALTER COLUMN TYPE; ' +
    ":json in Rails, JSON in Alembic); CockroachDB's JSON is JSONB, so not there",
  level: 'warn',
  dialects: PG_ONLY,
  recipe: (r) => (r.table && r.column ? (r.framework === 'rails' ? `t.jsonb :${r.column}` : `${r.column} jsonb`) : undefined),
  sql: {
    column: (col, c, _s, emit) => {
      if (typeNameOf(col.typeName).name === 'json')
        emit({
          id: 'prefer-jsonb',
          detail: `column ${col.colname ?? ''} is json`,
          names: { table: c.table, column: col.colname ?? '' },
        })
    },
  },
})
