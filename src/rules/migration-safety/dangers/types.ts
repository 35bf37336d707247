/**
 * The shape of one migration danger module: what it is (id, lock, why), where it holds (dialects), how it is
 * detected in PostgreSQL SQL (hooks on libpg-query parse-tree nodes), and the recipe to paste, written with
 * the names of the user's own table, column and index. Rails, Django and Alembic operations are mapped onto
 * the same ids in ../orm.ts.
 */
import type { AlterTableCmd, AlterTableType, ColumnDef, Node as PgNode } from 'libpg-query'
import type { Level } from '../../../types.js'
import type { TypeName } from '../sql-ast.js'

/** Database a migration file runs on (detected per file, see ../dialect.ts). */
export type Dialect = 'postgres' | 'cockroach' | 'mysql' | 'sqlite' | 'sqlserver' | 'oracle' | 'other'

export const DIALECT_NAMES: Record<Dialect, string> = {
  postgres: 'PostgreSQL',
  cockroach: 'CockroachDB',
  mysql: 'MySQL',
  sqlite: 'SQLite',
  sqlserver: 'SQL Server',
  oracle: 'Oracle',
  other: 'another database',
}

/** Every dialect: dangers about data, deploy order and process, not about PostgreSQL's locks. */
export const ALL_DIALECTS: readonly Dialect[] = ['postgres', 'cockroach', 'mysql', 'sqlite', 'sqlserver', 'oracle', 'other']
/** PostgreSQL only: lock and rewrite dangers (CockroachDB changes schemas online, as background jobs). */
export const PG_ONLY: readonly Dialect[] = ['postgres']
/** PostgreSQL and CockroachDB: SQL-level dangers both hold (data loss, deploy order). */
export const PG_FAMILY: readonly Dialect[] = ['postgres', 'cockroach']

export type Framework = 'sql' | 'rails' | 'django' | 'alembic'

/** The names of the objects a finding is about (for the message and the recipe). */
export interface Names {
  table?: string
  column?: string
  index?: string
  constraint?: string
  /** New type (change-column-type) or column type. */
  type?: string
  /** Old type when known. */
  oldType?: string
  /** New name (renames). */
  newName?: string
  /** Columns of an index or constraint. */
  columns?: string[]
  /** Columns a foreign key references (Alembic's remote_cols). */
  refColumns?: string[]
  /** Enum value, partition, database... */
  value?: string
  /** Model name (Django) when it differs from the table. */
  model?: string
  /** Field name (Django) when it differs from the column (a ForeignKey's `_id`, a `db_column`). */
  field?: string
  /** The model a Django ForeignKey references, as written (`'inventory.Store'`, `'Customer'`): its table is the recipe's `value`. */
  refModel?: string
  /** A CHECK constraint's condition as SQL, when simple enough to repeat (see simpleSql). */
  check?: string
  /** An UPDATE's assignments as SQL (`creator = 'unknown'`), when each is simple enough to repeat (see simpleSql). */
  set?: Array<{ column: string; value: string }>
  /** An UPDATE's or DELETE's WHERE as SQL, when simple enough to repeat; `''` when it has none. */
  where?: string
  /** The data statement of a backfill-in-transaction finding when it is not an UPDATE. */
  verb?: 'DELETE'
}

export interface RecipeInput extends Names {
  framework: Framework
  pgVersion: number
}

/**
 * The parse tree is typed with the AST types libpg-query ships (its `@pgsql/types` re-export, generated from
 * the same PostgreSQL 18 protobuf definitions as the parser's JSON). A node is a one-key wrapper,
 * `{ IndexStmt: {...} }`; `PgNode` is the union of every wrapper.
 */
export type { PgNode }

/** Every node kind: IndexStmt, AlterTableCmd, ColumnDef, String... */
export type NodeKind = PgNode extends infer N ? (N extends unknown ? keyof N : never) : never

