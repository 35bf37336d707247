import { relName } from '../sql-ast.js'
import { PG_FAMILY, defineDanger } from './types.js'

export default defineDanger({
  id: 'truncate-cascade',
  title: 'TRUNCATE ... CASCADE',
  lock: 'ACCESS EXCLUSIVE on every referencing table',
  why: 'silently empties every table that references this one through a foreign key',
  fix: 'TRUNCATE only the tables you name (RESTRICT, the default), or DELETE in batches',
  detection: 'TRUNCATE ... CASCADE',
  level: 'fail',
  dialects: PG_FAMILY,
  recipe: (r) => (r.table ? `TRUNCATE ${r.table}; -- RESTRICT: fails instead of emptying the tables that reference ${r.table}` : undefined),
  sql: {
    stmt: {
      TruncateStmt: (n, _s, emit) => {
        if (n.behavior !== 'DROP_CASCADE') return
        const first = n.relations?.[0]
        const t = relName(first && 'RangeVar' in first ? first.RangeVar : undefined)
        emit({ id: 'truncate-cascade', detail: 'TRUNCATE ... CASCADE', names: { table: t } })
      },
    },
  },
})
