import { CHUNK_BYTES, analyzeSql, chunkCuts, type SqlOptions } from '../../../src/rules/migration-safety/sql.js'
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
  [
    'create-index-non-concurrent',
    'CREATE INDEX users_email_idx ON users (email);',
    'CREATE INDEX CONCURRENTLY users_email_idx ON users (email);',
  ],
  ['drop-index-non-concurrent', 'DROP INDEX users_email_idx;', 'DROP INDEX CONCURRENTLY IF EXISTS users_email_idx;'],
  ['reindex-non-concurrent', 'REINDEX INDEX users_email_idx;', 'REINDEX INDEX CONCURRENTLY users_email_idx;'],
  [
    'concurrently-in-transaction',
    'BEGIN;\nCREATE INDEX CONCURRENTLY i ON users (email);\nCOMMIT;',
    'CREATE INDEX CONCURRENTLY i ON users (email);',
  ],
  ['concurrently-in-transaction', 'DROP INDEX CONCURRENTLY i;', 'COMMIT;\nDROP INDEX i2;', { assumeInTransaction: true }],
  [
    'add-column-not-null-no-default',
    'ALTER TABLE users ADD COLUMN status text NOT NULL;',
    "ALTER TABLE users ADD COLUMN status text NOT NULL DEFAULT 'active';",
  ],
  [
    'add-column-volatile-default',
    'ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();',
    "ALTER TABLE users ADD COLUMN kind text DEFAULT 'x';",
  ],
  [
    'add-column-volatile-default',
    'ALTER TABLE users ADD COLUMN seen_at timestamptz DEFAULT clock_timestamp();',
    'ALTER TABLE users ADD COLUMN seen_at timestamptz DEFAULT now();',
  ],
  [
    'set-not-null',
    'ALTER TABLE users ALTER COLUMN email SET NOT NULL;',
    'ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT users_email_nn;\nALTER TABLE users ALTER COLUMN email SET NOT NULL;',
  ],
  ['change-column-type', 'ALTER TABLE users ALTER COLUMN age TYPE bigint;', 'ALTER TABLE users ALTER COLUMN name TYPE text;'],
  [
    'constraint-not-valid-missing',
    'ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);',
    'ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;',
  ],
  [
    'constraint-not-valid-missing',
    'ALTER TABLE orders ADD CONSTRAINT total_ck CHECK (total >= 0);',
    'ALTER TABLE orders ADD CONSTRAINT total_ck CHECK (total >= 0) NOT VALID;',
  ],
  [
    'unique-without-index',
    'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);',
    'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_idx;',
  ],
  [
    'unique-without-index',
    'ALTER TABLE users ADD PRIMARY KEY (id);',
    'ALTER TABLE users ADD CONSTRAINT users_pkey PRIMARY KEY USING INDEX users_id_idx;',
  ],
  ['rename-column', 'ALTER TABLE users RENAME COLUMN fullname TO full_name;', 'ALTER TABLE users ADD COLUMN full_name text;'],
  ['rename-table', 'ALTER TABLE users RENAME TO accounts;', 'CREATE VIEW accounts AS SELECT * FROM users;'],
  ['drop-column', 'ALTER TABLE users DROP COLUMN legacy;', 'ALTER TABLE users ADD COLUMN legacy2 text;'],
  ['drop-table', 'DROP TABLE sessions;', 'CREATE TABLE sessions2 (id bigint);\nDROP TABLE sessions2;'],
  ['drop-database', 'DROP DATABASE app;', 'SELECT 1;'],
  ['truncate-cascade', 'TRUNCATE users CASCADE;', 'TRUNCATE users;'],
  ['drop-not-null', 'ALTER TABLE users ALTER COLUMN email DROP NOT NULL;', 'SELECT 1;'],
  [
    'detach-partition-non-concurrent',
    'ALTER TABLE events DETACH PARTITION events_2020;',
    'ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY;',
  ],
  ['vacuum-full', 'VACUUM FULL users;', 'VACUUM users;'],
  ['cluster', 'CLUSTER users USING users_pkey;', 'ANALYZE users;'],
  ['enum-add-value-unordered', "ALTER TYPE mood ADD VALUE 'meh';", "ALTER TYPE mood ADD VALUE 'meh' AFTER 'ok';"],
  ['prefer-jsonb', 'CREATE TABLE t (id bigint, doc json);', 'CREATE TABLE t (id bigint, doc jsonb);'],
  ['prefer-bigint-key', 'CREATE TABLE t (id serial PRIMARY KEY);', 'CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);'],
  ['prefer-bigint-key', 'CREATE TABLE t (id int, PRIMARY KEY (id));', 'CREATE TABLE t (id bigint, PRIMARY KEY (id));'],
  ['prefer-timestamptz', 'CREATE TABLE t (at timestamp);', 'CREATE TABLE t (at timestamptz);'],
  ['prefer-text', 'CREATE TABLE t (code char(3));', 'CREATE TABLE t (code text);'],
  [
    'lock-timeout-missing',
    'ALTER TABLE users ADD COLUMN x text;',
    "SET lock_timeout = '2s';\nALTER TABLE users ADD COLUMN x text;",
    { requireLockTimeout: true },
  ],
  ['syntax-error', 'ALTER TABLE users ADD COLUM x text;', 'ALTER TABLE users ADD COLUMN x text;'],
]

