import type { PartitionCmd } from 'libpg-query'
import { ident, relName } from '../sql-ast.js'
import { PG_ONLY, defineDanger } from './types.js'

export default defineDanger({
  id: 'detach-partition-non-concurrent',
  title: 'DETACH PARTITION without CONCURRENTLY',
  lock: 'ACCESS EXCLUSIVE on the parent table',
  why: 'every query on the partitioned table waits for the detach',
  fix: 'ALTER TABLE parent DETACH PARTITION p CONCURRENTLY (PostgreSQL 14+, outside a transaction)',
  detection: 'ALTER TABLE ... DETACH PARTITION without CONCURRENTLY',
  level: 'fail',
  lockDanger: true,
  dialects: PG_ONLY,
  recipe: (r) =>
    r.table && r.value
      ? `ALTER TABLE ${ident(r.table)} DETACH PARTITION ${ident(r.value)} CONCURRENTLY; -- PostgreSQL 14+, outside a transaction`
      : undefined,
  sql: {
    alter: {
      AT_DetachPartition: (cmd, t, isNew, _s, emit) => {
        const pc: PartitionCmd = (cmd.def && 'PartitionCmd' in cmd.def ? cmd.def.PartitionCmd : undefined) ?? {}
        if (pc.concurrent || isNew) return
        const p = relName(pc.name)
        emit({
          id: 'detach-partition-non-concurrent',
          detail: `DETACH PARTITION ${p ?? ''} from ${t} without CONCURRENTLY`,
          table: t,
          names: { table: t, value: p },
        })
      },
    },
  },
})
