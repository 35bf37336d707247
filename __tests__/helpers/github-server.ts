/**
 * A test double of GitHub's REST API: a real `node:http` server on 127.0.0.1 that every end-to-end test
 * points Octokit at (`baseUrl: server.url`, GitHub Enterprise style, routes matched at the root).
 *
 * Faithfulness is enforced, not hoped for:
 *  - every request is matched against GitHub's own OpenAPI description (`@octokit/openapi`,
 *    `generated/api.github.com.json`, loaded once per process) and its path/query parameters and JSON body
 *    are validated with ajv; any mismatch is recorded in `violations` and answered the way GitHub answers
 *    (404 unknown route, 400 unparsable JSON, 422 invalid body);
 *  - every JSON response the fake writes is validated against the documented response schema for that
 *    status, failures land in `responseViolations` (a test can assert both lists are empty);
 *  - documented routes the fake does not implement answer 501 and are recorded, so a test notices;
 *  - `POST /graphql` is validated against GitHub's GraphQL schema and executed by graphql-js over the same
 *    state (github-graphql.ts); an invalid query is a violation.
 *
 * State is in memory and seeded with helpers (`addRepo`, `setTree`, `addPullRequest`, ...). Response objects
 * are built from the few fields that matter and completed from the response schema (required properties
 * get type-correct placeholder values), so they always carry the shape real clients expect.
 *
 * Faults (`faults.push({...})`) let a test inject 5xx, rate limits, delays and truncated bodies.
 */
import http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { createHash, randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import zlib from 'node:zlib'
import AjvModule from 'ajv'
import type { ErrorObject, ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'
import { answerGraphql, type GraphqlRecords } from './github-graphql.js'
import { GraphQLError } from 'graphql'
import { findUp } from './find-up.js'

// ajv and ajv-formats are CommonJS with `exports.default`; under ESM interop the default import is the
// module object in Node and the class under ts-jest, so take whichever is callable.
type AjvClass = typeof AjvModule.default
const Ajv: AjvClass = ((AjvModule as unknown as { default?: AjvClass }).default ?? AjvModule) as AjvClass
type AddFormats = typeof addFormatsModule.default
const addFormats: AddFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule) as AddFormats

/* ════════════════════════════════════════════════════════════════════════════════════════════════════
 * Public types
 * ════════════════════════════════════════════════════════════════════════════════════════════════════ */

export type Obj = Record<string, unknown>

/** How a token behaves. `access: 'read'` models a fork PR's GITHUB_TOKEN: every non-GET answers 403. */
export interface TokenConfig {
  login: string
  type?: 'Bot' | 'User'
  access?: 'write' | 'read'
  /** The Actions GITHUB_TOKEN: `GET /user` answers 403 `Resource not accessible by integration`. */
  actionsToken?: boolean
  /** Set on tokens minted by `POST /app/installations/{id}/access_tokens` (also 403 on `GET /user`). */
  installationId?: number
  /**
   * The repositories (`owner/name`) this token can see; absent: all. Any other repository answers as
   * GitHub answers a private repository the token cannot see: REST 404 `Not Found`, GraphQL NOT_FOUND
   * ("Could not resolve to a Repository"). Models the Actions GITHUB_TOKEN (its own repository only) and
   * an App installed on selected repositories.
   */
  repos?: string[]
  /** Repositories the token sees but may not read: REST 403, GraphQL FORBIDDEN (e.g. SAML not authorised). */
  forbiddenRepos?: string[]
}

export interface FakeGitHubOptions {
  /** The first (default) repository. Without it the first `addRepo` call (or `acme/service`) is the default. */
  repo?: AddRepoInput
  /** Extra tokens. A default Actions token (`DEFAULT_TOKEN`, github-actions[bot], write) always exists. */
  tokens?: Record<string, TokenConfig>
  /** Check-run writes answer 403 (so a gate falls back to commit statuses). */
  checksForbidden?: boolean
  /** The GitHub App that `POST /app/installations/{id}/access_tokens` mints tokens for. */
  app?: {
    id?: number
    slug?: string
    installationId?: number
    access?: 'write' | 'read'
    repos?: string[]
    /** More installations of the same App (token minting accepts them too). */ moreInstallations?: number[]
  }
  /**
   * Enforce GitHub's documented secondary limits on content creation per identity (an installation, a
   * user): at most `perMinute` (80) content-creating requests a minute and `perHour` (500) an hour; beyond
   * that 403 "You have exceeded a secondary rate limit" with retry-after, as GitHub answers. Content
   * creation: every REST POST, PATCH, PUT and DELETE (GraphQL queries are reads). Off by default.
   */
  contentLimits?: { perMinute?: number; perHour?: number }
  /** Web (html_url) base; default `https://github.com`. */
  htmlUrl?: string
  /** Validate the fake's own responses against the documented schemas (default true). */
  validateResponses?: boolean
  /** Clock for created_at/updated_at (default: real time). */
  now?: () => Date
}

/** Injected failure; the next `times` requests matching `method` and `path` get it. */
export interface Fault {
  method?: string
  /** Exact pathname, the OpenAPI template (`/repos/{owner}/{repo}/pulls/{pull_number}/files`), an
   * operationId (`pulls/list-files`), or a RegExp tested against the pathname. Absent: any request. */
  path?: string | RegExp
  times: number
  /** Answer this status instead of handling the request (default body: a GitHub-style message). */
  status?: number
  headers?: Record<string, string>
  body?: unknown
  /** Wait before answering (combine with a client timeout to simulate a hang). */
  delayMs?: number
  /** Handle the request normally but send only the first half of the body (invalid JSON). */
  truncateBody?: boolean
  /**
   * `POST /graphql` only: execute the query, but make the fields at these response paths (aliases, e.g.
   * `['repository', 'policy']`) fail as GitHub does when a token may not read them: the field is null
   * and `errors[]` carries `{ type, message, path }` (a partial answer, HTTP 200). Default type FORBIDDEN.
   */
  graphqlErrors?: Array<{ path: string[]; type?: string; message?: string }>
}

export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  /** Parsed JSON body (or the raw text when it is not JSON; undefined when empty). */
  body: unknown
  status: number
  /** OpenAPI operationId (e.g. `checks/update`), or null for an unknown route / internal download. */
  operationId: string | null
  /** The OpenAPI path template that matched. */
  route: string | null
  /** The token's login, or null when unauthenticated. */
  login: string | null
  accept: string | undefined
  /** True when the answer came from an injected fault. */
  fault: boolean
  /** When the request arrived (ms since the epoch). */
  at: number
}

export interface AddRepoInput {
  owner: string
  name: string
  defaultBranch?: string
  private?: boolean
  ownerType?: 'User' | 'Organization'
}

export interface RepoRecord {
  id: number
  owner: string
  name: string
  fullName: string
  defaultBranch: string
  private: boolean
  ownerType: 'User' | 'Organization'
  fork: boolean
  createdAt: string
}

export interface PullFileInput {
  filename: string
  status?: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged'
  additions?: number
  deletions?: number
  changes?: number
  /** Absent for binary or very large diffs, exactly like GitHub. */
  patch?: string
  previous_filename?: string
}

export interface CommitInput {
  sha: string
  message?: string
  author?: string
}

export interface AddPullRequestInput {
  repo?: string
  number: number
  title?: string
  body?: string | null
  /** Author login (default `octocat`). */
  user?: string
  userType?: 'Bot' | 'User'
  labels?: string[]
  draft?: boolean
  state?: 'open' | 'closed'
  base: { ref: string; sha: string }
  /** `repoFullName` different from the base repo makes it a fork PR. */
  head: { ref: string; sha: string; repoFullName?: string }
  /** Every changed file; may exceed 3000 (the list endpoint caps at 3000 like GitHub). */
  files?: PullFileInput[]
  commits?: CommitInput[]
  authorAssociation?: string
  /** Merged PRs (release mode): when it was merged; the PR is then `closed` with `merged: true`. */
  mergedAt?: string
  /** The commit the merge created on the base branch (squash/merge commit); `commits/{sha}/pulls` finds the PR by it too. */
  mergeCommitSha?: string
  /** Who added the seeded `labels` (their `labeled` events, a minute after the PR was opened). Default `maintainer`. */
  labeledBy?: string
  /** When it was last updated (GraphQL `updatedAt`; default: now). */
  updatedAt?: string
}

export interface PullRecord {
  repo: string
  number: number
  id: number
  title: string
  body: string | null
  user: string
  userType: 'Bot' | 'User'
  draft: boolean
  state: 'open' | 'closed'
  base: { ref: string; sha: string }
  head: { ref: string; sha: string; repoFullName: string }
  files: PullFileRecord[]
  commits: CommitInput[]
  authorAssociation: string
  createdAt: string
  updatedAt: string
  mergedAt?: string
  mergeCommitSha?: string
}

export interface PullFileRecord {
  filename: string
  status: NonNullable<PullFileInput['status']>
  additions: number
  deletions: number
  changes: number
  patch?: string
  previous_filename?: string
}

export interface CommentRecord {
  id: number
  repo: string
  issueNumber: number
  body: string
  user: string
  userType: 'Bot' | 'User'
  createdAt: string
  updatedAt: string
  /** When the text was last edited (GraphQL's `lastEditedAt`); unset for a comment never edited. */
  editedAt?: string
}

export interface AnnotationRecord {
  path: string
  start_line: number
  end_line: number
  start_column?: number
  end_column?: number
  annotation_level: 'notice' | 'warning' | 'failure'
  message: string
  title?: string
  raw_details?: string
}

export interface CheckRunRecord {
  id: number
  repo: string
  name: string
  headSha: string
  status: string
  conclusion: string | null
  detailsUrl: string | null
  externalId: string | null
  startedAt: string
  completedAt: string | null
  output: { title: string | null; summary: string | null; text: string | null }
  annotations: AnnotationRecord[]
  /** Login of the token that created it. */
  createdBy: string
  /**
   * The GitHub App GitHub names as its creator (`app` in the JSON). Default: the fake's App when
   * `createdBy` is its bot (`<slug>[bot]`), else the GitHub Actions App. Set it to seed a look-alike.
   */
  app?: { id: number; slug: string; name?: string }
  /** Number of PATCH requests applied. */
  updates: number
}

export interface StatusRecord {
  id: number
  repo: string
  sha: string
  state: 'error' | 'failure' | 'pending' | 'success'
  context: string
  description: string | null
  targetUrl: string | null
  creator: string
  createdAt: string
}

export interface DeploymentStatusInput {
  state: 'error' | 'failure' | 'inactive' | 'pending' | 'success' | 'queued' | 'in_progress'
  description?: string
  environmentUrl?: string
  logUrl?: string
  createdAt?: string
}

export interface AddDeploymentInput {
  repo?: string
  id?: number
  sha: string
  ref?: string
  environment: string
  task?: string
  payload?: Obj
  description?: string | null
  creator?: string
  createdAt?: string
  statuses?: DeploymentStatusInput[]
}

export interface DeploymentRecord {
  id: number
  repo: string
  sha: string
  ref: string
  environment: string
  task: string
  payload: Obj
  description: string | null
  creator: string
  createdAt: string
  statuses: Array<DeploymentStatusInput & { id: number; createdAt: string }>
}

export interface DependencyDiffInput {
  change_type: 'added' | 'removed'
  manifest: string
  ecosystem: string
  name: string
  version: string
  package_url?: string | null
  license?: string | null
  source_repository_url?: string | null
  scope?: 'unknown' | 'runtime' | 'development'
  vulnerabilities?: Array<{ severity: string; advisory_ghsa_id: string; advisory_summary: string; advisory_url: string }>
}

export interface AddDependabotAlertInput {
  repo?: string
  number?: number
  state?: 'auto_dismissed' | 'dismissed' | 'fixed' | 'open'
  severity: 'low' | 'medium' | 'high' | 'critical'
  ecosystem: string
  package: string
  manifestPath?: string
  scope?: 'development' | 'runtime'
  ghsaId?: string
  cveId?: string | null
  summary?: string
  vulnerableVersionRange?: string
  firstPatchedVersion?: string | null
  createdAt?: string
  fixedAt?: string | null
  dismissedAt?: string | null
}

export interface DependabotAlertRecord extends Required<Omit<AddDependabotAlertInput, 'repo'>> {
  repo: string
  updatedAt: string
}

/** A GitHub secret-scanning alert (`GET /repos/{o}/{r}/secret-scanning/alerts` and its `locations`). */
export interface AddSecretScanningAlertInput {
  repo?: string
  number?: number
  state?: 'open' | 'resolved'
  secretType: string
  displayName?: string
  /** The secret in clear text, as GitHub answers it (the gate must fingerprint it and never print it). */
  secret: string
  locations: Array<{ path: string; startLine: number; endLine?: number; commitSha: string }>
  createdAt?: string
}

export interface SecretScanningAlertRecord extends Required<Omit<AddSecretScanningAlertInput, 'repo'>> {
  repo: string
}

/** A GitHub code-scanning alert on a ref (`GET /repos/{o}/{r}/code-scanning/alerts?ref=…`). */
export interface AddCodeScanningAlertInput {
  repo?: string
  number?: number
  /** The ref the alert was found on, e.g. `refs/pull/7/merge`. */
  ref: string
  state?: 'open' | 'dismissed' | 'fixed'
  tool: string
  toolVersion?: string
  ruleId: string
  ruleName?: string
  description?: string
  help?: string
  helpUri?: string
  severity?: 'none' | 'note' | 'warning' | 'error'
  securitySeverityLevel?: 'low' | 'medium' | 'high' | 'critical' | null
  path: string
  startLine: number
  endLine?: number
  message?: string
  createdAt?: string
}

export interface CodeScanningAlertRecord extends Required<Omit<AddCodeScanningAlertInput, 'repo'>> {
  repo: string
}

export interface AddArtifactInput {
  repo?: string
  id?: number
  runId: number
  name: string
  /** Zip bytes, or a map of file name → text that is zipped for you. */
  data: Buffer | Uint8Array | Record<string, string>
  expired?: boolean
  createdAt?: string
  headSha?: string
  headBranch?: string
}

export interface ArtifactRecord {
  id: number
  repo: string
  runId: number
  name: string
  data: Buffer
  expired: boolean
  createdAt: string
  headSha: string
  headBranch: string
}

export interface ComparisonInput {
  repo?: string
  base: string
  head: string
  commits?: CommitInput[]
  files?: PullFileInput[]
  status?: 'diverged' | 'ahead' | 'behind' | 'identical'
  behindBy?: number
}

export interface ProtectionRuleReview {
  repo: string
  runId: number
  environmentName: string
  state: 'approved' | 'rejected' | null
  comment: string | null
  by: string
}

/** Everything the fake knows; read it in assertions. */
export interface FakeState {
  repos: Map<string, RepoRecord>
  /** repo → ref (branch, tag or sha) → path → content */
  trees: Map<string, Map<string, Record<string, string>>>
  /** repo → branch or tag name → the sha it points at (see `setBranch`). */
  branches: Map<string, Map<string, string>>
  pulls: PullRecord[]
  /** Issue keys `owner/name#number` that exist (every PR is one). */
  issues: Set<string>
  comments: CommentRecord[]
  /** `owner/name#number` → label names on that issue/PR. */
  labels: Map<string, string[]>
  checkRuns: CheckRunRecord[]
  statuses: StatusRecord[]
  deployments: DeploymentRecord[]
  protectionRuleReviews: ProtectionRuleReview[]
  /** `owner/name:base...head` → entries */
  dependencyDiffs: Map<string, DependencyDiffInput[]>
  dependabotAlerts: DependabotAlertRecord[]
  secretScanningAlerts: SecretScanningAlertRecord[]
  codeScanningAlerts: CodeScanningAlertRecord[]
  artifacts: ArtifactRecord[]
  comparisons: Map<string, ComparisonInput & { repo: string }>
  /** Tokens minted for the App (latest last). */
  installationTokens: string[]
  /** Waiver records: `labeled`/`unlabeled` events by issue key, reviews, review comments, teams, roles, pushes. */
  labelEvents: Map<string, LabelEventRecord[]>
  reviews: ReviewRecord[]
  reviewComments: ReviewCommentRecord[]
  /** `org/team-slug` (lower case) → member logins. */
  teams: Map<string, Set<string>>
  /** `owner/name:login` (lower case) → repository role (admin, maintain, write, triage, read). */
  roles: Map<string, string>
  /** Pushes (the repository activity API). */
  activities: ActivityRecord[]
  /** Issues that are not pull requests, with their title, body and pin. */
  issueRecords: IssueRecord[]
}

/** An issue that is not a pull request (created by `addIssueRecord` or `POST /repos/{o}/{r}/issues`). */
export interface IssueRecord {
  id: number
  repo: string
  number: number
  title: string
  body: string | null
  user: string
  state: 'open' | 'closed'
  pinned: boolean
  createdAt: string
  updatedAt: string
}

export interface LabelEventRecord {
  id: number
  event: 'labeled' | 'unlabeled'
  label: string
  actor: string
  createdAt: string
}

export interface ReviewRecord {
  id: number
  repo: string
  number: number
  user: string
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED'
  body: string
  commitId: string
  submittedAt: string
  updatedAt?: string
}

export interface ReviewCommentRecord {
  id: number
  repo: string
  number: number
  user: string
  body: string
  commitId: string
  originalCommitId: string
  path: string
  createdAt: string
  updatedAt: string
}

export interface ActivityRecord {
  id: number
  repo: string
  ref: string
  before: string
  after: string
  timestamp: string
  type: 'push' | 'force_push'
  actor: string
}

/** The default Actions token every server accepts (github-actions[bot], write access). */
export const DEFAULT_TOKEN = 'ghs_fakeActionsToken0000000000000000000'
/** GitHub's caps, mirrored. */
export const PULL_FILES_CAP = 3000
export const COMPARE_FILES_CAP = 300

/* ════════════════════════════════════════════════════════════════════════════════════════════════════
 * The OpenAPI description: loading, OAS 3.0 → JSON Schema conversion, routing, validators (all cached)
 * ════════════════════════════════════════════════════════════════════════════════════════════════════ */

/** Found by walking up from this module (it also runs compiled, from bench/.build/, for the benchmark). */
const SPEC_FILE = findUp(dirname(fileURLToPath(import.meta.url)), 'node_modules/@octokit/openapi/generated/api.github.com.json')
const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const
/** Base URI under which converted component schemas are registered with ajv. */
const SCHEMA_BASE = 'https://openapi.invalid/components/schemas/'

