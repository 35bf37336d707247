/**
 * The Action end to end through the real bundle (node dist/index.js) with the runner's environment,
 * against the local fake GitHub that validates every request against GitHub's OpenAPI description.
 */
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type FakeGitHub } from '../helpers/github-server.js'
import { BASE_SHA, HEAD_SHA, lineFiles, noStackTrace, runActionOnPr, seedPr } from './helpers.js'
import { pullRequestEvent, runAction } from '../helpers/run-action.js'
import { useFakeGitHub } from '../helpers/use-fake-github.js'
import { extractRecord } from '../../src/trends/embed.js'

let server: FakeGitHub
useFakeGitHub((s) => (server = s))

const MARKER = '<!-- pr-quality-gate:quality-gate -->'
const withoutMaskCommands = (s: string) => s.replace(/^::add-mask::.*$/gm, '')

describe('a pull request, first run', () => {
  it('publishes one comment, one check run on the head SHA, the summary, outputs and exit 0', async () => {
    const pr = seedPr(server)
    const r = await runActionOnPr(server, pr)
    noStackTrace(r)
    expect(r.code).toBe(0)
    expect(r.outputs.conclusion).toBe('success')
    expect(r.outputs['failed-rules']).toBe('')
    const report = JSON.parse(readFileSync(r.outputs.report, 'utf8'))
    expect(report.rules.map((x: { id: string }) => x.id)).toEqual([
      'pr-size',
      'critical-path-tests',
      'migration-safety',
      'runbook',
      'co-change',
      'dependencies',
      'secrets',
      'code-scanning',
    ])

    const comments = server.commentsOn(7)
    expect(comments).toHaveLength(1)
    expect(comments[0].body.startsWith(MARKER)).toBe(true)
    expect(comments[0].body).toContain('## ✅ Quality gate: success')
    expect(comments[0].user).toBe('github-actions[bot]')

    expect(server.state.checkRuns).toHaveLength(1)
    const check = server.state.checkRuns[0]
    expect(check).toMatchObject({ name: 'quality-gate', headSha: HEAD_SHA, status: 'completed', conclusion: 'success' })
    expect(check.headSha).not.toBe(r.env.GITHUB_SHA) // not the merge commit
    expect(r.summary).toContain('| `pr-size` | ✅ pass |')
    // Policy and .gitattributes are read at the BASE sha (in the one GraphQL query, not over REST).
    const queries = server.requestsFor('graphql')
    expect(queries).toHaveLength(1)
    expect((queries[0].body as { variables: Record<string, unknown> }).variables).toMatchObject({
      policy: `${BASE_SHA}:.github/quality-gate.yml`,
      attributes: `${BASE_SHA}:.gitattributes`,
      number: 7,
    })
    expect(server.requestsFor('repos/get-content')).toEqual([])
  })

  it('API calls for a PR of 100 files: 5 on the first run, 4 on a re-run, whether or not a rule warns', async () => {
    const pr = seedPr(server, { files: lineFiles(100) })
    expect((await runActionOnPr(server, pr)).code).toBe(0)
    // one query (policy + .gitattributes at base + the PR's comments + who waived what: issue 18's records,
    // which pr-size's warning at 100 files needs), one page of files, check run, create, re-list (settles
    // concurrent creates)
    expect(server.requests.map((q) => q.operationId).sort()).toEqual([
      'checks/create',
      'graphql',
      'issues/create-comment',
      'issues/list-comments',
      'pulls/list-files',
    ])
    server.requests.length = 0
    expect((await runActionOnPr(server, pr)).code).toBe(0)
    // no GET /user for an installation token; the comment found by the query is updated in place
    expect(server.requests.map((q) => q.operationId).sort()).toEqual([
      'checks/create',
      'graphql',
      'issues/update-comment',
      'pulls/list-files',
    ])
    server.requests.length = 0
    // a PR whose rules all pass: the same 5 calls
    const small = seedPr(server, { number: 8, files: lineFiles(3) })
    expect((await runActionOnPr(server, small)).code).toBe(0)
    expect(server.requests.map((q) => q.operationId).sort()).toEqual([
      'checks/create',
      'graphql',
      'issues/create-comment',
      'issues/list-comments',
      'pulls/list-files',
    ])
    expect(server.violations).toEqual([])
  })
})

