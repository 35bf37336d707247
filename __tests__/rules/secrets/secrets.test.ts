/**
 * The secrets rule over the fake credentials of __tests__/fixtures/secrets/leaky (real formats, obviously
 * fake: see its PROVENANCE.md). Each finding names the rule, file:line and a fingerprint; the secret text
 * is in no string the rule outputs.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { secrets } from '../../../src/rules/secrets/index.js'
import { fingerprintOf, redactedOf, scrub } from '../../../src/evidence/redact.js'
import { addFilePatch, makeContext, type FakeFile } from '../../helpers/context.js'
import type { ProviderResult, RuleOutput, SecretScanningAlert } from '../../../src/types.js'

const DIR = join(process.cwd(), '__tests__/fixtures/secrets/leaky')
const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]))
const FIXTURE: Record<string, string> = Object.fromEntries(
  walk(DIR)
    .filter((p) => !p.endsWith('.md') && !p.endsWith('.json'))
    .map((p) => [relative(DIR, p), readFileSync(p, 'utf8')]),
)

/** The credentials in the fixture, by what makes them one (so a test can grep every output for them). */
export const SECRETS = [
  /aws_secret_access_key=(\S+)/.exec(FIXTURE['config/aws.env'])![1],
  /'(ghp_\w+)'/.exec(FIXTURE['src/github.ts'])![1],
  /'(xoxb-[\w-]+)'/.exec(FIXTURE['src/slack.ts'])![1],
  /'(https:\/\/hooks\.slack\.com\/[^']+)'/.exec(FIXTURE['src/slack.ts'])![1],
]

const opts = (o: Record<string, unknown> = {}) =>
  ({ level: 'fail' as const, allow: [], inline_allow: true, use_secret_scanning_alerts: true, ...o }) as never

function added(files: Record<string, string>): FakeFile[] {
  return Object.entries(files).map(([path, text]) => ({ path, status: 'added' as const, patch: addFilePatch(text), head: text }))
}

function everything(out: RuleOutput): string {
  return JSON.stringify(out)
}

function expectNoSecret(out: RuleOutput, extra: string[] = []): void {
  const all = everything(out)
  for (const s of [...SECRETS, ...extra]) {
    expect(all).not.toContain(s)
    // and no long piece of it either
    for (let i = 0; i + 12 <= s.length; i += 6) if (new Set(s.slice(i, i + 12)).size >= 6) expect(all).not.toContain(s.slice(i, i + 12))
  }
}

