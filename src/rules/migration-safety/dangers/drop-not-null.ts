import { PG_ONLY, defineDanger } from './types.js'

export default defineDanger({
  id: 'drop-not-null',
  title: 'DROP NOT NULL',
  lock: 'ACCESS EXCLUSIVE, for a catalog update only (no scan, no rewrite)',
  why:
    'PostgreSQL only updates the catalog, so it is no lock danger; ' +
    'deployed code that assumes the column is never NULL may break on new NULLs',
  fix: 'make readers NULL-safe and deploy them first, then drop the constraint',
  detection: 'ALTER COLUMN ... DROP NOT NULL (change_column_null true, nullable=True); off by default: the statement is catalog-only',
  level: 'off',
  dialects: PG_ONLY,
  sql: {
    alter: {
      AT_DropNotNull: (cmd, t, isNew, _s, emit) => {
        if (!isNew)
          emit({
            id: 'drop-not-null',
            detail: `ALTER COLUMN ${t}.${String(cmd.name)} DROP NOT NULL`,
            table: t,
            names: { table: t, column: String(cmd.name) },
          })
      },
    },
  },
})
