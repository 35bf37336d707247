import { defineDanger } from './types.js'

/**
 * PostgreSQL forms MySQL (and MariaDB) has no grammar for: each one makes MySQL reject the statement. Checked on
 * the statement's text with its strings and comments blanked out; node-sql-parser is not the judge here, since it
 * also rejects valid MySQL.
 */
const FORMS: Array<{ test: RegExp; what: string; instead: (m: RegExpExecArray) => string }> = [
  {
    test: /^DROP\s+INDEX\s+(?:IF\s+EXISTS\s+)?([`\w$.]+)\s*$/i,
    what: 'DROP INDEX without ON <table>',
    instead: (m) => `DROP INDEX ${m[1]} ON <table>;`,
  },
  {
    test: /^(CREATE\s+(?:UNIQUE\s+)?INDEX|DROP\s+INDEX)\s+CONCURRENTLY\b/i,
    what: 'CONCURRENTLY',
    instead: (m) =>
      `${m[1].toUpperCase().replace(/\s+/g, ' ')} ... (InnoDB builds and drops secondary indexes in place, without CONCURRENTLY)`,
  },
  {
    test: /^ALTER\s+TABLE\s+([`\w$.]+)\s.*\bALTER\s+(?:COLUMN\s+)?([`\w$]+)\s+(?:SET\s+DATA\s+)?TYPE\s+([^,;]+)/is,
    what: 'ALTER COLUMN ... TYPE',
    instead: (m) => `ALTER TABLE ${m[1]} MODIFY ${m[2]} ${m[3].trim()};`,
  },
  {
    test: /^ALTER\s+TABLE\s+([`\w$.]+)\s.*\bALTER\s+(?:COLUMN\s+)?([`\w$]+)\s+(SET|DROP)\s+NOT\s+NULL\b/is,
    what: 'ALTER COLUMN ... SET/DROP NOT NULL',
    instead: (m) => `ALTER TABLE ${m[1]} MODIFY ${m[2]} <its type> ${m[3].toUpperCase() === 'SET' ? 'NOT NULL' : 'NULL'};`,
  },
  {
    test: /^ALTER\s+TABLE\s+([`\w$.]+)\s.*\b(NOT\s+VALID|VALIDATE\s+CONSTRAINT)\b/is,
    what: 'NOT VALID / VALIDATE CONSTRAINT',
    instead: (m) => `ALTER TABLE ${m[1]} ADD CONSTRAINT ... (MySQL checks every row as it adds a constraint)`,
  },
  { test: /[\w)'`]::[a-z]/i, what: 'a :: cast', instead: () => 'CAST(<value> AS <type>)' },
]

/**
 * The statement's text with its strings ('…', "…") and comments (`-- `, `#`, `/* *\/`) left out: only the SQL
 * around them is matched. One pass, so a hostile statement (an unterminated string of a million escaped quotes)
 * costs its length, not its square, as a regular expression over it would.
 */
function code(statement: string): string {
  const s = statement
  const n = s.length
  const parts: string[] = []
  let from = 0
  let i = 0
  const cut = (end: number, instead: string): void => {
    parts.push(s.slice(from, i), instead)
    i = end
    from = end
  }
  while (i < n) {
    const c = s[i]
    if (c === "'" || c === '"') {
      let j = i + 1
      while (j < n && s[j] !== c) j += s[j] === '\\' ? 2 : 1
      // a doubled quote stays inside the string
      while (j + 1 < n && s[j + 1] === c) {
        j += 2
        while (j < n && s[j] !== c) j += s[j] === '\\' ? 2 : 1
      }
      cut(Math.min(j + 1, n), "''")
    } else if (c === '#' || (c === '-' && s[i + 1] === '-' && /\s/.test(s[i + 2] ?? '\n'))) {
      const end = s.indexOf('\n', i)
      cut(end < 0 ? n : end, ' ')
    } else if (c === '/' && s[i + 1] === '*') {
      const end = s.indexOf('*/', i + 2)
      cut(end < 0 ? n : end + 2, ' ')
    } else i++
  }
  parts.push(s.slice(from))
  return parts.join('').trim()
}

/** The PostgreSQL form a MySQL statement uses, with the MySQL to write instead; undefined for none. */
export function foreignSyntax(statement: string): { what: string; instead: string } | undefined {
  const text = code(statement).replace(/;\s*$/, '')
  for (const f of FORMS) {
    const m = f.test.exec(text)
    if (m) return { what: f.what, instead: f.instead(m) }
  }
  return undefined
}

export default defineDanger({
  id: 'foreign-syntax',
  title: 'PostgreSQL syntax in a MySQL migration',
  lock: 'none: MySQL rejects the statement',
  why:
    'MySQL rejects the statement, and MySQL commits every DDL statement on its own, so the statements before it stay ' +
    'applied: the migration stops half-done and the database is left between two versions',
  fix: "write the statement in MySQL's syntax (a file kept per database is often copied from the PostgreSQL one)",
  detection:
    'MySQL files: PostgreSQL forms MySQL and MariaDB have no grammar for: DROP INDEX without ON <table>; CREATE/DROP ' +
    'INDEX CONCURRENTLY; ALTER COLUMN ... TYPE / SET DATA TYPE / SET NOT NULL / DROP NOT NULL; NOT VALID and VALIDATE ' +
    'CONSTRAINT; a :: cast (strings and comments left out)',
  level: 'fail',
  dialects: ['mysql'],
  recipe: (r) => r.value,
})
