/** Package names from scanner reports (the PR's own CI: attacker-controlled) are literal text in every pattern. */
import { declarationPattern, findDeclaration } from '../../../src/rules/dependencies/manifest.js'
import type { ChangedFile } from '../../../src/types.js'

const MANIFESTS = [
  'requirements.txt',
  'constraints-dev.txt',
  'Pipfile',
  'pyproject.toml',
  'setup.cfg',
  'package.json',
  'composer.json',
  'go.mod',
  'pom.xml',
  'Gemfile',
  'Cargo.toml',
  'app.csproj',
  'packages.config',
  'Directory.Packages.props',
  'other.lock',
]
const HOSTILE = [
  '(a+)+',
  'foo(',
  '[',
  '*',
  '+',
  '?',
  '\\',
  'a{1,99999}',
  '(?<x>a)\\k<x>',
  '$',
  '^',
  '|',
  '.*',
  'x)(',
  '(a|a)*',
  '-',
  '_._',
  '',
  ':',
]

describe('declarationPattern', () => {
  test.each(MANIFESTS)('%s: no hostile name throws, and each matches only itself', (path) => {
    for (const name of HOSTILE) {
      const re = declarationPattern(path, name)
      expect(re).toBeInstanceOf(RegExp)
      // A line that the old, unescaped requirements pattern backtracked on exponentially.
      expect(re.test('a'.repeat(40) + '!')).toBe(false)
    }
  })

  test('the requirements pattern keeps PEP 503 equivalence of - _ . while the parts stay literal', () => {
    const re = declarationPattern('requirements.txt', 'zope.interface')
    expect(re.test('zope-interface==6.0')).toBe(true)
    expect(re.test('zope_interface>=6')).toBe(true)
    expect(re.test('zopeXinterface==6.0')).toBe(false)
    expect(declarationPattern('requirements.txt', 'a+b').test('a+b==1')).toBe(true)
    expect(declarationPattern('requirements.txt', 'a+b').test('aab==1')).toBe(false)
    expect(declarationPattern('requirements.txt', 'foo(').test('foo(==1')).toBe(true)
  })

  test('a name that names nothing matches nothing', () => {
    for (const name of ['', ':', '-', '_._']) expect(declarationPattern('requirements.txt', name).test('flask==3.0')).toBe(false)
  })
})

describe('findDeclaration', () => {
  test('finds a hostile literal name on its line and does not hang on the others', () => {
    const files: ChangedFile[] = [
      {
        path: 'requirements.txt',
        status: 'modified',
        additions: 2,
        deletions: 0,
        patch: `@@ -1 +1,3 @@\n flask\n+${'a'.repeat(40)}!\n+(a+)+==1.0`,
      },
    ]
    expect(findDeclaration(files, '(a+)+')).toEqual({ path: 'requirements.txt', line: 3, changed: false })
    expect(findDeclaration(files, 'foo(')).toBeUndefined()
  })
})
