/**
 * migration-safety, stage 2 (decide): the level of each danger the analysis found, in the light of the whole PR
 * (tables it creates or drops, columns it adds, application code it deletes), the project (small tables,
 * strong_migrations) and the file's own suppression comments.
 */
import { minimatch } from 'minimatch'
import type { ChangedFile, Level } from '../../types.js'
import { didYouMean } from '../../policy/validate.js'
import { DANGERS, DANGER_IDS, holdsFor, isDangerId, recipeFor, type DangerId } from './dangers.js'
import { DIALECT_NAMES, type Framework } from './dangers/types.js'
import { tablesOfUnreleasedMigrations } from './analyse.js'
import { capLevel } from './options.js'
import type { Analysed, Run } from './run.js'
import { oneLine, type Output } from './render.js'
import type { CatchUp, Issue, StatementSpan } from './sql.js'
import { ident } from './sql-ast.js'

/**
 * A table dropped together with its dead model: the PR deletes the application file that maps the table (a
 * class named after it, or the table name as a string: __tablename__, db_table, self.table_name) and the
 * rest of its application-code changes only delete lines that name that model (imports, exports). Had any
 * other code used the model, the PR would have had to change it, so the old code that is still running during
 * the deploy never touches the table, and the data is what the team chose to remove. Returns why, else
 * undefined (any added application line, another deleted file, or a deleted line that does not name the model).
 */
