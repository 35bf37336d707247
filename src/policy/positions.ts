/**
 * Source positions for a YAML document: maps each value's path ("rules.pr-size.fail_lines") to the
 * line/column of its key and of its value, from js-yaml's event stream. Used to put file:line:column on
 * every policy error.
 */
import { lineColumn } from '../text.js'
import { parseEvents, getScalarValue, EVENT_ID } from 'js-yaml'

export interface Pos {
  line: number
  column: number
}
export interface PathPos {
  key?: Pos
  value: Pos
}

export { lineColumn }

type Frame =
  | { kind: 'map'; path: string[]; pendingKey?: { name: string; pos: number }; expectKey: boolean }
  | { kind: 'seq'; path: string[]; index: number }

/** Builds the path → position map. Never throws: on a parse error it returns what it has. */
export function positionsOf(source: string): Map<string, PathPos> {
  const out = new Map<string, PathPos>()
  let events: ReturnType<typeof parseEvents>
  try {
    events = parseEvents(source, {})
  } catch {
    return out
  }
  const stack: Frame[] = []
  const put = (path: string[], valuePos: number, keyPos?: number) => {
    const k = path.join('.')
    if (!out.has(k)) out.set(k, { value: lineColumn(source, valuePos), key: keyPos === undefined ? undefined : lineColumn(source, keyPos) })
  }
  // Resolve where the next value goes; returns its path and the key position, advancing the parent.
  const place = (): { path: string[]; keyPos?: number } | undefined => {
    const top = stack.at(-1)
    if (!top) return { path: [] }
    if (top.kind === 'seq') return { path: [...top.path, String(top.index++)] }
    if (top.pendingKey) {
      const key = top.pendingKey
      top.pendingKey = undefined
      top.expectKey = true
      return { path: [...top.path, key.name], keyPos: key.pos }
    }
    return undefined
  }
  for (const ev of events) {
    if (ev.type === EVENT_ID.SCALAR) {
      const top = stack.at(-1)
      if (top && top.kind === 'map' && top.expectKey) {
        top.pendingKey = { name: getScalarValue(source, ev), pos: Math.max(0, ev.valueStart) }
        top.expectKey = false
        continue
      }
      const p = place()
      if (p) put(p.path, Math.max(0, ev.valueStart), p.keyPos)
    } else if (ev.type === EVENT_ID.MAPPING || ev.type === EVENT_ID.SEQUENCE) {
      const top = stack.at(-1)
      if (top && top.kind === 'map' && top.expectKey) {
        // complex key: skip its content
        top.expectKey = false
        top.pendingKey = { name: '?', pos: Math.max(0, ev.start) }
      }
      const p = place() ?? { path: ['?'] }
      put(p.path, Math.max(0, ev.start), p.keyPos)
      stack.push(ev.type === EVENT_ID.MAPPING ? { kind: 'map', path: p.path, expectKey: true } : { kind: 'seq', path: p.path, index: 0 })
    } else if (ev.type === EVENT_ID.ALIAS) {
      const top = stack.at(-1)
      if (top && top.kind === 'map' && top.expectKey) {
        top.pendingKey = { name: '*', pos: ev.anchorStart }
        top.expectKey = false
        continue
      }
      const p = place()
      if (p) put(p.path, Math.max(0, ev.anchorStart), p.keyPos)
    } else if (ev.type === EVENT_ID.POP) {
      stack.pop()
    }
  }
  return out
}
