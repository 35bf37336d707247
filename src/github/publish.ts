/**
 * Publishing a verdict to GitHub: the sticky comment, the check run (commit status when check runs are
 * forbidden) and labels. Each function reports failures as a returned outcome instead of throwing, so a
 * read-only token (fork PR) degrades to summary + outputs + exit code.
 */
import type { Octokit } from './client.js'
import { describeApiError, statusOf } from './client.js'
import type { RepoRef } from './source.js'
import type { Annotation } from '../report/annotations.js'
import type { Conclusion } from '../types.js'
import type { KnownComment } from './prefetch.js'

export type Outcome<T = undefined> = { ok: true; value: T } | { ok: false; forbidden: boolean; message: string }

function failure(purpose: string, e: unknown): { ok: false; forbidden: boolean; message: string } {
  const s = statusOf(e)
  return { ok: false, forbidden: s === 403 || s === 401, message: describeApiError(purpose, e) }
}

/**
 * The login of the token's identity, for recognising our own comments. Installation tokens (`ghs_`: the
 * workflow's GITHUB_TOKEN and App tokens) cannot call GET /user and always answer 403: the configured
 * bot login is used without asking.
 */
export async function tokenIdentity(octokit: Octokit, fallback: string, token?: string): Promise<string> {
  if (token?.startsWith('ghs_')) return fallback
  try {
    const { data } = await octokit.rest.users.getAuthenticated()
    return data.login
  } catch (e) {
    // Installation tokens (GITHUB_TOKEN, Apps) cannot call GET /user: they post as the app's bot.
    if (statusOf(e) === 403 || statusOf(e) === 401) return fallback
    throw e
  }
}

interface CommentLite {
  id: number
  body?: string
  user: { login: string } | null
  created_at: string
}

async function listMarked(octokit: Octokit, r: RepoRef, issue: number, marker: string): Promise<CommentLite[]> {
  const all = (await octokit.paginate(octokit.rest.issues.listComments, {
    owner: r.owner,
    repo: r.repo,
    issue_number: issue,
    per_page: 100,
  })) as CommentLite[]
  return all.filter((c) => typeof c.body === 'string' && c.body.startsWith(marker))
}

/**
 * Creates or updates THE sticky comment: a comment that starts with the marker AND is written by the
 * token's identity (a marker alone can be spoofed by anyone who comments). Concurrent runs can both
 * create one: after creating, the list is read again and our own duplicates are removed, keeping the
 * oldest (which then gets this run's body).
 *
 * `known`: the PR's comments already read this run (with the base side, see prefetch.ts; `own` = by the
 * token's identity). They replace the first listing; if our comment found there is gone by the time it is
 * updated (404), the comment is looked up again as if nothing were known.
 */
export async function upsertStickyComment(
  octokit: Octokit,
  r: RepoRef,
  issue: number,
  marker: string,
  body: string,
  identityFallback: string,
  token?: string,
  known?: KnownComment[],
): Promise<Outcome<{ id: number; url?: string; action: 'created' | 'updated' }>> {
  let identity: string | undefined
  try {
    if (known) {
      const own = known.filter((c) => c.own && c.body.startsWith(marker)).sort((a, b) => a.id - b.id)
      if (own.length) {
        const updated = await updateIfPresent(octokit, r, own[0].id, body)
        if (updated) {
          for (const dup of own.slice(1)) await deleteQuietly(octokit, r, dup.id)
          return { ok: true, value: { id: updated.id, url: updated.html_url, action: 'updated' } }
        }
        return await upsertStickyComment(octokit, r, issue, marker, body, identityFallback, token)
      }
    }
    const marked = known ? [] : await listMarked(octokit, r, issue, marker)
    if (marked.length) {
      identity = await tokenIdentity(octokit, identityFallback, token)
      const own = marked.filter((c) => c.user?.login === identity).sort((a, b) => a.id - b.id)
      if (own.length) {
        const { data } = await octokit.rest.issues.updateComment({ owner: r.owner, repo: r.repo, comment_id: own[0].id, body })
        for (const dup of own.slice(1)) await deleteQuietly(octokit, r, dup.id)
        return { ok: true, value: { id: data.id, url: data.html_url, action: 'updated' } }
      }
    }
    const { data: created } = await octokit.rest.issues.createComment({ owner: r.owner, repo: r.repo, issue_number: issue, body })
    identity = created.user?.login ?? identity ?? identityFallback
    // Race resolution: another run may have created its comment at the same time.
    const after = (await listMarked(octokit, r, issue, marker)).filter((c) => c.user?.login === identity).sort((a, b) => a.id - b.id)
    if (after.length > 1 && after[0].id !== created.id) {
      await octokit.rest.issues.updateComment({ owner: r.owner, repo: r.repo, comment_id: after[0].id, body })
      await deleteQuietly(octokit, r, created.id)
      return { ok: true, value: { id: after[0].id, action: 'updated' } }
    }
    return { ok: true, value: { id: created.id, url: created.html_url, action: 'created' } }
  } catch (e) {
    return failure('sticky comment', e)
  }
}

