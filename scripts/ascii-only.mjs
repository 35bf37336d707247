/**
 * Rewrites a bundle chunk so its text is ASCII: every other character becomes a `\uXXXX` escape (a surrogate
 * pair for one beyond U+FFFF), which means the same thing in a string, an untagged template, an identifier and a
 * regular expression (with or without the `u` flag), and nothing in a comment.
 *
 * Why (issue 15, start-up): V8 keeps a source holding any character beyond U+00FF as a two-byte string, twice
 * the bytes to decode and scan on every start; a few em dashes in the gate's messages made the whole 1.3 MB
 * chunk around them two-byte. esbuild's `charset: 'ascii'` does the same for code it bundles, but ncc has no
 * such option.
 *
 * The one place an escape would change behaviour is the raw text of a tagged template (`String.raw`, a tag that
 * reads `.raw`): those spans, found with acorn's parse tree, are left as they are.
 */
import { parse } from 'acorn'

const NON_ASCII = /[^\x00-\x7f]/g
const OPTIONS = { ecmaVersion: 'latest', sourceType: 'module', allowHashBang: true }

/** Every node of a tree, depth first. */
function* nodes(root) {
  const stack = [root]
  while (stack.length) {
    const node = stack.pop()
    yield node
    for (const v of Object.values(node)) {
      if (Array.isArray(v)) {
        for (const c of v) if (c && typeof c.type === 'string') stack.push(c)
      } else if (v && typeof v === 'object' && typeof v.type === 'string') stack.push(v)
    }
  }
}

/** What the escapes must not change: identifier names, string values, template values (cooked), regex flags. */
function meaning(tree) {
  const out = []
  for (const n of nodes(tree)) {
    if (n.type === 'Identifier' || n.type === 'PrivateIdentifier') out.push(n.name)
    else if (n.type === 'Literal' && typeof n.value === 'string') out.push(n.value)
    else if (n.type === 'Literal' && n.regex) out.push(n.regex.flags)
    else if (n.type === 'TemplateElement') out.push(n.value.cooked)
  }
  return out
}

/** One UTF-16 unit as `\uXXXX` (an astral character is two of them: a pair, which strings and regexes read as one). */
const escape = (unit) => '\\u' + unit.charCodeAt(0).toString(16).padStart(4, '0')

/**
 * The code with every non-ASCII character escaped, outside the raw text of tagged templates. Throws when the result
 * does not parse or any identifier, string or template value differs from the input's (the build then fails
 * rather than ship a changed bundle).
 */
export function asciiOnly(code, file = 'code') {
  if (!/[^\x00-\x7f]/.test(code)) return code
  const tree = parse(code, OPTIONS)
  // Spans handled apart: a tagged template's text (kept) and an identifier (escaped by code point, `\u{1D4B3}`:
  // a surrogate pair of escapes is not an identifier).
  const spans = []
  for (const n of nodes(tree)) {
    const kind =
      n.type === 'TaggedTemplateExpression' ? 'keep' : n.type === 'Identifier' || n.type === 'PrivateIdentifier' ? 'name' : undefined
    const [start, end] = kind === 'keep' ? [n.quasi.start, n.quasi.end] : [n.start, n.end]
    if (kind && /[^\x00-\x7f]/.test(code.slice(start, end))) spans.push({ kind, start, end })
  }
  spans.sort((a, b) => a.start - b.start)
  let out = ''
  let at = 0
  for (const { kind, start, end } of [...spans, { kind: 'keep', start: code.length, end: code.length }]) {
    if (start < at) continue // inside a kept template already copied
    const text = code.slice(start, end)
    out += code.slice(at, start).replace(NON_ASCII, escape)
    out += kind === 'keep' ? text : text.replace(/[^\x00-\x7f]/gu, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`)
    at = end
  }
  const before = meaning(tree)
  const after = meaning(parse(out, OPTIONS))
  const i = before.findIndex((v, k) => v !== after[k])
  if (i !== -1 || before.length !== after.length) {
    throw new Error(`ascii-only: ${file}: escaping changed ${JSON.stringify(before[i])} to ${JSON.stringify(after[i])}`)
  }
  return out
}
