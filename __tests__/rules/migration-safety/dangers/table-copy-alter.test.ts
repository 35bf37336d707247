/**
 * table-copy-alter: a MySQL column type change MySQL can only make by copying the table (issue 14: ory/kratos
 * 10713cc7, `MODIFY request_url TEXT` on five flow tables, missed while MySQL files were only listed as not
 * checked). The type before comes from the rollback file, else from the folder's earlier MySQL migrations.
 */
import { copyReason, splitMysql } from '../../../../src/rules/migration-safety/mysql.js'
import { dangerSuite, findings, type Case } from './cases.js'
import { migrationSafety } from '../../../../src/rules/migration-safety/index.js'
import { ruleOptions } from '../../../../src/policy/resolved.js'
import { addFilePatch, makeContext } from '../../../helpers/context.js'

const DIR = 'persistence/sql/migrations/sql'
/** A MySQL up file with its down file (the type it puts back). */
const mysql = (up: string, down?: string, more: Partial<Case> = {}): Case => ({
  path: `${DIR}/20230705000000000001_change.mysql.up.sql`,
  text: up,
  files: down === undefined ? [] : [{ path: `${DIR}/20230705000000000001_change.mysql.down.sql`, status: 'added', head: down }],
  ...more,
})
/** A MySQL up file whose column types are known only from an earlier migration of the folder. */
const earlier = (up: string, created: string): Case =>
  mysql(up, undefined, {
    baseTree: { [`${DIR}/20200101000000000001_create.mysql.up.sql`]: created },
    listBase: true,
  })

dangerSuite('table-copy-alter', {
  bad: [
    // kratos 10713cc7: VARCHAR(2048) -> TEXT, the old type from the down file
    mysql(
      'ALTER TABLE selfservice_login_flows MODIFY request_url TEXT;\nALTER TABLE selfservice_recovery_flows MODIFY request_url TEXT;',
      'ALTER TABLE selfservice_login_flows MODIFY request_url VARCHAR(2048);\nALTER TABLE selfservice_recovery_flows MODIFY request_url VARCHAR(2048);',
    ),
    // CHAR -> VARCHAR is a data type change (kratos 2cc2b69e)
    mysql(
      'ALTER TABLE identity_login_codes MODIFY address_type VARCHAR(36);',
      'ALTER TABLE identity_login_codes MODIFY address_type CHAR(36);',
    ),
    // a VARCHAR widened past 255 bytes: its length prefix grows
    mysql('ALTER TABLE sessions MODIFY COLUMN token varchar(128) NULL;', 'ALTER TABLE sessions MODIFY COLUMN token varchar(32) NULL;'),
    // made shorter
    mysql('ALTER TABLE sessions MODIFY token varchar(16);', 'ALTER TABLE sessions MODIFY token varchar(32);'),
    // INT -> BIGINT, learnt from the CREATE TABLE of an earlier migration; CHANGE renames as well
    earlier(
      'ALTER TABLE `orders` CHANGE COLUMN `total` `amount` BIGINT NOT NULL;',
      'CREATE TABLE `orders` (`id` char(36) NOT NULL, `total` INT NOT NULL) ENGINE=InnoDB;',
    ),
  ],
  good: [
    // kratos 8210cd09: varchar(32) -> varchar(39) keeps its one-byte length prefix (in place)
    mysql('ALTER TABLE sessions MODIFY COLUMN token varchar(39) NULL;', 'ALTER TABLE sessions MODIFY COLUMN token varchar(32) NULL;'),
    // kratos 6bf18bf8 / 951cf3ca: the same type, NULL -> NOT NULL (rebuilt in place, writes go on)
    mysql(
      'ALTER TABLE identity_verification_tokens MODIFY identity_id CHAR(36) NOT NULL;',
      'ALTER TABLE identity_verification_tokens MODIFY identity_id CHAR(36) NULL;',
    ),
    // INTEGER is INT
    earlier('ALTER TABLE orders MODIFY total INTEGER NULL;', 'CREATE TABLE orders (id char(36) NOT NULL, total INT NOT NULL);'),
    // the type before is not known: nothing is guessed
    mysql('ALTER TABLE selfservice_login_flows MODIFY request_url TEXT;'),
    // the ALTER names its algorithm: MySQL refuses rather than copies
    mysql('ALTER TABLE t MODIFY c TEXT, ALGORITHM=INPLACE, LOCK=NONE;', 'ALTER TABLE t MODIFY c VARCHAR(10);'),
    // a table the migration creates
    mysql('CREATE TABLE t (c VARCHAR(10));\nALTER TABLE t MODIFY c TEXT;', 'DROP TABLE t;'),
    // the same statements in a PostgreSQL file are not read with MySQL's grammar
    { path: 'db/migration/V2__change.sql', text: 'ALTER TABLE t ALTER COLUMN c TYPE text;' },
  ],
})

test('the finding names the change and the recipe writes the online schema-change command with the real names', async () => {
  const [f] = (
    await findings(
      mysql(
        '-- widen\nALTER TABLE selfservice_login_flows\n  MODIFY request_url TEXT;',
        'ALTER TABLE selfservice_login_flows MODIFY request_url VARCHAR(2048);',
      ),
    )
  ).filter((x) => x.code === 'table-copy-alter')
  expect(f.line).toBe(2)
  expect(f.message).toContain('MODIFY selfservice_login_flows.request_url VARCHAR(2048) -> TEXT: the data type changes')
  expect(f.hint).toContain('gh-ost --database=<db> --table=selfservice_login_flows --alter="MODIFY request_url TEXT" --execute')
})

