/** Plain-text rendering for the CLI (a terminal, not Markdown: nothing to escape but control characters). */
import type { Verdict } from '../types.js'
import { visibleControls } from './escape.js'
import { waiverText } from './waiver-audit.js'

const ICON = { pass: 'PASS', notice: 'PASS', warn: 'WARN', fail: 'FAIL', error: 'ERROR', off: 'off', waived: 'WAIVED' } as const

/** Untrusted text for a terminal: ESC and every other C0/C1 control, and bidi controls, shown as `\uXXXX`. */
function clean(s: string): string {
  return visibleControls(s)
}

export function renderText(v: Verdict): string {
  const out: string[] = [`quality gate: ${v.conclusion.toUpperCase()} — ${clean(v.title)}`, `policy: ${clean(v.policySource)}`, '']
  for (const n of v.notes) {
    out.push(`${n.level}: ${clean(n.message)}`)
    if (n.detail) for (const d of n.detail.split('\n')) out.push(`  ${clean(d)}`)
  }
  if (v.notes.length) out.push('')
  for (const r of v.results) {
    // A pass with nothing to check is not a pass: say which it was.
    const quiet = r.status === 'pass' || r.status === 'notice'
    const word =
      quiet && r.applicability === 'not-applicable' ? 'N/A' : quiet && r.applicability === 'no-evidence' ? 'NO EVIDENCE' : ICON[r.status]
    out.push(`${word.padEnd(6)} ${r.id}${r.summary ? ` — ${clean(r.summary)}` : ''}`)
    if (r.waiver) out.push(`       ${clean(waiverText(r.waiver))}`)
    for (const f of r.findings) {
      const where = f.path ? `${clean(f.path)}${f.line ? `:${f.line}` : ''}: ` : ''
      const lvl = f.kind === 'error' ? 'error' : f.kind === 'info' ? 'info' : (f.level ?? r.level)
      out.push(`       [${lvl}] ${where}${f.code ? `(${f.code}) ` : ''}${clean(f.message)}`)
      if (f.hint) out.push(`         fix: ${clean(f.hint)}`)
    }
  }
  return out.join('\n') + '\n'
}
