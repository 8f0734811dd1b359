// Command-line options of bench:sim, validated: a wrong value names the flag and what it takes.
import { parseArgs } from 'node:util'

export interface BenchOptions {
  peers: number
  topics: number
  seed: number
  crash: number
  wire: boolean
  /** Only when given: each run then uses `meshcast sim`'s own default. */
  publishIntervalMs: number | undefined
  /** A git ref or commit to compare with, or undefined for the current code alone. */
  baseline: string | undefined
  /** Runs of each side, alternating; the median wall time is reported. */
  repeat: number
}

export class UsageError extends Error {
  constructor (message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

export const USAGE = `Usage: npm run bench:sim -- [options]
  --peers N               virtual peers (default 10000)
  --topics T              topics (default 100)
  --seed S                seed (default 1)
  --crash F               fraction of peers crashed at once (default 0.1)
  --wire                  encode and decode every frame with the wire codec
  --publish-interval MS   each topic publishes once per MS (default: meshcast sim's)
  --baseline REF          also run the same scenario at git REF (a temporary worktree) and compare
  --repeat N              with --baseline: run each side N times, alternating; median wall time (default 1)
  -h, --help              this help
`

function num (raw: string | undefined, flag: string, def: number | undefined, opts: { min: number, max: number, integer?: boolean }): number | undefined {
  if (raw === undefined) return def
  const v = Number(raw)
  if (raw.trim() === '' || !Number.isFinite(v) || (opts.integer === true && !Number.isInteger(v)) || v < opts.min || v > opts.max) {
    throw new UsageError(`--${flag} takes ${opts.integer === true ? 'an integer' : 'a number'} in ${opts.min}..${opts.max}, not '${raw}'`)
  }
  return v
}

/** Parses argv; returns undefined for --help. Throws UsageError on a bad flag or value. */
export function parseBenchArgs (argv: string[]): BenchOptions | undefined {
  let values
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        peers: { type: 'string' },
        topics: { type: 'string' },
        seed: { type: 'string' },
        crash: { type: 'string' },
        wire: { type: 'boolean' },
        'publish-interval': { type: 'string' },
        baseline: { type: 'string' },
        repeat: { type: 'string' },
        help: { type: 'boolean', short: 'h' }
      }
    }).values
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
  if (values.help === true) return undefined
  const baseline = values.baseline
  if (baseline !== undefined && (baseline.trim() === '' || baseline.startsWith('-'))) throw new UsageError(`--baseline takes a git ref or commit, not '${baseline}'`)
  const repeat = num(values.repeat, 'repeat', 1, { min: 1, max: 99, integer: true }) as number
  return {
    peers: num(values.peers, 'peers', 10_000, { min: 2, max: 1_000_000, integer: true }) as number,
    topics: num(values.topics, 'topics', 100, { min: 1, max: 1_000_000, integer: true }) as number,
    seed: num(values.seed, 'seed', 1, { min: 0, max: 2 ** 32 - 1, integer: true }) as number,
    crash: num(values.crash, 'crash', 0.1, { min: 0, max: 0.9 }) as number,
    wire: values.wire === true,
    publishIntervalMs: num(values['publish-interval'], 'publish-interval', undefined, { min: 1, max: 3_600_000 }),
    baseline,
    repeat
  }
}
