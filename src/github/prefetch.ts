/**
 * One GraphQL query for what every pull-request run reads besides the file list: the policy file and
 * `.gitattributes` at the base commit, the PR's comments (to find the sticky comment), and GitHub's records
 * of who waived what (label events, reviews, review comments: issue 18, read here so a failing PR makes no
 * extra call for them). Over REST these are five calls or more (two contents reads, a comments page, the
 * timeline, the review comments); this keeps a run at 5 API calls the first time (files, this query, check
 * run, comment, the re-list that settles concurrent creates) and 4 afterwards.
 *
 * It is an optimisation only: whatever it cannot answer is left out and read over REST as before. That is
 * a failed query (HTTP error, rate limit, GraphQL errors, a GitHub Enterprise Server without a field), a
 * blob GitHub truncates or calls binary, a comment id that is not a safe integer, more than 100
 * comments on the PR, and any waiver-record connection with a next page.
 *
 * A null is "no file" only when GraphQL says nothing went wrong there. A partial answer (HTTP 200 with
 * `errors[]`) gives null for every field it could not resolve, e.g. `policy: null` with a FORBIDDEN error
 * at `["repository", "policy"]`: that null is unknown, not absent. Taking it for absent would run the
 * embedded default policy instead of the repository's (a false green); left out, the file is read over
 * REST, where the same refusal is an error and the run fails closed. An error covers a field when its
 * path is a prefix of the field's path or the field's path is a prefix of it (an error below the field
 * nulls it too); an error without a path covers everything.
 *
 * The query is a read, so it goes through the client's unpaced sibling (see `graphqlReader`): the
 * throttling plugin counts every GraphQL request as a write and would hold the check run back a second.
 */
import type { Octokit } from './client.js'
import { describeApiError, graphqlReader } from './client.js'
import type { RepoRef } from './source.js'
import { at, list, str } from '../json.js'
import { blobAnswer, blobFields, errorCovers, type BlobRef } from './contents.js'
import { parseGraphqlRecords, WAIVER_RECORDS_SELECTION, type PrefetchedRecords } from './waiver-records.js'

/** The query; `contents` adds one aliased blob per planned file (the first batch of src/github/contents.ts). */
export function baseQuery(contents: { declarations: string; fields: string } = { declarations: '', fields: '' }): string {
  return `query prGateBase($owner: String!, $name: String!, $policy: String!, $attributes: String!, $number: Int!${contents.declarations}) {
  repository(owner: $owner, name: $name) {
    policy: object(expression: $policy) { __typename ... on Blob { text isBinary isTruncated } }
    attributes: object(expression: $attributes) { __typename ... on Blob { text isBinary isTruncated } }
    pullRequest(number: $number) {
      ${WAIVER_RECORDS_SELECTION}
    }${
      contents.fields
        ? `
    ${contents.fields}`
        : ''
    }
  }
}`
}
export const BASE_QUERY = baseQuery()

/** A PR comment as the sticky-comment logic needs it: `own` = written by the token's identity. */
export interface KnownComment {
  id: number
  body: string
  own: boolean
}

export interface BaseSnapshot {
  /** Path → text, or null when the path holds no file at the base. A path not in the map was not read. */
  files: Map<string, string | null>
  /** Every comment of the PR, oldest first; undefined when they could not all be read here. */
  comments?: KnownComment[]
  /** Why the query gave nothing, or only part of it, for the log (never contains the token). */
  failed?: string
  /** The planned files it read: text, or null when absent. A planned file not here must be read over REST. */
  contents: Array<{ item: BlobRef; value: string | null }>
  /** The PR's waiver records it read whole (src/github/waiver-records.ts); the rest is read over REST. */
  records: PrefetchedRecords
}

/**
 * Reads the base side, the comments and the planned `contents` (the run's first batch) in one query; never
 * throws. A planned file it cannot vouch for is left out of `contents` (read it over REST).
 */
export async function prefetchBase(
  octokit: Octokit,
  repo: RepoRef,
  baseSha: string,
  policyPath: string,
  prNumber: number,
  contents: BlobRef[] = [],
  htmlUrl?: string,
): Promise<BaseSnapshot> {
  const files = new Map<string, string | null>()
  const blobs = blobFields(contents)
  let data: unknown
  let errors: unknown[] = []
  try {
    data = await graphqlReader(octokit)(baseQuery(blobs), {
      owner: repo.owner,
      name: repo.repo,
      policy: `${baseSha}:${policyPath}`,
      attributes: `${baseSha}:.gitattributes`,
      number: prNumber,
      ...blobs.variables,
    })
  } catch (e) {
    // GraphqlResponseError carries the partial data; anything else (HTTP, network) gives nothing.
    data = at(e, 'data')
    if (data === undefined || data === null)
      return { files, contents: [], records: {}, failed: describeApiError('GraphQL read of the base side', e) }
    errors = list(at(e, 'errors'))
  }
  const unknown = (field: string[]) => errors.some((err) => errorCovers(at(err, 'path'), field))
  const repository = at(data, 'repository')
  for (const [alias, path] of [
    ['policy', policyPath],
    ['attributes', '.gitattributes'],
  ] as const) {
    const answer = blobAnswer(repository, alias, errors) // an error there: unknown, read over REST
    if (answer.kind === 'absent') files.set(path, null)
    else if (answer.kind === 'text') files.set(path, answer.text)
  }
  const read: BaseSnapshot['contents'] = []
  contents.forEach((item, i) => {
    const answer = blobAnswer(repository, blobs.aliases[i], errors)
    if (answer.kind !== 'unknown') read.push({ item, value: answer.kind === 'text' ? answer.text : null })
  })
  const comments = unknown(['repository', 'pullRequest', 'comments']) ? undefined : commentsOf(at(repository, 'pullRequest', 'comments'))
  const records = parseGraphqlRecords(at(repository, 'pullRequest'), unknown, htmlUrl)
  if (!errors.length) return { files, comments, contents: read, records }
  const where = errors.map(
    (err) => `${str(at(err, 'type')) ?? 'error'} at ${list(at(err, 'path')).map(String).join('.') || 'the whole query'}`,
  )
  return {
    files,
    comments,
    contents: read,
    records,
    failed: `GraphQL read of the base side: partial answer (${[...new Set(where)].slice(0, 5).join('; ')})`,
  }
}

function commentsOf(connection: unknown): KnownComment[] | undefined {
  const nodes = list(at(connection, 'nodes'))
  if (at(connection, 'totalCount') !== nodes.length || nodes.length > 100) return undefined
  const out: KnownComment[] = []
  for (const n of nodes) {
    const id = Number(at(n, 'fullDatabaseId')) // BigInt scalar: a string
    const body = str(at(n, 'body'))
    const own = at(n, 'viewerDidAuthor')
    if (!Number.isSafeInteger(id) || id <= 0 || body === undefined || typeof own !== 'boolean') return undefined
    out.push({ id, body, own })
  }
  return out
}
