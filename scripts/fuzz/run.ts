// The fuzzer (issue 14, item 6): random and mutated input into a live node, through every way a
// peer or a local user reaches it, while an honest publisher's probes check that it still works.
//
// Three nodes on loopback in one secured mesh: the victim (ZeroMQ lanes on, a data directory and
// its control socket), an attacker that is a member (so its frames reach the protocol core, the
// deepest surface), and an honest publisher. Each unit of input is one of:
// - a frame of random messages of every type (meshcast.proto: every field random), over the
//   attacker's libp2p connection;
// - such a frame mutated (bits flipped, bytes set, cut, repeated, inserted), the same way;
// - random bytes written raw on a new /meshcast/1.0.0 stream (the stream's length-prefixed framing);
// - a raw ZeroMQ message on the attacker's lane to the victim (a batch of frames, mutated or not);
// - a line on the victim's control socket (a request with random fields, or garbage).
// Every `probeEvery` units the honest node publishes to the victim's subscription: three probes
// in a row not delivered within `probeTimeoutMs` each are a hang. An exception that escapes is a crash. Memory is
// sampled after each chunk.
import { mkdtempSync, rmSync } from 'node:fs'
import { createConnection } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { peerIdFromString } from '@libp2p/peer-id'
import { Rng } from '../../src/core/rng.ts'
import { encodeFrame } from '../../src/core/wire/codec.ts'
import { MSG_TYPES } from '../../src/core/wire/types.ts'
import type { Msg } from '../../src/core/wire/types.ts'
import { controlPath, serveControl } from '../../src/cli/control.ts'
import { createAuthority, createNode, grantText, issueGrant, parseAuthorityPrivateKey } from '../../src/index.ts'
import type { MeshNode } from '../../src/index.ts'
import { packFrames } from '../../src/transport/framing.ts'
import { PROTOCOL } from '../../src/transport/libp2p/libp2p-transport.ts'
import { SAMPLES } from './samples.ts'
import { setFlagsFromString, writeHeapSnapshot } from 'node:v8'
import { runInNewContext } from 'node:vm'

export interface FuzzOptions {
  /** Units of input (frames, stream writes, lane messages, control lines). */
  frames: number
  seed: number
  probeEvery?: number
  probeTimeoutMs?: number
  /** Live memory is measured every this many units (default 100,000). */
  liveEvery?: number
  /**
   * The victim's tables bounded far below their defaults (mailboxes 8 MiB and 64 in all, 500
   * topics a peer, 2,000 in all), so that the run reaches the bounds and shows memory levelling
   * off there; the defaults take far more than 10^6 units of input to fill.
   */
  smallBounds?: boolean
  /** A V8 heap snapshot is written there at the end, the nodes still running (for finding what holds memory). */
  heapSnapshot?: string
  log?: (line: string) => void
}

export type InputKind = 'structured' | 'mutated' | 'stream' | 'lane' | 'control'

export interface FuzzReport {
  frames: number
  byKind: Record<InputKind, number>
  crashes: number
  crashMessages: string[]
  hangs: number
  probes: number
  /** Resident set and heap of this process (all three nodes), MB. */
  rssStartMB: number
  rssMaxMB: number
  heapStartMB: number
  heapEndMB: number
  /**
   * What is live after a full garbage collection (V8 heap used plus external memory, MB), every
   * `liveEvery` units from the start: what the nodes really hold, apart from garbage not yet
   * collected and memory the allocators keep.
   */
  live: Array<{ units: number, rssMB: number, heapMB: number, externalMB: number, victimTopics: number, victimMailboxes: number, victimMailboxMessages: number }>
  /** What the victim made of it. */
  victim: { malformedFrames: number, refused: number, badStreams: number, malformedBatches: number, received: number }
  wallMs: number
}