describe('secrets: the added lines of the fixture', () => {
  it('finds each fake credential on its head line, by detector, without echoing it', async () => {
    const out = await secrets.evaluate(makeContext({ files: added(FIXTURE) }), opts())
    const at = out.findings.filter((f) => (f.kind ?? 'violation') === 'violation').map((f) => `${f.path}:${f.line} ${f.code}`)
    expect(at.sort()).toEqual(
      [
        'config/aws.env:3 AWSSecretAccessKey',
        'deploy/id_rsa:1 PrivateKey',
        'src/github.ts:2 GITHUB_TOKEN',
        'src/slack.ts:2 SLACK_TOKEN',
        'src/slack.ts:3 IncomingWebhook',
      ].sort(),
    )
    // high-entropy strings without a credential's context are not findings
    expect(out.findings.some((f) => f.path === 'src/clean.ts')).toBe(false)
    expectNoSecret(out, [FIXTURE['deploy/id_rsa'].split('\n')[1]])
    const gh = out.findings.find((f) => f.code === 'GITHUB_TOKEN')!
    expect(gh.message).toContain(redactedOf(SECRETS[1]))
    expect(gh.message).toMatch(/ghp_…0000 \(sha256:[0-9a-f]{16}\)/)
    expect(gh.hint).toMatch(/^Rotate the credential first/)
    expect(out.summary).toMatch(/5 files scanned .*5 secrets found \(5 failing\)/)
  })

  it('scans only added lines: the same key on a context line is not a finding, and lines keep head numbers', async () => {
    const key = SECRETS[1]
    const patch = `@@ -10,3 +10,4 @@\n const old = '${key}'\n x\n+const fresh = '${key}'\n y`
    const out = await secrets.evaluate(makeContext({ files: [{ path: 'a.ts', patch }] }), opts())
    expect(out.findings.map((f) => f.line)).toEqual([12])
  })

  it('skips lock files and binary files; removed files are not scanned', async () => {
    const text = `x = '${SECRETS[1]}'`
    const out = await secrets.evaluate(
      makeContext({
        files: [
          { path: 'package-lock.json', excluded: 'lockfile', status: 'modified', patch: addFilePatch(text) },
          { path: 'logo.png', binary: true, status: 'added' },
          { path: 'gone.ts', status: 'removed', patch: '@@ -1 +0,0 @@\n-' + text },
        ],
      }),
      opts(),
    )
    expect(out.findings).toEqual([])
    expect(out.summary).toMatch(/skipped: 1 lockfile, 1 binary, 1 removed/)
    expect(out.applicability).toBe('not-applicable')
  })

  it('a file whose diff is not inlined is compared whole: only its new lines count', async () => {
    const key = SECRETS[1]
    const base = `a\nold = '${key}'\n`
    const head = `a\nold = '${key}'\nb\nnew = '${SECRETS[2]}'\n`
    const out = await secrets.evaluate(makeContext({ files: [{ path: 'big.ts', status: 'modified', head, base }] }), opts())
    expect(out.findings.map((f) => `${f.line} ${f.code}`)).toEqual(['4 SLACK_TOKEN'])
    expect(
      secrets.plan!({ files: [{ path: 'big.ts', status: 'modified', additions: 2, deletions: 0 }], mode: 'pull_request' }, opts()),
    ).toEqual({ head: ['big.ts'], base: ['big.ts'] })
  })

  it('a file that cannot be read is an error, not a pass', async () => {
    const ctx = makeContext({ files: [{ path: 'big.ts', status: 'modified' }] })
    ctx.changes.readHead = async () => {
      throw new Error('HTTP 502')
    }
    const out = await secrets.evaluate(ctx, opts())
    expect(out.findings.map((f) => [f.kind, f.code])).toEqual([['error', 'read-failed']])
  })
})

describe('secrets: allowlists', () => {
  it('by path, by detector and by fingerprint, each with its reason in the table', async () => {
    const fp = fingerprintOf(SECRETS[2])
    const out = await secrets.evaluate(
      makeContext({ files: added(FIXTURE) }),
      opts({
        allow: [
          { path: 'config/**', reason: 'fake AWS keys of the config tests' },
          { rule: 'privatekey', reason: 'test key pair' },
          { fingerprint: fp, reason: 'the Slack fake' },
        ],
      }),
    )
    const failing = out.findings.filter((f) => (f.kind ?? 'violation') === 'violation').map((f) => f.code)
    expect(failing.sort()).toEqual(['GITHUB_TOKEN', 'IncomingWebhook'])
    const table = out.tables!.find((t) => t.title === 'Secrets found')!
    expect(table.rows.map((r) => r[5])).toEqual(
      expect.arrayContaining([
        'allowed (policy): fake AWS keys of the config tests',
        'allowed (policy): test key pair',
        'allowed (policy): the Slack fake',
      ]),
    )
  })

  it('an entry that names nothing is an error: it would allow every secret', async () => {
    const out = await secrets.evaluate(makeContext({ files: added(FIXTURE) }), opts({ allow: [{ reason: 'everything' }] }))
    expect(out.findings.map((f) => [f.kind, f.code])).toEqual([['error', 'bad-allow']])
  })

  it('inline `pr-gate: allow-secret <reason>` on the line or the line above; listed for reviewers; the reason is scrubbed', async () => {
    const [aws, gh, slack] = SECRETS
    const text = [
      `const a = '${gh}' // pr-gate: allow-secret documented example token`,
      `// pr-gate: allow-secret fake slack token, see ${slack}`,
      `const b = '${slack}'`,
      `aws_secret_access_key=${aws} // pr-gate: allow-secret`,
    ].join('\n')
    const out = await secrets.evaluate(makeContext({ files: added({ 'x.ts': text }) }), opts())
    const failing = out.findings.filter((f) => (f.kind ?? 'violation') === 'violation')
    expect(failing.map((f) => `${f.line} ${f.code}`)).toEqual(['4 AWSSecretAccessKey'])
    expect(out.findings.find((f) => f.code === 'allow-without-reason')?.message).toBe(
      'x.ts:4: pr-gate: allow-secret without a reason does not count',
    )
    const inline = out.tables!.find((t) => /inline/.test(t.title ?? ''))!
    expect(inline.rows.map((r) => [r[0], r[3]])).toEqual([
      ['x.ts:1', 'documented example token'],
      // the comment quotes the key: that line is a finding too, allowed by its own comment
      ['x.ts:2', `fake slack token, see ${fingerprintOf(slack)}`],
      ['x.ts:3', `fake slack token, see ${fingerprintOf(slack)}`],
    ])
    expectNoSecret(out)
  })

  it('inline allows can be turned off', async () => {
    const out = await secrets.evaluate(
      makeContext({ files: added({ 'x.ts': `const a = '${SECRETS[1]}' // pr-gate: allow-secret example` }) }),
      opts({ inline_allow: false }),
    )
    expect(out.findings.map((f) => f.code)).toEqual(['GITHUB_TOKEN'])
  })
})

