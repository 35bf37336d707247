/**
 * Renders one Verdict as Markdown: the sticky PR comment, the check-run summary/text and the job summary
 * are all cut from the same blocks, so every surface says the same thing.
 */
import type { Finding, RuleResult, RuleStatus, Verdict } from '../types.js'
import { encodePath, escapeText, renderRich, wellFormed } from './escape.js'

export const COMMENT_LIMIT = 65536
export const CHECK_TEXT_LIMIT = 65535
export const SUMMARY_LIMIT = 1024 * 1024

export const STATUS_ICON: Record<RuleStatus, string> = {
  pass: '✅',
  notice: '✅',
  warn: '⚠️',
  fail: '❌',
  error: '❗',
  off: '⏭️',
  waived: '☑️',
}
const STATUS_WORD: Record<RuleStatus, string> = {
  pass: 'pass',
  notice: 'pass (notices)',
  warn: 'warning',
  fail: 'fail',
  error: 'not evaluated',
  off: 'off',
  waived: 'waived',
}
const CONCLUSION_ICON = { success: '✅', neutral: '⚠️', failure: '❌' } as const

export interface RenderLinks {
  /** https://github.com/owner/repo (for file links) */
  repoUrl?: string
  /** Link to the check run (or run) holding the full report. */
  checkUrl?: string
  runUrl?: string
}

export function markerFor(checkName: string): string {
  return `<!-- pr-quality-gate:${checkName.replace(/-->/g, '')} -->`
}

function location(f: Finding, v: Verdict, links: RenderLinks): string {
  if (!f.path) return ''
  const lines = f.line ? (f.endLine && f.endLine !== f.line ? `${f.line}-${f.endLine}` : `${f.line}`) : ''
  const label = escapeText(f.path + (lines ? `:${lines}` : ''), 300)
  if (!links.repoUrl || !v.head) return label
  const anchor = f.line ? `#L${f.line}${f.endLine && f.endLine !== f.line ? `-L${f.endLine}` : ''}` : ''
  return `[${label}](${links.repoUrl}/blob/${encodeURIComponent(wellFormed(v.head))}/${encodePath(f.path)}${anchor})`
}

const LEVEL_ICON = { fail: '❌', warn: '⚠️', notice: 'ℹ️', off: '' } as const

function findingIcon(f: Finding): string {
  if (f.kind === 'error') return '❗'
  if (f.kind === 'info') return 'ℹ️'
  return LEVEL_ICON[f.level ?? 'fail']
}

function countFindings(r: RuleResult): string {
  const n = r.findings.filter((f) => f.kind !== 'info').length
  return n === 0 ? 'no findings' : `${n} finding${n === 1 ? '' : 's'}`
}

/** A block is a list of lines; truncation only ever cuts between lines (row boundaries). */
type Block = { lines: string[]; closer?: string; essential?: boolean }

export function headerBlock(v: Verdict): Block {
  const mode = v.mode === 'release' ? 'Release gate' : 'Quality gate'
  return { lines: [`## ${CONCLUSION_ICON[v.conclusion]} ${mode}: ${v.conclusion}`, '', escapeText(v.title), ''], essential: true }
}

export function tableBlock(v: Verdict): Block {
  if (!v.results.length) return { lines: [] }
  const lines = ['| Rule | Result | Summary |', '|---|---|---|']
  for (const r of v.results) {
    const summary = r.status === 'off' ? (r.summary ? escapeText(r.summary) : 'off in the policy') : r.status === 'waived' ? `waived by label ${escapeText(r.waiver?.label ?? '')}${r.waiver?.reason ? `: ${escapeText(r.waiver.reason, 300)}` : ''}` : escapeText(r.summary ?? countFindings(r), 500)
    lines.push(`| \`${r.id}\` | ${STATUS_ICON[r.status]} ${STATUS_WORD[r.status]} | ${summary} |`)
  }
  lines.push('')
  return { lines, essential: true }
}

export function notesBlock(v: Verdict): Block {
  const lines: string[] = []
  for (const n of v.notes) {
    const icon = n.level === 'error' ? '❗' : n.level === 'warning' ? '⚠️' : 'ℹ️'
    lines.push(`> ${icon} ${escapeText(n.message, 3000)}`)
    if (n.detail) {
      lines.push('>')
      for (const d of n.detail.split('\n').slice(0, 50)) lines.push(`> - ${renderRich(d, 1000)}`)
    }
    lines.push('')
  }
  return { lines, essential: true }
}

export function ruleDetailBlocks(v: Verdict, links: RenderLinks): Block[] {
  const blocks: Block[] = []
  for (const r of v.results) {
    if (r.status === 'off' || (r.findings.length === 0 && !r.tables?.length)) continue
    const open = r.status === 'fail' || r.status === 'error' ? ' open' : ''
    const lines = [`<details${open}><summary>${STATUS_ICON[r.status]} <b>${escapeText(r.id)}</b> — ${countFindings(r)}</summary>`, '', escapeText(r.description), '']
    if (r.findings.length) {
      lines.push('| | Where | Finding | How to fix |', '|---|---|---|---|')
      for (const f of r.findings) {
        const what = (f.code ? `<code>${escapeText(f.code)}</code> ` : '') + renderRich(f.message)
        lines.push(`| ${findingIcon(f)} | ${location(f, v, links)} | ${what} | ${f.hint ? renderRich(f.hint) : ''} |`)
      }
      lines.push('')
    }
    for (const t of r.tables ?? []) {
      if (t.title) lines.push(`**${escapeText(t.title)}**`, '')
      lines.push(`| ${t.columns.map((c) => escapeText(c)).join(' | ')} |`, `|${t.columns.map(() => '---').join('|')}|`)
      for (const row of t.rows) lines.push(`| ${row.map((c) => renderRich(c, 1000)).join(' | ')} |`)
      lines.push('')
    }
    blocks.push({ lines, closer: '</details>\n' })
  }
  return blocks
}

