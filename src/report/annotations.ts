import type { Verdict } from '../types.js'
import { visibleControls } from './escape.js'

export interface Annotation {
  path: string
  start_line: number
  end_line: number
  annotation_level: 'notice' | 'warning' | 'failure'
  message: string
  title?: string
}

/**
 * At most this many annotations per check run: each batch of 50 is one write request, and GitHub asks
 * integrations to space writes by a second. Findings beyond it are in the check text and the JSON report.
 */
export const MAX_ANNOTATIONS = 500

/** One annotation per finding that has a path and a line (plain text: annotations are not Markdown). */
export function annotationsOf(v: Verdict, max = MAX_ANNOTATIONS): Annotation[] {
  const out: Annotation[] = []
  for (const r of v.results) {
    if (r.status === 'off') continue
    for (const f of r.findings) {
      if (!f.path || !f.line) continue
      const level =
        f.kind === 'error'
          ? 'failure'
          : f.kind === 'info'
            ? 'notice'
            : f.level === 'fail'
              ? r.status === 'waived'
                ? 'warning'
                : 'failure'
              : f.level === 'warn'
                ? 'warning'
                : 'notice'
      // Plain text, but GitHub shows it as it is: controls and bidi overrides become visible escapes.
      const message = visibleControls(f.hint ? `${f.message}\n\nFix: ${f.hint}` : f.message)
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
  return out.slice(0, max)
}

/** How many findings with a line were not annotated because of the cap. */
export function unannotated(v: Verdict, max = MAX_ANNOTATIONS): number {
  return Math.max(0, annotationsOf(v, Infinity).length - max)
}
