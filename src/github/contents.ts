/**
 * File contents over the API, read in GraphQL batches: one query reads many blobs, each as an aliased
 * `object(expression: "<sha>:<path>")`. The reads a run needs are planned once (each rule declares them,
 * see `planReads` in src/engine/plan.ts) and read before the rules run, the first batch riding on the query
 * that reads the policy, `.gitattributes` and the comments (src/github/prefetch.ts). Reads nobody planned
 * are still served: those asked in the same tick share one batch.
 *
 * Batches are sized by count and by estimated bytes. An answer is trusted only when GraphQL vouches for
 * it: a Blob that is neither truncated nor binary is its text; `null` (or a tree, or a submodule commit)
 * with no error at that path is a file absent there. Everything else (a failed query, a partial answer with
 * an error covering the field, a truncated or binary blob, an unexpected shape) is read over REST, one file
 * at a time, where a failure throws: a read that fails is never "no file", so the rule that needed it is
 * not evaluated (docs/fail-closed.md).
 */
import type { Octokit } from './client.js'
import { describeApiError, graphqlReader } from './client.js'
import { readRepoFile, type RepoRef } from './source.js'
import { at, list, str } from '../json.js'

/** One file at one commit. */
export interface BlobRef {
  ref: string
  path: string
}

export const blobKey = (ref: string, path: string): string => `${ref}:${path}`

/** The selection every blob alias uses. */
export const BLOB_SELECTION = '{ __typename ... on Blob { text isBinary isTruncated } }'

/** What one aliased `object` answered: its text, known absent, or unknown (read it over REST). */
export type BlobAnswer = { kind: 'text'; text: string } | { kind: 'absent' } | { kind: 'unknown' }

/** True when a GraphQL error at `path` may have nulled `field`: one path is a prefix of the other, or no path. */
export function errorCovers(path: unknown, field: string[]): boolean {
  if (!Array.isArray(path) || path.length === 0) return true
  const n = Math.min(path.length, field.length)
  for (let i = 0; i < n; i++) if (path[i] !== field[i]) return false
  return true
}

/** Reads the answer of `repository.<alias>` (an `object(expression:)` with BLOB_SELECTION). */
export function blobAnswer(repository: unknown, alias: string, errors: unknown[]): BlobAnswer {
  if (!repository || typeof repository !== 'object' || !(alias in repository)) return { kind: 'unknown' }
  if (errors.some((err) => errorCovers(at(err, 'path'), ['repository', alias]))) return { kind: 'unknown' }
  const obj = at(repository, alias)
  if (obj === null) return { kind: 'absent' }
  const type = str(at(obj, '__typename'))
  // A directory, or a submodule (a commit in the tree): no file there, as the contents API says.
  if (type === 'Tree' || type === 'Commit') return { kind: 'absent' }
  if (type === 'Blob' && at(obj, 'isTruncated') === false && at(obj, 'isBinary') !== true) {
    const text = str(at(obj, 'text'))
    if (text !== undefined) return { kind: 'text', text }
  }
  return { kind: 'unknown' }
}

/** The aliased fields and variables of a batch: `c0: object(expression: $c0) …`. */
export function blobFields(
  items: BlobRef[],
  prefix = 'c',
): { fields: string; declarations: string; variables: Record<string, string>; aliases: string[] } {
  const aliases = items.map((_, i) => `${prefix}${i}`)
  return {
    aliases,
    fields: aliases.map((a) => `${a}: object(expression: $${a}) ${BLOB_SELECTION}`).join('\n    '),
    declarations: aliases.map((a) => `, $${a}: String!`).join(''),
    variables: Object.fromEntries(items.map((it, i) => [aliases[i], `${it.ref}:${it.path}`])),
  }
}

export interface ContentStoreOptions {
  /** Most blobs in one query (default 100). */
  maxCount?: number
  /** Most estimated bytes of text in one query (default 4 MiB). */
  maxBytes?: number
  /** Estimated size of a blob whose size is not hinted (default 32 KiB). */
  defaultBytes?: number
  /** Size hints (e.g. from the patch of an added file); undefined when unknown. */
  sizeHint?: (ref: string, path: string) => number | undefined
  /** Queries in flight at once (default 2); REST fallbacks in flight at once (default 4). */
  concurrency?: number
  restConcurrency?: number
  log?: (message: string) => void
}

interface Pending extends BlobRef {
  resolve: (text: string | undefined) => void
  reject: (e: unknown) => void
}

/** Counters, for the log and the tests. */
export interface ContentStats {
  queries: number
  blobs: number
  rest: number
}

/**
 * The run's file contents: read once each, in batches. `read` answers the file's text, or undefined when
 * it is absent at that commit; it rejects when the file could not be read.
 */
export class ContentStore {
  readonly stats: ContentStats = { queries: 0, blobs: 0, rest: 0 }
  private readonly cache = new Map<string, Promise<string | undefined>>()
  private readonly restOnly = new Set<string>()
  private queue: Pending[] = []
  private scheduled = false
  private readonly gql: Limiter
  private readonly restLimit: Limiter

  constructor(
    private readonly octokit: Octokit,
    private readonly repo: RepoRef,
    private readonly options: ContentStoreOptions = {},
  ) {
    this.gql = limiter(options.concurrency ?? 2)
    this.restLimit = limiter(options.restConcurrency ?? 4)
  }

