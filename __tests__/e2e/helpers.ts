/** Seeding shortcuts for end-to-end runs of the bundle against the fake GitHub. */
import type { FakeGitHub, PullFileInput, PullRecord } from '../helpers/github-server.js'
import { pullRequestEvent, runAction, type RunActionResult } from '../helpers/run-action.js'

export const BASE_SHA = 'b'.repeat(40)
export const HEAD_SHA = 'c'.repeat(40)

export function lineFiles(n: number, lines = 1, dir = 'src'): PullFileInput[] {
  return Array.from({ length: n }, (_, i) => ({
    filename: `${dir}/file${i}.ts`,
    status: 'modified' as const,
    additions: lines,
    deletions: 0,
    patch: `@@ -1 +1,${lines + 1} @@\n x\n` + Array.from({ length: lines }, (_, k) => `+line ${k}`).join('\n'),
  }))
}

export interface SeedInput {
  number?: number
  files?: PullFileInput[]
  body?: string
  labels?: string[]
  base?: Record<string, string>
  head?: Record<string, string>
  fork?: boolean
  /** Who added the seeded labels (GitHub's `labeled` events); default `maintainer`. */
  labeledBy?: string
  user?: string
}

export function seedPr(server: FakeGitHub, s: SeedInput = {}): PullRecord {
  server.setTree(BASE_SHA, s.base ?? {})
  server.setTree(HEAD_SHA, s.head ?? {})
  return server.addPullRequest({
    number: s.number ?? 7,
    title: 'Add payments timeout',
    body: s.body ?? 'Adds a timeout.',
    labels: s.labels ?? [],
    base: { ref: 'main', sha: BASE_SHA },
    head: { ref: 'feature', sha: HEAD_SHA, repoFullName: s.fork ? 'forker/service' : undefined },
    files: s.files ?? lineFiles(3),
    ...(s.labeledBy ? { labeledBy: s.labeledBy } : {}),
    ...(s.user ? { user: s.user } : {}),
  })
}

export async function runActionOnPr(
  server: FakeGitHub,
  pr: PullRecord,
  inputs: Record<string, string> = {},
  extra: { workspace?: string; token?: string; action?: string } = {},
): Promise<RunActionResult> {
  return runAction({
    server,
    event: pullRequestEvent(pr, extra.action ?? 'synchronize', server),
    inputs: { token: extra.token ?? server.token, ...inputs },
    workspace: extra.workspace,
  })
}

/** Nothing in the output may look like a stack trace. */
export function noStackTrace(r: RunActionResult): void {
  const all = r.stdout + r.stderr
  if (/\n\s+at .+\(.+:\d+:\d+\)/.test(all)) throw new Error(`stack trace in output:\n${all}`)
}
