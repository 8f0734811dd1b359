// The side-by-side table (baseline / current / ratio), the goals table, and the median of
// repeated runs.
import type { SimReport } from '../../simulations/scenario.ts'
import type { ChildRun } from './runs.ts'

export function median (xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2
}

/** One side of the comparison: a report and how its process(es) ran. */
export interface Side {
  report: SimReport
  /** Process wall time, spawn to exit (start-up included); null when run in this process. */
  processMs: number | null
  /** Process CPU time, user + system; null when run in this process. */
  cpuMs: number | null
}

/**
 * One side for N runs of the same code: the first run's figures (the simulation is
 * deterministic) with the median wall time, peak RSS, process wall time and CPU time.
 */
export function combine (runs: ChildRun[]): Side {
  const med = (f: (r: ChildRun) => number): number => Math.round(median(runs.map(f)))
  return {
    report: { ...runs[0].report, wallMs: med(r => r.report.wallMs), peakRssBytes: med(r => r.report.peakRssBytes) },
    processMs: med(r => r.processMs),
    cpuMs: med(r => r.cpuMs)
  }
}

/** Deterministic fields that differ between runs of the same code (there should be none). */
export function nondeterministic (reports: SimReport[]): string[] {
  const fields = (r: SimReport): Record<string, unknown> => r as unknown as Record<string, unknown>
  const first = fields(reports[0])
  return Object.keys(first).filter(k => k !== 'wallMs' && k !== 'peakRssBytes' &&
    reports.some(r => JSON.stringify(fields(r)[k]) !== JSON.stringify(first[k])))
}

/** current ÷ baseline, rounded to 3 decimals; null when either is missing or the baseline is 0. */
export function ratio (current: number | null, baseline: number | null): number | null {
  if (current === null || baseline === null || baseline === 0) return null
  return Math.round(current / baseline * 1000) / 1000
}

interface Row { name: string, value: (s: Side) => number | null, show: (v: number | null) => string }

const MiB = 2 ** 20
const fixed = (d: number) => (v: number | null): string => v === null ? 'n/a' : v.toFixed(d)
const secs = (v: number | null): string => v === null ? 'n/a' : `${(v / 1000).toFixed(2)} s`
const ROWS: Row[] = [
  { name: 'wall time', value: s => s.report.wallMs, show: secs },
  { name: '  process wall (with start-up)', value: s => s.processMs, show: secs },
  { name: '  process CPU (user + sys)', value: s => s.cpuMs, show: secs },
  { name: 'peak RSS', value: s => s.report.peakRssBytes, show: v => v === null ? 'n/a' : `${(v / MiB).toFixed(0)} MiB` },
  { name: 'delivery after repair', value: s => s.report.deliveryAfterRepair, show: fixed(4) },
  { name: 'repair max', value: s => s.report.repairMs.max, show: v => v === null ? 'n/a' : `${v.toFixed(1)} ms` },
  { name: 'tree depth max', value: s => s.report.maxDepth, show: fixed(0) },
  { name: 'children per node max', value: s => s.report.maxChildren, show: fixed(0) },
  { name: 'messages per delivery', value: s => s.report.messagesPerDelivery, show: fixed(3) },
  { name: 'control msgs / peer / s', value: s => s.report.controlPerPeerPerSec, show: fixed(2) },
  { name: 'events', value: s => s.report.events, show: v => v === null ? 'n/a' : v.toLocaleString('en-US') }
]

export function formatComparison (baseline: Side, current: Side, baselineLabel: string): string {
  const lines: string[][] = [['', `baseline ${baselineLabel}`, 'current', 'ratio']]
  for (const row of ROWS) {
    const b = row.value(baseline)
    const c = row.value(current)
    const q = ratio(c, b)
    lines.push([row.name, row.show(b), row.show(c), q === null ? (b === c ? '=' : 'n/a') : q.toFixed(3)])
  }
  const w = [0, 1, 2, 3].map(i => Math.max(...lines.map(l => l[i].length)))
  return lines.map(l => `${l[0].padEnd(w[0])}  ${l[1].padStart(w[1])}  ${l[2].padStart(w[2])}  ${l[3].padStart(w[3])}`.trimEnd()).join('\n') + '\n'
}

export type Goal = readonly [goal: string, measured: string, met: boolean]

export function goals (r: SimReport, baseline: SimReport | undefined): Goal[] {
  const repairGoalMs = r.repairBoundMs
  const list: Goal[] = [
    ['wall time < 60 s', `${(r.wallMs / 1000).toFixed(1)} s`, r.wallMs < 60_000],
    ['deliveryAfterRepair = 1.0', r.deliveryAfterRepair.toFixed(4), r.deliveryAfterRepair === 1],
    [`repair max <= 3 heartbeats + one route (${repairGoalMs} ms)`, r.repairMs.max === null ? 'n/a' : `${r.repairMs.max} ms`, r.repairMs.max !== null && r.repairMs.max <= repairGoalMs],
    ['messagesPerDelivery close to 1', r.messagesPerDelivery.toFixed(3), r.messagesPerDelivery < 1.5]
  ]
  if (baseline !== undefined) {
    const q = ratio(r.wallMs, baseline.wallMs)
    list.push(["wall time ≤ 0.6 × baseline's", q === null ? 'n/a' : `${q.toFixed(3)} ×`, q !== null && q <= 0.6])
  }
  return list
}

export function formatGoals (list: Goal[]): string {
  let s = 'goal                                              measured      met\n'
  for (const [goal, measured, met] of list) s += `${goal.padEnd(50)}${measured.padEnd(14)}${met ? 'yes' : 'NO'}\n`
  return s
}
