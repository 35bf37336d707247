/**
 * Files the bundle loads at run time (wasm parsers and their glue), and how they are found: beside the
 * bundle (scripts/build.mjs copies them into dist/, ncc does not) or, unbundled (jest, a checkout), in
 * node_modules found by walking up from this module and from the working directory.
 *
 * Some of these packages locate their wasm through the free variable `__dirname`, which ESM bundles do
 * not have. `withGlobalDirname` provides it for the duration of one import, one import at a time, so two
 * loads in the same process (the App evaluates PRs concurrently) cannot see each other's value.
 */
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { keepWasmOnBaselineTier } from './wasm-tier.js'

/** Every run-time asset: its path inside dist/ and inside node_modules. The build copies each into dist/. */
export const RUNTIME_ASSETS = {
  pg: { dist: 'libpg-query.wasm', pkg: 'libpg-query/wasm/libpg-query.wasm' },
  treeSitter: { dist: 'web-tree-sitter.wasm', pkg: 'web-tree-sitter/web-tree-sitter.wasm' },
  treeSitterJs: { dist: 'web-tree-sitter.js', pkg: 'web-tree-sitter/web-tree-sitter.js' },
  ruby: { dist: 'tree-sitter-ruby.wasm', pkg: '@repomix/tree-sitter-wasms/out/tree-sitter-ruby.wasm' },
  python: { dist: 'tree-sitter-python.wasm', pkg: '@repomix/tree-sitter-wasms/out/tree-sitter-python.wasm' },
  hcl: { dist: 'hcl2json/main.wasm.gz', pkg: '@cdktn/hcl2json/main.wasm.gz' },
} as const
export type RuntimeAsset = keyof typeof RUNTIME_ASSETS

function moduleDir(): string | undefined {
  try {
    return dirname(fileURLToPath(import.meta.url))
  } catch {
    return undefined
  }
}

/** Directories that may hold the bundle: this module's, and the entry script's (node dist/index.js). */
function bundleDirs(): string[] {
  const dirs: string[] = []
  const here = moduleDir()
  if (here) dirs.push(here)
  if (process.argv[1]) dirs.push(dirname(resolve(process.argv[1])))
  return dirs
}

function walkUp(start: string, rel: string): string | undefined {
  let dir = start
  for (;;) {
    const candidate = join(dir, 'node_modules', rel)
    if (existsSync(candidate)) return candidate
    const parent = dirname(dir)
    if (parent === dir) return undefined
    dir = parent
  }
}

/** The copy beside the bundle, when running from the bundle. */
export function besideBundle(asset: RuntimeAsset): string | undefined {
  return bundleDirs()
    .map((d) => join(d, RUNTIME_ASSETS[asset].dist))
    .find((p) => existsSync(p))
}

/** Absolute path of an asset, or an Error naming every place looked at. */
export function locateAsset(asset: RuntimeAsset): string {
  keepWasmOnBaselineTier() // every wasm parser is located here before it is compiled (see wasm-tier.ts)
  const { dist, pkg } = RUNTIME_ASSETS[asset]
  const bundled = besideBundle(asset)
  if (bundled) return bundled
  const looked = bundleDirs().map((d) => join(d, dist))
  for (const start of [moduleDir(), process.cwd()]) {
    if (!start) continue
    const p = walkUp(start, pkg)
    if (p) return p
    looked.push(`node_modules/${pkg} above ${start}`)
  }
  throw new Error(`${dist} not found (looked in ${looked.join(', ')}); the build must copy it beside the bundle`)
}

let dirnameQueue: Promise<unknown> = Promise.resolve()

/** Runs `load` with `globalThis.__dirname` set to `dir`, restoring it after; loads are serialised. */
export function withGlobalDirname<T>(dir: string, load: () => Promise<T>): Promise<T> {
  const run = async () => {
    const g = globalThis as Record<string, unknown>
    const had = Object.prototype.hasOwnProperty.call(g, '__dirname')
    const previous = g.__dirname
    g.__dirname = dir
    try {
      return await load()
    } finally {
      if (had) g.__dirname = previous
      else delete g.__dirname
    }
  }
  const result = dirnameQueue.then(run, run)
  dirnameQueue = result.catch(() => undefined)
  return result
}
