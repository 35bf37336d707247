import { prSize, sizeLabel } from '../../src/rules/pr-size.js'
import { markExclusions } from '../../src/change/generated.js'
import { ruleOptions, type PartialOptions } from '../../src/policy/resolved.js'
import type { FakeFile } from '../helpers/context.js'
import { makeContext } from '../helpers/context.js'

type Opts = Parameters<typeof prSize.evaluate>[1]
const defaults = ruleOptions(prSize)
const opts = (o: PartialOptions<Opts> = {}): Opts => ruleOptions(prSize, { level: 'fail', ...o })
const file = (path: string, additions: number, deletions = 0): FakeFile => ({ path, additions, deletions, status: 'modified' })

describe('pr-size', () => {
  it.each<[string, FakeFile[], Record<string, unknown>, string[]]>([
    ['small PR passes', [file('src/a.ts', 50, 10)], {}, []],
    ['over warn_lines warns', [file('src/a.ts', 300, 150)], {}, ['warn:too-many-lines']],
    ['over fail_lines fails', [file('src/a.ts', 900, 200)], {}, ['fail:too-many-lines']],
    ['exactly at the limit passes', [file('src/a.ts', 400)], {}, []],
    ['lock files do not count', [file('package-lock.json', 5000), file('src/a.ts', 10)], {}, []],
    ['vendored and generated do not count', [file('vendor/lib/x.go', 5000), file('dist/index.js', 9000), file('app.min.js', 4000)], {}, []],
    ['policy exclude globs do not count', [file('docs/big.md', 5000)], { exclude: ['docs/**'] }, []],
    ['too many files warns', Array.from({ length: 51 }, (_, i) => file(`src/f${i}.ts`, 1)), {}, ['warn:too-many-files']],
    ['fail_files fails', Array.from({ length: 12 }, (_, i) => file(`src/f${i}.ts`, 1)), { fail_files: 10 }, ['fail:too-many-files']],
    ['0 disables a limit', [file('src/a.ts', 100000)], { warn_lines: 0, fail_lines: 0 }, []],
  ])('%s', async (_name, files, o, expected) => {
    const ctx = makeContext({ files })
    markExclusions(ctx.changes.files, undefined)
    const out = await prSize.evaluate(ctx, opts(o))
    expect(out.findings.map((f) => `${f.level}:${f.code}`)).toEqual(expected)
  })

  it('honours .gitattributes linguist-generated and says what it excluded', async () => {
    const ctx = makeContext({ files: [file('api/gen/client.ts', 3000), file('src/a.ts', 20)] })
    markExclusions(ctx.changes.files, 'api/gen/** linguist-generated=true\n')
    const out = await prSize.evaluate(ctx, opts())
    expect(out.findings).toEqual([])
    expect(out.summary).toBe('20 changed lines in 1 file; size S; excluded 1 file (3,000 lines)')
    expect(out.tables?.find((t) => t.title === 'Not counted')?.rows).toEqual([['api/gen/client.ts', 'generated', '3,000']])
  })

  it('names the largest directories in the finding', async () => {
    const ctx = makeContext({ files: [file('services/pay/a.ts', 700), file('services/pay/b.ts', 200), file('web/x.ts', 300)] })
    const out = await prSize.evaluate(ctx, opts())
    expect(out.findings[0].message).toContain('Largest directories: services/pay/ (900), web/ (300)')
  })

  it('counts at least what it saw when GitHub truncated the list', async () => {
    const ctx = makeContext({ files: [file('a.ts', 5)], truncated: true })
    ;(ctx.changes as { totalFiles: number }).totalFiles = 3500
    const out = await prSize.evaluate(ctx, opts())
    expect(out.summary).toContain('(at least: GitHub listed 1 of 3,500 files)')
  })

  it.each([
    [0, 'XS'],
    [9, 'XS'],
    [10, 'S'],
    [99, 'M'],
    [499, 'L'],
    [999, 'XL'],
    [1000, 'XXL'],
  ])('%i lines is size %s', (lines, size) => {
    expect(sizeLabel(lines, defaults.sizes)).toBe(size)
  })

  it('asks for its size label and the removal of the others when labels: true', async () => {
    const out = await prSize.evaluate(makeContext({ files: [file('a.ts', 50)] }), opts({ labels: true }))
    expect(out.labels).toEqual({ add: ['size/M'], remove: ['size/XS', 'size/S', 'size/L', 'size/XL', 'size/XXL'] })
  })
})
