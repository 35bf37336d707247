/**
 * Inputs the fuzzers found (docs/fuzzing.md lists them): each one failed before its fix and is kept here
 * verbatim so it can never come back.
 */
import { parsePolicyText } from '../../src/policy/load.js'
import { policyErrors, POLICY_FILE } from '../helpers/policy.js'
import { addedLines, parsePatch } from '../../src/change/patch.js'
import { parseReport as parseCoverage } from '../../src/evidence/coverage/index.js'
import { parseReport as parseScanner, ReportError } from '../../src/evidence/scanners/index.js'
import { encodePath } from '../../src/report/escape.js'
import { renderComment } from '../../src/report/markdown.js'
import type { Verdict } from '../../src/types.js'
import { pullInfoFrom } from '../../src/github/source.js'
import { onCheckRunRerequested, type HandlerDeps } from '../../src/app/handlers.js'
import { analyzeSql } from '../../src/rules/migration-safety/sql.js'
import { loadPg } from '../../src/rules/migration-safety/wasm.js'

const FILE = POLICY_FILE

describe('fuzz regressions: policy YAML', () => {
  // js-yaml 5 throws "expected a document, but the input is empty" (with no position) for a file of only
  // comments: a policy whose rules are all commented out failed the gate closed.
  it.each(['#', '# all rules off for now\n# rules:\n#   pr-size: { level: off }\n', '\uFEFF# bom', ' \t# x', '...'])(
    'a policy of only comments is an empty policy: %j',
    async (text) => {
      expect(parsePolicyText(text, FILE)).toEqual({})
      expect(await policyErrors(text)).toEqual([])
    },
  )

  // A second document had no position ("expected a single document in the stream, but found more").
  it('a second YAML document is an error at its --- line', async () => {
    expect(await policyErrors('{}\n---\n')).toEqual([`${FILE}:2:1: invalid YAML: expected a single document in the stream, but found more`])
    expect(await policyErrors('# c\n---\nrules: {}\n---\nrules: {}\n')).toEqual([
      `${FILE}:4:1: invalid YAML: expected a single document in the stream, but found more`,
    ])
  })

  // Errors about `extends` entries named the file but no line/column.
  it('extends errors point at the entry', async () => {
    const text = 'extends: [default, .github/policies/base.yml]\nrules:\n  pr-size: { level: fail }\n'
    expect(await policyErrors(text)).toEqual([
      `${FILE}:1:20: extends: ".github/policies/base.yml" was not found in the repository at the enforced ref`,
    ])
    expect((await policyErrors('extends: strictest\n'))[0]).toMatch(
      /^\.github\/quality-gate\.yml:1:10: extends: unknown preset "strictest"/,
    )
    const cyc = async (p: string) =>
      p === 'a.yml' ? 'rules: {}\nextends: b.yml\n' : p === 'b.yml' ? 'extends: [default, a.yml]\n' : undefined
    expect(await policyErrors('extends: a.yml\n', cyc)).toEqual([
      'b.yml:1:20: extends cycle: .github/quality-gate.yml → a.yml → b.yml → a.yml',
    ])
    const deep = async (p: string) => {
      const n = Number(/^p(\d+)\.yml$/.exec(p)?.[1])
      return Number.isNaN(n) ? undefined : `extends: p${n + 1}.yml\n`
    }
    expect(await policyErrors('extends: p1.yml\n', deep)).toEqual([
      expect.stringMatching(/^p7\.yml:1:10: extends chain deeper than 8: \.github\/quality-gate\.yml → p1\.yml → .* → p8\.yml$/),
    ])
  })
})

describe('fuzz regressions: unified diffs', () => {
  // git puts the enclosing function's line after the second @@; JavaScript source may hold U+2028/U+2029
  // (legal in string literals) and old files a lone CR. `.` does not match them: "malformed hunk header".
  it.each(['@@ -0 +0 @@ \u2028\n ', '@@ -1,2 +1,3 @@ const s = "a\u2029b"\n x\n+y\n z', '@@ -1 +1 @@ function f() {\r}\n-a\n+b'])(
    'a hunk section with a line separator parses: %j',
    (patch) => {
      const hunks = parsePatch(patch)
      expect(hunks).toHaveLength(1)
      expect(addedLines(patch).every((l) => l.line >= 0)).toBe(true)
    },
  )
})

