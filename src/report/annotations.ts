import type { Verdict } from '../types.js'

export interface Annotation {
  path: string
  start_line: number
  end_line: number
  annotation_level: 'notice' | 'warning' | 'failure'
  message: string
  title?: string
}

/** One annotation per finding that has a path and a line (plain text: annotations are not Markdown). */
export function annotationsOf(v: Verdict): Annotation[] {
  const out: Annotation[] = []
  for (const r of v.results) {
    if (r.status === 'off') continue
    for (const f of r.findings) {
      if (!f.path || !f.line) continue
      const level = f.kind === 'error' ? 'failure' : f.kind === 'info' ? 'notice' : f.level === 'fail' ? (r.status === 'waived' ? 'warning' : 'failure') : f.level === 'warn' ? 'warning' : 'notice'
      const message = f.hint ? `${f.message}\n\nFix: ${f.hint}` : f.message
      out.push({
        path: f.path,
        start_line: f.line,
        end_line: Math.max(f.endLine ?? f.line, f.line),
        annotation_level: level,
        message: message.length > 60000 ? message.slice(0, 60000) + '…' : message,
        title: `${r.id}${f.code ? `: ${f.code}` : ''}`.slice(0, 255),
      })
    }
  }
  return out
}
