/**
 * The waiver audit trail: every waiver applied, with who gave it, when, on which head commit, why, and a
 * link to GitHub's record (the labeled event, the review or the comment). The same data feeds the comment,
 * the check run, the job summary, the JSON report and the CLI text. Untrusted text is escaped here.
 */
import type { Verdict, WaiverAudit } from '../types.js'
import { escapeText } from './escape.js'

const KIND: Record<WaiverAudit['kind'], string> = {
  label: 'label',
  review: 'approving review',
  'review-comment': 'review comment',
  comment: 'comment',
  local: 'CLI --label',
}

export function waiversOf(v: Verdict): WaiverAudit[] {
  return v.results.flatMap((r) => (r.status === 'waived' && r.waiver ? [r.waiver] : []))
}

/** A safe http(s) link to GitHub's record, or undefined. */
function link(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\/[^\s<>"'`]+$/.test(url)) return undefined
  return url
}

/** One line in Markdown: "waived by @alice (repository role maintain) with a label on abc123 at …: reason (record)". */
export function waiverSentence(w: WaiverAudit): string {
  if (w.kind === 'local')
    return (
      `waived by the label <code>${escapeText(w.label ?? '')}</code> given on the command ` +
      `line (not verified against GitHub)${w.reason ? `: ${escapeText(w.reason, 300)}` : ''}`
    )
  const who = `<code>${escapeText(w.by)}</code>`
  const how = w.kind === 'label' && w.label ? `the label <code>${escapeText(w.label)}</code>` : KIND[w.kind]
  const when = w.at ? ` at ${escapeText(w.at)}` : ''
  const url = link(w.url)
  const record = url ? ` ([record](${url}))` : ''
  const reason = w.reason ? `: ${escapeText(w.reason, 300)}` : ''
  return `waived by ${who} (${escapeText(w.via)}) with ${how} on <code>${escapeText(w.head.slice(0, 12))}</code>${when}${reason}${record}`
}

/** The audit table (Markdown), or no lines when nothing was waived. */
export function waiverAuditLines(v: Verdict): string[] {
  const ws = waiversOf(v)
  if (!ws.length) return []
  const lines = ['### Waivers', '', '| Rule | By | As | How | Head | When | Reason | Record |', '|---|---|---|---|---|---|---|---|']
  for (const w of ws) {
    const url = link(w.url)
    lines.push(
      `| \`${escapeText(w.rule)}\` | ${w.kind === 'local' ? escapeText(w.by) : `<code>${escapeText(w.by)}</code>`} ` +
        `| ${escapeText(w.via, 200)} ` +
        `| ${w.kind === 'label' && w.label ? `label <code>${escapeText(w.label)}</code>` : KIND[w.kind]} | ` +
        `<code>${escapeText(w.head.slice(0, 12))}</code> | ${escapeText(w.at ?? '')} ` +
        `| ${escapeText(w.reason ?? '', 300).replace(/\|/g, '\\|')} | ${url ? `[link](${url})` : ''} |`,
    )
  }
  lines.push('')
  return lines
}

/** Plain text for logs and the CLI. */
export function waiverText(w: WaiverAudit): string {
  if (w.kind === 'local')
    return `waived by the label ${w.label ?? ''} given on the command line (not verified against GitHub)${w.reason ? `: ${w.reason}` : ''}`
  const how = w.kind === 'label' && w.label ? `label ${w.label}` : KIND[w.kind]
  return (
    `waived by ${w.by} (${w.via}) ` +
    `with ${how} ` +
    `on ${w.head.slice(0, 12)}${w.at ? ` at ${w.at}` : ''}${w.reason ? `: ${w.reason}` : ''}${w.url ? ` <${w.url}>` : ''}`
  )
}
