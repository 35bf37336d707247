/**
 * Rails, Django and Alembic migrations, parsed with tree-sitter (web-tree-sitter + Ruby/Python grammars):
 * each schema operation maps onto the same dangers as the SQL analysis; embedded SQL (`execute`, `RunSQL`,
 * `op.execute`) is analysed with the PostgreSQL parser.
 */
import type { DangerId } from './dangers.js'
import type { Names } from './dangers/types.js'
import { rewriteFree } from './dangers/change-column-type.js'
import { analyzeSql, sharedConstraints, type CatchUp, type Issue, type SqlOptions, type SqlResult, type StatementSpan } from './sql.js'
import { typeText, type TypeLookup, type TypeName } from './sql-ast.js'
import { shortStatement } from './text-index.js'
import { withTree, withTreeAsync, type PgApi, type TsNode, type TsParser, type TsTree } from './wasm.js'
import { callArgTexts, inlineSource, type RailsHelper } from './rails-helpers.js'

export type OrmKind = 'rails' | 'django' | 'alembic'

export interface OrmResult {
  issues: Issue[]
  statements: StatementSpan[]
  comments: Array<{ line: number; text: string }>
  /** Explicit waivers written in the framework's own way (Rails safety_assured): reported like suppressions. */
  waivers: Array<{ id: DangerId; line: number; reason: string; statement: string }>
  count: number
  /** Set when the file is not a migration of the expected framework (e.g. a .py that is neither). */
  notMigration?: boolean
  /** Tables the migration creates (exempt from lock dangers across the PR). */
  created: string[]
  /** Columns the migration's forward code adds (`table.column`, lower case; Django: `model.field`). */
  addedColumns: string[]
  /** Catch-up UPDATEs in its forward code's embedded SQL (see catchUpOf). */
  catchUps: CatchUp[]
  /** First line of forward code that sets a lock_timeout (embedded SQL). */
  lockTimeoutLine?: number
}

export interface OrmDeps {
  parser: TsParser
  /** Loaded lazily: only when a migration embeds SQL. */
  pg: () => Promise<PgApi>
  sql: SqlOptions
  /** The file's dialect is PostgreSQL or CockroachDB: embedded SQL is parsed. Otherwise it is not. */
  parseSql: boolean
  /** Column types before the migration (`table.column`), from the base schema dump. */
  knownTypes?: TypeLookup
  /** Django: each field's definition before this migration (`model.field`), from the migrations it depends on. */
  djangoFields?: ReadonlyMap<string, FieldSummary>
  /** Django: project-defined field classes (class name -> its Django base and the kwargs its __init__ fixes). */
  djangoClasses?: ReadonlyMap<string, FieldSummary>
  /** Rails: the project's own migration helpers the migration calls (see rails-helpers.ts). */
  railsHelpers?: ReadonlyMap<string, RailsHelper>
}

/** Where a call sits: forward or rollback code, and whether it runs in a transaction. */
export interface Place {
  rollback?: boolean
  inTx: boolean
}

const line = (n: TsNode): number => n.startPosition.row + 1
const endLine = (n: TsNode): number => n.endPosition.row + 1

function named(n: TsNode | null | undefined): TsNode[] {
  return n ? n.namedChildren.filter(Boolean) : []
}

/** Visits `n` and its named descendants; `visit` returning false (and only false) skips a node's children. */
function walk(n: TsNode, visit: (n: TsNode) => unknown): void {
  if (visit(n) === false) return
  for (const c of named(n)) walk(c, visit)
}

class Collector {
  readonly result: OrmResult = {
    issues: [],
    statements: [],
    comments: [],
    waivers: [],
    count: 0,
    created: [],
    addedColumns: [],
    catchUps: [],
  }
  private readonly pending: Array<Promise<void>> = []
  /**
   * Backfill candidates, kept at the end when the same transaction also changes the schema, or when they
   * are batched (the batches then commit together with the migration's one transaction).
   */
  private readonly backfills: Array<{ issue: Issue; inTx: boolean; batched: boolean }> = []
  /** A forward operation changed the schema of an existing table inside the migration's transaction. */
  schemaChangeInTx = false
  /** Forward code defines schema (an `op.*` other than execute and data helpers, or embedded SQL other than row statements). */
  definesSchema = false
  /** An Alembic `downgrade()` that only passes: a notice in done() when the upgrade turns out to define no schema. */
  barePassDown?: Issue
  /** The constraints the forward code's pieces of SQL add and validate, in the migration's one transaction. */
  private readonly constraints = sharedConstraints()
  /** `table.column` → line of the embedded SQL that validated a CHECK (c IS NOT NULL) on it (forward code). */
  private readonly provenAt = new Map<string, number>()
  constructor(readonly deps: OrmDeps) {}

  issue(node: TsNode, id: DangerId, detail: string, table?: string, column_name?: string, names?: Names, rollback?: boolean): void {
    const i: Issue = {
      id,
      line: line(node),
      endLine: endLine(node),
      statement: shortStatement(node.text),
      detail,
      table,
      column_name,
      names: names ?? (table ? { table, column: column_name } : undefined),
    }
    if (rollback) i.rollback = true
    this.result.issues.push(i)
  }

  /**
   * A backfill candidate (update_all, RunPython .update(), op.execute("UPDATE ...")). `batched`: written in
   * batches (Rails in_batches, find_in_batches, find_each), which only helps outside a transaction.
   */
  backfill(issue: Issue, inTx: boolean, batched = false): void {
    this.backfills.push({ issue, inTx, batched })
  }

  schemaOp(place: Place): void {
    if (place.inTx && !place.rollback) this.schemaChangeInTx = true
  }

  statement(node: TsNode): void {
    this.result.statements.push({ line: line(node), endLine: endLine(node) })
    this.result.count++
  }

  /**
   * Analyses embedded SQL whose first character is on `firstLine` (1-based); issues land on the SQL's own
   * lines. Not parsed at all when the file's dialect is not PostgreSQL or CockroachDB.
   */
  embeddedSql(sql: string, firstLine: number, call: TsNode, place: Place, waiverReason?: string): void {
    if (!this.deps.parseSql) {
      // not read: it may define anything
      if (!place.rollback) this.definesSchema = true
      return
    }
    // Copied now: the SQL is analysed later, and the syntax tree is freed when the file's analysis ends.
    const callLine = line(call)
    const callEnd = endLine(call)
    this.pending.push(
      this.deps.pg().then((pg) => {
        // the forward pieces of one transaction share its constraints: one may add NOT VALID what the next validates
        const shared = place.inTx && !place.rollback ? this.constraints : undefined
        const proven = new Set(this.constraints.validatedNotNull)
        const r = analyzeSql(pg, sql, { ...this.deps.sql, assumeInTransaction: place.inTx, knownTypes: this.deps.knownTypes, shared })
        if (shared) for (const k of shared.validatedNotNull) if (!proven.has(k)) this.provenAt.set(k, callLine)
        const at = (l: number): number => Math.max(callLine, firstLine + l - 1)
        const shift = (i: Issue): Issue => {
          const shifted: Issue = {
            ...i,
            line: at(i.line),
            endLine: Math.min(callEnd, firstLine + i.endLine - 1),
          }
          if (shifted.endLine < shifted.line) shifted.endLine = shifted.line
          if (place.rollback) shifted.rollback = true
          return shifted
        }
        this.result.created.push(...r.created)
        if (!place.rollback) this.learn(r, at)
        if (r.schemaChange) this.schemaOp(place)
        if (r.definesSchema && !place.rollback) this.definesSchema = true
        // the operations around embedded SQL are not ordered with it: its backfills count before its schema change too
        for (const i of [...r.backfills, ...r.earlyBackfills]) if (!waiverReason) this.backfill(shift(i), place.inTx && !place.rollback)
        for (const i of r.issues) {
          const shifted = shift(i)
          if (waiverReason) this.result.waivers.push({ id: i.id, line: shifted.line, reason: waiverReason, statement: i.statement })
          else this.result.issues.push(shifted)
        }
      }),
    )
  }

  /**
   * The findings of a project helper's body checked at its call (`sub`): on the call's line, saying which
   * helper, once the body's embedded SQL is analysed too.
   */
  inlined(sub: Collector, at: TsNode, via: string): void {
    const l = line(at)
    const e = endLine(at)
    const statement = shortStatement(at.text)
    if (sub.schemaChangeInTx) this.schemaChangeInTx = true
    if (sub.definesSchema) this.definesSchema = true
    this.pending.push(
      sub.done().then((r) => {
        if (sub.schemaChangeInTx) this.schemaChangeInTx = true
        for (const i of r.issues) this.result.issues.push({ ...i, line: l, endLine: e, statement, detail: `${via}: ${i.detail}` })
        for (const w of r.waivers) this.result.waivers.push({ ...w, line: l, statement })
        this.result.created.push(...r.created)
      }),
    )
  }

  /** A column the forward code adds (`table.column`). */
  added(table: string | undefined, column: string | undefined): void {
    if (table && column) this.result.addedColumns.push(`${table}.${column}`.toLowerCase())
  }

  /** What forward embedded SQL tells the catch-up exception: columns added, catch-up UPDATEs, lock_timeout. */
  private learn(r: SqlResult, at: (line: number) => number): void {
    this.result.addedColumns.push(...r.addedColumns)
    for (const u of r.catchUps) this.result.catchUps.push({ ...u, line: at(u.line) })
    if (r.lockTimeoutLine !== undefined) {
      const l = at(r.lockTimeoutLine)
      if (this.result.lockTimeoutLine === undefined || l < this.result.lockTimeoutLine) this.result.lockTimeoutLine = l
    }
  }

  async done(): Promise<OrmResult> {
    await Promise.all(this.pending)
    // SET NOT NULL after embedded SQL validated a CHECK (c IS NOT NULL): PostgreSQL 12+ uses it and skips the scan
    const proven = (i: Issue): boolean => {
      const at = i.names?.table && i.names.column ? this.provenAt.get(`${i.names.table}.${i.names.column}`.toLowerCase()) : undefined
      return at !== undefined && at < i.line
    }
    this.result.issues = this.result.issues.filter((i) => i.id !== 'set-not-null' || i.rollback || !proven(i))
    for (const b of this.backfills) if (b.inTx && (this.schemaChangeInTx || b.batched)) this.result.issues.push(b.issue)
    if (this.barePassDown && !this.definesSchema) {
      this.barePassDown.detail += ', and upgrade() only reads or writes rows: there is no schema to put back'
      this.barePassDown.cap = { level: 'notice', why: 'data-only upgrade' }
    }
    this.result.issues.sort((a, b) => a.line - b.line)
    return this.result
  }
}

function comments(root: TsNode, c: Collector): void {
  walk(root, (n) => {
    if (n.type === 'comment') c.result.comments.push({ line: line(n), text: n.text })
  })
}

// ---------------------------------------------------------------------------------------------------------
// Ruby (Rails)

function rubyValue(n: TsNode | null | undefined): string | undefined {
  if (!n) return undefined
  switch (n.type) {
    case 'simple_symbol':
      return n.text.replace(/^:/, '')
    case 'hash_key_symbol':
    case 'identifier':
    case 'constant':
    case 'true':
    case 'false':
    case 'nil':
    case 'integer':
      return n.text
    case 'string': {
      const parts = named(n)
      if (parts.some((p) => p.type === 'interpolation')) return undefined
      return parts
        .filter((p) => p.type === 'string_content')
        .map((p) => p.text)
        .join('')
    }
    default:
      return undefined
  }
}