describe('re-runs', () => {
  it('three runs leave exactly one comment (updated in place) and three check runs on the head SHA', async () => {
    const pr = seedPr(server)
    for (let i = 0; i < 3; i++) expect((await runActionOnPr(server, pr)).code).toBe(0)
    expect(server.commentsOn(7)).toHaveLength(1)
    expect(server.count('issues/update-comment')).toBe(2)
    expect(server.state.checkRuns.map((c) => c.headSha)).toEqual([HEAD_SHA, HEAD_SHA, HEAD_SHA])
  })

  it('finds its comment among 150+ others (paginated) and ignores a spoofed marker by someone else', async () => {
    const pr = seedPr(server)
    server.addComments(7, 80, { user: 'alice' })
    server.addComments(7, 1, { user: 'mallory', body: `${MARKER}\nspoofed` })
    server.addComments(7, 80, { user: 'bob' })
    expect((await runActionOnPr(server, pr)).code).toBe(0)
    server.addComments(7, 5, { user: 'carol' })
    expect((await runActionOnPr(server, pr)).code).toBe(0)
    const marked = server.commentsOn(7).filter((c) => c.body.startsWith(MARKER))
    expect(marked.map((c) => c.user).sort()).toEqual(['github-actions[bot]', 'mallory'])
    expect(marked.find((c) => c.user === 'mallory')!.body).toBe(`${MARKER}\nspoofed`)
    expect(server.count('issues/list-comments')).toBeGreaterThanOrEqual(4) // 2 pages per run at least
  })
})

