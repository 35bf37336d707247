/**
 * Whether an edit of a merged migration changes what it does: the statements are compared as parse trees,
 * without comments, whitespace or positions (libpg-query for PostgreSQL/CockroachDB SQL, tree-sitter for
 * Ruby and Python), not as bytes. `# frozen_string_literal: true` or a reworded comment is no edit.
 */
import { childrenOf, namedChildrenOf, withTree, type TsNode, type TsParser, type TsTree, type PgApi } from './wasm.js'
import { isObject } from '../../json.js'
import { pyString } from './orm.js'

/**
 * Session timeouts a migration sets for itself: changing their value changes how long it waits, never the
 * schema it leaves, so an edit that only bumps one (a migration that could not get its lock) is no edit.
 */
const TIMEOUTS = new Set(['lock_timeout', 'statement_timeout', 'idle_in_transaction_session_timeout'])
const SET_TIMEOUT = /^\s*SET\s+(?:LOCAL\s+|SESSION\s+)?(lock_timeout|statement_timeout|idle_in_transaction_session_timeout)\b[^;]*;?\s*$/i

const treeReplacer = (k: string, v: unknown): unknown => {
  if (k === 'location' || k === 'stmt_location' || k === 'stmt_len') return undefined
  if (k === 'VariableSetStmt' && isObject(v) && typeof v.name === 'string' && TIMEOUTS.has(v.name))
    return { name: v.name, is_local: v.is_local }
  return v
}

/** libpg-query's tree without positions (nor the values of timeouts); undefined when it does not parse. */
function pgTree(pg: PgApi, sql: string): string | undefined {
  try {
    return JSON.stringify(pg.parseSync(sql).stmts ?? [], treeReplacer)
  } catch {
    return undefined
  }
}

/** One tree (as text, without positions) per statement; undefined when the SQL does not parse. */
export function statementTrees(pg: PgApi, sql: string): string[] | undefined {
  try {
    return (pg.parseSync(sql).stmts ?? []).map((s) => JSON.stringify(s.stmt ?? {}, treeReplacer))
  } catch {
    return undefined
  }
}

/**
 * A statement that leaves the same schema whether or not it already ran: `ADD COLUMN IF NOT EXISTS`,
 * `CREATE TABLE/INDEX … IF NOT EXISTS`, `DROP … IF EXISTS`, `CREATE OR REPLACE`.
 */
export function isIdempotent(tree: string): boolean {
  let v: unknown
  try {
    v = JSON.parse(tree)
  } catch {
    return false
  }
  if (!isObject(v)) return false
  const [kind, node] = Object.entries(v)[0] ?? []
  if (!isObject(node)) return false
  switch (kind) {
    case 'CreateStmt':
    case 'IndexStmt':
    case 'CreateSeqStmt':
    case 'CreateSchemaStmt':
    case 'CreateExtensionStmt':
      return node.if_not_exists === true
    case 'DropStmt':
      return node.missing_ok === true
    case 'CreateFunctionStmt':
    case 'ViewStmt':
    case 'CreateTrigStmt':
      return node.replace === true
    case 'AlterTableStmt': {
      const cmds = Array.isArray(node.cmds) ? node.cmds : []
      return (
        cmds.length > 0 &&
        cmds.every((c: unknown) => {
          const cmd = isObject(c) && isObject(c.AlterTableCmd) ? c.AlterTableCmd : undefined
          return cmd !== undefined && (cmd.subtype === 'AT_AddColumn' || cmd.subtype === 'AT_DropColumn') && cmd.missing_ok === true
        })
      )
    }
    default:
      return false
  }
}

/**
 * Statements an edit removed from a merged SQL migration, when it only removed (nothing added or changed):
 * undefined when it did more, or when either side does not parse.
 */
export function removedStatements(pg: PgApi, base: string, head: string): string[] | undefined {
  const a = statementTrees(pg, base)
  const b = statementTrees(pg, head)
  if (!a || !b) return undefined
  // the head must be the base with some statements taken out, the rest in the same order
  const removed: string[] = []
  let j = 0
  for (const t of a) {
    if (j < b.length && b[j] === t) j++
    else removed.push(t)
  }
  return j === b.length ? removed : undefined
}

/** SQL of any dialect without comments and with whitespace collapsed (strings kept as written). */
export function normaliseSqlText(sql: string): string {
  let out = ''
  let i = 0
  while (i < sql.length) {
    const ch = sql[i]
    if (ch === "'" || ch === '"' || ch === '`') {
      const j = sql.indexOf(ch, i + 1)
      const end = j < 0 ? sql.length : j + 1
      out += sql.slice(i, end)
      i = end
    } else if (ch === '-' && sql[i + 1] === '-') {
      while (i < sql.length && sql[i] !== '\n') i++
      out += ' '
    } else if (ch === '#' && (i === 0 || sql[i - 1] === '\n')) {
      while (i < sql.length && sql[i] !== '\n') i++
      out += ' '
    } else if (ch === '/' && sql[i + 1] === '*') {
      const j = sql.indexOf('*/', i + 2)
      i = j < 0 ? sql.length : j + 2
      out += ' '
    } else {
      out += ch
      i++
    }
  }
  return out
    .replace(/\s+/g, ' ')
    .replace(/\s*([(),;=])\s*/g, '$1')
    .trim()
}

/**
 * Fields of libpg-query's tree that decide how a statement runs, never the schema it leaves where it ran:
 * `CONCURRENTLY` (IndexStmt, DropStmt), `IF NOT EXISTS` and `IF EXISTS`.
 */
const HOW_FIELDS = new Set(['concurrent', 'if_not_exists', 'missing_ok'])
const howReplacer = (k: string, v: unknown): unknown => (HOW_FIELDS.has(k) ? undefined : treeReplacer(k, v))

/**
 * The statements without what only decides how they run: the fields above, transaction control (`BEGIN`,
 * `COMMIT`: a file taken out of its transaction to build an index concurrently) and session timeouts; with how
 * many transaction statements it had and whether it builds or drops something concurrently.
 */
