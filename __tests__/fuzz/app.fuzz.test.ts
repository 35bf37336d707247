/**
 * Fuzz: webhook payloads of the App (src/app/handlers.ts). GitHub's real example payloads
 * (@octokit/webhooks-examples) for pull_request, check_run and check_suite, and a deployment_protection_rule payload,
 * with the fields the handlers read replaced by wrong types, missing, hostile strings. The API behind the
 * installation client fails every call (the fuzz is about reading the payload, not about the network).
 * Property: a handler returns a string (skipped / result) or rejects with an Error naming what is missing
 * or the failed call; never a TypeError/RangeError from reading the payload.
 */
import { createRequire } from 'node:module'
import fc from 'fast-check'
import {
  onCheckRunRerequested,
  onCheckSuiteRerequested,
  onDeploymentProtectionRule,
  onPullRequest,
  repoOf,
  runIdFromCallback,
  type HandlerDeps,
} from '../../src/app/handlers.js'
import type { AppConfig } from '../../src/app/config.js'
import type { Octokit } from '../../src/github/client.js'
import { check, confusingJson, TIMEOUT } from './support.js'

type Json = Record<string, unknown>
const examples = createRequire(import.meta.url)('@octokit/webhooks-examples') as Array<{ name: string; examples: Json[] }>
const examplesOf = (name: string): Json[] => examples.find((e) => e.name === name)?.examples ?? []

const NETWORK = 'fuzz: the API is unreachable'
/** An Octokit whose every method throws: any property is the same proxy, any call throws. */
const deadOctokit: Octokit = new Proxy(function () {}, {
  get: (_t, k) => (k === 'then' ? undefined : deadOctokit),
  apply: () => {
    throw new Error(NETWORK)
  },
}) as unknown as Octokit

const config = {
  appId: '4242',
  checkName: 'quality-gate',
  policyPath: '.github/quality-gate.yml',
  serverUrl: 'https://github.com',
  comment: true,
} as AppConfig
const deps: HandlerDeps = {
  config,
  auth: { installationClient: async () => deadOctokit, botLogin: async () => 'quality-gate[bot]' } as unknown as HandlerDeps['auth'],
  log: () => undefined,
  warn: () => undefined,
}

const deploymentPayload: Json = {
  action: 'requested',
  environment: 'production',
  event: 'deployment',
  deployment_callback_url: 'https://api.github.com/repos/acme/service/actions/runs/1234/deployment_protection_rule',
  deployment: { id: 42, sha: 'a'.repeat(40), ref: 'main', environment: 'production' },
  repository: { name: 'service', full_name: 'acme/service', owner: { login: 'acme' } },
  installation: { id: 777 },
}

const FIELDS: Record<string, string[]> = {
  pull_request: [
    'pull_request',
    'pull_request.state',
    'pull_request.number',
    'pull_request.title',
    'pull_request.body',
    'pull_request.user',
    'pull_request.user.login',
    'pull_request.labels',
    'pull_request.labels.0',
    'pull_request.labels.0.name',
    'pull_request.draft',
    'pull_request.head',
    'pull_request.head.sha',
    'pull_request.head.ref',
    'pull_request.head.repo',
    'pull_request.head.repo.full_name',
    'pull_request.base',
    'pull_request.base.sha',
    'pull_request.base.repo',
    'pull_request.changed_files',
    'pull_request.additions',
    'pull_request.html_url',
  ],
  check_run: [
    'check_run',
    'check_run.name',
    'check_run.head_sha',
    'check_run.pull_requests',
    'check_run.pull_requests.0',
    'check_run.pull_requests.0.number',
  ],
  check_suite: [
    'check_suite',
    'check_suite.app',
    'check_suite.app.id',
    'check_suite.head_sha',
    'check_suite.pull_requests',
    'check_suite.pull_requests.0',
    'check_suite.pull_requests.0.number',
  ],
  deployment_protection_rule: ['environment', 'deployment', 'deployment.sha', 'deployment.id', 'deployment_callback_url'],
  common: [
    'repository',
    'repository.name',
    'repository.full_name',
    'repository.owner',
    'repository.owner.login',
    'installation',
    'installation.id',
    'action',
  ],
}

function setPath(doc: Json, path: string, value: unknown): void {
  const keys = path.split('.')
  let node: unknown = doc
  for (const k of keys.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return
    node = (node as Json)[k]
  }
  if (typeof node !== 'object' || node === null) return
  const last = keys[keys.length - 1]
  if (value === undefined) delete (node as Json)[last]
  else (node as Json)[last] = value
}

const payload = (event: string, seeds: Json[]): fc.Arbitrary<Json> =>
  fc
    .tuple(
      fc.constantFrom(...seeds),
      fc.array(fc.tuple(fc.constantFrom(...FIELDS[event], ...FIELDS.common), confusingJson), { maxLength: 4 }),
      fc.boolean(),
    )
    .map(([seed, edits, withInstallation]) => {
      const doc = structuredClone(seed)
      if (withInstallation) doc.installation = { id: 777 }
      if (event === 'check_run') setPath(doc, 'check_run.name', 'quality-gate')
      if (event === 'check_suite') setPath(doc, 'check_suite.app.id', Number(deps.config.appId))
      for (const [p, v] of edits) setPath(doc, p, v === undefined ? undefined : structuredClone(v))
      return doc
    })

const delivery = fc.oneof(
  payload('pull_request', examplesOf('pull_request')).map((p) => ({ event: 'pull_request', p })),
  payload('check_run', examplesOf('check_run')).map((p) => ({ event: 'check_run', p })),
  payload(
    'check_suite',
    examplesOf('check_suite').filter((e) => e.action === 'rerequested'),
  ).map((p) => ({ event: 'check_suite', p })),
  payload('deployment_protection_rule', [deploymentPayload]).map((p) => ({ event: 'deployment_protection_rule', p })),
)

describe('fuzz: webhook payloads (App handlers)', () => {
  test(
    'handlers return a string or reject with a named error; reading the payload never throws',
    async () => {
      await check(
        'app: webhook payloads (pull_request, check_run, check_suite, deployment_protection_rule)',
        100,
        delivery,
        async ({ event, p }) => {
          repoOf(p)
          runIdFromCallback(typeof p.deployment_callback_url === 'string' ? p.deployment_callback_url : undefined)
          const handler =
            event === 'pull_request'
              ? onPullRequest
              : event === 'check_run'
                ? onCheckRunRerequested
                : event === 'check_suite'
                  ? onCheckSuiteRerequested
                  : onDeploymentProtectionRule
          try {
            const out = await handler(deps, p)
            expect(typeof out).toBe('string')
          } catch (e) {
            if (!(e instanceof Error) || e instanceof TypeError || e instanceof RangeError) {
              throw new Error(
                `${event} handler crashed on the payload: ${e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e)}`,
              )
            }
            expect(e.message.length).toBeGreaterThan(0)
          }
        },
      )
    },
    TIMEOUT,
  )
})
