/**
 * Rails, Django and Alembic migrations, parsed with tree-sitter (web-tree-sitter + Ruby/Python grammars):
 * each schema operation maps onto the same dangers as the SQL analysis; embedded SQL (`execute`, `RunSQL`,
 * `op.execute`) is analysed with the PostgreSQL parser.
 */
import type { DangerId } from './dangers.js'
import { analyzeSql, type Issue, type SqlOptions, type StatementSpan } from './sql.js'
import { shortStatement } from './text.js'
import type { PgApi, TsNode, TsParser } from './wasm.js'

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
}

export interface OrmDeps {
  parser: TsParser
  /** Loaded lazily: only when a migration embeds SQL. */
  pg: () => Promise<PgApi>
  sql: SqlOptions
}

const line = (n: TsNode): number => n.startPosition.row + 1
const endLine = (n: TsNode): number => n.endPosition.row + 1

function named(n: TsNode | null | undefined): TsNode[] {
  return n ? (n.namedChildren.filter(Boolean) as TsNode[]) : []
}

function walk(n: TsNode, visit: (n: TsNode) => boolean | void): void {
  if (visit(n) === false) return
  for (const c of named(n)) walk(c, visit)
}

class Collector {
  readonly result: OrmResult = { issues: [], statements: [], comments: [], waivers: [], count: 0 }
  private readonly pending: Array<Promise<void>> = []
  constructor(readonly deps: OrmDeps) {}

  issue(node: TsNode, id: DangerId, detail: string, table?: string, column_name?: string): void {
    this.result.issues.push({ id, line: line(node), endLine: endLine(node), statement: shortStatement(node.text), detail, table, column_name })
  }

  statement(node: TsNode): void {
    this.result.statements.push({ line: line(node), endLine: endLine(node) })
    this.result.count++
  }

  /** Analyses embedded SQL whose first character is on `firstLine` (1-based); issues land on the SQL's own lines. */
  embeddedSql(sql: string, firstLine: number, call: TsNode, waiverReason?: string): void {
    this.pending.push(
      this.deps.pg().then((pg) => {
        const r = analyzeSql(pg, sql, this.deps.sql)
        for (const i of r.issues) {
          const shifted = { ...i, line: Math.max(line(call), firstLine + i.line - 1), endLine: Math.min(endLine(call), firstLine + i.endLine - 1) }
          if (shifted.endLine < shifted.line) shifted.endLine = shifted.line
          if (waiverReason) this.result.waivers.push({ id: i.id, line: shifted.line, reason: waiverReason, statement: i.statement })
          else this.result.issues.push(shifted)
        }
      }),
    )
  }

  async done(): Promise<OrmResult> {
    await Promise.all(this.pending)
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
      return parts.filter((p) => p.type === 'string_content').map((p) => p.text).join('')
    }
    default:
      return undefined
  }
}

interface RubyArgs {
  positional: TsNode[]
  options: Map<string, TsNode>
}

