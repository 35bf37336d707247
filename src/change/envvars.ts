/**
 * Environment-variable reads in source code, by language. Used to find variables that a change starts
 * reading (a new configuration knob that on-call must know about). Line-based regular expressions: cheap,
 * bounded, and good enough for the literal-name reads that matter (a computed name cannot be documented
 * anyway).
 */

export type EnvLanguage = 'javascript' | 'python' | 'java' | 'go' | 'ruby' | 'rust' | 'csharp' | 'php'

export interface EnvVarRead {
  name: string
  /** 0-based column of the match in the text. */
  column: number
}

const NAME = '([A-Za-z_][A-Za-z0-9_]*)'
const Q = `(['"\`])${NAME}\\1` // quoted literal name, group 1 = quote, group 2 = name
/** Configuration libraries read properties as well as variables: only upper-case names count there. */
const UPPER = '([A-Z_][A-Z0-9_]*)'
const QU = `(['"])${UPPER}\\1`

const EXTENSIONS: Record<string, EnvLanguage> = {
  js: 'javascript', jsx: 'javascript', mjs: 'javascript', cjs: 'javascript', ts: 'javascript', tsx: 'javascript',
  mts: 'javascript', cts: 'javascript', vue: 'javascript', svelte: 'javascript', astro: 'javascript',
  py: 'python', pyw: 'python',
  java: 'java', kt: 'java', kts: 'java', scala: 'java', groovy: 'java',
  go: 'go',
  rb: 'ruby', rake: 'ruby', ru: 'ruby', erb: 'ruby',
  rs: 'rust',
  cs: 'csharp',
  php: 'php',
}

/** Patterns per language; each has the name in the group named by `group`. */
const PATTERNS: Record<EnvLanguage, Array<{ re: RegExp; group: number }>> = {
  javascript: [
    { re: new RegExp(`\\bprocess\\.env\\??\\.${NAME}`, 'g'), group: 1 },
    { re: new RegExp(`\\bprocess\\.env\\??\\.?\\[\\s*${Q}\\s*\\]`, 'g'), group: 2 },
    { re: new RegExp(`\\bimport\\.meta\\.env\\.${NAME}`, 'g'), group: 1 },
    { re: new RegExp(`\\bDeno\\.env\\.get\\(\\s*${Q}`, 'g'), group: 2 },
    { re: new RegExp(`\\bBun\\.env\\.${NAME}`, 'g'), group: 1 },
    // env-var: env.get('PORT').required().asPortNumber()
    { re: new RegExp(`\\benv\\.get\\(\\s*${QU}`, 'g'), group: 2 },
  ],
  python: [
    { re: new RegExp(`\\benviron\\[\\s*${Q}\\s*\\]`, 'g'), group: 2 },
    { re: new RegExp(`\\benviron\\.get\\(\\s*${Q}`, 'g'), group: 2 },
    { re: new RegExp(`\\bgetenv\\(\\s*${Q}`, 'g'), group: 2 },
    { re: new RegExp(`\\benviron\\.setdefault\\(\\s*${Q}`, 'g'), group: 2 },
    // environs / django-environ: env('X'), env.str('X'), env.int('X', default=3), …
    { re: new RegExp(`\\benv(?:\\.(?:str|int|bool|float|decimal|list|dict|json|url|db_url|db|cache_url|cache|email_url|path|timedelta|log_level))?\\(\\s*${QU}`, 'g'), group: 2 },
  ],
  java: [
    { re: new RegExp(`\\bSystem\\.getenv\\(\\s*${Q}\\s*\\)`, 'g'), group: 2 },
    // Spring: @Value("\${PAYMENTS_TIMEOUT:30s}") — an upper-case placeholder is an environment variable
    { re: new RegExp(`@Value\\(\\s*"\\$\\{${UPPER}(?::[^}"]*)?\\}"`, 'g'), group: 1 },
  ],
  go: [
    { re: new RegExp(`\\bos\\.Getenv\\(\\s*${Q}\\s*\\)`, 'g'), group: 2 },
    { re: new RegExp(`\\bos\\.LookupEnv\\(\\s*${Q}\\s*\\)`, 'g'), group: 2 },
    // struct tags of kelseyhightower/envconfig and caarlos0/env: `envconfig:"PORT"`, `env:"PORT" envDefault:"8080"`
    { re: new RegExp(`\\b(?:env|envconfig):"${UPPER}[",]`, 'g'), group: 1 },
  ],
  ruby: [
    { re: new RegExp(`\\bENV\\[\\s*${Q}\\s*\\]`, 'g'), group: 2 },
    { re: new RegExp(`\\bENV\\.(?:fetch|key\\?|has_key\\?|include\\?)\\(?\\s*${Q}`, 'g'), group: 2 },
  ],
  rust: [
    { re: new RegExp(`\\b(?:std::)?env::var(?:_os)?\\(\\s*${Q}\\s*\\)`, 'g'), group: 2 },
    { re: new RegExp(`\\b(?:option_)?env!\\(\\s*${Q}`, 'g'), group: 2 },
    { re: new RegExp(`\\bdotenvy?::var\\(\\s*${Q}\\s*\\)`, 'g'), group: 2 },
  ],
  csharp: [{ re: new RegExp(`\\bEnvironment\\.GetEnvironmentVariable\\(\\s*${Q}`, 'g'), group: 2 }],
  php: [
    { re: new RegExp(`\\bgetenv\\(\\s*${Q}`, 'g'), group: 2 },
    { re: new RegExp(`\\$_ENV\\[\\s*${Q}\\s*\\]`, 'g'), group: 2 },
  ],
}

