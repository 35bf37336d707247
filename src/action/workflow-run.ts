/**
 * The `workflow_run` publishing mode, for fork pull requests. The PR's own workflow (read-only token)
 * runs its tests and uploads an artifact with its evidence (coverage, scanner reports) and a `pr.json`
 * naming the PR. This workflow, triggered by `workflow_run` with a write token:
 *   1. downloads that artifact from the triggering run (never runs anything from it);
 *   2. checks that it belongs to the run's PR: the PR it names must have the run's head SHA and head
 *      repository, else it is rejected and nothing is published;
 *   3. re-evaluates the PR from the API (a verdict inside the artifact is never trusted), with the
 *      artifact's files as evidence labelled as coming from the PR's own workflow;
 *   4. publishes like the `pull_request` Action.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, normalize, sep } from 'node:path'
import { unzipBounded, ZipRejected, type ZipEntry } from './zip.js'
import type { Octokit } from '../github/client.js'
import { fetchPull, type PullInfo, type RepoRef } from '../github/source.js'
import { errorMessage, statusOf } from '../errors.js'
import { at, list, num, str, type JsonObject } from '../json.js'

export const PR_MANIFEST = 'pr.json'
/** Limits against zip bombs: total uncompressed bytes and entry count. */
export const MAX_ARTIFACT_BYTES = 200 * 1024 * 1024
export const MAX_ARTIFACT_FILES = 10_000

export class ArtifactRejected extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ArtifactRejected'
  }
}

export interface TriggeringRun {
  id: number
  headSha: string
  headRepo?: string
  /** PRs GitHub attached to the run (empty for fork PRs: then pr.json names it). */
  pullNumbers: number[]
}

export function triggeringRun(event: JsonObject): TriggeringRun {
  const id = num(at(event, 'workflow_run', 'id'))
  const headSha = str(at(event, 'workflow_run', 'head_sha'))
  if (id === undefined || headSha === undefined)
    throw new ArtifactRejected('the workflow_run event carries no workflow_run with an id and head_sha')
  return {
    id,
    headSha,
    headRepo: str(at(event, 'workflow_run', 'head_repository', 'full_name')),
    pullNumbers: list(at(event, 'workflow_run', 'pull_requests'))
      .map((p) => num(at(p, 'number')))
      .filter((n): n is number => n !== undefined),
  }
}

/**
 * Unzips into a fresh directory, refusing absolute paths, `..`, and archives over the limits. Entries are
 * inflated as streams and abandoned at their declared size (see zip.ts): a zip that lies about its sizes
 * is rejected after at most MAX_ARTIFACT_BYTES of work, never inflated whole.
 */
export function extractArtifact(
  zip: Uint8Array,
  intoDir?: string,
  limits = { maxBytes: MAX_ARTIFACT_BYTES, maxEntries: MAX_ARTIFACT_FILES },
): { dir: string; files: string[] } {
  let entries: ZipEntry[]
  try {
    entries = unzipBounded(zip, limits)
  } catch (e) {
    if (e instanceof ZipRejected)
      throw new ArtifactRejected(
        `the artifact is not a readable zip within the limits (${limits.maxEntries} ` +
          `files, ${Math.round(limits.maxBytes / 1024 / 1024)} MB uncompressed): ${e.message}`,
      )
    throw new ArtifactRejected(`the artifact is not a readable zip: ${errorMessage(e)}`)
  }
  const dir = intoDir ?? mkdtempSync(join(tmpdir(), 'pr-gate-artifact-'))
  const files: string[] = []
  for (const { name, bytes } of entries) {
    const clean = normalize(name).split(sep).join('/')
    if (clean.startsWith('/') || clean.startsWith('../') || clean === '..' || /^[A-Za-z]:/.test(clean)) {
      throw new ArtifactRejected(`the artifact holds a path outside its folder: ${JSON.stringify(name)}`)
    }
    const full = join(dir, clean)
    mkdirSync(dirname(full), { recursive: true })
    writeFileSync(full, bytes)
    files.push(clean)
  }
  return { dir, files: files.sort() }
}

