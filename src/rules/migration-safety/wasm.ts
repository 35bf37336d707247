/**
 * Lazy loaders for the two wasm parsers the rule needs: libpg-query (the PostgreSQL 18 parser) and
 * web-tree-sitter with the Ruby and Python grammars. Nothing here runs at import time: the parsers are
 * loaded on first use, i.e. only when the PR changes a migration of that kind.
 *
 * Where the wasm files are found, first match wins:
 *   1. beside the running bundle (`dist/libpg-query.wasm`, `dist/web-tree-sitter.wasm`,
 *      `dist/tree-sitter-ruby.wasm`, `dist/tree-sitter-python.wasm`): ncc does not copy them, the build
 *      does;
 *   2. in `node_modules` (jest, ts sources, the CLI run from a checkout), found by walking up from this
 *      module and from the working directory.
 *
 * libpg-query's emscripten glue reads the free variable `__dirname` once, synchronously, when its module
 * is evaluated (`scriptDirectory = __dirname + "/"`), and then loads `scriptDirectory + "libpg-query.wasm"`.
 * Unbundled it is a CommonJS module with its own `__dirname`. In ncc's ESM bundle there is no `__dirname`,
 * so the loader defines `globalThis.__dirname` as the directory holding the wasm just for the import and
 * restores it afterwards.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/** Every wasm file the rule loads, and where npm puts it. The build copies these names into dist/. */
export const WASM_ASSETS = {
  pg: { file: 'libpg-query.wasm', pkgDir: 'libpg-query/wasm' },
  treeSitter: { file: 'web-tree-sitter.wasm', pkgDir: 'web-tree-sitter' },
  treeSitterJs: { file: 'web-tree-sitter.js', pkgDir: 'web-tree-sitter' },
  ruby: { file: 'tree-sitter-ruby.wasm', pkgDir: '@repomix/tree-sitter-wasms/out' },
  python: { file: 'tree-sitter-python.wasm', pkgDir: '@repomix/tree-sitter-wasms/out' },
} as const
export type WasmAsset = keyof typeof WASM_ASSETS

function moduleDir(): string | undefined {
  try {
    return dirname(fileURLToPath(import.meta.url))
  } catch {
    return undefined
  }
}

function bundleDirs(): string[] {
  const dirs: string[] = []
  const here = moduleDir()
  if (here) dirs.push(here)
  // The entry script (node dist/index.js): its directory, when this module's URL was rewritten by a bundler.
  const entry = process.argv[1]
  if (entry) dirs.push(dirname(resolve(entry)))
  return dirs
}

function walkUp(start: string, sub: string, file: string): string | undefined {
  let dir = start
  for (;;) {
    const candidate = join(dir, 'node_modules', sub, file)
    if (existsSync(candidate)) return candidate
    const parent = dirname(dir)
    if (parent === dir) return undefined
    dir = parent
  }
}

/** Absolute path of a wasm asset, or an Error naming every place looked at. */
export function locateWasm(asset: WasmAsset): string {
  const { file, pkgDir } = WASM_ASSETS[asset]
  const looked: string[] = []
  for (const d of bundleDirs()) {
    const p = join(d, file)
    looked.push(p)
    if (existsSync(p)) return p
  }
  for (const start of [moduleDir(), process.cwd()]) {
    if (!start) continue
    const p = walkUp(start, pkgDir, file)
    if (p) return p
    looked.push(`node_modules/${pkgDir}/${file} above ${start}`)
  }
  throw new Error(`${file} not found (looked in ${looked.join(', ')}); the build must copy it beside the bundle`)
}

// ---------------------------------------------------------------------------------------------------------
// libpg-query

export interface PgStatement {
  stmt: Record<string, unknown>
  stmt_location?: number
  stmt_len?: number
}
export interface PgParseResult {
  version: number
  stmts?: PgStatement[]
}
export interface PgScanToken {
  start: number
  end: number
  text: string
  tokenName: string
}
export interface PgApi {
  parseSync(sql: string): PgParseResult
  scanSync(sql: string): { tokens: PgScanToken[] }
}
/** Error thrown by the parser: message and 0-based byte offset of the cursor when known. */
export interface PgSyntaxError {
  message: string
  cursor?: number
}

let pgPromise: Promise<PgApi> | undefined

export function loadPg(): Promise<PgApi> {
  pgPromise ??= (async () => {
    const wasmPath = locateWasm('pg')
    const g = globalThis as Record<string, unknown>
    const had = Object.prototype.hasOwnProperty.call(g, '__dirname')
    const previous = g.__dirname
    g.__dirname = dirname(wasmPath)
    try {
      const mod = (await import('libpg-query')) as unknown as PgApi & { loadModule(): Promise<void> }
      await mod.loadModule()
      return { parseSync: mod.parseSync, scanSync: mod.scanSync }
    } finally {
      if (had) g.__dirname = previous
      else delete g.__dirname
    }
  })()
  pgPromise.catch(() => {
    pgPromise = undefined
  })
  return pgPromise
}

export function toSyntaxError(e: unknown): PgSyntaxError {
  if (e && typeof e === 'object') {
    const o = e as { message?: unknown; sqlDetails?: { cursorPosition?: unknown } }
    const cursor = typeof o.sqlDetails?.cursorPosition === 'number' ? o.sqlDetails.cursorPosition : undefined
    return { message: String(o.message ?? e), cursor }
  }
  return { message: String(e) }
}

// ---------------------------------------------------------------------------------------------------------
// web-tree-sitter

export type TsLanguageName = 'ruby' | 'python'
type TreeSitterModule = typeof import('web-tree-sitter')
export type TsParser = import('web-tree-sitter').Parser
export type TsNode = import('web-tree-sitter').Node

let tsPromise: Promise<TreeSitterModule> | undefined
const parsers = new Map<TsLanguageName, Promise<TsParser>>()

/**
 * web-tree-sitter is NOT bundled: webpack turns its `await import("module")` into a namespace object
 * without `createRequire` (ncc 0.45), so the bundled copy throws at init. The build copies
 * `web-tree-sitter.js` (self-contained ESM) beside the bundle and it is imported from there, by URL;
 * unbundled (jest, tsc output) the package is imported by name. Both imports are hidden from webpack.
 */
function loadTreeSitter(): Promise<TreeSitterModule> {
  tsPromise ??= (async () => {
    const wasm = readFileSync(locateWasm('treeSitter'))
    const beside = bundleDirs().map((d) => join(d, WASM_ASSETS.treeSitterJs.file)).find((p) => existsSync(p))
    const mod = (
      beside
        ? await import(/* webpackIgnore: true */ pathToFileURL(beside).href)
        : await import(/* webpackIgnore: true */ 'web-tree-sitter')
    ) as TreeSitterModule
    await mod.Parser.init({ wasmBinary: wasm } as never)
    return mod
  })()
  tsPromise.catch(() => {
    tsPromise = undefined
  })
  return tsPromise
}

/** A parser for the language; the grammar wasm is loaded once. */
export function loadParser(lang: TsLanguageName): Promise<TsParser> {
  let p = parsers.get(lang)
  if (!p) {
    p = (async () => {
      const mod = await loadTreeSitter()
      const language = await mod.Language.load(readFileSync(locateWasm(lang)))
      const parser = new mod.Parser()
      parser.setLanguage(language)
      return parser
    })()
    p.catch(() => parsers.delete(lang))
    parsers.set(lang, p)
  }
  return p
}
