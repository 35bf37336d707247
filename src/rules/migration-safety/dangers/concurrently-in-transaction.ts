import type { DropStmt, PartitionCmd } from 'libpg-query'
import { relName, str } from '../sql-ast.js'
import { PG_ONLY, defineDanger } from './types.js'

function dropNames(n: DropStmt): string[] {
  return (n.objects ?? []).map((o) => {
    const items = ('List' in o ? o.List.items : undefined) ?? []
    return (str(items.at(-1)) ?? '').toLowerCase()
  })
}

export default defineDanger({
  id: 'concurrently-in-transaction',
  title: 'CONCURRENTLY inside a transaction',
  lock: 'none (the statement errors)',
  why:
    'CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY and DETACH PARTITION CONCURRENTLY cannot run ' +
    'inside a transaction block: the migration fails',
  fix:
    'run it outside the transaction: no BEGIN/COMMIT around it; Rails disable_ddl_transaction!; ' +
    'Django atomic = False; golang-migrate/dbmate: a migration of its own (dbmate: ' +
    '-- migrate:up transaction:false)',
  detection:
    'a CONCURRENTLY statement inside BEGIN/COMMIT, ' +
    'in a file the tool wraps in a transaction (assume_in_transaction, dbmate), ' +
    'or in a Rails/Django/Alembic migration that keeps its transaction',
  level: 'fail',
  dialects: PG_ONLY,
  recipe: (r) => {
    switch (r.framework) {
      case 'rails':
        return (
          'add disable_ddl_transaction! to the migration class (and keep the algorithm: ' +
          ':concurrently operations in a migration of their own)'
        )
      case 'django':
        return 'set atomic = False on this Migration class (and keep the concurrent operation in a migration of its own)'
      case 'alembic':
        return 'wrap the operation in: with op.get_context().autocommit_block():'
      default:
        return r.table || r.index
          ? `move the statement on ${r.index ?? r.table} to a migration of its own, ` +
              `with no BEGIN/COMMIT around it (dbmate: -- migrate:up transaction:false)`
          : undefined
    }
  },
  sql: {
    stmt: {
      IndexStmt: (n, s, emit) => {
        const t = relName(n.relation)
        if (n.concurrent && !s.isNew(t) && s.inTx())
          emit({
            id: 'concurrently-in-transaction',
            detail: `CREATE INDEX CONCURRENTLY on ${t} inside a transaction`,
            names: { table: t, index: n.idxname ? n.idxname : undefined },
          })
      },
      DropStmt: (n, s, emit) => {
        if (n.removeType !== 'OBJECT_INDEX' || !n.concurrent || !s.inTx()) return
        const existing = dropNames(n).filter((x) => !s.isNewIndex(x))
        if (existing.length)
          emit({
            id: 'concurrently-in-transaction',
            detail: `DROP INDEX CONCURRENTLY ${existing.join(', ')} inside a transaction`,
            names: { index: existing[0] },
          })
      },
      ReindexStmt: (n, s, emit) => {
        const concurrent = (n.params ?? []).some((p) => 'DefElem' in p && p.DefElem.defname === 'concurrently')
        const t = relName(n.relation)
        if (concurrent && s.inTx())
          emit({
            id: 'concurrently-in-transaction',
            detail: `REINDEX CONCURRENTLY ${t ?? ''} inside a transaction`.replace('  ', ' '),
            names: { table: t },
          })
      },
    },
    alter: {
      AT_DetachPartition: (cmd, t, _isNew, s, emit) => {
        const pc: PartitionCmd = (cmd.def && 'PartitionCmd' in cmd.def ? cmd.def.PartitionCmd : undefined) ?? {}
        if (pc.concurrent && s.inTx())
          emit({
            id: 'concurrently-in-transaction',
            detail: `DETACH PARTITION CONCURRENTLY on ${t} inside a transaction`,
            names: { table: t },
          })
      },
    },
  },
})

export { dropNames }