async function downloadArtifact(octokit: Octokit, repo: RepoRef, runId: number, name: string): Promise<Uint8Array> {
  const { data } = await octokit.rest.actions.listWorkflowRunArtifacts({ owner: repo.owner, repo: repo.repo, run_id: runId, per_page: 100 })
  const artifact = data.artifacts.find((a) => a.name === name)
  if (!artifact)
    throw new ArtifactRejected(
      `the triggering run ${runId} has no artifact named ${JSON.stringify(name)} ` +
        `(artifacts: ${data.artifacts.map((a) => a.name).join(', ') || 'none'})`,
    )
  if (artifact.expired) throw new ArtifactRejected(`the artifact ${JSON.stringify(name)} of run ${runId} has expired`)
  try {
    const res = await octokit.rest.actions.downloadArtifact({
      owner: repo.owner,
      repo: repo.repo,
      artifact_id: artifact.id,
      archive_format: 'zip',
    })
    return new Uint8Array(res.data as ArrayBuffer)
  } catch (e) {
    if (statusOf(e) === 410) throw new ArtifactRejected(`the artifact ${JSON.stringify(name)} of run ${runId} has expired`)
    throw e
  }
}

export interface ArtifactEvidence {
  pr: PullInfo
  dir: string
  files: string[]
  artifactName: string
  runId: number
}

/**
 * Downloads and verifies the evidence of the triggering run. Throws ArtifactRejected when the artifact
 * is missing, unreadable, or belongs to another PR or commit.
 */
export async function loadRunEvidence(octokit: Octokit, repo: RepoRef, event: JsonObject, artifactName: string): Promise<ArtifactEvidence> {
  const run = triggeringRun(event)
  const zip = await downloadArtifact(octokit, repo, run.id, artifactName)
  const { dir, files } = extractArtifact(zip)
  let claimed: number | undefined = run.pullNumbers.length === 1 ? run.pullNumbers[0] : undefined
  if (files.includes(PR_MANIFEST)) {
    let parsed: unknown
    try {
      const { readFileSync } = await import('node:fs')
      parsed = JSON.parse(readFileSync(join(dir, PR_MANIFEST), 'utf8'))
    } catch (e) {
      throw new ArtifactRejected(`${PR_MANIFEST} in the artifact is not valid JSON: ${errorMessage(e)}`)
    }
    // Any JSON may arrive (null, a number, a list): only an object with an integer "number" names a PR.
    const manifest: { number?: unknown } = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : {}
    if (typeof manifest.number !== 'number' || !Number.isInteger(manifest.number))
      throw new ArtifactRejected(`${PR_MANIFEST} in the artifact has no integer "number"`)
    if (claimed !== undefined && claimed !== manifest.number) {
      throw new ArtifactRejected(`the artifact names PR #${manifest.number} but the triggering run belongs to PR #${claimed}`)
    }
    claimed = manifest.number
  }
  if (claimed === undefined) throw new ArtifactRejected(`no pull request: the run lists none and the artifact has no ${PR_MANIFEST}`)
  const pr = await fetchPull(octokit, repo, claimed)
  if (pr.headSha !== run.headSha) {
    throw new ArtifactRejected(
      `the artifact is for PR #${claimed}, whose head is ${pr.headSha.slice(0, 12)}, ` +
        `but the triggering run built ${run.headSha.slice(0, 12)}: rejected`,
    )
  }
  if (run.headRepo && pr.headRepo && run.headRepo !== pr.headRepo) {
    throw new ArtifactRejected(
      `the artifact is for PR #${claimed} from ${pr.headRepo}, but the triggering run built ${run.headRepo}: rejected`,
    )
  }
  return { pr, dir, files: files.filter((f) => f !== PR_MANIFEST), artifactName, runId: run.id }
}
