/**
 * Fuzz: the Markdown renderer with verdicts full of hostile strings (HTML, the sticky-comment marker,
 * Markdown breakouts, mentions, bidi controls, lone surrogates, 100k-character lines) and many findings.
 * Property: renderComment starts with the one marker and contains it once, no `<` from the input survives
 * (every `<` opens one of the renderer's own tags), and the comment fits GitHub's 65,536 characters; the
 * check-run output and the job summary fit their limits too.
 */
import fc from 'fast-check'
import {
  CHECK_TEXT_LIMIT,
  COMMENT_LIMIT,
  markerFor,
  renderCheckOutput,
  renderComment,
  renderJobSummary,
  SUMMARY_LIMIT,
} from '../../src/report/markdown.js'
import type { Finding, Note, RuleResult, RuleStatus, Verdict } from '../../src/types.js'
import { RULES } from '../../src/rules/index.js'
import { check, nastyString, TIMEOUT } from './support.js'

const HOSTILE = [
  '<script>alert(1)</script>',
  '<!-- pr-quality-gate:quality-gate -->',
  '<!-- pr-quality-gate:',
  '-->',
  '</details>',
  '<details open>',
  '<summary>x</summary>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<code>',
  '</code>',
  '<sub>',
  '`',
  '```',
  '``x``',
  '|',
  '||',
  '\n',
  '\r',
  '\r\n',
  '\n\n---\n',
  '\n# Heading',
  '\n> quote',
  '\n| a | b |',
  '[x](https://evil.example)',
  '](javascript:alert(1))',
  '![i](x)',
  '@org/team',
  '@here',
  '#123',
  'GH-1',
  '&lt;',
  '&#60;',
  '&amp;lt;',
  '\\<',
  '\u202E',
  '\u200B',
  '\uD800',
  '\uDFFF',
  '😀',
  '\u0000',
  '*',
  '_',
  '~~',
  '{{x}}',
  '${x}',
  '%s',
]
const hostile: fc.Arbitrary<string> = fc.oneof(
  { weight: 30, arbitrary: fc.array(fc.oneof(fc.constantFrom(...HOSTILE), nastyString(10)), { maxLength: 8 }).map((p) => p.join('')) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...HOSTILE), fc.integer({ min: 100, max: 100_000 }))
      .map(([h, n]) => h.repeat(Math.ceil(n / h.length)).slice(0, n)),
  },
)
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined })

const finding: fc.Arbitrary<Finding> = fc.record(
  {
    message: hostile,
    hint: maybe(hostile),
    path: maybe(hostile),
    line: maybe(fc.integer({ min: -1, max: 1e9 })),
    endLine: maybe(fc.integer({ min: -1, max: 1e9 })),
    code: maybe(hostile),
    level: maybe(fc.constantFrom('off', 'notice', 'warn', 'fail' as const)),
    kind: maybe(fc.constantFrom('violation', 'error', 'info' as const)),
  },
  { requiredKeys: ['message'] },
)
const STATUSES: RuleStatus[] = ['pass', 'notice', 'warn', 'fail', 'error', 'off', 'waived']
const result: fc.Arbitrary<RuleResult> = fc.record(
  {
    // Rule ids come from the registry (kebab-case), never from input.
    id: fc.constantFrom(...RULES.map((r) => r.id)),
    description: hostile,
    level: fc.constantFrom('off', 'notice', 'warn', 'fail' as const),
    status: fc.constantFrom(...STATUSES),
    findings: fc.oneof(
      { weight: 12, arbitrary: fc.array(finding, { maxLength: 6 }) },
      { weight: 1, arbitrary: fc.array(finding, { minLength: 100, maxLength: 300 }) },
    ),
    summary: maybe(hostile),
    tables: maybe(
      fc.array(
        fc.record({
          title: maybe(hostile),
          columns: fc.array(hostile, { minLength: 1, maxLength: 5 }),
          rows: fc.array(fc.array(hostile, { maxLength: 5 }), { maxLength: 30 }),
        }),
        { maxLength: 3 },
      ),
    ),
    // The audit trail: logins, reasons, times and links come from GitHub's records and the PR: all hostile.
    waiver: maybe(
      fc.record(
        {
          rule: hostile,
          by: hostile,
          via: hostile,
          at: maybe(hostile),
          head: hostile,
          reason: maybe(hostile),
          kind: fc.constantFrom('label', 'review', 'review-comment', 'comment', 'local' as const),
          url: maybe(fc.oneof(hostile, fc.webUrl())),
          label: maybe(hostile),
        },
        { requiredKeys: ['rule', 'by', 'via', 'head', 'kind'] },
      ),
    ),
    error: maybe(hostile),
  },
  { requiredKeys: ['id', 'description', 'level', 'status', 'findings'] },
)
const note: fc.Arbitrary<Note> = fc.record(
  {
    level: fc.constantFrom('info', 'warning', 'error' as const),
    message: hostile,
    detail: maybe(fc.array(hostile, { maxLength: 60 }).map((l) => l.join('\n'))),
  },
  { requiredKeys: ['level', 'message'] },
)

