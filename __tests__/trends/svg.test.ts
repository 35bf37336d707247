/**
 * The SVG charts: rendered by vega (SVG string renderer, no browser, no canvas) from vega-lite specs, over
 * the figures of a real repository with known merges (fixture.ts); each is valid SVG with one mark per
 * figure: a bar per week with merges, one p90 line, one threshold rule, …
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { main } from '../../src/cli/main.js'
import { computeTrends } from '../../src/trends/compute.js'
import { localHistory } from '../../src/trends/local.js'
import { renderTrendSvgs, type SvgChart } from '../../src/trends/svg.js'
import type { TempRepo } from '../helpers/git-repo.js'
import { trendRepo } from './fixture.js'

let repo: TempRepo
let charts: SvgChart[]
const from = new Date('2026-03-02T00:00:00Z')
const to = new Date('2026-03-29T23:59:59Z')
beforeAll(async () => {
  repo = trendRepo()
  const h = await localHistory({ root: repo.dir, from, to })
  charts = await renderTrendSvgs(
    computeTrends({
      source: 'git',
      branch: h.branch,
      from,
      to,
      records: h.records,
      skipped: h.skipped,
      evidence: { waivers: false, coverage: false },
    }),
  )
})
afterAll(() => repo.remove())

type Node = Record<string, unknown>
/** The drawn items (path, line) of each mark group, by mark type ("rect", "line", "rule"), in document order. */
function marks(svg: string): Record<string, number[]> {
  const tree = new XMLParser({ ignoreAttributes: false, preserveOrder: true, attributeNamePrefix: '' }).parse(svg) as Node[]
  const out: Record<string, number[]> = {}
  const walk = (nodes: Node[]) => {
    for (const n of nodes) {
      const attrs = (n[':@'] ?? {}) as Record<string, string>
      const tag = Object.keys(n).find((k) => k !== ':@') as string
      const kids = (n[tag] ?? []) as Node[]
      const m = /\bmark-(\w+) role-mark\b/.exec(attrs.class ?? '')
      if (tag === 'g' && m) {
        const symbols = kids.filter((k) => 'path' in k || 'line' in k).length
        ;(out[m[1] as string] ??= []).push(symbols)
      }
      if (Array.isArray(kids)) walk(kids)
    }
  }
  walk(tree)
  return out
}

describe('SVG trend charts', () => {
  it('renders three valid SVG documents', () => {
    expect(charts.map((c) => c.name)).toEqual(['size.svg', 'shares.svg', 'gate.svg'])
    for (const c of charts) {
      expect(XMLValidator.validate(c.svg)).toBe(true)
      expect(c.svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/)
    }
  })

  it('size: a median bar for each of the 3 weeks with merges (none for the empty week), one p90 line, one 300 rule', () => {
    const m = marks(charts[0]!.svg)
    expect(m.rect).toEqual([3])
    expect(m.line).toEqual([1])
    expect(m.rule).toEqual([1])
    expect(charts[0]!.svg).toContain('rule: 300 lines')
  })

  it('shares: one line per series (2, one mark group each), with a legend', () => {
    const m = marks(charts[1]!.svg)
    expect(m.line).toEqual([1, 1])
    expect(charts[1]!.svg).toContain('critical-area PRs with tests')
  })

  it('gate: one stacked bar segment per (week, conclusion) that happened: W10 2 success + 1 neutral, W11 1 + 2 failure, W13 1', () => {
    const m = marks(charts[2]!.svg)
    expect(m.rect).toEqual([5])
  })

  it('pr-gate report --svg DIR writes the files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pr-gate-svg-'))
    try {
      let err = ''
      const code = await main(['report', '--from', '2026-03-02', '--to', '2026-03-29', '--format', 'json', '--svg', dir], {
        out: () => undefined,
        err: (s) => (err += s),
        cwd: repo.dir,
      })
      expect(code).toBe(0)
      expect(readdirSync(dir).sort()).toEqual(['gate.svg', 'shares.svg', 'size.svg'])
      expect(XMLValidator.validate(readFileSync(join(dir, 'size.svg'), 'utf8'))).toBe(true)
      expect(err).toContain('size.svg')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
