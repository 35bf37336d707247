/**
 * The wasm parsers stay on V8's baseline compiler (src/wasm-tier.ts). Through the real bundle, a change
 * with a SQL migration, a Rails migration and a Terraform file is checked under
 * `--trace-wasm-compilation-times`: V8 reports Liftoff compiles (wasm ran) and no TurboFan compile. The same
 * SQL parsed by libpg-query loaded straight from node_modules, without the flag, does get a TurboFan
 * compile, so the bundle assertion can fail.
 */
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { TempRepo } from './helpers/git-repo.js'
import { WASM_TIER_FLAG, wasmTierFlagSupported } from '../src/wasm-tier.js'

const SQL =
  Array.from({ length: 200 }, (_, i) => `CREATE INDEX idx_${i} ON t_${i} (c);\nALTER TABLE t_${i} ADD COLUMN c_${i} integer;`).join('\n') +
  '\n'
const RAILS = `class AddEmailIndex < ActiveRecord::Migration[7.1]
  def change
    add_index :users, :email
    remove_column :users, :legacy, :string
  end
end
`
const TF = 'resource "aws_db_instance" "main" {\n  engine = "postgres"\n  instance_class = "db.t3.micro"\n}\n'

describe('wasm tier flag', () => {
  it('is applied on the V8 majors it was verified on, and only there', () => {
    expect(wasmTierFlagSupported('11.3.244.8-node.38')).toBe(true) // Node 20
    expect(wasmTierFlagSupported('13.6.233.10-node.27')).toBe(true) // Node 24
    expect(wasmTierFlagSupported('14.6.202.34-node.34')).toBe(true) // Node 26
    expect(wasmTierFlagSupported('10.2.154.26-node.26')).toBe(false)
    expect(wasmTierFlagSupported('15.0.1')).toBe(false)
    expect(wasmTierFlagSupported('')).toBe(false)
  })

  it('is a flag the running node knows', () => {
    const options = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout
    expect(wasmTierFlagSupported()).toBe(true)
    expect(options).toContain(`  ${WASM_TIER_FLAG.split('=')[0]} `)
  })

  it('without it, parsing this SQL tiers the parser up to TurboFan (the control)', () => {
    const pkg = resolve('node_modules/libpg-query/wasm/index.cjs')
    const script = `const pg = require(${JSON.stringify(pkg)}); pg.loadModule().then(() => pg.parseSync(${JSON.stringify(SQL)}))`
    const r = spawnSync(process.execPath, ['--trace-wasm-compilation-times', '-e', script], { encoding: 'utf8' })
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/using TurboFan/)
  })

  it('the bundle parses SQL, Ruby and Terraform on Liftoff only', () => {
    const repo = new TempRepo()
    try {
      repo.commit('initial', { 'README.md': '# app\n' })
      repo.git('checkout', '-q', '-b', 'feature')
      repo.commit('migrations and infra', {
        'db/migration/V2__indexes.sql': SQL,
        'db/migrate/20240101000000_add_email_index.rb': RAILS,
        'infra/main.tf': TF,
      })
      const r = spawnSync(process.execPath, ['--trace-wasm-compilation-times', resolve('dist/index.js'), 'check'], {
        cwd: repo.dir,
        encoding: 'utf8',
        env: { ...process.env, GITHUB_ACTIONS: '' },
      })
      expect(r.stderr).toBe('')
      // each parser ran: findings from the SQL file and the Rails file, and the Terraform file's resource
      expect(r.stdout).toContain('create-index-non-concurrent')
      expect(r.stdout).toContain('20240101000000_add_email_index.rb')
      expect(r.stdout).toContain('adds aws_db_instance.main')
      expect(r.stdout).toMatch(/using Liftoff/)
      expect(r.stdout).not.toMatch(/using TurboFan/)
    } finally {
      repo.remove()
    }
  })
})
