/**
 * SARIF 2.1.0 → Vulnerability. Works for any scanner by reading the places tools actually use:
 * - severity: `properties["security-severity"]` (CVSS, result then rule), then severity words in tags
 *   (Trivy), then the result's / rule's level (error → high, warning → medium, note → low);
 * - package and version: result/rule properties, then the message formats of Trivy ("Package: x\nInstalled
 *   Version: y"), Grype ("package: x, version y was found"), OSV-Scanner ("Package 'x@y' is vulnerable"),
 *   Snyk ("x@y" in the rule's full description), and location messages ("lockfile: x@y");
 * - advisory ids: GHSA/CVE in the rule id, rule name, tags, help URI, descriptions and message;
 * - age: `provenance.firstDetectionTimeUtc`; relation to the base: `baselineState`.
 * Results that name no package and no advisory (code findings of CodeQL/Semgrep) are counted as skipped.
 * Suppressed results (an accepted suppression) are skipped too.
 */
import {
  advisoryIdsIn,
  normaliseId,
  preferredId,
  severityFromScore,
  severityFromWord,
  splitNameVersion,
  type Origin,
  type ParsedReport,
  type Severity,
  type Vulnerability,
} from './model.js'

type Obj = Record<string, unknown>

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined
}
function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : []
}
function text(v: unknown): string | undefined {
  return isObj(v) ? (str(v.text) ?? str(v.markdown)) : undefined
}

export function looksLikeSarif(doc: unknown): boolean {
  return isObj(doc) && Array.isArray(doc.runs) && (typeof doc.version === 'string' || typeof doc.$schema === 'string')
}

function score(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number.parseFloat(v) : NaN
  return Number.isFinite(n) ? n : undefined
}

const PROP_NAME_KEYS = ['packageName', 'package_name', 'pkgName', 'package', 'purl', 'componentName']
const PROP_VERSION_KEYS = [
  'packageVersion',
  'package_version',
  'installedVersion',
  'installed_version',
  'pkgVersion',
  'version',
  'componentVersion',
]
const PROP_FIXED_KEYS = ['fixedVersion', 'fixed_version', 'fixVersion', 'patchedVersion']

function fromProps(props: Obj | undefined): { name?: string; version?: string; fixed?: string } {
  if (!props) return {}
  let name: string | undefined
  let version: string | undefined
  for (const k of PROP_NAME_KEYS) {
    const v = str(props[k])
    if (v) {
      if (k === 'purl') {
        const m = /^pkg:[^/]+\/(?:[^@]*\/)?([^@/?#]+)@([^?#]+)/.exec(decodeURIComponent(v))
        if (m) {
          name = m[1]
          version = m[2]
        }
      } else name = v
      if (name) break
    }
  }
  if (!version) for (const k of PROP_VERSION_KEYS) if ((version = str(props[k]))) break
  let fixed: string | undefined
  for (const k of PROP_FIXED_KEYS) if ((fixed = str(props[k]))) break
  return { name, version, fixed }
}

const MESSAGE_PATTERNS: RegExp[] = [
  /Package:\s*(?<name>\S+)\s*[\r\n]+\s*Installed Version:\s*(?<version>\S+)/i, // Trivy
  /package:\s*(?<name>[^,\s]+),\s*version\s+(?<version>\S+?)\s+was found/i, // Grype
  /Package '(?<nv>[^']+)' is vulnerable/i, // OSV-Scanner
  /(?:vulnerable|introduces)\s+(?:package\s+)?(?<nv>(?:@[\w.-]+\/)?[\w.-]+@\d[^\s,;)]*)/i,
]

function fromMessages(texts: Array<string | undefined>): { name?: string; version?: string } {
  for (const t of texts) {
    if (!t) continue
    for (const re of MESSAGE_PATTERNS) {
      const m = re.exec(t)
      if (!m?.groups) continue
      if (m.groups.nv) {
        const { name, version } = splitNameVersion(m.groups.nv)
        return { name, version }
      }
      return { name: m.groups.name, version: m.groups.version }
    }
  }
  // "package-lock.json: lodash@4.17.20" (Trivy location message), "(CVE-…) lodash@4.17.20" (Snyk)
  for (const t of texts) {
    if (!t) continue
    const m = /(?:^|[\s:(])((?:@[\w.-]+\/)?[A-Za-z0-9][\w.\-/:]*@v?\d[\w.+\-~]*)/.exec(t)
    if (m) return splitNameVersion(m[1])
  }
  return {}
}

const FIXED_PATTERNS: RegExp[] = [
  /Fix(?:ed)? Version:\s*(?<v>[^\s|,]+)/i, // Trivy, Grype
  /Upgrade to (?:(?:@[\w.-]+\/)?[\w.-]+@)?(?<v>v?\d[^\s,;)]*)/i, // Snyk fixes
  /fixed in (?:version )?(?<v>v?\d[^\s,;)]*)/i,
]
function fixedFrom(texts: Array<string | undefined>): string | undefined {
  for (const t of texts) {
    if (!t) continue
    for (const re of FIXED_PATTERNS) {
      const m = re.exec(t)
      const groups: Partial<Record<string, string>> | undefined = m?.groups // `v` is unset when its group did not take part
      const v = groups?.v?.replace(/\.$/, '')
      if (v && v !== '-' && !/^(none|n\/a|unknown)$/i.test(v)) return v
    }
  }
  return undefined
}

