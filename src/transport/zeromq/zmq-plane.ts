// The LAN data plane: data frames to peers on this node's LAN segment go over ZeroMQ (PUSH ->
// PULL, CURVE-encrypted), everything else stays on libp2p.
//
// A sender asks the receiver for a lane over libp2p (/meshcast/lan/1.0.0, Noise-authenticated):
// it offers its CURVE public key; the receiver binds a PULL socket for that sender alone, on the
// address of the segment they share, whose ZAP domain admits only the offered key, and answers
// with the endpoint and its own CURVE key. A frame read from that socket therefore comes from
// that peer id. Until the lane's CURVE handshake succeeds, and whenever it fails, trySend()
// returns false and the node sends over libp2p; a failed lane is asked for again after a
// back-off. Each lane has its own bounded queue and its own writer, so a slow peer only fills
// (and drops from) its own queue.
import type { Connection, Stream } from '@libp2p/interface'
import type { Multiaddr } from '@multiformats/multiaddr'
import { peerIdFromString } from '@libp2p/peer-id'
import { curveKeyPair, Pull, Push } from 'zeromq'
import type { PeerRef } from '../../core/routing-table.ts'
import { FrameReader, lengthPrefixed, packFrames, unpackFrames } from '../framing.ts'
import type { MeshLibp2p } from '../libp2p/host.ts'
import { deadline } from '../timeout.ts'
import { FrameQueue } from '../frame-queue.ts'
import type { DropReason, OutFrame } from '../transport.ts'
import { LanAccept, LanOffer } from './lan-messages.js'
import { isLoopback, localIpv4, plainIp, segmentAddress } from './segment.ts'
import type { Cidr } from './segment.ts'
import { isZ85Key } from './z85.ts'
import { acquireZap, admitOnly, releaseZap } from './zap.ts'

export const LAN_PROTOCOL = '/meshcast/lan/1.0.0'
const MAX_HANDSHAKE_BYTES = 1024
/** A refused lane request is made again after this long, doubling with each refusal in a row. */
const REFUSED_RETRY_MS = 100
/** Frames a receive loop handles before it lets the event loop turn. */
const YIELD_FRAMES = 1024

export interface ZmqPlaneOptions {
  /** LAN segments as CIDRs; undefined: the IPv4 subnets of this host's interfaces. */
  lan: readonly Cidr[] | undefined
  /** Frames queued per lane before the oldest is dropped. */
  sendHwm: number
  /** The most bytes of frames queued on one lane (the oldest are dropped beyond it). */
  maxQueuedBytes: number
  /** Frames per ZeroMQ send (one message part of length-prefixed frames, ../framing.ts). */
  maxBatch: number
  /** ZeroMQ's own high-water mark per socket, in batches. */
  zmqHwm: number
  /**
   * A lane that comes up holds its first frames until this long after the last data frame
   * sent to the peer over libp2p, so those land first and the switch does not reorder.
   */
  switchQuietMs: number
  /** A lane whose CURVE handshake has not succeeded by then has failed. */
  connectTimeoutMs: number
  /** The lane request over libp2p (offer and answer) gives up after this long. */
  requestTimeoutMs: number
  /** First wait before a failed lane is asked for again; doubles up to retryMaxMs. */
  retryMs: number
  retryMaxMs: number
  /** Largest frame accepted; a received batch is at most maxBatch of them (ZMQ_MAXMSGSIZE). */
  maxFrameBytes: number
}

/** The most bytes one ZeroMQ message of a lane carries (frames and their length prefixes). */
export const LANE_BATCH_BYTES = 4 * 1024 * 1024

export interface ZmqPlaneEvents {
  frame: (from: PeerRef, bytes: Uint8Array) => void
  /** Frames queued on a lane that failed: the node sends them over libp2p instead. */
  fallback: (to: PeerRef, frames: OutFrame[]) => void
  /** A frame dropped by a lane (its queue was full, or its peer went down). */
  dropped: (reason: DropReason, frame: OutFrame) => void
  /** When (performance.now()) the node last sent the peer a data frame over libp2p. */
  lastLibp2pData: (to: PeerRef) => number
  /**
   * May this peer have a lane (a bound socket here)? The node says yes for admitted tree
   * neighbours only; otherwise why not (sent to the peer, which asks again after a back-off).
   */
  mayConnect?: (peer: PeerRef) => { ok: true } | { ok: false, why: string }
}

