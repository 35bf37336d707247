/**
 * migration-safety, stage 3 (render): the findings, notes and per-file table rows the stages report, in the
 * order they report them, and the rule's output made of them (tables, summary, data).
 */
import type { ChangedFile, Finding, Level, Note, RuleOutput, RuleTable } from '../../types.js'
import { DANGERS, type DangerId } from './dangers.js'
import { DIALECT_NAMES } from './dangers/types.js'
import type { MigrationFile } from './detect.js'
import type { DialectInfo } from './dialect.js'
import { capLevel, levelFor, type MigrationSafetyOptions } from './options.js'

export interface FileReport {
  path: string
  rows: string[][]
  findings: Finding[]
  statements: number
  suppressed: number
}

export const oneLine = (s: string): string => s.replace(/\s*\n\s*/g, ' ')

/** What was not checked in a file of this dialect (the dialect table's last column). */
export function coverage(d: DialectInfo, mig: MigrationFile): string {
  const name = DIALECT_NAMES[d.dialect]
  switch (d.dialect) {
    case 'postgres':
      return d.assumed ? 'all dangers (PostgreSQL assumed: no dialect in the file name, folder or tool configuration)' : 'all dangers'
    case 'cockroach':
      return (
        'not checked (CockroachDB): lock and rewrite dangers, since CockroachDB changes schemas online; ' +
        'checked: data loss, renames, backfills, missing rollback, edits'
      )
    case 'sqlite':
      return (
        'not checked (SQLite): lock dangers and table rebuilds (SQLite alters tables by copying them); ' +
        (mig.kind === 'sql' ? 'the SQL is not parsed' : 'checked: drops, renames, missing rollback, edits')
      )
    case 'mysql':
      if (mig.kind === 'sql')
        return (
          'not checked (MySQL): lock dangers other than a type change that copies the table (the SQL is read with ' +
          "MySQL's grammar, never as PostgreSQL); checked: type changes (table-copy-alter), PostgreSQL syntax MySQL " +
          'rejects (foreign-syntax), edits of merged migrations, missing rollback'
        )
      return coverageOther(name, mig)
    default:
      return coverageOther(name, mig)
  }
}

/** MySQL ORM files and the dialects nothing reads: what the dialect-independent dangers cover. */
function coverageOther(name: string, mig: MigrationFile): string {
  return (
    `not checked (${name}): PostgreSQL lock dangers` +
    (mig.kind === 'sql'
      ? ' (the SQL is not parsed as PostgreSQL); checked: edits of merged migrations, missing rollback'
      : ' and embedded SQL; checked: drops, renames, backfills, missing rollback, edits')
  )
}

/** A suppression comment or framework waiver that took a danger out. */
export interface Listed {
  path: string
  line: number
  id: string
  reason: string
}

/** What the stages report, in the order they report it, and the rule's output made of it. */
export class Output {
  readonly findings: Finding[] = []
  readonly notes: Note[] = []
  readonly suppressionsListed: Listed[] = []
  private readonly reports: FileReport[] = []
  private readonly dialectRows: string[][] = []
  private readonly notChecked = new Map<string, number>()
  private readonly dialectCount = new Map<string, number>()
  private statements = 0

  constructor(private readonly opts: MigrationSafetyOptions) {}

  /** The table rows and findings of one migration file, listed in the order of the files. */
  report(path: string): FileReport {
    const report: FileReport = { path, rows: [], findings: [], statements: 0, suppressed: 0 }
    this.reports.push(report)
    return report
  }

  /** A file analysed: its statements count in the summary. */
  counted(report: FileReport, statements: number): void {
    this.statements += statements
    report.statements = statements
  }

  error(path: string, code: string, message: string): void {
    this.findings.push({ kind: 'error', path, code, message })
  }

  /** The dialect of a migration file: its row in the dialect table, and a notice when it is not fully checked. */
  dialect(file: ChangedFile, mig: MigrationFile, dialect: DialectInfo): void {
    const checked = coverage(dialect, mig)
    const shown = DIALECT_NAMES[dialect.dialect] + (dialect.assumed ? ' (assumed)' : '')
    this.dialectRows.push([file.path, shown, dialect.source, checked])
    this.dialectCount.set(shown, (this.dialectCount.get(shown) ?? 0) + 1)
    if (checked.startsWith('not checked')) {
      this.notChecked.set(DIALECT_NAMES[dialect.dialect], (this.notChecked.get(DIALECT_NAMES[dialect.dialect]) ?? 0) + 1)
      this.findings.push({
        kind: 'info',
        path: file.path,
        code: 'dialect',
        level: 'notice',
        message: `${DIALECT_NAMES[dialect.dialect]} migration (from the ${dialect.source}): ${checked}.`,
      })
    }
  }

