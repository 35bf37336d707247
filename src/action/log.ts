/**
 * The Action's log, for whoever debugs a gate from it: the policy's source and the diff range, then one
 * collapsible group per rule with its result and duration, its findings and fixes. Under debug logging
 * (ACTIONS_STEP_DEBUG, or a re-run with debug logging: `core.isDebug()`), each group adds the rule's level,
 * applicability, tables and notes as `::debug::` lines.
 *
 * Every untrusted text (finding messages, paths, scanner text) is written on one line with controls made
 * visible, after a fixed prefix: nothing from a pull request can start a line with `::` and so issue a
 * workflow command (add-mask, stop-commands, set-output…).
 */
import type { RuleResult, Verdict } from '../types.js'
import { visibleControls } from '../report/escape.js'
import { waiverText } from '../report/waiver-audit.js'

export interface LogSink {
  info(message: string): void
  debug(message: string): void
  isDebug(): boolean
  startGroup(name: string): void
  endGroup(): void
}

const WORD: Record<RuleResult['status'], string> = {
  pass: 'pass',
  notice: 'pass (notices)',
  warn: 'warning',
  fail: 'FAIL',
  error: 'NOT EVALUATED',
  off: 'off',
  waived: 'waived',
}

/** One line of untrusted text, safe to print after a prefix. */
export function oneLine(s: string, max = 2000): string {
  const flat = s.replace(/\r\n|\r|\n|\u2028|\u2029/g, ' ')
  return visibleControls(flat.length > max ? flat.slice(0, max) + '…' : flat)
}

function resultWord(r: RuleResult): string {
  if ((r.status === 'pass' || r.status === 'notice') && r.applicability === 'not-applicable') return 'not applicable'
  if ((r.status === 'pass' || r.status === 'notice') && r.applicability === 'no-evidence') return 'no evidence'
  return WORD[r.status]
}

export function logVerdict(v: Verdict, log: LogSink, range?: { baseRef?: string; headRef?: string }): void {
  const debug = log.isDebug()
  log.info(`policy: ${oneLine(v.policySource)}`)
  const names = range?.baseRef || range?.headRef ? ` (${oneLine(range.baseRef ?? '?', 200)}...${oneLine(range.headRef ?? '?', 200)})` : ''
  log.info(`diff range: ${oneLine(v.base, 200)}...${oneLine(v.head, 200)}${names}`)
  for (const n of v.notes) log.info(`note (${n.level}): ${oneLine(n.message)}`)
  for (const r of v.results) {
    const time = r.durationMs !== undefined ? ` in ${r.durationMs} ms` : ''
    log.startGroup(`${r.id}: ${resultWord(r)}${time}`)
    try {
      if (r.status === 'off') log.info(`  off${r.summary ? `: ${oneLine(r.summary)}` : ' in the policy'}`)
      else if (r.summary) log.info(`  ${oneLine(r.summary)}`)
      if (r.waiver) log.info(`  ${oneLine(waiverText(r.waiver), 800)}`)
      for (const f of r.findings) {
        const level = f.kind === 'error' ? 'error' : f.kind === 'info' ? 'info' : (f.level ?? r.level)
        const where = f.path ? `${oneLine(f.path, 500)}${f.line ? `:${f.line}` : ''} ` : ''
        log.info(`  [${level}] ${where}${f.code ? `(${oneLine(f.code, 100)}) ` : ''}${oneLine(f.message)}`)
        if (f.hint) log.info(`    fix: ${oneLine(f.hint)}`)
      }
      if (debug) {
        log.debug(
          `${r.id}: level ${r.level}, status ${r.status}, ` +
            `applicability ${r.applicability ?? 'n/a'}, ${r.findings.length} finding(s)${time}`,
        )
        for (const t of r.tables ?? []) {
          log.debug(`${r.id} table ${oneLine(t.title ?? '', 200)}: ${t.columns.map((c) => oneLine(c, 100)).join(' | ')}`)
          for (const row of t.rows.slice(0, 200)) log.debug(`${r.id}   ${row.map((c) => oneLine(c, 300)).join(' | ')}`)
          if (t.rows.length > 200) log.debug(`${r.id}   … ${t.rows.length - 200} more rows (JSON report)`)
        }
        for (const n of r.notes ?? []) log.debug(`${r.id} note (${n.level}): ${oneLine(n.message)}`)
      }
    } finally {
      log.endGroup()
    }
  }
}
