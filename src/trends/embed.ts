/**
 * The gate's verdict as the trend report needs it, embedded in the check run's `text` so that `pr-gate
 * report --source api` (and the Action's `mode: report`) can read every merged pull request's figures
 * back with one GraphQL query per hundred pull requests, without re-evaluating anything.
 *
 * Form: one hidden HTML comment at the end of the text,
 *   <!-- pr-quality-gate:trend-record {"v":1,...} -->
 * The JSON has `<`, `>` and `&` written as \u003c, \u003e, \u0026, so nothing in it can close the comment
 * or be read as HTML by GitHub's Markdown renderer, and JSON.parse gives the same strings back. It is
 * bounded (MAX_RECORD_CHARS): long strings are cut and long lists shortened, and the record then says
 * `truncated: true`. Reading it back validates every field: a record that does not parse or has the
 * wrong shape counts as no record (the report then falls back to the pull request's own figures).
 */
import type { Verdict } from '../types.js'
import { list, num, obj, str, type JsonObject } from '../json.js'
import { recordFromVerdict, type PrRecord, type RecordMeta } from './record.js'

export const RECORD_MARKER = 'pr-quality-gate:trend-record'
/** The most characters the embedded comment takes in the check run text (65,535 at most). */
export const MAX_RECORD_CHARS = 8192
export const RECORD_VERSION = 1

/** The verdict's part of a PrRecord: what the gate found, without the pull request's own facts. */
export type GateFacts = Omit<PrRecord, keyof RecordMeta> & { truncated?: boolean }

const CONCLUSIONS = new Set(['success', 'neutral', 'failure'])

function escapeJson(json: string): string {
  return json.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
}

function cut(s: string | undefined, n: number): string | undefined {
  if (s === undefined) return undefined
  return s.length > n ? s.slice(0, n - 1) + '…' : s
}

/** Shortens strings and lists, harder at each level, until the record fits. */
function shrink(f: GateFacts, level: number): GateFacts {
  const strMax = [200, 80, 20][level] ?? 20
  const listMax = [50, 10, 3][level] ?? 3
  const ids = (a: string[]) => a.slice(0, listMax * 2)
  return {
    ...f,
    failed: ids(f.failed),
    errored: ids(f.errored),
    warned: ids(f.warned),
    waived: f.waived.slice(0, listMax).map((w) => ({
      rule: w.rule,
      label: cut(w.label, strMax) ?? '',
      ...(w.reason !== undefined ? { reason: cut(w.reason, strMax) } : {}),
    })),
    ...(f.migrations
      ? {
          migrations: {
            files: f.migrations.files,
            dangers: f.migrations.dangers
              .slice(0, listMax * 2)
              .map((d) => (level > 1 ? { code: d.code } : { code: d.code, path: cut(d.path, strMax), line: d.line })),
            suppressed: f.migrations.suppressed
              .slice(0, listMax)
              .map((s) => ({ id: cut(s.id, strMax) ?? '', path: cut(s.path, strMax) ?? '', reason: cut(s.reason, strMax) ?? '' })),
            ...(f.migrations.waived
              ? { waived: { label: cut(f.migrations.waived.label, strMax) ?? '', reason: cut(f.migrations.waived.reason, strMax) } }
              : {}),
          },
        }
      : {}),
    ...(f.runbook
      ? {
          runbook: {
            ...f.runbook,
            ...(f.runbook.optOut
              ? { optOut: { text: cut(f.runbook.optOut.text, strMax) ?? '', reason: cut(f.runbook.optOut.reason, strMax) } }
              : {}),
          },
        }
      : {}),
    truncated: true,
  }
}

export function factsFromVerdict(v: Verdict): GateFacts {
  const {
    number: _n,
    sha: _s,
    base: _b,
    title: _t,
    author: _a,
    mergedAt: _m,
    ...facts
  } = recordFromVerdict(v, { sha: '', base: '', title: '', author: '', mergedAt: '' })
  return facts
}

