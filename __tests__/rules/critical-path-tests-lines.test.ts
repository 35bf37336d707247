/** Hunk -> changed-line mapping as the rule uses it (head-side added/modified lines, minus comments/blanks). */
import { analyse } from '../../src/rules/critical-path-tests/index.js'
import type { ChangedFile } from '../../src/types.js'

const file = (patch: string | undefined, extra: Partial<ChangedFile> = {}): ChangedFile => ({
  path: 'src/a.ts',
  status: 'modified',
  additions: 1,
  deletions: 1,
  ...(patch !== undefined ? { patch } : {}),
  ...extra,
})

test.each<[string, ChangedFile, number[] | undefined, string | undefined]>([
  ['pure addition', file('@@ -3,2 +3,4 @@\n a\n+b\n+c\n d\n'), [4, 5], undefined],
  ['modification: the + side counts', file('@@ -10,3 +10,3 @@\n a\n-b\n+B\n c\n'), [11], undefined],
  ['deletion only: no changed head lines, still code', file('@@ -10,3 +10,2 @@\n a\n-b\n c\n'), [], undefined],
  ['two hunks that add and remove', file('@@ -1,3 +1,2 @@\n a\n-b\n-c\n+C\n@@ -20,2 +19,4 @@\n x\n+y\n+z\n w\n'), [2, 20, 21], undefined],
  [
    'no newline at end of file (both sides)',
    file('@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b()\n\\ No newline at end of file\n'),
    [2],
    undefined,
  ],
  ['newline added at end only (same text)', file('@@ -1 +1 @@\n-end()\n\\ No newline at end of file\n+end()\n'), [1], undefined],
  ['comments and blanks are not changed code', file('@@ -1,2 +1,5 @@\n a\n+// note\n+\n+  * more\n+x()\n b\n'), [5], undefined],
  ['comment-only change', file('@@ -1,2 +1,2 @@\n a\n-// old\n+// new\n'), [], 'trivial'],
  ['removing dead code is a change (not trivial)', file('@@ -1,2 +1,1 @@\n a\n-dead()\n'), [], undefined],
  ['pure rename', file(undefined, { status: 'renamed', previousPath: 'src/b.ts', additions: 0, deletions: 0 }), undefined, 'rename'],
  [
    'rename with an empty patch',
    file('', { status: 'renamed', previousPath: 'src/b.ts', additions: 0, deletions: 0 }),
    undefined,
    'rename',
  ],
  ['rename with edits', file('@@ -1 +1 @@\n-a\n+b\n', { status: 'renamed', previousPath: 'src/b.ts' }), [1], undefined],
  ['deleted file', file('@@ -1 +0,0 @@\n-a\n', { status: 'removed' }), undefined, 'removed'],
  ['patch absent (too large): lines unknown, needs tests', file(undefined, { additions: 4000 }), undefined, undefined],
  ['generated file', file('@@ -1 +1 @@\n-a\n+b\n', { excluded: 'generated' }), undefined, 'excluded'],
  [
    'python comment',
    { path: 'a.py', status: 'modified', additions: 1, deletions: 0, patch: '@@ -1 +1,2 @@\n x = 1\n+# why\n' },
    [],
    'trivial',
  ],
])('%s', (_name, f, lines, skip) => {
  const a = analyse(f)
  expect(a.skip).toBe(skip)
  if (lines === undefined) expect(a.lines).toBeUndefined()
  else expect(a.lines).toEqual(lines)
})

test('a malformed patch is reported, not thrown', () => {
  expect(analyse(file('@@ -x +1 @@\n+a\n')).patchError).toMatch(/malformed hunk header.*patch line 1/)
})