function pgSchemaTree(pg: PgApi, sql: string): { tree: string; transactions: number; concurrent: boolean } | undefined {
  try {
    const all = pg.parseSync(sql).stmts ?? []
    const isTransaction = (st: unknown): boolean => isObject(st) && 'TransactionStmt' in st
    const stmts = all.filter((s) => {
      const st: unknown = s.stmt
      if (isTransaction(st)) return false
      const set = isObject(st) ? st['VariableSetStmt'] : undefined
      return !(isObject(set) && typeof set.name === 'string' && TIMEOUTS.has(set.name))
    })
    return {
      tree: JSON.stringify(stmts, howReplacer),
      transactions: all.filter((s) => isTransaction(s.stmt)).length,
      concurrent: JSON.stringify(all).includes('"concurrent":true'),
    }
  } catch {
    return undefined
  }
}

/**
 * Two PostgreSQL texts that differ only in how their statements run (see pgSchemaTree): every database ends
 * with the same schema whichever one it ran. False when either does not parse, and when the head leaves the
 * transaction with nothing concurrent to run: that only loses atomicity.
 */
export function sameSqlSchema(pg: PgApi, base: string, head: string): boolean {
  const a = pgSchemaTree(pg, base)
  const b = pgSchemaTree(pg, head)
  if (!a || !b || a.tree !== b.tree) return false
  return !(b.transactions < a.transactions && !b.concurrent)
}

export function sameSql(pg: PgApi | undefined, base: string, head: string): boolean {
  if (pg) {
    const a = pgTree(pg, base)
    const b = pgTree(pg, head)
    if (a !== undefined && b !== undefined) return a === b
  }
  return normaliseSqlText(base) === normaliseSqlText(head)
}

/**
 * A leaf's text for comparison: the layout of a Ruby heredoc (`<<-SQL` vs `<<~SQL`, its indentation and
 * line breaks: rubocop's Layout/HeredocIndentation) and the value of a timeout a string sets
 * (`"SET LOCAL lock_timeout = '5s'"`) are not compared.
 */