describe('failures and their surfaces', () => {
  it('a failing rule: check failure with annotations, failed-rules output, exit 1', async () => {
    const pr = seedPr(server, {
      base: { '.github/quality-gate.yml': 'extends: default\nrules:\n  pr-size: { level: fail, fail_lines: 100 }\n' },
      files: [
        ...lineFiles(1, 150),
        {
          filename: 'db/migrations/V2__idx.sql',
          status: 'added',
          additions: 2,
          deletions: 0,
          patch: '@@ -0,0 +1,2 @@\n+CREATE INDEX idx_users_email ON users (email);\n+ALTER TABLE users ADD COLUMN age int NOT NULL;',
        },
      ],
      head: {
        'db/migrations/V2__idx.sql': 'CREATE INDEX idx_users_email ON users (email);\nALTER TABLE users ADD COLUMN age int NOT NULL;\n',
      },
    })
    const r = await runActionOnPr(server, pr)
    noStackTrace(r)
    expect(r.code).toBe(1)
    expect(r.outputs.conclusion).toBe('failure')
    expect(r.outputs['failed-rules']).toBe('pr-size,migration-safety')
    const check = server.state.checkRuns[0]
    expect(check.conclusion).toBe('failure')
    expect(check.headSha).toBe(HEAD_SHA)
    expect(check.annotations.map((a) => `${a.path}:${a.start_line}:${a.annotation_level}:${a.title}`)).toEqual([
      'db/migrations/V2__idx.sql:1:failure:migration-safety: create-index-non-concurrent',
      'db/migrations/V2__idx.sql:2:failure:migration-safety: add-column-not-null-no-default',
    ])
    expect(check.annotations[0].message).toContain('CONCURRENTLY')
    const body = server.commentsOn(7)[0].body
    expect(body).toContain('## ❌ Quality gate: failure')
    // What blocks comes first, each finding once with its fix; how to waive is in the collapsed rest.
    expect(body.indexOf('1. ❌ **migration-safety**')).toBeLessThan(body.indexOf('<details>'))
    expect(body.split('<code>create-index-non-concurrent</code>')).toHaveLength(2)
    expect(body.slice(body.indexOf('<details>'))).toContain('To waive a rule on purpose')
  })

  it('fail-on: never keeps the step green while the check says failure', async () => {
    const pr = seedPr(server, { base: { '.github/quality-gate.yml': 'rules:\n  pr-size: { level: fail, fail_lines: 1 }\n' } })
    const r = await runActionOnPr(server, pr, { 'fail-on': 'never' })
    expect(r.code).toBe(0)
    expect(r.outputs.conclusion).toBe('failure')
    expect(server.state.checkRuns[0].conclusion).toBe('failure')
  })

  it('a waiver label with a reason turns the failure into a pass and shows the reason', async () => {
    const pr = seedPr(server, {
      base: { '.github/quality-gate.yml': 'rules:\n  pr-size: { level: fail, fail_lines: 1 }\n' },
      labels: ['gate-waive:pr-size'],
      body: 'Big but mechanical.\n\ngate-waive:pr-size generated client regenerated, reviewed by @platform',
    })
    const r = await runActionOnPr(server, pr)
    expect(r.code).toBe(0)
    const body = server.commentsOn(7)[0].body
    expect(body).toContain('☑️ waived')
    expect(body).toContain('generated client regenerated, reviewed by @&#8203;platform')
  })

  it('an invalid base policy fails closed with file:line:column in the comment, not a crash', async () => {
    const pr = seedPr(server, { base: { '.github/quality-gate.yml': 'rules:\n  pr-size:\n    fail_lines: lots\n' } })
    const r = await runActionOnPr(server, pr)
    noStackTrace(r)
    expect(r.code).toBe(1)
    expect(r.outputs['failed-rules']).toBe('policy')
    expect(server.state.checkRuns[0].conclusion).toBe('failure')
    expect(server.commentsOn(7)[0].body).toContain(
      '.github/quality-gate.yml:3:17: rules.pr-size.fail\\_lines: expected a non-negative integer, got "lots"',
    )
  })

  it('a PR that loosens the policy is still held to the base policy, and the comment says what its version would do', async () => {
    const strict = 'rules:\n  pr-size: { level: fail, fail_lines: 1 }\n'
    const loose = 'rules:\n  pr-size: { level: off }\n'
    const pr = seedPr(server, {
      base: { '.github/quality-gate.yml': strict },
      head: { '.github/quality-gate.yml': loose },
      files: [
        ...lineFiles(2, 5),
        {
          filename: '.github/quality-gate.yml',
          status: 'modified',
          additions: 1,
          deletions: 1,
          patch: '@@ -1,2 +1,2 @@\n rules:\n-  pr-size: { level: fail, fail_lines: 1 }\n+  pr-size: { level: off }',
        },
      ],
    })
    const r = await runActionOnPr(server, pr)
    expect(r.code).toBe(1)
    const body = server.commentsOn(7)[0].body
    expect(body).toContain('This PR changes the policy file .github/quality-gate.yml')
    expect(body).toContain('With the PR')
    expect(body).toContain('would conclude success')
    expect(body).toContain('informational only')
  })
})

