import { alembic, dangerSuite, findings, rails, sql, type Case } from './cases.js'

dangerSuite('missing-down', {
  bad: [
    sql('ALTER TABLE a ADD COLUMN b text;', { path: 'migrations/000012_add_col.up.sql' }),
    sql('ALTER TABLE a ADD COLUMN b text;', { path: 'migrations/000012_add_col.mysql.up.sql' }),
    // side by side: another database's down file is not this one's way back
    sql('ALTER TABLE a ADD COLUMN b text;', {
      path: 'migrations/000012_add_col.mysql.up.sql',
      files: [{ path: 'migrations/000012_add_col.sqlite3.down.sql', status: 'added', head: 'SELECT 1;' }],
    }),
    rails('  def change\n    remove_column :users, :legacy\n  end'),
    // side by side: without from:/to:, or remove_index by name only, Rails cannot reverse them
    rails('  def change\n    change_column_default :gpx_files, :visibility, "trackable"\n  end'),
    rails('  def change\n    remove_index :gpx_files, name: "gpx_files_user_id_idx"\n  end'),
    {
      ...alembic('op.add_column("a", sa.Column("b", sa.Text()))'),
      text: 'from alembic import op\nimport sqlalchemy as sa\n\ndef upgrade():\n    op.add_column("a", sa.Column("b", sa.Text()))\n\ndef downgrade():\n    pass\n',
    },
  ],
  good: [
    sql('ALTER TABLE a ADD COLUMN b text;', {
      path: 'migrations/000012_add_col.up.sql',
      files: [{ path: 'migrations/000012_add_col.down.sql', status: 'added', head: 'ALTER TABLE a DROP COLUMN b;' }],
    }),
    // remove_columns with type: is reversible
    rails('  def change\n    remove_columns :users, :a, :b, type: :string\n  end'),
    // pop: a database without its own down file runs the generic one
    sql('ALTER TABLE a ADD COLUMN b text;', {
      path: 'migrations/000012_add_col.mysql.up.sql',
      files: [{ path: 'migrations/000012_add_col.down.sql', status: 'added', head: 'ALTER TABLE a DROP COLUMN b;' }],
    }),
    sql('ALTER TABLE a ADD COLUMN b text;', {
      path: 'migrations/000012_add_col.sqlite3.autocommit.up.sql',
      files: [{ path: 'migrations/000012_add_col.autocommit.down.sql', status: 'added', head: 'ALTER TABLE a DROP COLUMN b;' }],
    }),
    // change_column_default with from:/to: (either hash style) and remove_index with its columns are reversible
    rails('  def change\n    change_column_default :gpx_files, :visibility, :from => "public", :to => "trackable"\n  end'),
    rails('  def change\n    change_column_default :gpx_files, :visibility, from: "public", to: "trackable"\n  end'),
    rails('  def change\n    remove_index :gpx_files, [:user_id], :name => "gpx_files_user_id_idx"\n  end'),
    rails('  def change\n    remove_index :gpx_files, :user_id\n  end'),
  ],
})

describe('missing-down in a forward-only folder', () => {
  const up = 'ALTER TABLE a ADD COLUMN b text;'
  const path = 'make/migrations/postgresql/0190_2.16.0_schema.up.sql'
  const levels = async (c: Case) => (await findings(c)).filter((f) => f.code === 'missing-down').map((f) => `${f.level}: ${f.message}`)
  test('a folder with .up.sql files and no .down.sql at the base: a notice that says why', async () => {
    const out = await levels(
      sql(up, {
        path,
        listBase: true,
        baseTree: {
          'make/migrations/postgresql/0180_2.15.0_schema.up.sql': up,
          'make/migrations/postgresql/0170_2.14.0_schema.up.sql': up,
        },
      }),
    )
    expect(out).toHaveLength(1)
    expect(out[0]).toMatch(/^notice: .*2 \.up\.sql files and no \.down\.sql at the base: forward-only/)
  })
  test('side by side: the same folder with one .down.sql at the base still fails, and so does an unlisted base', async () => {
    expect(
      await levels(
        sql(up, {
          path,
          listBase: true,
          baseTree: {
            'make/migrations/postgresql/0180_2.15.0_schema.up.sql': up,
            'make/migrations/postgresql/0180_2.15.0_schema.down.sql': 'SELECT 1;',
          },
        }),
      ),
    ).toEqual([expect.stringMatching(/^fail: /)])
    expect(await levels(sql(up, { path, baseTree: { 'make/migrations/postgresql/0180_2.15.0_schema.up.sql': up } }))).toEqual([
      expect.stringMatching(/^fail: /),
    ])
    // an empty folder at the base (the first migration) is no convention yet
    expect(await levels(sql(up, { path, listBase: true, baseTree: {} }))).toEqual([expect.stringMatching(/^fail: /)])
  })
})

