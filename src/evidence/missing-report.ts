/**
 * The "listed report not found" decision shared by the rules that read scanner reports (dependencies,
 * code-scanning). A policy lists reports by plain path or by glob. A glob that matches nothing is a notice
 * (the rule's caller words it); a plain path that is not in the workspace follows the rule's
 * `missing_report` option: `fail` (a finding at the rule's level), `warn`, or `ignore` (a summary note).
 * A silent pass on a report that was expected is the worst outcome.
 */
import { Type } from '@sinclair/typebox'
import { matchesAny } from '../change/glob.js'
import type { Finding } from '../types.js'

export type MissingReport = 'fail' | 'warn' | 'ignore'

/** The `missing_report` option of a rule's schema (default `fail`), with that rule's description. */
export function missingReportOption(description: string) {
  return Type.Union([Type.Literal('fail'), Type.Literal('warn'), Type.Literal('ignore')], { default: 'fail', description })
}

const GLOB_MAGIC = /[*?[\]{}!]/

/** The entries of a `reports` list that no file found matches, in list order: plain paths and globs. */
export interface UnfoundReports {
  /** Plain paths that are not in the workspace: each follows `missing_report`. */
  readonly missing: string[]
  /** Globs that matched nothing. */
  readonly unmatched: string[]
}

export function unfoundReports(listed: readonly string[], found: readonly { readonly path: string }[]): UnfoundReports {
  const missing: string[] = []
  const unmatched: string[] = []
  for (const g of listed) {
    if (found.some((f) => matchesAny(f.path, [g]))) continue
    if (GLOB_MAGIC.test(g)) unmatched.push(g)
    else missing.push(g)
  }
  return { missing, unmatched }
}

/** What a listed report that is missing concludes: `fail` and `warn` add a finding, `ignore` a note. */
export function reportMissing(
  sink: { readonly findings: Finding[]; readonly notes: string[] },
  action: MissingReport,
  path: string,
  text: { readonly message: string; readonly hint: string },
): void {
  const { message, hint } = text
  if (action === 'fail') sink.findings.push({ message, hint, code: 'missing-report' })
  else if (action === 'warn') sink.findings.push({ message, level: 'warn', code: 'missing-report' })
  else sink.notes.push(`${path}: not found (ignored)`)
}
