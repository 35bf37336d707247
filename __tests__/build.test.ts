import { existsSync } from 'node:fs'
import { RUNTIME_ASSETS } from '../src/runtime-assets.js'

describe('the bundle carries every file it loads at run time', () => {
  it.each(Object.values(RUNTIME_ASSETS).map((a) => a.dist))('dist/%s', (file) => {
    expect(existsSync(`dist/${file}`)).toBe(true)
  })
  it('dist/package.json marks the bundle as ESM', () => {
    expect(existsSync('dist/package.json')).toBe(true)
  })
})
