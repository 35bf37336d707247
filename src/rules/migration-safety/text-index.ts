/**
 * Offsets to lines. libpg-query reports statement locations and scan tokens in UTF-8 BYTES and syntax
 * errors in CHARACTERS (code points); tree-sitter reports rows. Everything the rule shows is a 1-based line (and column).
 */
export class TextIndex {
  readonly bytes: Buffer
  readonly ascii: boolean
  /** Byte offset where each line starts. */
  private readonly lineStarts: number[]
  /** Index into lineStarts of the last answer: statements are looked up in file order. */
  private hint = 0

  constructor(readonly text: string) {
    this.bytes = Buffer.from(text, 'utf8')
    this.ascii = this.bytes.length === text.length
    const starts = [0]
    const b = this.bytes
    for (let i = 0; i < b.length; i++) if (b[i] === 10) starts.push(i + 1)
    this.lineStarts = starts
  }

  /** 1-based line of a byte offset. */
  lineOfByte(offset: number): number {
    const s = this.lineStarts
    const h = this.hint
    if (s[h] <= offset) {
      // the same line as last time, or the next one
      if (h + 1 >= s.length || offset < s[h + 1]) return h + 1
      if (h + 2 >= s.length || offset < s[h + 2]) return (this.hint = h + 1) + 1
    }
    let lo = 0
    let hi = s.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (s[mid] <= offset) lo = mid
      else hi = mid - 1
    }
    this.hint = lo
    return lo + 1
  }

  /** 1-based column (in characters) of a byte offset. */
  columnOfByte(offset: number): number {
    const line = this.lineOfByte(offset)
    const start = this.lineStarts[line - 1]
    if (this.ascii) return offset - start + 1
    return this.bytes.subarray(start, offset).toString('utf8').length + 1
  }

  /** Byte offset of a character offset. */
  charToByte(charOffset: number): number {
    if (this.ascii) return charOffset
    return Buffer.byteLength(this.text.slice(0, charOffset), 'utf8')
  }

  /**
   * The byte offset `count` characters after byte `from`, counting characters as PostgreSQL does (code
   * points: an emoji is one, where a JS string counts two): the parser's error cursor is in those.
   */
  advanceCodePoints(from: number, count: number): number {
    if (this.ascii) return Math.min(from + count, this.bytes.length)
    const b = this.bytes
    let i = from
    for (let n = 0; n < count && i < b.length; n++) {
      i++
      while (i < b.length && (b[i] & 0xc0) === 0x80) i++
    }
    return i
  }

  slice(startByte: number, endByte: number): string {
    if (this.ascii) return this.text.slice(startByte, endByte)
    return this.bytes.subarray(startByte, endByte).toString('utf8')
  }
}

/**
 * Skips whitespace and SQL comments (`--` to the end of the line, nested slash-star) from `pos`, before
 * `end`. With `comments`, pushes the [start, end) byte span of each comment skipped.
 */
export function skipSqlTrivia(b: Uint8Array, pos: number, end: number, comments?: Array<[number, number]>): number {
  let i = pos
  while (i < end) {
    const c = b[i]
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11) {
      i++
    } else if (c === 45 && b[i + 1] === 45) {
      const s = i
      while (i < end && b[i] !== 10 && b[i] !== 13) i++
      comments?.push([s, i])
    } else if (c === 47 && b[i + 1] === 42) {
      const s = i
      let depth = 1
      i += 2
      while (i < end && depth > 0) {
        if (b[i] === 47 && b[i + 1] === 42) {
          depth++
          i += 2
        } else if (b[i] === 42 && b[i + 1] === 47) {
          depth--
          i += 2
        } else i++
      }
      comments?.push([s, i])
    } else break
  }
  return i
}

/** Trims trailing whitespace and a trailing semicolon from [start, end). */
export function trimSqlEnd(b: Buffer, start: number, end: number): number {
  let e = end
  while (e > start && (b[e - 1] === 32 || b[e - 1] === 9 || b[e - 1] === 10 || b[e - 1] === 13 || b[e - 1] === 59)) e--
  return e
}

/** First line of a statement, shortened for a table cell. */
export function shortStatement(s: string, max = 90): string {
  const nl = s.indexOf('\n')
  const line = (nl < 0 ? s : s.slice(0, nl)).trim()
  const first = /\s\s|[\t\r\f\v]/.test(line) ? line.replace(/\s+/g, ' ') : line
  const more = nl >= 0 || first.length > max
  return first.length > max ? first.slice(0, max - 1) + '…' : more ? first + ' …' : first
}
