/**
 * Issue 15, item 5: the common path loads no parser. The real bundle runs as `pr-gate check` on real git
 * repositories with an ESM resolve hook that records every file node loads; the chunks holding the parsers
 * (fast-xml-parser for Cobertura/JaCoCo reports, libpg-query, web-tree-sitter, hcl2json) are found in dist/
 * by what they contain, so the test does not depend on webpack's chunk numbers.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { BUNDLE, TempRepo } from './helpers/git-repo.js'

const DIST = resolve('dist')
const FIXTURE = resolve('__tests__/fixtures/coverage/python')

/** The dist/ chunks whose text holds `marker` (a path webpack writes in its module comments). */
function chunksHolding(marker: string): string[] {
  return readdirSync(DIST).filter((f) => f.endsWith('.js') && readFileSync(join(DIST, f), 'utf8').includes(marker))
}

let tmp: string
let hook: string
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'pr-gate-lazy-'))
  const resolveHook = join(tmp, 'resolve-hook.mjs')
  writeFileSync(
    resolveHook,
    "import { appendFileSync } from 'node:fs'\n" +
      'export async function resolve(specifier, context, next) {\n' +
      '  const r = await next(specifier, context)\n' +
      "  if (r.url.startsWith('file:')) appendFileSync(process.env.LAZY_TRACE, r.url + '\\n')\n" +
      '  return r\n' +
      '}\n',
  )
  hook = join(tmp, 'register.mjs')
  writeFileSync(hook, `import { register } from 'node:module'\nregister(${JSON.stringify(pathToFileURL(resolveHook).href)})\n`)
})
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

/** `pr-gate check` in `repo` with the hook: the JSON report and the dist/ files node loaded. */
function traced(
  repo: TempRepo,
  name: string,
): { report: { rules: Array<{ id: string; status: string; findings: Array<{ code?: string; message: string }> }> }; loaded: string[] } {
  const trace = join(tmp, `${name}.trace`)
  writeFileSync(trace, '')
  const r = spawnSync(
    process.execPath,
    ['--import', pathToFileURL(hook).href, BUNDLE, 'check', '--base', 'HEAD~1', '--head', 'HEAD', '--format', 'json'],
    {
      cwd: repo.dir,
      encoding: 'utf8',
      env: { ...process.env, GITHUB_ACTIONS: '', LAZY_TRACE: trace },
    },
  )
  expect(r.stderr).not.toMatch(/\n\s+at /)
  expect([0, 1]).toContain(r.status)
  const loaded = readFileSync(trace, 'utf8')
    .split('\n')
    .filter((u) => u.startsWith(pathToFileURL(DIST).href + '/'))
    .map((u) => u.slice(u.lastIndexOf('/') + 1))
  return {
    report: JSON.parse(r.stdout) as { rules: Array<{ id: string; status: string; findings: Array<{ code?: string; message: string }> }> },
    loaded,
  }
}

const base = 'def charge(amount, currency):\n    return round(amount * 100)\n'
const policy = [
  'rules:',
  '  critical-path-tests:',
  '    areas:',
  '      - name: payments',
  "        include: ['shop/payments/**']",
  '        require: [diff-coverage]',
  '        min_diff_coverage: 80',
  '',
].join('\n')

describe('the parsers load only when a change needs them', () => {
  // Where fast-xml-parser's modules are defined, and where the coverage readers that use it are.
  const xml = chunksHolding('CONCATENATED MODULE: ./node_modules/fast-xml-parser/')
  const readers = chunksHolding('CONCATENATED MODULE: ./src/evidence/coverage/cobertura.ts')

  it('finds the XML parser and the coverage readers outside the entry', () => {
    expect(xml).toHaveLength(1)
    expect(readers).toHaveLength(1)
    for (const chunk of [...xml, ...readers]) expect(['index.js', 'cli.js']).not.toContain(chunk)
  })

  it('a change to application code with no coverage report loads no XML, SQL, Ruby/Python or HCL parser', () => {
    const repo = new TempRepo()
    try {
      repo.commit('base', { '.github/quality-gate.yml': policy, 'shop/payments/charge.py': base, 'README.md': 'shop\n' })
      repo.commit('change', { 'shop/payments/charge.py': readFileSync(join(FIXTURE, 'shop/payments/charge.py'), 'utf8') })
      const { report, loaded } = traced(repo, 'plain')
      expect(loaded).toContain('index.js')
      expect(loaded.length).toBeGreaterThan(3) // the rules' chunks did load through the hook
      expect(loaded).not.toContain(xml[0])
      expect(loaded).not.toContain(readers[0])
      for (const name of readdirSync(DIST).filter((f) => /^(libpg-query|web-tree-sitter)/.test(f) || f === 'hcl2json'))
        expect(loaded).not.toContain(name)
      // The rule ran and said why it measured nothing: no report, not a skipped rule.
      expect(JSON.stringify(report.rules.find((r) => r.id === 'critical-path-tests'))).toContain('no-coverage-report')
    } finally {
      repo.remove()
    }
  })

  it('a Cobertura report (coverage.py) loads the XML parser and is read', () => {
    const repo = new TempRepo()
    try {
      repo.commit('base', { '.github/quality-gate.yml': policy, 'shop/payments/charge.py': base, 'README.md': 'shop\n' })
      repo.commit('change', { 'shop/payments/charge.py': readFileSync(join(FIXTURE, 'shop/payments/charge.py'), 'utf8') })
      repo.write({ 'coverage.xml': readFileSync(join(FIXTURE, 'coverage.xml'), 'utf8') }) // in the workspace, not committed
      const { report, loaded } = traced(repo, 'cobertura')
      expect(loaded).toContain(xml[0])
      expect(loaded).toContain(readers[0])
      const rule = report.rules.find((r) => r.id === 'critical-path-tests') as {
        status: string
        findings: Array<{ code?: string; message: string }>
      }
      // The new lines of charge() and refund(): coverage.py ran charge's non-JPY branch and never refund.
      expect(rule.status).toBe('fail')
      expect(rule.findings.find((f) => f.code === 'diff-coverage')?.message).toContain('37.5% (3 of 8 changed executable lines)')
    } finally {
      repo.remove()
    }
  })
})
