/** Real temporary git repositories for CLI tests. */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'

export const BUNDLE = resolve('dist/index.js')

export class TempRepo {
  readonly dir: string
  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'pr-gate-repo-'))
    this.git('init', '-q', '-b', 'main')
    this.git('config', 'user.email', 'dev@example.com')
    this.git('config', 'user.name', 'Dev')
    this.git('config', 'commit.gpgsign', 'false')
  }
  /**
   * When set, every commit and tag gets this date (`@1700000000 +0000`). Passed to git explicitly: a test's
   * `process.env` is jest's copy, which child processes started without `env` never see.
   */
  date?: string
  git(...args: string[]): string {
    const env = this.date === undefined ? undefined : { ...process.env, GIT_AUTHOR_DATE: this.date, GIT_COMMITTER_DATE: this.date }
    return execFileSync('git', args, { cwd: this.dir, encoding: 'utf8', env })
  }
  write(files: Record<string, string | Buffer>): this {
    for (const [p, content] of Object.entries(files)) {
      const full = join(this.dir, p)
      mkdirSync(dirname(full), { recursive: true })
      writeFileSync(full, content)
    }
    return this
  }
  commit(message: string, files: Record<string, string | Buffer> = {}): string {
    this.write(files)
    this.git('add', '-A')
    this.git('commit', '-q', '--allow-empty', '-m', message)
    return this.git('rev-parse', 'HEAD').trim()
  }
  /** Runs the real bundle as the CLI. */
  cli(...args: string[]): { code: number; stdout: string; stderr: string } {
    const r = spawnSync(process.execPath, [BUNDLE, ...args], {
      cwd: this.dir,
      encoding: 'utf8',
      env: { ...process.env, GITHUB_ACTIONS: '' },
    })
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }
  }
  remove(): void {
    rmSync(this.dir, { recursive: true, force: true })
  }
}

export function lines(n: number, prefix = 'line'): string {
  return Array.from({ length: n }, (_, i) => `${prefix} ${i}`).join('\n') + '\n'
}
