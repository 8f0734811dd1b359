// The meshcast stream protocol over libp2p: length-prefixed frames (the core's batches) on
// outbound streams, read from the peer's inbound streams with a bounded reader each. Connection
// events and ping round-trip times become peer-up/down.
//
// Control before data (docs/decisions.md, "Control before data: two streams per peer"):
// - Each peer gets TWO outbound streams on the same protocol id, one for control frames
//   (heartbeats, JOIN/JOIN-ACK, acks...) and one for data frames (PUBLISH hops, DATA copies),
//   opened independently. The wire format is unchanged (a receiver reads any number of inbound
//   streams), so old and new nodes interoperate. Yamux gives each stream its own flow-control
//   window (NODE_DEFAULTS.streamWindowBytes), so a data stream whose window is full does not
//   hold back control frames.
// - Each stream has its own queue, used while it opens, while it wants draining, and within a
//   turn of the event loop (see send()). The data queue is bounded (maxQueuedFrames): beyond it
//   the oldest data frame is dropped and counted ('stream-queue-full', per topic by the node).
//   The control queue is never trimmed for data; it has its own generous bound
//   (maxQueuedControlFrames), and a peer that lets even that overflow is not reading at all:
//   its streams are reset and it is reported down. Whenever queues are written, control goes
//   first, and data waits while control frames wait for an open control stream.
// - Readers pause a stream that has a long run of frames waiting and let the event loop turn,
//   so one busy data stream neither starves timers and control streams nor piles up in memory
//   (the sender's window closes; its data waits, and is shed, in its own bounded queue).
// A slow peer fills only its own queues.
import type { Connection, PeerId, Stream } from '@libp2p/interface'
import { peerIdFromString } from '@libp2p/peer-id'
import { idFromBytes } from '../../core/id.ts'
import type { PeerRef } from '../../core/routing-table.ts'
import { deadline } from '../timeout.ts'
import { FrameQueue } from '../frame-queue.ts'
import type { FrameKind, OutFrame, Transport, TransportEvents } from '../transport.ts'
import { FrameReader, lengthPrefixed, packFrames } from '../framing.ts'
import type { MeshLibp2p } from './host.ts'

export const PROTOCOL = '/meshcast/1.0.0'

/** Frames a reader handles before it lets the event loop turn (as the ZeroMQ receive loop does). */
const YIELD_FRAMES = 256
/** ...or bytes of frames. */
const YIELD_BYTES = 1024 * 1024
/** A queue that waited for a drain leaves in sends of at most this many frames... */
const WRITE_BATCH_FRAMES = 1024
/** ...or about this many bytes (one Noise message carries at most 64 KiB). */
const WRITE_BATCH_BYTES = 60 * 1024
/** stop() closes each stream gracefully within this time, then resets it. */
const CLOSE_LIMIT_MS = 1000

export interface Libp2pTransportOptions {
  maxFrameBytes: number
  /** Data frames queued per peer while its data stream opens or drains; beyond it the oldest are dropped. */
  maxQueuedFrames: number
  /** The most bytes of data frames queued for one peer (the oldest are dropped beyond it). */
  maxQueuedBytes: number
  /**
   * Control frames queued per peer while its control stream opens or drains. Never trimmed to
   * make room for anything; beyond it the peer is taken as failed (its streams are reset and
   * it is reported down).
   */
  maxQueuedControlFrames: number
  /** The same control queue bounded in bytes (a peer that lets it fill is reported down alike). */
  maxQueuedControlBytes: number
  dialTimeoutMs: number
}

export interface Libp2pTransportStats {
  /** Frames written to streams, control and data. */
  framesSent: number
  framesReceived: number
  bytesSent: number
  bytesReceived: number
  /** Of framesSent and bytesSent: control frames. */
  controlFramesSent: number
  controlBytesSent: number
  /** Data frames dropped because a peer's data queue was full (the oldest go first). */
  droppedQueueFull: number
  droppedDialFailed: number
  /** Frames a stream refused because it was closing (the next frame opens a new stream). */
  droppedStreamClosed: number
  /** Frames queued for a peer that went down (its connection closed, or its control queue overflowed). */
  droppedPeerDown: number
  /** Control frames lost because a peer's control queue overflowed (that peer was reported down). */
  droppedControlQueueFull: number
  /** Peers reported down because their control queue overflowed: they were not reading at all. */
  controlOverflows: number
  /** The longest any peer's control queue has been (frames wait there within a turn, while a stream opens or drains). */
  controlQueueHighWater: number
  /** Outbound streams opened (two per peer while both kinds flow; more after resets). */
  streamsOpened: number
  badStreams: number
  /** Times a reader paused its stream to let the event loop turn (a long run of frames waiting). */
  readerYields: number
}

