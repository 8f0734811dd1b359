#!/usr/bin/env node
// The `meshcast` command. Thin: parses arguments, calls the library, prints.
import { runSim, SIM_HELP } from './sim.ts'
import { UsageError } from './args.ts'

export const HELP = `Usage: meshcast <command> [options]

Commands:
  sim      run the deterministic simulator (meshcast sim --help)

Run 'meshcast <command> --help' for a command's options.
`

export async function main (argv: string[], io = { stdout: (s: string) => { process.stdout.write(s) }, stderr: (s: string) => { process.stderr.write(s) } }): Promise<number> {
  const [command, ...rest] = argv
  try {
    switch (command) {
      case 'sim':
        runSim(rest, io)
        return 0
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.stdout(HELP)
        return command === undefined ? 2 : 0
      default:
        throw new UsageError(`unknown command '${command}'`)
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`meshcast: ${err.message}\n${command === 'sim' ? SIM_HELP : HELP}`)
      return 2
    }
    if (err instanceof Error && err.name === 'ScenarioFailure') {
      io.stderr(`meshcast sim: invariant violated: ${err.message}\n`)
      return 1
    }
    throw err
  }
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2))
}