/** `const { A, B: b, C = 'x' } = process.env` (JavaScript destructuring). */
const JS_DESTRUCTURE = /\{([^{}]*)\}\s*=\s*(?:process\.env|import\.meta\.env|Bun\.env)\b/g

/** Languages whose line comments start with these (block-comment bodies starting with `*` too). */
const COMMENT = /^\s*(?:\/\/|#|\/\*|\*|--)/

export function envLanguageOf(path: string): EnvLanguage | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1)
  const dot = base.lastIndexOf('.')
  if (dot < 0) return base === 'Rakefile' || base === 'Gemfile' ? 'ruby' : undefined
  return EXTENSIONS[base.slice(dot + 1).toLowerCase()]
}

/** The env-var names one line of code reads (comment lines read nothing). */
export function envVarReadsInLine(text: string, language: EnvLanguage): EnvVarRead[] {
  if (COMMENT.test(text)) return []
  const out: EnvVarRead[] = []
  for (const { re, group } of PATTERNS[language]) {
    re.lastIndex = 0
    for (let m = re.exec(text); m; m = re.exec(text)) out.push({ name: m[group], column: m.index })
  }
  if (language === 'javascript') {
    JS_DESTRUCTURE.lastIndex = 0
    for (let m = JS_DESTRUCTURE.exec(text); m; m = JS_DESTRUCTURE.exec(text)) {
      for (const part of m[1].split(',')) {
        const name = /^\s*([A-Za-z_][A-Za-z0-9_]*)/.exec(part)?.[1]
        if (name) out.push({ name, column: m.index })
      }
    }
  }
  return out.sort((a, b) => a.column - b.column)
}

/** Every env-var name a whole file reads (the base-side check). */
export function envVarNamesInText(text: string, language: EnvLanguage): Set<string> {
  const names = new Set<string>()
  // Fast path: a file that mentions no env access at all.
  if (!/env|ENV|environ|Getenv|getenv/.test(text)) return names
  for (const line of text.split('\n')) for (const r of envVarReadsInLine(line, language)) names.add(r.name)
  return names
}

/** `*` wildcards (names like `GITHUB_*`) to one RegExp. */
export function namePatterns(patterns: readonly string[]): RegExp | undefined {
  if (patterns.length === 0) return undefined
  const alts = patterns.map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*'))
  return new RegExp(`^(?:${alts.join('|')})$`)
}
