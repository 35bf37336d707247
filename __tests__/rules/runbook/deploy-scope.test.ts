/**
 * Class 8: what deploys, and what does not. A workflow counts only when the change lies in a job that
 * deploys (or in workflow-level keys that steer such a job); dev/test tooling (Skaffold, kind, Tilt,
 * devcontainers, compose override/dev/test/CI files) is not production. Recognition is data (options).
 */
import { ruleOptions } from '../../../src/policy/resolved.js'
import { describe, expect, it } from '@jest/globals'
import { runbook, RunbookOptions } from '../../../src/rules/runbook/index.js'
import { addFilePatch, makeContext, type FakeFile } from '../../helpers/context.js'
import { diffPatch, fixture } from './helpers.js'
import type { Finding, RuleOutput } from '../../../src/types.js'

function added(path: string, text: string): FakeFile {
  return { path, status: 'added', head: text, patch: addFilePatch(text) }
}
function modified(path: string, base: string, head: string): FakeFile {
  return { path, status: 'modified', base, head, patch: diffPatch(base, head) }
}
async function run(files: FakeFile[], options: Partial<RunbookOptions> = {}): Promise<RuleOutput> {
  return runbook.evaluate(makeContext({ files }), ruleOptions(runbook, options))
}
const violations = (out: RuleOutput): Finding[] => out.findings.filter((f) => !f.kind || f.kind === 'violation')
const wf = fixture('deploy-scope/ci-and-deploy.yml')
const WF = '.github/workflows/ci.yml'

describe('runbook class 8: a workflow counts only where a deploying job changed', () => {
  it('a linter-version bump in the lint job of a workflow that also deploys is no trigger', async () => {
    const out = await run([modified(WF, wf, wf.replace('v1.59.1', 'v1.60.3'))])
    expect(violations(out)).toEqual([])
  })

  it('a change in a test job named like a deployment (deployment-tests) is no trigger', async () => {
    const out = await run([modified(WF, wf, wf.replace('go test ./... -tags deployment', 'go test -race ./... -tags deployment'))])
    expect(violations(out)).toEqual([])
  })

  it('a change in the deploying job is a trigger that names the job, why it deploys, and points at the touched line', async () => {
    const head = wf.replace('--timeout=300s', '--timeout=600s')
    const out = await run([modified(WF, wf, head)])
    expect(violations(out)).toHaveLength(1)
    const [f] = violations(out)
    expect(f.code).toBe('deploy-workflow')
    expect(f.message).toMatch(/deploying job deploy: steps\[Roll out\]\.run.*deploys: runs kubectl apply/)
    expect(head.split('\n')[f.line! - 1]).toContain('--timeout=600s')
  })

  it('a change of the workflow triggers (`on:`) counts when the workflow deploys', async () => {
    const head = wf.replace('branches: [main]', 'branches: [main, release]')
    const out = await run([modified(WF, wf, head)])
    expect(violations(out).map((f) => f.message)).toEqual([expect.stringMatching(/workflow on: push\.branches/)])
    expect(head.split('\n')[violations(out)[0].line! - 1]).toContain('release')
  })

  it('recognition is data: deploy_commands, deploy_environments, deploy_job_names', async () => {
    const custom = wf.replace('deployment-tests:', 'provision:').replace('go test ./... -tags deployment', 'ansible-playbook site.yml')
    const bumped = custom.replace('site.yml', 'site.yml --limit web')
    expect(violations(await run([modified(WF, custom, bumped)]))).toEqual([])
    expect(violations(await run([modified(WF, custom, bumped)], { deploy_commands: ['ansible-playbook'] })).map((f) => f.code)).toEqual([
      'deploy-workflow',
    ])

    const env = 'on: push\njobs:\n  ship:\n    runs-on: ubuntu-latest\n    environment: eu-west\n    steps:\n      - run: ./publish.sh\n'
    const envHead = env.replace('./publish.sh', './publish.sh --fast')
    expect(violations(await run([modified(WF, env, envHead)])).map((f) => f.code)).toEqual(['deploy-workflow'])
    expect(violations(await run([modified(WF, env, envHead)], { deploy_environments: ['production', 'prod-*'] }))).toEqual([])
    const prod = (t: string): string => t.replace('environment: eu-west', 'environment: prod-eu')
    expect(violations(await run([modified(WF, prod(env), prod(envHead))], { deploy_environments: ['production', 'prod-*'] }))).toHaveLength(
      1,
    )
  })

  it('a workflow triggered only by pull requests (preview deploys) does not deploy to production', async () => {
    const pr =
      'on:\n  pull_request:\n    branches: [main]\njobs:\n  gke:\n    runs-on: ubuntu-latest\n    steps:\n      - run: skaffold run --default-repo=$REPO\n'
    const head = pr.replace('skaffold run', 'skaffold run --status-check')
    expect(violations(await run([modified(WF, pr, head)]))).toEqual([])
    const onPush = (t: string): string => t.replace('pull_request:', 'push:')
    expect(violations(await run([modified(WF, onPush(pr), onPush(head))])).map((f) => f.code)).toEqual(['deploy-workflow'])
    expect(violations(await run([modified(WF, pr, head)], { non_production_events: [] })).map((f) => f.code)).toEqual(['deploy-workflow'])
  })

  it('a job whose environment is a non-production target (PR preview, staging) does not deploy, whatever it runs', async () => {
    const job =
      'on: push\njobs:\n  deployment-tests:\n    runs-on: ubuntu-latest\n    environment: gke-staging\n    steps:\n      - run: kubectl apply -f release/ --namespace pr-${{ github.event.number }}\n'
    const head = job.replace('release/', 'release/ --wait')
    expect(violations(await run([modified(WF, job, head)]))).toEqual([])
    expect(violations(await run([modified(WF, job, head)], { non_production_environments: [] })).map((f) => f.code)).toEqual([
      'deploy-workflow',
    ])
  })
})

