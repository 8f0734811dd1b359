// `meshcast sim paper`: the SCRIBE paper's experiment on meshcast's trees (issue 6). Writes
// DIR/scribe-paper.json, DIR/scribe-paper.md and SVG plots of the distributions.
import { execFileSync, spawnSync } from 'node:child_process'
import { totalmem } from 'node:os'
import { getHeapStatistics } from 'node:v8'
import { writePaperOutputs } from '../../simulations/paper/report.ts'
import { DEFAULT_CANDIDATES, DEFAULT_LIVENESS_SCALE, runPaper, SCALES, VARIANTS } from '../../simulations/paper/runner.ts'
import type { PaperResult, Scale } from '../../simulations/paper/runner.ts'
import type { RunConfig } from '../../simulations/paper/experiment.ts'
import { numberFlag, parse, UsageError } from './args.ts'

export const PAPER_HELP = `Usage: meshcast sim paper [--scale small|full] --out DIR [options]

Reproduces the experiment of the SCRIBE paper (Castro et al., IEEE JSAC 2002) on meshcast's
XOR trees: a 5,050-router transit-stub topology, end nodes running the real protocol core,
the paper's groups; measures delay penalty against IP multicast (RAD, RMD), node stress and
link stress, with proximity neighbour selection and the bottleneck remover on and off.

  small: ${SCALES.small.zipf.nodes} nodes x ${SCALES.small.zipf.groups} Zipf groups; ${SCALES.small.smallGroups.nodes} nodes x ${SCALES.small.smallGroups.groups} groups of ${SCALES.small.smallGroups.size} (about a minute)
  full:  ${SCALES.full.zipf.nodes.toLocaleString('en-US')} nodes x ${SCALES.full.zipf.groups} Zipf groups; ${SCALES.full.smallGroups.nodes.toLocaleString('en-US')} nodes x ${SCALES.full.smallGroups.groups.toLocaleString('en-US')} groups of ${SCALES.full.smallGroups.size} (the paper's; a large heap)

Options:
  --scale S             small or full (default small)
  --out DIR             write DIR/scribe-paper.json, DIR/scribe-paper.md and DIR/*.svg
  --seed N              seed of topology, ids, members (default 1)
  --experiments LIST    comma-separated: zipf, small-groups (default both)
  --variants LIST       comma-separated: ${VARIANTS.map(v => v.name).join(', ')} (default all)
  --candidates N        PNS candidates measured per routing-table bucket (default ${DEFAULT_CANDIDATES})
  --liveness-scale F    heartbeat and failure timers x F (default ${DEFAULT_LIVENESS_SCALE}; 1 = the core's defaults)
  --quiet               no progress on stderr
  -h, --help            this help
`

const OPTIONS = {
  scale: { type: 'string' },
  out: { type: 'string' },
  seed: { type: 'string' },
  experiments: { type: 'string' },
  variants: { type: 'string' },
  candidates: { type: 'string' },
  'liveness-scale': { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' }
} as const

/** Heap the full scale needs (measured peak ~9 GiB of RSS; room for garbage). */
const FULL_HEAP_MB = 16 * 1024
const CHILD_ENV = 'MESHCAST_PAPER_CHILD'

interface Io { stdout: (s: string) => void, stderr: (s: string) => void }

export interface PaperArgs {
  scale: Scale
  out: string
  seed: number
  experiments?: Array<RunConfig['experiment']>
  variants?: string[]
  candidates?: number
  livenessScale?: number
  quiet: boolean
}

export function paperArgs (argv: string[]): PaperArgs | 'help' {
  const { values, positionals } = parse(argv, OPTIONS)
  if (values.help === true) return 'help'
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}' (see meshcast sim paper --help)`)
  const scale = (values.scale ?? 'small') as string
  if (scale !== 'small' && scale !== 'full') throw new UsageError(`--scale takes small or full, not '${scale}' (see meshcast sim paper --help)`)
  if (typeof values.out !== 'string' || values.out === '') throw new UsageError('meshcast sim paper needs --out DIR (see meshcast sim paper --help)')
  const list = (name: string, allowed: readonly string[]): string[] | undefined => {
    const raw = values[name]
    if (raw === undefined) return undefined
    const items = String(raw).split(',').map(s => s.trim()).filter(s => s !== '')
    for (const i of items) if (!allowed.includes(i)) throw new UsageError(`--${name} takes a comma-separated list of ${allowed.join(', ')}, not '${i}'`)
    if (items.length === 0) throw new UsageError(`--${name} needs at least one of ${allowed.join(', ')}`)
    return items
  }
  return {
    scale,
    out: values.out,
    seed: numberFlag(values, 'seed', { min: 0, max: 2 ** 32 - 1, integer: true }) ?? 1,
    experiments: list('experiments', ['zipf', 'small-groups']) as Array<RunConfig['experiment']> | undefined,
    variants: list('variants', VARIANTS.map(v => v.name)),
    candidates: numberFlag(values, 'candidates', { min: 1, max: 100_000, integer: true }),
    livenessScale: numberFlag(values, 'liveness-scale', { min: 1, max: 1000 }),
    quiet: values.quiet === true
  }
}