interface OasParameter {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required?: boolean
  schema?: Obj
}
interface OasMediaType {
  schema?: Obj
}
interface OasResponse {
  content?: Record<string, OasMediaType>
  $ref?: string
}
interface OasOperation {
  operationId: string
  parameters?: Array<OasParameter | { $ref: string }>
  requestBody?: { required?: boolean; content?: Record<string, OasMediaType> }
  responses: Record<string, OasResponse>
  externalDocs?: { url?: string }
}
type OasPathItem = Partial<Record<(typeof HTTP_METHODS)[number], OasOperation>> & {
  parameters?: Array<OasParameter | { $ref: string }>
}
interface OasSpec {
  paths: Record<string, OasPathItem>
  components: {
    schemas: Record<string, Obj>
    parameters: Record<string, OasParameter>
    responses: Record<string, OasResponse>
  }
}

interface Route {
  template: string
  regex: RegExp
  names: string[]
  /** Per segment: 2 static, 1 mixed, 0 parameter; compared lexicographically (more specific first). */
  score: number[]
  item: OasPathItem
}

/** One documented operation, with its parameters resolved. */
export interface OperationInfo {
  operationId: string
  method: string
  template: string
  docsUrl: string
  op: OasOperation
  parameters: OasParameter[]
}

export type RouteMatch =
  { kind: 'ok'; info: OperationInfo; params: Record<string, string> } | { kind: 'no-route' } | { kind: 'no-method'; template: string }

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Keywords of OAS 3.0 schema objects that are annotations only (or not JSON Schema) and are dropped. */
const DROP_KEYWORDS = new Set([
  'example',
  'examples',
  'discriminator',
  'xml',
  'externalDocs',
  'deprecated',
  'readOnly',
  'writeOnly',
  'description',
  'title',
  'nullable',
])

/**
 * Converts an OpenAPI 3.0 schema to JSON Schema (draft-07, what ajv speaks): `nullable: true` becomes a
 * `null` type (or an `anyOf` with `{type: null}` when there is no `type`), null joins a nullable `enum`,
 * `$ref`s point to the component registered under SCHEMA_BASE (siblings dropped, as OAS 3.0 says),
 * annotation-only and `x-*` keywords go. `refs` collects the component names referenced.
 */
function convertSchema(node: unknown, refs: Set<string>): unknown {
  if (Array.isArray(node)) return node.map((n) => convertSchema(n, refs))
  if (!isObj(node)) return node
  if (typeof node.$ref === 'string') {
    const name = node.$ref.replace('#/components/schemas/', '')
    refs.add(name)
    return { $ref: SCHEMA_BASE + encodeURIComponent(name) }
  }
  const out: Obj = {}
  for (const [k, v] of Object.entries(node)) {
    if (DROP_KEYWORDS.has(k) || k.startsWith('x-')) continue
    if (k === 'properties' || k === 'patternProperties') {
      out[k] = Object.fromEntries(Object.entries(v as Obj).map(([p, s]) => [p, convertSchema(s, refs)]))
    } else if (k === 'items' || k === 'not' || (k === 'additionalProperties' && isObj(v))) {
      out[k] = convertSchema(v, refs)
    } else if (k === 'allOf' || k === 'anyOf' || k === 'oneOf') {
      out[k] = (v as unknown[]).map((s) => convertSchema(s, refs))
    } else {
      out[k] = v
    }
  }
  if (node.nullable === true) {
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null]
    if (typeof out.type === 'string') out.type = [out.type, 'null']
    else if (out.type === undefined) return { anyOf: [out, { type: 'null' }] }
  }
  return out
}

/** One ajv instance plus the set of component schemas registered with it (added lazily, on first use). */
class SchemaRegistry {
  readonly ajv: InstanceType<AjvClass>
  private readonly added = new Set<string>()
  private readonly cache = new Map<string, ValidateFunction>()

  constructor(
    private readonly spec: OasSpec,
    coerce: boolean,
  ) {
    this.ajv = new Ajv({
      strict: false,
      allErrors: true,
      logger: false,
      coerceTypes: coerce ? 'array' : false,
      // GitHub's spec has a few formats ajv-formats does not know; they are annotations for us.
      formats: { int32: true, int64: true, binary: true, 'repo.nwo': true, uint32: true, ssh: true, 'uri-template': true },
    })
    addFormats(this.ajv)
  }

  private ensure(name: string): void {
    if (this.added.has(name)) return
    this.added.add(name)
    const raw = this.spec.components.schemas[name]
    if (!raw) throw new Error(`OpenAPI component schema not found: ${name}`)
    const refs = new Set<string>()
    const converted = convertSchema(raw, refs) as Obj
    this.ajv.addSchema({ ...converted, $id: SCHEMA_BASE + encodeURIComponent(name) })
    for (const r of refs) this.ensure(r)
  }

  /** The compiled validator for `schema` (raw OAS), cached under `key`. */
  validator(key: string, schema: Obj): ValidateFunction {
    let v = this.cache.get(key)
    if (!v) {
      const refs = new Set<string>()
      const converted = convertSchema(schema, refs) as Obj
      for (const r of refs) this.ensure(r)
      v = this.ajv.compile(converted)
      this.cache.set(key, v)
    }
    return v
  }
}

/** GitHub's OpenAPI description with a router and lazily compiled, cached validators. */
export class OpenApi {
  readonly spec: OasSpec
  private readonly routes: Route[] = []
  readonly bodies: SchemaRegistry
  readonly params: SchemaRegistry
  private readonly opsById = new Map<string, OperationInfo>()

  constructor(spec: OasSpec) {
    this.spec = spec
    this.bodies = new SchemaRegistry(spec, false)
    this.params = new SchemaRegistry(spec, true)
    for (const [template, item] of Object.entries(spec.paths)) {
      const names: string[] = []
      const score: number[] = []
      const segs = template.split('/').slice(1)
      const parts = segs.map((seg, i) => {
        if (!seg.includes('{')) {
          score.push(2)
          return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        }
        score.push(/^\{[^}]+\}$/.test(seg) ? 0 : 1)
        return seg
          .split(/(\{[^}]+\})/)
          .map((piece) => {
            const m = /^\{([^}]+)\}$/.exec(piece)
            if (!m) return piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
            names.push(m[1]!)
            // A trailing `{path}` may contain unencoded slashes (repository file paths).
            return m[1] === 'path' && i === segs.length - 1 ? '(.+)' : '([^/]+)'
          })
          .join('')
      })
      this.routes.push({ template, regex: new RegExp(`^/${parts.join('/')}/?$`), names, score, item })
    }
    this.routes.sort((a, b) => {
      for (let i = 0; i < Math.min(a.score.length, b.score.length); i++) {
        if (a.score[i] !== b.score[i]) return b.score[i]! - a.score[i]!
      }
      return b.score.length - a.score.length
    })
  }

  private resolveParam(p: OasParameter | { $ref: string }): OasParameter {
    if ('$ref' in p) {
      const name = p.$ref.replace('#/components/parameters/', '')
      const found = this.spec.components.parameters[name]
      if (!found) throw new Error(`OpenAPI parameter not found: ${p.$ref}`)
      return found
    }
    return p
  }

  operation(template: string, method: string): OperationInfo | undefined {
    const item = this.spec.paths[template]
    const op = item?.[method.toLowerCase() as (typeof HTTP_METHODS)[number]]
    if (!item || !op) return undefined
    let info = this.opsById.get(op.operationId)
    if (!info) {
      info = {
        operationId: op.operationId,
        method: method.toUpperCase(),
        template,
        docsUrl: op.externalDocs?.url ?? 'https://docs.github.com/rest',
        op,
        parameters: [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => this.resolveParam(p)),
      }
      this.opsById.set(op.operationId, info)
    }
    return info
  }

  /** Matches method + raw (still percent-encoded) pathname; the most specific template wins. */
  match(method: string, pathname: string): RouteMatch {
    let pathOnly: string | undefined
    for (const route of this.routes) {
      const m = route.regex.exec(pathname)
      if (!m) continue
      const info = this.operation(route.template, method)
      if (!info) {
        pathOnly ??= route.template
        continue
      }
      const params: Record<string, string> = {}
      route.names.forEach((n, i) => {
        const raw = m[i + 1] ?? ''
        try {
          params[n] = decodeURIComponent(raw)
        } catch {
          params[n] = raw
        }
      })
      return { kind: 'ok', info, params }
    }
    return pathOnly ? { kind: 'no-method', template: pathOnly } : { kind: 'no-route' }
  }

  /** The JSON schema of a documented response, or undefined (e.g. 204, or a status not documented). */
  responseSchema(info: OperationInfo, status: number): Obj | undefined {
    let r: OasResponse | undefined = info.op.responses[String(status)]
    if (r?.$ref) r = this.spec.components.responses[r.$ref.replace('#/components/responses/', '')]
    return r?.content?.['application/json']?.schema
  }

  /** Resolves `#/components/schemas/...` (for the response completer, which works on raw OAS). */
  deref(schema: Obj): Obj {
    let s = schema
    for (let i = 0; i < 20 && typeof s.$ref === 'string'; i++) {
      const found: Obj | undefined = this.spec.components.schemas[s.$ref.replace('#/components/schemas/', '')]
      if (!found) throw new Error(`OpenAPI ref not found: ${s.$ref}`)
      s = found
    }
    return s
  }

  component(name: string): Obj {
    const s = this.spec.components.schemas[name]
    if (!s) throw new Error(`OpenAPI component schema not found: ${name}`)
    return s
  }
}

let openApiSingleton: OpenApi | undefined
/** Loads GitHub's OpenAPI description once per process (13 MB, ~0.1 s). */
export function getOpenApi(): OpenApi {
  openApiSingleton ??= new OpenApi(JSON.parse(readFileSync(SPEC_FILE, 'utf8')) as OasSpec)
  return openApiSingleton
}

/** ajv errors as one readable line (`body/conclusion must be equal to one of the allowed values (...)`). */
function describeErrors(errors: ErrorObject[] | null | undefined, root: string, data: unknown): string {
  const parts = (errors ?? []).slice(0, 6).map((e) => {
    const where = `${root}${e.instancePath}`
    let detail = e.message ?? e.keyword
    if (e.keyword === 'enum') {
      const allowed = (e.params as { allowedValues?: unknown[] }).allowedValues ?? []
      detail += ` ${JSON.stringify(allowed)}, got ${JSON.stringify(valueAt(data, e.instancePath))}`
    } else if (e.keyword === 'additionalProperties') {
      detail += ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})`
    }
    return `${where} ${detail}`
  })
  return [...new Set(parts)].join('; ')
}

function valueAt(data: unknown, pointer: string): unknown {
  let cur = data
  for (const seg of pointer.split('/').slice(1)) {
    const key = seg.replace(/~1/g, '/').replace(/~0/g, '~')
    if (Array.isArray(cur)) cur = cur[Number(key)]
    else if (isObj(cur)) cur = cur[key]
    else return undefined
  }
  return cur
}

/* ════════════════════════════════════════════════════════════════════════════════════════════════════
 * Response completion: fill a response object's missing required properties from its schema
 * ════════════════════════════════════════════════════════════════════════════════════════════════════ */

interface FillContext {
  api: OpenApi
  apiUrl: string
  time: string
}

/**
 * Returns `value` with every missing required property (recursively, also inside provided nested objects
 * and arrays) given a type-correct placeholder: null when nullable, the default or first enum value, the
 * clock for date-times, a URL for `*_url`, 0, false, [], or a completed object.
 */
function complete(schema: Obj | undefined, value: unknown, key: string, parent: Obj | undefined, ctx: FillContext, depth = 0): unknown {
  if (!schema || depth > 15) return value
  const s = ctx.api.deref(schema)
  if (Array.isArray(s.allOf)) {
    let v = value
    for (const part of s.allOf as Obj[]) v = complete(part, v ?? {}, key, parent, ctx, depth + 1)
    return v
  }
  const alts = (s.oneOf ?? s.anyOf) as Obj[] | undefined
  if (alts) {
    if (value === undefined && s.nullable === true) return null
    if (value === null) return null
    const kind = value === undefined ? undefined : Array.isArray(value) ? 'array' : typeof value
    const branch = alts
      .map((a) => ctx.api.deref(a))
      .find((a) => {
        const t = a.type ?? (a.properties ? 'object' : undefined)
        if (kind === undefined) return t !== 'null'
        if (kind === 'number') return t === 'integer' || t === 'number'
        return t === kind
      })
    return complete(branch ?? alts[0], value, key, parent, ctx, depth + 1)
  }
  if (value === undefined) {
    if (s.nullable === true) return null
    if ('default' in s) return structuredClone(s.default)
    if (Array.isArray(s.enum)) return s.enum[0]
    const type = s.type ?? (s.properties ? 'object' : undefined)
    switch (type) {
      case 'string':
        if (s.format === 'date-time') return ctx.time
        if (s.format === 'uri' || key === 'url' || key.endsWith('_url') || key === 'href') {
          const base = typeof parent?.url === 'string' ? parent.url : `${ctx.apiUrl}/_fake`
          return key === 'url' ? base : `${base}/${key.replace(/_url$/, '')}`
        }
        if (s.format === 'email') return 'noreply@example.com'
        return ''
      case 'integer':
      case 'number':
        return typeof s.minimum === 'number' ? s.minimum : 0
      case 'boolean':
        return false
      case 'array':
        return []
      case 'object':
        return complete(s, {}, key, parent, ctx, depth + 1)
      default:
        return null
    }
  }
  if (isObj(value) && isObj(s.properties)) {
    const props = s.properties as Record<string, Obj>
    const out: Obj = { ...value }
    for (const req of (s.required as string[] | undefined) ?? []) {
      if (!(req in out)) out[req] = complete(props[req], undefined, req, out, ctx, depth + 1)
    }
    for (const [k, v] of Object.entries(out)) {
      if (props[k] && (isObj(v) || Array.isArray(v))) out[k] = complete(props[k], v, k, out, ctx, depth + 1)
    }
    return out
  }
  if (Array.isArray(value) && isObj(s.items)) {
    return value.map((v) => complete(s.items as Obj, v, key, parent, ctx, depth + 1))
  }
  return value
}

/* ════════════════════════════════════════════════════════════════════════════════════════════════════
 * Small utilities
 * ════════════════════════════════════════════════════════════════════════════════════════════════════ */

function sha1(text: string | Buffer): string {
  return createHash('sha1').update(text).digest('hex')
}

/** Git's blob id of `content`. */
function blobSha(content: string): string {
  const buf = Buffer.from(content, 'utf8')
  return sha1(Buffer.concat([Buffer.from(`blob ${buf.length}\0`), buf]))
}

/** GitHub's ISO form: second precision, `Z`. */
function iso(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** Base64 wrapped at 60 columns with a trailing newline, as the contents API sends it. */
function githubBase64(content: string): string {
  const b64 = Buffer.from(content, 'utf8').toString('base64')
  return b64.length === 0 ? '' : `${(b64.match(/.{1,60}/g) ?? []).join('\n')}\n`
}

function nodeId(kind: string, id: number): string {
  return Buffer.from(`0${kind.length}:${kind}${id}`).toString('base64').replace(/=+$/, '')
}

function issueKey(repo: string, n: number): string {
  return `${repo}#${n}`
}

/** A minimal zip writer (deflate), for artifacts. */
function uriPath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/')
}

export function makeZip(files: Record<string, string | Buffer>): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8')
    const compressed = zlib.deflateRawSync(data)
    const crc = zlib.crc32(data)
    const nameBuf = Buffer.from(name, 'utf8')
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4) // version needed
    local.writeUInt16LE(0x0800, 6) // flags: UTF-8 names
    local.writeUInt16LE(8, 8) // deflate
    local.writeUInt32LE(0, 10) // time/date
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(compressed.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(nameBuf.length, 26)
    local.writeUInt16LE(0, 28)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(0, 12)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(compressed.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(nameBuf.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, nameBuf, compressed)
    centrals.push(central, nameBuf)
    offset += local.length + nameBuf.length + compressed.length
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(Object.keys(files).length, 8)
  end.writeUInt16LE(Object.keys(files).length, 10)
  end.writeUInt32LE(centralSize, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, ...centrals, end])
}

/** An error answered to the client the way GitHub does (`{message, documentation_url, status}`). */
class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly options: { violation?: boolean; errors?: Obj[]; headers?: Record<string, string> } = {},
  ) {
    super(message)
  }
}

interface Reply {
  status: number
  json?: unknown
  raw?: Buffer | string
  contentType?: string
  headers?: Record<string, string>
}

interface Identity {
  token: string
  config: TokenConfig
  /** `app` for an App JWT (only valid on /app endpoints). */
  kind: 'token' | 'app'
}

interface Ctx {
  method: string
  url: URL
  params: Record<string, string>
  query: URLSearchParams
  body: unknown
  identity: Identity
  info: OperationInfo
  accept: string
}

type Handler = (ctx: Ctx) => Reply

const KNOWN_IDS: Record<string, number> = { 'github-actions[bot]': 41898282, 'dependabot[bot]': 49699333, octocat: 583231 }
const GITHUB_ACTIONS_APP = { id: 15368, slug: 'github-actions', name: 'GitHub Actions' }

/* ════════════════════════════════════════════════════════════════════════════════════════════════════
 * The server
 * ════════════════════════════════════════════════════════════════════════════════════════════════════ */

export class FakeGitHub {
  /** Base URL for Octokit (`baseUrl`) and GITHUB_API_URL, e.g. `http://127.0.0.1:40123`. */
  url = ''
  /** Base for html_url (GITHUB_SERVER_URL). */
  readonly htmlUrl: string
  /** The default Actions token (write). */
  readonly token = DEFAULT_TOKEN
  readonly tokens = new Map<string, TokenConfig>()
  readonly requests: RecordedRequest[] = []
  /** Requests that do not match GitHub's documented API (route, parameters, body), and unimplemented ones. */
  readonly violations: string[] = []
  /** The fake's own responses that do not match the documented response schema. */
  readonly responseViolations: string[] = []
  readonly faults: Fault[] = []
  readonly state: FakeState = {
    repos: new Map(),
    trees: new Map(),
    branches: new Map(),
    pulls: [],
    issues: new Set(),
    comments: [],
    labels: new Map(),
    checkRuns: [],
    statuses: [],
    deployments: [],
    protectionRuleReviews: [],
    dependencyDiffs: new Map(),
    dependabotAlerts: [],
    secretScanningAlerts: [],
    codeScanningAlerts: [],
    artifacts: [],
    comparisons: new Map(),
    installationTokens: [],
    labelEvents: new Map(),
    reviews: [],
    reviewComments: [],
    teams: new Map(),
    roles: new Map(),
    activities: [],
    issueRecords: [],
  }
  /** GraphQL `pinIssue` answers FORBIDDEN (the token may not pin issues). */
  pinForbidden = false
  /** Behaviour switches that a test may flip at any time. */
  checksForbidden: boolean

