/**
 * Finds credentials in the lines a change ADDS, with secretlint's recommended rule set (no detector is
 * written here). Each changed file's added lines are laid out at their head line numbers (the other lines
 * empty), so a finding's line is the head line, and a multi-line secret added in one piece (a private key
 * block) is still seen whole. Binary files, lock files and removed files are skipped.
 *
 * Returned findings carry the raw secret ONLY in `secret`, for the caller to fingerprint, allowlist and
 * scrub with; nothing here formats it.
 */
import { lintSource } from '@secretlint/core'
import { secretLintProfiler } from '@secretlint/profiler'
import { creator as recommended } from '@secretlint/secretlint-rule-preset-recommend'
import type { SecretLintCoreConfig, SecretLintCoreIgnoreMessage, SecretLintCoreResultMessage } from '@secretlint/types'
import type { ChangedFile } from '../../types.js'
import { parsePatch, PatchParseError } from '../../change/patch.js'
import { lineColumnIn, lineStarts } from '../../text.js'

/**
 * The recommended preset, less its comment filter: `secretlint-disable` comments in the PR would silence a
 * finding without a reason and without a reviewer seeing it. `pr-gate: allow-secret <reason>` replaces them.
 */
const CONFIG: SecretLintCoreConfig = {
  rules: [
    {
      id: '@secretlint/secretlint-rule-preset-recommend',
      rule: recommended,
      rules: [{ id: '@secretlint/secretlint-rule-filter-comments', disabled: true }],
    },
  ],
}

/**
 * secretlint's profiler (one instance per process, shared by every `lintSource` call) puts a mark on Node's
 * global performance timeline at the start and end of every rule and of every lint, and its observer keeps
 * each mark in an array that it searches on every new mark and never empties. Each scan therefore costs more
 * than the one before and the marks are never freed: quadratic time and unbounded memory in a long-lived
 * process (the App serving PRs for days; 10,000 fuzz cases did not finish in 13 minutes). The gate never
 * reads the profile, so marking is turned off here, once, before any scan. __tests__/rules/secrets checks
 * that scans leave no mark behind (it would catch a second, unpatched copy of the profiler).
 */
secretLintProfiler.mark = () => {}

/** Longest text scanned per file (a 5 MB generated blob is not where keys are pasted by hand). */
export const MAX_SCAN_BYTES = 2 * 1024 * 1024

export interface SecretHit {
  path: string
  line: number
  endLine: number
  column: number
  /** secretlint's rule, e.g. `@secretlint/secretlint-rule-aws`. */
  ruleId: string
  /** The kind within the rule, e.g. `AWSSecretAccessKey`. */
  messageId: string
  docsUrl?: string
  /** THE SECRET. Never rendered: fingerprint it, allowlist with it, scrub with it. */
  secret: string
}

/** The text of one file to scan: added lines at their head line numbers; `known` = every head line the diff shows. */
export interface AddedText {
  path: string
  /** Added lines by head line number. */
  added: Map<number, string>
  /** Added and context lines by head line number (inline allow comments may sit on a context line). */
  known: Map<number, string>
}

/** Why a file is not scanned, or undefined when it is. */
export function skipReason(f: ChangedFile): 'removed' | 'binary' | 'lockfile' | undefined {
  if (f.status === 'removed') return 'removed'
  if (f.binary) return 'binary'
  if (f.excluded === 'lockfile') return 'lockfile'
  return undefined
}

/** The added lines of a patch (throws PatchParseError on a malformed one). */
export function addedTextOf(path: string, patch: string): AddedText {
  const added = new Map<number, string>()
  const known = new Map<number, string>()
  for (const h of parsePatch(patch)) {
    for (const l of h.lines) {
      if (l.newLine === undefined) continue
      known.set(l.newLine, l.text)
      if (l.type === '+') added.set(l.newLine, l.text)
    }
  }
  return { path, added, known }
}

/**
 * Added lines of a file the diff does not inline (too large): every line of an added file; otherwise the
 * head lines whose text does not occur on the base side as often (a multiset difference).
 */
export function addedTextFromContents(path: string, head: string, base: string | undefined): AddedText {
  const headLines = head.split(/\r?\n/)
  const added = new Map<number, string>()
  const known = new Map<number, string>()
  const baseCount = new Map<string, number>()
  if (base !== undefined) for (const l of base.split(/\r?\n/)) baseCount.set(l, (baseCount.get(l) ?? 0) + 1)
  headLines.forEach((text, i) => {
    known.set(i + 1, text)
    const n = baseCount.get(text) ?? 0
    if (n > 0) baseCount.set(text, n - 1)
    else added.set(i + 1, text)
  })
  return { path, added, known }
}

/** Looks binary: a NUL byte in the first 8 KiB (git's own test). */
export function looksBinary(text: string): boolean {
  return text.slice(0, 8192).includes('\u0000')
}

function layout(t: AddedText): string {
  let max = 0
  for (const n of t.added.keys()) if (n > max) max = n
  const rows = new Array<string>(max).fill('')
  for (const [n, text] of t.added) rows[n - 1] = text
  return rows.join('\n')
}

function extOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1)
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(dot) : ''
}

