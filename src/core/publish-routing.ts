// Publishes on their way to a topic's root: routed hop by hop toward the key (each hop
// acknowledges with ROUTE-ACK, and an unacknowledged hop is routed around), or sent straight to
// the root once a ROOT-INFO named it. The root reports the subscriber count back to publishers.
import type { CoreContext } from './core-context.ts'
import type { Dissemination } from './dissemination.ts'
import { topicKey } from './id.ts'
import type { PeerRef } from './routing-table.ts'
import { subtreeCount } from './topic-state.ts'
import type { AppMessage, TopicCount } from './wire/types.ts'

interface Inflight {
  hop: PeerRef
  deadline: number
  message: AppMessage
  tries: number
}

/** Routed publishes are re-routed around silent hops at most this often. */
const MAX_ROUTE_TRIES = 3

export class PublishRouting {
  /** Where each topic's root is, as a ROOT-INFO told us (we publish there directly). */
  readonly rootCache = new Map<string, PeerRef>()
  private readonly ctx: CoreContext
  private readonly dissemination: Dissemination
  /** Routed publishes sent and not yet acknowledged by their next hop. */
  private readonly inflight = new Map<string, Inflight>()
  /** As a publisher: the subscriber count each topic's root last reported. */
  private readonly reported = new Map<string, number>()

  constructor (ctx: CoreContext, dissemination: Dissemination) {
    this.ctx = ctx
    this.dissemination = dissemination
  }

  /** Sends a PUBLISH one hop toward the root and remembers it until the hop acknowledges. */
  route (now: number, message: AppMessage, tries: number): void {
    const t = this.ctx.topics.get(message.topic)
    if (t?.isRoot === true) {
      this.dissemination.disseminate(now, t, message, null)
      return
    }
    const next = this.ctx.table.nextHop(topicKey(message.topic))
    if (next === undefined || tries >= MAX_ROUTE_TRIES) {
      // We are the closest node we know and hold no tree: nobody subscribes.
      this.ctx.stats.droppedNoRoute++
      if (message.publisher === this.ctx.ref) this.report(message.topic, 0)
      // The route ends here with no tree: tell the publisher nobody listens, and where the
      // root would be.
      else if (tries === 0) this.ctx.out.send(now, message.publisher, { type: 'rootInfo', topic: message.topic, subscribers: 0 })
      return
    }
    this.ctx.out.send(now, next.ref, { type: 'publish', message, direct: false })
    this.inflight.set(inflightKey(message.publisher, message.topic, message.seq), { hop: next.ref, deadline: now + this.ctx.options.joinTimeoutMs, message, tries })
  }

  onPublish (now: number, from: PeerRef, message: AppMessage, direct: boolean): void {
    if (!direct) this.ctx.out.send(now, from, { type: 'routeAck', topic: message.topic, publisher: message.publisher, seq: message.seq })
    const t = this.ctx.topics.get(message.topic)
    if (t?.isRoot === true) {
      if (direct) t.publishers.set(from, now)
      else if (message.publisher !== this.ctx.ref) this.ctx.out.send(now, message.publisher, { type: 'rootInfo', topic: t.name, subscribers: subtreeCount(t) })
      this.dissemination.disseminate(now, t, message, null)
      return
    }
    this.route(now, message, 0)
  }

  onRouteAck (publisher: PeerRef, topic: string, seq: number): void {
    this.inflight.delete(inflightKey(publisher, topic, seq))
  }

  onRootInfo (from: PeerRef, topic: string, subscribers: number): void {
    this.rootCache.set(topic, from)
    this.report(topic, subscribers)
  }

  /** Subscriber counts a root sends its direct publishers with its heartbeats. */
  onRootCounts (from: PeerRef, roots: readonly TopicCount[]): void {
    for (const r of roots) if (this.rootCache.get(r.topic) === from) this.report(r.topic, r.subscribers)
  }

  /**
   * The number of subscribers the topic's tree reports: the count of our subtree when we are
   * the root, the root's last report when we publish to it, 0 when a publish found no tree,
   * undefined when not known yet. Counts travel up the tree with the children's refreshes.
   */
  subscribers (topic: string): number | undefined {
    const t = this.ctx.topics.get(topic)
    if (t?.isRoot === true) return subtreeCount(t)
    return this.reported.get(topic)
  }

  /** A peer failed: forget it as a root, and re-route the publishes waiting on it. */
  onPeerFailed (now: number, ref: PeerRef): void {
    for (const [topic, root] of this.rootCache) if (root === ref) this.rootCache.delete(topic)
    for (const [key, f] of [...this.inflight]) {
      if (f.hop !== ref) continue
      this.inflight.delete(key)
      this.route(now, f.message, f.tries + 1)
    }
  }

  /**
   * A routed publish its next hop did not acknowledge: the hop may be silently dead. Drop it
   * from the table (it returns when heard from again) and route around it.
   */
  expire (now: number): void {
    if (this.inflight.size === 0) return
    for (const [key, f] of [...this.inflight]) {
      if (now < f.deadline) continue
      this.inflight.delete(key)
      this.ctx.table.remove(f.hop)
      this.route(now, f.message, f.tries + 1)
    }
  }

  private report (topic: string, count: number): void {
    if (this.reported.get(topic) === count) return
    this.reported.set(topic, count)
    this.ctx.out.emit({ type: 'subscribers', topic, count })
  }
}

function inflightKey (publisher: PeerRef, topic: string, seq: number): string {
  return `${publisher}\u0000${topic}\u0000${seq}`
}