export type LaneState = 'negotiating' | 'connecting' | 'up' | 'down' | 'off'

export interface LaneView {
  peer: PeerRef
  /** up: data goes over ZeroMQ; negotiating/connecting/down: over libp2p for now; off: the peer is not on a shared segment. */
  state: LaneState
  endpoint: string
  queued: number
  framesSent: number
  failures: number
  lastError: string
}

export interface ZmqPlaneStats {
  framesSent: number
  bytesSent: number
  sends: number
  framesReceived: number
  bytesReceived: number
  lanesOpened: number
  fallbacks: number
  /** Lane requests this node refused (peer not on a shared segment, bad key). */
  offersRefused: number
  /** CURVE clients the ZAP handler refused on this node's receiving sockets. */
  zapRefused: number
  /** Received ZeroMQ messages that were not a well-formed batch of frames (dropped). */
  malformedBatches: number
  droppedQueueFull: number
  droppedPeerDown: number
}

class Lane {
  state: LaneState = 'negotiating'
  socket: Push | undefined
  endpoint = ''
  readonly queue = new FrameQueue<OutFrame>(f => f.bytes.byteLength)
  writing = false
  /** The writer waits for the next turn of the event loop; calling this resumes it sooner. */
  wake: (() => void) | undefined
  /** Frames wait until then after the lane came up (see switchQuietMs). */
  holdUntil = 0
  holdTimer: NodeJS.Timeout | undefined
  retryAt = 0
  backoff: number
  framesSent = 0
  failures = 0
  /** Refusals in a row (reset when the lane comes up). */
  refusals = 0
  lastError = ''
  generation = 0
  timer: NodeJS.Timeout | undefined

  constructor (backoff: number) {
    this.backoff = backoff
  }
}

interface Receiver {
  pull: Pull
  revoke: () => void
}

export class ZmqPlane {
  readonly stats: ZmqPlaneStats = {
    framesSent: 0, bytesSent: 0, sends: 0, framesReceived: 0, bytesReceived: 0, lanesOpened: 0, fallbacks: 0,
    offersRefused: 0, zapRefused: 0, malformedBatches: 0, droppedQueueFull: 0, droppedPeerDown: 0
  }

  private readonly libp2p: MeshLibp2p
  private readonly on: ZmqPlaneEvents
  private readonly options: ZmqPlaneOptions
  private readonly self: string
  private readonly lanes = new Map<PeerRef, Lane>()
  private readonly receivers = new Map<PeerRef, Receiver>()
  private keys = curveKeyPair()
  private running = false
  private stopped = new AbortController()

  constructor (libp2p: MeshLibp2p, on: ZmqPlaneEvents, options: ZmqPlaneOptions) {
    this.libp2p = libp2p
    this.on = on
    this.options = options
    this.self = libp2p.peerId.toString()
  }

  /** This node's CURVE public key (Z85), the one it offers to peers. */
  get curvePublicKey (): string {
    return this.keys.publicKey
  }

  async start (): Promise<void> {
    if (this.running) return
    this.running = true
    this.stopped = new AbortController()
    this.keys = curveKeyPair()
    await acquireZap()
    await this.libp2p.handle(LAN_PROTOCOL, (stream, connection) => { void this.answer(stream, connection) }, { maxInboundStreams: 4, maxOutboundStreams: 4 })
  }

  async stop (): Promise<void> {
    if (!this.running) return
    this.running = false
    this.stopped.abort(new Error('ZeroMQ plane stopped'))
    await this.libp2p.unhandle(LAN_PROTOCOL).catch(() => {})
    for (const lane of this.lanes.values()) this.closeLane(lane)
    this.lanes.clear()
    for (const r of this.receivers.values()) this.closeReceiver(r)
    this.receivers.clear()
    releaseZap()
  }