/**
 * The secret a message is about: secretlint reports it in its message data (KEY, TOKEN, URL, URI, …); the
 * longest string value is the credential itself. Without data, the text of the reported range.
 */
function secretOf(data: unknown, content: string, range: readonly [number, number]): string {
  let best = ''
  if (typeof data === 'object' && data !== null) {
    for (const v of Object.values(data as Record<string, unknown>)) if (typeof v === 'string' && v.length > best.length) best = v
  }
  return best || content.slice(range[0], range[1])
}

/** Files some detector reads by name or parses whole (GCP service-account JSON, .npmrc, package.json): scanned one by one. */
function scannedAlone(path: string): boolean {
  return /\.json$/i.test(path) || /(?:^|\/)\.npmrc$/.test(path)
}

/**
 * A line between two files of a batch: its characters (`-` and `!`) are outside every multi-line pattern's
 * body (a PEM key body is base64 and whitespace), so no match runs from one file into the next.
 */
const BOUNDARY = '!-- pr-gate file boundary --!'
/** Largest batch of files scanned in one secretlint call. */
const BATCH_BYTES = 4 * 1024 * 1024

/**
 * secretlint's result types its messages as `message` only, but its rule context also builds `ignore`
 * messages (RuleContext.js); typed as both, so the `type` check on each message stays a real check.
 */
async function lint(content: string, filePath: string, ext: string): Promise<{ messages: readonly LintMessage[] }> {
  return lintSource({
    source: { content, filePath, ext, contentType: 'text' },
    // Unmasked, because the fingerprint is taken from the data; the message text (which then holds the
    // secret) is dropped right here and never read.
    options: { config: CONFIG, maskSecrets: false, noPhysicFilePath: true },
  })
}

/**
 * Scans the added lines of many files. secretlint's cost is mostly per call (every rule set up and run over
 * the text), so ordinary files are laid out one after another, separated by a boundary line, and scanned in
 * a few calls; each finding is mapped back to its file and head line. Files some detector reads by name
 * are scanned alone, with their real name and extension.
 */
export async function scanAll(texts: readonly AddedText[]): Promise<SecretHit[]> {
  const hits: SecretHit[] = []
  const batch: Array<{ t: AddedText; first: number; lines: number }> = []
  let parts: string[] = []
  let bytes = 0
  let line = 1
  const flush = async () => {
    if (!batch.length) return
    const content = parts.join('\n')
    const result = await lint(content, 'added-lines.txt', '.txt')
    const lines = lineStarts(content)
    for (const m of result.messages) {
      if (m.type !== 'message') continue
      const { start, end } = linesOf(lines, m.range)
      const at = batch.find((b) => start >= b.first && start < b.first + b.lines)
      if (!at) continue // on a boundary line: not any file's text
      hits.push(hitOf(m, at.t.path, start - at.first + 1, Math.min(end, at.first + at.lines - 1) - at.first + 1, content, lines))
    }
    batch.length = 0
    parts = []
    bytes = 0
    line = 1
  }
  for (const t of texts) {
    if (!t.added.size) continue
    const content = layout(t)
    if (!content.trim() || content.length > MAX_SCAN_BYTES) continue
    if (scannedAlone(t.path)) {
      const result = await lint(content, t.path, extOf(t.path))
      const lines = lineStarts(content)
      for (const m of result.messages) {
        if (m.type !== 'message') continue
        const { start, end } = linesOf(lines, m.range)
        hits.push(hitOf(m, t.path, start, end, content, lines))
      }
      continue
    }
    if (bytes + content.length > BATCH_BYTES) await flush()
    const lines = content.split('\n').length
    batch.push({ t, first: line, lines })
    parts.push(content, BOUNDARY)
    line += lines + 1
    bytes += content.length + BOUNDARY.length + 2
  }
  await flush()
  return hits
}

type Message = SecretLintCoreResultMessage
type LintMessage = SecretLintCoreResultMessage | SecretLintCoreIgnoreMessage

/**
 * First and last line of a message's range (its end offset is exclusive), counted from the characters: secretlint's
 * own `loc` also breaks lines at U+2028, U+2029 and a lone `\r` (JavaScript's line terminators), so on a line
 * holding one of them its line numbers ran ahead of the file's: a hit was put on the wrong line (another line's
 * allow comment applied to it) or, past the batch's last file, dropped as if on a boundary.
 */
function linesOf(starts: readonly number[], range: readonly [number, number]): { start: number; end: number } {
  const start = lineColumnIn(starts, range[0]).line
  return { start, end: Math.max(start, lineColumnIn(starts, Math.max(range[0], range[1] - 1)).line) }
}

function hitOf(m: Message, path: string, line: number, endLine: number, content: string, starts: readonly number[]): SecretHit {
  return {
    path,
    line,
    endLine: Math.max(endLine, line),
    column: lineColumnIn(starts, m.range[0]).column,
    ruleId: m.ruleId,
    messageId: m.messageId,
    docsUrl: m.docsUrl,
    secret: secretOf(m.data, content, m.range),
  }
}

/** Scans one file's added lines. */
export async function scanAdded(t: AddedText): Promise<SecretHit[]> {
  return scanAll([t])
}

export { PatchParseError }
