// The paper runner: the plan of runs for a scale (the paper's Zipf experiment and its
// many-small-groups experiment, each with variants that switch proximity neighbour selection
// and the bottleneck remover), run one after the other on one shared topology, and the result
// that `meshcast sim paper` writes.
import { cpus, loadavg, totalmem } from 'node:os'
import type { BootstrapRecording } from './bootstrap.ts'
import { PUBLISHED } from './published.ts'
import { bootstrapKey, describeTopology, makeTopology, runExperiment } from './experiment.ts'
import type { Progress, RunConfig, RunResult, TopologySummary } from './experiment.ts'

export type Scale = 'small' | 'full'

export interface Variant {
  name: string
  label: string
  proximity: boolean
  maxChildren: number
  /** Candidates per bucket, or 'plan' for the plan's PNS candidates. */
  candidates: number | 'plan'
}

/**
 * The variants: the shipped configuration (PNS, fan-out cap 64) and one change at a time.
 * Our PNS is as strong as the candidates a node measures per bucket; 'pns48' is the
 * simulator's default sample of 48.
 */
export const VARIANTS: readonly Variant[] = [
  { name: 'pns-cap64', label: 'PNS, cap 64 (core defaults)', proximity: true, maxChildren: 64, candidates: 'plan' },
  { name: 'pns-nocap', label: 'PNS, no cap', proximity: true, maxChildren: Infinity, candidates: 'plan' },
  { name: 'pns48-cap64', label: 'PNS of 48 sampled, cap 64', proximity: true, maxChildren: 64, candidates: 48 },
  // Without PNS a bucket keeps the first k candidates offered, so the sample size only costs time.
  { name: 'nopns-cap64', label: 'no PNS, cap 64', proximity: false, maxChildren: 64, candidates: 48 }
]

export interface PlanOptions {
  scale: Scale
  seed: number
  /** Which experiments and variants to run (default all). */
  experiments?: ReadonlyArray<RunConfig['experiment']>
  variants?: readonly string[]
  /** PNS candidates per bucket for the 'plan' variants. */
  candidates?: number
  livenessScale?: number
}

export const SCALES: Record<Scale, { zipf: { nodes: number, groups: number }, smallGroups: { nodes: number, groups: number, size: number } }> = {
  // The test scale for the Zipf experiment; the small-groups one shrunk by 50.
  small: { zipf: { nodes: 2000, groups: 50 }, smallGroups: { nodes: 1000, groups: 600, size: 11 } },
  // The paper's: 100,000 nodes and 1,500 groups; 50,000 nodes and 30,000 groups of 11.
  full: { zipf: { nodes: 100_000, groups: 1500 }, smallGroups: { nodes: 50_000, groups: 30_000, size: 11 } }
}

export const DEFAULT_CANDIDATES = 1000
export const DEFAULT_LIVENESS_SCALE = 10

export function paperPlan (o: PlanOptions): RunConfig[] {
  const sc = SCALES[o.scale]
  const experiments = o.experiments ?? ['zipf', 'small-groups']
  const wanted = o.variants ?? VARIANTS.map(v => v.name)
  for (const w of wanted) if (!VARIANTS.some(v => v.name === w)) throw new RangeError(`unknown variant '${w}' (one of ${VARIANTS.map(v => v.name).join(', ')})`)
  const runs: RunConfig[] = []
  for (const e of experiments) {
    for (const v of VARIANTS) {
      if (!wanted.includes(v.name)) continue
      const size = e === 'zipf' ? { nodes: sc.zipf.nodes, groups: sc.zipf.groups, groupSize: 0 } : { nodes: sc.smallGroups.nodes, groups: sc.smallGroups.groups, groupSize: sc.smallGroups.size }
      runs.push({
        experiment: e,
        variant: v.name,
        ...size,
        zipf: 1.25,
        seed: o.seed,
        proximity: v.proximity,
        maxChildren: v.maxChildren,
        bucketCandidates: v.candidates === 'plan' ? (o.candidates ?? DEFAULT_CANDIDATES) : v.candidates,
        subscribeWindowMs: 2000,
        maxVirtualMs: 30_000,
        livenessScale: o.livenessScale ?? DEFAULT_LIVENESS_SCALE
      })
    }
  }
  return runs
}