test('a suppression comment in a MySQL file takes the finding out', async () => {
  const out = await findings(
    mysql(
      '-- quality-gate: ignore table-copy-alter the flow tables are purged hourly\nALTER TABLE selfservice_login_flows MODIFY request_url TEXT;',
      'ALTER TABLE selfservice_login_flows MODIFY request_url VARCHAR(2048);',
    ),
  )
  expect(out.map((x) => x.code)).not.toContain('table-copy-alter')
})

describe('splitMysql', () => {
  test('splits at ; outside quotes and comments, with lines', () => {
    const s = splitMysql("-- a; b\nINSERT INTO t VALUES ('x;y', \"z;\", `q;`);\n/* c;\n d; */ UPDATE t SET a = 'it''s;';\n# e;\nSELECT 1")
    expect(s?.map((x) => [x.line, x.endLine, x.text])).toEqual([
      [2, 2, 'INSERT INTO t VALUES (\'x;y\', "z;", `q;`)'],
      [4, 4, "UPDATE t SET a = 'it''s;'"],
      [6, 6, 'SELECT 1'],
    ])
  })
  test('a file that changes its DELIMITER is not split', () =>
    expect(splitMysql('DELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; END //')).toBeUndefined())
})

test('copyReason follows MySQL online DDL', () => {
  expect(copyReason({ name: 'VARCHAR', length: 10 }, { name: 'VARCHAR', length: 63 })).toBeUndefined()
  expect(copyReason({ name: 'VARCHAR', length: 63 }, { name: 'VARCHAR', length: 64 })).toContain('length prefix')
  expect(copyReason({ name: 'VARCHAR', length: 300 }, { name: 'VARCHAR', length: 3000 })).toBeUndefined()
  expect(copyReason({ name: 'INT' }, { name: 'INT', unsigned: true })).toBe('the data type changes')
  expect(copyReason({ name: 'DECIMAL', length: 10, scale: 2 }, { name: 'DECIMAL', length: 12, scale: 2 })).toBe('the data type changes')
})

test('data statements are not parsed: a megabyte INSERT beside the ALTER still leaves the ALTER checked', async () => {
  const rows = Array.from({ length: 20000 }, (_, i) => `(${i}, 'row ${i}; with a semicolon')`).join(',\n')
  const out = await findings(
    mysql(`INSERT INTO t (id, note) VALUES\n${rows};\nALTER TABLE t MODIFY note TEXT;`, 'ALTER TABLE t MODIFY note VARCHAR(255);'),
  )
  expect(out.filter((x) => x.code === 'table-copy-alter').map((x) => x.line)).toEqual([20002])
})

test("an ALTER that MySQL's grammar here cannot read is listed as not checked (MySQL syntax), never passed over in silence", async () => {
  const c = mysql(
    'ALTER TABLE t MODIFY c TEXT;\nALTER TABLE t MODIFY d TEXT COMPRESSION_UNKNOWN_OPTION 42;',
    'ALTER TABLE t MODIFY c VARCHAR(10);\nALTER TABLE t MODIFY d VARCHAR(10);',
  )
  const out = await migrationSafety.evaluate(
    makeContext({ files: [{ path: c.path, status: 'added', head: c.text, patch: addFilePatch(c.text) }, ...(c.files ?? [])] }),
    ruleOptions(migrationSafety, { level: 'fail' }),
  )
  expect(out.findings.filter((f) => f.kind === 'violation').map((f) => `${f.code}:${f.line}`)).toEqual(['table-copy-alter:1'])
  const rows = out.tables!.flatMap((t) => t.rows)
  expect(rows.find((r) => r[0] === '2')?.[2]).toBe('not checked (MySQL syntax)')
})

test('a hostile MySQL statement nested deeper than 3 parentheses is not parsed (node-sql-parser backtracks exponentially there): listed as not checked', async () => {
  // eight nested CASTs took node-sql-parser minutes and fifteen crashed Node; the guard lists the statement instead
  const hostile = `ALTER TABLE t MODIFY c INT DEFAULT ${'CAST('.repeat(8)}1;\nALTER TABLE t MODIFY d TEXT;`
  const c = mysql(hostile, 'ALTER TABLE t MODIFY c VARCHAR(10);\nALTER TABLE t MODIFY d VARCHAR(10);')
  const out = await migrationSafety.evaluate(
    makeContext({ files: [{ path: c.path, status: 'added', head: c.text, patch: addFilePatch(c.text) }, ...(c.files ?? [])] }),
    ruleOptions(migrationSafety, { level: 'fail' }),
  )
  expect(out.findings.filter((f) => f.kind === 'violation').map((f) => `${f.code}:${f.line}`)).toEqual(['table-copy-alter:2'])
  const row = out.tables!.flatMap((t) => t.rows).find((r) => r[0] === '1')
  expect(row?.[2]).toBe('not checked (MySQL syntax)')
  expect(row?.[4]).toContain('nests more than 3 parentheses deep')
})

test('splitMysql records how deep each statement nests', () => {
  expect(splitMysql("CREATE TABLE t (c DECIMAL(10,2) DEFAULT (0), n VARCHAR(3) DEFAULT '(((');\nSELECT 1")?.map((s) => s.depth)).toEqual([
    2, 0,
  ])
})
