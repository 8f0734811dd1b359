// One side of one bench:lan case per process, forked by ./harness.ts with its role as the
// first argument: 'subscriber' (holds all N subscribers of the system under test and counts
// their deliveries) or 'publisher' (the one publisher: probes, a burst, a paced phase). The
// parent drives it over IPC with the requests in ./protocol.ts. The worker closes its
// system and exits on 'stop', on SIGTERM/SIGINT, when the parent goes away, or after its
// lifetime limit; every sending loop is bounded in count and in time.
import { percentile } from '../bench-node/stats.ts'
import { KIND_LATENCY, KIND_PROBE, KIND_THROUGHPUT, makePayload, sentAt, wallNow } from './protocol.ts'
import type { Kind, PhaseReport, ProbeReport, Request, Response, Role, SendReport, StartedSubscribers } from './protocol.ts'
import type { PublisherSide, SubscriberSide } from './system.ts'
import { loadSystem } from './systems.ts'

const role = process.argv[2] as Role
const LIFETIME_MS = Number(process.env.BENCH_LAN_WORKER_LIFETIME_MS ?? 10 * 60_000)
const CLOSE_LIMIT_MS = 5000

let subscriberSide: SubscriberSide | undefined
let publisherSide: PublisherSide | undefined

async function sleep (ms: number): Promise<void> {
  await new Promise(resolve => setTimeout(resolve, ms))
}

async function bounded<T> (p: Promise<T>, ms: number, what: string): Promise<T> {
  let t: NodeJS.Timeout | undefined
  try {
    return await Promise.race([p, new Promise<never>((_resolve, reject) => { t = setTimeout(() => { reject(new Error(`${what} took over ${ms} ms`)) }, ms) })])
  } finally {
    clearTimeout(t)
  }
}

// ---- subscriber process -------------------------------------------------------------

interface Tally {
  delivered: number
  malformed: number
  perSubscriber: Uint32Array
  first: number | null
  last: number | null
  /** Microseconds; latency phase only. */
  latencies: number[]
}

let count = 0
let size = 0
let probed = new Uint8Array(0)
let probedCount = 0
const tallies = new Map<Kind, Tally>()

function onMessage (i: number, payload: Uint8Array): void {
  const at = wallNow()
  const kind = payload[0]
  if (kind === KIND_PROBE && probed[i] === 0) { probed[i] = 1; probedCount++ }
  const t = tallies.get(kind as Kind)
  if (t === undefined) return
  t.delivered++
  if (i >= 0 && i < count) t.perSubscriber[i]++
  if (payload.byteLength !== size || !(i >= 0 && i < count)) t.malformed++
  if (t.first === null) t.first = at
  t.last = at
  if (kind === KIND_LATENCY) t.latencies.push((at - sentAt(payload)) * 1000)
}

function reset (kind: Kind): void {
  tallies.set(kind, { delivered: 0, malformed: 0, perSubscriber: new Uint32Array(count), first: null, last: null, latencies: [] })
}

async function startSubscribers (req: Extract<Request, { op: 'start-subscribers' }>): Promise<StartedSubscribers> {
  if (subscriberSide !== undefined) throw new Error('subscribers already started')
  count = req.count
  size = req.size
  probed = new Uint8Array(count)
  for (const k of [KIND_PROBE, KIND_THROUGHPUT, KIND_LATENCY] as const) reset(k)
  const system = await loadSystem(req.system)
  subscriberSide = await system.startSubscribers({ count, onMessage })
  return { info: subscriberSide.info }
}

async function awaitProbes (req: Extract<Request, { op: 'await-probes' }>): Promise<ProbeReport> {
  const start = wallNow()
  while (probedCount < count && wallNow() - start < req.timeoutMs) await sleep(10)
  return { ready: probedCount, count, ms: Math.round(wallNow() - start) }
}

async function awaitPhase (req: Extract<Request, { op: 'await' }>): Promise<PhaseReport> {
  const t = tallies.get(req.kind)
  if (t === undefined) throw new Error(`no tally for kind ${req.kind}`)
  const since = wallNow()
  let end: PhaseReport['end']
  for (;;) {
    const now = wallNow()
    if (t.delivered >= req.expected) { end = 'complete'; break }
    if (now - Math.max(since, t.last ?? 0) >= req.idleMs) { end = 'idle'; break }
    if (now - since >= req.timeLimitMs) { end = 'time-limit'; break }
    await sleep(20)
  }
  let min = Infinity
  let max = 0
  for (const n of t.perSubscriber) { min = Math.min(min, n); max = Math.max(max, n) }
  const lat = t.latencies
  return {
    delivered: t.delivered,
    malformed: t.malformed,
    minPerSubscriber: count === 0 ? 0 : min,
    maxPerSubscriber: max,
    first: t.first,
    last: t.last,
    end,
    p50Us: percentile(lat, 0.5),
    p99Us: percentile(lat, 0.99),
    maxUs: lat.length === 0 ? null : lat.reduce((a, b) => Math.max(a, b), -Infinity),
    meanUs: lat.length === 0 ? null : lat.reduce((a, b) => a + b, 0) / lat.length
  }
}

// ---- publisher process --------------------------------------------------------------

function thePublisher (): PublisherSide {
  if (publisherSide === undefined) throw new Error('publisher not started')
  return publisherSide
}

function newReport (): SendReport {
  return { sent: 0, errors: 0, lastError: '', startedAt: wallNow(), endedAt: 0, maxBatch: 0 }
}

