/**
 * A Rails project's own migration helpers (issue 14: OSM `6e28c5fe`, `alter_primary_key` defined in
 * config/initializers/migrate.rb builds a unique index without CONCURRENTLY inside the migration's
 * transaction). A migration that calls a method Rails does not have, and does not define itself, runs the
 * project's definition: the gate reads it from the head tree (what the migration will run) and checks its body
 * as if it were written at the call, with the call's arguments in place of the parameters.
 */
import { withTree, type TsNode, type TsParser } from './wasm.js'

/** A helper's definition: where it is, its parameters and its body. */
export interface RailsHelper {
  path: string
  line: number
  params: Array<{ name: string; default?: string }>
  body: string
  /** Offsets in `body` of the identifiers that read a parameter the body never assigns: [start, end, name]. */
  refs: Array<[number, number, string]>
}

/**
 * Methods Rails' migrations and schema statements have (ActiveRecord 4.2 to 8), Ruby's keywords and Kernel
 * methods a migration calls: a bare call of one of these is never looked up as a project helper.
 */
const RAILS_KNOWN = new Set(
  (
    'add_belongs_to add_check_constraint add_column add_enum_value add_exclusion_constraint add_foreign_key add_index ' +
    'add_reference add_timestamps add_unique_constraint change_column change_column_comment change_column_default ' +
    'change_column_null change_table change_table_comment check_constraint_exists? column_exists? columns connection ' +
    'create_enum create_join_table create_schema create_table create_virtual_table disable_ddl_transaction! ' +
    'disable_extension drop_enum drop_join_table drop_schema drop_table drop_virtual_table enable_extension execute ' +
    'exec_delete exec_insert exec_query exec_update foreign_key_exists? foreign_keys index_exists? index_name_exists? ' +
    'indexes remove_belongs_to remove_check_constraint remove_column remove_columns remove_exclusion_constraint ' +
    'remove_foreign_key remove_index remove_reference remove_timestamps remove_unique_constraint rename_column ' +
    'rename_enum rename_enum_value rename_index rename_table reversible revert say say_with_time select_all ' +
    'select_one select_rows select_value select_values suppress_messages table_exists? tables transaction up_only ' +
    'validate_check_constraint validate_constraint validate_foreign_key safety_assured ' +
    'require require_relative raise puts print p pp sleep loop lambda proc include extend attr_accessor attr_reader ' +
    'private protected public def end if unless else elsif return class module do begin rescue ensure while until ' +
    'for case when yield super then and or not next break redo retry defined? alias undef'
  ).split(' '),
)

/** Bare method calls at the start of a line (`alter_primary_key :t, [...]`) that Rails does not have and the file does not define. */
export function unknownRailsCalls(content: string): Set<string> {
  const defined = new Set([...content.matchAll(/^\s*def\s+(?:self\.)?([a-z_]\w*[!?]?)/gm)].map((m) => m[1]))
  const out = new Set<string>()
  for (const m of content.matchAll(/^\s*([a-z_]\w*[!?]?)(?=[ (]\s*[:"'[\w(])/gm))
    if (!RAILS_KNOWN.has(m[1]) && !defined.has(m[1])) out.add(m[1])
  return out
}

function named(n: TsNode | null | undefined): TsNode[] {
  return n ? n.namedChildren : []
}

/**
 * The definitions of `names` in one Ruby file (first definition wins). A method with keyword, splat or block
 * parameters is left out: its arguments cannot be put in place of the parameters one by one.
 */
export function railsHelpersIn(parser: TsParser, path: string, text: string, names: ReadonlySet<string>): Map<string, RailsHelper> {
  const out = new Map<string, RailsHelper>()
  withTree(parser, text, (tree) => {
    if (!tree) return
    const visit = (n: TsNode): void => {
      if (n.type === 'method') {
        const name = n.childForFieldName('name')?.text
        if (name && names.has(name) && !out.has(name)) {
          const h = helperOf(n, path)
          if (h) out.set(name, h)
        }
        return
      }
      for (const c of named(n)) visit(c)
    }
    visit(tree.rootNode)
  })
  return out
}

function helperOf(method: TsNode, path: string): RailsHelper | undefined {
  const params: RailsHelper['params'] = []
  for (const p of named(method.childForFieldName('parameters'))) {
    if (p.type === 'identifier') params.push({ name: p.text })
    else if (p.type === 'optional_parameter') {
      const name = p.childForFieldName('name')?.text
      const value = p.childForFieldName('value')?.text
      if (!name || value === undefined) return undefined
      params.push({ name, default: value })
    } else return undefined
  }
  const body = method.childForFieldName('body')
  if (!body) return undefined
  const start = body.startIndex
  const names = new Set(params.map((p) => p.name))
  const assigned = new Set<string>()
  const refs: RailsHelper['refs'] = []
  const walk = (n: TsNode): void => {
    if ((n.type === 'assignment' || n.type === 'operator_assignment') && n.childForFieldName('left')?.type === 'identifier')
      assigned.add(n.childForFieldName('left')?.text ?? '')
    // an identifier that reads a variable: not a method name (`x.table_name`), not a hash key
    if (n.type === 'identifier' && names.has(n.text) && n.parent?.childForFieldName('method')?.id !== n.id)
      refs.push([n.startIndex - start, n.endIndex - start, n.text])
    for (const c of named(n)) walk(c)
  }
  walk(body)
  return {
    path,
    line: method.startPosition.row + 1,
    params,
    body: body.text,
    refs: refs.filter(([, , name]) => !assigned.has(name)),
  }
}

/**
 * The helper written out for one call: `def <name>` whose first lines set each parameter to the call's
 * argument (or its default), with the arguments also written in place of every read of a parameter the body
 * never assigns, so that `add_index(table_name, …)` reads `add_index(:relation_members, …)`. `args` are the
 * call's argument texts in order, a trailing hash (`:name => "x"`) as one `{ … }`. Undefined when a parameter
 * gets no value or there are more arguments than parameters.
 */
export function inlineSource(name: string, h: RailsHelper, args: string[]): string | undefined {
  if (args.length > h.params.length) return undefined
  const values: string[] = []
  for (const [i, p] of h.params.entries()) {
    const v = args.at(i) ?? p.default
    if (v === undefined) return undefined
    values.push(v)
  }
  const byName = new Map(h.params.map((p, i) => [p.name, values[i]]))
  let body = ''
  let at = 0
  for (const [s, e, param] of [...h.refs].sort((a, b) => a[0] - b[0])) {
    body += h.body.slice(at, s) + (byName.get(param) ?? param)
    at = e
  }
  body += h.body.slice(at)
  const sets = h.params.map((p, i) => `${p.name} = ${values[i]}`).join('\n')
  return `def ${name}\n${sets}\n${body}\nend\n`
}

/** A call's arguments as texts, in order; `key => value` / `key: value` pairs gathered into one hash. */
export function callArgTexts(call: TsNode): string[] {
  const out: string[] = []
  let pairs: string[] = []
  for (const a of named(call.childForFieldName('arguments'))) {
    if (a.type === 'pair') {
      pairs.push(a.text)
      continue
    }
    if (pairs.length) out.push(`{ ${pairs.join(', ')} }`)
    pairs = []
    out.push(a.text)
  }
  if (pairs.length) out.push(`{ ${pairs.join(', ')} }`)
  return out
}
