/**
 * Test helpers for the App: a throwaway RSA key (the App's private key), configs pointing at the fake
 * GitHub, signed deliveries (X-Hub-Signature-256 = HMAC-SHA256 of the exact body with the secret), and
 * payloads from GitHub's real examples (@octokit/webhooks-examples) patched to the fake's repository and
 * the fake App's installation (777).
 */
import http from 'node:http'
import { createHmac, generateKeyPairSync, randomUUID } from 'node:crypto'
import type { FakeGitHub, PullRecord } from '../helpers/github-server.js'
import { exampleEvent, pullRequestEvent, type WebhookPayload } from '../helpers/run-action.js'
import type { AppConfig } from '../../src/app/config.js'

export const SECRET = 'test-webhook-secret'
export const INSTALLATION = 777

let key: string | undefined
/** An RSA private key in the PKCS#1 PEM form GitHub hands out. */
export function privateKey(): string {
  key ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()
  return key
}

export function appEnv(server: FakeGitHub, over: Record<string, string> = {}): Record<string, string> {
  return {
    PORT: '0',
    HOST: '127.0.0.1',
    WEBHOOK_SECRET: SECRET,
    APP_ID: '4242',
    PRIVATE_KEY: privateKey(),
    GITHUB_API_URL: server.url,
    GITHUB_SERVER_URL: server.htmlUrl,
    ...over,
  }
}

export function appConfig(server: FakeGitHub, over: Partial<AppConfig> = {}): AppConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    webhookSecret: SECRET,
    appId: '4242',
    privateKey: privateKey(),
    apiUrl: server.url,
    serverUrl: server.htmlUrl,
    checkName: 'quality-gate',
    policyPath: '.github/quality-gate.yml',
    concurrency: 4,
    maxQueue: 100,
    dedupeSize: 1000,
    comment: true,
    shutdownTimeoutMs: 10_000,
    // GitHub's write pacing (1 s per write per installation) is real in production; the fake needs none.
    throttle: false,
    ...over,
  }
}

export function sign(body: string, secret = SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`
}

export interface DeliverOptions {
  id?: string
  /** Override the signature header; `null` sends none. */
  signature?: string | null
  secret?: string
}

/** POSTs a delivery like GitHub does; resolves with the status, the retry-after header and the JSON answer. */
export async function deliver(
  url: string,
  event: string,
  payload: WebhookPayload,
  o: DeliverOptions = {},
): Promise<{ status: number; body: Record<string, unknown>; id: string; retryAfter: string | null }> {
  const body = JSON.stringify(payload)
  const id = o.id ?? randomUUID()
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'GitHub-Hookshot/test',
    'x-github-event': event,
    'x-github-delivery': id,
    'x-github-hook-id': '1',
    'x-github-hook-installation-target-type': 'integration',
  }
  const signature = o.signature === undefined ? sign(body, o.secret) : o.signature
  if (signature !== null) headers['x-hub-signature-256'] = signature
  const res = await fetch(`${url}/api/github/webhooks`, { method: 'POST', headers, body })
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, id, retryAfter: res.headers.get('retry-after') }
}

/** GitHub's delivery headers for a signed (or not) JSON body. */
export function deliveryHeaders(body: string | undefined, over: Record<string, string | null> = {}): Record<string, string> {
  const h: Record<string, string | null> = {
    'content-type': 'application/json',
    'x-github-event': 'pull_request',
    'x-github-delivery': randomUUID(),
    'x-hub-signature-256': body === undefined ? null : sign(body),
    ...over,
  }
  return Object.fromEntries(Object.entries(h).filter((e): e is [string, string] => e[1] !== null))
}

/**
 * A raw POST that sends `parts` one write at a time and ends the body only when `end` is true: the answer
 * to a request whose body is never sent whole proves the server answered without reading it. Resolves
 * with the first answer (the connection is then dropped); rejects when a body left unfinished gets no
 * answer within 10 s (the server is waiting for the rest of it).
 */
export function rawPost(
  url: string,
  headers: Record<string, string>,
  parts: Array<string | Buffer>,
  end: boolean,
): Promise<{ status: number; retryAfter?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}/api/github/webhooks`, { method: 'POST', headers })
    let answered = false
    if (!end) {
      const timer = setTimeout(() => {
        if (answered) return
        reject(new Error('no answer while the body was unfinished: the server waits for the body'))
        req.destroy()
      }, 10_000)
      req.on('close', () => clearTimeout(timer))
    }
    req.on('response', (res) => {
      answered = true
      let body = ''
      res.setEncoding('utf8').on('data', (d: string) => (body += d))
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'], body })
        req.destroy()
      })
      res.on('error', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'], body }))
    })
    req.on('error', (e) => {
      if (!answered) reject(e)
    })
    req.flushHeaders()
    for (const p of parts) req.write(p)
    if (end) req.end()
  })
}

