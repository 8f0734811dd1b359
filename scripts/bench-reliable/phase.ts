// One measured phase of one mode, as bench:node measures it: worker 0 publishes (paced:
// latency; burst: throughput), the parent waits (at most 30 s) until every subscriber has
// every message it is owed, plus 0.5 s, and takes bytes on the wire and CPU time around it.
import type { PhaseReport, PublishReport } from '../bench-node/protocol.ts'
import { percentile } from '../bench-node/stats.ts'
import { Cluster } from './cluster.ts'
import type { Mode } from './cluster.ts'
import { analyse, dump } from './deliveries.ts'
import type { DeliveryFigures } from './deliveries.ts'

export interface PhaseSpec {
  mode: Mode
  kind: 'paced' | 'burst' | 'warm-up'
  topic: string
  subscribers: readonly number[]
  count: number
  /** Messages per second; 0 for a burst. */
  rate: number
  /** Burst: a turn of the publisher's event loop every `chunk` publishes. */
  chunk: number
  /** Reliable: acknowledged publishes in flight at most. */
  window: number
  /** Bytes/s on the wire with nothing published (measured before): gives bytesPerDeliveryNet. */
  idleBytesPerSec?: number
  /** Append every delivery and acknowledgement time to this file (JSON lines). */
  dumpFile?: string
}

export interface PhaseFigures extends DeliveryFigures {
  mode: Mode['name']
  kind: PhaseSpec['kind']
  topic: string
  launched: number
  publishErrors: number
  lastError: string
  ackMs: PublishReport['ackMs'] | null
  /** ms to each acknowledgement (reliable). */
  ackLatencies: number[]
  /** Distinct deliveries (owed or not). */
  distinct: number
  /** Measured parts (a merged phase: its rounds), each with its latency percentiles. */
  rounds: Array<{ p50: number | null, p99: number | null, max: number | null }>
  /** Distinct deliveries (owed or not) per second, first publish to last delivery. */
  deliveriesPerSec: number | null
  /** Publishes resolved (acknowledged) per second at the publisher. */
  publishedPerSec: number | null
  windowMs: number
  /** TCP bytes of every libp2p connection, plus ZeroMQ lane bytes when lanes are on. */
  bytesWritten: number
  laneBytes: number
  bytesPerDelivery: number | null
  /** bytesPerDelivery without the idle background (idle bytes/s × the phase window). */
  bytesPerDeliveryNet: number | null
  cpuMs: number
  cpuMsPerDelivery: number | null
  counters: Record<string, number>
}

const sleep = async (ms: number): Promise<void> => { await new Promise(resolve => setTimeout(resolve, ms)) }

export async function runPhase (cluster: Cluster, spec: PhaseSpec, log: (s: string) => void): Promise<PhaseFigures> {
  const phaseId = cluster.nextPhase()
  const timeLimitMs = spec.rate > 0 ? Math.ceil(spec.count / spec.rate * 1000) + 10_000 : 60_000
  const statsBefore = await cluster.stats(spec.topic)
  const before = await cluster.snapshot()
  const t0 = performance.now()
  const pub = await cluster.publisher.request<PublishReport>({
    op: 'publish',
    system: 'meshcast',
    topic: spec.topic,
    phaseId,
    count: spec.count,
    rate: spec.rate,
    chunk: spec.chunk,
    timeLimitMs,
    ack: spec.mode.reliable,
    window: spec.window
  }, timeLimitMs + 30_000)
  // Stragglers: until every subscriber has as many distinct messages as were owed, at most 30 s.
  const owed = (pub.launched ?? pub.sent) - (pub.failed?.length ?? 0)
  const waitEnd = performance.now() + 30_000
  for (;;) {
    const counts = await Promise.all(spec.subscribers.map(async i => await cluster.workers[i].request<number>({ op: 'count', phaseId }, 5_000).catch(() => -1)))
    if (counts.every(c => c >= owed) || performance.now() > waitEnd) break
    await sleep(250)
  }
  await sleep(500) // settle: acknowledgements and window updates that belong to this phase
  const after = await cluster.snapshot()
  const windowMs = performance.now() - t0
  const reports = await Promise.all(spec.subscribers.map(async i => ({ worker: i, report: await cluster.workers[i].request<PhaseReport>({ op: 'collect', phaseId }, 60_000) })))
  const statsAfter = await cluster.stats(spec.topic)
  const d = analyse(pub, reports)
  if (spec.dumpFile !== undefined && spec.kind !== 'warm-up') dump(spec.dumpFile, { mode: spec.mode.name, kind: spec.kind, topic: spec.topic }, pub, reports)
  const distinct = reports.reduce((a, r) => a + r.report.delivered, 0)
  const laneBytes = (after.laneWritten ?? 0) - (before.laneWritten ?? 0)
  const written = after.written - before.written + laneBytes
  const durationMs = d.last === null ? NaN : d.last - pub.startedAt
  const result: PhaseFigures = {
    ...d,
    mode: spec.mode.name,
    kind: spec.kind,
    topic: spec.topic,
    launched: pub.launched ?? pub.sent,
    publishErrors: pub.errors,
    lastError: pub.lastError,
    ackMs: pub.ackMs ?? null,
    ackLatencies: (pub.ackByIndex ?? []).filter(x => x >= 0),
    distinct,
    rounds: [{ p50: d.p50, p99: d.p99, max: d.max }],
    deliveriesPerSec: Number.isFinite(durationMs) && durationMs > 0 ? Math.round(distinct / (durationMs / 1000)) : null,
    publishedPerSec: pub.endedAt > pub.startedAt ? Math.round(pub.sent / ((pub.endedAt - pub.startedAt) / 1000)) : null,
    windowMs: Math.round(windowMs),
    bytesWritten: written,
    laneBytes,
    bytesPerDelivery: distinct > 0 ? written / distinct : null,
    bytesPerDeliveryNet: distinct > 0 && spec.idleBytesPerSec !== undefined ? (written - spec.idleBytesPerSec * windowMs / 1000) / distinct : null,
    cpuMs: (after.cpuMicros - before.cpuMicros) / 1000,
    cpuMsPerDelivery: distinct > 0 ? (after.cpuMicros - before.cpuMicros) / 1000 / distinct : null,
    counters: Cluster.counterDeltas(statsBefore, statsAfter)
  }
  if (spec.kind !== 'warm-up') {
    log(`[bench:reliable] ${spec.mode.name} ${spec.kind} on ${spec.topic}: owed ${d.owed}${pub.errors > 0 ? ` (${pub.errors} publishes failed: ${pub.lastError})` : ''}, delivered ${d.delivered}/${d.expected}, p50 ${d.p50?.toFixed(2)} ms, p99 ${d.p99?.toFixed(2)} ms, ${result.bytesPerDelivery?.toFixed(0)} B/delivery, ${result.deliveriesPerSec} deliveries/s${pub.ackMs == null ? '' : `, ack p50 ${pub.ackMs.p50?.toFixed(1)} / p99 ${pub.ackMs.p99?.toFixed(1)} ms`}`)
    if (d.lost > 0 || d.duplicates > 0 || d.outOfOrder > 0) log(`[bench:reliable]   per subscriber ${JSON.stringify(d.perSubscriber)}; counters ${JSON.stringify(result.counters)}; tree ${Cluster.describeTree(statsAfter)}`)
  }
  return result
}