interface RubyArgs {
  positional: TsNode[]
  options: Map<string, TsNode>
  /** A `**hash` whose keys could not be read: any option may be in it. */
  unknownOptions?: boolean
}

/**
 * The pairs a local hash holds where `at` reads it: its last assignment before `at` in the same method, a hash
 * literal or `x.merge(key => value, …)` of such a hash (a project helper's `options = options.merge(:unique =>
 * true)` then `add_index(t, c, **options)`). Undefined when it cannot be read that way.
 */
function localHashPairs(name: string, at: TsNode, depth = 0): TsNode[] | undefined {
  if (depth > 5) return undefined
  let scope: TsNode | null = at.parent
  while (scope && scope.type !== 'method' && scope.type !== 'program') scope = scope.parent
  let value: TsNode | undefined
  walk(scope ?? at, (n) => {
    if (n.startIndex >= at.startIndex) return false
    if (n.type === 'assignment' && n.childForFieldName('left')?.text === name && n.endIndex <= at.startIndex)
      value = n.childForFieldName('right') ?? undefined
    return undefined
  })
  if (!value) return undefined
  if (value.type === 'hash') return named(value).filter((p) => p.type === 'pair')
  if (value.type === 'identifier') return localHashPairs(value.text, value, depth + 1)
  const receiver = value.childForFieldName('receiver')
  if (value.type === 'call' && rubyMethod(value) === 'merge' && receiver?.type === 'identifier') {
    const before = localHashPairs(receiver.text, value, depth + 1)
    const merged = named(value.childForFieldName('arguments')).flatMap((a) =>
      a.type === 'pair' ? [a] : a.type === 'hash' ? named(a).filter((p) => p.type === 'pair') : [a],
    )
    return before && merged.every((p) => p.type === 'pair') ? [...before, ...merged] : undefined
  }
  return undefined
}

function rubyArgs(call: TsNode): RubyArgs {
  const out: RubyArgs = { positional: [], options: new Map() }
  for (const a of named(call.childForFieldName('arguments'))) {
    if (a.type === 'hash_splat_argument') {
      const v = named(a).at(0)
      const pairs = v?.type === 'identifier' ? localHashPairs(v.text, call) : undefined
      if (!pairs) out.unknownOptions = true
      for (const p of pairs ?? []) {
        const k = p.childForFieldName('key')
        const val = p.childForFieldName('value')
        if (k && val) out.options.set(k.text.replace(/^:/, '').replace(/:$/, ''), val)
      }
      continue
    }
    if (a.type === 'pair') {
      const k = a.childForFieldName('key')
      const v = a.childForFieldName('value')
      if (k && v)
        out.options.set(
          k.text
            .replace(/^:/, '')
            .replace(/:$/, '')
            .replace(/^["']|["']$/g, ''),
          v,
        )
    } else if (a.type === 'hash') {
      for (const p of named(a))
        if (p.type === 'pair') {
          const k = p.childForFieldName('key')
          const v = p.childForFieldName('value')
          if (k && v) out.options.set(k.text.replace(/^:/, '').replace(/:$/, ''), v)
        }
    } else out.positional.push(a)
  }
  return out
}

function rubyMethod(call: TsNode): string {
  return call.childForFieldName('method')?.text ?? ''
}

/** change_table calls that do not add a column (every other t.<type> :name does). */
const RAILS_TABLE_NOT_ADDING = new Set([
  'remove',
  'rename',
  'change',
  'change_default',
  'change_null',
  'index',
  'remove_index',
  'rename_index',
  'remove_references',
  'remove_belongs_to',
  'remove_timestamps',
  'check_constraint',
  'remove_check_constraint',
])

const RAILS_IRREVERSIBLE_IN_CHANGE = new Set(['execute', 'change_column', 'change_column_default'])

/** A Rails column type (`:string, limit: 255`) as PostgreSQL's type. */
export function railsType(type: string | undefined, opts: { limit?: string; precision?: string; scale?: string }): TypeName | undefined {
  const n = (s: string | undefined): number | undefined => (s !== undefined && /^\d+$/.test(s) ? Number(s) : undefined)
  const limit = n(opts.limit)
  switch (type) {
    case 'string':
      return limit !== undefined ? { name: 'varchar', mods: 1, args: [limit] } : { name: 'varchar', mods: 0, args: [] }
    case 'text':
    case 'citext':
    case 'inet':
    case 'cidr':
    case 'jsonb':
    case 'json':
    case 'uuid':
      return { name: type, mods: 0, args: [] }
    case 'integer':
      return { name: limit === 8 ? 'int8' : limit === 2 ? 'int2' : 'int4', mods: 0, args: [] }
    case 'bigint':
      return { name: 'int8', mods: 0, args: [] }
    case 'decimal':
    case 'numeric': {
      const p = n(opts.precision)
      const sc = n(opts.scale) ?? 0
      return p !== undefined ? { name: 'numeric', mods: 2, args: [p, sc] } : { name: 'numeric', mods: 0, args: [] }
    }
    case 'datetime':
    case 'timestamp': {
      const p = n(opts.precision)
      return p !== undefined ? { name: 'timestamp', mods: 1, args: [p] } : { name: 'timestamp', mods: 0, args: [] }
    }
    case 'boolean':
      return { name: 'bool', mods: 0, args: [] }
    default:
      return type ? { name: type, mods: 0, args: [] } : undefined
  }
}

/** Column types of a Rails db/schema.rb (`create_table "users"` ... `t.string "email", limit: 255`). */
export function railsSchemaTypes(schema: string): Map<string, TypeName> {
  const out = new Map<string, TypeName>()
  let table: string | undefined
  for (const l of schema.split(/\r?\n/)) {
    const ct = /^\s*create_table\s+"([^"]+)"/.exec(l)
    if (ct) {
      table = ct[1]
      continue
    }
    if (/^\s*end\s*$/.test(l)) continue
    const col = /^\s*t\.(\w+)\s+"([^"]+)"(.*)$/.exec(l)
    if (!col || !table) continue
    const opt = (k: string): string | undefined => new RegExp(`\\b${k}:\\s*(\\d+)`).exec(col[3])?.[1]
    const t = railsType(col[1], { limit: opt('limit'), precision: opt('precision'), scale: opt('scale') })
    if (t) out.set(`${table}.${col[2]}`, t)
  }
  return out
}

const RAILS_LOOPS = new Set(['find_each', 'find_in_batches', 'in_batches', 'each'])
/** Loops that write in batches: strong_migrations' backfill recipe, which needs disable_ddl_transaction! to work. */
const RAILS_BATCHES = new Set(['find_each', 'find_in_batches', 'in_batches'])
/**
 * Calls that write rows, in a loop's block: saves and updates, and the counter-cache helpers (Rails' documented way
 * to fill a new counter cache is `reset_counters` per record).
 */
const RAILS_WRITES =
  /\.(update|update!|update_column|update_columns|update_attribute|save|save!|update_all|touch|reset_counters|update_counters|increment_counter|decrement_counter)\b/

interface RailsCtx {
  inChange: boolean
  reversible: boolean
  waiver?: string
  table?: string
  rollback?: boolean
}

/** A Rails call outside a table block (`add_index :users, :email, algorithm: :concurrently`), with what its checks read. */
interface RailsCall {
  n: TsNode
  /** The method called. */
  m: string
  args: RubyArgs
  block: TsNode | null
  /** The first two positional arguments: the table and, mostly, the column. */
  table?: string
  column?: string
  opt: (k: string) => string | undefined
  /** The table is created by this migration. */
  isNew: boolean
  ctx: RailsCtx
  found: Array<[DangerId, string, Names?]>
}

export async function analyzeRails(source: string, deps: OrmDeps): Promise<OrmResult> {
  return withTreeAsync(deps.parser, source, (tree) => railsFromTree(tree, deps))
}

async function railsFromTree(tree: TsTree | null, deps: OrmDeps): Promise<OrmResult> {
  const c = new Collector(deps)
  if (!tree) return c.done()
  const root = tree.rootNode
  comments(root, c)
  const v = new RailsVisitor(c, root)
  v.collectOld(root, false)
  v.visit(root, { inChange: false, reversible: false })
  return c.done()
}

/** How many project helpers deep a call is followed (a helper calling a helper calling a helper). */
const RAILS_HELPER_DEPTH = 3

/** One Rails migration walked: one method per node kind, per place a call opens and per family of Rails calls. */
class RailsVisitor {
  /**
   * Check constraints validated in this migration's forward code: strong_migrations' NOT NULL recipe
   * (validate_check_constraint, then change_column_null false: PostgreSQL 12+ skips the scan).
   */
  private readonly validatedChecks: Array<{ table: string; name?: string; expr?: string }> = []
  /** Foreign keys and checks this migration's forward code adds with validate: false (their lock lasts to the commit). */
  private readonly notValid: Array<{ kind: 'check' | 'fk'; table: string; name?: string; other?: string }> = []
  private readonly noTransaction: boolean
  private readonly created: Set<string> = new Set<string>()
  /** Types the rollback restores (`change_column` in def down / dir.down): the type the column had. */
  private readonly oldTypes = new Map<string, TypeName>()

  /** How deep in project helpers this visitor is (0: the migration itself). */
  private readonly depth: number

  /** `inherit`: a helper's body checked at its call takes the migration's transaction, tables and depth. */
  constructor(
    private readonly c: Collector,
    root: TsNode,
    inherit?: { noTransaction: boolean; created: Set<string>; depth: number },
  ) {
    this.depth = inherit?.depth ?? 0
    if (inherit) {
      this.noTransaction = inherit.noTransaction
      this.created = inherit.created
      return
    }
    let noTransaction = false
    walk(root, (n) => {
      if (
        (n.type === 'identifier' || n.type === 'call') &&
        (n.type === 'identifier' ? n.text : rubyMethod(n)) === 'disable_ddl_transaction!'
      )
        noTransaction = true
    })
    this.noTransaction = noTransaction
  }

  private get deps(): OrmDeps {
    return this.c.deps
  }

  private provesNotNull(table: string | undefined, column: string | undefined): boolean {
    return (
      this.deps.sql.pgVersion >= 12 &&
      table !== undefined &&
      column !== undefined &&
      this.validatedChecks.some(
        (v) =>
          v.table === table &&
          ((v.expr !== undefined &&
            new RegExp(`^\\s*"?${column.replace(/[^\w]/g, '\\$&')}"?\\s+IS\\s+NOT\\s+NULL\\s*$`, 'i').test(v.expr)) ||
            (v.expr === undefined && v.name !== undefined && v.name.toLowerCase().includes(column.toLowerCase()))),
      )
    )
  }

  private place(ctx: RailsCtx): Place {
    return { inTx: !this.noTransaction, rollback: ctx.rollback }
  }

  /** The rollback's change_column tells the type a column had before the forward change_column. */
  collectOld(n: TsNode, rollback: boolean): void {
    if (n.type === 'method' || n.type === 'singleton_method') rollback = n.childForFieldName('name')?.text === 'down'
    if (n.type === 'call' && rubyMethod(n) === 'down' && n.childForFieldName('receiver')) rollback = true
    if (rollback && n.type === 'call' && rubyMethod(n) === 'change_column') {
      const a = rubyArgs(n)
      const t = railsType(rubyValue(a.positional[2]), {
        limit: rubyValue(a.options.get('limit')),
        precision: rubyValue(a.options.get('precision')),
        scale: rubyValue(a.options.get('scale')),
      })
      if (t) this.oldTypes.set(`${rubyValue(a.positional[0])}.${rubyValue(a.positional[1])}`, t)
    }
    for (const ch of named(n)) this.collectOld(ch, rollback)
  }

