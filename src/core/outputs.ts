// The core's outputs, collected until the host drains them: messages to send (in order) and
// events for the application.
import type { CoreEvent, CoreStats, Transmit } from './core-types.ts'
import type { Liveness } from './liveness.ts'
import type { PeerRef } from './routing-table.ts'
import { MAX_REPLICA_ENTRIES } from './wire/limits.ts'
import { isDataPlane } from './wire/types.ts'
import type { Msg, ReplicaEntry } from './wire/types.ts'

// Returned by the drains when there is nothing (no allocation); callers only read it.
const NONE: never[] = []
/** A REPLICA message stops taking entries at about this many bytes of topics and peer ids. */
const REPLICA_MESSAGE_BYTES = 512 * 1024

type ReplicaMsg = Extract<Msg, { type: 'replica' }>

export class Outputs {
  private readonly ref: PeerRef
  private readonly stats: CoreStats
  private readonly peers: Liveness
  private transmits: Transmit[] = []
  private events: CoreEvent[] = []
  /** The REPLICA message queued for each peer since the last drain, still taking entries. */
  private readonly replicas = new Map<PeerRef, { msg: ReplicaMsg, bytes: number }>()

  private readonly dataIsLiveness: boolean

  constructor (ref: PeerRef, stats: CoreStats, peers: Liveness, dataIsLiveness: boolean) {
    this.ref = ref
    this.stats = stats
    this.peers = peers
    this.dataIsLiveness = dataIsLiveness
  }

  /** Sends msg to a peer: recorded as sent to it (liveness; data only where it counts), then queued. */
  send (now: number, to: PeerRef, msg: Msg): void {
    this.peers.sent(to, now, this.dataIsLiveness || !isDataPlane(msg.type))
    this.queue(to, msg)
  }

  /** Queues without touching liveness records (for messages sent while forgetting a peer). */
  queue (to: PeerRef, msg: Msg): void {
    if (to === this.ref) return
    this.stats.sent[msg.type]++
    this.transmits.push({ to, msg })
  }

  /**
   * Adds a REPLICA entry for a peer: to the REPLICA already queued for it since the last drain
   * (one message per peer and turn, however many topics), or in a new one. `now` null: without
   * touching liveness records.
   */
  replica (now: number | null, to: PeerRef, entry: ReplicaEntry): void {
    if (to === this.ref) return
    if (now !== null) this.peers.sent(to, now)
    let bytes = entry.topic.length
    for (const c of entry.children) bytes += c.length
    const open = this.replicas.get(to)
    if (open !== undefined && open.msg.entries.length < MAX_REPLICA_ENTRIES && open.bytes + bytes <= REPLICA_MESSAGE_BYTES) {
      open.msg.entries.push(entry)
      open.bytes += bytes
      return
    }
    const msg: ReplicaMsg = { type: 'replica', entries: [entry] }
    this.replicas.set(to, { msg, bytes })
    this.queue(to, msg)
  }

  emit (event: CoreEvent): void {
    this.events.push(event)
  }

  /** All pending transmits at once, in order. */
  drainTransmits (): Transmit[] {
    if (this.replicas.size > 0) this.replicas.clear()
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