  /**
   * Takes a data frame for a peer when its lane is up (queued, or dropped if the queue is full)
   * and returns true; returns false when the frame must go over libp2p.
   */
  trySend (to: PeerRef, frame: OutFrame): boolean {
    if (!this.running) return false
    let lane = this.lanes.get(to)
    if (lane === undefined) {
      lane = new Lane(this.options.retryMs)
      this.lanes.set(to, lane)
      void this.negotiate(to, lane)
      return false
    }
    if (lane.state === 'up') {
      // Bounded in frames and in bytes: the oldest go first.
      while (lane.queue.length > 0 && (lane.queue.length >= this.options.sendHwm || lane.queue.bytes + frame.bytes.byteLength > this.options.maxQueuedBytes)) {
        const old = lane.queue.shift()
        if (old !== undefined) {
          this.stats.droppedQueueFull++
          this.on.dropped('lane-queue-full', old)
        }
      }
      lane.queue.push(frame)
      if (!lane.writing) {
        const wait = lane.holdUntil - performance.now()
        if (wait > 0) this.hold(to, lane, wait)
        else void this.write(to, lane)
      } else if (lane.wake !== undefined && lane.queue.length >= this.options.maxBatch) lane.wake()
      return true
    }
    if (lane.state === 'down' && performance.now() >= lane.retryAt) void this.negotiate(to, lane)
    return false
  }

  /** A new libp2p connection to the peer: it may have restarted (new key, new endpoint). */
  peerUp (peer: PeerRef): void {
    const lane = this.lanes.get(peer)
    if (lane === undefined || lane.state === 'up' || lane.state === 'negotiating' || lane.state === 'connecting') return
    lane.retryAt = 0
    lane.backoff = this.options.retryMs
    if (lane.state === 'off') lane.state = 'down'
  }

  /** The peer is gone: its lane and its receiving socket close; queued frames are dropped. */
  peerDown (peer: PeerRef): void {
    const lane = this.lanes.get(peer)
    if (lane !== undefined) {
      for (const f of lane.queue.drain()) {
        this.stats.droppedPeerDown++
        this.on.dropped('peer-down', f)
      }
      this.closeLane(lane)
      this.lanes.delete(peer)
    }
    const r = this.receivers.get(peer)
    if (r !== undefined) {
      this.closeReceiver(r)
      this.receivers.delete(peer)
    }
  }

  lanesView (): LaneView[] {
    return [...this.lanes].map(([peer, l]) => ({
      peer, state: l.state, endpoint: l.endpoint, queued: l.queue.length, framesSent: l.framesSent, failures: l.failures, lastError: l.lastError
    }))
  }

  /** For tests: closes the receiving socket for `from`, as if that endpoint died. */
  killReceiver (from: PeerRef): boolean {
    const r = this.receivers.get(from)
    if (r === undefined) return false
    this.closeReceiver(r)
    this.receivers.delete(from)
    return true
  }

  /** For tests: the endpoint this node bound for `from`, if any. */
  receiverEndpoint (from: PeerRef): string | undefined {
    return this.receivers.get(from)?.pull.lastEndpoint ?? undefined
  }

  // ---------------------------------------------------------------- sending side

