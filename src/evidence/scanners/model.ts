/**
 * One model for dependency vulnerabilities, whatever reported them (SARIF from any scanner, npm audit,
 * OSV-Scanner, GitHub dependency review, Dependabot alerts). Parsers fill what their format knows and leave
 * the rest undefined; `mergeVulnerabilities` folds records of the same advisory + package + version.
 */

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'unknown'
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'unknown']

/** critical 4 … low 1, unknown 0. */
export function severityRank(s: Severity): number {
  return { critical: 4, high: 3, medium: 2, low: 1, unknown: 0 }[s]
}

/** CVSS v3 qualitative bands (NVD): 9.0+ critical, 7.0+ high, 4.0+ medium, 0.1+ low. */
export function severityFromScore(score: number): Severity {
  if (!Number.isFinite(score) || score <= 0) return 'unknown'
  if (score >= 9) return 'critical'
  if (score >= 7) return 'high'
  if (score >= 4) return 'medium'
  return 'low'
}

/** Maps the words scanners use (CRITICAL, High, moderate, important, negligible, info…) onto Severity. */
export function severityFromWord(word: string | undefined | null): Severity | undefined {
  if (!word) return undefined
  const w = word.trim().toLowerCase()
  if (w === 'critical') return 'critical'
  if (w === 'high' || w === 'important' || w === 'error') return 'high'
  if (w === 'medium' || w === 'moderate' || w === 'warning') return 'medium'
  if (w === 'low' || w === 'negligible' || w === 'info' || w === 'note' || w === 'minor') return 'low'
  if (w === 'unknown' || w === 'none') return 'unknown'
  return undefined
}

/** Where a vulnerability stands relative to the PR. */
export type Origin = 'introduced' | 'present' | 'unknown'

export interface Vulnerability {
  /** Preferred advisory id: a GHSA id, else a CVE id, else the tool's own id. */
  id: string
  /** Every id known for this advisory (includes `id`), upper-cased GHSA/CVE. */
  aliases: string[]
  package: string
  /** Installed version, when the source says it. */
  version?: string
  /** Lowest version that fixes it, when known. */
  fixedVersion?: string
  ecosystem?: string
  severity: Severity
  /** CVSS base score, when known. */
  cvss?: number
  title?: string
  /** Link to the advisory. */
  url?: string
  /** Lockfile/manifest the package was found in (as the tool wrote it: may be absolute). */
  manifest?: string
  /** npm audit: node paths in the lockfile (node_modules/a/node_modules/b), to resolve the installed version. */
  nodes?: string[]
  /** ISO time the vulnerability was first seen (SARIF provenance, Dependabot created_at). */
  firstSeen?: string
  /** Relation to the PR, when the source knows it (SARIF baselineState, dependency review). */
  origin?: Origin
  /** Tools or providers that reported it, e.g. ["Trivy", "npm audit"]. */
  sources: string[]
  /** Report files (or provider names) it came from. */
  reports: string[]
}

export type ReportFormat = 'sarif' | 'npm-audit' | 'osv-scanner'

export interface ParsedReport {
  path: string
  format: ReportFormat
  /** Tool name(s) as the report states them (SARIF driver name, "npm audit", "OSV-Scanner"). */
  tool: string
  vulnerabilities: Vulnerability[]
  /** Results in the report that are not dependency vulnerabilities (code findings, suppressed results). */
  skipped: number
}

/** A report that cannot be used: unreadable, invalid JSON, unknown format, a failed scanner run. */
export class ReportError extends Error {
  constructor(
    readonly path: string,
    message: string,
    /** 1-based position in the file, when known. */
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message)
    this.name = 'ReportError'
  }
}

const GHSA = /\bGHSA(?:-[23456789cfghjmpqrvwx]{4}){3}\b/gi
const CVE = /\bCVE-\d{4}-\d{4,}\b/gi

/** GHSA and CVE ids mentioned in free text (upper-cased GHSA prefix, lower-case GHSA body as GitHub writes it). */
export function advisoryIdsIn(text: string | undefined): string[] {
  if (!text) return []
  const out: string[] = []
  for (const m of text.matchAll(GHSA)) out.push(normaliseId(m[0]))
  for (const m of text.matchAll(CVE)) out.push(normaliseId(m[0]))
  return out
}

export function normaliseId(id: string): string {
  const t = id.trim()
  if (/^ghsa-/i.test(t)) return 'GHSA-' + t.slice(5).toLowerCase()
  if (/^cve-/i.test(t)) return t.toUpperCase()
  return t
}

/** GHSA first, then CVE, then anything else (stable otherwise). */
export function preferredId(ids: readonly string[]): string {
  const ghsa = ids.find((i) => i.startsWith('GHSA-'))
  if (ghsa) return ghsa
  const cve = ids.find((i) => i.startsWith('CVE-'))
  if (cve) return cve
  return ids[0] ?? '(unknown advisory)'
}

export function advisoryUrl(id: string): string | undefined {
  if (id.startsWith('GHSA-')) return `https://github.com/advisories/${id}`
  if (id.startsWith('CVE-')) return `https://nvd.nist.gov/vuln/detail/${id}`
  return undefined
}

function uniq(xs: Iterable<string>): string[] {
  return [...new Set(xs)]
}

function normalisePackage(name: string): string {
  return name.trim().toLowerCase().replace(/[_.]/g, '-')
}

