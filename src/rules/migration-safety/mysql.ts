/**
 * MySQL migration files, read with node-sql-parser's MySQL grammar (a MySQL file is never parsed as
 * PostgreSQL). One lock danger is checked there, the one a diff can show: a column type change that MySQL can
 * only make by copying the table (`ALGORITHM=COPY`: writes blocked for the whole copy). The type before the
 * change comes from the migration's own rollback file, else from the folder's earlier MySQL migrations; with
 * neither, or with an explicit ALGORITHM/LOCK clause (MySQL then refuses what it cannot do that way), nothing is
 * reported.
 *
 * What MySQL does in place (MySQL 8.0 reference manual, "Online DDL Operations", column operations): the same
 * type with other attributes (NULL / NOT NULL, DEFAULT), and a VARCHAR widened while its length prefix keeps its
 * size (up to 255 bytes, i.e. 63 characters at utf8mb4's 4 bytes, or both above). Anything else that changes
 * the data type copies the table.
 */
import type { Issue } from './sql.js'
import { foreignSyntax } from './dangers/foreign-syntax.js'
import { shortStatement } from './text-index.js'

/** A MySQL column type: upper-case name, length (VARCHAR(255) → 255) and scale (DECIMAL(10,2) → 2). */
export interface MysqlType {
  name: string
  length?: number
  scale?: number
  unsigned?: boolean
}

/** One statement of a file with its 1-based lines. */
export interface MysqlStatement {
  text: string
  line: number
  endLine: number
  /** Deepest nesting of parentheses outside quotes and comments. */
  depth?: number
}

/**
 * The statements of a MySQL file: split at `;` outside quotes ('…', "…", `…`) and comments (`-- `, `#`,
 * `/* … *\/`). A file that changes its DELIMITER (stored routines) is not split: undefined.
 */
export function splitMysql(sql: string, comments: Array<{ line: number; text: string }> = []): MysqlStatement[] | undefined {
  if (/^\s*DELIMITER\s/im.test(sql)) return undefined
  const out: MysqlStatement[] = []
  let start = 0
  let line = 1
  let startLine = 1
  let seen = false
  let depth = 0
  let deepest = 0
  const push = (end: number): void => {
    const text = sql.slice(start, end).trim()
    if (text && seen) out.push({ text, line: startLine, endLine: line, depth: deepest })
    seen = false
    depth = 0
    deepest = 0
  }
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]
    if (c === '\n') {
      line++
      continue
    }
    if ((c === '-' && sql[i + 1] === '-' && /[\s]/.test(sql[i + 2] ?? '\n')) || c === '#') {
      const from = i
      while (i < sql.length && sql[i] !== '\n') i++
      comments.push({ line, text: sql.slice(from, i) })
      i--
      continue
    }
    if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2)
      const stop = end < 0 ? sql.length : end + 2
      comments.push({ line, text: sql.slice(i, stop) })
      for (let k = i; k < stop; k++) if (sql[k] === '\n') line++
      i = stop - 1
      continue
    }
    if (/\s/.test(c)) continue
    if (!seen) {
      seen = true
      startLine = line
      start = i
    }
    if (c === "'" || c === '"' || c === '`') {
      let k = i + 1
      for (; k < sql.length; k++) {
        if (sql[k] === '\\' && c !== '`') k++
        else if (sql[k] === c) {
          if (sql[k + 1] === c) k++
          else break
        }
      }
      for (let n = i; n < Math.min(k, sql.length); n++) if (sql[n] === '\n') line++
      i = k
      continue
    }
    if (c === '(') deepest = Math.max(deepest, ++depth)
    else if (c === ')') depth = Math.max(0, depth - 1)
    else if (c === ';') {
      push(i)
      start = i + 1
    }
  }
  push(sql.length)
  return out
}

// node-sql-parser's AST, as far as it is read here
interface ColumnRef {
  column?: string | { expr?: { value?: string } }
}
interface Definition {
  dataType?: string
  length?: number
  scale?: number
  suffix?: unknown
}
interface AlterExpr {
  action?: string
  resource?: string
  keyword?: string
  column?: ColumnRef
  old_column?: ColumnRef
  definition?: Definition | unknown[]
}
interface Ast {
  type?: string
  keyword?: string
  table?: Array<{ table?: string }> | null
  expr?: AlterExpr[]
  create_definitions?: Array<{ resource?: string; column?: ColumnRef; definition?: Definition }>
}

