/**
 * web-tree-sitter's syntax trees live in the wasm heap until `delete()`. A process that never freed them (the
 * App, the 100,000-case fuzz run) ran out of wasm memory after ~80,000 Python migrations, and from then on
 * every parse aborted. Every tree the rule makes is freed once the file's analysis is done.
 */
import { migrationSafety } from '../../../src/rules/migration-safety/index.js'
import { loadParser, type TsParser } from '../../../src/rules/migration-safety/wasm.js'
import { ruleOptions } from '../../../src/policy/resolved.js'
import { addFilePatch, makeContext, type FakeFile } from '../../helpers/context.js'

const added = (path: string, head: string): FakeFile => ({ path, status: 'added', head, patch: addFilePatch(head) })

/** Counts the trees `parser` makes and frees from now on (the rule shares the cached parser). */
function countTrees(parser: TsParser): { made: number; freed: number; restore: () => void } {
  const counts = { made: 0, freed: 0 }
  const parse = parser.parse.bind(parser)
  parser.parse = (...args: Parameters<TsParser['parse']>) => {
    const tree = parse(...args)
    if (tree) {
      counts.made++
      const free = tree.delete.bind(tree)
      tree.delete = () => {
        counts.freed++
        free()
      }
    }
    return tree
  }
  return {
    get made() {
      return counts.made
    },
    get freed() {
      return counts.freed
    },
    restore: () => {
      parser.parse = parse
    },
  }
}

const RAILS = `class AddIndex < ActiveRecord::Migration[7.1]
  def change
    add_index :users, :email
    execute "CREATE INDEX users_name_idx ON users (name)"
  end
end
`
const ALEMBIC = `from alembic import op
import sqlalchemy as sa

revision = 'a1'
down_revision = None

def upgrade():
    op.add_column('invoices', sa.Column('due', sa.Date(), nullable=False))
    op.execute("ALTER TABLE invoices ADD CONSTRAINT fk FOREIGN KEY (c) REFERENCES customers (id)")

def downgrade():
    pass
`
const DJANGO = `from django.db import migrations, models

class Migration(migrations.Migration):
    dependencies = [('shop', '0001_initial')]
    operations = [migrations.AddField('order', 'note', models.TextField(default=''))]
`

test('every syntax tree the rule makes is freed, and the findings that need its lines are still right', async () => {
  const ruby = countTrees(await loadParser('ruby'))
  const python = countTrees(await loadParser('python'))
  try {
    const files: FakeFile[] = [
      added('db/migrate/20240101000000_add_index.rb', RAILS),
      added('alembic/versions/a1_due.py', ALEMBIC),
      added('shop/migrations/0002_note.py', DJANGO),
      {
        path: 'db/migrate/20230101000000_old.rb',
        status: 'modified',
        base: '# frozen_string_literal: false\n' + RAILS,
        head: RAILS,
        patch: '@@ -1,1 +0,0 @@\n-# frozen_string_literal: false',
      },
    ]
    const out = await migrationSafety.evaluate(makeContext({ files }), ruleOptions(migrationSafety, { level: 'fail' }))
    expect(ruby.made + python.made).toBeGreaterThanOrEqual(5)
    expect(ruby.freed).toBe(ruby.made)
    expect(python.freed).toBe(python.made)
    // The SQL inside execute/op.execute is analysed after the Ruby/Python walk: its findings keep the call's line.
    const lines = out.findings.filter((f) => f.kind === 'violation').map((f) => `${f.path ?? ''}:${String(f.line)}`)
    expect(lines).toContain('db/migrate/20240101000000_add_index.rb:4')
    expect(lines).toContain('alembic/versions/a1_due.py:9')
  } finally {
    ruby.restore()
    python.restore()
  }
})
