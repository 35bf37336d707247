/**
 * Semantic comparison of structured operational files: a change counts when the PARSED structure differs
 * between base and head, not when bytes do. Comments, whitespace, key order, quoting and YAML/JSON/HCL
 * formatting are no operational change. What changed is said per unit (a Kubernetes object, a compose
 * service, a workflow job, a Terraform block) with the key paths that differ, and pointed at a line the
 * PR touched inside that unit.
 */
import { parsePatch } from '../../change/patch.js'
import { isObject } from '../../json.js'

type Obj = Record<string, unknown>
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined)

/** Deep structural equality (key order ignored). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
    return a.every((x, i) => sameValue(x, b[i]))
  }
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a)
    const kb = Object.keys(b)
    if (ka.length !== kb.length) return false
    return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameValue(a[k], b[k]))
  }
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime()
  return false
}

/** A stable label for an array element: its `name`/`id`/`key` when it has one. */
function elementLabel(v: unknown): string | undefined {
  if (!isObject(v)) return undefined
  return str(v.name) ?? str(v.id) ?? str(v.key) ?? str(v.alert) ?? str(v.record)
}

const keySegment = (k: string): string => (/^[A-Za-z_][\w-]*$/.test(k) ? k : JSON.stringify(k))

/**
 * Key paths that differ between `a` and `b` (`spec.template.spec.containers[server].image`). Arrays of
 * one element on both sides are looked through (HCL blocks parse as one-element arrays); arrays of named
 * objects are matched by name; other arrays by index. At most `max` paths.
 */
export function changedPaths(a: unknown, b: unknown, max = 12): string[] {
  return changedLeaves(a, b, max).map((l) => l.path)
}

/** A differing value: its key path and both sides (undefined where absent). */
export interface ChangedLeaf {
  path: string
  before: unknown
  after: unknown
}

/** As changedPaths, with the values on both sides. */
export function changedLeaves(a: unknown, b: unknown, max = 12): ChangedLeaf[] {
  const out: ChangedLeaf[] = []
  const walk = (x: unknown, y: unknown, path: string): void => {
    if (out.length >= max || sameValue(x, y)) return
    if (isObject(x) && isObject(y)) {
      const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])]
      for (const k of keys) walk(x[k], y[k], path ? `${path}.${keySegment(k)}` : keySegment(k))
      return
    }
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length === 1 && y.length === 1) {
        // HCL blocks parse as one-element arrays: look through them; name a named element below the root.
        const l = path ? elementLabel(x[0]) : undefined
        walk(x[0], y[0], l !== undefined && l === elementLabel(y[0]) ? `${path}[${l}]` : path)
        return
      }
      const lx = x.map(elementLabel)
      const ly = y.map(elementLabel)
      if (
        lx.every((l) => l !== undefined) &&
        ly.every((l) => l !== undefined) &&
        new Set(lx).size === lx.length &&
        new Set(ly).size === ly.length
      ) {
        const names = [...new Set([...lx, ...ly] as string[])]
        for (const n of names) walk(x[lx.indexOf(n)], y[ly.indexOf(n)], `${path}[${n}]`)
        return
      }
      if (x.every(isObject) && y.every(isObject) && x.length === y.length) {
        x.forEach((e, i) => {
          const l = elementLabel(y[i])
          walk(e, y[i], `${path}[${l !== undefined && l === elementLabel(e) ? l : i}]`)
        })
        return
      }
    }
    out.push({ path: path || '(whole document)', before: x, after: y })
  }
  walk(a, b, '')
  return out
}

/** Version-like tokens: digests, commit SHAs, dotted versions (`v1.2.3-alpine`), bare numbers after `:`/`@`/`v`, `latest`. */
const VERSION_TOKEN =
  /sha256:[a-f0-9]{64}|\b[a-f0-9]{40}\b|\bv?\d+(?:\.\d+)+(?:[-+][0-9A-Za-z.]+)?|(?<=[:@=v\s~^<>]|^)v?\d+\b|(?<=[:@=\s]|^)latest\b/g

/** The text with every version-like token replaced: equal results mean a change of versions only. */
export function withoutVersions(text: string): string {
  return text.replace(VERSION_TOKEN, '<v>')
}

/**
 * The repository of a container image reference (`registry/path/name`), without its `:tag` and
 * `@digest`; undefined when the text is not an image reference (spaces, template braces, empty).
 * `busybox:latest` and `busybox:1.38.0@sha256:…` are the same repository.
 */
