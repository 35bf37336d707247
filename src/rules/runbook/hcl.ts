/**
 * HCL (Terraform) parsing through `@cdktn/hcl2json` (HashiCorp's HCL parser compiled to wasm; the
 * maintained fork of `@cdktf/hcl2json`). Loaded lazily, on the first Terraform file of a run, and only after
 * checking that its wasm is present: the package reads the wasm at import time and an unreadable file
 * would surface as an unhandled rejection. When the parser is unavailable the caller falls back to path
 * rules (a `.tf` file is still a Terraform change, only without the list of resources).
 */
import { dirname, join } from 'node:path'
import { locateAsset, withGlobalDirname } from '../../runtime-assets.js'

type ParseFn = (filename: string, contents: string) => Promise<Record<string, unknown>>

let loading: Promise<ParseFn | string> | undefined

/**
 * The package reads its wasm at `join(__dirname, '..', 'main.wasm.gz')` when it is imported: the wasm is
 * located first (beside the bundle or in node_modules) and `__dirname` is provided to match it.
 */
async function load(): Promise<ParseFn | string> {
  try {
    const wasm = locateAsset('hcl')
    return await withGlobalDirname(join(dirname(wasm), 'build'), async () => {
      const mod = (await import('@cdktn/hcl2json')) as { parse?: ParseFn; default?: { parse?: ParseFn } }
      return mod.parse ?? mod.default?.parse ?? 'HCL parser has no parse()'
    })
  } catch (e) {
    return `HCL parser unavailable: ${e instanceof Error ? e.message : String(e)}`
  }
}

/** A Terraform file's block addresses (`resource.aws_db_instance.main` → `aws_db_instance.main`). */
export interface TerraformBlocks {
  addresses: string[]
  /** The parsed file (hcl2json's JSON: comments and formatting gone), for semantic comparison. */
  json: Record<string, unknown>
}

const TIMEOUT_MS = 10_000

/** Parses one file; a string answer is why it could not be parsed. */
export async function parseTerraform(path: string, text: string): Promise<TerraformBlocks | string> {
  loading ??= load()
  const parse = await loading
  if (typeof parse === 'string') return parse
  let timer: NodeJS.Timeout | undefined
  try {
    const json = await Promise.race([
      parse(path.slice(path.lastIndexOf('/') + 1), text),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          reject(new Error(`HCL parse took over ${TIMEOUT_MS} ms`))
        }, TIMEOUT_MS)
        timer.unref()
      }),
    ])
    return { addresses: terraformAddresses(json), json }
  } catch (e) {
    return `could not parse HCL: ${(e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 200)}`
  } finally {
    if (timer) clearTimeout(timer)
  }
}

/** Addresses of the blocks in hcl2json output: resource/data `type.name`, `module.x`, `variable.x`, `output.x`. */
export function terraformAddresses(json: Record<string, unknown>): string[] {
  const out: string[] = []
  const obj = (v: unknown): Record<string, unknown> =>
    v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {}
  for (const [type, byName] of Object.entries(obj(json.resource))) for (const name of Object.keys(obj(byName))) out.push(`${type}.${name}`)
  for (const [type, byName] of Object.entries(obj(json.data))) for (const name of Object.keys(obj(byName))) out.push(`data.${type}.${name}`)
  for (const kind of ['module', 'variable', 'output', 'provider'] as const)
    for (const name of Object.keys(obj(json[kind]))) out.push(`${kind}.${name}`)
  if (json.locals) out.push('locals')
  if (json.terraform) out.push('terraform')
  return out
}