const CHUNK = 200
const SMALL_BOUNDS = { mailboxesMaxBytes: 8 * 1024 * 1024, maxMailboxes: 64, maxTopicsPerPeer: 500, maxTopics: 2000 }
// Not the probes' topic: a member may disturb a tree legitimately (a LEAVE, a JOIN), and a lost
// probe must mean a node that stopped working, not a tree the attacker reshaped.
const TOPICS = ['fuzz.a', 'fuzz.b', 'jobs', '$WC.fuzz', 'x']
const TOPIC_FIELDS = new Set(['topic', 'topics'])
const PEER_FIELDS = new Set(['publisher', 'requester', 'subscriber', 'member', 'members', 'children', 'candidates', 'path', 'replaces', 'via', 'want'])

export async function fuzz (o: FuzzOptions): Promise<FuzzReport> {
  const log = o.log ?? (() => {})
  const probeEvery = o.probeEvery ?? 2000
  const probeTimeoutMs = o.probeTimeoutMs ?? 5000
  const rng = new Rng(o.seed)
  const start = performance.now()
  const crashMessages: string[] = []
  const onCrash = (err: unknown): void => { crashMessages.push(String((err as Error)?.stack ?? err).slice(0, 500)) }
  process.on('uncaughtException', onCrash)
  process.on('unhandledRejection', onCrash)

  const dir = mkdtempSync(join(tmpdir(), 'meshcast-fuzz-'))
  const authority = createAuthority()
  const key = parseAuthorityPrivateKey(authority.privatePem)
  const grant = (peer: string): string => grantText(issueGrant(key, { peer, pub: ['>'], sub: ['>'], issued: Date.now(), expires: Date.now() + 86_400_000 }))
  const nodes: MeshNode[] = []
  const make = async (opts: Parameters<typeof createNode>[0]): Promise<MeshNode> => { const n = await createNode({ ...opts, authority: { key: authority.publicKey, grant } }); nodes.push(n); return n }
  const byKind: Record<InputKind, number> = { structured: 0, mutated: 0, stream: 0, lane: 0, control: 0 }
  let hangs = 0
  let probes = 0
  const mem = (): { rss: number, heap: number } => { const m = process.memoryUsage(); return { rss: m.rss / 2 ** 20, heap: m.heapUsed / 2 ** 20 } }
  const m0 = mem()
  let rssMax = m0.rss
  const liveEvery = o.liveEvery ?? 100_000
  const live: FuzzReport['live'] = []
  const measureLive = (units: number, victim: MeshNode): void => {
    fullGc()
    const u = process.memoryUsage()
    const s = victim.stats()
    const l = { units, rssMB: round(u.rss / 2 ** 20), heapMB: round(u.heapUsed / 2 ** 20), externalMB: round(u.external / 2 ** 20), victimTopics: victim.topics().length, victimMailboxes: s.mailboxes, victimMailboxMessages: s.mailboxMessages }
    live.push(l)
    log(`${units} units: live after a full GC: heap ${l.heapMB} MB, external ${l.externalMB} MB (rss ${l.rssMB} MB); the victim holds ${l.victimTopics} topics, ${l.victimMailboxes} mailboxes, ${l.victimMailboxMessages} mailbox messages`)
  }
  try {
    const victim = await make({ dataDir: join(dir, 'victim'), ...(o.smallBounds === true ? { core: SMALL_BOUNDS } : {}) })
    const server = await serveControl(victim, join(dir, 'victim'))
    const attacker = await make({ bootstrap: [victim.addrs[0]] })
    const honest = await make({ lan: false, bootstrap: [victim.addrs[0]] })
    await waitFor('the three nodes admit each other', () => nodes.every(n => n.stats().routingTable >= 2), 20_000)
    const got = new Set<string>()
    const sub = victim.subscribe('probe', { callback: (_e, m) => { got.add(m.string()) } })
    await sub.ready

    const transport = (attacker as unknown as { transport: { send: (to: string, f: { bytes: Uint8Array, topics: string[], kind: 'control' | 'data' }) => void } }).transport
    const zmq = (attacker as unknown as { zmq: { trySend: (to: string, f: unknown) => boolean, lanes: Map<string, { state: string, socket?: { send: (b: Uint8Array) => Promise<void> } }> } }).zmq
    // A lane is given only to a tree neighbour, or a peer whose messages the victim admitted:
    // the attacker publishes until one of its topics' roots is the victim.
    let warm = 0
    await waitFor('the victim admitted a message of the attacker', () => {
      void attacker.publish(`fuzz.warm.${warm++}`, 'warm-up').catch(() => {})
      return victim.guard.sentData(attacker.peerId)
    }, 15_000)
    // Bring the attacker's lane to the victim up (a lane is negotiated when data is sent).
    await waitFor('the attacker\'s lane to the victim', () => {
      zmq.trySend(victim.peerId, { bytes: encodeFrame([{ type: 'heartbeat', topics: [], counts: [], roots: [] }]), topics: [], kind: 'data' })
      return zmq.lanes.get(victim.peerId)?.state === 'up'
    }, 15_000).catch(() => { log('no ZeroMQ lane came up: lane inputs go over libp2p instead') })
    const control = createConnection(controlPath(join(dir, 'victim')))
    control.on('error', () => {})
    control.on('data', () => {})

    measureLive(0, victim)
    const ids = [victim.peerId, attacker.peerId, honest.peerId, '', 'not-a-peer']
    const value = new Values(rng, ids)
    for (let sent = 0; sent < o.frames;) {
      const n = Math.min(CHUNK, o.frames - sent)
      for (let i = 0; i < n; i++) {
        const r = rng.next()
        const kind: InputKind = r < 0.55 ? 'structured' : r < 0.8 ? 'mutated' : r < 0.83 ? 'stream' : r < 0.93 ? 'lane' : 'control'
        byKind[kind]++
        try {
          if (kind === 'structured' || kind === 'mutated') {
            const frame = encodeMessages(value, rng)
            transport.send(victim.peerId, { bytes: kind === 'mutated' ? mutate(frame, rng) : frame, topics: [], kind: 'control' })
          } else if (kind === 'stream') {
            const bytes = rng.next() < 0.5 ? rng.bytes(rng.int(64)) : mutate(lengthPrefix(encodeMessages(value, rng)), rng)
            void rawStream(attacker, victim.peerId, bytes)
          } else if (kind === 'lane') {
            const batch = packFrames([encodeMessages(value, rng), encodeMessages(value, rng)])
            const bytes = rng.next() < 0.5 ? mutate(batch, rng) : batch
            const lane = zmq.lanes.get(victim.peerId)
            let sentOnLane = false
            if (lane?.state === 'up' && lane.socket !== undefined) {
              // One send at a time on a ZeroMQ socket (the lane's own writer may hold it: EBUSY),
              // and a send can wait for a full socket: given up on after 50 ms.
              try {
                sentOnLane = await Promise.race([lane.socket.send(bytes).then(() => true), new Promise<boolean>(resolve => setTimeout(resolve, 50, false))])
              } catch {}
            }
            if (!sentOnLane) transport.send(victim.peerId, { bytes, topics: [], kind: 'control' })
          } else {
            control.write(controlLine(value, rng) + '\n')
          }
        } catch (err) {
          // An input the fuzzer itself could not build (a value the encoder refuses): skipped.
          if (!(err instanceof RangeError || err instanceof TypeError || (err as Error).name === 'MalformedFrameError' || (err as Error).name === 'FrameTooLargeError')) throw err
        }
      }
      sent += n
      if (sent % liveEvery < CHUNK || sent >= o.frames) measureLive(sent, victim)
      // Let the victim read most of what was sent before the next chunk (the attacker's queues
      // stay far below their bounds; a few frames may wait on a stream of the attacker's own).
      await waitFor('the attacker\'s queues to drain', () => attacker.stats().queued.libp2p <= 50, 2000).catch(() => {})
      await new Promise(resolve => setImmediate(resolve))
      const m = mem()
      rssMax = Math.max(rssMax, m.rss)
      if (sent % probeEvery < CHUNK || sent >= o.frames) {
        probes++
        // A hang: three probes in a row not delivered, each within probeTimeoutMs.
        let ok = false
        for (let attempt = 0; attempt < 3 && !ok; attempt++) {
          const text = `probe ${probes}.${attempt}`
          ok = await honest.publish('probe', text).then(async () => await waitFor('probe', () => got.has(text), probeTimeoutMs).then(() => true, () => false), () => false)
          if (!ok) log(`probe ${probes} attempt ${attempt + 1} not delivered in ${probeTimeoutMs} ms`)
        }
        if (!ok) hangs++
        log(`${sent} units: ${hangs} hangs, ${crashMessages.length} crashes, rss ${m.rss.toFixed(0)} MB, heap ${m.heap.toFixed(0)} MB (external ${(process.memoryUsage().external / 2 ** 20).toFixed(0)}, array buffers ${(process.memoryUsage().arrayBuffers / 2 ** 20).toFixed(0)}), ${Math.round(performance.now() - start)} ms; attacker connected ${victim.peers().includes(attacker.peerId)}, admitted ${victim.guard.isAdmitted(attacker.peerId)}, queued ${attacker.stats().queued.libp2p}, victim frames ${victim.stats().transport.framesReceived}`)
      }
    }
    if (o.heapSnapshot !== undefined) {
      fullGc()
      log(`heap snapshot: ${writeHeapSnapshot(o.heapSnapshot)}`)
    }
    control.destroy()
    sub.unsubscribe()
    const s = victim.stats()
    const report: FuzzReport = {
      frames: o.frames,
      byKind,
      crashes: crashMessages.length,
      crashMessages,
      hangs,
      probes,
      rssStartMB: round(m0.rss),
      rssMaxMB: round(rssMax),
      heapStartMB: round(m0.heap),
      heapEndMB: round(mem().heap),
      live,
      victim: { malformedFrames: s.core.malformedFrames, refused: s.core.refused, badStreams: s.transport.badStreams, malformedBatches: s.lan?.malformedBatches ?? 0, received: s.transport.framesReceived + (s.lan?.framesReceived ?? 0) },
      wallMs: Math.round(performance.now() - start)
    }
    await new Promise<void>(resolve => { server.close(() => { resolve() }) })
    return report
  } finally {
    await Promise.all(nodes.map(async n => { await n.stop() }))
    rmSync(dir, { recursive: true, force: true })
    process.off('uncaughtException', onCrash)
    process.off('unhandledRejection', onCrash)
  }
}

