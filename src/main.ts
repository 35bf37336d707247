/**
 * Entry of the bundle (dist/index.js): with a subcommand it is the `pr-gate` CLI; without one, inside
 * GitHub Actions, it is the Action.
 */
import { run as runAction } from './action/run.js'
import { main as runCli } from './cli/main.js'

const args = process.argv.slice(2)
if (args.length === 0 && process.env.GITHUB_ACTIONS === 'true') {
  await runAction()
} else {
  process.exitCode = await runCli(args)
}
