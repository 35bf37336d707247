#!/usr/bin/env node
// Release: from a clean checkout of the commit to release,
//   1. build (`npm run build` unless --build CMD), and check that dist/ and the generated files equal the
//      committed ones (what the Action runs is what was reviewed);
//   2. tag vX.Y.Z (X.Y.Z = package.json's version, annotated) and move the major tag vX to the same commit
//      (`uses: pr-quality-gate/pr-quality-gate@v1` follows it), as actions/typescript-action's script does;
//   3. with --push, push both tags to the remote (the major tag forced: it moves by design).
// It refuses, and changes nothing, when the work tree is dirty, the build differs, the version is not
// X.Y.Z, or vX.Y.Z already exists (locally or on the remote) on another commit.
// Usage: node scripts/release.mjs [--push] [--remote origin] [--build "npm run build"] [--dry-run]
import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'

/** Files a build writes that are committed: they must not change when rebuilt. */
export const GENERATED = ['dist', 'policies/schema.json', 'src/policy/presets.generated.ts']

class ReleaseError extends Error {}

function git(cwd, args) {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim()
}

function tryGit(cwd, args) {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' })
  return r.status === 0 ? r.stdout.trim() : undefined
}

export function release({ cwd = process.cwd(), push = false, remote = 'origin', build = 'npm run build', dryRun = false, log = (m) => console.log(m) } = {}) {
  const pkg = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8'))
  const version = String(pkg.version ?? '')
  if (!/^\d+\.\d+\.\d+$/.test(version)) throw new ReleaseError(`package.json version ${JSON.stringify(version)} is not X.Y.Z`)
  const tag = `v${version}`
  const major = `v${version.split('.')[0]}`

  const dirty = git(cwd, ['status', '--porcelain'])
  if (dirty) throw new ReleaseError(`the work tree is not clean; commit or stash first:\n${dirty}`)
  const head = git(cwd, ['rev-parse', 'HEAD'])

  const existing = tryGit(cwd, ['rev-parse', '--verify', '--quiet', `refs/tags/${tag}^{commit}`])
  if (existing && existing !== head) throw new ReleaseError(`${tag} already exists on ${existing.slice(0, 12)}; bump the version in package.json`)
  if (push) {
    const remoteTag = tryGit(cwd, ['ls-remote', '--tags', remote, `refs/tags/${tag}`, `refs/tags/${tag}^{}`])
    const lines = (remoteTag ?? '').split('\n').filter(Boolean)
    const peeled = lines.find((l) => l.endsWith('^{}')) ?? lines[0]
    if (peeled && !peeled.startsWith(head)) throw new ReleaseError(`${tag} already exists on ${remote} on another commit; bump the version in package.json`)
  }

  log(`build: ${build}`)
  const b = spawnSync(build, { cwd, shell: true, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' })
  if (b.status !== 0) throw new ReleaseError(`the build failed (${build}):\n${(b.stderr || b.stdout).trim()}`)
  const changed = git(cwd, ['status', '--porcelain', '--untracked-files=all', '--', ...GENERATED])
  if (changed) {
    git(cwd, ['checkout', '--', '.'])
    git(cwd, ['clean', '-fdq', '--', ...GENERATED])
    throw new ReleaseError(`dist/ or a generated file differs from a fresh build: run the build and commit the result.\n${changed}`)
  }
  log(`dist/ equals a fresh build of ${head.slice(0, 12)}`)

  if (dryRun) {
    log(`dry run: would tag ${tag} and move ${major} to ${head.slice(0, 12)}`)
    return { tag, major, sha: head }
  }
  if (!existing) git(cwd, ['tag', '-a', tag, '-m', `${pkg.name ?? 'release'} ${tag}`])
  git(cwd, ['tag', '-f', '-a', major, '-m', `${pkg.name ?? 'release'} ${tag}`])
  log(`tagged ${tag}; ${major} now points to ${head.slice(0, 12)}`)
  if (push) {
    git(cwd, ['push', remote, `refs/tags/${tag}`])
    git(cwd, ['push', '--force', remote, `refs/tags/${major}`])
    log(`pushed ${tag} and ${major} to ${remote}`)
  }
  return { tag, major, sha: head }
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href
if (isMain) {
  const { values } = parseArgs({
    options: {
      push: { type: 'boolean', default: false },
      remote: { type: 'string', default: 'origin' },
      build: { type: 'string', default: 'npm run build' },
      'dry-run': { type: 'boolean', default: false },
    },
  })
  try {
    release({ push: values.push, remote: values.remote, build: values.build, dryRun: values['dry-run'] })
  } catch (e) {
    if (e instanceof ReleaseError) {
      console.error(`release: ${e.message}`)
      process.exit(1)
    }
    console.error(`release: ${e instanceof Error ? e.message : String(e)}`)
    process.exit(2)
  }
}
