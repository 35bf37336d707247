import { escapeText, renderRich } from '../../src/report/escape.js'
import { markerFor, renderComment } from '../../src/report/markdown.js'
import type { Verdict } from '../../src/types.js'

describe('escaping untrusted text', () => {
  it.each([
    ['HTML', '<script>alert(1)</script>', (s: string) => !s.includes('<script') && s.includes('&lt;script&gt;')],
    ['table pipes', 'a|b', (s: string) => s === 'a\\|b'],
    ['backticks', 'x`y', (s: string) => s === 'x\\`y'],
    ['mentions', 'ping @org/team and @alice', (s: string) => !/@[a-z]/.test(s) && s.includes('@&#8203;org')],
    ['issue references', 'fixes #12', (s: string) => s.includes('#&#8203;12')],
    ['links', '[click](https://evil.example)', (s: string) => s.startsWith('\\[click\\]\\(')],
    ['a copy of the hidden marker', '<!-- pr-quality-gate:quality-gate -->', (s: string) => !s.includes('<!--')],
    ['newlines', 'a\nb\r\nc', (s: string) => s === 'a b c'],
    ['images', '![x](y)', (s: string) => !s.includes('![')],
  ])('%s', (_name, input, ok) => {
    expect(ok(escapeText(input))).toBe(true)
  })

  it('renders code spans as <code> without letting a backtick break out', () => {
    expect(renderRich('use `CREATE INDEX CONCURRENTLY <x>` instead')).toBe('use <code>CREATE INDEX CONCURRENTLY &lt;x&gt;</code> instead')
    expect(renderRich('`a` @b `c')).not.toMatch(/@b/)
  })

  it('caps very long text', () => {
    expect(escapeText('x'.repeat(5000), 100)).toHaveLength(101)
  })
})

function verdictWith(path: string, message: string, body = ''): Verdict {
  return {
    conclusion: 'failure',
    title: '1 failed: pr-size',
    results: [
      {
        id: 'pr-size',
        description: 'size',
        level: 'fail',
        status: 'fail',
        findings: [{ message, path, line: 3, hint: 'split `it`', level: 'fail' }],
        summary: body,
      },
    ],
    failedRules: ['pr-size'],
    notes: [],
    labels: { add: [], remove: [] },
    policySource: 'default',
    mode: 'pull_request',
    head: 'abc',
    base: 'def',
  }
}

describe('the comment with hostile file names and text', () => {
  const hostile = 'src/<img src=x onerror=alert(1)>|@admins`<!-- pr-quality-gate:quality-gate -->.ts'
  const body = renderComment(verdictWith(hostile, 'bad @everyone <b>bold</b>', '| injected | row |'), {
    checkName: 'quality-gate',
    labelPrefix: 'gate-waive:',
    links: { repoUrl: 'https://github.com/o/r' },
  })
  it('has exactly one marker, at the start', () => {
    expect(body.startsWith(markerFor('quality-gate'))).toBe(true)
    expect(body.split('pr-quality-gate:quality-gate -->').length).toBe(2)
  })
  it('contains no raw HTML from the input and no live mention', () => {
    expect(body).not.toContain('<img')
    expect(body).not.toContain('<b>bold')
    expect(body).not.toMatch(/@(admins|everyone)/)
  })
  it('keeps the table intact (no unescaped pipe from the input)', () => {
    const row = body.split('\n').find((l) => l.includes('injected'))!
    expect(row).toContain('\\| injected \\| row \\|')
  })
  it('links the file at the head SHA with an encoded path', () => {
    expect(body).toContain('https://github.com/o/r/blob/abc/src/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E%7C%40admins%60%3C!--%20pr-quality-gate%3Aquality-gate%20--%3E.ts#L3')
  })
})
