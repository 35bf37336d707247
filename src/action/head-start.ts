/**
 * The Action's head start (issue 15): on a pull_request event the run's first API call, the PR's file list,
 * goes out before the rules, the policy engine and the report are loaded, so GitHub answers while node
 * compiles them instead of after. Only what that call needs is loaded first: the inputs, the client and
 * the file lister. It is the very call the run makes next anyway (same client, same pages): no call is
 * added, and when the run would not list the files first (release and report modes, workflow_run, a PR
 * number that is not the event's) nothing goes out early.
 */
import * as core from '@actions/core'
import { getSettings, type Settings } from './inputs.js'
import { createClient, type Octokit } from '../github/client.js'
import { listPullFiles, pullInfoFrom, type PullInfo } from '../github/source.js'
import { at, num } from '../json.js'
import type { ChangedFile } from '../types.js'

export const PR_EVENTS = new Set(['pull_request', 'pull_request_target'])

/** The settings (or why they could not be read) and, on a pull_request event, the listing under way. */
export type HeadStart = { ok: true; settings: Settings; early?: EarlyListing } | { ok: false; error: unknown }

export interface EarlyListing {
  octokit: Octokit
  pr: PullInfo
  /** The PR's files, as `listPullFiles` gives them (it rejects as it would). */
  files: Promise<ChangedFile[]>
}

/** The Action's client: one per run, for every call of the run. */
export function actionClient(s: Settings, onFetch?: () => void): Octokit {
  const log = (m: string) => {
    core.info(m)
  }
  return createClient({ token: s.token, baseUrl: s.apiUrl, timeoutMs: s.requestTimeoutMs, log, onFetch })
}

/**
 * Longest the head start waits for its first request to be handed to fetch. The client lets a read go
 * after a few turns of the event loop; loading the rest of the Action then holds the loop for a while, and
 * a request not yet written by then would only go out after it.
 */
export const HEAD_START_WAIT_MS = 50

const turn = () => new Promise<void>((resolve) => setImmediate(resolve))

/** The pull request of the event payload, when the run evaluates that one (else it is read or refused later). */
export function payloadPull(s: Settings): PullInfo | undefined {
  const payloadPr = s.event.pull_request
  if (payloadPr && PR_EVENTS.has(s.eventName) && num(at(payloadPr, 'number')) === s.pullNumber) return pullInfoFrom(payloadPr)
  return undefined
}

export async function headStart(): Promise<HeadStart> {
  let settings: Settings
  try {
    settings = getSettings()
  } catch (error) {
    return { ok: false, error }
  }
  if (settings.mode !== 'pull_request') return { ok: true, settings }
  let pr: PullInfo | undefined
  try {
    pr = payloadPull(settings)
  } catch {
    return { ok: true, settings } // the run reads the payload again and says what is wrong with it
  }
  if (!pr) return { ok: true, settings }
  let fetched = () => {}
  const handedToFetch = new Promise<void>((resolve) => (fetched = resolve))
  const octokit = actionClient(settings, () => {
    fetched()
  })
  const files = listPullFiles(octokit, settings.repository, pr.number, pr.changedFiles)
  // Awaited later (it rejects there, as the call would have); until then a failure is not "unhandled".
  files.catch(() => undefined)
  // Until the first page is handed to fetch and a turn later (the connection made, the request written),
  // or the list is settled, or HEAD_START_WAIT_MS.
  let timer: NodeJS.Timeout | undefined
  await Promise.race([
    handedToFetch.then(turn).then(turn),
    files.then(
      () => undefined,
      () => undefined,
    ),
    new Promise<void>((resolve) => (timer = setTimeout(resolve, HEAD_START_WAIT_MS))),
  ])
  clearTimeout(timer)
  return { ok: true, settings, early: { octokit, pr, files } }
}
