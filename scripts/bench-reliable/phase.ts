// One measured phase of one mode, as bench:node measures it: worker 0 publishes (paced:
// latency; burst: throughput), the parent waits (at most 30 s) until every subscriber has
// every message it is owed, plus 0.5 s, and takes bytes on the wire and CPU time around it.
import type { PhaseReport, PublishReport } from '../bench-node/protocol.ts'
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
    deliveriesPerSec: Number.isFinite(durationMs) && durationMs > 0 ? Math.round(distinct / (durationMs / 1000)) : null,
    publishedPerSec: pub.endedAt > pub.startedAt ? Math.round(pub.sent / ((pub.endedAt - pub.startedAt) / 1000)) : null,
    windowMs: Math.round(windowMs),
    bytesWritten: written,
    laneBytes,
    bytesPerDelivery: distinct > 0 ? written / distinct : null,
    bytesPerDeliveryNet: distinct > 0 && spec.idleBytesPerSec !== undefined ? (written - spec.idleBytesPerSec * windowMs / 1000) / distinct : null,
    cpuMsPerDelivery: distinct > 0 ? (after.cpuMicros - before.cpuMicros) / 1000 / distinct : null,
    counters: Cluster.counterDeltas(statsBefore, statsAfter)
  }
  if (spec.kind !== 'warm-up') {
    log(`[bench:reliable] ${spec.mode.name} ${spec.kind} on ${spec.topic}: owed ${d.owed}${pub.errors > 0 ? ` (${pub.errors} publishes failed: ${pub.lastError})` : ''}, delivered ${d.delivered}/${d.expected}, p50 ${d.p50?.toFixed(2)} ms, p99 ${d.p99?.toFixed(2)} ms, ${result.bytesPerDelivery?.toFixed(0)} B/delivery, ${result.deliveriesPerSec} deliveries/s${pub.ackMs == null ? '' : `, ack p50 ${pub.ackMs.p50?.toFixed(1)} / p99 ${pub.ackMs.p99?.toFixed(1)} ms`}`)
    if (d.lost > 0 || d.duplicates > 0 || d.outOfOrder > 0) log(`[bench:reliable]   per subscriber ${JSON.stringify(d.perSubscriber)}; counters ${JSON.stringify(result.counters)}; tree ${Cluster.describeTree(statsAfter)}`)
  }
  return result
}
