import { ident, relName } from '../sql-ast.js'
import { PG_ONLY, defineDanger } from './types.js'

export default defineDanger({
  id: 'reindex-non-concurrent',
  title: 'REINDEX without CONCURRENTLY',
  lock: 'ACCESS EXCLUSIVE on the index, SHARE on the table',
  why: 'writes are blocked (and reads using the index) for the whole rebuild',
  fix: 'REINDEX INDEX CONCURRENTLY ... (PostgreSQL 12+, outside a transaction)',
  detection: 'REINDEX without CONCURRENTLY',
  level: 'fail',
  lockDanger: true,
  scalesWithTable: true,
  dialects: PG_ONLY,
  recipe: (r) => {
    const name = r.index ?? r.table
    if (!(r.index || r.table) || name === undefined) return undefined
    return `REINDEX ${r.index ? 'INDEX' : 'TABLE'} CONCURRENTLY ${ident(name)}; -- PostgreSQL 12+, outside a transaction`
  },
  sql: {
    stmt: {
      ReindexStmt: (n, _s, emit) => {
        const concurrent = (n.params ?? []).some((p) => 'DefElem' in p && p.DefElem.defname === 'concurrently')
        if (concurrent) return
        const t = relName(n.relation)
        const isIndex = n.kind === 'REINDEX_OBJECT_INDEX'
        emit({
          id: 'reindex-non-concurrent',
          detail: `REINDEX ${t ?? ''} without CONCURRENTLY`.replace('  ', ' '),
          table: isIndex ? undefined : t,
          names: isIndex ? { index: t } : { table: t },
        })
      },
    },
  },
})
