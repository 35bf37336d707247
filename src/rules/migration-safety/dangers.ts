/**
 * The catalogue of migration dangers, built from the one-module-per-danger list in ./dangers/: one id per
 * danger, the lock it takes, why it hurts, where it holds and the safe recipe. docs/rules/migration-safety.md
 * documents every id listed here (a test checks it).
 */
import { DANGER_LIST } from './dangers/index.js'
import type { DangerDef, Dialect, RecipeInput } from './dangers/types.js'

export type { DangerDef, Dialect } from './dangers/types.js'
/** What the CLI's `explain` prints. */
export type DangerInfo = Pick<DangerDef, 'title' | 'lock' | 'why' | 'fix' | 'level' | 'lockDanger' | 'detection' | 'dialects'>

export type DangerId = (typeof DANGER_LIST)[number]['id']

export const DANGERS = Object.fromEntries(DANGER_LIST.map((d) => [d.id, d])) as Record<DangerId, DangerDef<DangerId>>
export const DANGER_IDS = DANGER_LIST.map((d) => d.id)

export function isDangerId(s: string): s is DangerId {
  return Object.prototype.hasOwnProperty.call(DANGERS, s)
}

/** Whether a danger holds for a dialect. */
export function holdsFor(id: DangerId, dialect: Dialect): boolean {
  return DANGERS[id].dialects.includes(dialect)
}

/** The statement to paste, with the user's names, or the general fix when the names are not known. */
export function recipeFor(id: DangerId, r: RecipeInput): string {
  const d = DANGERS[id]
  return d.recipe?.(r) ?? d.fix
}