describe('an Alembic downgrade() that does nothing on purpose', () => {
  const file = (down: string) =>
    'from alembic import op\nfrom sqlalchemy import text\n\ndef upgrade():\n' +
    '    op.execute(text("CREATE OR REPLACE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql"))\n\n' +
    `def downgrade():\n${down}`
  const levels = async (down: string) =>
    (await findings({ ...alembic('op.execute("SELECT 1")'), text: file(down) }))
      .filter((f) => f.code === 'missing-down')
      .map((f) => `${f.level}: ${f.message}`)
  test('a pass with a comment that says why: a notice naming the comment line', async () => {
    const out = await levels('    # No downgrade: the rows backfilled with the new tokenization stay as they are.\n    pass\n')
    expect(out).toEqual([expect.stringMatching(/^notice: downgrade\(\) only passes, on purpose \(its comment on line 8 says why\)/)])
    expect(await levels('    """Forward only: the old function body is gone for good."""\n    pass\n')).toEqual([
      expect.stringMatching(/^notice: .*on purpose \(its comment on line 8/),
    ])
  })
  test("side by side: a bare pass, or Alembic's own autogenerate markers around it, still fail", async () => {
    expect(await levels('    pass\n')).toEqual([expect.stringMatching(/^fail: downgrade\(\) only passes/)])
    expect(
      await levels('    # ### commands auto generated by Alembic - please adjust! ###\n    pass\n    # ### end Alembic commands ###\n'),
    ).toEqual([expect.stringMatching(/^fail: downgrade\(\) only passes/)])
  })
  test('a bare pass after an upgrade that only reads or writes rows: a notice, there is no schema to put back (polar 5886237a)', async () => {
    const only = (up: string) =>
      `from alembic import op\nfrom sqlalchemy import text\n\ndef upgrade():\n${up}\n\ndef downgrade():\n    pass\n`
    const level = async (up: string) =>
      (await findings({ ...alembic('op.execute("SELECT 1")'), text: only(up) }))
        .filter((f) => f.code === 'missing-down')
        .map((f) => `${f.level}: ${f.message}`)
    expect(await level('    op.execute(text("DELETE FROM notifications WHERE type = \'x\'"))')).toEqual([
      expect.stringMatching(/^notice: downgrade\(\) only passes, and upgrade\(\) only reads or writes rows/),
    ])
    // side by side: DDL in the SQL, an op.* schema call, or SQL the gate cannot read keeps the failure
    for (const up of [
      '    op.execute("CREATE INDEX i ON notifications (type)")',
      '    op.create_table("t", sa.Column("id", sa.Integer()))',
      '    op.execute(build_sql())',
    ])
      expect(await level(up)).toEqual([expect.stringMatching(/^fail: downgrade\(\) only passes/)])
  })
})

describe('missing-down for an up file that only reads or writes rows (kratos f74a5c25, held-out-11)', () => {
  const levels = async (c: Case) => (await findings(c)).filter((f) => f.code === 'missing-down').map((f) => `${f.level}: ${f.message}`)
  const purge = "UPDATE selfservice_login_flow_methods SET config = '{}';\nUPDATE selfservice_registration_flow_methods SET config = '{}';"
  test('PostgreSQL, MySQL and SQLite files: a notice, there is no schema to put back', async () => {
    for (const path of [
      'persistence/sql/migrations/sql/20210118113234_form_nodes.postgres.up.sql',
      'persistence/sql/migrations/sql/20210118113234_form_nodes.mysql.up.sql',
      'persistence/sql/migrations/sql/20210118113234_form_nodes.sqlite3.up.sql',
    ]) {
      const out = await levels(sql(purge, { path }))
      expect([path, out.length, out[0]]).toEqual([
        path,
        1,
        expect.stringMatching(/^notice: .*only reads or writes rows: there is no schema to put back/),
      ])
    }
  })
  test('side by side: a schema statement among them, or a piece the split cannot read, still fails', async () => {
    const path = 'persistence/sql/migrations/sql/20210118113234_form_nodes.mysql.up.sql'
    expect(await levels(sql(`${purge}\nALTER TABLE a DROP COLUMN b;`, { path }))).toEqual([expect.stringMatching(/^fail: /)])
    expect(await levels(sql(`${purge}\nALTER TABLE a DROP COLUMN b;`, { path: path.replace('mysql', 'postgres') }))).toEqual([
      expect.stringMatching(/^fail: /),
    ])
    expect(await levels(sql('DELIMITER $$\nCREATE PROCEDURE p() BEGIN UPDATE a SET b = 1; END$$', { path }))).toEqual([
      expect.stringMatching(/^fail: /),
    ])
  })
})
