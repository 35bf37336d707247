/**
 * GitHub's dependency payloads as the `dependencies` rule judges them: dependency review changes become the
 * dependencies a PR adds and the vulnerabilities they bring, Dependabot alerts become vulnerabilities with
 * their age. Parsed here, by the provider, so the rule never reads a GitHub payload; every field is checked
 * one by one (the providers' answers are checked for shape, not trusted for types).
 */
import { advisoryIdsIn, normaliseId, severityFromWord, type Vulnerability } from '../evidence/scanners/index.js'
import { textOf } from '../json.js'

/** A dependency the PR adds, per GitHub's dependency review. */
export interface AddedDependency {
  name: string
  version: string
  manifest: string
  license: string | null
}

/** What dependency review says about a PR. */
export interface DependencyReviewFacts {
  added: AddedDependency[]
  vulns: Vulnerability[]
}

export function reviewFacts(data: readonly unknown[]): DependencyReviewFacts {
  const vulns: Vulnerability[] = []
  const added: AddedDependency[] = []
  for (const raw of data) {
    if (typeof raw !== 'object' || raw === null) continue
    const c = raw as Record<string, unknown>
    if (c.change_type !== 'added') continue
    const name = String(c.name)
    const version = textOf(c.version)
    const manifest = textOf(c.manifest)
    added.push({ name, version, manifest, license: typeof c.license === 'string' ? c.license : null })
    for (const v of Array.isArray(c.vulnerabilities) ? c.vulnerabilities : []) {
      const a = v as Record<string, unknown>
      const id = normaliseId(String(a.advisory_ghsa_id))
      vulns.push({
        id,
        aliases: [id],
        package: name,
        version: version || undefined,
        ecosystem: typeof c.ecosystem === 'string' ? c.ecosystem : undefined,
        severity: severityFromWord(String(a.severity)) ?? 'unknown',
        title: typeof a.advisory_summary === 'string' ? a.advisory_summary : undefined,
        url: typeof a.advisory_url === 'string' ? a.advisory_url : undefined,
        manifest,
        origin: 'introduced',
        sources: ['dependency review'],
        reports: ['GitHub dependency review'],
      })
    }
  }
  return { vulns, added }
}

/** The fields of a Dependabot alert read here (checked one by one: the provider's data is `unknown[]`). */
interface AlertShape {
  created_at?: unknown
  html_url?: unknown
  dependency?: { package?: { name?: unknown }; manifest_path?: unknown }
  security_advisory?: {
    ghsa_id?: unknown
    cve_id?: unknown
    summary?: unknown
    severity?: unknown
    identifiers?: Array<{ value?: unknown }>
    cvss?: { score?: unknown } | null
  }
  security_vulnerability?: {
    severity?: unknown
    first_patched_version?: { identifier?: unknown } | null
    package?: { name?: unknown; ecosystem?: unknown }
  }
}

/** An entry of an advisory's identifiers, as it may arrive (null included). */
type Identifier = { value?: unknown } | null | undefined

const s = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined)

export function alertVulnerabilities(data: readonly unknown[]): Vulnerability[] {
  const out: Vulnerability[] = []
  for (const raw of data) {
    if (typeof raw !== 'object' || raw === null) continue
    const a = raw as AlertShape
    const adv = a.security_advisory ?? {}
    const vul = a.security_vulnerability ?? {}
    const ids = [adv.ghsa_id, adv.cve_id, ...(Array.isArray(adv.identifiers) ? adv.identifiers.map((i: Identifier) => i?.value) : [])]
      .map(s)
      .filter((x): x is string => x !== undefined)
      .flatMap((x) => advisoryIdsIn(x))
    const aliases = [...new Set(ids)]
    const pkg = s(vul.package?.name) ?? s(a.dependency?.package?.name)
    if (!pkg || aliases.length === 0) continue
    const score = adv.cvss?.score
    out.push({
      id: aliases[0],
      aliases,
      package: pkg,
      fixedVersion: s(vul.first_patched_version?.identifier),
      ecosystem: s(vul.package?.ecosystem),
      severity: severityFromWord(s(vul.severity) ?? s(adv.severity)) ?? 'unknown',
      cvss: typeof score === 'number' && score > 0 ? score : undefined,
      title: s(adv.summary),
      url: s(a.html_url),
      manifest: s(a.dependency?.manifest_path),
      firstSeen: s(a.created_at),
      origin: 'present',
      sources: ['Dependabot'],
      reports: ['Dependabot alerts'],
    })
  }
  return out
}
