/**
 * PostgreSQL migration analysis over libpg-query's parse tree. Pure: give it the parser and the text, get
 * issues with 1-based lines relative to that text.
 */
import { DANGERS, isDangerId, type DangerId } from './dangers.js'
import { DANGER_LIST } from './dangers/index.js'
import { catchUpOf } from './dangers/backfill-in-transaction.js'
import { constraintNames } from './dangers/constraint-not-valid-missing.js'
import type {
  AlterHook,
  ColumnHook,
  ColumnSite,
  Emit,
  Found,
  Names,
  NodeKind,
  NodeMap,
  PgNode,
  SqlState,
  StmtHooks,
} from './dangers/types.js'
import { columnDefOf, constraintOf, relName, str, typeNameOf, unwrap, type TypeLookup, type TypeName, type Unwrapped } from './sql-ast.js'
import { TextIndex, shortStatement, skipSqlTrivia, trimSqlEnd } from './text-index.js'
import { toSyntaxError, type PgApi, type PgScanToken, type PgStatement } from './wasm.js'
import type { AlterTableCmd, ColumnDef, RenameStmt } from 'libpg-query'
import type { Level } from '../../types.js'

export interface SqlOptions {
  pgVersion: number
  /** The migration tool wraps the whole file in a transaction. */
  assumeInTransaction: boolean
  /**
   * Constraint state shared by the pieces of SQL one transaction runs (an Alembic or Django migration's
   * `op.execute` / `RunSQL` calls, analysed one by one): what one piece adds NOT VALID, the next may validate.
   */
  shared?: SharedConstraints
  requireLockTimeout: boolean
  /** Column types known before the file runs (`table.column`): from the PR, the rollback, the base schema. */
  knownTypes?: TypeLookup
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
  /** Names of the objects, for the recipe. */
  names?: Names
  /** Found in rollback code (down, downgrade, reverse): capped at rollback_level. */
  rollback?: boolean
  /** Highest level of this finding and why (e.g. a forward-only project's missing rollback: notice). */
  cap?: { level: Level; why: string }
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
  /**
   * Unbounded UPDATEs and DELETEs after a schema change of an existing table in the same text
   * (backfill-in-transaction candidates): the caller keeps them when that text runs in one transaction.
   */
  backfills: Issue[]
  /**
   * The same before any schema change in the text (and not on a table a later statement changes): a SQL file
   * holds no schema lock yet there, so they are not reported. The ORM analysers, which do not order embedded
   * SQL with the operations around it, count them as the others.
   */
  earlyBackfills: Issue[]
  /** A statement changed the schema of a table that existed before. */
  schemaChange: boolean
  /** Some statement is not a row read or write (SELECT/INSERT/UPDATE/DELETE) nor a session setting: DDL, a function, … */
  definesSchema: boolean
  /** Tables the file creates. */
  created: string[]
  /** Columns the file adds (`table.column`, lower case). */
  addedColumns: string[]
  /** Catch-up UPDATEs (`UPDATE t SET c = <constant> WHERE c IS NULL`), whatever their transaction. */
  catchUps: CatchUp[]
  /** Line of the first statement that sets a lock_timeout other than 0. */
  lockTimeoutLine?: number
}

/** What one transaction's pieces of SQL know of its constraints (SqlOptions.shared). */
export interface SharedConstraints {
  /** Constraint name (lower case) → the table and names of an ADD CONSTRAINT ... NOT VALID run in the transaction. */
  notValid: Map<string, { table: string; names: Names }>
  /** Constraint name (lower case) → `table.column` of a CHECK (c IS NOT NULL). */
  notNullChecks: Map<string, string>
  /** `table.column` proven NOT NULL by a validated CHECK. */
  validatedNotNull: Set<string>
}

export const sharedConstraints = (): SharedConstraints => ({ notValid: new Map(), notNullChecks: new Map(), validatedNotNull: new Set() })

/** `UPDATE t SET c = <constant> WHERE c IS NULL` at `line` (see catchUpOf). */
export interface CatchUp {
  table: string
  column: string
  line: number
}

