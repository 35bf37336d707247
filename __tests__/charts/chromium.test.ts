/**
 * Issue 21: the trend charts, drawn by a real browser. The report of a real repository with known merges
 * (__tests__/trends/fixture.ts) is rendered as the `--svg` files and as the Markdown's Mermaid
 * `xychart-beta` blocks; headless Chromium from Debian's packages (`apt-get install chromium`) then
 *
 * - loads a page with the three SVG files inline and reports what it laid out (the marks of each chart and
 *   their drawn size), and a page with the three Mermaid blocks, which mermaid (the npm package, a dev
 *   dependency, never in the bundle) renders in the browser: an <svg> per block with a bar per week and a
 *   point per week on each line, and no syntax error;
 * - takes a screenshot of each page into __tests__/artifacts/charts/ (git-ignored; CHART_ARTIFACTS=<dir>
 *   to put them elsewhere, e.g. a CI artifact folder).
 *
 * Without a `chromium` on the PATH (or CHROMIUM=<path>) the test is skipped and says how to get one.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { computeTrends } from '../../src/trends/compute.js'
import { localHistory } from '../../src/trends/local.js'
import { mermaidCharts } from '../../src/trends/render.js'
import { renderTrendSvgs, type SvgChart } from '../../src/trends/svg.js'
import type { TrendReport } from '../../src/trends/compute.js'
import { trendRepo } from '../trends/fixture.js'

const CHROMIUM = process.env.CHROMIUM ?? 'chromium'
const found = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' })
const HAVE = found.status === 0
if (!HAVE)
  console.warn(`chart check skipped: no ${CHROMIUM} (install Debian's package: apt-get install -y chromium, or set CHROMIUM=<path>)`)
const ARTIFACTS = process.env.CHART_ARTIFACTS ?? join(process.cwd(), '__tests__/artifacts/charts')
const MERMAID_JS = join(process.cwd(), 'node_modules/mermaid/dist/mermaid.min.js')

const chromium = (args: string[]) =>
  execFileSync(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--hide-scrollbars',
      '--allow-file-access-from-files',
      '--virtual-time-budget=15000',
      ...args,
    ],
    { encoding: 'utf8', timeout: 120_000, stdio: ['ignore', 'pipe', 'ignore'] },
  )

/** The JSON a page wrote into <pre id="result"> (read from the DOM Chromium dumps). */
function resultOf(dom: string): unknown {
  const m = /<pre id="result">([^<]*)<\/pre>/.exec(dom)
  if (!m) throw new Error(`the page wrote no result: ${dom.slice(0, 500)}`)
  return JSON.parse(
    m[1]!
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  )
}

