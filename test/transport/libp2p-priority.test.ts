// Control before data in the libp2p transport, deterministically: a fake libp2p whose streams
// behave like libp2p 3's (send() keeps the frame and returns false while the connection wants
// draining; onDrain() resolves at the drain; a full connection marks every stream of it).
// Real sockets: libp2p-priority.sockets.test.ts.
import { generateKeyPair } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { describe, expect, it } from 'vitest'
import { FrameReader } from '../../src/transport/framing.ts'
import { Libp2pTransport } from '../../src/transport/libp2p/libp2p-transport.ts'
import type { MeshLibp2p } from '../../src/transport/libp2p/host.ts'
import type { DropReason, OutFrame } from '../../src/transport/transport.ts'

/** One connection: its streams share the "socket"; `full` until drain() is called. */
class FakeConnection {
  full = false
  /** Every frame written, in the order it reached the connection: [stream index, name]. */
  readonly wire: Array<[number, string]> = []
  readonly streams: FakeStream[] = []

  /** The socket empties: every stream may write again (in the order they were opened, like the muxer). */
  drain (): void {
    this.full = false
    for (const s of this.streams) s.flushBuffer()
    for (const s of this.streams) s.drained()
  }
}

class FakeStream {
  status: 'open' | 'closed' | 'aborted' = 'open'
  writableNeedsDrain = false
  /** Calls to send(). */
  sends = 0
  readonly index: number
  private readonly conn: FakeConnection
  private readonly buffer: string[] = []
  private readonly reader = new FrameReader(1 << 20)
  private readonly listeners = new Map<string, Set<() => void>>()

  constructor (conn: FakeConnection) {
    this.conn = conn
    this.index = conn.streams.length
    conn.streams.push(this)
  }

  send (data: Uint8Array): boolean {
    if (this.status !== 'open') throw new Error('stream closed')
    this.sends++
    for (const f of this.reader.push(data)) this.buffer.push(new TextDecoder().decode(f))
    if (this.conn.full) {
      this.writableNeedsDrain = true
      return false
    }
    this.flushBuffer()
    return true
  }

  flushBuffer (): void {
    while (this.buffer.length > 0) this.conn.wire.push([this.index, this.buffer.shift() ?? ''])
  }

  drained (): void {
    if (!this.writableNeedsDrain) return
    this.writableNeedsDrain = false
    this.emit('drain')
  }

  // No onDrain(): libp2p 3.3's resolves at once after a stream's first drain; the transport
  // must wait for the 'drain' event itself.

  addEventListener (type: string, fn: () => void): void {
    let set = this.listeners.get(type)
    if (set === undefined) this.listeners.set(type, set = new Set())
    set.add(fn)
  }

  removeEventListener (type: string, fn: () => void): void {
    this.listeners.get(type)?.delete(fn)
  }

  listenerCount (type: string): number {
    return this.listeners.get(type)?.size ?? 0
  }

  abort (): void {
    this.status = 'aborted'
    this.emit('close')
  }

  async close (): Promise<void> {
    this.status = 'closed'
    this.emit('close')
  }

  private emit (type: string): void {
    for (const f of [...this.listeners.get(type) ?? []]) f()
  }
}

interface Harness {
  transport: Libp2pTransport
  conn: FakeConnection
  peer: string
  dropped: Array<[DropReason, string]>
  down: string[]
  /** Dials in progress; each resolves or fails when the test says. */
  dials: Array<{ resolve: () => void, reject: (e: Error) => void }>
}

async function harness (opts: { maxQueuedFrames: number, maxQueuedControlFrames: number, maxQueuedBytes?: number, maxQueuedControlBytes?: number, manualDials?: boolean }): Promise<Harness> {
  const conn = new FakeConnection()
  const peer = peerIdFromPrivateKey(await generateKeyPair('Ed25519')).toString()
  const dials: Harness['dials'] = []
  const libp2p = {
    handle: async () => {},
    unhandle: async () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    getPeers: () => [],
    dialProtocol: async () => {
      if (opts.manualDials !== true) return new FakeStream(conn)
      return await new Promise((resolve, reject) => {
        dials.push({ resolve: () => { resolve(new FakeStream(conn)) }, reject })
      })
    }
  } as unknown as MeshLibp2p
  const dropped: Harness['dropped'] = []
  const down: string[] = []
  const transport = new Libp2pTransport(libp2p, {
    frame: () => {},
    peerUp: () => {},
    peerDown: p => { down.push(p) },
    dropped: (reason, f) => { dropped.push([reason, new TextDecoder().decode(f.bytes)]) }
  }, { maxFrameBytes: 1 << 20, dialTimeoutMs: 5000, maxQueuedBytes: 1 << 30, maxQueuedControlBytes: 1 << 30, ...opts })
  await transport.start()
  return { transport, conn, peer, dropped, down, dials }
}

