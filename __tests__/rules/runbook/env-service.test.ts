/**
 * Class 9: a new env var is new to the SERVICE (its folder, or a `services` mapping), not to the file; and
 * reads that were missed: a flag file named `demo.flagd.json`, reads through a named constant, and
 * variables used only by a Dockerfile's CMD/ENTRYPOINT.
 */
import { ruleOptions } from '../../../src/policy/resolved.js'
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { git, gitChangeSet, resolveRange } from '../../../src/change/git.js'
import { runbook, RunbookOptions } from '../../../src/rules/runbook/index.js'
import { addFilePatch, makeContext, type FakeContextInput, type FakeFile } from '../../helpers/context.js'
import { diffPatch } from './helpers.js'
import type { Finding, RuleOutput } from '../../../src/types.js'

function added(path: string, text: string): FakeFile {
  return { path, status: 'added', head: text, patch: addFilePatch(text) }
}
function modified(path: string, base: string, head: string): FakeFile {
  return { path, status: 'modified', base, head, patch: diffPatch(base, head) }
}
/** A context whose source lists the base tree (as the git source does) when `listed`. */
async function run(input: FakeContextInput, options: Partial<RunbookOptions> = {}, listed = true): Promise<RuleOutput> {
  const ctx = makeContext(input)
  if (listed) {
    const tree = { ...(input.baseTree ?? {}) }
    for (const f of input.files ?? []) if (f.base !== undefined) tree[f.previousPath ?? f.path] = f.base
    ctx.changes.listBase = async (dir) =>
      Object.keys(tree)
        .filter((p) => !dir || p.startsWith(`${dir}/`))
        .sort()
  }
  return runbook.evaluate(ctx, ruleOptions(runbook, options))
}
const violations = (out: RuleOutput): Finding[] => out.findings.filter((f) => !f.kind || f.kind === 'violation')
const envVars = (out: RuleOutput): string[] =>
  violations(out)
    .filter((f) => f.code === 'new-env-var')
    .map((f) => /New env var (\w+)/.exec(f.message)![1])

const cartBase = {
  'src/cart/go.mod': 'module cart\n',
  'src/cart/Dockerfile': 'FROM golang:1.22\nENV CART_PORT=7070\n',
  'src/cart/config.go': 'package main\n\nvar timeout = os.Getenv("CART_TIMEOUT")\n',
  'src/cart/.env.example': 'REDIS_ADDR=redis:6379\n',
  'src/cart/k8s/deployment.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: cart}\nspec:\n  template:\n    spec:\n      containers:\n        - name: cart\n          env:\n            - name: OTEL_SERVICE_NAME\n              value: cart\n',
  'src/checkout/go.mod': 'module checkout\n',
  'src/checkout/main.go': 'package main\n\nfunc main() {}\n',
}
const handlerBase = 'package main\n\nfunc handle() {\n}\n'

