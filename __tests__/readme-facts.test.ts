/** Facts the README states that live elsewhere: Node versions, the npm package, the App's events. */
import { readFileSync } from 'node:fs'
import semver from 'semver'

const readme = readFileSync('README.md', 'utf8')
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  name: string
  engines: { node: string }
  bin: Record<string, string>
  private?: boolean
  files?: string[]
}

describe('README facts', () => {
  it('states the supported Node versions as engines does', () => {
    expect(readme).toContain(`\`${pkg.engines.node}\``)
    expect(semver.satisfies('20.19.0', pkg.engines.node)).toBe(false) // Node 20: end of life in April 2026
  })

  it('installs the package by its name, and the bin it ships', () => {
    expect(pkg.private).toBeUndefined()
    expect(readme).toContain(`npm install --save-dev ${pkg.name}`)
    expect(readme).toContain(`npx ${pkg.name} check`)
    expect(Object.keys(pkg.bin)).toEqual(['pr-gate'])
    expect(pkg.files).toEqual(expect.arrayContaining(['dist/', 'policies/', 'action.yml', 'LICENSE', 'CHANGELOG.md']))
  })

  it("lists the App's events as docs/app.md does", () => {
    const fromDocs = /^Events: (.*)\.$/m.exec(readFileSync('docs/app.md', 'utf8'))?.[1]
    const fromReadme = /^- \*\*Events:\*\* (.*)\.$/m.exec(readme)?.[1]
    const names = (s: string | undefined) => (s ?? '').split(',').map((e) => e.replace(/\*/g, '').trim())
    expect(names(fromDocs)).toContain('Check suite')
    expect(names(fromReadme)).toEqual(names(fromDocs))
  })

  it('states the time of the test suite', () => {
    expect(readme).toMatch(/the whole test suite takes about [^.]*minutes/)
  })
})
