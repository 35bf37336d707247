/**
 * migration-safety: what one evaluation shares between its stages — the policy, the PR's files read once each,
 * and what the PR as a whole tells the analysis of each file (the column types its earlier migrations set, the
 * releases that hold its merged migrations, the statements its new migrations add).
 */
import type { Squash } from './squash.js'
import type { ChangedFile, CommonRuleOptions, RuleContext } from '../../types.js'
import { PrTypes, ParsedOnce, type Analysis, type Reader } from './analyse.js'
import { PG_FAMILY } from './dangers/types.js'
import type { MigrationFile } from './detect.js'
import { detectDialect, type DialectInfo } from './dialect.js'
import { statementTrees } from './edits.js'
import type { MigrationSafetyOptions } from './options.js'
import type { FileReport } from './render.js'
import { typesSetByStatements } from './sql.js'
import type { TypeName } from './sql-ast.js'
import { loadPg } from './wasm.js'

/** A changed file that is a migration. */
export interface Migration {
  file: ChangedFile
  mig: MigrationFile
}

/** A migration analysed, waiting for the levels of its dangers. */
export interface Analysed extends Migration {
  dialect: DialectInfo
  analysis: Analysis
  report: FileReport
}

export interface Run {
  ctx: RuleContext
  opts: MigrationSafetyOptions & CommonRuleOptions
  policy: { dialect: MigrationSafetyOptions['dialect']; dialects: MigrationSafetyOptions['dialects'] }
  readHead: Reader
  readBase: Reader
  /** Head, else base. */
  readConfig: Reader
  /** Application code the PR changes (app_paths, not app_exclude). */
  appFiles: ChangedFile[]
  /** Column types the PR's earlier SQL migrations set (path order): a later TYPE change to the same type is free. */
  prTypes: PrTypes
  /** The PR's SQL migrations parsed once, when it has more than one. */
  parsed?: ParsedOnce
  /** Which merged migrations have shipped in a release (path → tag); undefined: no tag information. */
  released?: Map<string, string>
  /** Migrations the PR adds that a release tag already holds byte for byte at the same path (path → tag). */
  releasedCopies?: Map<string, string>
  /**
   * Statements of the SQL migrations the PR adds (PostgreSQL family): where a statement taken out of a merged
   * migration went (statement tree → path). Read only when a merged SQL migration lost statements.
   */
  addedStatements: () => Promise<Map<string, string>>
  /** The PR's Alembic squash, if it has one. */
  squash?: Squash
}

/**
 * Configuration and rollback files are read once each, through the change set (head, else base).
 * `undefined` is "the file does not exist"; a read that fails (API error, timeout, corrupt object store) is
 * recorded and makes the rule "not evaluated" (see Output.render), because an unread rollback, config or earlier
 * migration must never count as an absent one that might clear a danger.
 */
export class Reads {
  private readonly cache = new Map<string, Promise<string | undefined>>()
  /** `side:path` → what could not be read, and why. */
  readonly failures = new Map<string, string>()
  readonly head: Reader = (p) => this.cached('head', p)
  readonly base: Reader = (p) => this.cached('base', p)
  readonly config: Reader = async (p) => (await this.head(p)) ?? (await this.base(p))

  constructor(private readonly ctx: RuleContext) {}

  private cached(side: 'head' | 'base', p: string): Promise<string | undefined> {
    const key = `${side}:${p}`
    let v = this.cache.get(key)
    if (!v) {
      v = (side === 'head' ? this.ctx.changes.readHead(p) : this.ctx.changes.readBase(p)).catch((e: unknown) => {
        if (!this.failures.has(key))
          this.failures.set(key, `${p} (${side === 'head' ? 'head' : 'base'}): ${e instanceof Error ? e.message : String(e)}`)
        return undefined
      })
      this.cache.set(key, v)
    }
    return v
  }
}

/** The column types each SQL migration of the PR sets, learnt in path order (parsing each once) when it has more than one. */
export async function learnPrTypes(migrations: readonly Migration[], readHead: Reader): Promise<{ prTypes: PrTypes; parsed?: ParsedOnce }> {
  const prTypes = new PrTypes()
  const sqlForward = migrations
    .filter((m) => m.mig.kind === 'sql' && m.mig.forward && m.file.status !== 'removed')
    .sort((a, b) => a.file.path.localeCompare(b.file.path))
  if (sqlForward.length <= 1) return { prTypes }
  const parsed = new ParsedOnce(await loadPg())
  for (const m of sqlForward) {
    const text = await readHead(m.file.path)
    let types = new Map<string, TypeName>()
    if (text !== undefined) {
      try {
        types = typesSetByStatements(parsed.parse(text).stmts ?? [])
      } catch {
        // does not parse: the analysis reports where
      }
    }
    prTypes.record(m.file.path, types)
  }
  return { prTypes, parsed }
}

/** Which merged migrations of the PR have shipped in a release (tags); undefined: no tag information. */
export async function releasedMigrations(
  ctx: RuleContext,
  migrations: readonly Migration[],
  opts: MigrationSafetyOptions,
): Promise<Map<string, string> | undefined> {
  const editedPaths = migrations
    .filter((m) => m.mig.immutable && m.file.status !== 'added' && m.file.status !== 'copied')
    .map((m) => m.file.previousPath ?? m.file.path)
  return editedPaths.length && opts.release_tags.length && ctx.changes.releasedPaths
    ? await ctx.changes.releasedPaths(editedPaths, opts.release_tags).catch(() => undefined)
    : undefined
}

/**
 * Migrations the PR adds whose very text a release tag (made no later than the base) already holds at the same
 * path: a released migration brought onto this branch (a cherry-pick or a merge of a release branch), not a new
 * one. Map path → tag; empty without tag information.
 */
export async function releasedCopies(
  ctx: RuleContext,
  migrations: readonly Migration[],
  opts: MigrationSafetyOptions,
  readHead: Reader,
): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  const added = migrations.filter((m) => m.file.status === 'added').map((m) => m.file.path)
  if (!added.length || !opts.release_tags.length || !ctx.changes.releasedTexts) return out
  const texts = await ctx.changes.releasedTexts(added, opts.release_tags).catch(() => undefined)
  for (const [path, { tag, text }] of texts ?? []) if ((await readHead(path)) === text) out.set(path, tag)
  return out
}

/** Run.addedStatements: read on the first call, once. */
export function addedStatementsOf(
  migrations: readonly Migration[],
  policy: Run['policy'],
  readHead: Reader,
  readConfig: Reader,
): () => Promise<Map<string, string>> {
  let addedSql: Promise<Map<string, string>> | undefined
  const read = async (): Promise<Map<string, string>> => {
    const out = new Map<string, string>()
    for (const { file, mig } of migrations) {
      if (file.status !== 'added' || mig.kind !== 'sql' || !mig.forward) continue
      const text = await readHead(file.path)
      if (text === undefined) continue
      const d = await detectDialect(file.path, mig, policy, readConfig, text)
      if (!PG_FAMILY.includes(d.dialect)) continue
      for (const t of statementTrees(await loadPg(), text) ?? []) if (!out.has(t)) out.set(t, file.path)
    }
    return out
  }
  return () => (addedSql ??= read())
}
