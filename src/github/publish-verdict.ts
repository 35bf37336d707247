/**
 * Publishes one verdict to the PR: check run (status as fallback), sticky comment, labels. Shared by the
 * Action and the App. Write failures degrade (a read-only fork token): they are reported, not thrown.
 */
import type { Octokit } from './client.js'
import type { PullInfo, RepoRef } from './source.js'
import type { Verdict } from '../types.js'
import { annotationsOf, MAX_ANNOTATIONS, unannotated } from '../report/annotations.js'
import { CHECK_TEXT_LIMIT, commentState, markerFor, renderCheckOutput, renderComment } from '../report/markdown.js'
import { embedRecord } from '../trends/embed.js'
import {
  createCheckRun,
  createCommitStatus,
  findCheckRun,
  findStickyComment,
  syncLabels,
  updateCheckRun,
  upsertStickyComment,
  type CheckRunIdentity,
} from './publish.js'
import type { KnownComment } from './prefetch.js'
import type { CommentMode } from '../policy/schema.js'

export interface PublishInput {
  octokit: Octokit
  repo: RepoRef
  pr: PullInfo
  verdict: Verdict
  /** The PR's comments already read this run (Evaluation.comments); saves listing them again. */
  comments?: KnownComment[]
  checkName: string
  /** false: no comment whatever the policy says (the Action's `comment` input, the App's setting). */
  comment: boolean
  /** The policy's `comment:` (default always): when the sticky comment is written. */
  commentMode?: CommentMode
  commentAuthor: string
  /** Only used to tell an installation token (no GET /user) from a user token; never logged. */
  token?: string
  serverUrl: string
  runUrl?: string
  labelPrefix: string
  log: (m: string) => void
  warn: (m: string) => void
  /**
   * The App: the check run carries the delivery id as `external_id`. `lookup`: an earlier try of this
   * delivery may have created it already (its worker died, or a write after it failed): find that check run
   * (same head SHA and name, created by this App, same delivery) and complete it instead of creating a
   * second one.
   */
  checkRun?: CheckRunIdentity & { lookup: boolean }
}

export interface PublishResult {
  checkUrl?: string
  checkRunId?: number
  commentId?: number
  /** What happened to the sticky comment: written, or why not (the policy's comment mode). */
  comment?: 'created' | 'updated' | 'skipped'
  usedStatus: boolean
  /** True when every write was refused (read-only token). */
  readOnly: boolean
}

export async function publishVerdict(p: PublishInput): Promise<PublishResult> {
  const { octokit, repo, pr, verdict } = p
  const repoUrl = `${p.serverUrl}/${repo.owner}/${repo.repo}`
  const links = { repoUrl, runUrl: p.runUrl }
  const result: PublishResult = { usedStatus: false, readOnly: false }
  let forbidden = 0
  let attempted = 0

  attempted++
  // The verdict's trend facts, hidden at the end of the text, for `pr-gate report --source api`.
  const trendRecord = embedRecord(verdict)
  const input = {
    name: p.checkName,
    headSha: pr.headSha,
    conclusion: verdict.conclusion,
    output: withAnnotationNote(checkOutputWithRecord(verdict, { labelPrefix: p.labelPrefix, links }, trendRecord), unannotated(verdict)),
    annotations: annotationsOf(verdict),
    detailsUrl: p.runUrl,
    externalId: p.checkRun?.externalId,
  }
  let earlier: Awaited<ReturnType<typeof findCheckRun>> | undefined
  if (p.checkRun?.lookup) {
    earlier = await findCheckRun(octokit, repo, input, p.checkRun)
    // Not knowing whether an earlier try created it: creating could make a second one, but not writing
    // could lose the verdict; the second is the lesser harm (the newer run supersedes the older on the PR).
    if (!earlier.ok) p.warn(`${earlier.message}; creating a check run`)
  }
  const existing = earlier?.ok ? earlier.value : undefined
  const check = existing ? await updateCheckRun(octokit, repo, existing, input) : await createCheckRun(octokit, repo, input)
  if (check.ok) {
    result.checkUrl = check.value.url
    result.checkRunId = check.value.id
    p.log(
      `check run ${p.checkName}: ${verdict.conclusion}` +
        (existing ? ` (the check run ${existing.id} of an earlier try, ${check.value.requests ? 'updated' : 'already up to date'})` : ''),
    )
  } else {
    if (check.forbidden) {
      p.log(`${check.message}; falling back to a commit status`)
      const status = await createCommitStatus(octokit, repo, pr.headSha, p.checkName, verdict.conclusion, verdict.title, p.runUrl)
      if (status.ok) result.usedStatus = true
      else {
        forbidden++
        p.warn(status.message)
      }
    } else p.warn(check.message)
  }

  const mode: CommentMode = p.comment ? (p.commentMode ?? 'always') : 'never'
  if (mode !== 'never' && pr.number) {
    const marker = markerFor(p.checkName)
    const body = renderComment(verdict, {
      checkName: p.checkName,
      labelPrefix: p.labelPrefix,
      links: { ...links, checkUrl: result.checkUrl },
    })
    const skip = await commentSkipReason(p, mode, pr.number, marker, body)
    if (skip) {
      result.comment = 'skipped'
      p.log(`sticky comment not written (comment: ${mode}): ${skip}`)
    } else {
      attempted++
      const c = await upsertStickyComment(octokit, repo, pr.number, marker, body, p.commentAuthor, p.token, p.comments)
      if (c.ok) {
        result.commentId = c.value.id
        result.comment = c.value.action
        p.log(`sticky comment ${c.value.action}`)
      } else {
        if (c.forbidden) forbidden++
        p.warn(c.message)
      }
    }
  }

  if (pr.number && (verdict.labels.add.length || verdict.labels.remove.length)) {
    attempted++
    const l = await syncLabels(octokit, repo, pr.number, pr.labels, verdict.labels.add, verdict.labels.remove)
    if (!l.ok) {
      if (l.forbidden) forbidden++
      p.warn(l.message)
    }
  }
  result.readOnly = attempted > 0 && forbidden === attempted
  return result
}

