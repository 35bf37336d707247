/**
 * migration-safety, the process danger: a migration the PR edits, renames or deletes after it was merged (it
 * existed on the base branch, so it has run). Decides whether the edit counts (comments and layout only,
 * statements moved into a new migration as no-ops, a rename that keeps the version), at what level (released
 * or not, rollback or data code only), and, for a migration not released yet, analyses what the edit adds.
 */
import { parsePatch } from '../../change/patch.js'
import type { ChangedFile, Level } from '../../types.js'
import { analyzeFile, type Analysis } from './analyse.js'
import { DANGERS } from './dangers.js'
import { PG_FAMILY, type Dialect } from './dangers/types.js'
import type { MigrationFile } from './detect.js'
import { capLevel } from './options.js'
import type { DialectInfo } from './dialect.js'
import { compareTrees, isIdempotent, removedStatements, sameSql, sameSqlSchema } from './edits.js'
import type { FileReport, Output } from './render.js'
import type { Analysed, Migration, Run } from './run.js'
import type { Issue } from './sql.js'
import type { Squash } from './squash.js'
import { loadParser, loadPg } from './wasm.js'

/** What a danger is about, to tell the dangers an edit adds from those the file had: id and the names involved. */
function issueKey(i: Issue): string {
  const n = i.names ?? {}
  const low = (x: string | undefined) => (x ?? '').toLowerCase()
  return [
    i.id,
    low(n.table ?? i.table),
    low(n.column ?? i.column_name),
    low(n.index),
    low(n.constraint),
    low(n.newName),
    low(n.type),
    i.rollback ? 'down' : '',
  ].join('|')
}

function firstChangedLine(f: ChangedFile): number | undefined {
  if (!f.patch) return undefined
  try {
    for (const h of parsePatch(f.patch)) for (const l of h.lines) if (l.type !== ' ' && l.newLine !== undefined) return l.newLine
    for (const h of parsePatch(f.patch)) return Math.max(1, h.newStart)
  } catch {
    return undefined
  }
  return undefined
}

/**
 * Tools that record a migration as applied by its version number alone (golang-migrate and gobuffalo/pop:
 * schema_migrations.version; Rails: the timestamp): renaming the file keeps it applied.
 */
const VERSION_KEYED = new Set(['golang-migrate', 'golang-migrate down', 'rails'])

/** What an edit of a merged migration changed. */
interface Edit {
  changed: boolean
  /** Only its rollback code. */
  rollbackOnly: boolean
  /** Only code that moves or fixes rows (or a helper), not its schema statements. */
  dataOnly: boolean
  /** Only Django's migration state (field options the database never sees, dependencies dropped). */
  stateOnly?: boolean
  /** Only how the statements run (concurrently, outside the transaction, IF [NOT] EXISTS), not the schema they leave. */
  howOnly?: boolean
  /** Django state only but for dependencies added, each released no later than this migration: what to say of them. */
  shippedWith?: string
  /** The statements it lost all went, as no-ops where they already ran, to these migrations the PR adds. */
  movedTo?: string
}

async function compareEdit(run: Run, mig: MigrationFile, dialect: Dialect, base: string, content: string, path: string): Promise<Edit> {
  try {
    if (mig.kind !== 'sql') {
      const lang = mig.kind === 'rails' ? 'ruby' : 'python'
      const e = compareTrees(await loadParser(lang), base, content, lang)
      if (e.addedDependencies?.length && mig.flavour === 'django') {
        const shippedWith = await dependenciesShippedWith(run, path, e.addedDependencies)
        if (shippedWith) return { changed: true, rollbackOnly: false, dataOnly: false, stateOnly: true, shippedWith }
      }
      return {
        changed: e.changed,
        rollbackOnly: e.rollbackOnly,
        dataOnly: e.dataOnly,
        stateOnly: e.stateOnly,
        howOnly: e.howOnly && mig.forward,
      }
    }
    const pg = PG_FAMILY.includes(dialect) ? await loadPg() : undefined
    const changed = !sameSql(pg, base, content)
    // statements moved to a migration this PR adds, each of which leaves the same schema whether or not it
    // already ran (IF NOT EXISTS, IF EXISTS, OR REPLACE): databases that ran the old file run it again as a
    // no-op, new ones run it once; nothing diverges
    const removed = changed && pg && mig.forward ? removedStatements(pg, base, content) : undefined
    let movedTo: string | undefined
    if (removed && removed.length > 0 && removed.every(isIdempotent)) {
      const added = await run.addedStatements()
      const targets = removed.map((t) => added.get(t))
      if (targets.every((t) => t !== undefined)) movedTo = [...new Set(targets)].join(', ')
    }
    const howOnly = changed && mig.forward && pg !== undefined && movedTo === undefined && sameSqlSchema(pg, base, content)
    return { changed, rollbackOnly: false, dataOnly: false, howOnly, movedTo }
  } catch {
    return { changed: true, rollbackOnly: false, dataOnly: false }
  }
}

