/** A path under the nearest `node_modules` holding it, walking up from `from` (these helpers also run
 * compiled, from bench/.build/); the working directory's when none does. */
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'

export function findUp(from: string, rel: string): string {
  let dir = from
  for (;;) {
    if (existsSync(join(dir, rel))) return join(dir, rel)
    const up = dirname(dir)
    if (up === dir) return join(process.cwd(), rel)
    dir = up
  }
}
