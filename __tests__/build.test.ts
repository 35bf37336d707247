import { existsSync } from 'node:fs'
import { WASM_ASSETS } from '../src/rules/migration-safety/wasm.js'

describe('the bundle carries every file it loads at run time', () => {
  it.each(Object.values(WASM_ASSETS).map((a) => a.file))('dist/%s', (file) => {
    expect(existsSync(`dist/${file}`)).toBe(true)
  })
  it('dist/hcl2json/main.wasm.gz (Terraform parser)', () => {
    expect(existsSync('dist/hcl2json/main.wasm.gz')).toBe(true)
  })
  it('dist/package.json marks the bundle as ESM', () => {
    expect(existsSync('dist/package.json')).toBe(true)
  })
})
