/**
 * The release report: a range section (base → head, the merged PRs with links to each PR and its gate
 * result, commits outside any PR) above the same verdict blocks every other surface renders; and the JSON
 * report (the PR report's shape plus a `release` object).
 */
import { DEFAULT_LABEL_PREFIX } from '../policy/schema.js'
import type { Verdict } from '../types.js'
import { toJsonReport } from './json-report.js'
import { COMMENT_LIMIT, SUMMARY_LIMIT, renderJobSummary } from './markdown.js'
import { escapeText, visibleControls } from './escape.js'
import { renderText } from './terminal.js'
import type { ReleaseEvaluation, ReleaseFacts } from '../release/evaluate.js'
import type { GateState } from '../release/gates.js'

const GATE_ICON: Record<GateState, string> = {
  passed: '✅ passed',
  waived: '☑️ waived',
  failed: '❌ failed',
  missing: '❔ no gate result',
  pending: '⏳ pending',
}

export interface ReleaseLinks {
  /** https://github.com/owner/repo */
  repoUrl: string
  runUrl?: string
}

/** Marker of the sticky release comment on a tracking issue (one per check name and environment). */
export function releaseMarker(checkName: string, environment?: string): string {
  return `<!-- pr-quality-gate:release:${checkName.replace(/-->/g, '')}:${(environment ?? '').replace(/-->/g, '')} -->`
}

function short(sha?: string): string {
  return sha ? `\`${sha.slice(0, 12)}\`` : '?'
}