describe('limits', () => {
  it('a PR over 3000 files: partial evaluation is said and the check does not pass', async () => {
    const pr = seedPr(server, { files: lineFiles(3050, 1) })
    const r = await runActionOnPr(server, pr, { comment: 'true' })
    noStackTrace(r)
    expect(r.outputs.conclusion).toBe('failure')
    expect(server.count('pulls/list-files')).toBe(30)
    expect(server.commentsOn(7)[0].body).toContain('Partial evaluation: GitHub lists at most 3,000 files and this change has 3,050')
  })

  it('260 findings with lines → all annotations delivered in batches of 50', async () => {
    const sql = Array.from({ length: 260 }, (_, i) => `CREATE INDEX idx_${i} ON t${i} (c);`).join('\n') + '\n'
    const pr = seedPr(server, {
      files: [
        {
          filename: 'db/migrations/V9__many.sql',
          status: 'added',
          additions: 260,
          deletions: 0,
          patch:
            '@@ -0,0 +1,260 @@\n' +
            sql
              .trim()
              .split('\n')
              .map((l) => '+' + l)
              .join('\n'),
        },
      ],
      head: { 'db/migrations/V9__many.sql': sql },
    })
    const r = await runActionOnPr(server, pr)
    expect(r.code).toBe(1)
    const check = server.state.checkRuns[0]
    expect(check.annotations).toHaveLength(260)
    expect(server.count('checks/update')).toBe(5) // 50 in the create, then 5 PATCHes (50,50,50,50,10)
    const body = server.commentsOn(7)[0].body
    expect(body.length).toBeLessThanOrEqual(65536)
  })

  it('900 findings with one fix are one item in the comment (every location in the check run), not 900 rows', async () => {
    const long = (i: number) => `services/${'deeply-nested-directory-name/'.repeat(6)}file-${i}.tf`
    const files = Array.from({ length: 900 }, (_, i) => ({
      filename: long(i),
      status: 'added' as const,
      additions: 1,
      deletions: 0,
      patch: '@@ -0,0 +1 @@\n+resource "x" "y" {}',
    }))
    const pr = seedPr(server, { files, base: { '.github/quality-gate.yml': 'rules:\n  runbook: { level: fail, max_findings: 1000 }\n' } })
    const r = await runActionOnPr(server, pr)
    noStackTrace(r)
    const body = server.commentsOn(7)[0].body
    expect(body).toContain('1. ❌ **runbook** · 900 findings, one fix:')
    expect(body).toContain('… and 890 more in the check run')
    expect(body.split('**Fix:** Update a runbook')).toHaveLength(2) // the runbook's fix, once
    expect(body).not.toContain('✂️')
    const check = server.state.checkRuns[0]
    expect((check.output.summary ?? '').length).toBeLessThanOrEqual(65535)
    expect((check.output.text ?? '').length).toBeLessThanOrEqual(65535)
    // The trend record (issue 21) survives the truncation, at the end of the text.
    expect(extractRecord(check.output.text)?.conclusion).toBe(r.outputs.conclusion)
  })

  it('a comment that would exceed 65,536 characters is truncated at a line boundary with a link to the check run', async () => {
    const name = (i: number) => `idx_${'very_long_index_name_'.repeat(5)}${i}`
    const sql =
      Array.from({ length: 600 }, (_, i) => `CREATE INDEX ${name(i)} ON ${'orders_archive_'.repeat(3)}${i} (customer_id);`).join('\n') +
      '\n'
    const path = `db/migrations/${'nested/'.repeat(8)}V9__many.sql`
    const pr = seedPr(server, {
      files: [
        {
          filename: path,
          status: 'added',
          additions: 600,
          deletions: 0,
          patch:
            '@@ -0,0 +1,600 @@\n' +
            sql
              .trim()
              .split('\n')
              .map((l) => '+' + l)
              .join('\n'),
        },
      ],
      head: { [path]: sql },
    })
    const r = await runActionOnPr(server, pr)
    noStackTrace(r)
    const body = server.commentsOn(7)[0].body
    expect(body.length).toBeLessThanOrEqual(65536)
    expect(body).toMatch(/✂️ Truncated: the full report is in the \[check run\]\(https:\/\/github\.com\/.+\/runs\/\d+\)/)
    const lines = body.split('\n')
    const cut = lines.findIndex((l) => l.includes('✂️'))
    expect(lines[cut - 2]).toBe('</details>') // the "more to fix" list is cut after a whole item, and closed
    expect(lines[cut - 3]).toMatch(/^\d+\. ❌ \*\*migration-safety\*\* · .*\*\*Fix:\*\* CREATE INDEX CONCURRENTLY/)
    const check = server.state.checkRuns[0]
    expect((check.output.summary ?? '').length).toBeLessThanOrEqual(65535)
    expect((check.output.text ?? '').length).toBeLessThanOrEqual(65535)
    // The trend record (issue 21) survives the truncation, at the end of the text.
    expect(extractRecord(check.output.text)?.conclusion).toBe(r.outputs.conclusion)
  })
})

