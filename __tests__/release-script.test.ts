/**
 * scripts/release.mjs against a local bare repository: it builds, refuses a dist/ that differs from a
 * fresh build, tags vX.Y.Z and moves the major tag (v1) on the remote. The project released here is a
 * small one whose build writes dist/index.js from src/index.js, so the script's own logic is what runs.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { load } from 'js-yaml'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'

const SCRIPT = resolve('scripts/release.mjs')
const BUILD =
  "node -e \"const fs=require('fs');fs.mkdirSync('dist',{recursive:true});fs.writeFileSync('dist/index.js','// built\\n'+fs.readFileSync('src/index.js','utf8'))\""

let root: string
let bare: string
let work: string
const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim()
const write = (files: Record<string, string>) => {
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(dirname(join(work, p)), { recursive: true })
    writeFileSync(join(work, p), c)
  }
}
const commit = (msg: string) => {
  git(work, 'add', '-A')
  git(work, 'commit', '-q', '-m', msg)
  git(work, 'push', '-q', 'origin', 'HEAD:main')
  return git(work, 'rev-parse', 'HEAD')
}
const release = (...args: string[]) => spawnSync(process.execPath, [SCRIPT, '--build', BUILD, ...args], { cwd: work, encoding: 'utf8' })
/** The commit a tag of the bare repository points to (undefined when absent). */
const remoteTag = (tag: string): string | undefined => {
  const r = spawnSync('git', ['rev-parse', '--verify', '--quiet', `refs/tags/${tag}^{commit}`], { cwd: bare, encoding: 'utf8' })
  return r.status === 0 ? r.stdout.trim() : undefined
}
const project = (version: string, source: string) => ({
  'package.json': JSON.stringify({ name: 'demo-action', version }, null, 2) + '\n',
  'src/index.js': source,
  'dist/index.js': '// built\n' + source,
})

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'pr-gate-release-'))
  bare = join(root, 'remote.git')
  work = join(root, 'work')
  git(root, 'init', '-q', '--bare', '-b', 'main', bare)
  execFileSync('git', ['clone', '-q', bare, work], { cwd: root, stdio: 'ignore' }) // an empty repository: git warns
  for (const [k, v] of [
    ['user.email', 'rel@example.com'],
    ['user.name', 'Rel'],
    ['commit.gpgsign', 'false'],
    ['tag.gpgsign', 'false'],
  ])
    git(work, 'config', k, v)
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

describe('scripts/release.mjs', () => {
  it('tags vX.Y.Z and moves v1 on the remote, release after release', () => {
    write(project('1.2.0', 'export const a = 1\n'))
    const first = commit('1.2.0')
    const r1 = release('--push')
    expect(r1.stderr).toBe('')
    expect(r1.status).toBe(0)
    expect(r1.stdout).toContain('dist/ equals a fresh build')
    expect(remoteTag('v1.2.0')).toBe(first)
    expect(remoteTag('v1')).toBe(first)
    expect(git(bare, 'cat-file', '-t', 'refs/tags/v1.2.0')).toBe('tag') // annotated

    write(project('1.3.0', 'export const a = 2\n'))
    const second = commit('1.3.0')
    expect(release('--push').status).toBe(0)
    expect(remoteTag('v1.3.0')).toBe(second)
    expect(remoteTag('v1')).toBe(second)
    expect(remoteTag('v1.2.0')).toBe(first)

    // A new major leaves v1 where it was.
    write(project('2.0.0', 'export const a = 3\n'))
    const third = commit('2.0.0')
    expect(release('--push').status).toBe(0)
    expect(remoteTag('v2')).toBe(third)
    expect(remoteTag('v1')).toBe(second)
  })

  it('refuses a dist/ that differs from a fresh build, and tags nothing', () => {
    write({ ...project('1.2.0', 'export const a = 1\n'), 'dist/index.js': '// built\nexport const a = 0 // stale\n' })
    commit('stale dist')
    const r = release('--push')
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/dist\/ or a generated file differs from a fresh build/)
    expect(remoteTag('v1.2.0')).toBeUndefined()
    expect(remoteTag('v1')).toBeUndefined()
    expect(git(work, 'tag')).toBe('')
    expect(git(work, 'status', '--porcelain')).toBe('') // the rebuilt files are put back
  })

  it('refuses an existing version on another commit, a dirty work tree and a version that is not X.Y.Z', () => {
    write(project('1.2.0', 'export const a = 1\n'))
    commit('1.2.0')
    expect(release('--push').status).toBe(0)
    write({ 'src/index.js': 'export const a = 2\n', 'dist/index.js': '// built\nexport const a = 2\n' })
    commit('same version')
    const again = release('--push')
    expect(again.status).toBe(1)
    expect(again.stderr).toMatch(/v1\.2\.0 already exists/)

    write({ 'notes.txt': 'wip\n' })
    const dirty = release()
    expect(dirty.status).toBe(1)
    expect(dirty.stderr).toMatch(/work tree is not clean/)
    rmSync(join(work, 'notes.txt'))

    write(project('1.3', 'export const a = 2\n'))
    commit('bad version')
    const bad = release()
    expect(bad.status).toBe(1)
    expect(bad.stderr).toMatch(/version "1\.3" is not X\.Y\.Z/)
  })

  it('the project itself: the release workflow calls this script, after the tests, on Node 24', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }
    expect(pkg.scripts.release).toBe('node scripts/release.mjs')
    const wf = load(readFileSync('.github/workflows/release.yml', 'utf8')) as {
      jobs: Record<string, { steps: Array<{ run?: string; uses?: string; with?: Record<string, unknown> }> }>
    }
    const steps = Object.values(wf.jobs).flatMap((j) => j.steps)
    const runs = steps.map((st) => st.run ?? '')
    const rel = runs.findIndex((r) => /npm run release -- --push|node scripts\/release\.mjs --push/.test(r))
    expect(rel).toBeGreaterThan(-1)
    expect(runs.findIndex((r) => /npm test/.test(r))).toBeLessThan(rel)
    expect(steps.find((st) => st.uses?.startsWith('actions/setup-node'))?.with?.['node-version']).toBe(24)
  })

  it('the npm package holds the bundle, its wasm, the presets and the schema, and no sources or tests', () => {
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' })
    expect(r.status).toBe(0)
    const files = (JSON.parse(r.stdout) as Array<{ files: Array<{ path: string }> }>)[0].files.map((f) => f.path)
    expect(files).toEqual(
      expect.arrayContaining([
        'dist/index.js',
        'dist/cli.js',
        'dist/libpg-query.wasm',
        'policies/default.yml',
        'policies/schema.json',
        'action.yml',
        'LICENSE',
        'CHANGELOG.md',
        'README.md',
        'package.json',
      ]),
    )
    expect(files.filter((f) => /^(src|__tests__|bench|scripts|node_modules)\//.test(f))).toEqual([])
  })
})
