/**
 * OSV-Scanner `--format json` → Vulnerability. Shape (google/osv-scanner docs, "Output"): `results[]` with
 * `source {path, type}` and `packages[]` of `{ package {name, version, ecosystem}, vulnerabilities[] (OSV
 * records), groups[] {ids, aliases, max_severity} }`. One record per group (a group is one advisory under
 * several ids); severity from the group's `max_severity` (CVSS score) or the records'
 * `database_specific.severity`; fixed version from the record's `affected[].ranges[].events[].fixed`.
 */
import {
  advisoryIdsIn,
  normaliseId,
  preferredId,
  severityFromScore,
  severityFromWord,
  severityRank,
  type ParsedReport,
  type Severity,
  type Vulnerability,
} from './model.js'
import { isObject, list, textOf } from '../../json.js'

type Obj = Record<string, unknown>
const strs = (v: unknown): string[] => list(v).filter((x): x is string => typeof x === 'string')

export function looksLikeOsv(doc: unknown): boolean {
  return (
    isObject(doc) &&
    Array.isArray(doc.results) &&
    doc.results.every((r) => isObject(r) && (isObject(r.source) || Array.isArray(r.packages)))
  )
}

/** Loose version order (numeric segments compared as numbers): enough to pick the affected range. */
export function compareVersions(a: string, b: string): number {
  const pa = a.replace(/^v/, '').split(/[.+-]/)
  const pb = b.replace(/^v/, '').split(/[.+-]/)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0'
    const y = pb[i] ?? '0'
    const nx = Number(x)
    const ny = Number(y)
    const c = Number.isFinite(nx) && Number.isFinite(ny) ? nx - ny : x.localeCompare(y)
    if (c !== 0) return c
  }
  return 0
}

/** The `fixed` event of the range that contains `version` (else the first fixed version named). */
function fixedIn(record: Obj, pkgName: string, version: string | undefined): string | undefined {
  let first: string | undefined
  for (const a of list(record.affected)) {
    if (!isObject(a)) continue
    if (isObject(a.package) && typeof a.package.name === 'string' && a.package.name !== pkgName) continue
    for (const r of list(a.ranges)) {
      if (!isObject(r)) continue
      let introduced = '0'
      for (const e of list(r.events)) {
        if (!isObject(e)) continue
        if (typeof e.introduced === 'string') introduced = e.introduced
        if (typeof e.fixed !== 'string') continue
        first ??= e.fixed
        if (version && compareVersions(version, introduced) >= 0 && compareVersions(version, e.fixed) < 0) return e.fixed
      }
    }
  }
  return first
}

export function parseOsv(path: string, doc: Obj): ParsedReport {
  const vulns: Vulnerability[] = []
  for (const res of list(doc.results)) {
    if (!isObject(res)) continue
    const source = isObject(res.source) && typeof res.source.path === 'string' ? res.source.path : undefined
    for (const p of list(res.packages)) {
      if (!isObject(p) || !isObject(p.package)) continue
      const name = textOf(p.package.name, '(unknown package)')
      const version = typeof p.package.version === 'string' ? p.package.version : undefined
      const ecosystem = typeof p.package.ecosystem === 'string' ? p.package.ecosystem : undefined
      const records = list(p.vulnerabilities).filter(isObject)
      const byId = new Map(records.map((r) => [String(r.id), r]))
      const groups = list(p.groups).filter(isObject)
      const grouped = groups.length
        ? groups.map((g) => ({ ids: strs(g.ids), aliases: strs(g.aliases), max: g.max_severity }))
        : records.map((r) => ({ ids: [String(r.id)], aliases: strs(r.aliases), max: undefined }))
      for (const g of grouped) {
        const members = g.ids.map((id) => byId.get(id)).filter((r): r is Obj => r !== undefined)
        const aliases = [...new Set([...g.ids, ...g.aliases, ...members.flatMap((m) => strs(m.aliases))].map(normaliseId))]
        const ids = aliases.flatMap((a) => advisoryIdsIn(a))
        const maxScore = typeof g.max === 'string' || typeof g.max === 'number' ? Number.parseFloat(String(g.max)) : NaN
        let severity: Severity = Number.isFinite(maxScore) ? severityFromScore(maxScore) : 'unknown'
        for (const m of members) {
          const ds = isObject(m.database_specific) ? m.database_specific : undefined
          const w = severityFromWord(typeof ds?.severity === 'string' ? ds.severity : undefined)
          if (w && severityRank(w) > severityRank(severity)) severity = w
        }
        const id = preferredId(ids.length ? ids : aliases)
        const first = members.at(0) // none when no record of the group is in the report
        vulns.push({
          id,
          aliases,
          package: name,
          version,
          fixedVersion: members.map((m) => fixedIn(m, name, version)).find((f) => f !== undefined),
          ecosystem,
          severity,
          cvss: Number.isFinite(maxScore) && maxScore > 0 ? maxScore : undefined,
          title: typeof first?.summary === 'string' ? first.summary : undefined,
          url: `https://osv.dev/vulnerability/${g.ids[0] ?? id}`,
          manifest: source,
          sources: ['OSV-Scanner'],
          reports: [path],
        })
      }
    }
  }
  return { path, format: 'osv-scanner', tool: 'OSV-Scanner', vulnerabilities: vulns, skipped: 0 }
}
