import { compareText, countOf, groupDigits, lineColumn, lineColumnIn, lineStarts } from '../src/text.js'

describe('groupDigits (counts in messages, without ICU on the start-up path)', () => {
  it('writes what toLocaleString("en-US") writes for integers of every magnitude and sign', () => {
    const values = [0, 1, 12, 999, 1000, 3000, 12345, 999999, 1000000, 123456789, Number.MAX_SAFE_INTEGER]
    let seed = 20261206
    for (let k = 0; k < 200; k++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      values.push(Math.floor((seed / 2 ** 31) * 10 ** (k % 16)))
    }
    // -0 is left out: a count is never -0, and "0" is the better spelling of it anyway.
    for (const v of [...values, ...values.filter((x) => x !== 0).map((x) => -x)]) expect(groupDigits(v)).toBe(v.toLocaleString('en-US'))
  })

  it('leaves fractions and non-finite numbers to toLocaleString', () => {
    for (const v of [65.5, 1234.5678, 0.25, Infinity, NaN]) expect(groupDigits(v)).toBe(v.toLocaleString('en-US'))
  })
})

describe('compareText (tie order in sorted output, without ICU)', () => {
  it('orders by code units, as < does, and is a consistent comparator', () => {
    const words = ['b', 'B', 'a', 'ä', 'a/b', 'a-b', '', 'A', 'b']
    expect([...words].sort(compareText)).toEqual(['', 'A', 'B', 'a', 'a-b', 'a/b', 'b', 'b', 'ä'])
    for (const x of words) for (const y of words) expect(Math.sign(compareText(x, y)) + Math.sign(compareText(y, x))).toBe(0)
  })
})

describe('countOf', () => {
  it('writes the count grouped, the word singular only for one', () => {
    expect([countOf(1, 'file'), countOf(0, 'line'), countOf(3000, 'changed line')]).toEqual(['1 file', '0 lines', '3,000 changed lines'])
  })
})

describe('lineColumn', () => {
  it('counts lines and columns from 1', () => {
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 })
    expect(lineColumn('ab', 0)).toEqual({ line: 1, column: 1 })
  })
})

describe('lineStarts / lineColumnIn (many lookups in one text)', () => {
  it('breaks lines at \\n only: U+2028, U+2029 and a lone \\r are characters of a line', () => {
    const text = 'a\u2028b\u2029c\rd\ne'
    expect(lineStarts(text)).toEqual([0, 8])
    expect(lineColumnIn(lineStarts(text), text.indexOf('d'))).toEqual({ line: 1, column: 7 })
    expect(lineColumnIn(lineStarts(text), text.indexOf('e'))).toEqual({ line: 2, column: 1 })
  })

  it('agrees with counting the \\n before each offset, past the end included', () => {
    const text = 'x\n\nyz\n\u2028w\n'
    const starts = lineStarts(text)
    for (let i = 0; i <= text.length + 2; i++) {
      const line = text.slice(0, i).split('\n').length
      const column = i - (i === 0 ? -1 : text.lastIndexOf('\n', i - 1))
      expect({ i, ...lineColumnIn(starts, i) }).toEqual({ i, line, column })
      expect(lineColumn(text, i)).toEqual({ line, column })
    }
  })
})