/**
 * Dependencies added to a merged Django migration that shipped no later than it: every release tag holding the
 * migration holds them too (the oldest one does), so every database that applied it from a release applied
 * them in the same `migrate` or before, and Django's history check (InconsistentMigrationHistory) holds.
 * Returns what to say, or undefined when that is not known (no tag information, a dependency outside the
 * repository or in no release, or released later).
 */
async function dependenciesShippedWith(run: Run, path: string, deps: Array<[string, string]>): Promise<string | undefined> {
  const m = /^(.*\/)?([^/]+)\/migrations\/[^/]+\.py$/.exec(path)
  const changes = run.ctx.changes
  if (!m || !changes.firstReleases || run.opts.release_tags.length === 0) return undefined
  const root = m[1] as string | undefined
  const depPaths = deps.map(([app, name]) => `${root ?? ''}${app}/migrations/${name}.py`)
  const first = await changes.firstReleases([path, ...depPaths], run.opts.release_tags).catch(() => undefined)
  const own = first?.get(path)
  if (!first || !own) return undefined
  for (const p of depPaths) {
    const d = first.get(p)
    if (!d || d.date > own.date) return undefined
  }
  const names = deps.map(([app, name]) => `${app}.${name}`).join(', ')
  return (
    ` The dependencies it adds (${names}) shipped no later than this migration (it first shipped in ${own.tag}): every ` +
    'database that applied it from a release applied them too, so no history becomes inconsistent.'
  )
}

/**
 * A merged migration the PR edits, renames or deletes: reported (or listed as harmless) in `report`. Returns
 * the analysis of what the edit adds when the migration is not released yet, else undefined.
 */
export async function editedMigration(
  run: Run,
  { file, mig }: Migration,
  dialect: DialectInfo,
  report: FileReport,
  content: string | undefined,
  out: Output,
): Promise<Analysed | undefined> {
  let edit: Edit = { changed: true, rollbackOnly: false, dataOnly: false }
  if (file.status !== 'removed' && file.status !== 'renamed') {
    const base = await run.readBase(file.previousPath ?? file.path)
    if (base !== undefined && content !== undefined) {
      edit = await compareEdit(run, mig, dialect.dialect, base, content, file.previousPath ?? file.path)
      if (!edit.changed) {
        report.rows.push([
          '',
          '(whole file)',
          'edited: comments and layout only',
          'none',
          'not a migration-edited finding: the statements are unchanged',
        ])
        return undefined
      }
      if (edit.movedTo !== undefined) {
        movedFinding(file, edit.movedTo, report, out)
        return undefined
      }
    }
  }
  if (await renamedSameVersion(run, file, mig, content)) {
    report.rows.push([
      '',
      '(whole file)',
      'renamed: same version and contents',
      'none',
      CONTENT_KEYED.has(mig.layout)
        ? `not a migration-edited finding: ${mig.layout} keys migrations by the revision written in the file, not by its name, ` +
          'and the file is the same'
        : `not a migration-edited finding: ${mig.layout} keys migrations by their version number, which is unchanged, ` +
          'and the statements are the same',
    ])
    return undefined
  }
  const unreleased = editFinding(run, { file, mig }, edit, report, out)
  // An unreleased migration still runs in production, at the release that ships it: the dangers this edit adds
  // (not in the file at the base) are checked as in a new migration. Dangers the base file had already were
  // reported when they were added; an edit that keeps them (a WHERE, an IF NOT EXISTS) adds nothing.
  // A released one edited in how it runs only still runs where it has not run yet (fresh installs, upgrades
  // from older releases): what the new text adds there (CONCURRENTLY inside a transaction, an index build
  // that lost CONCURRENTLY) is checked the same way.
  if ((unreleased || edit.howOnly === true) && file.status === 'modified' && mig.forward && content !== undefined)
    return addedByEdit(
      run,
      { file, mig },
      dialect,
      report,
      content,
      out,
      unreleased ? 'edited before any release' : 'edited in how it runs only',
    )
  return undefined
}

