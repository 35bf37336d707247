/**
 * Where each line of a text starts (character offsets). Lines end at `\n` only, as everywhere in the gate (GitHub's
 * line numbers); JavaScript's other line terminators (U+2028, U+2029, a lone `\r`) are characters of a line.
 */
export function lineStarts(text: string): number[] {
  const starts = [0]
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  return starts
}

/** 1-based line and column of a character offset, given the text's lineStarts (a binary search: many lookups, one text). */
export function lineColumnIn(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((starts[mid] ?? 0) <= offset) lo = mid
    else hi = mid - 1
  }
  return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 }
}

/** 1-based line and column of a character offset in a text (for every "file:line:column" message). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  return lineColumnIn(lineStarts(text), offset)
}

/**
 * Orders two strings by UTF-16 code units (`"B" < "a"`), the order of `<`: for ties in sorted output. Unlike
 * `localeCompare`, it never builds ICU's collator, whose first use costs 15–25 ms on the Action's path.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** `n` with thousands separators and `word`, plural unless n is 1: "1 file", "3,000 files". */
export function countOf(n: number, word: string): string {
  return `${groupDigits(n)} ${word}${n === 1 ? '' : 's'}`
}

/**
 * A count with thousands separators, as `n.toLocaleString('en-US')` writes it ("3,000"), without ICU: the first
 * `toLocaleString` call of a process builds ICU's number formatter, ~30 ms on the Action's start-up path.
 * Fractions (rare: trend medians) still go through `toLocaleString`.
 */
export function groupDigits(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US')
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',')
}