describe('permissions', () => {
  it('a fork PR with a read-only token: no crash, verdict in summary/outputs/exit code, and the log says how to publish', async () => {
    server.addToken('ghs_readonly', { login: 'github-actions[bot]', type: 'Bot', access: 'read', actionsToken: true })
    const pr = seedPr(server, { fork: true, base: { '.github/quality-gate.yml': 'rules:\n  pr-size: { level: fail, fail_lines: 1 }\n' } })
    const r = await runActionOnPr(server, pr, {}, { token: 'ghs_readonly' })
    noStackTrace(r)
    expect(r.code).toBe(1)
    expect(r.outputs.conclusion).toBe('failure')
    expect(r.summary).toContain('## ❌ Quality gate: failure')
    expect(r.stdout).toContain('comes from a fork')
    expect(server.state.comments).toHaveLength(0)
    expect(server.state.checkRuns).toHaveLength(0)
    expect(withoutMaskCommands(r.stdout + r.stderr)).not.toContain('ghs_readonly')
  })

  it('check runs forbidden (403): a commit status with the same name instead', async () => {
    server.checksForbidden = true
    const pr = seedPr(server)
    const r = await runActionOnPr(server, pr)
    expect(r.code).toBe(0)
    expect(server.state.statuses).toHaveLength(1)
    expect(server.state.statuses[0]).toMatchObject({ sha: HEAD_SHA, context: 'quality-gate', state: 'success' })
  })

  it('size labels are applied and swapped when the policy asks', async () => {
    const pr = seedPr(server, { labels: ['size/XL', 'bug'], base: { '.github/quality-gate.yml': 'rules:\n  pr-size: { labels: true }\n' } })
    expect((await runActionOnPr(server, pr)).code).toBe(0)
    expect(server.labelsOn(7).sort()).toEqual(['bug', 'size/XS'])
  })

  it('the token never appears in the output', async () => {
    const pr = seedPr(server)
    const r = await runActionOnPr(server, pr)
    // The only occurrence allowed is the runner's own masking command, which the runner never prints.
    expect(r.stdout).toContain(`::add-mask::${server.token}`)
    expect(withoutMaskCommands(r.stdout + r.stderr + r.summary)).not.toContain(server.token)
  })
})

describe('evidence from the workspace', () => {
  it('reads a SARIF report from the workspace and fails on a new high vulnerability', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'ws-'))
    mkdirSync(join(ws, 'reports'))
    writeFileSync(join(ws, 'reports/trivy.sarif'), readFileSync('__tests__/fixtures/scanners/trivy.sarif', 'utf8'))
    const pr = seedPr(server, {
      base: {
        '.github/quality-gate.yml': 'rules:\n  dependencies: { reports: ["reports/trivy.sarif"], fail_on: high, new_only: false }\n',
      },
    })
    const r = await runActionOnPr(server, pr, {}, { workspace: ws })
    noStackTrace(r)
    expect(r.outputs['failed-rules']).toContain('dependencies')
    expect(server.commentsOn(7)[0].body).toMatch(/CVE-\d{4}-\d+/)
  })

  it('a report the policy names but the workspace lacks fails (never a silent pass)', async () => {
    const pr = seedPr(server, { base: { '.github/quality-gate.yml': 'rules:\n  dependencies: { reports: ["reports/trivy.sarif"] }\n' } })
    const r = await runActionOnPr(server, pr)
    expect(r.outputs.conclusion).toBe('failure')
  })
})

