/** Small readers over libpg-query's parse tree, shared by the SQL analysis and the danger modules. */
import type { AlterTableCmd, ColumnDef, Constraint, RangeVar, TypeName as PgTypeName } from 'libpg-query'
import type { NodeKind, NodeMap, PgNode } from './dangers/types.js'

/** A node's kind and body, typed together: `switch (u.kind)` narrows `u.n`. */
export type Unwrapped = { [K in NodeKind]: { kind: K; n: NodeMap[K] } }[NodeKind]

/**
 * The kind and body of a node. libpg-query wraps each node as `{ Kind: body }`, with exactly one key, so its
 * key is its kind and its value the body of that kind; TypeScript types `Object.entries` with plain strings,
 * hence the one assertion that puts the two back together.
 */
export function unwrap(node: PgNode): Unwrapped {
  const [kind, n] = Object.entries<unknown>(node)[0]
  const u: { kind: string; n: unknown } = { kind, n }
  return u as Unwrapped
}

/**
 * Whether a value met in a walk of the tree (e.g. of an expression) is a node: an object with one key named
 * after its kind. Node kinds are PascalCase and the fields of a node's body lower case, so this tells the
 * `{ Kind: body }` wrappers from the bodies and from the structs that are not wrapped (a RangeVar, a TypeName).
 */
export function isNode(x: unknown): x is PgNode {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false
  const keys = Object.keys(x)
  return keys.length === 1 && /^[A-Z]/.test(keys[0])
}

export function str(n: PgNode | undefined): string | undefined {
  if (n && 'String' in n) return n.String.sval ?? ''
  return undefined
}

function intval(n: PgNode): number | undefined {
  if (!('A_Const' in n)) return undefined
  return n.A_Const.ival?.ival ?? 0
}

export interface TypeName {
  /** Lower-case last name (varchar, int4, numeric...), with [] for arrays. */
  name: string
  /** Number of type modifiers. */
  mods: number
  /** Integer modifiers (varchar(255) -> [255]; numeric(10,2) -> [10, 2]). */
  args: Array<number | undefined>
}

/** Column types by `table.column` (lower case): only looked up, so a Map or a view over several will do. */
export interface TypeLookup {
  get(key: string): TypeName | undefined
}

export function typeNameOf(tn: PgTypeName | undefined): TypeName {
  const t: PgTypeName = tn ?? {}
  const names = (t.names ?? []).map(str).filter((s): s is string => s !== undefined)
  const name = names.at(-1) ?? ''
  return { name: name.toLowerCase() + (t.arrayBounds ? '[]' : ''), mods: t.typmods?.length ?? 0, args: (t.typmods ?? []).map(intval) }
}

/** The type as SQL text: varchar(255), numeric(10,2), text. */
export function typeText(t: TypeName): string {
  const alias: Record<string, string> = {
    int4: 'integer',
    int8: 'bigint',
    int2: 'smallint',
    bpchar: 'char',
    float8: 'double precision',
    float4: 'real',
    bool: 'boolean',
  }
  const base = alias[t.name] ?? t.name
  return t.args.length && t.args.every((a) => a !== undefined) ? `${base}(${t.args.join(',')})` : base
}

export function relName(rv: RangeVar | undefined): string | undefined {
  return rv?.relname?.toLowerCase()
}

/** The column definition an ALTER TABLE subcommand carries (ADD COLUMN, ALTER COLUMN TYPE). */
export function columnDefOf(cmd: AlterTableCmd): ColumnDef | undefined {
  const d = cmd.def
  return d && 'ColumnDef' in d ? d.ColumnDef : undefined
}

/** The constraint an ALTER TABLE subcommand carries (ADD CONSTRAINT). */
export function constraintOf(cmd: AlterTableCmd): Constraint | undefined {
  const d = cmd.def
  return d && 'Constraint' in d ? d.Constraint : undefined
}

export function constraintsOf(col: ColumnDef): Constraint[] {
  return (col.constraints ?? []).flatMap((c) => ('Constraint' in c ? [c.Constraint] : []))
}

export function keyNames(keys: PgNode[] | undefined): string[] {
  return (keys ?? []).map(str).filter((s): s is string => s !== undefined)
}

/** Columns of an index: plain column names, or the expression's text marker. */
export function indexColumns(params: PgNode[] | undefined): string[] {
  return (params ?? []).map((p) => ('IndexElem' in p ? p.IndexElem.name : undefined) ?? '(expression)')
}

/** The last of a qualified name's parts (`pg_catalog.now` -> now), lower case; '' when there is none. */
function lastName(parts: PgNode[] | undefined): string {
  return (str((parts ?? []).at(-1)) ?? '').toLowerCase()
}