/** One send, awaited when the system returns a promise; errors are counted, not thrown. */
async function sendOne (side: PublisherSide, kind: Kind, bytes: number, r: SendReport): Promise<void> {
  try {
    const p = side.send(makePayload(kind, bytes))
    if (p !== undefined) await p
    r.sent++
  } catch (err) {
    r.errors++
    r.lastError = (err as Error).message
  }
}

let probing: { stop: boolean, inflight: Promise<void>, report: SendReport } | undefined

function probeStart (req: Extract<Request, { op: 'probe-start' }>): void {
  const side = thePublisher()
  if (probing !== undefined) throw new Error('already probing')
  const r = newReport()
  const state = { stop: false, inflight: Promise.resolve(), report: r }
  probing = state
  const stopAt = wallNow() + req.timeLimitMs
  state.inflight = (async () => {
    while (!state.stop && wallNow() < stopAt) {
      await sendOne(side, KIND_PROBE, req.size, r)
      if (!state.stop) await sleep(req.intervalMs)
    }
  })()
}

async function probeStop (): Promise<number> {
  const state = probing
  if (state === undefined) return 0
  state.stop = true
  await bounded(state.inflight, 10_000, 'the last probe send')
  probing = undefined
  return state.report.sent
}

async function burst (req: Extract<Request, { op: 'burst' }>): Promise<SendReport> {
  const side = thePublisher()
  const r = newReport()
  const deadline = r.startedAt + req.timeLimitMs
  for (let i = 0; i < req.count; i++) {
    if (i > 0 && i % req.yieldEvery === 0) {
      await new Promise<void>(resolve => { setImmediate(resolve) })
      if (wallNow() >= deadline) break
    }
    // Inline rather than sendOne(): a synchronous send() costs no promise here.
    try {
      const p = side.send(makePayload(req.kind, req.size))
      if (p !== undefined) await p
      r.sent++
    } catch (err) {
      r.errors++
      r.lastError = (err as Error).message
    }
  }
  r.endedAt = wallNow()
  return r
}

async function paced (req: Extract<Request, { op: 'paced' }>): Promise<SendReport> {
  const side = thePublisher()
  const r = newReport()
  const start = r.startedAt
  const deadline = start + req.timeLimitMs
  const interval = 1000 / req.rate
  let i = 0
  while (i < req.count && wallNow() < deadline) {
    // Every message due by now (timers fire late: catch up in one batch), never more than count.
    const due = Math.min(req.count, Math.floor((wallNow() - start) / interval) + 1)
    r.maxBatch = Math.max(r.maxBatch, due - i)
    for (; i < due; i++) await sendOne(side, KIND_LATENCY, req.size, r)
    if (i >= req.count) break
    await sleep(Math.max(0, start + i * interval - wallNow()))
  }
  r.endedAt = wallNow()
  return r
}

// ---- IPC, shutdown --------------------------------------------------------------------

let stopping = false
async function shutdown (code: number): Promise<never> {
  if (!stopping) {
    stopping = true
    const sides = [subscriberSide, publisherSide].filter(s => s !== undefined)
    if (probing !== undefined) probing.stop = true
    await Promise.all(sides.map(async s => { await bounded(s.close(), CLOSE_LIMIT_MS, 'close').catch(() => {}) }))
  }
  process.exit(code)
}

async function dispatch (req: Request): Promise<unknown> {
  const needs = (r: Role): void => { if (role !== r) throw new Error(`'${req.op}' is for the ${r} process, this is the ${role}`) }
  switch (req.op) {
    case 'start-subscribers': needs('subscriber'); return await startSubscribers(req)
    case 'await-probes': needs('subscriber'); return await awaitProbes(req)
    case 'reset': needs('subscriber'); reset(req.kind); return null
    case 'await': needs('subscriber'); return await awaitPhase(req)
    case 'start-publisher': {
      needs('publisher')
      if (publisherSide !== undefined) throw new Error('publisher already started')
      const system = await loadSystem(req.system)
      publisherSide = await system.startPublisher({ info: req.info, subscribers: req.subscribers })
      return null
    }
    case 'probe-start': needs('publisher'); probeStart(req); return null
    case 'probe-stop': needs('publisher'); return await probeStop()
    case 'burst': needs('publisher'); return await burst(req)
    case 'paced': needs('publisher'); return await paced(req)
    case 'clock': return wallNow()
    case 'stop': return null
  }
}

function reply (res: Response, then?: () => void): void {
  if (process.send === undefined || !process.connected) { then?.(); return }
  process.send(res, undefined, {}, () => { then?.() })
}

if (role !== 'subscriber' && role !== 'publisher') {
  process.stderr.write(`bench-lan worker: role must be 'subscriber' or 'publisher', not '${String(role)}'\n`)
  process.exit(2)
}
process.on('message', (req: Request) => {
  void dispatch(req).then(
    result => { reply({ id: req.id, ok: true, result }, req.op === 'stop' ? () => { void shutdown(0) } : undefined) },
    (err: unknown) => { reply({ id: req.id, ok: false, error: (err as Error).message ?? String(err) }) }
  )
})
process.on('disconnect', () => { void shutdown(0) })
process.on('SIGTERM', () => { void shutdown(143) })
process.on('SIGINT', () => { void shutdown(130) })
setTimeout(() => {
  process.stderr.write(`bench-lan ${role}: lifetime limit of ${LIFETIME_MS} ms reached, exiting\n`)
  void shutdown(1)
}, LIFETIME_MS).unref()