  visit(n: TsNode, ctx: RailsCtx): void {
    // `def self.up` / `def self.down`: the migrations Rails wrote before 3.1
    if (n.type === 'method' || n.type === 'singleton_method') {
      const name = n.childForFieldName('name')?.text
      for (const ch of named(n.childForFieldName('body') ?? n))
        this.visit(ch, { ...ctx, inChange: name === 'change', rollback: name === 'down' || ctx.rollback })
      return
    }
    if (n.type !== 'call') {
      for (const ch of named(n)) this.visit(ch, ctx)
      return
    }
    if (this.block(n, ctx)) return
    const m = rubyMethod(n)
    const receiver = n.childForFieldName('receiver')
    const block = n.childForFieldName('block')
    if (receiver && this.backfill(n, m, receiver, block, ctx)) return
    if (receiver && ctx.table) {
      this.tableCall(n, m, ctx.table, ctx)
      return
    }
    if (receiver) {
      for (const ch of named(n)) this.visit(ch, ctx)
      return
    }
    this.call(n, m, block, ctx)
  }

  /** A block that changes the place of what it holds: safety_assured, reversible / up_only, dir.up / dir.down. */
  private block(n: TsNode, ctx: RailsCtx): boolean {
    const m = rubyMethod(n)
    const receiver = n.childForFieldName('receiver')
    const block = n.childForFieldName('block')
    if (m === 'safety_assured' && !receiver) {
      for (const ch of named(block)) this.visit(ch, { ...ctx, waiver: 'safety_assured block' })
      return true
    }
    if ((m === 'reversible' || m === 'up_only') && !receiver) {
      for (const ch of named(block)) this.visit(ch, { ...ctx, reversible: true })
      return true
    }
    // reversible do |dir| dir.up { } ; dir.down { } end
    if (receiver && (m === 'down' || m === 'up') && block && ctx.reversible) {
      for (const ch of named(block)) this.visit(ch, { ...ctx, rollback: m === 'down' || ctx.rollback })
      return true
    }
    return false
  }

  /** Backfills: update_all, or a batch loop over a model that writes rows. */
  private backfill(n: TsNode, m: string, receiver: TsNode, block: TsNode | null, ctx: RailsCtx): boolean {
    if (!(m === 'update_all' || (RAILS_LOOPS.has(m) && block && RAILS_WRITES.test(block.text))) || ctx.table) return false
    const model = /^[A-Z]\w*/.exec(receiver.text)?.[0]
    // `Model.where(…).in_batches(of: 1000).update_all(…)` or `Model.in_batches { |b| b.update_all(…) }`
    const batched = RAILS_BATCHES.has(m) || (m === 'update_all' && /\.\s*(in_batches|find_in_batches)\b/.test(receiver.text))
    const who = `${receiver.text.length > 40 ? (model ?? 'a model') : receiver.text}.${m}`
    const issue: Issue = {
      id: 'backfill-in-transaction',
      line: line(n),
      endLine: endLine(n),
      statement: shortStatement(n.text),
      detail: batched
        ? `${who} updates rows in batches, but inside the migration's one transaction (no disable_ddl_transaction!): ` +
          'every batch stays locked until the last one commits'
        : `${who} updates rows in the migration's transaction`,
      names: { model },
    }
    if (ctx.rollback) issue.rollback = true
    if (!ctx.waiver) this.c.backfill(issue, !this.noTransaction && !ctx.rollback, batched)
    this.c.statement(n)
    return true
  }

  /** t.* inside change_table / create_table blocks. */
  private tableCall(n: TsNode, m: string, t: string, ctx: RailsCtx): void {
    const args = rubyArgs(n)
    const table = rubyValue(args.positional[0])
    const column = rubyValue(args.positional[1])
    const opt = (k: string): string | undefined => rubyValue(args.options.get(k))
    const found: Array<[DangerId, string, Names?]> = []
    if (m === 'remove') found.push(['drop-column', `change_table ${t}: t.remove ${column ?? table}`, { table: t, column: table }])
    else if (m === 'rename')
      found.push(['rename-column', `change_table ${t}: t.rename ${table} to ${column}`, { table: t, column: table, newName: column }])
    else if (m === 'change') found.push(['change-column-type', `change_table ${t}: t.change ${table}`, { table: t, column: table }])
    else if (m === 'index' && !this.created.has(t) && opt('algorithm') !== 'concurrently')
      found.push([
        'create-index-non-concurrent',
        `change_table ${t}: t.index without algorithm: :concurrently`,
        { table: t, columns: rubyColumns(args.positional[0]), index: opt('name') },
      ])
    else if (m === 'json') found.push(['prefer-jsonb', `${t}.${table} is json`, { table: t, column: table }])
    // any other t.<type> :name (t.string, t.column, t.references) adds a column
    if (!ctx.rollback && !RAILS_TABLE_NOT_ADDING.has(m))
      for (const a of args.positional) this.c.added(t, m === 'references' || m === 'belongs_to' ? `${rubyValue(a) ?? ''}_id` : rubyValue(a))
    if (!this.created.has(t) && ['remove', 'rename', 'change', 'index', 'column', 'references', 'belongs_to'].includes(m))
      this.c.schemaOp(this.place(ctx))
    for (const [id, detail, names] of found)
      this.record(n, id, detail, t, ctx, id === 'drop-column' || id === 'rename-column' ? (column ?? table) : undefined, names)
    this.c.statement(n)
  }

  /** A Rails migration method (add_index, change_column, execute, …): its dangers, then whether it can be reversed. */
  private call(n: TsNode, m: string, block: TsNode | null, ctx: RailsCtx): void {
    const args = rubyArgs(n)
    const table = rubyValue(args.positional[0])
    const column = rubyValue(args.positional[1])
    const opt = (k: string): string | undefined => rubyValue(args.options.get(k))
    const isNew = table !== undefined && this.created.has(table)
    const call: RailsCall = { n, m, args, block, table, column, opt, isNew, ctx, found: [] }
    if (!isNew && (/^(add_|remove_|change_|rename_)/.test(m) || m === 'drop_table')) this.c.schemaOp(this.place(ctx))
    switch (m) {
      case 'create_table':
      case 'change_table':
        this.tableBlock(call)
        break
      case 'add_index':
      case 'remove_index':
        this.index(call)
        break
      case 'add_reference':
      case 'add_belongs_to':
        this.reference(call)
        break
      case 'add_foreign_key':
      case 'validate_check_constraint':
      case 'validate_foreign_key':
      case 'add_check_constraint':
        this.constraint(call)
        break
      case 'add_column':
        this.addColumn(call)
        break
      case 'change_column':
        this.changeColumn(call)
        break
      case 'remove_column':
      case 'remove_columns':
      case 'rename_column':
      case 'rename_table':
      case 'change_column_null':
      case 'drop_table':
        this.columnOrTable(call)
        break
      case 'execute':
        this.execute(call)
        break
      default: {
        const helper = this.depth < RAILS_HELPER_DEPTH ? this.deps.railsHelpers?.get(m) : undefined
        if (helper) this.inline(call, helper)
        else for (const ch of named(block)) this.visit(ch, ctx)
        break
      }
    }
    const { found } = call
    if (ctx.inChange && !ctx.reversible && this.irreversible(call)) found.push(['missing-down', `${m} is irreversible inside def change`])
    for (const [id, detail, names] of found)
      this.record(n, id, detail, table, ctx, id === 'drop-column' || id === 'rename-column' ? column : undefined, names)
    const helper = this.depth < RAILS_HELPER_DEPTH && this.deps.railsHelpers?.has(m)
    if (
      ['create_table', 'change_table'].includes(m) ||
      found.length ||
      m.startsWith('add_') ||
      m.startsWith('remove_') ||
      m === 'execute' ||
      helper
    )
      this.c.statement(n)
  }

  /** Inside def change, a call Rails cannot reverse. */
  private irreversible({ m, args, block, column }: RailsCall): boolean {
    return (
      // change_column_default with from: and to: knows its way back (Rails 5+)
      (RAILS_IRREVERSIBLE_IN_CHANGE.has(m) && !(m === 'change_column_default' && args.options.has('from') && args.options.has('to'))) ||
      (m === 'remove_column' && args.positional.length < 3) ||
      (m === 'remove_columns' && !args.options.has('type')) ||
      (m === 'drop_table' && !block) ||
      // remove_index with its columns (a symbol, or an array: [:a, :b]) can be recreated
      (m === 'remove_index' && !column && args.positional.length < 2 && !args.options.has('column'))
    )
  }

  /** create_table (force:, id:) and change_table: their t.* calls are visited with the table. */
  private tableBlock({ m, block, table, opt, ctx, found }: RailsCall): void {
    if (m === 'create_table') {
      if (table) {
        this.created.add(table)
        this.c.result.created.push(table)
      }
      if (opt('force') === 'true' || opt('force') === 'cascade')
        found.push(['drop-table', `create_table ${table}, force: drops the existing table`, { table }])
      if (opt('id') === 'integer' || opt('id') === 'serial')
        found.push(['prefer-bigint-key', `create_table ${table}, id: :${opt('id')}`, { table, column: 'id' }])
    }
    for (const ch of named(block)) this.visit(ch, { ...ctx, table })
  }

  /** add_index / remove_index: concurrently, and then outside the migration's transaction. */
  private index({ m, args, table, opt, isNew, found }: RailsCall): void {
    if (m === 'add_index' && isNew) return
    const names: Names =
      m === 'add_index'
        ? { table, columns: rubyColumns(args.positional[1]), index: opt('name') }
        : { table, columns: rubyColumns(args.options.get('column') ?? args.positional[1]), index: opt('name') }
    // options from a `**hash` the gate cannot read may hold algorithm: :concurrently: no guess
    if (args.unknownOptions && opt('algorithm') === undefined) return
    if (opt('algorithm') !== 'concurrently')
      found.push(
        m === 'add_index'
          ? ['create-index-non-concurrent', `add_index ${table} without algorithm: :concurrently`, names]
          : ['drop-index-non-concurrent', `remove_index ${table} without algorithm: :concurrently`, names],
      )
    else if (!this.noTransaction)
      found.push(['concurrently-in-transaction', `${m} ${table}, algorithm: :concurrently without disable_ddl_transaction!`, names])
  }

  /** add_reference / add_belongs_to: the column, its index and its foreign key. */
  private reference({ m, args, table, column, isNew, ctx, found }: RailsCall): void {
    if (isNew) return
    if (!ctx.rollback) this.c.added(table, column && `${column}_id`)
    const index = args.options.get('index')
    const idxConcurrent = index?.type === 'hash' && named(index).some((p) => p.text.replace(/\s/g, '').includes('algorithm::concurrently'))
    if (rubyValue(index) !== 'false' && !idxConcurrent)
      found.push([
        'create-index-non-concurrent',
        `${m} ${table}, ${column} builds an index without algorithm: :concurrently (pass index: false and add it concurrently)`,
        { table, columns: [`${column}_id`] },
      ])
    const fk = args.options.get('foreign_key')
    if (fk && rubyValue(fk) !== 'false' && !(fk.type === 'hash' && fk.text.replace(/\s/g, '').includes('validate:false')))
      found.push([
        'constraint-not-valid-missing',
        `${m} ${table}, ${column}, foreign_key: true validates every row`,
        { table, column: `${column}_id`, value: column ? `${column}s` : undefined },
      ])
  }