export function renderRangeSection(f: ReleaseFacts, links: ReleaseLinks): string {
  const lines: string[] = []
  const commit = (sha?: string) => (sha ? `[${short(sha)}](${links.repoUrl}/commit/${sha})` : '?')
  const base =
    f.base.source === 'deployment'
      ? `${commit(f.base.sha)} (last successful deployment` +
        (f.environment ? ` to **${escapeText(f.environment)}**` : '') +
        (f.base.deployedAt ? `, ${escapeText(f.base.deployedAt)}` : '') +
        ')'
      : f.base.source === 'none'
        ? `unknown (no successful deployment${f.environment ? ` to **${escapeText(f.environment)}**` : ''})`
        : `${escapeText(f.base.input)} → ${commit(f.base.sha)}`
  lines.push(
    `### Release range`,
    '',
    `- **Deployed (base):** ${base}`,
    `- **Candidate (head):** ${escapeText(f.head.input)} → ${commit(f.head.sha)}`,
  )
  if (f.compareUrl)
    lines.push(
      `- **Changes:** [${f.totalCommits} commit${f.totalCommits === 1 ? '' : 's'}](${f.compareUrl})` +
        (f.status && f.status !== 'ahead' && f.status !== 'identical'
          ? ` — the candidate is **${escapeText(f.status)}** the deployed ref`
          : ''),
    )
  lines.push('')
  if (f.pulls.length) {
    lines.push('| PR | Gate | Title | Author |', '|---|---|---|---|')
    for (const p of f.pulls) {
      const prLink = `[#${p.number}](${p.htmlUrl ?? `${links.repoUrl}/pull/${p.number}`})`
      const gate = p.gate.url ? `[${GATE_ICON[p.gate.state]}](${p.gate.url})` : GATE_ICON[p.gate.state]
      lines.push(`| ${prLink} | ${gate} | ${escapeText(p.title, 200)} | ${escapeText(p.author)} |`)
    }
    lines.push('')
  } else if (f.base.source !== 'none') {
    lines.push('No pull request was merged in this range.', '')
  }
  if (f.direct.length) {
    lines.push(`<details><summary>${f.direct.length} commit${f.direct.length === 1 ? '' : 's'} outside any pull request</summary>`, '')
    for (const c of f.direct.slice(0, 100)) lines.push(`- ${commit(c.sha)} ${escapeText(c.message, 200)}`)
    if (f.direct.length > 100) lines.push(`- … and ${f.direct.length - 100} more`)
    lines.push('', '</details>', '')
  }
  if (f.approved.length) {
    lines.push('**Approved for release:**', '')
    const seen = new Set<string>()
    for (const a of f.approved) {
      const key = `${a.rule}\0${a.path ?? ''}`
      if (seen.has(key)) continue // one line per rule and path, however many of its findings were approved
      seen.add(key)
      const who = a.approvals.map(
        (x) =>
          `#${x.pull} approved by <code>${escapeText(x.by)}</code> (${escapeText(x.via)})` +
          (x.at ? ` at ${escapeText(x.at)}` : '') +
          (x.url && /^https?:\/\/[^\s<>"'`]+$/.test(x.url) ? ` ([record](${x.url}))` : ''),
      )
      lines.push(`- \`${escapeText(a.rule)}\` in ${escapeText(a.path ?? '')}: ${who.join('; ')}`)
    }
    lines.push('')
  }
  return lines.join('\n')
}

/** Job summary (and tracking-issue comment with `marker`): range section + the verdict. */
export function renderReleaseMarkdown(e: ReleaseEvaluation, links: ReleaseLinks, o: { marker?: string; limit?: number } = {}): string {
  const range = renderRangeSection(e.facts, links)
  const head = (o.marker ? o.marker + '\n' : '') + range + '\n'
  const limit = o.limit ?? SUMMARY_LIMIT - 1024
  const labelPrefix = e.policy?.waivers.label_prefix ?? DEFAULT_LABEL_PREFIX
  return (
    head +
    renderJobSummary(e.verdict, {
      labelPrefix,
      links: { repoUrl: links.repoUrl, runUrl: links.runUrl },
      limit: Math.max(2000, limit - head.length),
    })
  )
}

export function renderReleaseComment(e: ReleaseEvaluation, links: ReleaseLinks, marker: string): string {
  return renderReleaseMarkdown(e, links, { marker, limit: COMMENT_LIMIT })
}

/** A short reason for a deployment protection rule review (GitHub shows it on the run). */
export function reviewComment(v: Verdict, f: ReleaseFacts, detailsUrl?: string, max = 1000): string {
  const verb = v.conclusion === 'failure' ? 'Rejected' : 'Approved'
  const lines = [`${verb} by pr-quality-gate: ${v.title}.`]
  const range = f.base.sha ? `${f.base.sha.slice(0, 7)}…${f.head.sha.slice(0, 7)}` : `…${f.head.sha.slice(0, 7)}`
  lines.push(`Range ${range}: ${f.pulls.length} PR(s), ${f.totalCommits} commit(s).`)
  const bad = f.pulls.filter((p) => p.gate.state === 'failed' || p.gate.state === 'missing' || p.gate.state === 'pending')
  if (bad.length)
    lines.push(
      'Gate not passed: ' +
        bad
          .map(
            (p) =>
              `#${p.number} (${p.gate.state}` +
              (p.gate.ignoredBy?.length ? `; ignored a result posted by ${p.gate.ignoredBy.join(', ')}, not the gate` : '') +
              ')',
          )
          .join(', ') +
        '.',
    )
  if (detailsUrl) lines.push(`Details: ${detailsUrl}`)
  // Then the blocking findings, as many as fit (the head lines and the link always do).
  let used = lines.join('\n').length
  for (const r of v.results) {
    if (r.status !== 'fail' && r.status !== 'error') continue
    for (const fi of r.findings.filter((x) => x.kind !== 'info' && x.level !== 'notice').slice(0, 3)) {
      const line = `- ${r.id}: ${fi.message.length > 200 ? fi.message.slice(0, 199) + '…' : fi.message}`
      if (used + line.length + 1 > max) break
      lines.push(line)
      used += line.length + 1
    }
  }
  // Plain text shown on the run: PR titles in the findings must not carry controls or bidi overrides.
  const text = visibleControls(lines.join('\n'))
  return text.length > max ? text.slice(0, max - 1) + '…' : text
}

export function toReleaseJson(e: ReleaseEvaluation): Record<string, unknown> {
  const f = e.facts
  return {
    ...toJsonReport(e.verdict),
    release: {
      environment: f.environment,
      base: f.base,
      head: f.head,
      compareUrl: f.compareUrl,
      status: f.status,
      totalCommits: f.totalCommits,
      pullRequests: f.pulls.map((p) => ({
        number: p.number,
        title: p.title,
        author: p.author,
        url: p.htmlUrl,
        headSha: p.headSha,
        mergedAt: p.mergedAt,
        labels: p.labels,
        gate: p.gate,
      })),
      directCommits: f.direct,
      approved: f.approved,
    },
  }
}

/** The CLI's plain-text release report: the range, one line per pull request, then the verdict. */
export function renderReleaseText(e: ReleaseEvaluation): string {
  const f = e.facts
  const lines = [
    `Release ${f.base.sha?.slice(0, 12) ?? '?'}…${f.head.sha.slice(0, 12)}: ${f.pulls.length} ` +
      `pull request(s), ${f.totalCommits} commit(s)\n`,
  ]
  for (const p of f.pulls) lines.push(`  #${p.number} ${p.gate.state.padEnd(8)} ${visibleControls(p.title)}\n`)
  return lines.join('') + renderText(e.verdict)
}

/** The App's check run for a deployment protection rule: name, conclusion and output. */
export function releaseCheckRun(e: ReleaseEvaluation, o: { checkName: string; environment: string; links: ReleaseLinks; limit: number }) {
  return {
    name: `${o.checkName} / release ${o.environment}`,
    headSha: e.facts.head.sha,
    conclusion: e.verdict.conclusion,
    output: { title: e.verdict.title.slice(0, 255), summary: renderReleaseMarkdown(e, o.links, { limit: o.limit }), text: '' },
    annotations: [],
  }
}
