/**
 * Issue 14, a miss on real history (OSM 6e28c5fe, held-out-4): a Rails migration calls the project's own
 * helper, `alter_primary_key`, defined in config/initializers/migrate.rb, which builds a unique index without
 * CONCURRENTLY inside the migration's transaction. The gate now reads the helper the migration will run and
 * checks its body at the call, with the call's arguments in place of the parameters.
 */
import { findings, type Case } from './dangers/cases.js'
import { migrationSafety } from '../../../src/rules/migration-safety/index.js'
import { ruleOptions } from '../../../src/policy/resolved.js'
import { addFilePatch, makeContext } from '../../helpers/context.js'
import { unknownRailsCalls } from '../../../src/rules/migration-safety/rails-helpers.js'

const helpers = `module OpenStreetMap
  module PostgreSQL
    module SchemaStatements
      def remove_primary_key(table_name)
        constraint_name = quote_table_name("#{table_name}_pkey")
        execute "ALTER TABLE #{quote_table_name(table_name)} DROP CONSTRAINT #{constraint_name}"
      end

      def alter_primary_key(table_name, column_name, options = {})
        constraint_name = "#{table_name}_pkey"
        tmp_constraint_name = "#{table_name}_pkey_tmp"

        options = options.merge(:name => tmp_constraint_name, :unique => true)

        add_index(table_name, column_name, **options)
        remove_primary_key table_name
        rename_index table_name, tmp_constraint_name, constraint_name
      end

      def build_index_concurrently(table_name, column_name)
        add_index table_name, column_name, :algorithm => :concurrently
      end

      def splatted(*args)
        add_index(*args)
      end
    end
  end
end
`
const path = 'db/migrate/20231010194809_correct_relation_members_primary_key.rb'
const migration = (body: string, extra = '') =>
  `class CorrectRelationMembersPrimaryKey < ActiveRecord::Migration[7.0]\n${extra}  def up\n${body}\n  end\n\n  def down\n  end\nend\n`
const withHelpers = (text: string, file = 'config/initializers/migrate.rb', extra: Record<string, string> = {}): Case => ({
  path,
  text,
  headTree: { [file]: helpers, ...extra },
  baseTree: { [file]: helpers, ...extra },
  listBase: true,
})
const found = async (c: Case) => (await findings(c)).map((f) => `${f.code}:${f.level}:${f.line} ${f.message}`)

describe("a Rails project's own migration helpers", () => {
  test('the helper builds a unique index without CONCURRENTLY in the transaction: reported at the call, naming the helper', async () => {
    const out = await found(withHelpers(migration('    alter_primary_key :current_relation_members, [:relation_id, :sequence_id]')))
    expect(out).toEqual([
      expect.stringMatching(
        /^create-index-non-concurrent:fail:3 alter_primary_key \(config\/initializers\/migrate\.rb:9\): add_index current_relation_members/,
      ),
    ])
  })

  test('a helper of a required file (require "migrate" is lib/migrate.rb), and one helper calling another', async () => {
    const text = `require "migrate"\n\n${migration('    alter_primary_key :relation_members, [:relation_id, :version]')}`
    expect(await found(withHelpers(text, 'lib/migrate.rb'))).toEqual([expect.stringMatching(/^create-index-non-concurrent:fail:5 /)])
  })

  test("the helper's own option hash is read: algorithm: :concurrently passed through **options is concurrent (OSM 4c4150e0)", async () => {
    const concurrent = migration(
      '    alter_primary_key :changeset_tags, [:changeset_id, :k], :algorithm => :concurrently',
      '  disable_ddl_transaction!\n\n',
    )
    expect(await found(withHelpers(concurrent))).toEqual([])
    // side by side: a hash the gate cannot read is no guess either way
    const unknown = migration('    opts = build_options\n    add_index :users, :email, **opts')
    expect(await found(withHelpers(unknown))).toEqual([])
  })

  test('side by side: a concurrent helper outside the transaction, a table created earlier, an unknown or splatted helper', async () => {
    const concurrent = migration('    build_index_concurrently :users, :email', '  disable_ddl_transaction!\n\n')
    expect(await found(withHelpers(concurrent))).toEqual([])
    const created = migration(
      '    create_table :user_roles do |t|\n      t.bigint :user_id\n    end\n    alter_primary_key :user_roles, [:user_id]',
    )
    expect(await found(withHelpers(created))).toEqual([])
    expect(await found(withHelpers(migration('    nowhere_defined :users, [:id]')))).toEqual([])
    expect(await found(withHelpers(migration('    splatted :users, :email')))).toEqual([])
    // a file not named for migrations or the database is not read (each read may be an API call)
    expect(await found(withHelpers(migration('    alter_primary_key :t, [:a]'), 'config/initializers/zz_other.rb'))).toEqual([])
    expect(await found(withHelpers(migration('    alter_primary_key :t, [:a]'), 'lib/pg_helpers.rb'))).toEqual([
      expect.stringMatching(/^create-index-non-concurrent:fail:3 alter_primary_key \(lib\/pg_helpers\.rb:9\)/),
    ])
    // the same helper, not readable (no listing of the base, no require): nothing is guessed
    expect(await found({ ...withHelpers(migration('    alter_primary_key :t, [:a]')), listBase: false })).toEqual([])
  })

  test('a helper file that cannot be read: the rule is not evaluated, never a pass', async () => {
    const text = migration('    alter_primary_key :current_relation_members, [:relation_id]')
    const file = 'config/initializers/migrate.rb'
    const ctx = makeContext({
      files: [{ path, status: 'added', head: text, patch: addFilePatch(text) }],
      headTree: { [file]: helpers },
      baseTree: { [file]: helpers },
      listBase: true,
    })
    const read = ctx.changes.readHead
    ctx.changes.readHead = async (p) => {
      if (p === file) throw new Error('API rate limit exceeded')
      return read(p)
    }
    const out = await migrationSafety.evaluate(ctx, ruleOptions(migrationSafety, { level: 'fail' }))
    expect(
      out.findings
        .filter((f) => f.kind === 'error')
        .map((f) => f.message)
        .join('\n'),
    ).toMatch(/config\/initializers\/migrate\.rb \(head\): API rate limit exceeded/)
    expect(out.findings.some((f) => f.kind === 'violation')).toBe(false)
  })

  test('only methods Rails does not have, and the migration does not define, are looked up', () => {
    const text = `${migration('    add_index :users, :email\n    alter_primary_key :t, [:a]\n    say_with_time "x" do\n      local_helper(:x)\n    end')}\n  def local_helper(x)\n  end\n`
    expect([...unknownRailsCalls(text)]).toEqual(['alter_primary_key'])
  })
})