export function imageRepository(ref: string): string | undefined {
  const t = ref.trim()
  if (!t || /[\s{}$]/.test(t)) return undefined
  const noDigest = t.replace(/@sha256:[a-f0-9]{64}$/, '')
  const slash = noDigest.lastIndexOf('/')
  const colon = noDigest.lastIndexOf(':')
  const repo = colon > slash ? noDigest.slice(0, colon) : noDigest
  return /^[a-z0-9][a-z0-9._\-/:]*$/i.test(repo) ? repo.toLowerCase() : undefined
}

/** Which keys hold routine versions: `version_keys` entries are key names or globs (`*_tag`, `*Version`). */
export type VersionKeys = ReadonlySet<string> | ((key: string) => boolean)

/** A predicate over key names from `version_keys` (exact names, or `*` wildcards matched case-sensitively). */
export function versionKeyTest(keys: readonly string[]): (key: string) => boolean {
  const exact = new Set(keys.filter((k) => !k.includes('*')))
  const globs = keys
    .filter((k) => k.includes('*'))
    .map(
      (k) =>
        new RegExp(
          `^${k
            .split('*')
            .map((x) => x.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
            .join('.*')}$`,
        ),
    )
  return (key) => exact.has(key) || globs.some((g) => g.test(key))
}

function isVersionKey(keys: VersionKeys, key: string): boolean {
  return typeof keys === 'function' ? keys(key) : keys.has(key)
}
function anyVersionKeys(keys: VersionKeys): boolean {
  return typeof keys === 'function' || keys.size > 0
}

/** Two values of a routine key that differ only in version: version tokens blanked, or the same image repository. */
export function sameUpToVersion(before: string, after: string): boolean {
  if (withoutVersions(before) === withoutVersions(after)) return true
  const a = imageRepository(before)
  return a !== undefined && a === imageRepository(after) && /[:@]/.test(before + after)
}

/**
 * True when every changed value is a version bump under a routine key: the leaf key is one of `keys`
 * (image, tag, version, `*_tag`, …), the values are strings equal up to version tokens (or the same image
 * repository with another tag/digest; for `hashes`-like keys, any values), and nothing was added or
 * removed. `image: redis:7 → valkey:8` is not a bump.
 */
export function onlyVersionBumps(leaves: ChangedLeaf[], keys: VersionKeys): boolean {
  if (!leaves.length || !anyVersionKeys(keys)) return false
  return leaves.every((l) => {
    const leaf = /([A-Za-z_][\w-]*)(?:\[[^\]]*\])?$/.exec(l.path)?.[1]
    if (!leaf || !isVersionKey(keys, leaf)) return false
    if (leaf === 'hashes') return true
    if (typeof l.before === 'string' && typeof l.after === 'string') return sameUpToVersion(l.before, l.after)
    return false
  })
}

/** A unit of operational meaning inside one file, with its head-side line range (1-based, inclusive). */
export interface Unit {
  label: string
  value: unknown
}

export interface UnitChange {
  label: string
  change: 'added' | 'removed' | 'changed'
  paths: string[]
  /** For `changed`: the differing values. */
  leaves: ChangedLeaf[]
}

/** True when every unit change is a version bump under a routine key (see onlyVersionBumps). */
export function onlyVersionChanges(changes: UnitChange[], keys: VersionKeys): boolean {
  return (
    changes.length > 0 &&
    changes.every((c) => c.change === 'changed') &&
    onlyVersionBumps(
      changes.flatMap((c) => c.leaves),
      keys,
    )
  )
}

/** Compares two maps of units; units in both with equal structure are not listed. */
export function compareUnits(base: Unit[], head: Unit[]): UnitChange[] {
  const out: UnitChange[] = []
  const b = new Map(base.map((u) => [u.label, u.value]))
  const h = new Map(head.map((u) => [u.label, u.value]))
  for (const [label, value] of h) {
    if (!b.has(label)) out.push({ label, change: 'added', paths: [], leaves: [] })
    else if (!sameValue(b.get(label), value)) {
      const leaves = changedLeaves(b.get(label), value, 50)
      out.push({ label, change: 'changed', paths: leaves.slice(0, 12).map((l) => l.path), leaves })
    }
  }
  for (const label of b.keys()) if (!h.has(label)) out.push({ label, change: 'removed', paths: [], leaves: [] })
  return out
}