/**
 * Why `comment: on-failure | on-change` leaves the sticky comment alone this run, or undefined to write it.
 * on-failure: a passing verdict is written only over a comment already there (so a red comment never
 * outlives the fix). on-change: written when the state differs from the comment's (a first comment only
 * when the verdict is not a pass). When the comment cannot be looked up nothing is written (a blind create
 * could duplicate the sticky comment, as upsertStickyComment would also refuse); a verdict that is not a
 * pass says so in a warning annotation, and the check run, already written, carries the verdict.
 */
async function commentSkipReason(
  p: PublishInput,
  mode: CommentMode,
  issue: number,
  marker: string,
  body: string,
): Promise<string | undefined> {
  if (mode === 'always') return undefined
  const passing = p.verdict.conclusion === 'success'
  const found = await findStickyComment(p.octokit, p.repo, issue, marker, p.commentAuthor, p.token, p.comments)
  if (!found.ok) {
    if (passing) return `the conclusion is success and the existing comment could not be looked up (${found.message})`
    // Writing blind would add a second sticky comment next to the one we could not see; the check run
    // (already written) carries the verdict, so say so where the reviewer looks: a warning annotation.
    const why =
      `the existing comment could not be looked up (${found.message}), ` + `so a new one could duplicate it; the check run has the verdict`
    p.warn(`sticky comment not written (comment: ${mode}): ${why}`)
    return why
  }
  const existing = found.value
  if (mode === 'on-failure') return passing && !existing ? 'the conclusion is success and there is no comment to update' : undefined
  if (!existing) return passing ? 'the conclusion is success and there is no earlier comment to change' : undefined
  const before = commentState(existing.body)
  return before !== undefined && before === commentState(body)
    ? 'the verdict and findings are the same as in the existing comment'
    : undefined
}

function withAnnotationNote<T extends { summary: string }>(output: T, skipped: number): T {
  if (!skipped) return output
  const note =
    `\n\n> ℹ️ ${skipped} more findings with a line are not annotated (the ` +
    `first ${MAX_ANNOTATIONS} are); all are listed below and in the JSON report.`
  const summary = output.summary.length + note.length <= 65535 ? output.summary + note : output.summary
  return { ...output, summary }
}

/**
 * The check run output with the hidden trend record (src/trends/embed.ts) at the end of its text. A text
 * too long for both is rendered again to leave room for the record (the summary keeps its own limit).
 */
function checkOutputWithRecord(
  v: Verdict,
  o: Parameters<typeof renderCheckOutput>[1],
  record: string,
): ReturnType<typeof renderCheckOutput> {
  const out = renderCheckOutput(v, o)
  if (out.text.length + record.length <= CHECK_TEXT_LIMIT) return { ...out, text: out.text + record }
  return { ...out, text: renderCheckOutput(v, { ...o, limit: CHECK_TEXT_LIMIT - record.length }).text + record }
}