/** One outbound stream to a peer and its queue. */
class Lane {
  readonly kind: FrameKind
  stream: Stream | undefined
  opening = false
  /** The stream's buffer is full: frames queue until it drains. */
  draining = false
  readonly queue = new FrameQueue<OutFrame>(f => f.bytes.byteLength)

  constructor (kind: FrameKind) {
    this.kind = kind
  }
}

/** A peer's two outbound lanes. */
interface Outbound {
  control: Lane
  data: Lane
  /**
   * A write went out this turn of the event loop: frames after it queue until the next turn,
   * then leave together (control first), in one send per stream.
   */
  coalescing: NodeJS.Immediate | undefined
}

export class Libp2pTransport implements Transport {
  readonly stats: Libp2pTransportStats = {
    framesSent: 0,
    framesReceived: 0,
    bytesSent: 0,
    bytesReceived: 0,
    controlFramesSent: 0,
    controlBytesSent: 0,
    droppedQueueFull: 0,
    droppedDialFailed: 0,
    droppedStreamClosed: 0,
    droppedPeerDown: 0,
    droppedControlQueueFull: 0,
    controlOverflows: 0,
    controlQueueHighWater: 0,
    streamsOpened: 0,
    badStreams: 0,
    readerYields: 0
  }

  private readonly libp2p: MeshLibp2p
  private readonly on: TransportEvents
  private readonly options: Libp2pTransportOptions
  private readonly out = new Map<PeerRef, Outbound>()
  private readonly inbound = new Set<Stream>()
  private running = false
  private stopped = new AbortController()
  private readonly onConnect = (e: CustomEvent<PeerId>): void => { this.connected(e.detail) }
  private readonly onDisconnect = (e: CustomEvent<PeerId>): void => { this.disconnected(e.detail.toString()) }

  constructor (libp2p: MeshLibp2p, on: TransportEvents, options: Libp2pTransportOptions) {
    this.libp2p = libp2p
    this.on = on
    this.options = options
  }

  async start (): Promise<void> {
    if (this.running) return
    this.running = true
    this.stopped = new AbortController()
    // Two streams per peer and direction in normal operation; the rest is room for streams
    // being replaced after a reset (the old one may still be closing).
    await this.libp2p.handle(PROTOCOL, (stream, connection) => { void this.read(stream, connection) }, { maxInboundStreams: 8, maxOutboundStreams: 8 })
    this.libp2p.addEventListener('peer:connect', this.onConnect)
    this.libp2p.addEventListener('peer:disconnect', this.onDisconnect)
    for (const p of this.libp2p.getPeers()) this.connected(p)
  }

  async stop (): Promise<void> {
    if (!this.running) return
    this.running = false
    this.stopped.abort(new Error('transport stopped'))
    this.libp2p.removeEventListener('peer:connect', this.onConnect)
    this.libp2p.removeEventListener('peer:disconnect', this.onDisconnect)
    await this.libp2p.unhandle(PROTOCOL).catch(() => {})
    const streams: Stream[] = [...this.inbound]
    for (const o of this.out.values()) {
      clearImmediate(o.coalescing)
      o.coalescing = undefined
      for (const lane of [o.control, o.data]) {
        if (lane.stream !== undefined) streams.push(lane.stream)
        lane.stream = undefined
        lane.queue.drain()
      }
    }
    this.out.clear()
    this.inbound.clear()
    // A graceful close waits until the stream's buffer drains, which a peer that stopped
    // reading never lets happen: bounded, then reset.
    await Promise.all(streams.map(async s => {
      const limit = deadline(CLOSE_LIMIT_MS)
      try {
        await s.close({ signal: limit.signal })
      } catch {
        s.abort(new Error('stopping'))
      } finally {
        limit.clear()
      }
    }))
  }

