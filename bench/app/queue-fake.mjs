// Child process of bench/app/queue.mjs: the fake GitHub (OpenAPI-validating) seeded with `count` PRs
// spread over `installations` installations of the App, optionally enforcing GitHub's content-creation
// secondary limits. Reports each check run's creation time, and at the end the check runs per head and
// the bot comments per PR.
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const { startGitHubServer } = await import(join(here, '.build/__tests__/helpers/github-server.js'))
const { pullRequestEvent } = await import(join(here, '.build/__tests__/helpers/run-action.js'))
const { count, installations, contentLimits } = JSON.parse(process.argv[2])
const hex = (n) => n.toString(16).padStart(40, '0')
const now = () => performance.timeOrigin + performance.now()
const ids = Array.from({ length: installations }, (_, i) => 1000 + i)

const server = await startGitHubServer({ app: { installationId: ids[0], moreInstallations: ids.slice(1) }, ...(contentLimits ? { contentLimits: {} } : {}) })
server.addRepo({ owner: 'acme', name: 'service' })
const base = 'b'.repeat(40)
server.setTree(base, {})
const payloads = []
for (let i = 0; i < count; i++) {
  const head = hex(i + 1)
  const files = [0, 1, 2].map((k) => ({ filename: `services/svc${i % 20}/src/file${k}.ts`, additions: 3, deletions: 1, patch: '@@ -1,2 +1,4 @@\n a\n-b\n+c\n+d\n+e' }))
  const pr = server.addPullRequest({ number: i + 1, title: `Change ${i}`, body: 'bench', base: { ref: 'main', sha: base }, head: { ref: `f${i}`, sha: head }, files })
  const p = pullRequestEvent(pr, 'synchronize', server)
  p.installation = { id: ids[i % installations], node_id: `I_${ids[i % installations]}` }
  payloads.push({ head, number: i + 1, body: JSON.stringify(p) })
}
const runs = server.state.checkRuns
const push = runs.push.bind(runs)
runs.push = (...items) => {
  for (const it of items) process.send({ type: 'created', head: it.headSha, t: now() })
  return push(...items)
}
process.on('message', async (m) => {
  if (m.type === 'stop') {
    const perHead = {}
    for (const r of server.state.checkRuns) perHead[r.headSha] = (perHead[r.headSha] ?? 0) + 1
    let duplicatedComments = 0
    for (const p of payloads) if (server.commentsOn(p.number).length > 1) duplicatedComments++
    process.send({ type: 'stats', requests: server.requests.length, perHead, duplicatedComments, secondaryLimited: server.secondaryLimited, violations: server.violations.length + server.responseViolations.length, sample: server.violations.slice(0, 3) })
    await server.close()
    process.exit(0)
  }
})
process.send({ type: 'ready', url: server.url, payloads: payloads.map(({ head, body }) => ({ head, body })) })
