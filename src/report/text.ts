/** Plain-text rendering for the CLI (a terminal, not Markdown: nothing to escape but control characters). */
import type { Verdict } from '../types.js'

const ICON = { pass: 'PASS', notice: 'PASS', warn: 'WARN', fail: 'FAIL', error: 'ERROR', off: 'off', waived: 'WAIVED' } as const

function clean(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f\u001b]/g, '?')
}

export function renderText(v: Verdict): string {
  const out: string[] = [`quality gate: ${v.conclusion.toUpperCase()} — ${clean(v.title)}`, `policy: ${clean(v.policySource)}`, '']
  for (const n of v.notes) {
    out.push(`${n.level}: ${clean(n.message)}`)
    if (n.detail) for (const d of n.detail.split('\n')) out.push(`  ${clean(d)}`)
  }
  if (v.notes.length) out.push('')
  for (const r of v.results) {
    out.push(`${ICON[r.status].padEnd(6)} ${r.id}${r.summary ? ` — ${clean(r.summary)}` : ''}`)
    if (r.waiver) out.push(`       waived by ${clean(r.waiver.label)}${r.waiver.reason ? `: ${clean(r.waiver.reason)}` : ''}`)
    for (const f of r.findings) {
      const where = f.path ? `${clean(f.path)}${f.line ? `:${f.line}` : ''}: ` : ''
      const lvl = f.kind === 'error' ? 'error' : f.kind === 'info' ? 'info' : (f.level ?? r.level)
      out.push(`       [${lvl}] ${where}${f.code ? `(${f.code}) ` : ''}${clean(f.message)}`)
      if (f.hint) out.push(`         fix: ${clean(f.hint)}`)
    }
  }
  return out.join('\n') + '\n'
}
