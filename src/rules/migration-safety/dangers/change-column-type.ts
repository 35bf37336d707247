import type { ColumnDef } from 'libpg-query'
import { columnDefOf, ident, typeNameOf, typeText, type TypeName } from '../sql-ast.js'
import { PG_ONLY, defineDanger } from './types.js'

const STRINGS = new Set(['varchar', 'text', 'citext'])
const PRECISION = new Set(['numeric', 'timestamp', 'timestamptz', 'interval', 'varbit', 'time', 'timetz'])
const ALIASES: Record<string, string> = {
  decimal: 'numeric',
  'character varying': 'varchar',
  int: 'int4',
  integer: 'int4',
  bigint: 'int8',
  smallint: 'int2',
  bool: 'bool',
  boolean: 'bool',
}
const canon = (n: string): string => (Object.hasOwn(ALIASES, n) ? ALIASES[n] : n)

/**
 * Whether ALTER COLUMN TYPE from `old` to `now` needs no table rewrite, after the notes of PostgreSQL's ALTER
 * TABLE page and the 9.2 release notes: binary-coercible changes (varchar <-> text, cidr -> inet, xml -> text),
 * raising or removing a varchar/varbit length limit, raising numeric precision with the same scale or removing
 * the constraint, raising or removing timestamp/timestamptz/interval/time precision. `old` unknown: only a
 * change to text / unconstrained varchar / citext (what strings are widened to) counts as free.
 */
export function rewriteFree(old: TypeName | undefined, now: TypeName, using: boolean): boolean {
  if (using) return false
  const n = canon(now.name)
  if (!old) return n === 'text' || n === 'citext' || (n === 'varchar' && now.mods === 0)
  const o = canon(old.name)
  if (o === n && old.args.join(',') === now.args.join(',')) return true // the type it already has
  if (STRINGS.has(o) && STRINGS.has(n)) {
    if (n === 'text' || n === 'citext' || now.mods === 0) return true
    // to varchar(m): free from varchar(n <= m); from text or unconstrained varchar it must check every row
    return o === 'varchar' && old.mods > 0 && (old.args[0] ?? Infinity) <= (now.args[0] ?? -1)
  }
  if (o === 'cidr' && n === 'inet') return true
  if (o === 'xml' && n === 'text') return true
  if (o === n && PRECISION.has(n)) {
    if (now.mods === 0) return true
    if (old.mods === 0) return false
    if (n === 'numeric') return (old.args[1] ?? 0) === (now.args[1] ?? 0) && (old.args[0] ?? Infinity) <= (now.args[0] ?? -1)
    return (old.args[0] ?? Infinity) <= (now.args[0] ?? -1)
  }
  return false
}

export default defineDanger({
  id: 'change-column-type',
  title: 'ALTER COLUMN TYPE (table rewrite)',
  lock: 'ACCESS EXCLUSIVE',
  why:
    'changing a type that is not binary-coercible rewrites the table and every index on it under the ' +
    'lock, and breaks code that reads the old type',
  fix:
    'add a new column of the new type, dual-write, backfill in batches, switch reads, ' +
    'drop the old column later (varchar(n) -> text or a larger varchar limit is safe)',
  detection:
    'ALTER COLUMN ... TYPE (change_column, t.change, op.alter_column type_, ' +
    'AlterField) on an existing table, unless PostgreSQL needs no rewrite for it: the same type, ' +
    'varchar/text widening, numeric precision raised at the same scale, cidr -> inet, ' +
    '... (the old type is taken from the same change, the rollback of the migration, ' +
    'or the base schema dump)',
  level: 'fail',
  lockDanger: true,
  scalesWithTable: true,
  dialects: PG_ONLY,
  recipe: (r) => {
    if (!r.table || !r.column) return undefined
    const nc = `${r.column}_new`
    return (
      `ALTER TABLE ${ident(r.table)} ADD COLUMN ${ident(nc)} ${r.type ?? '<new type>'};\n` +
      `-- dual-write ${r.column} and ${nc} in the application, backfill ${nc} in batches, switch reads, ` +
      `then:\nALTER TABLE ${ident(r.table)} DROP COLUMN ${ident(r.column)}; -- in a later release`
    )
  },
  sql: {
    alter: {
      AT_AlterColumnType: (cmd, t, isNew, s, emit) => {
        if (isNew) return
        const col: ColumnDef = columnDefOf(cmd) ?? {}
        const now = typeNameOf(col.typeName)
        const column = String(cmd.name).toLowerCase()
        const old = s.typeOf(t, column)
        const oldType = old ? typeText(old) : undefined
        if (rewriteFree(old, now, col.raw_default !== undefined)) return
        const newType = typeText(now)
        const hint = !old && canon(now.name) === 'varchar' ? ' (old type unknown: safe only if it raises the varchar limit)' : ''
        emit({
          id: 'change-column-type',
          detail: `ALTER COLUMN ${t}.${column} TYPE ${newType}${oldType ? ` (from ${oldType})` : ''}${hint}`,
          table: t,
          names: { table: t, column, type: newType, oldType },
        })
      },
    },
  },
})
