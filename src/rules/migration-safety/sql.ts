/**
 * PostgreSQL migration analysis over libpg-query's parse tree. Pure: give it the parser and the text, get
 * issues with 1-based lines relative to that text.
 */
import { DANGERS, type DangerId } from './dangers.js'
import { TextIndex, shortStatement, skipSqlTrivia, trimSqlEnd } from './text.js'
import { toSyntaxError, type PgApi, type PgScanToken, type PgStatement } from './wasm.js'

export interface SqlOptions {
  pgVersion: number
  /** The migration tool wraps the whole file in a transaction. */
  assumeInTransaction: boolean
  requireLockTimeout: boolean
}

export interface Issue {
  id: DangerId
  line: number
  endLine: number
  column?: number
  /** The statement (first line, shortened). */
  statement: string
  /** Specific explanation (what exactly), prefixed to the danger's why. */
  detail: string
  /** Table the danger applies to, when known. */
  table?: string
  /** Column, when known (expand/contract). */
  column_name?: string
}

/** A statement with its position, for callers that map suppressions. */
export interface StatementSpan {
  line: number
  endLine: number
}

export interface SqlResult {
  issues: Issue[]
  statements: StatementSpan[]
  /** Statements parsed. */
  count: number
  /** Comments (for suppressions and dbmate markers): line and text. */
  comments: Array<{ line: number; text: string }>
}

type Node = Record<string, unknown>
const VOLATILE_FUNCS = new Set([
  'random', 'clock_timestamp', 'timeofday', 'statement_timestamp', 'gen_random_uuid', 'uuid_generate_v1',
  'uuid_generate_v1mc', 'uuid_generate_v4', 'uuidv4', 'uuidv7', 'nextval', 'txid_current', 'setseed',
])
/** Functions known not to be volatile (fast default on PG 11+). */
const STABLE_FUNCS = new Set(['now', 'current_timestamp', 'transaction_timestamp', 'current_date', 'localtimestamp', 'lower', 'upper', 'to_jsonb', 'jsonb_build_object', 'json_build_object', 'array', 'coalesce'])

function str(n: unknown): string | undefined {
  if (n && typeof n === 'object' && 'String' in n) return ((n as { String: { sval?: string } }).String.sval ?? '') as string
  return undefined
}
function typeNameOf(tn: unknown): { name: string; mods: number } {
  const t = (tn ?? {}) as { names?: unknown[]; typmods?: unknown[]; arrayBounds?: unknown[] }
  const names = (t.names ?? []).map(str).filter((s): s is string => s !== undefined)
  const name = names[names.length - 1] ?? ''
  return { name: name.toLowerCase() + (t.arrayBounds ? '[]' : ''), mods: t.typmods?.length ?? 0 }
}
function relName(rv: unknown): string | undefined {
  const r = rv as { relname?: string } | undefined
  return r?.relname?.toLowerCase()
}
function constraintsOf(col: Node): Node[] {
  return ((col.constraints as unknown[]) ?? []).map((c) => (c as { Constraint: Node }).Constraint).filter(Boolean)
}

