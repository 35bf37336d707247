/**
 * Escaping of untrusted text (file names, PR body, scanner messages, SQL identifiers) for GitHub Markdown:
 * no HTML injection, no Markdown structure (links, tables, code breakouts), no @mentions or #references
 * that would notify people or cross-link issues, no invisible characters that change what a reader sees.
 */
const ZWSP = '&#8203;'

/**
 * Characters that must never reach a reader as they are: C0 and C1 control characters (ESC starts a
 * terminal escape sequence), the Unicode bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E,
 * U+200F, U+061C: a file name that reads differently from what it is) and the line/paragraph separators.
 * Tab and newline are left to each caller (a terminal keeps them, Markdown turns a newline into a space).
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

/** `\u202E` for U+202E: the visible escape a reader sees instead of the character itself. */
function visibleEscape(c: string): string {
  return '\\u' + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')
}

/**
 * Untrusted text for a terminal or any plain-text surface (the CLI's output, logs): every control and
 * bidi character above becomes its visible `\uXXXX` escape; newlines and tabs are kept.
 */
export function visibleControls(input: string): string {
  return input.replace(INVISIBLE, visibleEscape)
}

/**
 * References GitHub turns into cross-references (a "mentioned this" event on the other issue or pull
 * request, even in another repository) when the bot posts them: an issue, pull request or discussion
 * URL (any host: GitHub Enterprise too; with or without a scheme, `www.` is autolinked as well), and
 * `owner/repo#N`. They are wrapped in a code span: GitHub links neither URLs nor references inside code
 * (the text of a code span is literal), and the reader sees exactly the characters that were written.
 * Not chosen: a zero-width character inside the reference (invisible: what is read is not what is
 * there), nor `&#47;` entities (GitHub's reference and autolink filters run on the rendered text, where
 * the entity is a slash again). The characters that would end or break a code span (backtick, pipe,
 * backslash, angle brackets, controls) end the match, so they are escaped as ordinary text.
 */
const REF_CHAR = '[^\\s<>`|\\\\' + INVISIBLE.source.slice(1)
const CROSS_REFERENCE = new RegExp(
  `(?:https?:\\/\\/|(?<![\\w.-])www\\.)${REF_CHAR}+|(?<![\\w./-])[A-Za-z0-9][A-Za-z0-9-]*\\/[\\w.-]+#\\d+(?!\\w)`,
  'gi',
)
const ISSUE_PATH = /\/[^/]+\/[^/]+\/(?:issues|pull|pulls|discussions)\/\d+/i

/** Escapes one line of plain text for inline use (paragraphs and table cells). */
export function escapeText(input: string, max = 2000): string {
  let s = input.length > max ? input.slice(0, max) + '…' : input
  s = s.replace(/\r?\n|\r/g, ' ')
  let out = ''
  let last = 0
  for (const m of s.matchAll(CROSS_REFERENCE)) {
    // Trailing punctuation is the sentence's, not the URL's (GitHub's autolink leaves it out too).
    const ref = m[0].replace(/[).,;:!?'"*_~\]]+$/, '')
    if (/^(?:https?:|www\.)/i.test(ref) && !ISSUE_PATH.test(ref)) continue // an ordinary URL: escaped as text below
    out += escapePlain(s.slice(last, m.index)) + '`' + ref + '`'
    last = m.index + ref.length
  }
  return out + escapePlain(s.slice(last))
}

function escapePlain(input: string): string {
  let s = input.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  s = s.replace(/[\\`*_[\]()|~!{}]/g, (c) => '\\' + c)
  // One pass for both, so the entity inserted for one is never rewritten by the other.
  s = s.replace(/[@#](?=[A-Za-z0-9_-])/g, (c, offset: number, all: string) => (c === '#' && !/\d/.test(all[offset + 1]) ? c : c + ZWSP))
  // Last, so the backslash of the visible escape is not itself escaped (`\u` is literal in Markdown).
  return visibleControls(s)
}

/**
 * Rule-authored text that may carry `code` spans around interpolated, untrusted values: every segment is
 * escaped; code segments become <code> elements (no backtick can break out of them).
 */
export function renderRich(input: string, max = 4000): string {
  const text = input.length > max ? input.slice(0, max) + '…' : input
  return text
    .split('`')
    .map((seg, i) => (i % 2 === 1 ? `<code>${escapeText(seg, max)}</code>` : escapeText(seg, max)))
    .join('')
}

/** Encodes a repository path for a URL (each segment). */
export function encodePath(path: string): string {
  // encodeURIComponent throws URIError on a lone surrogate (possible in a path or ref from JSON): use U+FFFD.
  return wellFormed(path).split('/').map(encodeURIComponent).join('/')
}

/** The string with every unpaired UTF-16 surrogate replaced by U+FFFD (String#toWellFormed, ES2024). */
export function wellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
}

/** Quotes multi-line untrusted text (e.g. a PR-body opt-out) as a Markdown blockquote, escaped. */
export function quoteBlock(text: string, maxLines = 10): string {
  const lines = text.split(/\r?\n/).slice(0, maxLines)
  return lines.map((l) => '> ' + escapeText(l, 500)).join('\n')
}

/**
 * A URL from untrusted input (a SARIF rule's helpUri) that may be a Markdown link target: http(s) only,
 * without characters that could end the link or start markup (spaces, quotes, angle brackets, parentheses,
 * backticks, backslashes, controls), and not an issue / pull request / discussion URL (GitHub would turn the
 * bot's link into a cross-reference event on it). Anything else: undefined (the text is shown unlinked).
 */
export function safeLink(url: string): string | undefined {
  if (url.length > 2000 || !/^https?:\/\/[^\s"'<>()`\\|[\]{}]+$/i.test(url)) return undefined
  if (new RegExp(INVISIBLE.source).test(url)) return undefined
  if (ISSUE_PATH.test(url)) return undefined
  return url
}
