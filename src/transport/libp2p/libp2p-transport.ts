// The meshcast stream protocol over libp2p: one outbound stream per peer carrying
// length-prefixed frames (the core's batches), read from the peer's inbound stream with a
// bounded reader. Connection events and ping round-trip times become peer-up/down.
// Back-pressure: while a stream opens, or while its buffer wants draining, frames wait in a
// bounded queue per peer; beyond it the oldest is dropped and counted. A slow peer fills only
// its own queue.
import type { Connection, PeerId, Stream } from '@libp2p/interface'
import { peerIdFromString } from '@libp2p/peer-id'
import { idFromBytes } from '../../core/id.ts'
import type { PeerRef } from '../../core/routing-table.ts'
import { deadline } from '../timeout.ts'
import { FrameQueue } from '../frame-queue.ts'
import type { OutFrame, Transport, TransportEvents } from '../transport.ts'
import { FrameReader, lengthPrefixed } from '../framing.ts'
import type { MeshLibp2p } from './host.ts'

export const PROTOCOL = '/meshcast/1.0.0'

export interface Libp2pTransportOptions {
  maxFrameBytes: number
  /** Frames queued per peer while its stream opens or drains; beyond it the oldest are dropped. */
  maxQueuedFrames: number
  dialTimeoutMs: number
}

export interface Libp2pTransportStats {
  framesSent: number
  framesReceived: number
  bytesSent: number
  bytesReceived: number
  droppedQueueFull: number
  droppedDialFailed: number
  /** Frames a stream refused because it was closing (the next frame opens a new stream). */
  droppedStreamClosed: number
  badStreams: number
}

interface Outbound {
  stream?: Stream
  queue: FrameQueue<OutFrame>
  /** The stream's buffer is full: frames queue until it drains. */
  draining: boolean
}

export class Libp2pTransport implements Transport {
  readonly stats: Libp2pTransportStats = { framesSent: 0, framesReceived: 0, bytesSent: 0, bytesReceived: 0, droppedQueueFull: 0, droppedDialFailed: 0, droppedStreamClosed: 0, badStreams: 0 }
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
    const streams = [...this.out.values()].flatMap(o => o.stream === undefined ? [] : [o.stream]).concat([...this.inbound])
    this.out.clear()
    this.inbound.clear()
    await Promise.all(streams.map(async s => { await s.close().catch(() => { s.abort(new Error('stopping')) }) }))
  }

  send (to: PeerRef, frame: OutFrame): void {
    if (!this.running) return
    let o = this.out.get(to)
    if (o === undefined) {
      o = { queue: new FrameQueue(), draining: false }
      this.out.set(to, o)
      void this.open(to, o)
    }
    if (o.stream !== undefined && o.stream.status === 'open' && !o.draining) {
      this.write(to, o, frame)
      return
    }
    if (o.queue.length >= this.options.maxQueuedFrames) {
      const old = o.queue.shift()
      this.stats.droppedQueueFull++
      if (old !== undefined) this.on.dropped('stream-queue-full', old)
    }
    o.queue.push(frame)
  }

  /** Frames waiting in every peer's queue. */
  get queuedTotal (): number {
    let n = 0
    for (const o of this.out.values()) n += o.queue.length
    return n
  }

  /** Frames waiting for a peer's stream (opening or draining). */
  queued (to: PeerRef): number {
    return this.out.get(to)?.queue.length ?? 0
  }

  private write (to: PeerRef, o: Outbound, frame: OutFrame): void {
    const stream = o.stream
    if (stream === undefined) return
    // send() returns false when the stream's buffer wants draining: libp2p keeps this frame,
    // later ones wait in our bounded queue until the 'drain'.
    let ok: boolean
    try {
      ok = stream.send(lengthPrefixed(frame.bytes))
    } catch {
      // The stream is closing under us (a reset): drop this frame, open a new stream next time.
      this.stats.droppedStreamClosed++
      this.on.dropped('stream-closed', frame)
      if (this.out.get(to) === o) this.out.delete(to)
      return
    }
    this.stats.framesSent++
    this.stats.bytesSent += frame.bytes.byteLength
    if (!ok) {
      o.draining = true
      void this.drain(to, o, stream)
    }
  }

  private async drain (to: PeerRef, o: Outbound, stream: Stream): Promise<void> {
    try {
      await stream.onDrain({ signal: this.stopped.signal })
    } catch {
      return // the stream closed or the transport stopped; the close handler cleans up
    }
    if (this.out.get(to) !== o || o.stream !== stream) return
    o.draining = false
    while (o.queue.length > 0 && !o.draining && stream.status === 'open') {
      const f = o.queue.shift()
      if (f !== undefined) this.write(to, o, f)
    }
  }

  private async open (to: PeerRef, o: Outbound): Promise<void> {
    const limit = deadline(this.options.dialTimeoutMs, this.stopped.signal)
    try {
      const stream = await this.libp2p.dialProtocol(peerIdFromString(to), PROTOCOL, { signal: limit.signal })
      if (!this.running || this.out.get(to) !== o) {
        stream.abort(new Error('not wanted any more'))
        return
      }
      o.stream = stream
      stream.addEventListener('close', () => { if (this.out.get(to) === o) this.out.delete(to) })
      while (o.queue.length > 0 && !o.draining) {
        const f = o.queue.shift()
        if (f !== undefined) this.write(to, o, f)
      }
    } catch {
      if (this.out.get(to) === o) this.out.delete(to)
      const lost = o.queue.drain()
      this.stats.droppedDialFailed += lost.length
      for (const f of lost) this.on.dropped('dial-failed', f)
      if (this.running) this.on.peerDown(to)
    } finally {
      limit.clear()
    }
  }

  private async read (stream: Stream, connection: Connection): Promise<void> {
    const from = connection.remotePeer.toString()
    const reader = new FrameReader(this.options.maxFrameBytes)
    this.inbound.add(stream)
    try {
      for await (const chunk of stream) {
        for (const frame of reader.push(chunk)) {
          this.stats.framesReceived++
          this.stats.bytesReceived += frame.byteLength
          if (this.running) this.on.frame(from, frame)
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
    this.out.delete(ref)
    o?.stream?.abort(new Error('peer disconnected'))
    this.on.peerDown(ref)
  }
}