describe('fuzz regressions: coverage reports', () => {
  const json =
    '{"src/a.js":{"path":"src/a.js","statementMap":{"0":{"start":{"line":2,"column":0},"end":{"line":2,"column":9}}},"s":{"0":3}}}'

  // detectFormat skipped the BOM but JSON.parse did not: a valid report from a Windows runner was "not valid JSON".
  it('an Istanbul coverage-final.json with a UTF-8 BOM is read', () => {
    const r = parseCoverage('\uFEFF' + json, 'coverage/coverage-final.json')
    expect(r.problems).toEqual([])
    expect([...r.files[0].lines]).toEqual([[2, 3]])
  })

  // V8 names no position for a truncated file or an unexpected token: the problem had no line.
  it('invalid Istanbul JSON names a line', () => {
    const r = parseCoverage('{\n"a.js": {\n', 'coverage-final.json')
    expect(r.problems).toEqual([expect.objectContaining({ fatal: true, line: 3, message: expect.stringMatching(/not valid JSON/) })])
    expect(parseCoverage('{\n  "a": x\n}', 'c.json').problems[0]).toMatchObject({ line: 2 })
  })

  // The XML validator accepts two DOCTYPEs; fast-xml-parser then throws without a position.
  it('an XML error thrown by the parser names the line', () => {
    const dt = '<!DOCTYPE coverage SYSTEM "http://cobertura.sourceforge.net/xml/coverage-04.dtd">'
    const r = parseCoverage(`<?xml version="1.0"?>\n${dt}\n${dt}\n<coverage><packages/></coverage>\n`, 'coverage.xml')
    expect(r.problems).toEqual([
      expect.objectContaining({ fatal: true, line: 3, message: 'not well-formed XML: Multiple DOCTYPE declarations found.' }),
    ])
  })

  // One Go block claiming 99,999,999 lines filled a Map until "RangeError: Map maximum size exceeded"
  // (9007199254740991 lines would have stalled the gate): such a block is malformed, the rest is used.
  it('a Go cover block spanning an absurd number of lines is a problem, not a crash', () => {
    for (const block of ['a.go:1.1,99999999.1 1 1', 'a.go:1.1,9007199254740991.1 1 1']) {
      const started = Date.now()
      const r = parseCoverage(`mode: set\n\n${block}\nb.go:3.1,4.2 1 1\n`, 'cover.out')
      expect(Date.now() - started).toBeLessThan(1000)
      expect(r.problems).toEqual([expect.objectContaining({ fatal: false, line: 3, message: expect.stringMatching(/^malformed block/) })])
      expect(r.files.map((f) => [f.path, [...f.lines.keys()]])).toEqual([['b.go', [3, 4]]])
    }
  })
})

