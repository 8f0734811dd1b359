// npm run bench:services — meshcast's broker services against nats-server on this machine in
// one run (issue 13, item 7): work-queue throughput with 1 producer -> 4 workers in one queue
// group, and request/reply round trips to a queue group of responders.
//
// nats-server: the Debian package (apt-get install -y nats-server when /usr/sbin/nats-server is
// missing; needs root), started by this script on 127.0.0.1 on a free port and stopped at the
// end, on error and on SIGINT. NATS client: the official nats.js (npm package nats, v2).
//
// Processes (scripts/bench-services/cluster.ts): every endpoint is its own process, and each
// process holds both a meshcast node (createNode, the node's defaults: ZeroMQ lanes between the
// peers on this host) and a NATS connection; a phase uses one of the two, the other idles.
//   worker 0      relay: a meshcast node that neither publishes nor subscribes and is the root
//                 of every meshcast topic (names are picked so): the counterpart of nats-server,
//                 so both systems have a middle process (meshcast's path is then producer ->
//                 root -> worker, two tree hops, as in a larger mesh where the root is some
//                 other node; NATS's is producer -> server -> worker). Idle in NATS phases, as
//                 nats-server is in meshcast phases.
//   worker 1      client: the producer, the requester.
//   workers 2..5  endpoints: the 4 work-queue workers; the first --responders of them answer
//                 requests.
// Every meshcast node dials every other (the routing tables are complete before the first
// phase).
//
// Per round, both systems, one after the other (the order alternates between rounds: NATS
// first in even rounds, meshcast first in odd ones, so a slow phase of the machine falls on
// both alike):
//  1. Work queue: the 4 workers join queue group `workers` of a fresh topic (meshcast: and the
//     root has registered all 4); --warmup messages, then --messages 100-byte messages as fast
//     as the producer can (a turn of the event loop every --chunk sends, for both systems;
//     meshcast: publish() awaited per chunk; nats.js: publish(), then a flush at the end). The
//     run ends once every message was delivered or none arrived for 3 s (at most --time-limit
//     plus 30 s). Delivered msgs/s = distinct messages delivered / (last delivery - first send);
//     every worker counts what it received: lost = sent - distinct, duplicates = a message at
//     two workers or twice at one. The figure is the median over rounds.
//  2. Request/reply: --responders endpoints join queue group `svc` and answer each request
//     with its payload; the client sends --warmup requests, then --requests, one at a time
//     (the next once the reply came), 100 bytes each, with a --timeout per request
//     (meshcast: node.request; nats.js: nc.request, its shared inbox). Round trip = from the
//     call to its reply, performance.now() in the client; p50/p99/max over every round.
// Prints the table, then, last on stdout, one JSON line with every figure and the ratios
// meshcast/NATS. Logs on stderr.
// Goals (issue 13): request/reply p50 <= 2x NATS's, work-queue throughput >= 0.5x NATS's.
// Options: --rounds 3 --messages 20000 --warmup 1000 --chunk 100 --requests 2000
//   --responders 2 --timeout 2000 --time-limit 60000
// Diagnostics (not the default comparison):
//   --libp2p         meshcast nodes with lan: false (data over libp2p streams, no ZeroMQ lanes)
//   --root endpoint  meshcast topics rooted at the first endpoint (work-queue worker 1, the
//                    first responder) instead of the relay: one tree hop fewer for what it handles
import { availableParallelism, cpus } from 'node:os'
import { createRequire } from 'node:module'
import { parseArgs } from 'node:util'
import { livePids, shutdown, stopAllOnSignals } from './bench-node/procs.ts'
import { Cluster } from './bench-services/cluster.ts'
import { ensureNatsServer, natsServerVersion, startNatsServer } from './bench-services/nats-server.ts'
import type { System } from './bench-services/protocol.ts'
import { figures, ratios, table } from './bench-services/report.ts'
import { runRequestReply } from './bench-services/request-reply.ts'
import type { RequestReplyResult } from './bench-services/request-reply.ts'
import { runWorkQueue } from './bench-services/work-queue.ts'
import type { WorkQueueResult } from './bench-services/work-queue.ts'

const log = (s: string): void => { process.stderr.write(s + '\n') }

