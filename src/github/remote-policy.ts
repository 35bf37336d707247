/**
 * Org policy over the API: reads the `github:<owner>/<repo>/<path>@<ref>` files a policy extends.
 *
 * The ref is resolved to a commit SHA first (one GraphQL query, `object(expression: ref) { oid }`, skipped
 * when the ref already is a full SHA), then the file is read at that SHA through the existing content
 * reader (src/github/contents.ts: a GraphQL blob, REST where GraphQL cannot vouch for it). Within a run
 * every resolution and file is read once. The App also passes a `RemotePolicyCache` that outlives the
 * delivery: a file at a commit SHA never changes, so the next delivery only resolves the ref again
 * (one query) and reads nothing when the org repository has not moved. The cache is per installation:
 * what one installation's token may read is never served to another.
 *
 * Every failure becomes a RemoteReadError with a message for the policy's author (the policy then fails
 * closed, positioned at the `extends` entry): an unknown or unreadable repository (GitHub answers both
 * with NOT_FOUND / 404, so the message says the token may not see it and how to give it access), a refusal
 * (FORBIDDEN / 403), an unknown ref, or an API failure after retries.
 */
import type { Octokit } from './client.js'
import { describeApiError, graphqlReader, statusOf } from './client.js'
import { ContentStore } from './contents.js'
import { RemoteReadError, type RemoteReader, type RemoteSpec } from '../policy/load.js'
import { at, list, str } from '../json.js'

export const RESOLVE_REF_QUERY = `query prGateRemotePolicyRef($owner: String!, $name: String!, $ref: String!) {
  repository(owner: $owner, name: $name) {
    object(expression: $ref) { oid }
  }
}`

/** Files of org policy repositories at commit SHAs, kept across deliveries (bounded, least recently used out). */
export class RemotePolicyCache {
  private readonly map = new Map<string, string | null>()
  constructor(readonly maxEntries = 500) {}
  get(key: string): string | null | undefined {
    const v = this.map.get(key)
    if (v !== undefined) {
      this.map.delete(key)
      this.map.set(key, v)
    }
    return v
  }
  set(key: string, value: string | null): void {
    this.map.delete(key)
    this.map.set(key, value)
    while (this.map.size > this.maxEntries) this.map.delete(this.map.keys().next().value as string)
  }
  get size(): number {
    return this.map.size
  }
}

/** One cache per App installation (what one installation's token may read is never served to another). */
export class RemotePolicyCaches {
  private readonly caches = new Map<number, RemotePolicyCache>()
  constructor(
    private readonly maxInstallations = 1000,
    private readonly entriesEach = 200,
  ) {}
  forInstallation(id: number): RemotePolicyCache {
    let c = this.caches.get(id)
    if (c) this.caches.delete(id)
    else c = new RemotePolicyCache(this.entriesEach)
    this.caches.set(id, c)
    while (this.caches.size > this.maxInstallations) this.caches.delete(this.caches.keys().next().value as number)
    return c
  }
}

/** The "cannot read" advice for the App: its installation token reads only the repositories it is installed on. */
export const APP_ACCESS_HINT =
  'The App reads it with its installation token, which can read only the repositories the App is installed on: ' +
  "install the App on that repository too (for the org's .github repository, " +
  '"All repositories" or add it to the selected ones). See docs/policy.md, "Org policy".'

export interface RemotePolicyOptions {
  /** Shared across runs (the App, one per installation); a run-local cache is always used. */
  cache?: RemotePolicyCache
  /** How to give the gate access, for the "cannot read" message (the Action names `policy-token`). */
  accessHint?: string
  log?: (message: string) => void
}

export interface RemotePolicyStats {
  resolves: number
  reads: number
  cacheHits: number
}

export const DEFAULT_ACCESS_HINT =
  "The Action's GITHUB_TOKEN can read only the workflow's own repository: pass a token that can read it as " +
  'the `policy-token` input (a fine-grained token or a GitHub App token with contents: read on that repository), ' +
  'or run the gate as the GitHub App installed on that repository too. See docs/policy.md, "Org policy".'

const SHA = /^[0-9a-f]{40}$/i

