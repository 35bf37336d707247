/**
 * Escaping of untrusted text (file names, PR body, scanner messages, SQL identifiers) for GitHub Markdown:
 * no HTML injection, no Markdown structure (links, tables, code breakouts), no @mentions or #references
 * that would notify people or cross-link issues.
 */
const ZWSP = '&#8203;'

/** Escapes one line of plain text for inline use (paragraphs and table cells). */
export function escapeText(input: string, max = 2000): string {
  let s = input.length > max ? input.slice(0, max) + '…' : input
  s = s.replace(/\r?\n|\r/g, ' ')
  s = s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  s = s.replace(/[\\`*_[\]()|~!{}]/g, (c) => '\\' + c)
  // One pass for both, so the entity inserted for one is never rewritten by the other.
  s = s.replace(/[@#](?=[A-Za-z0-9_-])/g, (c, offset: number, all: string) => (c === '#' && !/\d/.test(all[offset + 1]) ? c : c + ZWSP))
  return s
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