  private readonly api = getOpenApi()
  private readonly server: http.Server
  private readonly sockets = new Set<Socket>()
  private readonly timers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>()
  private readonly counters = new Map<string, number>()
  private readonly userIds = new Map<string, number>()
  private readonly labelIds = new Map<string, number>()
  private defaultRepo: string | undefined
  private readonly app: {
    id: number
    slug: string
    installationId: number
    access: 'write' | 'read'
    repos?: string[]
    installations: Set<number>
  }
  private readonly contentLimits: { perMinute: number; perHour: number } | undefined
  /** Content-creating request times per identity (contentLimits). */
  private readonly contentCreated = new Map<string, number[]>()
  /** Requests answered with a secondary rate limit by `contentLimits` (not by an injected fault). */
  secondaryLimited = 0
  private readonly now: () => Date
  private readonly validateResponses: boolean
  private readonly handlers: Record<string, Handler>

  constructor(options: FakeGitHubOptions = {}) {
    this.htmlUrl = options.htmlUrl ?? 'https://github.com'
    this.checksForbidden = options.checksForbidden ?? false
    this.now = options.now ?? (() => new Date())
    this.validateResponses = options.validateResponses ?? true
    this.app = {
      id: options.app?.id ?? 4242,
      slug: options.app?.slug ?? 'pr-quality-gate',
      installationId: options.app?.installationId ?? 777,
      access: options.app?.access ?? 'write',
      repos: options.app?.repos,
      installations: new Set([options.app?.installationId ?? 777, ...(options.app?.moreInstallations ?? [])]),
    }
    this.contentLimits = options.contentLimits
      ? { perMinute: options.contentLimits.perMinute ?? 80, perHour: options.contentLimits.perHour ?? 500 }
      : undefined
    this.tokens.set(DEFAULT_TOKEN, { login: 'github-actions[bot]', type: 'Bot', access: 'write', actionsToken: true })
    for (const [t, c] of Object.entries(options.tokens ?? {})) this.tokens.set(t, c)
    if (options.repo) this.addRepo(options.repo)
    this.handlers = this.buildHandlers()
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        this.violations.push(`fake server crashed: ${err instanceof Error ? err.stack : String(err)}`)
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ message: 'fake server error' }))
      })
    })
    this.server.on('connection', (s: Socket) => {
      this.sockets.add(s)
      s.on('close', () => this.sockets.delete(s))
    })
  }

  /** @internal used by startGitHubServer */
  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve))
    const { port } = this.server.address() as AddressInfo
    this.url = `http://127.0.0.1:${port}`
  }

  /** Stops the server, cutting open connections and pending fault delays. */
  async close(): Promise<void> {
    for (const t of this.timers) {
      clearTimeout(t.timer)
      t.resolve()
    }
    this.timers.clear()
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve())
      this.server.closeAllConnections()
      for (const s of this.sockets) s.destroy()
    })
  }

  /* ─────────────────────────────── assertions helpers ─────────────────────────────── */

  /** Number of recorded requests with this operationId (e.g. `checks/update`) or matching the predicate. */
  count(q: string | ((r: RecordedRequest) => boolean)): number {
    return this.requests.filter(typeof q === 'string' ? (r) => r.operationId === q : q).length
  }

  /** Recorded requests with this operationId. */
  requestsFor(operationId: string): RecordedRequest[] {
    return this.requests.filter((r) => r.operationId === operationId)
  }

  /** Comments on an issue/PR of the default repo (or `repo`), oldest first. */
  commentsOn(issueNumber: number, repo?: string): CommentRecord[] {
    const r = this.repoName(repo)
    return this.state.comments.filter((c) => c.repo === r && c.issueNumber === issueNumber)
  }

  /** Label names on an issue/PR. */
  labelsOn(issueNumber: number, repo?: string): string[] {
    return [...(this.state.labels.get(issueKey(this.repoName(repo), issueNumber)) ?? [])]
  }

  /* ─────────────────────────────── seeding ─────────────────────────────── */

  addToken(token: string, config: TokenConfig): void {
    this.tokens.set(token, config)
  }

  addRepo(input: AddRepoInput): RepoRecord {
    const fullName = `${input.owner}/${input.name}`
    const rec: RepoRecord = {
      id: this.nextId('repo', 100_000_000),
      owner: input.owner,
      name: input.name,
      fullName,
      defaultBranch: input.defaultBranch ?? 'main',
      private: input.private ?? false,
      ownerType: input.ownerType ?? 'Organization',
      fork: false,
      createdAt: this.time(),
    }
    this.state.repos.set(fullName.toLowerCase(), rec)
    this.defaultRepo ??= fullName
    return rec
  }

  /** Sets the files at `ref` (a branch, tag or sha). Replaces what was there. */
  setTree(ref: string, files: Record<string, string>, repo?: string): void {
    const r = this.repoName(repo)
    let trees = this.state.trees.get(r)
    if (!trees) this.state.trees.set(r, (trees = new Map()))
    trees.set(ref, { ...files })
  }

  /** Points branch (or tag) `name` of `repo` at `sha` (seed the files with `setTree(sha, …)`); moving it is calling it again. */
  setBranch(name: string, sha: string, repo?: string): void {
    const r = this.repoName(repo)
    let m = this.state.branches.get(r)
    if (!m) this.state.branches.set(r, (m = new Map()))
    m.set(name, sha)
  }

  /** What a token may do with a repository: see TokenConfig.repos and forbiddenRepos. */
  private repoAccess(config: TokenConfig, fullName: string): 'ok' | 'hidden' | 'forbidden' {
    const f = fullName.toLowerCase()
    if (config.repos && !config.repos.some((r) => r.toLowerCase() === f)) return 'hidden'
    if (config.forbiddenRepos?.some((r) => r.toLowerCase() === f)) return 'forbidden'
    return 'ok'
  }

  addPullRequest(input: AddPullRequestInput): PullRecord {
    const repo = this.repoName(input.repo)
    const files = this.toFileRecords(input.files ?? [])
    const t = this.time()
    const rec: PullRecord = {
      repo,
      number: input.number,
      id: this.nextId('pull', 1_000_000_000),
      title: input.title ?? `Pull request #${input.number}`,
      body: input.body === undefined ? '' : input.body,
      user: input.user ?? 'octocat',
      userType: input.userType ?? (input.user?.endsWith('[bot]') ? 'Bot' : 'User'),
      draft: input.draft ?? false,
      state: input.state ?? (input.mergedAt ? 'closed' : 'open'),
      base: { ...input.base },
      head: { ref: input.head.ref, sha: input.head.sha, repoFullName: input.head.repoFullName ?? repo },
      files,
      commits: input.commits ?? [{ sha: input.head.sha, message: input.title ?? 'Change' }],
      authorAssociation: input.authorAssociation ?? 'CONTRIBUTOR',
      createdAt: t,
      updatedAt: input.updatedAt ?? t,
      ...(input.mergedAt ? { mergedAt: input.mergedAt } : {}),
      ...(input.mergeCommitSha ? { mergeCommitSha: input.mergeCommitSha } : {}),
    }
    this.state.pulls = this.state.pulls.filter((p) => !(p.repo === repo && p.number === input.number))
    this.state.pulls.push(rec)
    this.state.issues.add(issueKey(repo, input.number))
    this.state.labels.set(issueKey(repo, input.number), [...(input.labels ?? [])])
    for (const l of input.labels ?? []) this.labelId(repo, l)
    // GitHub's own records: the head was pushed when the PR was opened, the seeded labels added a minute later.
    const labeledAt = iso(new Date(Date.parse(t) + 60_000))
    this.state.labelEvents.set(
      issueKey(repo, input.number),
      (input.labels ?? []).map((label) => ({
        id: this.nextId('event', 5_000_000),
        event: 'labeled' as const,
        label,
        actor: input.labeledBy ?? 'maintainer',
        createdAt: labeledAt,
      })),
    )
    if (rec.head.repoFullName === repo) this.addPush({ repo, ref: rec.head.ref, after: rec.head.sha, at: t, actor: rec.user })
    return rec
  }

  /* ─────────────────────────────── waiver records: events, reviews, teams, roles, pushes ─────────────────────────────── */

  /**
   * A PR's waiver records for the GraphQL resolvers: the records `issues/list-events-for-timeline` and
   * `pulls/list-review-comments` serve, in the same order (label events by time, oldest first).
   */
  private graphqlRecords(full: string, number: number): GraphqlRecords {
    const repo = this.state.repos.get(full.toLowerCase())?.fullName ?? full
    const events = (this.state.labelEvents.get(issueKey(repo, number)) ?? [])
      .map((e, order) => ({ e, order }))
      .sort((a, b) => (a.e.createdAt < b.e.createdAt ? -1 : a.e.createdAt > b.e.createdAt ? 1 : a.order - b.order))
    return {
      labelEvents: events.map(({ e }) => ({
        nodeId: nodeId('LabeledEvent', e.id),
        event: e.event,
        label: e.label,
        actor: e.actor,
        createdAt: e.createdAt,
      })),
      reviews: this.state.reviews
        .filter((r) => r.repo === repo && r.number === number)
        .map((r) => ({
          user: r.user,
          state: r.state,
          body: r.body,
          commitId: r.commitId,
          submittedAt: r.submittedAt,
          updatedAt: r.updatedAt,
          url: `${this.htmlUrl}/${repo}/pull/${number}#pullrequestreview-${r.id}`,
        })),
      reviewComments: this.state.reviewComments
        .filter((c) => c.repo === repo && c.number === number)
        .map((c) => ({
          user: c.user,
          body: c.body,
          commitId: c.commitId,
          originalCommitId: c.originalCommitId,
          createdAt: c.createdAt,
          updatedAt: c.updatedAt,
          url: `${this.htmlUrl}/${c.repo}/pull/${c.number}#discussion_r${c.id}`,
        })),
    }
  }

  /** A `labeled`/`unlabeled` event by `actor` (the label set follows). Default time: now. */
  labelEvent(
    issueNumber: number,
    event: 'labeled' | 'unlabeled',
    label: string,
    actor: string,
    at?: string,
    repo?: string,
  ): LabelEventRecord {
    const r = this.repoName(repo)
    const key = issueKey(r, issueNumber)
    const e: LabelEventRecord = { id: this.nextId('event', 5_000_000), event, label, actor, createdAt: at ?? this.time() }
    this.state.labelEvents.set(key, [...(this.state.labelEvents.get(key) ?? []), e])
    const current = (this.state.labels.get(key) ?? []).filter((l) => l.toLowerCase() !== label.toLowerCase())
    this.state.labels.set(key, event === 'labeled' ? [...current, label] : current)
    this.labelId(r, label)
    return e
  }

  /** A review on the PR's current head (or `commitId`). */
  addReview(input: {
    number: number
    user: string
    state?: ReviewRecord['state']
    body?: string
    commitId?: string
    at?: string
    updatedAt?: string
    repo?: string
  }): ReviewRecord {
    const r = this.repoName(input.repo)
    const pr = this.state.pulls.find((p) => p.repo === r && p.number === input.number)
    const rec: ReviewRecord = {
      id: this.nextId('review', 80_000_000),
      repo: r,
      number: input.number,
      user: input.user,
      state: input.state ?? 'APPROVED',
      body: input.body ?? '',
      commitId: input.commitId ?? pr?.head.sha ?? '0'.repeat(40),
      submittedAt: input.at ?? this.time(),
      ...(input.updatedAt ? { updatedAt: input.updatedAt } : {}),
    }
    this.state.reviews.push(rec)
    return rec
  }

  /** A review comment (on a line of the diff), made on the PR's current head (or `commitId`). */
  addReviewComment(input: {
    number: number
    user: string
    body: string
    path?: string
    commitId?: string
    at?: string
    updatedAt?: string
    repo?: string
  }): ReviewCommentRecord {
    const r = this.repoName(input.repo)
    const pr = this.state.pulls.find((p) => p.repo === r && p.number === input.number)
    const at = input.at ?? this.time()
    const commit = input.commitId ?? pr?.head.sha ?? '0'.repeat(40)
    const rec: ReviewCommentRecord = {
      id: this.nextId('review-comment', 90_000_000),
      repo: r,
      number: input.number,
      user: input.user,
      body: input.body,
      commitId: pr?.head.sha ?? commit,
      originalCommitId: commit,
      path: input.path ?? pr?.files[0]?.filename ?? 'README.md',
      createdAt: at,
      updatedAt: input.updatedAt ?? at,
    }
    this.state.reviewComments.push(rec)
    return rec
  }

  /** A comment on the PR's conversation by `user` (an issue comment). */
  addUserComment(issueNumber: number, user: string, body: string, at?: string, repo?: string): CommentRecord {
    const r = this.repoName(repo)
    const t = at ?? this.time()
    const c: CommentRecord = {
      id: this.nextId('comment', 1_000_000),
      repo: r,
      issueNumber,
      body,
      user,
      userType: 'User',
      createdAt: t,
      updatedAt: t,
    }
    this.state.comments.push(c)
    return c
  }

  /** A team `org/slug` and its active members. */
  setTeam(team: string, members: string[]): void {
    this.state.teams.set(team.toLowerCase(), new Set(members.map((m) => m.toLowerCase())))
  }

  /** A collaborator's role on a repository (admin, maintain, write, triage, read). */
  setRole(login: string, role: string, repo?: string): void {
    this.state.roles.set(`${this.repoName(repo)}:${login}`.toLowerCase(), role)
  }

  /** A push of `after` to branch `ref` (recorded by the repository activity API). */
  addPush(input: {
    repo?: string
    ref: string
    after: string
    before?: string
    at?: string
    actor?: string
    force?: boolean
  }): ActivityRecord {
    const rec: ActivityRecord = {
      id: this.nextId('activity', 30_000_000),
      repo: this.repoName(input.repo),
      ref: input.ref.startsWith('refs/') ? input.ref : `refs/heads/${input.ref}`,
      before: input.before ?? '0'.repeat(40),
      after: input.after,
      timestamp: input.at ?? this.time(),
      type: input.force ? 'force_push' : 'push',
      actor: input.actor ?? 'octocat',
    }
    this.state.activities.push(rec)
    return rec
  }

  /** Pushes a new head to the PR's branch at `at` (default: two minutes after now, later than seeded labels). */
  pushHead(issueNumber: number, sha: string, at?: string, repo?: string): void {
    const r = this.repoName(repo)
    const pr = this.state.pulls.find((p) => p.repo === r && p.number === issueNumber)
    if (!pr) throw new Error(`fake GitHub: no pull request #${issueNumber}`)
    const before = pr.head.sha
    pr.head.sha = sha
    pr.commits = [...pr.commits, { sha, message: 'More changes' }]
    if (pr.head.repoFullName === r)
      this.addPush({
        repo: r,
        ref: pr.head.ref,
        before,
        after: sha,
        at: at ?? iso(new Date(this.now().getTime() + 120_000)),
        actor: pr.user,
      })
  }

  /** Creates an issue (PRs are issues too; addPullRequest creates one). */
  addIssue(issueNumber: number, repo?: string): void {
    this.state.issues.add(issueKey(this.repoName(repo), issueNumber))
  }

  /** Adds `n` comments (bodies `Comment i`, or `body(i)`), creating the issue if needed. */
  addComments(
    issueNumber: number,
    n: number,
    opts: { user?: string; userType?: 'Bot' | 'User'; body?: string | ((i: number) => string); repo?: string } = {},
  ): CommentRecord[] {
    const repo = this.repoName(opts.repo)
    this.state.issues.add(issueKey(repo, issueNumber))
    const out: CommentRecord[] = []
    for (let i = 0; i < n; i++) {
      const t = this.time()
      const user = opts.user ?? 'octocat'
      const body = typeof opts.body === 'function' ? opts.body(i) : (opts.body ?? `Comment ${i + 1}`)
      const c: CommentRecord = {
        id: this.nextId('comment', 1_000_000),
        repo,
        issueNumber,
        body,
        user,
        userType: opts.userType ?? (user.endsWith('[bot]') ? 'Bot' : 'User'),
        createdAt: t,
        updatedAt: t,
      }
      this.state.comments.push(c)
      out.push(c)
    }
    return out
  }

  addDeployment(input: AddDeploymentInput): DeploymentRecord {
    const createdAt = input.createdAt ?? this.time()
    const rec: DeploymentRecord = {
      id: input.id ?? this.nextId('deployment', 5_000_000),
      repo: this.repoName(input.repo),
      sha: input.sha,
      ref: input.ref ?? input.sha,
      environment: input.environment,
      task: input.task ?? 'deploy',
      payload: input.payload ?? {},
      description: input.description ?? null,
      creator: input.creator ?? 'github-actions[bot]',
      createdAt,
      statuses: (input.statuses ?? []).map((s) => ({
        ...s,
        id: this.nextId('deployment-status', 6_000_000),
        createdAt: s.createdAt ?? createdAt,
      })),
    }
    this.state.deployments.push(rec)
    return rec
  }

  /** Answers `GET /repos/{owner}/{repo}/dependency-graph/compare/{base}...{head}`. */
  setDependencyDiff(basehead: string, entries: DependencyDiffInput[], repo?: string): void {
    this.state.dependencyDiffs.set(`${this.repoName(repo)}:${basehead}`, entries)
  }

  addDependabotAlert(input: AddDependabotAlertInput): DependabotAlertRecord {
    const repo = this.repoName(input.repo)
    const number = input.number ?? this.state.dependabotAlerts.filter((a) => a.repo === repo).length + 1
    const createdAt = input.createdAt ?? this.time()
    const rec: DependabotAlertRecord = {
      repo,
      number,
      state: input.state ?? 'open',
      severity: input.severity,
      ecosystem: input.ecosystem,
      package: input.package,
      manifestPath: input.manifestPath ?? 'package-lock.json',
      scope: input.scope ?? 'runtime',
      ghsaId: input.ghsaId ?? `GHSA-${sha1(input.package + number).slice(0, 4)}-${sha1(String(number)).slice(0, 4)}-xxxx`,
      cveId: input.cveId ?? null,
      summary: input.summary ?? `Vulnerability in ${input.package}`,
      vulnerableVersionRange: input.vulnerableVersionRange ?? '< 1.0.0',
      firstPatchedVersion: input.firstPatchedVersion === undefined ? '1.0.0' : input.firstPatchedVersion,
      createdAt,
      fixedAt: input.fixedAt ?? null,
      dismissedAt: input.dismissedAt ?? null,
      updatedAt: createdAt,
    }
    this.state.dependabotAlerts.push(rec)
    return rec
  }

  addSecretScanningAlert(input: AddSecretScanningAlertInput): SecretScanningAlertRecord {
    const repo = this.repoName(input.repo)
    const rec: SecretScanningAlertRecord = {
      repo,
      number: input.number ?? this.state.secretScanningAlerts.filter((a) => a.repo === repo).length + 1,
      state: input.state ?? 'open',
      secretType: input.secretType,
      displayName: input.displayName ?? input.secretType,
      secret: input.secret,
      locations: input.locations,
      createdAt: input.createdAt ?? this.time(),
    }
    this.state.secretScanningAlerts.push(rec)
    return rec
  }

  addCodeScanningAlert(input: AddCodeScanningAlertInput): CodeScanningAlertRecord {
    const repo = this.repoName(input.repo)
    const rec: CodeScanningAlertRecord = {
      repo,
      number: input.number ?? this.state.codeScanningAlerts.filter((a) => a.repo === repo).length + 1,
      ref: input.ref,
      state: input.state ?? 'open',
      tool: input.tool,
      toolVersion: input.toolVersion ?? '1.0.0',
      ruleId: input.ruleId,
      ruleName: input.ruleName ?? input.ruleId,
      description: input.description ?? input.ruleId,
      help: input.help ?? '',
      helpUri: input.helpUri ?? '',
      severity: input.severity ?? 'warning',
      securitySeverityLevel: input.securitySeverityLevel ?? null,
      path: input.path,
      startLine: input.startLine,
      endLine: input.endLine ?? input.startLine,
      message: input.message ?? input.description ?? input.ruleId,
      createdAt: input.createdAt ?? this.time(),
    }
    this.state.codeScanningAlerts.push(rec)
    return rec
  }

  addArtifact(input: AddArtifactInput): ArtifactRecord {
    const data = Buffer.isBuffer(input.data) ? input.data : input.data instanceof Uint8Array ? Buffer.from(input.data) : makeZip(input.data)
    const rec: ArtifactRecord = {
      id: input.id ?? this.nextId('artifact', 7_000_000),
      repo: this.repoName(input.repo),
      runId: input.runId,
      name: input.name,
      data,
      expired: input.expired ?? false,
      createdAt: input.createdAt ?? this.time(),
      headSha: input.headSha ?? '0'.repeat(40),
      headBranch: input.headBranch ?? 'main',
    }
    this.state.artifacts.push(rec)
    return rec
  }

  /** Explicit answer for `GET /compare/{base}...{head}` (otherwise derived from a matching PR). */
  addComparison(input: ComparisonInput): void {
    const repo = this.repoName(input.repo)
    this.state.comparisons.set(`${repo}:${input.base}...${input.head}`, { ...input, repo })
  }

  /* ─────────────────────────────── internals: ids, time, repos ─────────────────────────────── */

  private nextId(kind: string, base: number): number {
    const n = (this.counters.get(kind) ?? base) + 1
    this.counters.set(kind, n)
    return n
  }

  private time(): string {
    return iso(this.now())
  }

  private repoName(repo?: string): string {
    if (repo) {
      const rec = this.state.repos.get(repo.toLowerCase())
      if (!rec) throw new Error(`fake GitHub: unknown repo ${repo}; addRepo it first`)
      return rec.fullName
    }
    if (!this.defaultRepo) this.addRepo({ owner: 'acme', name: 'service' })
    return this.defaultRepo!
  }

  private userId(login: string): number {
    let id = KNOWN_IDS[login] ?? this.userIds.get(login)
    if (id === undefined) {
      id = this.nextId('user', 10_000)
      this.userIds.set(login, id)
    }
    return id
  }

  private labelId(repo: string, name: string): number {
    const key = `${repo}:${name.toLowerCase()}`
    let id = this.labelIds.get(key)
    if (id === undefined) {
      id = this.nextId('label', 2_000_000)
      this.labelIds.set(key, id)
    }
    return id
  }

  private fillCtx(): FillContext {
    return { api: this.api, apiUrl: this.url, time: this.time() }
  }

  /** Completes `value` from the component schema `name`. */
  private shape(name: string, value: Obj): Obj {
    return complete(this.api.component(name), value, '', undefined, this.fillCtx()) as Obj
  }

  /* ─────────────────────────────── JSON builders ─────────────────────────────── */

  private userJson(login: string, type?: 'Bot' | 'User' | 'Organization'): Obj {
    const id = this.userId(login)
    const apiUser = `${this.url}/users/${encodeURIComponent(login)}`
    return {
      login,
      id,
      node_id: nodeId('User', id),
      avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
      gravatar_id: '',
      url: apiUser,
      html_url: `${this.htmlUrl}/${login.replace(/\[bot\]$/, '')}`,
      followers_url: `${apiUser}/followers`,
      following_url: `${apiUser}/following{/other_user}`,
      gists_url: `${apiUser}/gists{/gist_id}`,
      starred_url: `${apiUser}/starred{/owner}{/repo}`,
      subscriptions_url: `${apiUser}/subscriptions`,
      organizations_url: `${apiUser}/orgs`,
      repos_url: `${apiUser}/repos`,
      events_url: `${apiUser}/events{/privacy}`,
      received_events_url: `${apiUser}/received_events`,
      type: type ?? (login.endsWith('[bot]') ? 'Bot' : 'User'),
      user_view_type: 'public',
      site_admin: false,
    }
  }

  private repoJson(rec: RepoRecord, schema: 'full-repository' | 'repository' | 'minimal-repository' = 'full-repository'): Obj {
    const api = `${this.url}/repos/${rec.fullName}`
    const html = `${this.htmlUrl}/${rec.fullName}`
    const urls: Obj = {}
    const templated: Record<string, string> = {
      archive_url: '{archive_format}{/ref}',
      assignees_url: 'assignees{/user}',
      blobs_url: 'git/blobs{/sha}',
      branches_url: 'branches{/branch}',
      collaborators_url: 'collaborators{/collaborator}',
      comments_url: 'comments{/number}',
      commits_url: 'commits{/sha}',
      compare_url: 'compare/{base}...{head}',
      contents_url: 'contents/{+path}',
      contributors_url: 'contributors',
      deployments_url: 'deployments',
      downloads_url: 'downloads',
      events_url: 'events',
      forks_url: 'forks',
      git_commits_url: 'git/commits{/sha}',
      git_refs_url: 'git/refs{/sha}',
      git_tags_url: 'git/tags{/sha}',
      hooks_url: 'hooks',
      issue_comment_url: 'issues/comments{/number}',
      issue_events_url: 'issues/events{/number}',
      issues_url: 'issues{/number}',
      keys_url: 'keys{/key_id}',
      labels_url: 'labels{/name}',
      languages_url: 'languages',
      merges_url: 'merges',
      milestones_url: 'milestones{/number}',
      notifications_url: 'notifications{?since,all,participating}',
      pulls_url: 'pulls{/number}',
      releases_url: 'releases{/id}',
      stargazers_url: 'stargazers',
      statuses_url: 'statuses/{sha}',
      subscribers_url: 'subscribers',
      subscription_url: 'subscription',
      tags_url: 'tags',
      teams_url: 'teams',
      trees_url: 'git/trees{/sha}',
    }
    for (const [k, v] of Object.entries(templated)) urls[k] = `${api}/${v}`
    return this.shape(schema, {
      id: rec.id,
      node_id: nodeId('Repository', rec.id),
      name: rec.name,
      full_name: rec.fullName,
      owner: this.userJson(rec.owner, rec.ownerType),
      private: rec.private,
      visibility: rec.private ? 'private' : 'public',
      fork: rec.fork,
      description: null,
      url: api,
      html_url: html,
      ...urls,
      clone_url: `${html}.git`,
      git_url: `git://${new URL(this.htmlUrl).host}/${rec.fullName}.git`,
      ssh_url: `git@${new URL(this.htmlUrl).host}:${rec.fullName}.git`,
      svn_url: html,
      mirror_url: null,
      homepage: null,
      language: 'TypeScript',
      default_branch: rec.defaultBranch,
      created_at: rec.createdAt,
      updated_at: rec.createdAt,
      pushed_at: rec.createdAt,
      archived: false,
      disabled: false,
      has_issues: true,
      has_projects: true,
      has_wiki: true,
      has_pages: false,
      has_discussions: false,
      has_downloads: true,
      license: null,
      topics: [],
      permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
    })
  }

  private repoRecord(fullName: string): RepoRecord {
    const rec = this.state.repos.get(fullName.toLowerCase())
    if (rec) return rec
    // A fork that was never added: synthesize it (head.repo of a fork PR).
    const [owner = 'fork', name = 'repo'] = fullName.split('/')
    return {
      id: 900_000_000 + (parseInt(sha1(fullName).slice(0, 6), 16) % 1_000_000),
      owner,
      name,
      fullName,
      defaultBranch: 'main',
      private: false,
      ownerType: 'User',
      fork: true,
      createdAt: this.time(),
    }
  }

  private labelJson(repo: string, name: string): Obj {
    const id = this.labelId(repo, name)
    return {
      id,
      node_id: nodeId('Label', id),
      url: `${this.url}/repos/${repo}/labels/${encodeURIComponent(name)}`,
      name,
      // Nullable in `label`, a plain string in the inline label schema of pull-request-simple.
      description: '',
      color: 'ededed',
      default: false,
    }
  }

  private pullJson(pr: PullRecord, schema: 'pull-request' | 'pull-request-simple' = 'pull-request'): Obj {
    const base = this.repoRecord(pr.repo)
    const headRepo = this.repoRecord(pr.head.repoFullName)
    const api = `${this.url}/repos/${pr.repo}`
    const self = `${api}/pulls/${pr.number}`
    const html = `${this.htmlUrl}/${pr.repo}/pull/${pr.number}`
    const additions = pr.files.reduce((n, f) => n + f.additions, 0)
    const deletions = pr.files.reduce((n, f) => n + f.deletions, 0)
    const side = (ref: string, sha: string, repo: RepoRecord): Obj => ({
      label: `${repo.owner}:${ref}`,
      ref,
      sha,
      user: this.userJson(repo.owner, repo.ownerType),
      repo: this.repoJson(repo, 'repository'),
    })
    return this.shape(schema, {
      url: self,
      id: pr.id,
      node_id: nodeId('PullRequest', pr.id),
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      issue_url: `${api}/issues/${pr.number}`,
      commits_url: `${self}/commits`,
      review_comments_url: `${self}/comments`,
      review_comment_url: `${api}/pulls/comments{/number}`,
      comments_url: `${api}/issues/${pr.number}/comments`,
      statuses_url: `${api}/statuses/${pr.head.sha}`,
      number: pr.number,
      state: pr.state,
      locked: false,
      title: pr.title,
      user: this.userJson(pr.user, pr.userType),
      body: pr.body,
      labels: this.labelsOn(pr.number, pr.repo).map((l) => this.labelJson(pr.repo, l)),
      milestone: null,
      active_lock_reason: null,
      created_at: pr.createdAt,
      updated_at: pr.updatedAt,
      closed_at: pr.mergedAt ?? null,
      merged_at: pr.mergedAt ?? null,
      merge_commit_sha: pr.mergeCommitSha ?? null,
      assignee: null,
      assignees: [],
      requested_reviewers: [],
      requested_teams: [],
      head: side(pr.head.ref, pr.head.sha, headRepo),
      base: side(pr.base.ref, pr.base.sha, base),
      _links: {
        self: { href: self },
        html: { href: html },
        issue: { href: `${api}/issues/${pr.number}` },
        comments: { href: `${api}/issues/${pr.number}/comments` },
        review_comments: { href: `${self}/comments` },
        review_comment: { href: `${api}/pulls/comments{/number}` },
        commits: { href: `${self}/commits` },
        statuses: { href: `${api}/statuses/${pr.head.sha}` },
      },
      author_association: pr.authorAssociation,
      auto_merge: null,
      draft: pr.draft,
      ...(schema === 'pull-request'
        ? {
            merged: Boolean(pr.mergedAt),
            mergeable: true,
            rebaseable: true,
            mergeable_state: 'clean',
            merged_by: null,
            comments: this.commentsOn(pr.number, pr.repo).length,
            review_comments: 0,
            maintainer_can_modify: false,
            commits: pr.commits.length,
            additions,
            deletions,
            changed_files: pr.files.length,
          }
        : {}),
    })
  }

  private diffEntryJson(repo: string, ref: string, f: PullFileRecord): Obj {
    return {
      sha: sha1(`${ref}:${f.filename}`),
      filename: f.filename,
      status: f.status,
      additions: f.additions,
      deletions: f.deletions,
      changes: f.changes,
      // Percent-encoded per segment, as GitHub does (a name with controls or spaces is still a valid URI).
      blob_url: `${this.htmlUrl}/${repo}/blob/${ref}/${uriPath(f.filename)}`,
      raw_url: `${this.htmlUrl}/${repo}/raw/${ref}/${uriPath(f.filename)}`,
      contents_url: `${this.url}/repos/${repo}/contents/${uriPath(f.filename)}?ref=${ref}`,
      ...(f.patch !== undefined ? { patch: f.patch } : {}),
      ...(f.previous_filename !== undefined ? { previous_filename: f.previous_filename } : {}),
    }
  }

  private commentJson(c: CommentRecord): Obj {
    const isPull = this.state.pulls.some((p) => p.repo === c.repo && p.number === c.issueNumber)
    return this.shape('issue-comment', {
      id: c.id,
      node_id: nodeId('IssueComment', c.id),
      url: `${this.url}/repos/${c.repo}/issues/comments/${c.id}`,
      html_url: `${this.htmlUrl}/${c.repo}/${isPull ? 'pull' : 'issues'}/${c.issueNumber}#issuecomment-${c.id}`,
      body: c.body,
      user: this.userJson(c.user, c.userType),
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      issue_url: `${this.url}/repos/${c.repo}/issues/${c.issueNumber}`,
      author_association: c.userType === 'Bot' ? 'NONE' : 'CONTRIBUTOR',
    })
  }

  private appJson(app?: { id: number; slug: string; name?: string }): Obj {
    if (app && app.slug !== GITHUB_ACTIONS_APP.slug) {
      return this.shape('integration', {
        id: app.id,
        slug: app.slug,
        node_id: nodeId('App', app.id),
        owner: this.userJson('acme', 'Organization'),
        name: app.name ?? app.slug,
        description: null,
        external_url: `${this.htmlUrl}/apps/${app.slug}`,
        html_url: `${this.htmlUrl}/apps/${app.slug}`,
        created_at: '2020-01-01T00:00:00Z',
        updated_at: '2020-01-01T00:00:00Z',
        permissions: { checks: 'write', statuses: 'write', pull_requests: 'write', metadata: 'read' },
        events: [],
      })
    }
    return this.shape('integration', {
      id: GITHUB_ACTIONS_APP.id,
      slug: GITHUB_ACTIONS_APP.slug,
      node_id: nodeId('App', GITHUB_ACTIONS_APP.id),
      owner: this.userJson('github', 'Organization'),
      name: GITHUB_ACTIONS_APP.name,
      description: 'Automate your workflow from idea to production',
      external_url: 'https://help.github.com/en/actions',
      html_url: `${this.htmlUrl}/apps/github-actions`,
      created_at: '2018-07-30T09:30:17Z',
      updated_at: '2019-12-10T19:04:12Z',
      permissions: { checks: 'write', statuses: 'write', pull_requests: 'write', issues: 'write', contents: 'write', metadata: 'read' },
      events: [],
    })
  }

  private issueJson(i: IssueRecord): Obj {
    const api = `${this.url}/repos/${i.repo}/issues/${i.number}`
    return this.shape('issue', {
      id: i.id,
      node_id: nodeId('Issue', i.id),
      url: api,
      repository_url: `${this.url}/repos/${i.repo}`,
      labels_url: `${api}/labels{/name}`,
      comments_url: `${api}/comments`,
      events_url: `${api}/events`,
      html_url: `${this.htmlUrl}/${i.repo}/issues/${i.number}`,
      number: i.number,
      state: i.state,
      title: i.title,
      body: i.body,
      user: this.userJson(i.user),
      labels: [],
      assignee: null,
      assignees: [],
      milestone: null,
      locked: false,
      active_lock_reason: null,
      comments: this.state.comments.filter((c) => c.repo === i.repo && c.issueNumber === i.number).length,
      closed_at: null,
      created_at: i.createdAt,
      updated_at: i.updatedAt,
      author_association: 'NONE',
    })
  }

  /** An issue (not a pull request) with a title and body, as if created through the API. */
  addIssueRecord(input: { title: string; body?: string; user?: string; repo?: string; state?: 'open' | 'closed' }): IssueRecord {
    const repo = this.repoName(input.repo)
    const numbers = [...this.state.issues].filter((k) => k.startsWith(`${repo}#`)).map((k) => Number(k.slice(k.indexOf('#') + 1)))
    const number = Math.max(0, ...numbers) + 1
    const t = this.time()
    const issue: IssueRecord = {
      id: this.nextId('issue', 2_000_000_000),
      repo,
      number,
      title: input.title,
      body: input.body ?? null,
      user: input.user ?? 'octocat',
      state: input.state ?? 'open',
      pinned: false,
      createdAt: t,
      updatedAt: t,
    }
    this.state.issueRecords.push(issue)
    this.state.issues.add(issueKey(repo, number))
    return issue
  }

  /** The id of the App GitHub names as the check run's creator (as in checkRunJson's `app`). */
  private checkRunAppId(run: CheckRunRecord): number {
    return (run.app ?? (run.createdBy === `${this.app.slug}[bot]` ? { id: this.app.id } : GITHUB_ACTIONS_APP)).id
  }

  private checkRunJson(run: CheckRunRecord): Obj {
    const api = `${this.url}/repos/${run.repo}/check-runs/${run.id}`
    const pulls = this.state.pulls.filter((p) => p.repo === run.repo && p.head.sha === run.headSha && p.state === 'open')
    const repoRef = (r: RepoRecord): Obj => ({ id: r.id, url: `${this.url}/repos/${r.fullName}`, name: r.name })
    return this.shape('check-run', {
      id: run.id,
      head_sha: run.headSha,
      node_id: nodeId('CheckRun', run.id),
      external_id: run.externalId,
      url: api,
      html_url: `${this.htmlUrl}/${run.repo}/runs/${run.id}`,
      details_url: run.detailsUrl,
      status: run.status,
      conclusion: run.conclusion,
      started_at: run.startedAt,
      completed_at: run.completedAt,
      output: {
        title: run.output.title,
        summary: run.output.summary,
        text: run.output.text,
        annotations_count: run.annotations.length,
        annotations_url: `${api}/annotations`,
      },
      name: run.name,
      check_suite: { id: 8_000_000 + (parseInt(sha1(run.headSha).slice(0, 6), 16) % 1_000_000) },
      app: this.appJson(run.app ?? (run.createdBy === `${this.app.slug}[bot]` ? { id: this.app.id, slug: this.app.slug } : undefined)),
      pull_requests: pulls.map((p) => ({
        id: p.id,
        number: p.number,
        url: `${this.url}/repos/${p.repo}/pulls/${p.number}`,
        head: { ref: p.head.ref, sha: p.head.sha, repo: repoRef(this.repoRecord(p.head.repoFullName)) },
        base: { ref: p.base.ref, sha: p.base.sha, repo: repoRef(this.repoRecord(p.repo)) },
      })),
    })
  }

  private statusJson(s: StatusRecord): Obj {
    const creator = this.userJson(s.creator)
    return this.shape('status', {
      url: `${this.url}/repos/${s.repo}/statuses/${s.sha}`,
      avatar_url: creator.avatar_url,
      id: s.id,
      node_id: nodeId('StatusContext', s.id),
      state: s.state,
      description: s.description,
      target_url: s.targetUrl,
      context: s.context,
      created_at: s.createdAt,
      updated_at: s.createdAt,
      creator,
    })
  }

  /* ─────────────────────────────── refs and trees ─────────────────────────────── */

  /** Other names of the same commit: branch ↔ sha, from the seeded PRs (base and head). */
  private refAliases(repo: string, ref: string): string[] {
    let bare = ref.replace(/^refs\/(heads|tags)\//, '')
    if (bare === 'HEAD') bare = this.state.repos.get(repo.toLowerCase())?.defaultBranch ?? bare
    const out = [ref, bare]
    for (const [name, sha] of this.state.branches.get(repo) ?? []) {
      if (name === bare) out.push(sha)
      if (sha === bare) out.push(name)
    }
    for (const p of this.state.pulls.filter((x) => x.repo === repo)) {
      for (const side of [p.base, p.head]) {
        if (side.ref === bare) out.push(side.sha)
        if (side.sha === bare) out.push(side.ref)
      }
      if (bare === `pull/${p.number}/head`) out.push(p.head.sha, p.head.ref)
    }
    return [...new Set(out)]
  }

  private tree(repo: string, ref: string): Record<string, string> | undefined {
    const trees = this.state.trees.get(repo)
    if (!trees) return undefined
    for (const r of this.refAliases(repo, ref)) {
      const t = trees.get(r)
      if (t) return t
    }
    return undefined
  }

  /** Resolves a ref (branch, `refs/heads/x`, sha) to a sha when the fake knows it. */
  private resolveSha(repo: string, ref: string): string {
    return this.refAliases(repo, ref).find((r) => /^[0-9a-f]{40}$/.test(r)) ?? ref
  }

  /* ─────────────────────────────── pagination ─────────────────────────────── */

  /**
   * One page of `items` with GitHub's `Link` header (absolute URLs: `next`, `last`, `first`, `prev`).
   * `per_page` is clamped to 1..100; `cap` mimics GitHub's hard limits (3000 PR files).
   */
  private page<T>(ctx: Ctx, items: T[], cap = Infinity): { items: T[]; headers: Record<string, string> } {
    const perPage = Math.min(100, Math.max(1, Number(ctx.query.get('per_page') ?? 30) || 30))
    const page = Math.max(1, Number(ctx.query.get('page') ?? 1) || 1)
    const visible = items.slice(0, Math.min(items.length, cap))
    const last = Math.max(1, Math.ceil(visible.length / perPage))
    const link = (p: number): string => {
      const u = new URL(ctx.url.pathname + ctx.url.search, this.url)
      u.searchParams.set('per_page', String(perPage))
      u.searchParams.set('page', String(p))
      return u.toString()
    }
    const rels: string[] = []
    if (page > 1) rels.push(`<${link(Math.min(page - 1, last))}>; rel="prev"`)
    if (page < last) rels.push(`<${link(page + 1)}>; rel="next"`, `<${link(last)}>; rel="last"`)
    if (page > 1) rels.push(`<${link(1)}>; rel="first"`)
    return {
      items: visible.slice((page - 1) * perPage, page * perPage),
      headers: rels.length ? { link: rels.join(', ') } : {},
    }
  }

  /* ─────────────────────────────── request pipeline ─────────────────────────────── */

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const rawBody = Buffer.concat(chunks).toString('utf8')
    const method = (req.method ?? 'GET').toUpperCase()
    const url = new URL(req.url ?? '/', this.url)

    // Artifact archives (the target of the 302 from download-artifact): not part of the API, no auth.
    const blob = /^\/_fake\/artifact-blobs\/(\d+)\.zip$/.exec(url.pathname)
    if (blob && method === 'GET') {
      const art = this.state.artifacts.find((a) => a.id === Number(blob[1]))
      if (!art) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found')
      } else {
        res.writeHead(200, { 'content-type': 'application/zip', 'content-length': art.data.length }).end(art.data)
      }
      return
    }
    // `download_url` of a file (raw.githubusercontent.com's role): /_fake/raw/{owner}/{repo}/{ref}/{path}.
    const raw = /^\/_fake\/raw\/([^/]+)\/([^/]+)\/([^/]+)\/(.+)$/.exec(url.pathname)
    if (raw && method === 'GET') {
      const [, owner = '', name = '', ref = '', path = ''] = raw.map((x) => decodeURIComponent(x))
      const repo = this.state.repos.get(`${owner}/${name}`.toLowerCase())
      const text = repo ? this.tree(repo.fullName, ref)?.[path] : undefined
      if (text === undefined) res.writeHead(404, { 'content-type': 'text/plain' }).end('404: Not Found')
      else res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(text)
      return
    }

    let body: unknown
    let bodyIsJson = true
    if (rawBody.length > 0) {
      try {
        body = JSON.parse(rawBody)
      } catch {
        body = rawBody
        bodyIsJson = false
      }
    }
    const accept = req.headers.accept
    const rec: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body,
      status: 0,
      operationId: null,
      route: null,
      login: null,
      accept,
      fault: false,
      at: Date.now(),
    }
    this.requests.push(rec)
    const match = this.api.match(method, url.pathname)
    const info = match.kind === 'ok' ? match.info : undefined
    rec.operationId = info?.operationId ?? null
    rec.route = match.kind === 'ok' ? match.info.template : match.kind === 'no-method' ? match.template : null
    const label = `${info?.operationId ?? 'unknown'} ${method} ${url.pathname}`

    const send = (reply: Reply, truncate = false): void => {
      rec.status = reply.status
      const headers: Record<string, string> = {
        'x-github-request-id': randomBytes(8).toString('hex').toUpperCase(),
        'x-github-api-version-selected': '2022-11-28',
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '4999',
        'x-ratelimit-used': '1',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
        'x-ratelimit-resource': 'core',
        ...(reply.headers ?? {}),
      }
      let payload: Buffer | undefined
      if (reply.json !== undefined) {
        headers['content-type'] ??= 'application/json; charset=utf-8'
        payload = Buffer.from(JSON.stringify(reply.json))
        if (info && this.validateResponses && !rec.fault) this.checkResponse(info, reply.status, reply.json, label)
      } else if (reply.raw !== undefined) {
        headers['content-type'] ??= reply.contentType ?? 'text/plain; charset=utf-8'
        payload = Buffer.isBuffer(reply.raw) ? reply.raw : Buffer.from(reply.raw)
      }
      if (payload && truncate) payload = payload.subarray(0, Math.floor(payload.length / 2))
      if (payload) headers['content-length'] = String(payload.length)
      if (res.destroyed) return
      res.writeHead(reply.status, headers)
      res.end(payload)
    }
    const error = (status: number, message: string, extra: { errors?: Obj[]; headers?: Record<string, string> } = {}): Reply => ({
      status,
      headers: extra.headers,
      json: {
        message,
        documentation_url: info?.docsUrl ?? 'https://docs.github.com/rest',
        ...(extra.errors ? { errors: extra.errors } : {}),
        status: String(status),
      },
    })

    // 1. Faults first: they model the network / GitHub's front end.
    const fault = this.takeFault(method, url.pathname, info)
    let truncate = false
    if (fault) {
      if (fault.delayMs) await this.sleep(fault.delayMs)
      if (fault.status !== undefined) {
        rec.fault = true
        send(this.faultReply(fault, info))
        return
      }
      if (fault.graphqlErrors) rec.fault = true
      if (fault.truncateBody) {
        rec.fault = true
        truncate = true
      }
    }

    // 2. GraphQL (not in the OpenAPI description): validated against GitHub's GraphQL schema instead.
    if (method === 'POST' && url.pathname === '/graphql') {
      rec.operationId = 'graphql'
      rec.route = '/graphql'
      const m = /^(token|bearer)\s+(\S+)$/i.exec(req.headers.authorization ?? '')
      const config = m ? this.tokens.get(m[2]!) : undefined
      if (!config) {
        if (!m) this.violations.push('graphql POST /graphql: request without an Authorization header')
        send({ status: 401, json: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/graphql' } })
        return
      }
      rec.login = config.login
      const out = answerGraphql(body, {
        failures: fault?.graphqlErrors,
        viewer: config.login,
        repoExists: (full) => this.state.repos.has(full.toLowerCase()) && this.repoAccess(config, full) !== 'hidden',
        repoForbidden: (full) => this.repoAccess(config, full) === 'forbidden',
        commitOid: (full, ref) => {
          const sha = this.resolveSha(this.state.repos.get(full.toLowerCase())?.fullName ?? full, ref)
          return /^[0-9a-f]{40}$/.test(sha) && this.tree(this.state.repos.get(full.toLowerCase())?.fullName ?? full, sha) ? sha : undefined
        },
        tree: (full, ref) => this.tree(full, ref),
        pullExists: (full, n) => this.state.pulls.some((p) => p.repo === full && p.number === n),
        comments: (full, n) => this.commentsOn(n, full),
        defaultBranch: (full) => this.state.repos.get(full.toLowerCase())?.defaultBranch,
        pulls: (full) =>
          this.state.pulls
            .filter((p) => p.repo.toLowerCase() === full.toLowerCase())
            .map((p) => ({
              number: p.number,
              title: p.title,
              state: p.state,
              createdAt: p.createdAt,
              // GitHub updates a pull request when it is merged.
              updatedAt: p.mergedAt && p.mergedAt > p.updatedAt ? p.mergedAt : p.updatedAt,
              ...(p.mergedAt ? { mergedAt: p.mergedAt } : {}),
              baseRef: p.base.ref,
              baseSha: p.base.sha,
              headSha: p.head.sha,
              ...(p.mergeCommitSha ? { mergeCommitSha: p.mergeCommitSha } : {}),
              author: p.user,
              additions: p.files.reduce((n, f) => n + f.additions, 0),
              deletions: p.files.reduce((n, f) => n + f.deletions, 0),
              changedFiles: p.files.length,
              labels: this.state.labels.get(issueKey(p.repo, p.number)) ?? [],
            })),
        checkRuns: (full, sha) =>
          this.state.checkRuns
            .filter((r) => r.repo.toLowerCase() === full.toLowerCase() && r.headSha === sha)
            .map((r) => ({
              id: r.id,
              startedAt: r.startedAt,
              completedAt: r.completedAt,
              name: r.name,
              status: r.status,
              conclusion: r.conclusion,
              title: r.output.title,
              summary: r.output.summary,
              text: r.output.text,
              app: r.app ?? (r.createdBy === `${this.app.slug}[bot]` ? { id: this.app.id, slug: this.app.slug } : GITHUB_ACTIONS_APP),
            })),
        statuses: (full, sha) =>
          this.state.statuses
            .filter((x) => x.repo.toLowerCase() === full.toLowerCase() && x.sha === sha)
            .sort((a, b) => b.id - a.id)
            .map((x) => ({ context: x.context, state: x.state, description: x.description, creator: x.creator })),
        orgRepos: (org) => {
          const repos = [...this.state.repos.values()].filter(
            (r) =>
              r.owner.toLowerCase() === org.toLowerCase() &&
              r.ownerType === 'Organization' &&
              this.repoAccess(config, r.fullName) !== 'hidden',
          )
          if (!repos.length) return undefined
          return repos.map((r) => {
            const times = [
              r.createdAt,
              ...this.state.activities.filter((a) => a.repo === r.fullName).map((a) => a.timestamp),
              ...this.state.pulls.filter((p) => p.repo === r.fullName && p.mergedAt).map((p) => p.mergedAt as string),
            ]
            return { fullName: r.fullName, pushedAt: times.sort().at(-1) as string, archived: false }
          })
        },
        issueNodeId: (full, n) => {
          const issue = this.state.issueRecords.find((i) => i.repo.toLowerCase() === full.toLowerCase() && i.number === n)
          return issue ? nodeId('Issue', issue.id) : undefined
        },
        pinIssue: (id) => {
          const issue = this.state.issueRecords.find((i) => nodeId('Issue', i.id) === id)
          if (!issue)
            throw new GraphQLError(`Could not resolve to a node with the global id of '${id}'`, { extensions: { type: 'NOT_FOUND' } })
          if (this.pinForbidden || config.access === 'read')
            throw new GraphQLError('Resource not accessible by integration', { extensions: { type: 'FORBIDDEN' } })
          const pinned = this.state.issueRecords.filter((i) => i.repo === issue.repo && i.pinned)
          if (!issue.pinned && pinned.length >= 3)
            throw new GraphQLError('Repository already has 3 pinned issues', { extensions: { type: 'UNPROCESSABLE' } })
          issue.pinned = true
          return { number: issue.number, isPinned: true }
        },
        htmlUrl: this.htmlUrl,
        records: (full, n) => this.graphqlRecords(full, n),
      })
      if (out.violation) this.violations.push(`graphql POST /graphql: ${out.violation}`)
      send({ status: out.status, json: out.json, headers: { 'x-ratelimit-resource': 'graphql' } }, truncate)
      return
    }

    // 3. Route.
    if (match.kind === 'no-route') {
      this.violations.push(`unknown route: ${method} ${url.pathname} (not in GitHub's OpenAPI description)`)
      send(error(404, 'Not Found'))
      return
    }
    if (match.kind === 'no-method') {
      this.violations.push(`unknown method: ${method} ${url.pathname} (${match.template} has no ${method})`)
      send(error(404, 'Not Found'))
      return
    }

    // 4. Authentication and authorization.
    const auth = this.authenticate(req.headers.authorization, match.info)
    if ('error' in auth) {
      if (auth.violation) this.violations.push(`${label}: ${auth.violation}`)
      send(error(auth.status, auth.error))
      return
    }
    rec.login = auth.config.login

    // 5. Request validation against the operation.
    const invalid = this.validateRequest(match.info, match.params, url.searchParams, body, bodyIsJson, rawBody.length > 0)
    if (invalid) {
      this.violations.push(`${label}: ${invalid.reason}`)
      send(error(invalid.status, invalid.message))
      return
    }

    // 5b. GitHub's secondary limits on content creation (opt-in).
    if (this.contentLimits && method !== 'GET' && method !== 'HEAD' && auth.kind === 'token') {
      const who = auth.config.installationId !== undefined ? `installation:${auth.config.installationId}` : `login:${auth.config.login}`
      const now = Date.now()
      const times = (this.contentCreated.get(who) ?? []).filter((t) => now - t < 3600_000)
      const lastMinute = times.filter((t) => now - t < 60_000).length
      if (lastMinute >= this.contentLimits.perMinute || times.length >= this.contentLimits.perHour) {
        this.secondaryLimited++
        rec.fault = true
        send(
          error(
            403,
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.',
            { headers: { 'retry-after': '60' } },
          ),
        )
        return
      }
      times.push(now)
      this.contentCreated.set(who, times)
    }

    // 6. Authorization: repositories the token cannot see or read, access level (fork PR tokens are
    // read-only), then the handler.
    if (auth.kind === 'token' && match.params.owner && match.params.repo) {
      const access = this.repoAccess(auth.config, `${match.params.owner}/${match.params.repo}`)
      if (access !== 'ok') {
        send(access === 'hidden' ? error(404, 'Not Found') : error(403, 'Resource not accessible by integration'))
        return
      }
    }
    if (method !== 'GET' && method !== 'HEAD' && auth.kind === 'token' && auth.config.access === 'read') {
      send(error(403, 'Resource not accessible by integration'))
      return
    }
    const handler = this.handlers[match.info.operationId]
    if (!handler) {
      this.violations.push(`not implemented by the fake: ${label} (${match.info.template})`)
      send(error(501, `The fake GitHub does not implement ${match.info.operationId}`))
      return
    }
    try {
      const ctx: Ctx = {
        method,
        url,
        params: match.params,
        query: url.searchParams,
        body,
        identity: auth,
        info: match.info,
        accept: accept ?? '',
      }
      send(handler(ctx), truncate)
    } catch (err) {
      if (err instanceof HttpError) {
        if (err.options.violation) this.violations.push(`${label}: ${err.message}`)
        send(error(err.status, err.message, err.options))
        return
      }
      throw err
    }
  }

  private takeFault(method: string, pathname: string, info: OperationInfo | undefined): Fault | undefined {
    const idx = this.faults.findIndex((f) => {
      if (f.times <= 0) return false
      if (f.method && f.method.toUpperCase() !== method) return false
      if (f.path === undefined) return true
      if (f.path instanceof RegExp) return f.path.test(pathname)
      return f.path === pathname || f.path === info?.template || f.path === info?.operationId
    })
    if (idx < 0) return undefined
    const f = this.faults[idx]!
    f.times--
    if (f.times <= 0) this.faults.splice(idx, 1)
    return f
  }

  private faultReply(f: Fault, info: OperationInfo | undefined): Reply {
    const status = f.status ?? 500
    let body = f.body
    if (body === undefined) {
      const message =
        status === 403 || status === 429
          ? 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.'
          : status >= 500
            ? 'Server Error'
            : 'Fault injected by the test'
      body = {
        message,
        documentation_url:
          status === 403 || status === 429
            ? 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits'
            : (info?.docsUrl ?? 'https://docs.github.com/rest'),
      }
    }
    return typeof body === 'string' || Buffer.isBuffer(body)
      ? { status, raw: body, headers: f.headers }
      : { status, json: body, headers: f.headers }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          this.timers.delete(entry)
          resolve()
        }, ms),
        resolve,
      }
      this.timers.add(entry)
    })
  }

  private authenticate(header: string | undefined, info: OperationInfo): Identity | { status: number; error: string; violation?: string } {
    const m = /^(token|bearer)\s+(\S+)$/i.exec(header ?? '')
    if (!m) return { status: 401, error: 'Requires authentication', violation: 'request without an Authorization header' }
    const token = m[2]!
    const isAppRoute = info.template.startsWith('/app/') || info.template === '/app'
    const jwtShaped = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token)
    if (isAppRoute) {
      if (m[1]!.toLowerCase() === 'bearer' && jwtShaped) {
        return { token, kind: 'app', config: { login: `${this.app.slug}`, type: 'Bot', access: 'write' } }
      }
      return { status: 401, error: 'A JSON web token could not be decoded', violation: 'App endpoint called without an App JWT' }
    }
    const config = this.tokens.get(token)
    if (!config) {
      if (jwtShaped) return { status: 401, error: 'Bad credentials', violation: 'App JWT used on a non-App endpoint' }
      return { status: 401, error: 'Bad credentials' }
    }
    return { token, kind: 'token', config }
  }

  private validateRequest(
    info: OperationInfo,
    params: Record<string, string>,
    search: URLSearchParams,
    body: unknown,
    bodyIsJson: boolean,
    hasBody: boolean,
  ): { status: number; message: string; reason: string } | undefined {
    const key = info.operationId
    // Path parameters: a value that does not fit the schema means the route does not exist (404).
    const pathParams = info.parameters.filter((p) => p.in === 'path')
    if (pathParams.length) {
      const schema = this.paramsSchema(pathParams)
      const data: Obj = { ...params }
      const v = this.api.params.validator(`${key}:path`, schema)
      if (!v(data)) {
        return { status: 404, message: 'Not Found', reason: `path parameters: ${describeErrors(v.errors, 'path', data)}` }
      }
    }
    // Query parameters: unknown ones are recorded (GitHub ignores them; usually a typo), invalid ones 422.
    const queryParams = info.parameters.filter((p) => p.in === 'query')
    const known = new Set(queryParams.map((p) => p.name))
    const data: Obj = {}
    for (const name of new Set(search.keys())) {
      const values = search.getAll(name)
      if (!known.has(name)) {
        this.violations.push(`${info.operationId} ${info.method} ${info.template}: unknown query parameter "${name}"`)
        continue
      }
      data[name] = values.length > 1 ? values : values[0]
    }
    if (queryParams.length) {
      const v = this.api.params.validator(`${key}:query`, this.paramsSchema(queryParams))
      if (!v(data)) {
        const d = describeErrors(v.errors, 'query', data)
        return { status: 422, message: `Invalid request.\n\n${d}`, reason: `query parameters: ${d}` }
      }
    }
    // Body.
    const rb = info.op.requestBody
    const schema = rb?.content?.['application/json']?.schema
    if (hasBody && !bodyIsJson) {
      return { status: 400, message: 'Problems parsing JSON', reason: 'request body is not JSON' }
    }
    if (!hasBody) {
      if (rb?.required && schema) {
        // What GitHub answers when a required body is absent.
        return {
          status: 422,
          message: "Invalid request.\n\nFor 'links/0/schema', nil is not an object.",
          reason: 'request body is required but missing',
        }
      }
      return undefined
    }
    if (!rb) {
      if (info.method === 'GET' || info.method === 'DELETE') return undefined
      return { status: 400, message: 'Problems parsing JSON', reason: 'this operation takes no request body' }
    }
    if (schema) {
      const v = this.api.bodies.validator(`${key}:body`, schema)
      if (!v(body)) {
        const d = describeErrors(v.errors, 'body', body)
        return { status: 422, message: `Invalid request.\n\n${d}`, reason: `request body: ${d}` }
      }
    }
    return undefined
  }

  private paramsSchema(params: OasParameter[]): Obj {
    return {
      type: 'object',
      properties: Object.fromEntries(params.map((p) => [p.name, p.schema ?? {}])),
      required: params.filter((p) => p.required).map((p) => p.name),
    }
  }

  private checkResponse(info: OperationInfo, status: number, json: unknown, label: string): void {
    const schema = this.api.responseSchema(info, status)
    if (!schema) return
    const v = this.api.bodies.validator(`${info.operationId}:response:${status}`, schema)
    if (!v(json)) this.responseViolations.push(`${label} → ${status}: ${describeErrors(v.errors, 'response', json)}`)
  }

  /* ─────────────────────────────── handlers (by operationId) ─────────────────────────────── */

  private repoOf(ctx: Ctx): RepoRecord {
    const rec = this.state.repos.get(`${ctx.params.owner}/${ctx.params.repo}`.toLowerCase())
    if (!rec) throw new HttpError(404, 'Not Found')
    return rec
  }

  private issueOf(ctx: Ctx): { repo: RepoRecord; number: number } {
    const repo = this.repoOf(ctx)
    const number = Number(ctx.params.issue_number)
    if (!this.state.issues.has(issueKey(repo.fullName, number))) throw new HttpError(404, 'Not Found')
    return { repo, number }
  }

  private pullOf(ctx: Ctx): PullRecord {
    const repo = this.repoOf(ctx)
    const pr = this.state.pulls.find((p) => p.repo === repo.fullName && p.number === Number(ctx.params.pull_number))
    if (!pr) throw new HttpError(404, 'Not Found')
    return pr
  }

  private requireChecksWrite(): void {
    if (this.checksForbidden) throw new HttpError(403, 'Resource not accessible by integration')
  }

  private buildHandlers(): Record<string, Handler> {
    const handlers: Record<string, Handler> = {
      'users/get-authenticated': (ctx) => {
        const c = ctx.identity.config
        if (c.actionsToken || c.installationId !== undefined) {
          throw new HttpError(403, 'Resource not accessible by integration')
        }
        const u = this.userJson(c.login, c.type)
        return {
          status: 200,
          json: this.shape('public-user', {
            ...u,
            name: c.login,
            company: null,
            blog: '',
            location: null,
            email: null,
            hireable: null,
            bio: null,
            public_repos: 0,
            public_gists: 0,
            followers: 0,
            following: 0,
            created_at: '2020-01-01T00:00:00Z',
            updated_at: '2020-01-01T00:00:00Z',
          }),
        }
      },

      'repos/get': (ctx) => ({ status: 200, json: this.repoJson(this.repoOf(ctx)) }),

      'pulls/get': (ctx) => ({ status: 200, json: this.pullJson(this.pullOf(ctx)) }),

      // A PR's issue side, its reviews and its requested reviewers: what Danger JS reads (bench/danger).
      'issues/get': (ctx) => {
        const { repo, number } = this.issueOf(ctx)
        const pr = this.state.pulls.find((p) => p.repo === repo.fullName && p.number === number)
        if (!pr) {
          // An issue that is not a pull request (the trend report's pinned issue).
          const issue = this.state.issueRecords.find((i) => i.repo === repo.fullName && i.number === number)
          if (!issue) throw new HttpError(404, 'Not Found')
          return { status: 200, json: this.issueJson(issue) }
        }
        const api = `${this.url}/repos/${pr.repo}`
        return {
          status: 200,
          json: this.shape('issue', {
            id: pr.id,
            node_id: nodeId('PullRequest', pr.id),
            url: `${api}/issues/${pr.number}`,
            repository_url: api,
            labels_url: `${api}/issues/${pr.number}/labels{/name}`,
            comments_url: `${api}/issues/${pr.number}/comments`,
            events_url: `${api}/issues/${pr.number}/events`,
            html_url: `${this.htmlUrl}/${pr.repo}/pull/${pr.number}`,
            number: pr.number,
            state: pr.state,
            title: pr.title,
            body: pr.body,
            user: this.userJson(pr.user, pr.userType),
            labels: this.labelsOn(pr.number, pr.repo).map((l) => this.labelJson(pr.repo, l)),
            assignee: null,
            assignees: [],
            milestone: null,
            locked: false,
            comments: this.commentsOn(pr.number, pr.repo).length,
            pull_request: {
              url: `${api}/pulls/${pr.number}`,
              html_url: `${this.htmlUrl}/${pr.repo}/pull/${pr.number}`,
              diff_url: `${this.htmlUrl}/${pr.repo}/pull/${pr.number}.diff`,
              patch_url: `${this.htmlUrl}/${pr.repo}/pull/${pr.number}.patch`,
              merged_at: pr.mergedAt ?? null,
            },
            closed_at: null,
            created_at: pr.createdAt,
            updated_at: pr.updatedAt,
            author_association: pr.authorAssociation,
          }),
        }
      },

      'pulls/list-reviews': (ctx) => {
        const pr = this.pullOf(ctx)
        const all = this.state.reviews.filter((r) => r.repo === pr.repo && r.number === pr.number)
        const { items, headers } = this.page(ctx, all)
        return {
          status: 200,
          headers,
          json: items.map((r) => {
            const html = `${this.htmlUrl}/${pr.repo}/pull/${pr.number}#pullrequestreview-${r.id}`
            const api = `${this.url}/repos/${pr.repo}/pulls/${pr.number}`
            return this.shape('pull-request-review', {
              id: r.id,
              node_id: nodeId('PullRequestReview', r.id),
              user: this.userJson(r.user),
              body: r.body,
              state: r.state,
              html_url: html,
              pull_request_url: api,
              _links: { html: { href: html }, pull_request: { href: api } },
              submitted_at: r.submittedAt,
              commit_id: r.commitId,
              author_association: 'COLLABORATOR',
            })
          }),
        }
      },

      'pulls/list-requested-reviewers': (ctx) => {
        this.pullOf(ctx)
        return { status: 200, json: this.shape('pull-request-review-request', { users: [], teams: [] }) }
      },

      'pulls/list-files': (ctx) => {
        const pr = this.pullOf(ctx)
        const { items, headers } = this.page(ctx, pr.files, PULL_FILES_CAP)
        return { status: 200, headers, json: items.map((f) => this.diffEntryJson(pr.repo, pr.head.sha, f)) }
      },

      'repos/get-content': (ctx) => {
        const repo = this.repoOf(ctx)
        const ref = ctx.query.get('ref') ?? repo.defaultBranch
        const tree = this.tree(repo.fullName, ref)
        const path = (ctx.params.path ?? '').replace(/^\/+|\/+$/g, '')
        if (!tree) throw new HttpError(404, `No commit found for the ref ${ref}`)
        const content = tree[path]
        const self = (p: string): string => `${this.url}/repos/${repo.fullName}/contents/${p}?ref=${encodeURIComponent(ref)}`
        const entry = (p: string, type: 'file' | 'dir', text?: string): Obj => {
          const sha = text !== undefined ? blobSha(text) : sha1(`tree:${ref}:${p}`)
          const html = `${this.htmlUrl}/${repo.fullName}/${type === 'file' ? 'blob' : 'tree'}/${ref}/${p}`
          const git = `${this.url}/repos/${repo.fullName}/git/${type === 'file' ? 'blobs' : 'trees'}/${sha}`
          return {
            type,
            name: p.split('/').pop() ?? p,
            path: p,
            sha,
            size: text !== undefined ? Buffer.byteLength(text) : 0,
            url: self(p),
            html_url: html,
            git_url: git,
            download_url: type === 'file' ? `${this.url}/_fake/raw/${repo.fullName}/${ref}/${p}` : null,
            _links: { self: self(p), git, html },
          }
        }
        if (content === undefined) {
          // A directory: list its direct children.
          const prefix = path === '' ? '' : `${path}/`
          const children = new Map<string, 'file' | 'dir'>()
          for (const p of Object.keys(tree)) {
            if (!p.startsWith(prefix)) continue
            const rest = p.slice(prefix.length).split('/')
            children.set(prefix + rest[0], rest.length > 1 ? 'dir' : 'file')
          }
          if (children.size === 0) throw new HttpError(404, 'Not Found')
          return {
            status: 200,
            json: [...children].sort().map(([p, type]) => entry(p, type, type === 'file' ? tree[p] : undefined)),
          }
        }
        if (/raw/.test(ctx.accept)) return { status: 200, raw: content, contentType: 'text/plain; charset=utf-8' }
        const big = Buffer.byteLength(content) > 1024 * 1024 // GitHub omits content over 1 MB
        return {
          status: 200,
          json: { ...entry(path, 'file', content), content: big ? '' : githubBase64(content), encoding: big ? 'none' : 'base64' },
        }
      },

      'issues/list-for-repo': (ctx) => {
        const repo = this.repoOf(ctx)
        const state = ctx.query.get('state') ?? 'open'
        const creator = ctx.query.get('creator')
        const direction = ctx.query.get('direction') ?? 'desc'
        // Pull requests are issues too; the gate's fake lists the issues it models (not the PRs) plus the PRs.
        const issues = this.state.issueRecords
          .filter(
            (i) =>
              i.repo === repo.fullName &&
              (state === 'all' || i.state === state) &&
              (!creator || i.user.toLowerCase() === creator.toLowerCase()),
          )
          .sort((a, b) => (direction === 'asc' ? a.number - b.number : b.number - a.number))
        const { items, headers } = this.page(ctx, issues)
        return { status: 200, headers, json: items.map((i) => this.issueJson(i)) }
      },

      'issues/create': (ctx) => {
        const repo = this.repoOf(ctx)
        const b = ctx.body as { title: string | number; body?: string | null }
        if (typeof b.body === 'string' && b.body.length > 65536) throw new HttpError(422, 'Validation Failed')
        const numbers = [...this.state.issues]
          .filter((k) => k.startsWith(`${repo.fullName}#`))
          .map((k) => Number(k.slice(k.indexOf('#') + 1)))
        const number = Math.max(0, ...numbers) + 1
        const t = this.time()
        const issue: IssueRecord = {
          id: this.nextId('issue', 2_000_000_000),
          repo: repo.fullName,
          number,
          title: String(b.title),
          body: b.body ?? null,
          user: ctx.identity.config.login,
          state: 'open',
          pinned: false,
          createdAt: t,
          updatedAt: t,
        }
        this.state.issueRecords.push(issue)
        this.state.issues.add(issueKey(repo.fullName, number))
        return { status: 201, json: this.issueJson(issue), headers: { location: `${this.url}/repos/${repo.fullName}/issues/${number}` } }
      },

      'issues/update': (ctx) => {
        const { repo, number } = this.issueOf(ctx)
        const issue = this.state.issueRecords.find((i) => i.repo === repo.fullName && i.number === number)
        if (!issue) throw new HttpError(404, 'Not Found')
        const b = ctx.body as { title?: string | number | null; body?: string | null; state?: 'open' | 'closed' }
        if (typeof b.body === 'string' && b.body.length > 65536) throw new HttpError(422, 'Validation Failed')
        if (b.title !== undefined && b.title !== null) issue.title = String(b.title)
        if (b.body !== undefined) issue.body = b.body
        if (b.state) issue.state = b.state
        issue.updatedAt = this.time()
        return { status: 200, json: this.issueJson(issue) }
      },

      'issues/list-comments': (ctx) => {
        const { repo, number } = this.issueOf(ctx)
        const since = ctx.query.get('since')
        const all = this.commentsOn(number, repo.fullName).filter((c) => !since || c.updatedAt >= iso(new Date(since)))
        const { items, headers } = this.page(ctx, all)
        return { status: 200, headers, json: items.map((c) => this.commentJson(c)) }
      },

      'issues/create-comment': (ctx) => {
        const { repo, number } = this.issueOf(ctx)
        const body = (ctx.body as { body: string }).body
        this.checkCommentBody(body)
        const t = this.time()
        const c: CommentRecord = {
          id: this.nextId('comment', 1_000_000),
          repo: repo.fullName,
          issueNumber: number,
          body,
          user: ctx.identity.config.login,
          userType: ctx.identity.config.type ?? 'Bot',
          createdAt: t,
          updatedAt: t,
        }
        this.state.comments.push(c)
        return {
          status: 201,
          json: this.commentJson(c),
          headers: { location: `${this.url}/repos/${repo.fullName}/issues/comments/${c.id}` },
        }
      },

      'issues/get-comment': (ctx) => ({ status: 200, json: this.commentJson(this.commentOf(ctx)) }),

      'issues/update-comment': (ctx) => {
        const c = this.commentOf(ctx)
        const body = (ctx.body as { body: string }).body
        this.checkCommentBody(body)
        c.body = body
        c.updatedAt = this.time()
        c.editedAt = c.updatedAt
        return { status: 200, json: this.commentJson(c) }
      },

      'issues/delete-comment': (ctx) => {
        const c = this.commentOf(ctx)
        this.state.comments = this.state.comments.filter((x) => x !== c)
        return { status: 204 }
      },

      'issues/list-events-for-timeline': (ctx) => {
        const { repo, number } = this.issueOf(ctx)
        const pr = this.state.pulls.find((p) => p.repo === repo.fullName && p.number === number)
        const items: Array<{ at: string; order: number; json: Obj }> = []
        let order = 0
        for (const e of this.state.labelEvents.get(issueKey(repo.fullName, number)) ?? []) {
          items.push({
            at: e.createdAt,
            order: order++,
            json: this.shape(e.event === 'labeled' ? 'labeled-issue-event' : 'unlabeled-issue-event', {
              id: e.id,
              node_id: nodeId('LabeledEvent', e.id),
              url: `${this.url}/repos/${repo.fullName}/issues/events/${e.id}`,
              actor: this.userJson(e.actor),
              event: e.event,
              commit_id: null,
              commit_url: null,
              created_at: e.createdAt,
              performed_via_github_app: null,
              label: { name: e.label, color: 'ededed' },
            }),
          })
        }
        for (const c of this.commentsOn(number, repo.fullName)) {
          items.push({
            at: c.createdAt,
            order: order++,
            json: this.shape('timeline-comment-event', {
              ...this.commentJson(c),
              event: 'commented',
              actor: this.userJson(c.user, c.userType),
            }),
          })
        }
        for (const r of this.state.reviews.filter((x) => x.repo === repo.fullName && x.number === number)) {
          const html = `${this.htmlUrl}/${repo.fullName}/pull/${number}#pullrequestreview-${r.id}`
          const api = `${this.url}/repos/${repo.fullName}/pulls/${number}`
          items.push({
            at: r.submittedAt,
            order: order++,
            json: this.shape('timeline-reviewed-event', {
              event: 'reviewed',
              id: r.id,
              node_id: nodeId('PullRequestReview', r.id),
              user: this.userJson(r.user),
              body: r.body,
              state: r.state.toLowerCase(),
              html_url: html,
              pull_request_url: api,
              _links: { html: { href: html }, pull_request: { href: api } },
              submitted_at: r.submittedAt,
              ...(r.updatedAt ? { updated_at: r.updatedAt } : {}),
              commit_id: r.commitId,
              author_association: 'COLLABORATOR',
            }),
          })
        }
        if (!pr && !items.length) return { status: 200, json: [] }
        items.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.order - b.order))
        const { items: page, headers } = this.page(ctx, items)
        return { status: 200, headers, json: page.map((i) => i.json) }
      },

      'pulls/list-review-comments': (ctx) => {
        const pr = this.pullOf(ctx)
        const all = this.state.reviewComments.filter((c) => c.repo === pr.repo && c.number === pr.number)
        const { items, headers } = this.page(ctx, all)
        return {
          status: 200,
          headers,
          json: items.map((c) =>
            this.shape('pull-request-review-comment', {
              id: c.id,
              node_id: nodeId('PullRequestReviewComment', c.id),
              url: `${this.url}/repos/${c.repo}/pulls/comments/${c.id}`,
              pull_request_review_id: null,
              diff_hunk: '@@ -1 +1 @@',
              path: c.path,
              commit_id: c.commitId,
              original_commit_id: c.originalCommitId,
              user: this.userJson(c.user),
              body: c.body,
              created_at: c.createdAt,
              updated_at: c.updatedAt,
              html_url: `${this.htmlUrl}/${c.repo}/pull/${c.number}#discussion_r${c.id}`,
              pull_request_url: `${this.url}/repos/${c.repo}/pulls/${c.number}`,
              author_association: 'COLLABORATOR',
              _links: {
                self: { href: `${this.url}/repos/${c.repo}/pulls/comments/${c.id}` },
                html: { href: `${this.htmlUrl}/${c.repo}/pull/${c.number}#discussion_r${c.id}` },
                pull_request: { href: `${this.url}/repos/${c.repo}/pulls/${c.number}` },
              },
            }),
          ),
        }
      },

      'teams/get-membership-for-user-in-org': (ctx) => {
        // A workflow's GITHUB_TOKEN has no organization permissions: GitHub refuses it.
        if (ctx.identity.config.actionsToken) throw new HttpError(403, 'Resource not accessible by integration')
        const team = `${ctx.params.org}/${ctx.params.team_slug}`.toLowerCase()
        const members = this.state.teams.get(team)
        const login = (ctx.params.username ?? '').toLowerCase()
        if (!members || !members.has(login)) throw new HttpError(404, 'Not Found')
        return {
          status: 200,
          json: this.shape('team-membership', { url: `${this.url}/teams/1/memberships/${login}`, role: 'member', state: 'active' }),
        }
      },

      'repos/get-collaborator-permission-level': (ctx) => {
        const repo = this.repoOf(ctx)
        const login = ctx.params.username ?? ''
        const role =
          this.state.roles.get(`${repo.fullName}:${login}`.toLowerCase()) ??
          (login.toLowerCase() === 'maintainer' ? 'maintain' : repo.private ? 'none' : 'read')
        const legacy = role === 'maintain' ? 'write' : role === 'triage' ? 'read' : role
        return {
          status: 200,
          json: this.shape('repository-collaborator-permission', {
            permission: legacy,
            role_name: role,
            user: {
              ...this.userJson(login),
              permissions: {
                admin: role === 'admin',
                maintain: role === 'maintain' || role === 'admin',
                push: ['admin', 'maintain', 'write'].includes(role),
                triage: role !== 'read' && role !== 'none',
                pull: role !== 'none',
              },
              role_name: role,
            },
          }),
        }
      },

      'repos/list-activities': (ctx) => {
        const repo = this.repoOf(ctx)
        const ref = ctx.query.get('ref')
        const full = ref ? (ref.startsWith('refs/') ? ref : `refs/heads/${ref}`) : undefined
        const all = this.state.activities
          .filter((a) => a.repo === repo.fullName && (!full || a.ref === full))
          .sort((a, b) => (a.timestamp < b.timestamp ? 1 : a.timestamp > b.timestamp ? -1 : b.id - a.id))
        const { items, headers } = this.page(ctx, all)
        return {
          status: 200,
          headers,
          json: items.map((a) =>
            this.shape('activity', {
              id: a.id,
              node_id: nodeId('Activity', a.id),
              before: a.before,
              after: a.after,
              ref: a.ref,
              timestamp: a.timestamp,
              activity_type: a.type,
              actor: this.userJson(a.actor),
            }),
          ),
        }
      },

      'issues/list-labels-on-issue': (ctx) => {
        const { repo, number } = this.issueOf(ctx)
        const { items, headers } = this.page(ctx, this.labelsOn(number, repo.fullName))
        return { status: 200, headers, json: items.map((l) => this.labelJson(repo.fullName, l)) }
      },

      'issues/add-labels': (ctx) => {
        const { repo, number } = this.issueOf(ctx)
        const key = issueKey(repo.fullName, number)
        const current = this.state.labels.get(key) ?? []
        const wanted = ((ctx.body as { labels?: Array<string | { name: string }> } | undefined)?.labels ?? []).map((l) =>
          typeof l === 'string' ? l : l.name,
        )
        for (const l of wanted) {
          if (current.some((c) => c.toLowerCase() === l.toLowerCase())) continue
          current.push(l)
          this.state.labelEvents.set(key, [
            ...(this.state.labelEvents.get(key) ?? []),
            { id: this.nextId('event', 5_000_000), event: 'labeled', label: l, actor: ctx.identity.config.login, createdAt: this.time() },
          ])
        }
        this.state.labels.set(key, current)
        return { status: 200, json: current.map((l) => this.labelJson(repo.fullName, l)) }
      },

      'issues/remove-label': (ctx) => {
        const { repo, number } = this.issueOf(ctx)
        const key = issueKey(repo.fullName, number)
        const current = this.state.labels.get(key) ?? []
        const name = ctx.params.name ?? ''
        const idx = current.findIndex((l) => l.toLowerCase() === name.toLowerCase())
        if (idx < 0) throw new HttpError(404, 'Label does not exist')
        const [removed] = current.splice(idx, 1)
        this.state.labelEvents.set(key, [
          ...(this.state.labelEvents.get(key) ?? []),
          {
            id: this.nextId('event', 5_000_000),
            event: 'unlabeled',
            label: removed ?? name,
            actor: ctx.identity.config.login,
            createdAt: this.time(),
          },
        ])
        return { status: 200, json: current.map((l) => this.labelJson(repo.fullName, l)) }
      },

      'checks/create': (ctx) => {
        this.requireChecksWrite()
        const repo = this.repoOf(ctx)
        const b = ctx.body as CheckRunBody & { name: string; head_sha: string }
        const run: CheckRunRecord = {
          id: this.nextId('check-run', 3_000_000_000),
          repo: repo.fullName,
          name: b.name,
          headSha: b.head_sha,
          status: 'queued',
          conclusion: null,
          detailsUrl: null,
          externalId: null,
          startedAt: this.time(),
          completedAt: null,
          output: { title: null, summary: null, text: null },
          annotations: [],
          createdBy: ctx.identity.config.login,
          updates: 0,
        }
        this.applyCheckRunBody(run, b)
        this.state.checkRuns.push(run)
        return { status: 201, json: this.checkRunJson(run) }
      },

      'checks/update': (ctx) => {
        this.requireChecksWrite()
        const repo = this.repoOf(ctx)
        const run = this.state.checkRuns.find((r) => r.repo === repo.fullName && r.id === Number(ctx.params.check_run_id))
        if (!run) throw new HttpError(404, 'Not Found')
        this.applyCheckRunBody(run, ctx.body as CheckRunBody)
        run.updates++
        return { status: 200, json: this.checkRunJson(run) }
      },

      'checks/list-for-ref': (ctx) => {
        const repo = this.repoOf(ctx)
        const sha = this.resolveSha(repo.fullName, ctx.params.ref ?? '')
        const name = ctx.query.get('check_name')
        const status = ctx.query.get('status')
        const appId = ctx.query.get('app_id')
        let runs = this.state.checkRuns
          .filter((r) => r.repo === repo.fullName && r.headSha === sha)
          .filter(
            (r) => (!name || r.name === name) && (!status || r.status === status) && (!appId || this.checkRunAppId(r) === Number(appId)),
          )
        if ((ctx.query.get('filter') ?? 'latest') === 'latest') {
          const latest = new Map<string, CheckRunRecord>()
          for (const r of runs) latest.set(r.name, r)
          runs = runs.filter((r) => latest.get(r.name) === r)
        }
        runs = [...runs].reverse() // newest first
        const { items, headers } = this.page(ctx, runs)
        return { status: 200, headers, json: { total_count: runs.length, check_runs: items.map((r) => this.checkRunJson(r)) } }
      },

      'checks/list-annotations': (ctx) => {
        const repo = this.repoOf(ctx)
        const run = this.state.checkRuns.find((r) => r.repo === repo.fullName && r.id === Number(ctx.params.check_run_id))
        if (!run) throw new HttpError(404, 'Not Found')
        const { items, headers } = this.page(ctx, run.annotations)
        return {
          status: 200,
          headers,
          json: items.map((a) => ({
            path: a.path,
            start_line: a.start_line,
            end_line: a.end_line,
            start_column: a.start_column ?? null,
            end_column: a.end_column ?? null,
            annotation_level: a.annotation_level,
            title: a.title ?? null,
            message: a.message,
            raw_details: a.raw_details ?? null,
            blob_href: `${this.htmlUrl}/${run.repo}/blob/${run.headSha}/${a.path}`,
          })),
        }
      },

      'repos/create-commit-status': (ctx) => {
        const repo = this.repoOf(ctx)
        const b = ctx.body as { state: StatusRecord['state']; target_url?: string | null; description?: string | null; context?: string }
        if (b.description && b.description.length > 140) {
          throw new HttpError(422, 'Validation Failed', {
            violation: true,
            errors: [
              { resource: 'Status', code: 'custom', field: 'description', message: 'description is too long (maximum is 140 characters)' },
            ],
          })
        }
        const s: StatusRecord = {
          id: this.nextId('status', 4_000_000_000),
          repo: repo.fullName,
          sha: ctx.params.sha ?? '',
          state: b.state,
          context: b.context ?? 'default',
          description: b.description ?? null,
          targetUrl: b.target_url ?? null,
          creator: ctx.identity.config.login,
          createdAt: this.time(),
        }
        this.state.statuses.push(s)
        return { status: 201, json: this.statusJson(s) }
      },

      'repos/list-commit-statuses-for-ref': (ctx) => {
        const repo = this.repoOf(ctx)
        const sha = this.resolveSha(repo.fullName, ctx.params.ref ?? '')
        const statuses = this.state.statuses.filter((x) => x.repo === repo.fullName && x.sha === sha).reverse() // newest first
        const { items, headers } = this.page(ctx, statuses)
        return { status: 200, headers, json: items.map((x) => this.statusJson(x)) }
      },

      'repos/get-combined-status-for-ref': (ctx) => {
        const repo = this.repoOf(ctx)
        const sha = this.resolveSha(repo.fullName, ctx.params.ref ?? '')
        const latest = new Map<string, StatusRecord>()
        for (const s of this.state.statuses.filter((x) => x.repo === repo.fullName && x.sha === sha)) {
          latest.set(s.context.toLowerCase(), s)
        }
        const statuses = [...latest.values()]
        const state = statuses.some((s) => s.state === 'error' || s.state === 'failure')
          ? 'failure'
          : statuses.length === 0 || statuses.some((s) => s.state === 'pending')
            ? 'pending'
            : 'success'
        const { items } = this.page(ctx, statuses)
        return {
          status: 200,
          json: this.shape('combined-commit-status', {
            state,
            statuses: items.map((s) => {
              const j = this.statusJson(s)
              delete j.creator // the combined form uses simple-commit-status (no creator)
              return { ...j, required: false }
            }),
            sha,
            total_count: statuses.length,
            repository: this.repoJson(repo, 'minimal-repository'),
            commit_url: `${this.url}/repos/${repo.fullName}/commits/${sha}`,
            url: `${this.url}/repos/${repo.fullName}/commits/${sha}/status`,
          }),
        }
      },

      'repos/compare-commits-with-basehead': (ctx) => {
        const repo = this.repoOf(ctx)
        const [base = '', head = ''] = (ctx.params.basehead ?? '').split('...')
        const cmp = this.comparison(repo.fullName, base, head)
        if (!cmp) throw new HttpError(404, 'Not Found')
        const paged = ctx.query.has('page') || ctx.query.has('per_page')
        const { items, headers } = paged ? this.page(ctx, cmp.commits) : { items: cmp.commits.slice(-250), headers: {} }
        const firstPage = !paged || Number(ctx.query.get('page') ?? 1) <= 1
        const commit = (c: CommitInput): Obj => this.commitJson(repo.fullName, c)
        return {
          status: 200,
          headers,
          json: this.shape('commit-comparison', {
            url: `${this.url}/repos/${repo.fullName}/compare/${base}...${head}`,
            html_url: `${this.htmlUrl}/${repo.fullName}/compare/${base}...${head}`,
            permalink_url: `${this.htmlUrl}/${repo.fullName}/compare/${base}...${head}`,
            diff_url: `${this.htmlUrl}/${repo.fullName}/compare/${base}...${head}.diff`,
            patch_url: `${this.htmlUrl}/${repo.fullName}/compare/${base}...${head}.patch`,
            base_commit: commit({ sha: this.resolveSha(repo.fullName, base), message: 'base' }),
            merge_base_commit: commit({ sha: this.resolveSha(repo.fullName, base), message: 'base' }),
            status: cmp.status,
            ahead_by: cmp.commits.length,
            behind_by: cmp.behindBy,
            total_commits: cmp.commits.length,
            commits: items.map(commit),
            // Files: first page only, at most 300 for the whole comparison (GitHub's rule).
            files: firstPage ? cmp.files.slice(0, COMPARE_FILES_CAP).map((f) => this.diffEntryJson(repo.fullName, head, f)) : [],
          }),
        }
      },

      // The older form of the same endpoint (`/compare/{base}...{head}`), also documented.
      'repos/compare-commits': (ctx) =>
        handlers['repos/compare-commits-with-basehead']!({
          ...ctx,
          params: { ...ctx.params, basehead: `${ctx.params.base}...${ctx.params.head}` },
        }),

      'repos/list-pull-requests-associated-with-commit': (ctx) => {
        const repo = this.repoOf(ctx)
        const sha = ctx.params.commit_sha ?? ''
        const prs = this.state.pulls.filter(
          (p) => p.repo === repo.fullName && (p.head.sha === sha || p.mergeCommitSha === sha || p.commits.some((c) => c.sha === sha)),
        )
        const { items, headers } = this.page(ctx, prs)
        return { status: 200, headers, json: items.map((p) => this.pullJson(p, 'pull-request-simple')) }
      },

      'repos/list-deployments': (ctx) => {
        const repo = this.repoOf(ctx)
        const q = (k: string): string | null => {
          const v = ctx.query.get(k)
          return v === null || v === 'none' ? null : v
        }
        const list = this.state.deployments
          .filter((d) => d.repo === repo.fullName)
          .filter((d) => (!q('environment') || d.environment === q('environment')) && (!q('sha') || d.sha === q('sha')))
          .filter((d) => (!q('ref') || d.ref === q('ref')) && (!q('task') || d.task === q('task')))
          .sort((a, b) => b.id - a.id)
        const { items, headers } = this.page(ctx, list)
        return { status: 200, headers, json: items.map((d) => this.deploymentJson(d)) }
      },

      'repos/list-deployment-statuses': (ctx) => {
        const repo = this.repoOf(ctx)
        const d = this.state.deployments.find((x) => x.repo === repo.fullName && x.id === Number(ctx.params.deployment_id))
        if (!d) throw new HttpError(404, 'Not Found')
        const { items, headers } = this.page(ctx, [...d.statuses].reverse())
        const durl = `${this.url}/repos/${d.repo}/deployments/${d.id}`
        return {
          status: 200,
          headers,
          json: items.map((s) =>
            this.shape('deployment-status', {
              url: `${durl}/statuses/${s.id}`,
              id: s.id,
              node_id: nodeId('DeploymentStatus', s.id),
              state: s.state,
              creator: this.userJson(d.creator),
              description: s.description ?? '',
              environment: d.environment,
              // target_url is required and documented as a URI; log/environment URLs only when set.
              target_url: s.logUrl ?? `${this.htmlUrl}/${d.repo}/deployments`,
              ...(s.logUrl ? { log_url: s.logUrl } : {}),
              ...(s.environmentUrl ? { environment_url: s.environmentUrl } : {}),
              created_at: s.createdAt,
              updated_at: s.createdAt,
              deployment_url: durl,
              repository_url: `${this.url}/repos/${d.repo}`,
            }),
          ),
        }
      },

      'actions/review-custom-gates-for-run': (ctx) => {
        const repo = this.repoOf(ctx)
        const b = ctx.body as { environment_name: string; state?: 'approved' | 'rejected'; comment?: string }
        this.state.protectionRuleReviews.push({
          repo: repo.fullName,
          runId: Number(ctx.params.run_id),
          environmentName: b.environment_name,
          state: b.state ?? null,
          comment: b.comment ?? null,
          by: ctx.identity.config.login,
        })
        return { status: 204 }
      },

      'dependency-graph/diff-range': (ctx) => {
        const repo = this.repoOf(ctx)
        const entries = this.state.dependencyDiffs.get(`${repo.fullName}:${ctx.params.basehead}`) ?? []
        const name = ctx.query.get('name')
        return {
          status: 200,
          json: entries
            .filter((e) => !name || e.manifest === name)
            .map((e) => ({
              change_type: e.change_type,
              manifest: e.manifest,
              ecosystem: e.ecosystem,
              name: e.name,
              version: e.version,
              package_url: e.package_url ?? null,
              license: e.license ?? null,
              source_repository_url: e.source_repository_url ?? null,
              vulnerabilities: e.vulnerabilities ?? [],
              scope: e.scope ?? 'runtime',
            })),
        }
      },

      'dependabot/list-alerts-for-repo': (ctx) => {
        const repo = this.repoOf(ctx)
        const list = (k: string): string[] | null =>
          ctx.query
            .get(k)
            ?.split(',')
            .map((s) => s.trim()) ?? null
        const [state, severity, eco, pkg, manifest, scope] = ['state', 'severity', 'ecosystem', 'package', 'manifest', 'scope'].map(list)
        let alerts = this.state.dependabotAlerts
          .filter((a) => a.repo === repo.fullName)
          .filter((a) => (!state || state.includes(a.state)) && (!severity || severity.includes(a.severity)))
          .filter((a) => (!eco || eco.includes(a.ecosystem)) && (!pkg || pkg.includes(a.package)))
          .filter((a) => (!manifest || manifest.includes(a.manifestPath)) && (!scope || scope.includes(a.scope)))
          .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.number - b.number))
        if ((ctx.query.get('direction') ?? 'desc') === 'desc') alerts = alerts.reverse()
        // Cursor pagination (`after`/`before`), as GitHub does for this endpoint.
        const perPage = Math.min(100, Math.max(1, Number(ctx.query.get('per_page') ?? 30) || 30))
        const after = ctx.query.get('after')
        const start = after ? Number(Buffer.from(after, 'base64url').toString()) : 0
        const items = alerts.slice(start, start + perPage)
        const headers: Record<string, string> = {}
        if (start + perPage < alerts.length) {
          const u = new URL(ctx.url.pathname + ctx.url.search, this.url)
          u.searchParams.set('after', Buffer.from(String(start + perPage)).toString('base64url'))
          u.searchParams.set('per_page', String(perPage))
          headers.link = `<${u}>; rel="next"`
        }
        return { status: 200, headers, json: items.map((a) => this.alertJson(a)) }
      },

      'pulls/list-commits': (ctx) => {
        const pr = this.pullOf(ctx)
        const { items, headers } = this.page(ctx, pr.commits, 250)
        return { status: 200, headers, json: items.map((c) => this.prCommitJson(pr.repo, c)) }
      },

      'secret-scanning/list-alerts-for-repo': (ctx) => {
        const repo = this.repoOf(ctx)
        const state = ctx.query.get('state')
        let alerts = this.state.secretScanningAlerts.filter((a) => a.repo === repo.fullName && (!state || a.state === state))
        alerts = [...alerts].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.number - b.number))
        if ((ctx.query.get('direction') ?? 'desc') === 'desc') alerts.reverse()
        const { items, headers } = this.page(ctx, alerts)
        const hide = ctx.query.get('hide_secret') === 'true'
        return { status: 200, headers, json: items.map((a) => this.secretAlertJson(a, hide)) }
      },

      'secret-scanning/list-locations-for-alert': (ctx) => {
        const repo = this.repoOf(ctx)
        const alert = this.state.secretScanningAlerts.find((a) => a.repo === repo.fullName && a.number === Number(ctx.params.alert_number))
        if (!alert) throw new HttpError(404, 'Not Found')
        const { items, headers } = this.page(ctx, alert.locations)
        const api = `${this.url}/repos/${repo.fullName}`
        return {
          status: 200,
          headers,
          json: items.map((l) => ({
            type: 'commit',
            details: {
              path: l.path,
              start_line: l.startLine,
              end_line: l.endLine ?? l.startLine,
              start_column: 1,
              end_column: 2,
              blob_sha: sha1(l.path + l.commitSha),
              blob_url: `${api}/git/blobs/${sha1(l.path + l.commitSha)}`,
              commit_sha: l.commitSha,
              commit_url: `${api}/git/commits/${l.commitSha}`,
            },
          })),
        }
      },

      'code-scanning/list-alerts-for-repo': (ctx) => {
        const repo = this.repoOf(ctx)
        const ref = ctx.query.get('ref')
        const state = ctx.query.get('state')
        const tool = ctx.query.get('tool_name')
        // GitHub: a ref without an analysis answers 404 "no analysis found".
        if (ref && !this.state.codeScanningAlerts.some((a) => a.repo === repo.fullName && a.ref === ref))
          throw new HttpError(404, 'no analysis found')
        const alerts = this.state.codeScanningAlerts.filter(
          (a) => a.repo === repo.fullName && (!ref || a.ref === ref) && (!state || a.state === state) && (!tool || a.tool === tool),
        )
        const { items, headers } = this.page(ctx, alerts)
        return { status: 200, headers, json: items.map((a) => this.codeAlertJson(a)) }
      },

      'actions/list-workflow-run-artifacts': (ctx) => {
        const repo = this.repoOf(ctx)
        const name = ctx.query.get('name')
        let arts = this.state.artifacts.filter(
          (a) => a.repo === repo.fullName && a.runId === Number(ctx.params.run_id) && (!name || a.name === name),
        )
        arts = (ctx.query.get('direction') ?? 'desc') === 'desc' ? [...arts].sort((a, b) => b.id - a.id) : arts
        const { items, headers } = this.page(ctx, arts)
        return { status: 200, headers, json: { total_count: arts.length, artifacts: items.map((a) => this.artifactJson(a)) } }
      },

      'actions/download-artifact': (ctx) => {
        const repo = this.repoOf(ctx)
        const art = this.state.artifacts.find((a) => a.repo === repo.fullName && a.id === Number(ctx.params.artifact_id))
        if (!art || ctx.params.archive_format !== 'zip') throw new HttpError(404, 'Not Found')
        if (art.expired) throw new HttpError(410, 'Artifact has expired')
        return { status: 302, headers: { location: `${this.url}/_fake/artifact-blobs/${art.id}.zip` } }
      },

      // GET /app with the App's JWT: the App itself (its slug names its bot, `<slug>[bot]`).
      'apps/get-authenticated': () => ({
        status: 200,
        json: this.shape('integration', {
          id: this.app.id,
          slug: this.app.slug,
          node_id: nodeId('App', this.app.id),
          owner: this.userJson('acme', 'Organization'),
          name: this.app.slug,
          description: null,
          external_url: `${this.htmlUrl}/apps/${this.app.slug}`,
          html_url: `${this.htmlUrl}/apps/${this.app.slug}`,
          created_at: '2024-01-01T00:00:00Z',
          updated_at: '2024-01-01T00:00:00Z',
          permissions: {
            checks: 'write',
            contents: 'read',
            deployments: 'read',
            issues: 'write',
            metadata: 'read',
            pull_requests: 'write',
            statuses: 'write',
            actions: 'read',
          },
          events: ['pull_request', 'check_run', 'deployment_protection_rule'],
        }),
      }),

      'apps/create-installation-access-token': (ctx) => {
        const installationId = Number(ctx.params.installation_id)
        if (!this.app.installations.has(installationId)) throw new HttpError(404, 'Not Found')
        const token = `ghs_${randomBytes(18).toString('base64url')}`
        this.tokens.set(token, {
          login: `${this.app.slug}[bot]`,
          type: 'Bot',
          access: this.app.access,
          installationId,
          ...(this.app.repos ? { repos: this.app.repos } : {}),
        })
        this.state.installationTokens.push(token)
        const requested = (ctx.body as { permissions?: Record<string, string> } | undefined)?.permissions
        return {
          status: 201,
          json: {
            token,
            expires_at: iso(new Date(this.now().getTime() + 3600_000)),
            permissions: requested ?? {
              checks: 'write',
              contents: 'read',
              deployments: 'read',
              issues: 'write',
              metadata: 'read',
              pull_requests: 'write',
              statuses: 'write',
              actions: 'read',
            },
            repository_selection: 'all',
          },
        }
      },
    }
    return handlers
  }

  /* ─────────────────────────────── handler helpers ─────────────────────────────── */

  private commentOf(ctx: Ctx): CommentRecord {
    const repo = this.repoOf(ctx)
    const c = this.state.comments.find((x) => x.repo === repo.fullName && x.id === Number(ctx.params.comment_id))
    if (!c) throw new HttpError(404, 'Not Found')
    return c
  }

  /** GitHub rejects comment bodies over 65,536 characters with 422. */
  private checkCommentBody(body: string): void {
    if (body.length > 65536) {
      throw new HttpError(422, 'Validation Failed', {
        violation: true,
        errors: [
          { resource: 'IssueComment', code: 'unprocessable', field: 'data', message: 'Body is too long (maximum is 65536 characters)' },
        ],
      })
    }
  }

  private applyCheckRunBody(run: CheckRunRecord, b: CheckRunBody): void {
    if (b.status === 'completed' && !b.conclusion && !run.conclusion) {
      throw new HttpError(422, 'Invalid request.\n\n"conclusion" is required when "status" is "completed".', { violation: true })
    }
    if (b.completed_at && !b.conclusion && !run.conclusion) {
      throw new HttpError(422, 'Invalid request.\n\n"conclusion" is required when "completed_at" is given.', { violation: true })
    }
    if (b.conclusion === 'stale') {
      throw new HttpError(422, 'Invalid request.\n\nOnly GitHub can set a check run conclusion to "stale".', { violation: true })
    }
    if (b.name !== undefined) run.name = b.name
    if (b.details_url !== undefined) run.detailsUrl = b.details_url
    if (b.external_id !== undefined) run.externalId = b.external_id
    if (b.started_at !== undefined) run.startedAt = b.started_at
    if (b.status !== undefined) run.status = b.status
    if (b.conclusion !== undefined) {
      run.conclusion = b.conclusion
      run.status = 'completed'
    }
    if (run.status === 'completed') run.completedAt = b.completed_at ?? run.completedAt ?? this.time()
    if (b.output) {
      if (b.output.title !== undefined) run.output.title = b.output.title
      if (b.output.summary !== undefined) run.output.summary = b.output.summary
      if (b.output.text !== undefined) run.output.text = b.output.text
      // Annotations append across requests (≤ 50 per request is enforced by the schema's maxItems).
      for (const a of b.output.annotations ?? []) run.annotations.push({ ...a })
    }
  }

  private comparison(
    repo: string,
    base: string,
    head: string,
  ): { commits: CommitInput[]; files: PullFileRecord[]; status: string; behindBy: number } | undefined {
    const explicit = this.state.comparisons.get(`${repo}:${base}...${head}`)
    if (explicit) {
      const pr = this.toFileRecords(explicit.files ?? [])
      return { commits: explicit.commits ?? [], files: pr, status: explicit.status ?? 'ahead', behindBy: explicit.behindBy ?? 0 }
    }
    const names = (r: string): string[] => this.refAliases(repo, r)
    const pr = this.state.pulls.find(
      (p) =>
        p.repo === repo &&
        names(base).some((b) => b === p.base.ref || b === p.base.sha) &&
        names(head).some((h) => h === p.head.ref || h === p.head.sha),
    )
    if (!pr) return undefined
    return { commits: pr.commits, files: pr.files, status: 'ahead', behindBy: 0 }
  }

  /** Seeded files with GitHub's defaults (`modified`, changes = additions + deletions). */
  private toFileRecords(files: PullFileInput[]): PullFileRecord[] {
    return files.map((f) => ({
      filename: f.filename,
      status: f.status ?? 'modified',
      additions: f.additions ?? 0,
      deletions: f.deletions ?? 0,
      changes: f.changes ?? (f.additions ?? 0) + (f.deletions ?? 0),
      ...(f.patch !== undefined ? { patch: f.patch } : {}),
      ...(f.previous_filename !== undefined ? { previous_filename: f.previous_filename } : {}),
    }))
  }

  private commitJson(repo: string, c: CommitInput): Obj {
    const author = c.author ?? 'octocat'
    const person = { name: author, email: `${author}@users.noreply.github.com`, date: this.time() }
    const api = `${this.url}/repos/${repo}/commits/${c.sha}`
    return this.shape('commit', {
      url: api,
      sha: c.sha,
      node_id: nodeId('Commit', parseInt(c.sha.slice(0, 8), 16) || 1),
      html_url: `${this.htmlUrl}/${repo}/commit/${c.sha}`,
      comments_url: `${api}/comments`,
      commit: {
        url: `${this.url}/repos/${repo}/git/commits/${c.sha}`,
        author: person,
        committer: person,
        message: c.message ?? '',
        comment_count: 0,
        tree: { sha: sha1(`tree:${c.sha}`), url: `${this.url}/repos/${repo}/git/trees/${sha1(`tree:${c.sha}`)}` },
      },
      author: this.userJson(author),
      committer: this.userJson(author),
      parents: [],
    })
  }

  private deploymentJson(d: DeploymentRecord): Obj {
    const url = `${this.url}/repos/${d.repo}/deployments/${d.id}`
    return this.shape('deployment', {
      url,
      id: d.id,
      node_id: nodeId('Deployment', d.id),
      sha: d.sha,
      ref: d.ref,
      task: d.task,
      payload: d.payload,
      original_environment: d.environment,
      environment: d.environment,
      description: d.description,
      creator: this.userJson(d.creator),
      created_at: d.createdAt,
      updated_at: d.statuses.at(-1)?.createdAt ?? d.createdAt,
      statuses_url: `${url}/statuses`,
      repository_url: `${this.url}/repos/${d.repo}`,
      transient_environment: false,
      production_environment: /prod/i.test(d.environment),
    })
  }

  private alertJson(a: DependabotAlertRecord): Obj {
    const pkg = { ecosystem: a.ecosystem, name: a.package }
    const vulnerability = {
      package: pkg,
      severity: a.severity,
      vulnerable_version_range: a.vulnerableVersionRange,
      first_patched_version: a.firstPatchedVersion === null ? null : { identifier: a.firstPatchedVersion },
    }
    const identifiers = [{ type: 'GHSA', value: a.ghsaId }, ...(a.cveId ? [{ type: 'CVE', value: a.cveId }] : [])]
    return this.shape('dependabot-alert', {
      number: a.number,
      state: a.state,
      dependency: { package: pkg, manifest_path: a.manifestPath, scope: a.scope, relationship: 'direct' },
      security_advisory: {
        ghsa_id: a.ghsaId,
        cve_id: a.cveId,
        summary: a.summary,
        description: a.summary,
        vulnerabilities: [vulnerability],
        severity: a.severity,
        cvss: { vector_string: null, score: 0 },
        cwes: [],
        identifiers,
        references: [{ url: `https://github.com/advisories/${a.ghsaId}` }],
        published_at: a.createdAt,
        updated_at: a.updatedAt,
        withdrawn_at: null,
      },
      security_vulnerability: vulnerability,
      url: `${this.url}/repos/${a.repo}/dependabot/alerts/${a.number}`,
      html_url: `${this.htmlUrl}/${a.repo}/security/dependabot/${a.number}`,
      created_at: a.createdAt,
      updated_at: a.updatedAt,
      dismissed_at: a.dismissedAt,
      dismissed_by: null,
      dismissed_reason: null,
      dismissed_comment: null,
      fixed_at: a.fixedAt,
      auto_dismissed_at: null,
    })
  }

  private prCommitJson(repo: string, c: CommitInput): Obj {
    const who = { name: c.author ?? 'octocat', email: `${c.author ?? 'octocat'}@example.com`, date: this.time() }
    return this.shape('commit', {
      sha: c.sha,
      node_id: Buffer.from(`C_${c.sha}`).toString('base64'),
      url: `${this.url}/repos/${repo}/commits/${c.sha}`,
      html_url: `${this.htmlUrl}/${repo}/commit/${c.sha}`,
      comments_url: `${this.url}/repos/${repo}/commits/${c.sha}/comments`,
      commit: {
        url: `${this.url}/repos/${repo}/git/commits/${c.sha}`,
        author: who,
        committer: who,
        message: c.message ?? 'Change',
        comment_count: 0,
        tree: { sha: sha1('tree' + c.sha), url: `${this.url}/repos/${repo}/git/trees/${sha1('tree' + c.sha)}` },
      },
      author: null,
      committer: null,
      parents: [],
    })
  }

  private secretAlertJson(a: SecretScanningAlertRecord, hideSecret: boolean): Obj {
    const api = `${this.url}/repos/${a.repo}/secret-scanning/alerts/${a.number}`
    return {
      number: a.number,
      created_at: a.createdAt,
      updated_at: a.createdAt,
      url: api,
      html_url: `${this.htmlUrl}/${a.repo}/security/secret-scanning/${a.number}`,
      locations_url: `${api}/locations`,
      state: a.state,
      resolution: null,
      resolved_at: null,
      resolved_by: null,
      resolution_comment: null,
      secret_type: a.secretType,
      secret_type_display_name: a.displayName,
      ...(hideSecret ? {} : { secret: a.secret }),
      push_protection_bypassed: false,
      push_protection_bypassed_by: null,
      push_protection_bypassed_at: null,
      validity: 'unknown',
      publicly_leaked: false,
      multi_repo: false,
    }
  }

  private codeAlertJson(a: CodeScanningAlertRecord): Obj {
    const api = `${this.url}/repos/${a.repo}/code-scanning/alerts/${a.number}`
    return {
      number: a.number,
      created_at: a.createdAt,
      updated_at: a.createdAt,
      url: api,
      html_url: `${this.htmlUrl}/${a.repo}/security/code-scanning/${a.number}`,
      instances_url: `${api}/instances`,
      state: a.state,
      fixed_at: null,
      dismissed_by: null,
      dismissed_at: null,
      dismissed_reason: null,
      dismissed_comment: null,
      rule: {
        id: a.ruleId,
        name: a.ruleName,
        severity: a.severity,
        security_severity_level: a.securitySeverityLevel,
        description: a.description,
        full_description: a.description,
        tags: ['security'],
        help: a.help || null,
        help_uri: a.helpUri || null,
      },
      tool: { name: a.tool, version: a.toolVersion, guid: null },
      most_recent_instance: {
        ref: a.ref,
        analysis_key: '.github/workflows/codeql.yml:analyze',
        environment: '{}',
        category: '.github/workflows/codeql.yml:analyze',
        state: a.state,
        commit_sha: 'c'.repeat(40),
        message: { text: a.message },
        location: { path: a.path, start_line: a.startLine, end_line: a.endLine, start_column: 1, end_column: 2 },
        classifications: [],
      },
    }
  }

  private artifactJson(a: ArtifactRecord): Obj {
    const url = `${this.url}/repos/${a.repo}/actions/artifacts/${a.id}`
    const repo = this.repoRecord(a.repo)
    return {
      id: a.id,
      node_id: nodeId('Artifact', a.id),
      name: a.name,
      size_in_bytes: a.data.length,
      url,
      archive_download_url: `${url}/zip`,
      expired: a.expired,
      created_at: a.createdAt,
      updated_at: a.createdAt,
      expires_at: iso(new Date(new Date(a.createdAt).getTime() + 90 * 86400_000)),
      digest: `sha256:${createHash('sha256').update(a.data).digest('hex')}`,
      workflow_run: { id: a.runId, repository_id: repo.id, head_repository_id: repo.id, head_branch: a.headBranch, head_sha: a.headSha },
    }
  }
}

/** The check-run fields the fake understands (create and update bodies). */
interface CheckRunBody {
  name?: string
  details_url?: string
  external_id?: string
  started_at?: string
  status?: string
  conclusion?: string
  completed_at?: string
  output?: { title?: string; summary?: string; text?: string; annotations?: AnnotationRecord[] }
}

/** Starts a fake GitHub on 127.0.0.1 (random port). Call `close()` when done. */
export async function startGitHubServer(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const server = new FakeGitHub(options)
  await server.listen()
  return server
}