/** Walks an expression, returning the names of every function called (lower-case) and whether it is constant. */
function exprFunctions(expr: unknown, out: string[] = []): string[] {
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

function isVolatileDefault(expr: unknown): { volatile: boolean; fn?: string } {
  for (const fn of exprFunctions(expr)) {
    if (fn.startsWith('svfop_')) continue // CURRENT_TIMESTAMP & co: stable
    if (VOLATILE_FUNCS.has(fn)) return { volatile: true, fn }
    if (!STABLE_FUNCS.has(fn)) return { volatile: true, fn } // unknown function: cannot prove it is not volatile
  }
  return { volatile: false }
}

const INT_KEY_TYPES = new Set(['int4', 'int2', 'serial', 'serial4', 'smallserial', 'serial2', 'int', 'integer', 'smallint'])

/** Bytes per chunk: files up to this size are parsed in one call. */
export const CHUNK_BYTES = 64 * 1024

/**
 * Where the file is cut into chunks: after a `;` that ends a line (LF or CRLF), every CHUNK_BYTES or so.
 *
 * A cut whose chunk parses is a real statement boundary. The chunk ends right after a `;`. Were that `;`
 * inside a string, quoted identifier, dollar quote or block comment, the chunk would end inside it and the
 * lexer would fail ("unterminated ..."); inside a `--` comment the comment ends at the newline anyway. The
 * only statement with `;` tokens inside is a `BEGIN ATOMIC ... END` function body, and a chunk cut inside
 * one lacks its `END` and fails to parse. So while the chunks parse, from the start of the file, their
 * statements are exactly the whole file's; at the first one that does not, the rest of the file is analysed
 * as one piece.
 */
export function chunkCuts(bytes: Uint8Array, size = CHUNK_BYTES): Array<[number, number]> {
  const cuts: Array<[number, number]> = []
  let base = 0
  while (base < bytes.length) {
    let end = Math.min(bytes.length, base + size)
    while (end < bytes.length && !(bytes[end - 1] === 59 && (bytes[end] === 10 || bytes[end] === 13))) end++
    cuts.push([base, end])
    base = end
  }
  return cuts
}

/**
 * Parses and analyses a SQL migration. Never throws on bad SQL: a syntax error becomes a `syntax-error`
 * issue at the parser's cursor, and the statements around it are still analysed when the scanner can split
 * the file.
 */
export function analyzeSql(pg: PgApi, sql: string, opts: SqlOptions, chunkBytes = CHUNK_BYTES): SqlResult {
  // The parser takes a C string: a NUL byte would silently end the file there. PostgreSQL rejects it, so it
  // is a syntax error, and the rest is analysed as if it were a space (offsets and lines unchanged).
  const nul = sql.indexOf('\u0000')
  const run = new SqlRun(nul < 0 ? sql : sql.replaceAll('\u0000', ' '), opts, chunkBytes, pg)
  if (nul >= 0) run.result.issues.push(nulIssue(run.idx, nul))
  for (const [s, e] of run.cuts) {
    let stmts: PgStatement[]
    try {
      stmts = pg.parseSync(run.idx.slice(s, e)).stmts ?? []
    } catch {
      run.recover(pg, s)
      break
    }
    run.add(stmts, s, e)
  }
  return run.result
}

/**
 * One file's analysis, fed parsed chunks in file order. Each chunk's parse tree is analysed and dropped
 * before the next is parsed, so a large file's tree never lives whole (tens of MB the collector would
 * otherwise copy while it stays alive).
 */
class SqlRun {
  readonly idx: TextIndex
  readonly result: SqlResult = { issues: [], statements: [], count: 0, comments: [] }
  /** The chunks to parse, in order; none for a blank file. */
  readonly cuts: Array<[number, number]>
  private readonly state: FileState
  /** The file has comment markers: stretches holding one are scanned for comments. */
  private readonly markers: boolean
  /** End of the text already looked at for comments. */
  private commentsTo = 0
  /** recover() scanned the rest of the file: every comment is known. */
  private commentsDone = false

  /** `scanner` finds the comments, when the file has `--` or a block comment. */
  constructor(
    sql: string,
    opts: SqlOptions,
    chunkBytes: number,
    private readonly scanner: PgApi,
  ) {
    this.idx = new TextIndex(sql)
    this.state = new FileState(opts)
    this.markers = sql.includes('--') || sql.includes('/*')
    this.cuts = sql.trim() === '' ? [] : chunkCuts(this.idx.bytes, chunkBytes)
    if (this.cuts.length === 0) this.scanComments(0, this.idx.bytes.length)
  }

  /** Statements parsed from the bytes [base, end); their locations are relative to `base`. */
  add(stmts: PgStatement[], base: number, end: number): void {
    const { idx, result } = this
    const collect = this.markers && !this.commentsDone
    for (let i = 0; i < stmts.length; i++) {
      const st = stmts[i]
      const rawStart = base + (st.stmt_location ?? 0)
      const rawEnd = st.stmt_len ? rawStart + st.stmt_len : i === stmts.length - 1 ? end : base + (stmts[i + 1].stmt_location ?? 0)
      const start = skipSqlTrivia(idx.bytes, rawStart, rawEnd)
      if (collect) {
        this.commentsBefore(start)
        this.scanComments(start, rawEnd)
      }
      const stop = Math.max(start + 1, trimSqlEnd(idx.bytes, start, rawEnd))
      const span = { line: idx.lineOfByte(start), endLine: idx.lineOfByte(stop - 1) }
      result.statements.push(span)
      result.count++
      const found = this.state.check(st.stmt)
      if (found.length === 0) continue
      const text = shortStatement(idx.slice(start, stop))
      // Built field by field: an object spread over findings of different shapes is megamorphic and was a
      // fifth of the analysis time on a 10,000-statement file.
      for (const f of found) {
        result.issues.push({ id: f.id, line: span.line, endLine: span.endLine, column: f.column, statement: text, detail: f.detail, table: f.table, column_name: f.column_name })
      }
    }
    if (collect && end === idx.bytes.length) this.commentsBefore(end)
  }

  /**
   * The chunk starting at `from` did not parse: analyse the rest of the file as one piece. If that does not
   * parse either, split it at top-level semicolons with the real scanner and parse each statement on its
   * own, so one bad statement does not hide the others.
   */
  recover(pg: PgApi, from: number): void {
    const { idx, result } = this
    const end = idx.bytes.length
    // comments between the last statement analysed and `from` (e.g. a chunk that was all comment)
    if (this.markers && !this.commentsDone) this.commentsBefore(from)
    const rest = idx.slice(from, end)
    let whole: unknown
    try {
      this.add(pg.parseSync(rest).stmts ?? [], from, end)
      return
    } catch (err) {
      whole = err
    }
    let tokens: PgScanToken[] | undefined
    try {
      tokens = pg.scanSync(rest).tokens
    } catch {
      tokens = undefined
    }
    if (!tokens) {
      result.issues.push(syntaxIssue(idx, whole, from))
      return
    }
    this.pushComments(tokens, from)
    this.commentsDone = true
    let start = from
    const cuts: Array<[number, number]> = []
    for (const t of tokens) if (t.tokenName === 'ASCII_59') {
      cuts.push([start, from + t.end])
      start = from + t.end
    }
    if (skipSqlTrivia(idx.bytes, start, end) < end) cuts.push([start, end])
    for (const [s, e] of cuts) {
      if (skipSqlTrivia(idx.bytes, s, e) >= trimSqlEnd(idx.bytes, s, e)) continue
      let stmts: PgStatement[]
      try {
        stmts = pg.parseSync(idx.slice(s, e)).stmts ?? []
      } catch (err) {
        result.issues.push(syntaxIssue(idx, err, s))
        continue
      }
      this.add(stmts, s, e)
    }
  }

  /** Comment spans found by skipSqlTrivia between two statements. */
  private readonly trivia: Array<[number, number]> = []

  /**
   * Comments between the previous statement and the next token at `to` (a statement's first token, or the
   * end of the file). The parser says that stretch holds only the previous `;`, empty statements,
   * whitespace and comments, so skipSqlTrivia delimits the comments without the scanner: that is where
   * migrations keep them (headers, suppressions, dbmate markers). Anything else it meets hands the stretch
   * to the scanner.
   */
  private commentsBefore(to: number): void {
    const b = this.idx.bytes
    let i = this.commentsTo
    for (;;) {
      i = skipSqlTrivia(b, i, to, this.trivia)
      if (i < to && b[i] === 59) i++
      else break
    }
    if (i < to) {
      this.trivia.length = 0
      this.scanComments(this.commentsTo, to)
      return
    }
    for (const [s, e] of this.trivia) this.result.comments.push({ line: this.idx.lineOfByte(s), text: this.idx.slice(s, e) })
    this.trivia.length = 0
    this.commentsTo = to
  }

  /** Comments in [from, to): scanned only when the stretch holds a comment marker. */
  private scanComments(from: number, to: number): void {
    if (to <= from) return
    this.commentsTo = to
    if (!this.markers) return
    const text = this.idx.slice(from, to)
    if (!text.includes('--') && !text.includes('/*')) return
    let tokens: PgScanToken[]
    try {
      tokens = this.scanner.scanSync(text).tokens
    } catch {
      return
    }
    this.pushComments(tokens, from)
  }

  /** The comment tokens of a scan of the text starting at byte `from`. */
  private pushComments(tokens: PgScanToken[], from: number): void {
    for (const t of tokens) {
      if (t.tokenName === 'SQL_COMMENT' || t.tokenName === 'C_COMMENT') this.result.comments.push({ line: this.idx.lineOfByte(from + t.start), text: t.text })
    }
  }
}

function nulIssue(idx: TextIndex, charOffset: number): Issue {
  const byte = idx.charToByte(charOffset)
  const line = idx.lineOfByte(byte)
  const column = idx.columnOfByte(byte)
  return {
    id: 'syntax-error',
    line,
    endLine: line,
    column,
    statement: shortStatement(idx.text.split('\n')[line - 1] ?? ''),
    detail: `a NUL byte (\\0) at line ${line}, column ${column}: PostgreSQL rejects it; the rest of the file was checked as if it were a space`,
  }
}

function syntaxIssue(idx: TextIndex, err: unknown, baseByte: number): Issue {
  const e = toSyntaxError(err)
  // cursorPosition is a 0-based offset in characters (code points) into the text that was parsed.
  const byte = e.cursor !== undefined ? idx.advanceCodePoints(baseByte, e.cursor) : baseByte
  const line = idx.lineOfByte(byte)
  const column = idx.columnOfByte(byte)
  const lineText = idx.text.split('\n')[line - 1] ?? ''
  return {
    id: 'syntax-error',
    line,
    endLine: line,
    column,
    statement: shortStatement(lineText),
    detail: `${e.message} (line ${line}, column ${column})`,
  }
}

type Found = Omit<Issue, 'line' | 'endLine' | 'statement'>

/** What the file did so far: objects it created, transaction state, lock_timeout. */
class FileState {
  private readonly createdTables = new Set<string>()
  private readonly createdIndexes = new Set<string>()
  private txDepth = 0
  private lockTimeout = false
  private lockTimeoutReported = false
  /** constraint name -> table.column of a CHECK (c IS NOT NULL) */
  private readonly notNullChecks = new Map<string, string>()
  private readonly validatedNotNull = new Set<string>()

  constructor(private readonly opts: SqlOptions) {}

  private inTx(): boolean {
    return this.opts.assumeInTransaction || this.txDepth > 0
  }

  check(stmt: Record<string, unknown>): Found[] {
    const out: Found[] = []
    const [kind] = Object.keys(stmt)
    const n = stmt[kind] as Node
    const add = (id: DangerId, detail: string, table?: string, column_name?: string): void => {
      if (table && this.createdTables.has(table) && (DANGERS[id] as { lockDanger?: boolean }).lockDanger) return
      out.push({ id, detail, table, column_name })
    }
    let lockingTable: string | undefined
    let locks = false
    switch (kind) {
      case 'TransactionStmt': {
        const k = String(n.kind)
        if (k === 'TRANS_STMT_BEGIN' || k === 'TRANS_STMT_START') this.txDepth++
        else if (k === 'TRANS_STMT_COMMIT' || k === 'TRANS_STMT_ROLLBACK') this.txDepth = 0
        break
      }
      case 'VariableSetStmt':
        if (String(n.name).toLowerCase() === 'lock_timeout') this.lockTimeout = true
        break
      case 'CreateStmt': {
        const t = relName(n.relation)
        if (t) this.createdTables.add(t)
        this.checkColumns((n.tableElts as unknown[]) ?? [], out)
        break
      }
      case 'CreateTableAsStmt': {
        const t = relName((n.into as Node | undefined)?.rel)
        if (t) this.createdTables.add(t)
        break
      }
      case 'IndexStmt': {
        const t = relName(n.relation)
        if (n.idxname) this.createdIndexes.add(String(n.idxname).toLowerCase())
        if (t && this.createdTables.has(t)) break
        locks = true
        lockingTable = t
        if (n.concurrent) {
          if (this.inTx()) add('concurrently-in-transaction', `CREATE INDEX CONCURRENTLY on ${t} inside a transaction`)
        } else add('create-index-non-concurrent', `CREATE INDEX on ${t} without CONCURRENTLY`, t)
        break
      }
      case 'DropStmt': {
        const type = String(n.removeType)
        const names = ((n.objects as unknown[]) ?? []).map((o) => {
          const items = ((o as { List?: { items?: unknown[] } }).List?.items ?? []).map(str)
          return String(items[items.length - 1] ?? '').toLowerCase()
        })
        if (type === 'OBJECT_INDEX') {
          const existing = names.filter((x) => !this.createdIndexes.has(x))
          if (existing.length === 0) break
          locks = true
          if (n.concurrent) {
            if (this.inTx()) add('concurrently-in-transaction', `DROP INDEX CONCURRENTLY ${existing.join(', ')} inside a transaction`)
          } else add('drop-index-non-concurrent', `DROP INDEX ${existing.join(', ')} without CONCURRENTLY`)
        } else if (type === 'OBJECT_TABLE') {
          const existing = names.filter((x) => !this.createdTables.has(x))
          if (existing.length === 0) break
          locks = true
          add('drop-table', `DROP TABLE ${existing.join(', ')}`)
        }
        break
      }
      case 'ReindexStmt': {
        const t = relName(n.relation)
        const concurrent = ((n.params as unknown[]) ?? []).some((p) => (p as { DefElem?: { defname?: string } }).DefElem?.defname === 'concurrently')
        locks = true
        if (concurrent) {
          if (this.inTx()) add('concurrently-in-transaction', `REINDEX CONCURRENTLY ${t ?? ''} inside a transaction`.replace('  ', ' '))
        } else add('reindex-non-concurrent', `REINDEX ${t ?? ''} without CONCURRENTLY`.replace('  ', ' '), t)
        break
      }
      case 'DropdbStmt':
        add('drop-database', `DROP DATABASE ${String(n.dbname)}`)
        break
      case 'TruncateStmt':
        locks = true
        if (n.behavior === 'DROP_CASCADE') add('truncate-cascade', 'TRUNCATE ... CASCADE')
        break
      case 'VacuumStmt': {
        const full = ((n.options as unknown[]) ?? []).some((p) => (p as { DefElem?: { defname?: string } }).DefElem?.defname === 'full')
        if (full && n.is_vacuumcmd !== false) {
          const rels = ((n.rels as unknown[]) ?? []).map((r) => relName((r as { VacuumRelation?: { relation?: unknown } }).VacuumRelation?.relation))
          locks = true
          add('vacuum-full', `VACUUM FULL ${rels.join(', ')}`.trim(), rels.length === 1 ? rels[0] : undefined)
        }
        break
      }
      case 'ClusterStmt': {
        const t = relName(n.relation)
        locks = true
        add('cluster', `CLUSTER ${t ?? ''}`.trim(), t)
        break
      }
      case 'AlterEnumStmt':
        if (n.newVal !== undefined && n.oldVal === undefined) {
          locks = true
          if (!n.newValNeighbor) add('enum-add-value-unordered', `ALTER TYPE ... ADD VALUE '${String(n.newVal)}' without BEFORE/AFTER${this.opts.pgVersion < 12 && this.inTx() ? ' (and inside a transaction on PostgreSQL < 12: it fails)' : ''}`)
        }
        break
      case 'RenameStmt': {
        const type = String(n.renameType)
        const t = relName(n.relation)
        if (t && this.createdTables.has(t)) break
        locks = true
        lockingTable = t
        if (type === 'OBJECT_COLUMN') add('rename-column', `RENAME COLUMN ${t}.${String(n.subname)} to ${String(n.newname)}`, t, String(n.subname))
        else if (type === 'OBJECT_TABLE') add('rename-table', `RENAME TABLE ${t} to ${String(n.newname)}`, t)
        break
      }
      case 'AlterTableStmt': {
        if (n.objtype !== undefined && n.objtype !== 'OBJECT_TABLE') break
        const t = relName(n.relation)
        const isNew = t !== undefined && this.createdTables.has(t)
        if (!isNew) {
          locks = true
          lockingTable = t
        }
        for (const c of (n.cmds as unknown[]) ?? []) this.checkAlterCmd(t ?? '?', isNew, (c as { AlterTableCmd: Node }).AlterTableCmd, add, out)
        break
      }
      default:
        break
    }
    if (locks && this.opts.requireLockTimeout && !this.lockTimeout && !this.lockTimeoutReported && !(lockingTable && this.createdTables.has(lockingTable))) {
      this.lockTimeoutReported = true
      out.push({ id: 'lock-timeout-missing', detail: 'the first DDL on an existing table runs with no lock_timeout set earlier in the file' })
    }
    return out
  }

  private checkColumns(elts: unknown[], out: Found[]): void {
    const pkCols = new Set<string>()
    for (const e of elts) {
      const c = (e as { Constraint?: Node }).Constraint
      if (c && c.contype === 'CONSTR_PRIMARY') for (const k of (c.keys as unknown[]) ?? []) pkCols.add(String(str(k)).toLowerCase())
    }
    for (const e of elts) {
      const col = (e as { ColumnDef?: Node }).ColumnDef
      if (col) this.checkColumnType(col, out, pkCols.has(String(col.colname).toLowerCase()))
    }
  }

  private checkColumnType(col: Node, out: Found[], isPk = false): void {
    const { name } = typeNameOf(col.typeName)
    const colname = String(col.colname ?? '')
    if (name === 'json') out.push({ id: 'prefer-jsonb', detail: `column ${colname} is json` })
    else if (name === 'timestamp') out.push({ id: 'prefer-timestamptz', detail: `column ${colname} is timestamp without time zone` })
    else if (name === 'bpchar') out.push({ id: 'prefer-text', detail: `column ${colname} is char(n)` })
    else if (INT_KEY_TYPES.has(name)) {
      const pk = isPk || constraintsOf(col).some((c) => c.contype === 'CONSTR_PRIMARY')
      if (pk || name.includes('serial')) out.push({ id: 'prefer-bigint-key', detail: `${pk ? 'key' : 'column'} ${colname} is ${name}` })
    }
  }

  private checkAlterCmd(t: string, isNew: boolean, cmd: Node, add: (id: DangerId, detail: string, table?: string, column?: string) => void, out: Found[]): void {
    const sub = String(cmd.subtype)
    switch (sub) {
      case 'AT_AddColumn': {
        const col = (cmd.def as { ColumnDef?: Node }).ColumnDef
        if (!col) return
        this.checkColumnType(col, out)
        if (isNew) return
        const cons = constraintsOf(col)
        const notNull = cons.some((c) => c.contype === 'CONSTR_NOTNULL')
        const def = cons.find((c) => c.contype === 'CONSTR_DEFAULT')
        const generated = cons.some((c) => c.contype === 'CONSTR_IDENTITY' || c.contype === 'CONSTR_GENERATED')
        const colname = String(col.colname)
        if (notNull && !def && !generated) add('add-column-not-null-no-default', `ADD COLUMN ${t}.${colname} NOT NULL without a DEFAULT`, t)
        if (generated && cons.some((c) => c.contype === 'CONSTR_GENERATED')) add('add-column-volatile-default', `ADD COLUMN ${t}.${colname} GENERATED ... STORED computes every row`, t)
        else if (def) {
          if (this.opts.pgVersion < 11) add('add-column-volatile-default', `ADD COLUMN ${t}.${colname} with a DEFAULT on PostgreSQL ${this.opts.pgVersion} (< 11 rewrites the table)`, t)
          else {
            const v = isVolatileDefault(def.raw_expr)
            if (v.volatile) add('add-column-volatile-default', `ADD COLUMN ${t}.${colname} DEFAULT ${v.fn}(): a volatile default rewrites the table`, t)
          }
        }
        if (cons.some((c) => (c.contype === 'CONSTR_UNIQUE' || c.contype === 'CONSTR_PRIMARY') && !c.indexname)) add('unique-without-index', `ADD COLUMN ${t}.${colname} UNIQUE/PRIMARY KEY builds an index under the lock`, t)
        return
      }
      case 'AT_AlterColumnType': {
        const col = (cmd.def as { ColumnDef?: Node }).ColumnDef ?? {}
        const { name, mods } = typeNameOf(col.typeName)
        const colname = String(cmd.name)
        if (!isNew) {
          const coercible = !col.raw_default && (name === 'text' || (name === 'varchar' && mods === 0) || name === 'citext')
          if (!coercible) add('change-column-type', `ALTER COLUMN ${t}.${colname} TYPE ${name}${mods ? '(...)' : ''}${name === 'varchar' ? ' (safe only if it raises the varchar limit: suppress with that reason)' : ''}`, t)
        }
        this.checkColumnType({ ...col, colname }, out)
        return
      }
      case 'AT_SetNotNull': {
        const key = `${t}.${String(cmd.name).toLowerCase()}`
        if (!this.validatedNotNull.has(key)) add('set-not-null', `ALTER COLUMN ${key} SET NOT NULL`, t)
        return
      }
      case 'AT_DropNotNull':
        add('drop-not-null', `ALTER COLUMN ${t}.${String(cmd.name)} DROP NOT NULL`, t)
        return
      case 'AT_AddConstraint': {
        const c = (cmd.def as { Constraint?: Node }).Constraint
        if (!c) return
        const name = c.conname ? String(c.conname) : '(unnamed)'
        if (c.contype === 'CONSTR_FOREIGN' || c.contype === 'CONSTR_CHECK') {
          if (!c.skip_validation) add('constraint-not-valid-missing', `ADD CONSTRAINT ${name} ${c.contype === 'CONSTR_FOREIGN' ? 'FOREIGN KEY' : 'CHECK'} on ${t} without NOT VALID`, t)
          const nt = (c.raw_expr as { NullTest?: Node } | undefined)?.NullTest
          if (c.contype === 'CONSTR_CHECK' && nt && nt.nulltesttype === 'IS_NOT_NULL') {
            const fields = ((nt.arg as { ColumnRef?: { fields?: unknown[] } })?.ColumnRef?.fields ?? []).map(str)
            const key = `${t}.${String(fields[fields.length - 1]).toLowerCase()}`
            this.notNullChecks.set(name.toLowerCase(), key)
            if (!c.skip_validation) this.validatedNotNull.add(key)
          }
        } else if ((c.contype === 'CONSTR_UNIQUE' || c.contype === 'CONSTR_PRIMARY') && !c.indexname) {
          add('unique-without-index', `ADD ${c.contype === 'CONSTR_UNIQUE' ? 'UNIQUE' : 'PRIMARY KEY'} ${name} on ${t} builds its index under the lock`, t)
        }
        return
      }
      case 'AT_ValidateConstraint': {
        const key = this.notNullChecks.get(String(cmd.name).toLowerCase())
        if (key) this.validatedNotNull.add(key)
        return
      }
      case 'AT_DropColumn':
        add('drop-column', `DROP COLUMN ${t}.${String(cmd.name)}`, t, String(cmd.name))
        return
      case 'AT_DetachPartition': {
        const pc = (cmd.def as { PartitionCmd?: Node }).PartitionCmd ?? {}
        if (pc.concurrent) {
          if (this.inTx()) add('concurrently-in-transaction', `DETACH PARTITION CONCURRENTLY on ${t} inside a transaction`)
        } else add('detach-partition-non-concurrent', `DETACH PARTITION ${relName(pc.name) ?? ''} from ${t} without CONCURRENTLY`, t)
        return
      }
      default:
        return
    }
  }
}
