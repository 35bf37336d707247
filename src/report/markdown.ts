/**
 * Renders one Verdict as Markdown: the sticky PR comment, the check-run summary/text and the job summary
 * are all cut from the same blocks, so every surface says the same thing.
 */
import { isBlocking } from '../pipeline/decision.js'
import { createHash } from 'node:crypto'
import type { Finding, Level, RuleResult, RuleStatus, Verdict } from '../types.js'
import { encodePath, escapeText, renderRich, safeLink, wellFormed } from './escape.js'
import { waiverAuditLines, waiverSentence } from './waiver-audit.js'

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

/**
 * What a rule's result is, in one word: its status, except that a rule which passed without having
 * anything to check says so (not applicable), as does one that had nothing to check it by (no evidence).
 */
export function resultOf(r: RuleResult): { icon: string; word: string } {
  if ((r.status === 'pass' || r.status === 'notice') && r.applicability === 'not-applicable') return { icon: '➖', word: 'not applicable' }
  if ((r.status === 'pass' || r.status === 'notice') && r.applicability === 'no-evidence') return { icon: '❔', word: 'no evidence' }
  return { icon: STATUS_ICON[r.status], word: STATUS_WORD[r.status] }
}

/** Worst first: what blocks, then what warns, what was waived, and last what had nothing to check. */
function resultRank(r: RuleResult): number {
  const base = { error: 0, fail: 1, warn: 2, waived: 3, notice: 4, pass: 5, off: 8 }[r.status]
  if (r.status !== 'pass' && r.status !== 'notice') return base
  return r.applicability === 'no-evidence' ? 6 : r.applicability === 'not-applicable' ? 7 : base
}

/** The results in severity order (the engine's rule order among equals). */
export function bySeverity(results: readonly RuleResult[]): RuleResult[] {
  return results
    .map((r, i) => ({ r, i }))
    .sort((a, b) => resultRank(a.r) - resultRank(b.r) || a.i - b.i)
    .map((x) => x.r)
}

