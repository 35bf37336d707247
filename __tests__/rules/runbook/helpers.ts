import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
export const OPS = join(here, '..', '..', 'fixtures', 'ops')

export function fixture(rel: string): string {
  return readFileSync(join(OPS, rel), 'utf8')
}

/**
 * A unified-diff patch from base to head for files where head = base with lines inserted (a common prefix
 * and suffix): one hunk, enough for rule tests.
 */
export function diffPatch(base: string, head: string): string {
  const b = base.replace(/\n$/, '').split('\n')
  const h = head.replace(/\n$/, '').split('\n')
  let pre = 0
  while (pre < b.length && pre < h.length && b[pre] === h[pre]) pre++
  let suf = 0
  while (suf < b.length - pre && suf < h.length - pre && b[b.length - 1 - suf] === h[h.length - 1 - suf]) suf++
  const removed = b.slice(pre, b.length - suf)
  const added = h.slice(pre, h.length - suf)
  const ctxStart = Math.max(0, pre - 3)
  const before = b.slice(ctxStart, pre)
  const after = b.slice(b.length - suf, Math.min(b.length, b.length - suf + 3))
  const oldLen = before.length + removed.length + after.length
  const newLen = before.length + added.length + after.length
  const lines = [...before.map((l) => ' ' + l), ...removed.map((l) => '-' + l), ...added.map((l) => '+' + l), ...after.map((l) => ' ' + l)]
  return `@@ -${ctxStart + 1},${oldLen} +${ctxStart + 1},${newLen} @@\n${lines.join('\n')}`
}