/**
 * A file of an Alembic squash (squash.ts): the new root carries one finding at squash_level, saying what it
 * replaces and what that means; each migration it replaces is listed in its file's table, not reported. The root
 * is not analysed as a new migration: it runs only on an empty database.
 */
export function squashed(squash: Squash, path: string, report: FileReport, out: Output, level: Level): void {
  if (path !== squash.root) {
    report.rows.push([
      '',
      '(whole file)',
      `deleted: squashed into ${squash.root}`,
      'none',
      'not a migration-edited finding: see the squash',
    ])
    return
  }
  const n = squash.replaced.size
  out.pushFinding(
    report,
    'migration-edited',
    {
      path,
      line: 1,
      endLine: 1,
      message:
        `Alembic squash: ${n} merged migration${n === 1 ? '' : 's'} deleted and replaced by this new root migration, which keeps ` +
        `their head revision ${squash.revision}. Databases at ${squash.revision} run nothing; new ones run this file once. A ` +
        'database still behind that revision cannot upgrade any more (Alembic cannot locate its revision): bring every ' +
        'environment to it with the old files first, and check that this file builds the schema the chain built (a schema ' +
        'diff of a fresh database against one at the head).',
      hint: 'upgrade every environment to the head revision before deploying the squash',
    },
    '(whole file)',
    'upgrade every environment to the head revision before deploying the squash',
    level,
    'squash',
  )
}

/** Statements moved out into migrations the PR adds, each a no-op where it already ran: a notice. */
function movedFinding(file: ChangedFile, movedTo: string, report: FileReport, out: Output): void {
  const why =
    `statements moved out of this merged migration into ${movedTo}, added by this PR; each leaves the same schema whether or not ` +
    'it already ran (IF NOT EXISTS / IF EXISTS / OR REPLACE), so databases that ran the old file and new ones end up alike'
  const line = firstChangedLine(file)
  out.pushFinding(
    report,
    'migration-edited',
    {
      path: file.path,
      line,
      endLine: line,
      message: `Migration edited after it was merged: ${why}.`,
      hint: DANGERS['migration-edited'].fix,
    },
    '(whole file)',
    DANGERS['migration-edited'].fix,
    'notice',
    'moved, idempotent',
  )
}

/**
 * Tools that record a migration as applied by an identifier written inside the file, never by its name:
 * Alembic (`revision = "…"`, stored in alembic_version).
 */
const CONTENT_KEYED = new Set(['alembic'])

/**
 * A rename in the same folder that keeps the contents and what the tool keys migrations by: the version number
 * in the name (VERSION_KEYED), or the identifier inside the file (CONTENT_KEYED: any new name).
 */
async function renamedSameVersion(run: Run, file: ChangedFile, mig: MigrationFile, content: string | undefined): Promise<boolean> {
  if (file.status !== 'renamed' || !file.previousPath || content === undefined) return false
  const version = (p: string): string | undefined => /^(\d+)_/.exec(p.slice(p.lastIndexOf('/') + 1))?.[1]
  const keyKept =
    CONTENT_KEYED.has(mig.layout) ||
    (VERSION_KEYED.has(mig.layout) && version(file.path) !== undefined && version(file.path) === version(file.previousPath))
  const sameDir = file.previousPath.slice(0, file.previousPath.lastIndexOf('/')) === file.path.slice(0, file.path.lastIndexOf('/'))
  return keyKept && sameDir && (await run.readBase(file.previousPath)) === content
}

const DATA_NOTE =
  ' Its schema statements, and the code that feeds them, are unchanged: the edit is in code that moves or fixes rows (or a helper), ' +
  'so the schema it leaves is the same; the new code runs only on databases that have not applied it yet (fresh installs, upgrades ' +
  'from older versions): check that it does the same to their data.'

const HOW_NOTE =
  ' Only how its statements run changed (an index built or dropped concurrently, the migration taken out of its transaction, ' +
  'IF [NOT] EXISTS): every database ends with the same schema whichever version it ran; what the new text adds where it has not ' +
  'run yet is checked as in a new migration.'

