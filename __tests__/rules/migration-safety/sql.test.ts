import { analyzeSql, type SqlOptions } from '../../../src/rules/migration-safety/sql.js'
import { loadPg, type PgApi } from '../../../src/rules/migration-safety/wasm.js'
import { DANGERS, type DangerId } from '../../../src/rules/migration-safety/dangers.js'

let pg: PgApi
beforeAll(async () => {
  pg = await loadPg()
})
const base: SqlOptions = { pgVersion: 14, assumeInTransaction: false, requireLockTimeout: false }
const ids = (sql: string, o: Partial<SqlOptions> = {}): DangerId[] => analyzeSql(pg, sql, { ...base, ...o }).issues.map((i) => i.id)

// [danger, failing SQL, passing SQL, options]
const cases: Array<[DangerId, string, string, Partial<SqlOptions>?]> = [
  ['create-index-non-concurrent', 'CREATE INDEX users_email_idx ON users (email);', 'CREATE INDEX CONCURRENTLY users_email_idx ON users (email);'],
  ['drop-index-non-concurrent', 'DROP INDEX users_email_idx;', 'DROP INDEX CONCURRENTLY IF EXISTS users_email_idx;'],
  ['reindex-non-concurrent', 'REINDEX INDEX users_email_idx;', 'REINDEX INDEX CONCURRENTLY users_email_idx;'],
  ['concurrently-in-transaction', 'BEGIN;\nCREATE INDEX CONCURRENTLY i ON users (email);\nCOMMIT;', 'CREATE INDEX CONCURRENTLY i ON users (email);'],
  ['concurrently-in-transaction', 'DROP INDEX CONCURRENTLY i;', 'COMMIT;\nDROP INDEX i2;', { assumeInTransaction: true }],
  ['add-column-not-null-no-default', 'ALTER TABLE users ADD COLUMN status text NOT NULL;', "ALTER TABLE users ADD COLUMN status text NOT NULL DEFAULT 'active';"],
  ['add-column-volatile-default', 'ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();', "ALTER TABLE users ADD COLUMN kind text DEFAULT 'x';"],
  ['add-column-volatile-default', 'ALTER TABLE users ADD COLUMN seen_at timestamptz DEFAULT clock_timestamp();', 'ALTER TABLE users ADD COLUMN seen_at timestamptz DEFAULT now();'],
  ['set-not-null', 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;', 'ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT users_email_nn;\nALTER TABLE users ALTER COLUMN email SET NOT NULL;'],
  ['change-column-type', 'ALTER TABLE users ALTER COLUMN age TYPE bigint;', 'ALTER TABLE users ALTER COLUMN name TYPE text;'],
  ['constraint-not-valid-missing', 'ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);', 'ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;'],
  ['constraint-not-valid-missing', 'ALTER TABLE orders ADD CONSTRAINT total_ck CHECK (total >= 0);', 'ALTER TABLE orders ADD CONSTRAINT total_ck CHECK (total >= 0) NOT VALID;'],
  ['unique-without-index', 'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);', 'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_idx;'],
  ['unique-without-index', 'ALTER TABLE users ADD PRIMARY KEY (id);', 'ALTER TABLE users ADD CONSTRAINT users_pkey PRIMARY KEY USING INDEX users_id_idx;'],
  ['rename-column', 'ALTER TABLE users RENAME COLUMN fullname TO full_name;', 'ALTER TABLE users ADD COLUMN full_name text;'],
  ['rename-table', 'ALTER TABLE users RENAME TO accounts;', 'CREATE VIEW accounts AS SELECT * FROM users;'],
  ['drop-column', 'ALTER TABLE users DROP COLUMN legacy;', 'ALTER TABLE users ADD COLUMN legacy2 text;'],
  ['drop-table', 'DROP TABLE sessions;', 'CREATE TABLE sessions2 (id bigint);\nDROP TABLE sessions2;'],
  ['drop-database', 'DROP DATABASE app;', 'SELECT 1;'],
  ['truncate-cascade', 'TRUNCATE users CASCADE;', 'TRUNCATE users;'],
  ['drop-not-null', 'ALTER TABLE users ALTER COLUMN email DROP NOT NULL;', 'SELECT 1;'],
  ['detach-partition-non-concurrent', 'ALTER TABLE events DETACH PARTITION events_2020;', 'ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY;'],
  ['vacuum-full', 'VACUUM FULL users;', 'VACUUM users;'],
  ['cluster', 'CLUSTER users USING users_pkey;', 'ANALYZE users;'],
  ['enum-add-value-unordered', "ALTER TYPE mood ADD VALUE 'meh';", "ALTER TYPE mood ADD VALUE 'meh' AFTER 'ok';"],
  ['prefer-jsonb', 'CREATE TABLE t (id bigint, doc json);', 'CREATE TABLE t (id bigint, doc jsonb);'],
  ['prefer-bigint-key', 'CREATE TABLE t (id serial PRIMARY KEY);', 'CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);'],
  ['prefer-bigint-key', 'CREATE TABLE t (id int, PRIMARY KEY (id));', 'CREATE TABLE t (id bigint, PRIMARY KEY (id));'],
  ['prefer-timestamptz', 'CREATE TABLE t (at timestamp);', 'CREATE TABLE t (at timestamptz);'],
  ['prefer-text', 'CREATE TABLE t (code char(3));', 'CREATE TABLE t (code text);'],
  ['lock-timeout-missing', 'ALTER TABLE users ADD COLUMN x text;', "SET lock_timeout = '2s';\nALTER TABLE users ADD COLUMN x text;", { requireLockTimeout: true }],
  ['syntax-error', 'ALTER TABLE users ADD COLUM x text;', 'ALTER TABLE users ADD COLUMN x text;'],
]

describe('SQL dangers', () => {
  // every row has 4 cells: a 3-cell row would make jest pass `done` as the 4th parameter
  test.each(cases.map(([id, bad, good, o]) => [id, bad, good, o ?? {}] as const))('%s: flags the failing case and not the passing one (%#)', (id, bad, good, o) => {
    expect(ids(bad, o)).toContain(id)
    expect(ids(good, o)).not.toContain(id)
  })

  test('every danger has a lock, a why and a fix', () => {
    for (const d of Object.values(DANGERS)) {
      expect(d.lock.length).toBeGreaterThan(0)
      expect(d.why.length).toBeGreaterThan(10)
      expect(d.fix.length).toBeGreaterThan(5)
    }
  })

  test('objects created in the same migration are exempt from lock dangers', () => {
    const sql = `CREATE TABLE widgets (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text);
CREATE INDEX widgets_name_idx ON widgets (name);
ALTER TABLE widgets ADD COLUMN owner_id bigint NOT NULL;
ALTER TABLE widgets ADD CONSTRAINT widgets_owner_fk FOREIGN KEY (owner_id) REFERENCES users (id);
ALTER TABLE widgets ALTER COLUMN name SET NOT NULL;`
    expect(ids(sql)).toEqual([])
  })

  test('statement lines come from stmt_location (comments and blank lines skipped), multi-line endLine', () => {
    const sql = `-- header\nSET lock_timeout = '1s';\n\n/* block\n comment */\nCREATE INDEX i\n  ON users (email);\nALTER TABLE users DROP COLUMN x;\n`
    const r = analyzeSql(pg, sql, base)
    expect(r.issues.map((i) => [i.id, i.line, i.endLine])).toEqual([
      ['create-index-non-concurrent', 6, 7],
      ['drop-column', 8, 8],
    ])
  })

  test('byte offsets are mapped to lines with multi-byte characters before the statement', () => {
    const sql = `COMMENT ON TABLE users IS 'Ünïcödé ✓ 😀';\nCREATE INDEX i ON users (email);`
    expect(analyzeSql(pg, sql, base).issues[0]).toMatchObject({ id: 'create-index-non-concurrent', line: 2 })
  })

  test('a syntax error is an issue at line:column of the parser cursor, and other statements are still checked', () => {
    const sql = `CREATE INDEX a ON users (email);\nSELECT 1;\nALTER TABLE users ADD COLUM x text;\nDROP TABLE old_stuff;\n`
    const r = analyzeSql(pg, sql, base)
    const err = r.issues.find((i) => i.id === 'syntax-error')!
    expect(err).toMatchObject({ line: 3, column: 31 })
    expect(err.detail).toContain('syntax error at or near "text"')
    expect(r.issues.map((i) => i.id)).toEqual(expect.arrayContaining(['create-index-non-concurrent', 'drop-table']))
  })

  test('a psql meta-command is a syntax error, not a crash', () => {
    const r = analyzeSql(pg, `\\set ON_ERROR_STOP on\nCREATE INDEX a ON users (email);`, base)
    expect(r.issues[0]).toMatchObject({ id: 'syntax-error', line: 1, column: 1 })
  })

  test('empty and comment-only files have no issue', () => {
    expect(ids('')).toEqual([])
    expect(ids('-- nothing here\n')).toEqual([])
  })

  test('a default on PostgreSQL 10 rewrites the table', () => {
    expect(ids("ALTER TABLE users ADD COLUMN kind text DEFAULT 'x';", { pgVersion: 10 })).toContain('add-column-volatile-default')
  })

  test('varchar(n) -> text and unbounded varchar are binary-coercible', () => {
    expect(ids('ALTER TABLE users ALTER COLUMN name TYPE varchar;')).toEqual([])
    expect(ids('ALTER TABLE users ALTER COLUMN name TYPE varchar(300);')).toContain('change-column-type')
  })
})
