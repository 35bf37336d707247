/**
 * YAML loading for classification: the core schema plus merge keys (`<<:`), and any local tag (`!Ref`,
 * `!Sub`, `!GetAtt`… of CloudFormation, `!reference` of GitLab) loaded as its plain value, so real-world
 * manifests parse. Templated YAML (Helm `{{ }}`) does not parse: callers get a reason, never an exception.
 */
import { loadAll, CORE_SCHEMA, mergeTag, defineScalarTag, defineSequenceTag, defineMappingTag } from 'js-yaml'

const anyScalar = defineScalarTag('!', { matchByTagPrefix: true, resolve: (source: string) => source, identify: () => false })
const anySequence = defineSequenceTag<unknown[]>('!', {
  matchByTagPrefix: true,
  create: () => [],
  addItem: (c, item) => {
    c.push(item)
  },
  identify: () => false,
})
const anyMapping = defineMappingTag<Record<string, unknown>>('!', {
  matchByTagPrefix: true,
  create: () => Object.create(null) as Record<string, unknown>,
  addPair: (c, key, value) => {
    c[String(key)] = value
    return ''
  },
  has: (c, key) => Object.prototype.hasOwnProperty.call(c, String(key)),
  keys: (r) => Object.keys(r),
  get: (r, key) => r[String(key)],
  identify: () => false,
})

const SCHEMA = CORE_SCHEMA.withTags(mergeTag, anyScalar, anySequence, anyMapping)

export type YamlResult = { ok: true; docs: unknown[] } | { ok: false; templated: boolean; reason: string }

/** True when the text has template directives (Helm/Go templates, Jinja). */
export function isTemplated(text: string): boolean {
  // `${{ … }}` is a GitHub Actions expression, not a template directive.
  return /(?<!\$)\{\{-?\s|(?<!\$)\{\{[.$/a-zA-Z(]|\{%-?\s/.test(text)
}

export function loadYamlDocs(text: string): YamlResult {
  const templated = isTemplated(text)
  try {
    const docs = loadAll(text, { schema: SCHEMA }).filter((d) => d !== null && d !== undefined)
    return { ok: true, docs }
  } catch (e) {
    // Closing brackets of a flow sequence/mapping written at the parent's indentation (`on: [\n  a,\n]`):
    // GitHub and most YAML parsers accept them, js-yaml does not. They carry no meaning: indent and retry.
    const relaxed = relaxFlowClosers(text)
    if (relaxed !== text) {
      try {
        return { ok: true, docs: loadAll(relaxed, { schema: SCHEMA }).filter((d) => d !== null && d !== undefined) }
      } catch {
        // fall through: report the original error
      }
    }
    const msg = e instanceof Error ? e.message : String(e)
    return { ok: false, templated, reason: templated ? 'templated YAML (`{{ }}`)' : `invalid YAML: ${msg.split('\n')[0]}` }
  }
}

export function loadJson(text: string): YamlResult {
  try {
    return { ok: true, docs: [JSON.parse(text) as unknown] }
  } catch (e) {
    return { ok: false, templated: isTemplated(text), reason: `invalid JSON: ${e instanceof Error ? e.message : String(e)}` }
  }
}

/** Lines holding only closing flow brackets (`]`, `}`, `],`) indented one level deeper than the line before. */
export function relaxFlowClosers(text: string): string {
  const lines = text.split('\n')
  let prevIndent = 0
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]
    if (!l.trim() || /^\s*#/.test(l)) continue
    const indent = l.length - l.trimStart().length
    if (/^\s*[\]}][\]},\s]*$/.test(l) && indent <= prevIndent) {
      lines[i] = ' '.repeat(prevIndent + 1) + l.trim()
      continue
    }
    prevIndent = indent
  }
  return lines.join('\n')
}