function levelSeverity(level: string | undefined): Severity {
  if (level === 'error') return 'high'
  if (level === 'warning') return 'medium'
  if (level === 'note') return 'low'
  return 'unknown'
}

function locationUri(loc: unknown): string | undefined {
  if (!isObj(loc)) return undefined
  const phys = loc.physicalLocation
  if (!isObj(phys) || !isObj(phys.artifactLocation)) return undefined
  const uri = str(phys.artifactLocation.uri)
  if (!uri) return undefined
  let p = uri.replace(/^file:\/\//, '')
  try {
    p = decodeURIComponent(p)
  } catch {
    /* keep as written */
  }
  return p.replace(/^\.\//, '')
}

function ecosystemFromTags(tags: string[]): string | undefined {
  const known = ['npm', 'pypi', 'maven', 'go', 'golang', 'cargo', 'crates.io', 'rubygems', 'nuget', 'composer', 'pip', 'yarn', 'gradle']
  return tags.map((t) => t.toLowerCase()).find((t) => known.includes(t))
}

/** One SARIF run: its tool's name and the rules its results point at. */
interface SarifRun {
  readonly tool: string
  readonly rules: Obj[]
  readonly allRules: Obj[]
}

export function parseSarif(path: string, doc: Obj): ParsedReport {
  const vulns: Vulnerability[] = []
  const tools: string[] = []
  let skipped = 0
  for (const run of arr(doc.runs)) {
    if (!isObj(run)) continue
    const sarifRun = readRun(run)
    if (!tools.includes(sarifRun.tool)) tools.push(sarifRun.tool)
    for (const result of arr(run.results)) {
      if (!isObj(result)) continue
      const vuln = resultVulnerability(result, sarifRun, path)
      if (vuln) vulns.push(vuln)
      else skipped++
    }
  }
  return { path, format: 'sarif', tool: tools.join(', ') || 'unknown SARIF tool', vulnerabilities: vulns, skipped }
}

function readRun(run: Obj): SarifRun {
  const driver = isObj(run.tool) && isObj(run.tool.driver) ? run.tool.driver : undefined
  const tool = str(driver?.name) ?? 'unknown SARIF tool'
  const rules: Obj[] = arr(driver?.rules).filter(isObj)
  const extRules: Obj[] = isObj(run.tool)
    ? arr(run.tool.extensions)
        .filter(isObj)
        .flatMap((e) => arr(e.rules).filter(isObj))
    : []
  return { tool, rules, allRules: [...rules, ...extRules] }
}

/** The result's rule: by index when it agrees with the rule id, else by id among the driver's and extensions' rules. */
function resultRule(result: Obj, ruleId: string | undefined, run: SarifRun): Obj | undefined {
  const { rules } = run
  const idx =
    typeof result.ruleIndex === 'number'
      ? result.ruleIndex
      : isObj(result.rule) && typeof result.rule.index === 'number'
        ? result.rule.index
        : -1
  return (
    (idx >= 0 && idx < rules.length && (!ruleId || rules[idx].id === ruleId) ? rules[idx] : undefined) ??
    run.allRules.find((r) => r.id === ruleId)
  )
}

/** What one result says, read once: its rule, both property bags, tags and message. */
interface ResultFacts {
  readonly ruleId: string | undefined
  readonly rule: Obj | undefined
  readonly rprops: Obj | undefined
  readonly props: Obj | undefined
  readonly tags: string[]
  readonly message: string | undefined
}

/** A vulnerability, or undefined when the result is skipped (suppressed, no package nor advisory, fixed). */
function resultVulnerability(result: Obj, run: SarifRun, path: string): Vulnerability | undefined {
  if (arr(result.suppressions).some((s) => isObj(s) && (s.status === undefined || s.status === 'accepted'))) return undefined
  const ruleId = str(result.ruleId) ?? (isObj(result.rule) ? str(result.rule.id) : undefined)
  const rule = resultRule(result, ruleId, run)
  const rprops = isObj(rule?.properties) ? rule.properties : undefined
  const props = isObj(result.properties) ? result.properties : undefined
  const tags = [...arr(rprops?.tags), ...arr(props?.tags)].filter((t): t is string => typeof t === 'string')
  const facts: ResultFacts = { ruleId, rule, rprops, props, tags, message: text(result.message) }
  const { message } = facts
  const locMessages = arr(result.locations).map((l) => (isObj(l) ? text(l.message) : undefined))
  const ruleTexts = [text(rule?.shortDescription), text(rule?.fullDescription), text(rule?.help), str(rule?.name)]
  const { ids, toolId, aliases } = advisoryAliases(facts)

  const own = Object.entries<string | undefined>(fromProps(props)) // its keys are optional
  const p = { ...fromProps(rprops), ...Object.fromEntries(own.filter(([, v]) => v !== undefined)) }
  let name = p.name
  let version = p.version
  if (!name) {
    const m = fromMessages([message, ...locMessages, text(rule?.fullDescription), text(rule?.help)])
    name = m.name
    version ??= m.version
  }
  if (!name && ids.length === 0) return undefined
  const { severity, cvss } = resultSeverity(result, facts)

  const fixes = arr(result.fixes).map((f) => (isObj(f) ? text(f.description) : undefined))
  const fixed = p.fixed ?? fixedFrom([message, ...fixes, text(rule?.help), ...ruleTexts])
  const provenance = isObj(result.provenance) ? result.provenance : undefined
  const baseline = str(result.baselineState)
  if (baseline === 'absent') return undefined // present in the baseline, gone now: fixed
  const origin: Origin | undefined =
    baseline === 'new' ? 'introduced' : baseline === 'unchanged' || baseline === 'updated' ? 'present' : undefined
  const id = preferredId(aliases.length ? aliases : [toolId ?? '(unknown advisory)'])
  const helpUri = str(rule?.helpUri)
  return {
    id,
    aliases: aliases.length ? aliases : [id],
    package: name ?? '(unknown package)',
    version,
    fixedVersion: fixed,
    ecosystem: ecosystemFromTags(tags),
    severity,
    cvss,
    title: text(rule?.shortDescription) ?? message?.split('\n')[0],
    url: helpUri && /^https?:/.test(helpUri) ? helpUri : undefined,
    manifest: arr(result.locations)
      .map(locationUri)
      .find((u) => u !== undefined),
    firstSeen: str(provenance?.firstDetectionTimeUtc),
    origin,
    sources: [run.tool],
    reports: [path],
  }
}

/** Advisory ids named anywhere in the result or its rule, and the tool's own id as an alias. */
function advisoryAliases(facts: ResultFacts): { ids: string[]; toolId: string | undefined; aliases: string[] } {
  const { ruleId, rule, rprops, props, tags, message } = facts
  const ids: string[] = []
  for (const t of [
    ruleId,
    str(rule?.name),
    str(rule?.helpUri),
    ...tags,
    text(rule?.shortDescription),
    text(rule?.fullDescription),
    message,
  ])
    ids.push(...advisoryIdsIn(t))
  const fromPropsIds = [props?.cve, props?.ghsa, rprops?.cve, props?.identifiers, rprops?.identifiers]
    .flatMap((v) => (Array.isArray(v) ? (v as unknown[]) : [v]))
    .filter((v): v is string => typeof v === 'string')
  for (const t of fromPropsIds) ids.push(...advisoryIdsIn(t))
  const toolId = ruleId ? normaliseId(ruleId) : undefined
  // The tool's own id is an alias unless it merely wraps an advisory id (Grype: "CVE-2021-23337-lodash").
  const wraps = toolId !== undefined && ids.some((i) => toolId.toUpperCase().includes(i.toUpperCase()))
  const aliases = [...new Set([...ids, ...(toolId && !wraps ? [toolId] : [])])]
  return { ids, toolId, aliases }
}

/** Severity from the CVSS score, then severity words in tags, then the result's or rule's level. */
function resultSeverity(result: Obj, facts: ResultFacts): { severity: Severity; cvss: number | undefined } {
  const { rule, rprops, props, tags } = facts
  let sev: Severity | undefined
  const cvss =
    score(props?.['security-severity']) ??
    score(rprops?.['security-severity']) ??
    score(props?.cvssv3_baseScore) ??
    score(rprops?.cvssv3_baseScore)
  if (cvss !== undefined) sev = severityFromScore(cvss)
  if (!sev || sev === 'unknown') {
    for (const t of tags) {
      const s = /^(critical|high|medium|moderate|low)$/i.test(t) ? severityFromWord(t) : undefined
      if (s) {
        sev = s
        break
      }
    }
  }
  if (!sev || sev === 'unknown') {
    const lvl = str(result.level) ?? (isObj(rule?.defaultConfiguration) ? str(rule.defaultConfiguration.level) : undefined) ?? 'warning'
    sev = levelSeverity(lvl)
  }
  return { severity: sev, cvss: cvss !== undefined && cvss <= 0 ? undefined : cvss }
}
