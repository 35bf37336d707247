/**
 * Issue 13, items 4, 10, 13 and 14, through the bundle against the fake GitHub (OpenAPI/GraphQL-validated):
 * - a partial GraphQL answer (`policy: null` + FORBIDDEN at its path) is unknown, not "no policy file";
 * - a waiver reason inside an HTML comment, a code fence, or still a placeholder does not waive;
 * - an upstream that echoes the Authorization header does not leak the token (whole or in part);
 * - bidi controls, ESC and cross-referencing URLs in untrusted text are neutralised in the comment.
 */
import { type FakeGitHub } from '../helpers/github-server.js'
import { lineFiles, noStackTrace, runActionOnPr, seedPr } from './helpers.js'
import { useFakeGitHub } from '../helpers/use-fake-github.js'

let server: FakeGitHub
useFakeGitHub((s) => (server = s))

const POLICY = '.github/quality-gate.yml'
const STRICT = { [POLICY]: 'rules:\n  pr-size: { level: fail, fail_lines: 2 }\n' }

describe('a partial GraphQL answer is not "no policy file" (item 4)', () => {
  it('policy: null with a FORBIDDEN error at its path: the policy is read over REST and enforced (failure, not the default policy’s success)', async () => {
    const pr = seedPr(server, { base: STRICT, files: lineFiles(3) })
    server.faults.push({ path: '/graphql', graphqlErrors: [{ path: ['repository', 'policy'], type: 'FORBIDDEN' }], times: 1 })
    const r = await runActionOnPr(server, pr)
    noStackTrace(r)
    expect(server.requests.filter((q) => q.fault).map((q) => [q.operationId, q.status])).toEqual([['graphql', 200]])
    expect(r.outputs.conclusion).toBe('failure')
    expect(r.outputs['failed-rules']).toBe('pr-size')
    expect(r.code).toBe(1)
    expect(server.requestsFor('repos/get-content').map((q) => q.path)).toEqual([
      `/repos/acme/service/contents/${encodeURIComponent(POLICY)}`,
    ])
    expect(server.commentsOn(7)[0].body).toContain(`${POLICY}@`)
  })

  it('and when REST refuses it too, the run fails closed (on_error), never success', async () => {
    const pr = seedPr(server, { base: STRICT, files: lineFiles(3) })
    server.faults.push({ path: '/graphql', graphqlErrors: [{ path: ['repository', 'policy'] }], times: 1 })
    server.faults.push({
      path: 'repos/get-content',
      status: 403,
      body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' },
      times: 10,
    })
    const r = await runActionOnPr(server, pr)
    noStackTrace(r)
    expect(r.outputs.conclusion).toBe('failure')
    expect(r.code).toBe(1)
    expect(server.state.checkRuns[0]?.conclusion).toBe('failure')
  })

  it('.gitattributes: null with an error: read over REST, so its exclusions still apply', async () => {
    const base = {
      ...STRICT,
      [POLICY]: 'rules:\n  pr-size: { level: fail, fail_lines: 4 }\n',
      '.gitattributes': 'gen/** linguist-generated\n',
    }
    const files = [
      ...lineFiles(3),
      { filename: 'gen/big.ts', status: 'added' as const, additions: 500, deletions: 0, patch: '@@ -0,0 +1,1 @@\n+x\n' },
    ]
    const pr = seedPr(server, { base, files })
    server.faults.push({ path: '/graphql', graphqlErrors: [{ path: ['repository', 'attributes'] }], times: 1 })
    const r = await runActionOnPr(server, pr)
    expect(r.outputs.conclusion).toBe('success') // 3 lines counted; gen/big.ts is generated per the base
    expect(server.requestsFor('repos/get-content').map((q) => q.path)).toEqual(['/repos/acme/service/contents/.gitattributes'])
  })
})

describe('self-waiving: the waiver reason must be a visible, real line (item 10)', () => {
  it.each([
    [
      'inside the PR template’s HTML comment',
      '## Summary\nBig change.\n<!--\nTo waive a rule: gate-waive:pr-size <reason>\ngate-waive:pr-size the generated client was regenerated\n-->',
    ],
    ['inside a code fence', 'Example:\n```\ngate-waive:pr-size the generated client was regenerated\n```'],
    ['a template placeholder', 'gate-waive:pr-size <explain why this rule does not apply…>'],
  ])('%s: not waived, the gate fails and says why', async (_name, body) => {
    const pr = seedPr(server, { base: STRICT, files: lineFiles(3), labels: ['gate-waive:pr-size'], body })
    const r = await runActionOnPr(server, pr)
    noStackTrace(r)
    expect(r.outputs.conclusion).toBe('failure')
    expect(r.outputs['failed-rules']).toBe('pr-size')
    expect(server.commentsOn(7)[0].body).toContain('Waiver for pr-size not applied')
  })

  it('a real reason line still waives', async () => {
    const pr = seedPr(server, {
      base: STRICT,
      files: lineFiles(3),
      labels: ['gate-waive:pr-size'],
      body: '<!-- template -->\ngate-waive:pr-size the generated client was regenerated',
    })
    const r = await runActionOnPr(server, pr)
    expect(r.outputs.conclusion).toBe('success')
    expect(server.commentsOn(7)[0].body).toContain('with the label <code>gate-waive:pr-size</code> on <code>cccccccccccc</code>')
    expect(server.commentsOn(7)[0].body).toContain(': the generated client was regenerated')
  })
})

