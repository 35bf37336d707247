/**
 * The one GraphQL read of the base side and the PR's comments (src/github/prefetch.ts), against the fake
 * GitHub, whose GraphQL endpoint validates every query against GitHub's schema (a violation fails the test
 * in useFakeGitHub). Each case the query cannot answer must be left out, so that it is read over REST.
 */
import { createClient } from '../../src/github/client.js'
import { readEnforcedSide } from '../../src/github/evaluate.js'
import { prefetchBase } from '../../src/github/prefetch.js'
import { upsertStickyComment } from '../../src/github/publish.js'
import type { FakeGitHub } from '../helpers/github-server.js'
import { useFakeGitHub } from '../helpers/use-fake-github.js'

let server: FakeGitHub
useFakeGitHub((s) => (server = s))

const BASE = 'b'.repeat(40)
const HEAD = 'c'.repeat(40)
const repo = { owner: 'acme', repo: 'service' }
const POLICY = '.github/quality-gate.yml'

function seed(base: Record<string, string>): void {
  server.setTree(BASE, base)
  server.setTree(HEAD, {})
  server.addPullRequest({ number: 7, base: { ref: 'main', sha: BASE }, head: { ref: 'f', sha: HEAD }, files: [] })
}
const client = () => createClient({ token: server.token, baseUrl: server.url, retries: 0 })

describe('prefetchBase', () => {
  it('reads the policy and .gitattributes at the base commit and every comment, marking our own', async () => {
    seed({ [POLICY]: 'extends: strict\n', '.gitattributes': 'gen/** linguist-generated\n' })
    server.addComments(7, 2, { user: 'alice' })
    server.addComments(7, 1, { user: 'github-actions[bot]', body: '<!-- marker -->\nours' })
    const s = await prefetchBase(client(), repo, BASE, POLICY, 7)
    expect(s.failed).toBeUndefined()
    expect([...s.files]).toEqual([
      [POLICY, 'extends: strict\n'],
      ['.gitattributes', 'gen/** linguist-generated\n'],
    ])
    const ids = server.commentsOn(7).map((c) => c.id)
    expect(s.comments).toEqual([
      { id: ids[0], body: 'Comment 1', own: false },
      { id: ids[1], body: 'Comment 2', own: false },
      { id: ids[2], body: '<!-- marker -->\nours', own: true },
    ])
    expect(server.requests.map((q) => q.operationId)).toEqual(['graphql'])
    expect((server.requests[0].body as { variables: Record<string, unknown> }).variables).toMatchObject({
      policy: `${BASE}:${POLICY}`,
      attributes: `${BASE}:.gitattributes`,
    })
  })

  it('a file absent at the base, or a directory there, is known to be absent (null), not unread', async () => {
    seed({ 'docs/a.md': 'x' })
    const s = await prefetchBase(client(), repo, BASE, 'docs', 7)
    expect([...s.files]).toEqual([
      ['docs', null],
      ['.gitattributes', null],
    ])
    expect(s.comments).toEqual([])
  })

  it('leaves out what it cannot vouch for: a truncated blob, a binary one, more than 100 comments', async () => {
    seed({ [POLICY]: 'a: 1\n\0binary', '.gitattributes': `${'# padding\n'.repeat(60_000)}gen/** linguist-generated\n` })
    server.addComments(7, 101, { user: 'alice' })
    const s = await prefetchBase(client(), repo, BASE, POLICY, 7)
    expect([...s.files]).toEqual([])
    expect(s.comments).toBeUndefined()
    // readEnforcedSide then reads both over REST, and gets the whole files
    const side = await readEnforcedSide(client(), repo, BASE, POLICY, s.files)
    expect(side.gitattributes?.endsWith('gen/** linguist-generated\n')).toBe(true)
    expect(server.requestsFor('repos/get-content')).toHaveLength(2)
  })

  it('never throws: an unknown repository or an HTTP error gives nothing known', async () => {
    seed({ [POLICY]: 'a: 1\n' })
    const missing = await prefetchBase(client(), { owner: 'acme', repo: 'nope' }, BASE, POLICY, 7)
    expect([...missing.files]).toEqual([])
    expect(missing.comments).toBeUndefined()
    server.faults.push({ path: '/graphql', status: 500, times: 1 })
    const failed = await prefetchBase(client(), repo, BASE, POLICY, 7)
    expect([...failed.files]).toEqual([])
    expect(failed.failed).toMatch(/500/)
  })

  it.each<[string, string[][], string[], boolean]>([
    ['policy: null with FORBIDDEN at its path', [['repository', 'policy']], ['.gitattributes'], true],
    ['attributes: null with FORBIDDEN at its path', [['repository', 'attributes']], [POLICY], true],
    ['the comments refused', [['repository', 'pullRequest', 'comments']], [POLICY, '.gitattributes'], false],
    ['the whole repository refused', [['repository']], [], false],
  ])('a partial answer (%s): that null is unknown, not absent, and is read over REST', async (_name, paths, known, comments) => {
    seed({ [POLICY]: 'rules: { pr-size: { level: fail } }\n', '.gitattributes': 'gen/** linguist-generated\n' })
    server.faults.push({ path: '/graphql', graphqlErrors: paths.map((path) => ({ path })), times: 1 })
    const s = await prefetchBase(client(), repo, BASE, POLICY, 7)
    expect([...s.files.keys()]).toEqual(known)
    expect(s.comments !== undefined).toBe(comments)
    expect(s.failed).toBe(`GraphQL read of the base side: partial answer (${paths.map((p) => `FORBIDDEN at ${p.join('.')}`).join('; ')})`)
    // The answer really was partial: HTTP 200, the field null, an error naming its path (GitHub's shape).
    expect(server.requests[0]).toMatchObject({ operationId: 'graphql', status: 200, fault: true })
    const side = await readEnforcedSide(client(), repo, BASE, POLICY, s.files)
    expect(side.policyText).toBe('rules: { pr-size: { level: fail } }\n')
    expect(side.gitattributes).toBe('gen/** linguist-generated\n')
  })

  it('a refused policy that REST cannot read either fails closed (an error, never the default policy)', async () => {
    seed({ [POLICY]: 'rules: { pr-size: { level: fail } }\n' })
    server.faults.push({ path: '/graphql', graphqlErrors: [{ path: ['repository', 'policy'] }], times: 1 })
    server.faults.push({ path: 'repos/get-content', status: 403, body: { message: 'Resource not accessible by integration' }, times: 1 })
    const s = await prefetchBase(client(), repo, BASE, POLICY, 7)
    await expect(readEnforcedSide(client(), repo, BASE, POLICY, s.files)).rejects.toThrow(/not accessible/)
  })

  it('only files the query read are taken from it; the rest is read over REST', async () => {
    seed({ [POLICY]: 'a: 1\n', '.gitattributes': '*.pb.go linguist-generated\n' })
    const side = await readEnforcedSide(client(), repo, BASE, POLICY, new Map([[POLICY, 'from the query\n']]))
    expect(side.policyText).toBe('from the query\n')
    expect(side.gitattributes).toBe('*.pb.go linguist-generated\n')
    expect(server.requestsFor('repos/get-content').map((q) => q.path)).toEqual(['/repos/acme/service/contents/.gitattributes'])
  })
})

