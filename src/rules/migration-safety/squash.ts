/**
 * An Alembic squash: the PR deletes a whole chain of merged migrations and adds one new root migration
 * (`down_revision = None`) that keeps the chain's head revision. Alembic records only the revision a database
 * is at (alembic_version), so a database at that head finds it in the new file and runs nothing; a new one
 * runs the new root once. The deleted files are not edits of a migration that ran: they are the history the
 * root replaces. (A database still behind the head cannot upgrade any more: the message says so.)
 */
import type { Reader } from './analyse.js'
import type { Migration } from './run.js'

export interface Squash {
  /** The new root migration. */
  root: string
  /** The revision it keeps: the head of the deleted chain. */
  revision: string
  /** The deleted migrations it replaces (every revision from the head down to the chain's root). */
  replaced: Set<string>
}

/** `revision = "abc"` (typed or not) at the top level of an Alembic migration. */
const REVISION = /^revision\s*(?::[^=\n]+)?=\s*["']([^"'\n]+)["']/m
/** `down_revision = None | "abc" | ("abc", "def")`: what it revises (none for a root). */
const DOWN_REVISION = /^down_revision\s*(?::[^=\n]+)?=\s*(None\b|["'][^"'\n]+["']|\([^)]*\))/m

interface Revision {
  path: string
  revision: string
  down: string[]
}

function revisionOf(path: string, text: string): Revision | undefined {
  const revision = REVISION.exec(text)?.[1]
  const down = DOWN_REVISION.exec(text)?.[1]
  if (revision === undefined || down === undefined) return undefined
  return { path, revision, down: down === 'None' ? [] : [...down.matchAll(/["']([^"'\n]+)["']/g)].map((m) => m[1]) }
}

const folder = (p: string): string => p.slice(0, p.lastIndexOf('/') + 1)

/**
 * The PR's Alembic squash, if it has one: a migration it adds with no down_revision whose revision is the head
 * of migrations it deletes from the same folder, every ancestor of which it deletes too. undefined otherwise, or
 * when a file cannot be read or its revision is not written literally.
 */
export async function alembicSquash(migrations: readonly Migration[], readHead: Reader, readBase: Reader): Promise<Squash | undefined> {
  const alembic = migrations.filter((m) => m.mig.layout === 'alembic')
  const added = alembic.filter((m) => m.file.status === 'added')
  const removed = alembic.filter((m) => m.file.status === 'removed')
  if (added.length === 0 || removed.length === 0) return undefined
  const gone = new Map<string, Revision>()
  for (const m of removed) {
    const text = await readBase(m.file.path)
    const r = text === undefined ? undefined : revisionOf(m.file.path, text)
    if (r) gone.set(r.revision, r)
  }
  for (const m of added) {
    const text = await readHead(m.file.path)
    const root = text === undefined ? undefined : revisionOf(m.file.path, text)
    if (!root || root.down.length > 0 || !gone.has(root.revision)) continue
    // the head of the deleted chain: no deleted migration revises it
    if ([...gone.values()].some((g) => g.down.includes(root.revision))) continue
    const replaced = new Set<string>()
    const todo = [root.revision]
    let whole = true
    while (todo.length > 0) {
      const rev = todo.pop() as string
      const g = gone.get(rev)
      if (!g || folder(g.path) !== folder(root.path)) {
        whole = false
        break
      }
      if (replaced.has(g.path)) continue
      replaced.add(g.path)
      todo.push(...g.down)
    }
    if (whole) return { root: root.path, revision: root.revision, replaced }
  }
  return undefined
}