const round = (x: number): number => Math.round(x * 10) / 10

/** A full garbage collection, with or without --expose-gc (the flag can be set at run time). */
function fullGc (): void {
  let gc = (globalThis as { gc?: () => void }).gc
  if (gc === undefined) {
    setFlagsFromString('--expose-gc')
    gc = runInNewContext('gc') as () => void
  }
  gc()
}

async function waitFor (what: string, cond: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise(resolve => setTimeout(resolve, 5))
  }
}

/** Random field values: short strings from a pool (topics, peer ids, names), edge numbers, bytes. */
class Values {
  private readonly rng: Rng
  private readonly ids: string[]

  constructor (rng: Rng, ids: string[]) {
    this.rng = rng
    this.ids = ids
  }

  /** Mostly what the field holds (a topic, a peer id), so that most frames decode and reach the core. */
  string (key = ''): string {
    const r = this.rng.next()
    const wants = TOPIC_FIELDS.has(key) ? 'topic' : PEER_FIELDS.has(key) ? 'peer' : 'any'
    if (r < 0.85 && wants !== 'any') return (wants === 'topic' ? this.rng.pick(TOPICS) : this.rng.pick(this.ids)) ?? ''
    if (r < 0.4) return this.rng.pick(TOPICS) ?? ''
    if (r < 0.88) return this.rng.pick(this.ids) ?? ''
    if (r < 0.92) return ''
    if (r < 0.95) return 'ü'.repeat(this.rng.int(300))
    return Buffer.from(this.rng.bytes(1 + this.rng.int(12))).toString('latin1')
  }