  /** add_foreign_key and add_check_constraint validate every row unless validate: false; validated checks prove NOT NULL. */
  private constraint({ m, table, column, opt, isNew, ctx, found }: RailsCall): void {
    const forwardInTx = table !== undefined && !ctx.rollback && !this.noTransaction && !isNew
    if (m === 'validate_check_constraint' || m === 'validate_foreign_key') {
      const kind = m === 'validate_check_constraint' ? 'check' : 'fk'
      if (kind === 'check' && table && !ctx.rollback) this.validatedChecks.push({ table, name: opt('name') })
      // strong_migrations: validate in a second migration; in this one the add's lock is held through the scan
      const name = opt('name')
      const added = forwardInTx
        ? this.notValid.find(
            (x) =>
              x.kind === kind && x.table === table && (name ? x.name === name : column === undefined || x.other === column || !x.other),
          )
        : undefined
      if (added)
        found.push([
          'constraint-not-valid-missing',
          `${m} ${table} in the same transaction as its ${kind === 'check' ? 'add_check_constraint' : 'add_foreign_key'} ` +
            `validate: false: the add's lock is held until the migration commits, so the scan runs under it`,
          { table, constraint: added.name, value: kind === 'fk' ? added.other : undefined },
        ])
      return
    }
    if (forwardInTx && opt('validate') === 'false')
      this.notValid.push({ kind: m === 'add_foreign_key' ? 'fk' : 'check', table, name: opt('name'), other: column })
    if (m === 'add_foreign_key') {
      if (!isNew && opt('validate') !== 'false')
        found.push([
          'constraint-not-valid-missing',
          `add_foreign_key ${table} -> ${column} without validate: false`,
          { table, value: column, column: opt('column') },
        ])
      return
    }
    if (table && !ctx.rollback && opt('validate') !== 'false') this.validatedChecks.push({ table, expr: column })
    if (!isNew && opt('validate') !== 'false')
      found.push([
        'constraint-not-valid-missing',
        `add_check_constraint on ${table} without validate: false`,
        { table, constraint: opt('name') },
      ])
  }

  private addColumn({ args, table, column, opt, isNew, ctx, found }: RailsCall): void {
    const type = rubyValue(args.positional[2])
    if (!ctx.rollback) this.c.added(table, column)
    if (type === 'json') found.push(['prefer-jsonb', `${table}.${column} is json`, { table, column }])
    if (isNew) return
    if (opt('null') === 'false' && !args.options.has('default'))
      found.push(['add-column-not-null-no-default', `add_column ${table}, ${column}, null: false without default`, { table, column, type }])
    const def = args.options.get('default')
    if (def && (def.type === 'lambda' || this.deps.sql.pgVersion < 11)) {
      const what = def.type === 'lambda' ? 'an SQL expression default' : `a default on PostgreSQL ${this.deps.sql.pgVersion}`
      found.push(['add-column-volatile-default', `add_column ${table}, ${column} with ${what}`, { table, column, type }])
    }
  }

  /** change_column rewrites the table unless the new type is a rewrite-free change of the old one. */
  private changeColumn({ args, table, column, opt, isNew, ctx, found }: RailsCall): void {
    const type = rubyValue(args.positional[2])
    const now = railsType(type, { limit: opt('limit'), precision: opt('precision'), scale: opt('scale') })
    const key = `${table}.${column}`
    if (ctx.rollback) return
    const old = this.oldTypes.get(key) ?? this.deps.knownTypes?.get(key)
    if (!isNew && now && !rewriteFree(old, now, args.options.has('using')))
      found.push([
        'change-column-type',
        `change_column ${table}, ${column}, :${type}${old ? ` (from ${typeText(old)})` : ''}`,
        { table, column, type: typeText(now), oldType: old ? typeText(old) : undefined },
      ])
  }

  /** Drops, renames and NOT NULL changes of an existing column or table. */
  private columnOrTable({ m, args, table, column, isNew, ctx, found }: RailsCall): void {
    if (isNew) return
    if (m === 'remove_column' || m === 'remove_columns') {
      const cols = args.positional.slice(1).map(rubyValue)
      found.push(['drop-column', `${m} ${table}, ${cols.join(', ')}`, { table, column: cols[0] }])
    } else if (m === 'rename_column')
      found.push([
        'rename-column',
        `rename_column ${table}, ${column} to ${rubyValue(args.positional[2])}`,
        { table, column, newName: rubyValue(args.positional[2]) },
      ])
    else if (m === 'rename_table') found.push(['rename-table', `rename_table ${table} to ${column}`, { table, newName: column }])
    else if (m === 'drop_table') found.push(['drop-table', `drop_table ${table}`, { table }])
    else if (m === 'change_column_null') {
      const v = rubyValue(args.positional[2])
      if (v === 'false' && !(!ctx.rollback && this.provesNotNull(table, column)))
        found.push(['set-not-null', `change_column_null ${table}, ${column}, false`, { table, column }])
      else if (v === 'true') found.push(['drop-not-null', `change_column_null ${table}, ${column}, true`, { table, column }])
    }
  }

  /** execute "SQL" or a heredoc: the SQL is analysed on its own lines. */
  private execute({ n, args, ctx }: RailsCall): void {
    const a = args.positional.at(0)
    if (a?.type === 'string') {
      const content = named(a).find((p) => p.type === 'string_content')
      const sql = rubyValue(a)
      if (sql !== undefined && content) this.c.embeddedSql(sql, line(content), n, this.place(ctx), ctx.waiver)
    } else if (a?.type === 'heredoc_beginning') {
      // The body is a later sibling of the call.
      let s = n.nextNamedSibling
      while (s && s.type !== 'heredoc_body') s = s.nextNamedSibling
      if (s && !named(s).some((p) => p.type === 'interpolation')) {
        const text = named(s)
          .filter((p) => p.type === 'heredoc_content')
          .map((p) => p.text)
          .join('')
        const first = named(s).find((p) => p.type === 'heredoc_content')
        if (first) this.c.embeddedSql(text, line(first), n, this.place(ctx), ctx.waiver)
      }
    }
  }

  /** A project helper's body, with the call's arguments in place of its parameters, checked as if written at the call. */
  private inline({ n, m, ctx }: RailsCall, h: RailsHelper): void {
    const source = inlineSource(m, h, callArgTexts(n))
    if (source === undefined) return
    const sub = new Collector(this.deps)
    withTree(this.deps.parser, source, (tree) => {
      if (!tree || tree.rootNode.hasError) return
      const v = new RailsVisitor(sub, tree.rootNode, { noTransaction: this.noTransaction, created: this.created, depth: this.depth + 1 })
      for (const ch of named(tree.rootNode)) v.visit(ch, { ...ctx, inChange: false })
    })
    this.c.inlined(sub, n, `${m} (${h.path}:${h.line})`)
  }

  private record(n: TsNode, id: DangerId, detail: string, table: string | undefined, ctx: RailsCtx, column?: string, names?: Names): void {
    if (ctx.waiver && id !== 'missing-down')
      this.c.result.waivers.push({ id, line: line(n), reason: ctx.waiver, statement: shortStatement(n.text) })
    else this.c.issue(n, id, detail, table, column, names, ctx.rollback)
  }
}

/** Column names of `:email` or `[:a, :b]`. */
function rubyColumns(n: TsNode | null | undefined): string[] | undefined {
  if (!n) return undefined
  if (n.type === 'array') {
    const v = named(n).map(rubyValue)
    return v.every((x): x is string => x !== undefined) ? v : undefined
  }
  const v = rubyValue(n)
  return v !== undefined ? [v] : undefined
}

// ---------------------------------------------------------------------------------------------------------
// Python (Django, Alembic)

/** A Python string literal's value (concatenations joined; an f-string with interpolations: undefined). */
export function pyString(n: TsNode | null | undefined): string | undefined {
  if (!n) return undefined
  if (n.type === 'string') {
    const parts = named(n)
    if (parts.some((p) => p.type === 'interpolation')) return undefined
    return parts
      .filter((p) => p.type === 'string_content' || p.type === 'escape_sequence')
      .map((p) => p.text)
      .join('')
  }
  if (n.type === 'concatenated_string') {
    const parts = named(n).map(pyString)
    return parts.every((p) => p !== undefined) ? parts.join('') : undefined
  }
  return undefined
}

function pyValue(n: TsNode | null | undefined): string | undefined {
  if (!n) return undefined
  const s = pyString(n)
  if (s !== undefined) return s
  if (['true', 'false', 'none', 'integer', 'identifier'].includes(n.type)) return n.text
  // Alembic's op.f("name"): the name as given (a naming-convention marker)
  if (n.type === 'call' && /^(op\.)?f$/.test(n.childForFieldName('function')?.text ?? '')) {
    const arg = n.childForFieldName('arguments')?.namedChildren[0]
    return arg ? pyString(arg) : undefined
  }
  return undefined
}

interface PyCall {
  name: string
  qualified: string
  positional: TsNode[]
  kwargs: Map<string, TsNode>
}

function pyCall(n: TsNode): PyCall | undefined {
  if (n.type !== 'call') return undefined
  const fn = n.childForFieldName('function')
  if (!fn) return undefined
  const qualified = fn.text
  const name = fn.type === 'attribute' ? (fn.childForFieldName('attribute')?.text ?? '') : fn.text
  const out: PyCall = { name, qualified, positional: [], kwargs: new Map() }
  for (const a of named(n.childForFieldName('arguments'))) {
    if (a.type === 'keyword_argument') {
      const k = a.childForFieldName('name')?.text
      const v = a.childForFieldName('value')
      if (k && v) out.kwargs.set(k, v)
    } else if (a.type !== 'comment') out.positional.push(a)
  }
  return out
}

/** The string of a SQL argument: a string literal, sa.text("..."), or a list/tuple of strings (joined). */
function sqlArg(n: TsNode | undefined): { sql: string; first: TsNode } | undefined {
  if (!n) return undefined
  const s = pyString(n)
  if (s !== undefined) return { sql: s, first: named(n).find((p) => p.type === 'string_content') ?? n }
  const call = pyCall(n)
  if (call && call.name === 'text') return sqlArg(call.positional[0])
  if (n.type === 'list' || n.type === 'tuple') {
    const items = named(n).map((i) => sqlArg(i))
    const strings = items.filter((i) => i !== undefined)
    const head = strings.at(0)
    // every item a string (none left out), and at least one
    if (head && strings.length === items.length)
      return { sql: strings.map((i) => i.sql.trim().replace(/;?$/, ';')).join('\n'), first: head.first }
  }
  return undefined
}

/**
 * A downgrade() that does nothing and says why, in a comment or docstring of its own: a forward-only choice
 * written down, as Rails' `raise IrreversibleMigration` or Django's `RunPython.noop` are. Alembic's template
 * writes a bare `pass` (or `pass` between its `# ### commands auto generated by Alembic` markers) when there is
 * nothing to undo: that one was never decided, so it does not count. Returns the line of the explanation.
 */
