import type { A_Expr, Node as PgNode, SubLink, UpdateStmt } from 'libpg-query'
import { ident, relName, simpleSql, str } from '../sql-ast.js'
import { PG_FAMILY, defineDanger, type RecipeInput } from './types.js'

/**
 * Whether an UPDATE's or DELETE's WHERE bounds it: absent, or made only of tests a property many rows share
 * joined by AND/OR/NOT, it reaches every row that has the property, not a key range. Such tests are IS [NOT]
 * NULL / IS TRUE (the usual `WHERE c IS NULL` backfill), boolean function calls on the row (`jsonb_path_exists(
 * attrs, '$.x')`), [NOT] EXISTS subqueries and `x IN (SELECT …)` without a LIMIT (semi- and anti-joins:
 * `NOT EXISTS (SELECT 1 FROM blob b WHERE b.digest = afb.digest)`), and a category column compared with
 * constants (`vendor_type = 'IMAGE_SCAN'`, `status IN ('a', 'b')`). Any other comparison, BETWEEN, or an
 * IN-subquery with a LIMIT narrows it (a key range, a batch, one setting: `WHERE key = 'mode'`).
 */
export function unbounded(where: PgNode | undefined): boolean {
  if (where === undefined) return true
  if ('NullTest' in where || 'BooleanTest' in where) return true
  if ('SubLink' in where) return where.SubLink.subLinkType === 'EXISTS_SUBLINK' || semiJoin(where.SubLink)
  if ('A_Expr' in where) return categoryTest(where.A_Expr)
  if ('FuncCall' in where) return !(where.FuncCall.args ?? []).some((a) => JSON.stringify(a).includes('"SubLink"'))
  if ('BoolExpr' in where) return (where.BoolExpr.args ?? []).every((a) => unbounded(a))
  return false
}

/**
 * `x IN (SELECT id FROM other)` over all of `other` (no WHERE, or one made of the tests above) and with no LIMIT:
 * a semi-join, every row that has a match, like EXISTS. A subquery narrowed by a comparison picks a few keys
 * (`IN (SELECT id FROM policy WHERE resource IN ('a', 'b'))`, as `IN (1, 2)`), and one with a LIMIT a batch.
 */
function semiJoin(l: SubLink): boolean {
  const sub = l.subselect && 'SelectStmt' in l.subselect ? l.subselect.SelectStmt : undefined
  return (
    l.subLinkType === 'ANY_SUBLINK' &&
    sub !== undefined &&
    sub.limitCount === undefined &&
    sub.limitOffset === undefined &&
    unbounded(sub.whereClause)
  )
}

/** A column that holds a category many rows share (`kind`, `status`, `vendor_type`, …), not a key. */
const CATEGORY_COLUMN = /^(?:type|kind|status|state|category|[a-z0-9_]+_(?:type|kind|status|state|category))$/

/** `vendor_type = 'IMAGE_SCAN'`, `status IN ('a', 'b')`: a category of rows, not a key range or one setting. */
function categoryTest(e: A_Expr): boolean {
  if (e.kind !== 'AEXPR_OP' && e.kind !== 'AEXPR_IN') return false
  const op = e.name?.map((n) => str(n)).join('')
  if (op !== '=' && op !== '<>' && op !== '!=') return false
  const col = e.lexpr && 'ColumnRef' in e.lexpr ? str(e.lexpr.ColumnRef.fields?.at(-1))?.toLowerCase() : undefined
  return col !== undefined && CATEGORY_COLUMN.test(col) && (isConstant(e.rexpr) || (e.rexpr !== undefined && 'List' in e.rexpr))
}

/** A literal, optionally cast (`'{}'::jsonb`, `0`, `false`, `'x'`): the same value for every row. */
function isConstant(v: PgNode | undefined): boolean {
  if (!v) return false
  if ('A_Const' in v) return true
  return 'TypeCast' in v && isConstant(v.TypeCast.arg)
}

/**
 * The catch-up shape of a backfill: `UPDATE t SET c = <constant> WHERE c IS NULL`, one column, no other
 * predicate, no FROM or WITH. It only fills the rows an earlier backfill left NULL in the very column a NOT
 * NULL is about to be set on. Returns the table and column, else undefined.
 */
export function catchUpOf(n: UpdateStmt): { table: string; column: string } | undefined {
  const table = relName(n.relation)
  const targets = n.targetList ?? []
  if (!table || targets.length !== 1 || n.fromClause !== undefined || n.withClause !== undefined) return undefined
  const target = 'ResTarget' in targets[0] ? targets[0].ResTarget : undefined
  const column = target?.name?.toLowerCase()
  if (!target || !column || target.indirection !== undefined || !isConstant(target.val)) return undefined
  const where = n.whereClause
  const test = where && 'NullTest' in where ? where.NullTest : undefined
  if (!test || test.nulltesttype !== 'IS_NULL') return undefined
  const arg = test.arg
  const fields = arg && 'ColumnRef' in arg ? arg.ColumnRef.fields : undefined
  const last = fields ? str(fields.at(-1)) : undefined
  return last?.toLowerCase() === column ? { table, column } : undefined
}

/** The rows an unbounded UPDATE reaches, in words. */
function rowsOf(where: PgNode | undefined): string {
  if (!where) return 'every row'
  const tree = JSON.stringify(where)
  return tree.includes('"FuncCall"') || tree.includes('"SubLink"')
    ? 'every row the WHERE test matches'
    : 'every row the IS NULL test matches'
}

