import { defineDanger } from './types.js'

/** A MySQL identifier, back-quoted when it is not a plain name. */
const q = (s: string): string => (/^[a-z_][a-z0-9_$]*$/i.test(s) ? s : '`' + s.replace(/`/g, '``') + '`')

export default defineDanger({
  id: 'table-copy-alter',
  title: 'ALTER TABLE that MySQL runs by copying the table',
  lock: "MySQL's ALGORITHM=COPY: reads allowed, writes blocked until every row is copied to the new table",
  why:
    "changing a column's data type cannot be done in place: MySQL copies every row into a new table and blocks " +
    'writes for the whole copy, minutes to hours on a big table',
  fix:
    'run the change with an online schema-change tool (gh-ost, pt-online-schema-change), or change the type in ' +
    'steps MySQL does in place (a VARCHAR widened within 255 bytes); ALGORITHM=INPLACE, LOCK=NONE on the ALTER ' +
    'makes MySQL refuse a copy instead of blocking writes',
  detection:
    "MySQL files (read with MySQL's grammar): MODIFY / CHANGE COLUMN whose type differs from the column's type " +
    "before it (from the migration's rollback file, else from the folder's earlier MySQL migrations), on a table " +
    'the migration does not create; the same type with other NULL / DEFAULT attributes and a VARCHAR widened within ' +
    'its length prefix (255 bytes, 63 characters at utf8mb4) are in place; nothing without a known type before, or ' +
    'when the ALTER names its ALGORITHM or LOCK; a statement the grammar cannot read, nested more than 3 parentheses deep ' +
    "or past the run's 5 s of MySQL parsing is listed as not checked (MySQL syntax)",
  level: 'fail',
  lockDanger: true,
  scalesWithTable: true,
  dialects: ['mysql'],
  recipe: (r) =>
    r.table && r.column && r.type
      ? `gh-ost --database=<db> --table=${q(r.table)} --alter="MODIFY ${q(r.column)} ${r.type}" --execute ` +
        `(or: pt-online-schema-change --alter "MODIFY ${q(r.column)} ${r.type}" D=<db>,t=${q(r.table)} --execute)`
      : undefined,
})
