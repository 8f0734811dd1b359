// Acknowledged publishes: publish(topic, data, { ack: true }) is done when the message is held
// by two nodes of the topic's root set. The root keeps it (its replay buffer) and stashes it
// with its replicas (STASH); each replica keeps it and answers the publisher (PUBLISH-ACK). A
// publisher that hears nothing within ackRetryMs routes the message again (toward whoever is
// root now: the old one may be dead); after ackTimeoutMs it gives up and the application hears
// of it. A replica that takes over a dead root sends what it stashed down the adopted tree.
// A root with no replica (a mesh of one node) acknowledges alone.
import type { CoreContext } from './core-context.ts'
import type { PublishRouting } from './publish-routing.ts'
import { ReplayBuffer } from './replay-buffer.ts'
import type { PeerRef } from './routing-table.ts'
import type { TopicState } from './topic-state.ts'
import type { AppMessage } from './wire/types.ts'

interface Pending {
  message: AppMessage
  retryAt: number
  giveUpAt: number
}

export class Acks {
  private readonly ctx: CoreContext
  private readonly routing: PublishRouting
  /** Our acknowledged publishes not yet acknowledged, by topic and sequence number. */
  private readonly pending = new Map<string, Pending>()
  /** Their numbers by topic (a message carries the lowest: its floor). */
  private readonly waitingByTopic = new Map<string, Set<number>>()
  /** As a replica: acknowledged publishes the roots we replicate stashed with us, by topic. */
  private readonly stashes = new Map<string, ReplayBuffer>()

  constructor (ctx: CoreContext, routing: PublishRouting) {
    this.ctx = ctx
    this.routing = routing
  }

  get waiting (): number {
    return this.pending.size
  }

  /** A publish of ours that waits for its acknowledgement; it carries the topic's lowest number still waiting. */
  track (now: number, message: AppMessage): void {
    const o = this.ctx.options
    this.pending.set(key(message.topic, message.seq), { message, retryAt: now + o.ackRetryMs, giveUpAt: now + o.ackTimeoutMs })
    let waiting = this.waitingByTopic.get(message.topic)
    if (waiting === undefined) this.waitingByTopic.set(message.topic, waiting = new Set())
    waiting.add(message.seq)
    let floor = message.seq
    for (const s of waiting) if (s < floor) floor = s
    message.floor = floor
  }

  private settled (topic: string, seq: number): void {
    const waiting = this.waitingByTopic.get(topic)
    if (waiting === undefined) return
    waiting.delete(seq)
    if (waiting.size === 0) this.waitingByTopic.delete(topic)
  }

  /** As root: an acknowledged publish arrived (new or again): keep it and stash it with the replicas. */
  atRoot (now: number, t: TopicState, m: AppMessage): void {
    // Kept in t's buffer already (dissemination keeps every acknowledged publish it passes on).
    if (t.replicaTargets.length === 0) {
      this.acknowledge(now, m)
      return
    }
    for (const r of t.replicaTargets) this.ctx.out.send(now, r, { type: 'stash', message: m })
  }

  /** As replica: keep what the root stashed, and tell the publisher it is held twice. */
  onStash (now: number, m: AppMessage): void {
    let s = this.stashes.get(m.topic)
    if (s === undefined) this.stashes.set(m.topic, s = new ReplayBuffer(this.ctx.options))
    s.push(now, m)
    this.acknowledge(now, m)
  }

  /** As publisher. */
  onPublishAck (topic: string, publisher: PeerRef, epoch: number, seq: number, currentEpoch: number): void {
    if (publisher !== this.ctx.ref || epoch !== currentEpoch) return
    if (!this.pending.delete(key(topic, seq))) return // a second replica's answer
    this.settled(topic, seq)
    this.ctx.out.emit({ type: 'acked', topic, seq })
  }

  /** Publishes whose acknowledgement is late go again by route; those out of time fail. */
  tick (now: number): void {
    if (this.pending.size === 0) return
    for (const [k, p] of this.pending) {
      if (now >= p.giveUpAt) {
        this.pending.delete(k)
        this.settled(p.message.topic, p.message.seq)
        this.ctx.out.emit({ type: 'ack-failed', topic: p.message.topic, seq: p.message.seq })
      } else if (now >= p.retryAt) {
        p.retryAt = now + this.ctx.options.ackRetryMs
        // A routed copy still waiting for its hop's acknowledgement is routed around that hop
        // when the hop stays silent (publish-routing.ts): routing it again would reset that.
        if (this.routing.inflight(p.message)) continue
        this.ctx.stats.ackRetries++
        this.routing.rootCache.delete(p.message.topic)
        this.routing.route(now, p.message, 0)
      }
    }
  }

  /** What a replica stashed for a topic whose root it now is (taken once). */
  takeStash (topic: string): AppMessage[] {
    const s = this.stashes.get(topic)
    if (s === undefined) return []
    this.stashes.delete(topic)
    return s.all()
  }

  /** The root we replicated for a topic handed it on or dropped us: its stash goes too. */
  dropStash (topic: string): void {
    this.stashes.delete(topic)
  }

  private acknowledge (now: number, m: AppMessage): void {
    if (m.publisher === this.ctx.ref) this.onPublishAck(m.topic, m.publisher, m.epoch, m.seq, m.epoch)
    else this.ctx.out.send(now, m.publisher, { type: 'publishAck', topic: m.topic, publisher: m.publisher, epoch: m.epoch, seq: m.seq })
  }
}

function key (topic: string, seq: number): string {
  return `${topic}\u0000${seq}`
}
