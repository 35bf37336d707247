/**
 * One pull request at a time (issue 13, item 5). Deliveries for the same PR can arrive out of order and be
 * evaluated in parallel; a slow evaluation of an older state then published last and won. Here:
 *
 *  - `exclusive(key, fn)`: evaluations of one PR (installation + repository + number) run one after the
 *    other, in the order they asked, whatever event started them (pull_request, check_run, check_suite).
 *  - Each evaluation gets a sequence number when it starts (it then reads the PR from the API), so a later
 *    number means a fresher reading. `isStale` tells an evaluation that a later one has already published:
 *    its result is older than what GitHub shows, and it must not be written.
 *
 * The memory is per process and bounded (the `max` most recent PRs).
 */
export class PullRequestLocks {
  private readonly tails = new Map<string, Promise<void>>()
  private readonly published = new Map<string, number>()
  private seq = 0

  constructor(private readonly max = 10_000) {}

  /** Runs `fn` once every earlier evaluation of `key` has finished; `fn` gets this evaluation's sequence number. */
  async exclusive<T>(key: string, fn: (seq: number) => Promise<T>): Promise<T> {
    const before = this.tails.get(key) ?? Promise.resolve()
    let release!: () => void
    const mine = new Promise<void>((resolve) => (release = resolve))
    const tail = before.then(() => mine)
    this.tails.set(key, tail)
    await before
    try {
      return await fn(++this.seq)
    } finally {
      release()
      if (this.tails.get(key) === tail) this.tails.delete(key)
    }
  }

  /** True when an evaluation that started after `seq` has already published for `key`. */
  isStale(key: string, seq: number): boolean {
    return (this.published.get(key) ?? 0) > seq
  }

  /** Records that evaluation `seq` published for `key` (never moves backwards). */
  markPublished(key: string, seq: number): void {
    if ((this.published.get(key) ?? 0) >= seq) return
    this.published.delete(key)
    this.published.set(key, seq)
    while (this.published.size > this.max) this.published.delete(this.published.keys().next().value as string)
  }
}

export function pullKey(installationId: number, owner: string, repo: string, number: number): string {
  return `${installationId}/${owner.toLowerCase()}/${repo.toLowerCase()}#${number}`
}