export async function deadTable(
  table: string,
  appFiles: readonly ChangedFile[],
  readBase: (p: string) => Promise<string | undefined>,
): Promise<string | undefined> {
  const unq = table.replace(/"/g, '')
  const bare = unq.slice(unq.lastIndexOf('.') + 1).toLowerCase()
  const squash = (x: string) => x.toLowerCase().replace(/_/g, '')
  const names = new Set([squash(bare), squash(bare.replace(/s$/, '')), squash(bare.replace(/ies$/, 'y')), squash(bare.replace(/es$/, ''))])
  const removed = appFiles.filter((f) => f.status === 'removed')
  if (!removed.length || appFiles.some((f) => f.additions > 0 || (f.status !== 'removed' && f.status !== 'modified'))) return undefined
  const models: string[] = []
  for (const f of removed) {
    const text = await readBase(f.previousPath ?? f.path)
    if (text === undefined) return undefined
    const classes = [...text.matchAll(/\bclass\s+([A-Za-z_]\w*)/g)].map((m) => m[1])
    const mapped = classes.filter((c) => names.has(squash(c)))
    const named = new RegExp(`['"]${bare.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"]`, 'i').test(text)
    if (!mapped.length && !named) return undefined // a deleted file that is not this table's model: feature code went too
    models.push(...(mapped.length ? mapped : classes.slice(0, 1)))
  }
  if (!models.length) return undefined
  const modules = removed.map((f) => f.path.slice(f.path.lastIndexOf('/') + 1).replace(/\.[^.]+$/, ''))
  for (const f of appFiles.filter((x) => x.status === 'modified')) {
    if (f.patch === undefined) return undefined
    for (const l of f.patch.split('\n')) {
      if (!l.startsWith('-') || l.startsWith('---')) continue
      const line = l.slice(1)
      if (!line.trim()) continue
      const names = [...models, ...modules]
      if (!names.some((m) => line.includes(m))) return undefined
      // only an import/require of it, or its bare name as an export entry (__all__, a list): never code that used it
      const t = line.trim()
      const isImport = /^(from\s+\S+\s+import\b|import\b|require(_relative)?\b|autoload\b|export\s*\{|export\s+\*\s+from\b)/.test(t)
      const isEntry = names.some((m) => new RegExp(`^['"]?${m}['"]?,?$`).test(t))
      if (!isImport && !isEntry) return undefined
    }
  }
  return (
    `dead table: this PR deletes ${removed.map((f) => f.path).join(', ')}, which maps it, and its other application-code changes ` +
    `only delete lines naming ${[...new Set(models)].join(', ')}; nothing else used it`
  )
}

/** `target` (lower case, maybe schema-qualified) is one of the policy's small tables. */
export function isSmallTable(target: string, globs: readonly string[]): boolean {
  if (!globs.length) return false
  const bare = target.replace(/"/g, '')
  const last = bare.includes('.') ? bare.slice(bare.lastIndexOf('.') + 1) : bare
  return globs.some((g) => minimatch(bare, g, { nocase: true }) || minimatch(last, g, { nocase: true }))
}

/** Django names a model; its table is `<app label>_<model>` (the app is the folder holding migrations/). */
export function djangoTable(path: string, model: string): string {
  const parts = path.split('/')
  const i = parts.lastIndexOf('migrations')
  return i > 0 ? `${parts[i - 1].toLowerCase()}_${model}` : model
}

/**
 * The names a recipe writes: a Django operation names its model (`Interface`), whose table is
 * `<app>_<model>` (`dcim_interface`, Django's default; a model with its own `db_table` is not followed);
 * the Django code of a recipe still names the model (`names.model`). Other names are as found.
 */
function recipeNames(framework: string, path: string, names: Issue['names']): Issue['names'] {
  if (framework !== 'django' || !names) return names
  const out = { ...names }
  if (names.model !== undefined && names.table === names.model) out.table = djangoTable(path, names.model)
  if (names.refModel) {
    // `'app.Model'` is the table `app_model`; a bare `'Model'` is a model of the migration's own app
    const [app, model] = names.refModel.includes('.') ? names.refModel.split('.', 2) : [undefined, names.refModel]
    out.value = app ? `${app}_${model}`.toLowerCase() : djangoTable(path, model.toLowerCase())
  }
  return out
}

/**
 * A Rails project that runs strong_migrations has declared its migration policy there. strong_migrations'
 * `remove_index` check (non-concurrent index removal: a brief ACCESS EXCLUSIVE for a catalog change, the same
 * lock-queue risk as any DDL) is off unless the project turns it on (`StrongMigrations.enable_check(:remove_index)`),
 * so a `remove_index` without `algorithm: :concurrently` there is a notice. Returns why, or undefined when the
 * project does not use strong_migrations or has the check on.
 */
export async function strongMigrationsRemoveIndex(
  migrationPath: string,
  read: (p: string) => Promise<string | undefined>,
): Promise<string | undefined> {
  const i = migrationPath.lastIndexOf('db/migrate/')
  const root = i <= 0 ? '' : migrationPath.slice(0, i - 1)
  const at = (p: string) => (root ? `${root}/${p}` : p)
  const lock = await read(at('Gemfile.lock'))
  const gemfile = lock === undefined ? await read(at('Gemfile')) : undefined
  const uses =
    lock !== undefined
      ? /^ {4}strong_migrations \(/m.test(lock)
      : gemfile !== undefined && /^\s*gem\s+['"]strong_migrations['"]/m.test(gemfile)
  if (!uses) return undefined
  const init = await read(at('config/initializers/strong_migrations.rb'))
  if (init !== undefined && /^\s*StrongMigrations\.enable_check[\s(]+:remove_index\b/m.test(init)) return undefined
  const where = lock !== undefined ? at('Gemfile.lock') : at('Gemfile')
  return `this project runs strong_migrations (${where}), whose remove_index check is off unless enabled: a notice`
}

/** What the catch-up exception knows about one migration file and its PR. */
export interface CatchUpFacts {
  path: string
  framework: Framework
  catchUps: readonly CatchUp[]
  lockTimeoutLine?: number
  /** Forward SET NOT NULL findings of the file. */
  setNotNull: readonly Issue[]
  /** `table.column` of every column a migration of the PR adds (Django: also `app_model.field`). */
  addedInPr: ReadonlySet<string>
  pgVersion: number
}

/**
 * The enforce half of a catch-up: SET NOT NULL, or the scan of a CHECK (c IS NOT NULL) under the lock of its ADD
 * (validated in the same transaction, or added without NOT VALID): both read every row under ACCESS EXCLUSIVE.
 */
export function enforcesNotNull(i: Issue): boolean {
  return (
    i.id === 'set-not-null' ||
    (i.id === 'constraint-not-valid-missing' && i.names?.column !== undefined && /\bIS\s+NOT\s+NULL\b/i.test(i.names.check ?? ''))
  )
}

/**
 * Issue 14, "catch-up then enforce" (Alembic's idiom; designed from the tuning commits polar 2a17dd1 and
 * 75b7eb1 only): `UPDATE t SET c = <constant> WHERE c IS NULL`, then SET NOT NULL on t.c in the same
 * migration, on a column no migration of the PR adds (it existed at the base, so an earlier, released
 * migration added it and the rows were backfilled out of band), with a lock_timeout set before the UPDATE.
 * The UPDATE only catches up the rows the backfill missed, and the lock_timeout makes the migration give up
 * rather than queue every query behind its lock. When `issue` is either half of such a pair, returns why
 * (with the recipe for a large table), else undefined: any condition missing leaves the finding as it was.
 */
export function catchUpNote(issue: Issue, f: CatchUpFacts): string | undefined {
  if (issue.rollback || f.lockTimeoutLine === undefined || (issue.id !== 'backfill-in-transaction' && !enforcesNotNull(issue)))
    return undefined
  const aliases = (t: string): string[] => (f.framework === 'django' ? [t, djangoTable(f.path, t)] : [t])
  const sameColumn = (u: CatchUp, s: Issue): boolean =>
    s.names?.table !== undefined &&
    s.names.column?.toLowerCase() === u.column &&
    aliases(s.names.table.toLowerCase()).includes(u.table) &&
    s.line >= u.line
  const pair = (u: CatchUp): boolean =>
    f.lockTimeoutLine !== undefined &&
    f.lockTimeoutLine <= u.line &&
    !f.addedInPr.has(`${u.table}.${u.column}`) &&
    f.setNotNull.some(
      (s) => sameColumn(u, s) && !aliases(s.names?.table?.toLowerCase() ?? '').some((t) => f.addedInPr.has(`${t}.${u.column}`)),
    )
  const u =
    issue.id === 'backfill-in-transaction'
      ? f.catchUps.find((x) => x.line >= issue.line && x.line <= issue.endLine && pair(x))
      : f.catchUps.find((x) => sameColumn(x, issue) && pair(x))
  if (!u) return undefined
  const t = ident(u.table)
  const c = ident(u.column)
  const where =
    f.lockTimeoutLine === 0
      ? 'the project sets a lock_timeout for every migration (strong_migrations)'
      : `the migration sets a lock_timeout first (line ${f.lockTimeoutLine})`
  // the enforce half: SET NOT NULL, or a CHECK (c IS NOT NULL) checked under its ADD's lock
  const enforce = f.setNotNull.find((s) => sameColumn(u, s))
  const byCheck = enforce?.id === 'constraint-not-valid-missing'
  const k = ident(byCheck && enforce.names?.constraint ? enforce.names.constraint : `${u.table}_${u.column}_not_null`)
  const enforcer = byCheck ? `a CHECK (${u.column} IS NOT NULL) checked in the same transaction` : 'SET NOT NULL'
  const head =
    `catch-up after an out-of-band backfill, under a lock_timeout: the UPDATE only fills the rows of ${u.table}.${u.column} still NULL, ` +
    `a column that existed before this PR, then ${enforcer} ` +
    `enforces it, and ${where}, so it gives up instead of queueing every query behind its lock: reported at catch_up_level. `
  if (byCheck)
    return (
      head +
      `On a large table that check still scans every row under the ACCESS EXCLUSIVE lock of its ADD; validate it in a separate ` +
      `migration: ALTER TABLE ${t} ADD CONSTRAINT ${k} CHECK (${c} IS NOT NULL) NOT VALID; then, in the next migration, ` +
      `ALTER TABLE ${t} VALIDATE CONSTRAINT ${k}; ALTER TABLE ${t} ALTER COLUMN ${c} SET NOT NULL;`
    )
  return (
    head +
    `On a large table SET NOT NULL still scans every row under ACCESS EXCLUSIVE; ` +
    `prove the column first${f.pgVersion < 12 ? ' (PostgreSQL 12+ only)' : ''}: ` +
    `ALTER TABLE ${t} ADD CONSTRAINT ${k} CHECK (${c} IS NOT NULL) NOT VALID; ` +
    `ALTER TABLE ${t} VALIDATE CONSTRAINT ${k}; ALTER TABLE ${t} ALTER COLUMN ${c} SET NOT NULL;`
  )
}

interface Suppression {
  line: number
  id: string
  reason: string
}

const SUPPRESS = /quality-gate:\s*ignore\s+([A-Za-z0-9_-]+)(?:\s+(.*?))?\s*(?:\*\/)?\s*$/

function parseSuppressions(comments: Array<{ line: number; text: string }>): Suppression[] {
  const out: Suppression[] = []
  for (const c of comments) {
    const m = SUPPRESS.exec(c.text)
    if (m) out.push({ line: c.line, id: m[1], reason: (m.at(2) ?? '').trim() })
  }
  return out
}

/** The statement a suppression comment applies to: the one whose lines contain it, else the next one. */
function suppressionSpan(s: Suppression, spans: StatementSpan[]): StatementSpan | undefined {
  let best: StatementSpan | undefined
  for (const sp of spans) {
    if (sp.line <= s.line && s.line <= sp.endLine && (!best || sp.endLine - sp.line < best.endLine - best.line)) best = sp
  }
  if (best) return best
  for (const sp of spans) if (sp.line > s.line && (!best || sp.line < best.line)) best = sp
  return best
}

function lockPhrase(id: DangerId): string {
  const lock: string = DANGERS[id].lock
  return lock === 'none' || lock === 'n/a' ? '' : ` — takes ${lock}`
}

function messageFor(issue: Issue): string {
  const d = DANGERS[issue.id]
  return `${issue.detail}${lockPhrase(issue.id)}: ${d.why}.`
}

/** What the whole PR tells the level of each file's dangers. */
export interface PrFacts {
  /** Objects created anywhere in this change cannot block anyone: lock dangers on them are not reported. */
  createdInPr: ReadonlySet<string>
  /** Nor can tables created by a merged migration that has not shipped in a release yet (release tags): table → migration. */
  createdUnreleased: ReadonlyMap<string, string>
  catchUpFacts: { addedInPr: ReadonlySet<string>; pgVersion: number }
}

export async function prFacts(run: Run, analysed: readonly Analysed[]): Promise<PrFacts> {
  const createdInPr = new Set(analysed.flatMap((a) => a.analysis.created.map((t) => t.toLowerCase())))
  const lockTargets = new Set(
    analysed
      .flatMap((a) =>
        a.analysis.issues.filter((i) => DANGERS[i.id].lockDanger && !i.rollback).map((i) => (i.names?.table ?? i.table)?.toLowerCase()),
      )
      .filter((t): t is string => t !== undefined && !createdInPr.has(t)),
  )
  const createdUnreleased = lockTargets.size
    ? await tablesOfUnreleasedMigrations(
        run.ctx,
        analysed.map((a) => a.file.path),
        run.opts,
        run.policy,
        run.readHead,
        run.readBase,
        run.readConfig,
      )
    : new Map<string, string>()

  // Columns any migration of the PR adds: a catch-up UPDATE of one of them is its first backfill, not a catch-up.
  const addedInPr = new Set<string>()
  for (const a of analysed)
    for (const k of a.analysis.addedColumns) {
      addedInPr.add(k)
      const dot = k.lastIndexOf('.')
      if (a.analysis.framework === 'django') addedInPr.add(`${djangoTable(a.file.path, k.slice(0, dot))}${k.slice(dot)}`)
    }
  return { createdInPr, createdUnreleased, catchUpFacts: { addedInPr, pgVersion: run.opts.pg_version } }
}

/** What one file tells the level of each of its dangers. */
interface FileFacts {
  sups: Suppression[]
  spans: StatementSpan[]
  /** Forward SET NOT NULL findings of the file. */
  setNotNull: Issue[]
  /** Tables this migration drops. */
  droppedHere: ReadonlySet<string>
}

/** Each danger of one analysed file decided and reported, then its waivers and its misspelt suppressions. */
export async function decideFile(run: Run, a: Analysed, pr: PrFacts, out: Output): Promise<void> {
  const { file, analysis, report } = a
  const issues = [...analysis.issues].sort((x, y) => x.line - y.line)
  const f: FileFacts = {
    sups: parseSuppressions(analysis.comments),
    spans: analysis.statements,
    setNotNull: analysis.issues.filter((i) => enforcesNotNull(i) && !i.rollback),
    // A table this migration drops is locked (ACCESS EXCLUSIVE) and gone with its indexes and constraints
    // anyway: the other lock dangers on it (dropping its indexes first, …) add nothing; drop-table speaks.
    droppedHere: new Set(
      issues
        .filter((i) => i.id === 'drop-table' && !i.rollback)
        .map((i) => (i.names?.table ?? i.table)?.toLowerCase())
        .filter((t): t is string => t !== undefined),
    ),
  }
  for (const issue of issues) await decideIssue(run, a, issue, f, pr, out)
  for (const w of analysis.waivers) {
    out.suppressionsListed.push({ path: file.path, line: w.line, id: w.id, reason: w.reason })
    report.suppressed++
    report.rows.push([String(w.line), w.statement, `${w.id} (waived)`, DANGERS[w.id].lock, `reason: ${w.reason}`])
  }
  for (const s of f.sups) {
    if (isDangerId(s.id)) continue
    // A misspelt id suppresses nothing: say so as a gate note (every surface shows notes), not only in this table.
    const guess = didYouMean(s.id, DANGER_IDS)
    const mean = guess ? ` (did you mean "${guess}"?)` : ''
    report.rows.push([
      String(s.line),
      `quality-gate: ignore ${s.id}`,
      'invalid suppression',
      '',
      `unknown danger id "${s.id}"${mean}; valid ids: see docs/rules/migration-safety.md`,
    ])
    out.notes.push({
      level: 'warning',
      message:
        `${file.path}:${s.line}: "quality-gate: ignore ${s.id}" names no migration danger${mean}, so it suppresses nothing. ` +
        'Valid ids: pr-gate explain migration-safety.',
    })
  }
}

/**
 * A danger that is not reported at all: one that does not hold for the file's dialect (a syntax error is
 * listed as not checked), a lock danger on a table the PR creates, or on one an unreleased migration created
 * (listed), or one on a table this migration drops anyway.
 */
function notReported(a: Analysed, issue: Issue, target: string | undefined, f: FileFacts, pr: PrFacts): boolean {
  const { dialect, report } = a
  if (!holdsFor(issue.id, dialect.dialect)) {
    if (issue.id === 'syntax-error')
      report.rows.push([
        String(issue.line),
        issue.statement,
        `not checked (${DIALECT_NAMES[dialect.dialect]} syntax)`,
        'unknown',
        oneLine(issue.detail),
      ])
    return true
  }
  if (DANGERS[issue.id].lockDanger && target && pr.createdInPr.has(target)) return true
  const newTable = DANGERS[issue.id].lockDanger && target && !issue.rollback ? pr.createdUnreleased.get(target) : undefined
  if (newTable) {
    report.rows.push([
      String(issue.line),
      issue.statement,
      `${issue.id} (not reported: new table)`,
      DANGERS[issue.id].lock,
      `${target} is created by ${newTable}, merged but in no release yet: no production table to lock`,
    ])
    return true
  }
  if (DANGERS[issue.id].lockDanger && issue.id !== 'drop-table' && !issue.rollback && target && f.droppedHere.has(target)) return true
  return false
}

/** The suppression comment (with a reason) that covers `issue`, and whether one without a reason does. */
function suppressionOf(issue: Issue, f: FileFacts): { by?: Suppression; missingReason: boolean } {
  let by: Suppression | undefined
  let missingReason = false
  for (const s of f.sups) {
    if (s.id !== issue.id) continue
    const sp = suppressionSpan(s, f.spans)
    const covers = sp ? sp.line <= issue.line && issue.line <= sp.endLine : s.line === issue.line || s.line === issue.line - 1
    if (!covers) continue
    if (!s.reason) missingReason = true
    else by = s
  }
  return { by, missingReason }
}

async function decideIssue(run: Run, a: Analysed, issue: Issue, f: FileFacts, pr: PrFacts, out: Output): Promise<void> {
  const { file, analysis, report } = a
  const target = (issue.names?.table ?? issue.table)?.toLowerCase()
  if (notReported(a, issue, target, f, pr)) return
  const { by, missingReason } = suppressionOf(issue, f)
  if (by) {
    report.suppressed++
    out.suppressionsListed.push({ path: file.path, line: issue.line, id: issue.id, reason: by.reason })
    report.rows.push([String(issue.line), issue.statement, `${issue.id} (suppressed)`, DANGERS[issue.id].lock, `reason: ${by.reason}`])
    return
  }
  const recipe = recipeFor(issue.id, {
    ...recipeNames(analysis.framework, file.path, issue.names),
    framework: analysis.framework,
    pgVersion: run.opts.pg_version,
  })
  const { cap, capWhy, capNote } = await capOf(run, a, issue, target, f, pr)
  out.pushFinding(
    report,
    issue.id,
    {
      path: file.path,
      line: issue.line,
      endLine: issue.endLine,
      column: issue.column,
      message:
        (issue.rollback ? 'In rollback code: ' : '') +
        messageFor(issue) +
        capNote +
        (missingReason ? ' (a quality-gate: ignore comment names this danger but gives no reason, so it does not count)' : ''),
      hint: recipe,
    },
    issue.statement,
    recipe,
    cap,
    capWhy,
  )
  if ((issue.id === 'drop-column' || issue.id === 'rename-column') && run.appFiles.length > 0 && !issue.rollback) {
    const appChanged = run.appFiles.map((x) => x.path)
    const shown = `${appChanged.slice(0, 3).join(', ')}${appChanged.length > 3 ? ', …' : ''}`
    out.pushFinding(
      report,
      'expand-contract',
      {
        path: file.path,
        line: issue.line,
        endLine: issue.endLine,
        message: `${issue.detail} in the same PR as application code changes (${shown}): ${DANGERS['expand-contract'].why}.`,
        hint: DANGERS['expand-contract'].fix,
      },
      issue.statement,
      DANGERS['expand-contract'].fix,
    )
  }
}

/**
 * The highest level of a danger and why, in rising precedence: rollback code or the analysis' own cap, a small
 * table, a released copy, a catch-up, a dead table, strong_migrations' remove_index policy.
 */
async function capOf(
  run: Run,
  a: Analysed,
  issue: Issue,
  target: string | undefined,
  f: FileFacts,
  pr: PrFacts,
): Promise<{ cap?: Level; capWhy?: string; capNote: string }> {
  const { opts } = run
  const { file, analysis } = a
  let cap = issue.rollback ? opts.rollback_level : issue.cap?.level
  let capWhy = issue.rollback ? 'rollback' : issue.cap?.why
  let capNote = ''
  if (
    !issue.rollback &&
    DANGERS[issue.id].scalesWithTable &&
    target &&
    (isSmallTable(target, opts.small_tables) ||
      (analysis.framework === 'django' && isSmallTable(djangoTable(file.path, target), opts.small_tables)))
  ) {
    cap = capLevel(cap ?? opts.small_table_level, opts.small_table_level)
    capWhy = 'small table'
    capNote = ` (${target} is listed in small_tables: reported at small_table_level)`
  }
  const copyOf = issue.rollback ? undefined : run.releasedCopies?.get(file.path)
  if (copyOf) {
    cap = capLevel(cap ?? opts.released_copy_level, opts.released_copy_level)
    capWhy = 'released copy'
    capNote =
      ` (release ${copyOf} already holds this very file: the PR brings a released migration onto this branch, and its ` +
      'statements already ran on every database of that release; reported at released_copy_level)'
  }
  const catchUp = catchUpNote(issue, { ...pr.catchUpFacts, ...analysis, path: file.path, setNotNull: f.setNotNull })
  if (catchUp) {
    cap = capLevel(cap ?? opts.catch_up_level, opts.catch_up_level)
    capWhy = 'catch-up'
    capNote = ` (${catchUp})`
  }
  if (!issue.rollback && issue.id === 'drop-table' && target) {
    const dead = await deadTable(target, run.appFiles, run.readBase)
    if (dead) {
      cap = 'notice'
      capWhy = 'dead table'
      capNote = ` (${dead})`
    }
  }
  if (
    !issue.rollback &&
    issue.id === 'drop-index-non-concurrent' &&
    analysis.framework === 'rails' &&
    issue.detail.startsWith('remove_index ')
  ) {
    const sm = await strongMigrationsRemoveIndex(file.path, run.readConfig)
    if (sm) {
      cap = 'notice'
      capWhy = 'strong_migrations'
      capNote = ` (${sm})`
    }
  }
  return { cap, capWhy, capNote }
}