const STATE_NOTE =
  ' Only options the database never sees changed (validators, help_text, choices, verbose_name, …) or dependencies were dropped: ' +
  'every database ends with the same schema whichever version it ran; what differs is the state Django records, which ' +
  'makemigrations compares the models with.'

/** The migration-edited finding, at the strictest cap that applies. Returns whether the migration is not released yet. */
function editFinding(run: Run, { file, mig }: Migration, edit: Edit, report: FileReport, out: Output): boolean {
  const { opts, released } = run
  const { rollbackOnly, dataOnly, stateOnly, howOnly } = edit
  const rollbackFile = !mig.forward
  const what =
    file.status === 'removed'
      ? 'deleted'
      : file.status === 'renamed'
        ? `renamed from ${file.previousPath ?? '?'}`
        : rollbackOnly
          ? 'edited in its rollback code'
          : dataOnly
            ? 'edited in its data or helper code only'
            : stateOnly
              ? "edited in Django's migration state only"
              : howOnly
                ? 'edited in how it runs only'
                : 'edited'
  const line = file.status === 'removed' ? undefined : firstChangedLine(file)
  const tag = released?.get(file.previousPath ?? file.path)
  const unreleased = released !== undefined && tag === undefined
  // the strictest cap that applies: not released yet, rollback code, data code only
  let cap: Level | undefined
  if (rollbackFile || rollbackOnly) cap = opts.rollback_level
  if (dataOnly || stateOnly || howOnly) cap = opts.data_edit_level
  if (unreleased) cap = capLevel(opts.unreleased_edit_level, cap ?? 'fail')
  const kind = rollbackFile ? 'Rollback migration' : 'Migration'
  const dataNote = dataOnly ? DATA_NOTE : stateOnly ? STATE_NOTE + (edit.shippedWith ?? '') : howOnly ? HOW_NOTE : ''
  const why = DANGERS['migration-edited'].why
  const message = unreleased
    ? `${kind} ${what} before any release: merged, but no release tag (${opts.release_tags.join(', ')}) made up to the base holds it, ` +
      'so it has run only where the development branch ran; it is still being developed and editing it is normal until it ships ' +
      '(a new migration is needed once it is released).'
    : tag !== undefined
      ? `${kind} ${what} after it was merged and released (tag ${tag} holds it): ${why}.${dataNote}`
      : `${kind} ${what} after it was merged: ${why} (no release tag information: counted as released).${dataNote}`
  out.pushFinding(
    report,
    'migration-edited',
    { path: file.path, line, endLine: line, message, hint: DANGERS['migration-edited'].fix },
    '(whole file)',
    DANGERS['migration-edited'].fix,
    cap,
    unreleased
      ? 'not released yet'
      : dataOnly
        ? 'data code only'
        : stateOnly
          ? 'Django state only'
          : howOnly
            ? 'how it runs only'
            : 'rollback',
  )
  return unreleased
}

/** The dangers an edit of an unreleased migration adds: the head's analysis less what the base file had. */
async function addedByEdit(
  run: Run,
  { file, mig }: Migration,
  dialect: DialectInfo,
  report: FileReport,
  content: string,
  out: Output,
  label: string,
): Promise<Analysed | undefined> {
  const baseText = await run.readBase(file.previousPath ?? file.path)
  if (baseText === undefined) return undefined
  const { ctx, opts, readHead, readBase, prTypes } = run
  let analysis: Analysis
  let before: Analysis
  try {
    analysis = await analyzeFile(ctx, file, mig, content, opts, dialect.dialect, readHead, readBase, prTypes.before(file.path), run.parsed)
    before = await analyzeFile(ctx, file, mig, baseText, opts, dialect.dialect, readHead, readBase, prTypes.before(file.path))
  } catch (e) {
    out.error(file.path, 'parser-unavailable', `Could not analyse ${file.path}: ${e instanceof Error ? e.message : String(e)}`)
    return undefined
  }
  const had = new Set(before.issues.map(issueKey))
  const added = analysis.issues.filter((i) => !had.has(issueKey(i)))
  const kept = analysis.issues.length - added.length
  report.rows.push([
    '',
    '(whole file)',
    label,
    'none',
    `dangers the edit adds are checked as in a new migration (${added.length} new; ${kept} already in the file at the base, not repeated)`,
  ])
  out.counted(report, analysis.count)
  return { file, mig, dialect, analysis: { ...analysis, issues: added }, report }
}