/**
 * THE sticky comment as it is now, without writing anything: the oldest comment that starts with the
 * marker and is written by the token's identity (the same one upsertStickyComment would update), or
 * undefined when there is none. `known` as in upsertStickyComment.
 */
export async function findStickyComment(
  octokit: Octokit,
  r: RepoRef,
  issue: number,
  marker: string,
  identityFallback: string,
  token?: string,
  known?: KnownComment[],
): Promise<Outcome<{ id: number; body: string } | undefined>> {
  try {
    if (known) {
      const own = known.filter((c) => c.own && c.body.startsWith(marker)).sort((a, b) => a.id - b.id)
      return { ok: true, value: own.length ? { id: own[0].id, body: own[0].body } : undefined }
    }
    const marked = await listMarked(octokit, r, issue, marker)
    if (!marked.length) return { ok: true, value: undefined }
    const identity = await tokenIdentity(octokit, identityFallback, token)
    const own = marked.filter((c) => c.user?.login === identity).sort((a, b) => a.id - b.id)
    return { ok: true, value: own.length ? { id: own[0].id, body: own[0].body ?? '' } : undefined }
  } catch (e) {
    return failure('sticky comment', e)
  }
}

async function updateIfPresent(
  octokit: Octokit,
  r: RepoRef,
  id: number,
  body: string,
): Promise<{ id: number; html_url?: string } | undefined> {
  try {
    return (await octokit.rest.issues.updateComment({ owner: r.owner, repo: r.repo, comment_id: id, body })).data
  } catch (e) {
    if (statusOf(e) === 404) return undefined // deleted since it was listed
    throw e
  }
}

async function deleteQuietly(octokit: Octokit, r: RepoRef, id: number): Promise<void> {
  try {
    await octokit.rest.issues.deleteComment({ owner: r.owner, repo: r.repo, comment_id: id })
  } catch (e) {
    if (statusOf(e) !== 404) throw e // already deleted by a concurrent run
  }
}

export const ANNOTATIONS_PER_REQUEST = 50

export interface CheckRunInput {
  name: string
  headSha: string
  conclusion: Conclusion
  output: { title: string; summary: string; text: string }
  annotations: Annotation[]
  detailsUrl?: string
  externalId?: string
}

/** Creates a completed check run; annotations beyond the first 50 follow in PATCH batches of 50. */
export async function createCheckRun(
  octokit: Octokit,
  r: RepoRef,
  c: CheckRunInput,
): Promise<Outcome<{ id: number; url?: string; requests: number }>> {
  try {
    const batches: Annotation[][] = []
    for (let i = 0; i < c.annotations.length; i += ANNOTATIONS_PER_REQUEST)
      batches.push(c.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST))
    const { data } = await octokit.rest.checks.create({
      owner: r.owner,
      repo: r.repo,
      name: c.name,
      head_sha: c.headSha,
      status: 'completed',
      conclusion: c.conclusion,
      completed_at: new Date().toISOString(),
      details_url: c.detailsUrl,
      external_id: c.externalId,
      output: { ...c.output, annotations: batches[0] ?? [] },
    })
    for (const batch of batches.slice(1)) {
      await octokit.rest.checks.update({
        owner: r.owner,
        repo: r.repo,
        check_run_id: data.id,
        output: { title: c.output.title, summary: c.output.summary, annotations: batch },
      })
    }
    return { ok: true, value: { id: data.id, url: data.html_url ?? undefined, requests: Math.max(1, batches.length) } }
  } catch (e) {
    return failure('create check run', e)
  }
}

/** What identifies the check run a previous try of the same delivery may have left (App only). */
export interface CheckRunIdentity {
  /** The App's id: only check runs GitHub says this App created are considered. */
  appId: number
  /** The check run's `external_id`: the webhook delivery id the run was created for. */
  externalId: string
}

interface CheckRunLite {
  id: number
  head_sha: string
  name: string
  external_id: string | null
  status: string
  conclusion: string | null
  html_url: string | null
  app: { id: number } | null
  output: { title: string | null; summary: string | null; text: string | null; annotations_count: number }
}

/**
 * The check run an earlier try of this delivery created on `c.headSha` (same name, created by App
 * `who.appId`, `external_id` = the delivery id), or undefined. The newest when there are several.
 */
export async function findCheckRun(
  octokit: Octokit,
  r: RepoRef,
  c: Pick<CheckRunInput, 'name' | 'headSha'>,
  who: CheckRunIdentity,
): Promise<Outcome<CheckRunLite | undefined>> {
  try {
    const runs: CheckRunLite[] = await octokit.paginate(octokit.rest.checks.listForRef, {
      owner: r.owner,
      repo: r.repo,
      ref: c.headSha,
      check_name: c.name,
      app_id: who.appId,
      filter: 'all',
      per_page: 100,
    })
    const mine = runs
      .filter((x) => x.head_sha === c.headSha && x.name === c.name && x.app?.id === who.appId && x.external_id === who.externalId)
      .sort((a, b) => b.id - a.id)
    return { ok: true, value: mine[0] }
  } catch (e) {
    return failure('find the check run of an earlier try', e)
  }
}

