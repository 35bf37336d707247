/**
 * The fake GitHub's GraphQL endpoint (`POST /graphql`). Every query is parsed and validated against
 * GitHub's published GraphQL schema (npm `@octokit/graphql-schema`, the schema Octokit generates from
 * GitHub's introspection) with graphql-js, the reference implementation: a query GitHub would refuse is a
 * contract violation here too. Valid queries are executed by graphql-js against that same schema over the
 * fake's state, so the answer has GitHub's shape by construction. The fake implements the fields the gate
 * asks for; any other field resolves to null, or to an error where the schema says non-null.
 *
 * GitHub-specific rules graphql-js does not know, mirrored: a connection needs `first` or `last`, at most
 * 100. A repository that does not exist is `null` with a NOT_FOUND error, as GitHub answers.
 */
import { readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findUp } from './find-up.js'
import {
  buildClientSchema,
  execute,
  GraphQLError,
  parse,
  responsePathAsArray,
  validate,
  type DocumentNode,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql'

const SCHEMA_FILE = findUp(dirname(fileURLToPath(import.meta.url)), 'node_modules/@octokit/graphql-schema/schema.json')

let schemaSingleton: GraphQLSchema | undefined
export function githubGraphqlSchema(): GraphQLSchema {
  schemaSingleton ??= buildClientSchema(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as IntrospectionQuery)
  return schemaSingleton
}

/** What the resolvers read from the fake's state. */
export interface GraphqlData {
  /** Injected field failures (a fault): the field at each response path resolves to a GraphQL error. */
  failures?: Array<{ path: string[]; type?: string; message?: string }>
  /** The token's login (`github-actions[bot]`), for `viewer` and `viewerDidAuthor`. */
  viewer: string
  repoExists(fullName: string): boolean
  /** The token sees the repository but may not read it (FORBIDDEN). */
  repoForbidden?(fullName: string): boolean
  /** The commit a revision (branch, tag, `HEAD`, sha) names, when the fake knows its files. */
  commitOid?(fullName: string, ref: string): string | undefined
  /** Files at a ref (branch, tag or sha), or undefined when the ref is unknown. */
  tree(fullName: string, ref: string): Record<string, string> | undefined
  pullExists(fullName: string, number: number): boolean
  comments(
    fullName: string,
    number: number,
  ): { id: number; body: string; user: string; userType: 'Bot' | 'User'; createdAt: string; updatedAt: string; editedAt?: string }[]
  /** The web host (`https://github.com`), for `url` fields. */
  htmlUrl?: string
  /**
   * A PR's waiver records: the same records the fake serves over REST (the issue timeline's label events and
   * reviews, `pulls/list-review-comments`), so GraphQL and REST can be compared field for field. Label
   * events carry the REST `node_id` as their GraphQL `id`; `url`s are the REST `html_url`s.
   */
  records?(fullName: string, number: number): GraphqlRecords
  /** The repository's default branch (`defaultBranchRef`). */
  defaultBranch?(fullName: string): string | undefined
  /** Every pull request of the repository (`pullRequests`), with its labels. */
  pulls?(fullName: string): GraphqlPull[]
  /** Check runs on a commit, each with the App GitHub names as its creator. */
  checkRuns?(fullName: string, sha: string): GraphqlCheckRun[]
  /** Commit statuses on a commit, newest first. */
  statuses?(fullName: string, sha: string): Array<{ context: string; state: string; description: string | null; creator: string }>
  /** An organization's repositories, or undefined when there is no such organization. */
  orgRepos?(org: string): Array<{ fullName: string; pushedAt: string; archived: boolean }> | undefined
  /** An issue's node id → the issue (`pinIssue`); throws a GraphQLError to refuse. */
  pinIssue?(issueId: string): { number: number; isPinned: boolean }
  /** The node id of an issue (`repository.issue(number).id`). */
  issueNodeId?(fullName: string, number: number): string | undefined
}

export interface GraphqlPull {
  number: number
  title: string
  state: 'open' | 'closed'
  createdAt: string
  updatedAt: string
  mergedAt?: string
  baseRef: string
  baseSha: string
  headSha: string
  mergeCommitSha?: string
  author: string
  additions: number
  deletions: number
  changedFiles: number
  labels: string[]
}

export interface GraphqlCheckRun {
  id: number
  startedAt: string
  completedAt: string | null
  name: string
  status: string
  conclusion: string | null
  title: string | null
  summary: string | null
  text: string | null
  app: { id: number; slug: string }
}

export interface GraphqlRecords {
  labelEvents: Array<{ nodeId: string; event: 'labeled' | 'unlabeled'; label: string; actor: string; createdAt: string }>
  reviews: Array<{ user: string; state: string; body: string; commitId: string; submittedAt: string; updatedAt?: string; url: string }>
  reviewComments: Array<{
    user: string
    body: string
    commitId: string
    originalCommitId: string
    createdAt: string
    updatedAt: string
    url: string
  }>
}

/** An `Actor` as GraphQL names it: a bot is a `Bot` without REST's "[bot]" suffix. */
function actor(login: string, type?: 'Bot' | 'User'): { __typename: string; login: string } {
  const bot = type === 'Bot' || /\[bot\]$/.test(login)
  return { __typename: bot ? 'Bot' : 'User', login: login.replace(/\[bot\]$/, '') }
}

/** GitHub's `lastEditedAt`: set once the text was edited after it was written. */
const lastEdited = (createdAt: string, updatedAt: string | undefined) => (updatedAt && updatedAt !== createdAt ? updatedAt : null)
const commit = (oid: string) => ({ __typename: 'Commit', oid })

export interface GraphqlOutcome {
  /** HTTP status and JSON body to answer with. */
  status: number
  json: unknown
  /** Set when the request breaks GitHub's contract (the server records it). */
  violation?: string
}

/** GitHub truncates `Blob.text` of big files; modelled at 512 KB. */
const BLOB_TEXT_LIMIT = 512 * 1024

export function answerGraphql(body: unknown, data: GraphqlData): GraphqlOutcome {
  const b = body as { query?: unknown; variables?: unknown; operationName?: unknown } | undefined
  if (!b || typeof b !== 'object' || typeof b.query !== 'string') {
    return {
      status: 400,
      json: { message: 'Problems parsing JSON', documentation_url: 'https://docs.github.com/graphql' },
      violation: 'GraphQL request without a "query" string',
    }
  }
  const schema = githubGraphqlSchema()
  let doc: DocumentNode
  try {
    doc = parse(b.query)
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    return { status: 200, json: { errors: [{ message }] }, violation: `GraphQL query does not parse: ${message}` }
  }
  const invalid = validate(schema, doc)
  if (invalid.length) {
    return {
      status: 200,
      json: { errors: invalid.map((e) => ({ message: e.message, locations: e.locations })) },
      violation: `GraphQL query invalid against GitHub's schema: ${invalid.map((e) => e.message).join('; ')}`,
    }
  }
  const variables = (b.variables && typeof b.variables === 'object' ? b.variables : {}) as Record<string, unknown>
  const result = execute({
    schema,
    document: doc,
    variableValues: variables,
    operationName: typeof b.operationName === 'string' ? b.operationName : undefined,
    rootValue: root(data),
  })
  if (result instanceof Promise) throw new Error('the fake GraphQL resolvers are synchronous')
  const json: Record<string, unknown> = { data: result.data ?? null }
  if (result.errors?.length) {
    json.errors = result.errors.map((e) => ({
      ...(e.extensions?.type ? { type: e.extensions.type } : {}),
      message: e.message,
      path: e.path,
      locations: e.locations,
    }))
  }
  return { status: 200, json }
}

function connectionSlice<T>(
  items: T[],
  args: { first?: number | null; last?: number | null; after?: string | null },
  field: string,
): {
  totalCount: number
  nodes: T[]
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null; startCursor: string | null }
} {
  const first = args.first ?? undefined
  const last = args.last ?? undefined
  if (first === undefined && last === undefined)
    throw new GraphQLError(`You must provide a \`first\` or \`last\` value to properly paginate the \`${field}\` connection.`)
  for (const [name, v] of [
    ['first', first],
    ['last', last],
  ] as const) {
    if (v !== undefined && (v < 0 || v > 100))
      throw new GraphQLError(`Requesting ${v} records on the \`${field}\` connection exceeds the \`${name}\` limit of 100 records.`)
  }
  const start = args.after
    ? Number(
        Buffer.from(args.after, 'base64')
          .toString('utf8')
          .replace(/^cursor:/, ''),
      )
    : 0
  let from = start
  let to = items.length
  if (first !== undefined) to = Math.min(to, from + first)
  if (last !== undefined) from = Math.max(from, to - last)
  const cursor = (i: number) => Buffer.from(`cursor:${i}`).toString('base64')
  return {
    totalCount: items.length,
    nodes: items.slice(from, to),
    pageInfo: {
      hasNextPage: to < items.length,
      hasPreviousPage: from > 0,
      endCursor: to > from ? cursor(to) : null,
      startCursor: to > from ? cursor(from) : null,
    },
  }
}

