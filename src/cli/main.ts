/**
 * `pr-gate`: the gate on a local git checkout, with real git. Exit codes: 0 the gate passed (success or
 * neutral), 1 the gate failed, 2 usage or configuration error. Messages, never stack traces.
 */
import { policySource as policySourceOf } from '../pipeline/policy-source.js'
import { DEFAULT_CHECK_NAME, DEFAULT_LABEL_PREFIX, DEFAULT_POLICY_PATH } from '../policy/schema.js'
import { exitCode } from '../pipeline/decision.js'
import { parseArgs } from 'node:util'
import { readFile } from 'node:fs/promises'
import { resolve, relative, sep } from 'node:path'
import type { Note, RuleContext, Verdict } from '../types.js'
import { gitChangeSet, readAtRef, resolveRange, GitError, git, type ResolvedRange } from '../change/git.js'
import { markExclusions } from '../change/generated.js'
import { workspaceEvidence } from '../evidence/workspace.js'
import {
  PolicyError,
  formatIssue,
  loadPolicy,
  parseRemoteSpec,
  remoteName,
  REMOTE_PREFIX,
  RemoteReadError,
  describeEnforcement,
  type LoadOptions,
  type RemoteReader,
  type RemoteSpec,
  type Enforcement,
} from '../policy/load.js'
import { policyJsonSchema, ruleEntrySchema } from '../policy/schema.js'
import { errorMessage } from '../engine/run.js'
import { tryLoadPolicy } from '../pipeline/policy.js'
import { gateChange } from '../pipeline/gate.js'
import { renderText } from '../report/terminal.js'
import { renderJobSummary } from '../report/markdown.js'
import { toJsonReport } from '../report/json-report.js'
import { RULES } from '../rules/index.js'
// The App (`serve`) and release mode are loaded by their commands only (issue 15 item 5).
import { visibleControls } from '../report/escape.js'
import { applyDefaults, didYouMean, type SchemaNode } from '../policy/validate.js'
import { DANGERS, type DangerInfo } from '../rules/migration-safety/dangers.js'
import { COMMANDS, USAGE, commandUsage, packageVersion } from './usage.js'

export { COMMANDS, USAGE, commandUsage, packageVersion }

const hint = (s: string | undefined): string => (s ? ` (did you mean "${s}"?)` : '')

export interface CliIO {
  out: (s: string) => void
  err: (s: string) => void
  cwd: string
}

const defaultIO: CliIO = {
  out: (s) => {
    if (!stdoutClosed) process.stdout.write(s)
  },
  err: (s) => process.stderr.write(s),
  cwd: process.cwd(),
}

class UsageError extends Error {}

let stdoutClosed = false
/**
 * `pr-gate explain … | head`: once the reader goes away, writes fail with EPIPE. Stop writing, quietly;
 * the command still finishes and exits with its own code.
 */
function quietOnClosedStdout(): void {
  if (process.stdout.listenerCount('error') > 0) return
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') {
      stdoutClosed = true
      return
    }
    process.stderr.write(`pr-gate: cannot write the output: ${errorMessage(e)}\n`)
    process.exitCode = 2
  })
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const c of process.stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer))
  return Buffer.concat(chunks).toString('utf8')
}

export async function main(argv: string[], io: CliIO = defaultIO): Promise<number> {
  const cmd = argv.at(0) // none: no command (usage, exit 2)
  const rest = argv.slice(1)
  if (io === defaultIO) quietOnClosedStdout()
  try {
    if (cmd === '--version' || cmd === '-V' || cmd === 'version') {
      io.out(`pr-gate ${packageVersion()}\n`)
      return 0
    }
    if (cmd && COMMANDS.includes(cmd) && (rest.includes('--help') || rest.includes('-h'))) {
      io.out(commandUsage(cmd) ?? USAGE)
      return 0
    }
    switch (cmd) {
      case 'check':
        return await check(rest, io)
      case 'validate':
        return await validateCmd(rest, io)
      case 'explain':
        return await explain(rest, io)
      case 'serve':
        return await serveCmd(rest, io)
      case 'queue':
        return await queueCmd(rest, io)
      case 'release':
        return await releaseCmd(rest, io)
      case 'report':
        return await reportCmd(rest, io)
      case 'schema':
        io.out(JSON.stringify(policyJsonSchema(), null, 2) + '\n')
        return 0
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE)
        return cmd === undefined ? 2 : 0
      default:
        throw new UsageError(`unknown command ${JSON.stringify(cmd)}${hint(didYouMean(cmd, COMMANDS))}`)
    }
  } catch (e) {
    const code = (e as { code?: unknown } | null | undefined)?.code // anything may be thrown
    if (e instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
      io.err(`pr-gate: ${errorMessage(e)}\n\n${USAGE}`)
      return 2
    }
    if (e instanceof GitError || e instanceof PolicyError) {
      io.err(`pr-gate: ${errorMessage(e)}\n`)
      return 2
    }
    io.err(`pr-gate: ${errorMessage(e)}\n`)
    return 2
  }
}

