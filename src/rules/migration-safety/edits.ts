/**
 * Whether an edit of a merged migration changes what it does: the statements are compared as parse trees,
 * without comments, whitespace or positions (libpg-query for PostgreSQL/CockroachDB SQL, tree-sitter for
 * Ruby and Python), not as bytes. `# frozen_string_literal: true` or a reworded comment is no edit.
 */
import type { TsNode, TsParser, PgApi } from './wasm.js'

/**
 * Session timeouts a migration sets for itself: changing their value changes how long it waits, never the
 * schema it leaves, so an edit that only bumps one (a migration that could not get its lock) is no edit.
 */
const TIMEOUTS = new Set(['lock_timeout', 'statement_timeout', 'idle_in_transaction_session_timeout'])
const SET_TIMEOUT = /^\s*SET\s+(?:LOCAL\s+|SESSION\s+)?(lock_timeout|statement_timeout|idle_in_transaction_session_timeout)\b[^;]*;?\s*$/i

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** libpg-query's tree without positions (nor the values of timeouts); undefined when it does not parse. */
function pgTree(pg: PgApi, sql: string): string | undefined {
  try {
    const r = pg.parseSync(sql)
    return JSON.stringify(r.stmts ?? [], (k, v: unknown) => {
      if (k === 'location' || k === 'stmt_location' || k === 'stmt_len') return undefined
      if (k === 'VariableSetStmt' && isRecord(v) && typeof v.name === 'string' && TIMEOUTS.has(v.name)) return { name: v.name, is_local: v.is_local }
      return v
    })
  } catch {
    return undefined
  }
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
  return out.replace(/\s+/g, ' ').replace(/\s*([(),;=])\s*/g, '$1').trim()
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
  if (n.type === 'heredoc_beginning') return n.text.replace(/^<<[-~]/, '<<')
  if (n.type === 'heredoc_content') return n.text.replace(/\s+/g, ' ').trim()
  if (n.type === 'string_content') {
    const m = SET_TIMEOUT.exec(n.text)
    if (m) return `SET ${m[1].toLowerCase()}`
  }
  return n.text
}

/** A syntax tree as text: node types and leaf texts, comments left out; `skip` drops whole subtrees. */
export function treeText(n: TsNode, skip?: (n: TsNode) => boolean): string {
  if (n.type === 'comment' || skip?.(n)) return ''
  if (n.childCount === 0 || n.type === 'heredoc_content' || n.type === 'string_content') return leafText(n)
  let s = `(${n.type}`
  for (const c of n.children) {
    const t = c ? treeText(c, skip) : ''
    if (t) s += ' ' + t
  }
  return s + ')'
}

/** Rollback code in a Rails or Alembic migration: def down, dir.down blocks, def downgrade. */
export function isRollbackNode(n: TsNode): boolean {
  if (n.type === 'method' || n.type === 'function_definition') {
    const name = n.childForFieldName('name')?.text
    return name === 'down' || name === 'downgrade'
  }
  if (n.type === 'call' && n.childForFieldName('receiver') && n.childForFieldName('method')?.text === 'down' && n.childForFieldName('block')) return true
  return false
}

export interface EditKind {
  /** The statements changed (forward or rollback). */
  changed: boolean
  /** Only rollback code changed. */
  rollbackOnly: boolean
}

/** Python imports: reordering or regrouping them (isort) changes no statement the migration runs. */
const isImport = (n: TsNode): boolean => n.type === 'import_statement' || n.type === 'import_from_statement' || n.type === 'future_import_statement'

export function compareTrees(parser: TsParser, base: string, head: string): EditKind {
  const a = parser.parse(base)
  const b = parser.parse(head)
  if (!a || !b) return { changed: base !== head, rollbackOnly: false }
  if (treeText(a.rootNode, isImport) === treeText(b.rootNode, isImport)) return { changed: false, rollbackOnly: false }
  const fwd = (n: TsNode): boolean => isImport(n) || isRollbackNode(n)
  return { changed: true, rollbackOnly: treeText(a.rootNode, fwd) === treeText(b.rootNode, fwd) }
}