/**
 * Throws the injected failure for the field being resolved, if any: GitHub answers a field the token may
 * not read with null there and an error naming its path (type FORBIDDEN), the rest of the data intact.
 * graphql-js does exactly that for a nullable field whose resolver throws, so the answer stays schema-valid.
 */
function injected(data: GraphqlData, info: GraphQLResolveInfo | undefined): void {
  if (!info || !data.failures?.length) return
  const path = responsePathAsArray(info.path).filter((p): p is string => typeof p === 'string')
  const f = data.failures.find((x) => x.path.length === path.length && x.path.every((p, i) => p === path[i]))
  if (f) throw new GraphQLError(f.message ?? 'Resource not accessible by integration', { extensions: { type: f.type ?? 'FORBIDDEN' } })
}

const upper = (v: string | null): string | null => (v === null ? null : v.toUpperCase())

/** A commit's `checkSuites` (one per App, as GitHub groups a commit's check runs) and `status`. */
function commitNode(data: GraphqlData, full: string, oid: string): Record<string, unknown> {
  return {
    __typename: 'Commit',
    oid,
    checkSuites: (args: {
      first?: number
      last?: number
      after?: string
      filterBy?: { appId?: number | null; checkName?: string | null } | null
    }) => {
      const runs = data.checkRuns?.(full, oid) ?? []
      const apps = new Map<number, { id: number; slug: string }>()
      for (const r of runs) apps.set(r.app.id, r.app)
      const f = args.filterBy ?? {}
      const suites = [...apps.values()]
        .filter((a) => f.appId == null || a.id === f.appId)
        .filter((a) => f.checkName == null || runs.some((r) => r.app.id === a.id && r.name === f.checkName))
        .map((a) => ({
          app: { databaseId: a.id, slug: a.slug },
          checkRuns: (ra: {
            first?: number
            last?: number
            after?: string
            filterBy?: { checkName?: string | null; appId?: number | null } | null
          }) => {
            const rf = ra.filterBy ?? {}
            const mine = runs
              .filter((r) => r.app.id === a.id && (rf.checkName == null || r.name === rf.checkName))
              .sort((x, y) => x.id - y.id)
            return connectionSlice(
              mine.map((r) => ({
                databaseId: r.id,
                name: r.name,
                startedAt: r.startedAt,
                completedAt: r.completedAt,
                status: upper(r.status),
                conclusion: upper(r.conclusion),
                title: r.title,
                summary: r.summary,
                text: r.text,
              })),
              ra,
              'checkRuns',
            )
          },
        }))
      return connectionSlice(suites, args, 'checkSuites')
    },
    status: () => {
      const all = data.statuses?.(full, oid) ?? []
      if (!all.length) return null
      return {
        context: ({ name }: { name: string }) => {
          const s = all.find((x) => x.context === name)
          return s
            ? {
                state: s.state.toUpperCase(),
                description: s.description,
                creator: { __typename: s.creator.endsWith('[bot]') ? 'Bot' : 'User', login: s.creator.replace(/\[bot\]$/, '') },
              }
            : null
        },
      }
    },
  }
}

