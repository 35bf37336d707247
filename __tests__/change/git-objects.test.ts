/**
 * The CLI's batched reader (issue 15 item 4) gives the same answers as one `git show` per file
 * (readAtRef), on a real temporary repository: text, absence, binary and non-UTF-8 bytes, a big file,
 * a symlink, a directory, odd path forms, an unlistable ref, and a blob the tree names but git cannot
 * produce, which throws (never "absent").
 */
import { rmSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { GitObjects } from '../../src/change/git-objects.js'
import { readAtRef } from '../../src/change/git.js'
import { TempRepo } from '../helpers/git-repo.js'

let repo: TempRepo
beforeEach(() => {
  repo = new TempRepo()
})
afterEach(() => repo.remove())

const settle = (p: Promise<string | undefined>) =>
  p.then(
    (v) => ({ ok: true as const, v }),
    (e: Error) => ({ ok: false as const, e: e.message }),
  )

describe('GitObjects.read agrees with readAtRef', () => {
  it('on every kind of path, at a commit and at a tree id, asked all at once', async () => {
    const big = 'x'.repeat(300_000) + '\n' + 'y'.repeat(300_000)
    repo.commit('one', {
      'db/migrations/V1__a.sql': 'CREATE TABLE a (id int);\n',
      'db/migrations/V2__b.sql': 'ALTER TABLE a ADD COLUMN é text; -- ünïcode\n',
      'empty.txt': '',
      'big.sql': big,
      'bin.dat': Buffer.from([0, 1, 2, 255, 254, 10, 0xc3, 0x28]),
      'dir with space/f.sql': 'SELECT 1;\n',
    })
    symlinkSync('db/migrations/V1__a.sql', join(repo.dir, 'link.sql'))
    repo.commit('link')
    const head = repo.git('rev-parse', 'HEAD').trim()
    const tree = repo.git('rev-parse', 'HEAD^{tree}').trim()
    const paths = [
      'link.sql',
      'db/migrations/V1__a.sql',
      'db/migrations/V2__b.sql',
      'empty.txt',
      'big.sql',
      'bin.dat',
      'dir with space/f.sql',
      'missing.sql',
      'db/migrations/V9__none.sql',
      'db/migrations',
      'db',
      './db/migrations/V1__a.sql',
      'db//migrations/V1__a.sql',
      'db/migrations/',
    ]
    for (const ref of [head, tree]) {
      const objects = new GitObjects(repo.dir)
      const batched = await Promise.all(paths.map((p) => settle(objects.read(ref, p))))
      const oneByOne = []
      for (const p of paths) oneByOne.push(await settle(readAtRef(repo.dir, ref, p)))
      expect(batched).toEqual(oneByOne)
    }
    const objects = new GitObjects(repo.dir)
    expect(await objects.read(head, 'big.sql')).toBe(big)
    expect(await objects.read(head, 'missing.sql')).toBeUndefined()
    expect(await objects.read(head, 'db/migrations/V2__b.sql')).toContain('ünïcode')
  })

  it('a ref that cannot be listed is read file by file (the same answer as git show)', async () => {
    repo.commit('one', { 'a.sql': 'SELECT 1;\n' })
    const objects = new GitObjects(repo.dir)
    const bad = 'f'.repeat(40)
    expect(await settle(objects.read(bad, 'a.sql'))).toEqual(await settle(readAtRef(repo.dir, bad, 'a.sql')))
  })

  it('a blob the tree names but the object store lacks throws, never reads as absent', async () => {
    repo.commit('one', { 'db/V1__a.sql': 'CREATE TABLE a (id int);\n', 'db/V2__b.sql': 'SELECT 2;\n' })
    const head = repo.git('rev-parse', 'HEAD').trim()
    const blob = repo.git('rev-parse', 'HEAD:db/V1__a.sql').trim()
    rmSync(join(repo.dir, '.git', 'objects', blob.slice(0, 2), blob.slice(2)))
    const objects = new GitObjects(repo.dir)
    const [gone, other] = await Promise.all([settle(objects.read(head, 'db/V1__a.sql')), settle(objects.read(head, 'db/V2__b.sql'))])
    expect(gone.ok).toBe(false)
    expect(gone.ok ? '' : gone.e).toMatch(/^cannot read db\/V1__a\.sql at [0-9a-f]{12}: .*missing/)
    // The batch goes on answering after a missing object.
    expect(other).toEqual({ ok: true, v: 'SELECT 2;\n' })
  })
})