function listOf(items: string[], max: number): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`
}

/**
 * What changed, in one phrase: `adds aws_db_instance.main; Deployment frontend: spec.replicas,
 * spec.template.spec.containers[server].image`.
 */
export function describeChanges(changes: UnitChange[], max = 4): string {
  const added = changes.filter((c) => c.change === 'added').map((c) => c.label)
  const removed = changes.filter((c) => c.change === 'removed').map((c) => c.label)
  const changed = changes.filter((c) => c.change === 'changed')
  const parts: string[] = []
  if (added.length) parts.push(`adds ${listOf(added, max)}`)
  if (removed.length) parts.push(`removes ${listOf(removed, max)}`)
  for (const c of changed.slice(0, max)) parts.push(`${c.label}: ${c.paths.slice(0, 3).join(', ')}${c.paths.length > 3 ? ', …' : ''}`)
  if (changed.length > max) parts.push(`${changed.length - max} more changed`)
  return parts.join('; ')
}

/* ─────────────────────────────── Dockerfiles ─────────────────────────────── */

export interface DockerInstruction {
  /** Upper-case keyword (`FROM`, `RUN`, …). */
  keyword: string
  /** Arguments with continuation lines joined and whitespace collapsed. */
  args: string
  /** 1-based first and last line. */
  start: number
  end: number
}

/**
 * A Dockerfile's instructions, normalised: comments and blank lines dropped, continuation lines joined,
 * whitespace collapsed, keywords upper-cased. Two Dockerfiles with equal instruction lists build the same
 * image (parser directives such as `# syntax=` are kept as instructions).
 */
export function dockerInstructions(text: string): DockerInstruction[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n')
  const out: DockerInstruction[] = []
  let escape = '\\'
  let inDirectives = true
  let cur: { parts: string[]; start: number } | undefined
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]
    const trimmed = raw.trim()
    if (inDirectives) {
      const d = /^#\s*([a-zA-Z]+)\s*=\s*(\S+)\s*$/.exec(trimmed)
      if (d && !cur) {
        if (d[1].toLowerCase() === 'escape') escape = d[2]
        out.push({ keyword: `#${d[1].toLowerCase()}`, args: d[2], start: i + 1, end: i + 1 })
        continue
      }
      if (trimmed) inDirectives = false
    }
    if (trimmed.startsWith('#') || (!trimmed && !cur)) continue
    if (!trimmed) continue // blank lines inside a continuation are ignored by BuildKit
    const continues = trimmed.endsWith(escape)
    const body = continues ? trimmed.slice(0, -escape.length) : trimmed
    if (!cur) cur = { parts: [], start: i + 1 }
    cur.parts.push(body)
    if (!continues) {
      const joined = cur.parts.join(' ').replace(/\s+/g, ' ').trim()
      const m = /^(\S+)\s*(.*)$/.exec(joined)
      if (m) out.push({ keyword: m[1].toUpperCase(), args: normaliseArgs(m[1].toUpperCase(), m[2]), start: cur.start, end: i + 1 })
      cur = undefined
    }
  }
  if (cur) {
    const joined = cur.parts.join(' ').replace(/\s+/g, ' ').trim()
    const m = /^(\S+)\s*(.*)$/.exec(joined)
    if (m) out.push({ keyword: m[1].toUpperCase(), args: normaliseArgs(m[1].toUpperCase(), m[2]), start: cur.start, end: lines.length })
  }
  return out
}

/**
 * `ENV`/`LABEL` arguments in one form: the legacy `ENV KEY value with spaces` and `ENV KEY=value` (quoted
 * or not) both become `KEY=value`; `FROM` image names lower-cased up to the tag is not needed (case matters).
 */
