/**
 * Shared machinery of the property tests in __tests__/fuzz (see docs/fuzzing.md).
 *
 * - The regular suite runs a SMALL seeded sample: `runs(n)` returns n (50–200) with the fixed seed, so a
 *   failure reproduces on every machine.
 * - `npm run fuzz` sets FUZZ_RUNS=10000 (and optionally FUZZ_SEED; FUZZ_PATH replays a reported failure):
 *   every property then runs that many cases. FUZZ_REPORT=<file> makes each property append one JSON line {parser, runs, ms} to that file,
 *   which scripts/fuzz.mjs sums into the per-parser table.
 */
import { appendFileSync } from 'node:fs'
import fc from 'fast-check'

export const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20261126
const BIG = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : undefined

/** Number of cases for a property: `small` in the regular suite, FUZZ_RUNS in the big run. */
export function runs(small: number): number {
  return BIG !== undefined && Number.isFinite(BIG) && BIG > 0 ? BIG : small
}

/** True in the big run (tests use it for a longer timeout). */
export const isBigRun = BIG !== undefined

/** Jest timeout of one property: generous in the big run, the default otherwise. */
export const TIMEOUT = isBigRun ? 60 * 60 * 1000 : 60_000

/**
 * Runs an async property with the fixed seed and records `parser` / case count for the big-run report.
 * Cases are counted by the property itself, so the figure is what really ran.
 */
export async function check<T>(
  parser: string,
  small: number,
  arb: fc.Arbitrary<T>,
  predicate: (value: T) => Promise<void> | void,
  extra: fc.Parameters<[T]> = {},
): Promise<void> {
  let cases = 0
  const started = Date.now()
  const prop = fc.asyncProperty(arb, async (value) => {
    cases++
    await predicate(value)
  })
  // FUZZ_PATH replays one failure (fast-check prints seed and path); run that one test with `-t`.
  await fc.assert(prop, { seed: SEED, numRuns: runs(small), ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH } : {}), ...extra })
  if (process.env.FUZZ_REPORT)
    appendFileSync(process.env.FUZZ_REPORT, JSON.stringify({ parser, runs: cases, ms: Date.now() - started }) + '\n')
}

// ---------------------------------------------------------------------------------------------------------
// Strings

/** Characters that break parsers: quotes, brackets, control characters, BOM, NUL, CR, surrogates, RTL. */
const NASTY = [
  '\u0000',
  '\t',
  '\r',
  '\r\n',
  '\n',
  '\uFEFF',
  '\u2028',
  '\u202E',
  '\uD800',
  '\uDC00',
  '😀',
  'é',
  'ß',
  '\\',
  '"',
  "'",
  '`',
  '<',
  '>',
  '&',
  '{',
  '}',
  '[',
  ']',
  ':',
  ',',
  '-',
  '#',
  '%',
  '*',
  '!',
  '|',
  '@',
  '$',
  '\u00A0',
  ' ',
  '  ',
]

/** A short string of printable and nasty characters. */
export const nastyString = (maxLength = 40): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        { weight: 3, arbitrary: fc.string({ maxLength: 6, unit: 'grapheme-ascii' }) },
        { weight: 2, arbitrary: fc.constantFrom(...NASTY) },
        { weight: 1, arbitrary: fc.string({ maxLength: 4, unit: 'binary' }) },
      ),
      { maxLength: Math.ceil(maxLength / 3) },
    )
    .map((parts) => parts.join('').slice(0, maxLength))

/** A number as text, including the awkward ones. */
export const numberText: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: -5, max: 2000 }).map(String),
  fc.constantFrom('0', '-1', '1e309', 'NaN', 'Infinity', '1.5', '9007199254740993', '0x10', '', ' 1', '99999999999999999999', '1,2'),
)

// ---------------------------------------------------------------------------------------------------------
// Mutations of a valid document

export type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'delete'; at: number; len: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'replace'; at: number; len: number; text: string }
  | { kind: 'dupLine'; line: number }
  | { kind: 'dropLine'; line: number }
  | { kind: 'swapLines'; a: number; b: number }
  | { kind: 'indent'; line: number; delta: number }
  | { kind: 'token'; at: number; token: string }

/** Positions are fractions in [0, 1) so one mutation list fits any text length. */
const frac = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })

