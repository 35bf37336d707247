/**
 * Regular expressions written in a policy run on RE2 semantics (re2js, pure JavaScript): matching takes
 * time linear in the input whatever the pattern, so `^(a+)+$` cannot hang a run. RE2 has no
 * backreferences and no lookaround; `regexProblem` names such a construct and where it is, for
 * `pr-gate validate` and the policy loader.
 */
import { RE2JS, RE2JSException, RE2JSSyntaxException } from 're2js'
import { FormatRegistry } from '@sinclair/typebox'
import { spend } from './budget.js'

/** Longest pattern accepted (characters). */
export const MAX_REGEX_LENGTH = 1000
/** Largest compiled program accepted (RE2 instructions; matching costs up to this much per input character). */
export const MAX_REGEX_PROGRAM = 2000

export interface PatternProblem {
  message: string
  /** Index in the pattern where the problem is, when known. */
  offset?: number
}

/** A compiled policy regex: `test` is linear-time and counts against the active budget. */
export interface PolicyRegex {
  source: string
  test(text: string): boolean
  /** The match and its groups (undefined for a group that took no part), or null. */
  exec(text: string): Array<string | undefined> | null
}

/** Why RE2 rejects a construct, in words a policy author can act on. */
function constructName(fragment: string, description: string): string {
  if (/^\\[1-9]/.test(fragment)) return `backreference \`${fragment}\` is not supported (RE2 has no backreferences)`
  if (fragment === '(?P' && description.includes('Perl')) return 'named backreference `(?P=…)` is not supported (RE2 has no backreferences)'
  if (fragment.startsWith('\\k')) return 'named backreference `\\k<…>` is not supported (RE2 has no backreferences)'
  if (fragment.startsWith('(?=') || fragment.startsWith('(?!'))
    return `lookahead \`${fragment.slice(0, 3)}\` is not supported (RE2 has no lookaround)`
  if (fragment.startsWith('(?<=') || fragment.startsWith('(?<!'))
    return `lookbehind \`${fragment.slice(0, 4)}\` is not supported (RE2 has no lookaround)`
  if (/^[*+?}]{1,2}$|^[*+?]\+$/.test(fragment) && /nested repetition/.test(description))
    return `possessive or nested quantifier \`${fragment}\` is not supported`
  return `${description}: \`${fragment.length > 40 ? fragment.slice(0, 40) + '…' : fragment}\``
}

const cache = new Map<string, RE2JS | PatternProblem>()
const CACHE_MAX = 1000

function compile(source: string): RE2JS | PatternProblem {
  const hit = cache.get(source)
  if (hit) return hit
  spend()
  let out: RE2JS | PatternProblem
  if (source.length > MAX_REGEX_LENGTH) out = { message: `longer than ${MAX_REGEX_LENGTH} characters (${source.length})` }
  else {
    try {
      const re = RE2JS.compile(source)
      out =
        re.programSize() > MAX_REGEX_PROGRAM
          ? {
              message:
                `too large once compiled (${re.programSize()} RE2 instructions, at most ${MAX_REGEX_PROGRAM}); ` +
                'large counted repetitions such as `x{500}` cost the most',
            }
          : re
    } catch (e) {
      if (e instanceof RE2JSSyntaxException) {
        // re2js words lookbehind as "invalid named capture" and carries the rest of the pattern as the input.
        const fragment = e.input ?? ''
        const at = !fragment ? -1 : fragment === '(?P' && source.includes('(?P=') ? source.indexOf('(?P=') : source.indexOf(fragment)
        const look = at >= 0 ? /^\(\?<[=!]/.exec(fragment) : null
        out = { message: look ? constructName(look[0], e.error) : constructName(fragment, e.error), offset: at >= 0 ? at : undefined }
      } else if (e instanceof RE2JSException) out = { message: e.message }
      else throw e
    }
  }
  if (cache.size >= CACHE_MAX) cache.clear()
  cache.set(source, out)
  return out
}

/** Why `source` is not an acceptable policy regex, or undefined when it is. */
export function regexProblem(source: string): PatternProblem | undefined {
  const c = compile(source)
  return c instanceof RE2JS ? undefined : c
}

// `format: "regex"` in an option schema: TypeBox's own checks (Value.Check) agree with policy validation.
if (!FormatRegistry.Has('regex')) FormatRegistry.Set('regex', (v) => regexProblem(v) === undefined)

export class PolicyRegexError extends Error {
  constructor(
    readonly source: string,
    readonly problem: PatternProblem,
  ) {
    const shown = JSON.stringify(source.length > 60 ? source.slice(0, 60) + '…' : source)
    const at = problem.offset !== undefined ? ` (at character ${problem.offset + 1})` : ''
    super(`invalid regular expression ${shown}: ${problem.message}${at}`)
    this.name = 'PolicyRegexError'
  }
}

/** Compiles (once per pattern) a policy regex; throws PolicyRegexError for a pattern RE2 rejects. */
export function policyRegex(source: string): PolicyRegex {
  const c = compile(source)
  if (!(c instanceof RE2JS)) throw new PolicyRegexError(source, c)
  return {
    source,
    test(text: string): boolean {
      spend()
      return c.test(text)
    },
    exec(text: string): Array<string | undefined> | null {
      spend()
      const m: unknown = c.exec(text)
      return Array.isArray(m) ? m.map((g: unknown) => (typeof g === 'string' ? g : undefined)) : null
    },
  }
}
