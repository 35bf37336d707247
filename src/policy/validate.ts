/**
 * Validates a parsed policy document against the policy JSON Schema (the subset TypeBox emits: object,
 * array, string, integer, number, boolean, enum/const unions, patternProperties) and applies defaults.
 * Written here rather than with a generic validator because the messages are the product: each error says
 * what was expected and what was found, names the path, and carries a "did you mean" for unknown keys.
 * Strings with `format: "regex"` must compile under RE2 (see regex.ts); globs (`format: "glob"`, or a
 * string or list of strings whose description says "glob") must stay within the glob caps (see glob.ts).
 */
import { globProblem } from '../change/glob.js'
import { regexProblem } from './regex.js'

export interface SchemaNode {
  type?: string | string[]
  enum?: unknown[]
  const?: unknown
  anyOf?: SchemaNode[]
  properties?: Record<string, SchemaNode>
  required?: string[]
  additionalProperties?: boolean | SchemaNode
  patternProperties?: Record<string, SchemaNode>
  items?: SchemaNode
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  minLength?: number
  minItems?: number
  pattern?: string
  format?: string
  default?: unknown
  description?: string
}

export interface ValidationIssue {
  /** Path segments from the document root. */
  path: string[]
  /** Whether the position should point at the key (unknown keys) rather than the value. */
  atKey?: boolean
  message: string
  /** Index inside the string value the message is about (a regex construct, a brace), when known. */
  offset?: number
}

const MENTIONS_GLOB = /\bglobs?\b/i

function isGlobString(s: SchemaNode): boolean {
  return s.format === 'glob' || (s.type === 'string' && s.format === undefined && MENTIONS_GLOB.test(s.description ?? ''))
}

export function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'nothing'
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)
  if (Array.isArray(v)) return 'a list'
  if (typeof v === 'object') return 'a mapping'
  return String(v as number | boolean | bigint | symbol | ((...args: never[]) => unknown)) // what typeof leaves
}

function literals(s: SchemaNode): unknown[] | undefined {
  if (s.enum) return s.enum
  if (s.const !== undefined) return [s.const]
  if (s.anyOf && s.anyOf.every((m) => m.const !== undefined || m.enum)) return s.anyOf.flatMap((m) => literals(m) ?? [])
  return undefined
}

export function describeExpected(s: SchemaNode): string {
  const lits = literals(s)
  if (lits) return lits.length === 1 ? JSON.stringify(lits[0]) : `one of ${lits.map((l) => String(l)).join(', ')}`
  if (s.anyOf) return s.anyOf.map(describeExpected).join(' or ')
  switch (s.type) {
    case 'integer':
      if (s.minimum === 1 || s.exclusiveMinimum === 0) return 'a positive integer'
      if (s.minimum === 0) return 'a non-negative integer'
      return 'an integer'
    case 'number':
      if (s.minimum !== undefined && s.maximum !== undefined) return `a number from ${s.minimum} to ${s.maximum}`
      return 'a number'
    case 'string':
      if (s.format === 'date') return 'a date (YYYY-MM-DD)'
      return s.minLength ? 'a non-empty string' : 'a string'
    case 'boolean':
      return 'true or false'
    case 'array':
      return s.items ? `a list of ${plural(describeExpected(s.items))}` : 'a list'
    case 'object':
      return 'a mapping'
    default:
      return 'a value'
  }
}

function plural(d: string): string {
  return d.replace(/^an? /, '').replace(/^(.*?)( from .*)?$/, (_m, a: string, b?: string) => (a.endsWith('s') ? a : a + 's') + (b ?? ''))
}

function typeOk(s: SchemaNode, v: unknown): boolean {
  const t = s.type
  if (t === undefined) return true
  const types = Array.isArray(t) ? t : [t]
  return types.some((ty) => {
    switch (ty) {
      case 'integer':
        return typeof v === 'number' && Number.isInteger(v)
      case 'number':
        return typeof v === 'number' && Number.isFinite(v)
      case 'string':
        return typeof v === 'string'
      case 'boolean':
        return typeof v === 'boolean'
      case 'array':
        return Array.isArray(v)
      case 'object':
        return typeof v === 'object' && v !== null && !Array.isArray(v)
      case 'null':
        return v === null
      default:
        return true
    }
  })
}

/** Levenshtein distance, for "did you mean". */
export function distance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]
    dp[0] = i
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
      prev = tmp
    }
  }
  return dp[b.length]
}

export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined
  let bestD = Infinity
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase())
    if (d < bestD) {
      bestD = d
      best = c
    }
  }
  if (best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3))) return best
  // A longer or shorter spelling of one candidate ("warning" for "warn"): the one that shares the prefix.
  const w = word.toLowerCase()
  return w.length >= 3
    ? candidates.find((c) => c.length >= 3 && (w.startsWith(c.toLowerCase()) || c.toLowerCase().startsWith(w)))
    : undefined
}

export interface ValidateOptions {
  /** Label for unknown keys under this path (e.g. `rules` → "unknown rule"). */
  unknownLabel?: (path: string[]) => string | undefined
}

