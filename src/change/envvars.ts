/**
 * Environment-variable reads in source code, by language. Used to find variables that a change starts
 * reading (a new configuration knob that on-call must know about). Line-based regular expressions: cheap,
 * bounded, and good enough for the literal-name reads that matter (a computed name cannot be documented
 * anyway).
 */

export type EnvLanguage = 'javascript' | 'python' | 'java' | 'go' | 'ruby' | 'rust' | 'csharp' | 'php' | 'dockerfile' | 'shell'

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
  js: 'javascript',
  jsx: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  ts: 'javascript',
  tsx: 'javascript',
  mts: 'javascript',
  cts: 'javascript',
  vue: 'javascript',
  svelte: 'javascript',
  astro: 'javascript',
  py: 'python',
  pyw: 'python',
  java: 'java',
  kt: 'java',
  kts: 'java',
  scala: 'java',
  groovy: 'java',
  go: 'go',
  rb: 'ruby',
  rake: 'ruby',
  ru: 'ruby',
  erb: 'ruby',
  rs: 'rust',
  cs: 'csharp',
  php: 'php',
  sh: 'shell',
  bash: 'shell',
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
    {
      re: new RegExp(
        `\\benv(?:\\.(?:str|int|bool|float|decimal|list|dict|json|url|db_url|db|` +
          `cache_url|cache|email_url|path|timedelta|log_level))?\\(\\s*${QU}`,
        'g',
      ),
      group: 2,
    },
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
  // Dockerfiles: `${X}` / `$X` in CMD/ENTRYPOINT, found per instruction by envVarReadsInText.
  dockerfile: [],
  // Shell (entrypoints, ops scripts): only the forms that say the value comes from outside, an upper-case
  // name with a default, an assignment, a required mark or an alternative (`${LOG_LEVEL:-info}`,
  // `${PORT:?}`); a plain `$X` is as often the script's own variable.
  shell: [{ re: new RegExp(`\\$\\{${UPPER}:?[-=?+]`, 'g'), group: 1 }],
}

/** An identifier (possibly qualified: `config.KEY`, `Keys::KEY`; the last segment is kept) as the argument of a read. */
const IDENT = '(?:[A-Za-z_][A-Za-z0-9_]*(?:\\.|::))*([A-Za-z_][A-Za-z0-9_]*)'

/** Reads through a named constant (`os.Getenv(KEY)`), per language; group 1 = the identifier. */
const IDENT_PATTERNS: Record<EnvLanguage, RegExp[]> = {
  javascript: [
    new RegExp(`\\bprocess\\.env\\??\\.?\\[\\s*${IDENT}\\s*\\]`, 'g'),
    new RegExp(`\\bDeno\\.env\\.get\\(\\s*${IDENT}\\s*\\)`, 'g'),
  ],
  python: [
    new RegExp(`\\benviron\\[\\s*${IDENT}\\s*\\]`, 'g'),
    new RegExp(`\\benviron\\.(?:get|setdefault)\\(\\s*${IDENT}\\s*[,)]`, 'g'),
    new RegExp(`\\bgetenv\\(\\s*${IDENT}\\s*[,)]`, 'g'),
  ],
  java: [new RegExp(`\\bSystem\\.getenv\\(\\s*${IDENT}\\s*\\)`, 'g')],
  go: [new RegExp(`\\bos\\.(?:Getenv|LookupEnv)\\(\\s*${IDENT}\\s*\\)`, 'g')],
  ruby: [new RegExp(`\\bENV\\[\\s*${IDENT}\\s*\\]`, 'g'), new RegExp(`\\bENV\\.fetch\\(\\s*${IDENT}\\s*[,)]`, 'g')],
  rust: [new RegExp(`\\b(?:std::)?env::var(?:_os)?\\(\\s*${IDENT}\\s*\\)`, 'g')],
  csharp: [new RegExp(`\\bEnvironment\\.GetEnvironmentVariable\\(\\s*${IDENT}\\s*[,)]`, 'g')],
  php: [new RegExp(`\\bgetenv\\(\\s*${IDENT}\\s*[,)]`, 'g'), new RegExp(`\\$_ENV\\[\\s*\\$?${IDENT}\\s*\\]`, 'g')],
  dockerfile: [],
  shell: [],
}