  send (to: PeerRef, frame: OutFrame): void {
    if (!this.running) return
    let o = this.out.get(to)
    if (o === undefined) {
      // A destination named by a peer's message may be anything: only a peer id gets queues
      // (which a failed dial would otherwise leave holding the frame for good).
      if (!isPeerId(to)) {
        this.stats.droppedDialFailed++
        this.on.dropped('dial-failed', frame)
        // Reported down as a failed dial is, so the node forgets what it noted for that name
        // (the core's record of sending to it); after the current call returns.
        queueMicrotask(() => { if (this.running) this.on.peerDown(to) })
        return
      }
      o = { control: new Lane('control'), data: new Lane('data'), coalescing: undefined }
      this.out.set(to, o)
    }
    const lane = frame.kind === 'control' ? o.control : o.data
    if (lane.stream === undefined && !lane.opening) void this.open(to, o, lane)
    if (o.coalescing === undefined && lane.queue.length === 0 && writable(lane) && (lane === o.control || !controlWaiting(o))) {
      // A lone frame leaves at once. What follows within the same turn of the event loop (a
      // forwarder passing received frames on, a burst) leaves together at the next turn, as
      // the ZeroMQ lanes do: one socket write, one Noise message for many frames instead of one
      // each, which is most of what a loaded node spends its time on. The busier the node, the
      // larger the batches.
      this.write(to, o, lane, [frame])
      this.coalesce(to, o)
      return
    }
    if (lane === o.data) {
      // Bounded in frames and in bytes: the oldest go first.
      while (lane.queue.length > 0 && (lane.queue.length >= this.options.maxQueuedFrames || lane.queue.bytes + frame.bytes.byteLength > this.options.maxQueuedBytes)) {
        const old = lane.queue.shift()
        this.stats.droppedQueueFull++
        if (old !== undefined) this.on.dropped('stream-queue-full', old)
      }
      lane.queue.push(frame)
    } else {
      if (lane.queue.length >= this.options.maxQueuedControlFrames || lane.queue.bytes + frame.bytes.byteLength > this.options.maxQueuedControlBytes) {
        this.overflow(to, o, frame)
        return
      }
      lane.queue.push(frame)
      if (lane.queue.length > this.stats.controlQueueHighWater) this.stats.controlQueueHighWater = lane.queue.length
    }
    // Queued behind others, or behind control: whatever can go now goes, in order.
    if (o.coalescing === undefined && writable(lane)) this.flush(to, o)
  }

  /** Frames for the peer wait for the next turn; then what queued leaves, and if anything did, the next turn's frames wait again. */
  private coalesce (to: PeerRef, o: Outbound): void {
    if (o.coalescing !== undefined) return
    o.coalescing = setImmediate(() => {
      o.coalescing = undefined
      if (!this.running || this.out.get(to) !== o) return
      if (this.flush(to, o) > 0) this.coalesce(to, o)
    })
  }

  /** Frames waiting in every peer's queues (control and data). */
  get queuedTotal (): number {
    let n = 0
    for (const o of this.out.values()) n += o.control.queue.length + o.data.queue.length
    return n
  }

  /** Frames waiting for a peer's streams (opening or draining), by kind. */
  queued (to: PeerRef): { control: number, data: number } {
    const o = this.out.get(to)
    return { control: o?.control.queue.length ?? 0, data: o?.data.queue.length ?? 0 }
  }

  /**
   * Writes frames to the lane's stream in one send(): one yamux frame, one Noise message, one
   * socket write for the lot (the receiver's reader splits them; the bytes on the wire are the
   * same as frame by frame). A lone frame leaves at once; a queue that waited for a drain leaves
   * in batches, which is where an overloaded node spends its time.
   */
  private write (to: PeerRef, o: Outbound, lane: Lane, frames: OutFrame[]): void {
    const stream = lane.stream
    if (stream === undefined || frames.length === 0) return
    // send() returns false when the stream's buffer wants draining: libp2p keeps these frames,
    // later ones wait in our bounded queue until the 'drain'.
    let ok: boolean
    try {
      ok = stream.send(frames.length === 1 ? lengthPrefixed(frames[0].bytes) : packFrames(frames.map(f => f.bytes)))
    } catch {
      // The stream is closing under us (a reset): drop these frames, open a new stream next time.
      this.stats.droppedStreamClosed += frames.length
      for (const f of frames) this.on.dropped('stream-closed', f)
      this.forget(to, o, lane, stream)
      return
    }
    let bytes = 0
    for (const f of frames) bytes += f.bytes.byteLength
    this.stats.framesSent += frames.length
    this.stats.bytesSent += bytes
    if (lane === o.control) {
      this.stats.controlFramesSent += frames.length
      this.stats.controlBytesSent += bytes
    }
    if (!ok) {
      lane.draining = true
      void this.drain(to, o, lane, stream)
    }
  }