/** The assignments and WHERE of an UPDATE or DELETE as the recipe repeats them (undefined: not simple enough). */
function repeated(n: { targetList?: PgNode[]; whereClause?: PgNode }): { set?: Array<{ column: string; value: string }>; where?: string } {
  const set = (n.targetList ?? []).map((x) => {
    const t = 'ResTarget' in x ? x.ResTarget : undefined
    const value = t?.indirection === undefined ? simpleSql(t?.val) : undefined
    return t?.name && value ? { column: t.name, value } : undefined
  })
  const where = n.whereClause ? simpleSql(n.whereClause) : ''
  return {
    ...(set.length && set.every((x) => x !== undefined) ? { set: set as Array<{ column: string; value: string }> } : {}),
    ...(where !== undefined ? { where } : {}),
  }
}

/** `SET a = 1, b = x` and the rows not done yet (`WHERE` as written, else any row whose value differs) for a batch. */
function batchParts(r: RecipeInput): { set: string; notDone: string } {
  const set = r.set?.length
    ? r.set.map((x) => `${ident(x.column)} = ${x.value}`).join(', ')
    : r.column
      ? `${ident(r.column)} = <value>`
      : '<column> = <value>'
  const differs = r.set?.map((x) => `${ident(x.column)} IS DISTINCT FROM ${x.value}`).join(' OR ')
  return { set, notDone: r.where || differs || '<not yet done>' }
}

export default defineDanger({
  id: 'backfill-in-transaction',
  title: "Backfill or bulk delete in the schema change's transaction",
  lock:
    'ROW EXCLUSIVE on the table plus a row lock on every row, ' +
    "held together with the schema change's ACCESS EXCLUSIVE until the transaction commits",
  why:
    'updating (or deleting) every row in the transaction that also alters the schema keeps the table locked (and ' +
    'every row it touched) for the whole backfill, and one huge transaction bloats the table and the WAL',
  fix:
    "move the backfill to a migration of its own, outside the schema change's transaction, " +
    'and update in batches (strong_migrations: "Backfilling data")',
  detection:
    'an UPDATE or DELETE with no WHERE (or only IS NULL tests, boolean functions of the row, [NOT] EXISTS, IN a subquery ' +
    'of all rows with no LIMIT, a category column such as status or vendor_type compared with constants) over a table ' +
    'that existed before, ' +
    'in a transactional migration that also changes the schema (SQL files: after a schema change, or before one of the same ' +
    'table; op.execute, RunSQL, execute); ' +
    'Rails update_all and model batch loops in change/up, and a batched one (in_batches, find_in_batches, find_each) even ' +
    'without a schema change when the migration keeps its transaction (no disable_ddl_transaction!); ' +
    'Django RunPython whose function calls .update() or saves in a loop, beside an operation that writes SQL (an AlterField ' +
    'that changes only default, choices, help_text, … writes none)',
  level: 'fail',
  lockDanger: true,
  scalesWithTable: true,
  dialects: PG_FAMILY,
  recipe: (r) => {
    const t = r.table ?? '<table>'
    const { set, notDone } = batchParts(r)
    switch (r.framework) {
      case 'rails':
        return (
          `a separate migration with disable_ddl_transaction!, and: ` +
          `${r.model ?? '<Model>'}.unscoped.in_batches(of: ` +
          `10_000) { |batch| batch.update_all(${r.column ? `${r.column}: <value>` : '<column>: <value>'}); sleep(0.01) }`
        )
      case 'django':
        return (
          `a separate migration with atomic = False whose RunPython updates in batches: ` +
          `for pks in batches of 10,000 primary keys: Model.objects.filter(pk__in=pks).update(...)`
        )
      case 'alembic':
        return (
          `a separate revision; with op.get_context().autocommit_block(): ` +
          `run UPDATE ${t} SET ${set} WHERE id IN (SELECT id FROM ${t} WHERE ${notDone} LIMIT 10000) until it updates 0 rows`
        )
      default:
        if (r.verb === 'DELETE') {
          const where = r.where === '' ? '' : ` WHERE ${r.where ?? '<the same condition>'}`
          return (
            `-- in a migration of its own, outside the schema change's transaction; repeat until it deletes 0 rows:\n` +
            `DELETE FROM ${ident(t)} WHERE id IN (SELECT id FROM ${ident(t)}${where} LIMIT 10000);`
          )
        }
        return (
          `-- in a migration of its own, outside the schema change's transaction; ` +
          `repeat until it updates 0 rows:\nUPDATE ${ident(t)} SET ${set} WHERE id IN (SELECT id FROM ` +
          `${ident(t)} WHERE ${notDone} LIMIT 10000);`
        )
    }
  },
  sql: {
    stmt: {
      UpdateStmt: (n, s, emit) => {
        const t = relName(n.relation)
        if (!t || s.isNew(t) || !unbounded(n.whereClause)) return
        const target = (n.targetList ?? []).map((x) => ('ResTarget' in x ? x.ResTarget.name : undefined)).filter((x): x is string => !!x)
        emit({
          id: 'backfill-in-transaction',
          detail: `UPDATE ${t} SET ${target.join(', ')} over ${rowsOf(n.whereClause)}, in the schema change's transaction`,
          table: t,
          names: { table: t, column: target[0], ...repeated(n) },
        })
      },
      DeleteStmt: (n, s, emit) => {
        const t = relName(n.relation)
        if (!t || s.isNew(t) || !unbounded(n.whereClause)) return
        emit({
          id: 'backfill-in-transaction',
          detail: `DELETE FROM ${t} over ${rowsOf(n.whereClause)}, in the schema change's transaction`,
          table: t,
          names: { table: t, verb: 'DELETE', ...repeated(n) },
        })
      },
    },
  },
})