/** Validates without applying defaults; every problem is reported, not just the first. */
export function validate(
  schema: SchemaNode,
  value: unknown,
  path: string[] = [],
  issues: ValidationIssue[] = [],
  opts: ValidateOptions = {},
): ValidationIssue[] {
  const lits = literals(schema)
  if (lits) {
    validateLiteral(schema, lits, value, path, issues)
    return issues
  }
  if (schema.anyOf) {
    const ok = schema.anyOf.some((m) => validate(m, value, path, [], opts).length === 0)
    if (!ok) {
      // When exactly one member has the right type, report its detailed errors instead of a generic one.
      const sameType = schema.anyOf.filter((m) => typeOk(m, value))
      if (sameType.length === 1) validate(sameType[0], value, path, issues, opts)
      else issues.push({ path, message: `expected ${describeExpected(schema)}, got ${describeValue(value)}` })
    }
    return issues
  }
  if (!typeOk(schema, value)) {
    issues.push({ path, message: `expected ${describeExpected(schema)}, got ${describeValue(value)}` })
    return issues
  }
  if (typeof value === 'number') {
    if (
      (schema.minimum !== undefined && value < schema.minimum) ||
      (schema.maximum !== undefined && value > schema.maximum) ||
      (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum)
    ) {
      issues.push({ path, message: `expected ${describeExpected(schema)}, got ${value}` })
    }
  }
  if (typeof value === 'string') validateString(schema, value, path, issues)
  if (Array.isArray(value)) validateArray(schema, value, path, issues, opts)
  if (isPlainObject(value) && (schema.type === 'object' || schema.properties)) validateObject(schema, value, path, issues, opts)
  return issues
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeOk({ type: 'object' }, v)
}

/** A value of an enum / const schema: one of its literals, with a guess for a misspelt string. */
function validateLiteral(schema: SchemaNode, lits: unknown[], value: unknown, path: string[], issues: ValidationIssue[]): void {
  if (lits.includes(value)) return
  const guess =
    typeof value === 'string'
      ? didYouMean(
          value,
          lits.filter((l): l is string => typeof l === 'string'),
        )
      : undefined
  issues.push({
    path,
    message: `expected ${describeExpected(schema)}, got ${describeValue(value)}${guess ? ` (did you mean ${JSON.stringify(guess)}?)` : ''}`,
  })
}

/** Length, date format, pattern, and the RE2 / glob syntax of regex and glob strings. */
function validateString(schema: SchemaNode, value: string, path: string[], issues: ValidationIssue[]): void {
  if (schema.minLength !== undefined && value.length < schema.minLength)
    issues.push({ path, message: `expected ${describeExpected(schema)}, got ${describeValue(value)}` })
  if (schema.format === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value))
    issues.push({ path, message: `expected a date (YYYY-MM-DD), got ${describeValue(value)}` })
  if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(value))
    issues.push({ path, message: `expected a string matching /${schema.pattern}/, got ${describeValue(value)}` })
  if (schema.format === 'regex') {
    const p = regexProblem(value)
    if (p) issues.push({ path, message: `invalid regular expression (RE2 syntax): ${p.message}`, offset: p.offset })
  } else if (isGlobString(schema)) {
    const p = globProblem(value)
    if (p) issues.push({ path, message: `invalid glob: ${p.message}`, offset: p.offset })
  }
}

function validateArray(schema: SchemaNode, value: unknown[], path: string[], issues: ValidationIssue[], opts: ValidateOptions): void {
  if (schema.minItems !== undefined && value.length < schema.minItems)
    issues.push({ path, message: `expected at least ${schema.minItems} item(s), got ${value.length}` })
  // A list described as globs holds globs, whatever its items say.
  const items =
    schema.items && schema.items.type === 'string' && schema.items.format === undefined && MENTIONS_GLOB.test(schema.description ?? '')
      ? { ...schema.items, format: 'glob' }
      : schema.items
  if (items) value.forEach((item, i) => validate(items, item, [...path, String(i)], issues, opts))
}

/** Each key against its property, pattern property or additional properties; unknown keys with a guess; required keys. */
function validateObject(
  schema: SchemaNode,
  obj: Record<string, unknown>,
  path: string[],
  issues: ValidationIssue[],
  opts: ValidateOptions,
): void {
  const props = schema.properties ?? {}
  for (const key of Object.keys(obj)) {
    if (key in props) {
      validate(props[key], obj[key], [...path, key], issues, opts)
      continue
    }
    const pattern = Object.entries(schema.patternProperties ?? {}).find(([re]) => new RegExp(re).test(key))
    if (pattern) {
      validate(pattern[1], obj[key], [...path, key], issues, opts)
      continue
    }
    if (typeof schema.additionalProperties === 'object') {
      validate(schema.additionalProperties, obj[key], [...path, key], issues, opts)
      continue
    }
    if (schema.additionalProperties === false) {
      const known = Object.keys(props)
      const label = opts.unknownLabel?.(path) ?? 'unknown key'
      const guess = didYouMean(key, known)
      issues.push({
        path: [...path, key],
        atKey: true,
        message: `${label} ${JSON.stringify(key)}${guess ? ` (did you mean ${JSON.stringify(guess)}?)` : ''}; valid: ${known.join(', ')}`,
      })
    }
  }
  for (const req of schema.required ?? []) {
    const sub = (props as Partial<typeof props>)[req] // a required key the schema does not describe has no default
    if (!(req in obj) && sub?.default === undefined) issues.push({ path, message: `missing required key ${JSON.stringify(req)}` })
  }
}

/** Returns a copy of `value` with schema defaults filled in (objects with a default are created). */
export function applyDefaults(schema: SchemaNode, value: unknown): unknown {
  if (value === undefined) {
    if (schema.default === undefined) return undefined
    value = structuredClone(schema.default)
  }
  if (schema.properties && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const obj: Record<string, unknown> = { ...(value as Record<string, unknown>) }
    for (const [k, sub] of Object.entries(schema.properties)) {
      const filled = applyDefaults(sub, obj[k])
      if (filled !== undefined) obj[k] = filled
    }
    return obj
  }
  if (schema.items && Array.isArray(value)) return (value as unknown[]).map((v) => applyDefaults(schema.items as SchemaNode, v) ?? v)
  return value
}
