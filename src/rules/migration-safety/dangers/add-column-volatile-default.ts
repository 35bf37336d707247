import type { Node as PgNode } from 'libpg-query'
import { columnDefOf, constraintsOf, exprFunctions, ident, typeNameOf, typeText } from '../sql-ast.js'
import { PG_ONLY, defineDanger } from './types.js'

const VOLATILE_FUNCS = new Set([
  'random',
  'clock_timestamp',
  'timeofday',
  'statement_timestamp',
  'gen_random_uuid',
  'uuid_generate_v1',
  'uuid_generate_v1mc',
  'uuid_generate_v4',
  'uuidv4',
  'uuidv7',
  'nextval',
  'txid_current',
  'setseed',
])
/** Functions known not to be volatile (fast default on PG 11+). */
const STABLE_FUNCS = new Set([
  'now',
  'current_timestamp',
  'transaction_timestamp',
  'current_date',
  'localtimestamp',
  'lower',
  'upper',
  'to_jsonb',
  'jsonb_build_object',
  'json_build_object',
  'array',
  'coalesce',
])

export function isVolatileDefault(expr: PgNode | undefined): { volatile: boolean; fn?: string } {
  for (const fn of exprFunctions(expr)) {
    if (fn.startsWith('svfop_')) continue // CURRENT_TIMESTAMP & co: stable
    if (VOLATILE_FUNCS.has(fn)) return { volatile: true, fn }
    if (!STABLE_FUNCS.has(fn)) return { volatile: true, fn } // unknown function: cannot prove it is not volatile
  }
  return { volatile: false }
}

export default defineDanger({
  id: 'add-column-volatile-default',
  title: 'ADD COLUMN with a volatile default (table rewrite)',
  lock: 'ACCESS EXCLUSIVE',
  why:
    'a volatile default (now(), random(), gen_random_uuid(), ' +
    'clock_timestamp()) — or any default before PostgreSQL 11 — rewrites the whole table under the lock',
  fix: 'ADD COLUMN c type (no default); ALTER COLUMN c SET DEFAULT ... (applies to new rows only); backfill existing rows in batches',
  detection:
    'ADD COLUMN with a default that calls a volatile (or unknown) function, ' +
    'a GENERATED ... STORED column, or any default when pg_version < 11',
  level: 'fail',
  lockDanger: true,
  scalesWithTable: true,
  dialects: PG_ONLY,
  recipe: (r) => {
    if (!r.table || !r.column) return undefined
    if (r.framework === 'rails')
      return (
        `add_column :${r.table}, :${r.column}, :${r.type ?? '<type>'} (no default); ` +
        `change_column_default :${r.table}, :${r.column}, from: nil, to: -> { "<expression>" }; ` +
        `backfill existing rows in batches in another migration`
      )
    return (
      `ALTER TABLE ${ident(r.table)} ADD COLUMN ${ident(r.column)} ${r.type ?? '<type>'};\n` +
      `ALTER TABLE ${ident(r.table)} ALTER COLUMN ${ident(r.column)} SET DEFAULT <expression>; ` +
      `-- new rows only\n-- then backfill existing rows in batches, outside this transaction`
    )
  },
  sql: {
    alter: {
      AT_AddColumn: (cmd, t, isNew, s, emit) => {
        const col = columnDefOf(cmd)
        if (!col || isNew) return
        const cons = constraintsOf(col)
        const def = cons.find((c) => c.contype === 'CONSTR_DEFAULT')
        const colname = String(col.colname)
        const names = { table: t, column: colname, type: typeText(typeNameOf(col.typeName)) }
        if (cons.some((c) => c.contype === 'CONSTR_GENERATED'))
          emit({
            id: 'add-column-volatile-default',
            detail: `ADD COLUMN ${t}.${colname} GENERATED ... STORED computes every row`,
            table: t,
            names,
          })
        else if (def) {
          if (s.pgVersion < 11)
            emit({
              id: 'add-column-volatile-default',
              detail: `ADD COLUMN ${t}.${colname} with a DEFAULT on PostgreSQL ${s.pgVersion} (< 11 rewrites the table)`,
              table: t,
              names,
            })
          else {
            const v = isVolatileDefault(def.raw_expr)
            if (v.volatile)
              emit({
                id: 'add-column-volatile-default',
                detail: `ADD COLUMN ${t}.${colname} DEFAULT ${v.fn}(): a volatile default rewrites the table`,
                table: t,
                names,
              })
          }
        }
      },
    },
  },
})