describe('fuzz regressions: scanner reports', () => {
  // findJsonError (which names the position of a JSON error) is recursive: 10,000 unclosed brackets threw
  // "RangeError: Maximum call stack size exceeded" instead of a ReportError naming the file.
  it.each([10_000, 100_000])('%i unclosed brackets are a ReportError with a position', (n) => {
    let err: unknown
    try {
      parseScanner('trivy.sarif', '{"runs":' + '['.repeat(n))
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(ReportError)
    expect(err).toMatchObject({
      path: 'trivy.sarif',
      line: 1,
      message: expect.stringMatching(/^trivy\.sarif is not valid JSON: arrays\/objects nested too deeply at line 1, column \d+/),
    })
    // The coverage reader shares the position finder.
    expect(parseCoverage('{"a.js":' + '['.repeat(n), 'coverage-final.json').problems[0]).toMatchObject({ fatal: true, line: 1 })
  })
})

describe('fuzz regressions: Markdown renderer', () => {
  const verdict = (over: Partial<Verdict>): Verdict => ({
    conclusion: 'failure',
    title: 't',
    results: [],
    failedRules: [],
    notes: [],
    labels: { add: [], remove: [] },
    policySource: 'p',
    mode: 'pull_request',
    head: 'h'.repeat(40),
    base: 'b'.repeat(40),
    ...over,
  })
  const opts = { checkName: 'quality-gate', labelPrefix: 'gate-waive:', links: { repoUrl: 'https://github.com/o/r' } }

  // encodeURIComponent throws URIError on a lone surrogate: a finding on such a path crashed the renderer
  // (and with it every publisher) for the whole verdict.
  it('a path or head with a lone surrogate renders', () => {
    expect(encodePath('\uD800/V2__add.sql')).toBe('%EF%BF%BD/V2__add.sql')
    const finding = { message: 'm', path: '\uD800/V2__add.sql', line: 1, kind: 'violation' as const, level: 'fail' as const }
    const v = verdict({
      head: 'a\uDC00b',
      results: [{ id: 'pr-size', description: 'd', level: 'fail', status: 'fail', findings: [finding] }],
    })
    expect(renderComment(v, opts)).toContain('](https://github.com/o/r/blob/a%EF%BF%BDb/%EF%BF%BD/V2__add.sql#L1)')
  })

  // The footer put `head` in backticks unescaped; in the CLI it is a ref name, which may hold < and `.
  it('the head in the footer is escaped', () => {
    const out = renderComment(verdict({ head: '<img src=x>`' }), opts)
    expect(out).toContain('head: <code>&lt;img src=x&gt;\\`</code>')
    expect(out).not.toContain('<img')
  })
})

describe('fuzz regressions: webhook payloads', () => {
  // `(pr.labels ?? []).map` threw "map is not a function" for labels: {} and "reading 'name'" for [null].
  it.each([[{}], ['x'], [[null, { name: 'bug' }, 'raw']]])('pullInfoFrom reads labels %j without throwing', (labels) => {
    const shas = { base: { sha: 'b' }, head: { sha: 'h' } }
    expect(Array.isArray(pullInfoFrom({ number: 1, labels, ...shas }).labels)).toBe(true)
    expect(pullInfoFrom({ number: 1, labels: [null, { name: 'bug' }, 'raw'], ...shas }).labels).toEqual(['', 'bug', 'raw'])
  })

  // `(run.pull_requests ?? []).map((p) => p.number)` threw for pull_requests: {} and [null].
  it.each([[{}], [[null]], [[{ number: 'x' }]]])(
    'a check_run with pull_requests %j falls back to the commit lookup',
    async (pullRequests) => {
      const calls: string[] = []
      const octokit = { rest: { repos: { listPullRequestsAssociatedWithCommit: async () => (calls.push('list'), { data: [] }) } } }
      const deps = {
        config: { checkName: 'quality-gate' },
        auth: { installationClient: async () => octokit },
        log: () => undefined,
        warn: () => undefined,
      } as unknown as HandlerDeps
      const payload = {
        check_run: { name: 'quality-gate', head_sha: 'a'.repeat(40), pull_requests: pullRequests },
        repository: { name: 'r', owner: { login: 'o' } },
        installation: { id: 1 },
      }
      await expect(onCheckRunRerequested(deps, payload)).resolves.toBe('skipped: no open pull request has head aaaaaaaaaaaa')
      expect(calls).toEqual(['list'])
    },
  )
})

it('pullInfoFrom names the missing fields of a malformed pull request instead of failing later', () => {
  expect(() => pullInfoFrom({ number: 'x', head: {} })).toThrow('the pull request data has no number, base.sha, head.sha')
  expect(() => pullInfoFrom(null)).toThrow('the pull request data has no number, base.sha, head.sha')
})

describe('fuzz regressions: SQL migrations (chunked vs one piece)', () => {
  const base = { pgVersion: 14, assumeInTransaction: false, requireLockTimeout: false }
  const both = async (sql: string) => {
    const pg = await loadPg()
    return { whole: analyzeSql(pg, sql, base, Number.MAX_SAFE_INTEGER), chunked: analyzeSql(pg, sql, base, 1) }
  }

  // The parser takes a C string: one piece stopped at the NUL and checked nothing after it (a silent pass);
  // chunks checked the statements after it. Now the NUL is a syntax error and the rest is checked.
  test('a NUL byte in a comment', async () => {
    const { whole, chunked } = await both(
      "-- \u0000\nCREATE TABLE users (id int PRIMARY KEY, users int NOT NULL DEFAULT 'x');\nCREATE TABLE users (id int PRIMARY KEY, _ int NOT NULL DEFAULT 'x');\n",
    )
    expect(chunked).toEqual(whole)
    expect(whole.issues.map((i) => [i.id, i.line])).toEqual([
      ['syntax-error', 1],
      ['prefer-bigint-key', 2],
      ['prefer-bigint-key', 3],
    ])
  })

  // A chunk that was only a comment, followed by a chunk that does not parse: its comment was lost.
  test('a comment-only chunk before an unparseable one', async () => {
    const { whole, chunked } = await both(
      "-- P'L;hm% ALTER TABLE public.accounts ADD CONSTRAINT ____ CHECK (\"nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn\" > 0) NOT VALID; CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS b06j_diu5w ON qq__ur__7 USING btree (e7n) WHERE e7n IS NOT NULL; -- !LzQ<r/]z.gvN2\\ix INSERT INTO orders VALUES ('a;\nb', $q$c;\n$q$, E'd\\';\n'); ALTER TABLE _808___ ALTER COLUMN _9_wl1v_8_ TYPE jsonb USING _9_wl1v_8_::jsonb; CREATE INDEX __5_o9w05_ ON users (_9_0_3e6); ALTER TABLE dt6jgr_t_ ADD CONSTRAINT x CHECK (\"a\"\"b\" > 0) NOT VALID; INSERT INTO users VALUES ('a;\nb', $q$c;\n$q$, E'd\\';\n'); DROP INDEX b7__681b4;\n",
    )
    expect(chunked).toEqual(whole)
    expect(whole.comments).toHaveLength(1)
  })

  // The parser's error cursor counts code points; it was read as UTF-16 units, so after an astral character
  // the syntax error landed on the wrong line.
  test('an astral character before a syntax error', async () => {
    const { whole, chunked } = await both(
      "--   =\u{da3f4} INSERT INTO public.accounts VALUES ('a;\nb', $q$c;\n$q$, E'd\\';\n'); INSERT INTO x VALUES ('a;\nb', $q$c;\n$q$, E'd\\';\n'); CREATE INDEX \"Weird Name\" ON x (_iev3_6m7); ALTER TABLE _po_0 ADD COLUMN g4k__t text NOT NULL;\n",
    )
    expect(chunked).toEqual(whole)
    expect(whole.issues[0]).toMatchObject({ id: 'syntax-error', line: 2, column: 1 })
  })
})
