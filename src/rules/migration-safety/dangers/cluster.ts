import { relName } from '../sql-ast.js'
import { PG_ONLY, defineDanger } from './types.js'

export default defineDanger({
  id: 'cluster',
  title: 'CLUSTER',
  lock: 'ACCESS EXCLUSIVE',
  why: 'rewrites the whole table while nothing can read or write it',
  fix: 'pg_repack --order-by for an online reorder, outside migrations',
  detection: 'CLUSTER',
  level: 'fail',
  lockDanger: true,
  scalesWithTable: true,
  dialects: PG_ONLY,
  recipe: (r) =>
    r.table ? `remove CLUSTER ${r.table} from the migration; pg_repack --table ${r.table} --order-by <columns>, by hand` : undefined,
  sql: {
    stmt: {
      ClusterStmt: (n, _s, emit) => {
        const t = relName(n.relation)
        emit({ id: 'cluster', detail: `CLUSTER ${t ?? ''}`.trim(), table: t, names: { table: t } })
      },
    },
  },
})
