// A libp2p Metrics implementation that counts bytes on the wire at the connection level:
// every raw (multiaddr) connection the host upgrades is tracked, and its TCP socket's
// bytesWritten/bytesRead are what went over loopback, after Noise and Yamux, for every
// protocol together. Protocol streams are tracked too: the bytes each protocol hands to its
// streams (before Yamux and Noise) show what each protocol itself sends. All other metrics
// libp2p and its services register are no-ops.
import type { Socket } from 'node:net'

interface TrackedConnection {
  socket?: Socket
  /** Bytes and buffers passed to the connection's sendData (used when there is no socket). */
  sent: number
  writes: number
}

export interface ByteCounts {
  /** Bytes written to every connection's socket since the host started (closed ones included). */
  written: number
  read: number
  /** Buffers handed to the sockets (one socket.write each). */
  writes: number
  connections: number
  /** Bytes each protocol sent on its streams (application bytes, before Yamux and Noise). */
  byProtocol: Record<string, number>
}

const noop = (): void => {}
const noopMetric = { update: noop, increment: noop, decrement: noop, reset: noop, observe: noop, timer: () => noop }

export class ByteMeter {
  private readonly connections: TrackedConnection[] = []
  private readonly protocolBytes = new Map<string, number>()

  /** The factory to pass as the host's `metrics` option. */
  readonly factory = (): unknown => ({
    trackMultiaddrConnection: (maConn: unknown) => { this.trackConnection(maConn) },
    trackProtocolStream: (stream: unknown) => { this.trackStream(stream) },
    registerMetric: () => noopMetric,
    registerMetricGroup: () => noopMetric,
    registerCounter: () => noopMetric,
    registerCounterGroup: () => noopMetric,
    registerHistogram: () => noopMetric,
    registerHistogramGroup: () => noopMetric,
    registerSummary: () => noopMetric,
    registerSummaryGroup: () => noopMetric,
    traceFunction: (_name: string, fn: unknown) => fn,
    createTrace: () => undefined
  })

  counts (): ByteCounts {
    let written = 0
    let read = 0
    let writes = 0
    for (const c of this.connections) {
      written += c.socket?.bytesWritten ?? c.sent
      read += c.socket?.bytesRead ?? 0
      writes += c.writes
    }
    return { written, read, writes, connections: this.connections.length, byProtocol: Object.fromEntries(this.protocolBytes) }
  }

  private trackConnection (maConn: unknown): void {
    const conn = maConn as { socket?: Socket, sendData?: (data: Iterable<Uint8Array> & { byteLength: number }) => unknown }
    const tracked: TrackedConnection = { socket: conn.socket, sent: 0, writes: 0 }
    this.connections.push(tracked)
    const sendData = conn.sendData
    if (typeof sendData === 'function') {
      // Count the buffers the connection writes (each is one socket.write for TCP).
      conn.sendData = function (this: unknown, data) {
        tracked.sent += data.byteLength
        for (const buf of data) if (buf.byteLength > 0) tracked.writes++
        return sendData.call(this, data)
      }
    }
  }

  private trackStream (stream: unknown): void {
    const s = stream as { protocol?: string, send?: (data: { byteLength: number }) => boolean }
    const send = s.send
    if (typeof send !== 'function') return
    const meter = this.protocolBytes
    s.send = function (this: unknown, data) {
      const p = s.protocol ?? ''
      meter.set(p, (meter.get(p) ?? 0) + data.byteLength)
      return send.call(this, data)
    }
  }
}
