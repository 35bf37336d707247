/**
 * migration-safety: dangerous schema changes caught statically, on the offending line, with the safe
 * alternative. PostgreSQL SQL is parsed with libpg-query (the real parser, wasm); Rails, Django and Alembic
 * migrations with tree-sitter. Both parsers are loaded only when the PR changes a migration of that kind.
 * See docs/rules/migration-safety.md.
 *
 * The evaluation runs in stages: analyse each migration file (analyse.ts; edited.ts for merged migrations the
 * PR edits), decide the level of each danger in the light of the whole PR (decide.ts), render the findings,
 * tables and summary (render.ts).
 */
import { matchesAny } from '../../change/glob.js'
import type { ChangedFile, CommonRuleOptions, RuleContext, RuleOutput } from '../../types.js'
import { analyzeFile, type Analysis } from './analyse.js'
import { decideFile, prFacts } from './decide.js'
import { classify } from './detect.js'
import { detectDialect } from './dialect.js'
import { alembicSquash } from './squash.js'
import { squashed } from './edited.js'
import { editedMigration } from './edited.js'
import { options, type MigrationSafetyOptions } from './options.js'
import { planMigrationReads } from './plan.js'
import { Output } from './render.js'
import {
  addedStatementsOf,
  learnPrTypes,
  Reads,
  releasedCopies,
  releasedMigrations,
  type Analysed,
  type Migration,
  type Run,
} from './run.js'
import { defineRule } from '../define.js'

export { options, type MigrationSafetyOptions } from './options.js'
export { DJANGO_MAX_READS, strongMigrationsLockTimeout } from './analyse.js'
export { catchUpNote, deadTable, isSmallTable, strongMigrationsRemoveIndex, type CatchUpFacts } from './decide.js'

/** The changed files that are migrations (by their path, else their path before a rename), and the others. */
function classifyChanges(ctx: RuleContext, opts: MigrationSafetyOptions): { migrations: Migration[]; others: ChangedFile[] } {
  const migrations: Migration[] = []
  const others: ChangedFile[] = []
  for (const f of ctx.changes.files) {
    const mig =
      classify(f.path, opts.paths, opts.exclude, opts.builtin_layouts) ??
      (f.previousPath ? classify(f.previousPath, opts.paths, opts.exclude, opts.builtin_layouts) : undefined)
    if (mig) migrations.push({ file: f, mig })
    else others.push(f)
  }
  return { migrations, others }
}

/**
 * Stage 1 for one migration file: its dialect, then either the process danger (a merged migration edited,
 * renamed or deleted) or the analysis of a new forward migration. Returns what stage 2 decides on, if anything.
 */
async function analyseMigration(run: Run, m: Migration, out: Output): Promise<Analysed | undefined> {
  const { file, mig } = m
  const report = out.report(file.path)
  const content = file.status === 'removed' ? undefined : await run.readHead(file.path)
  const dialect = await detectDialect(file.path, mig, run.policy, run.readConfig, content)
  out.dialect(file, mig, dialect)
  if (run.squash && (run.squash.root === file.path || run.squash.replaced.has(file.path))) {
    squashed(run.squash, file.path, report, out, run.opts.squash_level)
    return undefined
  }
  // Process danger: the file existed on the base branch, i.e. it is already merged (and has run).
  if (file.status !== 'added' && file.status !== 'copied' && mig.immutable) return editedMigration(run, m, dialect, report, content, out)
  if (file.status === 'removed' || !mig.forward) return undefined
  if (content === undefined) {
    out.error(file.path, 'unreadable', `Could not read ${file.path} at the head commit: the migration was not checked.`)
    return undefined
  }
  let analysis: Analysis
  try {
    const { ctx, opts, readHead, readBase, prTypes, parsed } = run
    analysis = await analyzeFile(ctx, file, mig, content, opts, dialect.dialect, readHead, readBase, prTypes.before(file.path), parsed)
  } catch (e) {
    out.error(file.path, 'parser-unavailable', `Could not analyse ${file.path}: ${e instanceof Error ? e.message : String(e)}`)
    return undefined
  }
  out.counted(report, analysis.count)
  return { file, mig, dialect, analysis, report }
}

async function evaluate(ctx: RuleContext, opts: MigrationSafetyOptions & CommonRuleOptions): Promise<RuleOutput> {
  const { migrations, others } = classifyChanges(ctx, opts)
  if (migrations.length === 0) return { findings: [], summary: 'no migration changed', applicability: 'not-applicable' }
  const appFiles = others.filter((f) => !f.excluded && matchesAny(f.path, opts.app_paths) && !matchesAny(f.path, opts.app_exclude))
  const reads = new Reads(ctx)
  const policy = { dialect: opts.dialect, dialects: opts.dialects }
  const { prTypes, parsed } = await learnPrTypes(migrations, reads.head)
  const run: Run = {
    ctx,
    opts,
    policy,
    readHead: reads.head,
    readBase: reads.base,
    readConfig: reads.config,
    appFiles,
    prTypes,
    parsed,
    released: await releasedMigrations(ctx, migrations, opts),
    releasedCopies: await releasedCopies(ctx, migrations, opts, reads.head),
    addedStatements: addedStatementsOf(migrations, policy, reads.head, reads.config),
    squash: await alembicSquash(migrations, reads.head, reads.base),
  }

  const out = new Output(opts)
  const analysed: Analysed[] = []
  for (const m of migrations) {
    const a = await analyseMigration(run, m, out)
    if (a) analysed.push(a)
  }
  const pr = await prFacts(run, analysed)
  for (const a of analysed) await decideFile(run, a, pr, out)
  return out.render(migrations, reads.failures)
}

export const migrationSafety = defineRule({
  id: 'migration-safety',
  description:
    'Migrations are safe and reversible: no long locks on hot tables, no edits of merged migrations, ' +
    'the safe recipe on the offending line.',
  options,
  defaultLevel: 'fail',
  release: true,
  plan: planMigrationReads,
  evaluate,
})

export { DANGERS, DANGER_IDS } from './dangers.js'