export function mutationArb(tokens: readonly string[]): fc.Arbitrary<Mutation> {
  const tok = tokens.length ? fc.constantFrom(...tokens) : nastyString(8)
  return fc.oneof(
    fc.record({ kind: fc.constant('truncate' as const), at: frac }),
    fc.record({ kind: fc.constant('delete' as const), at: frac, len: fc.integer({ min: 1, max: 40 }) }),
    fc.record({ kind: fc.constant('insert' as const), at: frac, text: nastyString(20) }),
    fc.record({
      kind: fc.constant('replace' as const),
      at: frac,
      len: fc.integer({ min: 1, max: 12 }),
      text: fc.oneof(nastyString(12), tok),
    }),
    fc.record({ kind: fc.constant('dupLine' as const), line: frac }),
    fc.record({ kind: fc.constant('dropLine' as const), line: frac }),
    fc.record({ kind: fc.constant('swapLines' as const), a: frac, b: frac }),
    fc.record({ kind: fc.constant('indent' as const), line: frac, delta: fc.integer({ min: -4, max: 6 }) }),
    fc.record({ kind: fc.constant('token' as const), at: frac, token: tok }),
  )
}

export function applyMutation(text: string, m: Mutation): string {
  const pos = (f: number) => Math.floor(f * (text.length + 1))
  switch (m.kind) {
    case 'truncate':
      return text.slice(0, pos(m.at))
    case 'delete':
      return text.slice(0, pos(m.at)) + text.slice(pos(m.at) + m.len)
    case 'insert':
      return text.slice(0, pos(m.at)) + m.text + text.slice(pos(m.at))
    case 'replace':
      return text.slice(0, pos(m.at)) + m.text + text.slice(pos(m.at) + m.len)
    case 'token':
      return text.slice(0, pos(m.at)) + m.token + text.slice(pos(m.at))
    default: {
      const lines = text.split('\n')
      const li = (f: number) => Math.min(lines.length - 1, Math.floor(f * lines.length))
      if (m.kind === 'dupLine') lines.splice(li(m.line), 0, lines[li(m.line)])
      else if (m.kind === 'dropLine') lines.splice(li(m.line), 1)
      else if (m.kind === 'swapLines') {
        const a = li(m.a)
        const b = li(m.b)
        ;[lines[a], lines[b]] = [lines[b], lines[a]]
      } else {
        const i = li(m.line)
        lines[i] = m.delta >= 0 ? ' '.repeat(m.delta) + lines[i] : lines[i].replace(new RegExp(`^ {0,${-m.delta}}`), '')
      }
      return lines.join('\n')
    }
  }
}

/** A valid seed document mutated 1–5 times (sometimes 0: the seed itself must pass too). */
export function mutated(seeds: readonly string[], tokens: readonly string[] = [], maxMutations = 5): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...seeds), fc.array(mutationArb(tokens), { minLength: 0, maxLength: maxMutations }))
    .map(([seed, ms]) => ms.reduce(applyMutation, seed))
}

/** Lines of a text (as editors count them: a trailing newline opens one more line). */
export function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n|\u2028|\u2029/).length
}

// ---------------------------------------------------------------------------------------------------------
// Structural mutations of JSON documents (type confusion: a string where an array was, null, {}, …)

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

function paths(v: Json, at: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  out.push(at)
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out))
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out)
  return out
}

function setAt(root: Json, path: Array<string | number>, value: Json | undefined): Json {
  if (path.length === 0) return value === undefined ? null : value
  let node = root as Record<string | number, Json>
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, Json>
  const last = path[path.length - 1]
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1)
    else delete node[last]
  } else node[last] = value
  return root
}

/** A JSON value likely to confuse a reader: wrong types, extremes, hostile strings. */
export const confusingJson: fc.Arbitrary<Json | undefined> = fc.oneof(
  fc.constantFrom<Json | undefined>(
    undefined,
    null,
    true,
    false,
    0,
    -1,
    1e308,
    -0.5,
    '',
    'NaN',
    '9.8',
    'critical',
    'CRITICAL',
    'GHSA-xxxx-xxxx-xxxx',
    'CVE-2024-0001',
    [],
    {},
    [null],
    JSON.parse('{"__proto__":{"polluted":1}}') as Json,
    { length: 3 },
  ),
  nastyString(20),
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
)

/** Seeds parsed as JSON, 1–4 nodes replaced or deleted, serialised (sometimes pretty, sometimes not). */
export function jsonMutated(seeds: readonly string[]): fc.Arbitrary<string> {
  const docs = seeds.map((s) => JSON.parse(s.replace(/^\uFEFF/, '')) as Json)
  return fc
    .tuple(
      fc.integer({ min: 0, max: docs.length - 1 }),
      fc.array(fc.tuple(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), confusingJson), { minLength: 1, maxLength: 4 }),
      fc.boolean(),
    )
    .map(([d, edits, pretty]) => {
      let doc = structuredClone(docs[d])
      for (const [f, value] of edits) {
        const all = paths(doc)
        doc = setAt(doc, all[Math.floor(f * all.length)], value === undefined ? undefined : structuredClone(value))
      }
      return JSON.stringify(doc, null, pretty ? 2 : undefined) ?? 'null'
    })
}
