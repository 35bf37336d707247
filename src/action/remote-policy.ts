/** The Action's reader of `github:` extends (org policy): the `policy-token` input when given, else `token`. */
import * as core from '@actions/core'
import type { Settings } from './inputs.js'
import { createClient, type Octokit } from '../github/client.js'
import { RemotePolicyReader } from '../github/remote-policy.js'

/** The reader of `github:` extends: with `policy-token` when given (the org repository), else the gate's token. */
export function actionRemotePolicy(s: Settings, octokit: Octokit): RemotePolicyReader {
  const client = s.policyToken
    ? createClient({
        token: s.policyToken,
        baseUrl: s.apiUrl,
        timeoutMs: s.requestTimeoutMs,
        log: (m) => {
          core.info(m)
        },
      })
    : octokit
  return new RemotePolicyReader(client, {
    log: (m) => {
      core.info(m)
    },
    accessHint: s.policyToken
      ? 'The `policy-token` input cannot read it: give that token contents: read on the repository (a fine-grained token, ' +
        'or a GitHub App token), or run the gate as the GitHub App installed on it. See docs/policy.md, "Org policy".'
      : undefined,
  })
}
