/**
 * `npm ci` warns EBADENGINE when a Node version allowed by package.json's `engines` is refused by an
 * installed package. Every package of the lock file (dev ones too: `npm ci` installs them) must accept
 * every Node version that `engines.node` allows, so a supported Node installs without engine warnings.
 */
import { readFileSync } from 'node:fs'
import semver from 'semver'

interface Lock {
  packages: Record<string, { engines?: { node?: string } | string[]; optional?: boolean; hasInstallScript?: boolean }>
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string }; allowScripts?: Record<string, boolean> }
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as Lock

describe('supported Node versions', () => {
  it('engines.node is a valid range that includes the Node of the Action (node24, action.yml)', () => {
    expect(semver.validRange(pkg.engines.node)).not.toBeNull()
    expect(readFileSync('action.yml', 'utf8')).toMatch(/using: 'node24'/)
    expect(semver.satisfies('24.0.0', pkg.engines.node)).toBe(true)
  })

  it('every locked package accepts every Node that engines.node allows', () => {
    const refused = Object.entries(lock.packages)
      .filter(([path]) => path !== '')
      .flatMap(([path, p]) => {
        const node = p.engines && !Array.isArray(p.engines) ? p.engines.node : undefined
        return node && !semver.subset(pkg.engines.node, node) ? [`${path.replace(/^.*node_modules\//, '')} needs node ${node}`] : []
      })
    expect(refused).toEqual([])
  })

  it('every locked package with an install script is decided in allowScripts (npm 11 warns about undecided ones)', () => {
    const undecided = Object.entries(lock.packages)
      .filter(([, p]) => p.hasInstallScript)
      .map(([path]) => path.replace(/^.*node_modules\//, ''))
      .filter((name) => name !== '' && typeof pkg.allowScripts?.[name] !== 'boolean')
    expect(undecided).toEqual([])
  })
})