const enc = new TextEncoder()
const control = (name: string): OutFrame => ({ bytes: enc.encode(name), topics: [], kind: 'control' })
const data = (name: string): OutFrame => ({ bytes: enc.encode(name), topics: ['t'], kind: 'data' })
const turn = async (): Promise<void> => { await new Promise(resolve => setImmediate(resolve)) }
const names = (wire: Array<[number, string]>): string[] => wire.map(([, n]) => n)

describe('Libp2pTransport: control before data', () => {
  it('opens a control stream and a data stream per peer and keeps frames of a kind on their stream', async () => {
    const h = await harness({ maxQueuedFrames: 8, maxQueuedControlFrames: 8 })
    h.transport.send(h.peer, control('c0'))
    h.transport.send(h.peer, data('d0'))
    await turn()
    h.transport.send(h.peer, control('c1'))
    h.transport.send(h.peer, data('d1'))
    await turn()
    expect(h.conn.streams.length).toBe(2)
    const byStream = (i: number): string[] => h.conn.wire.filter(([s]) => s === i).map(([, n]) => n)
    expect(byStream(0)).toEqual(['c0', 'c1'])
    expect(byStream(1)).toEqual(['d0', 'd1'])
    expect(h.transport.stats.controlFramesSent).toBe(2)
    expect(h.transport.stats.framesSent).toBe(4)
    await h.transport.stop()
  })

  it('a burst of data to a peer that is not draining neither drops nor delays the control frames queued after it', async () => {
    const h = await harness({ maxQueuedFrames: 4, maxQueuedControlFrames: 64 })
    h.transport.send(h.peer, control('c0'))
    h.transport.send(h.peer, data('d0'))
    await turn() // both streams open
    h.conn.full = true
    // d1 is taken by the stream's own buffer (send() returned false); d2..d20 queue, 4 kept.
    for (let i = 1; i <= 20; i++) h.transport.send(h.peer, data(`d${i}`))
    // c1..c5 queue too: the connection is full.
    for (let i = 1; i <= 5; i++) h.transport.send(h.peer, control(`c${i}`))
    for (let i = 21; i <= 30; i++) h.transport.send(h.peer, data(`d${i}`))
    expect(h.transport.queued(h.peer)).toEqual({ control: 5, data: 4 })
    await turn()
    h.conn.drain()
    await turn()
    const wire = names(h.conn.wire)
    // Every control frame, each before every data frame that was queued when the stream
    // drained (d1 was handed to libp2p before them).
    expect(wire.filter(n => n.startsWith('c'))).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5'])
    expect(wire.slice(wire.indexOf('c5') + 1)).toEqual(['d1', 'd27', 'd28', 'd29', 'd30'])
    // Data was shed, oldest first, with its reason; no control frame was dropped.
    expect(h.dropped).toEqual(Array.from({ length: 25 }, (_, i) => ['stream-queue-full', `d${i + 2}`]))
    expect(h.transport.stats.droppedQueueFull).toBe(h.dropped.length)
    expect(h.transport.stats.droppedControlQueueFull).toBe(0)
    expect(h.transport.stats.controlQueueHighWater).toBe(5)
    await h.transport.stop()
  })

  it('a peer\'s data queue is bounded in bytes too: the oldest go first', async () => {
    const h = await harness({ maxQueuedFrames: 100, maxQueuedControlFrames: 64, maxQueuedBytes: 9 })
    h.transport.send(h.peer, data('d0'))
    await turn() // the stream opens
    h.conn.full = true
    for (let i = 1; i <= 20; i++) h.transport.send(h.peer, data(`d${i}`)) // d1 goes to the stream's buffer
    // d10..d20 are 3 bytes each: three fit in 9.
    expect(h.transport.queued(h.peer)).toEqual({ control: 0, data: 3 })
    expect(h.dropped.map(d => d[1])).toEqual(Array.from({ length: 16 }, (_, i) => `d${i + 2}`))
    await h.transport.stop()
  })

  it('control frames wait for a drain but are written first when it comes, even when data queued before them', async () => {
    const h = await harness({ maxQueuedFrames: 100, maxQueuedControlFrames: 100 })
    h.transport.send(h.peer, control('c0'))
    h.transport.send(h.peer, data('d0'))
    await turn()
    h.conn.full = true
    for (let i = 1; i <= 10; i++) h.transport.send(h.peer, data(`d${i}`))
    h.transport.send(h.peer, control('c1'))
    h.transport.send(h.peer, control('c2'))
    h.transport.send(h.peer, data('d11'))
    await turn()
    h.conn.drain()
    await turn()
    const wire = names(h.conn.wire)
    // c1 and c2 were written (to the control stream's own buffer) at the first microtask, d1
    // before them; then, at the drain, the data queue.
    expect(wire).toEqual(['c0', 'd0', 'c1', 'c2', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'd8', 'd9', 'd10', 'd11'])
    expect(h.dropped).toEqual([])
    await h.transport.stop()
  })

  it('frames sent within one turn of the event loop leave together: one send per stream after the first', async () => {
    const h = await harness({ maxQueuedFrames: 100, maxQueuedControlFrames: 100 })
    h.transport.send(h.peer, control('c0'))
    h.transport.send(h.peer, data('d0'))
    await turn()
    const sends = h.conn.streams.map(st => st.sends)
    for (let i = 1; i <= 50; i++) h.transport.send(h.peer, data(`d${i}`))
    h.transport.send(h.peer, control('c1'))
    expect(names(h.conn.wire)).toEqual(['c0', 'd0', 'd1']) // d1 at once, the rest wait for the next turn
    await turn()
    expect(names(h.conn.wire).slice(3)).toEqual(['c1', ...Array.from({ length: 49 }, (_, i) => `d${i + 2}`)])
    expect(h.conn.streams.map((st, i) => st.sends - sends[i])).toEqual([1, 2])
    expect(h.transport.stats.framesSent).toBe(53)
    await h.transport.stop()
  })

  it('stays bounded over many drains: frames wait for each drain event, not for onDrain()', async () => {
    // libp2p 3.3's stream.onDrain() resolves at once after a stream's first drain; the transport
    // listens for 'drain' itself (the fake has no onDrain at all).
    const h = await harness({ maxQueuedFrames: 4, maxQueuedControlFrames: 64 })
    h.transport.send(h.peer, data('d0'))
    await turn()
    let n = 1
    for (let cycle = 0; cycle < 5; cycle++) {
      h.conn.full = true
      const sends = h.conn.streams[0].sends
      for (let i = 0; i < 20; i++) h.transport.send(h.peer, data(`d${n++}`))
      await turn()
      await turn()
      // One frame went into the stream's own buffer (send() said false); the rest wait, 4 kept.
      expect(h.conn.streams[0].sends - sends).toBeLessThanOrEqual(1)
      expect(h.transport.queued(h.peer).data).toBe(4)
      h.conn.drain()
      await turn()
      expect(h.transport.queued(h.peer).data).toBe(0)
    }
    expect(h.transport.stats.droppedQueueFull).toBe(5 * 15)
    expect(h.conn.streams[0].listenerCount('drain')).toBe(0)
    await h.transport.stop()
  })

  it('a peer\'s control queue is bounded in bytes too: past it the peer is reported down', async () => {
    const h = await harness({ maxQueuedFrames: 4, maxQueuedControlFrames: 100, maxQueuedControlBytes: 10 })
    h.transport.send(h.peer, control('c0'))
    await turn() // the stream opens
    h.conn.full = true
    h.transport.send(h.peer, control('c1')) // to the stream's own buffer
    await turn()
    for (let i = 2; i <= 6; i++) h.transport.send(h.peer, control(`c${i}`)) // 2 bytes each: five fit in 10
    await turn()
    expect(h.transport.queued(h.peer)).toEqual({ control: 5, data: 0 })
    expect(h.down).toEqual([])
    h.transport.send(h.peer, control('c7')) // 12 bytes: over the bound
    await turn()
    expect(h.down).toEqual([h.peer])
    expect(h.transport.stats.controlOverflows).toBe(1)
    expect(h.transport.stats.droppedControlQueueFull).toBe(6) // c2..c7
    await h.transport.stop()
  })

  it('a peer that lets its control queue overflow is reported down, its queues dropped and counted', async () => {
    const h = await harness({ maxQueuedFrames: 4, maxQueuedControlFrames: 3 })
    h.transport.send(h.peer, control('c0'))
    h.transport.send(h.peer, data('d0'))
    await turn()
    h.conn.full = true
    for (let i = 1; i <= 3; i++) h.transport.send(h.peer, data(`d${i}`)) // d1 buffered, d2, d3 queued
    h.transport.send(h.peer, control('c1'))
    await turn() // c1 went to the control stream's own buffer: that stream now waits for a drain too
    for (let i = 2; i <= 4; i++) h.transport.send(h.peer, control(`c${i}`))
    await turn()
    expect(h.transport.queued(h.peer)).toEqual({ control: 3, data: 2 })
    expect(h.down).toEqual([])
    h.transport.send(h.peer, control('c5')) // over the bound
    await turn()
    expect(h.down).toEqual([h.peer])
    expect(h.transport.stats.controlOverflows).toBe(1)
    expect(h.transport.stats.droppedControlQueueFull).toBe(4) // c2..c5
    expect(h.transport.stats.droppedPeerDown).toBe(2) // d2, d3
    expect(h.dropped.map(([r]) => r).every(r => r === 'peer-down')).toBe(true)
    expect(h.conn.streams.every(s => s.status !== 'open')).toBe(true)
    // The next frame opens new streams.
    h.conn.full = false
    h.transport.send(h.peer, control('c6'))
    await turn()
    expect(names(h.conn.wire)).toContain('c6')
    await h.transport.stop()
  })

  it('a destination that is not a peer id gets no queues: its frame is dropped as dial-failed', async () => {
    // A hostile peer's message may name anyone as the one to answer (a publisher, a subscriber).
    const h = await harness({ maxQueuedFrames: 8, maxQueuedControlFrames: 8 })
    const outs = (h.transport as unknown as { out: Map<string, unknown> }).out
    for (const bogus of ['', 'not-a-peer', '\u00bf']) h.transport.send(bogus, control(`to ${bogus}`))
    await turn()
    expect(h.dropped.map(d => d[0])).toEqual(['dial-failed', 'dial-failed', 'dial-failed'])
    expect(h.transport.stats.droppedDialFailed).toBe(3)
    expect(outs.size).toBe(0)
    expect(h.transport.queuedTotal).toBe(0)
    // Reported down, so that the node forgets whatever it noted for them.
    expect(h.down).toEqual(['', 'not-a-peer', '\u00bf'])
    await h.transport.stop()
  })

  it('a peer that cannot be dialled is forgotten once its frames are dropped', async () => {
    const h = await harness({ maxQueuedFrames: 8, maxQueuedControlFrames: 8, manualDials: true })
    const outs = (h.transport as unknown as { out: Map<string, unknown> }).out
    h.transport.send(h.peer, control('c0'))
    expect(outs.size).toBe(1)
    h.dials[0].reject(new Error('no route'))
    await turn()
    expect(h.dropped).toEqual([['dial-failed', 'c0']])
    expect(outs.size).toBe(0)
    await h.transport.stop()
  })

  it('a data stream that cannot open does not hold control back; its frames are dropped as dial-failed', async () => {
    const h = await harness({ maxQueuedFrames: 8, maxQueuedControlFrames: 8, manualDials: true })
    h.transport.send(h.peer, data('d0'))
    h.transport.send(h.peer, control('c0'))
    h.transport.send(h.peer, data('d1'))
    expect(h.dials.length).toBe(2) // data first, then control: dialled independently
    h.dials[1].resolve()
    await turn()
    h.transport.send(h.peer, control('c1'))
    expect(names(h.conn.wire)).toEqual(['c0', 'c1'])
    h.dials[0].reject(new Error('no route'))
    await turn()
    expect(h.dropped).toEqual([['dial-failed', 'd0'], ['dial-failed', 'd1']])
    expect(h.down).toEqual([h.peer])
    h.transport.send(h.peer, control('c2'))
    expect(names(h.conn.wire)).toEqual(['c0', 'c1', 'c2'])
    await h.transport.stop()
  })

  it('a stream that closes is opened again for the frames still queued on it', async () => {
    const h = await harness({ maxQueuedFrames: 8, maxQueuedControlFrames: 8 })
    h.transport.send(h.peer, control('c0'))
    await turn()
    h.conn.full = true
    h.transport.send(h.peer, control('c1')) // in the stream's buffer
    h.transport.send(h.peer, control('c2')) // queued
    h.conn.streams[0].abort() // reset: its buffer is lost with it
    h.conn.full = false
    await turn()
    expect(h.conn.streams.length).toBe(2)
    expect(names(h.conn.wire)).toEqual(['c0', 'c2'])
    expect(h.transport.stats.streamsOpened).toBe(2)
    await h.transport.stop()
  })
})
