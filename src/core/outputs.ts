// The core's outputs, collected until the host drains them: messages to send (in order) and
// events for the application.
import type { CoreEvent, CoreStats, Transmit } from './core-types.ts'
import type { Liveness } from './liveness.ts'
import type { PeerRef } from './routing-table.ts'
import type { Msg } from './wire/types.ts'

// Returned by the drains when there is nothing (no allocation); callers only read it.
const NONE: never[] = []

export class Outputs {
  private readonly ref: PeerRef
  private readonly stats: CoreStats
  private readonly peers: Liveness
  private transmits: Transmit[] = []
  private events: CoreEvent[] = []

  constructor (ref: PeerRef, stats: CoreStats, peers: Liveness) {
    this.ref = ref
    this.stats = stats
    this.peers = peers
  }

  /** Sends msg to a peer: recorded as sent to it (liveness), then queued. */
  send (now: number, to: PeerRef, msg: Msg): void {
    this.peers.sent(to, now)
    this.queue(to, msg)
  }

  /** Queues without touching liveness records (for messages sent while forgetting a peer). */
  queue (to: PeerRef, msg: Msg): void {
    if (to === this.ref) return
    this.stats.sent[msg.type]++
    this.transmits.push({ to, msg })
  }

  emit (event: CoreEvent): void {
    this.events.push(event)
  }

  /** All pending transmits at once, in order. */
  drainTransmits (): Transmit[] {
    if (this.transmits.length === 0) return NONE
    const out = this.transmits
    this.transmits = []
    return out
  }

  drainEvents (): CoreEvent[] {
    if (this.events.length === 0) return NONE
    const out = this.events
    this.events = []
    return out
  }
}
