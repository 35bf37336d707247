/**
 * Which changed files are migrations, of which framework, and whether they are forward migrations (analysed)
 * or rollbacks/repeatables (only checked for edits).
 */
import { matchesAny } from '../../change/glob.js'

export type MigrationKind = 'sql' | 'rails' | 'python'

export interface MigrationFile {
  kind: MigrationKind
  /** Python flavour when known from the path. */
  flavour?: 'django' | 'alembic'
  /** Layout that recognised it (shown in the docs and the JSON data). */
  layout: string
  /** False for rollback files (golang-migrate .down.sql, sqitch revert/, Flyway U__): not analysed for locks. */
  forward: boolean
  /** False for files meant to be edited (Flyway repeatable R__): editing them is not a process danger. */
  immutable: boolean
}

const BUILTIN: Array<{
  layout: string
  globs: string[]
  kind: MigrationKind
  flavour?: 'django' | 'alembic'
  forward?: boolean
  immutable?: boolean
}> = [
  { layout: 'golang-migrate down', globs: ['**/*.down.sql'], kind: 'sql', forward: false },
  { layout: 'golang-migrate', globs: ['**/*.up.sql'], kind: 'sql' },
  { layout: 'flyway undo', globs: ['**/U[0-9]*__*.sql'], kind: 'sql', forward: false },
  { layout: 'flyway repeatable', globs: ['**/R__*.sql'], kind: 'sql', immutable: false },
  { layout: 'flyway', globs: ['**/V[0-9]*__*.sql'], kind: 'sql' },
  { layout: 'prisma', globs: ['**/prisma/migrations/*/migration.sql'], kind: 'sql' },
  { layout: 'sqitch revert', globs: ['**/revert/**/*.sql'], kind: 'sql', forward: false },
  { layout: 'sqitch', globs: ['**/deploy/**/*.sql'], kind: 'sql' },
  { layout: 'liquibase', globs: ['**/changelog/**/*.sql', '**/changelogs/**/*.sql'], kind: 'sql' },
  { layout: 'sql migrations dir', globs: ['**/migrations/**/*.sql', '**/migrate/**/*.sql'], kind: 'sql' },
  { layout: 'rails', globs: ['**/db/migrate/**/*.rb'], kind: 'rails' },
  { layout: 'alembic', globs: ['**/versions/*.py'], kind: 'python', flavour: 'alembic' },
  { layout: 'django', globs: ['**/migrations/[0-9]*.py'], kind: 'python', flavour: 'django' },
]

/**
 * A folder of test code: migrations there belong to a test app or a fixture (a Rails engine's `test/dummy`, a
 * Django package's `tests/` app, netbox's `tests/dummy_plugin`) and never run in production. The built-in
 * layouts skip them; `paths` can still name them.
 */
const TEST_FOLDER = /(?:^|\/)(?:tests?|spec|__tests__|testdata|fixtures)\//

export function classify(path: string, extra: readonly string[], exclude: readonly string[], builtin: boolean): MigrationFile | undefined {
  if (exclude.length && matchesAny(path, exclude)) return undefined
  if (builtin && !TEST_FOLDER.test(path)) {
    for (const b of BUILTIN) {
      if (matchesAny(path, b.globs))
        return { kind: b.kind, flavour: b.flavour, layout: b.layout, forward: b.forward ?? true, immutable: b.immutable ?? true }
    }
  }
  if (extra.length && matchesAny(path, extra)) {
    const kind: MigrationKind | undefined = path.endsWith('.sql')
      ? 'sql'
      : path.endsWith('.rb')
        ? 'rails'
        : path.endsWith('.py')
          ? 'python'
          : undefined
    if (kind) return { kind, layout: 'policy paths', forward: !/\.down\.sql$/.test(path), immutable: true }
  }
  return undefined
}

/** golang-migrate: the down file matching an up file. */
export function downPathFor(path: string): string | undefined {
  return path.endsWith('.up.sql') ? path.slice(0, -'.up.sql'.length) + '.down.sql' : undefined
}

/** sqitch: revert/x.sql for deploy/x.sql. */
export function sqitchRevertFor(path: string): string | undefined {
  const i = path.lastIndexOf('/deploy/')
  if (i < 0 && !path.startsWith('deploy/')) return undefined
  return i < 0 ? 'revert/' + path.slice('deploy/'.length) : path.slice(0, i) + '/revert/' + path.slice(i + '/deploy/'.length)
}