/** The policy `check` enforces: --policy from the working tree, else the one at the base. */
interface PolicyChoice {
  text: string | undefined
  file: string
  /** Reads a file the policy names (extends, includes). */
  read: (path: string) => Promise<string | undefined>
  /** The policy's source in words, for the verdict. */
  source: string
}

async function choosePolicy(
  io: CliIO,
  root: string,
  base: string,
  policyArg: string | undefined,
  basePolicyText: string | undefined,
): Promise<PolicyChoice> {
  if (!policyArg)
    return {
      text: basePolicyText,
      file: DEFAULT_POLICY_PATH,
      read: (p: string) => readAtRef(root, base, p),
      source: policySourceOf({ path: DEFAULT_POLICY_PATH, text: basePolicyText, at: { sha: base }, missingAt: 'at the base' }),
    }
  const abs = resolve(io.cwd, policyArg)
  const text = await readFile(abs, 'utf8').catch(() => {
    throw new UsageError(`--policy ${policyArg}: file not found`)
  })
  const file = relative(root, abs).split(sep).join('/') || policyArg
  return {
    text,
    file,
    read: (p: string) => readFile(resolve(root, p), 'utf8').catch(() => undefined),
    source: policySourceOf({ path: file, text, at: 'working tree' }),
  }
}

/** Load the policy and run the gate; an invalid policy is a verdict of its own. */
async function gateVerdict(
  io: CliIO,
  policy: PolicyChoice,
  ctx: RuleContext,
  notes: Note[],
): Promise<{ verdict: Verdict; labelPrefix: string }> {
  const { verdict, policy: enforced } = await gateChange({
    attempt: await tryLoadPolicy(policy.text, policy.file, policy.read, await apiRemoteOptions(io)),
    ctx,
    policySource: policy.source,
    notes,
    // What the rules declare they will read is asked of git at once (one pipelined cat-file batch, see
    // src/change/git-objects.ts) instead of one answer awaited per file as the rules go. A failed read
    // stays in the cache and fails the rule that needs it, as before.
    prefetch: (plan) =>
      Promise.allSettled([...plan.head.map((p) => ctx.changes.readHead(p)), ...plan.base.map((p) => ctx.changes.readBase(p))]),
  })
  return { verdict, labelPrefix: enforced?.waivers.label_prefix ?? DEFAULT_LABEL_PREFIX }
}