  number (): number {
    return this.rng.pick([0, 1, 2, 3, 100, 2 ** 31 - 1, 2 ** 32 - 1, 2 ** 53 - 1, Date.now(), this.rng.int(1_000_000)]) ?? 0
  }

  bytes (): Uint8Array {
    const r = this.rng.next()
    return this.rng.bytes(r < 0.4 ? this.rng.int(8) : r < 0.8 ? this.rng.int(300) : this.rng.int(5000))
  }
}

/** A copy of the sample with every leaf random and every list 0 to 3 long. */
function randomize (v: unknown, value: Values, rng: Rng, key = ''): unknown {
  if (key === 'type') return v
  if (key === 'kind') return rng.pick(['ack', 'nak', 'working', 'term'])
  if (key === 'mode') return rng.pick(['keep', 'delete'])
  if (typeof v === 'string') return value.string(key)
  if (typeof v === 'number') return value.number()
  if (typeof v === 'boolean') return rng.next() < 0.5
  if (v instanceof Uint8Array) return key === 'signature' ? rng.bytes(rng.next() < 0.8 ? 64 : rng.int(100)) : value.bytes()
  if (Array.isArray(v)) return Array.from({ length: rng.int(4) }, () => randomize(v[0], value, rng, key))
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, unknown> = {}
    for (const [k, x] of Object.entries(v)) out[k] = randomize(x, value, rng, k)
    return out
  }
  return v
}

