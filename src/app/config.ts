/**
 * The App's settings, from environment variables only (the one place the App reads process.env), checked
 * at start: every problem is named at once, with what to set, never a stack trace.
 */
import { DEFAULT_CHECK_NAME, DEFAULT_POLICY_PATH } from '../policy/schema.js'
import { readFileSync } from 'node:fs'
import { createPrivateKey } from 'node:crypto'
import type { RedisSettings } from './queue.js'

export interface AppConfig {
  port: number
  /** Interface to listen on (default 0.0.0.0; 127.0.0.1 for local tests). */
  host: string
  webhookSecret: string
  appId: string
  privateKey: string
  apiUrl: string
  /** Web base for links (GitHub Enterprise: https://ghe.example.com). */
  serverUrl: string
  checkName: string
  policyPath: string
  /** Deliveries evaluated at the same time. */
  concurrency: number
  /** Deliveries waiting beyond the concurrency; more are answered 503. */
  maxQueue: number
  /** Delivery ids remembered to drop redeliveries. */
  dedupeSize: number
  /** The App's bot login (`<slug>[bot]`), to recognise its own sticky comments; looked up with GET /app when empty. */
  botLogin?: string
  /** Sticky PR comment (default true). */
  comment: boolean
  /**
   * Longest a graceful shutdown waits for in-flight work, in ms. It also bounds what is accepted: no more
   * deliveries are answered 202 than can be evaluated within it (see docs/app.md, "Shutdown").
   */
  shutdownTimeoutMs: number
  /** Largest webhook body read, in bytes (GitHub caps payloads at 25 MB); larger ones get 413. Default 25 MiB. */
  maxBodyBytes?: number
  /** Bytes of webhook bodies received at the same time (before their signature is checked); beyond that 503. Default 4 × maxBodyBytes. */
  bodyBudgetBytes?: number
  /**
   * Client-side pacing of API calls (GitHub asks for ~1 s between writes per installation; the limiter is
   * per installation). GITHUB_THROTTLE=off only for GitHub Enterprise Server with rate limiting disabled.
   */
  throttle?: boolean
  /**
   * REDIS_URL set: the durable queue on Redis (BullMQ), dedup across replicas and clustered pacing
   * (src/app/queue.ts). Absent: the in-memory queue of one replica.
   */
  redis?: RedisSettings
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`pr-gate serve: invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`${name}=${JSON.stringify(raw)}: expected an integer from ${min} to ${max}`)
    return fallback
  }
  return n
}

export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = []
  const port = int(env, 'PORT', 3000, 0, 65535, problems)
  const webhookSecret = env.WEBHOOK_SECRET ?? ''
  if (!webhookSecret)
    problems.push("WEBHOOK_SECRET is not set: the secret configured on the App's webhook (every delivery is verified with it)")
  const appId = env.APP_ID ?? ''
  if (!appId) problems.push("APP_ID is not set: the numeric App ID from the App's settings page")
  else if (!/^\d+$/.test(appId)) problems.push(`APP_ID=${JSON.stringify(appId)}: expected the numeric App ID`)
  let privateKey = env.PRIVATE_KEY ?? ''
  if (!privateKey && env.PRIVATE_KEY_PATH) {
    try {
      privateKey = readFileSync(env.PRIVATE_KEY_PATH, 'utf8')
    } catch (e) {
      problems.push(`PRIVATE_KEY_PATH=${env.PRIVATE_KEY_PATH}: cannot read it (${(e as { code?: string }).code ?? 'error'})`)
    }
  } else if (!privateKey) {
    problems.push("PRIVATE_KEY (PEM text) or PRIVATE_KEY_PATH (a .pem file) is not set: the App's private key")
  }
  if (privateKey) {
    // Keys pasted into one-line env vars often carry literal \n.
    if (!privateKey.includes('\n') && privateKey.includes('\\n')) privateKey = privateKey.replace(/\\n/g, '\n')
    try {
      createPrivateKey(privateKey)
    } catch {
      problems.push(
        'the private key is not a PEM private key (expected "-----BEGIN RSA PRIVATE KEY-----" or "-----BEGIN PRIVATE KEY-----")',
      )
    }
  }
  const apiUrl = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '')
  try {
    new URL(apiUrl)
  } catch {
    problems.push(`GITHUB_API_URL=${JSON.stringify(apiUrl)}: not a URL`)
  }
  const concurrency = int(env, 'CONCURRENCY', 8, 1, 256, problems)
  const maxQueue = int(env, 'MAX_QUEUE', 1000, 0, 1_000_000, problems)
  const dedupeSize = int(env, 'DEDUPE_SIZE', 10_000, 1, 10_000_000, problems)
  const shutdownTimeoutMs = int(env, 'SHUTDOWN_TIMEOUT_MS', 25_000, 1000, 3_600_000, problems)
  const maxBodyBytes = int(env, 'MAX_BODY_BYTES', 25 * 1024 * 1024, 1024, 25 * 1024 * 1024, problems)
  const bodyBudgetBytes = int(env, 'BODY_BUDGET_BYTES', 4 * maxBodyBytes, maxBodyBytes, 2 ** 40, problems)
  const redis = redisSettings(env, problems)
  if (problems.length) throw new ConfigError(problems)
  return {
    port,
    host: env.HOST || '0.0.0.0',
    webhookSecret,
    appId,
    privateKey,
    apiUrl,
    serverUrl: (env.GITHUB_SERVER_URL || (apiUrl === 'https://api.github.com' ? 'https://github.com' : new URL(apiUrl).origin)).replace(
      /\/+$/,
      '',
    ),
    checkName: env.CHECK_NAME || DEFAULT_CHECK_NAME,
    policyPath: env.POLICY_PATH || DEFAULT_POLICY_PATH,
    concurrency,
    maxQueue,
    dedupeSize,
    botLogin: env.APP_BOT_LOGIN || undefined,
    comment: !/^(false|no|off|0)$/i.test(env.COMMENT ?? ''),
    shutdownTimeoutMs,
    maxBodyBytes,
    bodyBudgetBytes,
    throttle: !/^(false|no|off|0)$/i.test(env.GITHUB_THROTTLE ?? ''),
    ...(redis ? { redis } : {}),
  }
}

/** REDIS_URL and the queue's settings (also read by `pr-gate queue`). */
export function redisSettings(env: NodeJS.ProcessEnv, problems: string[]): RedisSettings | undefined {
  const url = env.REDIS_URL ?? ''
  const settings: RedisSettings = {
    url,
    prefix: env.QUEUE_PREFIX || 'pr-gate',
    dedupeTtlS: int(env, 'DEDUPE_TTL_S', 3 * 86_400, 60, 30 * 86_400, problems),
    attempts: int(env, 'QUEUE_ATTEMPTS', 5, 1, 100, problems),
    backoffMs: int(env, 'QUEUE_BACKOFF_MS', 10_000, 10, 3_600_000, problems),
    lockMs: int(env, 'QUEUE_LOCK_MS', 30_000, 500, 600_000, problems),
  }
  if (!url) return undefined
  try {
    const u = new URL(url)
    if (u.protocol !== 'redis:' && u.protocol !== 'rediss:')
      problems.push(`REDIS_URL: expected redis://HOST:PORT or rediss://HOST:PORT, got the scheme ${JSON.stringify(u.protocol)}`)
  } catch {
    problems.push('REDIS_URL is not a URL: expected redis://[USER:PASSWORD@]HOST:PORT[/DB]')
  }
  return settings
}
