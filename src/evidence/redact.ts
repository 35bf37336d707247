/**
 * How a detected secret is named on every surface without echoing it: a stable fingerprint (a prefix of
 * its SHA-256, what allowlists match) and a redacted preview (the first and last 4 characters, only when
 * the secret is long enough that they are a small part of it). The secret text itself never leaves here.
 */
import { createHash } from 'node:crypto'

/** Shortest secret whose first and last 4 characters may be shown (8 of 24+: a third at most). */
export const PREVIEW_MIN_LENGTH = 24

/** `sha256:` + the first 16 hex digits of the SHA-256 of the secret (UTF-8). Allowlists match this. */
export function fingerprintOf(secret: string): string {
  return 'sha256:' + createHash('sha256').update(secret, 'utf8').digest('hex').slice(0, 16)
}

/**
 * `AKIA…MPLE (sha256:…)` when the secret is at least PREVIEW_MIN_LENGTH characters of one line; else only
 * the fingerprint. The preview characters are restricted to [A-Za-z0-9_-] (a key block's dashes, a token's
 * prefix): anything else, and multi-line secrets, are shown as the fingerprint alone.
 */
export function redactedOf(secret: string): string {
  const fp = fingerprintOf(secret)
  const s = secret.trim()
  if (s.length < PREVIEW_MIN_LENGTH || /[\r\n]/.test(s)) return fp
  const head = s.slice(0, 4)
  const tail = s.slice(-4)
  if (!/^[A-Za-z0-9_-]{4}$/.test(head) || !/^[A-Za-z0-9_-]{4}$/.test(tail)) return fp
  return `${head}…${tail} (${fp})`
}

/**
 * Replaces every occurrence of any of `secrets` (and of any 12-character piece of one) in `text` with its
 * fingerprint: applied to every string the secrets rule outputs that came from the diff (an inline
 * allow comment's reason may quote the key it allows).
 */
export function scrub(text: string, secrets: readonly string[]): string {
  const long = [...new Set(secrets)].filter((x) => x.length >= 8).sort((a, b) => b.length - a.length)
  let s = text
  // Whole secrets first (longest first), then pieces: two fakes may share a piece.
  for (const secret of long) if (s.includes(secret)) s = s.split(secret).join(fingerprintOf(secret))
  for (const secret of long) {
    // A part of it (a quoted half of a key): any 12-character window.
    for (let i = 0; i + 12 <= secret.length && s.length >= 12; i += 1) {
      const w = secret.slice(i, i + 12)
      if (s.includes(w)) s = s.split(w).join('[redacted]')
    }
  }
  return s
}
