/**
 * Reading JSON from outside (event payloads, API answers) field by field, without `any`: each accessor
 * returns the value when it has the expected type and undefined otherwise.
 */
export type JsonObject = Record<string, unknown>

/** `v` is a JSON object: not null, not an array. */
export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

export function obj(v: unknown): JsonObject | undefined {
  return isObject(v) ? v : undefined
}

/** Follows a path of keys through nested objects. */
export function at(v: unknown, ...path: string[]): unknown {
  let cur: unknown = v
  for (const k of path) cur = obj(cur)?.[k]
  return cur
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined
}

export function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined
}

export function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : []
}

/**
 * JSON.stringify, typed as it behaves: undefined for undefined, a function or a symbol (the standard
 * library's type says `string`).
 */
export function stringify(v: unknown): string | undefined {
  return JSON.stringify(v) as string | undefined
}

/**
 * A value read from outside, as text: `fallback` for null or undefined, a string as it is, a number or a
 * boolean as String() writes it, anything else (an object, a list) as its JSON — never "[object Object]".
 */
export function textOf(v: unknown, fallback = ''): string {
  if (v === null || v === undefined) return fallback
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v)
  return stringify(v) ?? fallback
}
