/**
 * secrets: credentials in the lines a pull request adds. The standard behind it: secret scanning runs in
 * CI. Detection is secretlint's recommended rule set (./scan.ts) over the ADDED lines only, plus GitHub's own
 * secret-scanning alerts for the PR's commits when the token may read them.
 *
 * A detected secret is never echoed: every surface shows the rule, file:line and a redacted fingerprint
 * (src/evidence/redact.ts), and every string this rule outputs is scrubbed of the secrets it found.
 * A new secret fails by default, with one recipe: rotate first, then remove it from history.
 */
import { Type } from '@sinclair/typebox'
import type { AddedText, SecretHit } from './scan.js'
import type { ChangedFile, Finding, Level, RuleContext, RuleTable, SecretScanningAlert } from '../../types.js'
import { addedTextFromContents, addedTextOf, looksBinary, scanAll, skipReason } from './scan.js'
import { fingerprintOf, redactedOf, scrub } from '../../evidence/redact.js'
import { matchesAny } from '../../change/glob.js'
import { plainMessage, registerSecret } from '../../errors.js'
import { defineRule } from '../define.js'

export const secretsOptions = Type.Object({
  allow: Type.Array(
    Type.Object(
      {
        path: Type.Optional(Type.String({ minLength: 1, description: 'Glob of the files this entry allows (e.g. `test/fixtures/**`).' })),
        rule: Type.Optional(
          Type.String({
            minLength: 1,
            description:
              'A detector: secretlint rule (`aws`, `@secretlint/secretlint-rule-aws`), ' +
              'its message id (`AWSSecretAccessKey`), or a GitHub secret type (`aws_access_key_id`).',
          }),
        ),
        fingerprint: Type.Optional(
          Type.String({
            pattern: '^sha256:[0-9a-f]{16}$',
            description: 'One secret, by the fingerprint the gate printed for it (`sha256:` + 16 hex digits).',
          }),
        ),
        reason: Type.String({
          minLength: 1,
          description: 'Why this is not a live credential (required), e.g. "fake keys of the parser tests".',
        }),
      },
      { additionalProperties: false },
    ),
    {
      default: [],
      description:
        'Allowlist entries; an entry allows a finding when every field it names (`path`, ' +
        '`rule`, `fingerprint`) matches. An entry must name at least one of them.',
    },
  ),
  inline_allow: Type.Boolean({
    default: true,
    description:
      'Honour `pr-gate: allow-secret <reason>` on the line of the secret or the ' +
      'line above it (the reason is required); every use is listed for reviewers.',
  }),
  use_secret_scanning_alerts: Type.Boolean({
    default: false,
    description:
      "Read GitHub's secret-scanning alerts located in the PR's commits (needs `security-events: " +
      'read`). Not available (403/404, CLI) → a notice, and the diff scan still decides; ' +
      'failed (5xx, timeout, rate limit, malformed) → not evaluated (`on_error`).',
  }),
})

type Options = (typeof secretsOptions)['static'] & { level: Level }

export const RECIPE =
  'Rotate the credential first: revoke it where it was issued and create a new one, because once pushed it must ' +
  'be treated as leaked, and deleting the line does not help. Then remove it from the history of the branch (rewrite ' +
  'the commits that added it, e.g. `git rebase -i` or `git filter-repo --replace-text`, and force-push), ' +
  'and read the new credential from a secret store or an environment variable. A fake key (a test fixture) ' +
  'can be allowlisted by fingerprint or path with a reason in the policy, or with `pr-gate: allow-secret <reason>` on its line.'

const INLINE = /pr-gate:\s*allow-secret\b(.*)$/i

interface Row {
  path: string
  line: number
  endLine: number
  column?: number
  detector: string
  kind: string
  fingerprint: string
  redacted: string
  source: string
  allowed?: { how: 'policy' | 'inline'; reason: string }
  docsUrl?: string
}

function shortRule(ruleId: string): string {
  return ruleId.replace(/^@secretlint\/secretlint-rule-/, '')
}

