/** Bench entry (bundled by run.mjs into .build/): analyse one SQL file, print the issues as JSON. */
import { readFileSync } from 'node:fs'
import { analyzeSql } from '../../src/rules/migration-safety/sql.js'
import { loadPg } from '../../src/rules/migration-safety/wasm.js'

async function main(): Promise<void> {
  const file = process.argv[2]
  const pg = await loadPg()
  const r = analyzeSql(pg, readFileSync(file, 'utf8'), { pgVersion: 14, assumeInTransaction: false, requireLockTimeout: false })
  process.stdout.write(JSON.stringify({ statements: r.count, issues: r.issues.map((i) => ({ id: i.id, line: i.line })) }))
}
void main()
