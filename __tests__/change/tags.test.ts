import { execFileSync } from 'node:child_process'
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { firstReleasesInGit, isPrerelease, releasedPathsInGit, releaseTags } from '../../src/change/tags.js'

describe('release tags', () => {
  test('pre-releases are not releases', () => {
    for (const t of ['v1.2.0-rc1', 'v2.3.0.-rc1', '1.0.0-beta.2', 'v4.7.0-beta1', 'v1.0.0-alpha', 'v3.0.0-preview'])
      expect([t, isPrerelease(t)]).toEqual([t, true])
    // a pre-release word before build metadata or another word (harbor's v2.1.0-tech-prview, held-out-11)
    for (const t of ['v0.0.1-alpha.10+oryOS.15', 'v2.1.0-tech-prview', 'v2.0.0-tp2', 'v1.4.0-rc.2-hotfix'])
      expect([t, isPrerelease(t)]).toEqual([t, true])
    for (const t of ['v1.2.0', '2.15.2', 'v26.2.0', 'v1.0', 'v1.9.4-r1', 'v2.0.1+build.7', 'v3.1.0-1'])
      expect([t, isPrerelease(t)]).toEqual([t, false])
  })
  test('name globs, pre-releases and the date bound filter the tag list, newest first', () => {
    const refs = [
      'v1.0.0\t100\tc1\tt1',
      'v1.1.0-rc1\t150\t\tc2',
      'v1.1.0\t200\tc3\tt3',
      'deployed/production\t120\t\tc4',
      'v2.0.0\t900\t\tc5',
      '1.2.0\t300\t\tc6',
    ].join('\n')
    expect(releaseTags(refs, ['v[0-9]*', '[0-9]*'], 500).map((t) => `${t.name}@${t.commit}`)).toEqual([
      '1.2.0@c6',
      'v1.1.0@c3',
      'v1.0.0@c1',
    ])
    expect(releaseTags(refs, ['deployed/*'], 500).map((t) => t.name)).toEqual(['deployed/production'])
  })
  test('a project with no final release yet ships its pre-releases (ory/kratos v0.x: every tag is -alpha.N)', () => {
    const alphas = ['v0.5.4-alpha.1	100		c1', 'v0.5.5-alpha.1	200		c2', 'v0.6.0-alpha.1	900		c3'].join('\n')
    expect(releaseTags(alphas, ['v[0-9]*'], 500).map((t) => t.name)).toEqual(['v0.5.5-alpha.1', 'v0.5.4-alpha.1'])
    // side by side: once a final release exists by the base's date, pre-releases are not releases
    expect(releaseTags(`${alphas}\nv1.0.0\t300\t\tc4`, ['v[0-9]*'], 500).map((t) => t.name)).toEqual(['v1.0.0'])
    expect(releaseTags(`${alphas}\nv1.0.0\t600\t\tc4`, ['v[0-9]*'], 500).map((t) => t.name)).toEqual(['v0.5.5-alpha.1', 'v0.5.4-alpha.1'])
  })

  describe('in a git repository', () => {
    let dir = ''
    const run = (args: string[], date: number) =>
      execFileSync('git', args, {
        cwd: dir,
        env: {
          ...process.env,
          GIT_AUTHOR_DATE: `@${date} +0000`,
          GIT_COMMITTER_DATE: `@${date} +0000`,
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@e',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@e',
        },
        encoding: 'utf8',
      }).trim()
    const commit = (file: string, date: number) => {
      writeFileSync(join(dir, file), `-- ${file}\n`)
      run(['add', '.'], date)
      run(['commit', '-q', '-m', file], date)
      return run(['rev-parse', 'HEAD'], date)
    }
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'tags-'))
      run(['init', '-q'], 1_600_000_000)
      mkdirSync(join(dir, 'm'))
      commit('m/1.up.sql', 1_600_000_000)
      run(['tag', '-a', 'v1.0.0', '-m', 'release'], 1_600_000_100)
      commit('m/2.up.sql', 1_600_000_200)
      run(['tag', 'v1.1.0-rc1'], 1_600_000_300)
    })
    afterAll(() => rmSync(dir, { recursive: true, force: true }))

    test('a path is released when a release tag made before the base holds it', async () => {
      const base = commit('m/3.up.sql', 1_600_000_400)
      const r = await releasedPathsInGit(dir, base, ['m/1.up.sql', 'm/2.up.sql', 'm/3.up.sql'], ['v*'])
      expect(r && [...r]).toEqual([['m/1.up.sql', 'v1.0.0']])
    })
    test('a tag made after the base does not count for it; no matching tag at all: no information', async () => {
      const base = run(['rev-parse', 'HEAD'], 1_600_000_500)
      run(['tag', '-a', 'v2.0.0', '-m', 'later'], 1_700_000_000)
      const r = await releasedPathsInGit(dir, base, ['m/3.up.sql'], ['v*'])
      expect(r && [...r]).toEqual([])
      const later = commit('m/4.up.sql', 1_700_000_100)
      expect([...((await releasedPathsInGit(dir, later, ['m/3.up.sql'], ['v*'])) ?? [])]).toEqual([['m/3.up.sql', 'v2.0.0']])
      expect(await releasedPathsInGit(dir, base, ['m/1.up.sql'], ['release-*'])).toBeUndefined()
      expect(await releasedPathsInGit(dir, base, ['m/1.up.sql'], [])).toBeUndefined()
    })
    test('first releases: the oldest release tag holding each path, with its date; releasedPaths names the newest', async () => {
      const head = commit('m/5.up.sql', 1_700_000_200)
      const first = await firstReleasesInGit(dir, head, ['m/1.up.sql', 'm/3.up.sql', 'm/5.up.sql'], ['v*'])
      expect(first && [...first]).toEqual([
        ['m/1.up.sql', { tag: 'v1.0.0', date: 1_600_000_100 }],
        ['m/3.up.sql', { tag: 'v2.0.0', date: 1_700_000_000 }],
      ])
      expect([...((await releasedPathsInGit(dir, head, ['m/1.up.sql'], ['v*'])) ?? [])]).toEqual([['m/1.up.sql', 'v2.0.0']])
      expect(await firstReleasesInGit(dir, head, ['m/1.up.sql'], ['release-*'])).toBeUndefined()
    })
  })
})
