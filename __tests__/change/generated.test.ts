import { exclusionFor, parseGitattributes } from '../../src/change/generated.js'

describe('generated / vendored / lock detection', () => {
  it.each<[string, string, string | undefined]>([
    ['package-lock.json', '', 'lockfile'],
    ['services/api/yarn.lock', '', 'lockfile'],
    ['go.sum', '', 'lockfile'],
    ['Cargo.lock', '', 'lockfile'],
    ['poetry.lock', '', 'lockfile'],
    ['Gemfile.lock', '', 'lockfile'],
    ['web/dist/app.js', '', 'generated'],
    ['vendor/github.com/x/y.go', '', 'vendored'],
    ['static/app.min.js', '', 'minified'],
    ['src/__snapshots__/a.test.ts.snap', '', 'snapshot'],
    ['src/app.ts', '', undefined],
    ['api/client.ts', 'api/client.ts linguist-generated=true', 'generated'],
    ['api/client.ts', 'api/*.ts linguist-generated', 'generated'],
    ['deep/x.pb.ts', '*.pb.ts linguist-generated', 'generated'],
    ['third/lib.c', 'third/** linguist-vendored', 'vendored'],
    ['data/big.csv', '*.csv -diff', 'no-diff'],
    ['assets/logo.bin', '*.bin binary', 'no-diff'],
    ['dist/keep.js', 'dist/keep.js linguist-generated=false', undefined],
    ['api/client.ts', 'api/client.ts linguist-generated\napi/client.ts -linguist-generated', undefined],
    ['docs/a.md', '# comment\n\n[attr]custom -diff\n', undefined],
  ])('%s with %j → %s', (path, attrs, expected) => {
    expect(exclusionFor(path, parseGitattributes(attrs))).toBe(expected)
  })
})