describe('comment: always | on-failure | on-change | never (the policy decides; the check run is always written)', () => {
  const failing = (mode: string) => `comment: ${mode}\nrules:\n  pr-size: { level: fail, fail_lines: 1 }\n`
  const passing = (mode: string) => `comment: ${mode}\n`

  it('on-failure: a passing PR gets no comment, only the check run', async () => {
    const pr = seedPr(server, { base: { '.github/quality-gate.yml': passing('on-failure') } })
    const r = await runActionOnPr(server, pr)
    expect(r.code).toBe(0)
    expect(server.state.checkRuns).toHaveLength(1)
    expect(server.commentsOn(7)).toHaveLength(0)
    expect(r.stdout).toContain(
      'sticky comment not written (comment: on-failure): the conclusion is success and there is no comment to update',
    )
  })

  it('on-failure: a failing PR gets the comment, and once fixed the same comment turns green (never a stale red one)', async () => {
    const pr = seedPr(server, { base: { '.github/quality-gate.yml': failing('on-failure') } })
    expect((await runActionOnPr(server, pr)).code).toBe(1)
    expect(server.commentsOn(7)).toHaveLength(1)
    expect(server.commentsOn(7)[0].body).toContain('## ❌ Quality gate: failure')
    server.setTree(BASE_SHA, { '.github/quality-gate.yml': passing('on-failure') })
    expect((await runActionOnPr(server, pr)).code).toBe(0)
    expect(server.commentsOn(7)).toHaveLength(1)
    expect(server.commentsOn(7)[0].body).toContain('## ✅ Quality gate: success')
  })

  it('on-change: written when the verdict or findings change, left alone when they do not', async () => {
    const pr = seedPr(server, { base: { '.github/quality-gate.yml': failing('on-change') } })
    expect((await runActionOnPr(server, pr)).code).toBe(1)
    expect(server.commentsOn(7)).toHaveLength(1)
    expect((await runActionOnPr(server, pr)).code).toBe(1)
    expect(server.count('issues/update-comment')).toBe(0) // same findings: not rewritten
    server.setTree(BASE_SHA, { '.github/quality-gate.yml': passing('on-change') })
    expect((await runActionOnPr(server, pr)).code).toBe(0)
    expect(server.count('issues/update-comment')).toBe(1)
    expect(server.commentsOn(7)[0].body).toContain('## ✅ Quality gate: success')
  })

  it('on-change: a PR that passes from the start gets no comment', async () => {
    const pr = seedPr(server, { base: { '.github/quality-gate.yml': passing('on-change') } })
    expect((await runActionOnPr(server, pr)).code).toBe(0)
    expect(server.commentsOn(7)).toHaveLength(0)
  })

  it('never: a failing PR gets the check run and no comment call at all', async () => {
    const pr = seedPr(server, { base: { '.github/quality-gate.yml': failing('never') } })
    expect((await runActionOnPr(server, pr)).code).toBe(1)
    expect(server.state.checkRuns[0].conclusion).toBe('failure')
    expect(server.commentsOn(7)).toHaveLength(0)
    // (the timeline read for waivers is a read of the issue, not a comment call)
    expect(
      server.requests.map((q) => q.operationId).filter((op) => op?.startsWith('issues/') && op !== 'issues/list-events-for-timeline'),
    ).toEqual([])
  })

  describe('when the existing comments cannot be listed (GraphQL refuses the field, REST answers 502)', () => {
    const cannotList = () => {
      server.faults.push({ path: '/graphql', graphqlErrors: [{ path: ['repository', 'pullRequest', 'comments'] }], times: 1 })
      server.faults.push({ method: 'GET', path: /\/issues\/7\/comments$/, status: 502, times: 20 })
    }

    it.each(['on-failure', 'on-change'])(
      '%s: a failing verdict fails the job and the check run, and a warning says why no comment was written',
      async (mode) => {
        const pr = seedPr(server, { base: { '.github/quality-gate.yml': failing(mode) } })
        cannotList()
        const r = await runActionOnPr(server, pr)
        noStackTrace(r)
        expect(r.code).toBe(1)
        expect(server.state.checkRuns[0].conclusion).toBe('failure')
        expect(server.count('issues/list-comments')).toBeGreaterThan(0) // it did try to look the comment up
        expect(server.count('issues/create-comment')).toBe(0) // never a blind create that could duplicate the sticky comment
        const warnings = r.commands
          .filter((c) => c.command === 'warning')
          .map((c) => c.message)
          .join('\n')
        expect(warnings).toContain(`sticky comment not written (comment: ${mode}): the existing comment could not be looked up`)
        expect(warnings).toContain('the check run has the verdict')
      },
    )

    it.each(['on-failure', 'on-change'])(
      '%s: a passing verdict writes no comment, the check run still concludes success, and the log says why',
      async (mode) => {
        const pr = seedPr(server, { base: { '.github/quality-gate.yml': passing(mode) } })
        cannotList()
        const r = await runActionOnPr(server, pr)
        noStackTrace(r)
        expect(r.code).toBe(0)
        expect(server.state.checkRuns).toHaveLength(1)
        expect(server.state.checkRuns[0].conclusion).toBe('success')
        expect(server.count('issues/create-comment')).toBe(0)
        expect(r.stdout).toContain(
          `sticky comment not written (comment: ${mode}): the conclusion is success and the existing comment could not be looked up`,
        )
      },
    )
  })

  it('a misspelt mode is a policy error with a did-you-mean, and the gate fails closed with a comment', async () => {
    const pr = seedPr(server, { base: { '.github/quality-gate.yml': 'comment: on-failur\n' } })
    expect((await runActionOnPr(server, pr)).code).toBe(1)
    expect(server.commentsOn(7)[0].body).toContain('on-failure')
  })
})

