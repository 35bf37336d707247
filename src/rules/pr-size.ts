/**
 * pr-size: changed lines (additions + deletions) and files, without generated, vendored and lock files.
 * The standard behind it: small PRs get better reviews; teams trend toward a median under 300 changed
 * lines. Optionally maintains size labels (XS…XXL).
 */
import { Type } from '@sinclair/typebox'
import type { ChangedFile, Finding, Level, RuleTable } from '../types.js'
import { matchesAny } from '../change/glob.js'
import { defineRule } from './define.js'
import { compareText, countOf, groupDigits } from '../text.js'

const SIZE_NAMES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'] as const

export const prSizeOptions = Type.Object({
  warn_lines: Type.Integer({
    minimum: 0,
    default: 400,
    description: 'Warn above this many changed lines (additions + deletions). 0 = no limit.',
  }),
  fail_lines: Type.Integer({ minimum: 0, default: 1000, description: 'Fail above this many changed lines. 0 = no limit.' }),
  warn_files: Type.Integer({ minimum: 0, default: 50, description: 'Warn above this many changed files. 0 = no limit.' }),
  fail_files: Type.Integer({ minimum: 0, default: 0, description: 'Fail above this many changed files. 0 = no limit.' }),
  exclude: Type.Array(Type.String(), {
    default: [],
    description: 'More globs (minimatch) whose files do not count, on top of lock/generated/vendored files and .gitattributes.',
  }),
  labels: Type.Boolean({ default: false, description: 'Apply a size label (e.g. size/M) and remove the other size labels.' }),
  label_prefix: Type.String({ default: 'size/', description: 'Prefix of the size labels.' }),
  sizes: Type.Object(
    {
      XS: Type.Integer({ minimum: 0, default: 10 }),
      S: Type.Integer({ minimum: 0, default: 30 }),
      M: Type.Integer({ minimum: 0, default: 100 }),
      L: Type.Integer({ minimum: 0, default: 500 }),
      XL: Type.Integer({ minimum: 0, default: 1000 }),
    },
    {
      additionalProperties: false,
      default: {},
      description: 'Upper bounds (changed lines, exclusive) of each size label; above XL is XXL.',
    },
  ),
})

export function sizeLabel(
  lines: number,
  sizes: Record<(typeof SIZE_NAMES)[number], number> | Record<string, number>,
): (typeof SIZE_NAMES)[number] {
  for (const name of SIZE_NAMES.slice(0, -1)) if (lines < (sizes as Record<string, number>)[name]) return name
  return 'XXL'
}

const fmt = groupDigits

/** Top directories by changed lines (first two path segments). */
function largestDirectories(files: ChangedFile[], n: number): Array<[string, number, number]> {
  const by = new Map<string, [number, number]>()
  for (const f of files) {
    const parts = f.path.split('/')
    const dir = parts.length > 2 ? parts.slice(0, 2).join('/') + '/' : parts.length === 2 ? parts[0] + '/' : '(root)'
    const cur = by.get(dir) ?? [0, 0]
    cur[0] += f.additions + f.deletions
    cur[1] += 1
    by.set(dir, cur)
  }
  return [...by.entries()]
    .map(([d, [l, c]]) => [d, l, c] as [string, number, number])
    .sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))
    .slice(0, n)
}

export const prSize = defineRule({
  id: 'pr-size',
  description: 'Keeps pull requests reviewable: changed lines and files, without generated, vendored and lock files.',
  options: prSizeOptions,
  defaultLevel: 'warn',
  evaluate(ctx, o) {
    const counted: ChangedFile[] = []
    const excluded: Array<{ file: ChangedFile; reason: string }> = []
    for (const f of ctx.changes.files) {
      if (f.excluded) excluded.push({ file: f, reason: f.excluded })
      else if (o.exclude.length && matchesAny(f.path, o.exclude)) excluded.push({ file: f, reason: 'policy exclude' })
      else counted.push(f)
    }
    const lines = counted.reduce((s, f) => s + f.additions + f.deletions, 0)
    const files = counted.length
    const excludedLines = excluded.reduce((s, e) => s + e.file.additions + e.file.deletions, 0)
    const partial = ctx.changes.truncated
      ? ` (at least: GitHub listed ${fmt(ctx.changes.files.length)} of ${fmt(ctx.changes.totalFiles)} files)`
      : ''
    const size = sizeLabel(lines, o.sizes)
    const summary =
      `${countOf(lines, 'changed line')} in ${countOf(files, 'file')}${partial}; size ${size}` +
      (excluded.length ? `; excluded ${countOf(excluded.length, 'file')} (${countOf(excludedLines, 'line')})` : '')

    const findings: Finding[] = []
    const check = (value: number, warn: number, fail: number, what: string) => {
      let level: Level | undefined
      let limit = 0
      if (fail > 0 && value > fail) [level, limit] = ['fail', fail]
      else if (warn > 0 && value > warn) [level, limit] = ['warn', warn]
      if (!level) return
      const top = largestDirectories(counted, 3)
        .map(([d, l]) => `${d} (${fmt(l)})`)
        .join(', ')
      findings.push({
        code: what === 'lines' ? 'too-many-lines' : 'too-many-files',
        level,
        message:
          `${fmt(value)} changed ${what}${partial} is over the ${level === 'fail' ? 'failure' : 'warning'} ` +
          `limit of ${fmt(limit)}. Largest directories: ${top || 'none'}.`,
        hint:
          'Split the change into smaller pull requests (e.g. refactoring first, then behaviour; ' +
          'one service at a time), or exclude generated files in .gitattributes with linguist-generated.',
      })
    }
    check(lines, o.warn_lines, o.fail_lines, 'lines')
    check(files, o.warn_files, o.fail_files, 'files')

    const tables: RuleTable[] = []
    const dirs = largestDirectories(counted, 5)
    if (dirs.length)
      tables.push({
        title: 'Largest directories',
        columns: ['Directory', 'Changed lines', 'Files'],
        rows: dirs.map(([d, l, c]) => [d, fmt(l), fmt(c)]),
      })
    if (excluded.length) {
      const shown = excluded.slice(0, 20)
      const rows = shown.map((e) => [e.file.path, e.reason, fmt(e.file.additions + e.file.deletions)])
      if (excluded.length > shown.length) rows.push([`… and ${fmt(excluded.length - shown.length)} more`, '', ''])
      tables.push({ title: 'Not counted', columns: ['File', 'Why', 'Lines'], rows })
    }
    const labels = o.labels
      ? { add: [`${o.label_prefix}${size}`], remove: SIZE_NAMES.filter((s) => s !== size).map((s) => `${o.label_prefix}${s}`) }
      : undefined
    return { findings, summary, tables, labels, data: { lines, files, size, excludedFiles: excluded.length, excludedLines } }
  },
})