async function check(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      base: { type: 'string' },
      head: { type: 'string' },
      policy: { type: 'string' },
      format: { type: 'string', default: 'text' },
      body: { type: 'string', default: '' },
      label: { type: 'string', multiple: true, default: [] },
      committed: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  })
  const format = values.format
  if (!['text', 'markdown', 'json'].includes(format))
    throw new UsageError(`--format: expected text, markdown or json, got ${JSON.stringify(format)}`)
  const root = (
    await git(io.cwd, ['rev-parse', '--show-toplevel']).catch(() => {
      throw new GitError(`${io.cwd} is not inside a git work tree`)
    })
  ).trim()
  // An explicit --head names a commit: the range is committed history, whatever the working tree holds.
  const committedOnly = values.committed || values.head !== undefined
  const range = await resolveRange(root, values.base, values.head, { workingTree: !committedOnly })
  const body = values.body === '-' ? await readStdin() : values.body
  // The diff, .gitattributes, the policy at the base and the head commit's author and subject: independent
  // reads, asked of git at once.
  const [changes, gitattributes, basePolicyText, headInfo] = await Promise.all([
    gitChangeSet(root, range),
    readAtRef(root, range.base, '.gitattributes'),
    values.policy ? undefined : readAtRef(root, range.base, DEFAULT_POLICY_PATH),
    git(root, ['log', '-1', '--format=%an%x00%s', range.head]).catch(() => ''),
  ])
  markExclusions(changes.files, gitattributes)

  const policy = await choosePolicy(io, root, range.base, values.policy, basePolicyText)
  const [author = '', title = ''] = headInfo
    .trim()
    .split('\0')
    .map((s) => s.trim())
  const ctx: RuleContext = {
    changes,
    pr: {
      title,
      body,
      author,
      labels: values.label,
    },
    evidence: workspaceEvidence(root),
    gitattributes,
    now: new Date(),
    mode: 'pull_request',
  }
  const notes = rangeNotes(range, committedOnly, values.head !== undefined)
  const { verdict, labelPrefix } = await gateVerdict(io, policy, ctx, notes)
  if (format === 'json') io.out(JSON.stringify(toJsonReport(verdict), null, 2) + '\n')
  else if (format === 'markdown') io.out(renderJobSummary(verdict, { labelPrefix, links: {} }) + '\n')
  else io.out(renderText(verdict))
  return exitCode(verdict)
}

/** Which diff was checked, in words: the base and how it was found, and whether uncommitted changes are in. */
function rangeNotes(range: ResolvedRange, committedOnly: boolean, explicitHead: boolean): Note[] {
  const wt = range.workingTree
  const head = wt ? `${range.head.slice(0, 12)}+uncommitted` : range.head.slice(0, 12)
  const notes: Note[] = [{ level: 'info', message: `Compared ${range.base.slice(0, 12)}…${head} (base: ${range.baseLabel}).` }]
  if (wt)
    notes.push({
      level: 'info',
      message:
        `Included uncommitted changes: ${wt.files} file${wt.files === 1 ? '' : 's'} staged, ` +
        `modified or untracked; --committed checks commits only.`,
    })
  else if (committedOnly)
    notes.push({
      level: 'info',
      message: `Commits only (${explicitHead ? '--head given' : '--committed'}): uncommitted changes are not checked.`,
    })
  else notes.push({ level: 'info', message: 'No uncommitted changes: the working tree is clean.' })
  return notes
}

async function validateCmd(args: string[], io: CliIO): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    options: { offline: { type: 'string', multiple: true, default: [] } },
    allowPositionals: true,
    strict: true,
  })
  const file = positionals[0] ?? DEFAULT_POLICY_PATH
  const abs = resolve(io.cwd, file)
  const text = await readFile(abs, 'utf8').catch(() => undefined)
  if (text === undefined) {
    io.err(`pr-gate: ${file}: file not found\n`)
    return 2
  }
  const root = (await git(io.cwd, ['rev-parse', '--show-toplevel']).catch(() => io.cwd)).trim()
  const offline = values.offline
  const remote = offline.length ? await offlineReader(offline, text, io) : await apiRemoteOptions(io)
  try {
    const { policy, sources, enforced } = await loadPolicy(
      text,
      file,
      (p) => readFile(resolve(root, p), 'utf8').catch(() => undefined),
      remote,
    )
    if (enforced.length) {
      io.err(enforced.map(loosenedFloor).join('\n') + '\n')
      return 2
    }
    const levels = Object.entries(policy.rules)
      .map(([id, r]) => `${id}=${r.level}`)
      .join(', ')
    io.out(`${file}: valid (from ${sources.join(' → ')}; ${levels})\n`)
    return 0
  } catch (e) {
    if (e instanceof PolicyError) {
      io.err(e.issues.map(formatIssue).join('\n') + '\n')
      return 2
    }
    throw e
  }
}

/** A key of the repository's policy that loosens an org floor, as `file:line:column: message`. */
function loosenedFloor(e: Enforcement): string {
  const at = e.setBy ? (e.setBy.line !== undefined ? `${e.setBy.file}:${e.setBy.line}:${e.setBy.column ?? 1}: ` : `${e.setBy.file}: `) : ''
  return `${at}loosens an org floor: ${describeEnforcement(e)} by the gate`
}

