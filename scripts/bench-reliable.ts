// npm run bench:reliable — best effort against reliable delivery on the same 20 worker
// processes in one run (issue 12): delivered msgs/s, latency p50/p99, bytes per delivery, and
// messages lost while a tree repairs after kill -9 of an interior node and of the root.
//
// The workers are bench:node's (scripts/bench-node/worker.ts: one libp2p host with a meshcast
// node each, every node dialled by every other, a byte meter on every connection). Modes:
//   best effort: subscribe(topic), publish(topic, data);
//   reliable:    subscribe(topic, { reliable: true }), publish(topic, data, { ack: true }),
//                with up to --window (256) publishes awaiting their acknowledgement at once (the
//                publisher does not wait for each in turn; a full window holds it back).
// Worker 0 publishes everywhere and is never killed.
// Routing tables hold k = 3 contacts per bucket (--k; the default is 20): with 20 nodes that all
// know each other, every JOIN goes straight to the root and each tree is a star, with no interior
// node to kill. With k = 3 a JOIN takes the multi-hop routes of a larger network, so trees have
// forwarders. Every phase of both modes runs on that configuration.
//  1. Throughput and latency: two topics, one per mode, subscribed together by workers 1..10
//     (best effort plainly, reliable with reliable: true), named so both have the same root, a
//     node that neither publishes nor subscribes (the same publish path; the trees below the
//     root may still differ, the log prints both). 60 warm-up messages
//     each, then paced phases (600 at 20/s: p50/p99, bytes per delivery) of both modes, in
//     --rounds 4 rounds of 150 per mode interleaved A B B A A B B A (a stall of the machine or
//     periodic background work falls on both modes alike; figures over all rounds), then
//     bursts (2,000, a turn of the event loop every 50: delivered msgs/s), best effort's first.
//     Bytes per delivery = TCP bytes written on every libp2p connection of every node over the
//     phase / distinct deliveries, as bench:node. The nodes run with lan: false so that data
//     travels on libp2p where the meter counts it (--lan: ZeroMQ lanes on, as the node's default;
//     the lanes' frame bytes are then added, without ZeroMQ/CURVE framing).
//  2. Loss during repair, per mode, each on a fresh topic: 10 subscribers (live workers that are
//     neither the publisher nor the root; the first 10, then a window moved by 3 with every
//     topic tried for an interior kill), 10 warm-up messages, then a stream
//     of 400 at 50/s; 2.5 s into it one node is killed with SIGKILL by PID. Interior: the pure
//     forwarder (children, no subscription, not root or publisher) with the most children;
//     topic names are tried (up to 16) until the tree has one, else an interior subscriber is
//     killed and not counted (the report says which). Root: the topic's root (names are chosen
//     so it is not the publisher). Lost = owed messages (published; acknowledged in reliable
//     mode) x surviving subscribers - distinct owed deliveries at them, counted once deliveries
//     stopped changing for 3 s (at most 20 s after the stream). Order of the kills: best effort
//     interior, reliable interior, best effort root, reliable root, so 4 workers are gone at the
//     end (20, 19, 18 and 17 nodes live at each kill).
//     Duplicates and out-of-order deliveries (a lower index after a higher one) are counted per
//     subscriber in every measured phase and summed per mode.
// Prints a table, a line per phase, the goal check, then one JSON line (stdout); logs on stderr.
// Every process it starts is stopped by PID at the end, on error and on SIGINT.
// Options: --nodes 20 --subscribers 10 --paced 600 --rounds 4 --rate 20 --burst 2000 --chunk 50 --window 256
//   --stream 400 --stream-rate 50 --kill-after 2500 --k 3 --max-children N --lan
//   --dump FILE   every delivery (index, latency) and acknowledgement time as JSON lines
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { livePids, shutdown, stopAllOnSignals } from './bench-node/procs.ts'
import { Cluster, MODES } from './bench-reliable/cluster.ts'
import { mergeRounds, runPhase } from './bench-reliable/phase.ts'
import type { PhaseFigures } from './bench-reliable/phase.ts'
import { runRepair } from './bench-reliable/repair.ts'
import type { RepairResult } from './bench-reliable/repair.ts'
import { report } from './bench-reliable/report.ts'
import { findTopic } from './bench-reliable/topics.ts'

