/**
 * A migration the PR adds that a release already holds byte for byte (a released migration brought onto
 * this branch: harbor syncs each patch release's schema file into main) is no new danger: its statements
 * ran with that release. Real git: a release branch, its tag, then the same file added on main.
 */
import { gitChangeSet, resolveRange } from '../../../src/change/git.js'
import { releasedTextsInGit } from '../../../src/change/tags.js'
import { migrationSafety } from '../../../src/rules/migration-safety/index.js'
import { ruleOptions, type PartialOptions } from '../../../src/policy/resolved.js'
import type { RuleOptionsById } from '../../../src/rules/index.js'
import { makeContext } from '../../helpers/context.js'
import { TempRepo } from '../../helpers/git-repo.js'

const dir = 'make/migrations/postgresql'
const released =
  "CREATE INDEX IF NOT EXISTS idx_task_extra_attrs_report_uuids ON task USING gin ((extra_attrs::jsonb -> 'report_uuids'));\n"

let repo: TempRepo
let main = ''
beforeAll(() => {
  repo = new TempRepo()
  // The setup's commits and tags carry one date: a release counts when tagged no later than the base, and on a
  // loaded machine a tag written a second after the commit the base is would otherwise fall after it.
  repo.date = '@1700000000 +0000'
  main = repo.commit('schema', { [`${dir}/0100_2.8.0_schema.up.sql`]: 'CREATE TABLE task (id int, extra_attrs text);\n' })
  repo.git('tag', '-a', 'v2.8.0', '-m', 'v2.8.0')
  repo.git('checkout', '-q', '-b', 'release-2.8.0')
  repo.commit('2.8.1 migration', { [`${dir}/0111_2.8.1_schema.up.sql`]: released })
  repo.git('tag', '-a', 'v2.8.1', '-m', 'v2.8.1')
  repo.git('checkout', '-q', 'main')
  repo.date = undefined
})
afterAll(() => repo.remove())

async function run(files: Record<string, string>, over: PartialOptions<RuleOptionsById['migration-safety']> = {}) {
  repo.git('checkout', '-q', main)
  const head = repo.commit('sync', files)
  const changes = await gitChangeSet(repo.dir, await resolveRange(repo.dir, main, head))
  const out = await migrationSafety.evaluate({ ...makeContext(), changes }, ruleOptions(migrationSafety, { level: 'fail', ...over }))
  return out.findings.filter((f) => f.kind === 'violation' && f.code === 'create-index-non-concurrent')
}

test('the tag text of each path, from the newest release tag that holds it', async () => {
  const texts = await releasedTextsInGit(repo.dir, 'release-2.8.0', [`${dir}/0111_2.8.1_schema.up.sql`, `${dir}/0112_x.up.sql`], ['v*'])
  expect(texts && [...texts]).toEqual([[`${dir}/0111_2.8.1_schema.up.sql`, { tag: 'v2.8.1', text: released }]])
})

test('the released file added byte for byte: its dangers are notices that name the release', async () => {
  const f = await run({ [`${dir}/0111_2.8.1_schema.up.sql`]: released })
  expect(f.map((x) => `${x.code}:${x.level}`)).toEqual(['create-index-non-concurrent:notice'])
  expect(f[0].message).toContain('release v2.8.1 already holds this very file')
  expect((await run({ [`${dir}/0111_2.8.1_schema.up.sql`]: released }, { released_copy_level: 'fail' })).map((x) => x.level)).toEqual([
    'fail',
  ])
})

test('side by side: the same path with other text, or a new file with the same statements, is a new migration', async () => {
  const changed = released.replace('report_uuids', 'report_ids')
  expect((await run({ [`${dir}/0111_2.8.1_schema.up.sql`]: changed })).map((x) => `${x.code}:${x.level}`)).toEqual([
    'create-index-non-concurrent:fail',
  ])
  expect((await run({ [`${dir}/0130_2.10.0_schema.up.sql`]: released })).map((x) => `${x.code}:${x.level}`)).toEqual([
    'create-index-non-concurrent:fail',
  ])
  // no release tags to look at
  expect((await run({ [`${dir}/0111_2.8.1_schema.up.sql`]: released }, { release_tags: [] })).map((x) => x.level)).toEqual(['fail'])
})
