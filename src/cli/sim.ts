// `meshcast sim`: the simulator from the command line.
import { writeFileSync } from 'node:fs'
import { runScenario } from '../../simulations/scenario.ts'
import type { Scenario, SimReport } from '../../simulations/scenario.ts'
import { formatReport } from '../../simulations/report.ts'
import { numberFlag, parse, UsageError } from './args.ts'
import { runPaperCommand } from './paper.ts'

export const SIM_HELP = `Usage: meshcast sim [options]

Runs the deterministic simulator: builds an overlay of N virtual peers running the real
protocol core, subscribes Zipf-sized groups, publishes steadily, crashes a fraction of the
peers at once, keeps publishing, and reports delivery (also during repair), duplicate and
out-of-order deliveries, latency, repair time and costs.

Options:
  --peers N             virtual peers (default 500)
  --topics T            topics; the group of rank r has round(N * r^-1.25) members (default 50)
  --crash F             fraction of peers crashed at once at 10 s (default 0.1)
  --seed S              seed; the same seed gives the same report (default 1)
  --out FILE            also write the report as JSON to FILE
  --publish-start MS    publishing starts at virtual MS (default 5000)
  --publish-interval MS each topic publishes once per MS (default 250)
  --payload-bytes B     payload size (default 100)
  --crash-at MS         virtual time of the crash (default 10000)
  --end MS              virtual end time (default 20000)
  --churn-rounds R      after the crash, R rounds of churn (crash and join), one every
                        --churn-every; rounds due after --end do not run (default 0)
  --churn-fraction F    peers replaced per churn round (default 0.05)
  --churn-every MS      time between churn rounds (default 4000)
  --partition-fraction F  cut F of the peers off from the rest (default 0: none)
  --partition-at MS     when the partition starts (default 12000)
  --partition-for MS    how long it lasts before it heals (default 3000)
  --wire                encode every frame with the wire codec
  --strict-duplicates   stop at the first message delivered twice (by default duplicates
                        are counted in the report)
  --reliable            every subscription reliable, every publish acknowledged (the report's
                        'acknowledged lost' counts acknowledged messages a subscriber missed)
  --quiet               no progress on stderr
  --json                print the JSON report instead of the table
  -h, --help            this help

  meshcast sim paper --help   the SCRIBE paper's experiment (delay, node and link stress)
`

const OPTIONS = {
  peers: { type: 'string' },
  topics: { type: 'string' },
  crash: { type: 'string' },
  seed: { type: 'string' },
  out: { type: 'string' },
  'publish-start': { type: 'string' },
  'publish-interval': { type: 'string' },
  'payload-bytes': { type: 'string' },
  'crash-at': { type: 'string' },
  end: { type: 'string' },
  'churn-rounds': { type: 'string' },
  'churn-fraction': { type: 'string' },
  'churn-every': { type: 'string' },
  'partition-fraction': { type: 'string' },
  'partition-at': { type: 'string' },
  'partition-for': { type: 'string' },
  wire: { type: 'boolean' },
  'strict-duplicates': { type: 'boolean' },
  reliable: { type: 'boolean' },
  quiet: { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' }
} as const

export function simScenario (argv: string[]): { scenario: Partial<Scenario>, out?: string, quiet: boolean, json: boolean, help: boolean } {
  const { values, positionals } = parse(argv, OPTIONS)
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}' (see meshcast sim --help)`)
  const s: Partial<Scenario> = {}
  const set = <K extends keyof Scenario>(k: K, v: Scenario[K] | undefined): void => { if (v !== undefined) s[k] = v }
  set('peers', numberFlag(values, 'peers', { min: 2, max: 1_000_000, integer: true }))
  set('topics', numberFlag(values, 'topics', { min: 1, max: 1_000_000, integer: true }))
  set('crash', numberFlag(values, 'crash', { min: 0, max: 0.9 }))
  set('seed', numberFlag(values, 'seed', { min: 0, max: 2 ** 32 - 1, integer: true }))
  set('publishStartMs', numberFlag(values, 'publish-start', { min: 0 }))
  set('publishIntervalMs', numberFlag(values, 'publish-interval', { min: 1 }))
  set('payloadBytes', numberFlag(values, 'payload-bytes', { min: 4, max: 1024 * 1024, integer: true }))
  set('crashAtMs', numberFlag(values, 'crash-at', { min: 0 }))
  set('endMs', numberFlag(values, 'end', { min: 1000 }))
  set('churnRounds', numberFlag(values, 'churn-rounds', { min: 0, integer: true }))
  set('churnFraction', numberFlag(values, 'churn-fraction', { min: 0, max: 0.9 }))
  set('churnEveryMs', numberFlag(values, 'churn-every', { min: 1 }))
  set('partitionFraction', numberFlag(values, 'partition-fraction', { min: 0, max: 0.9 }))
  set('partitionAtMs', numberFlag(values, 'partition-at', { min: 0 }))
  set('partitionMs', numberFlag(values, 'partition-for', { min: 1 }))
  if (values.wire === true) s.wire = true
  if (values['strict-duplicates'] === true) s.strictDuplicates = true
  if (values.reliable === true) s.reliable = true
  const endMs = s.endMs ?? 20_000
  if ((s.crashAtMs ?? 10_000) >= endMs) throw new UsageError('--crash-at must be before --end')
  return { scenario: s, out: values.out as string | undefined, quiet: values.quiet === true, json: values.json === true, help: values.help === true }
}

export function runSim (argv: string[], io: { stdout: (s: string) => void, stderr: (s: string) => void }): SimReport | undefined {
  if (argv[0] === 'paper') {
    runPaperCommand(argv.slice(1), io)
    return undefined
  }
  const parsed = simScenario(argv)
  if (parsed.help) {
    io.stdout(SIM_HELP)
    return undefined
  }
  const report = runScenario(parsed.scenario, {
    onProgress: parsed.quiet
      ? undefined
      : p => io.stderr(`[sim] ${p.phase.padEnd(14)} virtual ${(p.virtualMs / 1000).toFixed(1)}/${(p.endMs / 1000).toFixed(0)} s  events ${p.events.toLocaleString('en-US')}  wall ${(p.wallMs / 1000).toFixed(1)} s\n`)
  })
  io.stdout(parsed.json ? JSON.stringify(report) + '\n' : formatReport(report))
  if (parsed.out !== undefined) writeFileSync(parsed.out, JSON.stringify(report, null, 2) + '\n')
  return report
}