describe('the log', () => {
  it('prints the policy source and the diff range, and one group per rule with its result and time', async () => {
    const pr = seedPr(server, { base: { '.github/quality-gate.yml': 'rules:\n  pr-size: { level: fail, fail_lines: 1 }\n' } })
    const r = await runActionOnPr(server, pr)
    expect(r.stdout).toMatch(/^policy: \.github\/quality-gate\.yml/m)
    expect(r.stdout).toContain(`diff range: ${BASE_SHA}...${HEAD_SHA} (main...feature)`)
    const groups = r.commands.filter((c) => c.command === 'group').map((c) => c.message)
    expect(groups).toHaveLength(8) // a policy without extends starts from the schema defaults: all 8 rules run
    expect(groups[0]).toMatch(/^pr-size: FAIL in \d+ ms$/)
    expect(groups).toContainEqual(expect.stringMatching(/^critical-path-tests: not applicable in \d+ ms$/))
    expect(groups).toContainEqual(expect.stringMatching(/^dependencies: no evidence in \d+ ms$/))
    expect(r.commands.filter((c) => c.command === 'endgroup')).toHaveLength(8)
    expect(r.stdout).toMatch(/^  \[fail\] .*over the failure limit of 1/m)
    expect(r.commands.filter((c) => c.command === 'debug')).toEqual([]) // nothing extra without debug logging
  })

  it('under debug logging (RUNNER_DEBUG=1) each rule adds its level, applicability and tables as debug lines', async () => {
    const pr = seedPr(server)
    const r = await runAction({
      server,
      event: pullRequestEvent(pr, 'synchronize', server),
      inputs: { token: server.token },
      env: { RUNNER_DEBUG: '1' },
    })
    expect(r.code).toBe(0)
    const debug = r.commands.filter((c) => c.command === 'debug').map((c) => c.message)
    expect(debug).toContainEqual(
      expect.stringMatching(/^pr-size: level warn, status pass, applicability applicable, 0 finding\(s\) in \d+ ms$/),
    )
    expect(debug).toContainEqual(expect.stringMatching(/^pr-size table Largest directories: /))
  })

  it('a finding cannot issue a workflow command: its text is printed on one line after a prefix', async () => {
    const sql = 'CREATE INDEX idx ON t (c);\n'
    const pr = seedPr(server, {
      files: [
        {
          filename: 'db/migrations/V2__x\n::add-mask::secret.sql',
          status: 'added',
          additions: 1,
          deletions: 0,
          patch: '@@ -0,0 +1 @@\n+CREATE INDEX idx ON t (c);',
        },
      ],
      head: { 'db/migrations/V2__x\n::add-mask::secret.sql': sql },
    })
    const r = await runActionOnPr(server, pr)
    expect(r.stdout.split('\n').filter((l) => l.startsWith('::add-mask::secret'))).toEqual([])
    expect(r.stdout).toContain('db/migrations/V2__x ::add-mask::secret.sql:1 (create-index-non-concurrent)')
  })
})
