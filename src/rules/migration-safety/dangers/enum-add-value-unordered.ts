import { str } from '../sql-ast.js'
import { PG_ONLY, defineDanger } from './types.js'

export default defineDanger({
  id: 'enum-add-value-unordered',
  title: 'ALTER TYPE ... ADD VALUE without a position',
  lock: 'ACCESS EXCLUSIVE',
  why:
    'the value is appended last (enum order drives ORDER BY and comparisons), ' +
    'and before PostgreSQL 12 ADD VALUE cannot run in a transaction block; ' +
    'the new value cannot be used in the same transaction',
  fix:
    "ALTER TYPE t ADD VALUE IF NOT EXISTS 'v' BEFORE 'x' (or AFTER), in its own migration; " +
    'or a lookup table / text + CHECK instead of an enum',
  detection: 'ALTER TYPE ... ADD VALUE without BEFORE/AFTER',
  level: 'warn',
  dialects: PG_ONLY,
  recipe: (r) =>
    r.type && r.value
      ? `ALTER TYPE ${r.type} ADD VALUE IF NOT EXISTS '${r.value}' AFTER '<existing value>'; -- in a migration of its own`
      : undefined,
  sql: {
    stmt: {
      AlterEnumStmt: (n, s, emit) => {
        if (n.newVal === undefined || n.oldVal !== undefined || n.newValNeighbor) return
        const names = (n.typeName ?? []).map(str).filter(Boolean)
        const fails = s.pgVersion < 12 && s.inTx() ? ' (and inside a transaction on PostgreSQL < 12: it fails)' : ''
        emit({
          id: 'enum-add-value-unordered',
          detail: `ALTER TYPE ... ADD VALUE '${n.newVal}' without BEFORE/AFTER${fails}`,
          names: { type: names.join('.'), value: n.newVal },
        })
      },
    },
  },
})
