/**
 * The rule agrees with the real secretlint CLI (fixtures/secrets/secretlint-cli.json, see PROVENANCE.md):
 * the same files, lines, rules and message ids, when every line of the fixture is added.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { secrets } from '../../../src/rules/secrets/index.js'
import { addFilePatch, makeContext } from '../../helpers/context.js'

const ROOT = join(process.cwd(), '__tests__/fixtures/secrets')
const DIR = join(ROOT, 'leaky')
const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]))

interface CliFile {
  filePath: string
  messages: Array<{ ruleId: string; messageId: string; loc: { start: { line: number } } }>
}

it('finds what `secretlint --format json` found over the same files', async () => {
  const cli = JSON.parse(readFileSync(join(ROOT, 'secretlint-cli.json'), 'utf8')) as CliFile[]
  const expected = cli
    .flatMap((f) =>
      f.messages.map((m) => `${f.filePath}:${m.loc.start.line} ${m.ruleId.replace('@secretlint/secretlint-rule-', '')} ${m.messageId}`),
    )
    .sort()
  expect(expected).toHaveLength(5)
  const files = walk(DIR).map((p) => {
    const text = readFileSync(p, 'utf8')
    return { path: relative(DIR, p), status: 'added' as const, patch: addFilePatch(text) }
  })
  const out = await secrets.evaluate(makeContext({ files }), {
    level: 'fail',
    allow: [],
    inline_allow: true,
    use_secret_scanning_alerts: false,
  })
  const data = out.data as { secrets: Array<{ path: string; line: number; detector: string; kind: string }> }
  expect(data.secrets.map((s) => `${s.path}:${s.line} ${s.detector} ${s.kind}`).sort()).toEqual(expected)
})