export function runPaperCommand (argv: string[], io: Io): PaperResult | undefined {
  const a = paperArgs(argv)
  if (a === 'help') {
    io.stdout(PAPER_HELP)
    return undefined
  }
  // The full scale needs a heap larger than Node's default: run again in a child with one.
  const limitMb = getHeapStatistics().heap_size_limit / 2 ** 20
  const wantMb = Math.min(FULL_HEAP_MB, Math.floor(totalmem() / 2 ** 20 * 0.8))
  if (a.scale === 'full' && limitMb < wantMb * 0.9 && process.env[CHILD_ENV] === undefined) {
    // --expose-gc lets the runner free one run's overlay before the next run starts.
    const flags = [`--max-old-space-size=${wantMb}`, '--expose-gc']
    io.stderr(`[paper] heap limit ${limitMb.toFixed(0)} MiB; running in a child process with ${flags.join(' ')}\n`)
    const r = spawnSync(process.execPath, [...process.execArgv, ...flags, process.argv[1], ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: { ...process.env, [CHILD_ENV]: '1' }
    })
    // The child printed its own report or error; pass its status on.
    if (r.status !== 0) process.exit(r.status ?? 1)
    return undefined
  }
  const gib = (b: number): string => `${(b / 2 ** 30).toFixed(2)} GiB`
  const res = runPaper({ scale: a.scale, seed: a.seed, experiments: a.experiments, variants: a.variants, candidates: a.candidates, livenessScale: a.livenessScale }, {
    progressEveryMs: a.scale === 'full' ? 10_000 : 2000,
    onProgress: a.quiet
      ? undefined
      : p => io.stderr(`[paper] ${p.run.padEnd(26)} ${p.phase.padEnd(14)} virtual ${(p.virtualMs / 1000).toFixed(2)} s  events ${p.events.toLocaleString('en-US')}  wall ${(p.wallMs / 1000).toFixed(1)} s  rss ${gib(p.rssBytes)}\n`),
    onRunDone: r => io.stderr(`[paper] ${`${r.experiment}/${r.variant}`.padEnd(26)} done in ${(r.wallMs / 1000).toFixed(1)} s: RAD mean ${r.rad.mean.toFixed(3)} p50 ${r.rad.p50.toFixed(3)} max ${r.rad.max.toFixed(3)}; RMD mean ${r.rmd.mean.toFixed(3)}; children entries max ${r.nodeStress.entries.max}; link stress max ${r.linkStress.max} (IP ${r.ipLinkStress.max}); delivered ${r.delivery.delivered}/${r.subscriptions}; peak RSS ${gib(r.peakRssBytes)}\n`)
  }, { commit: gitCommit(), heapLimitBytes: getHeapStatistics().heap_size_limit })
  const command = `meshcast sim paper --scale ${a.scale} --out ${a.out}` + (a.seed !== 1 ? ` --seed ${a.seed}` : '') +
    (a.experiments !== undefined ? ` --experiments ${a.experiments.join(',')}` : '') + (a.variants !== undefined ? ` --variants ${a.variants.join(',')}` : '') +
    (a.candidates !== undefined ? ` --candidates ${a.candidates}` : '') + (a.livenessScale !== undefined ? ` --liveness-scale ${a.livenessScale}` : '')
  const files = writePaperOutputs(res, a.out, command)
  const r3 = (v: number): string => v.toFixed(3)
  io.stdout([
    `headline (${res.headline}): RAD mean ${r3(res.rad.mean)} p50 ${r3(res.rad.p50)} max ${r3(res.rad.max)}; RMD mean ${r3(res.rmd.mean)} p50 ${r3(res.rmd.p50)} max ${r3(res.rmd.max)}`,
    `node stress (children entries) mean ${r3(res.nodeStress.mean)} max ${res.nodeStress.max}; link stress mean ${res.linkStress.mean.toFixed(1)} max ${res.linkStress.max}; IP multicast mean ${res.ipLinkStress.mean.toFixed(1)} max ${res.ipLinkStress.max}`,
    ...Object.entries(res.experiments).map(([e, v]) => `experiment ${e}: ${v.runs} runs in ${(v.wallMs / 1000).toFixed(1)} s`),
    `wall ${(res.wallMs / 1000).toFixed(1)} s, peak memory (RSS) ${gib(res.peakRssBytes)}`,
    ...files.map(f => `wrote ${f}`)
  ].join('\n') + '\n')
  return res
}

function gitCommit (): string {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch {
    return ''
  }
}
