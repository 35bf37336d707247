import fc from 'fast-check'
import { Minimatch } from 'minimatch'
import { BUILTIN_EXCLUSIONS } from '../../src/change/generated.js'
import { compiledGlob, GLOB_OPTIONS, GlobError, matchesAny, quickMatch, requiredLiterals } from '../../src/change/glob.js'
import { fillDefaults } from '../../src/policy/resolved.js'

/** Every string in the default policy's rule options that is used as a glob, and the built-in exclusions. */
function defaultGlobs(): string[] {
  const out = new Set<string>(BUILTIN_EXCLUSIONS.map((b) => b.glob))
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      if (/[*/.]/.test(v) && !/\s/.test(v)) out.add(v)
    } else if (Array.isArray(v)) v.forEach(walk)
    else if (typeof v === 'object' && v !== null) Object.values(v).forEach(walk)
  }
  walk(fillDefaults({}).rules)
  return [...out]
}

/** Path parts made from the globs' own words, so that the generated paths often do match. */
function wordsOf(globs: readonly string[]): string[] {
  const words = new Set<string>(['src', 'a', 'x.ts', '.github', 'docs', 'main.tf', 'Dockerfile'])
  for (const g of globs) for (const w of g.split(/[^A-Za-z0-9._-]+/)) if (w) words.add(w)
  return [...words]
}

