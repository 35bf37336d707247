/**
 * Entry of the bundle (dist/index.js): with a subcommand it is the `pr-gate` CLI; without one, inside
 * GitHub Actions, it is the Action.
 */
import module from 'node:module'
import { errorMessage } from './errors.js'
// The usage text and version only (a small module): `--help` and `--version` need nothing else.
import { COMMANDS, USAGE, commandUsage, isHelpOrVersion, packageVersion } from './cli/usage.js'

// A library that fails in the background (e.g. a wasm that cannot load) must not crash the gate with a
// stack trace: say what happened in one line; the rule that needed it reports itself as not evaluated.
process.on('unhandledRejection', (e) => {
  process.stderr.write(`pr-quality-gate: background error: ${errorMessage(e).split('\n')[0]}\n`)
})

const args = process.argv.slice(2)
// Each face is loaded only when it runs (issue 15 item 5): the Action never evaluates the CLI's modules
// (the App server, release mode, the schema printer), and the CLI never evaluates the Action's.
if (args.length === 0 && process.env.GITHUB_ACTIONS === 'true') {
  // The head start first (the inputs, the client, the PR's file list under way), then the rest of the
  // Action, loaded while GitHub answers (src/action/head-start.ts).
  const head = await (await import('./action/head-start.js')).headStart()
  const { run } = await import('./action/run.js')
  await run(head)
} else if (isHelpOrVersion(args)) {
  // `--help`, `<command> --help`, `--version`: printed from the usage module alone (issue 15 item 5), the
  // same text the CLI prints; a reader that goes away (`| head`) ends the output quietly.
  process.stdout.on('error', () => undefined)
  const cmd = args.at(0) // none: no command
  const rest = args.slice(1)
  if (cmd === '--version' || cmd === '-V' || cmd === 'version') process.stdout.write(`pr-gate ${packageVersion()}\n`)
  else if (cmd !== undefined && COMMANDS.includes(cmd) && (rest.includes('--help') || rest.includes('-h')))
    process.stdout.write(commandUsage(cmd) ?? USAGE)
  else {
    process.stdout.write(USAGE)
    if (cmd === undefined) process.exitCode = 2 // no command: usage, as a usage error
  }
} else {
  // Node 22.1+: V8's compile cache (in the OS temp dir, or NODE_COMPILE_CACHE; NODE_DISABLE_COMPILE_CACHE
  // turns it off) for the CLI, which runs again and again on one machine: a warm run skips compiling the
  // bundle's chunks (measured on Node 24 here: ~6 % of a small `check`). Not for the Action: a hosted
  // runner starts each job empty, where the cache would only cost its writing (~10 %, measured the same way).
  ;(module as { enableCompileCache?: () => unknown }).enableCompileCache?.()
  const { main } = await import('./cli/main.js')
  process.exitCode = await main(args)
}
