/**
 * Zip archives that lie: each entry's declared uncompressed size (local header and central directory)
 * can be set apart from what its deflated data really inflates to. For tests of the bounded unzip.
 */
import { crc32, deflateRawSync } from 'node:zlib'

export interface LyingEntry {
  name: string
  data: Buffer
  /** Uncompressed size written in the headers (default: the true size). */
  declaredSize?: number
  /** Store instead of deflate. */
  stored?: boolean
}

/** One deflate per distinct buffer (a bomb repeats the same data in every entry). */
const packed = new WeakMap<Buffer, { deflated: Buffer; crc: number }>()
function pack(data: Buffer): { deflated: Buffer; crc: number } {
  let p = packed.get(data)
  if (!p) packed.set(data, (p = { deflated: deflateRawSync(data, { level: 9 }), crc: crc32(data) }))
  return p
}

export function lyingZip(entries: LyingEntry[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const body = e.stored ? e.data : pack(e.data).deflated
    const name = Buffer.from(e.name, 'utf8')
    const size = e.declaredSize ?? e.data.length
    const method = e.stored ? 0 : 8
    const crc = pack(e.data).crc
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6)
    local.writeUInt16LE(method, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(body.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(method, 10)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(body.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, body)
    centrals.push(central, name)
    offset += local.length + name.length + body.length
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(centralSize, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, ...centrals, end])
}
