import { escapeText, renderRich, visibleControls } from '../../src/report/escape.js'
import { markerFor, renderComment } from '../../src/report/markdown.js'
import { annotationsOf } from '../../src/report/annotations.js'
import { renderText } from '../../src/report/terminal.js'
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
    expect(body).toContain(
      'https://github.com/o/r/blob/abc/src/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E%7C%40admins%60%3C!--%20pr-quality-gate%3Aquality-gate%20--%3E.ts#L3',
    )
  })
})

describe('residue escaping used to let through (issue 13, item 14)', () => {
  const bidi = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c']
  it.each(bidi.map((c) => [c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0'), c]))(
    'bidi control U+%s: shown as a visible escape, never the character',
    (code, c) => {
      const out = escapeText(`src/evil${c}txt.ts`)
      expect(out).not.toContain(c)
      expect(out).toContain(`\\u${code}`)
    },
  )

  it('a file name that reads backwards shows what it is', () => {
    expect(escapeText('invoice\u202Egpj.exe')).toBe('invoice\\u202Egpj.exe')
  })

  it('ESC and the other C0 and C1 controls are shown as escapes (no terminal escape sequence survives)', () => {
    const out = escapeText('red \u001b[31mALERT\u001b[0m bell\u0007 nul\u0000 csi\u009b del\u007f')
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/)
    expect(out).toContain('\\u001B\\[31mALERT')
    expect(out).toContain('\\u009B')
    expect(visibleControls('a\u001b]0;pwned\u0007b\r\n\tc')).toBe('a\\u001B]0;pwned\\u0007b\\u000D\n\tc')
  })

  it.each([
    [
      'https://github.com/acme/other/issues/12',
      'see https://github.com/acme/other/issues/12 now',
      'see `https://github.com/acme/other/issues/12` now',
    ],
    [
      'a pull URL with a trailing full stop',
      'fixed in https://github.com/acme/other/pull/7.',
      'fixed in `https://github.com/acme/other/pull/7`.',
    ],
    [
      'a comment anchor on a GHES host',
      'ghe http://ghe.example.com/o/r/issues/3#issuecomment-1',
      'ghe `http://ghe.example.com/o/r/issues/3#issuecomment-1`',
    ],
    ['www. without a scheme', 'www.github.com/o/r/discussions/9', '`www.github.com/o/r/discussions/9`'],
    ['owner/repo#N', 'closes acme/other#12 too', 'closes `acme/other#12` too'],
  ])('%s: wrapped in a code span (not linked, not cross-referenced, text unchanged)', (_name, input, expected) => {
    expect(escapeText(input)).toBe(expected)
  })

  it('an ordinary URL is escaped as before, and nothing can break out of the code span', () => {
    expect(escapeText('https://example.com/a_b')).toBe('https://example.com/a\\_b')
    // A backtick, pipe or control ends the reference: they are escaped outside the span.
    expect(escapeText('https://github.com/o/r/issues/1`|x')).toBe('`https://github.com/o/r/issues/1`\\`\\|x')
    expect(escapeText('https://github.com/o/r/issues/1\u202Ex')).toBe('`https://github.com/o/r/issues/1`\\u202Ex')
  })
})

describe('plain-text surfaces show controls too', () => {
  it('check-run annotations (plain text on GitHub): bidi and ESC become visible escapes', () => {
    const v = verdictWith('src/a.ts', 'file docs\u202Etxt.exe has \u001b[31mred')
    const [a] = annotationsOf(v)
    expect(a.message).toBe('file docs\\u202Etxt.exe has \\u001B[31mred\n\nFix: split `it`')
  })

  it('the CLI text output: ESC cannot reach the terminal', () => {
    const out = renderText(verdictWith('src/\u001b]0;owned\u0007.ts', 'x\u009b2J'))
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/)
    expect(out).toContain('src/\\u001B]0;owned\\u0007.ts:3')
  })
})