const d = HAVE ? describe : describe.skip
d('trend charts in headless Chromium', () => {
  let report: TrendReport
  let svgs: SvgChart[]
  let dir: string
  beforeAll(async () => {
    const repo = trendRepo()
    try {
      const from = new Date('2026-03-02T00:00:00Z')
      const to = new Date('2026-03-29T23:59:59Z')
      const h = await localHistory({ root: repo.dir, from, to })
      report = computeTrends({
        source: 'git',
        branch: h.branch,
        from,
        to,
        records: h.records,
        skipped: h.skipped,
        evidence: { waivers: false, coverage: false },
      })
      svgs = await renderTrendSvgs(report)
    } finally {
      repo.remove()
    }
    dir = mkdtempSync(join(tmpdir(), 'chart-check-'))
    mkdirSync(ARTIFACTS, { recursive: true })
  })
  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }))

  it('the SVG files: laid out with every mark drawn, screenshot taken', () => {
    const page = join(dir, 'svg.html')
    writeFileSync(
      page,
      `<!doctype html><html><body style="margin:0;background:#fff">
${svgs.map((c) => `<div class="chart" data-name="${c.name}">${c.svg}</div>`).join('\n')}
<pre id="result"></pre>
<script>
const out = [...document.querySelectorAll('.chart')].map((div) => {
  const svg = div.querySelector('svg'), box = svg.getBBox(), marks = {}
  for (const g of svg.querySelectorAll('g.role-mark')) {
    const type = /mark-(\\w+)/.exec(g.getAttribute('class'))[1]
    const drawn = [...g.children].filter((e) => { const b = e.getBBox(); return b.width > 0 || b.height > 0 })
    ;(marks[type] ??= []).push(drawn.length)
  }
  return { name: div.dataset.name, width: Math.round(box.width), height: Math.round(box.height), marks }
})
document.getElementById('result').textContent = JSON.stringify(out)
</script></body></html>`,
    )
    const drawn = resultOf(chromium(['--dump-dom', pathToFileURL(page).href])) as Array<{
      name: string
      width: number
      height: number
      marks: Record<string, number[]>
    }>
    expect(drawn.map((c) => c.name)).toEqual(['size.svg', 'shares.svg', 'gate.svg'])
    for (const c of drawn) expect(c.width * c.height).toBeGreaterThan(10_000)
    const withMerges = report.weeks.filter((w) => w.prs > 0).length
    expect(drawn[0]!.marks.rect).toEqual([withMerges]) // a median bar per week with merges
    expect(drawn[0]!.marks.line).toEqual([1]) // p90
    expect(drawn[0]!.marks.rule).toEqual([1]) // the threshold
    expect(drawn[1]!.marks.line).toEqual([1, 1])
    const segments = report.weeks.reduce((n, w) => n + Object.values(w.conclusions).filter((v) => v > 0).length, 0)
    expect(drawn[2]!.marks.rect).toEqual([segments])

    const png = join(ARTIFACTS, 'svg-charts.png')
    chromium([`--screenshot=${png}`, '--window-size=800,1500', pathToFileURL(page).href])
    expect(statSync(png).size).toBeGreaterThan(5_000)
  })

  it('the Mermaid blocks: mermaid renders each in the browser, a bar and a point per week, screenshot taken', () => {
    const charts = mermaidCharts(report)
    const page = join(dir, 'mermaid.html')
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')
    writeFileSync(
      page,
      `<!doctype html><html><body style="margin:0;background:#fff">
${charts.map((c) => `<pre class="mermaid">${esc(c.block)}</pre>`).join('\n')}
<pre id="result"></pre>
<script src="${pathToFileURL(MERMAID_JS).href}"></script>
<script>
const result = document.getElementById('result')
mermaid.initialize({ startOnLoad: false })
mermaid.run().then(() => {
  result.textContent = JSON.stringify([...document.querySelectorAll('pre.mermaid')].map((pre) => {
    const svg = pre.querySelector('svg')
    if (!svg) return { error: pre.textContent.slice(0, 200) }
    return {
      type: svg.getAttribute('aria-roledescription'),
      bars: [...svg.querySelectorAll('g[class^="bar-plot-"]')].map((g) => g.querySelectorAll('rect').length),
      lines: [...svg.querySelectorAll('g[class^="line-plot-"] path')].map((p) => (p.getAttribute('d').match(/[ML]/g) || []).length),
      error: svg.textContent.includes('Syntax error') ? 'syntax error' : undefined,
    }
  }))
}, (e) => { result.textContent = JSON.stringify({ error: String(e) }) })
</script></body></html>`,
    )
    const drawn = resultOf(chromium(['--dump-dom', pathToFileURL(page).href])) as Array<{
      type?: string
      bars?: number[]
      lines?: number[]
      error?: string
    }>
    const weeks = report.weeks.length
    expect(weeks).toBe(4) // the fixture's window: W10–W13, W12 without a merge (plotted as 0)
    expect(drawn).toEqual([
      { type: 'xychart', bars: [weeks], lines: [weeks, weeks] }, // median bars; p90 and threshold lines
      { type: 'xychart', bars: [], lines: [weeks, weeks] }, // two shares
      { type: 'xychart', bars: [weeks], lines: [weeks] }, // merged; failures
    ])

    const png = join(ARTIFACTS, 'mermaid-charts.png')
    chromium([`--screenshot=${png}`, '--window-size=800,1700', pathToFileURL(page).href])
    expect(statSync(png).size).toBeGreaterThan(5_000)
  })
})
