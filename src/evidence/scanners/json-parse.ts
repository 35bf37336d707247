/**
 * JSON.parse with a position that people can find: V8's messages carry "at position N" only for some errors
 * (not for `Unexpected token 'x', "..." is not valid JSON`), so on failure a small validating scanner finds
 * the first offending offset and it is turned into line and column.
 */
import { ReportError } from './model.js'
import { lineColumn } from '../../text.js'

export function parseJsonReport(path: string, text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (body.trim() === '') throw new ReportError(path, `${path} is empty (0 bytes of JSON): the scanner step wrote no report`)
  try {
    return JSON.parse(body)
  } catch (e) {
    const { offset, reason } = findJsonError(body)
    const { line, column } = lineColumn(body, offset)
    const detail = reason ?? (e instanceof Error ? e.message : String(e))
    throw new ReportError(path, `${path} is not valid JSON: ${detail} at line ${line}, column ${column} (offset ${offset})`, line, column)
  }
}

export { lineColumn }

class Stop {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {}
}

/** Offset and reason of the first JSON syntax error (offset = text.length for a truncated document). */
export function findJsonError(text: string): { offset: number; reason?: string } {
  let i = 0
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++
  }
  const fail = (reason: string): never => {
    throw new Stop(i, i >= text.length ? 'unexpected end of input' : reason)
  }
  const show = () => (i < text.length ? JSON.stringify(text[i]) : 'end of input')
  const str = () => {
    i++ // opening quote
    while (i < text.length) {
      const c = text[i]
      if (c === '"') {
        i++
        return
      }
      if (c === '\\') {
        const n = text[i + 1]
        if (n === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('bad \\u escape in string')
          i += 6
        } else if (n !== undefined && '"\\/bfnrt'.includes(n)) i += 2
        else {
          i++
          fail(`bad escape ${show()} in string`)
        }
        continue
      }
      if (c.charCodeAt(0) < 0x20) fail('control character in string (unescaped newline?)')
      i++
    }
    fail('unterminated string')
  }
  const num = () => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400))
    if (!m || m[0] === '-' || m[0] === '') fail(`unexpected ${show()}`)
    i += m![0].length
  }
  const value = (): void => {
    ws()
    const c = text[i]
    if (c === '{') {
      i++
      ws()
      if (text[i] === '}') {
        i++
        return
      }
      for (;;) {
        ws()
        if (text[i] !== '"') fail(`expected a property name in double quotes, got ${show()}`)
        str()
        ws()
        if (text[i] !== ':') fail(`expected ':' after property name, got ${show()}`)
        i++
        value()
        ws()
        if (text[i] === ',') {
          i++
          continue
        }
        if (text[i] === '}') {
          i++
          return
        }
        fail(`expected ',' or '}' after property value, got ${show()}`)
      }
    }
    if (c === '[') {
      i++
      ws()
      if (text[i] === ']') {
        i++
        return
      }
      for (;;) {
        value()
        ws()
        if (text[i] === ',') {
          i++
          continue
        }
        if (text[i] === ']') {
          i++
          return
        }
        fail(`expected ',' or ']' after array element, got ${show()}`)
      }
    }
    if (c === '"') {
      str()
      return
    }
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      num()
      return
    }
    for (const lit of ['true', 'false', 'null']) {
      if (text.startsWith(lit, i)) {
        i += lit.length
        return
      }
    }
    fail(`unexpected ${show()}`)
  }
  try {
    value()
    ws()
    if (i < text.length) fail(`unexpected ${show()} after the end of the JSON value`)
  } catch (e) {
    if (e instanceof Stop) return { offset: e.offset, reason: e.reason }
    // The scanner is recursive: ~10,000 unclosed `[` overflow the stack. Name where it gave up.
    if (e instanceof RangeError) return { offset: i, reason: 'arrays/objects nested too deeply' }
    throw e
  }
  return { offset: text.length }
}
