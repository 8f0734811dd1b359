// npm run bench:node — meshcast over libp2p against gossipsub, on 20 processes on loopback.
//  1. Start-up: 20 `meshcast node` processes (the CLI) from nothing to the first delivered
//     message (scripts/bench-node/cli-startup.ts).
//  2. Comparison: 20 worker processes, each one libp2p host running a meshcast node and
//     @libp2p/gossipsub side by side; 1 publisher -> 10 subscribers, 100 B payloads, a paced
//     phase (latency p50/p99) and a burst (delivered msgs/s) for each system in turn; bytes on
//     the wire counted at the connection level (TCP socket bytes of every libp2p connection)
//     around each phase (scripts/bench-node/mesh.ts).
// Prints a table, then one JSON line with the figures and the ratios meshcast / gossipsub.
// Every process it starts is stopped by PID at the end, on error and on SIGINT.
// Options: --nodes 20 --subscribers 10 --paced 600 --rate 20 --burst 1000 --chunk 50
//   --systems meshcast,gossipsub   which systems, in this order
//   --order grouped|alternate      each system's paced + burst in turn (default), or both paced first
//   --skip-startup                 only the comparison
//   --dump FILE                    every latency as JSON lines
//   --cpu-prof DIR                 CPU profiles of the publisher, the busiest forwarder and a
//                                  subscriber during every measured phase (summarise them with
//                                  scripts/bench-node/profile-summary.ts)
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { runStartup } from './bench-node/cli-startup.ts'
import type { StartupResult } from './bench-node/cli-startup.ts'
import { runMesh } from './bench-node/mesh.ts'
import type { MeshResult, PhaseResult } from './bench-node/mesh.ts'
import { livePids, shutdown, stopAllOnSignals } from './bench-node/procs.ts'
import type { System } from './bench-node/protocol.ts'
import { fmt, ratio, round } from './bench-node/stats.ts'

const { values } = parseArgs({
  options: {
    nodes: { type: 'string' },
    subscribers: { type: 'string' },
    paced: { type: 'string' },
    rate: { type: 'string' },
    burst: { type: 'string' },
    chunk: { type: 'string' },
    systems: { type: 'string' },
    'skip-startup': { type: 'boolean' },
    'cpu-prof': { type: 'string' },
    dump: { type: 'string' },
    order: { type: 'string' }
  }
})
const nodes = Number(values.nodes ?? 20)
const subscribers = Number(values.subscribers ?? 10)
const systems = (values.systems ?? 'meshcast,gossipsub').split(',') as System[]
const log = (s: string): void => { process.stderr.write(s + '\n') }

stopAllOnSignals()

async function main (): Promise<void> {
  const t0 = performance.now()
  let startup: StartupResult | null = null
  if (values['skip-startup'] !== true) {
    startup = await runStartup({ nodes, subscribers, intervalMs: 100, timeLimitMs: 60_000, topic: 'bench-startup' }, log)
    log(`[bench:node] start-up: first delivery after ${startup.firstDeliveryMs ?? 'none'} ms`)
  }
  const profileDir = values['cpu-prof'] === undefined ? undefined : resolve(values['cpu-prof'])
  if (profileDir !== undefined) mkdirSync(profileDir, { recursive: true })
  const mesh = await runMesh({
    nodes,
    subscribers,
    topic: 'bench',
    paced: { count: Number(values.paced ?? 600), rate: Number(values.rate ?? 20) },
    burst: { count: Number(values.burst ?? 1000), chunk: Number(values.chunk ?? 50) },
    warmup: 60,
    systems,
    order: values.order === 'alternate' ? 'alternate' : 'grouped',
    idleMs: 3000,
    profileDir,
    dumpFile: values.dump === undefined ? undefined : resolve(values.dump)
  }, log)
  const left = livePids()
  if (left.length > 0) log(`[bench:node] still running after stop: ${left.join(' ')}`)
  report(startup, mesh, Math.round(performance.now() - t0))
}

function phase (mesh: MeshResult, system: System, kind: 'paced' | 'burst'): PhaseResult | undefined {
  return mesh.phases.find(p => p.system === system && p.kind === kind)
}