describe('runbook class 8: dev/test tooling is not production', () => {
  it.each([
    { path: 'skaffold.yaml', text: fixture('deploy-scope/skaffold.yaml') },
    { path: 'hack/kind-cluster.yaml', text: fixture('deploy-scope/kind-cluster.yaml') },
    { path: 'docker-compose.override.yml', text: fixture('deploy-scope/compose.yml') },
    { path: 'docker-compose-tests.yml', text: fixture('deploy-scope/compose.yml') },
    { path: 'deploy/docker-compose.dev.yaml', text: fixture('deploy-scope/compose.yml') },
    { path: 'compose.ci.yaml', text: fixture('deploy-scope/compose.yml') },
    { path: '.devcontainer/docker-compose.yml', text: fixture('deploy-scope/compose.yml') },
    { path: '.devcontainer/Dockerfile', text: 'FROM mcr.microsoft.com/devcontainers/go:1\n' },
  ])('$path is no trigger', async ({ path, text }) => {
    const out = await run([added(path, text)])
    expect(violations(out)).toEqual([])
  })

  it.each([
    { path: 'docker-compose.yml', code: 'docker-compose' },
    { path: 'deploy/compose.prod.yaml', code: 'docker-compose' },
  ])('$path (production compose) is a trigger', async ({ path, code }) => {
    const out = await run([added(path, fixture('deploy-scope/compose.yml'))])
    expect(violations(out).map((f) => f.code)).toEqual([code])
  })

  it('a Kubernetes manifest beside skaffold.yaml still counts', async () => {
    const out = await run([
      added('skaffold.yaml', fixture('deploy-scope/skaffold.yaml')),
      added('kubernetes-manifests/app.yaml', fixture('k8s/deployment.yaml')),
    ])
    expect(violations(out).map((f) => [f.code, f.path])).toEqual([['k8s-manifest', 'kubernetes-manifests/app.yaml']])
  })

  it('dev_tooling is configurable', async () => {
    const out = await run([added('docker-compose.override.yml', fixture('deploy-scope/compose.yml'))], { dev_tooling: [] })
    expect(violations(out).map((f) => f.code)).toEqual(['docker-compose'])
  })
})
