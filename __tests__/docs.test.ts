import { existsSync, readFileSync } from 'node:fs'
import { RULES } from '../src/rules/index.js'
import { loadPolicy } from '../src/policy/load.js'

describe('docs stay true to the code', () => {
  it.each(RULES.map((r) => r.id))('docs/rules/%s.md exists and names every option', (id) => {
    const path = `docs/rules/${id}.md`
    expect(existsSync(path)).toBe(true)
    const text = readFileSync(path, 'utf8')
    const rule = RULES.find((r) => r.id === id)!
    for (const key of Object.keys((rule.options as unknown as { properties: object }).properties)) expect(text).toContain(key)
  })

  it('action.yml declares node24 and every input the code reads', () => {
    const action = readFileSync('action.yml', 'utf8')
    expect(action).toMatch(/using: 'node24'/)
    const inputs = readFileSync('src/action/inputs.ts', 'utf8')
      .match(/getInput\('([a-z-]+)'\)/g)!
      .map((m) => m.slice(10, -2))
    for (const name of inputs) expect(action).toContain(`  ${name}:`)
  })

  it('the README links every rule page', () => {
    const readme = readFileSync('README.md', 'utf8')
    for (const r of RULES) expect(readme).toContain(`docs/rules/${r.id}.md`)
  })
})

describe('policy examples in the docs are valid policies', () => {
  const blocks = (file: string) =>
    [...readFileSync(file, 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)]
      .map((m) => m[1])
      .filter((b) => /^(extends|rules):/m.test(b) && !/^on:/m.test(b))
  const cases = ['README.md', 'docs/policy.md', ...RULES.map((r) => `docs/rules/${r.id}.md`)].flatMap((f) =>
    existsSync(f) ? blocks(f).map((b, i) => [`${f} #${i + 1}`, b] as const) : [],
  )
  it('finds examples to check', () => {
    expect(cases.length).toBeGreaterThan(0)
  })
  it.each(cases)('%s', async (_name, text) => {
    // A `github:` extends (org policy) stands for a file in another repository: an empty policy here.
    await expect(loadPolicy(text, 'example.yml', async () => undefined, { remote: async () => 'rules: {}\n' })).resolves.toBeDefined()
  })
})
