/**
 * Which database a migration file runs on, per file. First answer wins:
 *  1. the policy, per glob (`dialects: [{ paths, dialect }]`);
 *  2. the file name: a dialect part before the extension, as gobuffalo/pop and others write one file per
 *     database (`x.mysql.up.sql`, `x.sqlite3.up.sql`, `x.cockroach.up.sql`, `x.postgres.up.sql`);
 *  3. a folder of the path named after a database (`mysql/`, `sqlite/`, `postgres(ql)/`, Flyway's
 *     `db/migration/{vendor}`);
 *  4. the policy, globally (`dialect:` other than `auto`);
 *  5. the tool's configuration, read at the head (else the base) of the PR: Prisma `migration_lock.toml`
 *     provider, Rails `config/database.yml` adapter (else the Gemfile's driver gem), Django `ENGINE` of the
 *     settings module `manage.py` names, Alembic's URL in `alembic.ini` / `env.py`;
 *  6. the SQL itself, for markers no PostgreSQL file has (backquoted identifiers, ENGINE=InnoDB,
 *     AUTO_INCREMENT, AUTOINCREMENT, PRAGMA, GO batches, [dbo]);
 *  7. otherwise PostgreSQL (assumed).
 */
import { matchesAny } from '../../change/glob.js'
import type { Dialect } from './dangers/types.js'
import type { MigrationFile } from './detect.js'

export interface DialectInfo {
  dialect: Dialect
  /** Where it was learnt, for the output ("file name", "folder mysql/", "config/database.yml", ...). */
  source: string
  /** Not detected: PostgreSQL by default. */
  assumed?: boolean
}

export interface DialectPolicy {
  dialect: Dialect | 'auto'
  dialects: ReadonlyArray<{ paths: readonly string[]; dialect: Dialect }>
}

const WORDS: Array<[RegExp, Dialect]> = [
  [/^(postgres|postgresql|pg|pgsql|psql)$/, 'postgres'],
  [/^(mysql\d*|mariadb)$/, 'mysql'],
  [/^(sqlite|sqlite3)$/, 'sqlite'],
  [/^(cockroach|cockroachdb|crdb)$/, 'cockroach'],
  [/^(mssql|sqlserver|tsql)$/, 'sqlserver'],
  [/^(oracle|oracledb)$/, 'oracle'],
  [/^(h2|hsqldb|derby|db2|sybase|informix|firebird|clickhouse|snowflake|redshift|spanner|tidb)$/, 'other'],
]

function word(w: string): Dialect | undefined {
  const s = w.toLowerCase()
  for (const [re, d] of WORDS) if (re.test(s)) return d
  return undefined
}

/** A dialect named in the file name, between the name and the extension(s): `x.mysql.up.sql`. */
export function dialectOfFileName(path: string): Dialect | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1)
  const parts = base.split('.')
  for (let i = 1; i < parts.length - 1; i++) {
    const d = word(parts[i])
    if (d) return d
  }
  return undefined
}

/** A folder of the path named after a database: `db/migration/mysql/V1__x.sql`. */
export function dialectOfFolder(path: string): { dialect: Dialect; folder: string } | undefined {
  const dirs = path.split('/').slice(0, -1)
  for (let i = dirs.length - 1; i >= 0; i--) {
    const d = word(dirs[i])
    if (d) return { dialect: d, folder: dirs[i] }
  }
  return undefined
}

/** Driver names in URLs, adapters and engines. */
function driver(s: string): Dialect | undefined {
  const t = s.toLowerCase()
  if (/cockroach/.test(t)) return 'cockroach'
  if (/postgres|postgis|psycopg|asyncpg|\bpg\b/.test(t)) return 'postgres'
  if (/mysql|mariadb|trilogy/.test(t)) return 'mysql'
  if (/sqlite/.test(t)) return 'sqlite'
  if (/mssql|sqlserver|sql_server|pyodbc|tds/.test(t)) return 'sqlserver'
  if (/oracle|oci8/.test(t)) return 'oracle'
  return undefined
}

/** Prisma's migration_lock.toml: `provider = "postgresql"`. */
export function prismaProvider(toml: string): Dialect | undefined {
  const m = /^\s*provider\s*=\s*"([^"]+)"/m.exec(toml)
  return m ? driver(m[1]) : undefined
}

