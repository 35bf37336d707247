/**
 * The workspace listing never reads "could not look" as "no report": an unlisted directory where a glob
 * could match, or a listing cut at the entry cap, makes findReports throw (the rule is not evaluated).
 */
import { jest } from '@jest/globals'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const realFs = await import('node:fs/promises')
let failing: string | undefined
jest.unstable_mockModule('node:fs/promises', () => ({
  ...realFs,
  readdir: (async (p: string, o: never) => {
    if (failing && p === failing) throw Object.assign(new Error(`EIO: i/o error, scandir '${p}'`), { code: 'EIO' })
    return realFs.readdir(p, o)
  }) as typeof realFs.readdir,
}))
const { workspaceEvidence, couldHoldMatch } = await import('../../src/evidence/workspace.js')

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'ws-'))
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(root, p, '..'), { recursive: true })
    writeFileSync(join(root, p), text)
  }
  return root
}

afterEach(() => (failing = undefined))

test('lists matching reports (node_modules and .git skipped); a missing workspace is empty', async () => {
  const root = tree({ 'reports/a.sarif': '{}', 'node_modules/x/b.sarif': '{}', 'src/c.ts': '' })
  expect((await workspaceEvidence(root).findReports(['**/*.sarif'])).map((r) => r.path)).toEqual(['reports/a.sarif'])
  expect(await workspaceEvidence(join(root, 'nope')).findReports(['**/*.sarif'])).toEqual([])
})

test('a directory that cannot be listed, where a glob could match: findReports throws naming it', async () => {
  const root = tree({ 'reports/a.sarif': '{}', 'build/x/y.sarif': '{}' })
  failing = join(root, 'build')
  await expect(workspaceEvidence(root).findReports(['**/*.sarif'])).rejects.toThrow(
    "the workspace directory build could not be listed (EIO: i/o error, scandir '" +
      failing +
      "'), and a report matching **/*.sarif may be in it",
  )
  // a glob that cannot reach into build/ is unaffected
  expect((await workspaceEvidence(root).findReports(['reports/*.sarif'])).map((r) => r.path)).toEqual(['reports/a.sarif'])
})

test('a listing cut at the entry cap throws instead of missing reports', async () => {
  const root = tree({ 'a/1.txt': '', 'a/2.txt': '', 'z/report.sarif': '{}' })
  await expect(workspaceEvidence(root, 'pr-artifact', 2).findReports(['**/*.sarif'])).rejects.toThrow(
    'the artifact holds more than 2 files',
  )
  expect((await workspaceEvidence(root, 'workspace', 3).findReports(['**/*.sarif'])).map((r) => r.path)).toEqual(['z/report.sarif'])
})

test('couldHoldMatch follows matchesAny: slash-less globs match at any depth unless anchored', () => {
  expect(couldHoldMatch('deep/dir', 'trivy.sarif')).toBe(true)
  expect(couldHoldMatch('deep/dir', './trivy.sarif')).toBe(false)
  expect(couldHoldMatch('reports', 'reports/*.sarif')).toBe(true)
  expect(couldHoldMatch('other', 'reports/*.sarif')).toBe(false)
  expect(couldHoldMatch('a/b', '**/x.sarif')).toBe(true)
})
