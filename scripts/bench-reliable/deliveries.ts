// What the subscribers of one phase received, against what they should have: the messages
// published (best effort) or acknowledged (reliable), each at every counted subscriber.
import { appendFileSync } from 'node:fs'
import type { PhaseReport, PublishReport } from '../bench-node/protocol.ts'
import { percentile } from '../bench-node/stats.ts'

export interface DeliveryFigures {
  /** Messages every counted subscriber should have: published, or acknowledged with ack. */
  owed: number
  /** owed × counted subscribers. */
  expected: number
  /** Distinct owed messages delivered, summed over subscribers. */
  delivered: number
  /** expected − delivered. */
  lost: number
  /** Distinct deliveries of messages not owed (a reliable publish that failed but arrived). */
  extra: number
  /** Deliveries of a message the subscriber already had. */
  duplicates: number
  /** Deliveries of a lower index than one the subscriber already had (publish order broken). */
  outOfOrder: number
  perSubscriber: Array<{ worker: number, delivered: number, lost: number, duplicates: number, outOfOrder: number, firstLost: number | null }>
  /** ms from publish to delivery over every delivery (owed or not), and their percentiles. */
  latencies: number[]
  p50: number | null
  p99: number | null
  max: number | null
  /** Earliest and latest delivery (epoch ms), null without deliveries. */
  first: number | null
  last: number | null
}

/**
 * Appends a phase's raw figures to `file` as JSON lines: the publisher's (failed indices, ms to
 * each acknowledgement) and every subscriber's deliveries (index and latency, in arrival order).
 */
export function dump (file: string, phase: Record<string, unknown>, pub: PublishReport, reports: ReadonlyArray<{ worker: number, report: PhaseReport }>): void {
  const lines = [JSON.stringify({ ...phase, worker: 0, failed: pub.failed ?? [], ackByIndex: pub.ackByIndex ?? null })]
  for (const { worker, report } of reports) {
    lines.push(JSON.stringify({ ...phase, worker, duplicates: report.duplicates, indices: report.indices, latencies: report.latencies.map(l => Math.round(l * 1000) / 1000) }))
  }
  appendFileSync(file, lines.join('\n') + '\n')
}

/** The indices a subscriber is owed: 0..launched-1 without the failed ones. */
export function owedIndices (pub: PublishReport): Set<number> {
  const failed = new Set(pub.failed ?? [])
  const owed = new Set<number>()
  const launched = pub.launched ?? pub.sent
  for (let i = 0; i < launched; i++) if (!failed.has(i)) owed.add(i)
  return owed
}

export function analyse (pub: PublishReport, reports: ReadonlyArray<{ worker: number, report: PhaseReport }>): DeliveryFigures {
  const owed = owedIndices(pub)
  const per: DeliveryFigures['perSubscriber'] = []
  let extra = 0
  for (const { worker, report } of reports) {
    const seen = new Set(report.indices)
    let got = 0
    let firstLost: number | null = null
    for (const i of owed) {
      if (seen.has(i)) got++
      else if (firstLost === null || i < firstLost) firstLost = i
    }
    for (const i of seen) if (!owed.has(i)) extra++
    let high = -1
    let outOfOrder = 0
    for (const i of report.indices) {
      if (i < high) outOfOrder++
      else high = i
    }
    per.push({ worker, delivered: got, lost: owed.size - got, duplicates: report.duplicates, outOfOrder, firstLost })
  }
  const latencies = reports.flatMap(r => r.report.latencies)
  const firsts = reports.flatMap(r => r.report.first ?? [])
  const lasts = reports.flatMap(r => r.report.last ?? [])
  const delivered = per.reduce((a, s) => a + s.delivered, 0)
  return {
    owed: owed.size,
    expected: owed.size * reports.length,
    delivered,
    lost: owed.size * reports.length - delivered,
    extra,
    duplicates: per.reduce((a, s) => a + s.duplicates, 0),
    outOfOrder: per.reduce((a, s) => a + s.outOfOrder, 0),
    perSubscriber: per,
    latencies,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    max: percentile(latencies, 1),
    first: firsts.length === 0 ? null : Math.min(...firsts),
    last: lasts.length === 0 ? null : Math.max(...lasts)
  }
}
