/**
 * Declarations written in a pull request's description: lines such as `Runbook: not needed — only a log
 * message changed` or `Changelog: not needed - internal refactor`. Generic: any rule (or the waiver logic)
 * gives the phrase it looks for and, when it wants one, the minimum length of the reason.
 *
 * What counts as a declaration line:
 * - the phrase at the start of a line (case-insensitive, runs of whitespace equal), after optional Markdown
 *   decoration: quote `>`, list bullet `-`/`*`/`+`, task box `[x]`, emphasis `**`/`__`/`_`/`*`, backticks;
 * - followed by a separator (`—`, `–`, `-`, `:`, `=`) or whitespace, then the reason (the rest of the line,
 *   decoration stripped);
 * - NOT inside an HTML comment (`<!-- … -->`, where PR templates keep their examples) nor inside a fenced
 *   code block (```).
 * A reason that is still a template placeholder (`<reason>`, `…`, `TODO`) is no reason.
 */

export interface Declaration {
  /** The phrase as the rule asked for it. */
  phrase: string
  /** The text after the phrase and its separator (may be empty). */
  reason: string
  /** 1-based line of the PR body. */
  line: number
  /** The whole line as written (trimmed), for quoting to reviewers. */
  text: string
}

export interface ReasonedDeclaration {
  /** The first declaration whose reason is long enough; undefined when none is. */
  accepted?: Declaration
  /** Declarations found but rejected, with why (plain text). */
  rejected: Array<{ declaration: Declaration; why: string }>
}

const DECORATION = /^(?:\s*(?:>|[-*+]\s|\d+[.)]\s|\[[ xX]\]|\*\*|__|`+|_|\*))+/
const SEPARATOR = /^\s*(?:[—–=:]|-{1,2}(?=\s|$))\s*/
const PLACEHOLDER = /^(?:<[^>]*>|\.\.\.|…|todo|tbd|n\/?a|none|-+)$/i

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The body's lines with HTML comments and fenced code blocks blanked out (line numbers are kept). */
export function visibleLines(body: string): string[] {
  const noComments = body.replace(/\r\n?/g, '\n').replace(/<!--[\s\S]*?(?:-->|$)/g, (m) => m.replace(/[^\n]/g, ''))
  const lines = noComments.split('\n')
  let fence: string | undefined
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s{0,3}(`{3,}|~{3,})/.exec(lines[i])
    if (fence) {
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length) fence = undefined
      lines[i] = ''
    } else if (m) {
      fence = m[1]
      lines[i] = ''
    }
  }
  return lines
}

function stripTrailingDecoration(s: string): string {
  return s.replace(/(?:\s*(?:\*\*|__|`+|_|\*))+\s*$/, '').trim()
}

export interface DeclarationOptions {
  /**
   * The phrase is a whole name (a waiver label `gate-waive:pr-size`): it must not run on into a longer
   * name, so `gate-waive:pr-size-x` or `gate-waive:pr-sizes` do not declare it. Default false.
   */
  exact?: boolean
}

/**
 * Every line of `body` that declares `phrase`, in order. The phrase may itself end with a separator
 * (`Runbook:`); a phrase like `Runbook: not needed` also matches `runbook:not needed` and `Runbook :  not needed`.
 */
export function findDeclarations(body: string | undefined, phrase: string, opts: DeclarationOptions = {}): Declaration[] {
  if (!body || !phrase.trim()) return []
  const words = phrase
    .trim()
    .split(/\s+/)
    .map((w) => escapeRegExp(w).replace(/(\\?[:=—–])$/, '\\s*$1'))
  const head = new RegExp('^' + words.join('\\s*') + (opts.exact ? '(?![\\w]|-\\w)' : '') + '(?=$|[\\s—–=:*_`-])', 'i')
  const out: Declaration[] = []
  visibleLines(body).forEach((raw, i) => {
    const undecorated = raw.replace(DECORATION, '').trimStart()
    const m = head.exec(undecorated)
    if (!m) return
    let rest = undecorated.slice(m[0].length)
    rest = rest.replace(/^(?:\*\*|__|`+|_|\*)+/, '') // emphasis closing right after the phrase
    rest = rest.replace(SEPARATOR, '')
    out.push({ phrase, reason: stripTrailingDecoration(rest), line: i + 1, text: raw.trim() })
  })
  return out
}

/** True when the reason is a template placeholder rather than an explanation. */
export function isPlaceholderReason(reason: string): boolean {
  return PLACEHOLDER.test(reason.trim())
}

/**
 * The first declaration of `phrase` whose reason has at least `minReasonLength` characters (after trimming,
 * placeholders rejected), and the ones rejected with why.
 */
/** The length of `s` in code points (Array.from iterates a string by code point, as `[...s]` does). */
const codePoints = (s: string): number => Array.from(s).length

export function findReasonedDeclaration(
  body: string | undefined,
  phrase: string,
  minReasonLength: number,
  opts: DeclarationOptions = {},
): ReasonedDeclaration {
  const rejected: ReasonedDeclaration['rejected'] = []
  for (const d of findDeclarations(body, phrase, opts)) {
    const reason = d.reason.trim()
    if (!reason) rejected.push({ declaration: d, why: 'no reason given' })
    else if (isPlaceholderReason(reason)) rejected.push({ declaration: d, why: `the reason "${reason}" is a template placeholder` })
    else if (codePoints(reason) < minReasonLength)
      rejected.push({ declaration: d, why: `the reason is ${codePoints(reason)} characters, at least ${minReasonLength} are required` })
    else return { accepted: d, rejected }
  }
  return { rejected }
}
