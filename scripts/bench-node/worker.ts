// One benchmark node per process: a meshcast node (createNode) with gossipsub on the same
// libp2p host (extraServices) and a byte meter as the host's metrics. The parent
// (scripts/bench-node.ts) drives it over IPC with the requests in ./protocol.ts. The worker
// stops by itself when the parent goes away or after its lifetime limit.
import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector'
import { gossipsub } from '@libp2p/gossipsub'
import type { GossipSub } from '@libp2p/gossipsub'
import { multiaddr } from '@multiformats/multiaddr'
import { compareDistance, idFromBytes, topicKey } from '../../src/core/id.ts'
import { createNode } from '../../src/node/mesh-node.ts'
import type { MeshNode } from '../../src/node/mesh-node.ts'
import type { Subscription } from '../../src/node/subscription.ts'
import { ByteMeter } from './byte-meter.ts'
import { makePayload, readPayload, wallNow } from './payload.ts'
import { percentile } from './stats.ts'
import type { PhaseReport, PublishReport, Request, Snapshot, StatsReport, System } from './protocol.ts'
import { serve } from './serve.ts'


const meter = new ByteMeter()
let node: MeshNode | undefined
let pubsub: GossipSub | undefined
/** meshcast subscriptions by topic. */
const subscriptions = new Map<string, Subscription>()

/** The gossipsub class has getMeshPeers; its public interface does not declare it. */
function meshPeers (ps: GossipSub, topic: string): number {
  return (ps as unknown as { getMeshPeers: (t: string) => string[] }).getMeshPeers(topic).length
}

interface PhaseRecord { latencies: number[], indices: number[], seen: Set<number>, duplicates: number, first: number, last: number }
/** Deliveries by phase id (the parent gives every phase of every system its own id). */
const phases = new Map<number, PhaseRecord>()

function record (data: Uint8Array): void {
  const at = wallNow()
  const p = readPayload(data)
  if (p === undefined) return
  let r = phases.get(p.phase)
  if (r === undefined) phases.set(p.phase, r = { latencies: [], indices: [], seen: new Set(), duplicates: 0, first: Infinity, last: 0 })
  if (r.seen.has(p.index)) { r.duplicates++; return }
  r.seen.add(p.index)
  r.latencies.push(at - p.sentAt)
  r.indices.push(p.index)
  if (at < r.first) r.first = at
  if (at > r.last) r.last = at
}

async function sleep (ms: number): Promise<void> {
  await new Promise(resolve => setTimeout(resolve, ms))
}

function theNode (): MeshNode {
  if (node === undefined) throw new Error('worker not started')
  return node
}

function thePubsub (): GossipSub {
  if (pubsub === undefined) throw new Error('worker not started')
  return pubsub
}

async function publishOne (system: System, topic: string, payload: Uint8Array): Promise<void> {
  if (system === 'meshcast') await theNode().publish(topic, payload)
  else await thePubsub().publish(topic, payload)
}

/** Paced (rate > 0) or burst (rate 0, in chunks of `chunk` with a turn of the event loop between). */
async function publish (req: Extract<Request, { op: 'publish' }>): Promise<PublishReport> {
  const start = wallNow()
  const deadline = start + req.timeLimitMs
  let sent = 0
  let errors = 0
  let lastError = ''
  let launched = 0
  const failed: number[] = []
  const fail = (err: unknown, index: number): void => { errors++; lastError = (err as Error).message; failed.push(index) }
  if (req.rate > 0) {
    const interval = 1000 / req.rate
    for (let i = 0; i < req.count && wallNow() < deadline; i++) {
      const wait = start + i * interval - wallNow()
      if (wait > 1) await sleep(wait)
      launched++
      try { await publishOne(req.system, req.topic, makePayload(i, req.phaseId)); sent++ } catch (err) { fail(err, i) }
    }
  } else {
    for (let i = 0; i < req.count && wallNow() < deadline; i += req.chunk) {
      const n = Math.min(req.chunk, req.count - i)
      launched += n
      const results = await Promise.allSettled(Array.from({ length: n }, async (_, j) => { await publishOne(req.system, req.topic, makePayload(i + j, req.phaseId)) }))
      results.forEach((r, j) => { if (r.status === 'fulfilled') sent++; else fail(r.reason, i + j) })
      await new Promise(resolve => setImmediate(resolve))
    }
  }
  return { sent, errors, lastError, startedAt: start, endedAt: wallNow(), launched, failed }
}

/**
 * Acknowledged publishes (meshcast { ack: true }), paced (rate > 0) or as fast as the window
 * allows (a turn of the event loop every `chunk` publishes): up to `window` unacknowledged at a
 * time, never more than count, and at most ACK_WAIT_MS past the time limit for the last
 * acknowledgements (the core rejects after its ackTimeoutMs, 10 s). What is still unacknowledged
 * then counts as failed.
 */