interface MysqlParser {
  astify(sql: string, opt?: { database: string }): unknown
}

let parser: Promise<MysqlParser> | undefined

/** node-sql-parser's MySQL build, loaded on first use (only when a PR changes a MySQL migration). */
function loadMysql(): Promise<MysqlParser> {
  parser ??= import('node-sql-parser/build/mysql.js').then((m) => {
    // a UMD module: its names are on the namespace (bundled) or on its default export (Node's ESM loader)
    const P = typeof m.Parser === 'function' ? m.Parser : 'default' in m ? (m.default as Partial<typeof m> | undefined)?.Parser : undefined
    if (!P) throw new Error('node-sql-parser/build/mysql has no Parser')
    return new P()
  })
  return parser
}

const isAst = (x: unknown): x is Ast => typeof x === 'object' && x !== null && !Array.isArray(x)

const name = (c: ColumnRef | undefined): string | undefined => {
  const v = typeof c?.column === 'string' ? c.column : c?.column?.expr?.value
  return v?.toLowerCase()
}

/** Synonyms MySQL stores as one type. */
const SAME: Record<string, string> = { INTEGER: 'INT', BOOL: 'TINYINT', BOOLEAN: 'TINYINT', DEC: 'DECIMAL', NUMERIC: 'DECIMAL' }

function typeOf(d: Definition | unknown[] | undefined): MysqlType | undefined {
  if (!d || Array.isArray(d) || typeof d.dataType !== 'string') return undefined
  const upper = d.dataType.toUpperCase()
  const unsigned = Array.isArray(d.suffix) && d.suffix.some((s) => String(s).toUpperCase() === 'UNSIGNED')
  return {
    name: SAME[upper] ?? upper,
    ...(typeof d.length === 'number' ? { length: d.length } : {}),
    ...(typeof d.scale === 'number' ? { scale: d.scale } : {}),
    ...(unsigned ? { unsigned } : {}),
  }
}

export const showType = (t: MysqlType): string =>
  t.name + (t.length !== undefined ? `(${t.length}${t.scale !== undefined ? `,${t.scale}` : ''})` : '') + (t.unsigned ? ' UNSIGNED' : '')

/** Bytes of a VARCHAR's length prefix at utf8mb4 (MySQL 8's default): 1 up to 255 bytes, else 2. */
const prefix = (chars: number): number => (chars * 4 <= 255 ? 1 : 2)

/** Why MySQL must copy the table to go from `before` to `after`, or undefined when it changes the column in place. */
export function copyReason(before: MysqlType, after: MysqlType): string | undefined {
  if (
    before.name === after.name &&
    before.length === after.length &&
    before.scale === after.scale &&
    !!before.unsigned === !!after.unsigned
  )
    return undefined
  if (before.name === 'VARCHAR' && after.name === 'VARCHAR' && before.length !== undefined && after.length !== undefined) {
    if (after.length < before.length) return 'a VARCHAR made shorter'
    if (prefix(before.length) !== prefix(after.length)) return 'a VARCHAR widened past 255 bytes (its length prefix grows)'
    return undefined
  }
  return 'the data type changes'
}

/** `table.column` → type after each statement, learnt in order (CREATE TABLE, ADD, MODIFY, CHANGE, RENAME COLUMN). */
export function learnTypes(asts: Ast[], into: Map<string, MysqlType>): void {
  for (const a of asts) {
    const table = a.table?.[0]?.table?.toLowerCase()
    if (!table) continue
    if (a.type === 'create' && a.keyword === 'table')
      for (const d of a.create_definitions ?? []) {
        const col = d.resource === 'column' ? name(d.column) : undefined
        const t = typeOf(d.definition)
        if (col && t) into.set(`${table}.${col}`, t)
      }
    if (a.type === 'alter')
      for (const e of a.expr ?? []) {
        if (e.resource !== 'column') continue
        const col = name(e.column)
        if (!col) continue
        if (e.action === 'rename' || e.action === 'change') {
          const old = name(e.old_column)
          const t = old ? into.get(`${table}.${old}`) : undefined
          if (old) into.delete(`${table}.${old}`)
          if (t && e.action === 'rename') into.set(`${table}.${col}`, t)
        }
        const t = typeOf(e.definition)
        if (t && (e.action === 'add' || e.action === 'modify' || e.action === 'change')) into.set(`${table}.${col}`, t)
      }
  }
}