  /** Answers read elsewhere (the first batch): text, or null for a file known to be absent. */
  seed(ref: string, path: string, value: string | null): void {
    const key = blobKey(ref, path)
    if (!this.cache.has(key)) this.cache.set(key, Promise.resolve(value ?? undefined))
  }

  /** A file GraphQL already could not vouch for: read it over REST when it is asked for. */
  markRestOnly(ref: string, path: string): void {
    this.restOnly.add(blobKey(ref, path))
  }

  has(ref: string, path: string): boolean {
    return this.cache.has(blobKey(ref, path))
  }

  read(ref: string, path: string): Promise<string | undefined> {
    const key = blobKey(ref, path)
    let p = this.cache.get(key)
    if (!p) {
      if (this.restOnly.has(key)) p = this.rest(ref, path)
      else {
        p = new Promise<string | undefined>((resolve, reject) => this.queue.push({ ref, path, resolve, reject }))
        this.schedule()
      }
      this.cache.set(key, p)
    }
    return p
  }

  /** Reads every file of the plan now, in batches; settles when all are read (never rejects: a failed
   * read rejects later, for the rule that asks for it). */
  async prefetch(items: BlobRef[]): Promise<void> {
    const ps = items.map((it) => this.read(it.ref, it.path))
    for (const p of ps) void p.catch(() => undefined)
    await Promise.allSettled(ps)
  }

  /** Splits a plan into what fits the first batch (the first query) and the rest. */
  firstBatch(items: BlobRef[]): [BlobRef[], BlobRef[]] {
    const batches = this.batches(items)
    return [batches[0] ?? [], batches.slice(1).flat()]
  }

  private schedule(): void {
    if (this.scheduled) return
    this.scheduled = true
    // setImmediate, not a microtask: reads asked for across a few awaits of resolved promises join one batch.
    setImmediate(() => {
      this.scheduled = false
      const items = this.queue
      this.queue = []
      for (const batch of this.batches(items))
        this.gql(() => this.runBatch(batch)).catch((e: unknown) => {
          batch.forEach((it) => {
            it.reject(e)
          })
        })
    })
  }

  /** Splits by count and by estimated bytes (a blob bigger than the byte budget goes alone). */
  private batches<T extends BlobRef>(items: T[]): T[][] {
    const maxCount = this.options.maxCount ?? 100
    const maxBytes = this.options.maxBytes ?? 4 * 1024 * 1024
    const out: T[][] = []
    let cur: T[] = []
    let bytes = 0
    for (const it of items) {
      const size = this.options.sizeHint?.(it.ref, it.path) ?? this.options.defaultBytes ?? 32 * 1024
      if (cur.length && (cur.length >= maxCount || bytes + size > maxBytes)) {
        out.push(cur)
        cur = []
        bytes = 0
      }
      cur.push(it)
      bytes += size
    }
    if (cur.length) out.push(cur)
    return out
  }

  private async runBatch(batch: Pending[]): Promise<void> {
    const { fields, declarations, variables, aliases } = blobFields(batch)
    const query =
      `query prGateContents($owner: String!, $name: String!${declarations}) ` +
      `{\n  repository(owner: $owner, name: $name) {\n    ${fields}\n  }\n}`
    let data: unknown
    let errors: unknown[] = []
    this.stats.queries++
    try {
      data = await graphqlReader(this.octokit)(query, { owner: this.repo.owner, name: this.repo.repo, ...variables })
    } catch (e) {
      data = at(e, 'data')
      errors = list(at(e, 'errors'))
      if (data === undefined || data === null)
        this.options.log?.(
          `${describeApiError(`GraphQL read of ${batch.length} file${batch.length === 1 ? '' : 's'}`, e)}; reading them over REST`,
        )
    }
    const repository = at(data, 'repository')
    batch.forEach((it, i) => {
      const answer = blobAnswer(repository, aliases[i], errors)
      if (answer.kind === 'text') {
        this.stats.blobs++
        it.resolve(answer.text)
      } else if (answer.kind === 'absent') {
        this.stats.blobs++
        it.resolve(undefined)
      } else this.rest(it.ref, it.path).then(it.resolve, it.reject)
    })
  }

  private rest(ref: string, path: string): Promise<string | undefined> {
    return this.restLimit(() => {
      this.stats.rest++
      return readRepoFile(this.octokit, this.repo, path, ref)
    })
  }
}

type Limiter = <T>(f: () => Promise<T>) => Promise<T>

/** At most `n` of the functions run at once; the others wait in order. */
function limiter(n: number): Limiter {
  let active = 0
  const waiting: Array<() => void> = []
  const release = () => {
    active--
    waiting.shift()?.()
  }
  return <T>(f: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      const start = () => {
        active++
        f().then(resolve, reject).finally(release)
      }
      if (active < n) start()
      else waiting.push(start)
    })
}

/** Size hints from the file list: an added file's text is about its patch without the `+` prefixes. */
export function sizeHintsFrom(
  files: Array<{ path: string; status: string; patch?: string }>,
  headRef: string,
): (ref: string, path: string) => number | undefined {
  const sizes = new Map<string, number>()
  for (const f of files) if (f.status === 'added' && f.patch !== undefined) sizes.set(f.path, f.patch.length)
  return (ref, path) => (ref === headRef ? sizes.get(path) : undefined)
}