const { values } = parseArgs({
  options: {
    nodes: { type: 'string' },
    subscribers: { type: 'string' },
    paced: { type: 'string' },
    rounds: { type: 'string' },
    rate: { type: 'string' },
    burst: { type: 'string' },
    chunk: { type: 'string' },
    window: { type: 'string' },
    stream: { type: 'string' },
    'stream-rate': { type: 'string' },
    'kill-after': { type: 'string' },
    k: { type: 'string' },
    'max-children': { type: 'string' },
    lan: { type: 'boolean' },
    dump: { type: 'string' }
  }
})
const nodes = Number(values.nodes ?? 20)
const subscribers = Number(values.subscribers ?? 10)
const paced = Number(values.paced ?? 600)
const rounds = Math.max(1, Number(values.rounds ?? 4))
const rate = Number(values.rate ?? 20)
const burst = Number(values.burst ?? 2000)
const chunk = Number(values.chunk ?? 50)
const window = Number(values.window ?? 256)
const lan = values.lan === true
const dumpFile = values.dump === undefined ? undefined : resolve(values.dump)
const core = { k: Number(values.k ?? 3), ...(values['max-children'] === undefined ? {} : { maxChildren: Number(values['max-children']) }) }
const log = (s: string): void => { process.stderr.write(s + '\n') }
if (nodes < subscribers + 6) throw new Error(`--nodes must be at least --subscribers + 6 (4 kills, a publisher, a root): ${nodes} < ${subscribers + 6}`)

stopAllOnSignals()

/**
 * The two throughput topics: both rooted (predicted) at the same node, which neither publishes
 * nor subscribes, and subscribed by `subs`. A pair whose trees do not have that one root within
 * 10 s (a split tree) is left for the next names, at most 5 pairs; the last is kept either way
 * and its roots are reported.
 */
async function throughputTopics (cluster: Cluster, subs: number[]): Promise<{ be: { topic: string, root: number }, rel: { topic: string, root: number }, roots: string }> {
  const live = cluster.live()
  const members = new Set([0, ...subs])
  let beFrom = 0
  let relFrom = 0
  for (let attempt = 1; ; attempt++) {
    const be = findTopic('bench-be', cluster.ids, live, r => !members.has(r), beFrom)
    const rel = findTopic('bench-rel', cluster.ids, live, r => r === be.root, relFrom)
    beFrom = be.next
    relFrom = rel.next
    await cluster.subscribe(subs, be.topic, false)
    await cluster.subscribe(subs, rel.topic, true)
    let roots = ''
    let single = false
    for (const end = performance.now() + 10_000; !single && performance.now() < end;) {
      const stats = await Promise.all([be.topic, rel.topic].map(async t => await cluster.stats(t)))
      single = stats.every(s => { const r = [...s].filter(([, x]) => x.role === 'root'); return r.length === 1 && r[0][0] === be.root })
      roots = [be.topic, rel.topic].map((t, k) => `${t}: ${Cluster.describeRoots(stats[k])}`).join('; ')
      if (!single) await new Promise(resolve => setTimeout(resolve, 1000))
      else for (const [k, t] of [be.topic, rel.topic].entries()) log(`[bench:reliable] ${t} (predicted root ${be.root}): tree ${Cluster.describeTree(stats[k])}`)
    }
    if (single || attempt >= 5) {
      if (!single) log(`[bench:reliable] WARNING: measuring on split trees: ${roots}`)
      return { be, rel, roots }
    }
    log(`[bench:reliable] ${be.topic} / ${rel.topic}: not one root at ${be.root} after 10 s (${roots}); next names`)
    await cluster.unsubscribe(subs, be.topic)
    await cluster.unsubscribe(subs, rel.topic)
  }
}

