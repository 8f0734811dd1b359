// One bench:services endpoint per process: a meshcast node (createNode, the node's defaults:
// data over ZeroMQ lanes between peers on this host) and a connection to nats-server with the
// official client (nats.js). The parent (scripts/bench-services.ts) drives it over IPC with the
// requests in ./protocol.ts. The worker stops by itself when the parent goes away or after
// its lifetime limit.
import { multiaddr } from '@multiformats/multiaddr'
import { connect } from 'nats'
import type { NatsConnection, Subscription as NatsSubscription } from 'nats'
import { createNode } from '../../src/node/mesh-node.ts'
import type { MeshNode } from '../../src/node/mesh-node.ts'
import type { Subscription } from '../../src/node/subscription.ts'
import { makePayload, readPayload, wallNow } from '../bench-node/payload.ts'
import type { CollectReport, ProduceReport, Request, RequestsReport, StartResult } from './protocol.ts'
import { serve } from '../bench-node/serve.ts'


let node: MeshNode | undefined
let nc: NatsConnection | undefined
const meshSubs = new Map<string, Subscription>()
const natsSubs = new Map<string, NatsSubscription>()

interface PhaseRecord { indices: number[], seen: Set<number>, duplicates: number, first: number, last: number }
const phases = new Map<number, PhaseRecord>()

function record (data: Uint8Array): void {
  const at = wallNow()
  const p = readPayload(data)
  if (p === undefined) return
  let r = phases.get(p.phase)
  if (r === undefined) phases.set(p.phase, r = { indices: [], seen: new Set(), duplicates: 0, first: Infinity, last: 0 })
  if (r.seen.has(p.index)) { r.duplicates++; return }
  r.seen.add(p.index)
  r.indices.push(p.index)
  if (at < r.first) r.first = at
  if (at > r.last) r.last = at
}

async function sleep (ms: number): Promise<void> {
  await new Promise(resolve => setTimeout(resolve, ms))
}

async function bounded<T> (p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_resolve, reject) => { timer = setTimeout(() => { reject(new Error(`${what} within ${ms} ms`)) }, ms) })
  try { return await Promise.race([p, timeout]) } finally { clearTimeout(timer) }
}

function theNode (): MeshNode {
  if (node === undefined) throw new Error('worker not started')
  return node
}

function theNats (): NatsConnection {
  if (nc === undefined) throw new Error('worker not started')
  return nc
}

async function queueSubscribe (req: Extract<Request, { op: 'queue-subscribe' }>): Promise<void> {
  if (req.system === 'meshcast') {
    const sub = theNode().subscribe(req.topic, {
      queue: req.group,
      callback: (_err, msg) => { if (req.respond) msg.respond(msg.data); else record(msg.data) }
    })
    meshSubs.set(req.topic, sub)
    await bounded(sub.ready, req.timeoutMs, 'meshcast subscription not ready')
  } else {
    const sub = theNats().subscribe(req.topic, {
      queue: req.group,
      callback: (_err, msg) => { if (req.respond) msg.respond(msg.data); else record(msg.data) }
    })
    natsSubs.set(req.topic, sub)
    // The server has the SUB once a PING after it is answered.
    await bounded(theNats().flush(), req.timeoutMs, 'nats-server did not answer the flush')
  }
}

/** A burst: `count` messages, a turn of the event loop every `chunk` (the same for both systems). */
async function produce (req: Extract<Request, { op: 'produce' }>): Promise<ProduceReport> {
  const start = wallNow()
  const deadline = start + req.timeLimitMs
  let sent = 0
  let errors = 0
  let lastError = ''
  for (let i = 0; i < req.count && wallNow() < deadline; i += req.chunk) {
    const n = Math.min(req.chunk, req.count - i)
    if (req.system === 'meshcast') {
      const results = await Promise.allSettled(Array.from({ length: n }, async (_, j) => await theNode().publish(req.topic, makePayload(i + j, req.phaseId))))
      for (const r of results) {
        if (r.status === 'fulfilled') sent++
        else { errors++; lastError = (r.reason as Error).message }
      }
    } else {
      for (let j = 0; j < n; j++) {
        try { theNats().publish(req.topic, makePayload(i + j, req.phaseId)); sent++ } catch (err) { errors++; lastError = (err as Error).message }
      }
    }
    await new Promise(resolve => setImmediate(resolve))
  }
  // nats.js buffers publishes: the burst has left this process once the server answered a PING.
  if (req.system === 'nats') await bounded(theNats().flush(), 10_000, 'nats-server did not answer the flush').catch((err: unknown) => { errors++; lastError = (err as Error).message })
  return { sent, errors, lastError, startedAt: start, endedAt: wallNow() }
}

