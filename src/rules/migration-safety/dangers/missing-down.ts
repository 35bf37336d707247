import { ALL_DIALECTS, defineDanger } from './types.js'

export default defineDanger({
  id: 'missing-down',
  title: 'No way back',
  lock: 'none',
  why: 'the framework supports a rollback but this migration gives none: a bad deploy cannot be rolled back quickly',
  fix:
    'golang-migrate: add the matching .down.sql; dbmate: add a -- migrate:down section; ' +
    'Alembic: implement downgrade(); Django: give RunSQL a reverse_sql / RunPython a reverse_code; ' +
    'Rails: use up/down or reversible for irreversible operations',
  detection:
    'a new .up.sql without its .down.sql (same dialect suffix, or the generic one; ' +
    'a notice in a folder that has no .down.sql at all), a dbmate file without -- migrate:down, ' +
    'a sqitch deploy without revert, an Alembic downgrade() that only passes (a notice when its own comment says why, ' +
    'or when upgrade() only reads or writes rows), ' +
    'RunSQL/RunPython without a reverse, an irreversible Rails operation in def change',
  level: 'warn',
  dialects: ALL_DIALECTS,
})
