// The one small loop that drives a MeshCore, shared by the simulator and the real node: feed an
// input, then drain transmits (grouped per peer, order kept, so a transport can write one
// frame per peer), events and the next deadline. Hosts supply time, sending and a wake-up; the
// driver holds no clock and no timer of its own.
import type { CoreEvent, MeshCore } from './mesh-core.ts'
import type { PeerRef } from './routing-table.ts'
import { MAX_FRAME_MESSAGES } from './wire/limits.ts'
import type { Msg } from './wire/types.ts'

export interface DriverHost {
  /** Current time in ms (virtual in the simulator, monotonic in the node). */
  now: () => number
  /** Send a batch of messages (at most MAX_FRAME_MESSAGES) to one peer, in order. */
  send: (to: PeerRef, msgs: Msg[]) => void
  /** An event for the application. */
  event: (event: CoreEvent) => void
  /** Call driver.wake() at (or soon after) time `at`; replaces any earlier request. */
  wakeAt: (at: number) => void
}

export class CoreDriver {
  readonly core: MeshCore
  private readonly host: DriverHost
  private armedAt = Infinity
  private flushQueued = false

  constructor (core: MeshCore, host: DriverHost) {
    this.core = core
    this.host = host
  }

  /** Runs one input against the core with the current time, then flushes its outputs. */
  input<T> (fn: (core: MeshCore, now: number) => T): T {
    const result = fn(this.core, this.host.now())
    this.flush()
    return result
  }

  /**
   * Runs one input now and flushes its outputs at the end of this turn (one flush for a burst of
   * inputs in the same turn: a burst of publishes leaves as one frame per peer). Any other input
   * flushes at once, and with it what waits here, in order. `defer` queues the end-of-turn flush
   * (the node passes queueMicrotask; the core and the driver hold no timers).
   */
  inputBatched<T> (fn: (core: MeshCore, now: number) => T, defer: (flush: () => void) => void): T {
    const result = fn(this.core, this.host.now())
    if (!this.flushQueued) {
      this.flushQueued = true
      defer(() => { this.flushQueued = false; this.flush() })
    }
    return result
  }

  /** Messages from a peer (already decoded). */
  receive (from: PeerRef, msgs: readonly Msg[]): void {
    const now = this.host.now()
    for (const m of msgs) this.core.handleMessage(now, from, m)
    this.flush()
  }

  /** One encoded frame from a peer; returns false when it was malformed (and dropped). */
  receiveFrame (from: PeerRef, bytes: Uint8Array): boolean {
    const ok = this.core.handleFrame(this.host.now(), from, bytes)
    this.flush()
    return ok
  }

  /** The wake-up the host was asked for is due. */
  wake (): void {
    this.armedAt = Infinity
    this.core.handleTimeout(this.host.now())
    this.flush()
  }

  flush (): void {
    const tx = this.core.drainTransmits()
    if (tx.length === 1) {
      this.host.send(tx[0].to, [tx[0].msg])
    } else if (tx.length > 1) {
      const byPeer = new Map<PeerRef, Msg[]>()
      for (const { to, msg } of tx) {
        const list = byPeer.get(to)
        if (list === undefined) byPeer.set(to, [msg])
        else list.push(msg)
      }
      // A batch never holds more messages than a receiver's frame takes (bytes: encodeFrames).
      for (const [to, msgs] of byPeer) {
        if (msgs.length <= MAX_FRAME_MESSAGES) this.host.send(to, msgs)
        else for (let i = 0; i < msgs.length; i += MAX_FRAME_MESSAGES) this.host.send(to, msgs.slice(i, i + MAX_FRAME_MESSAGES))
      }
    }
    const events = this.core.drainEvents()
    for (const e of events) this.host.event(e)
    const at = this.core.pollTimeout()
    if (at < this.armedAt) {
      this.armedAt = at
      this.host.wakeAt(at)
    }
  }
}