function explainedNoop(fn: TsNode): number | undefined {
  const body = fn.childForFieldName('body')
  let at: number | undefined
  walk(fn, (n) => {
    if (at !== undefined) return false
    const own = n.type === 'comment' && !/^#\s*###/.test(n.text) && /[a-z]{3,}/i.test(n.text)
    const doc = n.type === 'expression_statement' && n.parent?.id === body?.id && named(n)[0]?.type === 'string'
    if (own || doc) at = line(n)
    return undefined
  })
  return at
}

function bodyIsOnlyPass(fn: TsNode): boolean {
  const body = fn.childForFieldName('body')
  const stmts = named(body).filter((s) => s.type !== 'comment')
  return stmts.every((s) => s.type === 'pass_statement' || (s.type === 'expression_statement' && named(s)[0]?.type === 'string'))
}

export async function analyzePython(
  source: string,
  deps: OrmDeps,
  hint: 'django' | 'alembic' | undefined,
): Promise<OrmResult & { kind?: OrmKind }> {
  return withTreeAsync(deps.parser, source, (tree) => pythonFromTree(tree, deps, hint))
}

async function pythonFromTree(
  tree: TsTree | null,
  deps: OrmDeps,
  hint: 'django' | 'alembic' | undefined,
): Promise<OrmResult & { kind?: OrmKind }> {
  const c = new Collector(deps)
  if (!tree) return { ...(await c.done()), notMigration: true }
  const root = tree.rootNode
  comments(root, c)
  const fns = new Map<string, TsNode>()
  let migrationClass: TsNode | undefined
  for (const n of named(root)) {
    const def = n.type === 'decorated_definition' ? n.childForFieldName('definition') : n
    if (def?.type === 'function_definition') fns.set(def.childForFieldName('name')?.text ?? '', def)
    if (def?.type === 'class_definition' && def.childForFieldName('name')?.text === 'Migration') migrationClass = def
  }
  const upgrade = fns.get('upgrade')
  if (upgrade && hint !== 'django') return { ...(await analyzeAlembic(upgrade, fns, c)), kind: 'alembic' }
  if (migrationClass && hint !== 'alembic') return { ...(await analyzeDjango(migrationClass, fns, c)), kind: 'django' }
  return { ...(await c.done()), notMigration: true }
}

/** SQLAlchemy type expressions (sa.String(length=255), VARCHAR(100), sa.Numeric(10, 2), postgresql.INET()) as PostgreSQL types. */
export function sqlalchemyType(text: string): TypeName | undefined {
  const m = /^(?:[\w.]+\.)?(\w+)\s*(?:\((.*)\))?$/s.exec(text.trim())
  if (!m) return undefined
  const args = (m.at(2) ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)
  const num = (k: string, i: number): number | undefined => {
    const kw = args.find((a) => a.startsWith(`${k}=`))
    const a = args.at(i)
    const v = kw ? kw.slice(k.length + 1) : a !== undefined && !a.includes('=') ? a : undefined
    return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined
  }
  const name = m[1].toLowerCase()
  switch (name) {
    case 'string':
    case 'varchar':
    case 'unicode':
    case 'nvarchar': {
      const len = num('length', 0)
      return len !== undefined ? { name: 'varchar', mods: 1, args: [len] } : { name: 'varchar', mods: 0, args: [] }
    }
    case 'text':
    case 'unicodetext':
      return { name: 'text', mods: 0, args: [] }
    case 'numeric':
    case 'decimal': {
      const p = num('precision', 0)
      return p !== undefined ? { name: 'numeric', mods: 2, args: [p, num('scale', 1) ?? 0] } : { name: 'numeric', mods: 0, args: [] }
    }
    case 'integer':
      return { name: 'int4', mods: 0, args: [] }
    case 'biginteger':
    case 'bigint':
      return { name: 'int8', mods: 0, args: [] }
    case 'smallinteger':
      return { name: 'int2', mods: 0, args: [] }
    case 'inet':
    case 'cidr':
    case 'citext':
    case 'jsonb':
    case 'json':
    case 'uuid':
      return { name, mods: 0, args: [] }
    case 'datetime':
    case 'timestamp':
      return { name: /timezone\s*=\s*True/.test(m.at(2) ?? '') ? 'timestamptz' : 'timestamp', mods: 0, args: [] }
    case 'boolean':
      return { name: 'bool', mods: 0, args: [] }
    default:
      return undefined
  }
}

/** Alembic operations that define no schema: row writes (execute: its SQL decides), binds and literals. */
const ALEMBIC_ROW_OPS = new Set(['execute', 'bulk_insert', 'get_bind', 'get_context', 'inline_literal', 'f'])
const ALEMBIC_DATA_OPS = new Set(['execute', 'bulk_insert', 'get_bind', 'get_context', 'create_table', 'inline_literal', 'f'])

/** One `op.*` call of an Alembic upgrade() and what its checks need. */
interface AlembicOp {
  n: TsNode
  call: PyCall
  c: Collector
  /** Tables created earlier in this migration. */
  created: Set<string>
  /** Inside op.get_context().autocommit_block(). */
  autocommit: boolean
  /** The i-th positional argument's value. */
  table: (i: number) => string | undefined
  kw: (k: string) => string | undefined
}

/** op.add_column: a JSON column, NOT NULL without server_default. */
function alembicAddColumn({ n, call, c, created, table }: AlembicOp): void {
  const t = table(0)
  if (t && created.has(t)) return
  const col = pyCall(call.positional[1] ?? n)
  if (col && col.name === 'Column') {
    const name = pyValue(col.positional[0])
    c.added(t, name)
    const type = col.positional[1]?.text ?? ''
    if (/\bJSON\b/.test(type) && !/JSONB/.test(type)) c.issue(n, 'prefer-jsonb', `${t}.${name} is JSON`, t, name)
    if (pyValue(col.kwargs.get('nullable')) === 'False' && !col.kwargs.has('server_default'))
      c.issue(
        n,
        'add-column-not-null-no-default',
        `op.add_column('${t}', Column('${name}', nullable=False)) without server_default`,
        t,
        undefined,
        { table: t, column: name, type },
      )
  }
}

/** op.alter_column: nullability changes, a type change that rewrites, a rename. */
function alembicAlterColumn({ n, call, c, created, table, kw }: AlembicOp): void {
  const t = table(0)
  const col = table(1)
  if (t && created.has(t)) return
  const existingNullable = kw('existing_nullable')
  if (kw('nullable') === 'False' && existingNullable !== 'False')
    c.issue(n, 'set-not-null', `op.alter_column('${t}', '${col}', nullable=False)`, t, undefined, { table: t, column: col })
  if (kw('nullable') === 'True' && existingNullable !== 'True')
    c.issue(n, 'drop-not-null', `op.alter_column('${t}', '${col}', nullable=True)`, t, undefined, { table: t, column: col })
  const typeNode = call.kwargs.get('type_')
  if (typeNode) {
    const text = typeNode.text
    const now = sqlalchemyType(text)
    const oldNode = call.kwargs.get('existing_type')
    const old = (oldNode ? sqlalchemyType(oldNode.text) : undefined) ?? c.deps.knownTypes?.get(`${t}.${col}`)
    const free = now ? rewriteFree(old, now, call.kwargs.has('postgresql_using')) : /^(sa\.)?(Text|UnicodeText)\(\)$/.test(text)
    if (!free)
      c.issue(
        n,
        'change-column-type',
        `op.alter_column('${t}', '${col}', type_=${text}${oldNode ? `, existing_type=${oldNode.text}` : ''})`,
        t,
        undefined,
        { table: t, column: col, type: now ? typeText(now) : text, oldType: old ? typeText(old) : undefined },
      )
  }
  if (call.kwargs.has('new_column_name'))
    c.issue(n, 'rename-column', `op.alter_column('${t}', '${col}', new_column_name='${kw('new_column_name')}')`, t, col, {
      table: t,
      column: col,
      newName: kw('new_column_name'),
    })
}

/** op.create_index: not concurrent, or concurrent inside the transaction. */
function alembicCreateIndex({ n, call, c, created, autocommit, table, kw }: AlembicOp): void {
  const t = table(1)
  if (t && created.has(t)) return
  const cols =
    call.positional[2]?.type === 'list'
      ? named(call.positional[2])
          .map(pyValue)
          .filter((x): x is string => x !== undefined)
      : undefined
  const names: Names = { table: t, index: table(0), columns: cols }
  if (kw('postgresql_concurrently') !== 'True')
    c.issue(n, 'create-index-non-concurrent', `op.create_index(... '${t}' ...) without postgresql_concurrently=True`, t, undefined, names)
  else if (!autocommit)
    c.issue(
      n,
      'concurrently-in-transaction',
      `op.create_index(..., postgresql_concurrently=True) outside op.get_context().autocommit_block()`,
      undefined,
      undefined,
      names,
    )
}

/** op.drop_index: not concurrent, or concurrent inside the transaction. */
function alembicDropIndex({ n, c, autocommit, table, kw }: AlembicOp): void {
  const names: Names = { index: table(0), table: kw('table_name') }
  if (kw('postgresql_concurrently') !== 'True')
    c.issue(
      n,
      'drop-index-non-concurrent',
      `op.drop_index('${table(0)}') without postgresql_concurrently=True`,
      undefined,
      undefined,
      names,
    )
  else if (!autocommit)
    c.issue(
      n,
      'concurrently-in-transaction',
      `op.drop_index(..., postgresql_concurrently=True) outside op.get_context().autocommit_block()`,
      undefined,
      undefined,
      names,
    )
}

/** op.create_foreign_key / op.create_check_constraint: validated at once unless NOT VALID. */
function alembicValidatedConstraint({ n, call, c, created, table, kw }: AlembicOp): void {
  const t = table(1)
  if (t && created.has(t)) return
  if (kw('postgresql_not_valid') !== 'True')
    c.issue(
      n,
      'constraint-not-valid-missing',
      `op.${call.name}(... '${t}' ...) validates every row (add it with NOT VALID through op.execute, then VALIDATE CONSTRAINT)`,
      t,
      undefined,
      call.name === 'create_foreign_key'
        ? {
            table: t,
            constraint: table(0),
            value: table(2),
            columns: pyStrings(call.positional[3]),
            refColumns: pyStrings(call.positional[4]),
          }
        : { table: t, constraint: table(0), check: pyValue(call.positional[2]) },
    )
}

/** A Python list or tuple of string literals (`["user_id"]`), else undefined. */
function pyStrings(n: TsNode | undefined): string[] | undefined {
  if (n?.type !== 'list' && n?.type !== 'tuple') return undefined
  const out = named(n).map(pyValue)
  const strings = out.filter((x): x is string => x !== undefined)
  return strings.length && strings.length === out.length ? strings : undefined
}

/** op.create_unique_constraint / op.create_primary_key: the index is built under the lock. */
function alembicUniqueConstraint({ n, call, c, created, table }: AlembicOp): void {
  const t = table(1)
  if (t && created.has(t)) return
  const cols =
    call.positional[2]?.type === 'list'
      ? named(call.positional[2])
          .map(pyValue)
          .filter((x): x is string => x !== undefined)
      : undefined
  c.issue(n, 'unique-without-index', `op.${call.name}(... '${t}' ...) builds its index under the lock`, t, undefined, {
    table: t,
    constraint: table(0),
    columns: cols,
    value: call.name === 'create_primary_key' ? 'PRIMARY KEY' : 'UNIQUE',
  })
}

