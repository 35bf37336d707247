/**
 * The App's identity: a JWT for the App itself, installation tokens per delivery (@octokit/auth-app
 * caches them until shortly before they expire), and an Octokit per installation token built with the
 * same client as the Action (throttling + retry).
 */
import { createAppAuth } from '@octokit/auth-app'
import { request } from '@octokit/request'
import { createClient, describeApiError, type ClientOptions, type Octokit } from '../github/client.js'
import { registerSecret } from '../errors.js'
import type { AppConfig } from './config.js'

export interface AppAuth {
  /** An Octokit authenticated as the installation (token from the cache, minted when needed). */
  installationClient(installationId: number): Promise<Octokit>
  /** `<slug>[bot]`: the login the App's comments carry. */
  botLogin(): Promise<string>
}

export function createAuth(config: AppConfig, log: (m: string) => void, throttleConnection?: ClientOptions['throttleConnection']): AppAuth {
  const req = request.defaults({ baseUrl: config.apiUrl, headers: { 'user-agent': 'pr-quality-gate-app' } })
  const auth = createAppAuth({ appId: config.appId, privateKey: config.privateKey, request: req })
  let bot: Promise<string> | undefined = config.botLogin ? Promise.resolve(config.botLogin) : undefined
  return {
    async installationClient(installationId: number): Promise<Octokit> {
      let token: string
      try {
        token = (await auth({ type: 'installation', installationId })).token
      } catch (e) {
        throw new Error(describeApiError(`installation token for installation ${installationId}`, e))
      }
      // Per-installation pacing, every write a second apart (no run burst): an installation is many PRs.
      return createClient({
        token,
        baseUrl: config.apiUrl,
        log,
        throttleId: `installation-${installationId}`,
        throttle: config.throttle !== false,
        writeBurst: false,
        throttleConnection,
      })
    },
    botLogin(): Promise<string> {
      bot ??= (async () => {
        try {
          const { token } = await auth({ type: 'app' })
          registerSecret(token) // the App's JWT: redacted from any message that echoes it
          const { data } = await req('GET /app', { headers: { authorization: `bearer ${token}` } })
          return `${(data as { slug?: string }).slug ?? 'pr-quality-gate'}[bot]`
        } catch (e) {
          bot = undefined // retry on the next delivery
          log(`${describeApiError('GET /app', e)}; set APP_BOT_LOGIN to <app-slug>[bot]`)
          return 'pr-quality-gate[bot]'
        }
      })()
      return bot
    },
  }
}
