/**
 * Batched contents (src/github/contents.ts) against the fake GitHub, whose GraphQL endpoint validates
 * every query against GitHub's schema (a violation fails the test in useFakeGitHub). What GraphQL vouches
 * for is taken from it; everything else is read over REST, where a failure rejects: never "no file".
 */
import { createClient } from '../../src/github/client.js'
import { ContentStore } from '../../src/github/contents.js'
import { prefetchBase } from '../../src/github/prefetch.js'
import type { FakeGitHub } from '../helpers/github-server.js'
import { useFakeGitHub } from '../helpers/use-fake-github.js'

let server: FakeGitHub
useFakeGitHub((s) => (server = s))

const BASE = 'b'.repeat(40)
const HEAD = 'c'.repeat(40)
const repo = { owner: 'acme', repo: 'service' }
const client = () => createClient({ token: server.token, baseUrl: server.url, retries: 0 })
const ops = () => server.requests.map((q) => q.operationId)

function seed(base: Record<string, string>, head: Record<string, string>): void {
  server.setTree(BASE, base)
  server.setTree(HEAD, head)
  server.addPullRequest({ number: 7, base: { ref: 'main', sha: BASE }, head: { ref: 'f', sha: HEAD }, files: [] })
}

describe('ContentStore', () => {
  it('reads many files at both sides in one query; absent files and directories are undefined', async () => {
    seed({ 'a.sql': 'base a', 'dir/x': 'x' }, { 'a.sql': 'head a', 'b.sql': 'head b' })
    const store = new ContentStore(client(), repo)
    const got = await Promise.all([
      store.read(HEAD, 'a.sql'),
      store.read(HEAD, 'b.sql'),
      store.read(BASE, 'a.sql'),
      store.read(BASE, 'b.sql'),
      store.read(BASE, 'dir'),
    ])
    expect(got).toEqual(['head a', 'head b', 'base a', undefined, undefined])
    expect(ops()).toEqual(['graphql'])
    // cached: asked again, nothing is read
    expect(await store.read(HEAD, 'a.sql')).toBe('head a')
    expect(ops()).toEqual(['graphql'])
  })

  it('a planned prefetch is split by count and by estimated bytes', async () => {
    const head: Record<string, string> = {}
    for (let i = 0; i < 250; i++) head[`m/${i}.sql`] = `select ${i};`
    seed({}, head)
    const store = new ContentStore(client(), repo, { maxCount: 100 })
    await store.prefetch(Object.keys(head).map((path) => ({ ref: HEAD, path })))
    expect(ops()).toEqual(['graphql', 'graphql', 'graphql'])
    expect(await store.read(HEAD, 'm/249.sql')).toBe('select 249;')
    const bytes = new ContentStore(client(), repo, { maxBytes: 10, defaultBytes: 4 })
    server.requests.length = 0
    await bytes.prefetch(['m/1.sql', 'm/2.sql', 'm/3.sql', 'm/4.sql', 'm/5.sql'].map((path) => ({ ref: HEAD, path })))
    expect(ops()).toEqual(['graphql', 'graphql', 'graphql']) // 2 + 2 + 1 under a 10-byte budget at 4 bytes each
  })

  it('a truncated or binary blob is read over REST (whole)', async () => {
    const big = `${'-- padding\n'.repeat(60_000)}select 1;\n`
    seed({}, { 'big.sql': big, 'bin.dat': 'a\0b', 'ok.sql': 'select 2;' })
    const store = new ContentStore(client(), repo)
    const [b, bin, ok] = await Promise.all([store.read(HEAD, 'big.sql'), store.read(HEAD, 'bin.dat'), store.read(HEAD, 'ok.sql')])
    expect(b).toBe(big)
    expect(bin).toBe('a\0b')
    expect(ok).toBe('select 2;')
    expect(ops().sort()).toEqual(['graphql', 'repos/get-content', 'repos/get-content'])
  })

  it('a field refused in a partial answer is read over REST; when REST fails too, the read rejects (never "absent")', async () => {
    seed({}, { 'a.sql': 'a', 'b.sql': 'b' })
    server.faults.push({ path: '/graphql', graphqlErrors: [{ path: ['repository', 'c1'] }], times: 1 })
    server.faults.push({ path: 'repos/get-content', status: 502, times: 1 })
    const store = new ContentStore(client(), repo)
    const [a, b] = await Promise.allSettled([store.read(HEAD, 'a.sql'), store.read(HEAD, 'b.sql')])
    expect(a).toEqual({ status: 'fulfilled', value: 'a' })
    expect(b.status).toBe('rejected')
    expect((b as PromiseRejectedResult).reason).toMatchObject({ status: 502 })
  })

  it('a failed query: every file is read over REST; a REST 404 is absent, a REST 500 rejects', async () => {
    seed({}, { 'a.sql': 'a', 'b.sql': 'b' })
    server.faults.push({ path: '/graphql', status: 502, times: 1 })
    server.faults.push({ method: 'GET', path: /\/contents\/b\.sql$/, status: 500, times: 1 })
    const store = new ContentStore(client(), repo)
    const [a, b, c] = await Promise.allSettled([store.read(HEAD, 'a.sql'), store.read(HEAD, 'b.sql'), store.read(HEAD, 'c.sql')])
    expect(a).toEqual({ status: 'fulfilled', value: 'a' })
    expect(b.status).toBe('rejected')
    expect(c).toEqual({ status: 'fulfilled', value: undefined })
    expect(store.stats).toMatchObject({ queries: 1, rest: 3 })
  })

  it('a file seeded from the first query is not read again; one marked REST-only skips GraphQL', async () => {
    seed({}, { 'a.sql': 'a', 'b.sql': 'b' })
    const store = new ContentStore(client(), repo)
    store.seed(HEAD, 'a.sql', 'from the first query')
    store.markRestOnly(HEAD, 'b.sql')
    expect(await store.read(HEAD, 'a.sql')).toBe('from the first query')
    expect(await store.read(HEAD, 'b.sql')).toBe('b')
    expect(ops()).toEqual(['repos/get-content'])
  })
})

describe('prefetchBase with planned contents (the first batch)', () => {
  it('reads them in the same query; a refused alias is left out (read over REST later)', async () => {
    seed({ '.github/quality-gate.yml': 'rules: {}\n' }, { 'db/1.sql': 'select 1;', 'db/2.sql': 'select 2;' })
    server.faults.push({ path: '/graphql', graphqlErrors: [{ path: ['repository', 'c1'] }], times: 1 })
    const items = [
      { ref: HEAD, path: 'db/1.sql' },
      { ref: HEAD, path: 'db/2.sql' },
      { ref: HEAD, path: 'db/3.sql' },
    ]
    const s = await prefetchBase(client(), repo, BASE, '.github/quality-gate.yml', 7, items)
    expect(ops()).toEqual(['graphql'])
    expect(s.files.get('.github/quality-gate.yml')).toBe('rules: {}\n')
    expect(s.contents).toEqual([
      { item: items[0], value: 'select 1;' },
      { item: items[2], value: null },
    ])
  })
})