function withInstallation(p: WebhookPayload): WebhookPayload {
  p.installation = { id: INSTALLATION, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNzc3' }
  return p
}

function patchRepo(p: WebhookPayload, server: FakeGitHub): void {
  Object.assign(p.repository as object, {
    name: 'service',
    full_name: 'acme/service',
    url: `${server.url}/repos/acme/service`,
    html_url: `${server.htmlUrl}/acme/service`,
  })
  Object.assign((p.repository as { owner: object }).owner, { login: 'acme', type: 'Organization' })
}

/**
 * GitHub's real `pull_request_review`, `pull_request_review_comment` or `issue_comment` example (from
 * @octokit/webhooks-examples), patched onto a seeded PR: repository, PR/issue number and state, the review's
 * or comment's author and body. The examples' issue comments are on plain issues: `onPull` adds the
 * `issue.pull_request` link GitHub sends for a comment on a pull request.
 */
export function reviewOrCommentPayload(
  event: 'pull_request_review' | 'pull_request_review_comment' | 'issue_comment',
  action: string,
  pr: PullRecord,
  server: FakeGitHub,
  o: { user: string; body: string; bodyBefore?: string; onPull?: boolean; userType?: 'User' | 'Bot' },
): WebhookPayload {
  const p = exampleEvent(event, action)
  patchRepo(p, server)
  const item = (event === 'pull_request_review' ? p.review : p.comment) as Record<string, unknown>
  Object.assign(item, { body: o.body })
  Object.assign(item.user as object, { login: o.user, type: o.userType ?? (o.user.endsWith('[bot]') ? 'Bot' : 'User') })
  if (o.bodyBefore !== undefined) p.changes = { body: { from: o.bodyBefore } }
  if (event === 'issue_comment') {
    const issue = p.issue as Record<string, unknown>
    Object.assign(issue, { number: pr.number, state: 'open' })
    if (o.onPull !== false)
      issue.pull_request = {
        url: `${server.url}/repos/acme/service/pulls/${pr.number}`,
        html_url: `${server.htmlUrl}/acme/service/pull/${pr.number}`,
        diff_url: null,
        patch_url: null,
      }
    else delete issue.pull_request
  } else {
    Object.assign(p.pull_request as object, { number: pr.number, state: 'open' })
  }
  return withInstallation(p)
}

/** GitHub's real `pull_request` example for a seeded PR, from the App's installation. */
export function prPayload(pr: PullRecord, action: string, server: FakeGitHub): WebhookPayload {
  return withInstallation(pullRequestEvent(pr, action, server))
}

/** GitHub's real `check_run.rerequested` example, on the gate's check run of `headSha`. */
export function checkRunRerequested(server: FakeGitHub, headSha: string, pullNumbers: number[], name = 'quality-gate'): WebhookPayload {
  const p = exampleEvent('check_run', 'rerequested')
  patchRepo(p, server)
  const run = p.check_run as Record<string, unknown>
  Object.assign(run, {
    name,
    head_sha: headSha,
    pull_requests: pullNumbers.map((n) => ({
      number: n,
      id: n,
      url: `${server.url}/repos/acme/service/pulls/${n}`,
      head: { ref: 'feature', sha: headSha, repo: { id: 1, name: 'service', url: `${server.url}/repos/acme/service` } },
      base: { ref: 'main', sha: 'b'.repeat(40), repo: { id: 1, name: 'service', url: `${server.url}/repos/acme/service` } },
    })),
  })
  return withInstallation(p)
}

/** GitHub's real `check_suite.rerequested` example ("Re-run all checks"), for `headSha`, owned by App `appId`. */
export function checkSuiteRerequested(server: FakeGitHub, headSha: string, pullNumbers: number[], appId = 4242): WebhookPayload {
  const p = exampleEvent('check_suite', 'rerequested')
  patchRepo(p, server)
  const suite = p.check_suite as Record<string, unknown>
  Object.assign(suite, {
    head_sha: headSha,
    app: { ...(suite.app as object), id: appId },
    pull_requests: pullNumbers.map((n) => ({
      number: n,
      id: n,
      url: `${server.url}/repos/acme/service/pulls/${n}`,
      head: { ref: 'feature', sha: headSha, repo: { id: 1, name: 'service', url: `${server.url}/repos/acme/service` } },
      base: { ref: 'main', sha: 'b'.repeat(40), repo: { id: 1, name: 'service', url: `${server.url}/repos/acme/service` } },
    })),
  })
  return withInstallation(p)
}

/**
 * `deployment_protection_rule.requested`. @octokit/webhooks-examples has no example of this event, so
 * the payload is built from its documented schema (webhook-deployment-protection-rule-requested in
 * @octokit/openapi-webhooks-types: action, environment, event, deployment_callback_url, deployment,
 * pull_requests, repository, organization, installation, sender), with the `deployment`, `repository`
 * and `sender` objects taken from the real `deployment.created` example.
 */
export function deploymentProtectionRule(
  server: FakeGitHub,
  o: { sha: string; environment: string; deploymentId?: number; runId?: number },
): WebhookPayload {
  const dep = exampleEvent('deployment', 'created')
  patchRepo(dep, server)
  const deployment = dep.deployment as Record<string, unknown>
  Object.assign(deployment, {
    id: o.deploymentId ?? 9_000_001,
    sha: o.sha,
    ref: o.sha,
    environment: o.environment,
    original_environment: o.environment,
    url: `${server.url}/repos/acme/service/deployments/${o.deploymentId ?? 9_000_001}`,
  })
  return withInstallation({
    action: 'requested',
    environment: o.environment,
    event: 'push',
    deployment_callback_url: `${server.url}/repos/acme/service/actions/runs/${o.runId ?? 5551212}/deployment_protection_rule`,
    deployment,
    pull_requests: [],
    repository: dep.repository,
    organization: {
      login: 'acme',
      id: 1,
      node_id: 'O_1',
      url: `${server.url}/orgs/acme`,
      repos_url: `${server.url}/orgs/acme/repos`,
      events_url: `${server.url}/orgs/acme/events`,
      hooks_url: `${server.url}/orgs/acme/hooks`,
      issues_url: `${server.url}/orgs/acme/issues`,
      members_url: `${server.url}/orgs/acme/members{/member}`,
      public_members_url: `${server.url}/orgs/acme/public_members{/member}`,
      avatar_url: 'https://avatars.githubusercontent.com/u/1',
      description: null,
    },
    sender: dep.sender,
  })
}

export async function until(cond: () => boolean, timeoutMs = 20_000, what = 'condition'): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}
