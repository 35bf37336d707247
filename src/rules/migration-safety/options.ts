/** migration-safety's options: the policy schema (see docs/rules/migration-safety.md). */
import { Type, type Static } from '@sinclair/typebox'
import type { Level } from '../../types.js'
import { DANGERS, DANGER_IDS, type DangerId } from './dangers.js'
import type { Dialect } from './dangers/types.js'

const DIALECTS = ['postgres', 'cockroach', 'mysql', 'sqlite', 'sqlserver', 'oracle', 'other'] as const satisfies readonly Dialect[]
const DialectSchema = Type.Union(DIALECTS.map((d) => Type.Literal(d)))
const LevelSchema = (def: Level, description: string) =>
  Type.Union([Type.Literal('off'), Type.Literal('notice'), Type.Literal('warn'), Type.Literal('fail')], { default: def, description })

const DangerLevel = (id: DangerId) =>
  Type.Union([Type.Literal('off'), Type.Literal('notice'), Type.Literal('warn'), Type.Literal('fail')], {
    default: DANGERS[id].level,
    description: `${DANGERS[id].title}. Level of this danger (capped by the rule's level).`,
  })

export const options = Type.Object(
  {
    paths: Type.Array(Type.String(), {
      default: [],
      description: 'Extra globs of migration files (.sql, .rb, .py), on top of the built-in layouts.',
    }),
    builtin_layouts: Type.Boolean({
      default: true,
      description:
        'Recognise the common layouts: Flyway, golang-migrate, dbmate, Prisma, sqitch, Liquibase SQL, Rails db/migrate, Django ' +
        'migrations, Alembic versions; files under a test folder (test, tests, spec, __tests__, testdata, fixtures) are skipped, ' +
        'as test apps and fixtures never run in production (paths can still name them).',
    }),
    exclude: Type.Array(Type.String(), { default: [], description: 'Globs of files never treated as migrations.' }),
    dialect: Type.Union([Type.Literal('auto'), ...DIALECTS.map((d) => Type.Literal(d))], {
      default: 'auto',
      description:
        'Database the migrations run on. auto: per file, from a dialect in the file name (x.mysql.up.sql), a folder (mysql/, ' +
        'sqlite/, postgres/), else the tool configuration (Prisma migration_lock.toml, Rails config/database.yml, Django ENGINE, ' +
        'Alembic URL), else PostgreSQL. Files that are not PostgreSQL are never parsed as PostgreSQL.',
    }),
    dialects: Type.Array(
      Type.Object({ paths: Type.Array(Type.String({ format: 'glob' })), dialect: DialectSchema }, { additionalProperties: false }),
      {
        default: [],
        description: 'Dialect per glob, before anything detected: [{ paths: ["db/mysql/**"], dialect: mysql }].',
      },
    ),
    release_tags: Type.Array(Type.String(), {
      default: ['v[0-9]*', '[0-9]*'],
      description:
        'Globs of the tag names that mark a release. A merged migration that no such tag (dated no later than the base commit, ' +
        'pre-releases such as v1.2.0-rc1 excluded unless the project had no final release yet) holds is not released yet: ' +
        'editing it is reported at unreleased_edit_level. [] = ' +
        'every merged migration counts as released. Needs the local git source (CLI); elsewhere every merged migration counts as ' +
        'released.',
    }),
    unreleased_edit_level: LevelSchema(
      'notice',
      'Level of an edit, rename or deletion of a merged migration that no release tag holds yet (still being developed).',
    ),
    data_edit_level: LevelSchema(
      'notice',
      'Highest level of an edit of a merged Rails, Django or Alembic migration that changes only data or helper code (a row loop, a ' +
        'RunPython function, a model stub, a monkeypatch), not its schema statements nor the code that feeds them; and of an ' +
        'edit of a merged Django migration that changes only field options the database never sees (validators, help_text, ' +
        'choices, …) or only drops dependencies (or adds ones that shipped no later than it); and of an edit that changes only ' +
        'how the statements run (an index built or dropped concurrently, the migration taken out of its transaction, ' +
        'IF [NOT] EXISTS), never the schema they leave.',
    ),
    squash_level: LevelSchema(
      'notice',
      'Level of an Alembic squash: merged migrations deleted and replaced by one new root migration that keeps their head ' +
        'revision (databases at that head run nothing; one still behind it cannot upgrade).',
    ),
    rollback_level: LevelSchema(
      'notice',
      'Highest level of a finding in rollback code (.down.sql, def down, dir.down, downgrade(), reverse_code) and of an edit of a ' +
        'merged rollback file.',
    ),
    small_tables: Type.Array(Type.String(), {
      default: [],
      description:
        'Tables the team knows to be small (globs of table names, case-insensitive; a schema-qualified name also matches on its last ' +
        'part): dangers whose harm grows with the table (index builds, NOT NULL and constraint scans, type rewrites, backfills, ' +
        'CLUSTER, VACUUM FULL) are reported at small_table_level there. Drops and renames are not size dangers and stay.',
    }),
    small_table_level: LevelSchema('notice', 'Highest level of a size danger on a table listed in small_tables.'),
    released_copy_level: LevelSchema(
      'notice',
      'Highest level of a danger in a migration the PR adds that a release tag (release_tags, made no later than the base) ' +
        'already holds byte for byte at the same path: a released migration brought onto this branch (a cherry-pick or a ' +
        'merge of a release branch), whose statements already ran with that release. Needs the local git source (CLI).',
    ),
    catch_up_level: LevelSchema(
      'notice',
      'Highest level of a catch-up backfill and the SET NOT NULL it precedes: UPDATE t SET c = <constant> WHERE c IS NULL, ' +
        'then SET NOT NULL on t.c in the same migration, on a column no migration of the PR adds, with a lock_timeout set ' +
        'before the UPDATE (SQL SET [LOCAL] lock_timeout, op.execute/RunSQL/execute of it, or the strong_migrations initializer).',
    ),
    pg_version: Type.Integer({
      minimum: 9,
      maximum: 18,
      default: 14,
      description:
        'Oldest PostgreSQL major version the migrations run on (defaults before 11 rewrite the table; REINDEX CONCURRENTLY needs 12; ' +
        'DETACH CONCURRENTLY 14).',
    }),
    assume_in_transaction: Type.Boolean({
      default: false,
      description:
        'The migration tool wraps each SQL file in a transaction (Flyway, sqitch, golang-migrate with x-multi-statement off): ' +
        'CONCURRENTLY statements then fail.',
    }),
    require_lock_timeout: Type.Boolean({
      default: false,
      description: 'Report DDL on an existing table when no SET lock_timeout precedes it in the SQL file (on in the strict preset).',
    }),
    dangers: Type.Object(Object.fromEntries(DANGER_IDS.map((id) => [id, Type.Optional(DangerLevel(id))])), {
      default: {},
      additionalProperties: false,
      description: 'Per-danger levels: { <danger id>: off | notice | warn | fail }. A finding never exceeds the rule level.',
    }),
    ignore: Type.Array(Type.Union(DANGER_IDS.map((id) => Type.Literal(id))), {
      default: [],
      description: 'Danger ids not reported at all (same as level off).',
    }),
    app_paths: Type.Array(Type.String(), {
      default: ['**/*.{rb,py,ts,tsx,js,jsx,mjs,cjs,go,java,kt,scala,cs,php,ex,exs,rs}'],
      description:
        'Globs of application code: dropping/renaming a column in a PR that also changes these files is an expand-contract violation.',
    }),
    app_exclude: Type.Array(Type.String(), {
      default: [
        '**/db/schema.rb',
        '**/db/structure.sql',
        '**/db/seeds.rb',
        '**/{test,tests,spec,specs,__tests__,testdata,fixtures,factories}/**',
        '**/*_test.{go,py,rb}',
        '**/test_*.py',
        '**/conftest.py',
        '**/*_spec.rb',
        '**/*.{test,spec}.{ts,tsx,js,jsx,mjs,cjs}',
        '**/*Test.{java,kt}',
      ],
      description: 'Globs never counted as application code for expand-contract: schema dumps, seeds and tests.',
    }),
  },
  { additionalProperties: false },
)

export type MigrationSafetyOptions = Static<typeof options>

/** The level the policy sets for a danger (ignore: off; dangers: its own; else the danger's default). */
export function levelFor(id: DangerId, opts: MigrationSafetyOptions): Level {
  if ((opts.ignore as string[]).includes(id)) return 'off'
  const set = (opts.dangers as Partial<Record<DangerId, Level>>)[id]
  return set ?? DANGERS[id].level
}

/** `level`, at most `cap`. */
export function capLevel(level: Level, cap: Level): Level {
  const order: Level[] = ['off', 'notice', 'warn', 'fail']
  return order.indexOf(level) <= order.indexOf(cap) ? level : cap
}