  /** A danger reported at its level, capped at `cap` (`capWhy` says why in the table); nothing at level off. */
  pushFinding(
    report: FileReport,
    id: DangerId,
    f: Omit<Finding, 'code' | 'level'>,
    statement: string,
    fix: string,
    cap?: Level,
    capWhy = 'rollback',
  ): void {
    let level = levelFor(id, this.opts)
    if (cap) level = capLevel(level, cap)
    if (level === 'off') return
    const finding: Finding = { ...f, code: id, level, kind: 'violation' }
    report.findings.push(finding)
    this.findings.push(finding)
    report.rows.push([
      f.line ? String(f.line) : '',
      statement,
      id + (cap && level !== levelFor(id, this.opts) ? ` (${capWhy}: ${level})` : ''),
      DANGERS[id].lock,
      oneLine(fix),
    ])
  }

  /**
   * The rule's output: the suppressions listed as notices; an error for each file the checks needed that could
   * not be read (`readFailures`: the result is incomplete, so the rule is not evaluated, on_error); the tables,
   * the summary and the data.
   */
  render(migrations: ReadonlyArray<{ file: ChangedFile; mig: MigrationFile }>, readFailures: ReadonlyMap<string, string>): RuleOutput {
    for (const s of this.suppressionsListed) {
      this.findings.push({
        kind: 'info',
        path: s.path,
        line: s.line,
        code: s.id,
        level: 'notice',
        message: `Suppressed ${s.id}: ${s.reason}`,
      })
    }
    const unreadableReported = new Set(this.findings.filter((f) => f.kind === 'error').map((f) => f.path))
    for (const [key, what] of readFailures) {
      const path = key.slice(key.indexOf(':') + 1)
      if (unreadableReported.has(path)) continue
      unreadableReported.add(path)
      this.error(path, 'unreadable', `Could not read ${what}: the migration checks that need it were not completed.`)
    }
    return {
      findings: this.findings,
      summary: this.summary(migrations.length),
      tables: this.tables(),
      notes: this.notes,
      data: {
        migrations: migrations.map((m, i) => ({
          path: m.file.path,
          layout: m.mig.layout,
          status: m.file.status,
          dialect: this.dialectRows[i]?.[1],
          dialect_source: this.dialectRows[i]?.[2],
        })),
        suppressions: this.suppressionsListed,
      },
    }
  }

  private tables(): RuleTable[] {
    const tables: RuleTable[] = this.reports
      .filter((r) => r.rows.length > 0)
      .map((r) => ({
        title: r.path,
        columns: ['Line', 'Statement', 'Danger', 'Lock', 'Fix'],
        rows: r.rows.sort((a, b) => Number(a[0] || 0) - Number(b[0] || 0)),
      }))
    tables.push({
      title: 'Dialect of each migration file',
      columns: ['File', 'Dialect', 'Detected from', 'Checked'],
      rows: this.dialectRows,
    })
    return tables
  }

  private summary(files: number): string {
    const dangers = this.findings.filter((f) => f.kind === 'violation').length
    const suppressed = this.suppressionsListed.length
    const errors = this.findings.filter((f) => f.kind === 'error').length
    const skipped = [...this.notChecked].map(([d, n]) => `${n} ${d}`).join(', ')
    const statements = this.statements
    return (
      `${files} migration file${files === 1 ? '' : 's'}, ${statements} statement${statements === 1 ? '' : 's'}: ` +
      (dangers ? `${dangers} danger${dangers === 1 ? '' : 's'}` : 'no danger') +
      (suppressed ? `, ${suppressed} suppressed` : '') +
      (errors ? `, ${errors} not analysed` : '') +
      (skipped ? ` (partly or not checked: ${skipped})` : '') +
      `; dialect: ${[...this.dialectCount].map(([d, n]) => (this.dialectCount.size > 1 ? `${d} ${n}` : d)).join(', ')}`
    )
  }
}