export function tableBlock(v: Verdict): Block {
  if (!v.results.length) return { lines: [] }
  const lines = ['| Rule | Result | Summary |', '|---|---|---|']
  for (const r of bySeverity(v.results)) {
    const summary =
      r.status === 'off'
        ? r.summary
          ? escapeText(r.summary)
          : 'off in the policy'
        : r.status === 'waived'
          ? r.waiver
            ? waiverSentence(r.waiver)
            : 'waived'
          : escapeText(r.summary ?? countFindings(r), 500)
    const { icon, word } = resultOf(r)
    lines.push(`| \`${r.id}\` | ${icon} ${word} | ${summary} |`)
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
  for (const r of bySeverity(v.results)) {
    if (r.status === 'off' || (r.findings.length === 0 && !r.tables?.length)) continue
    const open = r.status === 'fail' || r.status === 'error' ? ' open' : ''
    const { icon } = resultOf(r)
    const lines = [
      `<details${open}><summary>${icon} <b>${escapeText(r.id)}</b> — ${countFindings(r)}</summary>`,
      '',
      escapeText(r.description),
      '',
    ]
    if (r.findings.length) {
      lines.push('| | Where | Finding | How to fix |', '|---|---|---|---|')
      for (const f of r.findings) {
        const what = (f.code ? `${codeOf(f)} ` : '') + renderRich(f.message)
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

/** How to waive, in one sentence (Markdown; arguments already escaped). */
function howToWaive(prefix: string, rule: string): string {
  return (
    `An approver named by the policy (never the PR author) adds the label <code>${prefix}${rule}</code>, ` +
    `with a line <code>${prefix}${rule} &lt;reason&gt;</code> in the PR description, or submits an approving review (or ` +
    `a review comment) with the line <code>/gate waive ${rule} &lt;reason&gt;</code>. Only GitHub's own record of who ` +
    `did it counts.`
  )
}

/** The audit table of the waivers applied (check run, job summary). */
export function waiverAuditBlock(v: Verdict): Block {
  return { lines: waiverAuditLines(v) }
}

export function waiverBlock(v: Verdict, labelPrefix: string): Block {
  const blocking = v.results.filter((r) => isBlocking(r.status))
  if (!blocking.length) return { lines: [] }
  const example = blocking[0].id
  return {
    lines: [
      '<details><summary>How to waive a rule</summary>',
      '',
      `${howToWaive(escapeText(labelPrefix), escapeText(example))} The waiver, who gave it and its reason are shown here and ` +
        `in the check run. The policy itself is read from the base branch: editing it in this PR does not change this result.`,
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

/**
 * The state a sticky comment shows, as a short hash: the conclusion and every rule's result, findings,
 * waivers and the gate's notes. Not the head SHA nor links: a push that changes nothing the reviewer
 * reads keeps the state (this is what `comment: on-change` compares).
 */
export function verdictState(v: Verdict): string {
  const state = {
    conclusion: v.conclusion,
    title: v.title,
    notes: v.notes.map((n) => [n.level, n.message, n.detail ?? '']),
    results: v.results.map((r) => ({
      id: r.id,
      status: r.status,
      applicability: r.applicability,
      waiver: r.waiver,
      findings: r.findings.map((f) => [
        f.kind ?? 'violation',
        f.level ?? '',
        f.code ?? '',
        f.path ?? '',
        f.line ?? 0,
        f.endLine ?? 0,
        f.message,
        f.hint ?? '',
      ]),
    })),
  }
  return createHash('sha256').update(JSON.stringify(state)).digest('hex').slice(0, 16)
}

const STATE_PREFIX = '<!-- pr-quality-gate-state:'

/** The state written in a sticky comment by `renderComment`, or undefined (an older comment, or none). */
export function commentState(body: string): string | undefined {
  const firstLine = body.split('\n', 1)[0]
  const at = firstLine.indexOf(STATE_PREFIX)
  if (at < 0) return undefined
  const m = /^([0-9a-f]{16}) -->/.exec(firstLine.slice(at + STATE_PREFIX.length))
  return m?.[1]
}

/** A finding in the comment's "to fix" list, with the rank that orders the list (0 = worst). */
interface Blocking {
  rule: RuleResult
  finding: Finding
  rank: number
}

function rankOf(f: Finding, r: RuleResult): number | undefined {
  if (f.kind === 'error') return 0
  if (f.kind === 'info') return undefined
  const level: Level = f.level ?? r.level
  return level === 'fail' ? 1 : level === 'warn' ? 2 : undefined
}

/** The findings that block (errors, failures) or warn, in rules not waived: worst first, rule order among equals. */
function blockingFindings(v: Verdict): Blocking[] {
  const out: Blocking[] = []
  for (const r of v.results) {
    if (r.status !== 'fail' && r.status !== 'warn' && r.status !== 'error') continue
    for (const f of r.findings) {
      const rank = rankOf(f, r)
      if (rank !== undefined) out.push({ rule: r, finding: f, rank })
    }
  }
  return out
    .map((b, i) => ({ b, i }))
    .sort((x, y) => x.b.rank - y.b.rank || x.i - y.i)
    .map((x) => x.b)
}

/** Findings of one rule at one rank with the same fix: one item, the fix written once. */
function groupBlocking(items: Blocking[]): Blocking[][] {
  const groups: Blocking[][] = []
  const byKey = new Map<string, Blocking[]>()
  for (const b of items) {
    const key = b.finding.hint ? JSON.stringify([b.rank, b.rule.id, b.finding.hint]) : undefined
    const g = key ? byKey.get(key) : undefined
    if (g) g.push(b)
    else {
      const fresh = [b]
      groups.push(fresh)
      if (key) byKey.set(key, fresh)
    }
  }
  return groups
}

const RANK_ICON = ['❗', '❌', '⚠️']
/** At most this many "to fix" items are shown open; the rest are collapsed under them. */
export const OPEN_ITEMS = 10
/** At most this many locations are listed in one item that shares a fix. */
const GROUP_LOCATIONS = 10

/** A finding's code, linked to its help page when it has a safe one (see `safeLink`). */
function codeOf(f: Finding): string {
  const code = `<code>${escapeText(f.code ?? '')}</code>`
  const url = f.url ? safeLink(f.url) : undefined
  return url ? `[${code}](${url})` : code
}

function findingLine(f: Finding, v: Verdict, links: RenderLinks): string {
  const where = location(f, v, links)
  return [where, f.code ? codeOf(f) : '', renderRich(f.message)].filter(Boolean).join(' · ')
}

function itemOf(group: Blocking[], n: number, v: Verdict, links: RenderLinks): string {
  const { rule, finding, rank } = group[0]
  const head = `${n}. ${RANK_ICON[rank]} **${escapeText(rule.id)}**`
  const fix = finding.hint ? `<br>**Fix:** ${renderRich(finding.hint)}` : ''
  if (group.length === 1) return `${head} · ${findingLine(finding, v, links)}${fix}`
  const shown = group.slice(0, GROUP_LOCATIONS).map((b) => `<br>• ${findingLine(b.finding, v, links)}`)
  const more = group.length > GROUP_LOCATIONS ? `<br>• … and ${group.length - GROUP_LOCATIONS} more in the check run` : ''
  return `${head} · ${group.length} findings, one fix:${shown.join('')}${more}${fix}`
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

function idList(rs: RuleResult[]): string {
  return rs.map((r) => `<code>${escapeText(r.id)}</code>`).join(', ')
}

/**
 * One line: which rules passed, had nothing to check, or nothing to check it by. `summaries`: each rule
 * that passed with its one-line summary (the passing comment has no table, and a pass can rest on a
 * declaration a reviewer should read, such as a runbook opt-out).
 */
function outcomeLine(v: Verdict, summaries = false): string {
  const evaluated = v.results.filter((r) => r.status === 'pass' || r.status === 'notice')
  const passed = evaluated.filter((r) => (r.applicability ?? 'applicable') === 'applicable')
  const na = evaluated.filter((r) => r.applicability === 'not-applicable')
  const none = evaluated.filter((r) => r.applicability === 'no-evidence')
  const parts: string[] = []
  if (passed.length && summaries)
    parts.push(
      `✅ Passed: ${passed.map((r) => `<code>${escapeText(r.id)}</code>${r.summary ? ` (${escapeText(r.summary, 300)})` : ''}`).join(', ')}`,
    )
  else if (passed.length) parts.push(`✅ Passed: ${idList(passed)}`)
  if (na.length) parts.push(`➖ Not applicable: ${idList(na)}`)
  if (none.length) parts.push(`❔ No evidence: ${idList(none)}`)
  return parts.join(' · ')
}

function countNotices(v: Verdict): number {
  let n = 0
  for (const r of v.results) {
    if (r.status === 'off') continue
    for (const f of r.findings) if (f.kind === 'info' || (f.kind !== 'error' && (f.level ?? r.level) === 'notice')) n++
  }
  return n
}

function commentFooter(v: Verdict, links: RenderLinks, extra: string[] = []): string {
  const parts = [...extra, `policy: ${escapeText(v.policySource)}`]
  // <code> + escaping, not backticks: in the CLI `head` is a ref name, which may hold ` and <.
  if (v.head) parts.push(`head: <code>${escapeText(v.head.slice(0, 12))}</code>`)
  if (links.checkUrl) parts.push(`[check run](${links.checkUrl})`)
  if (links.runUrl) parts.push(`[run](${links.runUrl})`)
  return `<sub>pr-quality-gate · ${parts.join(' · ')}</sub>`
}

/**
 * The sticky PR comment, read in ten seconds: the verdict; then what blocks, worst first, each finding
 * once with its location and its fix (a fix shared by several findings of a rule is written once); then
 * everything else collapsed. A passing pull request gets a few lines. The check run keeps every detail
 * (rule descriptions, tables, notices).
 */
export function renderComment(v: Verdict, o: CommentOptions): string {
  const pointer = o.links.checkUrl
    ? `Truncated: the full report is in the [check run](${o.links.checkUrl}) and the job summary.`
    : 'Truncated: the full report is in the check run and the job summary.'
  const first: Block = { lines: [`${markerFor(o.checkName)}${STATE_PREFIX}${verdictState(v)} -->`], essential: true }
  const mode = v.mode === 'release' ? 'Release gate' : 'Quality gate'
  const header = `## ${CONCLUSION_ICON[v.conclusion]} ${mode}: ${v.conclusion}`
  const waived = v.results.filter((r) => r.status === 'waived')
  const loud = v.notes.filter((n) => n.level !== 'info')
  const notices = countNotices(v)
  const noticeText = notices ? `ℹ️ ${plural(notices, 'notice')} in the check run` : ''

  if (v.conclusion === 'success' && !waived.length && !loud.length) {
    // At most 8 lines: marker, verdict, what passed or did not apply, up to two notes, footer.
    const lines = [header, '', outcomeLine(v, true) || escapeText(v.title), '']
    for (const n of v.notes.slice(0, 1)) lines.push(`> ℹ️ ${escapeText(n.message, 500)}`, '')
    const more = v.notes.length > 1 ? [`${plural(v.notes.length - 1, 'more note')} in the check run`] : []
    return assemble(
      [
        first,
        { lines, essential: true },
        { lines: [commentFooter(v, o.links, [...(noticeText ? [noticeText] : []), ...more])], essential: true },
      ],
      o.limit ?? COMMENT_LIMIT,
      pointer,
    )
  }

  const blocks: Block[] = [first, { lines: [header, '', `**${escapeText(v.title)}**`, ''], essential: true }]
  if (loud.length) blocks.push(notesBlock({ ...v, notes: loud }))
  blocks.push(...blockingBlocks(v, o.links))
  for (const r of waived) {
    const n = r.findings.filter((f) => f.kind !== 'info').length
    blocks.push({
      lines: [
        `☑️ **${escapeText(r.id)}** ${r.waiver ? waiverSentence(r.waiver) : 'waived'} (${plural(n, 'finding')} accepted, listed below)`,
        '',
      ],
    })
  }
  const outcome = outcomeLine(v)
  if (outcome) blocks.push({ lines: [outcome, ''] })
  const rest = collapsedRest(v, o, notices, waived.length > 0)
  if (rest.length > 2) blocks.push({ lines: rest, closer: '</details>\n' })
  blocks.push({ lines: [commentFooter(v, o.links)], essential: true })
  return assemble(blocks, o.limit ?? COMMENT_LIMIT, pointer)
}

/** What blocks (or is to fix), worst first: the first OPEN_ITEMS open, the rest collapsed. */
function blockingBlocks(v: Verdict, links: RenderLinks): Block[] {
  const groups = groupBlocking(blockingFindings(v))
  if (!groups.length) return []
  const title = v.conclusion === 'failure' ? 'What blocks, worst first' : 'What to fix, worst first'
  const blocks: Block[] = [{ lines: [`### ${title}`, '', ...groups.slice(0, OPEN_ITEMS).map((g, i) => itemOf(g, i + 1, v, links)), ''] }]
  if (groups.length > OPEN_ITEMS) {
    blocks.push({
      lines: [
        `<details><summary>${groups.length - OPEN_ITEMS} more to fix</summary>`,
        '',
        ...groups.slice(OPEN_ITEMS).map((g, i) => itemOf(g, OPEN_ITEMS + i + 1, v, links)),
        '',
      ],
      closer: '</details>\n',
    })
  }
  return blocks
}

/**
 * Everything else, collapsed: every rule's result, the findings that do not block (notices, waived),
 * the gate's informational notes, how to waive. Two lines (the summary and a blank) when there is nothing.
 */
function collapsedRest(v: Verdict, o: CommentOptions, notices: number, anyWaived: boolean): string[] {
  const rest: string[] = [
    `<details><summary>All rules${notices ? ` · ${plural(notices, 'notice')}` : ''}${anyWaived ? ' · waived findings' : ''}</summary>`,
    '',
  ]
  rest.push(...tableBlock(v).lines)
  const quiet: string[] = []
  for (const r of bySeverity(v.results)) {
    if (r.status === 'off') continue
    for (const f of r.findings) {
      if (r.status !== 'waived' && rankOf(f, r) !== undefined && r.status !== 'pass' && r.status !== 'notice') continue // listed above
      const icon = r.status === 'waived' ? '☑️' : findingIcon(f)
      quiet.push(`- ${icon} **${escapeText(r.id)}** · ${findingLine(f, v, o.links)}${f.hint ? `<br>**Fix:** ${renderRich(f.hint)}` : ''}`)
    }
  }
  if (quiet.length) rest.push(...quiet, '')
  for (const n of v.notes.filter((x) => x.level === 'info')) rest.push(`> ℹ️ ${escapeText(n.message, 3000)}`, '')
  const blocking = v.results.filter((r) => isBlocking(r.status))
  if (blocking.length) {
    rest.push(
      `To waive a rule on purpose: ${howToWaive(escapeText(o.labelPrefix), escapeText(blocking[0].id))} ` +
        `The policy is read from the base branch: editing it in this PR does not change this result.`,
      '',
    )
  }
  return rest
}

/** Check-run output: summary = overview, text = details (each ≤ 65,535 characters). */
export function renderCheckOutput(v: Verdict, o: Omit<CommentOptions, 'checkName'>): { title: string; summary: string; text: string } {
  const summary = assemble(
    [headerBlock(v), tableBlock(v), notesBlock(v), footerBlock(v, o.links)],
    o.limit ?? CHECK_TEXT_LIMIT,
    'Truncated: see the job summary for the full report.',
  )
  const text = assemble(
    [waiverAuditBlock(v), ...ruleDetailBlocks(v, o.links), waiverBlock(v, o.labelPrefix), { lines: [''], essential: true }],
    o.limit ?? CHECK_TEXT_LIMIT,
    `Truncated: the JSON report (output \`report\`) and the job summary have every finding.`,
  )
  return { title: v.title.length > 255 ? v.title.slice(0, 254) + '…' : v.title, summary, text }
}

export function renderJobSummary(v: Verdict, o: Omit<CommentOptions, 'checkName'>): string {
  return assemble(
    [
      headerBlock(v),
      tableBlock(v),
      notesBlock(v),
      waiverAuditBlock(v),
      ...ruleDetailBlocks(v, o.links),
      waiverBlock(v, o.labelPrefix),
      footerBlock(v, o.links),
    ],
    o.limit ?? SUMMARY_LIMIT - 1024,
    'Truncated at the 1 MiB job-summary limit: the JSON report (output `report`) has every finding.',
    (text) => Buffer.byteLength(text), // the job-summary limit is in bytes, not characters
  )
}