const ACK_WAIT_MS = 15_000
async function publishAcked (req: Extract<Request, { op: 'publish' }>): Promise<PublishReport> {
  const start = wallNow()
  const deadline = start + req.timeLimitMs
  const window = Math.max(1, req.window ?? 256)
  const interval = req.rate > 0 ? 1000 / req.rate : 0
  const inflight = new Map<number, Promise<void>>()
  const ackMs: number[] = []
  const ackByIndex: number[] = []
  const failed: number[] = []
  let sent = 0
  let errors = 0
  let lastError = ''
  let launched = 0
  for (let i = 0; i < req.count && wallNow() < deadline; i++) {
    while (inflight.size >= window && wallNow() < deadline) await Promise.race([...inflight.values(), sleep(100)])
    if (inflight.size >= window) break
    if (interval > 0) {
      const wait = start + i * interval - wallNow()
      if (wait > 1) await sleep(wait)
    } else if (i > 0 && i % req.chunk === 0) {
      await new Promise(resolve => setImmediate(resolve))
    }
    const t = wallNow()
    const p = theNode().publish(req.topic, makePayload(i, req.phaseId), { ack: true }).then(
      () => { sent++; ackMs.push(ackByIndex[i] = wallNow() - t) },
      (err: unknown) => { errors++; lastError = (err as Error).message; failed.push(i) }
    ).finally(() => { inflight.delete(i) })
    inflight.set(i, p)
    launched++
  }
  await Promise.race([Promise.all(inflight.values()), sleep(ACK_WAIT_MS)])
  for (const i of inflight.keys()) { failed.push(i); errors++; lastError = 'still unacknowledged at the end of the phase' }
  failed.sort((a, b) => a - b)
  return {
    sent,
    errors,
    lastError,
    startedAt: start,
    endedAt: wallNow(),
    launched,
    failed,
    ackMs: { p50: percentile(ackMs, 0.5), p99: percentile(ackMs, 0.99), max: percentile(ackMs, 1) },
    ackByIndex: Array.from({ length: launched }, (_, i) => Math.round((ackByIndex[i] ?? -1) * 1000) / 1000)
  }
}