function normaliseArgs(keyword: string, args: string): string {
  if (keyword !== 'ENV' && keyword !== 'LABEL') return args
  const unquote = (v: string): string =>
    /^"(.*)"$/s.test(v) ? v.slice(1, -1).replace(/\\(["\\$])/g, '$1') : /^'(.*)'$/s.test(v) ? v.slice(1, -1) : v
  const legacy = /^([^\s=]+)\s+(.*)$/s.exec(args)
  if (legacy && !legacy[1].includes('=')) return `${legacy[1]}=${unquote(legacy[2].trim())}`
  const pairs: string[] = []
  const re = /([^\s=]+)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g
  for (let m = re.exec(args); m; m = re.exec(args)) pairs.push(`${m[1]}=${unquote(m[2])}`)
  return pairs.length ? pairs.join(' ') : args
}

/** Instructions that shape how the final image RUNS (its interface to operators), not how it is built. */
const RUNTIME_KEYWORDS = new Set(['EXPOSE', 'ENTRYPOINT', 'CMD', 'USER', 'HEALTHCHECK', 'VOLUME', 'STOPSIGNAL', 'ENV', 'SHELL', 'ONBUILD'])

export interface DockerRuntime {
  /** The external image the final stage builds on (through `FROM <stage>` chains), as written. */
  base?: DockerInstruction
  /** Runtime instructions of the final stage and the stages it inherits from, in order. */
  runtime: DockerInstruction[]
}

/** `FROM [--platform=…] image [AS name]` → image and alias. */
function fromParts(args: string): { image: string; alias?: string } {
  const words = args.split(' ').filter((w) => !w.startsWith('--'))
  const as = words.findIndex((w) => w.toUpperCase() === 'AS')
  return { image: words[0] ?? '', alias: as >= 0 ? words[as + 1]?.toLowerCase() : undefined }
}

/**
 * The runtime contract of a Dockerfile's final image: the final stage (and the stages it inherits from by
 * `FROM <stage>`) reduced to what an operator sees — ports, entrypoint/command, user, health check,
 * volumes, stop signal, runtime env — and the external base image it starts from. Build stages, `RUN`,
 * `COPY`, `ARG` and `WORKDIR` only decide how the image is built.
 */
export function dockerRuntime(instructions: DockerInstruction[]): DockerRuntime {
  const stages: Array<{ from: DockerInstruction; body: DockerInstruction[] }> = []
  for (const i of instructions) {
    if (i.keyword === 'FROM') stages.push({ from: i, body: [] })
    else if (stages.length) stages[stages.length - 1].body.push(i)
  }
  if (!stages.length) return { runtime: instructions.filter((i) => RUNTIME_KEYWORDS.has(i.keyword)) }
  const chain: typeof stages = []
  let cur: (typeof stages)[number] | undefined = stages[stages.length - 1]
  while (cur && !chain.includes(cur)) {
    chain.unshift(cur)
    const image = fromParts(cur.from.args).image.toLowerCase()
    const at: number = stages.indexOf(cur)
    cur = stages
      .slice(0, at)
      .reverse()
      .find((st) => fromParts(st.from.args).alias === image)
  }
  return { base: chain[0].from, runtime: chain.flatMap((st) => st.body.filter((i) => RUNTIME_KEYWORDS.has(i.keyword))) }
}

/** The base image of a runtime, compared up to its version (tag, digest): `golang:1.22` = `golang:1.23`. */
export function dockerBaseKey(base: DockerInstruction | undefined): string {
  if (!base) return ''
  const image = fromParts(base.args).image
  return imageRepository(image) ?? withoutVersions(image)
}

/* ─────────────────────────────── text fallbacks ─────────────────────────────── */

/**
 * Text with comments and blank lines removed and whitespace collapsed, for files that cannot be parsed
 * (templated YAML, invalid HCL): `#` comments (YAML/HCL/shell), `//` line comments (HCL) and Go-template
 * comments `{{/* … *\/}}` on their own lines.
 */
export function normaliseText(text: string): string {
  return text
    .replace(/\r\n/g, '\n')
    .replace(/\{\{-?\s*\/\*[\s\S]*?\*\/\s*-?\}\}/g, '')
    .split('\n')
    .map((l) =>
      l
        .replace(/^\s*(?:#|\/\/).*$/, '')
        .replace(/^([^"'#]*?)\s+#.*$/, '$1')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean)
    .join('\n')
}

/**
 * Templated YAML (Helm) compared as text after dropping lines that hold only control directives
 * (`{{- if … }}`, `{{ else }}`, `{{- end }}`, `{{ with }}`, `{{ range }}`): moving a key across such a
 * line (a templating fix) renders the same keys and values. Inline expressions (`{{ .Values.x }}`) are kept.
 */
export function normaliseTemplate(text: string): string {
  return normaliseText(text)
    .split('\n')
    .filter((l) => !/^(?:\{\{-?\s*(?:if|else|end|with|range)\b[^}]*?-?\}\}\s*)+$/.test(l))
    .join('\n')
}

/* ─────────────────────────────── lines the PR touched ─────────────────────────────── */

/**
 * Head-side lines the patch touched: added lines, and for pure deletions the head line where the removed
 * lines were (so a removal also points somewhere real).
 */
export function touchedLines(patch: string | undefined): Array<{ line: number; text: string; added: boolean }> {
  if (!patch) return []
  const out: Array<{ line: number; text: string; added: boolean }> = []
  let hunks
  try {
    hunks = parsePatch(patch)
  } catch {
    return []
  }
  for (const h of hunks) {
    let next = h.newStart
    for (const l of h.lines) {
      if (l.type === '+' && l.newLine !== undefined) {
        out.push({ line: l.newLine, text: l.text, added: true })
        next = l.newLine + 1
      } else if (l.type === ' ' && l.newLine !== undefined) next = l.newLine + 1
      else if (l.type === '-' && !out.some((o) => o.line === Math.max(1, next - 1) || o.line === next))
        out.push({ line: Math.max(1, next), text: '', added: false })
    }
  }
  return out
}

/** Line ranges of the documents of a multi-document YAML text, in document order (empty documents skipped). */
export function yamlDocRanges(text: string): Array<[number, number]> {
  const lines = text.split('\n')
  const out: Array<[number, number]> = []
  let start = 1
  let content = false
  const close = (end: number): void => {
    if (content) out.push([start, end])
    content = false
  }
  for (let i = 0; i < lines.length; i++) {
    if (/^---(?:\s|$)/.test(lines[i]) || /^\.\.\.\s*$/.test(lines[i])) {
      close(i)
      start = i + 2
      continue
    }
    if (lines[i].trim() && !/^\s*#/.test(lines[i]) && !/^%/.test(lines[i])) content = true
  }
  close(lines.length)
  return out
}

/**
 * Line range of a YAML child mapping entry `key:` under a top-level `parent:` (compose `services.<key>`,
 * workflow `jobs.<key>`), inside [from, to].
 */
export function yamlChildRange(
  text: string,
  parent: string,
  key: string,
  from = 1,
  to = Number.MAX_SAFE_INTEGER,
): [number, number] | undefined {
  const lines = text.split('\n')
  const last = Math.min(to, lines.length)
  let p = -1
  for (let i = from - 1; i < last; i++)
    if (new RegExp(`^["']?${escapeRe(parent)}["']?\\s*:`).test(lines[i])) {
      p = i
      break
    }
  if (p < 0) return undefined
  let indent = -1
  let start = -1
  for (let i = p + 1; i < last; i++) {
    const l = lines[i]
    if (!l.trim() || /^\s*#/.test(l)) continue
    const ind = l.length - l.trimStart().length
    if (ind === 0) return start >= 0 ? [start + 1, i] : undefined
    if (indent < 0) indent = ind
    if (ind === indent) {
      if (start >= 0) return [start + 1, i]
      if (new RegExp(`^\\s*["']?${escapeRe(key)}["']?\\s*:`).test(l)) start = i
    }
  }
  return start >= 0 ? [start + 1, last] : undefined
}

/** Line range of a Terraform block (`resource "t" "n" {`, `module "m" {`, `locals {`) until the next top-level block. */
export function hclBlockRange(text: string, address: string): [number, number] | undefined {
  const lines = text.split('\n')
  const parts = address.split('.')
  let head: RegExp
  const q = (s: string): string => `"?${escapeRe(s)}"?`
  if (parts[0] === 'data' && parts.length >= 3) head = new RegExp(`^data\\s+${q(parts[1])}\\s+${q(parts.slice(2).join('.'))}\\s*\\{`)
  else if (['module', 'variable', 'output', 'provider'].includes(parts[0]))
    head = new RegExp(`^${parts[0]}\\s+${q(parts.slice(1).join('.'))}\\s*\\{`)
  else if (parts[0] === 'locals' || parts[0] === 'terraform') head = new RegExp(`^${parts[0]}\\s*\\{`)
  else if (parts.length >= 2) head = new RegExp(`^resource\\s+${q(parts[0])}\\s+${q(parts.slice(1).join('.'))}\\s*\\{`)
  else return undefined
  const start = lines.findIndex((l) => head.test(l.trim()))
  if (start < 0) return undefined
  for (let i = start + 1; i < lines.length; i++) if (/^[A-Za-z_][\w-]*(?:\s+"[^"]*"|\s+[\w-]+)*\s*\{/.test(lines[i])) return [start + 1, i]
  return [start + 1, lines.length]
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * The best line to point at for a change inside `range`: a touched line in the range whose text names the
 * leaf key of one of `paths`, else the first touched line in the range, else the first touched line at
 * all, else the range's start.
 */
export function pickLine(
  touched: Array<{ line: number; text: string; added: boolean }>,
  range: [number, number] | undefined,
  paths: string[],
): number | undefined {
  const inRange = range ? touched.filter((t) => t.line >= range[0] && t.line <= range[1]) : touched
  const leaves = paths.map((p) => /([A-Za-z_][\w-]*)(?:\[[^\]]*\])?$/.exec(p)?.[1]).filter((x): x is string => !!x)
  for (const leaf of leaves) {
    const hit = inRange.find((t) => t.added && new RegExp(`(?:^|[^\\w-])["']?${escapeRe(leaf)}["']?\\s*[:=]`).test(t.text))
    if (hit) return hit.line
  }
  return (
    inRange.find((t) => t.added)?.line ?? inRange.at(0)?.line ?? touched.find((t) => t.added)?.line ?? touched.at(0)?.line ?? range?.[0]
  )
}

/* ─────────────────────────────── units per file kind ─────────────────────────────── */

/** `Deployment shop/frontend`: the identity of a Kubernetes object (undefined for other documents). */
export function k8sLabel(doc: unknown): string | undefined {
  if (!isObject(doc)) return undefined
  const kind = str(doc.kind)
  if (!str(doc.apiVersion) || !kind) return undefined
  const meta = isObject(doc.metadata) ? doc.metadata : {}
  const ns = str(meta.namespace)
  const name = str(meta.name) ?? str(meta.generateName)
  return `${kind}${name ? ` ${ns ? `${ns}/` : ''}${name}` : ''}`
}

/** Units of a YAML/JSON file: one per Kubernetes object (by kind/namespace/name), else one per document. */
export function docUnits(docs: unknown[]): Unit[] {
  const seen = new Map<string, number>()
  return docs.map((d, i) => {
    let label = k8sLabel(d) ?? (docs.length === 1 ? 'document' : `document ${i + 1}`)
    const n = seen.get(label) ?? 0
    seen.set(label, n + 1)
    if (n) label = `${label} #${n + 1}`
    return { label, value: d }
  })
}

/** Units of a mapping with one child section (compose `services`, workflow `jobs`), the rest by top-level key. */
export function sectionUnits(doc: unknown, section: string, prefix: string): Unit[] {
  if (!isObject(doc)) return [{ label: 'document', value: doc }]
  const out: Unit[] = []
  for (const [k, v] of Object.entries(doc)) {
    if (k === section && isObject(v)) for (const [name, body] of Object.entries(v)) out.push({ label: `${prefix} ${name}`, value: body })
    else out.push({ label: k, value: v })
  }
  return out
}

/**
 * HCL block syntax and attribute syntax carry the same meaning (`kubernetes { host = … }` in Helm provider
 * 2.x, `kubernetes = { host = … }` in 3.x): hcl2json gives a block as a one-element list of objects and an
 * attribute as the object. Such lists are read as their element, everywhere in the tree.
 */
export function hclBlocksAsObjects(v: unknown): unknown {
  if (Array.isArray(v)) return v.length === 1 && isObject(v[0]) ? hclBlocksAsObjects(v[0]) : v.map(hclBlocksAsObjects)
  if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, hclBlocksAsObjects(x)]))
  return v
}

/** Units of a Terraform file (hcl2json output): one per block address; a variables file is one unit per variable. */
export function terraformUnits(json: unknown, variablesFile: boolean): Unit[] {
  if (!isObject(json)) return []
  return terraformUnitsRaw(json, variablesFile).map((u) => ({ label: u.label, value: hclBlocksAsObjects(u.value) }))
}

function terraformUnitsRaw(json: Obj, variablesFile: boolean): Unit[] {
  const out: Unit[] = []
  if (variablesFile) {
    for (const [k, v] of Object.entries(json)) out.push({ label: `var.${k}`, value: v })
    return out
  }
  const obj = (v: unknown): Obj => (isObject(v) ? v : {})
  for (const [key, value] of Object.entries(json)) {
    if (key === 'resource' || key === 'data') {
      for (const [type, byName] of Object.entries(obj(value)))
        for (const [name, body] of Object.entries(obj(byName)))
          out.push({ label: `${key === 'data' ? 'data.' : ''}${type}.${name}`, value: body })
    } else if (['module', 'variable', 'output', 'provider'].includes(key) && isObject(value)) {
      for (const [name, body] of Object.entries(value)) out.push({ label: `${key}.${name}`, value: body })
    } else if (key === 'locals' && Array.isArray(value)) {
      // several `locals {}` blocks: one unit per local value
      for (const block of value) for (const [name, v] of Object.entries(obj(block))) out.push({ label: `local.${name}`, value: v })
    } else out.push({ label: key, value })
  }
  return out
}
