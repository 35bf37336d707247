/**
 * Finds the line of a manifest in the PR's diff that declares a package, for annotations and to tell
 * "this PR adds the dependency" from "it was already there". Only added lines of the patch are searched.
 */
import type { ChangedFile } from '../../types.js'
import { addedLines, removedLines } from '../../change/patch.js'

const MANIFESTS =
  /(^|\/)(package\.json|requirements[^/]*\.txt|constraints[^/]*\.txt|Pipfile|pyproject\.toml|setup\.cfg|go\.mod|pom\.xml|build\.gradle(\.kts)?|Gemfile|Cargo\.toml|composer\.json|[^/]+\.csproj|packages\.config|Directory\.Packages\.props|mix\.exs|pubspec\.yaml)$/

export function isManifest(path: string): boolean {
  return MANIFESTS.test(path)
}

function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Matches nothing: for a package name that names nothing a manifest line could declare. */
const NEVER = /(?!)/

/**
 * A regex that matches a line declaring `pkg` in the manifest `path`. The package name comes from
 * scanner reports (the PR's own CI: attacker-controlled), so every piece of it is escaped: the name is
 * only ever a literal inside the pattern, and the pattern has no nested quantifier it could reach.
 */
export function declarationPattern(path: string, pkg: string): RegExp {
  const base = path.split('/').pop() ?? path
  // Maven "group:artifact" and purl-like names: the artifact is what the manifest line names.
  const artifact = pkg.slice(pkg.lastIndexOf(':') + 1)
  if (!artifact.trim()) return NEVER
  const name = esc(artifact)
  if (base === 'package.json' || base === 'composer.json') return new RegExp(`"${name}"\\s*:`)
  if (/^requirements|^constraints|^Pipfile$|pyproject\.toml|setup\.cfg/.test(base)) {
    // PEP 503: runs of - _ . are equivalent; the parts between them are literal text.
    const parts = artifact.split(/[-_.]+/).filter(Boolean)
    if (!parts.length) return NEVER
    const py = parts.map(esc).join('[-_.]+')
    return new RegExp(`^\\s*["']?${py}\\s*(\\[[^\\]]*\\])?\\s*(==|>=|<=|~=|!=|>|<|=|;|"|'|$|\\s)`, 'i')
  }
  if (base === 'go.mod') return new RegExp(`^\\s*(require\\s+)?${name}\\s+v`)
  if (base === 'pom.xml') return new RegExp(`<artifactId>\\s*${name}\\s*</artifactId>`)
  if (base === 'Gemfile') return new RegExp(`^\\s*gem\\s+["']${name}["']`)
  if (base === 'Cargo.toml') return new RegExp(`^\\s*(${name}\\s*=|\\[[\\w.-]*dependencies\\.${name}\\])`)
  if (/\.csproj$|packages\.config|Directory\.Packages\.props/.test(base)) return new RegExp(`(Include|id)="${name}"`, 'i')
  return new RegExp(`(^|[^\\w@/.-])${name}([^\\w/-]|$)`)
}

export interface ManifestHit {
  path: string
  line: number
  /** True when the patch also removes a line declaring the package (a version change, not an addition). */
  changed: boolean
}

function dirOf(p: string): string {
  const i = p.lastIndexOf('/')
  return i < 0 ? '' : p.slice(0, i)
}

/**
 * The added manifest line that declares `pkg`, preferring the manifest in the same directory as the
 * lockfile/manifest the scanner named (matched by path suffix, since scanners may write absolute paths).
 */
export function findDeclaration(files: readonly ChangedFile[], pkg: string, scannerPath?: string): ManifestHit | undefined {
  const candidates = files.filter((f): f is ChangedFile & { patch: string } => f.status !== 'removed' && !!f.patch && isManifest(f.path))
  const wantDir = scannerPath ? dirOf(scannerPath.replace(/^\/+/, '')) : undefined
  const score = (f: ChangedFile) => {
    if (wantDir === undefined) return 0
    const d = dirOf(f.path)
    return wantDir === d || wantDir.endsWith('/' + d) || (d === '' && !wantDir.includes('/')) ? 1 : 0
  }
  candidates.sort((a, b) => score(b) - score(a))
  for (const f of candidates) {
    const re = declarationPattern(f.path, pkg)
    let added: Array<{ line: number; text: string }>
    let removed: Array<{ line: number; text: string }>
    try {
      added = addedLines(f.patch)
      removed = removedLines(f.patch)
    } catch {
      continue
    }
    const hit = added.find((l) => re.test(l.text))
    if (hit) return { path: f.path, line: hit.line, changed: removed.some((l) => re.test(l.text)) }
  }
  return undefined
}