const API_HINT = 'set GITHUB_TOKEN (or GH_TOKEN) to a token that can read it, or pass --offline ORGFILE'

/** Reads `github:` extends through the API when a token is in the environment; otherwise says how to provide one. */
async function apiRemoteOptions(io: CliIO): Promise<LoadOptions> {
  const token = process.env.GITHUB_TOKEN || process.env.GH_TOKEN
  if (!token) return { remoteUnavailable: API_HINT }
  const [{ createClient }, { RemotePolicyReader }] = await Promise.all([
    import('../github/client.js'),
    import('../github/remote-policy.js'),
  ])
  const octokit = createClient({
    token,
    baseUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
    log: (m) => {
      io.err(`pr-gate: ${m}\n`)
    },
  })
  const reader = new RemotePolicyReader(octokit, {
    accessHint:
      'Set GITHUB_TOKEN (or GH_TOKEN) to a token with contents: read on that repository, ' +
      'or pass --offline ORGFILE. See docs/policy.md, "Org policy".',
  })
  return { remote: reader.read }
}

/**
 * `--offline`: org files from disk instead of the API. `SPEC=FILE` answers that github: spec; a bare FILE
 * answers every github: spec the policy names directly in its `extends`.
 */
async function offlineReader(entries: string[], policyText: string, io: CliIO): Promise<LoadOptions> {
  const named = new Map<string, string>()
  let bare: string | undefined
  for (const e of entries) {
    const eq = e.startsWith(REMOTE_PREFIX) ? e.lastIndexOf('=') : -1
    if (eq > 0) {
      const spec = parseRemoteSpec(e.slice(0, eq))
      if (typeof spec === 'string') throw new UsageError(`--offline ${e}: ${spec}`)
      named.set(remoteName(spec), e.slice(eq + 1))
    } else if (bare !== undefined)
      throw new UsageError('--offline: only one ORGFILE without a github: spec; name the others as github:OWNER/REPO/PATH@REF=FILE')
    else bare = e
  }
  const direct = new Set<string>()
  try {
    const doc: unknown = (await import('js-yaml')).load(policyText)
    const ext = (doc as { extends?: unknown } | null)?.extends
    for (const x of Array.isArray(ext) ? ext : [ext]) {
      const spec = typeof x === 'string' && x.startsWith(REMOTE_PREFIX) ? parseRemoteSpec(x) : undefined
      if (spec && typeof spec !== 'string') direct.add(remoteName(spec))
    }
  } catch {
    // the loader reports the YAML error with its position
  }
  const read: RemoteReader = async (spec: RemoteSpec) => {
    const name = remoteName(spec)
    const path = named.get(name) ?? (direct.has(name) ? bare : undefined)
    if (path === undefined) throw new RemoteReadError(`not available offline: pass --offline ${name}=FILE`)
    const text = await readFile(resolve(io.cwd, path), 'utf8').catch(() => undefined)
    if (text === undefined) throw new RemoteReadError(`--offline ${path}: file not found`)
    return text
  }
  return { remote: read }
}

