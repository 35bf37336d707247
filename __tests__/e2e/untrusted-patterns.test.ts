/**
 * The PR's own policy is previewed inside the gate with its own patterns (issue 13, item 2). Through the
 * bundle against the fake GitHub: a catastrophic regex, a brace-bomb glob and a policy that asks for too
 * much work each leave the base policy's verdict intact, published, with a note saying what the preview did.
 */
import { type FakeGitHub, type PullFileInput } from '../helpers/github-server.js'
import { lineFiles, noStackTrace, runActionOnPr, seedPr } from './helpers.js'
import { useFakeGitHub } from '../helpers/use-fake-github.js'

let server: FakeGitHub
useFakeGitHub((s) => (server = s))

const POLICY = '.github/quality-gate.yml'
const BASE_POLICY = 'rules:\n  pr-size: { level: fail, fail_lines: 1 }\n'
const policyEdit: PullFileInput = {
  filename: POLICY,
  status: 'modified',
  additions: 1,
  deletions: 1,
  patch: '@@ -1,2 +1,2 @@\n rules:\n-  pr-size: { level: fail, fail_lines: 1 }\n+  pr-size: { level: off }',
}
/** 40 `a`s and a `!`: ^(a+)+$ backtracks through 2^40 ways before failing; then a line it matches. */
const redosFile: PullFileInput = {
  filename: 'notes/x.txt',
  status: 'added',
  additions: 2,
  deletions: 0,
  patch: '@@ -0,0 +1,2 @@\n+' + 'a'.repeat(40) + '!\n+' + 'a'.repeat(30),
}

const coChange = (entries: string) => `rules:\n  pr-size: { level: off }\n  co-change:\n    level: fail\n    rules:\n${entries}`

function comment(): string {
  const c = server.commentsOn(7)
  expect(c).toHaveLength(1)
  return c[0].body.replace(/\\(.)/g, '$1') // without the Markdown escapes
}

describe("the preview of the PR's own policy is bounded and never decides", () => {
  it('a catastrophic regex runs in linear time: the preview is computed, the base verdict published', async () => {
    const head = coChange(
      "      - name: redos\n        when: ['**/*.txt']\n        added_lines_match: '^(a+)+$'\n        require: ['docs/**']\n",
    )
    const pr = seedPr(server, { base: { [POLICY]: BASE_POLICY }, head: { [POLICY]: head }, files: [redosFile, policyEdit] })
    const r = await runActionOnPr(server, pr, {}, {})
    noStackTrace(r)
    expect(r.code).toBe(1)
    expect(r.outputs['failed-rules']).toBe('pr-size') // the base policy's verdict
    expect(server.state.checkRuns).toEqual([expect.objectContaining({ conclusion: 'failure' })])
    // The 30 `a`s line matches, the 40 `a`s + `!` one does not: co-change triggers under the PR's policy.
    expect(comment()).toContain("With the PR's version the gate would conclude failure (1 failed: co-change)")
  })

  it("a brace-bomb glob and a regex RE2 cannot run: the PR's version is reported invalid at file:line:column", async () => {
    const head = coChange(
      `      - name: bomb\n        when: ['**/*.txt']\n        unless: ['src/${'{a,b}'.repeat(17)}']\n        added_lines_match: '(a)\\1'\n        require: ['docs/**']\n`,
    )
    const pr = seedPr(server, {
      base: { [POLICY]: BASE_POLICY },
      head: { [POLICY]: head },
      files: [redosFile, ...lineFiles(50), policyEdit],
    })
    const r = await runActionOnPr(server, pr)
    noStackTrace(r)
    expect(r.outputs['failed-rules']).toBe('pr-size')
    const body = comment()
    expect(body).toContain("The PR's version is invalid (informational)")
    expect(body).toContain(
      '.github/quality-gate.yml:8:23: rules.co-change.rules.0.unless.0: invalid glob: glob expands to more than 256 alternatives',
    )
    expect(body).toContain(
      '.github/quality-gate.yml:9:32: rules.co-change.rules.0.added_lines_match: invalid regular expression (RE2 syntax): backreference',
    )
  })

  it('a valid policy that asks for too much work: the preview is skipped and says so, the verdict stands', async () => {
    // 400 requirements × 20 globs × 1000 files: 8 million matches, seconds of matching if nothing stopped it.
    // Classes and wildcards only: no glob holds a literal that rejects a path before minimatch matches it.
    const globs = Array.from({ length: 20 }, (_, k) => `'**/*[!${'abcdefghijklmnopqrst'[k]}]{[a-d],[e-h]}{[i-l],[m-p]}{?,??}{[!x],[!y]}'`)
    const entries = Array.from(
      { length: 400 },
      (_, i) => `      - name: r${i}\n        when: [${globs.join(', ')}, 'src/f${i}/**']\n        require: ['docs/${i}.md']\n`,
    ).join('')
    const pr = seedPr(server, {
      base: { [POLICY]: BASE_POLICY },
      head: { [POLICY]: coChange(entries) },
      files: [...lineFiles(1000), policyEdit],
    })
    const r = await runActionOnPr(server, pr)
    noStackTrace(r)
    expect(r.outputs['failed-rules']).toBe('pr-size')
    expect(server.state.checkRuns).toEqual([expect.objectContaining({ conclusion: 'failure' })])
    expect(comment()).toMatch(
      /The preview of the PR's policy was skipped: it (kept the event loop busy for more than 500 ms at once|took longer than 5 s)\. The verdict does not depend on it\./,
    )
  })
})
