import { ALL_DIALECTS, defineDanger } from './types.js'

export default defineDanger({
  id: 'migration-edited',
  title: 'Already-merged migration edited, renamed or deleted',
  lock: 'none',
  why:
    'it has already run in production (and on every developer database) and will not run again: ' +
    'the change never reaches them and the schemas drift',
  fix: 'revert the change to the existing file and write a new migration that makes the change',
  detection:
    'a migration that existed on the base branch is deleted, renamed, ' +
    'or edited so that its statements change (parse trees compared without comments, layout, ' +
    'heredoc indentation or timeout values; rollback files capped at rollback_level); ' +
    'one that no release tag holds yet is capped at unreleased_edit_level (notice); ' +
    'an edit of a Rails/Django/Alembic migration in its data or helper code only (its schema calls and ' +
    'the code feeding them unchanged), or in how its statements run only (CONCURRENTLY, outside the ' +
    'transaction, IF [NOT] EXISTS: what the new text adds is checked as in a new migration), at data_edit_level (notice); ' +
    'idempotent SQL statements (IF NOT EXISTS, IF EXISTS, ' +
    'OR REPLACE) moved unchanged into a migration the same PR adds are a notice',
  level: 'fail',
  dialects: ALL_DIALECTS,
})
