/**
 * The Markdown trend report (job summary, pinned issue): its Mermaid xychart-beta blocks parse with
 * mermaid's own parser (mermaid needs a DOM for DOMPurify even to parse: jsdom gives it one), and the
 * figures and untrusted text are rendered as the other surfaces say.
 */
import { JSDOM } from 'jsdom'
import { main } from '../../src/cli/main.js'
import { computeTrends } from '../../src/trends/compute.js'
import { mermaidCharts, renderTrendMarkdown } from '../../src/trends/render.js'
import type { PrRecord } from '../../src/trends/record.js'
import type { TempRepo } from '../helpers/git-repo.js'
import { trendRepo } from './fixture.js'

type Mermaid = { parse(text: string): Promise<{ diagramType: string }> }
let mermaid: Mermaid
let repo: TempRepo
let md: string
beforeAll(async () => {
  const dom = new JSDOM('<!doctype html><html><body></body></html>')
  Object.assign(globalThis, { window: dom.window, document: dom.window.document })
  mermaid = ((await import('mermaid')) as unknown as { default: Mermaid }).default
  repo = trendRepo()
  let out = ''
  const code = await main(['report', '--from', '2026-03-02', '--to', '2026-03-29', '--format', 'markdown'], {
    out: (s) => (out += s),
    err: (s) => (out += s),
    cwd: repo.dir,
  })
  expect(code).toBe(0)
  md = out
})
afterAll(() => repo.remove())

const blocks = (text: string) => [...text.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m) => m[1] as string)

describe('markdown trend report', () => {
  it('has three xychart-beta blocks, each parsed by mermaid', async () => {
    const b = blocks(md)
    expect(b).toHaveLength(3)
    for (const block of b) {
      expect(block.startsWith('xychart-beta\n')).toBe(true)
      await expect(mermaid.parse(block)).resolves.toMatchObject({ diagramType: 'xychart' })
    }
  })

  it('the parser is not a rubber stamp: a broken block is rejected', async () => {
    const broken = blocks(md)[0]!.replace(/bar \[([^\]]*)\]/, 'bar [$1')
    await expect(mermaid.parse(broken)).rejects.toThrow(/Parse error/)
  })

  it('plots the weekly figures: medians as bars, p90 and the 300 mark as lines; gaps plot 0', () => {
    const [size, shares, gate] = blocks(md) as [string, string, string]
    expect(size).toContain('x-axis ["W10", "W11", "W12", "W13"]')
    expect(size).toContain('bar [100, 2, 0, 300]')
    expect(size).toContain('line [500, 40, 0, 300]')
    expect(size).toContain('line [300, 300, 300, 300]')
    expect(size).toContain('y-axis "changed lines" 0 --> 500')
    expect(shares).toContain('line [33.3, 0, 0, 0]')
    expect(shares).toContain('line [100, 0, 0, 0]')
    expect(gate).toContain('bar [3, 3, 0, 1]')
    expect(gate).toContain('line [0, 2, 0, 0]')
  })

  it('the summary table and the weekly table', () => {
    expect(md).toContain('| PR size | median 40, p90 500 changed lines; 14.3% over 300 (1 of 7) |')
    expect(md).toMatch(/\| 2026-W11 \| 3 \| 2 \| 40 \| 0% \| 0\/1 \| 1 \| 1 \| 1 \| 0 \| 2 \|/)
    // A pull request reference is not a live cross-reference (no "mentioned" event on every PR each week).
    expect(md).toContain('- #&#8203;6: the image only packages')
  })

  it('untrusted text (an opt-out reason) is escaped, and the charts hold only labels and numbers the report made', () => {
    const rec: PrRecord = {
      number: 9,
      sha: 'a'.repeat(40),
      base: 'b'.repeat(40),
      title: 't',
      author: 'x',
      mergedAt: '2026-03-03T10:00:00.000Z',
      conclusion: 'success',
      failed: [],
      errored: [],
      warned: [],
      waived: [],
      size: { lines: 10, files: 1 },
      runbook: { triggers: 1, violations: 0, optOut: { text: 'x', reason: '<img src=x onerror=alert(1)> @team | ```' } },
    }
    const r = computeTrends({
      source: 'git',
      branch: 'main',
      from: new Date('2026-03-02T00:00:00Z'),
      to: new Date('2026-03-08T00:00:00Z'),
      records: [rec],
      skipped: 0,
      evidence: { waivers: false, coverage: false },
    })
    const out = renderTrendMarkdown(r)
    expect(out).not.toContain('<img')
    expect(out).toContain('&lt;img src=x onerror=alert\\(1\\)&gt;')
    expect(out).not.toMatch(/@team/)
    expect(blocks(out)).toHaveLength(3)
    expect(mermaidCharts(r).map((c) => c.block.split('\n')[2])).toEqual(Array(3).fill('    x-axis ["W10"]'))
  })
})