function rubyArgs(call: TsNode): RubyArgs {
  const out: RubyArgs = { positional: [], options: new Map() }
  for (const a of named(call.childForFieldName('arguments'))) {
    if (a.type === 'pair') {
      const k = a.childForFieldName('key')
      const v = a.childForFieldName('value')
      if (k && v) out.options.set(k.text.replace(/^:/, '').replace(/:$/, '').replace(/^["']|["']$/g, ''), v)
    } else if (a.type === 'hash') {
      for (const p of named(a)) if (p.type === 'pair') {
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

const RAILS_IRREVERSIBLE_IN_CHANGE = new Set(['execute', 'change_column', 'change_column_default', 'remove_columns'])

export async function analyzeRails(source: string, deps: OrmDeps): Promise<OrmResult> {
  const tree = deps.parser.parse(source)
  const c = new Collector(deps)
  if (!tree) return c.done()
  const root = tree.rootNode
  comments(root, c)

  let noTransaction = false
  walk(root, (n) => {
    if ((n.type === 'identifier' || n.type === 'call') && (n.type === 'identifier' ? n.text : rubyMethod(n)) === 'disable_ddl_transaction!') noTransaction = true
  })
  const created = new Set<string>()

  const visit = (n: TsNode, ctx: { inChange: boolean; reversible: boolean; waiver?: string; table?: string }): void => {
    if (n.type === 'method') {
      const name = n.childForFieldName('name')?.text
      for (const ch of named(n.childForFieldName('body') ?? n)) visit(ch, { ...ctx, inChange: name === 'change' })
      return
    }
    if (n.type !== 'call') {
      for (const ch of named(n)) visit(ch, ctx)
      return
    }
    const m = rubyMethod(n)
    const receiver = n.childForFieldName('receiver')
    const block = n.childForFieldName('block')
    if (m === 'safety_assured' && !receiver) {
      for (const ch of named(block)) visit(ch, { ...ctx, waiver: 'safety_assured block' })
      return
    }
    if ((m === 'reversible' || m === 'up_only') && !receiver) {
      for (const ch of named(block)) visit(ch, { ...ctx, reversible: true })
      return
    }
    const args = rubyArgs(n)
    const table = rubyValue(args.positional[0])
    const column = rubyValue(args.positional[1])
    const opt = (k: string): string | undefined => rubyValue(args.options.get(k))
    const found: Array<[DangerId, string, string?]> = []
    // t.* inside change_table / create_table blocks
    if (receiver && ctx.table) {
      const t = ctx.table
      if (m === 'remove') found.push(['drop-column', `change_table ${t}: t.remove ${column ?? table}`])
      else if (m === 'rename') found.push(['rename-column', `change_table ${t}: t.rename ${table} to ${column}`])
      else if (m === 'change') found.push(['change-column-type', `change_table ${t}: t.change ${table}`])
      else if (m === 'index' && !created.has(t) && opt('algorithm') !== 'concurrently') found.push(['create-index-non-concurrent', `change_table ${t}: t.index without algorithm: :concurrently`])
      else if (m === 'json') found.push(['prefer-jsonb', `${t}.${table} is json`])
      for (const [id, detail] of found) record(n, id, detail, t, ctx, id === 'drop-column' || id === 'rename-column' ? (column ?? table) : undefined)
      c.statement(n)
      return
    }
    if (receiver) {
      for (const ch of named(n)) visit(ch, ctx)
      return
    }
    const isNew = table !== undefined && created.has(table)
    switch (m) {
      case 'create_table':
        if (table) created.add(table)
        if (opt('force') === 'true' || opt('force') === 'cascade') found.push(['drop-table', `create_table ${table}, force: drops the existing table`])
        if (opt('id') === 'integer' || opt('id') === 'serial') found.push(['prefer-bigint-key', `create_table ${table}, id: :${opt('id')}`])
        for (const ch of named(block)) visit(ch, { ...ctx, table })
        break
      case 'change_table':
        for (const ch of named(block)) visit(ch, { ...ctx, table })
        break
      case 'add_index':
        if (!isNew) {
          if (opt('algorithm') !== 'concurrently') found.push(['create-index-non-concurrent', `add_index ${table} without algorithm: :concurrently`])
          else if (!noTransaction) found.push(['concurrently-in-transaction', `add_index ${table}, algorithm: :concurrently without disable_ddl_transaction!`])
        }
        break
      case 'remove_index':
        if (opt('algorithm') !== 'concurrently') found.push(['drop-index-non-concurrent', `remove_index ${table} without algorithm: :concurrently`])
        else if (!noTransaction) found.push(['concurrently-in-transaction', `remove_index ${table}, algorithm: :concurrently without disable_ddl_transaction!`])
        break
      case 'add_reference':
      case 'add_belongs_to': {
        if (isNew) break
        const index = args.options.get('index')
        const idxConcurrent = index?.type === 'hash' && named(index).some((p) => p.text.replace(/\s/g, '').includes('algorithm::concurrently'))
        if (rubyValue(index) !== 'false' && !idxConcurrent) found.push(['create-index-non-concurrent', `${m} ${table}, ${column} builds an index without algorithm: :concurrently (pass index: false and add it concurrently)`])
        const fk = args.options.get('foreign_key')
        if (fk && rubyValue(fk) !== 'false' && !(fk.type === 'hash' && fk.text.replace(/\s/g, '').includes('validate:false'))) found.push(['constraint-not-valid-missing', `${m} ${table}, ${column}, foreign_key: true validates every row`])
        break
      }
      case 'add_foreign_key':
        if (!isNew && opt('validate') !== 'false') found.push(['constraint-not-valid-missing', `add_foreign_key ${table} -> ${column} without validate: false`])
        break
      case 'add_check_constraint':
        if (!isNew && opt('validate') !== 'false') found.push(['constraint-not-valid-missing', `add_check_constraint on ${table} without validate: false`])
        break
      case 'add_column': {
        const type = rubyValue(args.positional[2])
        if (type === 'json') found.push(['prefer-jsonb', `${table}.${column} is json`])
        if (isNew) break
        if (opt('null') === 'false' && !args.options.has('default')) found.push(['add-column-not-null-no-default', `add_column ${table}, ${column}, null: false without default`])
        const def = args.options.get('default')
        if (def && (def.type === 'lambda' || deps.sql.pgVersion < 11)) found.push(['add-column-volatile-default', `add_column ${table}, ${column} with ${def.type === 'lambda' ? 'an SQL expression default' : `a default on PostgreSQL ${deps.sql.pgVersion}`}`])
        break
      }
      case 'remove_column':
      case 'remove_columns':
        if (!isNew) found.push(['drop-column', `${m} ${table}, ${args.positional.slice(1).map(rubyValue).join(', ')}`])
        break
      case 'rename_column':
        if (!isNew) found.push(['rename-column', `rename_column ${table}, ${column} to ${rubyValue(args.positional[2])}`])
        break
      case 'rename_table':
        if (!isNew) found.push(['rename-table', `rename_table ${table} to ${column}`])
        break
      case 'change_column': {
        const type = rubyValue(args.positional[2])
        if (!isNew && type !== 'text') found.push(['change-column-type', `change_column ${table}, ${column}, :${type}`])
        break
      }
      case 'change_column_null':
        if (!isNew) {
          const v = rubyValue(args.positional[2])
          if (v === 'false') found.push(['set-not-null', `change_column_null ${table}, ${column}, false`])
          else if (v === 'true') found.push(['drop-not-null', `change_column_null ${table}, ${column}, true`])
        }
        break
      case 'drop_table':
        if (!isNew) found.push(['drop-table', `drop_table ${table}`])
        break
      case 'execute': {
        const a = args.positional[0]
        if (a?.type === 'string') {
          const content = named(a).find((p) => p.type === 'string_content')
          if (rubyValue(a) !== undefined && content) c.embeddedSql(rubyValue(a)!, line(content), n, ctx.waiver)
        } else if (a?.type === 'heredoc_beginning') {
          // The body is a later sibling of the call.
          let s = n.nextNamedSibling
          while (s && s.type !== 'heredoc_body') s = s.nextNamedSibling
          if (s && !named(s).some((p) => p.type === 'interpolation')) {
            const text = named(s).filter((p) => p.type === 'heredoc_content').map((p) => p.text).join('')
            const first = named(s).find((p) => p.type === 'heredoc_content')
            if (first) c.embeddedSql(text, line(first), n, ctx.waiver)
          }
        }
        break
      }
      default:
        for (const ch of named(block)) visit(ch, ctx)
        break
    }
    if (ctx.inChange && !ctx.reversible) {
      const irreversible =
        RAILS_IRREVERSIBLE_IN_CHANGE.has(m) ||
        (m === 'remove_column' && args.positional.length < 3) ||
        (m === 'drop_table' && !block) ||
        (m === 'remove_index' && !column && !args.options.has('column'))
      if (irreversible) found.push(['missing-down', `${m} is irreversible inside def change`])
    }
    for (const [id, detail] of found) record(n, id, detail, table, ctx, id === 'drop-column' || id === 'rename-column' ? column : undefined)
    if (['create_table', 'change_table'].includes(m) || found.length || m.startsWith('add_') || m.startsWith('remove_') || m === 'execute') c.statement(n)
  }
  const record = (n: TsNode, id: DangerId, detail: string, table: string | undefined, ctx: { waiver?: string }, column?: string): void => {
    if (ctx.waiver && id !== 'missing-down') c.result.waivers.push({ id, line: line(n), reason: ctx.waiver, statement: shortStatement(n.text) })
    else c.issue(n, id, detail, table, column)
  }
  visit(root, { inChange: false, reversible: false })
  return c.done()
}

// ---------------------------------------------------------------------------------------------------------
// Python (Django, Alembic)

function pyString(n: TsNode | null | undefined): string | undefined {
  if (!n) return undefined
  if (n.type === 'string') {
    const parts = named(n)
    if (parts.some((p) => p.type === 'interpolation')) return undefined
    return parts.filter((p) => p.type === 'string_content' || p.type === 'escape_sequence').map((p) => p.text).join('')
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
    if (items.length && items.every(Boolean)) return { sql: items.map((i) => i!.sql.trim().replace(/;?$/, ';')).join('\n'), first: items[0]!.first }
  }
  return undefined
}

function bodyIsOnlyPass(fn: TsNode): boolean {
  const body = fn.childForFieldName('body')
  const stmts = named(body).filter((s) => s.type !== 'comment')
  return stmts.every((s) => s.type === 'pass_statement' || (s.type === 'expression_statement' && named(s)[0]?.type === 'string'))
}

export async function analyzePython(source: string, deps: OrmDeps, hint: 'django' | 'alembic' | undefined): Promise<OrmResult & { kind?: OrmKind }> {
  const tree = deps.parser.parse(source)
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
  if (fns.has('upgrade') && hint !== 'django') return { ...(await analyzeAlembic(fns, c)), kind: 'alembic' }
  if (migrationClass && hint !== 'alembic') return { ...(await analyzeDjango(migrationClass, c)), kind: 'django' }
  return { ...(await c.done()), notMigration: true }
}

async function analyzeAlembic(fns: Map<string, TsNode>, c: Collector): Promise<OrmResult> {
  const upgrade = fns.get('upgrade')!
  const downgrade = fns.get('downgrade')
  if (!downgrade || bodyIsOnlyPass(downgrade)) {
    c.issue(downgrade ?? upgrade, 'missing-down', downgrade ? 'downgrade() only passes' : 'no downgrade() function')
  }
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
    c.statement(n)
    switch (call.name) {
      case 'create_table':
        if (table(0)) created.add(table(0)!)
        break
      case 'drop_table':
        c.issue(n, 'drop-table', `op.drop_table('${table(0)}')`, table(0))
        break
      case 'rename_table':
        c.issue(n, 'rename-table', `op.rename_table('${table(0)}', '${table(1)}')`, table(0))
        break
      case 'drop_column':
        c.issue(n, 'drop-column', `op.drop_column('${table(0)}', '${table(1)}')`, table(0), table(1))
        break
      case 'add_column': {
        const t = table(0)
        if (t && created.has(t)) break
        const col = pyCall(call.positional[1] ?? n)
        if (col && col.name === 'Column') {
          const name = pyValue(col.positional[0])
          const type = col.positional[1]?.text ?? ''
          if (/\bJSON\b/.test(type) && !/JSONB/.test(type)) c.issue(n, 'prefer-jsonb', `${t}.${name} is JSON`)
          if (pyValue(col.kwargs.get('nullable')) === 'False' && !col.kwargs.has('server_default')) c.issue(n, 'add-column-not-null-no-default', `op.add_column('${t}', Column('${name}', nullable=False)) without server_default`, t)
        }
        break
      }
      case 'alter_column': {
        const t = table(0)
        const col = table(1)
        if (t && created.has(t)) break
        if (kw('nullable') === 'False') c.issue(n, 'set-not-null', `op.alter_column('${t}', '${col}', nullable=False)`, t)
        if (kw('nullable') === 'True') c.issue(n, 'drop-not-null', `op.alter_column('${t}', '${col}', nullable=True)`, t)
        if (call.kwargs.has('type_')) {
          const type = call.kwargs.get('type_')!.text
          if (!/^(sa\.)?(Text|UnicodeText)\(\)$/.test(type)) c.issue(n, 'change-column-type', `op.alter_column('${t}', '${col}', type_=${type})`, t)
        }
        if (call.kwargs.has('new_column_name')) c.issue(n, 'rename-column', `op.alter_column('${t}', '${col}', new_column_name='${kw('new_column_name')}')`, t, col)
        break
      }
      case 'create_index': {
        const t = table(1)
        if (t && created.has(t)) break
        if (kw('postgresql_concurrently') !== 'True') c.issue(n, 'create-index-non-concurrent', `op.create_index(... '${t}' ...) without postgresql_concurrently=True`, t)
        else if (!autocommit) c.issue(n, 'concurrently-in-transaction', `op.create_index(..., postgresql_concurrently=True) outside op.get_context().autocommit_block()`)
        break
      }
      case 'drop_index':
        if (kw('postgresql_concurrently') !== 'True') c.issue(n, 'drop-index-non-concurrent', `op.drop_index('${table(0)}') without postgresql_concurrently=True`)
        else if (!autocommit) c.issue(n, 'concurrently-in-transaction', `op.drop_index(..., postgresql_concurrently=True) outside op.get_context().autocommit_block()`)
        break
      case 'create_foreign_key':
      case 'create_check_constraint': {
        const t = call.name === 'create_foreign_key' ? table(1) : table(1)
        if (t && created.has(t)) break
        if (kw('postgresql_not_valid') !== 'True') c.issue(n, 'constraint-not-valid-missing', `op.${call.name}(... '${t}' ...) validates every row (add it with NOT VALID through op.execute, then VALIDATE CONSTRAINT)`, t)
        break
      }
      case 'create_unique_constraint':
      case 'create_primary_key': {
        const t = table(1)
        if (t && created.has(t)) break
        c.issue(n, 'unique-without-index', `op.${call.name}(... '${t}' ...) builds its index under the lock`, t)
        break
      }
      case 'execute': {
        const s = sqlArg(call.positional[0] ?? call.kwargs.get('sqltext'))
        if (s) c.embeddedSql(s.sql, line(s.first), n)
        break
      }
      default:
        break
    }
  }
  visit(upgrade, false)
  return c.done()
}

async function analyzeDjango(cls: TsNode, c: Collector): Promise<OrmResult> {
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
  const created = new Set<string>()
  const visitOp = (n: TsNode): void => {
    const call = pyCall(n)
    if (!call) return
    c.statement(n)
    const kw = (k: string): string | undefined => pyValue(call.kwargs.get(k))
    const model = (kw('model_name') ?? kw('name') ?? pyValue(call.positional[0]))?.toLowerCase()
    const isNew = model !== undefined && created.has(model)
    switch (call.name) {
      case 'CreateModel':
        if (model) created.add(model)
        break
      case 'DeleteModel':
        c.issue(n, 'drop-table', `DeleteModel ${model}`)
        break
      case 'RenameModel':
        c.issue(n, 'rename-table', `RenameModel ${kw('old_name')} -> ${kw('new_name')}`)
        break
      case 'RemoveField':
        if (!isNew) c.issue(n, 'drop-column', `RemoveField ${model}.${kw('name')}`, model, kw('name'))
        break
      case 'RenameField':
        if (!isNew) c.issue(n, 'rename-column', `RenameField ${model}.${kw('old_name')} -> ${kw('new_name')}`, model, kw('old_name'))
        break
      case 'AlterField':
        if (!isNew) c.issue(n, 'change-column-type', `AlterField ${model}.${kw('name')} can change the type, nullability or constraints under an ACCESS EXCLUSIVE lock (check manage.py sqlmigrate)`, model)
        break
      case 'AddField': {
        if (isNew) break
        const field = pyCall(call.kwargs.get('field') ?? n)
        if (!field) break
        const fkw = (k: string): string | undefined => pyValue(field.kwargs.get(k))
        const nullable = fkw('null') === 'True'
        const many = field.name === 'ManyToManyField'
        if (!nullable && !many && !field.kwargs.has('default') && !field.kwargs.has('db_default')) c.issue(n, 'add-column-not-null-no-default', `AddField ${model}.${kw('name')} is NOT NULL without a default`, model)
        if (['ForeignKey', 'OneToOneField'].includes(field.name) && fkw('db_constraint') !== 'False') c.issue(n, 'constraint-not-valid-missing', `AddField ${model}.${kw('name')} (${field.name}) adds a validated foreign key and a non-concurrent index`, model)
        break
      }
      case 'AddIndex':
        if (!isNew) c.issue(n, 'create-index-non-concurrent', `AddIndex on ${model} (use AddIndexConcurrently with atomic = False)`, model)
        break
      case 'RemoveIndex':
        if (!isNew) c.issue(n, 'drop-index-non-concurrent', `RemoveIndex on ${model} (use RemoveIndexConcurrently with atomic = False)`, model)
        break
      case 'AddIndexConcurrently':
      case 'RemoveIndexConcurrently':
        if (atomic) c.issue(n, 'concurrently-in-transaction', `${call.name} in a migration without atomic = False`)
        break
      case 'AddConstraint': {
        if (isNew) break
        const cons = pyCall(call.kwargs.get('constraint') ?? n)
        if (cons?.name === 'UniqueConstraint') c.issue(n, 'unique-without-index', `AddConstraint UniqueConstraint on ${model} builds its index under the lock`, model)
        else c.issue(n, 'constraint-not-valid-missing', `AddConstraint ${cons?.name ?? ''} on ${model} validates every row`.replace('  ', ' '), model)
        break
      }
      case 'RunSQL': {
        const s = sqlArg(call.positional[0] ?? call.kwargs.get('sql'))
        if (s) c.embeddedSql(s.sql, line(s.first), n)
        const reverse = call.positional[1] ?? call.kwargs.get('reverse_sql')
        if (!reverse) c.issue(n, 'missing-down', 'RunSQL without reverse_sql')
        break
      }
      case 'RunPython': {
        const reverse = call.positional[1] ?? call.kwargs.get('reverse_code')
        if (!reverse) c.issue(n, 'missing-down', 'RunPython without reverse_code')
        break
      }
      case 'SeparateDatabaseAndState': {
        const dbOps = call.kwargs.get('database_operations')
        for (const o of named(dbOps)) visitOp(o)
        break
      }
      default:
        break
    }
  }
  for (const op of named(ops)) visitOp(op)
  return c.done()
}
