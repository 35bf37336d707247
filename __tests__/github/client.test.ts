/**
 * Issue 15 item 3: the write budget of a run. The bucket's behaviour is checked on a fake clock (no timed
 * assertion): the first WRITE_BURST writes of a key start at once, the next waits for a refill. Through the
 * fake GitHub, the Action's client sends its writes through that bucket and the App's does not.
 */
import { jest } from '@jest/globals'
import { createClient, createWriteLimiters, writeLimiters, WRITE_BURST, WRITE_INTERVAL_MS } from '../../src/github/client.js'
import { type FakeGitHub } from '../helpers/github-server.js'
import { useFakeGitHub } from '../helpers/use-fake-github.js'
import { seedPr } from '../e2e/helpers.js'

describe('the write bucket (fake clock)', () => {
  afterEach(() => jest.useRealTimers())

  it(`lets ${WRITE_BURST} writes through at once, then one per ${WRITE_INTERVAL_MS} ms, one at a time`, async () => {
    jest.useFakeTimers({ now: 0 })
    const limiter = createWriteLimiters().key('run')
    const started: number[] = []
    let running = 0
    let maxRunning = 0
    const write = () =>
      limiter.schedule(async () => {
        running++
        maxRunning = Math.max(maxRunning, running)
        started.push(Date.now())
        await Promise.resolve()
        running--
      })
    // Bottleneck answers through a zero-delay timer too: let the fake clock move a millisecond.
    const reservoir = async () => {
      const answer = limiter.currentReservoir()
      await jest.advanceTimersByTimeAsync(1)
      return answer
    }
    const all = Array.from({ length: WRITE_BURST + 2 }, write)
    // Bottleneck hops between its steps with zero-delay timers, which the fake clock counts as a
    // millisecond each: the burst starts within a few fake milliseconds, no write waits for a refill.
    await jest.advanceTimersByTimeAsync(100)
    expect(started).toHaveLength(WRITE_BURST)
    expect(Math.max(...started)).toBeLessThan(100)
    expect(await reservoir()).toBe(0)
    // The next write waits for a token: one per interval (checked on Bottleneck's 250 ms heartbeat).
    await jest.advanceTimersByTimeAsync(WRITE_INTERVAL_MS - 102)
    expect(started).toHaveLength(WRITE_BURST)
    await jest.advanceTimersByTimeAsync(100)
    expect(started).toHaveLength(WRITE_BURST + 1)
    await jest.advanceTimersByTimeAsync(WRITE_INTERVAL_MS + 100)
    await Promise.all(all)
    expect(started).toHaveLength(WRITE_BURST + 2)
    expect(started[WRITE_BURST]).toBeGreaterThanOrEqual(WRITE_INTERVAL_MS)
    expect(started[WRITE_BURST + 1] - started[WRITE_BURST]).toBe(WRITE_INTERVAL_MS)
    expect(maxRunning).toBe(1)
    // An idle key's bucket fills up again, never above the burst.
    await jest.advanceTimersByTimeAsync(10 * WRITE_INTERVAL_MS)
    expect(await reservoir()).toBe(WRITE_BURST)
  })
})

describe('clients against the fake GitHub', () => {
  let server: FakeGitHub
  useFakeGitHub((s) => (server = s))

  /** Writes that start on a key's bucket, counted by the limiter's own events. */
  function countExecutions(id: string): { n: number } {
    const counter = { n: 0 }
    writeLimiters()
      .key(id)
      .on('executing', () => counter.n++)
    return counter
  }

  async function threeWrites(octokit: ReturnType<typeof createClient>) {
    const c = await octokit.rest.issues.createComment({ owner: 'acme', repo: 'service', issue_number: 7, body: 'one' })
    await octokit.rest.issues.updateComment({ owner: 'acme', repo: 'service', comment_id: c.data.id, body: 'two' })
    await octokit.rest.issues.deleteComment({ owner: 'acme', repo: 'service', comment_id: c.data.id })
  }

  it("the Action's client draws its writes (not its reads) from the run's bucket", async () => {
    seedPr(server)
    const counted = countExecutions('action-run')
    const octokit = createClient({ token: server.token, baseUrl: server.url, throttleId: 'action-run' })
    await octokit.rest.pulls.get({ owner: 'acme', repo: 'service', pull_number: 7 })
    await threeWrites(octokit)
    expect(counted.n).toBe(3)
    expect(server.commentsOn(7)).toHaveLength(0)
  })

  it("the App's client (writeBurst: false) keeps the plugin's one-a-second pacing, not the bucket", async () => {
    seedPr(server)
    const counted = countExecutions('installation-1')
    const octokit = createClient({ token: server.token, baseUrl: server.url, throttleId: 'installation-1', writeBurst: false })
    await threeWrites(octokit)
    expect(counted.n).toBe(0)
  })
})
