/**
 * The catalogue of migration dangers: one id per danger, the lock it takes, why it hurts and the safe
 * recipe. docs/rules/migration-safety.md documents every id listed here (a test checks it).
 */
import type { Level } from '../../types.js'

export interface DangerInfo {
  /** Short title shown in the table. */
  title: string
  /** The lock PostgreSQL takes (or "none" for process dangers). */
  lock: string
  /** Why it hurts, one sentence. */
  why: string
  /** The safe recipe (plain text, may contain SQL). */
  fix: string
  /** Level when the policy does not set one (capped by the rule's level). */
  level: Level
  /** True for lock dangers that do not apply to objects created in the same migration. */
  lockDanger?: boolean
}

const AE = 'ACCESS EXCLUSIVE'

export const DANGERS = {
  'create-index-non-concurrent': {
    title: 'CREATE INDEX without CONCURRENTLY',
    lock: 'SHARE (blocks INSERT/UPDATE/DELETE for the whole build)',
    why: 'writes to the table stop until the index is built, which takes minutes on a large table',
    fix: 'CREATE INDEX CONCURRENTLY ... (outside a transaction: Rails disable_ddl_transaction!, Django atomic = False)',
    level: 'fail',
    lockDanger: true,
  },
  'drop-index-non-concurrent': {
    title: 'DROP INDEX without CONCURRENTLY',
    lock: AE,
    why: 'every read and write of the table queues behind the drop, and behind any long query holding the table',
    fix: 'DROP INDEX CONCURRENTLY IF EXISTS ... (outside a transaction)',
    level: 'fail',
    lockDanger: true,
  },
  'reindex-non-concurrent': {
    title: 'REINDEX without CONCURRENTLY',
    lock: `${AE} on the index, SHARE on the table`,
    why: 'writes are blocked (and reads using the index) for the whole rebuild',
    fix: 'REINDEX INDEX CONCURRENTLY ... (PostgreSQL 12+, outside a transaction)',
    level: 'fail',
    lockDanger: true,
  },
  'concurrently-in-transaction': {
    title: 'CONCURRENTLY inside a transaction',
    lock: 'none (the statement errors)',
    why: 'CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY and DETACH PARTITION CONCURRENTLY cannot run inside a transaction block: the migration fails',
    fix: 'run it outside the transaction: no BEGIN/COMMIT around it; Rails disable_ddl_transaction!; Django atomic = False; golang-migrate/dbmate: a migration of its own (dbmate: -- migrate:up transaction:false)',
    level: 'fail',
  },
  'add-column-not-null-no-default': {
    title: 'ADD COLUMN NOT NULL without DEFAULT',
    lock: AE,
    why: 'fails on any table that has rows, and forces a deploy order where old code cannot insert',
    fix: 'ADD COLUMN c type NULL; backfill in batches; then the SET NOT NULL recipe (CHECK (c IS NOT NULL) NOT VALID, VALIDATE, SET NOT NULL) — or give it a constant DEFAULT (PostgreSQL 11+)',
    level: 'fail',
    lockDanger: true,
  },
  'add-column-volatile-default': {
    title: 'ADD COLUMN with a volatile default (table rewrite)',
    lock: AE,
    why: 'a volatile default (now(), random(), gen_random_uuid(), clock_timestamp()) — or any default before PostgreSQL 11 — rewrites the whole table under the lock',
    fix: 'ADD COLUMN c type (no default); ALTER COLUMN c SET DEFAULT ... (applies to new rows only); backfill existing rows in batches',
    level: 'fail',
    lockDanger: true,
  },
  'set-not-null': {
    title: 'SET NOT NULL on an existing column',
    lock: AE,
    why: 'PostgreSQL scans the whole table to check for NULLs while holding the lock',
    fix: 'ALTER TABLE t ADD CONSTRAINT t_c_not_null CHECK (c IS NOT NULL) NOT VALID; ALTER TABLE t VALIDATE CONSTRAINT t_c_not_null; ALTER TABLE t ALTER COLUMN c SET NOT NULL; ALTER TABLE t DROP CONSTRAINT t_c_not_null (PostgreSQL 12+ skips the scan)',
    level: 'fail',
    lockDanger: true,
  },
  'change-column-type': {
    title: 'ALTER COLUMN TYPE (table rewrite)',
    lock: AE,
    why: 'changing a type that is not binary-coercible rewrites the table and every index on it under the lock, and breaks code that reads the old type',
    fix: 'add a new column of the new type, dual-write, backfill in batches, switch reads, drop the old column later (varchar(n) -> text or a larger varchar limit is safe)',
    level: 'fail',
    lockDanger: true,
  },
  'constraint-not-valid-missing': {
    title: 'ADD FOREIGN KEY / CHECK without NOT VALID',
    lock: `${AE} on the table (SHARE ROW EXCLUSIVE on both tables for a foreign key) while every row is checked`,
    why: 'validating existing rows scans the table while holding a lock that blocks writes',
    fix: 'ALTER TABLE t ADD CONSTRAINT c ... NOT VALID; then, in a separate migration/transaction, ALTER TABLE t VALIDATE CONSTRAINT c (takes only SHARE UPDATE EXCLUSIVE)',
    level: 'fail',
    lockDanger: true,
  },
  'unique-without-index': {
    title: 'ADD UNIQUE / PRIMARY KEY building its index under the lock',
    lock: AE,
    why: 'the unique index is built while reads and writes are blocked',
    fix: 'CREATE UNIQUE INDEX CONCURRENTLY t_c_key ON t (c); ALTER TABLE t ADD CONSTRAINT t_c_key UNIQUE USING INDEX t_c_key (or PRIMARY KEY USING INDEX)',
    level: 'fail',
    lockDanger: true,
  },
  'rename-column': {
    title: 'RENAME COLUMN',
    lock: AE,
    why: 'code that is deployed reads the old name: it breaks between the migration and the deploy',
    fix: 'expand/contract: add the new column, dual-write, backfill, move reads, drop the old column in a later release (or a view exposing both names)',
    level: 'fail',
    lockDanger: true,
  },
  'rename-table': {
    title: 'RENAME TABLE',
    lock: AE,
    why: 'code that is deployed queries the old name: it breaks between the migration and the deploy',
    fix: 'create the new table and copy/dual-write, or rename and leave a view with the old name (CREATE VIEW old AS SELECT * FROM new) until the code moved',
    level: 'fail',
    lockDanger: true,
  },
  'drop-column': {
    title: 'DROP COLUMN',
    lock: AE,
    why: 'code that is deployed (and ORM caches of the column list) still reads it; the data is gone with no way back',
    fix: 'stop reading/writing the column first (Rails: ignored_columns; Django: remove the field with SeparateDatabaseAndState), deploy, then drop it in a later migration',
    level: 'fail',
    lockDanger: true,
  },
  'drop-table': {
    title: 'DROP TABLE',
    lock: AE,
    why: 'irreversible data loss, and deployed code that still uses the table breaks',
    fix: 'remove all code using the table and deploy first; rename it aside (or back it up) and drop it in a later release',
    level: 'fail',
    lockDanger: true,
  },
  'drop-database': {
    title: 'DROP DATABASE',
    lock: 'exclusive use of the database',
    why: 'irreversible loss of every table in it',
    fix: 'never from a migration: do it by hand, after a backup, with a change ticket',
    level: 'fail',
  },
  'truncate-cascade': {
    title: 'TRUNCATE ... CASCADE',
    lock: `${AE} on every referencing table`,
    why: 'silently empties every table that references this one through a foreign key',
    fix: 'TRUNCATE only the tables you name (RESTRICT, the default), or DELETE in batches',
    level: 'fail',
  },
  'drop-not-null': {
    title: 'DROP NOT NULL',
    lock: AE,
    why: 'deployed code may rely on the column never being NULL; new NULLs break readers',
    fix: 'make readers NULL-safe and deploy them first, then drop the constraint',
    level: 'warn',
    lockDanger: true,
  },
  'detach-partition-non-concurrent': {
    title: 'DETACH PARTITION without CONCURRENTLY',
    lock: `${AE} on the parent table`,
    why: 'every query on the partitioned table waits for the detach',
    fix: 'ALTER TABLE parent DETACH PARTITION p CONCURRENTLY (PostgreSQL 14+, outside a transaction)',
    level: 'fail',
    lockDanger: true,
  },
  'vacuum-full': {
    title: 'VACUUM FULL',
    lock: AE,
    why: 'rewrites the whole table while nothing can read or write it',
    fix: 'plain VACUUM (no lock on reads/writes), or pg_repack / pg_squeeze for an online rewrite',
    level: 'fail',
    lockDanger: true,
  },
  cluster: {
    title: 'CLUSTER',
    lock: AE,
    why: 'rewrites the whole table while nothing can read or write it',
    fix: 'pg_repack --order-by for an online reorder, outside migrations',
    level: 'fail',
    lockDanger: true,
  },
  'enum-add-value-unordered': {
    title: 'ALTER TYPE ... ADD VALUE without a position',
    lock: AE,
    why: 'the value is appended last (enum order drives ORDER BY and comparisons), and before PostgreSQL 12 ADD VALUE cannot run in a transaction block; the new value cannot be used in the same transaction',
    fix: "ALTER TYPE t ADD VALUE IF NOT EXISTS 'v' BEFORE 'x' (or AFTER), in its own migration; or a lookup table / text + CHECK instead of an enum",
    level: 'warn',
  },
  'prefer-jsonb': {
    title: 'json column',
    lock: 'none',
    why: 'json keeps the raw text: no equality operator, no GIN indexing, reparsed on every access',
    fix: 'use jsonb',
    level: 'warn',
  },
  'prefer-bigint-key': {
    title: 'int / serial key',
    lock: 'none',
    why: 'a 32-bit key runs out at 2.1 billion rows, and widening it later rewrites the table',
    fix: 'id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY (and bigint for the foreign keys pointing at it)',
    level: 'warn',
  },
  'prefer-timestamptz': {
    title: 'timestamp without time zone',
    lock: 'none',
    why: 'values are stored without an offset: their meaning depends on each client session time zone',
    fix: 'use timestamptz (timestamp with time zone)',
    level: 'warn',
  },
  'prefer-text': {
    title: 'char(n)',
    lock: 'none',
    why: 'char(n) pads with spaces and is no faster than text; padding surprises comparisons',
    fix: 'use text (with a CHECK (length(c) <= n) when a limit is needed) or varchar(n)',
    level: 'warn',
  },
  'lock-timeout-missing': {
    title: 'DDL without lock_timeout',
    lock: 'n/a',
    why: 'a DDL statement queued behind a long query blocks every query that arrives after it, for as long as it waits',
    fix: "SET lock_timeout = '2s'; at the top of the migration (retry the migration on timeout)",
    level: 'warn',
  },
  'syntax-error': {
    title: 'Unparseable SQL',
    lock: 'unknown',
    why: 'the migration could not be parsed (syntax error, psql meta-command, or a dialect the PostgreSQL parser does not accept), so it was not checked',
    fix: 'fix the syntax; move psql meta-commands (\\set, \\i) out of the migration; or suppress with a reason if the file is not run by PostgreSQL',
    level: 'fail',
  },
  'migration-edited': {
    title: 'Already-merged migration edited, renamed or deleted',
    lock: 'none',
    why: 'it has already run in production (and on every developer database) and will not run again: the change never reaches them and the schemas drift',
    fix: 'revert the change to the existing file and write a new migration that makes the change',
    level: 'fail',
  },
  'missing-down': {
    title: 'No way back',
    lock: 'none',
    why: 'the framework supports a rollback but this migration gives none: a bad deploy cannot be rolled back quickly',
    fix: 'golang-migrate: add the matching .down.sql; dbmate: add a -- migrate:down section; Alembic: implement downgrade(); Django: give RunSQL a reverse_sql / RunPython a reverse_code; Rails: use up/down or reversible for irreversible operations',
    level: 'warn',
  },
  'expand-contract': {
    title: 'Column dropped/renamed together with application code',
    lock: 'none',
    why: 'the migration runs before (or after) the new code is live on every instance: old instances crash on the missing column during the deploy',
    fix: 'ship the code change first (stop using the column), then drop/rename it in a separate, later PR',
    level: 'warn',
  },
} as const satisfies Record<string, DangerInfo>

export type DangerId = keyof typeof DANGERS
export const DANGER_IDS = Object.keys(DANGERS) as DangerId[]

export function isDangerId(s: string): s is DangerId {
  return Object.prototype.hasOwnProperty.call(DANGERS, s)
}