  private async negotiate (to: PeerRef, lane: Lane): Promise<void> {
    const generation = ++lane.generation
    lane.state = 'negotiating'
    this.closeSocket(lane)
    const conn = this.connectionTo(to)
    if (conn === undefined) {
      this.fail(to, lane, 'no libp2p connection to ask for a lane on')
      return
    }
    const remoteIp = ipOf(conn.remoteAddr)
    if (remoteIp === undefined || segmentAddress(remoteIp, this.options.lan, localIpv4()) === undefined) {
      lane.state = 'off'
      lane.lastError = `not on a shared LAN segment (${remoteIp ?? conn.remoteAddr.toString()})`
      return
    }
    let accept: LanAccept
    const limit = deadline(this.options.requestTimeoutMs, this.stopped.signal)
    try {
      const stream = await conn.newStream(LAN_PROTOCOL, { signal: limit.signal })
      stream.send(lengthPrefixed(LanOffer.encode({ curveKey: this.keys.publicKey })))
      accept = LanAccept.decode(await readOne(stream, limit.signal))
      await stream.close().catch(() => {})
    } catch (err) {
      if (lane.generation === generation) this.fail(to, lane, `lane request failed: ${(err as Error).message}`)
      return
    } finally {
      limit.clear()
    }
    if (!this.running || lane.generation !== generation || this.lanes.get(to) !== lane) return
    if (accept.refused !== '') {
      // It may say yes soon: the data frame that made this node ask is on its way over libp2p
      // and makes it a neighbour there, or its grant is. Asked again after 100 ms, doubling
      // with each refusal up to retryMaxMs (not the failure back-off, which starts at 1 s).
      const backoff = lane.backoff
      this.fail(to, lane, `refused by the peer: ${accept.refused}`)
      lane.backoff = backoff
      lane.retryAt = performance.now() + Math.min(REFUSED_RETRY_MS * 2 ** lane.refusals++, this.options.retryMaxMs)
      return
    }
    const host = endpointHost(accept.endpoint)
    if (host === undefined || !isZ85Key(accept.curveKey) || !(host === plainIp(remoteIp) || (isLoopback(host) && isLoopback(remoteIp)))) {
      // A peer may only point us at its own address.
      this.fail(to, lane, `unusable answer: endpoint ${JSON.stringify(accept.endpoint)}`)
      return
    }
    const socket = new Push({
      curveServerKey: accept.curveKey,
      curvePublicKey: this.keys.publicKey,
      curveSecretKey: this.keys.secretKey,
      immediate: true,
      linger: 0,
      sendHighWaterMark: this.options.zmqHwm,
      ipv6: host.includes(':')
    })
    lane.socket = socket
    lane.endpoint = accept.endpoint
    lane.state = 'connecting'
    const failed = (why: string) => () => { if (lane.generation === generation) this.fail(to, lane, why) }
    socket.events.on('handshake', () => {
      if (lane.generation !== generation || lane.state !== 'connecting') return
      clearTimeout(lane.timer)
      lane.state = 'up'
      lane.holdUntil = this.on.lastLibp2pData(to) + this.options.switchQuietMs
      lane.backoff = this.options.retryMs
      lane.refusals = 0
      this.stats.lanesOpened++
    })
    socket.events.on('handshake:error:auth', failed('CURVE handshake refused'))
    socket.events.on('handshake:error:protocol', failed('CURVE handshake failed (protocol)'))
    socket.events.on('handshake:error:other', failed('CURVE handshake failed'))
    socket.events.on('disconnect', failed('ZeroMQ connection lost'))
    lane.timer = setTimeout(failed(`no ZeroMQ handshake within ${this.options.connectTimeoutMs} ms`), this.options.connectTimeoutMs)
    try {
      socket.connect(accept.endpoint)
    } catch (err) {
      this.fail(to, lane, `connect failed: ${(err as Error).message}`)
    }
  }

  /**
   * Sends at once what is queued (a lone frame leaves without delay), then waits for the next
   * turn of the event loop, or until a full batch is queued, before the next send: frames queued
   * meanwhile (a publisher's burst, a batch forwarded to children) leave together in one
   * ZeroMQ message, one promise for many frames. The early wake-up matters when this thread
   * runs a long chain of microtasks (a receive loop reading batch after batch) that would
   * otherwise hold the next turn back while the queue fills.
   */
  private async write (to: PeerRef, lane: Lane): Promise<void> {
    lane.writing = true
    const generation = lane.generation
    let batch: OutFrame[] = []
    try {
      while (this.running && lane.state === 'up' && lane.generation === generation && lane.queue.length > 0 && lane.socket !== undefined) {
        batch = lane.queue.take(this.options.maxBatch)
        // At most LANE_BATCH_BYTES in one ZeroMQ message (a lone larger frame goes alone): the
        // receiver's maxMessageSize is that bound, not maxBatch whole frames.
        let bytes = 0
        for (let i = 0; i < batch.length; i++) {
          bytes += batch[i].bytes.byteLength + 5
          if (i > 0 && bytes > LANE_BATCH_BYTES) { lane.queue.unshift(batch.slice(i)); batch = batch.slice(0, i); break }
        }
        const packed = packFrames(batch.map(f => f.bytes))
        await lane.socket.send(packed)
        this.stats.sends++
        this.stats.framesSent += batch.length
        lane.framesSent += batch.length
        this.stats.bytesSent += packed.byteLength
        batch = []
        if (lane.queue.length < this.options.maxBatch) await this.pause(lane)
      }
    } catch (err) {
      // The socket closed under the send (lane failed or node stopping): the batch goes back.
      lane.queue.unshift(batch)
      if (lane.generation === generation && lane.state === 'up') this.fail(to, lane, `send failed: ${(err as Error).message}`)
    } finally {
      lane.writing = false
      lane.wake = undefined
    }
  }

