/**
 * mergeVulnerabilities is linear (union-find keyed by package + version + alias). Its result must be what
 * the pairwise "repeat until stable" definition gives: checked against that definition, kept here as the
 * reference, on random inputs, and on the cases that need more than one pass.
 */
import { mergeVulnerabilities, type Vulnerability } from '../../../src/evidence/scanners/index.js'

const norm = (p: string) => p.trim().toLowerCase().replace(/[_.]/g, '-')
function same(a: Vulnerability, b: Vulnerability): boolean {
  if (norm(a.package) !== norm(b.package)) return false
  if (a.version !== undefined && b.version !== undefined && a.version !== b.version) return false
  const ids = new Set(a.aliases.map((x) => x.toUpperCase()))
  return b.aliases.some((x) => ids.has(x.toUpperCase()))
}

/** The definition: fold any two records that are the same until none are (the former quadratic code). */
function reference(list: Vulnerability[]): Array<Set<string>> {
  const groups = list.map((v) => ({ v: { ...v, aliases: [...v.aliases] }, members: new Set([v.reports[0]]) }))
  for (let changed = true; changed;) {
    changed = false
    outer: for (let i = 0; i < groups.length; i++)
      for (let j = i + 1; j < groups.length; j++) {
        if (!same(groups[i].v, groups[j].v)) continue
        groups[i].v.aliases = [...new Set([...groups[i].v.aliases, ...groups[j].v.aliases])]
        groups[i].v.version ??= groups[j].v.version
        for (const m of groups[j].members) groups[i].members.add(m)
        groups.splice(j, 1)
        changed = true
        break outer
      }
  }
  return groups.map((g) => g.members)
}

let n = 0
function rec(p: Partial<Vulnerability> & { aliases: string[] }): Vulnerability {
  const id = `r${n++}`
  return { id: p.aliases[0], package: 'lodash', severity: 'high', sources: [id], reports: [id], ...p }
}
const groupsOf = (out: Vulnerability[]) => out.map((v) => new Set(v.reports))
const canon = (gs: Array<Set<string>>) => gs.map((g) => [...g].sort().join(',')).sort()

describe('mergeVulnerabilities', () => {
  test('A (CVE) and B (GHSA) meet only through C (both), whatever the order', () => {
    const a = rec({ aliases: ['CVE-2021-23337'], version: '4.17.20', severity: 'medium' })
    const b = rec({ aliases: ['GHSA-35jh-r3h4-6jhm'], version: '4.17.20' })
    const c = rec({ aliases: ['CVE-2021-23337', 'GHSA-35jh-r3h4-6jhm'], version: '4.17.20', severity: 'critical' })
    for (const order of [
      [a, b, c],
      [c, a, b],
      [b, c, a],
    ]) {
      const out = mergeVulnerabilities(order)
      expect(out).toHaveLength(1)
      expect(out[0]).toMatchObject({ id: 'GHSA-35jh-r3h4-6jhm', severity: 'critical', version: '4.17.20' })
      expect(out[0].sources.sort()).toEqual([a, b, c].map((x) => x.sources[0]).sort())
    }
  })

  test('a record without a version folds into the one with a version (and two versions stay apart)', () => {
    const v1 = rec({ aliases: ['CVE-1'], version: '1' })
    const v2 = rec({ aliases: ['CVE-1'], version: '2' })
    const none = rec({ aliases: ['CVE-1', 'GHSA-aaaa-bbbb-cccc'], nodes: ['node_modules/lodash'] })
    const out = mergeVulnerabilities([v1, none, v2])
    expect(out.map((v) => [v.version, v.reports.length])).toEqual([
      ['1', 2],
      ['2', 1],
    ])
    expect(out[0].aliases).toEqual(['CVE-1', 'GHSA-aaaa-bbbb-cccc'])
  })

  test('a version-less record joins the two groups of one version it bridges', () => {
    const x = rec({ aliases: ['CVE-1'], version: '1' })
    const y = rec({ aliases: ['GHSA-aaaa-bbbb-cccc'], version: '1' })
    const bridge = rec({ aliases: ['CVE-1', 'GHSA-aaaa-bbbb-cccc'] })
    expect(mergeVulnerabilities([x, y, bridge])).toHaveLength(1)
  })

  test('package names compare as PEP 503 / case-insensitively; ids case-insensitively', () => {
    const out = mergeVulnerabilities([
      rec({ package: 'Zope.Interface', aliases: ['cve-2024-1'], version: '6' }),
      rec({ package: 'zope_interface', aliases: ['CVE-2024-1'], version: '6' }),
    ])
    expect(out).toHaveLength(1)
  })

  test('matches the pairwise definition on random inputs (versions always known: the grouping is unique)', () => {
    let seed = 42
    const rnd = (k: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % k)
    for (let round = 0; round < 200; round++) {
      const list = Array.from({ length: 1 + rnd(30) }, () =>
        rec({
          package: ['a', 'b', 'B', 'c_d', 'c.d'][rnd(5)],
          version: String(rnd(2)),
          aliases: Array.from({ length: 1 + rnd(3) }, () => `CVE-2024-${rnd(8)}`),
        }),
      )
      expect(canon(groupsOf(mergeVulnerabilities(list)))).toEqual(canon(reference(list)))
    }
  })

  test('with version-less records: a fixed point (no two results are the same advisory), nothing lost', () => {
    let seed = 7
    const rnd = (k: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % k)
    for (let round = 0; round < 200; round++) {
      const list = Array.from({ length: 1 + rnd(30) }, () =>
        rec({
          package: ['a', 'b'][rnd(2)],
          version: rnd(3) === 0 ? undefined : String(rnd(2)),
          aliases: Array.from({ length: 1 + rnd(3) }, () => `CVE-2024-${rnd(8)}`),
        }),
      )
      const out = mergeVulnerabilities(list)
      for (let i = 0; i < out.length; i++) for (let j = i + 1; j < out.length; j++) expect(same(out[i], out[j])).toBe(false)
      expect(out.flatMap((v) => v.reports).sort()).toEqual(list.flatMap((v) => v.reports).sort())
      expect(out.length).toBeLessThanOrEqual(list.length)
    }
  })

  test('the input is not modified', () => {
    const a = rec({ aliases: ['CVE-1'], version: '1' })
    const b = rec({ aliases: ['CVE-1', 'GHSA-aaaa-bbbb-cccc'], version: '1' })
    const before = JSON.stringify([a, b])
    mergeVulnerabilities([a, b])
    expect(JSON.stringify([a, b])).toBe(before)
  })
})