async function main (): Promise<void> {
  const t0 = performance.now()
  const cluster = new Cluster({ nodes, lan, core }, log)
  try {
    const { setupMs } = await cluster.setUp()
    const live = cluster.live()
    const subs = live.slice(1, 1 + subscribers)
    const { be, rel, roots } = await throughputTopics(cluster, subs)
    // The background (DHT, ping, identify, heartbeats of both trees) with nothing published.
    const idle = await cluster.mesh.idle()
    log(`[bench:reliable] idle: ${idle.bytesPerSec} B/s on the wire (application B/s by protocol: ${JSON.stringify(idle.byProtocol)}), ${idle.cpuPercent}% CPU over all nodes`)
    const topicOf = (reliable: boolean): string => reliable ? rel.topic : be.topic
    const phases: PhaseFigures[] = []
    for (const mode of MODES) {
      await runPhase(cluster, { mode, kind: 'warm-up', topic: topicOf(mode.reliable), subscribers: subs, count: 60, rate, chunk: 1, window: 1 }, log)
    }
    // Paced: `rounds` rounds per mode, interleaved A B B A A B B A, so that the machine's stalls
    // (20 processes on 2 cores) and periodic background work fall on both modes alike.
    const pacedRounds = new Map<string, PhaseFigures[]>(MODES.map(m => [m.name, []]))
    for (let r = 0; r < rounds; r++) {
      for (const mode of r % 2 === 0 ? MODES : [...MODES].reverse()) {
        pacedRounds.get(mode.name)?.push(await runPhase(cluster, { mode, kind: 'paced', topic: topicOf(mode.reliable), subscribers: subs, count: Math.ceil(paced / rounds), rate, chunk: 1, window, idleBytesPerSec: idle.bytesPerSec, dumpFile }, log))
      }
    }
    for (const mode of MODES) phases.push(mergeRounds(pacedRounds.get(mode.name) ?? []))
    for (const mode of MODES) {
      phases.push(await runPhase(cluster, { mode, kind: 'burst', topic: topicOf(mode.reliable), subscribers: subs, count: burst, rate: 0, chunk, window, idleBytesPerSec: idle.bytesPerSec, dumpFile }, log))
    }
    for (const t of [be.topic, rel.topic]) log(`[bench:reliable] ${t} after the bursts: tree ${Cluster.describeTree(await cluster.stats(t))}`)
    await cluster.unsubscribe(subs, be.topic)
    await cluster.unsubscribe(subs, rel.topic)
    const repairs: RepairResult[] = []
    for (const victim of ['interior', 'root'] as const) {
      for (const mode of MODES) {
        repairs.push(await runRepair(cluster, {
          mode,
          victim,
          prefix: `kill-${victim}-${mode.name}`,
          subscribers,
          count: Number(values.stream ?? 400),
          rate: Number(values['stream-rate'] ?? 50),
          killAfterMs: Number(values['kill-after'] ?? 2500),
          window,
          settleQuietMs: 3000,
          settleMaxMs: 20_000,
          topicTries: 16,
          dumpFile
        }, log))
      }
    }
    report({ nodes, subscribers, lan, core, window, idle, topics: { bestEffort: be.topic, reliable: rel.topic, root: be.root, roots }, phases, repairs, setupMs, wallMs: Math.round(performance.now() - t0) })
  } finally {
    await cluster.stop()
    const left = livePids()
    if (left.length > 0) log(`[bench:reliable] still running after stop: ${left.join(' ')}`)
  }
}

main().then(
  async () => { await shutdown(0) },
  async (err: unknown) => { log(`[bench:reliable] failed: ${(err as Error).stack ?? String(err)}`); await shutdown(1) }
)
