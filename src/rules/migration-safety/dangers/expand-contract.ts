import { ALL_DIALECTS, defineDanger } from './types.js'

export default defineDanger({
  id: 'expand-contract',
  title: 'Column dropped/renamed together with application code',
  lock: 'none',
  why:
    'the migration runs before (or after) the new code is live on every instance: ' +
    'old instances crash on the missing column during the deploy',
  fix: 'ship the code change first (stop using the column), then drop/rename it in a separate, later PR',
  detection:
    'a drop-column / rename-column in a PR that also changes application code (app_paths, ' +
    'minus app_exclude: tests, schema dumps, other migrations)',
  level: 'warn',
  dialects: ALL_DIALECTS,
})