/** A downgrade() missing or only passing: missing-down, a notice when its own comment says why. */
function alembicMissingDown(upgrade: TsNode, downgrade: TsNode | undefined, c: Collector): void {
  if (!downgrade || bodyIsOnlyPass(downgrade)) {
    const why = downgrade && explainedNoop(downgrade)
    c.issue(
      downgrade ?? upgrade,
      'missing-down',
      !downgrade
        ? 'no downgrade() function'
        : why
          ? `downgrade() only passes, on purpose (its comment on line ${why} says why)`
          : 'downgrade() only passes',
    )
    const issue = c.result.issues[c.result.issues.length - 1]
    if (why) issue.cap = { level: 'notice', why: 'a written forward-only choice' }
    else if (downgrade) c.barePassDown = issue
  }
}

async function analyzeAlembic(upgrade: TsNode, fns: Map<string, TsNode>, c: Collector): Promise<OrmResult> {
  const downgrade = fns.get('downgrade')
  alembicMissingDown(upgrade, downgrade, c)
  const created = new Set<string>()
  const visit = (n: TsNode, autocommit: boolean): void => {
    if (n.type === 'with_statement') {
      const isAuto = n.text.includes('autocommit_block')
      for (const ch of named(n)) visit(ch, autocommit || isAuto)
      return
    }
    const call = pyCall(n)
    if (!call || !call.qualified.startsWith('op.')) {
      for (const ch of named(n)) visit(ch, autocommit)
      return
    }
    const table = (i: number): string | undefined => pyValue(call.positional[i])
    const kw = (k: string): string | undefined => pyValue(call.kwargs.get(k))
    const place: Place = { inTx: !autocommit }
    const op: AlembicOp = { n, call, c, created, autocommit, table, kw }
    c.statement(n)
    const target = call.name === 'create_index' || call.name.startsWith('create_') ? table(1) : table(0)
    if (!ALEMBIC_DATA_OPS.has(call.name) && !(target && created.has(target))) c.schemaOp(place)
    if (!ALEMBIC_ROW_OPS.has(call.name)) c.definesSchema = true
    switch (call.name) {
      case 'create_table': {
        const t = table(0)
        if (t) {
          created.add(t)
          c.result.created.push(t)
        }
        break
      }
      case 'drop_table':
        c.issue(n, 'drop-table', `op.drop_table('${table(0)}')`, table(0))
        break
      case 'rename_table':
        c.issue(n, 'rename-table', `op.rename_table('${table(0)}', '${table(1)}')`, table(0), undefined, {
          table: table(0),
          newName: table(1),
        })
        break
      case 'drop_column':
        c.issue(n, 'drop-column', `op.drop_column('${table(0)}', '${table(1)}')`, table(0), table(1))
        break
      case 'add_column':
        alembicAddColumn(op)
        break
      case 'alter_column':
        alembicAlterColumn(op)
        break
      case 'create_index':
        alembicCreateIndex(op)
        break
      case 'drop_index':
        alembicDropIndex(op)
        break
      case 'create_foreign_key':
      case 'create_check_constraint':
        alembicValidatedConstraint(op)
        break
      case 'create_unique_constraint':
      case 'create_primary_key':
        alembicUniqueConstraint(op)
        break
      case 'execute': {
        const s = sqlArg(call.positional[0] ?? call.kwargs.get('sqltext'))
        if (s) c.embeddedSql(s.sql, line(s.first), n, place)
        // SQL built at run time (or not read in this dialect) may define anything
        else c.definesSchema = true
        break
      }
      default:
        break
    }
  }
  visit(upgrade, false)
  return c.done()
}

