/**
 * `pr-gate`: the gate on a local git checkout, with real git. Exit codes: 0 the gate passed (success or
 * neutral), 1 the gate failed, 2 usage or configuration error. Messages, never stack traces.
 */
import { parseArgs } from 'node:util'
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join, resolve, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Note, RuleContext, Verdict } from '../types.js'
import { gitChangeSet, readAtRef, resolveRange, GitError, git, type ResolvedRange } from '../change/git.js'
import { markExclusions } from '../change/generated.js'
import { workspaceEvidence } from '../evidence/workspace.js'
import { PolicyError, formatIssue, isEmptyPolicy, loadPolicy } from '../policy/load.js'
import { policyJsonSchema, ruleEntrySchema } from '../policy/schema.js'
import { policyErrorVerdict, runGate, errorMessage } from '../engine/run.js'
import { defaultResolvedPolicy, DEFAULT_POLICY_PATH } from '../github/evaluate.js'
import { renderText } from '../report/text.js'
import { renderJobSummary } from '../report/markdown.js'
import { toJsonReport } from '../report/json.js'
import { RULES } from '../rules/index.js'
// The App (`serve`) and release mode are loaded by their commands only (issue 15 item 5).
import { visibleControls } from '../report/escape.js'
import { applyDefaults, didYouMean, type SchemaNode } from '../policy/validate.js'
import { DANGERS, type DangerInfo } from '../rules/migration-safety/dangers.js'

const COMMANDS = ['check', 'validate', 'explain', 'serve', 'queue', 'release', 'schema', 'help']
const hint = (s: string | undefined): string => (s ? ` (did you mean "${s}"?)` : '')

export const USAGE = `pr-gate — hold a change to the team's engineering standards

Usage:
  pr-gate check [--base REF] [--head REF] [--committed] [--policy FILE] [--format text|markdown|json]
                [--body TEXT|-] [--label NAME]...
      Evaluate the diff between base and head of the git checkout in the current directory. Base (default):
      the merge base with the default branch as git knows it (origin/HEAD, the upstream of the current
      branch, init.defaultBranch, then main, master, trunk); the output says which. Head (default): HEAD
      plus the uncommitted changes (staged, unstaged and untracked files); --committed checks commits
      only, and so does an explicit --head. --body - reads the PR description from standard input.
      Policy: --policy FILE from disk, else .github/quality-gate.yml at the base ref, else the embedded
      default policy.
  pr-gate validate [FILE]        Validate a policy file (default .github/quality-gate.yml).
  pr-gate explain [RULE|DANGER]  List the rules, show one rule's options and defaults, or one migration
                                 danger (e.g. create-index-non-concurrent): lock, why, safe recipe.
  pr-gate schema                 Print the policy JSON Schema (policies/schema.json).
  pr-gate release --repo OWNER/NAME --head REF [--base REF|auto] [--environment ENV] [--check-name NAME]
                  [--gate-identity LIST] [--policy PATH] [--format text|markdown|json]
      Is this release safe to deploy? The pull requests merged between base (default auto: the latest
      successful deployment to --environment) and head, their gate results, and the release diff, through
      the GitHub API (GITHUB_TOKEN, GITHUB_API_URL). Only gate results published by --gate-identity count
      (default github-actions: App slugs, App ids, user:LOGIN). See docs/release.md.
  pr-gate serve                  Run the GitHub App's webhook server. Settings from the environment:
      PORT, WEBHOOK_SECRET, APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, GITHUB_API_URL, REDIS_URL (see docs/app.md).
  pr-gate queue failed [--json] | pr-gate queue replay ID... | pr-gate queue replay --all
      The App's durable queue (REDIS_URL): list the deliveries that failed every try, or put them back
      in the queue for a fresh set of tries.
  pr-gate help, pr-gate --help, pr-gate <command> --help
  pr-gate --version

Exit codes: 0 gate passed (success or neutral), 1 gate failed, 2 usage or configuration error.
`

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

