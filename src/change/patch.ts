/**
 * Unified-diff hunk parsing. GitHub's files API gives each file's hunks (from `@@`); `git diff` gives the
 * same after the file header. Everything that needs "which head lines changed" goes through here.
 */

export interface DiffLine {
  /** '+' added, '-' removed, ' ' context */
  type: '+' | '-' | ' '
  text: string
  /** Line number on the head side ('+' and ' '), undefined for '-'. */
  newLine?: number
  /** Line number on the base side ('-' and ' '), undefined for '+'. */
  oldLine?: number
}

export interface Hunk {
  oldStart: number
  oldLines: number
  newStart: number
  newLines: number
  /** Text after the second @@ (function context), if any. */
  section: string
  lines: DiffLine[]
}

export class PatchParseError extends Error {
  constructor(
    message: string,
    /** 1-based line of the patch text where parsing failed. */
    readonly patchLine: number,
  ) {
    super(message)
    this.name = 'PatchParseError'
  }
}

// `s`: the section (git's function-context line) may hold U+2028/U+2029 or a lone CR, which `.` does not match.
const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@ ?(.*)$/s

/**
 * Parses the hunks of one file's patch. Lines before the first hunk header (a `diff --git` header) are
 * skipped. `\ No newline at end of file` markers are ignored. A malformed hunk header throws
 * PatchParseError naming the line; a hunk shorter than its header says is accepted as far as it goes
 * (GitHub truncates very long patches).
 */
export function parsePatch(patch: string): Hunk[] {
  const hunks: Hunk[] = []
  const text = patch.replace(/\r\n/g, '\n')
  const rows = text.split('\n')
  if (rows.length > 0 && rows[rows.length - 1] === '') rows.pop()
  let current: Hunk | undefined
  let oldNo = 0
  let newNo = 0
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]
    if (row.startsWith('@@')) {
      const m = HUNK_HEADER.exec(row)
      if (!m) throw new PatchParseError(`malformed hunk header ${JSON.stringify(row.slice(0, 80))}`, i + 1)
      current = {
        oldStart: Number(m[1]),
        oldLines: m.at(2) === undefined ? 1 : Number(m.at(2)), // optional groups: undefined when absent
        newStart: Number(m[3]),
        newLines: m.at(4) === undefined ? 1 : Number(m.at(4)),
        section: m.at(5) ?? '',
        lines: [],
      }
      hunks.push(current)
      oldNo = current.oldStart
      newNo = current.newStart
      continue
    }
    if (!current) continue // file header lines (diff --git, index, ---, +++)
    if (row.startsWith('\\')) continue // "\ No newline at end of file"
    const type = row[0]
    const body = row.slice(1)
    if (type === '+') {
      current.lines.push({ type: '+', text: body, newLine: newNo++ })
    } else if (type === '-') {
      current.lines.push({ type: '-', text: body, oldLine: oldNo++ })
    } else if (type === ' ' || row === '') {
      // An empty row inside a hunk is a context line whose leading space was stripped by some tools.
      current.lines.push({ type: ' ', text: body, newLine: newNo++, oldLine: oldNo++ })
    } else {
      throw new PatchParseError(`unexpected line in hunk: ${JSON.stringify(row.slice(0, 80))}`, i + 1)
    }
  }
  return hunks
}

/** Head-side line numbers of added lines, with their text, in order. */
export function addedLines(patch: string): Array<{ line: number; text: string }> {
  const out: Array<{ line: number; text: string }> = []
  for (const h of parsePatch(patch)) {
    for (const l of h.lines) if (l.type === '+' && l.newLine !== undefined) out.push({ line: l.newLine, text: l.text })
  }
  return out
}

/** Base-side removed lines, with their text, in order. */
export function removedLines(patch: string): Array<{ line: number; text: string }> {
  const out: Array<{ line: number; text: string }> = []
  for (const h of parsePatch(patch)) {
    for (const l of h.lines) if (l.type === '-' && l.oldLine !== undefined) out.push({ line: l.oldLine, text: l.text })
  }
  return out
}

/** Groups sorted line numbers into inclusive ranges: [3,4,5,9] -> [[3,5],[9,9]]. */
export function toRanges(lines: number[]): Array<[number, number]> {
  const sorted = [...new Set(lines)].sort((a, b) => a - b)
  const ranges: Array<[number, number]> = []
  for (const n of sorted) {
    const last = ranges.at(-1)
    if (last && n === last[1] + 1) last[1] = n
    else ranges.push([n, n])
  }
  return ranges
}