function sameBytes (a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false
  return true
}

/** Sequential requests: each waits for its reply (or error) before the next one goes out. */
async function requests (req: Extract<Request, { op: 'requests' }>): Promise<RequestsReport> {
  const t0 = performance.now()
  const deadline = t0 + req.timeLimitMs
  const rttMs: number[] = []
  let errors = 0
  let lastError = ''
  let wrongReplies = 0
  for (let i = 0; i < req.warmup + req.count && performance.now() < deadline; i++) {
    const payload = makePayload(i, 0)
    const t = performance.now()
    try {
      const reply = req.system === 'meshcast'
        ? (await theNode().request(req.topic, payload, { timeout: req.timeoutMs })).data
        : (await theNats().request(req.topic, payload, { timeout: req.timeoutMs })).data
      const rtt = performance.now() - t
      if (!sameBytes(reply, payload)) wrongReplies++
      else if (i >= req.warmup) rttMs.push(rtt)
    } catch (err) {
      errors++
      lastError = (err as Error).message
    }
  }
  return { rttMs, errors, lastError, wrongReplies, elapsedMs: performance.now() - t0 }
}

async function handle (req: Request): Promise<unknown> {
  switch (req.op) {
    case 'start': {
      node = await createNode({ open: true, listen: ['/ip4/127.0.0.1/tcp/0'], bootstrap: req.bootstrap, ...(req.lan ? {} : { lan: false as const }) })
      nc = await connect({ servers: `127.0.0.1:${req.natsPort}`, name: `bench-services-${process.pid}` })
      const r: StartResult = { peerId: node.peerId, addrs: node.addrs }
      return r
    }
    case 'connect': {
      let ok = 0
      await Promise.all(req.addrs.map(async a => {
        for (let attempt = 0; attempt < 3; attempt++) {
          try { await theNode().libp2p.dial(multiaddr(a), { signal: AbortSignal.timeout(15_000) }); ok++; return } catch {}
        }
      }))
      return { dialled: ok, peers: theNode().peers().length, routingTable: theNode().stats().routingTable }
    }
    case 'queue-subscribe':
      await queueSubscribe(req)
      return {}
    case 'unsubscribe':
      if (req.system === 'meshcast') { meshSubs.get(req.topic)?.unsubscribe(); meshSubs.delete(req.topic) } else { natsSubs.get(req.topic)?.unsubscribe(); natsSubs.delete(req.topic) }
      return {}
    case 'queue-members': {
      const v = theNode().topics().find(t => t.topic === req.topic)
      return v?.role === 'root' ? v.queueGroups?.[req.group] ?? 0 : -1
    }
    case 'produce':
      return await produce(req)
    case 'requests':
      return await requests(req)
    case 'count':
      return phases.get(req.phaseId)?.seen.size ?? 0
    case 'collect': {
      const r = phases.get(req.phaseId)
      const report: CollectReport = r === undefined
        ? { indices: [], duplicates: 0, first: null, last: null }
        : { indices: r.indices, duplicates: r.duplicates, first: r.first, last: r.last }
      return report
    }
    case 'drops': {
      const st = theNode().stats()
      return { ...st.dropped, queueFull: st.transport.droppedQueueFull, dialFailed: st.transport.droppedDialFailed, noRoute: st.core.droppedNoRoute }
    }
    case 'stop':
      await stop()
      return {}
  }
}

async function stop (): Promise<void> {
  const n = node
  const c = nc
  node = undefined
  nc = undefined
  await Promise.all([
    n === undefined ? undefined : Promise.race([n.stop(), sleep(5000)]),
    c === undefined ? undefined : Promise.race([c.close(), sleep(5000)])
  ])
}

serve(handle, stop)
