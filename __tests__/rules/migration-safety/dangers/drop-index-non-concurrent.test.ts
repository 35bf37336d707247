import { alembic, dangerSuite, findings, rails, sql } from './cases.js'

dangerSuite('drop-index-non-concurrent', {
  bad: [
    sql('DROP INDEX users_email_idx;'),
    rails('  def change\n    remove_index :users, :email\n  end'),
    alembic('op.drop_index("ix_users_email", table_name="users")'),
    // side by side with the silent case below: the table stays
    alembic('op.drop_index(op.f("ix_pledges_created_at"), table_name="pledges")\nop.drop_table("pledge_transactions")'),
  ],
  good: [
    sql('DROP INDEX CONCURRENTLY IF EXISTS users_email_idx;'),
    sql('CREATE INDEX CONCURRENTLY i2 ON users (a);\nDROP INDEX i2;'),
    rails('  disable_ddl_transaction!\n  def change\n    remove_index :users, :email, algorithm: :concurrently\n  end'),
    // the same migration drops the table: DROP TABLE locks it and removes its indexes anyway
    alembic(
      'op.drop_index(op.f("ix_pledge_transactions_created_at"), table_name="pledge_transactions")\nop.drop_table("pledge_transactions")',
    ),
    rails(
      '  def change\n    remove_index :legacy_rows, :user_id\n    drop_table :legacy_rows do |t|\n      t.integer :user_id\n    end\n  end',
    ),
  ],
})

test('recipe names the index', async () => {
  const [f] = await findings(sql('DROP INDEX users_email_idx;'))
  expect(f.hint).toContain('DROP INDEX CONCURRENTLY IF EXISTS users_email_idx;')
})

test('op.f("name") is the index name in the message and the recipe', async () => {
  const [f] = await findings(alembic('op.drop_index(op.f("ix_users_email"), table_name="users")'))
  expect(f.message).toContain("op.drop_index('ix_users_email')")
  expect(f.hint).toContain('ix_users_email')
})

describe('a Rails project that runs strong_migrations (its remove_index check is off by default)', () => {
  const lock =
    'GEM\n  remote: https://rubygems.org/\n  specs:\n    rake (13.2.1)\n    strong_migrations (2.5.2)\n      activerecord (>= 7.1)\n\nDEPENDENCIES\n  strong_migrations\n'
  const removeIndex = '  def change\n    remove_index :gpx_files, [:user_id], name: "gpx_files_user_id_idx"\n  end'
  const levelOf = async (c: Parameters<typeof findings>[0], code = 'drop-index-non-concurrent') =>
    (await findings(c)).find((f) => f.code === code)

  test('remove_index without algorithm: :concurrently is a notice that names strong_migrations', async () => {
    const f = await levelOf(rails(removeIndex, { headTree: { 'Gemfile.lock': lock } }))
    expect(f?.level).toBe('notice')
    expect(f?.message).toContain('strong_migrations (Gemfile.lock)')
  })

  test('the Gemfile is enough when no Gemfile.lock is committed', async () => {
    const f = await levelOf(rails(removeIndex, { headTree: { Gemfile: "source 'https://rubygems.org'\ngem 'strong_migrations'\n" } }))
    expect(f?.level).toBe('notice')
  })

  test('the project turned the check on: it fails', async () => {
    const f = await levelOf(
      rails(removeIndex, {
        headTree: {
          'Gemfile.lock': lock,
          'config/initializers/strong_migrations.rb':
            'StrongMigrations.start_after = 20190518115041\nStrongMigrations.enable_check(:remove_index)\n',
        },
      }),
    )
    expect(f?.level).toBe('fail')
  })

  test('without strong_migrations it fails', async () => {
    const f = await levelOf(rails(removeIndex, { headTree: { 'Gemfile.lock': 'GEM\n  specs:\n    pg (1.5.9)\n' } }))
    expect(f?.level).toBe('fail')
  })

  test('strong_migrations does not relax index builds, nor DROP INDEX in execute, nor SQL migrations', async () => {
    expect(
      (
        await levelOf(
          rails('  def change\n    add_index :gpx_files, :user_id\n  end', { headTree: { 'Gemfile.lock': lock } }),
          'create-index-non-concurrent',
        )
      )?.level,
    ).toBe('fail')
    expect(
      (
        await levelOf(
          rails('  def up\n    execute "DROP INDEX gpx_files_user_id_idx"\n  end\n  def down\n  end', {
            headTree: { 'Gemfile.lock': lock },
          }),
        )
      )?.level,
    ).toBe('fail')
    expect((await levelOf(sql('DROP INDEX gpx_files_user_id_idx;', { headTree: { 'Gemfile.lock': lock } })))?.level).toBe('fail')
  })
})
