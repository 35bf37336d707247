// Build: embed presets, bundle src/main.ts with ncc into dist/, copy the wasm files the bundle loads at
// run time (ncc does not), then regenerate policies/schema.json from the bundle's own schema module.
// CI rebuilds and fails when dist/ or policies/schema.json differ from the committed ones.
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generatePresets } from './gen-presets.mjs'
import { asciiOnly } from './ascii-only.mjs'
import { eagerFactories } from './eager-factories.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dist = join(root, 'dist')

writeFileSync(join(root, 'src/policy/presets.generated.ts'), generatePresets())
rmSync(dist, { recursive: true, force: true })
execFileSync(
  process.execPath,
  [
    join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'),
    'build',
    'src/main.ts',
    '-o',
    'dist',
    '--target',
    'es2022',
    '--quiet',
    '--no-source-map-register',
    // No webpack cache (ncc keeps one in ~/.cache/ncc for every checkout of the machine): a build that took some
    // modules from it numbered one module's imports in another order, so a clean clone's "fresh" build differed
    // from the committed dist/. Every build is a fresh build.
    '--no-cache',
    '--license',
    'licenses.txt',
  ],
  { cwd: root, stdio: 'inherit' },
)

// Every chunk as ASCII text (scripts/ascii-only.mjs: V8 decodes and scans a source with one character beyond
// U+00FF as two-byte, at every start).
for (const f of readdirSync(dist).filter((n) => n.endsWith('.js'))) {
  const file = join(dist, f)
  const code = readFileSync(file, 'utf8')
  // Module factories as function expressions (scripts/eager-factories.mjs: V8 compiles them with the chunk
  // instead of pre-parsing each and parsing it again on its first require).
  const out = eagerFactories(asciiOnly(code, `dist/${f}`), `dist/${f}`)
  if (out !== code) writeFileSync(file, out)
}

// Wasm assets loaded lazily at run time (see src/rules/migration-safety/): copied beside the bundle.
// The list must match RUNTIME_ASSETS in src/runtime-assets.ts (__tests__/build.test.ts checks dist/ has them).
const assets = [
  ['node_modules/libpg-query/wasm/libpg-query.wasm', 'libpg-query.wasm'],
  ['node_modules/web-tree-sitter/web-tree-sitter.wasm', 'web-tree-sitter.wasm'],
  ['node_modules/web-tree-sitter/web-tree-sitter.js', 'web-tree-sitter.js'],
  ['node_modules/@repomix/tree-sitter-wasms/out/tree-sitter-ruby.wasm', 'tree-sitter-ruby.wasm'],
  ['node_modules/@repomix/tree-sitter-wasms/out/tree-sitter-python.wasm', 'tree-sitter-python.wasm'],
  ['node_modules/@cdktn/hcl2json/main.wasm.gz', 'hcl2json/main.wasm.gz'],
]
for (const [from, to] of assets) {
  if (!existsSync(join(root, from))) throw new Error(`build: ${from} is missing (npm ci?)`)
  mkdirSync(dirname(join(dist, to)), { recursive: true })
  copyFileSync(join(root, from), join(dist, to))
}

// The CLI entry: `pr-gate` = dist/index.js with a subcommand.
const cli = join(dist, 'cli.js')
writeFileSync(cli, "#!/usr/bin/env node\nimport './index.js'\n")
chmodSync(cli, 0o755)

const schema = execFileSync(process.execPath, [join(dist, 'index.js'), 'schema'], { cwd: root, encoding: 'utf8' })
writeFileSync(join(root, 'policies/schema.json'), schema)
mkdirSync(dist, { recursive: true })
console.log('dist/:', readdirSync(dist).join(' '))