/** Walks an expression, returning the names of every function called (lower-case). */
export function exprFunctions(expr: unknown, out: string[] = []): string[] {
  if (Array.isArray(expr)) {
    for (const e of expr) exprFunctions(e, out)
  } else if (expr && typeof expr === 'object') {
    if (isNode(expr)) {
      if ('FuncCall' in expr) out.push(lastName(expr.FuncCall.funcname))
      else if ('SQLValueFunction' in expr) out.push((expr.SQLValueFunction.op ?? '').toLowerCase())
    }
    for (const v of Object.values(expr)) exprFunctions(v, out)
  }
  return out
}

/** Whether a node tree contains a key (e.g. SubLink, ColumnRef). */
export function hasKey(n: unknown, key: string): boolean {
  if (Array.isArray(n)) return n.some((x) => hasKey(x, key))
  if (n && typeof n === 'object') {
    for (const [k, v] of Object.entries(n)) if (k === key || hasKey(v, key)) return true
  }
  return false
}

/**
 * PostgreSQL's keywords that cannot name a table or column unquoted (kwlist.h: RESERVED_KEYWORD and
 * TYPE_FUNC_NAME_KEYWORD; Appendix C of the manual). A recipe for a table named `order` or `user` must quote it.
 */
const RESERVED = new Set(
  (
    'all analyse analyze and any array as asc asymmetric both case cast check collate column constraint create ' +
    'current_catalog current_date current_role current_time current_timestamp current_user default deferrable desc ' +
    'distinct do else end except false fetch for foreign from grant group having in initially intersect into lateral ' +
    'leading limit localtime localtimestamp not null offset on only or order placing primary references returning ' +
    'select session_user some symmetric system_user table then to trailing true union unique user using variadic when ' +
    'where window with authorization binary collation concurrently cross current_schema freeze full ilike inner is ' +
    'isnull join left like natural notnull outer overlaps right similar tablesample verbose'
  ).split(' '),
)

/** Quotes an identifier for a recipe only when it needs it (not lower-case plain, or a reserved word). */
export function ident(s: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(s) && !RESERVED.has(s) ? s : `"${s.replace(/"/g, '""')}"`
}

const COMPARISONS = new Set(['=', '<>', '!=', '<', '>', '<=', '>='])

/**
 * A simple expression back as SQL, for a recipe to repeat what the user wrote: constants (cast or not),
 * column references, IS [NOT] NULL, comparisons and AND/OR/NOT of these. Anything else (a function, a
 * subquery, JSON operators) gives undefined: the recipe then keeps its placeholder rather than guess.
 */
export function simpleSql(n: PgNode | undefined): string | undefined {
  if (!n) return undefined
  if ('A_Const' in n) {
    const c = n.A_Const
    if (c.isnull) return 'NULL'
    if (c.sval) return `'${(c.sval.sval ?? '').replace(/'/g, "''")}'`
    if (c.ival) return String(c.ival.ival ?? 0)
    if (c.fval) return c.fval.fval
    if (c.boolval) return c.boolval.boolval ? 'true' : 'false'
    return undefined
  }
  if ('TypeCast' in n) {
    const arg = simpleSql(n.TypeCast.arg)
    const t = n.TypeCast.typeName
    return arg && t ? `${arg}::${typeText(typeNameOf(t))}` : undefined
  }
  if ('ColumnRef' in n) {
    const fields = n.ColumnRef.fields ?? []
    const parts = fields.map(str).filter((p): p is string => p !== undefined)
    return parts.length && parts.length === fields.length ? parts.map(ident).join('.') : undefined
  }
  if ('NullTest' in n) {
    const arg = simpleSql(n.NullTest.arg)
    return arg && `${arg} ${n.NullTest.nulltesttype === 'IS_NULL' ? 'IS NULL' : 'IS NOT NULL'}`
  }
  if ('A_Expr' in n && n.A_Expr.kind === 'AEXPR_OP') {
    const op = str(n.A_Expr.name?.[0])
    const l = simpleSql(n.A_Expr.lexpr)
    const r = simpleSql(n.A_Expr.rexpr)
    return op && COMPARISONS.has(op) && l && r ? `${l} ${op} ${r}` : undefined
  }
  if ('A_Expr' in n && n.A_Expr.kind === 'AEXPR_IN') {
    const l = simpleSql(n.A_Expr.lexpr)
    const r = n.A_Expr.rexpr
    const items = r && 'List' in r ? (r.List.items ?? []).map((i) => simpleSql(i)) : []
    if (!l || !items.length || items.some((i) => i === undefined)) return undefined
    return `${l} ${str(n.A_Expr.name?.[0]) === '<>' ? 'NOT IN' : 'IN'} (${items.join(', ')})`
  }
  if ('BoolExpr' in n) {
    const args = (n.BoolExpr.args ?? []).map((a) => simpleSql(a))
    if (!args.length || args.some((a) => a === undefined)) return undefined
    if (n.BoolExpr.boolop === 'NOT_EXPR') return `NOT (${args[0]})`
    return args.map((a) => (args.length > 1 ? `(${a})` : a)).join(n.BoolExpr.boolop === 'AND_EXPR' ? ' AND ' : ' OR ')
  }
  return undefined
}
