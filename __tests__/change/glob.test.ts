import { matchesAny } from '../../src/change/glob.js'

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
