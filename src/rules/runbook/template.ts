/**
 * Globs with named placeholders: `services/{service}/**` captures `service` from a path, and
 * `docs/runbooks/{service}.md` is filled with it. A placeholder is `{identifier}`; brace alternatives
 * (`{a,b}`) keep their glob meaning. The pattern comes from a policy (possibly the PR's own), so it is
 * matched by RE2 in linear time: a backtracking RegExp of many `*` takes exponential time on a long path.
 */
import { policyRegex, type PolicyRegex } from '../../policy/regex.js'
import { spend } from '../../policy/budget.js'

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g

export interface TemplateGlob {
  pattern: string
  names: string[]
  /** Matches a whole path (RE2); group i + 1 is the placeholder `groups[i]`. */
  regex: PolicyRegex
  /** The placeholder each capture group fills (a repeated placeholder has a group per use). */
  groups: string[]
}

export function hasPlaceholders(pattern: string): boolean {
  PLACEHOLDER.lastIndex = 0
  return PLACEHOLDER.test(pattern)
}

function escapeRe(s: string): string {
  return s.replace(/[.+^$()|[\]\\]/g, '\\$&')
}

/** Compiles a placeholder glob to a RegExp (`**`, `*`, `?`, `{a,b}` and `{name}` understood). */
export function compileTemplate(pattern: string): TemplateGlob {
  const names: string[] = []
  const groups: string[] = []
  let re = ''
  let i = 0
  while (i < pattern.length) {
    const c = pattern[i]
    if (c === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/'
      re += slash ? '(?:.*/)?' : '.*'
      i += slash ? 3 : 2
    } else if (c === '*') {
      re += '[^/]*'
      i++
    } else if (c === '?') {
      re += '[^/]'
      i++
    } else if (c === '{') {
      const end = pattern.indexOf('}', i)
      const inner = end > i ? pattern.slice(i + 1, end) : ''
      if (end > i && /^[A-Za-z_][A-Za-z0-9_]*$/.test(inner)) {
        // RE2 has no backreferences: each use captures, and capture() requires the same value.
        if (!names.includes(inner)) names.push(inner)
        groups.push(inner)
        re += '([^/]+)'
        i = end + 1
      } else if (end > i && inner.includes(',')) {
        re +=
          '(?:' +
          inner
            .split(',')
            .map((a) => escapeRe(a).replace(/\*/g, '[^/]*'))
            .join('|') +
          ')'
        i = end + 1
      } else {
        re += '\\{'
        i++
      }
    } else {
      re += escapeRe(c)
      i++
    }
  }
  return { pattern, names, regex: policyRegex(`^${re}$`), groups }
}

/** The placeholder values captured from `path`, or undefined when it does not match. */
export function capture(t: TemplateGlob, path: string): Record<string, string> | undefined {
  spend()
  const m = t.regex.exec(path)
  if (!m) return undefined
  const values: Record<string, string> = {}
  for (const [i, name] of t.groups.entries()) {
    const v = m[i + 1]
    if (v === undefined || (name in values && values[name] !== v)) return undefined
    values[name] = v
  }
  return values
}

/** Fills the placeholders of `pattern` (glob metacharacters in values are escaped). */
export function fill(pattern: string, values: Record<string, string>): string {
  return pattern.replace(PLACEHOLDER, (whole, name: string) => (name in values ? values[name].replace(/[*?[\]{}()!+@]/g, '\\$&') : whole))
}
