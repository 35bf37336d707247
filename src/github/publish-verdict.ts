/**
 * Publishes one verdict to the PR: check run (status as fallback), sticky comment, labels. Shared by the
 * Action and the App. Write failures degrade (a read-only fork token): they are reported, not thrown.
 */
import type { Octokit } from './client.js'
import type { PullInfo, RepoRef } from './source.js'
import type { Verdict } from '../types.js'
import { annotationsOf, MAX_ANNOTATIONS, unannotated } from '../report/annotations.js'
import { markerFor, renderCheckOutput, renderComment } from '../report/markdown.js'
import { createCheckRun, createCommitStatus, syncLabels, upsertStickyComment } from './publish.js'
import type { KnownComment } from './prefetch.js'

export interface PublishInput {
  octokit: Octokit
  repo: RepoRef
  pr: PullInfo
  verdict: Verdict
  /** The PR's comments already read this run (Evaluation.comments); saves listing them again. */
  comments?: KnownComment[]
  checkName: string
  comment: boolean
  commentAuthor: string
  /** Only used to tell an installation token (no GET /user) from a user token; never logged. */
  token?: string
  serverUrl: string
  runUrl?: string
  labelPrefix: string
  log: (m: string) => void
  warn: (m: string) => void
}

export interface PublishResult {
  checkUrl?: string
  checkRunId?: number
  commentId?: number
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
  const check = await createCheckRun(octokit, repo, {
    name: p.checkName,
    headSha: pr.headSha,
    conclusion: verdict.conclusion,
    output: withAnnotationNote(renderCheckOutput(verdict, { labelPrefix: p.labelPrefix, links }), unannotated(verdict)),
    annotations: annotationsOf(verdict),
    detailsUrl: p.runUrl,
  })
  if (check.ok) {
    result.checkUrl = check.value.url
    result.checkRunId = check.value.id
    p.log(`check run ${p.checkName}: ${verdict.conclusion}`)
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

  if (p.comment && pr.number) {
    attempted++
    const body = renderComment(verdict, { checkName: p.checkName, labelPrefix: p.labelPrefix, links: { ...links, checkUrl: result.checkUrl } })
    const c = await upsertStickyComment(octokit, repo, pr.number, markerFor(p.checkName), body, p.commentAuthor, p.token, p.comments)
    if (c.ok) {
      result.commentId = c.value.id
      p.log(`sticky comment ${c.value.action}`)
    } else {
      if (c.forbidden) forbidden++
      p.warn(c.message)
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

function withAnnotationNote<T extends { summary: string }>(output: T, skipped: number): T {
  if (!skipped) return output
  const note = `\n\n> ℹ️ ${skipped} more findings with a line are not annotated (the first ${MAX_ANNOTATIONS} are); all are listed below and in the JSON report.`
  const summary = output.summary.length + note.length <= 65535 ? output.summary + note : output.summary
  return { ...output, summary }
}
