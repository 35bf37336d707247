/**
 * Entry of the bundle (dist/index.js): with a subcommand it is the `pr-gate` CLI; without one, inside
 * GitHub Actions, it is the Action.
 */
import { run as runAction } from './action/run.js'
import { main as runCli } from './cli/main.js'
import { errorMessage } from './engine/run.js'

// A library that fails in the background (e.g. a wasm that cannot load) must not crash the gate with a
// stack trace: say what happened in one line; the rule that needed it reports itself as not evaluated.
process.on('unhandledRejection', (e) => {
  process.stderr.write(`pr-quality-gate: background error: ${errorMessage(e).split('\n')[0]}\n`)
})

const args = process.argv.slice(2)
if (args.length === 0 && process.env.GITHUB_ACTIONS === 'true') {
  await runAction()
} else {
  process.exitCode = await runCli(args)
}
