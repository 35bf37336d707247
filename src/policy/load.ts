/**
 * Loads a policy: parse YAML, validate every file of the `extends` chain with file:line:column errors,
 * deep-merge (rule by rule; lists and scalars replace), then fill defaults from the schema.
 */
import { fillDefaults, resolvePolicy } from './resolved.js'
import { load, YAMLException } from 'js-yaml'
import { policySchema, type ResolvedPolicy } from './schema.js'
import { positionsOf } from './positions.js'
import { didYouMean, validate, type SchemaNode } from './validate.js'
import { PRESETS } from './presets.generated.js'
import { enforceFloors, getPath, type Enforcement, type Lock } from './floors.js'

export type { Enforcement } from './floors.js'

export interface PolicyIssue {
  file: string
  line?: number
  column?: number
  message: string
}

export function formatIssue(i: PolicyIssue): string {
  const where = i.line !== undefined ? `${i.file}:${i.line}:${i.column ?? 1}` : i.file
  return `${where}: ${i.message}`
}

export class PolicyError extends Error {
  constructor(readonly issues: PolicyIssue[]) {
    super(issues.map(formatIssue).join('\n'))
    this.name = 'PolicyError'
  }
}

/** Reads a file of the repository at the enforced (base) ref; undefined when absent. */
export type RepoReader = (path: string) => Promise<string | undefined>

export const PRESET_NAMES = Object.keys(PRESETS)

export interface LoadedPolicy {
  policy: ResolvedPolicy
  /** Files that made it, in merge order: "preset:default", ".github/quality-gate.yml". */
  sources: string[]
  /** Org floors the policy tried to loosen: the locked value was enforced instead (see src/policy/floors.ts). */
  enforced: Enforcement[]
}

type Raw = Record<string, unknown>