describe('runbook class 9: new to the service, not to the file', () => {
  it.each([
    { name: 'read by another file of the service', v: 'CART_TIMEOUT' },
    { name: 'set by the service Dockerfile (ENV)', v: 'CART_PORT' },
    { name: 'listed in the service .env.example', v: 'REDIS_ADDR' },
    { name: 'set in the service Kubernetes manifest (env[].name)', v: 'OTEL_SERVICE_NAME' },
  ])('$name → not new', async ({ v }) => {
    const head = handlerBase.replace('{\n}', `{\n\tx := os.Getenv("${v}")\n}`)
    const out = await run({ files: [modified('src/cart/handler.go', handlerBase, head)], baseTree: cartBase })
    expect(envVars(out)).toEqual([])
  })

  it('a name only ANOTHER service reads is new to this one; a name nobody reads is new', async () => {
    const base = 'package main\n\nfunc main() {}\n'
    const head = 'package main\n\nfunc main() {\n\ta := os.Getenv("CART_TIMEOUT")\n\tb := os.Getenv("CHECKOUT_RETRIES")\n}\n'
    const out = await run({ files: [modified('src/checkout/main.go', base, head)], baseTree: cartBase })
    expect(envVars(out)).toEqual(['CART_TIMEOUT', 'CHECKOUT_RETRIES'])
    expect(violations(out)[0].line).toBe(4)
    expect(out.tables?.[0].rows[0][2]).toMatch(/not read or declared in service src\/checkout at the base/)
  })

  it('a services mapping decides the service folder', async () => {
    const baseTree = { 'services/ledger/internal/config/config.go': 'package config\n\nvar d = os.Getenv("LEDGER_DSN")\n' }
    const head = handlerBase.replace('{\n}', '{\n\tx := os.Getenv("LEDGER_DSN")\n}')
    const file = modified('services/ledger/cmd/api/handler.go', handlerBase, head)
    // No marker file anywhere: without a mapping the service is the whole repository (the name is found there too)…
    expect(envVars(await run({ files: [file], baseTree }))).toEqual([])
    // …and with a mapping for another layout the same read is still found inside services/ledger.
    const services = [{ path: 'services/{service}/**', runbooks: ['docs/runbooks/{service}.md'] }]
    expect(envVars(await run({ files: [file], baseTree }, { services }))).toEqual([])
    const other = { 'services/billing/config.go': 'package config\n\nvar d = os.Getenv("LEDGER_DSN")\n' }
    expect(envVars(await run({ files: [file], baseTree: other }, { services }))).toEqual(['LEDGER_DSN'])
  })

  it('without a tree listing (API source), the env files of the folder and the repository root are still consulted', async () => {
    const head = handlerBase.replace('{\n}', '{\n\tx := os.Getenv("SHIPPING_ADDR")\n\ty := os.Getenv("BRAND_NEW")\n}')
    const out = await run(
      { files: [modified('src/cart/handler.go', handlerBase, head)], baseTree: { '.env': 'SHIPPING_ADDR=shipping:50051\n' } },
      {},
      false,
    )
    expect(envVars(out)).toEqual(['BRAND_NEW'])
  })

  it('the root compose file counts only for the compose service of that folder', async () => {
    const compose =
      'services:\n  cart:\n    build: {context: ./src/cart}\n    environment:\n      - VALKEY_ADDR=valkey:6379\n  checkout:\n    image: x\n    environment:\n      CHECKOUT_ONLY: "1"\n'
    const head = handlerBase.replace('{\n}', '{\n\tx := os.Getenv("VALKEY_ADDR")\n\ty := os.Getenv("CHECKOUT_ONLY")\n}')
    const out = await run({
      files: [modified('src/cart/handler.go', handlerBase, head)],
      baseTree: { ...cartBase, 'docker-compose.yml': compose },
    })
    expect(envVars(out)).toEqual(['CHECKOUT_ONLY'])
  })
})