/** The usage of one command: its lines of USAGE. */
export function commandUsage(cmd: string): string | undefined {
  const lines = USAGE.split('\n')
  const start = lines.findIndex((l) => l.startsWith(`  pr-gate ${cmd} `) || l === `  pr-gate ${cmd}`)
  if (start < 0) return undefined
  let end = start + 1
  while (end < lines.length && /^ {6,}\S/.test(lines[end])) end++
  const exit = lines.find((l) => l.startsWith('Exit codes'))
  return `Usage:\n${lines.slice(start, end).join('\n')}\n\n${exit ?? ''}\n`
}

/** The version of the package the bundle belongs to (the nearest package.json that names one). */
export function packageVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    try {
      const pkg: unknown = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
      if (typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string') return pkg.version
    } catch {
      // no package.json here (or not JSON): look further up
    }
    const up = dirname(dir)
    if (up === dir) return 'unknown'
    dir = up
  }
}

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
  const [cmd, ...rest] = argv
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
    if (e instanceof UsageError || (e as { code?: string })?.code?.startsWith?.('ERR_PARSE_ARGS')) {
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
  const format = values.format as string
  if (!['text', 'markdown', 'json'].includes(format)) throw new UsageError(`--format: expected text, markdown or json, got ${JSON.stringify(format)}`)
  const root = (await git(io.cwd, ['rev-parse', '--show-toplevel']).catch(() => {
    throw new GitError(`${io.cwd} is not inside a git work tree`)
  })).trim()
  // An explicit --head names a commit: the range is committed history, whatever the working tree holds.
  const committedOnly = values.committed === true || values.head !== undefined
  const range = await resolveRange(root, values.base, values.head, { workingTree: !committedOnly })
  const body = values.body === '-' ? await readStdin() : (values.body as string)
  const changes = await gitChangeSet(root, range)
  const gitattributes = await readAtRef(root, range.base, '.gitattributes')
  markExclusions(changes.files, gitattributes)

  let policyText: string | undefined
  let policyFile = DEFAULT_POLICY_PATH
  let read = (p: string) => readAtRef(root, range.base, p)
  let policySource: string
  if (values.policy) {
    const abs = resolve(io.cwd, values.policy)
    policyText = await readFile(abs, 'utf8').catch(() => {
      throw new UsageError(`--policy ${values.policy}: file not found`)
    })
    policyFile = relative(root, abs).split(sep).join('/') || values.policy
    read = (p: string) => readFile(resolve(root, p), 'utf8').catch(() => undefined)
    policySource = `${policyFile} (working tree)${isEmptyPolicy(policyText) ? '; empty: the default preset applies' : ''}`
  } else {
    policyText = await readAtRef(root, range.base, DEFAULT_POLICY_PATH)
    policySource = policyText === undefined ? `embedded default policy (no ${DEFAULT_POLICY_PATH} at the base)` : `${DEFAULT_POLICY_PATH}@${range.base.slice(0, 12)}${isEmptyPolicy(policyText) ? ' (empty: the default preset applies)' : ''}`
  }
  const author = (await git(root, ['log', '-1', '--format=%an', range.head]).catch(() => '')).trim()
  const ctx: RuleContext = {
    changes,
    pr: { title: (await git(root, ['log', '-1', '--format=%s', range.head]).catch(() => '')).trim(), body, author, labels: values.label as string[] },
    evidence: workspaceEvidence(root),
    gitattributes,
    now: new Date(),
    mode: 'pull_request',
  }
  let verdict: Verdict
  try {
    const loaded = await loadPolicy(policyText, policyFile, read)
    verdict = await runGate({ policy: loaded.policy, ctx, policySource, notes: rangeNotes(range, committedOnly, values.head !== undefined) })
  } catch (e) {
    if (!(e instanceof PolicyError)) throw e
    verdict = policyErrorVerdict(e.issues.map(formatIssue), ctx, policySource, defaultResolvedPolicy())
  }
  if (format === 'json') io.out(JSON.stringify(toJsonReport(verdict), null, 2) + '\n')
  else if (format === 'markdown') io.out(renderJobSummary(verdict, { labelPrefix: 'gate-waive:', links: {} }) + '\n')
  else io.out(renderText(verdict))
  if (verdict.failedRules.includes('policy')) return 2
  return verdict.conclusion === 'failure' ? 1 : 0
}