describe('SQL dangers', () => {
  // every row has 4 cells: a 3-cell row would make jest pass `done` as the 4th parameter
  test.each(cases.map(([id, bad, good, o]) => [id, bad, good, o ?? {}] as const))(
    '%s: flags the failing case and not the passing one (%#)',
    (id, bad, good, o) => {
      expect(ids(bad, o)).toContain(id)
      expect(ids(good, o)).not.toContain(id)
    },
  )

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

  test('the syntax error cursor counts characters as PostgreSQL does: an emoji before it is one character', () => {
    // the cursor counts code points from the start of the statement; the column is in the editor's units
    const sql = `SELECT 1;\nALTER TABLE "t😀" /* 𝄞 Ünï */ ADD COLUM x text;\n`
    const err = analyzeSql(pg, sql, base).issues.find((i) => i.id === 'syntax-error')!
    expect(err).toMatchObject({ line: 2, column: sql.split('\n')[1].indexOf('text') + 1 })
    expect(err.detail).toContain('"text"')
  })

  test('a NUL byte is a syntax error at its position, and the rest of the file is still checked', () => {
    const sql = `CREATE INDEX a ON users (email);\n-- \u0000 stray\nDROP TABLE old_stuff;\n`
    const r = analyzeSql(pg, sql, base)
    expect(r.issues.map((i) => [i.id, i.line])).toEqual([
      ['syntax-error', 2],
      ['create-index-non-concurrent', 1],
      ['drop-table', 3],
    ])
    expect(r.issues[0]).toMatchObject({ column: 4, detail: expect.stringContaining('NUL byte') })
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

describe('large files are parsed in chunks', () => {
  // Statements whose text holds `;` + newline where a cut may land: a string, a quoted identifier, a dollar
  // quote, a block comment, a BEGIN ATOMIC body. Chunks of 1 byte cut after every `;` that ends a line.
  const tricky = [
    '-- header comment; with a semicolon;',
    'CREATE TABLE fresh (id bigint PRIMARY KEY, doc json);',
    "INSERT INTO notes VALUES ('first line;\nsecond line;\n');",
    'ALTER TABLE "odd;\nname" DROP COLUMN legacy;',
    'CREATE FUNCTION f() RETURNS int AS $body$\nBEGIN\n  PERFORM 1;\n  RETURN 1;\nEND\n$body$ LANGUAGE plpgsql;',
    '/* block comment;\n still the comment;\n */ CREATE INDEX later_idx ON users (email);',
    'CREATE FUNCTION g() RETURNS int LANGUAGE sql BEGIN ATOMIC\n  SELECT 1;\n  SELECT 2;\nEND;',
    'ALTER TABLE fresh ADD COLUMN n int NOT NULL; -- quality-gate: ignore add-column-not-null-no-default new table',
    'ALTER TABLE users ALTER COLUMN email SET NOT NULL; /* nested /* comment */ still; */ ;;',
    '-- windows line end\r\nCREATE INDEX crlf_idx ON users (email /* inside */);\r',
  ]
  const sql =
    Array.from({ length: 30 }, (_, i) => tricky.map((t) => t.replaceAll('fresh', `fresh_${i}`)).join('\n')).join('\n') +
    '\n-- trailing comment\n'

  test('the cuts fall after a `;` that ends a line and cover the file', () => {
    const bytes = Buffer.from(sql)
    const cuts = chunkCuts(bytes, 100)
    expect(cuts[0][0]).toBe(0)
    expect(cuts[cuts.length - 1][1]).toBe(bytes.length)
    for (let i = 1; i < cuts.length; i++) {
      expect(cuts[i][0]).toBe(cuts[i - 1][1])
      expect(bytes[cuts[i][0] - 1]).toBe(59)
      expect([10, 13]).toContain(bytes[cuts[i][0]])
    }
    expect(chunkCuts(bytes).length).toBe(Math.ceil(bytes.length / CHUNK_BYTES))
    // CRLF files are cut too
    const crlf = Buffer.from(sql.replaceAll('\n', '\r\n'))
    expect(chunkCuts(crlf, 100).length).toBeGreaterThan(10)
    expect(analyzeSql(pg, crlf.toString(), base, 100)).toEqual(analyzeSql(pg, crlf.toString(), base, Number.MAX_SAFE_INTEGER))
  })

  test.each([1, 100, 4096])('chunks of %i bytes give exactly the one-piece result', (size) => {
    const whole = analyzeSql(pg, sql, base, Number.MAX_SAFE_INTEGER)
    expect(whole.count).toBe(30 * 9)
    // the comments found stretch by stretch are the scanner's comments over the whole file
    const lineOf = (byte: number): number => Buffer.from(sql).subarray(0, byte).toString().split('\n').length
    const scanned = pg
      .scanSync(sql)
      .tokens.filter((t) => t.tokenName.endsWith('_COMMENT'))
      .map((t) => ({ line: lineOf(t.start), text: t.text }))
    expect(scanned.length).toBe(30 * 6 + 1)
    expect(whole.comments).toEqual(scanned)
    expect(analyzeSql(pg, sql, base, size)).toEqual(whole)
  })

  test('a syntax error in a later chunk: the chunks before and the statements after are still analysed', () => {
    const good = Array.from({ length: 50 }, (_, i) => `CREATE INDEX i_${i} ON t_${i} (c);`)
    const bad = [...good.slice(0, 40), 'ALTER TABLE users ADD COLUM x text;', ...good.slice(40)].join('\n') + '\n'
    for (const size of [1, 256, Number.MAX_SAFE_INTEGER]) {
      const r = analyzeSql(pg, bad, base, size)
      expect(r.issues.filter((i) => i.id === 'create-index-non-concurrent').map((i) => i.line)).toEqual([
        ...Array.from({ length: 40 }, (_, i) => i + 1),
        ...Array.from({ length: 10 }, (_, i) => i + 42),
      ])
      expect(r.issues.find((i) => i.id === 'syntax-error')).toMatchObject({ line: 41, column: 31 })
    }
  })

  test('comments around a syntax error are each found once, as the scanner finds them', () => {
    const sql =
      '-- head\nCREATE INDEX a ON t (c); -- after a\n/* block */ ALTER TABLE t ADD COLUM x int; -- bad\n-- before b\nCREATE INDEX b ON t (c /* inside */);\n-- tail\n'
    const scanned = pg
      .scanSync(sql)
      .tokens.filter((t) => t.tokenName.endsWith('_COMMENT'))
      .map((t) => t.text)
    expect(scanned).toEqual(['-- head', '-- after a', '/* block */', '-- bad', '-- before b', '/* inside */', '-- tail'])
    for (const size of [1, Number.MAX_SAFE_INTEGER]) {
      const r = analyzeSql(pg, sql, base, size)
      expect(r.comments.map((c) => c.text)).toEqual(scanned)
      expect(r.comments.map((c) => c.line)).toEqual([1, 2, 3, 3, 4, 5, 6])
      expect(r.issues.map((i) => i.id)).toEqual(['create-index-non-concurrent', 'syntax-error', 'create-index-non-concurrent'])
    }
  })

  test('a chunk that is all comment, before a chunk that does not parse: its comment is kept (found by fuzzing)', () => {
    // the first cut falls after the comment line's `('a;`: chunk 1 is only the comment; chunk 2 does not parse
    const sql = "-- note ('a;\nb c; CREATE INDEX i ON t (c);\n"
    const whole = analyzeSql(pg, sql, base, Number.MAX_SAFE_INTEGER)
    expect(whole.comments).toEqual([{ line: 1, text: "-- note ('a;" }])
    expect(whole.issues.map((i) => i.id)).toEqual(['syntax-error', 'create-index-non-concurrent'])
    expect(analyzeSql(pg, sql, base, 1)).toEqual(whole)
  })

  test('a string left open: one syntax error where the parser stops; chunks already parsed keep their findings', () => {
    const open = "CREATE INDEX a ON t (c);\nINSERT INTO t VALUES ('never;\nclosed);\nCREATE INDEX b ON t (c);\n"
    // one piece: the scanner cannot split an unterminated string either, so the file is one error
    const whole = analyzeSql(pg, open, base, Number.MAX_SAFE_INTEGER)
    expect(whole.issues.map((i) => i.id)).toEqual(['syntax-error'])
    // in chunks, the first statement parsed before the open string and is still analysed
    const chunked = analyzeSql(pg, open, base, 1)
    expect(chunked.issues.map((i) => i.id)).toEqual(['create-index-non-concurrent', 'syntax-error'])
    expect(chunked.issues[1]).toEqual(whole.issues[0])
  })
})
