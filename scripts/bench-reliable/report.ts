// The printed result of bench:reliable: a table (one row per mode), a few lines on how each
// figure came about, the goal check, and last one JSON line.
import { fmt, ratio, round } from '../bench-node/stats.ts'
import type { ModeName } from './cluster.ts'
import type { PhaseFigures } from './phase.ts'
import type { RepairResult } from './repair.ts'

export interface RunResult {
  nodes: number
  subscribers: number
  lan: boolean
  core: { k?: number, maxChildren?: number }
  window: number
  idle: { bytesPerSec: number, cpuPercent: number, byProtocol: Record<string, number> }
  /** roots: the nodes that took themselves for each topic's root before the paced rounds. */
  topics: { bestEffort: string, reliable: string, root: number, roots: string }
  phases: PhaseFigures[]
  repairs: RepairResult[]
  setupMs: number
  wallMs: number
}

/** Bytes per delivery at most this multiple of best effort's, p99 at most this multiple, nothing lost. */
export const GOAL = { bytesPerDeliveryRatio: 1.5, p99Ratio: 2 }

interface ModeFigures {
  burstDeliveriesPerSec: number | null
  p50Ms: number | null
  p99Ms: number | null
  bytesPerDelivery: number | null
  burstBytesPerDelivery: number | null
  /** Without the idle background. */
  bytesPerDeliveryNet: number | null
  burstBytesPerDeliveryNet: number | null
  lostInterior: number | null
  lostRoot: number | null
  duplicates: number
  outOfOrder: number
  /** Messages lost in the paced and burst phases (no kill). */
  lostWithoutKill: number
  ackMs: { paced: PhaseFigures['ackMs'], burst: PhaseFigures['ackMs'] }
}

function figures (r: RunResult, mode: ModeName): ModeFigures {
  const phase = (k: 'paced' | 'burst'): PhaseFigures | undefined => r.phases.find(p => p.mode === mode && p.kind === k)
  const repair = (k: 'interior' | 'root'): RepairResult | undefined => r.repairs.find(x => x.mode === mode && x.kind === k)
  const paced = phase('paced')
  const burst = phase('burst')
  const measured = [paced, burst, repair('interior'), repair('root')].filter(x => x !== undefined)
  return {
    burstDeliveriesPerSec: burst?.deliveriesPerSec ?? null,
    p50Ms: round(paced?.p50 ?? null, 2),
    p99Ms: round(paced?.p99 ?? null, 2),
    bytesPerDelivery: round(paced?.bytesPerDelivery ?? null, 1),
    burstBytesPerDelivery: round(burst?.bytesPerDelivery ?? null, 1),
    bytesPerDeliveryNet: round(paced?.bytesPerDeliveryNet ?? null, 1),
    burstBytesPerDeliveryNet: round(burst?.bytesPerDeliveryNet ?? null, 1),
    lostInterior: repair('interior')?.lost ?? null,
    lostRoot: repair('root')?.lost ?? null,
    duplicates: measured.reduce((a, x) => a + x.duplicates, 0),
    outOfOrder: measured.reduce((a, x) => a + x.outOfOrder, 0),
    lostWithoutKill: (paced?.lost ?? 0) + (burst?.lost ?? 0),
    ackMs: { paced: paced?.ackMs ?? null, burst: burst?.ackMs ?? null }
  }
}