/** The reason of an inline allow comment on `line` or the line above, or why it does not count. */
function inlineAllow(t: AddedText | undefined, line: number): { reason?: string; missing?: number } {
  if (!t) return {}
  for (const n of [line, line - 1]) {
    const text = t.known.get(n)
    const m = text === undefined ? null : INLINE.exec(text)
    if (!m) continue
    const reason = m[1].replace(/(?:\*\/|-->|%>|#}|\}\}|;)\s*$/, '').trim()
    return reason.length >= 3 ? { reason } : { missing: n }
  }
  return {}
}

async function addedTexts(
  ctx: RuleContext,
  files: readonly ChangedFile[],
  errors: Finding[],
  skipped: Map<string, number>,
): Promise<AddedText[]> {
  const out: AddedText[] = []
  for (const f of files) {
    const why = skipReason(f)
    if (why) {
      skipped.set(why, (skipped.get(why) ?? 0) + 1)
      continue
    }
    if (f.patch !== undefined) {
      try {
        out.push(addedTextOf(f.path, f.patch))
        continue
      } catch {
        /* a patch that cannot be parsed: read the file instead, below */
      }
    }
    // No inlined diff (too large): the lines of the head the base does not have.
    try {
      const head = await ctx.changes.readHead(f.path)
      if (head === undefined) continue
      if (looksBinary(head)) {
        skipped.set('binary', (skipped.get('binary') ?? 0) + 1)
        continue
      }
      const base = f.status === 'added' ? undefined : await ctx.changes.readBase(f.previousPath ?? f.path)
      out.push(addedTextFromContents(f.path, head, base))
    } catch (e) {
      errors.push({
        kind: 'error',
        code: 'read-failed',
        message: `${f.path} could not be read to scan it for secrets (its diff is not inlined): ${plainMessage(e)}`,
        hint: "Re-run the job once GitHub answers; the policy's `on_error` decides what this run concludes.",
      })
    }
  }
  return out
}

export const secrets = defineRule({
  id: 'secrets',
  description: 'Fails when the lines a PR adds contain a credential (secretlint rules, GitHub secret-scanning alerts); never echoes it.',
  options: secretsOptions,
  defaultLevel: 'fail',
  release: false,
  plan({ files }) {
    // Files whose diff is not inlined are compared whole: head, and base unless added.
    const head: string[] = []
    const base: string[] = []
    for (const f of files) {
      if (skipReason(f) || f.patch !== undefined) continue
      head.push(f.path)
      if (f.status !== 'added') base.push(f.previousPath ?? f.path)
    }
    return { head, base }
  },
  async evaluate(ctx, o: Options) {
    const findings: Finding[] = []
    const notes: string[] = []
    const allow = o.allow
    const badEntry = allow.findIndex((a) => !a.path && !a.rule && !a.fingerprint)
    if (badEntry >= 0) {
      return {
        findings: [
          {
            kind: 'error',
            code: 'bad-allow',
            message: `rules.secrets.allow[${badEntry}] names no path, rule or fingerprint, so it would allow every secret.`,
            hint: 'Name what it allows: `path` (a glob), `rule` (a detector) and/or `fingerprint` (sha256:… as the gate printed it).',
          },
        ],
      }
    }

    // 1. The added lines, scanned.
    const skipped = new Map<string, number>()
    const texts = await addedTexts(ctx, ctx.changes.files, findings, skipped)
    const hits: SecretHit[] = await scanAll(texts)
    const raws = [...new Set(hits.map((h) => h.secret))]
    for (const r of raws) registerSecret(r) // any error message that would echo it is redacted too
    const allowedBy = allowMatcher(allow)
    const rows = hitRows(hits, texts, allowedBy, o.inline_allow, notes)

    // 2. GitHub's own alerts.
    const alertsOk = await mergeAlerts(ctx, o, rows, allowedBy, findings, notes)

    // 3. Findings: one per secret that is not allowed.
    rows.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.kind.localeCompare(b.kind))
    findings.push(...secretFindings(rows, notes))

    // 4. Output, scrubbed of every secret found (a reason may quote one).
    const clean = (s: string) => scrub(s, raws)
    const tables = secretTables(rows, clean)
    const failing = rows.filter((r) => !r.allowed).length
    const allowed = rows.length - failing
    const skippedText = [...skipped].map(([k, n]) => `${n} ${k}`).join(', ')
    const parts = [
      `${texts.length} file${texts.length === 1 ? '' : 's'} scanned (added lines)`,
      skippedText ? `skipped: ${skippedText}` : '',
      rows.length
        ? `${rows.length} secret${rows.length === 1 ? '' : 's'} found (${failing} failing${allowed ? `, ${allowed} allowed` : ''})`
        : 'no secrets found',
      ...notes.filter((x) => !x.includes('allow-secret without a reason')),
    ].filter(Boolean)
    const nothing = texts.length === 0 && !alertsOk
    return {
      findings: findings.map((f) => ({ ...f, message: clean(f.message), ...(f.hint ? { hint: clean(f.hint) } : {}) })),
      summary: clean(parts.join('; ')),
      ...(nothing ? { applicability: 'not-applicable' as const } : {}),
      tables,
      data: {
        scanned: texts.length,
        skipped: Object.fromEntries(skipped),
        secrets: rows.map((r) => ({
          path: r.path,
          line: r.line,
          kind: r.kind,
          detector: r.detector,
          fingerprint: r.fingerprint,
          redacted: r.redacted,
          foundBy: r.source,
          allowed: r.allowed ? { how: r.allowed.how, reason: clean(r.allowed.reason) } : undefined,
        })),
      },
    }
  },
})

type AllowEntry = Options['allow'][number]
type AllowedBy = (path: string, detectors: string[], fingerprint: string) => AllowEntry | undefined

/** The first allow entry whose every named field (path, rule, fingerprint) matches. */
function allowMatcher(allow: AllowEntry[]): AllowedBy {
  return (path, detectors, fingerprint) =>
    allow.find((a) => {
      const rule = a.rule
      return (
        (!a.path || matchesAny(path, [a.path])) &&
        (!rule || detectors.some((d) => d.toLowerCase() === rule.toLowerCase())) &&
        (!a.fingerprint || a.fingerprint === fingerprint)
      )
    })
}

/** One row per secret the diff scan found, allowed by the policy or an inline comment (with a reason). */
function hitRows(hits: SecretHit[], texts: AddedText[], allowedBy: AllowedBy, inlineAllowed: boolean, notes: string[]): Row[] {
  const byPath = new Map(texts.map((t) => [t.path, t]))
  const rows: Row[] = []
  for (const h of hits) {
    const fingerprint = fingerprintOf(h.secret)
    const row: Row = {
      path: h.path,
      line: h.line,
      endLine: h.endLine,
      column: h.column,
      detector: shortRule(h.ruleId),
      kind: h.messageId,
      fingerprint,
      redacted: redactedOf(h.secret),
      source: 'secretlint',
      docsUrl: h.docsUrl,
    }
    const entry = allowedBy(h.path, [h.ruleId, shortRule(h.ruleId), h.messageId], fingerprint)
    if (entry) row.allowed = { how: 'policy', reason: entry.reason }
    else if (inlineAllowed) {
      const inl = inlineAllow(byPath.get(h.path), h.line)
      if (inl.reason) row.allowed = { how: 'inline', reason: inl.reason }
      else if (inl.missing !== undefined) notes.push(`${h.path}:${inl.missing}: pr-gate: allow-secret without a reason does not count`)
    }
    rows.push(row)
  }
  return rows
}

/** Folds GitHub's secret-scanning alerts into the rows when the policy asks; true when they were read. */
async function mergeAlerts(
  ctx: RuleContext,
  o: Options,
  rows: Row[],
  allowedBy: AllowedBy,
  findings: Finding[],
  notes: string[],
): Promise<boolean> {
  if (!o.use_secret_scanning_alerts) return false
  if (!ctx.evidence.secretScanningAlerts) {
    notes.push('GitHub secret scanning: not available here')
    return false
  }
  const r = await ctx.evidence.secretScanningAlerts()
  if (r.ok) {
    let n = 0
    for (const a of r.data) n += mergeAlert(rows, a, allowedBy)
    notes.push(
      `GitHub secret scanning: ${r.data.length} open alert${r.data.length === 1 ? '' : 's'} ` +
        `in this PR's commits${n ? ` (${n} not in the added lines)` : ''}`,
    )
    return true
  }
  if (r.unavailable) {
    findings.push({
      kind: 'info',
      code: 'secret-scanning-unavailable',
      message: `GitHub secret-scanning alerts are unavailable, so only the added lines were scanned: ${r.reason}`,
    })
  } else {
    findings.push({
      kind: 'error',
      code: 'secret-scanning-failed',
      message: `Reading GitHub secret-scanning alerts failed, so secrets GitHub found in this PR's commits were not checked: ${r.reason}`,
      hint: "Re-run the job once GitHub answers; the policy's `on_error` decides what this run concludes.",
    })
  }
  return false
}

/** One finding per secret that is not allowed, then a notice per inline allow without a reason. */
function secretFindings(rows: Row[], notes: string[]): Finding[] {
  const findings: Finding[] = []
  for (const r of rows) {
    if (r.allowed) continue
    const where = r.source === 'secretlint' ? 'is added' : `is in this PR's commits (${r.source})`
    findings.push({
      message: `A credential (${r.kind}, detector ${r.detector}) ${where} at ${r.path}:${r.line}: ${r.redacted}.`,
      hint: RECIPE,
      code: r.kind,
      path: r.path,
      line: r.line,
      endLine: r.endLine,
      ...(r.column ? { column: r.column } : {}),
    })
  }
  for (const n of notes.filter((x) => x.includes('allow-secret without a reason')))
    findings.push({ kind: 'info', code: 'allow-without-reason', message: n })
  return findings
}

function secretTables(rows: Row[], clean: (s: string) => string): RuleTable[] {
  const tables: RuleTable[] = []
  if (rows.length) {
    tables.push({
      title: 'Secrets found',
      columns: ['Location', 'Kind', 'Detector', 'Fingerprint', 'Found by', 'Status'],
      rows: rows
        .map((r) => [
          `${r.path}:${r.line}`,
          r.kind,
          r.detector,
          r.redacted,
          r.source,
          r.allowed ? `allowed (${r.allowed.how === 'policy' ? 'policy' : 'inline comment'}): ${r.allowed.reason}` : 'failing',
        ])
        .map((c) => c.map(clean)),
    })
  }
  const inline = rows.flatMap((r) => (r.allowed?.how === 'inline' ? [{ ...r, reason: r.allowed.reason }] : []))
  if (inline.length) {
    tables.push({
      title: 'Allowed by inline `pr-gate: allow-secret` comments (for reviewers)',
      columns: ['Location', 'Kind', 'Fingerprint', 'Reason'],
      rows: inline.map((r) => [`${r.path}:${r.line}`, r.kind, r.redacted, r.reason].map(clean)),
    })
  }
  return tables
}

/**
 * Folds one GitHub alert into the rows: a location the diff scan already found (same file, line and
 * fingerprint) is marked as found by both; other locations become rows of their own. Returns how many.
 */
function mergeAlert(rows: Row[], a: SecretScanningAlert, allowedBy: AllowedBy): number {
  let added = 0
  const source = `GitHub alert #${a.number}`
  for (const loc of a.locations) {
    const same = rows.find((r) => r.path === loc.path && r.line <= loc.endLine && loc.line <= r.endLine)
    if (same && (same.fingerprint === a.fingerprint || same.source === 'secretlint')) {
      if (!same.source.includes(source)) same.source += `, ${source}`
      continue
    }
    const row: Row = {
      path: loc.path,
      line: loc.line,
      endLine: loc.endLine,
      detector: 'github',
      kind: a.displayName,
      fingerprint: a.fingerprint,
      redacted: a.redacted,
      source: `${source} (commit ${loc.commit.slice(0, 7)})`,
    }
    const entry = allowedBy(loc.path, ['github', a.secretType], a.fingerprint)
    if (entry) row.allowed = { how: 'policy', reason: entry.reason }
    rows.push(row)
    added++
  }
  return added
}

export default secrets
