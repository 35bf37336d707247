import { locateAsset, withGlobalDirname } from '../src/runtime-assets.js'

const read = () => (globalThis as Record<string, unknown>).__dirname

describe('withGlobalDirname', () => {
  it('serialises loads so concurrent ones never see each other’s __dirname, and restores it', async () => {
    const seen: unknown[] = []
    const slow = (dir: string) =>
      withGlobalDirname(dir, async () => {
        seen.push(read())
        await new Promise((r) => setTimeout(r, 20))
        seen.push(read())
        return dir
      })
    await expect(Promise.all([slow('/a'), slow('/b')])).resolves.toEqual(['/a', '/b'])
    expect(seen).toEqual(['/a', '/a', '/b', '/b'])
    expect(Object.prototype.hasOwnProperty.call(globalThis, '__dirname')).toBe(false)
  })

  it('a failing load does not block the next one', async () => {
    await expect(
      withGlobalDirname('/x', async () => {
        throw new Error('no wasm')
      }),
    ).rejects.toThrow('no wasm')
    await expect(withGlobalDirname('/y', async () => read())).resolves.toBe('/y')
  })
})

describe('locateAsset', () => {
  it('finds a package asset in node_modules when not bundled', () => {
    expect(locateAsset('pg')).toMatch(/node_modules\/libpg-query\/wasm\/libpg-query\.wasm$/)
  })
})