/**
 * A constant holding an env-var name: `const KEY = "FOO"`, `KEY string = "FOO"` (Go), `static final String
 * KEY = "FOO"`, `KEY: &str = "FOO"` (Rust), `KEY = 'FOO'.freeze`, `define('KEY', 'FOO')` is not covered.
 * Group 1 = identifier, group 3 = upper-case value.
 */
const CONSTANT = /(?:^|[\s(,;{])\$?([A-Za-z_][A-Za-z0-9_]*)\s*(?::\s*&?'?[\w.<>[\] ]+?\s*|\s+string\s*)?:?=\s*(['"`])([A-Z_][A-Z0-9_]*)\2/g

/** `const { A, B: b, C = 'x' } = process.env` (JavaScript destructuring). */
const JS_DESTRUCTURE = /\{([^{}]*)\}\s*=\s*(?:process\.env|import\.meta\.env|Bun\.env)\b/g

/** Languages whose line comments start with these (block-comment bodies starting with `*` too). */
const COMMENT = /^\s*(?:\/\/|#|\/\*|\*|--)/

/** Dockerfile names (as the runbook rule's path rules know them). */
const DOCKERFILE = /^(?:Dockerfile|Containerfile)(?:\.[\w.-]+)?$|\.(?:Dockerfile|dockerfile|Containerfile)$/

export function envLanguageOf(path: string): EnvLanguage | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1)
  if (DOCKERFILE.test(base)) return 'dockerfile'
  const dot = base.lastIndexOf('.')
  if (dot < 0) return base === 'Rakefile' || base === 'Gemfile' ? 'ruby' : undefined
  const ext = base.slice(dot + 1).toLowerCase()
  return Object.hasOwn(EXTENSIONS, ext) ? EXTENSIONS[ext] : undefined
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

/** A read found in a whole text: its 1-based line, and for reads through a constant the constant's line. */
export interface EnvVarReadAt {
  name: string
  line: number
  /** Line of the constant that holds the name (`const KEY = "FOO"`), when read through one. */
  constantLine?: number
}

/** True when a line may read an env var through a named constant (cheap pre-check before reading the file). */
export function mayReadThroughConstant(text: string, language: EnvLanguage): boolean {
  if (COMMENT.test(text)) return false
  if (language === 'dockerfile') return /\$\{?[A-Za-z_]/.test(text)
  return IDENT_PATTERNS[language].some((re) => {
    re.lastIndex = 0
    return re.test(text)
  })
}

/** `$X` / `${X}` / `${X:-default}` references (shell syntax) in a text; not `$$` escapes. */
function shellReferences(text: string): string[] {
  const out: string[] = []
  const re = /(?<!\$)\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:[:?+=-][^}]*)?\}|([A-Za-z_][A-Za-z0-9_]*))/g
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const name = m.at(1) ?? m.at(2) // one of the two alternatives matched
    if (name !== undefined) out.push(name)
  }
  return out
}

/** Names a Dockerfile's CMD/ENTRYPOINT instructions read (`${PORT}`), with the line of each reference. */
function dockerfileReads(text: string): EnvVarReadAt[] {
  const lines = text.split('\n')
  const out: EnvVarReadAt[] = []
  let inRuntime = false
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]
    if (/^\s*#/.test(l)) continue
    const start = /^\s*([A-Za-z]+)\b/.exec(l)
    const continuing = i > 0 && /\\\s*$/.test(lines[i - 1]) && inRuntime
    if (!continuing) inRuntime = !!start && /^(?:CMD|ENTRYPOINT)$/i.test(start[1])
    if (!inRuntime) continue
    for (const name of shellReferences(continuing ? l : l.replace(/^\s*[A-Za-z]+/, ''))) out.push({ name, line: i + 1 })
  }
  return out
}

/** Constants holding env-var names in a text: identifier → value and line (first definition wins). */
function constantsIn(lines: string[]): Map<string, { value: string; line: number }> {
  const out = new Map<string, { value: string; line: number }>()
  lines.forEach((l, i) => {
    if (COMMENT.test(l)) return
    CONSTANT.lastIndex = 0
    for (let m = CONSTANT.exec(l); m; m = CONSTANT.exec(l)) if (!out.has(m[1])) out.set(m[1], { value: m[3], line: i + 1 })
  })
  return out
}