const verdict: fc.Arbitrary<Verdict> = fc.record({
  conclusion: fc.constantFrom('success', 'neutral', 'failure' as const),
  title: hostile,
  results: fc.array(result, { maxLength: 8 }),
  failedRules: fc.array(hostile, { maxLength: 3 }),
  notes: fc.array(note, { maxLength: 5 }),
  labels: fc.record({ add: fc.array(hostile, { maxLength: 2 }), remove: fc.array(hostile, { maxLength: 2 }) }),
  policySource: hostile,
  mode: fc.constantFrom('pull_request', 'release' as const),
  head: fc.oneof(fc.constant('0123456789abcdef0123456789abcdef01234567'), fc.constant(''), hostile),
  base: fc.constant('b'.repeat(40)),
})

/** The tags the renderer writes itself (and the placeholders of its waiver help); any other `<` came from the input. */
const OWN_TAG =
  /^<(?:!-- pr-quality-gate:quality-gate -->|!-- pr-quality-gate-state:[0-9a-f]{16} -->|rule-id>|reason>|\/?details(?: open)?>|\/?summary>|\/?b>|br>|\/?code>|\/?sub>)/

export function assertSafeMarkdown(out: string, limit: number, marker?: string): void {
  if (out.length > limit) throw new Error(`${out.length} characters, over the ${limit} limit`)
  if (marker !== undefined) {
    expect(out.startsWith(marker)).toBe(true)
    expect(out.split(marker).length - 1).toBe(1)
  }
  for (let i = out.indexOf('<'); i !== -1; i = out.indexOf('<', i + 1)) {
    if (!OWN_TAG.test(out.slice(i, i + 60)))
      throw new Error(`raw "<" from the input at ${i}: ${JSON.stringify(out.slice(Math.max(0, i - 40), i + 60))}`)
  }
}

describe('fuzz: Markdown renderer', () => {
  test(
    'comment, check-run output and job summary: one marker, no raw <, within the limits',
    async () => {
      const arb = fc.tuple(
        verdict,
        fc.constantFrom(undefined, 'https://github.com/o/r/runs/1'),
        fc.constantFrom(undefined, 'https://github.com/o/r'),
      )
      await check('report: renderComment / renderCheckOutput / renderJobSummary', 80, arb, ([v, checkUrl, repoUrl]) => {
        const links = { checkUrl, repoUrl, runUrl: checkUrl }
        const marker = markerFor('quality-gate')
        assertSafeMarkdown(renderComment(v, { checkName: 'quality-gate', labelPrefix: 'gate-waive:', links }), COMMENT_LIMIT, marker)
        const out = renderCheckOutput(v, { labelPrefix: 'gate-waive:', links })
        assertSafeMarkdown(out.summary, CHECK_TEXT_LIMIT)
        assertSafeMarkdown(out.text, CHECK_TEXT_LIMIT)
        expect(out.title.length).toBeLessThanOrEqual(255)
        assertSafeMarkdown(renderJobSummary(v, { labelPrefix: 'gate-waive:', links }), SUMMARY_LIMIT)
      })
    },
    TIMEOUT,
  )
})