function encodeMessages (value: Values, rng: Rng): Uint8Array {
  const msgs = Array.from({ length: 1 + rng.int(2) }, () => randomize(SAMPLES[rng.pick(MSG_TYPES) ?? 'join'], value, rng) as Msg)
  return encodeFrame(msgs)
}

function mutate (b: Uint8Array, rng: Rng): Uint8Array {
  let out = new Uint8Array(b)
  for (let k = 1 + rng.int(4); k > 0; k--) {
    const at = rng.int(Math.max(1, out.byteLength))
    switch (rng.int(5)) {
      case 0: if (out.byteLength > 0) out[at] ^= 1 << rng.int(8); break
      case 1: if (out.byteLength > 0) out[at] = rng.int(256); break
      case 2: out = out.slice(0, at); break
      case 3: out = Buffer.concat([out.subarray(0, at), out.subarray(at, at + rng.int(64)), out.subarray(at)]); break
      default: out = Buffer.concat([out.subarray(0, at), rng.bytes(1 + rng.int(16)), out.subarray(at)])
    }
  }
  return out
}

function lengthPrefix (frame: Uint8Array): Uint8Array {
  const n = frame.byteLength
  const head: number[] = []
  let x = n
  do { head.push((x & 0x7f) | (x > 0x7f ? 0x80 : 0)); x >>>= 7 } while (x > 0)
  return Buffer.concat([Buffer.from(head), frame])
}

async function rawStream (from: MeshNode, to: string, bytes: Uint8Array): Promise<void> {
  try {
    const s = await from.libp2p.dialProtocol(peerIdFromString(to), PROTOCOL)
    s.send(bytes)
    await s.close()
  } catch {
    // The victim may reset a stream that carried garbage: that is its answer.
  }
}

/** A control-socket request: a known op with random fields, or something that is not one. */
function controlLine (value: Values, rng: Rng): string {
  const r = rng.next()
  if (r < 0.2) return Buffer.from(rng.bytes(rng.int(200))).toString('latin1').replaceAll('\n', ' ')
  if (r < 0.3) return JSON.stringify(value.number())
  const op = rng.pick(['publish', 'respond', 'ack', 'peers', 'topics', 'stats', 'info', 'revoke', 'nonsense', 'request']) ?? 'info'
  const req: Record<string, unknown> = { op }
  // Topics from the pool: the operator's own publishes to new topics keep per-topic state by
  // design (sequence numbers), which is not what this measures.
  for (const f of ['topic', 'data', 'ref', 'timeout', 'queue', 'ack', 'reliable']) if (rng.next() < 0.5) req[f] = rng.next() < 0.5 ? value.string(f) : value.number()
  if (typeof req.topic === 'string' && rng.next() < 0.9) req.topic = rng.pick(TOPICS)
  if (op === 'request') req.timeout = 1 + rng.int(50) // a request waits for its timeout: kept short
  return JSON.stringify(req)
}
