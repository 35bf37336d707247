/**
 * An execution budget for work driven by untrusted patterns (the PR's own policy, previewed for
 * information). Every regex and glob operation calls `spend()`; inside `withBudget` it throws
 * `BudgetExceeded` once the budget's deadline has passed, or once the current synchronous stretch has kept
 * the event loop from turning for longer than `maxBlockMs` (an App serves other installations and
 * /healthz on the same loop). Outside `withBudget` (the enforced run) `spend()` costs one lookup.
 *
 * Why cooperative rather than a worker thread: after the regex engine became linear-time (RE2) and globs are
 * compiled once with a capped expansion, each single operation is bounded; what stays unbounded is only
 * how many of them a policy asks for (entries × files × lines). Checking at every operation bounds that
 * number by time, while the preview keeps the evaluation context (API readers, evidence) that a worker
 * would have to proxy across threads.
 */
import { AsyncLocalStorage } from 'node:async_hooks'

export class BudgetExceeded extends Error {
  constructor(readonly why: string) {
    super(why)
    this.name = 'BudgetExceeded'
  }
}

interface Budget {
  ms: number
  deadline: number
  maxBlockMs: number
  /** Last time the event loop turned (a timer fired) while the budget was active. */
  lastTurn: number
  exceeded?: string
}

const storage = new AsyncLocalStorage<Budget>()

const tookLonger = (ms: number) => `it took longer than ${ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`}`

/** Throws BudgetExceeded when the active budget (if any) is spent. Cheap enough to call per match. */
export function spend(): void {
  const b = storage.getStore()
  if (!b) return
  if (b.exceeded) throw new BudgetExceeded(b.exceeded)
  const now = Date.now()
  if (now > b.deadline) b.exceeded = tookLonger(b.ms)
  else if (now - b.lastTurn > b.maxBlockMs) b.exceeded = `it kept the event loop busy for more than ${b.maxBlockMs} ms at once`
  if (b.exceeded) throw new BudgetExceeded(b.exceeded)
}

export type BudgetOutcome<T> = { ok: true; value: T } | { ok: false; why: string }

/**
 * Runs `fn` under a budget of `ms` milliseconds (wall time, API waits included) and at most `maxBlockMs` of
 * event-loop blocking at once. Never throws BudgetExceeded: the outcome says whether the budget held. When
 * the time runs out while `fn` waits, the result is abandoned (any further pattern work of it throws).
 */
export async function withBudget<T>(ms: number, maxBlockMs: number, fn: () => Promise<T>): Promise<BudgetOutcome<T>> {
  const budget: Budget = { ms, deadline: Date.now() + ms, maxBlockMs, lastTurn: Date.now() }
  const ticker = setInterval(() => (budget.lastTurn = Date.now()), Math.max(1, Math.floor(maxBlockMs / 4)))
  ticker.unref()
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<BudgetOutcome<T>>((resolve) => {
    timer = setTimeout(() => {
      budget.exceeded ??= tookLonger(ms)
      resolve({ ok: false, why: budget.exceeded })
    }, ms)
    timer.unref()
  })
  const run = storage.run(budget, async (): Promise<BudgetOutcome<T>> => {
    try {
      const value = await fn()
      return budget.exceeded ? { ok: false, why: budget.exceeded } : { ok: true, value }
    } catch (e) {
      if (budget.exceeded) return { ok: false, why: budget.exceeded }
      throw e
    }
  })
  try {
    return await Promise.race([run, timeout])
  } finally {
    clearInterval(ticker)
    clearTimeout(timer)
    budget.exceeded ??= 'it was abandoned'
  }
}