describe('runbook class 9: the git source lists the base tree', () => {
  it('a read the service already had in another file is not new; the same read in another service is', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rb-env-'))
    try {
      const write = (files: Record<string, string>): void => {
        for (const [p, text] of Object.entries(files)) {
          mkdirSync(dirname(join(dir, p)), { recursive: true })
          writeFileSync(join(dir, p), text)
        }
      }
      await git(dir, ['init', '-q', '-b', 'main'])
      await git(dir, ['config', 'user.email', 't@example.invalid'])
      await git(dir, ['config', 'user.name', 't'])
      write({ ...cartBase, 'src/cart/handler.go': handlerBase })
      await git(dir, ['add', '-A'])
      await git(dir, ['commit', '-q', '-m', 'base'])
      write({
        'src/cart/handler.go': handlerBase.replace('{\n}', '{\n\tx := os.Getenv("CART_TIMEOUT")\n}'),
        'src/checkout/main.go': 'package main\n\nfunc main() {\n\t_ = os.Getenv("CART_TIMEOUT")\n}\n',
      })
      await git(dir, ['commit', '-q', '-am', 'head'])
      const changes = await gitChangeSet(dir, await resolveRange(dir, 'HEAD~1', 'HEAD'))
      expect(await changes.listBase?.('src/cart')).toEqual(
        Object.keys(cartBase)
          .filter((p) => p.startsWith('src/cart/'))
          .concat('src/cart/handler.go')
          .sort(),
      )
      const ctx = { ...makeContext(), changes }
      const out = await runbook.evaluate(ctx, ruleOptions(runbook))
      expect(violations(out).map((f) => [f.code, f.path])).toEqual([['new-env-var', 'src/checkout/main.go']])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('runbook class 9: reads that were missed', () => {
  it('a flag file named demo.flagd.json is a feature-flag file', async () => {
    const out = await run({ files: [added('src/flagd/demo.flagd.json', '{"flags": {}}\n')] })
    expect(violations(out).map((f) => f.code)).toEqual(['feature-flag'])
  })

  it.each([
    {
      lang: 'Go',
      path: 'src/cart/queue.go',
      base: 'package main\n\nconst (\n\tqueueKey = "QUEUE_URL"\n)\n',
      add: '\nfunc q() string { return os.Getenv(queueKey) }\n',
      line: 7,
    },
    {
      lang: 'TypeScript',
      path: 'web/src/env.ts',
      base: "const KEY = 'API_BASE_URL'\n",
      add: 'export const api = process.env[KEY]\n',
      line: 2,
    },
    {
      lang: 'Python',
      path: 'app/settings.py',
      base: 'SECRET_ENV: str = "SIGNING_SECRET"\n',
      add: 'secret = os.environ.get(SECRET_ENV, "")\n',
      line: 2,
    },
    {
      lang: 'Java',
      path: 'src/main/java/Cfg.java',
      base: 'class Cfg {\n  static final String KEY = "KAFKA_BROKERS";\n}\n',
      add: '// end\nString b = System.getenv(Cfg.KEY);\n',
      line: 5,
    },
  ])('$lang: a read through a named constant', async ({ path, base, add, line }) => {
    const out = await run({ files: [modified(path, base, base + add)] })
    const f = violations(out).filter((x) => x.code === 'new-env-var')
    expect(f.map((x) => [/New env var (\w+)/.exec(x.message)![1], x.line])).toEqual([
      [/"(\w+)"|'(\w+)'/.exec(base)!.slice(1).find(Boolean), line],
    ])
  })

  it('a constant read at the base already is not new', async () => {
    const base = 'package main\n\nconst queueKey = "QUEUE_URL"\n\nvar a = os.Getenv(queueKey)\n'
    const out = await run({ files: [modified('src/cart/queue.go', base, base + 'var b = os.Getenv(queueKey)\n')] })
    expect(envVars(out)).toEqual([])
  })

  it('a variable used only in a Dockerfile CMD/ENTRYPOINT', async () => {
    const base = 'FROM node:20\nENV PORT=8080\nCMD ["node", "server.js"]\n'
    const head = 'FROM node:20\nENV PORT=8080\nCMD node server.js --port ${PORT} \\\n  --log-level ${LOG_LEVEL:-info}\n'
    const out = await run({ files: [modified('src/frontend/Dockerfile', base, head)] })
    expect(
      violations(out)
        .filter((f) => f.code === 'new-env-var')
        .map((f) => [/New env var (\w+)/.exec(f.message)![1], f.line]),
    ).toEqual([['LOG_LEVEL', 4]])
    // RUN is build time, not the running service: `$BUILD_ONLY` there is no runtime variable.
    const run2 = await run({ files: [modified('src/frontend/Dockerfile', base, base + 'RUN echo $BUILD_ONLY\n')] })
    expect(envVars(run2)).toEqual([])
  })

  it('a shell entrypoint that reads a new knob with a default or a required mark (${X:-0}, ${X:?}) (polar bc60af22)', async () => {
    const base = '#!/bin/sh\nset -e\nexec pgbouncer /etc/pgbouncer/pgbouncer.ini\n'
    const head =
      '#!/bin/sh\nset -e\n# connection logging is off unless asked for\n' +
      'LOG_CONNECTIONS="${LOG_CONNECTIONS:-0}"\necho "log_disconnections = ${LOG_DISCONNECTIONS:?set it}" >> /etc/pgbouncer/pgbouncer.ini\n' +
      'exec pgbouncer /etc/pgbouncer/pgbouncer.ini\n'
    const out = await run({ files: [modified('infra/pgbouncer/entrypoint.sh', base, head)] })
    expect(
      violations(out)
        .filter((f) => f.code === 'new-env-var')
        .map((f) => [/New env var (\w+)/.exec(f.message)![1], f.line]),
    ).toEqual([
      ['LOG_CONNECTIONS', 4],
      ['LOG_DISCONNECTIONS', 5],
    ])
  })

  it('side by side: a plain $X, a lower-case or positional default, or a knob the service already names is not a new variable', async () => {
    const base = '#!/bin/sh\nexec pgbouncer -v "$POOL_MODE"\n'
    const head = '#!/bin/sh\nout=${out:-/tmp}\nport=${1:-6432}\necho "$LOG_LEVEL" ${POOL_MODE:-session}\nexec pgbouncer -v "$POOL_MODE"\n'
    expect(envVars(await run({ files: [modified('infra/pgbouncer/entrypoint.sh', base, head)] }))).toEqual([])
    // a script of the e2e tests (retail-store 7e6e2667) or a dev setup is tooling
    const e2e = '#!/bin/bash\nJAEGER_API="${JAEGER_API:-http://localhost:16686}"\n'
    expect(envVars(await run({ files: [added('src/e2e/scripts/assert-traces.sh', e2e)] }))).toEqual([])
    expect(envVars(await run({ files: [added('src/cart/assert-traces.sh', e2e)] }))).toEqual(['JAEGER_API'])
  })
})