async function explain(args: string[], io: CliIO): Promise<number> {
  const id = args[0]
  if (!id) {
    for (const r of RULES) io.out(`${r.id.padEnd(22)} default ${r.defaultLevel.padEnd(6)} ${r.description}\n`)
    return 0
  }
  const rule = RULES.find((r) => r.id === id)
  if (!rule) {
    const danger = (DANGERS as Record<string, DangerInfo | undefined>)[id]
    if (danger) return explainDanger(id, danger, io)
    const known = [...RULES.map((r) => r.id), ...Object.keys(DANGERS)]
    throw new UsageError(
      `unknown rule or migration danger ${JSON.stringify(id)}${hint(didYouMean(id, known))}; ` +
        `rules: ${RULES.map((r) => r.id).join(', ')}; dangers: pr-gate explain migration-safety lists them`,
    )
  }
  // The value a key takes when a policy leaves it out (nested defaults filled in: `sizes` is {XS: 10, …},
  // not {}), and what the default preset sets where that differs.
  const resolved: Record<string, Record<string, unknown> | undefined> = (
    await loadPolicy(undefined, DEFAULT_POLICY_PATH, () => Promise.resolve(undefined))
  ).policy.rules
  const preset = resolved[rule.id] ?? {}
  const entry: SchemaNode = ruleEntrySchema(rule)
  const presetLevel = preset.level !== rule.defaultLevel ? ` (the default preset sets ${String(preset.level)})` : ''
  io.out(
    `${rule.id}: ${rule.description}\ndefault level: ${rule.defaultLevel}${presetLevel}\ndocs: ` +
      `docs/rules/${rule.id}.md\noptions (default when left out):\n`,
  )
  for (const [k, s] of Object.entries(entry.properties ?? {})) {
    if (k === 'level' || k === 'locked') continue
    const def = applyDefaults(s, undefined)
    const inPreset = JSON.stringify(preset[k]) !== JSON.stringify(def) ? ` (the default preset sets ${JSON.stringify(preset[k])})` : ''
    io.out(`  ${k}: ${JSON.stringify(def)}${inPreset}${s.description ? ` — ${s.description}` : ''}\n`)
  }
  if (rule.id === 'migration-safety') {
    io.out('dangers (pr-gate explain <id> for one):\n')
    for (const [d, info] of Object.entries(DANGERS as Record<string, DangerInfo>))
      io.out(`  ${d.padEnd(34)} ${info.level.padEnd(6)} ${info.title}\n`)
  }
  return 0
}

/** One migration danger: what it locks, why it hurts, the safe recipe, how to tune or suppress it. */
function explainDanger(id: string, d: DangerInfo, io: CliIO): number {
  io.out(
    [
      `${id} (migration-safety): ${d.title}`,
      `lock: ${d.lock}`,
      `why: ${d.why}`,
      `fix: ${d.fix}`,
      `default level: ${d.level} (policy: rules.migration-safety.dangers.${id}: off | notice | warn | fail)`,
      `suppress one statement: -- quality-gate: ignore ${id} <reason>   (# in Ruby and Python migrations)`,
      `docs: docs/rules/migration-safety.md, section \`${id}\``,
      '',
    ].join('\n'),
  )
  return 0
}

async function serveCmd(args: string[], io: CliIO): Promise<number> {
  parseArgs({ args, options: {}, allowPositionals: false, strict: true })
  const [{ ConfigError, loadAppConfig }, { serve }] = await Promise.all([import('../app/config.js'), import('../app/server.js')])
  let config
  try {
    config = loadAppConfig(process.env)
  } catch (e) {
    if (e instanceof ConfigError) {
      io.err(e.message + '\n')
      return 2
    }
    throw e
  }
  const code = await serve(config)
  // Keep-alive sockets to GitHub would hold the process open after a graceful stop.
  process.exit(code)
}

/** `pr-gate report` lives in src/trends/ (loaded by the command only). */
async function reportCmd(args: string[], io: CliIO): Promise<number> {
  const { reportCmd: run, ReportUsageError } = await import('../trends/cli.js')
  try {
    return await run(args, io)
  } catch (e) {
    if (e instanceof ReportUsageError) throw new UsageError(e.message)
    throw e
  }
}