/**
 * Every env-var read of a whole text with its line: literal reads, reads through a named constant defined
 * in the same file (`const KEY = "FOO"; os.Getenv(KEY)`), and for Dockerfiles the `${X}` of CMD/ENTRYPOINT.
 */
export function envVarReadsInText(text: string, language: EnvLanguage): EnvVarReadAt[] {
  if (language === 'dockerfile') return dockerfileReads(text)
  if (language !== 'shell' && !/env|ENV|environ|Getenv|getenv|GetEnvironmentVariable/.test(text)) return []
  const lines = text.split('\n')
  const out: EnvVarReadAt[] = []
  let constants: Map<string, { value: string; line: number }> | undefined
  lines.forEach((l, i) => {
    for (const r of envVarReadsInLine(l, language)) out.push({ name: r.name, line: i + 1 })
    if (COMMENT.test(l)) return
    for (const re of IDENT_PATTERNS[language]) {
      re.lastIndex = 0
      for (let m = re.exec(l); m; m = re.exec(l)) {
        constants ??= constantsIn(lines)
        const c = constants.get(m[1])
        if (c) out.push({ name: c.value, line: i + 1, constantLine: c.line })
      }
    }
  })
  return out
}

/**
 * Every env-var name a whole file reads (the base-side check). A shell script's every `$X` counts there: a
 * name the service's scripts already use is not new to it, whichever form the new read takes.
 */
export function envVarNamesInText(text: string, language: EnvLanguage): Set<string> {
  if (language === 'shell')
    return new Set(
      text
        .split('\n')
        .filter((l) => !COMMENT.test(l))
        .flatMap((l) => shellReferences(l)),
    )
  return new Set(envVarReadsInText(text, language).map((r) => r.name))
}

/**
 * Env-var names a configuration file DECLARES for a service: `.env` files (`KEY=value`), Dockerfile
 * `ENV`/`ARG`, and in YAML/JSON (compose, Kubernetes, Helm values) the names under `env:` lists
 * (`- name: KEY`) and `environment:` maps or `KEY=value` lists.
 */
export function envVarNamesDeclared(path: string, text: string, parsed?: unknown[]): Set<string> {
  const names = new Set<string>()
  const base = path.slice(path.lastIndexOf('/') + 1)
  if (/^\.env(?:[.\w-]*)$|\.env$/.test(base)) {
    for (const l of text.split('\n')) {
      const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(l)
      if (m) names.add(m[1])
    }
    return names
  }
  if (DOCKERFILE.test(base)) {
    for (const l of text.split('\n')) {
      const m = /^\s*(ENV|ARG)\s+(.*)$/i.exec(l)
      if (!m) continue
      for (const part of m[2].split(/\s+/)) {
        const n = /^([A-Za-z_][A-Za-z0-9_]*)(?:=|$)/.exec(part)
        if (n) names.add(n[1])
        if (!part.includes('=')) break // `ENV KEY value` (legacy form): one name
      }
    }
    return names
  }
  const walk = (v: unknown, depth: number): void => {
    if (depth > 40 || v === null || typeof v !== 'object') return
    if (Array.isArray(v)) {
      v.forEach((x) => {
        walk(x, depth + 1)
      })
      return
    }
    for (const [k, value] of Object.entries(v)) {
      const child: unknown = value // parsed YAML/JSON: anything
      if ((k === 'env' || k === 'environment' || k === 'extraEnv' || k === 'envVars') && child !== null && typeof child === 'object') {
        if (Array.isArray(child)) {
          for (const e of child as unknown[]) {
            if (typeof e === 'string') {
              const n = /^([A-Za-z_][A-Za-z0-9_]*)/.exec(e)
              if (n) names.add(n[1])
            } else if (e && typeof e === 'object' && 'name' in e && typeof e.name === 'string') names.add(e.name)
          }
        } else for (const key of Object.keys(child)) if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) names.add(key)
      }
      walk(child, depth + 1)
    }
  }
  for (const d of parsed ?? []) walk(d, 0)
  return names
}

/** `*` wildcards (names like `GITHUB_*`) to one RegExp. */
export function namePatterns(patterns: readonly string[]): RegExp | undefined {
  if (patterns.length === 0) return undefined
  const alts = patterns.map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*'))
  return new RegExp(`^(?:${alts.join('|')})$`)
}
