/**
 * The bounded unzip of untrusted artifacts: declared sizes are claims, checked while inflating; the
 * archive budget holds for what is declared and for what is really produced.
 */
import { zipSync } from 'fflate'
import { unzipBounded, ZipRejected } from '../../src/action/zip.js'
import { extractArtifact, ArtifactRejected } from '../../src/action/workflow-run.js'
import { makeZip } from '../helpers/github-server.js'
import { lyingZip } from '../helpers/zip-bombs.js'

const LIMITS = { maxBytes: 1024 * 1024, maxEntries: 100 }
const text = (b: Uint8Array) => Buffer.from(b).toString('utf8')

describe('unzipBounded', () => {
  test('reads honest archives: the fake’s writer, fflate’s, stored entries, empty files, directories skipped', () => {
    expect(unzipBounded(makeZip({ 'a.txt': 'hello', 'd/b.json': '{"x":1}' }), LIMITS).map((e) => [e.name, text(e.bytes)])).toEqual([
      ['a.txt', 'hello'],
      ['d/b.json', '{"x":1}'],
    ])
    const ff = zipSync({
      'dir/': new Uint8Array(0),
      'dir/x.txt': new TextEncoder().encode('x'.repeat(5000)),
      'empty.txt': new Uint8Array(0),
      'stored.txt': [new TextEncoder().encode('raw'), { level: 0 }],
    })
    expect(unzipBounded(ff, LIMITS).map((e) => [e.name, e.bytes.length])).toEqual([
      ['dir/x.txt', 5000],
      ['empty.txt', 0],
      ['stored.txt', 3],
    ])
  })

  test('an entry that inflates past its declared size is abandoned there, naming the entry', () => {
    const zip = lyingZip([
      { name: 'ok.txt', data: Buffer.from('fine') },
      { name: 'bomb.sarif', data: Buffer.alloc(4 * 1024 * 1024), declaredSize: 10 },
    ])
    expect(() => unzipBounded(zip, { maxBytes: 1024 ** 3, maxEntries: 10 })).toThrow(
      new ZipRejected('entry "bomb.sarif" inflates to more than its declared 10 bytes: the archive lies about its sizes'),
    )
  })

  test('many entries declared small that each hold far more: rejected at the first, not after inflating them all', () => {
    const big = Buffer.alloc(16 * 1024 * 1024)
    const zip = lyingZip(Array.from({ length: 150 }, (_, i) => ({ name: `f${i}`, data: big, declaredSize: 100 })))
    expect(() => unzipBounded(zip, { maxBytes: 1024 ** 3, maxEntries: 1000 })).toThrow(
      'entry "f0" inflates to more than its declared 100 bytes',
    )
  })

  test('an entry shorter than declared, or a stored entry whose sizes disagree, is a lie too', () => {
    expect(() => unzipBounded(lyingZip([{ name: 's', data: Buffer.from('abc'), declaredSize: 50 }]), LIMITS)).toThrow(
      'entry "s" inflates to 3 bytes, not its declared 50',
    )
    expect(() => unzipBounded(lyingZip([{ name: 'st', data: Buffer.from('abc'), stored: true, declaredSize: 2 }]), LIMITS)).toThrow(
      'stored entry "st" is 3 bytes, not its declared 2',
    )
  })

  test('declared sizes over the budget are refused before anything is inflated; so are too many entries', () => {
    const zip = lyingZip([
      { name: 'a', data: Buffer.alloc(600 * 1024) },
      { name: 'b', data: Buffer.alloc(600 * 1024) },
    ])
    expect(() => unzipBounded(zip, LIMITS)).toThrow(`the archive declares more than ${1024 * 1024} bytes uncompressed (at "b")`)
    expect(() => unzipBounded(makeZip({ a: '1', b: '2', c: '3' }), { maxBytes: 100, maxEntries: 2 })).toThrow(
      'the archive has 3 entries, more than the 2 allowed',
    )
  })

  test('truncated or corrupt archives are refused with a reason', () => {
    const zip = makeZip({ 'a.txt': 'hello world '.repeat(100) })
    expect(() => unzipBounded(zip.subarray(0, 20), LIMITS)).toThrow(ZipRejected)
    const corrupt = Buffer.from(zip)
    corrupt.fill(0xff, 30 + 5, 30 + 15) // inside the deflate data
    expect(() => unzipBounded(corrupt, LIMITS)).toThrow(ZipRejected)
  })
})

describe('extractArtifact', () => {
  test('a lying archive is an ArtifactRejected naming the limits and the entry', () => {
    const zip = lyingZip([
      { name: 'pr.json', data: Buffer.from('{"number":7}') },
      { name: 'reports/x.sarif', data: Buffer.alloc(2 * 1024 * 1024), declaredSize: 64 },
    ])
    expect(() => extractArtifact(zip)).toThrow(ArtifactRejected)
    expect(() => extractArtifact(zip)).toThrow(
      /not a readable zip within the limits \(10000 files, 200 MB uncompressed\): entry "reports\/x.sarif" inflates to more than its declared 64 bytes/,
    )
  })
})
