/**
 * Loads a policy: parse YAML, validate every file of the `extends` chain with file:line:column errors,
 * deep-merge (rule by rule; lists and scalars replace), then fill defaults from the schema.
 */
import { load, YAMLException } from 'js-yaml'
import { policySchema, type ResolvedPolicy } from './schema.js'
import { positionsOf } from './positions.js'
import { applyDefaults, didYouMean, validate, type SchemaNode } from './validate.js'
import { PRESETS } from './presets.generated.js'
import { RULES } from '../rules/index.js'

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
    if (e instanceof YAMLException) throw new PolicyError([{ file, line: secondDocumentLine(text), column: 1, message: `invalid YAML: ${e.reason}` }])
    throw new PolicyError([{ file, message: `invalid YAML: ${e instanceof Error ? e.message : String(e)}` }])
  }
  if (doc === null || doc === undefined) doc = {}
  if (!isMapping(doc)) throw new PolicyError([{ file, line: 1, column: 1, message: 'expected a mapping at the top level (keys such as extends, rules, waivers)' }])
  const positions = positionsOf(text)
  const schema = policySchema() as unknown as SchemaNode
  const issues = validate(schema, doc, [], [], {
    unknownLabel: (path) => (path.length === 1 && path[0] === 'rules' ? 'unknown rule' : undefined),
  })
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
    for (let k = 0; k < offset && i < line.length; k++) i += (quote === '"' && line[i] === '\\') || (quote === "'" && line[i] === "'") ? 2 : 1
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

async function resolveChain(text: string, file: string, read: RepoReader, seen: string[], sources: string[]): Promise<unknown> {
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
    const key = PRESETS[name] !== undefined ? `preset:${name}` : name.replace(/^\.?\//, '')
    if (seen.includes(key)) {
      issues.push({ file, ...at(i), message: `extends cycle: ${[...seen, key].join(' → ')}` })
      continue
    }
    if (seen.length + 1 > MAX_DEPTH) {
      issues.push({ file, ...at(i), message: `extends chain deeper than ${MAX_DEPTH}: ${[...seen, key].join(' → ')}` })
      continue
    }
    let childText: string | undefined
    const isPath = name.includes('/') || /\.ya?ml$/.test(name)
    if (PRESETS[name] !== undefined) childText = PRESETS[name]
    else if (isPath) childText = await read(key)
    if (childText === undefined) {
      issues.push({
        file,
        ...at(i),
        message: isPath
          ? `extends: ${JSON.stringify(name)} was not found in the repository at the enforced ref`
          : `extends: unknown preset ${JSON.stringify(name)}${presetGuess(name)}; shipped presets: ${PRESET_NAMES.join(', ')} (or a repository path such as .github/policies/base.yml)`,
      })
      continue
    }
    try {
      merged = deepMerge(merged, await resolveChain(childText, key.startsWith('preset:') ? `policies/${name}.yml` : key, read, [...seen, key], sources))
    } catch (e) {
      if (!(e instanceof PolicyError)) throw e
      issues.push(...e.issues)
    }
  }
  if (issues.length) throw new PolicyError(issues)
  sources.push(file)
  const own = { ...raw }
  delete own.extends
  delete own.$schema
  return deepMerge(merged, own)
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
export async function loadPolicy(text: string | undefined, file: string, read: RepoReader): Promise<LoadedPolicy> {
  const sources: string[] = []
  const empty = text !== undefined && isEmptyPolicy(text)
  const merged =
    text === undefined || empty
      ? await resolveChain(PRESETS.default, 'policies/default.yml', read, ['preset:default'], sources)
      : await resolveChain(text, file, read, [file], sources)
  if (empty) sources.push(`${file} (empty: the default preset applies)`)
  const full = applyDefaults(policySchema() as unknown as SchemaNode, merged) as ResolvedPolicy
  // Every registered rule gets an entry, so the engine never meets an unconfigured rule.
  for (const r of RULES) full.rules[r.id] = (applyDefaults(policySchema().properties.rules.properties[r.id] as unknown as SchemaNode, full.rules[r.id] ?? {}) as ResolvedPolicy['rules'][string])
  return { policy: full, sources }
}
