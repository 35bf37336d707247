/**
 * Fuzz: the `secrets` rule never echoes a secret. A credential of a real format (GitHub token, Slack token
 * or webhook, AWS secret access key, PEM private key) with a random body is added in a random line context:
 * hostile text around it, an inline allow comment whose reason quotes it (whole or a piece), allowlists that
 * may or may not match, random paths, neighbouring added lines, the same key twice. The verdict goes through
 * every renderer (comment, check run, job summary, JSON report, CLI text, annotations). Property: no output
 * contains the secret, nor any 12-character piece of it that is distinctive (6+ different characters).
 */
import fc from 'fast-check'
import { runGate } from '../../src/engine/run.js'
import { secrets } from '../../src/rules/secrets/index.js'
import { renderCheckOutput, renderComment, renderJobSummary } from '../../src/report/markdown.js'
import { toJsonReport } from '../../src/report/json-report.js'
import { renderText } from '../../src/report/terminal.js'
import { annotationsOf } from '../../src/report/annotations.js'
import { fingerprintOf } from '../../src/evidence/redact.js'
import type { Level } from '../../src/types.js'
import { makeContext } from '../helpers/context.js'
import { defaultResolvedPolicy } from '../../src/pipeline/policy.js'
import { ruleOptions } from '../../src/policy/resolved.js'
import { check, nastyString, TIMEOUT } from './support.js'

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const chars = (set: string, n: number) => fc.array(fc.constantFrom(...set), { minLength: n, maxLength: n }).map((a) => a.join(''))

/** [the secret, the line text that carries it]. */
const credential: fc.Arbitrary<[string, (secret: string) => string]> = fc.oneof(
  chars(ALNUM, 36).map((b): [string, (s: string) => string] => [`ghp_${b}`, (s) => `const token = '${s}'`]),
  fc
    .tuple(chars('0123456789', 12), chars('0123456789', 13), chars(ALNUM, 24))
    .map(([a, b, c]): [string, (s: string) => string] => [`xoxb-${a}-${b}-${c}`, (s) => `SLACK=${s}`]),
  fc
    .tuple(chars(ALNUM.toUpperCase().slice(0, 26) + '0123456789', 8), chars(ALNUM, 24))
    .map(([b, c]): [string, (s: string) => string] => [`https://hooks.slack.com/services/T${b}/B${b}/${c}`, (s) => `url: "${s}"`]),
  chars(ALNUM + '/+', 40).map((b): [string, (s: string) => string] => [b, (s) => `aws_secret_access_key = ${s}`]),
  chars(ALNUM + '+/', 300).map((b): [string, (s: string) => string] => {
    const body = 'MII' + b
    return [
      body.slice(0, 64),
      () => `-----BEGIN RSA PRIVATE KEY-----\n${(body.match(/.{1,64}/g) ?? []).join('\n')}\n-----END RSA PRIVATE KEY-----`,
    ]
  }),
)

const caseArb = fc.record({
  cred: credential,
  before: nastyString(30),
  after: nastyString(30),
  comment: fc.constantFrom('none', 'reason', 'quote-whole', 'quote-piece', 'no-reason', 'line-above'),
  twice: fc.boolean(),
  path: fc.constantFrom('src/app.ts', 'config/.env', 'a b/ü.py', 'deploy/id_rsa', 'x.json', '.npmrc'),
  allow: fc.constantFrom('none', 'path', 'fingerprint', 'other'),
  neighbours: fc.array(nastyString(40), { maxLength: 4 }),
  level: fc.constantFrom<Level>('fail', 'warn', 'notice'),
})

function distinctive(secret: string): string[] {
  const out = [secret]
  for (let i = 0; i + 12 <= secret.length; i++) {
    const w = secret.slice(i, i + 12)
    if (new Set(w).size >= 6) out.push(w)
  }
  return out
}

describe('fuzz: secrets are never echoed', () => {
  test(
    'no input makes the secret text appear in any output',
    async () => {
      await check('secrets: no echo on any surface', 150, caseArb, async (c) => {
        const [secret, lineOf] = c.cred
        const carrier = c.before.replace(/[\r\n]/g, ' ') + lineOf(secret) + c.after.replace(/[\r\n]/g, ' ')
        const reason = {
          none: '',
          reason: ' // pr-gate: allow-secret test fixture',
          'quote-whole': ` # pr-gate: allow-secret fake, it is ${secret}`,
          'quote-piece': ` # pr-gate: allow-secret fake ${secret.slice(3, 30)}`,
          'no-reason': ' // pr-gate: allow-secret',
          'line-above': '',
        }[c.comment]
        const lines = [
          ...c.neighbours.map((n) => n.replace(/[\r\n]/g, ' ')),
          ...(c.comment === 'line-above' ? [`// pr-gate: allow-secret example key ${secret}`] : []),
          carrier + reason,
          ...(c.twice ? [carrier] : []),
        ]
        const text = lines.join('\n')
        const patch =
          `@@ -0,0 +1,${text.split('\n').length} @@\n` +
          text
            .split('\n')
            .map((l) => '+' + l)
            .join('\n')
        const ctx = makeContext({ files: [{ path: c.path, status: 'added', patch, head: text }] })
        const allow = {
          none: [],
          path: [{ path: c.path, reason: 'fixture' }],
          fingerprint: [{ fingerprint: fingerprintOf(secret), reason: 'fixture' }],
          other: [{ path: 'elsewhere/**', reason: 'x' }],
        }[c.allow]
        const policy = {
          ...defaultResolvedPolicy(),
          conclusion: { warnings: 'neutral' as const, on_error: 'failure' as const, partial: 'failure' as const },
          comment: 'always' as const,
        }
        policy.rules.secrets = ruleOptions(secrets, { level: c.level, allow, inline_allow: true, use_secret_scanning_alerts: true })
        const v = await runGate({ policy, ctx, policySource: 'fuzz', rules: [secrets] })
        const links = {
          repoUrl: 'https://github.com/o/r',
          checkUrl: 'https://github.com/o/r/runs/1',
          runUrl: 'https://github.com/o/r/actions/runs/2',
        }
        const outputs = [
          renderComment(v, { checkName: 'quality-gate', labelPrefix: 'gate-waive:', links }),
          JSON.stringify(renderCheckOutput(v, { labelPrefix: 'gate-waive:', links })),
          renderJobSummary(v, { labelPrefix: 'gate-waive:', links }),
          JSON.stringify(toJsonReport(v)),
          renderText(v),
          JSON.stringify(annotationsOf(v)),
        ].join('\n')
        // The rule saw the credential (else the property would hold vacuously): unless allowlisted, it fails or errs.
        const rule = v.results[0]
        expect(rule.status).not.toBe('off')
        for (const piece of distinctive(secret)) {
          if (c.before.includes(piece) || c.after.includes(piece) || c.neighbours.some((n) => n.includes(piece)) || c.path.includes(piece))
            continue
          if (outputs.includes(piece)) throw new Error(`the secret (or ${JSON.stringify(piece)}) appears in an output`)
        }
      })
    },
    TIMEOUT,
  )
})
