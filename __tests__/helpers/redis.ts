/**
 * A real redis-server for a test: its own process on a free loopback port, in a temp dir, stopped by the
 * test. Never a system service. Where redis-server is missing, tests that need it fail under CI=true
 * (.ci/run installs it) and are skipped locally with a message saying so.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const REDIS_SERVER = process.env.REDIS_SERVER ?? 'redis-server'

/** Whether redis-server can be run here. */
export function haveRedis(): boolean {
  return spawnSync(REDIS_SERVER, ['--version'], { stdio: 'ignore' }).status === 0
}

/**
 * `describe` when redis-server exists; otherwise `describe.skip` locally (with a message) and a failing
 * test under CI=true.
 */
export function describeWithRedis(name: string, fn: () => void): void {
  if (haveRedis()) {
    describe(name, fn)
  } else if (process.env.CI === 'true') {
    describe(name, () => {
      test('redis-server is installed', () => {
        throw new Error(`${REDIS_SERVER} not found: .ci/run installs the Debian package redis-server; these tests need it`)
      })
    })
  } else {
    process.stderr.write(`skipping "${name}": ${REDIS_SERVER} is not installed (apt-get install redis-server); under CI=true this fails\n`)
    describe.skip(name, fn)
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })
}

export interface RedisProcess {
  url: string
  port: number
  /** SIGTERM and wait for exit. */
  stop(): Promise<void>
  /** SIGKILL (a crash) and wait for exit. */
  kill(): Promise<void>
  /** Start again on the same port and directory (after stop or kill). */
  start(): Promise<void>
}

export async function startRedis(o: { appendonly?: boolean } = {}): Promise<RedisProcess> {
  const port = await freePort()
  const dir = mkdtempSync(join(tmpdir(), 'pr-gate-redis-'))
  let child: ChildProcess | undefined
  let exited: Promise<void> = Promise.resolve()
  const start = async () => {
    const args = [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      o.appendonly ? 'yes' : 'no',
      '--appendfsync',
      'always',
      '--daemonize',
      'no',
      '--loglevel',
      'warning',
    ]
    const c = spawn(REDIS_SERVER, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    child = c
    let out = ''
    c.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d))
    c.stderr!.setEncoding('utf8').on('data', (d: string) => (out += d))
    exited = new Promise<void>((resolve) => c.once('exit', () => resolve()))
    // Ready once it answers PING.
    const end = Date.now() + 10_000
    for (;;) {
      const r = spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' })
      if (r.stdout?.trim() === 'PONG') return
      if (c.exitCode !== null || Date.now() > end) throw new Error(`redis-server did not start on port ${port}: ${out.slice(-500)}`)
      await new Promise((r2) => setTimeout(r2, 50))
    }
  }
  await start()
  const signal = async (s: NodeJS.Signals) => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill(s)
      await exited
    }
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    kill: () => signal('SIGKILL'),
    async stop() {
      await signal('SIGTERM')
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