/** The statements read: the ones that define or change columns. */
const SCHEMA_STATEMENT = /^(?:ALTER|CREATE)\s+(?:TEMPORARY\s+)?TABLE\b/i
/** Longer statements are not parsed (a generated schema dump of one table is far shorter). */
const MAX_STATEMENT = 64 * 1024
/**
 * Deeper statements are not parsed. node-sql-parser backtracks exponentially on nested expressions: six nested
 * `CAST(` in a DEFAULT took seconds, ten took minutes and fifteen crashed Node (an array past V8's limit), so
 * a hostile migration of 200 bytes could hang or kill the gate. A column's type needs depth 3 at most
 * (`CREATE TABLE t (c DECIMAL(10,2) DEFAULT (0))`); anything deeper is listed as not checked.
 */
const MAX_DEPTH = 3
/**
 * Milliseconds of MySQL parsing per run (`MysqlBudget`): at depth 3 a statement parses in a few milliseconds,
 * the worst in tens, so a PR of thousands of such statements stops here and lists the rest as not checked.
 */
export const MYSQL_PARSE_BUDGET_MS = 5000

/** What is left of a run's MySQL parsing time, shared by every file and lookback of the run. */
export interface MysqlBudget {
  leftMs: number
}

/** Every statement node-sql-parser can read (the others are skipped), with its place. */
export async function parseMysql(
  sql: string,
  budget: MysqlBudget = { leftMs: MYSQL_PARSE_BUDGET_MS },
): Promise<{
  parsed: Array<{ ast: Ast; at: MysqlStatement }>
  /** ALTER / CREATE TABLE statements MySQL's grammar here could not read (the whole file when it changes DELIMITER). */
  unread: MysqlStatement[]
  comments: Array<{ line: number; text: string }>
  /** Every statement of the file (none when it changes DELIMITER). */
  statements: MysqlStatement[]
}> {
  const comments: Array<{ line: number; text: string }> = []
  const stmts = splitMysql(sql, comments)
  if (!stmts) return { parsed: [], unread: [{ text: 'DELIMITER', line: 1, endLine: 1 }], comments, statements: [] }
  const p = await loadMysql()
  const parsed: Array<{ ast: Ast; at: MysqlStatement }> = []
  const unread: MysqlStatement[] = []
  for (const at of stmts) {
    // only the statements that define columns are read: data (INSERT, UPDATE) may be megabytes
    if (!SCHEMA_STATEMENT.test(at.text)) continue
    if (at.text.length > MAX_STATEMENT || (at.depth ?? 0) > MAX_DEPTH || budget.leftMs <= 0) {
      unread.push(at)
      continue
    }
    const t0 = performance.now()
    try {
      const r = p.astify(at.text, { database: 'MySQL' })
      for (const ast of Array.isArray(r) ? r : [r]) if (isAst(ast)) parsed.push({ ast, at })
    } catch {
      unread.push(at)
    }
    budget.leftMs -= performance.now() - t0
  }
  return { parsed, unread, comments, statements: stmts }
}

/** The column types a MySQL file leaves (a rollback file, an earlier migration). */
export async function mysqlTypesSetBy(
  sql: string,
  into = new Map<string, MysqlType>(),
  budget?: MysqlBudget,
): Promise<Map<string, MysqlType>> {
  const { parsed } = await parseMysql(sql, budget)
  learnTypes(
    parsed.map((p) => p.ast),
    into,
  )
  return into
}