export interface PaperResult {
  // The shipped configuration on the paper-scale Zipf experiment, the figures the issue asks for.
  rad: { mean: number, p50: number, max: number }
  rmd: { mean: number, p50: number, max: number }
  /** Children entries per node over all trees. */
  nodeStress: { mean: number, max: number }
  linkStress: { mean: number, max: number }
  ipLinkStress: { mean: number, max: number }
  /** Wall time of the whole command, and the process's peak resident memory. */
  wallMs: number
  peakRssBytes: number
  scale: Scale
  seed: number
  /** Which run the headline figures come from. */
  headline: string
  /** The goals, on the headline run; the paper's figure is recalled, not confirmed. */
  goals: { radMeanAtMost1_5: boolean, maxNodeStressBelowPaper: boolean, paperMaxNodeStress: number | null }
  experiments: Record<string, { wallMs: number, runs: number }>
  topology: TopologySummary
  /** Load average (1, 5, 15 min) at start and end: other work on the machine slows the runs. */
  machine: { cpus: number, memoryBytes: number, node: string, heapLimitBytes: number, loadAverage: { start: number[], end: number[] } }
  commit: string
  date: string
  runs: RunResult[]
}

export interface PaperHooks {
  onProgress?: (p: Progress) => void
  onRunDone?: (r: RunResult) => void
  progressEveryMs?: number
}

export function runPaper (o: PlanOptions, hooks: PaperHooks = {}, meta: { commit?: string, heapLimitBytes?: number } = {}): PaperResult {
  const start = performance.now()
  const loadStart = loadavg()
  const plan = paperPlan(o)
  const topology = makeTopology(o.seed)
  const runs: RunResult[] = []
  const experiments: Record<string, { wallMs: number, runs: number }> = {}
  // Recorded bootstraps, kept only while a later run of the plan can replay them.
  const bootstraps = new Map<string, BootstrapRecording>()
  for (let i = 0; i < plan.length; i++) {
    const c = plan[i]
    // The previous run's overlay is garbage now; collect it (when allowed) so this run's memory
    // figures are its own.
    if (i > 0) (globalThis as { gc?: () => void }).gc?.()
    const later = plan.slice(i + 1)
    const r = runExperiment(c, topology, { onProgress: hooks.onProgress, progressEveryMs: hooks.progressEveryMs, bootstraps, recordBootstrap: later.some(x => bootstrapKey(x) === bootstrapKey(c)) })
    for (const key of [...bootstraps.keys()]) if (!later.some(x => bootstrapKey(x) === key)) bootstraps.delete(key)
    runs.push(r)
    const e = experiments[c.experiment] ?? (experiments[c.experiment] = { wallMs: 0, runs: 0 })
    e.wallMs += r.wallMs
    e.runs++
    hooks.onRunDone?.(r)
  }
  const head = runs.find(r => r.experiment === 'zipf' && r.variant === 'pns-cap64') ?? runs[0]
  const pick3 = (s: { mean: number, p50: number, max: number }): { mean: number, p50: number, max: number } => ({ mean: s.mean, p50: s.p50, max: s.max })
  return {
    rad: pick3(head.rad),
    rmd: pick3(head.rmd),
    nodeStress: { mean: head.nodeStress.entries.mean, max: head.nodeStress.entries.max },
    linkStress: { mean: head.linkStress.mean, max: head.linkStress.max },
    ipLinkStress: { mean: head.ipLinkStress.mean, max: head.ipLinkStress.max },
    wallMs: Math.round(performance.now() - start),
    peakRssBytes: Math.max(process.resourceUsage().maxRSS * 1024, ...runs.map(r => r.peakRssBytes)),
    scale: o.scale,
    seed: o.seed,
    headline: `${head.experiment}/${head.variant}`,
    goals: {
      radMeanAtMost1_5: head.rad.mean <= 1.5,
      maxNodeStressBelowPaper: PUBLISHED.entriesMax.value !== null && head.nodeStress.entries.max < PUBLISHED.entriesMax.value,
      paperMaxNodeStress: PUBLISHED.entriesMax.value
    },
    experiments,
    topology: describeTopology(topology, o.seed),
    machine: { cpus: cpus().length, memoryBytes: totalmem(), node: process.version, heapLimitBytes: meta.heapLimitBytes ?? 0, loadAverage: { start: loadStart, end: loadavg() } },
    commit: meta.commit ?? '',
    date: new Date().toISOString(),
    runs
  }
}