/** The hidden comment to append to the check run text (at most MAX_RECORD_CHARS characters). */
export function embedRecord(v: Verdict): string {
  let facts = factsFromVerdict(v)
  for (let level = 0; ; level++) {
    const out = `\n\n<!-- ${RECORD_MARKER} ${escapeJson(JSON.stringify({ v: RECORD_VERSION, ...facts }))} -->\n`
    if (out.length <= MAX_RECORD_CHARS) return out
    if (level > 3)
      return (
        `\n\n<!-- ${RECORD_MARKER} ` +
        JSON.stringify({ v: RECORD_VERSION, conclusion: v.conclusion, failed: [], errored: [], warned: [], waived: [], truncated: true }) +
        ' -->\n'
      )
    facts = shrink(factsFromVerdict(v), level)
  }
}

const strings = (v: unknown): string[] | undefined => {
  const a = list(v)
  return Array.isArray(v) && a.every((x) => typeof x === 'string') ? a : undefined
}

/** The gate's facts from a check run text, or undefined when it holds no valid record. */
export function extractRecord(text: string | null | undefined): GateFacts | undefined {
  if (!text) return undefined
  const start = text.lastIndexOf(`<!-- ${RECORD_MARKER} `)
  if (start < 0) return undefined
  const end = text.indexOf(' -->', start)
  if (end < 0) return undefined
  let j: JsonObject | undefined
  try {
    j = obj(JSON.parse(text.slice(start + RECORD_MARKER.length + 6, end)))
  } catch {
    return undefined
  }
  if (!j || j.v !== RECORD_VERSION) return undefined
  const conclusion = str(j.conclusion)
  const failed = strings(j.failed)
  const errored = strings(j.errored)
  const warned = strings(j.warned)
  if (!conclusion || !CONCLUSIONS.has(conclusion) || !failed || !errored || !warned || !Array.isArray(j.waived)) return undefined
  const facts: GateFacts = {
    conclusion: conclusion as GateFacts['conclusion'],
    failed,
    errored,
    warned,
    waived: list(j.waived)
      .map(obj)
      .filter((w): w is JsonObject => !!w && typeof w.rule === 'string')
      .map((w) => ({
        rule: w.rule as string,
        label: str(w.label) ?? '',
        ...(str(w.reason) !== undefined ? { reason: str(w.reason) } : {}),
      })),
  }
  if (j.truncated === true) facts.truncated = true
  const size = obj(j.size)
  const lines = num(size?.lines)
  const files = num(size?.files)
  if (lines !== undefined && files !== undefined && lines >= 0 && files >= 0) facts.size = { lines, files }
  const c = obj(j.critical)
  if (c && typeof c.configured === 'boolean' && typeof c.touched === 'boolean' && typeof c.tested === 'boolean') {
    facts.critical = {
      configured: c.configured,
      touched: c.touched,
      tested: c.tested,
      covered: num(c.covered) ?? 0,
      executable: num(c.executable) ?? 0,
    }
  }
  const m = obj(j.migrations)
  if (m && num(m.files) !== undefined) {
    const waived = obj(m.waived)
    facts.migrations = {
      files: num(m.files) as number,
      dangers: list(m.dangers)
        .map(obj)
        .filter((d): d is JsonObject => !!d && typeof d.code === 'string')
        .map((d) => ({
          code: d.code as string,
          ...(str(d.path) !== undefined ? { path: str(d.path) } : {}),
          ...(num(d.line) !== undefined ? { line: num(d.line) } : {}),
        })),
      suppressed: list(m.suppressed)
        .map(obj)
        .filter((s): s is JsonObject => !!s)
        .map((s) => ({ id: str(s.id) ?? '?', path: str(s.path) ?? '?', reason: str(s.reason) ?? '' })),
      ...(waived
        ? { waived: { label: str(waived.label) ?? '', ...(str(waived.reason) !== undefined ? { reason: str(waived.reason) } : {}) } }
        : {}),
    }
  }
  const r = obj(j.runbook)
  if (r && num(r.triggers) !== undefined) {
    const opt = obj(r.optOut)
    facts.runbook = {
      triggers: num(r.triggers) as number,
      violations: num(r.violations) ?? 0,
      ...(opt ? { optOut: { text: str(opt.text) ?? '', ...(str(opt.reason) !== undefined ? { reason: str(opt.reason) } : {}) } } : {}),
    }
  }
  return facts
}