/** A SET [LOCAL] lock_timeout to a value other than 0 (0 turns the timeout off). */
function setsLockTimeout(stmt: PgNode): boolean {
  if (!('VariableSetStmt' in stmt)) return false
  const v = stmt.VariableSetStmt
  if (v.name?.toLowerCase() !== 'lock_timeout' || v.kind !== 'VAR_SET_VALUE' || !v.args) return false
  const text = JSON.stringify(v.args[0] ?? {})
  return !/^\{"A_Const":\{"ival":\{(?:"ival":0)?\}/.test(text) && !/"sval":"0+\s*(?:ms|s|min)?"/.test(text)
}

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
  return run.finish()
}

/** Statements that read or write rows, or set the session: what a data-only migration runs. */
const ROW_STATEMENTS = ['SelectStmt', 'InsertStmt', 'UpdateStmt', 'DeleteStmt', 'VariableSetStmt']

/**
 * One file's analysis, fed parsed chunks in file order. Each chunk's parse tree is analysed and dropped
 * before the next is parsed, so a large file's tree never lives whole (tens of MB the collector would
 * otherwise copy while it stays alive).
 */
class SqlRun {
  readonly idx: TextIndex
  readonly result: SqlResult = {
    issues: [],
    statements: [],
    count: 0,
    comments: [],
    backfills: [],
    earlyBackfills: [],
    schemaChange: false,
    definesSchema: false,
    created: [],
    addedColumns: [],
    catchUps: [],
  }
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

  finish(): SqlResult {
    this.result.schemaChange = this.state.schemaChange
    // a backfill before a schema change of its own table still shares the lock: the change waits for nothing
    // and holds the table from there to the commit, with every row the backfill locked
    const ownTable = (i: Issue): boolean => i.table !== undefined && this.state.schemaTables.has(i.table.toLowerCase())
    this.result.backfills.push(...this.result.earlyBackfills.filter(ownTable))
    this.result.earlyBackfills = this.result.earlyBackfills.filter((i) => !ownTable(i))
    this.result.created = [...this.state.createdTables]
    this.result.addedColumns = [...this.state.addedColumns]
    return this.result
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
      if (st.stmt) this.notice(st.stmt, span.line)
      const stmt = st.stmt
      if (stmt && !ROW_STATEMENTS.some((k) => k in stmt)) result.definesSchema = true
      const schemaBefore = this.state.schemaChange
      const found = st.stmt ? this.state.check(st.stmt) : []
      if (found.length === 0) continue
      const text = shortStatement(idx.slice(start, stop))
      // Built field by field: an object spread over findings of different shapes is megamorphic and was a
      // fifth of the analysis time on a 10,000-statement file.
      for (const f of found) {
        const issue: Issue = {
          id: f.id,
          line: span.line,
          endLine: span.endLine,
          column: f.column,
          statement: text,
          detail: f.detail,
          table: f.table,
          column_name: f.column_name,
          names: f.names,
        }
        // a backfill before the schema change runs while no schema lock is held yet: it is a data statement of its own
        if (f.id === 'backfill-in-transaction') (schemaBefore ? result.backfills : result.earlyBackfills).push(issue)
        else result.issues.push(issue)
      }
    }
    if (collect && end === idx.bytes.length) this.commentsBefore(end)
  }

  /** What the catch-up exception needs (see catchUpOf): the file's lock_timeout and its catch-up UPDATEs. */
  private notice(stmt: PgNode, line: number): void {
    if (this.result.lockTimeoutLine === undefined && setsLockTimeout(stmt)) this.result.lockTimeoutLine = line
    const c = 'UpdateStmt' in stmt ? catchUpOf(stmt.UpdateStmt) : undefined
    if (c) this.result.catchUps.push({ ...c, line })
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
    for (const t of tokens)
      if (t.tokenName === 'ASCII_59') {
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
      if (t.tokenName === 'SQL_COMMENT' || t.tokenName === 'C_COMMENT')
        this.result.comments.push({ line: this.idx.lineOfByte(from + t.start), text: t.text })
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
    detail:
      `a NUL byte (\\0) at line ${line}, column ${column}: PostgreSQL rejects it; ` +
      `the rest of the file was checked as if it were a space`,
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

/** A finding of a known danger (the hooks' findings are checked with isDangerId). */
type DangerFound = Found & { id: DangerId }
const isDangerFound = (f: Found): f is DangerFound => isDangerId(f.id)

/** SQL hooks of every danger module, in the order of DANGER_LIST: statement hooks are looked up by kind. */
const STMT_HOOK_SETS: StmtHooks[] = []
const ALTER_HOOKS = new Map<string, AlterHook[]>()
const COLUMN_HOOKS: ColumnHook[] = []
for (const d of DANGER_LIST) {
  const h = d.sql
  if (!h) continue
  if (h.stmt) STMT_HOOK_SETS.push(h.stmt)
  for (const [k, f] of Object.entries(h.alter ?? {})) ALTER_HOOKS.set(k, [...(ALTER_HOOKS.get(k) ?? []), f])
  if (h.column) COLUMN_HOOKS.push(h.column)
}

/** The statement hooks for one kind of statement, gathered on first use. */
const stmtHooksByKind: { [K in NodeKind]?: Array<NonNullable<StmtHooks[K]>> } = {}
function stmtHooks<K extends NodeKind>(kind: K): Array<NonNullable<StmtHooks[K]>> {
  let hooks = stmtHooksByKind[kind]
  if (!hooks) {
    hooks = []
    for (const set of STMT_HOOK_SETS) {
      const f = set[kind]
      if (f) hooks.push(f)
    }
    stmtHooksByKind[kind] = hooks
  }
  return hooks
}

/** Runs the statement hooks of the node's kind on its body. */
function runStmtHooks<K extends NodeKind>(kind: K, n: NodeMap[K], s: SqlState, emit: Emit): void {
  for (const hook of stmtHooks(kind)) hook(n, s, emit)
}

/**
 * What the file did so far: objects it created, column types it knows, transaction state, lock_timeout.
 * The dangers themselves are detected by the hooks of the danger modules (./dangers/<id>.ts).
 */
class FileState implements SqlState {
  readonly createdTables = new Set<string>()
  /** `table.column` of every ADD COLUMN. */
  readonly addedColumns = new Set<string>()
  private readonly createdIndexes = new Set<string>()
  private txDepth = 0
  private lockTimeout = false
  private lockTimeoutReported = false
  /** A statement changed the schema of a table that existed before (for backfill-in-transaction). */
  schemaChange = false
  /** The tables those statements changed, when known. */
  readonly schemaTables = new Set<string>()
  /** What the transaction knows of its constraints (shared with the other pieces of SQL it runs, if any). */
  private readonly constraints: SharedConstraints
  private readonly types = new Map<string, TypeName>()
  readonly pgVersion: number

  constructor(private readonly opts: SqlOptions) {
    this.pgVersion = opts.pgVersion
    this.constraints = opts.shared ?? sharedConstraints()
  }

  inTx(): boolean {
    return this.opts.assumeInTransaction || this.txDepth > 0
  }
  isNew(table: string | undefined): boolean {
    return table !== undefined && this.createdTables.has(table)
  }
  isNewIndex(index: string): boolean {
    return this.createdIndexes.has(index)
  }
  notNullProven(table: string, column: string): boolean {
    return this.constraints.validatedNotNull.has(`${table}.${column}`)
  }
  addedNotValid(constraint: string): { table: string; names: Names } | undefined {
    return this.inTx() ? this.constraints.notValid.get(constraint.toLowerCase()) : undefined
  }
  typeOf(table: string, column: string): TypeName | undefined {
    const key = `${table}.${column}`
    return this.types.get(key) ?? this.opts.knownTypes?.get(key)
  }

  check(stmt: PgNode): DangerFound[] {
    const out: DangerFound[] = []
    const u = unwrap(stmt)
    const emit = (f: Found): void => {
      if (!isDangerFound(f)) return
      const d = DANGERS[f.id]
      if (d.lockDanger && this.isNew(f.table)) return
      out.push(f)
    }
    runStmtHooks(u.kind, u.n, this, emit)
    const { locks, lockingTable } = this.track(u, out, emit)
    if (locks && this.lockTimeoutDue(lockingTable)) {
      this.lockTimeoutReported = true
      out.push({
        id: 'lock-timeout-missing',
        detail: 'the first DDL on an existing table runs with no lock_timeout set earlier in the file',
      })
    }
    return out
  }

  /** The first locking DDL on an existing table with no lock_timeout set before it (reported once per file). */
  private lockTimeoutDue(lockingTable: string | undefined): boolean {
    return (
      this.opts.requireLockTimeout &&
      !this.lockTimeout &&
      !this.lockTimeoutReported &&
      !(lockingTable && this.createdTables.has(lockingTable))
    )
  }

  /** A statement changed the schema of an existing table (`t` when known). */
  private markSchema(t: string | undefined): void {
    this.schemaChange = true
    if (t) this.schemaTables.add(t.toLowerCase())
  }

  /** BEGIN opens a transaction; COMMIT or ROLLBACK ends it, and with it the lock an ADD ... NOT VALID took. */
  private transaction(kind: string | undefined): void {
    if (kind === 'TRANS_STMT_BEGIN' || kind === 'TRANS_STMT_START') this.txDepth++
    else if (kind === 'TRANS_STMT_COMMIT' || kind === 'TRANS_STMT_ROLLBACK') {
      this.txDepth = 0
      this.constraints.notValid.clear()
    }
  }

  /**
   * What one statement changes in the file's state (transactions, lock_timeout, created objects, schema
   * changes), and whether it takes a lock on an existing table. `out` holds what the hooks found.
   */
  private track(u: Unwrapped, out: readonly Found[], emit: Emit): { locks: boolean; lockingTable?: string } {
    let lockingTable: string | undefined
    let locks = false
    switch (u.kind) {
      case 'TransactionStmt':
        this.transaction(u.n.kind)
        break
      case 'VariableSetStmt':
        if (u.n.name?.toLowerCase() === 'lock_timeout') this.lockTimeout = true
        break
      case 'CreateStmt': {
        const t = relName(u.n.relation)
        if (t) this.createdTables.add(t)
        this.checkColumns(t ?? '?', u.n.tableElts ?? [], emit)
        break
      }
      case 'CreateTableAsStmt': {
        const t = relName(u.n.into?.rel)
        if (t) this.createdTables.add(t)
        break
      }
      case 'IndexStmt': {
        const n = u.n
        const t = relName(n.relation)
        if (n.idxname) this.createdIndexes.add(n.idxname.toLowerCase())
        if (this.isNew(t)) break
        locks = true
        lockingTable = t
        if (!n.concurrent) this.markSchema(t)
        break
      }
      case 'DropStmt': {
        const type = u.n.removeType
        if (type === 'OBJECT_INDEX' || type === 'OBJECT_TABLE') {
          locks = out.length > 0
          if (locks && !u.n.concurrent) this.markSchema(undefined)
        }
        break
      }
      case 'ReindexStmt':
      case 'TruncateStmt':
      case 'ClusterStmt':
        locks = true
        break
      case 'VacuumStmt':
        locks = out.some((f) => f.id === 'vacuum-full')
        break
      case 'AlterEnumStmt':
        locks = u.n.newVal !== undefined && u.n.oldVal === undefined
        break
      case 'RenameStmt': {
        const t = relName(u.n.relation)
        if (this.isNew(t)) break
        locks = true
        lockingTable = t
        this.markSchema(t)
        break
      }
      case 'AlterTableStmt': {
        const n = u.n
        if (n.objtype !== undefined && n.objtype !== 'OBJECT_TABLE') break
        const t = relName(n.relation)
        const isNew = this.isNew(t)
        if (!isNew) {
          locks = true
          lockingTable = t
          this.markSchema(t)
        }
        for (const c of n.cmds ?? []) if ('AlterTableCmd' in c) this.alterCmd(t ?? '?', isNew, c.AlterTableCmd, emit)
        break
      }
      default:
        break
    }
    return { locks, lockingTable }
  }

  private column(col: ColumnDef, c: ColumnSite, emit: Emit): void {
    for (const hook of COLUMN_HOOKS) hook(col, c, this, emit)
  }

  private checkColumns(table: string, elts: PgNode[], emit: Emit): void {
    const pkCols = new Set<string>()
    for (const e of elts) {
      if ('Constraint' in e && e.Constraint.contype === 'CONSTR_PRIMARY')
        for (const k of e.Constraint.keys ?? []) pkCols.add(String(str(k)).toLowerCase())
    }
    for (const e of elts) {
      if (!('ColumnDef' in e)) continue
      const col = e.ColumnDef
      this.types.set(`${table}.${String(col.colname).toLowerCase()}`, typeNameOf(col.typeName))
      this.column(col, { table, isPk: pkCols.has(String(col.colname).toLowerCase()), alterType: false }, emit)
    }
  }

  private alterCmd(t: string, isNew: boolean, cmd: AlterTableCmd, emit: Emit): void {
    const sub = cmd.subtype
    for (const hook of (sub && ALTER_HOOKS.get(sub)) ?? []) hook(cmd, t, isNew, this, emit)
    switch (sub) {
      case 'AT_AddColumn': {
        const col = columnDefOf(cmd)
        if (!col) return
        this.column(col, { table: t, isPk: false, alterType: false }, emit)
        this.types.set(`${t}.${String(col.colname).toLowerCase()}`, typeNameOf(col.typeName))
        this.addedColumns.add(`${t}.${String(col.colname).toLowerCase()}`)
        return
      }
      case 'AT_AlterColumnType': {
        const col = columnDefOf(cmd) ?? {}
        const colname = String(cmd.name)
        this.column({ ...col, colname }, { table: t, isPk: false, alterType: true }, emit)
        this.types.set(`${t}.${colname.toLowerCase()}`, typeNameOf(col.typeName))
        return
      }
      case 'AT_AddConstraint':
        this.addConstraint(t, cmd, isNew)
        return
      case 'AT_ValidateConstraint': {
        const key = this.constraints.notNullChecks.get(String(cmd.name).toLowerCase())
        if (key) this.constraints.validatedNotNull.add(key)
        return
      }
      default:
        return
    }
  }

  /** ADD CONSTRAINT ... CHECK (c IS NOT NULL): remembered, and proven unless NOT VALID (SET NOT NULL then skips the scan). */
  private addConstraint(t: string, cmd: AlterTableCmd, isNew: boolean): void {
    const c = constraintOf(cmd)
    if (c?.skip_validation && c.conname && !isNew && this.inTx())
      this.constraints.notValid.set(c.conname.toLowerCase(), { table: t, names: constraintNames(t, c) })
    const expr = c?.raw_expr
    const nt = expr && 'NullTest' in expr ? expr.NullTest : undefined
    if (c && c.contype === 'CONSTR_CHECK' && nt && nt.nulltesttype === 'IS_NOT_NULL') {
      const name = c.conname ? c.conname : '(unnamed)'
      const arg = nt.arg
      const fields = ((arg && 'ColumnRef' in arg ? arg.ColumnRef.fields : undefined) ?? []).map(str)
      const key = `${t}.${String(fields[fields.length - 1]).toLowerCase()}`
      this.constraints.notNullChecks.set(name.toLowerCase(), key)
      if (!c.skip_validation) this.constraints.validatedNotNull.add(key)
    }
  }
}

/**
 * Column types a statement list sets, `table.column` -> type: from ALTER COLUMN TYPE, ADD COLUMN and CREATE
 * TABLE. Used on a migration's rollback (its ALTER COLUMN TYPE restores the type the column had) and on a
 * base schema dump.
 */
export function typesSetBy(pg: PgApi, sql: string, into?: Map<string, TypeName>): Map<string, TypeName> {
  let stmts: PgStatement[]
  try {
    stmts = pg.parseSync(sql).stmts ?? []
  } catch {
    return into ?? new Map<string, TypeName>()
  }
  return typesSetByStatements(stmts, into)
}

/** typesSetBy over statements already parsed. */
export function typesSetByStatements(stmts: readonly PgStatement[], into?: Map<string, TypeName>): Map<string, TypeName> {
  const out = into ?? new Map<string, TypeName>()
  for (const st of stmts) {
    const s = st.stmt
    if (!s) continue
    if ('CreateStmt' in s) {
      const t = relName(s.CreateStmt.relation)
      for (const e of s.CreateStmt.tableElts ?? []) {
        const col = 'ColumnDef' in e ? e.ColumnDef : undefined
        if (col && t) out.set(`${t}.${String(col.colname).toLowerCase()}`, typeNameOf(col.typeName))
      }
    } else if ('AlterTableStmt' in s) {
      const t = relName(s.AlterTableStmt.relation)
      for (const c of s.AlterTableStmt.cmds ?? []) {
        if (!('AlterTableCmd' in c)) continue
        const cmd = c.AlterTableCmd
        const col = columnDefOf(cmd)
        if (!t || !col) continue
        if (cmd.subtype === 'AT_AlterColumnType') out.set(`${t}.${String(cmd.name).toLowerCase()}`, typeNameOf(col.typeName))
        else if (cmd.subtype === 'AT_AddColumn') out.set(`${t}.${String(col.colname).toLowerCase()}`, typeNameOf(col.typeName))
      }
    } else if ('RenameStmt' in s) {
      renameTypes(s.RenameStmt, out)
    }
  }
  return out
}

/** A renamed table or column keeps its columns' types under its new name (statements applied in order). */
function renameTypes(n: RenameStmt, out: Map<string, TypeName>): void {
  const t = relName(n.relation)
  if (n.renameType === 'OBJECT_TABLE') {
    const to = String(n.newname).toLowerCase()
    if (t)
      for (const [k, ty] of [...out])
        if (k.startsWith(`${t}.`)) {
          out.delete(k)
          out.set(`${to}.${k.slice(t.length + 1)}`, ty)
        }
  } else if (n.renameType === 'OBJECT_COLUMN') {
    // earlier files first: the column's type is known under its old name
    const from = `${t}.${String(n.subname).toLowerCase()}`
    const ty = out.get(from)
    if (t && ty) {
      out.delete(from)
      out.set(`${t}.${String(n.newname).toLowerCase()}`, ty)
    }
  }
}
