/**
 * Org floors: what "tighter" means for each policy key, in ONE table. A key an org policy marks `locked`
 * (see docs/policy.md, "Org policy") may be tightened by the policies that extend it, never loosened; a
 * looser value is replaced by the org's, and the verdict says which org rule was enforced.
 *
 * A key not in the table, or whose values the order below does not cover, has no "tighter": a locked value
 * simply cannot be changed (any other value is enforced back to the org's).
 */
import { minimatch } from 'minimatch'

/**
 * How a value may move:
 *  - `level`     off < notice < warn < fail; higher is tighter (any level-valued key, wherever it is)
 *  - `max`       a limit where higher is looser; 0 (or null) means "no limit", the loosest of all
 *  - `min`       a minimum where lower is looser
 *  - `true`      true is tighter than false; `false`: false is tighter than true
 *  - `superset`  a list of things required or checked: it may grow, never lose an entry
 *  - `subset`    a list of exemptions: it may shrink, never gain an entry
 *  - `order`     one of the listed values, tightest first
 *  - `equal`     no "tighter": the value cannot change
 */
export type Tightening =
  | { kind: 'level' | 'max' | 'min' | 'true' | 'false' | 'superset' | 'subset' | 'equal' }
  | { kind: 'order'; tightestFirst: readonly unknown[] }

const LEVELS = ['off', 'notice', 'warn', 'fail'] as const

/** The table: path patterns (minimatch over dotted paths, `*` = one segment) → how the value may move. */
export const TIGHTENING: ReadonlyArray<readonly [pattern: string, how: Tightening]> = [
  ['rules.*.level', { kind: 'level' }],
  ['rules.pr-size.{warn_lines,fail_lines,warn_files,fail_files}', { kind: 'max' }],
  ['rules.*.min_reason_length', { kind: 'min' }],
  ['rules.*.exclude', { kind: 'subset' }],
  ['rules.*.ignore', { kind: 'subset' }],
  ['rules.critical-path-tests.coverage', { kind: 'superset' }],
  ['rules.migration-safety.paths', { kind: 'superset' }],
  ['rules.migration-safety.{require_lock_timeout,builtin_layouts}', { kind: 'true' }],
  ['rules.migration-safety.{app_exclude}', { kind: 'subset' }],
  ['rules.runbook.{triggers,runbooks,manifest_paths,deploy_commands,deploy_actions,deploy_job_names}', { kind: 'superset' }],
  [
    'rules.runbook.{disable,dev_tooling,non_production_paths,non_production_environments,non_production_events,env_var_ignore}',
    { kind: 'subset' },
  ],
  ['rules.co-change.rules', { kind: 'superset' }],
  ['rules.dependencies.reports', { kind: 'superset' }],
  ['rules.dependencies.fail_on', { kind: 'order', tightestFirst: ['low', 'medium', 'high', 'critical', 'none'] }],
  ['rules.dependencies.fix_within_days.*', { kind: 'max' }],
  ['rules.dependencies.licenses.deny', { kind: 'superset' }],
  ['rules.dependencies.licenses.allow', { kind: 'subset' }],
  ['rules.dependencies.{use_dependency_review,use_dependabot_alerts}', { kind: 'true' }],
  ['rules.dependencies.new_only', { kind: 'false' }],
  ['conclusion.{on_error,partial}', { kind: 'order', tightestFirst: ['failure', 'neutral'] }],
  ['conclusion.warnings', { kind: 'order', tightestFirst: ['neutral', 'success'] }],
  ['waivers.require_reason', { kind: 'true' }],
  ['waivers.min_reason_length', { kind: 'min' }],
  ['release.dangerous_rules', { kind: 'superset' }],
]

