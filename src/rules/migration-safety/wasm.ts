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
 *
 * Locating a wasm (`locateAsset`) first keeps wasm on V8's baseline tier (src/wasm-tier.ts): tiering the
 * parsers up costs far more than it saves in a run.
 */
import { readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ParseResult, RawStmt } from 'libpg-query'
import { besideBundle, locateAsset, withGlobalDirname } from '../../runtime-assets.js'

// ---------------------------------------------------------------------------------------------------------
// libpg-query

/**
 * A statement of a parse: its tree (typed with the AST types libpg-query ships, see ./dangers/types.ts) and
 * its byte range. libpg-query declares `parseSync` with these types, so the parser's JSON is typed where it
 * is produced, with no assertion here.
 */
export type PgStatement = RawStmt
export type PgParseResult = ParseResult
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
    return withGlobalDirname(dirname(locateAsset('pg')), async () => {
      const mod = await import('libpg-query')
      await mod.loadModule()
      return { parseSync: mod.parseSync, scanSync: mod.scanSync }
    })
  })()
  pgPromise.catch(() => {
    pgPromise = undefined
  })
  return pgPromise
}

export function toSyntaxError(e: unknown): PgSyntaxError {
  if (e && typeof e === 'object') {
    const details = 'sqlDetails' in e ? e.sqlDetails : undefined
    const position = details && typeof details === 'object' && 'cursorPosition' in details ? details.cursorPosition : undefined
    const cursor = typeof position === 'number' ? position : undefined
    // The message of what was thrown, else (no message, or a nullish one) what String() makes of the thrown value itself.
    const shown: unknown = ('message' in e ? e.message : undefined) ?? e
    return { message: String(shown), cursor }
  }
  return { message: String(e) }
}

// ---------------------------------------------------------------------------------------------------------
// web-tree-sitter

export type TsLanguageName = 'ruby' | 'python'
type TreeSitterModule = typeof import('web-tree-sitter')
export type TsParser = import('web-tree-sitter').Parser
export type TsNode = import('web-tree-sitter').Node
export type TsTree = import('web-tree-sitter').Tree

/**
 * A node's children as web-tree-sitter builds them. Its types say `Node[]`, but each entry comes from its
 * `unmarshalNode`, which returns null for a node id of 0, so callers check every entry.
 */
export function childrenOf(n: TsNode): ReadonlyArray<TsNode | null> {
  return n.children
}

/** A node's named children, each possibly null (see `childrenOf`). */
export function namedChildrenOf(n: TsNode): ReadonlyArray<TsNode | null> {
  return n.namedChildren
}

/**
 * `fn` on the tree of `source`, then the tree is freed. web-tree-sitter's trees live in the wasm heap until
 * `delete()`: a long-lived process (the App, a 100,000-case fuzz run) that never freed them ran out of wasm
 * memory, and from then on every parse aborted ("Aborted()", after ~80,000 Python migrations in one process).
 * `fn` must not keep nodes past its end (line numbers and text are copied out).
 */
export function withTree<T>(parser: TsParser, source: string, fn: (tree: TsTree | null) => T): T {
  const tree = parser.parse(source)
  try {
    return fn(tree)
  } finally {
    tree?.delete()
  }
}

/** `withTree` for an analysis that awaits (its nodes are used until the promise settles). */
export async function withTreeAsync<T>(parser: TsParser, source: string, fn: (tree: TsTree | null) => Promise<T>): Promise<T> {
  const tree = parser.parse(source)
  try {
    return await fn(tree)
  } finally {
    tree?.delete()
  }
}

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
    const wasm = readFileSync(locateAsset('treeSitter'))
    const beside = besideBundle('treeSitterJs')
    const mod = (
      beside
        ? await import(/* webpackIgnore: true */ pathToFileURL(beside).href)
        : await import(/* webpackIgnore: true */ 'web-tree-sitter')
    ) as TreeSitterModule
    await mod.Parser.init({ wasmBinary: new Uint8Array(wasm).buffer })
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
      const language = await mod.Language.load(readFileSync(locateAsset(lang)))
      const parser = new mod.Parser()
      parser.setLanguage(language)
      return parser
    })()
    p.catch(() => parsers.delete(lang))
    parsers.set(lang, p)
  }
  return p
}
