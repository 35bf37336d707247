import { addedLines, parsePatch, PatchParseError, removedLines, toRanges } from '../../src/change/patch.js'

describe('parsePatch', () => {
  it.each([
    ['one added line in a new file', '@@ -0,0 +1 @@\n+hello', [[1, 'hello']], []],
    [
      'a hunk that adds and removes',
      '@@ -3,4 +3,5 @@ function f() {\n a\n-b\n+B\n+B2\n c\n d',
      [
        [4, 'B'],
        [5, 'B2'],
      ],
      [[4, 'b']],
    ],
    [
      'two hunks',
      '@@ -1,2 +1,2 @@\n-x\n+y\n z\n@@ -10,2 +10,3 @@\n p\n+q\n r',
      [
        [1, 'y'],
        [11, 'q'],
      ],
      [[1, 'x']],
    ],
    [
      'no newline at end of file marker',
      '@@ -1 +1 @@\n-old\n\\ No newline at end of file\n+new\n\\ No newline at end of file',
      [[1, 'new']],
      [[1, 'old']],
    ],
    ['git header before the hunks', 'diff --git a/x b/x\nindex 1..2 100644\n--- a/x\n+++ b/x\n@@ -1 +1,2 @@\n x\n+y', [[2, 'y']], []],
    ['CRLF line endings', '@@ -1 +1,2 @@\r\n x\r\n+y\r\n', [[2, 'y']], []],
  ])('%s', (_name, patch, added, removed) => {
    expect(addedLines(patch).map((l) => [l.line, l.text])).toEqual(added)
    expect(removedLines(patch).map((l) => [l.line, l.text])).toEqual(removed)
  })

  it('reads hunk header counts, defaulting to 1', () => {
    const [h] = parsePatch('@@ -5 +7,3 @@ ctx\n+a\n+b\n+c')
    expect(h).toMatchObject({ oldStart: 5, oldLines: 1, newStart: 7, newLines: 3, section: 'ctx' })
  })

  it('names the line of a malformed hunk header', () => {
    expect(() => parsePatch('@@ -1 +1 @@\n+a\n@@ nonsense @@')).toThrow(PatchParseError)
    try {
      parsePatch('@@ -1 +1 @@\n+a\n@@ nonsense @@')
    } catch (e) {
      expect((e as PatchParseError).patchLine).toBe(3)
    }
  })
})

describe('toRanges', () => {
  it.each([
    [[], []],
    [[1], [[1, 1]]],
    [
      [5, 3, 4, 9, 9],
      [
        [3, 5],
        [9, 9],
      ],
    ],
  ])('%j', (input, expected) => {
    expect(toRanges(input)).toEqual(expected)
  })
})
