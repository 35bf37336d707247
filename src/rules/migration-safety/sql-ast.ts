/** Small readers over libpg-query's JSON parse tree, shared by the SQL analysis and the danger modules. */
import type { Node } from './dangers/types.js'

export function str(n: unknown): string | undefined {
  if (n && typeof n === 'object' && 'String' in n) return (n as { String: { sval?: string } }).String.sval ?? ''
  return undefined
}

function intval(n: unknown): number | undefined {
  const c = (n as { A_Const?: { ival?: { ival?: number } } } | undefined)?.A_Const
  if (!c) return undefined
  return c.ival?.ival ?? 0
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

export function typeNameOf(tn: unknown): TypeName {
  const t = (tn ?? {}) as { names?: unknown[]; typmods?: unknown[]; arrayBounds?: unknown[] }
  const names = (t.names ?? []).map(str).filter((s): s is string => s !== undefined)
  const name = names[names.length - 1] ?? ''
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

export function relName(rv: unknown): string | undefined {
  const r = rv as { relname?: string } | undefined
  return r?.relname?.toLowerCase()
}

export function constraintsOf(col: Node): Node[] {
  return ((col.constraints as unknown[]) ?? []).map((c) => (c as { Constraint: Node }).Constraint).filter(Boolean)
}

export function keyNames(keys: unknown): string[] {
  return ((keys as unknown[]) ?? []).map(str).filter((s): s is string => s !== undefined)
}

/** Columns of an index: plain column names, or the expression's text marker. */
export function indexColumns(params: unknown): string[] {
  return ((params as unknown[]) ?? []).map((p) => {
    const e = (p as { IndexElem?: { name?: string } }).IndexElem
    return e?.name ?? '(expression)'
  })
}

/** Walks an expression, returning the names of every function called (lower-case). */
export function exprFunctions(expr: unknown, out: string[] = []): string[] {
  if (Array.isArray(expr)) {
    for (const e of expr) exprFunctions(e, out)
  } else if (expr && typeof expr === 'object') {
    for (const [k, v] of Object.entries(expr as Node)) {
      if (k === 'FuncCall') {
        const names = (((v as Node).funcname as unknown[]) ?? []).map(str)
        out.push(String(names[names.length - 1] ?? '').toLowerCase())
      } else if (k === 'SQLValueFunction') {
        out.push(String((v as Node).op ?? '').toLowerCase())
      }
      exprFunctions(v, out)
    }
  }
  return out
}

/** Whether a node tree contains a key (e.g. SubLink, ColumnRef). */
export function hasKey(n: unknown, key: string): boolean {
  if (Array.isArray(n)) return n.some((x) => hasKey(x, key))
  if (n && typeof n === 'object') {
    for (const [k, v] of Object.entries(n as Node)) if (k === key || hasKey(v, key)) return true
  }
  return false
}

/** Quotes an identifier for a recipe only when it needs it. */
export function ident(s: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(s) ? s : `"${s.replace(/"/g, '""')}"`
}
