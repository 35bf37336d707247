import { ident, indexColumns, relName } from '../sql-ast.js'
import { PG_ONLY, defineDanger, type RecipeInput } from './types.js'

/** The index name the framework would pick, when the migration does not name one. */
export function indexName(r: RecipeInput): string | undefined {
  if (r.index) return r.index
  if (!r.table || !r.columns?.length) return undefined
  return r.framework === 'rails' ? `index_${r.table}_on_${r.columns.join('_and_')}` : `${r.table}_${r.columns.join('_')}_idx`
}

export default defineDanger({
  id: 'create-index-non-concurrent',
  title: 'CREATE INDEX without CONCURRENTLY',
  lock: 'SHARE (blocks INSERT/UPDATE/DELETE for the whole build)',
  why: 'writes to the table stop until the index is built, which takes minutes on a large table',
  fix: 'CREATE INDEX CONCURRENTLY ... (outside a transaction: Rails disable_ddl_transaction!, Django atomic = False)',
  detection:
    'CREATE INDEX (add_index, t.index, add_reference, AddIndex, ' +
    'op.create_index) on a table that existed before this change, without CONCURRENTLY',
  level: 'fail',
  lockDanger: true,
  scalesWithTable: true,
  dialects: PG_ONLY,
  recipe: (r) => {
    const name = indexName(r)
    if (!r.table || !r.columns?.length || !name) return undefined
    const cols = r.columns
    switch (r.framework) {
      case 'rails': {
        const list = cols.length === 1 ? `:${cols[0]}` : `[${cols.map((c) => `:${c}`).join(', ')}]`
        return (
          `disable_ddl_transaction! (in the class body), then: add_index :${r.table}, ${list}, algorithm: ` +
          `:concurrently${r.index ? `, name: "${r.index}"` : ''}`
        )
      }
      case 'django':
        return (
          `atomic = False on the Migration, and AddIndexConcurrently (django.contrib.postgres.operations) ` +
          `instead of AddIndex for ${name}`
        )
      case 'alembic':
        return (
          `with op.get_context().autocommit_block():\n    op.create_index("${name}", "${r.table}", ` +
          `[${cols.map((c) => `"${c}"`).join(', ')}], postgresql_concurrently=True)`
        )
      default:
        return (
          `CREATE INDEX CONCURRENTLY ${ident(name)} ON ${ident(r.table)} (${cols.map(ident).join(', ')}); ` +
          `-- in a migration of its own, outside a transaction`
        )
    }
  },
  sql: {
    stmt: {
      IndexStmt: (n, s, emit) => {
        const t = relName(n.relation)
        if (n.concurrent || s.isNew(t)) return
        const index = n.idxname ? n.idxname : undefined
        emit({
          id: 'create-index-non-concurrent',
          detail: `CREATE INDEX${index ? ` ${index}` : ''} on ${t} without CONCURRENTLY`,
          table: t,
          names: { table: t, index, columns: indexColumns(n.indexParams) },
        })
      },
    },
  },
})
