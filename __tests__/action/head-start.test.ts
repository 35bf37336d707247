/**
 * The Action's head start (issue 15): on a pull_request event the PR's file list is asked for before the
 * rest of the Action loads, with the run's own client; in every other case nothing goes out early.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { headStart } from '../../src/action/head-start.js'
import { InputError } from '../../src/action/inputs.js'
import type { FakeGitHub } from '../helpers/github-server.js'
import { useFakeGitHub } from '../helpers/use-fake-github.js'
import { pullRequestEvent } from '../helpers/run-action.js'
import { lineFiles, seedPr } from '../e2e/helpers.js'

let server: FakeGitHub
useFakeGitHub((s) => (server = s))

const saved = { ...process.env }
afterEach(() => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k]
  Object.assign(process.env, saved)
})

/** The runner's environment for an event, with the step's inputs. */
function runner(eventName: string, payload: unknown, inputs: Record<string, string> = {}): void {
  const dir = mkdtempSync(join(tmpdir(), 'head-start-'))
  writeFileSync(join(dir, 'event.json'), JSON.stringify(payload))
  for (const k of Object.keys(process.env)) if (k.startsWith('INPUT_')) delete process.env[k]
  Object.assign(process.env, {
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_REPOSITORY: 'acme/service',
    GITHUB_API_URL: server.url,
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: dir,
    INPUT_TOKEN: server.token,
  })
  for (const [k, v] of Object.entries(inputs)) process.env[`INPUT_${k.toUpperCase()}`] = v
}

const listings = () => server.requests.filter((r) => r.operationId === 'pulls/list-files').length

describe('headStart', () => {
  it("on a pull_request event: the PR's file list is under way, read with the run's client", async () => {
    const pr = seedPr(server, { files: lineFiles(120) })
    runner('pull_request', pullRequestEvent(pr, 'synchronize', server))
    const head = await headStart()
    if (!head.ok || !head.early) throw new Error('no head start')
    expect(head.early.pr.number).toBe(7)
    const files = await head.early.files
    expect(files.map((f) => f.path)).toEqual(lineFiles(120).map((f) => f.filename))
    expect(listings()).toBe(2) // two pages of 100, as the run would read them
  })

  it.each([
    ['release mode', 'push', { mode: 'release', 'base-ref': 'v1.0.0', 'head-ref': 'c'.repeat(40) }],
    ['report mode', 'schedule', { mode: 'report' }],
    ['a pr-number input that is not the event’s PR', 'pull_request', { 'pr-number': '8' }],
    ['workflow_run (the PR comes from the run’s artifact)', 'workflow_run', {}],
  ])('%s: nothing goes out early', async (_name, eventName, inputs) => {
    const pr = seedPr(server)
    runner(eventName, pullRequestEvent(pr, 'synchronize', server), inputs)
    const head = await headStart()
    expect(head.ok).toBe(true)
    expect(head.ok && head.early).toBeUndefined()
    await new Promise((r) => setImmediate(r))
    expect(server.requests).toEqual([])
  })

  it('inputs that cannot be read: the error is kept for the run to report, and nothing goes out', async () => {
    const pr = seedPr(server)
    runner('pull_request', pullRequestEvent(pr, 'synchronize', server), { 'request-timeout': 'soon' })
    const head = await headStart()
    expect(head.ok).toBe(false)
    expect(!head.ok && head.error).toEqual(new InputError('input request-timeout: expected a positive number of seconds, got "soon"'))
    expect(server.requests).toEqual([])
  })

  it('a payload whose PR cannot be read: no head start (the run reads it again and says what is wrong)', async () => {
    runner('pull_request', { pull_request: { number: 7 } })
    const head = await headStart()
    expect(head.ok && head.early).toBeUndefined()
  })
})
