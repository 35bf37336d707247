/**
 * The CLI's usage text and version, in a module of their own: `--help`, `<command> --help` and
 * `--version` are answered from here by src/main.ts without evaluating the rest of the CLI (issue 15
 * item 5: start-up).
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const COMMANDS = ['check', 'validate', 'explain', 'serve', 'queue', 'release', 'report', 'schema', 'help']

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
  pr-gate validate [FILE] [--offline [SPEC=]ORGFILE]...
      Validate a policy file (default .github/quality-gate.yml) with its extends chain. A github: extends
      (org policy) is read through the API with GITHUB_TOKEN or GH_TOKEN (GITHUB_API_URL); --offline
      ORGFILE stands in for the github: files the policy extends directly, --offline
      github:OWNER/REPO/PATH@REF=ORGFILE for one of them (repeatable). Keys that loosen an org floor
      (locked) are reported (exit 2): the gate would enforce the org value.
  pr-gate explain [RULE|DANGER]  List the rules, show one rule's options and defaults, or one migration
                                 danger (e.g. create-index-non-concurrent): lock, why, safe recipe.
  pr-gate schema                 Print the policy JSON Schema (policies/schema.json).
  pr-gate release --repo OWNER/NAME --head REF [--base REF|auto] [--environment ENV] [--check-name NAME]
                  [--gate-identity LIST] [--policy PATH] [--format text|markdown|json]
      Is this release safe to deploy? The pull requests merged between base (default auto: the latest
      successful deployment to --environment) and head, their gate results, and the release diff, through
      the GitHub API (GITHUB_TOKEN, GITHUB_API_URL). Only gate results published by --gate-identity count
      (default github-actions: App slugs, App ids, user:LOGIN). See docs/release.md.
  pr-gate report [--since 90d|12w|DATE] [--from DATE] [--to DATE] [--branch REF] [--policy FILE]
                 [--threshold LINES] [--alerts FILE] [--fail-on-trend] [--format text|json|csv|markdown] [--svg DIR]
      Team trends over a window (default the last 90 days): the pull requests merged on the default
      branch (merge and squash commits), each evaluated by the gate against its first parent; per ISO
      week and over the window: PR size (median, p90, share over 300 lines), critical areas with tests,
      migration dangers, runbook opt-outs, vulnerability fix SLA (--alerts: Dependabot alerts JSON),
      gate conclusions, the rules that fail most. --svg DIR also writes the charts as SVG files.
      --fail-on-trend exits 1 when a trend breaches the policy's report.fail_on_trend.
      --source api [--repo OWNER/NAME]... [--org ORG] [--check-name NAME] [--gate-identity SPEC]: the merged
      pull requests through the GitHub API (GITHUB_TOKEN, GITHUB_API_URL), each with the record its gate
      check run holds (or its own additions/deletions without one); --alerts api reads the Dependabot
      alerts through the API too. See docs/report.md.
  pr-gate serve                  Run the GitHub App's webhook server. Settings from the environment:
      PORT, WEBHOOK_SECRET, APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, GITHUB_API_URL, REDIS_URL (see docs/app.md).
  pr-gate queue failed [--json] | pr-gate queue replay ID... | pr-gate queue replay --all
      The App's durable queue (REDIS_URL): list the deliveries that failed every try, or put them back
      in the queue for a fresh set of tries.
  pr-gate help, pr-gate --help, pr-gate <command> --help
  pr-gate --version

Exit codes: 0 gate passed (success or neutral), 1 gate failed, 2 usage or configuration error.
`

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

/**
 * The invocations src/main.ts answers from this module alone, without loading the CLI: no command,
 * `help`, `--help`, `-h`, `<command> --help`, `--version`. `main` (src/cli/main.ts) answers them the same way.
 */
export function isHelpOrVersion(args: string[]): boolean {
  const cmd = args.at(0)
  const rest = args.slice(1)
  if (cmd === undefined) return true
  if (cmd === '--version' || cmd === '-V' || cmd === 'version') return true
  if (cmd === 'help' || cmd === '--help' || cmd === '-h') return true
  return COMMANDS.includes(cmd) && (rest.includes('--help') || rest.includes('-h'))
}
