/**
 * Registers the fake GitHub's lifecycle for a test file: a fresh server before each test, and after it
 * the contract check (no request or response outside GitHub's OpenAPI description) and shutdown.
 */
import { startGitHubServer, type FakeGitHub, type FakeGitHubOptions } from './github-server.js'

export function useFakeGitHub(receive: (server: FakeGitHub) => void, options?: FakeGitHubOptions): void {
  let server: FakeGitHub | undefined
  beforeEach(async () => {
    server = await startGitHubServer(options)
    receive(server)
  })
  afterEach(async () => {
    if (!server) return
    const s = server
    server = undefined
    try {
      expect(s.violations).toEqual([])
      expect(s.responseViolations).toEqual([])
    } finally {
      await s.close()
    }
  })
}
