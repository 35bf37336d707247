/**
 * foreign-syntax: PostgreSQL forms in a MySQL migration, which MySQL rejects halfway through a file it does not
 * run in a transaction (issue 14: ory/kratos e0cdbc9a, held-out-8, `DROP INDEX identities_nid_idx;` without
 * `ON identities` in a .mysql.up.sql file copied from the PostgreSQL one).
 */
import { foreignSyntax } from '../../../../src/rules/migration-safety/dangers/foreign-syntax.js'
import { dangerSuite, findings, type Case } from './cases.js'

const DIR = 'persistence/sql/migrations/sql'
const mysql = (up: string): Case => ({
  path: `${DIR}/20220512102703000000_missing_indices.mysql.up.sql`,
  text: up,
  files: [{ path: `${DIR}/20220512102703000000_missing_indices.mysql.down.sql`, status: 'added', head: 'SELECT 1;' }],
})

dangerSuite('foreign-syntax', {
  bad: [
    mysql('CREATE INDEX `identities_id_nid_idx` ON `identities` (id, nid);\nDROP INDEX `identities_nid_idx`;'),
    mysql('DROP INDEX IF EXISTS sessions_token_idx;'),
    mysql('CREATE INDEX CONCURRENTLY sessions_nid_idx ON sessions (nid);'),
    mysql('ALTER TABLE sessions ALTER COLUMN token TYPE VARCHAR(64);'),
    mysql('ALTER TABLE sessions ALTER COLUMN nid SET NOT NULL;'),
    mysql('ALTER TABLE sessions ADD CONSTRAINT sessions_nid_fk FOREIGN KEY (nid) REFERENCES networks (id) NOT VALID;'),
    mysql("UPDATE sessions SET aal = 'aal1'::text WHERE aal IS NULL;"),
  ],
  good: [
    mysql('DROP INDEX `identities_nid_idx` ON `identities`;\nDROP INDEX sessions_token_idx ON sessions;'),
    mysql("ALTER TABLE sessions ALTER COLUMN aal SET DEFAULT 'aal1', MODIFY token VARCHAR(64) NOT NULL;"),
    mysql("INSERT INTO notes (body) VALUES ('DROP INDEX x; ALTER COLUMN c TYPE int; a::text');"),
    mysql('-- ALTER TABLE sessions ALTER COLUMN token TYPE text;\n/* DROP INDEX x; */\nSELECT 1;'),
    // the same statements in a PostgreSQL file are PostgreSQL
    { path: `${DIR}/20220512102703000000_missing_indices.postgres.up.sql`, text: 'DROP INDEX IF EXISTS identities_nid_idx;' },
  ],
})

test('the finding names the form, its line, and the MySQL to write instead', async () => {
  const fs = await findings(mysql('CREATE INDEX a ON t (x);\n\nDROP INDEX `identities_nid_idx`;\nALTER TABLE t ALTER COLUMN c TYPE TEXT;'))
  const f = fs.filter((x) => x.code === 'foreign-syntax')
  expect(f.map((x) => x.line)).toEqual([3, 4])
  expect(f[0].message).toContain('DROP INDEX without ON <table> is PostgreSQL: MySQL rejects it')
  expect(f[0].message).toContain('the statements before it stay applied')
  expect(f[0].hint).toBe('DROP INDEX `identities_nid_idx` ON <table>;')
  expect(f[1].hint).toBe('ALTER TABLE t MODIFY c TEXT;')
})

test('forms: strings and comments are left out; MySQL ALTER COLUMN SET DEFAULT / DROP DEFAULT are MySQL', () => {
  expect(foreignSyntax('ALTER TABLE t ALTER COLUMN c DROP DEFAULT')).toBeUndefined()
  expect(foreignSyntax("ALTER TABLE t ALTER c SET DEFAULT 'x::y'")).toBeUndefined()
  expect(foreignSyntax('ALTER TABLE t ALTER c DROP NOT NULL')?.instead).toBe('ALTER TABLE t MODIFY c <its type> NULL;')
  expect(foreignSyntax('DROP INDEX CONCURRENTLY i')?.what).toBe('CONCURRENTLY')
  expect(foreignSyntax('ALTER TABLE t VALIDATE CONSTRAINT c')?.what).toBe('NOT VALID / VALIDATE CONSTRAINT')
})

test('a hostile statement (an unterminated string of escaped quotes) costs its length: no hang', async () => {
  // 100,000 escaped quotes and no closing one: a regular expression over it took time in the square of its length
  // (a 1 MB one took eight minutes), the scan that blanks strings now takes one pass
  const hostile = mysql(`UPDATE sessions SET aal = '${"\\'".repeat(100_000)}`)
  expect(await findings(hostile)).toEqual([])
  expect(foreignSyntax(`SELECT '${"\\'".repeat(100_000)}::text`)).toBeUndefined() // inside the string: no cast
  expect(foreignSyntax(`SELECT 'it''s' FROM t WHERE a = b::text`)?.what).toBe('a :: cast')
})