describe('upsertStickyComment with the comments already known', () => {
  const MARKER = '<!-- pr-quality-gate:quality-gate -->'

  it('updates our comment found by the query without listing again', async () => {
    seed({})
    const [c] = server.addComments(7, 1, { user: 'github-actions[bot]', body: `${MARKER}\nold` })
    const known = [{ id: c.id, body: c.body, own: true }]
    const r = await upsertStickyComment(client(), repo, 7, MARKER, `${MARKER}\nnew`, 'github-actions[bot]', server.token, known)
    expect(r).toMatchObject({ ok: true, value: { id: c.id, action: 'updated' } })
    expect(server.requests.map((q) => q.operationId)).toEqual(['issues/update-comment'])
  })

  it('a marked comment by someone else is not ours; a comment deleted since the query is looked up again', async () => {
    seed({})
    const [spoof] = server.addComments(7, 1, { user: 'mallory', body: `${MARKER}\nspoofed` })
    const [gone] = server.addComments(7, 1, { user: 'github-actions[bot]', body: `${MARKER}\nold` })
    const known = [
      { id: spoof.id, body: spoof.body, own: false },
      { id: gone.id, body: gone.body, own: true },
    ]
    server.state.comments = server.state.comments.filter((x) => x.id !== gone.id) // deleted by a user meanwhile
    const r = await upsertStickyComment(client(), repo, 7, MARKER, `${MARKER}\nnew`, 'github-actions[bot]', server.token, known)
    expect(r).toMatchObject({ ok: true, value: { action: 'created' } })
    expect(server.commentsOn(7).map((x) => [x.user, x.body])).toEqual([
      ['mallory', `${MARKER}\nspoofed`],
      ['github-actions[bot]', `${MARKER}\nnew`],
    ])
  })
})