export function tighteningOf(path: string, value?: unknown): Tightening {
  const slashed = path.replace(/\./g, '/')
  for (const [pattern, how] of TIGHTENING) if (minimatch(slashed, pattern.replace(/\./g, '/'), { dot: true })) return how
  // Any other level-valued key (danger levels, release levels, missing_report…): a level.
  if (typeof value === 'string' && (LEVELS as readonly string[]).includes(value)) return { kind: 'level' }
  return { kind: 'equal' }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** Whether `value` is at least as tight as the locked `floor` under `how`. */
export function atLeastAsTight(how: Tightening, floor: unknown, value: unknown): boolean {
  if (same(floor, value)) return true
  switch (how.kind) {
    case 'level': {
      const f = LEVELS.indexOf(floor as (typeof LEVELS)[number])
      const v = LEVELS.indexOf(value as (typeof LEVELS)[number])
      return f >= 0 && v >= f
    }
    case 'max': {
      const unlimited = (x: unknown) => x === null || x === undefined || x === 0
      if (unlimited(value)) return false
      if (unlimited(floor)) return typeof value === 'number'
      return typeof value === 'number' && typeof floor === 'number' && value <= floor
    }
    case 'min':
      return typeof value === 'number' && typeof floor === 'number' && value >= floor
    case 'true':
      return value === true
    case 'false':
      return value === false
    case 'superset':
      return Array.isArray(value) && Array.isArray(floor) && floor.every((f) => value.some((v) => same(v, f)))
    case 'subset':
      return Array.isArray(value) && Array.isArray(floor) && value.every((v) => floor.some((f) => same(v, f)))
    case 'order': {
      const f = how.tightestFirst.indexOf(floor)
      const v = how.tightestFirst.indexOf(value)
      return f >= 0 && v >= 0 && v <= f
    }
    case 'equal':
      return false
  }
}

/** In words, for the note: "may only go up (off < notice < warn < fail)". */
export function describeTightening(how: Tightening): string {
  switch (how.kind) {
    case 'level':
      return 'a level may only go up (off < notice < warn < fail)'
    case 'max':
      return 'a limit may only go down (0 = no limit is the loosest)'
    case 'min':
      return 'a minimum may only go up'
    case 'true':
      return 'may only be true'
    case 'false':
      return 'may only be false'
    case 'superset':
      return 'the list may gain entries, never lose one'
    case 'subset':
      return 'the list of exemptions may lose entries, never gain one'
    case 'order':
      return `tightest first: ${how.tightestFirst.join(' < ')}`
    case 'equal':
      return 'it has no "tighter": it cannot be changed'
  }
}

/** A lock set by one file of the `extends` chain. */
export interface Lock {
  /** Dotted path: `rules.pr-size` (the whole entry) or `rules.pr-size.fail_lines`. */
  path: string
  /** The file that locked it and where (`file:line:column` of its `locked`). */
  file: string
  line?: number
  column?: number
  /** The value at `path` in that file's resolved policy (defaults filled in). */
  floor: unknown
}

/** An org floor the repository's policy tried to loosen, and the org value that was enforced instead. */
export interface Enforcement {
  path: string
  /** The value the policies above the lock asked for, and the floor that applies instead. */
  requested: unknown
  enforced: unknown
  lockedBy: { file: string; line?: number; column?: number }
  /** The file (and key position) that asked for the looser value, when known. */
  setBy?: { file: string; line?: number; column?: number }
  rule: string
}

type Raw = Record<string, unknown>
const isMapping = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v)

export function getPath(doc: unknown, path: string[]): unknown {
  let cur = doc
  for (const k of path) {
    if (!isMapping(cur)) return undefined
    cur = cur[k]
  }
  return cur
}

export function setPath(doc: Raw, path: string[], value: unknown): void {
  let cur: Raw = doc
  for (const k of path.slice(0, -1)) {
    if (!isMapping(cur[k])) cur[k] = {}
    cur = cur[k] as Raw
  }
  cur[path[path.length - 1]] = structuredClone(value)
}

/**
 * Applies the locks to the final resolved policy (in place): every leaf under a locked path that is
 * looser than its floor is set back to the floor. Returns what was enforced, in lock order.
 */
export function enforceFloors(resolved: Raw, locks: Lock[]): Array<Omit<Enforcement, 'setBy'>> {
  const out: Array<Omit<Enforcement, 'setBy'>> = []
  const visit = (lock: Lock, path: string[], floor: unknown) => {
    const dotted = path.join('.')
    const how = tighteningOf(dotted, floor)
    // A mapping without its own entry in the table is locked key by key (`rules.pr-size` locks each option).
    if (isMapping(floor) && how.kind === 'equal' && !TIGHTENING.some(([p]) => p === dotted)) {
      for (const [k, v] of Object.entries(floor)) visit(lock, [...path, k], v)
      return
    }
    const value = getPath(resolved, path)
    if (atLeastAsTight(how, floor, value)) return
    setPath(resolved, path, floor)
    out.push({
      path: dotted,
      requested: value,
      enforced: floor,
      lockedBy: { file: lock.file, line: lock.line, column: lock.column },
      rule: describeTightening(how),
    })
  }
  for (const lock of locks) visit(lock, lock.path.split('.'), lock.floor)
  return out
}