const annotationKey = (a: {
  path: string
  start_line: number
  end_line: number
  annotation_level: string
  message: string | null
  title?: string | null
}) => JSON.stringify([a.path, a.start_line, a.end_line, a.annotation_level, a.message ?? '', a.title ?? ''])

/**
 * Completes `existing` (found by findCheckRun) with this verdict instead of creating a second check run.
 * GitHub appends annotations on every update, so only those the run does not have yet are sent (the
 * earlier try may have died between annotation batches). Nothing is written when the run already says
 * exactly this.
 */
export async function updateCheckRun(
  octokit: Octokit,
  r: RepoRef,
  existing: CheckRunLite,
  c: CheckRunInput,
): Promise<Outcome<{ id: number; url?: string; requests: number }>> {
  try {
    let missing = c.annotations
    if (existing.output.annotations_count > 0) {
      const have = new Set(
        (
          (await octokit.paginate(octokit.rest.checks.listAnnotations, {
            owner: r.owner,
            repo: r.repo,
            check_run_id: existing.id,
            per_page: 100,
          })) as Array<Parameters<typeof annotationKey>[0]>
        ).map(annotationKey),
      )
      missing = c.annotations.filter((a) => !have.has(annotationKey(a)))
    }
    const same =
      existing.status === 'completed' &&
      existing.conclusion === c.conclusion &&
      existing.output.title === c.output.title &&
      existing.output.summary === c.output.summary &&
      (existing.output.text ?? '') === c.output.text &&
      missing.length === 0
    if (same) return { ok: true, value: { id: existing.id, url: existing.html_url ?? undefined, requests: 0 } }
    const batches: Annotation[][] = []
    for (let i = 0; i < missing.length; i += ANNOTATIONS_PER_REQUEST) batches.push(missing.slice(i, i + ANNOTATIONS_PER_REQUEST))
    const { data } = await octokit.rest.checks.update({
      owner: r.owner,
      repo: r.repo,
      check_run_id: existing.id,
      status: 'completed',
      conclusion: c.conclusion,
      completed_at: new Date().toISOString(),
      details_url: c.detailsUrl,
      output: { ...c.output, annotations: batches[0] ?? [] },
    })
    for (const batch of batches.slice(1)) {
      await octokit.rest.checks.update({
        owner: r.owner,
        repo: r.repo,
        check_run_id: existing.id,
        output: { title: c.output.title, summary: c.output.summary, annotations: batch },
      })
    }
    return { ok: true, value: { id: data.id, url: data.html_url ?? undefined, requests: Math.max(1, batches.length) } }
  } catch (e) {
    return failure('update check run', e)
  }
}

const STATE: Record<Conclusion, 'success' | 'failure' | 'error' | 'pending'> = {
  success: 'success',
  neutral: 'success',
  failure: 'failure',
}

/** The fallback when check runs are forbidden: a commit status with the same name. */
export async function createCommitStatus(
  octokit: Octokit,
  r: RepoRef,
  sha: string,
  context: string,
  conclusion: Conclusion,
  description: string,
  targetUrl?: string,
): Promise<Outcome> {
  try {
    await octokit.rest.repos.createCommitStatus({
      owner: r.owner,
      repo: r.repo,
      sha,
      state: STATE[conclusion],
      context,
      description: description.length > 140 ? description.slice(0, 139) + '…' : description,
      target_url: targetUrl,
    })
    return { ok: true, value: undefined }
  } catch (e) {
    return failure('create commit status', e)
  }
}

/** Adds `add` and removes `remove` labels (only those present). */
export async function syncLabels(
  octokit: Octokit,
  r: RepoRef,
  issue: number,
  current: string[],
  add: string[],
  remove: string[],
): Promise<Outcome> {
  try {
    const have = new Set(current.map((l) => l.toLowerCase()))
    const toAdd = add.filter((l) => !have.has(l.toLowerCase()))
    const toRemove = remove.filter((l) => have.has(l.toLowerCase()) && !add.some((a) => a.toLowerCase() === l.toLowerCase()))
    if (toAdd.length) await octokit.rest.issues.addLabels({ owner: r.owner, repo: r.repo, issue_number: issue, labels: toAdd })
    for (const name of toRemove) {
      try {
        await octokit.rest.issues.removeLabel({ owner: r.owner, repo: r.repo, issue_number: issue, name })
      } catch (e) {
        if (statusOf(e) !== 404) throw e
      }
    }
    return { ok: true, value: undefined }
  } catch (e) {
    return failure('labels', e)
  }
}