function leafText(n: TsNode): string {
  // the delimiter's name (END_SQL, SQL) is only where the text ends; its quotes (no interpolation, a shell command) stay
  if (n.type === 'heredoc_beginning') return n.text.replace(/^<<[-~]?(['"`]?)\w+\1$/, '<<$1$1')
  if (n.type === 'heredoc_end') return ''
  if (n.type === 'heredoc_content') return n.text.replace(/\s+/g, ' ').trim()
  if (n.type === 'string_content') {
    const m = SET_TIMEOUT.exec(n.text)
    if (m) return `SET ${m[1].toLowerCase()}`
  }
  return n.text
}

/** The body of a Ruby heredoc, found from its `<<-SQL` (bodies follow their line, in the order the heredocs open). */
function heredocBody(beginning: TsNode): TsNode | undefined {
  for (let a = beginning.parent; a; a = a.parent) {
    const bodies = a.descendantsOfType('heredoc_body')
    if (!bodies.length) continue
    const i = a.descendantsOfType('heredoc_beginning').findIndex((b) => b.id === beginning.id)
    return i >= 0 ? (bodies[i] ?? undefined) : undefined
  }
  return undefined
}

/**
 * Ruby `<<-SQL.squish` (rubocop's Rails/SquishedSQLHeredocs): squish only joins the lines and spaces of the SQL,
 * which the comparison ignores already, unless a `--` comment would then swallow the rest of the statement.
 * Returns the heredoc without the squish, else undefined.
 */
function squishedHeredoc(n: TsNode): TsNode | undefined {
  if (n.type !== 'call' || n.childForFieldName('method')?.text !== 'squish') return undefined
  const receiver = n.childForFieldName('receiver')
  if (receiver?.type !== 'heredoc_beginning') return undefined
  const body = heredocBody(receiver)
  return body && !body.text.includes('--') ? receiver : undefined
}

/** A node that compares as its one inner node: parentheses around one expression, a squished heredoc. */
const unwrap = (n: TsNode): TsNode | undefined => redundantParens(n) ?? squishedHeredoc(n)

/** Python `(expr)`: the parentheses around one expression change nothing (ruff/black remove them); `(x,)` is a tuple, not this. */
function redundantParens(n: TsNode): TsNode | undefined {
  if (n.type !== 'parenthesized_expression') return undefined
  const inner = namedChildrenOf(n).filter((c): c is TsNode => c !== null && c.type !== 'comment')
  return inner.length === 1 ? inner[0] : undefined
}

/**
 * A comma between arguments (or a Ruby hash's pairs): the tree already separates them, so it says nothing. Leaving it out makes a
 * skipped argument leave no trace (`f(a=1, b=2)` without `b` reads as `f(a=1)`) and a trailing comma (black's
 * magic comma) no edit.
 */
const isArgumentComma = (n: TsNode): boolean =>
  n.type === ',' && (n.parent?.type === 'argument_list' || n.parent?.type === 'hash' || n.parent?.type === 'dictionary')

/**
 * The literal strings a Ruby string expression joins, in order, when it is only literals: `"a" + "b"`, `"a" "b"`
 * and `"a" \` + newline + `"b"` (rubocop's Style/LineEndConcatenation) make the same string. Undefined otherwise.
 */
function rubyStringParts(n: TsNode): TsNode[] | undefined {
  if (n.type === 'string') return [n]
  if (n.type === 'chained_string') {
    const parts = namedChildrenOf(n).filter((c): c is TsNode => c !== null && c.type !== 'comment')
    return parts.every((c) => c.type === 'string') ? parts : undefined
  }
  if (n.type === 'binary' && n.childForFieldName('operator')?.text === '+') {
    const left = n.childForFieldName('left')
    const right = n.childForFieldName('right')
    const l = left ? rubyStringParts(left) : undefined
    const r = right ? rubyStringParts(right) : undefined
    return l && r ? [...l, ...r] : undefined
  }
  return undefined
}

/** Literals whose `.freeze` only stops later mutation. */
const FREEZABLE_LITERALS = new Set(['array', 'hash', 'string', 'chained_string', 'string_array', 'symbol_array'])

/**
 * `PERMISSIONS = [...].freeze` (rubocop's Style/MutableConstant): the literal a constant holds, frozen, reads the
 * same; only code that mutates it would tell, and it would then fail loudly. Returns the literal, else undefined.
 */
function frozenConstant(n: TsNode): TsNode | undefined {
  if (n.type !== 'call' || n.childForFieldName('method')?.text !== 'freeze') return undefined
  if (n.childForFieldName('arguments') || n.childForFieldName('block')) return undefined
  const receiver = n.childForFieldName('receiver')
  const p = n.parent
  const toConstant =
    p?.type === 'assignment' && p.childForFieldName('right')?.id === n.id && p.childForFieldName('left')?.type === 'constant'
  return receiver && toConstant && FREEZABLE_LITERALS.has(receiver.type) ? receiver : undefined
}

/** Ruby's comparisons with 0 and the predicates rubocop's Style/NumericPredicate writes for them. */
const COMPARED_WITH_ZERO: Record<string, string> = { '==': 'zero?', '>': 'positive?', '<': 'negative?', '!=': 'nonzero?' }
const NUMERIC_PREDICATES = new Set(Object.values(COMPARED_WITH_ZERO))

/** The node is read only for its truth: a condition, or an operand of `!`, `not`, `&&`, `||`, `and`, `or`. */
function inBooleanContext(n: TsNode): boolean {
  const p = n.parent
  if (!p) return false
  if (
    ['if', 'unless', 'while', 'until', 'if_modifier', 'unless_modifier', 'while_modifier', 'until_modifier', 'conditional'].includes(p.type)
  )
    return p.childForFieldName('condition')?.id === n.id
  if (p.type === 'unary') return ['!', 'not'].includes(p.childForFieldName('operator')?.text ?? '')
  if (p.type === 'binary') return ['&&', '||', 'and', 'or'].includes(p.childForFieldName('operator')?.text ?? '')
  if (p.type === 'assignment' && p.childForFieldName('right')?.id === n.id) return onlyTested(p.childForFieldName('left'))
  return p.type === 'parenthesized_statements' && inBooleanContext(p)
}

/** `flag = …`: every other use of the local variable in its method is a test of its truth (`if flag`, `… if flag`). */
function onlyTested(variable: TsNode | null): boolean {
  if (variable?.type !== 'identifier') return false
  let scope: TsNode | null = variable.parent
  while (scope && !['method', 'singleton_method', 'block', 'do_block', 'program'].includes(scope.type)) scope = scope.parent
  if (!scope) return false
  const uses = scope.descendantsOfType('identifier').filter((x) => x.text === variable.text && x.id !== variable.id)
  return uses.length > 0 && uses.every((x) => x.parent?.type !== 'assignment' && inBooleanContext(x))
}

/**
 * `x == 0` and `x.zero?` (also `> 0` / `positive?`, `< 0` / `negative?`) are the same truth for a number, and
 * `x != 0` / `x.nonzero?` the same where only truth is read (`nonzero?` returns x or nil): rubocop's
 * Style/NumericPredicate rewrites one into the other (OSM de29e9b3). Returns the predicate and what it tests.
 */
function numericPredicate(n: TsNode): { name: string; of: TsNode } | undefined {
  if (n.type === 'binary') {
    const name = COMPARED_WITH_ZERO[n.childForFieldName('operator')?.text ?? '']
    const left = n.childForFieldName('left')
    if (!name || !left || n.childForFieldName('right')?.text !== '0') return undefined
    return name !== 'nonzero?' || inBooleanContext(n) ? { name, of: left } : undefined
  }
  if (n.type !== 'call' || n.childForFieldName('arguments') || n.childForFieldName('block')) return undefined
  const name = n.childForFieldName('method')?.text ?? ''
  const receiver = n.childForFieldName('receiver')
  if (!NUMERIC_PREDICATES.has(name) || !receiver) return undefined
  return name !== 'nonzero?' || inBooleanContext(n) ? { name, of: receiver } : undefined
}

/** A syntax tree as text: node types and leaf texts, comments left out; `skip` drops whole subtrees. */
export function treeText(n: TsNode, skip?: (n: TsNode) => boolean): string {
  if (n.type === 'comment' || isArgumentComma(n) || skip?.(n)) return ''
  const unwrapped = unwrap(n)
  if (unwrapped) return treeText(unwrapped, skip)
  if (n.type === 'binary' || n.type === 'chained_string') {
    const parts = rubyStringParts(n)
    if (parts && parts.length > 1) return `(strings ${parts.map((p) => treeText(p, skip)).join(' ')})`
  }
  const frozen = frozenConstant(n)
  if (frozen) return treeText(frozen, skip)
  const predicate = numericPredicate(n)
  if (predicate) return `(predicate ${predicate.name} ${treeText(predicate.of, skip)})`
  // a call's arguments that all compare as nothing (`t.timestamps :null => true` at 4.2) are no arguments
  if (n.type === 'argument_list' && namedChildrenOf(n).every((c) => !c || treeText(c, skip) === '')) return ''
  // %w(a b) and %w[a b] (rubocop's Style/PercentLiteralDelimiters): the delimiters are syntax, the kind (%w, %W, %i, %I) is not
  if (n.type === 'string_array' || n.type === 'symbol_array') {
    const kind = (n.child(0)?.text ?? '').slice(0, 2)
    const items = namedChildrenOf(n).filter((c): c is TsNode => c !== null)
    return `(${n.type} ${kind} ${items.map((c) => treeText(c, skip)).join(' ')})`
  }
  if (n.childCount === 0 || n.type === 'heredoc_content' || n.type === 'string_content') return leafText(n)
  let s = `(${n.type}`
  for (const c of childrenOf(n)) {
    const t = c ? treeText(c, skip) : ''
    if (t) s += ' ' + t
  }
  return s + ')'
}

/** Rollback code in a Rails or Alembic migration: def down (def self.down before Rails 3.1), dir.down blocks, def downgrade. */
export function isRollbackNode(n: TsNode): boolean {
  if (n.type === 'method' || n.type === 'singleton_method' || n.type === 'function_definition') {
    const name = n.childForFieldName('name')?.text
    return name === 'down' || name === 'downgrade'
  }
  if (
    n.type === 'call' &&
    n.childForFieldName('receiver') &&
    n.childForFieldName('method')?.text === 'down' &&
    n.childForFieldName('block')
  )
    return true
  return false
}

export interface EditKind {
  /** The statements changed (forward or rollback). */
  changed: boolean
  /** Only rollback code changed. */
  rollbackOnly: boolean
  /**
   * Only data or helper code changed: every schema statement (and all the code that feeds one) is the same.
   * E.g. a Rails `find_each` loop that saves rows, a Django `RunPython` function that switches `save()` to
   * `bulk_update`, a monkeypatch the migration no longer needs.
   */
  dataOnly: boolean
  /**
   * Only Django's migration state changed, never the database: options of a model field the database does
   * not see (validators, help_text, choices, …) or entries dropped from `dependencies`. Every database ends
   * with the same schema whichever version it ran.
   */
  stateOnly: boolean
  /**
   * Only how the statements run changed, never the schema they leave: an index built or dropped
   * concurrently, the migration taken out of its transaction, `IF [NOT] EXISTS` (see isHowNode).
   */
  howOnly: boolean
  /**
   * Only Django's state changed but for dependencies the edit adds (`[app, name]` each): harmless when every
   * database that applied this migration applied them too (the caller asks the release tags).
   */
  addedDependencies?: Array<[string, string]>
}

/**
 * Calls that change the schema, or may (SQL strings): Rails' schema statements and helpers named like them
 * (`add_*`, `remove_*`, `create_*`, `change_*`, `rename_*`, `alter_*`, `drop_*`, `execute`, …), a migration
 * run from another (`up`, `change`, `revert`); Python's `op.*`, `schema_editor.*`, `migrations.*` except
 * `RunPython`, and any `execute`/`RunSQL`. Deliberately broad: a call it names is never treated as data code.
 */
const RUBY_SCHEMA =
  /^(?:(?:add|remove|drop|create|change|rename|alter|enable|disable|validate|exec|execute|load|set|reset|truncate|update_column_default)(?:_\w*)?[!?]?|up|down|change|migrate|revert|reversible|up_only|safety_assured|disable_ddl_transaction!|transaction|with_lock_timeout)$/
const PY_SCHEMA_NAMES = new Set(['execute', 'executemany', 'executescript', 'RunSQL', 'SeparateDatabaseAndState', 'callproc', 'raw'])
const PY_SCHEMA_RECEIVERS = new Set(['op', 'schema_editor', 'migrations', 'connection'])

/**
 * ActiveRecord model class methods whose names read like schema statements: `UserRole.create(...)`,
 * `User.reset_counters(...)`, `Language.load(...)` write rows. Called on a constant (a model), they are row code;
 * any other name (`Helpers.add_index_concurrently`) and any other receiver (`connection.execute`) stay schema.
 */
const RUBY_MODEL_ROWS = /^(?:create!?|load|reset_counters|reset_column_information|update_counters)$/
/**
 * Row writes whatever the receiver (`diary_entry.subscriptions.create(user: u)`, an association or a scope): no
 * Rails schema statement has these names, only a receiver-less call could be one of the project's helpers.
 */
const RUBY_ROWS_ANY_RECEIVER = /^(?:create!?|update_counters|reset_counters|find_or_create_by!?|first_or_create!?)$/

function isSchemaCall(n: TsNode, lang: 'ruby' | 'python'): boolean {
  if (lang === 'ruby') {
    if (n.type === 'call') {
      const m = n.childForFieldName('method')?.text
      const receiver = n.childForFieldName('receiver')?.type
      if (m && (receiver === 'constant' || receiver === 'scope_resolution') && RUBY_MODEL_ROWS.test(m)) return false
      if (m && receiver !== undefined && RUBY_ROWS_ANY_RECEIVER.test(m)) return false
      return m !== undefined && RUBY_SCHEMA.test(m)
    }
    // a bare call without arguments or receiver (`disable_ddl_transaction!`) is an identifier statement
    return n.type === 'identifier' && n.parent !== null && RUBY_CONTAINERS.has(n.parent.type) && RUBY_SCHEMA.test(n.text)
  }
  if (n.type !== 'call') return false
  const fn = n.childForFieldName('function')
  if (!fn) return false
  if (fn.type === 'identifier') return PY_SCHEMA_NAMES.has(fn.text)
  if (fn.type !== 'attribute') return false
  const name = fn.childForFieldName('attribute')?.text ?? ''
  const receiver = fn.childForFieldName('object')?.text ?? ''
  if (PY_SCHEMA_NAMES.has(name)) return true
  return PY_SCHEMA_RECEIVERS.has(receiver) && name !== 'RunPython'
}

const RUBY_CONTAINERS = new Set([
  'program',
  'body_statement',
  'block_body',
  'then',
  'else',
  'ensure',
  'begin',
  'do',
  'parenthesized_statements',
])
const PY_CONTAINERS = new Set(['module', 'block'])
const NAME_LEAVES = new Set(['identifier', 'constant', 'instance_variable', 'class_variable', 'global_variable'])

function containsSchema(n: TsNode, lang: 'ruby' | 'python'): boolean {
  if (isSchemaCall(n, lang)) return true
  for (const c of namedChildrenOf(n)) if (c && containsSchema(c, lang)) return true
  return false
}

/** The names a statement defines: assignment targets, method/function and class names. */
function definedNames(n: TsNode): string[] {
  const out: string[] = []
  const target = n.type === 'expression_statement' ? namedChildrenOf(n).at(0) : n
  if (!target) return out
  if (target.type === 'assignment' || target.type === 'operator_assignment' || target.type === 'augmented_assignment') {
    const left = target.childForFieldName('left')
    if (left) collectNames(left, out)
  } else if (
    ['method', 'singleton_method', 'function_definition', 'class', 'class_definition', 'module', 'decorated_definition'].includes(
      target.type,
    )
  ) {
    const def = target.type === 'decorated_definition' ? target.childForFieldName('definition') : target
    const name = def?.childForFieldName('name')?.text
    if (name) out.push(name)
  }
  return out
}

function collectNames(n: TsNode, out: string[]): void {
  if (NAME_LEAVES.has(n.type)) out.push(n.text)
  for (const c of namedChildrenOf(n)) if (c) collectNames(c, out)
}

/** A Python call that runs data code: the callables passed to RunPython are not schema references. */
const isRunPython = (n: TsNode): boolean => n.type === 'call' && /(?:^|\.)RunPython$/.test(n.childForFieldName('function')?.text ?? '')

/**
 * The migration's schema part as text: statements with no schema call, that define nothing the schema part
 * uses, are left out (data loops, row updates, model stubs, monkeypatches, RunPython functions). Names are
 * followed to a fixed point: a list that a loop of `add_index` calls walks over is schema, the function a
 * RunPython runs is not. Django's `class Migration` and Alembic's `upgrade`/`downgrade` are kept whole.
 */
function schemaText(root: TsNode, lang: 'ruby' | 'python', skip: (n: TsNode) => boolean): string {
  const containers = lang === 'ruby' ? RUBY_CONTAINERS : PY_CONTAINERS
  const kept = new Set<number>()
  for (let round = 0; round < 20; round++) {
    const refs = new Set<string>()
    const stripped: TsNode[] = []
    const full = (n: TsNode): string => {
      if (n.type === 'comment' || skip(n)) return ''
      if (lang === 'python' && isRunPython(n)) {
        // the callables it is given are data code; what it is given is still compared
        return treeText(n, skip)
      }
      if (NAME_LEAVES.has(n.type)) refs.add(n.text)
      const unwrapped = unwrap(n)
      if (unwrapped) return full(unwrapped)
      if (n.childCount === 0 || n.type === 'heredoc_content' || n.type === 'string_content') return leafText(n)
      let s = `(${n.type}`
      for (const c of childrenOf(n)) {
        const t = c ? full(c) : ''
        if (t) s += ' ' + t
      }
      return s + ')'
    }
    const keepWhole = (n: TsNode): boolean => {
      if (lang !== 'python') return false
      const name = n.childForFieldName('name')?.text
      return (
        (n.type === 'class_definition' && name === 'Migration') ||
        (n.type === 'function_definition' && (name === 'upgrade' || name === 'downgrade'))
      )
    }
    const walk = (n: TsNode): string => {
      if (n.type === 'comment' || skip(n)) return ''
      // a heredoc's body belongs to the call that opened it; a definition the schema part uses is kept whole
      if (isSchemaCall(n, lang) || keepWhole(n) || kept.has(n.id) || n.type === 'heredoc_body') return full(n)
      if (n.parent && containers.has(n.parent.type) && n.isNamed && !containsSchema(n, lang)) {
        stripped.push(n)
        return ''
      }
      if (NAME_LEAVES.has(n.type)) refs.add(n.text)
      if (n.childCount === 0 || n.type === 'heredoc_content' || n.type === 'string_content') return leafText(n)
      let s = `(${n.type}`
      for (const c of childrenOf(n)) {
        const t = c ? walk(c) : ''
        if (t) s += ' ' + t
      }
      return s + ')'
    }
    const text = walk(root)
    let grew = false
    for (const n of stripped) {
      if (definedNames(n).some((name) => refs.has(name))) {
        kept.add(n.id)
        grew = true
      }
    }
    if (!grew) return text
  }
  return treeText(root, skip)
}

/**
 * A migration of the framework, not a helper module: Rails' `< ActiveRecord::Migration`, Django's `class Migration`,
 * Alembic's `upgrade`.
 */
function isFrameworkMigration(root: TsNode, lang: 'ruby' | 'python'): boolean {
  for (const c of namedChildrenOf(root)) {
    if (!c) continue
    if (lang === 'ruby' && c.type === 'class' && /Migration/.test(c.childForFieldName('superclass')?.text ?? '')) return true
    if (lang === 'python') {
      const name = c.childForFieldName('name')?.text
      if (c.type === 'class_definition' && name === 'Migration') return true
      if (c.type === 'function_definition' && name === 'upgrade') return true
    }
  }
  return false
}

/** Python imports: reordering or regrouping them (isort) changes no statement the migration runs. */
const isImport = (n: TsNode): boolean =>
  n.type === 'import_statement' || n.type === 'import_from_statement' || n.type === 'future_import_statement'

/**
 * Keyword arguments of a Django model field that live only in Python: Django never writes them into the
 * database (its schema editor ignores them), so changing one alters no column. `default` (but in CreateModel,
 * see inCreateModelFields), `null`, `max_length`, `db_*`, `unique`, `on_delete` and the rest may change the
 * database and are compared.
 */
const DJANGO_STATE_KWARGS = new Set([
  'validators',
  'help_text',
  'verbose_name',
  'verbose_name_plural',
  'choices',
  'blank',
  'editable',
  'error_messages',
  'related_name',
  'related_query_name',
  'limit_choices_to',
  // FileField / ImageField: where files go and which fields hold an image's size
  'upload_to',
  'storage',
  'height_field',
  'width_field',
])
/** A model field's constructor: `models.CharField(…)`, `ForeignKey(…)`, a project's `fields.IPNetworkField(…)`. */
const FIELD_CALL = /(?:^|\.)(?:\w*Field|ForeignKey)$/

/**
 * Options of a Django model that live only in Python (`CreateModel(options={…})`, `AlterModelOptions`): ordering,
 * names, permissions, managers. Django writes no SQL for them (`AlterModelOptions.database_forwards` is empty).
 * `db_table`, `unique_together`, `indexes`, `constraints`, `managed`, `proxy`, `order_with_respect_to` are compared.
 */
const DJANGO_STATE_MODEL_OPTIONS = new Set([
  'ordering',
  'verbose_name',
  'verbose_name_plural',
  'permissions',
  'default_permissions',
  'get_latest_by',
  'default_related_name',
  'base_manager_name',
  'default_manager_name',
])

function isStateModelOption(n: TsNode): boolean {
  if (n.type !== 'pair' || n.parent?.type !== 'dictionary') return false
  const key = /^(['"])(\w+)\1$/.exec(n.childForFieldName('key')?.text ?? '')?.[2]
  const kw = n.parent.parent
  return (
    key !== undefined &&
    DJANGO_STATE_MODEL_OPTIONS.has(key) &&
    kw?.type === 'keyword_argument' &&
    kw.childForFieldName('name')?.text === 'options'
  )
}

/**
 * A field of `CreateModel(fields=[('name', models.XField(…)), …])`: Django creates the table without the fields'
 * `default` (its schema editor adds a default only to fill the rows of an existing table, in AddField and
 * AlterField), so there `default` lives only in Python (netbox b72793a8). `db_default` is compared.
 */
function inCreateModelFields(fieldCall: TsNode): boolean {
  const list = fieldCall.parent?.type === 'tuple' ? fieldCall.parent.parent : undefined
  const kw = list?.type === 'list' ? list.parent : undefined
  const op = kw?.type === 'keyword_argument' && kw.childForFieldName('name')?.text === 'fields' ? kw.parent?.parent : undefined
  return op?.type === 'call' && /(?:^|\.)CreateModel$/.test(op.childForFieldName('function')?.text ?? '')
}

function isStateKwarg(n: TsNode): boolean {
  if (isStateModelOption(n)) return true
  const name = n.type === 'keyword_argument' ? (n.childForFieldName('name')?.text ?? '') : ''
  if (!DJANGO_STATE_KWARGS.has(name) && name !== 'default') return false
  const call = n.parent?.parent
  if (call?.type !== 'call' || !FIELD_CALL.test(call.childForFieldName('function')?.text ?? '')) return false
  return name !== 'default' || inCreateModelFields(call)
}

/** `dependencies = [...]` in Django's `class Migration`. */
function isDependencies(n: TsNode): boolean {
  if (n.type !== 'expression_statement') return false
  const a = namedChildrenOf(n).at(0)
  return a?.type === 'assignment' && a.childForFieldName('left')?.text === 'dependencies' && n.parent?.parent?.type === 'class_definition'
}

/**
 * The entries of the Django migration's `dependencies` list, as syntax trees, each with its target
 * (`('app', '0001_name')` → [app, name]; undefined for any other form); undefined when there is none.
 */
function dependencyEntries(root: TsNode): Map<string, [string, string] | undefined> | undefined {
  for (const c of namedChildrenOf(root)) {
    if (c?.type !== 'class_definition' || c.childForFieldName('name')?.text !== 'Migration') continue
    for (const st of namedChildrenOf(c.childForFieldName('body') ?? c)) {
      if (!st || !isDependencies(st)) continue
      const list = namedChildrenOf(st).at(0)?.childForFieldName('right')
      if (list?.type !== 'list') return undefined
      const out = new Map<string, [string, string] | undefined>()
      for (const e of namedChildrenOf(list)) {
        if (!e || e.type === 'comment') continue
        const parts = namedChildrenOf(e).filter((x) => x?.type !== 'comment')
        const app = pyString(parts[0])
        const name = pyString(parts[1])
        out.set(treeText(e), e.type === 'tuple' && parts.length === 2 && app && name ? [app, name] : undefined)
      }
      return out
    }
  }
  return undefined
}

/**
 * A Django migration (`class Migration`) whose edit leaves the database the same: see EditKind.stateOnly.
 * `added`: dependencies the edit adds (otherwise state only), for the caller to weigh; `unknown` when one is
 * not an `('app', 'name')` pair.
 */
function djangoStateOnly(a: TsNode, b: TsNode): { added: Array<[string, string]> | 'unknown' } | undefined {
  const isMigration = (r: TsNode): boolean =>
    namedChildrenOf(r).some((c) => c?.type === 'class_definition' && c.childForFieldName('name')?.text === 'Migration')
  if (!isMigration(a) || !isMigration(b)) return undefined
  const skip = (n: TsNode): boolean => isImport(n) || isStateKwarg(n) || isDependencies(n)
  if (treeText(a, skip) !== treeText(b, skip)) return undefined
  // dropping a dependency cannot leave an applied migration with an unapplied one; adding one can
  // (Django's InconsistentMigrationHistory on every database that applied this migration first)
  const before = dependencyEntries(a)
  const after = dependencyEntries(b)
  if (!before || !after) return before === after ? { added: [] } : undefined
  const added = [...after].filter(([d]) => !before.has(d)).map(([, target]) => target)
  const known = added.filter((t): t is [string, string] => t !== undefined)
  return { added: known.length === added.length ? known : 'unknown' }
}

/** Rails options of a schema call that decide how it runs: `algorithm: :concurrently`, `if_not_exists: true`, `if_exists: true`. */
const RUBY_HOW_KEYS = new Set(['algorithm', 'if_not_exists', 'if_exists'])
/** Alembic's keyword arguments that decide how an operation runs: `postgresql_concurrently=True`, `if_[not_]exists=True`. */
const PY_HOW_KWARGS = new Set(['postgresql_concurrently', 'if_not_exists', 'if_exists'])

/**
 * A piece of a migration that decides how its statements run, never the schema they leave: the options
 * above, Rails' `disable_ddl_transaction!` and Django's `atomic = False` (the migration runs outside a
 * transaction, as a concurrent index build must).
 */
function isHowNode(n: TsNode, lang: 'ruby' | 'python'): boolean {
  if (lang === 'ruby') {
    if (n.type === 'pair') {
      const key = (n.childForFieldName('key')?.text ?? '').replace(/^:|^["']|["']$/g, '')
      return RUBY_HOW_KEYS.has(key)
    }
    const bare = n.type === 'identifier' && n.parent !== null && RUBY_CONTAINERS.has(n.parent.type)
    const call = n.type === 'call' && !n.childForFieldName('receiver') && n.childForFieldName('method')?.text === 'disable_ddl_transaction!'
    return (bare && n.text === 'disable_ddl_transaction!') || call
  }
  if (n.type === 'keyword_argument') return PY_HOW_KWARGS.has(n.childForFieldName('name')?.text ?? '')
  if (n.type !== 'expression_statement' || n.parent?.parent?.type !== 'class_definition') return false
  const a = namedChildrenOf(n).at(0)
  return a?.type === 'assignment' && a.childForFieldName('left')?.text === 'atomic'
}

/**
 * The name of a Rails migration's class: Rails records a migration by the version in its file name
 * (schema_migrations), never by its class, so renaming the class (the inflection Zeitwerk expects, OSM 5677877e)
 * changes nothing a database knows.
 */
function isMigrationClassName(n: TsNode): boolean {
  const cls = n.parent
  return (
    cls?.type === 'class' &&
    cls.childForFieldName('name')?.id === n.id &&
    /Migration/.test(cls.childForFieldName('superclass')?.text ?? '') &&
    cls.parent?.type === 'program'
  )
}

/** Rails' reference helpers: their column is `bigint` by default since migrations version 5.1. */
const RAILS_REFERENCES = /^(?:references|belongs_to|add_reference|add_belongs_to)$/

/** The version of the migration class a node sits in (`ActiveRecord::Migration[6.0]` → 6.0); undefined without one. */
function railsMigrationVersion(n: TsNode): number | undefined {
  for (let p: TsNode | null = n.parent; p; p = p.parent) {
    if (p.type !== 'class') continue
    const m = /Migration\[(\d+\.\d+)\]/.exec(p.childForFieldName('superclass')?.text ?? '')
    if (m) return Number(m[1])
  }
  return undefined
}

/**
 * A Rails option written at the value Rails uses without it, so writing it or not changes no statement:
 * `type: :bigint` on a reference (`t.references`, `add_reference`, their `belongs_to` aliases) in a migration of
 * version 5.1 or later (OSM ce4fbc63 spells it out in old migrations for Rails 7), and `null: true` on a call that
 * creates a column (not `change_column`, where it drops a NOT NULL).
 */
function isRailsDefault(n: TsNode, fourTwo: boolean): boolean {
  if (n.type !== 'pair') return false
  const key = (n.childForFieldName('key')?.text ?? '').replace(/^:|:$/g, '')
  const value = n.childForFieldName('value')?.text ?? ''
  const call =
    n.parent?.type === 'argument_list' ? n.parent.parent : n.parent?.parent?.type === 'argument_list' ? n.parent.parent.parent : null
  const method = call?.type === 'call' ? call.childForFieldName('method')?.text : undefined
  // a column is created nullable unless told otherwise; `change_column … null: true` drops a NOT NULL
  // timestamps are NOT NULL by default from version 5.0 on (Rails' Compatibility::FourTwoShared): `fourTwo`, both
  // sides of the comparison run as 4.2 or older
  if (key === 'null' && method !== undefined && /^(?:add_)?timestamps$/.test(method)) return value === 'true' && fourTwo
  if (key === 'null') return value === 'true' && method !== undefined && !method.startsWith('change')
  if (key !== 'type' || value !== ':bigint') return false
  const version = railsMigrationVersion(n)
  return method !== undefined && RAILS_REFERENCES.test(method) && version !== undefined && version >= 5.1
}

/**
 * The Rails version a migration's superclass names, and the node that names it: `ActiveRecord::Migration[5.0]` →
 * '5.0'. `ActiveRecord::Migration` alone runs as 4.2 (Rails' Compatibility::Legacy shares 4.2's behaviour).
 */
function railsSuperclass(root: TsNode): { node: TsNode; version: string } | undefined {
  for (const c of namedChildrenOf(root)) {
    if (c?.type !== 'class') continue
    const sup = c.childForFieldName('superclass')
    const m = /^<\s*(?:::)?ActiveRecord::Migration(?:\[(\d+\.\d+)\])?$/.exec(sup?.text.trim() ?? '')
    const named: string | undefined = m?.[1]
    if (sup && m) return { node: sup, version: named ?? '4.2' }
  }
  return undefined
}

/**
 * What Rails' compatibility layer runs differently for a 4.2 migration than for a 5.0 one (Compatibility::FourTwoShared):
 * each call, and the option that, written out, makes it the same in both.
 */
const FOUR_TWO_SHARED: Record<string, string> = {
  references: 'index',
  belongs_to: 'index',
  add_reference: 'index',
  add_belongs_to: 'index',
  timestamps: 'null',
  add_timestamps: 'null',
  'index_exists?': 'name',
  remove_index: 'name',
}

/** The keys of a call's options (`:null => true`, `null: true`). */
function optionKeys(call: TsNode): Set<string> {
  const keys = new Set<string>()
  for (const arg of namedChildrenOf(call.childForFieldName('arguments') ?? call)) {
    const pairs = arg?.type === 'pair' ? [arg] : arg?.type === 'hash' ? namedChildrenOf(arg) : []
    for (const p of pairs) if (p?.type === 'pair') keys.add((p.childForFieldName('key')?.text ?? '').replace(/^:|:$/g, ''))
  }
  return keys
}

/** Whether `root` or a named node under it satisfies `test` (the walk stops at the first). */
function anyNode(root: TsNode, test: (n: TsNode) => boolean): boolean {
  if (test(root)) return true
  for (const c of namedChildrenOf(root)) if (c && anyNode(c, test)) return true
  return false
}

/** Whether a migration makes a call that runs differently under 4.2 and 5.0 (a FOUR_TWO_SHARED call without its option). */
function usesFourTwoDifferences(root: TsNode): boolean {
  return anyNode(root, (n) => {
    const isMethod = n.parent?.type === 'call' && n.parent.childForFieldName('method')?.id === n.id
    const name = n.type === 'call' ? n.childForFieldName('method')?.text : n.type === 'identifier' && !isMethod ? n.text : undefined
    const option = name !== undefined ? FOUR_TWO_SHARED[name] : undefined
    return option !== undefined && !(n.type === 'call' && optionKeys(n).has(option))
  })
}

/**
 * The superclass of a Rails migration whose version changed with no effect: Rails runs an old migration through
 * the compatibility layer of the version it names. `ActiveRecord::Migration` and `[4.2]` run the same; 4.2 and
 * 5.0 differ only in the calls FOUR_TWO_SHARED lists (OSM 38640e02 tags 95 migrations [5.0], b606acba tags them back
 * [4.2]). Any other change of version (5.0 → 5.1 makes primary keys bigint, 6.1 → 7.0 datetime precision, …) counts.
 */
function sameRailsVersion(a: TsNode, b: TsNode): TsNode[] {
  const sa = railsSuperclass(a)
  const sb = railsSuperclass(b)
  if (!sa || !sb) return []
  const pair = [sa.version, sb.version].sort().join(' ')
  const same = sa.version === sb.version || (pair === '4.2 5.0' && !usesFourTwoDifferences(a) && !usesFourTwoDifferences(b))
  return same ? [sa.node, sb.node] : []
}

/** A migration that runs outside a transaction: Rails' `disable_ddl_transaction!`, Django's `atomic = False`. */
function outsideTransaction(root: TsNode, lang: 'ruby' | 'python'): boolean {
  return anyNode(root, (n) => isHowNode(n, lang) && (lang === 'ruby' ? /disable_ddl_transaction!/.test(n.text) : /^atomic\b/.test(n.text)))
}

/** A concurrent index build or drop, the one reason to take a migration out of its transaction. */
const CONCURRENT_TEXT =
  /algorithm:\s*:concurrently|:algorithm\s*=>\s*:concurrently|postgresql_concurrently\s*=\s*True|IndexConcurrently\b|\bCONCURRENTLY\b/i

/**
 * The edit takes the migration out of its transaction but runs nothing that needs it (no concurrent build or
 * drop after it): it only loses atomicity (a failure halfway leaves half the schema change), which is more than
 * a change of how it runs (OSM 64952fef: disable_ddl_transaction! added, the index builds still blocking).
 */
function leavesTransactionForNothing(a: TsNode, b: TsNode, lang: 'ruby' | 'python'): boolean {
  return !outsideTransaction(a, lang) && outsideTransaction(b, lang) && !CONCURRENT_TEXT.test(b.text)
}

export function compareTrees(parser: TsParser, base: string, head: string, lang: 'ruby' | 'python'): EditKind {
  return withTree(parser, base, (a) => withTree(parser, head, (b) => compareParsed(a, b, base, head, lang)))
}

/**
 * The forward code as text: Rails runs `def change` forward exactly as `def up`, so splitting a `change` into
 * `up` and `down` (rubocop's Rails/ReversibleMigration) keeps the forward code when the body is the same.
 */
function forwardText(root: TsNode, skip: (n: TsNode) => boolean, lang: 'ruby' | 'python'): string {
  const text = treeText(root, skip)
  return lang === 'ruby' ? text.replace(/\(method def change(?= )/g, '(method def up') : text
}

function compareParsed(a: TsTree | null, b: TsTree | null, base: string, head: string, lang: 'ruby' | 'python'): EditKind {
  const none = { rollbackOnly: false, dataOnly: false, stateOnly: false, howOnly: false }
  if (!a || !b) return { ...none, changed: base !== head }
  const sameVersion = lang === 'ruby' ? sameRailsVersion(a.rootNode, b.rootNode) : []
  const oldRails = (root: TsNode): boolean => {
    const v = railsSuperclass(root)?.version
    return v !== undefined && Number(v) <= 4.2
  }
  const fourTwo = lang === 'ruby' && oldRails(a.rootNode) && oldRails(b.rootNode)
  const same = (n: TsNode): boolean =>
    isImport(n) ||
    (lang === 'ruby' &&
      (isRailsDefault(n, fourTwo) || isMigrationClassName(n) || sameVersion.some((v) => v.id === n.id && v.tree === n.tree)))
  if (treeText(a.rootNode, same) === treeText(b.rootNode, same)) return { ...none, changed: false }
  const state = lang === 'python' ? djangoStateOnly(a.rootNode, b.rootNode) : undefined
  if (state && state.added !== 'unknown' && state.added.length === 0) return { ...none, changed: true, stateOnly: true }
  if (state && state.added !== 'unknown') return { ...none, changed: true, addedDependencies: state.added }
  const fwd = (n: TsNode): boolean => isImport(n) || isRollbackNode(n)
  const rollbackOnly = forwardText(a.rootNode, fwd, lang) === forwardText(b.rootNode, fwd, lang)
  if (rollbackOnly) return { ...none, changed: true, rollbackOnly }
  const how = (n: TsNode): boolean => isImport(n) || isHowNode(n, lang)
  if (treeText(a.rootNode, how) === treeText(b.rootNode, how) && !leavesTransactionForNothing(a.rootNode, b.rootNode, lang))
    return { ...none, changed: true, howOnly: true }
  const dataOnly =
    isFrameworkMigration(a.rootNode, lang) &&
    isFrameworkMigration(b.rootNode, lang) &&
    schemaText(a.rootNode, lang, isImport) === schemaText(b.rootNode, lang, isImport)
  return { ...none, changed: true, dataOnly }
}
