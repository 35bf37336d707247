import { PG_ONLY, defineDanger } from './types.js'

export default defineDanger({
  id: 'syntax-error',
  title: 'Unparseable SQL',
  lock: 'unknown',
  why: 'the migration could not be parsed by the PostgreSQL parser (syntax error or psql meta-command), so it was not checked',
  fix:
    'fix the syntax; move psql meta-commands (\\set, \\i) out of the migration; ' +
    'if the file runs on another database, say so with the dialect option (per glob) or a dialect suffix/folder',
  detection:
    'a PostgreSQL file the PostgreSQL parser rejects (files of other dialects are never parsed as ' +
    'PostgreSQL; CockroachDB-only syntax is listed as not checked)',
  level: 'fail',
  dialects: PG_ONLY,
})
