/** Arbitraries shared by several fuzz files (a *.test.ts file must not be imported: jest would run it twice). */
import fc from 'fast-check'
import { mutated, nastyString } from './support.js'

const lineText = fc
  .oneof({ weight: 4, arbitrary: fc.string({ maxLength: 30 }) }, { weight: 1, arbitrary: nastyString(30) })
  .map((s) => s.replace(/[\r\n]/g, ''))

/** One well-formed hunk (header counts agree with the body). */
const hunk: fc.Arbitrary<{ oldStart: number; body: Array<[' ' | '+' | '-', string]>; section: string; noNewline: boolean }> = fc.record({
  oldStart: fc.integer({ min: 0, max: 5000 }),
  body: fc.array(fc.tuple(fc.constantFrom<' ' | '+' | '-'>(' ', '+', '-'), lineText), { minLength: 1, maxLength: 25 }),
  section: fc.oneof(fc.constant(''), lineText),
  noNewline: fc.boolean(),
})

export const wellFormedPatch: fc.Arbitrary<string> = fc
  .tuple(fc.boolean(), fc.array(hunk, { minLength: 1, maxLength: 4 }), fc.constantFrom('\n', '\r\n'))
  .map(([gitHeader, hunks, eol]) => {
    const out: string[] = gitHeader
      ? ['diff --git a/src/a b.ts b/src/a b.ts', 'index 1234567..89abcde 100644', '--- a/src/a b.ts', '+++ b/src/a b.ts']
      : []
    let shift = 0
    for (const h of hunks) {
      const oldLines = h.body.filter(([t]) => t !== '+').length
      const newLines = h.body.filter(([t]) => t !== '-').length
      const newStart = Math.max(0, h.oldStart + shift)
      out.push(
        `@@ -${h.oldStart}${oldLines === 1 ? '' : ',' + oldLines} +${newStart}${newLines === 1 ? '' : ',' + newLines} @@${h.section ? ' ' + h.section : ''}`,
      )
      for (const [t, s] of h.body) out.push(t + s)
      if (h.noNewline) out.push('\\ No newline at end of file')
      shift += newLines - oldLines
    }
    return out.join(eol)
  })

const TOKENS = [
  '@@',
  '@@ ',
  '@@ -1 +1 @@',
  '@@ -0,0 +1,3 @@',
  '@@ -1,2 +1,2 @@ fn()',
  '@@@ -1 -1 +1 @@@',
  '@@ -a +b @@',
  '@@ -99999999999999999999 +1 @@',
  '\n+',
  '\n-',
  '\n ',
  '\n',
  '\r\n',
  '\r',
  '\n\\ No newline at end of file',
  '\ndiff --git a/x b/x',
  '\n--- a/x',
  '\n+++ b/x',
  '\nBinary files differ',
  '\t',
  '\u0000',
]

export const patchText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: wellFormedPatch },
  { weight: 4, arbitrary: wellFormedPatch.chain((p) => mutated([p], TOKENS, 4)) },
  { weight: 1, arbitrary: fc.array(fc.oneof(fc.constantFrom(...TOKENS), lineText), { maxLength: 30 }).map((p) => p.join('')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 300, unit: 'binary' }) },
)
