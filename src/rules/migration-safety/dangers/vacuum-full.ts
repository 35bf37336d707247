import { relName } from '../sql-ast.js'
import { PG_ONLY, defineDanger } from './types.js'

export default defineDanger({
  id: 'vacuum-full',
  title: 'VACUUM FULL',
  lock: 'ACCESS EXCLUSIVE',
  why: 'rewrites the whole table while nothing can read or write it',
  fix: 'plain VACUUM (no lock on reads/writes), or pg_repack / pg_squeeze for an online rewrite',
  detection: 'VACUUM (FULL) / VACUUM FULL',
  level: 'fail',
  lockDanger: true,
  scalesWithTable: true,
  dialects: PG_ONLY,
  recipe: (r) => (r.table ? `VACUUM ${r.table}; -- or pg_repack --table ${r.table} for an online rewrite` : undefined),
  sql: {
    stmt: {
      VacuumStmt: (n, _s, emit) => {
        const full = (n.options ?? []).some((p) => 'DefElem' in p && p.DefElem.defname === 'full')
        if (!full || n.is_vacuumcmd === false) return
        const rels = (n.rels ?? []).map((r) => relName('VacuumRelation' in r ? r.VacuumRelation.relation : undefined))
        const table = rels.length === 1 ? rels[0] : undefined
        emit({ id: 'vacuum-full', detail: `VACUUM FULL ${rels.join(', ')}`.trim(), table, names: { table } })
      },
    },
  },
})