export class RemotePolicyReader {
  readonly stats: RemotePolicyStats = { resolves: 0, reads: 0, cacheHits: 0 }
  private readonly shas = new Map<string, Promise<string>>()
  private readonly files = new Map<string, Promise<string | undefined>>()
  private readonly stores = new Map<string, ContentStore>()

  constructor(
    private readonly octokit: Octokit,
    private readonly options: RemotePolicyOptions = {},
  ) {}

  readonly read: RemoteReader = (spec) => {
    const repoKey = `${spec.owner}/${spec.repo}`.toLowerCase()
    const runKey = `${repoKey}@${spec.ref}:${spec.path}`
    let p = this.files.get(runKey)
    if (!p) {
      p = this.resolve(spec).then((sha) => this.readAt(spec, repoKey, sha))
      this.files.set(runKey, p)
    }
    return p
  }

  private resolve(spec: RemoteSpec): Promise<string> {
    if (SHA.test(spec.ref)) return Promise.resolve(spec.ref.toLowerCase())
    const key = `${spec.owner}/${spec.repo}@${spec.ref}`.toLowerCase()
    let p = this.shas.get(key)
    if (!p) {
      p = this.resolveOnce(spec)
      this.shas.set(key, p)
    }
    return p
  }

  private async resolveOnce(spec: RemoteSpec): Promise<string> {
    const repo = `${spec.owner}/${spec.repo}`
    this.stats.resolves++
    let data: unknown
    try {
      data = await graphqlReader(this.octokit)(RESOLVE_REF_QUERY, { owner: spec.owner, name: spec.repo, ref: spec.ref })
    } catch (e) {
      const errors = list(at(e, 'errors'))
      const types = errors.map((err) => str(at(err, 'type')))
      if (types.includes('NOT_FOUND') || statusOf(e) === 404)
        throw new RemoteReadError(
          this.cannotRead(repo, 'GitHub answers that the repository does not exist or that this token cannot see it (NOT_FOUND)'),
        )
      if (types.includes('FORBIDDEN') || statusOf(e) === 403 || statusOf(e) === 401)
        throw new RemoteReadError(
          this.cannotRead(repo, `GitHub refuses this token (${types.includes('FORBIDDEN') ? 'FORBIDDEN' : statusOf(e)})`),
        )
      throw new RemoteReadError(
        `${describeApiError(`resolving ${spec.ref} in ${repo}`, e)}; the policy cannot be read, so the gate fails closed`,
      )
    }
    const oid = str(at(data, 'repository', 'object', 'oid'))
    if (!oid)
      throw new RemoteReadError(
        `${repo} has no ${spec.ref === 'HEAD' ? 'default branch' : `branch, tag or commit ${JSON.stringify(spec.ref)}`}`,
      )
    return oid
  }

  private cannotRead(repo: string, why: string): string {
    return `cannot read ${repo}: ${why}. ${this.options.accessHint ?? DEFAULT_ACCESS_HINT}`
  }

  private async readAt(spec: RemoteSpec, repoKey: string, sha: string): Promise<string | undefined> {
    const cacheKey = `${repoKey}@${sha}:${spec.path}`
    const cached = this.options.cache?.get(cacheKey)
    if (cached !== undefined) {
      this.stats.cacheHits++
      return cached ?? undefined
    }
    let store = this.stores.get(repoKey)
    if (!store)
      this.stores.set(repoKey, (store = new ContentStore(this.octokit, { owner: spec.owner, repo: spec.repo }, { log: this.options.log })))
    this.stats.reads++
    let text: string | undefined
    try {
      text = await store.read(sha, spec.path)
    } catch (e) {
      const status = statusOf(e)
      if (status === 403 || status === 401)
        throw new RemoteReadError(this.cannotRead(`${spec.owner}/${spec.repo}`, `GitHub refuses this token (${status})`))
      throw new RemoteReadError(
        `${describeApiError(`reading ${spec.path} of ${spec.owner}/${spec.repo} at ${sha.slice(0, 12)}`, e)}; ` +
          `the policy cannot be read, so the gate fails closed`,
      )
    }
    this.options.cache?.set(cacheKey, text ?? null)
    return text
  }
}
