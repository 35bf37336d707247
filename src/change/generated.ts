/**
 * Which changed files are generated, vendored or lock files: built-in patterns plus `.gitattributes`
 * (`linguist-generated`, `linguist-vendored`, `-diff` / `binary`) of the base side. Marked files keep
 * their place in the ChangeSet (`excluded` says why) so every rule can decide what to do with them.
 */
import type { ChangedFile, ExclusionReason } from '../types.js'
import { compiledGlob, GlobError, globMatch, quickMatch } from './glob.js'

export const BUILTIN_EXCLUSIONS: ReadonlyArray<{ glob: string; reason: ExclusionReason }> = [
  // lock files: npm, yarn, pnpm, bun, bundler, poetry, pipenv, uv, cargo, go, composer, mix, gradle, nuget, swift
  ...[
    'package-lock.json',
    'npm-shrinkwrap.json',
    'yarn.lock',
    'pnpm-lock.yaml',
    'bun.lockb',
    'bun.lock',
    'Gemfile.lock',
    'poetry.lock',
    'Pipfile.lock',
    'uv.lock',
    'Cargo.lock',
    'go.sum',
    'composer.lock',
    'mix.lock',
    'gradle.lockfile',
    'packages.lock.json',
    'Package.resolved',
    'flake.lock',
  ].map((f) => ({ glob: `**/${f}`, reason: 'lockfile' as const })),
  { glob: '**/dist/**', reason: 'generated' },
  { glob: '**/*.pb.go', reason: 'generated' },
  { glob: '**/*_pb2.py', reason: 'generated' },
  { glob: '**/*.generated.*', reason: 'generated' },
  { glob: '**/vendor/**', reason: 'vendored' },
  { glob: '**/node_modules/**', reason: 'vendored' },
  { glob: '**/third_party/**', reason: 'vendored' },
  { glob: '**/*.min.*', reason: 'minified' },
  { glob: '**/*.map', reason: 'minified' },
  { glob: '**/__snapshots__/**', reason: 'snapshot' },
  { glob: '**/*.snap', reason: 'snapshot' },
]

interface AttrRule {
  pattern: string
  attrs: Map<string, string | boolean>
}

/** Parses .gitattributes into ordered rules (later lines win, as in git). */
export function parseGitattributes(text: string): AttrRule[] {
  const rules: AttrRule[] = []
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (!line || line.startsWith('#') || line.startsWith('[attr]')) continue
    const parts = line.split(/\s+/)
    const pattern = parts[0]
    const attrs = new Map<string, string | boolean>()
    for (const a of parts.slice(1)) {
      if (a.startsWith('-')) attrs.set(a.slice(1), false)
      else if (a.startsWith('!')) attrs.delete(a.slice(1))
      else if (a.includes('=')) {
        const [k, v] = a.split('=', 2)
        attrs.set(k, v === 'false' ? false : v === 'true' ? true : v)
      } else attrs.set(a, true)
    }
    if (attrs.has('binary')) attrs.set('diff', false)
    rules.push({ pattern, attrs })
  }
  return rules
}

function attrMatches(pattern: string, path: string): boolean {
  let p = pattern
  const anchored = p.startsWith('/') || p.slice(0, -1).includes('/')
  if (p.startsWith('/')) p = p.slice(1)
  if (p.endsWith('/')) p = p + '**'
  // git's wildmatch has no brace expansion: `{a,b}` in .gitattributes is literal. A line over the glob
  // length cap matches nothing.
  try {
    return globMatch(path, p, { matchBase: !anchored, nobrace: true })
  } catch (e) {
    if (e instanceof GlobError) return false
    throw e
  }
}

/** The attributes that apply to `path` (last matching line wins per attribute). */
export function attributesFor(rules: AttrRule[], path: string): Map<string, string | boolean> {
  const out = new Map<string, string | boolean>()
  for (const r of rules) if (attrMatches(r.pattern, path)) for (const [k, v] of r.attrs) out.set(k, v)
  return out
}

let builtins: ReadonlyArray<{ matcher: ReturnType<typeof compiledGlob>; reason: ExclusionReason }> | undefined

/** The built-in exclusions, compiled once per process (they are ours: no policy budget to spend on them). */
function builtinMatchers(): NonNullable<typeof builtins> {
  builtins ??= BUILTIN_EXCLUSIONS.map((b) => ({ matcher: compiledGlob(b.glob), reason: b.reason }))
  return builtins
}

/** Decides the exclusion of one path: .gitattributes overrides the built-ins both ways. */
export function exclusionFor(path: string, attrRules: AttrRule[]): ExclusionReason | undefined {
  const attrs = attributesFor(attrRules, path)
  if (attrs.get('linguist-generated') === true) return 'generated'
  if (attrs.get('linguist-vendored') === true) return 'vendored'
  if (attrs.get('diff') === false) return 'no-diff'
  const builtin = builtinMatchers().find((b) => quickMatch(b.matcher, path))
  if (builtin) {
    // `linguist-generated=false` / `linguist-vendored=false` opt a path back in.
    if (builtin.reason === 'vendored' && attrs.get('linguist-vendored') === false) return undefined
    if (builtin.reason !== 'vendored' && attrs.get('linguist-generated') === false) return undefined
    return builtin.reason
  }
  return undefined
}

/** Sets `excluded` on every file (in place) and returns the files. */
export function markExclusions(files: ChangedFile[], gitattributes: string | undefined): ChangedFile[] {
  const rules = gitattributes ? parseGitattributes(gitattributes) : []
  for (const f of files) {
    const reason = exclusionFor(f.path, rules)
    if (reason) f.excluded = reason
    else delete f.excluded
  }
  return files
}