/** The body of each kind of node: `NodeMap['IndexStmt']` is `IndexStmt`. */
export type NodeMap = { [K in NodeKind]: Extract<PgNode, Record<K, unknown>>[K] }

/** A danger found in one statement, before lines are attached. */
export interface Found {
  id: string
  detail: string
  column?: number
  table?: string
  column_name?: string
  names?: Names
  /** True for findings in rollback code (capped at rollback_level). */
  rollback?: boolean
}

/** What the SQL analysis knows when a hook runs (see ../sql.ts FileState). */
export interface SqlState {
  readonly pgVersion: number
  /** The statement runs inside a transaction (explicit BEGIN, or the tool wraps the file). */
  inTx(): boolean
  /** The table was created earlier in this change: lock dangers do not apply. */
  isNew(table: string | undefined): boolean
  isNewIndex(index: string): boolean
  /** A CHECK (c IS NOT NULL) was validated for table.column earlier (SET NOT NULL then skips the scan). */
  notNullProven(table: string, column: string): boolean
  /** The ADD CONSTRAINT ... NOT VALID of `constraint` ran earlier in the transaction still open (its lock is still held). */
  addedNotValid(constraint: string): { table: string; names: Names } | undefined
  /** The column's type before this statement, when known (same change, the base's schema, the rollback). */
  typeOf(table: string, column: string): TypeName | undefined
}

export type Emit = (f: Found) => void

/** A hook on a top-level statement of one kind, given the statement's body. */
export type StmtHook<K extends NodeKind> = (n: NodeMap[K], s: SqlState, emit: Emit) => void
/** Top-level statement hooks by node kind. */
export type StmtHooks = { [K in NodeKind]?: StmtHook<K> }
/** A hook on an ALTER TABLE subcommand, on an existing table or a new one (`isNew`). */
export type AlterHook = (cmd: AlterTableCmd, table: string, isNew: boolean, s: SqlState, emit: Emit) => void
/** Where a column definition was met. */
export interface ColumnSite {
  table: string
  isPk: boolean
  alterType: boolean
}
/** A hook on a column definition. */
export type ColumnHook = (col: ColumnDef, c: ColumnSite, s: SqlState, emit: Emit) => void

export interface SqlHooks {
  /** Top-level statements by node kind (IndexStmt, DropStmt, ...). */
  stmt?: StmtHooks
  /** ALTER TABLE subcommands by subtype (AT_AddColumn, ...). */
  alter?: { [T in AlterTableType]?: AlterHook }
  /** Column definitions (CREATE TABLE, ADD COLUMN, ALTER COLUMN TYPE). */
  column?: ColumnHook
}

export interface DangerDef<Id extends string = string> {
  id: Id
  /** Short title shown in the table. */
  title: string
  /** The lock PostgreSQL takes (or "none" for process dangers). */
  lock: string
  /** Why it hurts, one sentence. */
  why: string
  /** The safe recipe in general words (the `recipe` writes it with the real names). */
  fix: string
  /** What is detected, one sentence (docs and `pr-gate explain`). */
  detection: string
  /** Level when the policy does not set one (capped by the rule's level). */
  level: Level
  /** Lock dangers do not apply to objects created in the same change. */
  lockDanger?: boolean
  /**
   * The harm grows with the table's size (a build, scan, rewrite or row-by-row write under the lock), so on a
   * table the policy declares small (`small_tables`) it is only a notice. Dangers about data loss or deploy
   * order (drops, renames) do not scale with size and never set this.
   */
  scalesWithTable?: boolean
  /** Dialects the danger holds for. */
  dialects: readonly Dialect[]
  /** The statement(s) to paste instead, with the user's names; undefined when the names are not known. */
  recipe?: (r: RecipeInput) => string | undefined
  sql?: SqlHooks
}

export function defineDanger<const Id extends string>(d: DangerDef<Id>): DangerDef<Id> {
  return d
}
