/**
 * The files migration-safety reads, declared before it runs (Rule.plan), so the pipeline reads them in a
 * few batched queries: each migration at the head (and at the base when it was edited), its rollback file,
 * the files beside it that decide its dialect, and the framework's configuration and schema dump. A file
 * named here that the rule does not read costs only its bytes; a file read but not named is read on demand.
 */
import type { ContentPlan, PlanInput } from '../../types.js'
import { classify, downPathFor, sqitchRevertFor } from './detect.js'
import { dialectOfFileName } from './dialect.js'

export interface PlanOptions {
  paths: readonly string[]
  exclude: readonly string[]
  builtin_layouts: boolean
}

const dirOf = (p: string): string => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '')
const join = (d: string, f: string): string => (d ? `${d}/${f}` : f)

/** `x.postgres.sql` … beside a generic `x.sql` (see dialectSiblings in dialect.ts). */
function siblings(path: string): string[] {
  const slash = path.lastIndexOf('/') + 1
  const base = path.slice(slash)
  const dot = base.indexOf('.')
  if (dot <= 0 || dialectOfFileName(path)) return []
  return ['postgres', 'postgresql', 'cockroach', 'crdb'].map((w) => path.slice(0, slash) + base.slice(0, dot) + '.' + w + base.slice(dot))
}

export function planMigrationReads(input: PlanInput, opts: PlanOptions): ContentPlan {
  const head = new Set<string>()
  const base = new Set<string>()
  const config = (p: string) => {
    head.add(p)
    base.add(p)
  }
  for (const f of input.files) {
    const mig =
      classify(f.path, opts.paths, opts.exclude, opts.builtin_layouts) ??
      (f.previousPath ? classify(f.previousPath, opts.paths, opts.exclude, opts.builtin_layouts) : undefined)
    if (!mig) continue
    if (f.status !== 'removed') head.add(f.path)
    if (f.status !== 'added' && f.status !== 'copied' && mig.immutable) base.add(f.previousPath ?? f.path)
    if (f.status === 'removed') continue
    if (mig.kind === 'sql') {
      const down = downPathFor(f.path)
      if (down) head.add(down)
      const revert = mig.layout === 'sqitch' ? sqitchRevertFor(f.path) : undefined
      if (revert) head.add(revert)
      for (const s of siblings(f.path)) config(s)
      if (mig.layout === 'prisma') config(join(dirOf(dirOf(f.path)), 'migration_lock.toml'))
    }
    if (mig.kind === 'rails') {
      const i = f.path.lastIndexOf('db/migrate/')
      const root = i <= 0 ? '' : f.path.slice(0, i - 1)
      for (const c of [
        'config/database.yml',
        'config/database.yml.example',
        'config/database.yml.sample',
        'Gemfile',
        'Gemfile.lock',
        'config/initializers/strong_migrations.rb',
      ])
        config(join(root, c))
      base.add(join(root, 'db/schema.rb'))
    }
  }
  return { head: [...head], base: [...base] }
}