/** Rails config/database.yml: the production adapter, else the first one (ERB defaults included). */
export function railsAdapter(yml: string): Dialect | undefined {
  const lines = yml.split(/\r?\n/)
  const adapters: Array<{ line: number; d: Dialect | undefined }> = []
  let production = -1
  lines.forEach((l, i) => {
    if (/^production\s*:/.test(l)) production = i
    const m = /^\s*adapter\s*:\s*(.+)$/.exec(l)
    if (m) adapters.push({ line: i, d: driver(m[1]) })
  })
  const prod = production >= 0 ? adapters.find((a) => a.line > production && a.d) : undefined
  return (prod ?? adapters.find((a) => a.d))?.d
}

/** Gemfile driver gems, when database.yml is not committed. */
export function gemfileDriver(gemfile: string): Dialect | undefined {
  const has = (g: string): boolean => new RegExp(`^\\s*gem\\s+["']${g}["']`, 'm').test(gemfile)
  if (has('activerecord-cockroachdb-adapter')) return 'cockroach'
  if (has('pg')) return 'postgres'
  if (has('mysql2') || has('trilogy')) return 'mysql'
  if (has('sqlite3')) return 'sqlite'
  return undefined
}

/** Django settings: the ENGINE of the default database. */
export function djangoEngine(settings: string): Dialect | undefined {
  for (const l of settings.split(/\r?\n/)) {
    if (/ENGINE['"]?\s*[:=]/.test(l)) {
      const d = driver(l.replace(/.*ENGINE['"]?\s*[:=]/, ''))
      if (d) return d
    }
  }
  const url = /(?:default|DATABASE_URL)[^\n]*?\b(postgres(?:ql)?|mysql|sqlite|cockroachdb)(?:\+\w+)?:\/\//.exec(settings)
  return url ? driver(url[1]) : undefined
}

/** Alembic: the scheme of a SQLAlchemy URL (alembic.ini sqlalchemy.url, env.py). */
export function sqlalchemyUrl(text: string): Dialect | undefined {
  const m = /\b(postgres(?:ql)?|mysql|mariadb|sqlite|mssql|oracle|cockroachdb)(?:\+\w+)?:\/\//.exec(text)
  return m ? driver(m[1]) : undefined
}

/** Markers of other databases in SQL text that PostgreSQL would reject anyway (comments ignored). */
export function sniffSql(sql: string): Dialect | undefined {
  const code = sql
    .replace(/--[^\n]*/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/'(?:[^']|'')*'/g, "''")
  if (
    /`[^`\n]+`/.test(code) ||
    /\bENGINE\s*=\s*\w+/i.test(code) ||
    /\bAUTO_INCREMENT\b/i.test(code) ||
    /\bMODIFY\s+(COLUMN\s+)?`?\w/i.test(code) ||
    /\bUNSIGNED\b/i.test(code)
  )
    return 'mysql'
  if (/\bAUTOINCREMENT\b/i.test(code) || /^\s*PRAGMA\b/im.test(code) || /\bWITHOUT\s+ROWID\b/i.test(code)) return 'sqlite'
  if (/^\s*GO\s*$/im.test(code) || /\[dbo\]/i.test(code) || /\bNVARCHAR\s*\(\s*MAX\s*\)/i.test(code)) return 'sqlserver'
  return undefined
}

function dirOf(p: string): string {
  const i = p.lastIndexOf('/')
  return i < 0 ? '' : p.slice(0, i)
}
const join = (d: string, f: string): string => (d ? `${d}/${f}` : f)

/** The directories from `dir` up to the repository root. */
function ancestors(dir: string): string[] {
  const out: string[] = []
  let d = dir
  for (;;) {
    out.push(d)
    if (!d) return out
    d = dirOf(d)
  }
}

export type Reader = (path: string) => Promise<string | undefined>

/**
 * The configuration files the detection reads for one migration (declared here, read through the change
 * set's readHead/readBase and cached per path by the caller): see configFor.
 */
export async function fromConfig(path: string, mig: MigrationFile, read: Reader): Promise<DialectInfo | undefined> {
  const dir = dirOf(path)
  if (mig.layout === 'prisma') {
    const lock = join(dirOf(dir), 'migration_lock.toml')
    const text = await read(lock)
    const d = text ? prismaProvider(text) : undefined
    if (d) return { dialect: d, source: lock }
  }
  if (mig.kind === 'rails') {
    const i = path.lastIndexOf('db/migrate/')
    const root = i <= 0 ? '' : path.slice(0, i - 1)
    for (const f of ['config/database.yml', 'config/database.yml.example', 'config/database.yml.sample']) {
      const text = await read(join(root, f))
      const d = text ? railsAdapter(text) : undefined
      if (d) return { dialect: d, source: join(root, f) }
    }
    const gem = await read(join(root, 'Gemfile'))
    const d = gem ? gemfileDriver(gem) : undefined
    if (d) return { dialect: d, source: join(root, 'Gemfile') }
  }
  if (mig.kind === 'python' && mig.flavour === 'django') {
    for (const a of ancestors(dirOf(dir)).slice(0, 4)) {
      const manage = await read(join(a, 'manage.py'))
      const m = manage ? /DJANGO_SETTINGS_MODULE["']\s*,\s*["']([\w.]+)["']/.exec(manage) : null
      if (!m) continue
      const mod = m[1].replace(/\./g, '/')
      for (const f of [`${mod}.py`, `${mod}/__init__.py`, `${mod}/base.py`, `${mod}/production.py`]) {
        const text = await read(join(a, f))
        const d = text ? djangoEngine(text) : undefined
        if (d) return { dialect: d, source: join(a, f) }
      }
    }
  }
  if (mig.kind === 'python' && mig.flavour === 'alembic') {
    const scriptDir = dirOf(dir)
    for (const f of [
      join(scriptDir, 'env.py'),
      ...ancestors(dirOf(scriptDir))
        .slice(0, 3)
        .map((a) => join(a, 'alembic.ini')),
    ]) {
      const text = await read(f)
      const d = text ? sqlalchemyUrl(text) : undefined
      if (d) return { dialect: d, source: f }
    }
  }
  return undefined
}

/** The dialect of one migration file. `content` is its text at the head, when read. */
/** Per-database files of the same migration beside a generic one: `x.postgres.up.sql` beside `x.up.sql`. */
const SIBLING_WORDS: Array<[string, Dialect]> = [
  ['postgres', 'postgres'],
  ['postgresql', 'postgres'],
  ['cockroach', 'cockroach'],
  ['crdb', 'cockroach'],
]

async function dialectSiblings(path: string, read: Reader): Promise<Set<Dialect>> {
  const slash = path.lastIndexOf('/') + 1
  const base = path.slice(slash)
  const dot = base.indexOf('.')
  const out = new Set<Dialect>()
  if (dot <= 0) return out
  for (const [w, d] of SIBLING_WORDS) {
    if (out.has(d)) continue
    if ((await read(path.slice(0, slash) + base.slice(0, dot) + '.' + w + base.slice(dot))) !== undefined) out.add(d)
  }
  return out
}

export async function detectDialect(
  path: string,
  mig: MigrationFile,
  policy: DialectPolicy,
  read: Reader,
  content?: string,
): Promise<DialectInfo> {
  for (const d of policy.dialects) if (matchesAny(path, d.paths)) return { dialect: d.dialect, source: 'policy (dialects)' }
  const name = dialectOfFileName(path)
  if (name) return { dialect: name, source: 'file name' }
  const sibling = mig.kind === 'sql' ? await dialectSiblings(path, read) : undefined
  if (sibling?.has('postgres')) {
    // gobuffalo/pop: a database with its own file runs that file, the others run the generic one.
    return sibling.has('cockroach')
      ? {
          dialect: 'other',
          source: 'generic file beside PostgreSQL and CockroachDB files of the same migration (runs on the other databases)',
        }
      : {
          dialect: 'cockroach',
          source:
            'generic file beside a PostgreSQL file of the same migration (runs on CockroachDB and the other databases, not PostgreSQL)',
        }
  }
  const folder = dialectOfFolder(path)
  if (folder) return { dialect: folder.dialect, source: `folder ${folder.folder}/` }
  if (policy.dialect !== 'auto') return { dialect: policy.dialect, source: 'policy (dialect)' }
  const cfg = await fromConfig(path, mig, read)
  if (cfg) return cfg
  if (mig.kind === 'sql' && content !== undefined) {
    const s = sniffSql(content)
    if (s) return { dialect: s, source: 'SQL syntax' }
  }
  return { dialect: 'postgres', source: 'default', assumed: true }
}