function pullNode(data: GraphqlData, full: string, p: GraphqlPull): Record<string, unknown> {
  return {
    number: p.number,
    title: p.title,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    mergedAt: p.mergedAt ?? null,
    merged: p.mergedAt !== undefined,
    baseRefName: p.baseRef,
    baseRefOid: p.baseSha,
    headRefOid: p.headSha,
    additions: p.additions,
    deletions: p.deletions,
    changedFiles: p.changedFiles,
    mergeCommit: p.mergeCommitSha ? { oid: p.mergeCommitSha } : null,
    author: { __typename: p.author.endsWith('[bot]') ? 'Bot' : 'User', login: p.author.replace(/\[bot\]$/, '') },
    labels: (args: { first?: number; last?: number; after?: string }) =>
      connectionSlice(
        p.labels.map((name) => ({ name })),
        args,
        'labels',
      ),
    // The head commit is the last of the pull request's commits.
    commits: (args: { first?: number; last?: number; after?: string }) =>
      connectionSlice([{ commit: commitNode(data, full, p.headSha) }], args, 'commits'),
  }
}

function root(data: GraphqlData): Record<string, unknown> {
  return {
    viewer: () => ({ __typename: 'User', login: data.viewer.replace(/\[bot\]$/, '') }),
    organization: ({ login }: { login: string }, _context: unknown, info?: GraphQLResolveInfo) => {
      injected(data, info)
      const repos = data.orgRepos?.(login)
      if (!repos)
        throw new GraphQLError(`Could not resolve to an Organization with the login of '${login}'.`, { extensions: { type: 'NOT_FOUND' } })
      return {
        login,
        repositories: (args: { first?: number; last?: number; after?: string; orderBy?: { field: string; direction: string } | null }) => {
          const sorted = [...repos]
          if (args.orderBy?.field === 'PUSHED_AT')
            sorted.sort((a, b) => (args.orderBy?.direction === 'ASC' ? 1 : -1) * a.pushedAt.localeCompare(b.pushedAt))
          return connectionSlice(
            sorted.map((r) => ({ nameWithOwner: r.fullName, pushedAt: r.pushedAt, isArchived: r.archived })),
            args,
            'repositories',
          )
        },
      }
    },
    pinIssue: ({ input }: { input: { issueId: string } }, _context: unknown, info?: GraphQLResolveInfo) => {
      injected(data, info)
      if (!data.pinIssue) throw new GraphQLError('pinIssue is not implemented by the fake', { extensions: { type: 'NOT_FOUND' } })
      return { issue: data.pinIssue(input.issueId) }
    },
    repository: ({ owner, name }: { owner: string; name: string }, _context: unknown, info?: GraphQLResolveInfo) => {
      injected(data, info)
      const full = `${owner}/${name}`
      if (!data.repoExists(full))
        throw new GraphQLError(`Could not resolve to a Repository with the name '${full}'.`, { extensions: { type: 'NOT_FOUND' } })
      if (data.repoForbidden?.(full))
        throw new GraphQLError('Resource not accessible by integration', { extensions: { type: 'FORBIDDEN' } })
      return {
        nameWithOwner: full,
        defaultBranchRef: () => {
          const b = data.defaultBranch?.(full)
          return b ? { name: b } : null
        },
        issue: ({ number }: { number: number }) => {
          const id = data.issueNodeId?.(full, number)
          if (!id)
            throw new GraphQLError(`Could not resolve to an Issue with the number of ${number}.`, { extensions: { type: 'NOT_FOUND' } })
          return { id, number }
        },
        pullRequests: (
          args: {
            first?: number
            last?: number
            after?: string
            states?: string[] | null
            orderBy?: { field: string; direction: string } | null
            baseRefName?: string | null
          },
          _context: unknown,
          info?: GraphQLResolveInfo,
        ) => {
          injected(data, info)
          const state = (p: GraphqlPull) => (p.mergedAt ? 'MERGED' : p.state === 'open' ? 'OPEN' : 'CLOSED')
          let pulls = (data.pulls?.(full) ?? [])
            .filter((p) => !args.states?.length || args.states.includes(state(p)))
            .filter((p) => !args.baseRefName || p.baseRef === args.baseRefName)
          const field = args.orderBy?.field
          const key = (p: GraphqlPull) => (field === 'UPDATED_AT' ? p.updatedAt : p.createdAt)
          // GitHub's default order is by creation, oldest first.
          pulls = [...pulls].sort((a, b) => key(a).localeCompare(key(b)) || a.number - b.number)
          if (field && args.orderBy?.direction === 'DESC') pulls.reverse()
          return connectionSlice(
            pulls.map((p) => pullNode(data, full, p)),
            args,
            'pullRequests',
          )
        },
        object: ({ expression }: { expression: string }, _context: unknown, info?: GraphQLResolveInfo) => {
          injected(data, info)
          const i = expression.indexOf(':')
          if (i < 0) {
            // A bare revision names a commit.
            const oid = data.commitOid?.(full, expression)
            return oid ? { __typename: 'Commit', oid } : null
          }
          const tree = data.tree(full, expression.slice(0, i))
          const path = expression.slice(i + 1).replace(/^\/+|\/+$/g, '')
          if (!tree) return null
          const text = tree[path]
          if (text === undefined) return Object.keys(tree).some((p) => p.startsWith(`${path}/`)) ? { __typename: 'Tree' } : null
          const binary = text.includes('\0')
          const bytes = Buffer.byteLength(text)
          return {
            __typename: 'Blob',
            byteSize: bytes,
            isBinary: binary,
            isTruncated: bytes > BLOB_TEXT_LIMIT,
            text: binary ? null : bytes > BLOB_TEXT_LIMIT ? Buffer.from(text).subarray(0, BLOB_TEXT_LIMIT).toString('utf8') : text,
          }
        },
        pullRequest: ({ number }: { number: number }, _context: unknown, info?: GraphQLResolveInfo) => {
          injected(data, info)
          if (!data.pullExists(full, number))
            throw new GraphQLError(`Could not resolve to a PullRequest with the number of ${number}.`, {
              extensions: { type: 'NOT_FOUND' },
            })
          return {
            number,
            comments: (args: { first?: number; last?: number; after?: string }, _context: unknown, info?: GraphQLResolveInfo) => {
              injected(data, info)
              return connectionSlice(
                data.comments(full, number).map((c) => ({
                  __typename: 'IssueComment',
                  databaseId: c.id <= 2147483647 ? c.id : null,
                  fullDatabaseId: String(c.id),
                  body: c.body,
                  createdAt: c.createdAt,
                  viewerDidAuthor: c.user === data.viewer,
                  // GraphQL names a bot without the "[bot]" suffix REST shows
                  author: actor(c.user, c.userType),
                  updatedAt: c.updatedAt,
                  lastEditedAt: c.editedAt ?? null,
                  url: `${data.htmlUrl ?? 'https://github.com'}/${full}/pull/${number}#issuecomment-${c.id}`,
                })),
                args,
                'comments',
              )
            },
            timelineItems: (
              args: { first?: number; last?: number; after?: string; itemTypes?: string[] | null },
              _context: unknown,
              info?: GraphQLResolveInfo,
            ) => {
              injected(data, info)
              const types = args.itemTypes?.length ? new Set(args.itemTypes) : undefined
              const modelled = ['LABELED_EVENT', 'UNLABELED_EVENT']
              if (!types || [...types].some((t) => !modelled.includes(t)))
                throw new GraphQLError(`the fake GitHub models timelineItems only with itemTypes ⊆ [${modelled.join(', ')}]`)
              const events = (data.records?.(full, number).labelEvents ?? []).filter((e) =>
                types.has(e.event === 'labeled' ? 'LABELED_EVENT' : 'UNLABELED_EVENT'),
              )
              return connectionSlice(
                events.map((e) => ({
                  __typename: e.event === 'labeled' ? 'LabeledEvent' : 'UnlabeledEvent',
                  id: e.nodeId,
                  createdAt: e.createdAt,
                  actor: actor(e.actor),
                  label: { __typename: 'Label', name: e.label },
                })),
                args,
                'timelineItems',
              )
            },
            reviews: (args: { first?: number; last?: number; after?: string }, _context: unknown, info?: GraphQLResolveInfo) => {
              injected(data, info)
              return connectionSlice(
                (data.records?.(full, number).reviews ?? []).map((r) => ({
                  __typename: 'PullRequestReview',
                  author: actor(r.user),
                  body: r.body,
                  state: r.state,
                  submittedAt: r.submittedAt,
                  createdAt: r.submittedAt,
                  updatedAt: r.updatedAt ?? r.submittedAt,
                  lastEditedAt: lastEdited(r.submittedAt, r.updatedAt),
                  url: r.url,
                  commit: commit(r.commitId),
                })),
                args,
                'reviews',
              )
            },
            // Each review comment of the fake is a thread of its own (the fake models no replies).
            reviewThreads: (args: { first?: number; last?: number; after?: string }, _context: unknown, info?: GraphQLResolveInfo) => {
              injected(data, info)
              return connectionSlice(
                (data.records?.(full, number).reviewComments ?? []).map((c) => ({
                  __typename: 'PullRequestReviewThread',
                  comments: (a: { first?: number; last?: number; after?: string }, _c: unknown, i?: GraphQLResolveInfo) => {
                    injected(data, i)
                    return connectionSlice(
                      [
                        {
                          __typename: 'PullRequestReviewComment',
                          author: actor(c.user),
                          body: c.body,
                          state: 'SUBMITTED',
                          createdAt: c.createdAt,
                          updatedAt: c.updatedAt,
                          lastEditedAt: lastEdited(c.createdAt, c.updatedAt),
                          url: c.url,
                          commit: commit(c.commitId),
                          originalCommit: commit(c.originalCommitId),
                        },
                      ],
                      a,
                      'comments',
                    )
                  },
                })),
                args,
                'reviewThreads',
              )
            },
          }
        },
      }
    },
  }
}
