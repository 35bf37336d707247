import { compiledGlob, globProblem, GlobError, matchesAny } from '../../src/change/glob.js'

describe('glob semantics (as in .gitignore)', () => {
  it.each<[string, string, boolean]>([
    ['a/b/c.sarif', '*.sarif', true],
    ['c.sarif', './*.sarif', true],
    ['a/b/c.sarif', './*.sarif', false],
    ['a/b/c.sarif', '/*.sarif', false],
    ['reports/x/y.sarif', 'reports/**/*.sarif', true],
    ['src/reports/y.sarif', 'reports/**/*.sarif', false],
    ['.github/quality-gate.yml', '**/*.yml', true],
    ['services/pay/app.ts', 'services/*/app.ts', true],
  ])('%s ~ %s → %s', (path, glob, expected) => {
    expect(matchesAny(path, [glob])).toBe(expected)
  })
})

describe('compiled once, capped', () => {
  it('the same glob and options give the same compiled matcher; other options another', () => {
    const g = 'src/**/*.{ts,tsx}'
    expect(compiledGlob(g, { matchBase: false })).toBe(compiledGlob(g, { matchBase: false }))
    expect(compiledGlob(g, { matchBase: true })).not.toBe(compiledGlob(g, { matchBase: false }))
    expect(compiledGlob(g, { nobrace: true }).match('src/a/b.{ts,tsx}')).toBe(true)
  })

  it('matching many paths reuses the one matcher', () => {
    const g = 'pkg/{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}{o,p}/**' // 256 alternatives: the cap, allowed
    const m = compiledGlob(g, { matchBase: false })
    const paths = Array.from({ length: 500 }, (_, i) => `pkg/acegikmo/f${i}.ts`)
    expect(paths.every((p) => matchesAny(p, [g]))).toBe(true)
    expect(compiledGlob(g, { matchBase: false })).toBe(m)
  })

  it('a glob over the expansion cap is refused when used, never silently truncated', () => {
    const g = '{a,b}'.repeat(17)
    expect(() => matchesAny('x', [g])).toThrow(GlobError)
    expect(() => matchesAny('x', [g])).toThrow(/expands to more than 256 alternatives/)
    expect(globProblem('{a,b}'.repeat(8))).toBeUndefined()
  })

  it('a list is prepared once, and again when it was changed in place', () => {
    const list = ['docs/**', '*.md']
    expect(matchesAny('src/a.ts', list)).toBe(false)
    list[1] = '*.ts'
    expect(matchesAny('src/a.ts', list)).toBe(true)
    list.push('./root-only.txt')
    expect(matchesAny('root-only.txt', list)).toBe(true)
    expect(matchesAny('sub/root-only.txt', list)).toBe(false)
  })

  it('an invalid glob in a list is refused when reached, not before', () => {
    const list = ['*.ts', '{a,b}'.repeat(17)]
    expect(matchesAny('a.ts', list)).toBe(true)
    expect(() => matchesAny('a.py', list)).toThrow(GlobError)
  })
})