  /** Starts the writer after `ms` (frames sent over libp2p just before the switch land first). */
  private hold (to: PeerRef, lane: Lane, ms: number): void {
    lane.writing = true
    const generation = lane.generation
    lane.holdTimer = setTimeout(() => {
      lane.holdTimer = undefined
      lane.writing = false
      if (lane.generation === generation && lane.state === 'up' && lane.queue.length > 0) void this.write(to, lane)
    }, ms)
  }

  private async pause (lane: Lane): Promise<void> {
    await new Promise<void>(resolve => {
      const immediate = setImmediate(() => { lane.wake = undefined; resolve() })
      lane.wake = () => { lane.wake = undefined; clearImmediate(immediate); resolve() }
    })
  }

  /** The lane failed: its queued frames move to libp2p, and it is asked for again later. */
  private fail (to: PeerRef, lane: Lane, why: string): void {
    lane.generation++
    lane.state = 'down'
    lane.failures++
    lane.lastError = why
    this.closeSocket(lane)
    lane.retryAt = performance.now() + lane.backoff
    lane.backoff = Math.min(lane.backoff * 2, this.options.retryMaxMs)
    this.stats.fallbacks++
    const queued = lane.queue.drain()
    if (queued.length > 0 && this.running) this.on.fallback(to, queued)
  }

  private closeSocket (lane: Lane): void {
    clearTimeout(lane.timer)
    lane.timer = undefined
    if (lane.holdTimer !== undefined) {
      clearTimeout(lane.holdTimer)
      lane.holdTimer = undefined
      lane.writing = false
    }
    if (lane.socket !== undefined) {
      lane.socket.close()
      lane.socket = undefined
    }
  }

  private closeLane (lane: Lane): void {
    lane.generation++
    lane.state = 'down'
    this.closeSocket(lane)
  }

  // ---------------------------------------------------------------- receiving side

  private async answer (stream: Stream, connection: Connection): Promise<void> {
    const from = connection.remotePeer.toString()
    const limit = deadline(this.options.requestTimeoutMs, this.stopped.signal)
    try {
      const offer = LanOffer.decode(await readOne(stream, limit.signal))
      const reply = await this.accept(from, connection, offer)
      if (reply.refused !== '') this.stats.offersRefused++
      stream.send(lengthPrefixed(LanAccept.encode(reply)))
      await stream.close().catch(() => {})
    } catch (err) {
      stream.abort(err as Error)
    } finally {
      limit.clear()
    }
  }

