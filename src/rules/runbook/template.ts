/**
 * Globs with named placeholders: `services/{service}/**` captures `service` from a path, and
 * `docs/runbooks/{service}.md` is filled with it. A placeholder is `{identifier}`; brace alternatives
 * (`{a,b}`) keep their glob meaning.
 */

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g

export interface TemplateGlob {
  pattern: string
  names: string[]
  /** Matches a whole path; named groups are the placeholders. */
  regex: RegExp
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
        if (names.includes(inner)) re += `\\k<${inner}>`
        else {
          names.push(inner)
          re += `(?<${inner}>[^/]+)`
        }
        i = end + 1
      } else if (end > i && inner.includes(',')) {
        re += '(?:' + inner.split(',').map((a) => escapeRe(a).replace(/\*/g, '[^/]*')).join('|') + ')'
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
  return { pattern, names, regex: new RegExp(`^${re}$`) }
}

/** The placeholder values captured from `path`, or undefined when it does not match. */
export function capture(t: TemplateGlob, path: string): Record<string, string> | undefined {
  const m = t.regex.exec(path)
  if (!m) return undefined
  return { ...(m.groups ?? {}) }
}

/** Fills the placeholders of `pattern` (glob metacharacters in values are escaped). */
export function fill(pattern: string, values: Record<string, string>): string {
  return pattern.replace(PLACEHOLDER, (whole, name: string) =>
    name in values ? values[name].replace(/[*?[\]{}()!+@]/g, '\\$&') : whole,
  )
}
