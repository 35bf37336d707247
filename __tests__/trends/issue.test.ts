/** The trend report issue's body (src/trends/issue.ts): the marker first, and GitHub's limit kept. */
import { ISSUE_BODY_LIMIT, issueBody, reportMarker } from '../../src/trends/issue.js'

describe('the trend report issue body', () => {
  it('starts with the marker and is the report itself when it fits', () => {
    const m = reportMarker('quality-gate')
    expect(m).toBe('<!-- pr-quality-gate:trend-report quality-gate -->')
    expect(issueBody(m, '## Team trends\n', 'see the job summary')).toBe(`${m}\n## Team trends\n`)
  })

  it('a check name cannot close the marker comment', () => {
    expect(reportMarker('gate --> <b>x</b>')).toBe('<!-- pr-quality-gate:trend-report gate  <b>x</b> -->')
  })

  it("is cut at a line boundary under GitHub's limit, closing an open code block and <details>, with a pointer", () => {
    const m = reportMarker('quality-gate')
    const md =
      '## Team trends\n\n<details><summary>Per ISO week</summary>\n\n```mermaid\n' +
      Array.from({ length: 5000 }, (_, i) => `    line [${i}, ${i + 1}, ${i + 2}]`).join('\n') +
      '\n```\n</details>\n'
    const body = issueBody(m, md, 'the job summary has the full report.')
    expect(body.length).toBeLessThanOrEqual(ISSUE_BODY_LIMIT)
    expect(body.startsWith(`${m}\n`)).toBe(true)
    expect((body.match(/^```/gm) ?? []).length % 2).toBe(0)
    expect((body.match(/<details>/g) ?? []).length).toBe((body.match(/<\/details>/g) ?? []).length)
    expect(body).toMatch(/ {4}line \[\d+, \d+, \d+\]\n```\n<\/details>\n\n> ✂️ Truncated: the job summary has the full report\.\n$/)
  })
})