async function queueCmd(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean' }, all: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  })
  const sub = positionals.at(0)
  const ids = positionals.slice(1)
  if (sub !== 'failed' && sub !== 'replay')
    throw new UsageError(`pr-gate queue: expected "failed" or "replay", got ${JSON.stringify(sub ?? '')}`)
  if (sub === 'failed' && ids.length) throw new UsageError('pr-gate queue failed: takes no delivery ids')
  if (sub === 'replay' && !values.all === !ids.length) throw new UsageError('pr-gate queue replay: give delivery ids, or --all (not both)')
  const [{ ConfigError, redisSettings }, { withQueue, listFailed, replayFailed }] = await Promise.all([
    import('../app/config.js'),
    import('../app/queue.js'),
  ])
  const problems: string[] = []
  const settings = redisSettings(process.env, problems)
  if (!settings && !problems.length) problems.push("REDIS_URL is not set: the Redis the App's replicas use (redis://HOST:PORT)")
  if (problems.length || !settings) {
    io.err(new ConfigError(problems).message.replace('pr-gate serve:', 'pr-gate queue:') + '\n')
    return 2
  }
  try {
    return await withQueue(settings, async (q) => {
      if (sub === 'failed') {
        const failed = await listFailed(q)
        if (values.json) io.out(JSON.stringify(failed, null, 2) + '\n')
        else if (!failed.length) io.out('No failed deliveries.\n')
        else {
          io.out(
            `${failed.length} failed ${failed.length === 1 ? 'delivery' : 'deliveries'} (replay: pr-gate queue replay ID... or --all):\n`,
          )
          for (const f of failed)
            io.out(
              `${f.id}  ${f.event}  ${f.tries} ${f.tries === 1 ? 'try' : 'tries'}  ` +
                `${f.failedAt ?? ''}  ${visibleControls(f.reason.slice(0, 300))}\n`,
            )
        }
        return 0
      }
      const { replayed, missing } = await replayFailed(q, values.all ? 'all' : ids)
      io.out(
        `Replayed ${replayed.length} ` +
          `${replayed.length === 1 ? 'delivery' : 'deliveries'}${replayed.length ? `: ${replayed.join(', ')}` : ''}.\n`,
      )
      for (const m of missing) io.err(`pr-gate queue replay: ${m} is not in the failed set (pr-gate queue failed lists it)\n`)
      return missing.length ? 1 : 0
    })
  } catch (e) {
    io.err(`pr-gate queue: cannot reach the queue at REDIS_URL: ${errorMessage(e)}\n`)
    return 2
  }
}

async function releaseCmd(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      repo: { type: 'string' },
      base: { type: 'string', default: 'auto' },
      head: { type: 'string' },
      environment: { type: 'string' },
      'check-name': { type: 'string', default: DEFAULT_CHECK_NAME },
      'gate-identity': { type: 'string', default: 'github-actions' },
      policy: { type: 'string', default: DEFAULT_POLICY_PATH },
      format: { type: 'string', default: 'text' },
    },
    strict: true,
    allowPositionals: false,
  })
  const [owner, repo] = (values.repo ?? '').split('/')
  if (!owner || !repo) throw new UsageError('--repo OWNER/NAME is required')
  if (!values.head) throw new UsageError('--head REF is required (the candidate SHA, tag or branch)')
  if (values.base === 'auto' && !values.environment) throw new UsageError('--base auto (the default) needs --environment')
  const format = values.format
  if (!['text', 'markdown', 'json'].includes(format))
    throw new UsageError(`--format: expected text, markdown or json, got ${JSON.stringify(format)}`)
  const token = process.env.GITHUB_TOKEN || process.env.GH_TOKEN
  if (!token) throw new UsageError('GITHUB_TOKEN is not set (contents, pull requests, checks and deployments: read)')
  const apiUrl = process.env.GITHUB_API_URL || 'https://api.github.com'
  const serverUrl = process.env.GITHUB_SERVER_URL || 'https://github.com'
  const [
    { createClient },
    { evaluateRelease },
    { ReleaseError },
    { renderReleaseMarkdown, renderReleaseText, toReleaseJson },
    { parseGateIdentity },
  ] = await Promise.all([
    import('../github/client.js'),
    import('../release/evaluate.js'),
    import('../release/range.js'),
    import('../report/release.js'),
    import('../release/gates.js'),
  ])
  try {
    const e = await evaluateRelease({
      octokit: createClient({
        token,
        baseUrl: apiUrl,
        log: (m) => {
          io.err(`pr-gate: ${m}\n`)
        },
      }),
      repo: { owner, repo },
      base: values.base,
      head: values.head,
      environment: values.environment,
      checkName: values['check-name'],
      gateIdentity: parseGateIdentity(values['gate-identity']),
      policyPath: values.policy,
      evidence: workspaceEvidence(io.cwd),
    })
    if (format === 'json') io.out(JSON.stringify(toReleaseJson(e), null, 2) + '\n')
    else if (format === 'markdown') io.out(renderReleaseMarkdown(e, { repoUrl: `${serverUrl}/${owner}/${repo}` }) + '\n')
    else io.out(renderReleaseText(e))
    return exitCode(e.verdict)
  } catch (err) {
    if (err instanceof ReleaseError) {
      io.err(`pr-gate: ${err.message}\n`)
      return 2
    }
    throw err
  }
}