describe("secrets: GitHub's secret-scanning alerts", () => {
  const alert = (over: Partial<SecretScanningAlert> = {}): SecretScanningAlert => ({
    number: 3,
    secretType: 'github_personal_access_token',
    displayName: 'GitHub Personal Access Token',
    fingerprint: fingerprintOf('ghp_other'),
    redacted: fingerprintOf('ghp_other'),
    locations: [{ path: 'old/history.ts', line: 4, endLine: 4, commit: 'a'.repeat(40) }],
    ...over,
  })
  const withAlerts = (r: ProviderResult<SecretScanningAlert[]>, files = {}) =>
    makeContext({ files: added(files), evidence: { secretScanningAlerts: async () => r } })

  it('an alert in a commit of the PR fails even when the added lines are clean (deleted in a later commit)', async () => {
    const out = await secrets.evaluate(withAlerts({ ok: true, data: [alert()] }, { 'a.ts': 'x' }), opts())
    expect(out.findings.map((f) => `${f.path}:${f.line} ${f.code}`)).toEqual(['old/history.ts:4 GitHub Personal Access Token'])
    expect(out.findings[0].message).toContain("in this PR's commits (GitHub alert #3 (commit aaaaaaa))")
  })

  it('an alert on a line the scan found is one row, found by both', async () => {
    const fileText = `const a = '${SECRETS[1]}'`
    const out = await secrets.evaluate(
      withAlerts(
        {
          ok: true,
          data: [
            alert({ fingerprint: fingerprintOf(SECRETS[1]), locations: [{ path: 'a.ts', line: 1, endLine: 1, commit: 'c'.repeat(40) }] }),
          ],
        },
        { 'a.ts': fileText },
      ),
      opts(),
    )
    expect(out.findings).toHaveLength(1)
    expect(out.tables![0].rows[0][4]).toBe('secretlint, GitHub alert #3')
  })

  it('an allowlisted GitHub secret type passes', async () => {
    const out = await secrets.evaluate(
      withAlerts({ ok: true, data: [alert()] }),
      opts({ allow: [{ rule: 'github_personal_access_token', reason: 'revoked test token' }] }),
    )
    expect(out.findings).toEqual([])
  })

  it('403/404 (unavailable) is a notice and the diff scan still decides; a failure is an error', async () => {
    const fileText = `const a = '${SECRETS[1]}'`
    const na = await secrets.evaluate(withAlerts({ ok: false, unavailable: true, reason: 'no permission' }, { 'a.ts': fileText }), opts())
    expect(na.findings.map((f) => [f.kind ?? 'violation', f.code])).toEqual([
      ['info', 'secret-scanning-unavailable'],
      ['violation', 'GITHUB_TOKEN'],
    ])
    const failed = await secrets.evaluate(withAlerts({ ok: false, reason: 'HTTP 502' }, { 'a.ts': 'x' }), opts())
    expect(failed.findings.map((f) => [f.kind, f.code])).toEqual([['error', 'secret-scanning-failed']])
  })
})