async function handle (req: Request): Promise<unknown> {
  switch (req.op) {
    case 'start': {
      node = await createNode({
        open: true,
        listen: ['/ip4/127.0.0.1/tcp/0'],
        bootstrap: req.bootstrap,
        ...(req.lan === false ? { lan: false as const } : {}),
        ...(req.core === undefined ? {} : { core: req.core }),
        libp2pMetrics: meter.factory,
        extraServices: {
          pubsub: gossipsub({
            emitSelf: false,
            // More than 10 peers on one IP get negative scores and never join the mesh.
            scoreParams: { IPColocationFactorWeight: 0 }
          })
        }
      })
      pubsub = (node.libp2p.services as unknown as { pubsub: GossipSub }).pubsub
      pubsub.addEventListener('message', e => { record(e.detail.data) })
      return { peerId: node.peerId, addrs: node.addrs }
    }
    case 'connect': {
      let ok = 0
      const errors: string[] = []
      // A busy machine makes handshakes time out: up to 3 tries per peer.
      await Promise.all(req.addrs.map(async a => {
        for (let attempt = 0; attempt < 3; attempt++) {
          try { await theNode().libp2p.dial(multiaddr(a), { signal: AbortSignal.timeout(15_000) }); ok++; return } catch (err) { errors.push((err as Error).message) }
        }
      }))
      return { dialled: ok, peers: theNode().peers().length, errors: [...new Set(errors)] }
    }
    case 'subscribe': {
      if (req.system === 'meshcast') {
        const sub = theNode().subscribe(req.topic, { reliable: req.reliable === true })
        subscriptions.set(req.topic, sub)
        void (async () => { for await (const m of sub) record(m.data) })()
        const timeout = sleep(req.timeoutMs).then(() => { throw new Error(`meshcast subscription not ready within ${req.timeoutMs} ms`) })
        await Promise.race([sub.ready, timeout])
      } else {
        thePubsub().subscribe(req.topic)
      }
      return {}
    }
    case 'unsubscribe':
      subscriptions.get(req.topic)?.unsubscribe()
      subscriptions.delete(req.topic)
      return {}
    case 'gossip-ready': {
      // Bounded wait until gossipsub knows `subscribers` subscribers and its mesh has `mesh` peers.
      const end = Date.now() + req.timeoutMs
      const ps = thePubsub()
      let subs = 0
      let mesh = 0
      while (Date.now() < end) {
        subs = ps.getSubscribers(req.topic).length
        mesh = meshPeers(ps, req.topic)
        if (subs >= req.subscribers && mesh >= req.mesh) break
        await sleep(100)
      }
      return { subscribers: subs, mesh }
    }
    case 'publish':
      return req.ack === true ? await publishAcked(req) : await publish(req)
    case 'collect': {
      const r = phases.get(req.phaseId)
      const report: PhaseReport = r === undefined
        ? { delivered: 0, duplicates: 0, first: null, last: null, latencies: [], indices: [] }
        : { delivered: r.seen.size, duplicates: r.duplicates, first: r.first, last: r.last, latencies: r.latencies, indices: r.indices }
      return report
    }
    case 'count':
      return phases.get(req.phaseId)?.seen.size ?? 0
    case 'snapshot': {
      const cpu = process.cpuUsage()
      const snap: Snapshot = { ...meter.counts(), cpuMicros: cpu.user + cpu.system, rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20), laneWritten: node?.lanPlane?.stats.bytesSent ?? 0 }
      return snap
    }
    case 'stats': {
      const n = theNode()
      const view = n.topics().find(t => t.topic === req.topic)
      const st = n.stats()
      const report: StatsReport = {
        role: view?.role ?? 'none',
        parent: view?.parent ?? null,
        children: view?.children.length ?? 0,
        depth: view?.depth ?? -1,
        gossipMesh: meshPeers(thePubsub(), req.topic),
        gossipSubscribers: thePubsub().getSubscribers(req.topic).length,
        dataSent: st.core.sent.data ?? 0,
        dataReceived: st.core.received.data ?? 0,
        publishSent: st.core.sent.publish ?? 0,
        publishReceived: st.core.received.publish ?? 0,
        heartbeatsSent: st.core.sent.heartbeat ?? 0,
        framesSent: st.transport.framesSent,
        rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
        counters: {
          dataSent: st.core.sent.data ?? 0,
          publishSent: st.core.sent.publish ?? 0,
          heartbeatsSent: st.core.sent.heartbeat ?? 0,
          framesSent: st.transport.framesSent,
          droppedNoRoute: st.core.droppedNoRoute,
          repairs: st.core.repairs,
          rootTakeovers: st.core.rootTakeovers,
          handovers: st.core.handovers,
          coreDuplicates: st.core.duplicates,
          joinsSent: st.core.sent.join ?? 0,
          leavesSent: st.core.sent.leave ?? 0,
          droppedQueueFull: st.transport.droppedQueueFull,
          droppedDialFailed: st.transport.droppedDialFailed,
          badStreams: st.transport.badStreams,
          subscriptionDropped: subscriptions.get(req.topic)?.dropped ?? 0,
          subscriptionGaps: subscriptions.get(req.topic)?.gaps ?? 0,
          gaps: st.core.gaps,
          late: st.core.late,
          nacksSent: st.core.nacksSent,
          nacksForwarded: st.core.nacksForwarded,
          replaysSent: st.core.replaysSent,
          replaysReceived: st.core.replaysReceived,
          ackRetries: st.core.ackRetries,
          stashSent: st.core.sent.stash ?? 0,
          publishAcksSent: st.core.sent.publishAck ?? 0,
          lanFramesSent: st.lan?.framesSent ?? 0,
          lanBytesSent: st.lan?.bytesSent ?? 0,
          connections: n.libp2p.getConnections().length,
          peers: n.peers().length,
          routingTable: st.routingTable,
          ...tableHealth(n, req.topic)
        }
      }
      return report
    }
    case 'profile-start':
      profiler ??= new Session()
      profiler.connect()
      await post('Profiler.enable')
      await post('Profiler.setSamplingInterval', { interval: 200 })
      await post('Profiler.start')
      return {}
    case 'profile-stop': {
      const { profile } = await post('Profiler.stop') as { profile: unknown }
      writeFileSync(req.file, JSON.stringify(profile))
      profiler?.disconnect()
      return {}
    }
    case 'stop':
      await stop()
      return {}
  }
}

/**
 * Diagnostics of the meshcast routing table against the live connections (read through the
 * node's private core; nothing is changed): connected peers missing from the table, and
 * whether a connected peer is closer to the topic key than this node (then it is not the root).
 */
function tableHealth (n: MeshNode, topic: string): { connectedNotInTable: number, closerConnectedPeers: number } {
  const table = (n as unknown as { core: { table: { has: (ref: string) => boolean } } }).core.table
  const key = topicKey(topic)
  const self = idFromBytes(n.libp2p.peerId.toMultihash().bytes)
  let missing = 0
  let closer = 0
  for (const p of n.libp2p.getPeers()) {
    if (!table.has(p.toString())) missing++
    if (compareDistance(idFromBytes(p.toMultihash().bytes), self, key) < 0) closer++
  }
  return { connectedNotInTable: missing, closerConnectedPeers: closer }
}

let profiler: Session | undefined
async function post (method: string, params?: object): Promise<unknown> {
  return await new Promise((resolve, reject) => {
    profiler!.post(method, params ?? {}, (err, result) => { if (err !== null) reject(err); else resolve(result) })
  })
}

async function stop (): Promise<void> {
  const n = node
  node = undefined
  if (n !== undefined) await Promise.race([n.stop(), sleep(5000)])
}

serve(handle, stop)
