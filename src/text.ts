/** 1-based line and column of a character offset in a text (for every "file:line:column" message). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let last = -1
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++
      last = i
    }
  }
  return { line, column: offset - last }
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