  /** Up to WRITE_BATCH_FRAMES frames or WRITE_BATCH_BYTES bytes (at least one frame) from the lane's queue. */
  private batch (lane: Lane): OutFrame[] {
    const out: OutFrame[] = []
    let bytes = 0
    while (lane.queue.length > 0 && out.length < WRITE_BATCH_FRAMES) {
      const next = lane.queue.peek()
      if (next === undefined || (out.length > 0 && bytes + next.bytes.byteLength > WRITE_BATCH_BYTES)) break
      lane.queue.shift()
      out.push(next)
      bytes += next.bytes.byteLength
    }
    return out
  }

  private async drain (to: PeerRef, o: Outbound, lane: Lane, stream: Stream): Promise<void> {
    try {
      await drained(stream, this.stopped.signal)
    } catch {
      return // the stream closed or the transport stopped; the close handler cleans up
    }
    if (this.out.get(to) !== o || lane.stream !== stream) return
    lane.draining = false
    this.flush(to, o)
  }

  /**
   * Writes what the peer's queues hold while its streams take it: control first; data only
   * once no control frame waits for a stream that is open (both share one connection, and a
   * drain lets whoever writes first fill it again).
   */
  private flush (to: PeerRef, o: Outbound): number {
    let sends = 0
    const c = o.control
    while (c.queue.length > 0 && writable(c) && this.out.get(to) === o) { this.write(to, o, c, this.batch(c)); sends++ }
    const d = o.data
    while (d.queue.length > 0 && writable(d) && !controlWaiting(o) && this.out.get(to) === o) { this.write(to, o, d, this.batch(d)); sends++ }
    return sends
  }

  private async open (to: PeerRef, o: Outbound, lane: Lane): Promise<void> {
    lane.opening = true
    const limit = deadline(this.options.dialTimeoutMs, this.stopped.signal)
    try {
      const stream = await this.libp2p.dialProtocol(peerIdFromString(to), PROTOCOL, { signal: limit.signal })
      lane.opening = false
      if (!this.running || this.out.get(to) !== o) {
        stream.abort(new Error('not wanted any more'))
        return
      }
      lane.stream = stream
      lane.draining = false
      this.stats.streamsOpened++
      stream.addEventListener('close', () => { this.forget(to, o, lane, stream) })
      this.flush(to, o)
    } catch {
      lane.opening = false
      if (this.out.get(to) !== o) return
      const lost = lane.queue.drain()
      this.stats.droppedDialFailed += lost.length
      for (const f of lost) this.on.dropped('dial-failed', f)
      if (!this.running) return
      this.flush(to, o) // data no longer waits for control frames that were dropped
      // Nothing left for a peer it cannot reach: it is forgotten (the next frame tries again).
      if (idle(o)) this.out.delete(to)
      this.on.peerDown(to)
    } finally {
      limit.clear()
    }
  }

  /**
   * A lane's stream closed or refused a frame: the lane forgets it. Frames still queued open a
   * new stream at once; otherwise the next frame does.
   */
  private forget (to: PeerRef, o: Outbound, lane: Lane, stream: Stream): void {
    if (lane.stream !== stream) return
    lane.stream = undefined
    lane.draining = false
    if (!this.running || this.out.get(to) !== o) return
    if (lane.queue.length > 0 && !lane.opening) void this.open(to, o, lane)
    if (lane === o.control) this.flush(to, o) // data no longer waits for this stream
  }

  /**
   * The peer's control queue is full: it has not read for a long time. Its streams are reset,
   * everything queued for it is dropped (counted), and it is reported down, after the current
   * call returns (the node is in the middle of sending).
   */
  private overflow (to: PeerRef, o: Outbound, frame: OutFrame): void {
    const control = [...o.control.queue.drain(), frame]
    this.stats.droppedControlQueueFull += control.length
    this.stats.controlOverflows++
    this.reset(to, o, new Error('control queue overflow: the peer is not reading'))
    for (const f of control) this.on.dropped('peer-down', f)
    queueMicrotask(() => { if (this.running) this.on.peerDown(to) })
  }

  /** Forgets a peer's lanes: streams reset, queued data frames dropped as 'peer-down'. */
  private reset (to: PeerRef, o: Outbound, why: Error): void {
    if (this.out.get(to) === o) this.out.delete(to)
    clearImmediate(o.coalescing)
    o.coalescing = undefined
    for (const lane of [o.control, o.data]) {
      const s = lane.stream
      lane.stream = undefined
      s?.abort(why)
      const lost = lane.queue.drain()
      this.stats.droppedPeerDown += lost.length
      for (const f of lost) this.on.dropped('peer-down', f)
    }
  }