/** `table.column` of every column a file's MODIFY / CHANGE changes (whose type before is needed). */
export async function mysqlColumnsChanged(sql: string, budget?: MysqlBudget): Promise<Set<string>> {
  const out = new Set<string>()
  for (const { ast } of (await parseMysql(sql, budget)).parsed) {
    const table = ast.table?.[0]?.table?.toLowerCase()
    if (ast.type !== 'alter' || !table) continue
    for (const e of ast.expr ?? []) {
      const col = e.resource === 'column' ? name(e.action === 'change' ? e.old_column : e.column) : undefined
      if (col && (e.action === 'modify' || e.action === 'change')) out.add(`${table}.${col}`)
    }
  }
  return out
}

export interface MysqlResult {
  issues: Issue[]
  statements: Array<{ line: number; endLine: number }>
  comments: Array<{ line: number; text: string }>
  created: string[]
  count: number
}

/**
 * The dangers of a forward MySQL file: `table-copy-alter` for a MODIFY / CHANGE whose type differs from the
 * column's type before (`before`: the rollback file's and the earlier migrations' types), unless the ALTER
 * names its ALGORITHM or LOCK. Tables the file creates are learnt as it goes.
 */
export async function analyzeMysql(sql: string, before: ReadonlyMap<string, MysqlType>, budget?: MysqlBudget): Promise<MysqlResult> {
  const { parsed, unread, comments, statements: all } = await parseMysql(sql, budget)
  const known = new Map(before)
  const created: string[] = []
  const issues: Issue[] = []
  for (const at of all) {
    const f = foreignSyntax(at.text)
    if (f)
      issues.push({
        id: 'foreign-syntax',
        line: at.line,
        endLine: at.endLine,
        statement: shortStatement(at.text),
        detail: `${f.what} is PostgreSQL: MySQL rejects it`,
        names: { value: f.instead },
      })
  }
  for (const { ast, at } of parsed) {
    const table = ast.table?.[0]?.table?.toLowerCase()
    if (ast.type === 'create' && ast.keyword === 'table' && table) created.push(table)
    if (ast.type === 'alter' && table && !created.includes(table)) {
      const exprs = ast.expr ?? []
      const explicit = exprs.some((e) => e.resource === 'algorithm' || e.resource === 'lock')
      for (const e of explicit ? [] : exprs) {
        if (e.resource !== 'column' || (e.action !== 'modify' && e.action !== 'change')) continue
        const col = name(e.column)
        const old = e.action === 'change' ? name(e.old_column) : col
        const after = typeOf(e.definition)
        const was = old ? known.get(`${table}.${old}`) : undefined
        if (!col || !after || !was) continue
        const why = copyReason(was, after)
        if (!why) continue
        issues.push({
          id: 'table-copy-alter',
          line: at.line,
          endLine: at.endLine,
          statement: shortStatement(at.text),
          detail:
            `${e.action === 'change' ? 'CHANGE' : 'MODIFY'} ${table}.${old} ${showType(was)} -> ${showType(after)}: ` +
            `${why}, so MySQL copies the table (ALGORITHM=COPY)`,
          table,
          column_name: col,
          names: { table, column: col, type: showType(after), oldType: showType(was), value: at.text.replace(/\s+/g, ' ').trim() },
        })
      }
    }
    learnTypes([ast], known)
  }
  // listed in the file's table as not checked (MySQL syntax): syntax-error holds for PostgreSQL files only
  for (const at of unread)
    issues.push({
      id: 'syntax-error',
      line: at.line,
      endLine: at.endLine,
      statement: shortStatement(at.text),
      detail:
        at.text === 'DELIMITER'
          ? 'the file changes its DELIMITER (stored routines): its statements are not read, so type changes in it are not checked'
          : "MySQL's grammar here (node-sql-parser) did not read this statement (it rejected it, or it nests more than " +
            `${MAX_DEPTH} parentheses deep, or the run's ${MYSQL_PARSE_BUDGET_MS / 1000} s of MySQL parsing was spent): ` +
            'a type change in it is not checked',
    })
  const statements = parsed.map((p) => ({ line: p.at.line, endLine: p.at.endLine }))
  return { issues, statements, comments, created, count: parsed.length }
}