const { values } = parseArgs({
  options: {
    rounds: { type: 'string' },
    messages: { type: 'string' },
    warmup: { type: 'string' },
    chunk: { type: 'string' },
    requests: { type: 'string' },
    responders: { type: 'string' },
    timeout: { type: 'string' },
    'time-limit': { type: 'string' },
    libp2p: { type: 'boolean' },
    root: { type: 'string' }
  }
})
const int = (v: string | undefined, d: number, min: number, max: number, name: string): number => {
  const n = v === undefined ? d : Number(v)
  if (!Number.isInteger(n) || n < min || n > max) { log(`[bench:services] --${name}: an integer in ${min}..${max}`); process.exit(2) }
  return n
}
const WORKERS = 4
const o = {
  rounds: int(values.rounds, 3, 1, 20, 'rounds'),
  messages: int(values.messages, 20_000, 1, 1_000_000, 'messages'),
  warmup: int(values.warmup, 1000, 0, 100_000, 'warmup'),
  chunk: int(values.chunk, 100, 1, 100_000, 'chunk'),
  requests: int(values.requests, 2000, 1, 1_000_000, 'requests'),
  responders: int(values.responders, 2, 1, WORKERS, 'responders'),
  timeoutMs: int(values.timeout, 2000, 1, 60_000, 'timeout'),
  timeLimitMs: int(values['time-limit'], 60_000, 1000, 600_000, 'time-limit'),
  lan: values.libp2p !== true,
  root: values.root ?? 'relay'
}
if (o.root !== 'relay' && o.root !== 'endpoint') { log('[bench:services] --root: relay or endpoint'); process.exit(2) }

stopAllOnSignals()

async function main (): Promise<void> {
  const binary = ensureNatsServer(log)
  const serverVersion = natsServerVersion(binary)
  const require = createRequire(import.meta.url)
  const clientVersion = (require('nats/package.json') as { version: string }).version
  const server = await startNatsServer(binary, log)
  const cluster = new Cluster(WORKERS, o.root as 'relay' | 'endpoint', log)
  const t0 = performance.now()
  await cluster.setUp(server.port, o.lan)
  log(`[bench:services] ${cluster.workers.length} worker processes up in ${Math.round(performance.now() - t0)} ms; ${serverVersion}, nats.js ${clientVersion}`)

  const work: Record<System, WorkQueueResult[]> = { meshcast: [], nats: [] }
  const rr: Record<System, RequestReplyResult[]> = { meshcast: [], nats: [] }
  let phase = 10 // payloads carry the phase in one byte
  for (let r = 0; r < o.rounds; r++) {
    const order: System[] = r % 2 === 0 ? ['nats', 'meshcast'] : ['meshcast', 'nats']
    log(`[bench:services] round ${r + 1}/${o.rounds}: ${order.join(', ')}`)
    for (const system of order) {
      const ids = { warm: phase++, measured: phase++ }
      work[system].push(await runWorkQueue(cluster, system, { workers: WORKERS, count: o.messages, warmup: o.warmup, chunk: o.chunk, timeLimitMs: o.timeLimitMs, idleMs: 3000 }, ids, log))
    }
    for (const system of order) {
      rr[system].push(await runRequestReply(cluster, system, { responders: o.responders, count: o.requests, warmup: o.warmup, timeoutMs: o.timeoutMs, timeLimitMs: o.timeLimitMs }, r, log))
    }
  }

  const by = { meshcast: figures(work.meshcast, rr.meshcast), nats: figures(work.nats, rr.nats) }
  const ratio = ratios(by.meshcast, by.nats)
  const goals = {
    requestReplyP50AtMost2x: ratio.rrP50 !== null && ratio.rrP50 <= 2,
    workQueueAtLeastHalf: ratio.workMsgsPerSec !== null && ratio.workMsgsPerSec >= 0.5
  }
  await cluster.stop()
  await server.stop()

  process.stdout.write(table(by, ratio, { count: o.messages, rounds: o.rounds, requests: o.requests }) + '\n')
  process.stdout.write(`goals: request/reply p50 <= 2x NATS: ${goals.requestReplyP50AtMost2x ? 'met' : 'missed'}; work queue >= 0.5x NATS: ${goals.workQueueAtLeastHalf ? 'met' : 'missed'}\n`)
  const json = {
    bench: 'services',
    machine: { cpus: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown', node: process.version, natsServer: serverVersion, natsClient: `nats.js ${clientVersion}` },
    options: { ...o, workers: WORKERS, payloadBytes: 100 },
    meshcast: by.meshcast,
    nats: by.nats,
    ratios: ratio,
    goals
  }
  process.stdout.write(JSON.stringify(json) + '\n')
  const left = livePids()
  if (left.length > 0) log(`[bench:services] processes still running after the stop: ${left.join(', ')}`)
}

main().then(
  async () => { await shutdown(0) },
  async (err: unknown) => { log(`[bench:services] failed: ${(err as Error).stack ?? String(err)}`); await shutdown(1) }
)
