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
  const scanner = new JsonScanner(text)
  try {
    scanner.document()
  } catch (e) {
    if (e instanceof Stop) return { offset: e.offset, reason: e.reason }
    // The scanner is recursive: ~10,000 unclosed `[` overflow the stack. Name where it gave up.
    if (e instanceof RangeError) return { offset: scanner.i, reason: 'arrays/objects nested too deeply' }
    throw e
  }
  return { offset: text.length }
}

/** A validating JSON scanner: walks the text and throws a Stop at the first syntax error. */
class JsonScanner {
  i = 0

  constructor(private readonly text: string) {}

  /** One value and nothing after it but whitespace. */
  document(): void {
    this.value()
    this.ws()
    if (this.i < this.text.length) this.fail(`unexpected ${this.show()} after the end of the JSON value`)
  }

  private ws(): void {
    while (this.i < this.text.length && ' \t\n\r'.includes(this.text[this.i])) this.i++
  }

  private fail(reason: string): never {
    throw new Stop(this.i, this.i >= this.text.length ? 'unexpected end of input' : reason)
  }

  private show(): string {
    return this.i < this.text.length ? JSON.stringify(this.text[this.i]) : 'end of input'
  }

  private str(): void {
    const text = this.text
    this.i++ // opening quote
    while (this.i < text.length) {
      const c = text[this.i]
      if (c === '"') {
        this.i++
        return
      }
      if (c === '\\') {
        const n = text.at(this.i + 1) // none when the text ends after the backslash
        if (n === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(this.i + 2, this.i + 6))) this.fail('bad \\u escape in string')
          this.i += 6
        } else if (n !== undefined && '"\\/bfnrt'.includes(n)) this.i += 2
        else {
          this.i++
          this.fail(`bad escape ${this.show()} in string`)
        }
        continue
      }
      if (c.charCodeAt(0) < 0x20) this.fail('control character in string (unescaped newline?)')
      this.i++
    }
    this.fail('unterminated string')
  }

  private num(): void {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.i, this.i + 400))
    if (!m || m[0] === '-' || m[0] === '') this.fail(`unexpected ${this.show()}`)
    this.i += m[0].length
  }

  /**
   * One value. Objects and arrays are scanned here rather than in methods of their own: one stack frame per
   * nesting level keeps the depth at which the scanner gives up ("nested too deeply") where it was.
   */
  private value(): void {
    const text = this.text
    this.ws()
    const c = text.at(this.i) // none at the end of the text
    if (c === '{') {
      this.i++
      this.ws()
      if (text[this.i] === '}') {
        this.i++
        return
      }
      for (;;) {
        this.ws()
        if (text[this.i] !== '"') this.fail(`expected a property name in double quotes, got ${this.show()}`)
        this.str()
        this.ws()
        if (text[this.i] !== ':') this.fail(`expected ':' after property name, got ${this.show()}`)
        this.i++
        this.value()
        this.ws()
        if (text[this.i] === ',') {
          this.i++
          continue
        }
        if (text[this.i] === '}') {
          this.i++
          return
        }
        this.fail(`expected ',' or '}' after property value, got ${this.show()}`)
      }
    }
    if (c === '[') {
      this.i++
      this.ws()
      if (text[this.i] === ']') {
        this.i++
        return
      }
      for (;;) {
        this.value()
        this.ws()
        if (text[this.i] === ',') {
          this.i++
          continue
        }
        if (text[this.i] === ']') {
          this.i++
          return
        }
        this.fail(`expected ',' or ']' after array element, got ${this.show()}`)
      }
    }
    if (c === '"') {
      this.str()
      return
    }
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      this.num()
      return
    }
    for (const lit of ['true', 'false', 'null']) {
      if (text.startsWith(lit, this.i)) {
        this.i += lit.length
        return
      }
    }
    this.fail(`unexpected ${this.show()}`)
  }
}
