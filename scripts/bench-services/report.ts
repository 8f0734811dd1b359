// bench:services' figures over all rounds, the printed table and the JSON line.
import { fmt, percentile, ratio, round } from '../bench-node/stats.ts'
import type { System } from './protocol.ts'
import type { RequestReplyResult } from './request-reply.ts'
import type { WorkQueueResult } from './work-queue.ts'

export interface SystemFigures {
  /** Median over rounds of delivered msgs/s. */
  workMsgsPerSec: number | null
  workPerRound: Array<number | null>
  workLost: number
  workDuplicates: number
  workPublishErrors: number
  workPerWorker: number[]
  /** meshcast, runs that lost messages: the nodes' drop counters after the run, by worker index. */
  workDrops: Array<Record<number, Record<string, number>>>
  /** Round trips of every round together. */
  rrP50: number | null
  rrP99: number | null
  rrMax: number | null
  rrReplies: number
  rrErrors: number
  rrWrongReplies: number
}

export function figures (work: WorkQueueResult[], rr: RequestReplyResult[]): SystemFigures {
  const rtt = rr.flatMap(r => r.rttMs)
  const rates = work.map(w => w.msgsPerSec)
  return {
    workMsgsPerSec: round(percentile(rates.flatMap(x => x === null ? [] : [x]), 0.5), 0),
    workPerRound: rates.map(x => round(x, 0)),
    workLost: work.reduce((a, w) => a + w.lost, 0),
    workDuplicates: work.reduce((a, w) => a + w.duplicates, 0),
    workPublishErrors: work.reduce((a, w) => a + w.publishErrors, 0),
    workPerWorker: work.length === 0 ? [] : work[0].perWorker.map((_, i) => work.reduce((a, w) => a + (w.perWorker[i] ?? 0), 0)),
    workDrops: work.flatMap(w => w.drops === undefined ? [] : [w.drops]),
    rrP50: round(percentile(rtt, 0.5), 3),
    rrP99: round(percentile(rtt, 0.99), 3),
    rrMax: round(percentile(rtt, 1), 3),
    rrReplies: rtt.length,
    rrErrors: rr.reduce((a, r) => a + r.errors, 0),
    rrWrongReplies: rr.reduce((a, r) => a + r.wrongReplies, 0)
  }
}

export interface Ratios { workMsgsPerSec: number | null, rrP50: number | null, rrP99: number | null, rrMax: number | null }

export function ratios (m: SystemFigures, n: SystemFigures): Ratios {
  return {
    workMsgsPerSec: ratio(m.workMsgsPerSec, n.workMsgsPerSec),
    rrP50: ratio(m.rrP50, n.rrP50),
    rrP99: ratio(m.rrP99, n.rrP99),
    rrMax: ratio(m.rrMax, n.rrMax)
  }
}

function pad (cells: string[], widths: number[]): string {
  return cells.map((c, i) => i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])).join('  ')
}

export function table (by: Record<System, SystemFigures>, r: Ratios, o: { count: number, rounds: number, requests: number }): string {
  const head = ['', 'work queue msgs/s', 'lost', 'dup', 'req/reply p50 ms', 'p99 ms', 'max ms', 'req errors']
  const widths = [14, 17, 6, 5, 16, 8, 8, 10]
  const row = (name: string, f: SystemFigures): string[] => [name, fmt(f.workMsgsPerSec, 0), String(f.workLost), String(f.workDuplicates), fmt(f.rrP50, 3), fmt(f.rrP99, 3), fmt(f.rrMax, 3), String(f.rrErrors)]
  const x = (v: number | null): string => v === null ? 'n/a' : `${v.toFixed(2)}x`
  const lines = [
    pad(head, widths),
    pad(row('meshcast', by.meshcast), widths),
    pad(row('NATS', by.nats), widths),
    pad(['meshcast/NATS', x(r.workMsgsPerSec), '', '', x(r.rrP50), x(r.rrP99), x(r.rrMax), ''], widths),
    `(work queue: median of ${o.rounds} rounds of ${o.count.toLocaleString('en-US')} messages, 1 producer -> 4 workers; request/reply: ${(o.requests * o.rounds).toLocaleString('en-US')} sequential round trips over ${o.rounds} rounds)`
  ]
  return lines.join('\n')
}
