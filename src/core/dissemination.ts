// Messages down a tree: a node de-duplicates each message per publisher (epoch and sequence),
// delivers it in order when subscribed (delivery-order.ts), and sends one DATA copy to each
// child but the one it came from.
import type { CoreContext } from './core-context.ts'
import { DedupWindow } from './dedup.ts'
import type { DeliveryOrder } from './delivery-order.ts'
import type { Recovery } from './recovery.ts'
import type { PeerRef } from './routing-table.ts'
import type { TopicState } from './topic-state.ts'
import type { AppMessage, Msg } from './wire/types.ts'

/** (peer, topic) pairs whose last LEAVE is remembered; beyond it the record starts afresh. */
const MAX_LEAVES_REMEMBERED = 4096

export class Dissemination {
  private readonly ctx: CoreContext
  private readonly order: DeliveryOrder
  private readonly recovery: Recovery
  /** When we last told a peer to stop sending a topic (see leave()). */
  private readonly leaves = new Map<string, number>()

  /** At the root: queue groups choose which member delivers a new message (queue-groups.ts). */
  assign: (now: number, t: TopicState, message: AppMessage) => void = () => {}
  /** A new message entered its tree here (root or delegate): wildcard families get it (wildcards.ts). */
  entered: (now: number, message: AppMessage) => void = () => {}

  constructor (ctx: CoreContext, order: DeliveryOrder, recovery: Recovery) {
    this.ctx = ctx
    this.order = order
    this.recovery = recovery
  }

  onData (now: number, from: PeerRef, message: AppMessage): void {
    const t = this.ctx.topics.get(message.topic)
    if (t === undefined) {
      this.leave(now, from, message.topic)
      return
    }
    if (from !== t.parent && from !== t.leaveOnAck) {
      // A former parent still sends to us: keep the message (de-duplication protects), stop it.
      this.leave(now, from, message.topic)
    }
    this.disseminate(now, t, message, from)
  }

  /**
   * Tells a peer that sends us a topic's data to stop: once per heartbeat interval and peer
   * and topic, not once per message (a burst from a former parent cost a LEAVE per message).
   */
  private leave (now: number, to: PeerRef, topic: string): void {
    const key = `${to}\u0000${topic}`
    const last = this.leaves.get(key)
    if (last !== undefined && now - last < this.ctx.options.heartbeatIntervalMs) return
    if (this.leaves.size >= MAX_LEAVES_REMEMBERED) this.leaves.clear()
    this.leaves.set(key, now)
    this.ctx.out.send(now, to, { type: 'leave', topic })
  }

  disseminate (now: number, t: TopicState, message: AppMessage, from: PeerRef | null): void {
    let w = t.dedup.get(message.publisher)
    if (w === undefined) {
      if (t.dedup.size >= this.ctx.options.maxPublishersPerTopic) {
        t.dedup.delete(t.dedup.keys().next().value as PeerRef)
        this.ctx.stats.publishersEvicted++
      }
      w = new DedupWindow(this.ctx.options.dedupWindow, message.epoch)
      t.dedup.set(message.publisher, w)
    }
    const fresh = w.accept(message.epoch, message.seq)
    if (fresh !== true) {
      if (fresh === 'stale') this.ctx.stats.stale++
      else this.ctx.stats.duplicates++
      return
    }
    if (t.isRoot && t.queues !== null) this.assign(now, t, message)
    if (from === null && (t.isRoot || t.delegated)) this.entered(now, message)
    this.recovery.keep(now, t, message)
    if (t.subscribed) this.order.deliver(now, t, message)
    if (t.children.size === 0) return
    const data: Msg = { type: 'data', message }
    for (const c of t.children.keys()) if (c !== from) this.ctx.out.send(now, c, data)
  }
}