describe('redaction', () => {
  it('shows the first and last 4 characters only of a long one-line secret, else the fingerprint alone', () => {
    expect(redactedOf('ghp_' + 'a'.repeat(32) + 'WXYZ')).toMatch(/^ghp_…WXYZ \(sha256:[0-9a-f]{16}\)$/)
    expect(redactedOf('short-secret-1234')).toMatch(/^sha256:[0-9a-f]{16}$/)
    expect(redactedOf('-----BEGIN KEY-----\nabc\n-----END KEY-----')).toMatch(/^sha256:/)
    expect(fingerprintOf('x')).toBe(fingerprintOf('x'))
    expect(fingerprintOf('x')).not.toBe(fingerprintOf('y'))
  })

  it('scrub replaces the secret and any 12-character piece of it', () => {
    const s = 'abcdefghijklmnopqrstuvwxyz0123456789'
    expect(scrub(`k=${s}`, [s])).toBe(`k=${fingerprintOf(s)}`)
    expect(scrub(`half: ${s.slice(5, 25)}`, [s])).not.toContain(s.slice(5, 17))
  })
})

describe("secretlint's profiler is off (it made every scan slower than the last)", () => {
  it('scans leave no mark on the performance timeline and nothing in the profiler', async () => {
    const { performance } = await import('node:perf_hooks')
    const { secretLintProfiler } = await import('@secretlint/profiler')
    const { scanAll, addedTextOf } = await import('../../../src/rules/secrets/scan.js')
    const before = performance.getEntriesByType('mark').length
    const text = addedTextOf('src/github.ts', addFilePatch(FIXTURE['src/github.ts']))
    for (let i = 0; i < 20; i++) expect((await scanAll([text])).length).toBeGreaterThan(0)
    await new Promise((r) => setImmediate(r)) // the observer delivers marks on the next turn
    expect(performance.getEntriesByType('mark').length - before).toBe(0)
    expect(await secretLintProfiler.getEntries()).toEqual([])
  })
})

/**
 * secretlint breaks lines at U+2028, U+2029 and a lone \r too; the gate's lines break at \n only. Before,
 * its line numbers were taken as the gate's: a credential after such a character sat on a later line than
 * its own (another line's allow comment applied to it) or, past the batch's last file, was dropped as if it
 * were on a file boundary: a key the PR adds, not reported at all.
 */
describe('line terminators other than \\n (U+2028, U+2029, a lone \\r)', () => {
  const token = SECRETS[1]
  for (const [name, sep] of [
    ['U+2028', '\u2028'],
    ['U+2029', '\u2029'],
    ['lone CR', '\r'],
  ] as const) {
    it(`${name} on the lines before: the credential is found, on its own line`, async () => {
      const text = `${sep}${sep}${sep}\nconst a = 1 ${sep} 2\nconst token = '${token}'\n`
      const out = await secrets.evaluate(makeContext({ files: added({ 'src/a.ts': text }) }), opts())
      const found = out.findings.filter((f) => f.code === 'GITHUB_TOKEN').map((f) => `${f.path}:${f.line}`)
      expect(found).toEqual(['src/a.ts:3'])
      expectNoSecret(out)
    })
  }

  it('in an earlier file of the same scan: the next file keeps its own line numbers', async () => {
    const out = await secrets.evaluate(
      makeContext({ files: added({ 'src/a.ts': `x\u2028y\u2028z\n`, 'src/b.ts': `\n\nconst token = '${token}'\n` }) }),
      opts(),
    )
    expect(out.findings.filter((f) => f.code === 'GITHUB_TOKEN').map((f) => `${f.path}:${f.line}`)).toEqual(['src/b.ts:3'])
  })

  it('an allow comment two lines above, across a U+2028 line, does not allow the credential', async () => {
    const text = `// pr-gate: allow-secret test fixture\nconst a = 1 \u2028 2\nconst token = '${token}'\n`
    const out = await secrets.evaluate(makeContext({ files: added({ 'src/a.ts': text }) }), opts())
    expect(out.findings.filter((f) => f.code === 'GITHUB_TOKEN').map((f) => f.line)).toEqual([3]) // a finding: not allowed
  })
})
