/**
 * Every migration danger, one module each, registered here. The order is the order of the docs and of
 * `pr-gate explain migration-safety`.
 */
import addColumnNotNullNoDefault from './add-column-not-null-no-default.js'
import addColumnVolatileDefault from './add-column-volatile-default.js'
import backfillInTransaction from './backfill-in-transaction.js'
import changeColumnType from './change-column-type.js'
import cluster from './cluster.js'
import concurrentlyInTransaction from './concurrently-in-transaction.js'
import constraintNotValidMissing from './constraint-not-valid-missing.js'
import createIndexNonConcurrent from './create-index-non-concurrent.js'
import detachPartitionNonConcurrent from './detach-partition-non-concurrent.js'
import dropColumn from './drop-column.js'
import dropDatabase from './drop-database.js'
import dropIndexNonConcurrent from './drop-index-non-concurrent.js'
import dropNotNull from './drop-not-null.js'
import dropTable from './drop-table.js'
import enumAddValueUnordered from './enum-add-value-unordered.js'
import expandContract from './expand-contract.js'
import foreignSyntax from './foreign-syntax.js'
import lockTimeoutMissing from './lock-timeout-missing.js'
import migrationEdited from './migration-edited.js'
import missingDown from './missing-down.js'
import preferBigintKey from './prefer-bigint-key.js'
import preferJsonb from './prefer-jsonb.js'
import preferText from './prefer-text.js'
import preferTimestamptz from './prefer-timestamptz.js'
import reindexNonConcurrent from './reindex-non-concurrent.js'
import renameColumn from './rename-column.js'
import renameTable from './rename-table.js'
import setNotNull from './set-not-null.js'
import syntaxError from './syntax-error.js'
import tableCopyAlter from './table-copy-alter.js'
import truncateCascade from './truncate-cascade.js'
import uniqueWithoutIndex from './unique-without-index.js'
import vacuumFull from './vacuum-full.js'

export const DANGER_LIST = [
  createIndexNonConcurrent,
  dropIndexNonConcurrent,
  reindexNonConcurrent,
  concurrentlyInTransaction,
  addColumnNotNullNoDefault,
  addColumnVolatileDefault,
  setNotNull,
  changeColumnType,
  constraintNotValidMissing,
  uniqueWithoutIndex,
  renameColumn,
  renameTable,
  dropColumn,
  dropTable,
  dropDatabase,
  truncateCascade,
  dropNotNull,
  detachPartitionNonConcurrent,
  vacuumFull,
  cluster,
  enumAddValueUnordered,
  backfillInTransaction,
  tableCopyAlter,
  preferJsonb,
  preferBigintKey,
  preferTimestamptz,
  preferText,
  lockTimeoutMissing,
  syntaxError,
  foreignSyntax,
  migrationEdited,
  missingDown,
  expandContract,
] as const