function laterOrigin(a: Origin | undefined, b: Origin | undefined): Origin | undefined {
  // A source that knows beats one that does not; "introduced" (the PR adds it) beats "present".
  if (a === 'introduced' || b === 'introduced') return 'introduced'
  if (a === 'present' || b === 'present') return 'present'
  return a ?? b
}

/**
 * Merges records of the same advisory (sharing any id or alias) for the same package and version. A record
 * without a version (npm audit, Dependabot) merges into one with a version when the rest matches. The most
 * severe rating, the earliest first-seen time and every source are kept.
 *
 * Linear in the number of records and aliases (union-find keyed by package + version + alias), not a
 * pairwise comparison: a 50 MB SARIF report holds hundreds of thousands of results.
 *   1. records WITH a version: one group per package + version, joined through any shared alias
 *      (A has a CVE, B the GHSA, C both: A, B and C are one advisory);
 *   2. records WITHOUT a version: the same per package;
 *   3. each version-less group joins the versioned groups of the same package it shares an alias with,
 *      those of the earliest such group's version (a version-less record cannot tell two versions apart).
 * Within a group, records are folded in input order into the first; groups keep the input order.
 */
export function mergeVulnerabilities(list: readonly Vulnerability[]): Vulnerability[] {
  const recs: Vulnerability[] = list.map((v) => ({
    ...v,
    aliases: uniq(v.aliases.length ? v.aliases : [v.id]),
    sources: uniq(v.sources),
    reports: uniq(v.reports),
  }))
  const parent = recs.map((_, i) => i)
  const find = (i: number): number => {
    let r = i
    while (parent[r] !== r) r = parent[r]
    while (parent[i] !== r) {
      const next = parent[i]
      parent[i] = r
      i = next
    }
    return r
  }
  // The root is always the lowest index of its group: the record the others fold into.
  const union = (a: number, b: number): void => {
    const ra = find(a)
    const rb = find(b)
    if (ra < rb) parent[rb] = ra
    else if (rb < ra) parent[ra] = rb
  }
  const pkgOf = recs.map((v) => normalisePackage(v.package))
  const keyOf = (i: number, alias: string) => `${pkgOf[i]}\u0000${recs[i].version ?? '\u0001'}\u0000${alias.toUpperCase()}`
  // 1 + 2: join records of the same package, version (or lack of one) and an alias.
  const byKey = new Map<string, number>()
  recs.forEach((v, i) => {
    for (const a of v.aliases) {
      const k = keyOf(i, a)
      const seen = byKey.get(k)
      if (seen === undefined) byKey.set(k, i)
      else union(seen, i)
    }
  })
  // 3: version-less groups into the versioned groups they share an alias with.
  const versioned = new Map<string, number[]>() // package + alias → versioned records
  recs.forEach((v, i) => {
    if (v.version === undefined) return
    for (const a of v.aliases) {
      const k = `${pkgOf[i]}\u0000${a.toUpperCase()}`
      const at = versioned.get(k)
      if (at) at.push(i)
      else versioned.set(k, [i])
    }
  })
  if (versioned.size) {
    const loose = new Map<number, number[]>() // root of a version-less group → its records
    recs.forEach((v, i) => {
      if (v.version !== undefined) return
      const r = find(i)
      const at = loose.get(r)
      if (at) at.push(i)
      else loose.set(r, [i])
    })
    for (const members of loose.values()) {
      const linked: number[] = []
      for (const i of members) for (const a of recs[i].aliases) linked.push(...(versioned.get(`${pkgOf[i]}\u0000${a.toUpperCase()}`) ?? []))
      if (!linked.length) continue
      // The version of the earliest group among those linked (each linked record carries its own version).
      let first = linked[0]
      for (const i of linked) if (find(i) < find(first)) first = i
      const version = recs[first].version
      for (const i of linked) if (recs[i].version === version) union(members[0], i)
    }
  }
  // Fold each group, in input order, into its first record.
  const out: Vulnerability[] = []
  recs.forEach((v, i) => {
    const r = find(i)
    if (r === i) out.push(v)
    else absorb(recs[r], v)
  })
  return out
}

function absorb(same: Vulnerability, v: Vulnerability): void {
  same.aliases = uniq([...same.aliases, ...v.aliases])
  same.id = preferredId(same.aliases)
  same.version ??= v.version
  same.fixedVersion ??= v.fixedVersion
  same.ecosystem ??= v.ecosystem
  if (severityRank(v.severity) > severityRank(same.severity)) same.severity = v.severity
  if (v.cvss !== undefined && (same.cvss === undefined || v.cvss > same.cvss)) same.cvss = v.cvss
  same.title ??= v.title
  if (!same.url?.includes('/advisories/GHSA-')) same.url = v.url ?? same.url
  same.manifest ??= v.manifest
  if (v.nodes) same.nodes = uniq([...(same.nodes ?? []), ...v.nodes])
  if (v.firstSeen && (!same.firstSeen || Date.parse(v.firstSeen) < Date.parse(same.firstSeen))) same.firstSeen = v.firstSeen
  same.origin = laterOrigin(same.origin, v.origin)
  same.sources = uniq([...same.sources, ...v.sources])
  same.reports = uniq([...same.reports, ...v.reports])
}

/** Splits "name@version" on the last @ (scoped npm names keep their leading @). */
export function splitNameVersion(s: string): { name: string; version?: string } {
  const at = s.lastIndexOf('@')
  if (at <= 0) return { name: s }
  return { name: s.slice(0, at), version: s.slice(at + 1) || undefined }
}