  private async accept (from: PeerRef, connection: Connection, offer: LanOffer): Promise<LanAccept> {
    const refuse = (why: string): LanAccept => ({ endpoint: '', curveKey: '', refused: why })
    if (!this.running) return refuse('ZeroMQ is stopping on this node')
    const may = this.on.mayConnect?.(from)
    if (may !== undefined && !may.ok) return refuse(may.why)
    if (!isZ85Key(offer.curveKey)) return refuse('the offered CURVE key is not 40 characters of Z85')
    const remoteIp = ipOf(connection.remoteAddr)
    const bindIp = remoteIp === undefined ? undefined : segmentAddress(remoteIp, this.options.lan, localIpv4())
    if (bindIp === undefined) return refuse(`not on a LAN segment of ${this.self}`)
    const old = this.receivers.get(from)
    if (old !== undefined) {
      this.closeReceiver(old)
      this.receivers.delete(from)
    }
    const domain = `meshcast:${this.self}:${from}`
    const pull = new Pull({
      curveServer: true,
      curvePublicKey: this.keys.publicKey,
      curveSecretKey: this.keys.secretKey,
      zapDomain: domain,
      linger: 0,
      maxMessageSize: Math.max(LANE_BATCH_BYTES, this.options.maxFrameBytes + 5),
      receiveHighWaterMark: this.options.zmqHwm,
      ipv6: bindIp.includes(':')
    })
    const revoke = admitOnly(domain, offer.curveKey, () => { this.stats.zapRefused++ })
    const r: Receiver = { pull, revoke }
    try {
      await pull.bind(bindIp.includes(':') ? `tcp://[${bindIp}]:*` : `tcp://${bindIp}:*`)
    } catch (err) {
      this.closeReceiver(r)
      return refuse(`could not bind on ${bindIp}: ${(err as Error).message}`)
    }
    if (!this.running) {
      this.closeReceiver(r)
      return refuse('ZeroMQ is stopping on this node')
    }
    this.receivers.set(from, r)
    void this.receive(from, r)
    return { endpoint: pull.lastEndpoint ?? '', curveKey: this.keys.publicKey, refused: '' }
  }

  private async receive (from: PeerRef, r: Receiver): Promise<void> {
    // zeromq.js resolves a receive at once while messages are waiting, so this loop could run
    // as one endless chain of microtasks under load and starve timers (heartbeats) and I/O:
    // it yields a turn of the event loop every YIELD_FRAMES frames.
    let sinceYield = 0
    try {
      for await (const parts of r.pull) {
        if (!this.running) break
        for (const part of parts) {
          this.stats.bytesReceived += part.byteLength
          let frames: Uint8Array[]
          try {
            frames = unpackFrames(part, this.options.maxFrameBytes)
          } catch {
            this.stats.malformedBatches++
            continue
          }
          this.stats.framesReceived += frames.length
          for (const f of frames) this.on.frame(from, f)
          sinceYield += frames.length
        }
        if (sinceYield >= YIELD_FRAMES) {
          sinceYield = 0
          await new Promise(resolve => setImmediate(resolve))
        }
      }
    } catch {
      // The socket closed.
    }
  }

  private closeReceiver (r: Receiver): void {
    r.revoke()
    r.pull.close()
  }

  private connectionTo (peer: PeerRef): Connection | undefined {
    try {
      return this.libp2p.getConnections(peerIdFromString(peer)).find(c => c.status === 'open')
    } catch {
      return undefined
    }
  }
}

/** Reads the one length-prefixed handshake message of a lane stream. */
export async function readOne (stream: Stream, signal: AbortSignal): Promise<Uint8Array> {
  const reader = new FrameReader(MAX_HANDSHAKE_BYTES)
  const onAbort = (): void => { stream.abort(new Error('lane handshake timed out')) }
  signal.addEventListener('abort', onAbort, { once: true })
  try {
    for await (const chunk of stream) {
      for (const frame of reader.push(chunk)) return frame
    }
  } finally {
    signal.removeEventListener('abort', onAbort)
  }
  throw new Error('the stream ended before the lane handshake')
}

/** The IP address of a multiaddr (/ip4/x/tcp/y, /ip6/x/...), if it has one. */
export function ipOf (addr: Multiaddr): string | undefined {
  for (const c of addr.getComponents()) {
    if ((c.name === 'ip4' || c.name === 'ip6') && c.value !== undefined) return plainIp(c.value)
  }
  return undefined
}

function endpointHost (endpoint: string): string | undefined {
  const m = /^tcp:\/\/(?:\[([0-9a-fA-F:.]+)\]|([0-9.]+)):(\d+)$/.exec(endpoint)
  if (m === null) return undefined
  return m[1] ?? m[2]
}