function report (startup: StartupResult | null, mesh: MeshResult, wallMs: number): void {
  const out: string[] = []
  const row = (cells: string[]): void => { out.push('| ' + cells.join(' | ') + ' |') }
  if (startup !== null) {
    out.push(`start-up: ${nodes} \`meshcast node\` processes (CLI), ${subscribers} subscribers, 1 publisher every 100 ms`, '')
    row(['figure', 'ms from spawning the first process'])
    row(['---', '---:'])
    row(['first node printed its address', fmt(startup.firstNodeUpMs, 0)])
    row([`all ${nodes} nodes up`, fmt(startup.allNodesUpMs, 0)])
    row(['first / all subscriptions ready', `${fmt(startup.firstSubscriptionReadyMs, 0)} / ${fmt(startup.allSubscriptionsReadyMs, 0)}`])
    row(['**first delivered message**', `**${fmt(startup.firstDeliveryMs, 0)}**`])
    row(['every subscriber has had a message', fmt(startup.allSubscribersDeliveredMs, 0)])
    row(['publishes until then (first delivered: #)', `${startup.published} (#${startup.firstDeliveredIndex ?? 'n/a'})`])
    out.push('')
  }
  const mp = phase(mesh, 'meshcast', 'paced')
  const gp = phase(mesh, 'gossipsub', 'paced')
  const mb = phase(mesh, 'meshcast', 'burst')
  const gb = phase(mesh, 'gossipsub', 'burst')
  const cols = systems
  out.push(`comparison: ${nodes} worker processes, each one libp2p host with meshcast and gossipsub; 1 publisher -> ${subscribers} subscribers, 100 B payloads`, '')
  row(['figure', ...cols, ...(cols.length === 2 ? ['meshcast / gossipsub'] : [])])
  row(['---', ...cols.map(() => '---:'), ...(cols.length === 2 ? ['---:'] : [])])
  const line = (name: string, pick: (s: System) => number | null, digits: number, r = true): void => {
    const v = cols.map(pick)
    row([name, ...v.map(x => fmt(x, digits)), ...(cols.length === 2 ? [r ? fmt(ratio(v[0], v[1]), 3) : ''] : [])])
  }
  const p = (s: System, k: 'paced' | 'burst'): PhaseResult | undefined => phase(mesh, s, k)
  line(`paced: messages sent (${Number(values.rate ?? 20)}/s)`, s => p(s, 'paced')?.sent ?? null, 0, false)
  line('paced: deliveries / expected', s => { const x = p(s, 'paced'); return x === undefined ? null : x.delivered / x.expected }, 4)
  line('**paced: latency p50 (ms)**', s => p(s, 'paced')?.p50 ?? null, 2)
  line('**paced: latency p99 (ms)**', s => p(s, 'paced')?.p99 ?? null, 2)
  line('paced: latency max (ms)', s => p(s, 'paced')?.max ?? null, 2)
  line('**paced: bytes on the wire per delivery**', s => p(s, 'paced')?.bytesPerDelivery ?? null, 1)
  line('paced: socket writes per delivery', s => p(s, 'paced')?.socketWritesPerDelivery ?? null, 2)
  line('paced: CPU ms per delivery (all processes)', s => p(s, 'paced')?.cpuMsPerDelivery ?? null, 3)
  line('burst: messages sent', s => p(s, 'burst')?.sent ?? null, 0, false)
  line('burst: deliveries / expected', s => { const x = p(s, 'burst'); return x === undefined ? null : x.delivered / x.expected }, 4)
  line('**burst: delivered msgs/s (all subscribers)**', s => p(s, 'burst')?.deliveriesPerSec ?? null, 0)
  line('burst: publisher msgs/s', s => p(s, 'burst')?.publishedPerSec ?? null, 0)
  line('burst: latency p50 (ms)', s => p(s, 'burst')?.p50 ?? null, 1)
  line('burst: latency p99 (ms)', s => p(s, 'burst')?.p99 ?? null, 1)
  line('burst: bytes on the wire per delivery', s => p(s, 'burst')?.bytesPerDelivery ?? null, 1)
  line('burst: CPU ms per delivery (all processes)', s => p(s, 'burst')?.cpuMsPerDelivery ?? null, 3)
  out.push('')
  const proto = (x: PhaseResult | undefined): string => x === undefined ? 'n/a' : Object.entries(x.protocolBytesPerDelivery).map(([k, v]) => `${k} ${v}`).join(', ')
  out.push(`application bytes per delivery by protocol (before Yamux/Noise), paced: meshcast phase: ${proto(mp)}; gossipsub phase: ${proto(gp)}`)
  const copies = (x: PhaseResult | undefined): string => x === undefined || x.delivered === 0 ? 'n/a' : `${(((x.counters.dataSent ?? 0) + (x.counters.publishSent ?? 0)) / x.delivered).toFixed(3)} (paced) `
  out.push(`meshcast copies sent per delivery (DATA + PUBLISH messages): ${copies(mp)}${mb === undefined || mb.delivered === 0 ? '' : `${(((mb.counters.dataSent ?? 0) + (mb.counters.publishSent ?? 0)) / mb.delivered).toFixed(3)} (burst); frames per delivery ${((mb.counters.framesSent ?? 0) / mb.delivered).toFixed(3)} (burst)`}`)
  const health = (x: PhaseResult | undefined): string => x === undefined ? 'n/a' : `${x.counters.meshcastRoots} root(s) (${x.counters.wrongRoots} with a closer connected peer), connected peers missing from routing tables ${x.counters.connectedNotInTable}, repairs ${x.counters.repairs ?? 0}, root takeovers ${x.counters.rootTakeovers ?? 0}`
  out.push(`meshcast tree after each phase, in run order: ${mesh.phases.map(x => `${x.system} ${x.kind}: ${health(x)}`).join('; ')}`)
  out.push(`idle (both subscribed, nothing published): ${mesh.idle.bytesPerSec} B/s on the wire, ${mesh.idle.cpuPercent}% CPU over all ${nodes} processes`)
  const roles = mesh.tree.map((t, i) => `${i}:${t.role}${t.children > 0 ? `(${t.children})` : ''}`).filter(s => !s.endsWith(':none') && !s.endsWith(':detached'))
  out.push(`meshcast tree (node:role(children)): ${roles.join(' ')}; gossipsub mesh sizes of subscribers: ${mesh.tree.slice(1, 1 + subscribers).map(t => t.gossipMesh).join(',')}`)
  out.push(`set-up ${mesh.setupMs} ms, min ${mesh.connectionsPerNode} connections per node, max RSS ${mesh.rssMiBMax} MiB per process, wall ${(wallMs / 1000).toFixed(1)} s`)
  const bytesPerDeliveryRatio = ratio(mp?.bytesPerDelivery ?? null, gp?.bytesPerDelivery ?? null)
  const p99Ratio = ratio(mp?.p99 ?? null, gp?.p99 ?? null)
  // A figure from a phase that lost messages is not a fair comparison: the goal needs every delivery.
  const complete = [mp, gp].every(x => x !== undefined && x.delivered === x.expected)
  const goalMet = complete && bytesPerDeliveryRatio !== null && p99Ratio !== null && bytesPerDeliveryRatio <= 1 / 3 && p99Ratio <= 1
  out.push('', `goal: bytesPerDeliveryRatio <= 0.333 at p99Ratio <= 1 with every message delivered: ${bytesPerDeliveryRatio ?? 'n/a'} at ${p99Ratio ?? 'n/a'}${complete ? '' : ' (messages lost)'} -> ${goalMet ? 'met' : 'NOT met'}`)
  process.stdout.write(out.join('\n') + '\n')
  const figures = (x: PhaseResult | undefined): object | null => x === undefined
    ? null
    : {
        sent: x.sent, delivered: x.delivered, expected: x.expected, duplicates: x.duplicates, publishErrors: x.publishErrors,
        p50Ms: round(x.p50, 3), p99Ms: round(x.p99, 3), maxMs: round(x.max, 3), deliveriesPerSec: x.deliveriesPerSec,
        bytesPerDelivery: round(x.bytesPerDelivery, 1), socketWritesPerDelivery: round(x.socketWritesPerDelivery, 3),
        cpuMsPerDelivery: round(x.cpuMsPerDelivery, 4), protocolBytesPerDelivery: x.protocolBytesPerDelivery, windowMs: x.windowMs, counters: x.counters
      }
  process.stdout.write(JSON.stringify({
    bench: 'node',
    nodes,
    subscribers,
    payloadBytes: 100,
    startup,
    timeToFirstDeliveryMs: startup?.firstDeliveryMs ?? null,
    meshcast: { paced: figures(mp), burst: figures(mb) },
    gossipsub: { paced: figures(gp), burst: figures(gb) },
    p50Ms: { meshcast: round(mp?.p50 ?? null, 3), gossipsub: round(gp?.p50 ?? null, 3) },
    p99Ms: { meshcast: round(mp?.p99 ?? null, 3), gossipsub: round(gp?.p99 ?? null, 3) },
    deliveredPerSec: { meshcast: mb?.deliveriesPerSec ?? null, gossipsub: gb?.deliveriesPerSec ?? null },
    bytesPerDelivery: { meshcast: round(mp?.bytesPerDelivery ?? null, 1), gossipsub: round(gp?.bytesPerDelivery ?? null, 1) },
    bytesPerDeliveryRatio,
    p99Ratio,
    p50Ratio: ratio(mp?.p50 ?? null, gp?.p50 ?? null),
    deliveredPerSecRatio: ratio(mb?.deliveriesPerSec ?? null, gb?.deliveriesPerSec ?? null),
    burstBytesPerDeliveryRatio: ratio(mb?.bytesPerDelivery ?? null, gb?.bytesPerDelivery ?? null),
    goalMet,
    pacedComplete: complete,
    idle: mesh.idle,
    wallMs
  }) + '\n')
}

main().then(
  async () => { await shutdown(0) },
  async (err: unknown) => { log(`[bench:node] failed: ${(err as Error).stack ?? String(err)}`); await shutdown(1) }
)