describe('an upstream echoing the Authorization header leaks no token (item 13)', () => {
  // A token of no known shape: only the registered value (whole and in part) can redact it.
  const TOKEN = 'Qx7mZp2LkR9vT4wN8bC3dF6gH1jK5sY0aE2uI9oP'
  const V1 = `v1.${'0123456789abcdef'.repeat(2)}01234567`
  const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiI0MiJ9.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU'
  it('the comment and the check run show *** where the token was', async () => {
    server.addToken(TOKEN, { login: 'github-actions[bot]', type: 'Bot', access: 'write', actionsToken: true })
    const pr = seedPr(server)
    const message = `proxy error: upstream rejected "Authorization: token ${TOKEN}" (first part ${TOKEN.slice(0, 16)}, last part ${TOKEN.slice(-16)}); cached ${V1}; jwt ${JWT}; ghs_abc`
    server.faults.push({
      path: 'pulls/list-files',
      status: 502,
      body: { message, documentation_url: 'https://docs.github.com/rest' },
      times: 10,
    })
    const r = await runActionOnPr(server, pr, {}, { token: TOKEN })
    noStackTrace(r)
    expect(r.outputs.conclusion).toBe('failure')
    const body = server.commentsOn(7)[0].body
    const check = server.state.checkRuns[0]
    const published = [body, check.output.title ?? '', check.output.summary ?? '', check.output.text ?? '', r.summary]
    for (const text of published) {
      for (const secret of [TOKEN, TOKEN.slice(0, 16), TOKEN.slice(-16), V1, JWT, 'ghs_abc']) expect(text).not.toContain(secret)
    }
    expect(body).toContain('proxy error: upstream rejected')
    expect(body).toContain('\\*\\*\\*')
    // The log too (the runner masks registered secrets, but parts of them are not masked).
    const log =
      r.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n') + r.stderr
    for (const secret of [TOKEN.slice(0, 16), TOKEN.slice(-16), V1, JWT]) expect(log).not.toContain(secret)
  })
})

describe('residue escaping used to let through (item 14)', () => {
  it('a bidi-spoofed, ESC-carrying directory and a cross-referencing URL in the waiver reason are neutralised in the comment', async () => {
    const dir = 'docs\u202Etxt.exe\u001b[31m'
    const files = [
      { filename: `${dir}/a.ts`, status: 'added' as const, additions: 5, deletions: 0, patch: '@@ -0,0 +1,5 @@\n+a\n+b\n+c\n+d\n+e' },
    ]
    const url = 'https://github.com/victim/other/issues/12'
    const pr = seedPr(server, {
      base: { [POLICY]: 'rules:\n  pr-size: { level: fail, fail_lines: 2 }\n  runbook: { level: warn }\n' },
      files,
    })
    const r = await runActionOnPr(server, pr)
    expect(r.outputs.conclusion).toBe('failure')
    const body = server.commentsOn(7)[0].body
    expect(body).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u0000-\u0008\u000b-\u001f\u007f-\u009f]/)
    expect(body).toContain('docs\\u202Etxt.exe\\u001B\\[31m')

    const waived = seedPr(server, {
      number: 8,
      base: STRICT,
      files: lineFiles(3),
      labels: ['gate-waive:pr-size'],
      body: `gate-waive:pr-size same fix as ${url} and victim/other#13 upstream`,
    })
    await runActionOnPr(server, waived)
    const text = server.commentsOn(8)[0].body
    expect(text).toContain(`same fix as \`${url}\` and \`victim/other#13\` upstream`)
    expect(text.replace(/`[^`]*`/g, '')).not.toMatch(/github\.com\/victim|victim\/other#/)
  })
})

describe("the head start's file list (issue 15): asked for before the rest of the Action loads", () => {
  it('refused while the rules load: the run concludes as the policy says, naming the call; no background error', async () => {
    // A first run warms the fake (it compiles a route's validators on first use), so the refusal arrives
    // while the rest of the Action is still loading, before the run awaits the list.
    await runActionOnPr(server, seedPr(server, { number: 8, base: STRICT }))
    const pr = seedPr(server, { base: STRICT })
    server.faults.push({ path: 'pulls/list-files', status: 404, times: 1 })
    const r = await runActionOnPr(server, pr)
    noStackTrace(r)
    expect(r.stderr).not.toContain('background error') // the early request's failure waited for the run
    expect(r.outputs.conclusion).toBe('failure')
    expect(server.commentsOn(7)[0].body).toContain('The gate could not evaluate this pull request: GET /repos/acme/service/pulls/7/files')
    expect(server.requestsFor('pulls/list-files').filter((q) => q.path.includes('/pulls/7/'))).toHaveLength(1) // asked once, never again
  })
})
