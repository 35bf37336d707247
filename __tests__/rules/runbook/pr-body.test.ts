import { describe, expect, it } from '@jest/globals'
import { findDeclarations, findReasonedDeclaration } from '../../../src/change/pr-body.js'
import { envVarReadsInLine, envLanguageOf } from '../../../src/change/envvars.js'
import { capture, compileTemplate, fill } from '../../../src/rules/runbook/template.js'

describe('pr-body declarations (generic)', () => {
  it.each([
    ['Runbook: not needed — reason here', 'reason here'],
    ['> * [x] __Runbook: not needed__: quoted, listed, boxed', 'quoted, listed, boxed'],
    ['Runbook:not needed - tight spacing', 'tight spacing'],
    ['Runbook : not needed = odd separator', 'odd separator'],
    ['`Runbook: not needed` – code span', 'code span'],
  ])('%s', (line, reason) => {
    expect(findDeclarations(`intro\n${line}\n`, 'Runbook: not needed')).toEqual([expect.objectContaining({ reason, line: 2 })])
  })
  it('ignores lines where the phrase is not at the start, comments and fences', () => {
    const body =
      'We say Runbook: not needed — mid-line\n<!--\nRunbook: not needed — template example\n-->\n~~~\nRunbook: not needed — fenced\n~~~\n'
    expect(findDeclarations(body, 'Runbook: not needed')).toEqual([])
  })
  it('Runbook: not neededness is not the phrase', () => {
    expect(findDeclarations('Runbook: not neededness test', 'Runbook: not needed')).toEqual([])
  })
  it('picks the first long-enough reason, reporting rejected ones', () => {
    const r = findReasonedDeclaration(
      'Gate-waive: pr-size — big\nGate-waive: pr-size — generated client regenerated from the spec',
      'Gate-waive: pr-size',
      20,
    )
    expect(r.accepted?.line).toBe(2)
    expect(r.rejected.map((x) => x.why)).toEqual(['the reason is 3 characters, at least 20 are required'])
  })
})

describe('env-var patterns', () => {
  it.each([
    ['a.ts', 'const a = process.env?.API_KEY ?? import.meta.env.VITE_URL', ['API_KEY', 'VITE_URL']],
    ['a.py', 'x = environ.get("A") or os.environ["B"]', ['A', 'B']],
    ['A.kt', 'val x = System.getenv("KT_VAR")', ['KT_VAR']],
    ['a.go', 'v, ok := os.LookupEnv("GO_LOOKUP")', ['GO_LOOKUP']],
    ['a.rb', "ENV.fetch('R', nil)", ['R']],
    ['a.rs', 'let v = option_env!("BUILD_SHA");', ['BUILD_SHA']],
    ['a.cs', 'Environment.GetEnvironmentVariable("CS_VAR")', ['CS_VAR']],
    ['a.ts', "const port = env.get('PORT').required().asPortNumber()", ['PORT']],
    ['a.ts', "const v = env.get('camelCase')", []],
    [
      'a.py',
      'DEBUG = env.bool("DJANGO_DEBUG", default=False); DB = env.db("DATABASE_URL"); x = env("SECRET_KEY")',
      ['DJANGO_DEBUG', 'DATABASE_URL', 'SECRET_KEY'],
    ],
    ['A.java', '@Value("${PAYMENTS_TIMEOUT:30s}") private Duration timeout; @Value("${payments.retries}") int r;', ['PAYMENTS_TIMEOUT']],
    ['a.go', 'Port int `envconfig:"PORT" default:"8080"`; Host string `env:"DB_HOST,required"`', ['PORT', 'DB_HOST']],
    ['a.rs', 'let url = dotenvy::var("DATABASE_URL")?;', ['DATABASE_URL']],
    ['a.ts', '// process.env.COMMENT', []],
    ['a.py', 'os.environ[name]', []],
  ])('%s: %s', (path, line, names) => {
    expect(envVarReadsInLine(line, envLanguageOf(path)!).map((r) => r.name)).toEqual(names)
  })
})

describe('placeholder globs', () => {
  it('captures and fills', () => {
    const t = compileTemplate('services/{service}/**')
    expect(capture(t, 'services/payments/k8s/a.yaml')).toEqual({ service: 'payments' })
    expect(capture(t, 'libs/x.ts')).toBeUndefined()
    expect(fill('docs/runbooks/{service}.md', { service: 'payments' })).toBe('docs/runbooks/payments.md')
    expect(capture(compileTemplate('apps/{app}/{env,prod}/*.yaml'), 'apps/web/prod/a.yaml')).toEqual({ app: 'web' })
  })
})

test('a file extension named like an Object member is no language', () => {
  expect(envLanguageOf('src/x.constructor')).toBeUndefined()
  expect(envLanguageOf('src/x.__proto__')).toBeUndefined()
  expect(envLanguageOf('src/x.toString')).toBeUndefined()
})
