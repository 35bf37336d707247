import { ident } from '../sql-ast.js'
import { dropNames } from './concurrently-in-transaction.js'
import { PG_ONLY, defineDanger } from './types.js'

export default defineDanger({
  id: 'drop-index-non-concurrent',
  title: 'DROP INDEX without CONCURRENTLY',
  lock: 'ACCESS EXCLUSIVE',
  why: 'every read and write of the table queues behind the drop, and behind any long query holding the table',
  fix: 'DROP INDEX CONCURRENTLY IF EXISTS ... (outside a transaction)',
  detection: 'DROP INDEX (remove_index, RemoveIndex, op.drop_index) of an index not created in this change, without CONCURRENTLY',
  level: 'fail',
  lockDanger: true,
  scalesWithTable: true,
  dialects: PG_ONLY,
  recipe: (r) => {
    switch (r.framework) {
      case 'rails': {
        if (!r.table) return undefined
        const cols = r.columns?.length
          ? `column: ${r.columns.length === 1 ? `:${r.columns[0]}` : `[${r.columns.map((c) => `:${c}`).join(', ')}]`}, `
          : ''
        const which = cols || (r.index ? `name: "${r.index}", ` : '')
        return `disable_ddl_transaction! (in the class body), then: remove_index :${r.table}, ${which}algorithm: :concurrently`
      }
      case 'django':
        return 'atomic = False on the Migration, and RemoveIndexConcurrently (django.contrib.postgres.operations) instead of RemoveIndex'
      case 'alembic':
        return r.index
          ? `with op.get_context().autocommit_block():\n    ` +
              `op.drop_index("${r.index}"${r.table ? `, table_name="${r.table}"` : ''}, ` +
              `postgresql_concurrently=True)`
          : undefined
      default:
        return r.index
          ? `DROP INDEX CONCURRENTLY IF EXISTS ${ident(r.index)}; -- in a migration of its own, outside a transaction`
          : undefined
    }
  },
  sql: {
    stmt: {
      DropStmt: (n, s, emit) => {
        if (n.removeType !== 'OBJECT_INDEX' || n.concurrent) return
        const existing = dropNames(n).filter((x) => !s.isNewIndex(x))
        if (existing.length)
          emit({
            id: 'drop-index-non-concurrent',
            detail: `DROP INDEX ${existing.join(', ')} without CONCURRENTLY`,
            names: { index: existing[0] },
          })
      },
    },
  },
})