/**
 * One figure for several rounds of a mode (paced rounds interleaved with the other mode's):
 * counts, bytes, CPU and windows summed, percentiles over every latency of every round.
 */
export function mergeRounds (parts: readonly PhaseFigures[]): PhaseFigures {
  const sum = (f: (p: PhaseFigures) => number): number => parts.reduce((a, p) => a + f(p), 0)
  const latencies = parts.flatMap(p => p.latencies)
  const ackLatencies = parts.flatMap(p => p.ackLatencies)
  const distinct = sum(p => p.distinct)
  const idleBytes = sum(p => p.bytesPerDeliveryNet === null ? NaN : p.bytesWritten - p.bytesPerDeliveryNet * p.distinct)
  const bytesWritten = sum(p => p.bytesWritten)
  const counters: Record<string, number> = {}
  for (const p of parts) for (const [k, v] of Object.entries(p.counters)) counters[k] = (counters[k] ?? 0) + v
  const first = parts[0]
  return {
    ...first,
    owed: sum(p => p.owed),
    expected: sum(p => p.expected),
    delivered: sum(p => p.delivered),
    lost: sum(p => p.lost),
    extra: sum(p => p.extra),
    duplicates: sum(p => p.duplicates),
    outOfOrder: sum(p => p.outOfOrder),
    perSubscriber: first.perSubscriber.map((s, i) => ({
      worker: s.worker,
      delivered: sum(p => p.perSubscriber[i]?.delivered ?? 0),
      lost: sum(p => p.perSubscriber[i]?.lost ?? 0),
      duplicates: sum(p => p.perSubscriber[i]?.duplicates ?? 0),
      outOfOrder: sum(p => p.perSubscriber[i]?.outOfOrder ?? 0),
      firstLost: null
    })),
    latencies,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    max: percentile(latencies, 1),
    first: Math.min(...parts.map(p => p.first ?? Infinity)),
    last: Math.max(...parts.map(p => p.last ?? 0)),
    launched: sum(p => p.launched),
    publishErrors: sum(p => p.publishErrors),
    lastError: parts.map(p => p.lastError).filter(e => e !== '').join('; '),
    ackLatencies,
    ackMs: ackLatencies.length === 0 ? null : { p50: percentile(ackLatencies, 0.5), p99: percentile(ackLatencies, 0.99), max: percentile(ackLatencies, 1) },
    distinct,
    rounds: parts.flatMap(p => p.rounds),
    // Rates of a merged phase: over the rounds' own durations, not the time between them.
    deliveriesPerSec: null,
    publishedPerSec: null,
    windowMs: sum(p => p.windowMs),
    bytesWritten,
    laneBytes: sum(p => p.laneBytes),
    bytesPerDelivery: distinct > 0 ? bytesWritten / distinct : null,
    bytesPerDeliveryNet: distinct > 0 && Number.isFinite(idleBytes) ? (bytesWritten - idleBytes) / distinct : null,
    cpuMs: sum(p => p.cpuMs),
    cpuMsPerDelivery: distinct > 0 ? sum(p => p.cpuMs) / distinct : null,
    counters
  }
}