const matcherOf = (raw: string): Minimatch => {
  const anchored = raw.startsWith('./') || raw.startsWith('/')
  const g = anchored ? raw.replace(/^\.?\//, '') : raw
  return compiledGlob(g, { matchBase: !anchored && !g.includes('/') })
}

describe('the literal pre-check never changes what a glob matches', () => {
  const globs = defaultGlobs()
  const words = wordsOf(globs)
  const part = fc.oneof(fc.constantFrom(...words), fc.stringMatching(/^[a-z._-]{1,8}$/))
  const path = fc.array(part, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('/'))

  it('covers the default policy: more than 50 globs', () => {
    expect(globs.length).toBeGreaterThan(50)
  })

  it('on the default policy globs: quickMatch = minimatch for generated paths', () => {
    const matchers = globs.map((g) => [g, matcherOf(g)] as const)
    let matched = 0
    fc.assert(
      fc.property(path, (p) => {
        for (const [g, m] of matchers) {
          const want = m.match(p)
          if (want) matched++
          if (quickMatch(m, p) !== want) throw new Error(`${g} on ${p}: quick ${String(!want)}, minimatch ${String(want)}`)
        }
      }),
      { numRuns: 2000 },
    )
    expect(matched).toBeGreaterThan(100) // the paths do reach the matching side, not only rejections
  })

  it('on generated globs (wildcards, classes, braces, extglobs, escapes, negation)', () => {
    const token = fc.oneof(
      fc.constantFrom(
        '*',
        '**',
        '?',
        '[ab]',
        '{a,b}',
        '{x,y.z}',
        '+(a|b)',
        '?(c)',
        '!(d)',
        '*(a|b)',
        '@(x|y)',
        '@(dev|test)',
        '@(a|)',
        '?(docker-)',
        '[-_.]',
        '[!a]',
        '[]a]',
        '[^x]',
        '[(]',
        '@(a|[b])',
        '?(@(x|y))',
        '*(@(ab|cd))',
        '(',
        ')',
        '|',
        ']',
        '\\*',
        '.',
        '/',
        '/./',
        '/../',
        '-',
      ),
      fc.constantFrom(...words.slice(0, 40)),
      fc.stringMatching(/^[a-z.]{1,4}$/),
    )
    const glob = fc.tuple(fc.boolean(), fc.array(token, { minLength: 1, maxLength: 7 })).map(([neg, t]) => (neg ? '!' : '') + t.join(''))
    fc.assert(
      fc.property(glob, fc.array(path, { minLength: 1, maxLength: 10 }), fc.boolean(), (g, paths, base) => {
        const m = new Minimatch(g, { ...GLOB_OPTIONS, matchBase: base })
        for (const p of paths) if (quickMatch(m, p) !== m.match(p)) throw new Error(`${g} (matchBase ${String(base)}) on ${p}`)
        const asListed = matcherOf(g) // as matchesAny anchors and compiles it
        for (const p of paths) if (matchesAny(p, [g]) !== asListed.match(p)) throw new Error(`[${g}] on ${p}`)
      }),
      { numRuns: 3000 },
    )
  })

  it('matchesAny on lists of default globs (one scan for all literals) = some glob matches', () => {
    const list = fc.uniqueArray(fc.constantFrom(...globs), { minLength: 1, maxLength: 20 })
    let hits = 0
    fc.assert(
      fc.property(list, fc.array(path, { minLength: 1, maxLength: 10 }), (l, paths) => {
        for (const p of paths) {
          const want = l.some((g) => matcherOf(g).match(p))
          if (want) hits++
          if (matchesAny(p, l) !== want) throw new Error(`[${l.join(', ')}] on ${p}: minimatch ${String(want)}`)
        }
      }),
      { numRuns: 1500 },
    )
    expect(hits).toBeGreaterThan(100)
  })

  it('reads past classes and flat extglobs, and writes out @(…) of plain text', () => {
    const lits = (g: string) => requiredLiterals(compiledGlob(g))
    expect(lits('**/@(sandbox|staging|dev)/**')).toEqual(['sandbox', 'staging', 'dev'])
    expect(lits('**/*[-_.]@(dev|qa).@(tf|json)')).toEqual(['dev.tf', 'dev.json', 'qa.tf', 'qa.json'])
    expect(lits('**/?(docker-)compose.yml')).toEqual(['compose.yml'])
    expect(lits('**/kind-config*.y?(a)ml')).toEqual(['kind-config'])
    // What is not flat is read no further: the text before it still counts, nothing after it does.
    expect(lits('**/deploy@(a|[b])x.yml')).toEqual(['deploy'])
    expect(lits('**/[]a]bc')).toBeNull() // `]a` is inside the class: `a` is not required
    expect(lits('**/*(@(ab|cd))')).toBeNull() // a nested group is not written out
    expect(lits('**/@(a|*)')).toBeNull() // an alternative with a wildcard: the group is skipped, not expanded
    // A group beside one that nests is still written out; the nested one ends the reading.
    expect(lits('**/@(qa|dev).@(tf|y?(a)ml)')).toEqual(['qa.', 'dev.'])
    expect(lits('**/@(qa|dev)(x)')).toBeNull() // a parenthesis of no extglob: nothing is written out
  })

  it('a path holding none of the literals is not matched; the literals never reject a match', () => {
    const cases: [string, string, boolean][] = [
      ['**/@(sandbox|staging)/**', 'infra/staging/main.tf', true],
      ['**/@(sandbox|staging)/**', 'services/svc1/src/a.ts', false],
      ['**/*[-_.]@(dev|qa).@(tf|json)', 'env/app-qa.tf', true],
      ['**/*[-_.]@(dev|qa).@(tf|json)', 'env/app_dev.json', true],
      ['**/*[-_.]@(dev|qa).@(tf|json)', 'env/appxdev.json', false],
      ['**/?(docker-)compose[.-]@(dev|test)?([.-]*).@(yml|yaml)', 'docker-compose.dev.yml', true],
      ['**/?(docker-)compose[.-]@(dev|test)?([.-]*).@(yml|yaml)', 'a/compose-test-x.yaml', true],
      ['**/[]a]bc', 'x/abc', true],
      ['**/[]a]bc', 'x/]bc', true],
    ]
    for (const [g, p, want] of cases) {
      expect([g, p, quickMatch(compiledGlob(g), p)]).toEqual([g, p, want])
      expect([g, p, compiledGlob(g).match(p)]).toEqual([g, p, want])
    }
  })

  it('a list with a glob over the caps still throws when that glob is reached', () => {
    const bad = '{a,b}'.repeat(17)
    expect(() => matchesAny('src/x.ts', ['**/*.md', bad])).toThrow(GlobError)
    expect(matchesAny('docs/x.md', ['**/*.md', bad])).toBe(true) // an earlier glob matched first, as before
  })

  it('rejects by literal: a path without the literal is not matched, one with it still is', () => {
    const m = compiledGlob('**/runbooks/**')
    expect(quickMatch(m, 'src/app/main.ts')).toBe(false)
    expect(quickMatch(m, 'docs/runbooks/deploy.md')).toBe(true)
    expect(quickMatch(m, 'docs/runbooksx/deploy.md')).toBe(false) // contains the literal, minimatch decides
    expect(quickMatch(compiledGlob('!*.md'), 'a.ts')).toBe(true) // negated: no pre-check
    expect(matchesAny('a.ts', ['!*.md'])).toBe(true) // also in a list, where globs compile only when needed
    expect(matchesAny('docs/a.md', ['!*.md'])).toBe(false)
    expect(matchesAny('src/a.ts', ['**/runbooks/**', '*.md'])).toBe(false)
    expect(matchesAny('docs/runbooks/a.txt', ['*.md', '**/runbooks/**'])).toBe(true)
  })
})
