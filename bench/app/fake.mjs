// Child process of bench/app/run.mjs: the fake GitHub, seeded with one PR per delivery, in its own process
// (its ajv validation of every request and response must not share an event loop with the load
// generator). Sends the signed-ready payloads once, then the time of each check run's creation.
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const { startGitHubServer } = await import(join(here, '.build/__tests__/helpers/github-server.js'))
const { pullRequestEvent } = await import(join(here, '.build/__tests__/helpers/run-action.js'))
const count = Number(process.argv[2])
const hex = (n) => n.toString(16).padStart(40, '0')
const now = () => performance.timeOrigin + performance.now()

const server = await startGitHubServer()
server.addRepo({ owner: 'acme', name: 'service' })
const base = 'b'.repeat(40)
server.setTree(base, {})
const payloads = []
for (let i = 0; i < count; i++) {
  const head = hex(i + 1)
  const files = [0, 1, 2].map((k) => ({ filename: `services/svc${i % 20}/src/file${k}.ts`, additions: 3, deletions: 1, patch: '@@ -1,2 +1,4 @@\n a\n-b\n+c\n+d\n+e' }))
  const pr = server.addPullRequest({ number: i + 1, title: `Change ${i}`, body: 'bench', base: { ref: 'main', sha: base }, head: { ref: `f${i}`, sha: head }, files })
  const p = pullRequestEvent(pr, 'synchronize', server)
  p.installation = { id: 777, node_id: 'I_777' }
  payloads.push({ head, body: JSON.stringify(p) })
}
const runs = server.state.checkRuns
const push = runs.push.bind(runs)
runs.push = (...items) => {
  for (const it of items) process.send({ type: 'created', head: it.headSha, t: now() })
  return push(...items)
}
process.on('message', async (m) => {
  if (m.type === 'stop') {
    process.send({ type: 'stats', requests: server.requests.length, violations: server.violations.length + server.responseViolations.length, sample: server.violations.slice(0, 3) })
    await server.close()
    process.exit(0)
  }
})
process.send({ type: 'ready', url: server.url, payloads })