export function waiverBlock(v: Verdict, labelPrefix: string): Block {
  const blocking = v.results.filter((r) => r.status === 'fail' || r.status === 'warn' || r.status === 'error')
  if (!blocking.length) return { lines: [] }
  const example = blocking[0].id
  return {
    lines: [
      '<details><summary>How to waive a rule</summary>',
      '',
      `A maintainer adds the label \`${labelPrefix}<rule-id>\` (e.g. \`${labelPrefix}${example}\`) and the PR description carries a line \`${labelPrefix}${example} <reason>\`. The waiver and its reason are shown here and in the check run. The policy itself is read from the base branch: editing it in this PR does not change this result.`,
      '',
      '</details>',
      '',
    ],
  }
}

function footerBlock(v: Verdict, links: RenderLinks): Block {
  const parts = [`policy: ${escapeText(v.policySource)}`]
  // <code> + escaping, not backticks: in the CLI `head` is a ref name, which may hold ` and <.
  if (v.head) parts.push(`head: <code>${escapeText(v.head.slice(0, 12))}</code>`)
  if (links.runUrl) parts.push(`[run](${links.runUrl})`)
  return { lines: [`<sub>pr-quality-gate · ${parts.join(' · ')}</sub>`], essential: true }
}

/**
 * Joins blocks under `limit` characters. Essential blocks always go in; other blocks go in line by line,
 * and the first line that would not fit ends the output with a pointer to the full report.
 */
export function assemble(blocks: Block[], limit: number, pointer: string, measure: (s: string) => number = (s) => s.length): string {
  const tail = blocks.filter((b) => b.essential && b === blocks[blocks.length - 1])
  const body = blocks.filter((b) => !tail.includes(b))
  const tailText = tail.map((b) => b.lines.join('\n')).join('\n')
  const full = body.map((b) => b.lines.join('\n') + (b.closer ? '\n' + b.closer : '')).join('\n') + '\n' + tailText
  if (measure(full) <= limit) return full
  const note = `\n> ✂️ ${pointer}\n`
  const budget = limit - measure(tailText) - measure(note) - 40
  const out: string[] = []
  let used = 0
  let truncated = false
  for (const b of body) {
    const closer = b.closer ?? ''
    for (const line of b.lines) {
      if (used + measure(line) + 1 + measure(closer) > budget) {
        truncated = true
        break
      }
      out.push(line)
      used += measure(line) + 1
    }
    if (truncated) {
      if (closer) out.push(closer)
      break
    }
    if (closer) {
      out.push(closer)
      used += measure(closer) + 1
    }
  }
  return out.join('\n') + note + tailText
}

export interface CommentOptions {
  checkName: string
  labelPrefix: string
  links: RenderLinks
  limit?: number
}

export function renderComment(v: Verdict, o: CommentOptions): string {
  const pointer = o.links.checkUrl ? `Truncated: the full report is in the [check run](${o.links.checkUrl}) and the job summary.` : 'Truncated: the full report is in the check run and the job summary.'
  const blocks = [
    { lines: [markerFor(o.checkName)], essential: true },
    headerBlock(v),
    tableBlock(v),
    notesBlock(v),
    ...ruleDetailBlocks(v, o.links),
    waiverBlock(v, o.labelPrefix),
    footerBlock(v, o.links),
  ]
  return assemble(blocks, o.limit ?? COMMENT_LIMIT, pointer)
}

/** Check-run output: summary = overview, text = details (each ≤ 65,535 characters). */
export function renderCheckOutput(v: Verdict, o: Omit<CommentOptions, 'checkName'>): { title: string; summary: string; text: string } {
  const summary = assemble([headerBlock(v), tableBlock(v), notesBlock(v), footerBlock(v, o.links)], o.limit ?? CHECK_TEXT_LIMIT, 'Truncated: see the job summary for the full report.')
  const text = assemble([...ruleDetailBlocks(v, o.links), waiverBlock(v, o.labelPrefix), { lines: [''], essential: true }], o.limit ?? CHECK_TEXT_LIMIT, `Truncated: the JSON report (output \`report\`) and the job summary have every finding.`)
  return { title: v.title.length > 255 ? v.title.slice(0, 254) + '…' : v.title, summary, text }
}

export function renderJobSummary(v: Verdict, o: Omit<CommentOptions, 'checkName'>): string {
  return assemble(
    [headerBlock(v), tableBlock(v), notesBlock(v), ...ruleDetailBlocks(v, o.links), waiverBlock(v, o.labelPrefix), footerBlock(v, o.links)],
    o.limit ?? SUMMARY_LIMIT - 1024,
    'Truncated at the 1 MiB job-summary limit: the JSON report (output `report`) has every finding.',
    (text) => Buffer.byteLength(text), // the job-summary limit is in bytes, not characters
  )
}