function isMapping(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Parses and validates one policy file; returns the raw mapping or throws PolicyError. */
export function parsePolicyText(text: string, file: string): Raw {
  const { doc, issues } = parseAndValidate(text, file)
  if (issues.length) throw new PolicyError(issues)
  return doc
}

/**
 * Parses one policy file (invalid YAML throws PolicyError: there is no document to go on with) and
 * validates it, returning the mapping with its issues, so the caller can add the `extends` chain's issues
 * and report every problem at once.
 */
function parseAndValidate(text: string, file: string): { doc: Raw; issues: PolicyIssue[] } {
  let doc: unknown
  try {
    doc = text.trim() === '' ? {} : load(text, { filename: file })
  } catch (e) {
    // js-yaml 5 rejects a stream without a document (only comments, a BOM, `...`): that is an empty policy.
    if (e instanceof YAMLException && !e.mark && /input is empty/.test(e.reason)) return { doc: {}, issues: [] }
    if (e instanceof YAMLException && e.mark) {
      throw new PolicyError([{ file, line: e.mark.line + 1, column: e.mark.column + 1, message: `invalid YAML: ${e.reason}` }])
    }
    // js-yaml gives no mark for "more than one document": point at the `---` that starts the second one.
    if (e instanceof YAMLException)
      throw new PolicyError([{ file, line: secondDocumentLine(text), column: 1, message: `invalid YAML: ${e.reason}` }])
    throw new PolicyError([{ file, message: `invalid YAML: ${e instanceof Error ? e.message : String(e)}` }])
  }
  if (doc === null || doc === undefined) doc = {}
  if (!isMapping(doc))
    throw new PolicyError([
      { file, line: 1, column: 1, message: 'expected a mapping at the top level (keys such as extends, rules, waivers)' },
    ])
  const schema: SchemaNode = policySchema()
  const issues = validate(schema, doc, [], [], {
    unknownLabel: (path) => (path.length === 1 && path[0] === 'rules' ? 'unknown rule' : undefined),
  })
  // Positions need a second parse of the text: only for a policy with something to point at.
  const positions = issues.length > 0 ? positionsOf(text) : new Map<string, never>()
  return {
    doc,
    issues: issues.map((i) => {
      const p = positions.get(i.path.join('.')) ?? nearest(positions, i.path)
      const at = i.atKey ? (p?.key ?? p?.value) : (p?.value ?? p?.key)
      const pos = at && i.offset !== undefined && !i.atKey && p?.value ? inScalar(text, at, i.offset) : at
      const name = i.path.length ? `${i.atKey ? i.path.slice(0, -1).join('.') || '(top level)' : i.path.join('.')}: ` : ''
      return { file, line: pos?.line, column: pos?.column, message: `${name}${i.message}` }
    }),
  }
}

/**
 * Where character `offset` of the string value starting at `at` is in the source: through the escapes of
 * a one-line quoted scalar, or straight on for a plain one. Block scalars and
 * values that continue on the next line keep the value's own position.
 */
function inScalar(text: string, at: { line: number; column: number }, offset: number): { line: number; column: number } {
  const line = text.split('\n')[at.line - 1] ?? ''
  let i = at.column - 1
  if (line[i] === '|' || line[i] === '>') return at
  // js-yaml places a quoted scalar's value just past its opening quote.
  const quote = line[i - 1]
  if (quote === '"' || quote === "'") {
    for (let k = 0; k < offset && i < line.length; k++)
      i += (quote === '"' && line[i] === '\\') || (quote === "'" && line[i] === "'") ? 2 : 1
  } else i += offset
  return i < line.length ? { line: at.line, column: i + 1 } : at
}

/** 1-based line of the `---` that starts a second document (1 when there is none to point at). */
function secondDocumentLine(text: string): number {
  const lines = text.split('\n')
  let content = false
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]
    if (/^---(\s|$)/.test(l)) {
      if (content) return i + 1
      if (!/^---\s*(#.*)?$/.test(l)) content = true
    } else if (!/^\s*(#.*)?$/.test(l) && !/^(%|\.\.\.(\s|$))/.test(l)) content = true
  }
  return 1
}

function nearest(positions: ReturnType<typeof positionsOf>, path: string[]) {
  for (let n = path.length - 1; n >= 0; n--) {
    const p = positions.get(path.slice(0, n).join('.'))
    if (p) return p
  }
  return undefined
}

/** Deep merge: mappings merge key by key, everything else (lists, scalars) is replaced by `over`. */
export function deepMerge(base: unknown, over: unknown): unknown {
  if (isMapping(base) && isMapping(over)) {
    const out: Raw = { ...base }
    for (const [k, v] of Object.entries(over)) out[k] = k in out ? deepMerge(out[k], v) : v
    return out
  }
  return over === undefined ? base : over
}

const MAX_DEPTH = 8

function presetGuess(name: string): string {
  const g = didYouMean(name, PRESET_NAMES)
  return g ? ` (did you mean ${JSON.stringify(g)}?)` : ''
}

/* ── Remote `extends` (org policy) ── */

/** A policy file in another repository: `github:<owner>/<repo>/<path>@<ref>` (ref default: the default branch). */
export interface RemoteSpec {
  owner: string
  repo: string
  path: string
  /** As written (a branch, tag or SHA); `HEAD` when left out (the repository's default branch). */
  ref: string
}

/**
 * Reads a policy file of another repository: its text, or undefined when the file is absent at that ref.
 * Throws RemoteReadError with a message for the user when it cannot be read (no access, unknown
 * repository or ref, an API failure): the policy then fails closed with that message at the `extends`.
 */
export type RemoteReader = (spec: RemoteSpec) => Promise<string | undefined>

export class RemoteReadError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RemoteReadError'
  }
}

export const REMOTE_PREFIX = 'github:'

/** Parses `github:owner/repo/path@ref`; a string naming what is wrong when it is malformed. */
export function parseRemoteSpec(s: string): RemoteSpec | string {
  const m = /^github:([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})\/([^@]+?)(?:@([^@\s]+))?$/.exec(s)
  if (!m) return `expected github:<owner>/<repo>/<path>@<ref>, e.g. github:acme/.github/quality-gate/org.yml@main`
  const path = m[3].replace(/^\/+/, '')
  if (path.split('/').some((seg) => seg === '..' || seg === '.' || seg === ''))
    return `the path ${JSON.stringify(path)} must be a plain path inside the repository`
  return { owner: m[1], repo: m[2], path, ref: m.at(4) ?? 'HEAD' } // the @ref group is optional
}

export const remoteName = (r: RemoteSpec): string => `${REMOTE_PREFIX}${r.owner}/${r.repo}/${r.path}${r.ref === 'HEAD' ? '' : `@${r.ref}`}`
const remoteKey = (r: RemoteSpec): string => `${REMOTE_PREFIX}${r.owner.toLowerCase()}/${r.repo.toLowerCase()}/${r.path}@${r.ref}`

/** Where a file of the chain lives: this repository, or another one at a ref (its own relative paths stay there). */
type Origin = { kind: 'local' } | { kind: 'remote'; spec: RemoteSpec }

export interface LoadOptions {
  /** Reads `github:` extends; without it a remote `extends` is a policy error saying what to provide. */
  remote?: RemoteReader
  /** Why there is no remote reader, for that error (e.g. "set GITHUB_TOKEN or pass --offline FILE"). */
  remoteUnavailable?: string
}

interface ChainState {
  read: RepoReader
  options: LoadOptions
  sources: string[]
  locks: Lock[]
  /** Each file's own mapping and text, in merge order (to name who set a key the floors override). */
  layers: Array<{ file: string; own: Raw; text: string }>
}

/** Removes the `locked` markers from a file's own mapping and returns the locks they declare (positioned). */
function extractLocks(own: Raw, text: string, file: string, issues: PolicyIssue[]): Array<Omit<Lock, 'floor'>> {
  let parsed: ReturnType<typeof positionsOf> | undefined
  // A second parse of the text, made only when a lock or a bad lock needs a position.
  const positions = { get: (p: string) => (parsed ??= positionsOf(text)).get(p) }
  const pos = (p: string) => {
    const at = positions.get(p)
    return at ? { line: (at.key ?? at.value).line, column: (at.key ?? at.value).column } : {}
  }
  const out: Array<Omit<Lock, 'floor'>> = []
  const schema: SchemaNode = policySchema()
  const known = (path: string[]): boolean => {
    let node: SchemaNode | undefined = schema
    for (const k of path)
      node = node?.properties?.[k] ?? (typeof node?.additionalProperties === 'object' ? node.additionalProperties : undefined)
    return node !== undefined
  }
  if (Array.isArray(own.locked)) {
    own.locked.forEach((p, i) => {
      if (typeof p !== 'string') return
      const path = p.split('.')
      if (!known(path) || path.includes('locked') || path[0] === 'extends' || path[0] === '$schema')
        issues.push({
          file,
          ...positionAt(positions, `locked.${i}`),
          message: `locked: ${JSON.stringify(p)} is not a policy key (e.g. conclusion.on_error, rules.pr-size.fail_lines)`,
        })
      else out.push({ path: p, file, ...pos(`locked.${i}`) })
    })
  }
  delete own.locked
  if (isMapping(own.rules)) {
    const rules: Raw = { ...own.rules }
    for (const [id, entry] of Object.entries(rules)) {
      if (!isMapping(entry) || entry.locked === undefined) continue
      const where = pos(`rules.${id}.locked`)
      if (entry.locked === true) out.push({ path: `rules.${id}`, file, ...where })
      else if (Array.isArray(entry.locked)) {
        entry.locked.forEach((k, i) => {
          if (typeof k !== 'string') return
          if (k === 'locked' || !known(['rules', id, k]))
            issues.push({
              file,
              ...positionAt(positions, `rules.${id}.locked.${i}`),
              message:
                `rules.${id}.locked: ${JSON.stringify(k)} is not an option ` +
                `of ${id}${hintFor(k, Object.keys(policySchemaRuleProps(id)))}`,
            })
          else out.push({ path: `rules.${id}.${k}`, file, ...where })
        })
      }
      const { locked: _locked, ...rest } = entry
      rules[id] = rest
    }
    own.rules = rules
  }
  return out
}

function positionAt(positions: Pick<ReturnType<typeof positionsOf>, 'get'>, p: string): { line?: number; column?: number } {
  const at = positions.get(p)
  return at ? { line: at.value.line, column: at.value.column } : {}
}

function policySchemaRuleProps(id: string): Record<string, unknown> {
  const rules = policySchema().properties.rules.properties as Partial<Record<string, { properties?: Record<string, unknown> }>>
  return rules[id]?.properties ?? {}
}

function hintFor(name: string, options: string[]): string {
  const g = didYouMean(
    name,
    options.filter((o) => o !== 'locked'),
  )
  return g ? ` (did you mean ${JSON.stringify(g)}?)` : ''
}

/** The policy `merged` resolves to, with every default filled in (as loadPolicy returns it). */
const withDefaults = fillDefaults

/** What an `extends` entry names: a shipped preset, a file in this file's repository, or a file in another one. */
interface ExtendsTarget {
  readonly key: string
  readonly file: string
  readonly origin: Origin
  readonly load: () => Promise<string | undefined>
  /** The issue when `load` finds no file. */
  readonly missing: string
}

/** The target of the `extends` entry `name` in a file from `origin`, or the issue that says why there is none. */
function extendsTarget(name: string, origin: Origin, st: ChainState): ExtendsTarget | string {
  if (name.startsWith(REMOTE_PREFIX)) {
    const spec = parseRemoteSpec(name)
    if (typeof spec === 'string') return `extends: ${JSON.stringify(name)}: ${spec}`
    return remoteTarget(spec, st)
  }
  // Own keys only: any name may be asked for (`extends: constructor` is no preset).
  const preset = Object.hasOwn(PRESETS, name) ? PRESETS[name] : undefined
  if (preset !== undefined) {
    return {
      key: `preset:${name}`,
      file: `policies/${name}.yml`,
      origin: { kind: 'local' },
      load: () => Promise.resolve(preset),
      missing: '',
    }
  }
  if (name.includes('/') || /\.ya?ml$/.test(name)) {
    const path = name.replace(/^\.?\//, '')
    if (origin.kind === 'remote') return remoteTarget({ ...origin.spec, path }, st)
    return {
      key: path,
      file: path,
      origin,
      load: () => st.read(path),
      missing: `extends: ${JSON.stringify(name)} was not found in the repository at the enforced ref`,
    }
  }
  return (
    `extends: unknown preset ${JSON.stringify(name)}${presetGuess(name)}; ` +
    `shipped presets: ${PRESET_NAMES.join(', ')} (or a repository path such as .github/policies/base.yml, ` +
    `or github:<owner>/<repo>/<path>@<ref>)`
  )
}

/**
 * The target and text of the `extends` entry `name` (the chain so far is `seen`), or the issue that
 * stops it: an unknown name, a cycle, a chain too deep, a read that failed, a file that is not there.
 */
async function readExtended(
  name: string,
  origin: Origin,
  seen: string[],
  st: ChainState,
): Promise<{ target: ExtendsTarget; text: string } | string> {
  const target = extendsTarget(name, origin, st)
  if (typeof target === 'string') return target
  if (seen.includes(target.key)) return `extends cycle: ${[...seen, target.key].join(' → ')}`
  if (seen.length + 1 > MAX_DEPTH) return `extends chain deeper than ${MAX_DEPTH}: ${[...seen, target.key].join(' → ')}`
  let text: string | undefined
  try {
    text = await target.load()
  } catch (e) {
    if (!(e instanceof RemoteReadError)) throw e
    return `extends: ${JSON.stringify(name)}: ${e.message}`
  }
  if (text === undefined) return target.missing
  return { target, text }
}

async function resolveChain(text: string, file: string, origin: Origin, seen: string[], st: ChainState): Promise<unknown> {
  // This file's own issues and those of its `extends` chain are reported together: one run of
  // `pr-gate validate` names every problem, not one layer at a time.
  const { doc: raw, issues } = parseAndValidate(text, file)
  const ext: unknown[] = raw.extends === undefined ? [] : Array.isArray(raw.extends) ? raw.extends : [raw.extends]
  // Errors about an `extends` entry point at that entry (file:line:column), like every other policy error.
  const at = (i: number): { line?: number; column?: number } => {
    const p = positionsOf(text).get(Array.isArray(raw.extends) ? `extends.${i}` : 'extends')
    return p ? { line: p.value.line, column: p.value.column } : {}
  }
  let merged: unknown = {}
  for (const [i, name] of ext.entries()) {
    if (typeof name !== 'string') continue // a type error, already among this file's issues
    const child = await readExtended(name, origin, seen, st)
    if (typeof child === 'string') {
      issues.push({ file, ...at(i), message: child })
      continue
    }
    try {
      merged = deepMerge(merged, await resolveChain(child.text, child.target.file, child.target.origin, [...seen, child.target.key], st))
    } catch (e) {
      if (!(e instanceof PolicyError)) throw e
      issues.push(...e.issues)
    }
  }
  const own = { ...raw }
  delete own.extends
  delete own.$schema
  const locks = extractLocks(own, text, file, issues)
  if (issues.length) throw new PolicyError(issues)
  st.sources.push(file)
  st.layers.push({ file, own, text })
  const result = deepMerge(merged, own)
  if (locks.length) {
    const resolved = withDefaults(result)
    for (const l of locks) st.locks.push({ ...l, floor: structuredClone(getPath(resolved, l.path.split('.'))) })
  }
  return result
}

function remoteTarget(spec: RemoteSpec, st: ChainState): ExtendsTarget {
  const name = remoteName(spec)
  return {
    key: remoteKey(spec),
    file: name,
    origin: { kind: 'remote' as const, spec },
    load: () => {
      if (!st.options.remote)
        throw new RemoteReadError(
          `a policy in another repository is read through the GitHub API, and there is no token ` +
            `to read it${st.options.remoteUnavailable ? ` (${st.options.remoteUnavailable})` : ''}`,
        )
      return st.options.remote(spec)
    },
    missing:
      `extends: ${JSON.stringify(name)} was not found: no file ${spec.path} in ${spec.owner}/${spec.repo} ` +
      `at ${spec.ref === 'HEAD' ? 'its default branch' : spec.ref} (or the token cannot read that repository)`,
  }
}

/**
 * Whether a policy file holds no document at all (empty, only comments, `---`, or `null`). Such a file
 * means the default preset, exactly as if the repository had none: an empty file must not silently turn
 * the preset off (a file with keys and no `extends` starts from the schema's defaults instead).
 */
export function isEmptyPolicy(text: string): boolean {
  if (text.trim() === '') return true
  try {
    const doc: unknown = load(text)
    return doc === null || doc === undefined
  } catch (e) {
    return e instanceof YAMLException && !e.mark && /input is empty/.test(e.reason)
  }
}

/**
 * Loads the policy at `file` with content `text` (undefined = the repository has none, or an empty file
 * (see isEmptyPolicy): the embedded default preset is used). Throws PolicyError with every issue found.
 */
export async function loadPolicy(
  text: string | undefined,
  file: string,
  read: RepoReader,
  options: LoadOptions = {},
): Promise<LoadedPolicy> {
  const st: ChainState = { read, options, sources: [], locks: [], layers: [] }
  const empty = text !== undefined && isEmptyPolicy(text)
  const merged =
    text === undefined || empty
      ? await resolveChain(PRESETS.default, 'policies/default.yml', { kind: 'local' }, ['preset:default'], st)
      : await resolveChain(text, file, { kind: 'local' }, [file], st)
  if (empty) st.sources.push(`${file} (empty: the default preset applies)`)
  // Every registered rule gets an entry, so the engine never meets an unconfigured rule.
  const full = withDefaults(merged)
  const enforced: Enforcement[] = enforceFloors(full, st.locks).map((e) => ({ ...e, setBy: whoSet(st.layers, e.path, e.lockedBy.file) }))
  return { policy: resolvePolicy(full), sources: st.sources, enforced }
}

/** The last file of the chain (the closest to the repository) that set `path` or a key above it, after `lockFile`. */
function whoSet(layers: ChainState['layers'], path: string, lockFile: string): Enforcement['setBy'] {
  const segs = path.split('.')
  const lockAt = layers.findIndex((l) => l.file === lockFile)
  for (let i = layers.length - 1; i > lockAt; i--) {
    const l = layers[i]
    for (let n = segs.length; n > 0; n--) {
      if (getPath(l.own, segs.slice(0, n)) === undefined) continue
      const p = positionsOf(l.text).get(segs.slice(0, n).join('.'))
      return { file: l.file, line: p?.key?.line ?? p?.value.line, column: p?.key?.column ?? p?.value.column }
    }
  }
  return undefined
}

/** One enforced org floor in words, for the verdict's notes and `pr-gate validate`. */
export function describeEnforcement(e: Enforcement): string {
  const where = (w: { file: string; line?: number; column?: number }) =>
    w.line !== undefined ? `${w.file}:${w.line}:${w.column ?? 1}` : w.file
  const asked = e.setBy
    ? `${where(e.setBy)} sets ${JSON.stringify(e.requested ?? null)}`
    : `the policy asks for ${JSON.stringify(e.requested ?? null)}`
  return (
    `${e.path}: ${asked}, looser than the org floor ${JSON.stringify(e.enforced)} locked ` +
    `at ${where(e.lockedBy)} (${e.rule}); ${JSON.stringify(e.enforced)} is enforced`
  )
}