  private async read (stream: Stream, connection: Connection): Promise<void> {
    const from = connection.remotePeer.toString()
    const reader = new FrameReader(this.options.maxFrameBytes)
    this.inbound.add(stream)
    // A peer's streams are read by one loop each, inside the turn of the event loop that read
    // the bytes from the socket. A loop that finds a long run of frames waiting (a data stream
    // behind a burst) lets the event loop turn every YIELD_FRAMES frames, so timers
    // (heartbeats) and other streams (control) are not starved. It pauses the stream while it
    // waits: yamux then grants the sender no more window, so what the sender has beyond it
    // waits in the sender's bounded data queue (shed there, counted), not in our memory.
    let frames = 0
    let bytes = 0
    try {
      for await (const chunk of stream) {
        // One chunk may hold what arrived while the stream was paused: up to a window's worth.
        for (const frame of reader.push(chunk)) {
          if (frames >= YIELD_FRAMES || bytes >= YIELD_BYTES) {
            frames = 0
            bytes = 0
            this.stats.readerYields++
            await pausedTurn(stream)
          }
          this.stats.framesReceived++
          this.stats.bytesReceived += frame.byteLength
          if (this.running) this.on.frame(from, frame)
          frames++
          bytes += frame.byteLength
        }
      }
    } catch (err) {
      // An over-long or broken stream: drop it, keep the node.
      this.stats.badStreams++
      stream.abort(err as Error)
    } finally {
      this.inbound.delete(stream)
    }
  }

  private connected (peer: PeerId): void {
    if (!this.running) return
    const ref = peer.toString()
    const id = idFromBytes(peer.toMultihash().bytes)
    this.on.peerUp(ref, id, Infinity)
    const limit = deadline(this.options.dialTimeoutMs, this.stopped.signal)
    this.libp2p.services.ping.ping(peer, { signal: limit.signal })
      .then(rtt => { if (this.running) this.on.peerUp(ref, id, rtt) })
      .catch(() => {})
      .finally(() => { limit.clear() })
  }

  private disconnected (ref: PeerRef): void {
    if (!this.running) return
    const o = this.out.get(ref)
    if (o !== undefined) this.reset(ref, o, new Error('peer disconnected'))
    this.on.peerDown(ref)
  }
}

/**
 * Resolves at the stream's next 'drain' (at once if it does not need one); rejects when it
 * closes or `signal` aborts. Not stream.onDrain(): in @libp2p/utils 7 (libp2p 3.3) its promise
 * is created once and never reset, so after a stream's first drain every later onDrain()
 * resolves at once while the stream still wants draining. A writer waiting on it then pushes
 * its whole queue into libp2p's unbounded write buffer: what this transport queued and shed
 * would pile up there, out of reach.
 */
async function drained (stream: Stream, signal: AbortSignal): Promise<void> {
  if (!stream.writableNeedsDrain) return
  signal.throwIfAborted()
  await new Promise<void>((resolve, reject) => {
    const done = (): void => { cleanup(); resolve() }
    const fail = (): void => { cleanup(); reject(new Error('stream closed before it drained')) }
    const cleanup = (): void => {
      stream.removeEventListener('drain', done)
      stream.removeEventListener('close', fail)
      signal.removeEventListener('abort', fail)
    }
    stream.addEventListener('drain', done)
    stream.addEventListener('close', fail)
    signal.addEventListener('abort', fail)
  })
}

/** One turn of the event loop with the stream paused (no window granted to its sender meanwhile). */
async function pausedTurn (stream: Stream): Promise<void> {
  let paused = false
  try {
    stream.pause()
    paused = true
  } catch {
    // closing: nothing more will come anyway
  }
  await new Promise(resolve => setImmediate(resolve))
  if (!paused) return
  try {
    stream.resume()
  } catch {
    // closed meanwhile
  }
}

function writable (lane: Lane): boolean {
  return lane.stream !== undefined && lane.stream.status === 'open' && !lane.draining
}

/** Control frames wait for the peer's open control stream: data must not overtake them. */
function controlWaiting (o: Outbound): boolean {
  return o.control.queue.length > 0 && o.control.stream !== undefined
}

/** Neither lane holds a stream, a dial or a frame. */
function idle (o: Outbound): boolean {
  return [o.control, o.data].every(l => l.stream === undefined && !l.opening && l.queue.length === 0) && o.coalescing === undefined
}

function isPeerId (s: string): boolean {
  try {
    peerIdFromString(s)
    return true
  } catch {
    return false
  }
}
