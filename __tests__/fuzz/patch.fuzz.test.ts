/**
 * Fuzz: unified diffs. Well-formed patches built hunk by hunk, the same mutated, and random text.
 * Property: parsePatch / addedLines / removedLines return hunks, or throw PatchParseError with a 1-based
 * `patchLine` inside the patch; never another exception.
 */
import { addedLines, parsePatch, PatchParseError, removedLines } from '../../src/change/patch.js'
import { check, TIMEOUT } from './support.js'
import { patchText, wellFormedPatch } from './arbitraries.js'

function patchLines(patch: string): number {
  const rows = patch.replace(/\r\n/g, '\n').split('\n')
  if (rows.length > 0 && rows[rows.length - 1] === '') rows.pop()
  return rows.length
}

function expectPatchError(e: unknown, patch: string): void {
  if (!(e instanceof PatchParseError))
    throw new Error(`not a PatchParseError: ${e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e)}`)
  expect(Number.isInteger(e.patchLine)).toBe(true)
  expect(e.patchLine).toBeGreaterThanOrEqual(1)
  expect(e.patchLine).toBeLessThanOrEqual(patchLines(patch))
  expect(e.message.length).toBeGreaterThan(0)
}

describe('fuzz: unified diffs', () => {
  test(
    'well-formed patches parse, and the added lines are where the headers say',
    async () => {
      await check('patch: well-formed', 100, wellFormedPatch, (patch) => {
        const hunks = parsePatch(patch)
        expect(hunks.length).toBeGreaterThan(0)
        for (const h of hunks) {
          const added = h.lines.filter((l) => l.type !== '-')
          expect(added.length).toBe(h.newLines)
          added.forEach((l, i) => expect(l.newLine).toBe(h.newStart + i))
        }
      })
    },
    TIMEOUT,
  )

  test(
    'parsePatch / addedLines / removedLines: hunks or a PatchParseError naming a line of the patch',
    async () => {
      await check('patch: parsePatch/addedLines', 200, patchText, (patch) => {
        let parsed: ReturnType<typeof parsePatch> | undefined
        try {
          parsed = parsePatch(patch)
        } catch (e) {
          expectPatchError(e, patch)
        }
        for (const fn of [addedLines, removedLines]) {
          try {
            const out = fn(patch)
            expect(parsed).toBeDefined()
            for (const l of out) expect(typeof l.line).toBe('number')
          } catch (e) {
            expectPatchError(e, patch)
            expect(parsed).toBeUndefined()
          }
        }
      })
    },
    TIMEOUT,
  )
})