export function report (r: RunResult): void {
  const be = figures(r, 'best-effort')
  const rel = figures(r, 'reliable')
  const out: string[] = []
  const row = (cells: string[]): void => { out.push('| ' + cells.join(' | ') + ' |') }
  out.push(`${r.nodes} worker processes on loopback (${r.lan ? 'ZeroMQ lanes on' : 'libp2p only, lan: false'}; core ${JSON.stringify(r.core)}), 1 publisher -> ${r.subscribers} subscribers, 100 B payloads; reliable = { reliable: true } subscriptions + { ack: true } publishes (up to ${r.window} unacknowledged)`, '')
  row(['mode', 'burst: delivered msgs/s', 'paced p50 (ms)', 'paced p99 (ms)', 'paced bytes/delivery', 'burst bytes/delivery', 'lost after interior kill', 'lost after root kill', 'duplicates', 'out-of-order'])
  row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:'])
  for (const [name, f] of [['best effort', be], ['reliable', rel]] as const) {
    row([name, fmt(f.burstDeliveriesPerSec, 0), fmt(f.p50Ms, 2), fmt(f.p99Ms, 2), fmt(f.bytesPerDelivery, 1), fmt(f.burstBytesPerDelivery, 1), fmt(f.lostInterior, 0), fmt(f.lostRoot, 0), fmt(f.duplicates, 0), fmt(f.outOfOrder, 0)])
  }
  row(['reliable / best effort', fmt(ratio(rel.burstDeliveriesPerSec, be.burstDeliveriesPerSec), 3), fmt(ratio(rel.p50Ms, be.p50Ms), 3), fmt(ratio(rel.p99Ms, be.p99Ms), 3), fmt(ratio(rel.bytesPerDelivery, be.bytesPerDelivery), 3), fmt(ratio(rel.burstBytesPerDelivery, be.burstBytesPerDelivery), 3), '', '', '', ''])
  out.push('')
  const bytesRatio = ratio(rel.bytesPerDelivery, be.bytesPerDelivery)
  const p99Ratio = ratio(rel.p99Ms, be.p99Ms)
  const relLost = (rel.lostInterior ?? 0) + (rel.lostRoot ?? 0) + rel.lostWithoutKill
  const complete = rel.lostInterior !== null && rel.lostRoot !== null
  const goalMet = complete && bytesRatio !== null && p99Ratio !== null && bytesRatio <= GOAL.bytesPerDeliveryRatio && p99Ratio <= GOAL.p99Ratio && relLost === 0
  for (const p of r.phases) {
    out.push(`${p.mode} ${p.kind} (${p.topic}): owed ${p.owed} x ${p.perSubscriber.length}, delivered ${p.delivered}, lost ${p.lost}, p50/p99/max ${fmt(p.p50, 2)}/${fmt(p.p99, 2)}/${fmt(p.max, 1)} ms${p.rounds.length > 1 ? ` (p99 by round ${p.rounds.map(x => fmt(x.p99, 0)).join(' / ')})` : ''}, ${fmt(p.bytesPerDelivery, 1)} B/delivery (${fmt(p.bytesPerDeliveryNet, 1)} without the idle background)${p.laneBytes > 0 ? ` (${p.laneBytes} B of it over ZeroMQ lanes)` : ''}, ${fmt(p.cpuMsPerDelivery, 3)} CPU ms/delivery${p.ackMs === null ? '' : `, ack p50/p99 ${fmt(p.ackMs?.p50 ?? null, 1)}/${fmt(p.ackMs?.p99 ?? null, 1)} ms`}`)
  }
  for (const x of r.repairs) {
    out.push(`${x.mode}, kill -9 of the ${x.kind} (${x.topic}, ${x.nodesBefore} nodes): worker ${x.victim}, ${x.victimCase}, ${x.victimChildren} children, counted subscribers below it ${x.orphans.join(',') || 'none'}; owed ${x.owed} of ${x.launched} x ${x.subscribers.length} surviving subscribers, lost ${x.lost}, duplicates ${x.duplicates}, out of order ${x.outOfOrder}, gaps reported ${x.counters.subscriptionGaps ?? 0}, max latency ${fmt(x.max, 0)} ms; root after: ${x.rootAfter} (${x.rootsAfter} root(s))`)
  }
  out.push(`idle (both throughput topics subscribed, nothing published): ${r.idle.bytesPerSec} B/s on the wire, ${r.idle.cpuPercent}% CPU over all nodes`)
  out.push(`throughput topics ${r.topics.bestEffort} and ${r.topics.reliable}, both rooted at worker ${r.topics.root} (roots seen: ${r.topics.roots}); set-up ${r.setupMs} ms, wall ${(r.wallMs / 1000).toFixed(1)} s`)
  out.push('', `goal: reliable/best effort bytes per delivery (paced, as bench:node) <= ${GOAL.bytesPerDeliveryRatio} and p99 <= ${GOAL.p99Ratio}x, reliable loses none: ${bytesRatio ?? 'n/a'} and ${p99Ratio ?? 'n/a'}, lost ${relLost} -> ${goalMet ? 'met' : 'NOT met'} (bytes per delivery ratio in the burst ${ratio(rel.burstBytesPerDelivery, be.burstBytesPerDelivery) ?? 'n/a'}; paced without the idle background ${ratio(rel.bytesPerDeliveryNet, be.bytesPerDeliveryNet) ?? 'n/a'})`)
  process.stdout.write(out.join('\n') + '\n')
  const compactPhase = (p: PhaseFigures): object => ({
    mode: p.mode, kind: p.kind, topic: p.topic, launched: p.launched, owed: p.owed, expected: p.expected, delivered: p.delivered, lost: p.lost,
    extra: p.extra, duplicates: p.duplicates, outOfOrder: p.outOfOrder, p50Ms: round(p.p50, 3), p99Ms: round(p.p99, 3), maxMs: round(p.max, 3),
    deliveriesPerSec: p.deliveriesPerSec, publishedPerSec: p.publishedPerSec, bytesPerDelivery: round(p.bytesPerDelivery, 1), bytesPerDeliveryNet: round(p.bytesPerDeliveryNet, 1), laneBytes: p.laneBytes,
    cpuMsPerDelivery: round(p.cpuMsPerDelivery, 4), ackMs: p.ackMs, windowMs: p.windowMs,
    rounds: p.rounds.map(x => ({ p50Ms: round(x.p50, 2), p99Ms: round(x.p99, 2), maxMs: round(x.max, 1) })), counters: p.counters
  })
  const compactRepair = (x: RepairResult): object => ({
    mode: x.mode, kind: x.kind, topic: x.topic, nodesBefore: x.nodesBefore, root: x.root, victim: x.victim, victimCase: x.victimCase,
    victimChildren: x.victimChildren, orphans: x.orphans, subscribers: x.subscribers, launched: x.launched, owed: x.owed, expected: x.expected,
    delivered: x.delivered, lost: x.lost, extra: x.extra, duplicates: x.duplicates, outOfOrder: x.outOfOrder, publishErrors: x.publishErrors,
    maxLatencyMs: round(x.max, 1), ackMs: x.ackMs, settleMs: x.settleMs, rootAfter: x.rootAfter, rootsAfter: x.rootsAfter,
    perSubscriber: x.perSubscriber, counters: x.counters, treeBefore: x.treeBefore, treeAfter: x.treeAfter
  })
  process.stdout.write(JSON.stringify({
    bench: 'reliable',
    nodes: r.nodes,
    subscribers: r.subscribers,
    payloadBytes: 100,
    lan: r.lan,
    core: r.core,
    ackWindow: r.window,
    bestEffort: be,
    reliable: rel,
    bytesPerDeliveryRatio: bytesRatio,
    p99Ratio,
    p50Ratio: ratio(rel.p50Ms, be.p50Ms),
    burstDeliveriesPerSecRatio: ratio(rel.burstDeliveriesPerSec, be.burstDeliveriesPerSec),
    burstBytesPerDeliveryRatio: ratio(rel.burstBytesPerDelivery, be.burstBytesPerDelivery),
    netBytesPerDeliveryRatio: ratio(rel.bytesPerDeliveryNet, be.bytesPerDeliveryNet),
    idle: r.idle,
    lost: {
      bestEffort: { interior: be.lostInterior, root: be.lostRoot, withoutKill: be.lostWithoutKill },
      reliable: { interior: rel.lostInterior, root: rel.lostRoot, withoutKill: rel.lostWithoutKill }
    },
    goal: GOAL,
    goalMet,
    topics: r.topics,
    phases: r.phases.map(compactPhase),
    repairs: r.repairs.map(compactRepair),
    setupMs: r.setupMs,
    wallMs: r.wallMs
  }) + '\n')
}
