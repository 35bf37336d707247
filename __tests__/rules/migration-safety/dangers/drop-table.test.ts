import { alembic, dangerSuite, django, findings, rails, sql } from './cases.js'

dangerSuite('drop-table', {
  bad: [
    sql('DROP TABLE sessions;'),
    rails('  def up\n    drop_table :sessions\n  end\n  def down\n  end'),
    django('        migrations.DeleteModel(name="Session"),'),
    alembic('op.drop_table("sessions")'),
  ],
  good: [
    sql('CREATE TABLE sessions2 (id bigint);\nDROP TABLE sessions2;'),
    // SQLite rebuilds a table to alter it: not parsed as PostgreSQL, no data-loss report
    sql(
      'CREATE TABLE _users_new (id integer);\nINSERT INTO _users_new SELECT id FROM users;\nDROP TABLE users;\nALTER TABLE _users_new RENAME TO users;',
      {
        path: 'migrations/20240101_x.sqlite3.up.sql',
        files: [{ path: 'migrations/20240101_x.sqlite3.down.sql', status: 'added', head: '' }],
      },
    ),
  ],
})

describe('a table dropped with its dead model (the PR deletes the model, and only its imports elsewhere)', () => {
  const model =
    'from sqlalchemy.orm import Mapped\n\nclass PledgeTransaction(RecordModel):\n    __tablename__ = "pledge_transactions"\n    amount: Mapped[int]\n'
  const removedModel = {
    path: 'server/polar/models/pledge_transaction.py',
    status: 'removed' as const,
    base: model,
    patch:
      '@@ -1,5 +0,0 @@\n' +
      model
        .trimEnd()
        .split('\n')
        .map((l) => '-' + l)
        .join('\n'),
  }
  const initImports = {
    path: 'server/polar/models/__init__.py',
    status: 'modified' as const,
    base: '',
    head: '',
    patch:
      '@@ -84,3 +84,2 @@\n from .pledge import Pledge\n-from .pledge_transaction import PledgeTransaction\n from .product import Product\n@@ -215,3 +214,2 @@\n     "Pledge",\n-    "PledgeTransaction",\n     "Product",',
  }
  const mig = (files: NonNullable<Parameters<typeof alembic>[1]>['files']) => alembic('op.drop_table("pledge_transactions")', { files })
  const levelOf = async (c: Parameters<typeof findings>[0]) => (await findings(c)).find((f) => f.code === 'drop-table')

  test('is a notice that says why', async () => {
    const f = await levelOf(mig([removedModel, initImports]))
    expect(f?.level).toBe('notice')
    expect(f?.message).toContain('dead table')
    expect(f?.message).toContain('server/polar/models/pledge_transaction.py')
  })

  test('Rails: the model file named after the table', async () => {
    const rb = {
      path: 'app/models/user_token.rb',
      status: 'removed' as const,
      base: 'class UserToken < ApplicationRecord\n  belongs_to :user\nend\n',
      patch: '@@ -1,3 +0,0 @@\n-class UserToken < ApplicationRecord\n-  belongs_to :user\n-end',
    }
    const f = await levelOf(rails('  def up\n    drop_table :user_tokens\n  end\n  def down\n  end', { files: [rb] }))
    expect(f?.level).toBe('notice')
  })

  test('side by side: code that still used the table changed too (lines added), so it fails', async () => {
    const controller = {
      path: 'server/polar/pledge/service.py',
      status: 'modified' as const,
      base: '',
      head: '',
      patch: '@@ -10,3 +10,2 @@\n def total():\n-    return session.query(PledgeTransaction).count()\n+    return 0',
    }
    expect((await levelOf(mig([removedModel, initImports, controller])))?.level).toBe('fail')
  })

  test('side by side: code using the model deleted with it (feature removed in the same deploy) fails', async () => {
    const usage = {
      path: 'server/polar/pledge/service.py',
      status: 'modified' as const,
      base: '',
      head: '',
      patch: '@@ -10,3 +10,1 @@\n def total():\n-    txs = session.query(PledgeTransaction).all()\n-    return len(txs)',
    }
    expect((await levelOf(mig([removedModel, initImports, usage])))?.level).toBe('fail')
  })

  test('side by side: another deleted file that is not the model, or no model deleted at all, fails', async () => {
    const feature = {
      path: 'server/polar/pledge/endpoints.py',
      status: 'removed' as const,
      base: 'def list_transactions():\n    return []\n',
      patch: '@@ -1,2 +0,0 @@\n-def list_transactions():\n-    return []',
    }
    expect((await levelOf(mig([removedModel, initImports, feature])))?.level).toBe('fail')
    expect((await levelOf(mig([initImports])))?.level).toBe('fail')
    expect((await levelOf(mig([])))?.level).toBe('fail')
  })
})