/** A RunPython function that writes rows: .update(), bulk_update, or .save() inside a loop. */
function writesRows(fn: TsNode): boolean {
  let found = false
  walk(fn, (n) => {
    if (found) return false
    const call = pyCall(n)
    if (call && (call.name === 'update' || call.name === 'bulk_update') && call.qualified.includes('.')) found = true
    if (n.type === 'for_statement' && /\.save\(|\.update\(/.test(n.text)) found = true
    return undefined
  })
  return found
}

const DJANGO_SCHEMA_OPS = new Set([
  'AddField',
  'RemoveField',
  'AlterField',
  'RenameField',
  'AddIndex',
  'RemoveIndex',
  'AddConstraint',
  'RemoveConstraint',
  'RenameModel',
  'DeleteModel',
  'AlterUniqueTogether',
  'AlterIndexTogether',
  'RenameIndex',
  'AlterModelTable',
])

/** One operation of a Django migration and what its checks need. */
interface DjangoOp {
  n: TsNode
  call: PyCall
  /** The model (lower case). */
  model: string | undefined
  field: string | undefined
  /** The model is created earlier in this migration. */
  isNew: boolean
  c: Collector
  kw: (k: string) => string | undefined
}

/** AlterField: costed against the field's previous definition (earlier migrations, or earlier in this one). */
function djangoAlterField({ n, call, model, field, isNew, c }: DjangoOp, local: Map<string, FieldSummary>, place: Place): void {
  const now = asDjangoBase(fieldSummary(call.kwargs.get('field') ?? call.positional[2]), c.deps.djangoClasses)
  const key = `${model}.${field}`
  const before = asDjangoBase(c.deps.djangoFields?.get(key) ?? local.get(key), c.deps.djangoClasses)
  if (now) local.set(key, now)
  if (isNew) return
  // a change Django writes no SQL for takes no lock: a RunPython beside it updates rows as a data-only migration does
  if (!(before && now && alterFieldWritesNothing(before, now))) c.schemaOp(place)
  const costed = before && now ? alterFieldDangers(before, now) : undefined
  if (costed && 'dangers' in costed) {
    for (const d of costed.dangers)
      c.issue(n, d.id, `AlterField ${model}.${field}: ${d.detail}`, model, d.id === 'rename-column' ? field : undefined, {
        table: model,
        model,
        column: djangoColumn(field, now),
        ...(d.id === 'constraint-not-valid-missing' && now?.cls !== 'ManyToManyField' ? { field, refModel: djangoTarget(now) ?? '' } : {}),
        ...(d.type ? { type: d.type, oldType: d.oldType } : {}),
      })
  } else
    c.issue(
      n,
      'change-column-type',
      `AlterField ${model}.${field} can change the type, nullability or constraints under an ACCESS EXCLUSIVE lock ` +
        `(${alterFieldUncosted(before, now, costed)}: check manage.py sqlmigrate)`,
      model,
      undefined,
      { table: model, column: djangoColumn(field, now ?? before) },
    )
}

/** The column a Django field writes: its `db_column`, else its name, with `_id` for a ForeignKey or OneToOneField. */
function djangoColumn(field: string | undefined, f: FieldSummary | undefined): string | undefined {
  if (field === undefined) return undefined
  const dbColumn = /^(['"])(.+)\1$/.exec(f?.kw.db_column ?? '')?.[2]
  if (dbColumn) return dbColumn
  return f && (f.cls === 'ForeignKey' || f.cls === 'OneToOneField') ? `${field}_id` : field
}

/** Why an AlterField was not costed: no previous definition, a new one that is not a field call, or what alterFieldDangers says. */
function alterFieldUncosted(
  before: FieldSummary | undefined,
  now: FieldSummary | undefined,
  costed: { uncosted: string } | undefined,
): string {
  if (!before) return "the field's previous definition was not found"
  if (!now || !costed) return "the field's new definition is not a field call the gate can read"
  return costed.uncosted
}

/**
 * Django fields that add no column to the model's table: a many-to-many (its own join table: ManyToManyField,
 * django-sortedm2m's SortedManyToManyField, modelcluster's ParentalManyToManyField), django-taggit's
 * TaggableManager (rows in its through table; netbox 5a59f235 adds 14) and contenttypes' GenericRelation.
 */
const NO_COLUMN_FIELD = /(?:^|\.)(?:\w*ManyToManyField|\w*TaggableManager|GenericRelation)$/

/** AddField on an existing model: NOT NULL without a default, a validated foreign key. */
function djangoAddField({ n, call, model, field, c }: DjangoOp, local: Map<string, FieldSummary>): void {
  const f = pyCall(call.kwargs.get('field') ?? n)
  if (!f) return
  const added = fieldSummary(call.kwargs.get('field'))
  if (added) local.set(`${model}.${field}`, added)
  c.added(model, field)
  const fkw = (k: string): string | undefined => pyValue(f.kwargs.get(k))
  const nullable = fkw('null') === 'True'
  const many = NO_COLUMN_FIELD.test(f.name)
  if (!nullable && !many && !f.kwargs.has('default') && !f.kwargs.has('db_default') && !djangoSuppliesDefault(f.name, fkw))
    c.issue(n, 'add-column-not-null-no-default', `AddField ${model}.${field} is NOT NULL without a default`, model, undefined, {
      table: model,
      column: djangoColumn(field, added),
    })
  if (['ForeignKey', 'OneToOneField'].includes(f.name) && fkw('db_constraint') !== 'False')
    c.issue(
      n,
      'constraint-not-valid-missing',
      `AddField ${model}.${field} (${f.name}) adds a validated foreign key and a non-concurrent index`,
      model,
      undefined,
      { table: model, model, field, column: djangoColumn(field, added), refModel: djangoTarget(added) ?? '' },
    )
}

/** A ForeignKey's target model when written as a string (`to="inventory.Store"`); `settings.AUTH_USER_MODEL` is not read. */
function djangoTarget(f: FieldSummary | undefined): string | undefined {
  return /^(['"])([\w.]+)\1$/.exec(f?.kw.to ?? '')?.[2]
}

/** RunPython: a missing reverse_code, and functions of the migration that write rows (a backfill). */
function djangoRunPython({ n, call, c }: DjangoOp, fns: Map<string, TsNode>, atomic: boolean): void {
  const forward = call.positional.at(0) ?? call.kwargs.get('code')
  const reverse = call.positional.at(1) ?? call.kwargs.get('reverse_code')
  if (!reverse) c.issue(n, 'missing-down', 'RunPython without reverse_code')
  for (const [arg, rollback] of [
    [forward, false],
    [reverse, true],
  ] as const) {
    if (arg?.type !== 'identifier') continue
    const fn = fns.get(arg.text)
    if (!fn || !writesRows(fn)) continue
    const issue: Issue = {
      id: 'backfill-in-transaction',
      line: line(n),
      endLine: endLine(n),
      statement: shortStatement(n.text),
      detail: `RunPython ${arg.text} updates rows inside the migration's transaction (atomic)`,
    }
    if (rollback) issue.rollback = true
    c.backfill(issue, atomic && !rollback)
  }
}

/** The Migration class's `atomic` (False turns its transaction off) and `operations` list. */
function djangoMigrationClass(cls: TsNode): { atomic: boolean; ops: TsNode | undefined } {
  let atomic = true
  let ops: TsNode | undefined
  for (const st of named(cls.childForFieldName('body'))) {
    const asg = st.type === 'expression_statement' ? named(st)[0] : undefined
    if (asg?.type !== 'assignment') continue
    const left = asg.childForFieldName('left')?.text
    const right = asg.childForFieldName('right')
    if (left === 'atomic' && right?.text === 'False') atomic = false
    if (left === 'operations' && right?.type === 'list') ops = right
  }
  return { atomic, ops }
}

/** AddConstraint on an existing model: a unique constraint builds its index under the lock, others validate every row. */
function djangoAddConstraint({ n, call, model, c }: DjangoOp): void {
  const cons = pyCall(call.kwargs.get('constraint') ?? n)
  if (cons?.name === 'UniqueConstraint')
    c.issue(n, 'unique-without-index', `AddConstraint UniqueConstraint on ${model} builds its index under the lock`, model)
  else
    c.issue(
      n,
      'constraint-not-valid-missing',
      `AddConstraint ${cons?.name ?? ''} on ${model} validates every row`.replace('  ', ' '),
      model,
    )
}

/** RunSQL: its SQL analysed in the migration's transaction, and a missing reverse_sql. */
function djangoRunSql({ n, call, c }: DjangoOp, place: Place): void {
  const s = sqlArg(call.positional[0] ?? call.kwargs.get('sql'))
  if (s) c.embeddedSql(s.sql, line(s.first), n, place)
  const reverse = call.positional.at(1) ?? call.kwargs.get('reverse_sql')
  if (!reverse) c.issue(n, 'missing-down', 'RunSQL without reverse_sql')
}

/** Django operations whose findings are about SQL or Python they run, not about the model they name. */
const EMBEDS = new Set(['RunSQL', 'RunPython', 'SeparateDatabaseAndState'])

async function analyzeDjango(cls: TsNode, fns: Map<string, TsNode>, c: Collector): Promise<OrmResult> {
  const { atomic, ops } = djangoMigrationClass(cls)
  const run: DjangoRun = { created: new Set(), local: new Map(), place: { inTx: atomic }, fns, atomic, visit: visitOp }
  function visitOp(n: TsNode): void {
    const call = pyCall(n)
    if (!call) return
    c.statement(n)
    const kw = (k: string): string | undefined => pyValue(call.kwargs.get(k))
    const model = (kw('model_name') ?? kw('name') ?? pyValue(call.positional[0]))?.toLowerCase()
    const isNew = model !== undefined && run.created.has(model)
    // an AlterField says itself whether it writes any SQL (djangoAlterField)
    if (DJANGO_SCHEMA_OPS.has(call.name) && !isNew && call.name !== 'AlterField') c.schemaOp(run.place)
    const field = kw('name') ?? pyValue(call.positional[1])
    const mark = c.result.issues.length
    djangoOperation({ n, call, model, field, isNew, c, kw }, run)
    // An operation on a model names the model; its table (`<app>_<model>`) is named by decide.ts, which has the path.
    if (model && !EMBEDS.has(call.name)) for (const i of c.result.issues.slice(mark)) if (i.names?.table === model) i.names.model ??= model
  }
  for (const op of named(ops)) visitOp(op)
  return c.done()
}

/** What the operations of one Django migration share. */
interface DjangoRun {
  /** Models created earlier in this migration. */
  created: Set<string>
  /** Fields defined earlier in this migration (AddField then AlterField). */
  local: Map<string, FieldSummary>
  place: Place
  fns: Map<string, TsNode>
  atomic: boolean
  /** Visits a nested operation (SeparateDatabaseAndState's database_operations). */
  visit: (n: TsNode) => void
}

/** One operation of a Django migration: the dangers it has. */
function djangoOperation(op: DjangoOp, run: DjangoRun): void {
  const { n, call, model, field, isNew, c, kw } = op
  const name = call.name
  switch (name) {
    case 'CreateModel':
      if (model) {
        run.created.add(model)
        c.result.created.push(model)
      }
      break
    case 'DeleteModel':
      c.issue(n, 'drop-table', `DeleteModel ${model}`, undefined, undefined, { table: model, model })
      break
    case 'RenameModel':
      c.issue(n, 'rename-table', `RenameModel ${kw('old_name')} -> ${kw('new_name')}`, undefined, undefined, {
        table: kw('old_name'),
        newName: kw('new_name'),
      })
      break
    case 'RemoveField':
      if (!isNew)
        c.issue(n, 'drop-column', `RemoveField ${model}.${field}`, model, field, {
          table: model,
          model,
          column: djangoColumn(field, c.deps.djangoFields?.get(`${model}.${field}`) ?? run.local.get(`${model}.${field}`)),
          field,
        })
      break
    case 'RenameField':
      if (!isNew)
        c.issue(n, 'rename-column', `RenameField ${model}.${kw('old_name')} -> ${kw('new_name')}`, model, kw('old_name'), {
          table: model,
          column: kw('old_name'),
          newName: kw('new_name'),
        })
      break
    case 'AlterField':
      djangoAlterField(op, run.local, run.place)
      break
    case 'AddField':
      if (!isNew) djangoAddField(op, run.local)
      break
    case 'AddIndex':
      if (!isNew) c.issue(n, 'create-index-non-concurrent', `AddIndex on ${model} (use AddIndexConcurrently with atomic = False)`, model)
      break
    case 'RemoveIndex':
      if (!isNew)
        c.issue(n, 'drop-index-non-concurrent', `RemoveIndex on ${model} (use RemoveIndexConcurrently with atomic = False)`, model)
      break
    case 'AddIndexConcurrently':
    case 'RemoveIndexConcurrently':
      if (run.atomic) c.issue(n, 'concurrently-in-transaction', `${call.name} in a migration without atomic = False`)
      break
    case 'AddConstraint':
      if (!isNew) djangoAddConstraint(op)
      break
    case 'RunSQL':
      djangoRunSql(op, run.place)
      break
    case 'RunPython':
      djangoRunPython(op, run.fns, run.atomic)
      break
    case 'SeparateDatabaseAndState': {
      const dbOps = call.kwargs.get('database_operations')
      for (const o of named(dbOps)) run.visit(o)
      break
    }
    default:
      break
  }
}

// ---------------------------------------------------------------------------------------------------------
// Django: the state of a field before an AlterField, from the migrations it depends on.

/** A Django field as its migration writes it: class and keyword arguments (source text). */
export interface FieldSummary {
  cls: string
  /** Only the keywords the call writes: any other key reads undefined. */
  kw: Partial<Record<string, string>>
}

function fieldSummary(n: TsNode | undefined): FieldSummary | undefined {
  const call = n ? pyCall(n) : undefined
  if (!call) return undefined
  const kw: Record<string, string> = {}
  for (const [k, v] of call.kwargs) kw[k] = v.text
  if (call.positional[0] && call.name === 'ForeignKey') kw.to = call.positional[0].text
  return { cls: call.name, kw }
}

export interface DjangoFileState {
  /** Same-app migrations this one depends on (migration names). */
  dependencies: string[]
  /** Field definitions in file order: `model.field` -> summary (undefined: removed). */
  defs: Array<[string, FieldSummary | undefined]>
  /** Fields the migration alters (`model.field`). */
  alters: string[]
}

/** The dependencies and field definitions of a Django migration (CreateModel fields, AddField, AlterField, RemoveField). */
export function djangoFileState(parser: TsParser, source: string, app: string): DjangoFileState {
  return withTree(parser, source, (tree) => djangoStateOf(tree, app))
}

function djangoStateOf(tree: TsTree | null, app: string): DjangoFileState {
  const out: DjangoFileState = { dependencies: [], defs: [], alters: [] }
  if (!tree) return out
  let cls: TsNode | undefined
  for (const n of named(tree.rootNode)) if (n.type === 'class_definition' && n.childForFieldName('name')?.text === 'Migration') cls = n
  if (!cls) return out
  for (const st of named(cls.childForFieldName('body'))) {
    const asg = st.type === 'expression_statement' ? named(st)[0] : undefined
    if (asg?.type !== 'assignment') continue
    const left = asg.childForFieldName('left')?.text
    const right = asg.childForFieldName('right')
    if (left === 'dependencies' && right) {
      for (const t of named(right)) {
        const parts = named(t).map(pyValue)
        if (t.type === 'tuple' && parts.length === 2 && parts[0] === app && parts[1]) out.dependencies.push(parts[1])
      }
    }
    if (left === 'operations' && right) {
      const visit = (op: TsNode): void => {
        const call = pyCall(op)
        if (!call) return
        const kw = (k: string): string | undefined => pyValue(call.kwargs.get(k))
        if (call.name === 'CreateModel') {
          const model = (kw('name') ?? pyValue(call.positional[0]))?.toLowerCase()
          const fields = call.kwargs.get('fields') ?? call.positional[1]
          for (const f of named(fields)) {
            const parts = named(f)
            const name = pyValue(parts[0])
            if (model && name) out.defs.push([`${model}.${name}`, fieldSummary(parts[1])])
          }
        } else if (call.name === 'AddField' || call.name === 'AlterField') {
          const model = (kw('model_name') ?? pyValue(call.positional[0]))?.toLowerCase()
          const name = kw('name') ?? pyValue(call.positional[1])
          if (model && name) out.defs.push([`${model}.${name}`, fieldSummary(call.kwargs.get('field') ?? call.positional[2])])
          if (model && name && call.name === 'AlterField') out.alters.push(`${model}.${name}`)
        } else if (call.name === 'RemoveField') {
          const model = (kw('model_name') ?? pyValue(call.positional[0]))?.toLowerCase()
          const name = kw('name') ?? pyValue(call.positional[1])
          if (model && name) out.defs.push([`${model}.${name}`, undefined])
        } else if (call.name === 'SeparateDatabaseAndState') {
          for (const o of named(call.kwargs.get('state_operations'))) visit(o)
        }
      }
      for (const op of named(right)) visit(op)
    }
  }
  return out
}

const DJANGO_TYPES: Partial<Record<string, (kw: FieldSummary['kw']) => TypeName>> = {
  CharField: (kw) => varchar(kw.max_length),
  SlugField: (kw) => varchar(kw.max_length ?? '50'),
  EmailField: (kw) => varchar(kw.max_length ?? '254'),
  URLField: (kw) => varchar(kw.max_length ?? '200'),
  TextField: () => ({ name: 'text', mods: 0, args: [] }),
  IntegerField: () => ({ name: 'int4', mods: 0, args: [] }),
  BigIntegerField: () => ({ name: 'int8', mods: 0, args: [] }),
  SmallIntegerField: () => ({ name: 'int2', mods: 0, args: [] }),
  PositiveIntegerField: () => ({ name: 'int4', mods: 0, args: [] }),
  PositiveBigIntegerField: () => ({ name: 'int8', mods: 0, args: [] }),
  PositiveSmallIntegerField: () => ({ name: 'int2', mods: 0, args: [] }),
  AutoField: () => ({ name: 'int4', mods: 0, args: [] }),
  BigAutoField: () => ({ name: 'int8', mods: 0, args: [] }),
  SmallAutoField: () => ({ name: 'int2', mods: 0, args: [] }),
  DecimalField: (kw) =>
    kw.max_digits && /^\d+$/.test(kw.max_digits)
      ? { name: 'numeric', mods: 2, args: [Number(kw.max_digits), Number(kw.decimal_places ?? 0)] }
      : { name: 'numeric', mods: 0, args: [] },
  DateTimeField: () => ({ name: 'timestamptz', mods: 0, args: [] }),
  DateField: () => ({ name: 'date', mods: 0, args: [] }),
  BooleanField: () => ({ name: 'bool', mods: 0, args: [] }),
  JSONField: () => ({ name: 'jsonb', mods: 0, args: [] }),
  UUIDField: () => ({ name: 'uuid', mods: 0, args: [] }),
  GenericIPAddressField: () => ({ name: 'inet', mods: 0, args: [] }),
}
/**
 * Field classes whose column carries a CHECK ("col" >= 0) on PostgreSQL (Django's data_type_check_constraints):
 * AlterField adds it, validated under the lock, when the class takes it on, and keeps it between two of them.
 */
const DJANGO_CHECKED = new Set(['PositiveIntegerField', 'PositiveBigIntegerField', 'PositiveSmallIntegerField'])
function varchar(n: string | undefined): TypeName {
  return n && /^\d+$/.test(n) ? { name: 'varchar', mods: 1, args: [Number(n)] } : { name: 'varchar', mods: 0, args: [] }
}

/**
 * Keywords of a model field Django's schema editor writes no SQL for when they change (its `non_db_attrs`, and
 * `default`: Django keeps defaults in Python and sets one in the database only on the way to NOT NULL, which is
 * a change of `null`).
 */
const DJANGO_NO_SQL = new Set([
  'choices',
  'help_text',
  'verbose_name',
  'blank',
  'validators',
  'editable',
  'default',
  'related_name',
  'related_query_name',
  'on_delete',
  'upload_to',
  'auto_now',
  'auto_now_add',
  'limit_choices_to',
  'serialize',
  'error_messages',
  'storage',
  'encoder',
  'decoder',
])

/**
 * Keywords alterFieldDangers does not weigh one by one: those Django writes no SQL for, Python-only options of
 * particular field classes, and those its class and type comparison already covers (max_length, max_digits,
 * decimal_places, base_field, size) or that it lets pass (to_field, db_comment).
 */
const DJANGO_STATE_ONLY = new Set([
  ...DJANGO_NO_SQL,
  'to_field',
  'max_length',
  'max_digits',
  'decimal_places',
  'db_comment',
  'base_field',
  'size',
  'symmetrical',
  'through',
  'swappable',
  'protocol',
  'unpack_ipv4',
  'allow_unicode',
  'path',
  'match',
  'recursive',
  'allow_files',
  'allow_folders',
  'width_field',
  'height_field',
])

/** A field argument's source text without module qualifiers, spaces or trailing commas; None is no argument. */
function fieldText(s: string | undefined): string {
  if (s === undefined || s === 'None') return ''
  return s
    .replace(/\s+/g, '')
    .replace(/\b(?:[A-Za-z_]\w*\.)+(?=[A-Za-z_]\w*\()/g, '')
    .replace(/,\)/g, ')')
}

/**
 * A field of a project-defined class as its Django base: `ChoiceSetField(blank=True)` whose class is
 * `class ChoiceSetField(ArrayField)` and whose __init__ sets `kwargs['base_field'] = …` is that ArrayField.
 */
function asDjangoBase(f: FieldSummary | undefined, classes: ReadonlyMap<string, FieldSummary> | undefined): FieldSummary | undefined {
  const base = f && classes?.get(f.cls)
  return f && base ? { cls: base.cls, kw: { ...f.kw, ...base.kw } } : f
}

/**
 * A project-defined Django field class in a module's source: its base class (the last part of the first
 * one named) and the keyword arguments its __init__ fixes (`kwargs['k'] = v`), as source text. Undefined when the module has no such class.
 */
export function djangoFieldClass(parser: TsParser, source: string, cls: string): FieldSummary | undefined {
  return withTree(parser, source, (tree) => {
    if (!tree) return undefined
    const def = named(tree.rootNode)
      .map((n) => (n.type === 'decorated_definition' ? n.childForFieldName('definition') : n))
      .find((n) => n?.type === 'class_definition' && n.childForFieldName('name')?.text === cls)
    const base = named(def?.childForFieldName('superclasses')).find((b) => b.type === 'identifier' || b.type === 'attribute')
    if (!def || !base) return undefined
    const kw: Record<string, string> = {}
    walk(def, (n) => {
      if (n.type === 'assignment') {
        const left = n.childForFieldName('left')
        const right = n.childForFieldName('right')
        const key =
          left?.type === 'subscript' && left.childForFieldName('value')?.text === 'kwargs' ? left.childForFieldName('subscript') : null
        const k = key ? pyValue(key) : undefined
        if (k && right) kw[k] = right.text
      }
    })
    return { cls: base.type === 'attribute' ? (base.childForFieldName('attribute')?.text ?? base.text) : base.text, kw }
  })
}

/** The column type of a field class the table knows; its own keys only (a class named `constructor` is unknown). */
function djangoColumnType(f: FieldSummary): TypeName | undefined {
  return Object.hasOwn(DJANGO_TYPES, f.cls) ? DJANGO_TYPES[f.cls]?.(f.kw) : undefined
}

/**
 * What an AlterField does in the database, from the field before and after: nothing (choices, help_text,
 * a wider max_length…), or the dangers it brings; or, when the change cannot be costed, why (`uncosted`,
 * the words a finding puts in its parentheses): a field class with no known column type on either side
 * (when the type may change), a changed keyword not costed here (db_default, db_collation…), a primary_key change.
 */
export function alterFieldDangers(old: FieldSummary, now: FieldSummary): { dangers: AlterFieldDanger[] } | { uncosted: string } {
  const out: AlterFieldDanger[] = []
  const t0 = djangoColumnType(old)
  const t1 = djangoColumnType(now)
  if (
    old.cls !== now.cls ||
    old.kw.max_length !== now.kw.max_length ||
    old.kw.max_digits !== now.kw.max_digits ||
    old.kw.decimal_places !== now.kw.decimal_places ||
    fieldText(old.kw.base_field) !== fieldText(now.kw.base_field) ||
    fieldText(old.kw.size) !== fieldText(now.kw.size)
  ) {
    if (!t0 || !t1) return { uncosted: uncostedClasses(t0 ? [] : [old.cls], t1 ? [] : [now.cls]) }
    if (!rewriteFree(t0, t1, false))
      out.push({
        id: 'change-column-type',
        detail: `${old.cls}(${typeText(t0)}) -> ${now.cls}(${typeText(t1)}) rewrites the table`,
        type: typeText(t1),
        oldType: typeText(t0),
      })
    if (!DJANGO_CHECKED.has(old.cls) && DJANGO_CHECKED.has(now.cls))
      out.push({ id: 'constraint-not-valid-missing', detail: `${now.cls} adds CHECK (column >= 0), validated under the lock` })
  }
  const flag = (s: FieldSummary, k: string): boolean => s.kw[k] === 'True'
  if (flag(old, 'null') && !flag(now, 'null')) out.push({ id: 'set-not-null', detail: 'null=True -> null=False sets NOT NULL' })
  if (!flag(old, 'null') && flag(now, 'null')) out.push({ id: 'drop-not-null', detail: 'null=False -> null=True drops NOT NULL' })
  if (!flag(old, 'unique') && flag(now, 'unique') && !flag(now, 'primary_key'))
    out.push({ id: 'unique-without-index', detail: 'unique=True builds a unique index under the lock' })
  if (!flag(old, 'db_index') && flag(now, 'db_index') && !flag(now, 'unique'))
    out.push({ id: 'create-index-non-concurrent', detail: 'db_index=True builds an index without CONCURRENTLY' })
  if ((flag(old, 'db_index') && !flag(now, 'db_index') && !flag(now, 'unique')) || (flag(old, 'unique') && !flag(now, 'unique')))
    out.push({ id: 'drop-index-non-concurrent', detail: 'dropping the index takes ACCESS EXCLUSIVE' })
  if ((old.kw.db_column ?? '') !== (now.kw.db_column ?? ''))
    out.push({ id: 'rename-column', detail: `db_column ${old.kw.db_column ?? '(default)'} -> ${now.kw.db_column ?? '(default)'}` })
  if ((old.kw.to ?? '') !== (now.kw.to ?? ''))
    out.push({
      id: 'constraint-not-valid-missing',
      detail: 'the foreign key now points elsewhere: a new constraint validated under the lock',
    })
  if (flag(old, 'db_constraint') !== flag(now, 'db_constraint') && now.kw.db_constraint !== 'False' && old.kw.db_constraint === 'False')
    out.push({ id: 'constraint-not-valid-missing', detail: 'db_constraint=True adds a validated foreign key' })
  // db_default, db_collation, ...: not costed here
  const changed = [...new Set([...Object.keys(old.kw), ...Object.keys(now.kw)])].filter(
    (k) => !DJANGO_STATE_ONLY.has(k) && !COSTED_KEYWORDS.has(k) && old.kw[k] !== now.kw[k],
  )
  if ((old.kw.primary_key ?? '') !== (now.kw.primary_key ?? '')) changed.push('primary_key')
  if (changed.length) return { uncosted: `the change of ${wordList(changed)} is not one the gate can cost` }
  return { dangers: out }
}

/** An AlterField that makes Django write no SQL at all: the same field class, only keywords of DJANGO_NO_SQL changed. */
export function alterFieldWritesNothing(old: FieldSummary, now: FieldSummary): boolean {
  if (old.cls !== now.cls) return false
  const keys = new Set([...Object.keys(old.kw), ...Object.keys(now.kw)])
  return [...keys].every((k) => old.kw[k] === now.kw[k] || DJANGO_NO_SQL.has(k))
}

export interface AlterFieldDanger {
  id: DangerId
  detail: string
  /** The column type after and before (a type change), for the recipe. */
  type?: string
  oldType?: string
}

/** The keywords alterFieldDangers weighs one by one (primary_key too: a change of it is what it cannot cost). */
const COSTED_KEYWORDS = new Set(['null', 'unique', 'db_index', 'db_column', 'to', 'db_constraint', 'primary_key'])

/** `a`, `a and b`, `a, b and c`. */
function wordList(words: string[]): string {
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.slice(-1).join('')}` : words.join('')
}

/** Why a change of type cannot be costed: the field classes (before, after) with no known column type. */
function uncostedClasses(before: string[], after: string[]): string {
  const classes = [...new Set([...before, ...after])]
  return classes.length === 1
    ? `${wordList(classes)} is a field class the gate cannot cost`
    : `${wordList(classes)} are field classes the gate cannot cost`
}

/**
 * Django's schema editor adds a NOT NULL column with its "effective default" for existing rows, then drops that
 * default (BaseDatabaseSchemaEditor._effective_default): '' for a blank=True field whose class allows empty
 * strings (the string fields below; b'' for BinaryField), now() for auto_now / auto_now_add. A constant default
 * is catalog-only on PostgreSQL 11+, so such an AddField neither fails on rows nor rewrites. Project-defined field
 * classes are not known here: they stay reported.
 */
const DJANGO_EMPTY_STRING_FIELDS = new Set([
  'CharField',
  'TextField',
  'SlugField',
  'EmailField',
  'URLField',
  'FilePathField',
  'FileField',
  'ImageField',
  'BinaryField',
  'CICharField',
  'CITextField',
  'CIEmailField',
])
function djangoSuppliesDefault(fieldClass: string, kw: (k: string) => string | undefined): boolean {
  const cls = fieldClass.slice(fieldClass.lastIndexOf('.') + 1)
  if (kw('blank') === 'True' && DJANGO_EMPTY_STRING_FIELDS.has(cls)) return true
  return ['DateTimeField', 'DateField', 'TimeField'].includes(cls) && (kw('auto_now') === 'True' || kw('auto_now_add') === 'True')
}
