/**
 * Entry of the bundle (dist/index.js): with a subcommand it is the `pr-gate` CLI; without one, inside
 * GitHub Actions, it is the Action.
 */
import { errorMessage } from './errors.js'

// A library that fails in the background (e.g. a wasm that cannot load) must not crash the gate with a
// stack trace: say what happened in one line; the rule that needed it reports itself as not evaluated.
process.on('unhandledRejection', (e) => {
  process.stderr.write(`pr-quality-gate: background error: ${errorMessage(e).split('\n')[0]}\n`)
})

const args = process.argv.slice(2)
// Each face is loaded only when it runs (issue 15 item 5): the Action never evaluates the CLI's modules
// (the App server, release mode, the schema printer), and the CLI never evaluates the Action's.
if (args.length === 0 && process.env.GITHUB_ACTIONS === 'true') {
  const { run } = await import('./action/run.js')
  await run()
} else {
  const { main } = await import('./cli/main.js')
  process.exitCode = await main(args)
}