/** Which diff was checked, in words: the base and how it was found, and whether uncommitted changes are in. */
function rangeNotes(range: ResolvedRange, committedOnly: boolean, explicitHead: boolean): Note[] {
  const wt = range.workingTree
  const head = wt ? `${range.head.slice(0, 12)}+uncommitted` : range.head.slice(0, 12)
  const notes: Note[] = [{ level: 'info', message: `Compared ${range.base.slice(0, 12)}…${head} (base: ${range.baseLabel}).` }]
  if (wt) notes.push({ level: 'info', message: `Included uncommitted changes: ${wt.files} file${wt.files === 1 ? '' : 's'} staged, modified or untracked; --committed checks commits only.` })
  else if (committedOnly) notes.push({ level: 'info', message: `Commits only (${explicitHead ? '--head given' : '--committed'}): uncommitted changes are not checked.` })
  else notes.push({ level: 'info', message: 'No uncommitted changes: the working tree is clean.' })
  return notes
}

async function validateCmd(args: string[], io: CliIO): Promise<number> {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true })
  const file = positionals[0] ?? DEFAULT_POLICY_PATH
  const abs = resolve(io.cwd, file)
  const text = await readFile(abs, 'utf8').catch(() => undefined)
  if (text === undefined) {
    io.err(`pr-gate: ${file}: file not found\n`)
    return 2
  }
  const root = (await git(io.cwd, ['rev-parse', '--show-toplevel']).catch(() => io.cwd)).trim()
  try {
    const { policy, sources } = await loadPolicy(text, file, (p) => readFile(resolve(root, p), 'utf8').catch(() => undefined))
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

async function explain(args: string[], io: CliIO): Promise<number> {
  const id = args[0]
  if (!id) {
    for (const r of RULES) io.out(`${r.id.padEnd(22)} default ${r.defaultLevel.padEnd(6)} ${r.description}\n`)
    return 0
  }
  const rule = RULES.find((r) => r.id === id)
  if (!rule) {
    const danger = (DANGERS as Record<string, DangerInfo>)[id]
    if (danger) return explainDanger(id, danger, io)
    const known = [...RULES.map((r) => r.id), ...Object.keys(DANGERS)]
    throw new UsageError(`unknown rule or migration danger ${JSON.stringify(id)}${hint(didYouMean(id, known))}; rules: ${RULES.map((r) => r.id).join(', ')}; dangers: pr-gate explain migration-safety lists them`)
  }
  // The value a key takes when a policy leaves it out (nested defaults filled in: `sizes` is {XS: 10, …},
  // not {}), and what the default preset sets where that differs.
  const preset = (await loadPolicy(undefined, DEFAULT_POLICY_PATH, async () => undefined)).policy.rules[rule.id] ?? {}
  const entry = ruleEntrySchema(rule) as unknown as SchemaNode
  const presetLevel = preset.level !== rule.defaultLevel ? ` (the default preset sets ${preset.level})` : ''
  io.out(`${rule.id}: ${rule.description}\ndefault level: ${rule.defaultLevel}${presetLevel}\ndocs: docs/rules/${rule.id}.md\noptions (default when left out):\n`)
  for (const [k, s] of Object.entries(entry.properties ?? {})) {
    if (k === 'level') continue
    const def = applyDefaults(s, undefined)
    const inPreset = JSON.stringify(preset[k]) !== JSON.stringify(def) ? ` (the default preset sets ${JSON.stringify(preset[k])})` : ''
    io.out(`  ${k}: ${JSON.stringify(def)}${inPreset}${s.description ? ` — ${s.description}` : ''}\n`)
  }
  if (rule.id === 'migration-safety') {
    io.out('dangers (pr-gate explain <id> for one):\n')
    for (const [d, info] of Object.entries(DANGERS as Record<string, DangerInfo>)) io.out(`  ${d.padEnd(34)} ${info.level.padEnd(6)} ${info.title}\n`)
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

async function queueCmd(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean' }, all: { type: 'boolean' } }, allowPositionals: true, strict: true })
  const [sub, ...ids] = positionals
  if (sub !== 'failed' && sub !== 'replay') throw new UsageError(`pr-gate queue: expected "failed" or "replay", got ${JSON.stringify(sub ?? '')}`)
  if (sub === 'failed' && ids.length) throw new UsageError('pr-gate queue failed: takes no delivery ids')
  if (sub === 'replay' && !values.all === !ids.length) throw new UsageError('pr-gate queue replay: give delivery ids, or --all (not both)')
  const [{ ConfigError, redisSettings }, { withQueue, listFailed, replayFailed }] = await Promise.all([import('../app/config.js'), import('../app/queue.js')])
  const problems: string[] = []
  const settings = redisSettings(process.env, problems)
  if (!settings && !problems.length) problems.push('REDIS_URL is not set: the Redis the App\'s replicas use (redis://HOST:PORT)')
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
          io.out(`${failed.length} failed ${failed.length === 1 ? 'delivery' : 'deliveries'} (replay: pr-gate queue replay ID... or --all):\n`)
          for (const f of failed) io.out(`${f.id}  ${f.event}  ${f.tries} ${f.tries === 1 ? 'try' : 'tries'}  ${f.failedAt ?? ''}  ${visibleControls(f.reason.slice(0, 300))}\n`)
        }
        return 0
      }
      const { replayed, missing } = await replayFailed(q, values.all ? 'all' : ids)
      io.out(`Replayed ${replayed.length} ${replayed.length === 1 ? 'delivery' : 'deliveries'}${replayed.length ? `: ${replayed.join(', ')}` : ''}.\n`)
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
      'check-name': { type: 'string', default: 'quality-gate' },
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
  const format = values.format as string
  if (!['text', 'markdown', 'json'].includes(format)) throw new UsageError(`--format: expected text, markdown or json, got ${JSON.stringify(format)}`)
  const token = process.env.GITHUB_TOKEN || process.env.GH_TOKEN
  if (!token) throw new UsageError('GITHUB_TOKEN is not set (contents, pull requests, checks and deployments: read)')
  const apiUrl = process.env.GITHUB_API_URL || 'https://api.github.com'
  const serverUrl = process.env.GITHUB_SERVER_URL || 'https://github.com'
  const [{ createClient }, { evaluateRelease }, { ReleaseError }, { renderReleaseMarkdown, toReleaseJson }, { parseGateIdentity }] = await Promise.all([
    import('../github/client.js'),
    import('../release/evaluate.js'),
    import('../release/range.js'),
    import('../release/report.js'),
    import('../release/gates.js'),
  ])
  try {
    const e = await evaluateRelease({
      octokit: createClient({ token, baseUrl: apiUrl, log: (m) => io.err(`pr-gate: ${m}\n`) }),
      repo: { owner, repo },
      base: values.base as string,
      head: values.head,
      environment: values.environment,
      checkName: values['check-name'] as string,
      gateIdentity: parseGateIdentity(values['gate-identity'] as string),
      policyPath: values.policy as string,
      evidence: workspaceEvidence(io.cwd),
    })
    if (format === 'json') io.out(JSON.stringify(toReleaseJson(e), null, 2) + '\n')
    else if (format === 'markdown') io.out(renderReleaseMarkdown(e, { repoUrl: `${serverUrl}/${owner}/${repo}` }) + '\n')
    else {
      const f = e.facts
      io.out(`Release ${f.base.sha?.slice(0, 12) ?? '?'}…${f.head.sha.slice(0, 12)}: ${f.pulls.length} pull request(s), ${f.totalCommits} commit(s)\n`)
      for (const p of f.pulls) io.out(`  #${p.number} ${p.gate.state.padEnd(8)} ${visibleControls(p.title)}\n`)
      io.out(renderText(e.verdict))
    }
    if (e.verdict.failedRules.includes('policy')) return 2
    return e.verdict.conclusion === 'failure' ? 1 : 0
  } catch (err) {
    if (err instanceof ReleaseError) {
      io.err(`pr-gate: ${err.message}\n`)
      return 2
    }
    throw err
  }
}
