/**
 * A bounded unzip for artifacts built by the PR's own code (untrusted). The sizes a zip declares are
 * claims: an entry declared at 10 bytes may inflate to a gibibyte, and a whole-buffer inflate (fflate's
 * `unzipSync`) burns the CPU for all of it before anything can be checked. Here every entry is inflated
 * as a stream, in small slices of compressed input, and abandoned as soon as its output passes its
 * declared size; the declared sizes together must fit the archive budget before anything is inflated,
 * so the real output is bounded by the budget too. Any lie or excess is a ZipRejected naming the entry.
 *
 * Read from the central directory (what unzip tools trust), zip64 included; stored and deflated entries
 * only; encrypted entries are refused.
 */
import { Inflate } from 'fflate'
import { plainMessage } from '../errors.js'

export class ZipRejected extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ZipRejected'
  }
}

export interface ZipLimits {
  /** Total uncompressed bytes, declared and real. */
  maxBytes: number
  /** Number of entries (directories included). */
  maxEntries: number
}

export interface ZipEntry {
  name: string
  bytes: Uint8Array
}

/** Compressed bytes given to the inflater at a time: at DEFLATE's ~1032:1 ceiling, ≤ 17 MB of output each. */
const SLICE = 16 * 1024

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8)
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 0x100000000

function need(zip: Uint8Array, at: number, length: number, what: string): void {
  if (at < 0 || at + length > zip.length) throw new ZipRejected(`${what} lies outside the archive (truncated?)`)
}

function endOfCentralDirectory(zip: Uint8Array): { count: number; offset: number; size: number } {
  const stop = Math.max(0, zip.length - 22 - 0xffff)
  for (let i = zip.length - 22; i >= stop; i--) {
    if (u32(zip, i) !== 0x06054b50) continue
    let count = u16(zip, i + 10)
    let size = u32(zip, i + 12)
    let offset = u32(zip, i + 16)
    if ((count === 0xffff || offset === 0xffffffff || size === 0xffffffff) && i >= 20 && u32(zip, i - 20) === 0x07064b50) {
      const z = u64(zip, i - 12)
      need(zip, z, 56, 'the zip64 end of central directory')
      if (u32(zip, z) !== 0x06064b50) throw new ZipRejected('the zip64 end of central directory is missing')
      count = u64(zip, z + 32)
      size = u64(zip, z + 40)
      offset = u64(zip, z + 48)
    }
    return { count, offset, size }
  }
  throw new ZipRejected('no end of central directory record (not a zip, or truncated)')
}

interface CentralEntry {
  name: string
  method: number
  flags: number
  compressedSize: number
  size: number
  localOffset: number
}

function centralDirectory(zip: Uint8Array, limits: ZipLimits): CentralEntry[] {
  const end = endOfCentralDirectory(zip)
  if (end.count > limits.maxEntries)
    throw new ZipRejected(`the archive has ${end.count} entries, more than the ${limits.maxEntries} allowed`)
  const entries: CentralEntry[] = []
  let at = end.offset
  let declared = 0
  for (let n = 0; n < end.count; n++) {
    need(zip, at, 46, `central directory entry ${n}`)
    if (u32(zip, at) !== 0x02014b50) throw new ZipRejected(`central directory entry ${n} is corrupt`)
    const flags = u16(zip, at + 8)
    const method = u16(zip, at + 10)
    let compressedSize = u32(zip, at + 20)
    let size = u32(zip, at + 24)
    const nameLength = u16(zip, at + 28)
    const extraLength = u16(zip, at + 30)
    const commentLength = u16(zip, at + 32)
    let localOffset = u32(zip, at + 42)
    need(zip, at + 46, nameLength + extraLength, `central directory entry ${n}`)
    const raw = zip.subarray(at + 46, at + 46 + nameLength)
    const name = new TextDecoder(flags & 0x800 ? 'utf-8' : 'latin1').decode(raw)
    // zip64: the sizes and offset that do not fit 32 bits are in extra field 0x0001, in this order.
    for (let e = at + 46 + nameLength, stop = e + extraLength; e + 4 <= stop;) {
      const id = u16(zip, e)
      const length = u16(zip, e + 2)
      if (id === 0x0001) {
        let f = e + 4
        const take = () => {
          if (f + 8 > e + 4 + length) throw new ZipRejected(`entry ${JSON.stringify(name)} has a short zip64 field`)
          const v = u64(zip, f)
          f += 8
          return v
        }
        if (size === 0xffffffff) size = take()
        if (compressedSize === 0xffffffff) compressedSize = take()
        if (localOffset === 0xffffffff) localOffset = take()
      }
      e += 4 + length
    }
    declared += size
    if (declared > limits.maxBytes)
      throw new ZipRejected(`the archive declares more than ${limits.maxBytes} bytes uncompressed (at ${JSON.stringify(name)})`)
    entries.push({ name, method, flags, compressedSize, size, localOffset })
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

function inflateBounded(data: Uint8Array, e: CentralEntry): Uint8Array {
  const out = new Uint8Array(e.size)
  let written = 0
  let done = false as boolean // set by the inflater's callback, which control-flow analysis does not follow
  const inflater = new Inflate((chunk, final) => {
    if (written + chunk.length > e.size)
      throw new ZipRejected(
        `entry ${JSON.stringify(e.name)} inflates to more than its declared ${e.size} bytes: the archive lies about its sizes`,
      )
    out.set(chunk, written)
    written += chunk.length
    if (final) done = true
  })
  try {
    for (let i = 0; i < data.length; i += SLICE) inflater.push(data.subarray(i, Math.min(data.length, i + SLICE)), i + SLICE >= data.length)
    if (data.length === 0) inflater.push(new Uint8Array(0), true)
  } catch (err) {
    if (err instanceof ZipRejected) throw err
    throw new ZipRejected(`entry ${JSON.stringify(e.name)} does not inflate: ${plainMessage(err)}`)
  }
  if (!done || written !== e.size)
    throw new ZipRejected(`entry ${JSON.stringify(e.name)} inflates to ${written} bytes, not its declared ${e.size}`)
  return out
}

/** Every entry of the archive (directories skipped), inflated within its declared size and the limits. */
export function unzipBounded(zip: Uint8Array, limits: ZipLimits): ZipEntry[] {
  const out: ZipEntry[] = []
  for (const e of centralDirectory(zip, limits)) {
    if (e.name.endsWith('/')) continue
    if (e.flags & 1) throw new ZipRejected(`entry ${JSON.stringify(e.name)} is encrypted`)
    need(zip, e.localOffset, 30, `entry ${JSON.stringify(e.name)}`)
    if (u32(zip, e.localOffset) !== 0x04034b50)
      throw new ZipRejected(`entry ${JSON.stringify(e.name)} has no local header where the central directory says`)
    const start = e.localOffset + 30 + u16(zip, e.localOffset + 26) + u16(zip, e.localOffset + 28)
    need(zip, start, e.compressedSize, `the data of entry ${JSON.stringify(e.name)}`)
    const data = zip.subarray(start, start + e.compressedSize)
    if (e.method === 0) {
      if (e.compressedSize !== e.size)
        throw new ZipRejected(`stored entry ${JSON.stringify(e.name)} is ${e.compressedSize} bytes, not its declared ${e.size}`)
      out.push({ name: e.name, bytes: data.slice() })
    } else if (e.method === 8) out.push({ name: e.name, bytes: inflateBounded(data, e) })
    else throw new ZipRejected(`entry ${JSON.stringify(e.name)} uses compression method ${e.method} (only stored and deflate are read)`)
  }
  return out
}
