/**
 * Release mode through the bundle (node <bundle>) with the runner's environment: a job deploy jobs
 * `needs:` — exit code, outputs, JSON report, job summary, sticky comment on a tracking issue.
 * The bundle is dist/index.js, or PR_GATE_BUNDLE (e.g. a build into a temp dir before dist/ is rebuilt).
 */
import { readFileSync } from 'node:fs'
import { type FakeGitHub } from '../helpers/github-server.js'
import { exampleEvent, runAction } from '../helpers/run-action.js'
import { BASE, ENV, HEAD, seedRelease } from './helpers.js'
import { useFakeGitHub } from '../helpers/use-fake-github.js'

const entry = process.env.PR_GATE_BUNDLE ?? 'dist/index.js'

let server: FakeGitHub
useFakeGitHub((s) => (server = s))

/** GitHub's real `push` example, moved to acme/service at HEAD (GITHUB_SHA = HEAD). */
function pushEvent() {
  const e = exampleEvent('push')
  Object.assign(e.repository as object, { full_name: 'acme/service', name: 'service', default_branch: 'main' })
  e.after = HEAD
  e.ref = 'refs/heads/main'
  return e
}

const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/)

describe('the Action in release mode (bundle)', () => {
  test('a range with a failed PR and a PR without a gate result: exit 1, outputs, report, summary, one sticky comment on the tracking issue', async () => {
    seedRelease(server)
    server.addIssue(99)
    const inputs = { token: server.token, mode: 'release', environment: ENV, 'tracking-issue': 99 }
    const r = await runAction({ server, event: pushEvent(), eventName: 'push', inputs, entry })
    noStack(r.stdout + r.stderr)
    expect(r.code).toBe(1)
    expect(r.outputs.conclusion).toBe('failure')
    expect(r.outputs['base-sha']).toBe(BASE)
    expect(r.outputs['head-sha']).toBe(HEAD)
    expect(r.outputs['pull-requests']).toBe('11,12,13,14')
    expect(r.outputs['failed-rules']).toBe('release-gates,migration-safety')
    const report = JSON.parse(readFileSync(r.outputs.report, 'utf8'))
    expect(report.mode).toBe('release')
    expect(report.release.pullRequests.map((p: { number: number; gate: { state: string } }) => `${p.number}:${p.gate.state}`)).toEqual([
      '11:passed',
      '12:failed',
      '13:missing',
      '14:waived',
    ])
    expect(r.summary).toContain('### Release range')
    expect(r.summary).toContain('## ❌ Release gate: failure')
    expect(r.commands.find((c) => c.command === 'error')?.message).toContain('release gate failed')
    // The PRs themselves are not touched: no check run, no PR comment.
    expect(server.count('checks/create')).toBe(0)
    expect(server.commentsOn(99)).toHaveLength(1)
    expect(server.commentsOn(99)[0].body).toContain('<!-- pr-quality-gate:release:quality-gate:production -->')

    // Run again (e.g. after fixing #12): the tracking comment is updated, not duplicated.
    const again = await runAction({ server, event: pushEvent(), eventName: 'push', inputs, entry })
    expect(again.code).toBe(1)
    expect(server.commentsOn(99)).toHaveLength(1)
  })

  test('a waived migration and passed gates: exit 0, conclusion success', async () => {
    seedRelease(server, { only: [11, 14], direct: false, migrationLabels: ['release-approved'] })
    const r = await runAction({
      server,
      event: pushEvent(),
      eventName: 'push',
      inputs: { token: server.token, mode: 'release', environment: ENV },
      entry,
    })
    noStack(r.stdout + r.stderr)
    expect(r.code).toBe(0)
    expect(r.outputs.conclusion).toBe('success')
    expect(r.summary).toContain('Approved for release')
  })

  test('release mode without an environment for base-ref auto: a one-line input error, exit 1', async () => {
    seedRelease(server)
    const r = await runAction({ server, event: pushEvent(), eventName: 'push', inputs: { token: server.token, mode: 'release' }, entry })
    noStack(r.stdout + r.stderr)
    expect(r.code).toBe(1)
    expect(r.commands.find((c) => c.command === 'error')?.message).toContain('input environment is empty')
    expect(server.requests).toHaveLength(0)
  })
})
