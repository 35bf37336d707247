/** fast-xml-parser setup shared by the Cobertura and JaCoCo readers (no hand-written XML parsing). */
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import type { ReportProblem } from './model.js'

/** Validates first (the parser itself is lenient and would silently accept a truncated file). */
/** The parsed document, or the one problem that stopped parsing. */
export type XmlResult = { doc: Record<string, unknown>; problem?: undefined } | { doc?: undefined; problem: ReportProblem }

export function parseXml(text: string, arrayTags: readonly string[]): XmlResult {
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: true })
  if (valid !== true) {
    const { msg, line, col } = valid.err
    // Unclosed elements at the end of the text (a truncated upload): the validator names the open tags but
    // reports line 1; the truncation is at the last line.
    const open = /^Invalid '\[(.*)\]' found/s.exec(msg)
    if (open) {
      const tags = open[1]
        .split(',')
        .map((t) => t.trim().replace(/^"|"$/g, ''))
        .filter(Boolean)
      const last = text.split('\n').length
      return {
        problem: {
          message: `truncated XML: the file ends inside <${tags.join('> > <')}>`,
          line: last,
          element: tags.join(' > '),
          fatal: true,
        },
      }
    }
    return { problem: { message: `not well-formed XML: ${msg} (line ${line}, column ${col})`, line, fatal: true } }
  }
  const tags = new Set(arrayTags)
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseAttributeValue: false,
    parseTagValue: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    isArray: (name) => tags.has(name),
  })
  try {
    return { doc: parser.parse(text) as Record<string, unknown> }
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e)
    const line = parserErrorLine(text, msg)
    return {
      problem: { message: `not well-formed XML: ${msg}`, ...(line !== undefined ? { line } : { element: 'document' }), fatal: true },
    }
  }
}

/**
 * The parser's own errors (DOCTYPE and entity problems the validator lets through) carry no line: use the
 * offset they name, else the DOCTYPE they are about.
 */
function parserErrorLine(text: string, msg: string): number | undefined {
  const lineAt = (offset: number): number => text.slice(0, offset).split('\n').length
  const pos = /position (\d+)/.exec(msg)
  if (pos) return lineAt(Math.min(Number(pos[1]), text.length))
  const doctypes = [...text.matchAll(/<!DOCTYPE/g)]
  if (doctypes.length) return lineAt(doctypes[/Multiple DOCTYPE/.test(msg) && doctypes.length > 1 ? 1 : 0].index)
  return undefined
}

export type XmlNode = Record<string, unknown>

/** The child elements named `name` of `node` (always an array; empty elements parse as ''). */
export function children(node: unknown, name: string): XmlNode[] {
  if (!node || typeof node !== 'object') return []
  const v = (node as XmlNode)[name]
  if (v === undefined || v === null) return []
  const arr = Array.isArray(v) ? v : [v]
  return arr.map((x) => (x && typeof x === 'object' ? (x as XmlNode) : {}))
}

/** Attribute value, or undefined. */
export function attr(node: XmlNode, name: string): string | undefined {
  const v = node['@' + name]
  // Attribute values are strings, or numbers/booleans when the parser converts them; never objects.
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined
}

/** Text content of a simple element (`<source>/x</source>`). */
export function text(node: unknown): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node)
  if (node && typeof node === 'object' && '#text' in node) return String((node as XmlNode)['#text'])
  return ''
}
