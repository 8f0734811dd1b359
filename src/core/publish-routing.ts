// Publishes on their way to a topic's root: routed hop by hop toward the key (each hop
// acknowledges with ROUTE-ACK, and an unacknowledged hop is routed around), or sent straight to
// the root once the root made itself known. The root tells a publisher whose publish was routed
// to it with its next refresh (an entry in `roots`: the topic and its subscriber count), and
// reports changes of the count that way; that entry also acknowledges the publish when the
// root was the first hop, so no ROUTE-ACK goes out then. With thousands of topics this costs
// one refresh per publisher and refresh interval, not two messages per topic. ROOT-INFO remains for a route
// that ends at a node with no tree (nobody listens).
import type { CoreContext } from './core-context.ts'
import type { Dissemination } from './dissemination.ts'
import { topicKey } from './id.ts'
import { plausibleRoot } from './root-claims.ts'
import type { PeerRef } from './routing-table.ts'
import { subtreeCount } from './topic-state.ts'
import type { TopicState } from './topic-state.ts'
import type { AppMessage, QueueAssign, TopicCount } from './wire/types.ts'

interface Inflight {
  hop: PeerRef
  deadline: number
  message: AppMessage
  tries: number
}

interface RootEntry {
  to: PeerRef
  voucher: PeerRef | null
  /** Plain queue groups whose members this publisher sends to directly (queue-groups.ts), with whose turn is next. */
  queues?: Array<{ group: string, members: PeerRef[], next: number }>
  /** When a publish last went to the root itself (once per refresh interval in direct mode). */
  viaRootAt: number
}

/** Topics remembered as waiting for their root's answer (cleared when full). */
const MAX_SOLICITED = 65_536
/** Routed publishes are re-routed around silent hops at most this often. */
const MAX_ROUTE_TRIES = 3
/**
 * New publishers a root (or delegate) answers at once per tick. A few keep a first publish()
 * quick; when thousands of topics start publishing at once the rest wait for the regular
 * refresh (at most refreshIntervalMs), one message per publisher instead of one per topic.
 */
const IMMEDIATE_ANSWERS_PER_TICK = 2

export class PublishRouting {
  /**
   * Where to publish each topic directly: its root, or the delegate its root named (the root
   * then vouches for the delegate's liveness until the delegate heartbeats us itself).
   */
  readonly rootCache = new Map<string, RootEntry>()
  private readonly ctx: CoreContext
  private readonly dissemination: Dissemination
  /** A publish reached us as the topic's root (acks.ts answers acknowledged ones). */
  onRootPublish: (now: number, t: TopicState, m: AppMessage) => void = () => {}
  /** The route of a message ended here and its topic has no tree (wildcard families may want it). */
  onRouteEnd: (now: number, m: AppMessage) => void = () => {}
  /** Topics whose publishes of ours were routed since their root last answered (root-claims.ts). */
  private readonly solicited = new Set<string>()
  /** Routed publishes sent and not yet acknowledged by their next hop. */
  private readonly routed = new Map<string, Inflight>()
  /** As a publisher: the subscriber count each topic's root last reported. */
  private readonly reported = new Map<string, number>()
  /** New publishers still answered at once this tick; the rest hear with the next refresh. */
  private answersLeft = IMMEDIATE_ANSWERS_PER_TICK

  constructor (ctx: CoreContext, dissemination: Dissemination) {
    this.ctx = ctx
    this.dissemination = dissemination
  }

  /** Sends a PUBLISH one hop toward the root and remembers it until the hop acknowledges. */
  route (now: number, message: AppMessage, tries: number): void {
    const t = this.ctx.topics.get(message.topic)
    if (t?.isRoot === true) {
      this.dissemination.disseminate(now, t, message, null)
      if (message.ack === true) this.onRootPublish(now, t, message)
      return
    }
    const next = this.ctx.table.nextHop(topicKey(message.topic))
    if (next === undefined || tries >= MAX_ROUTE_TRIES) {
      // We are the closest node we know and hold no tree: nobody subscribes.
      this.ctx.stats.droppedNoRoute++
      if (next === undefined) this.onRouteEnd(now, message)
      if (message.publisher === this.ctx.ref) this.report(message.topic, 0)
      // The route ends here with no tree: tell the publisher nobody listens, and where the
      // root would be.
      else if (tries === 0) this.ctx.out.send(now, message.publisher, { type: 'rootInfo', topic: message.topic, subscribers: 0 })
      return
    }
    this.ctx.out.send(now, next.ref, { type: 'publish', message, direct: false })
    // The hop acknowledges at once, or, when it is the root and the publisher sent it, with its
    // next refresh: wait for both.
    const { joinTimeoutMs, refreshIntervalMs } = this.ctx.options
    if (message.publisher === this.ctx.ref) {
      if (this.solicited.size >= MAX_SOLICITED) this.solicited.clear()
      this.solicited.add(message.topic)
    }
    this.routed.set(inflightKey(message.publisher, message.topic, message.seq), { hop: next.ref, deadline: now + joinTimeoutMs + refreshIntervalMs, message, tries })
  }

  onPublish (now: number, from: PeerRef, message: AppMessage, direct: boolean): void {
    if (direct && message.queue !== undefined) {
      this.onDirectQueue(now, message as AppMessage & { queue: QueueAssign[] })
      return
    }
    const t = this.ctx.topics.get(message.topic)
    if (direct && message.ack !== true && t?.delegated === true && t.attached) {
      // We are the data top of the tree (delegation.ts): deliver and pass down.
      this.notePublisher(now, t, message.publisher, false)
      this.dissemination.disseminate(now, t, message, null)
      return
    }
    const atRoot = t?.isRoot === true
    // The root acknowledges a publish routed straight from its publisher with its next heartbeat.
    if (!direct && !(atRoot && from === message.publisher)) this.ctx.out.send(now, from, { type: 'routeAck', topic: message.topic, publisher: message.publisher, seq: message.seq })
    if (t !== undefined && atRoot) {
      this.notePublisher(now, t, message.publisher, !direct)
      this.dissemination.disseminate(now, t, message, null)
      if (message.ack === true) this.onRootPublish(now, t, message)
      return
    }
    this.route(now, message, 0)
  }

  /**
   * A publisher sends to us (root or delegate): it is heartbeaten from now on, and told where
   * to publish and the count with the next refresh when it is new to us, or its publish was
   * routed (it does not know us yet). A publisher that found us through a ROOT-INFO of an
   * earlier, empty tree is new here too, and must hear the count once.
   */
  private notePublisher (now: number, t: TopicState, publisher: PeerRef, routed: boolean): void {
    if (publisher === this.ctx.ref) return
    if (routed || !t.publishers.has(publisher)) {
      if (this.answersLeft > 0) {
        // Answered at once (its publish() waits for the count): a few per tick.
        this.answersLeft--
        this.ctx.out.send(now, publisher, { type: 'heartbeat', topics: [], counts: [], roots: [{ topic: t.name, subscribers: subtreeCount(t), via: t.delegate === publisher ? '' : t.delegate ?? '', queues: t.direct ?? [] }] })
      } else {
        t.uninformed.add(publisher)
      }
    }
    t.publishers.set(publisher, now)
  }

  /**
   * Where to publish t directly now: the cached root or delegate, while it or the root vouching
   * for it was heard from lately. `root`: the root itself, never its delegate.
   */
  directTarget (now: number, topic: string, root = false): PeerRef | undefined {
    const c = this.rootCache.get(topic)
    if (c === undefined) return undefined
    const { peers, options } = this.ctx
    if (root && c.voucher !== null) return now - peers.heard(c.voucher) <= options.failureTimeoutMs ? c.voucher : undefined
    if (now - peers.heard(c.to) <= options.failureTimeoutMs) return c.to
    if (c.voucher !== null && now - peers.heard(c.voucher) <= options.failureTimeoutMs) return c.to
    this.rootCache.delete(topic)
    return undefined
  }

  /**
   * Direct publishing to plain queue groups: the member of each group whose turn it is
   * (undefined: publish to the root as usual), and whether this one goes through the root (one
   * per refresh interval: the root passes it to the members and keeps the publisher informed).
   */
  directQueue (now: number, topic: string): { queue: QueueAssign[], viaRoot: boolean } | undefined {
    const c = this.rootCache.get(topic)
    if (c?.queues === undefined) return undefined
    const viaRoot = now - c.viaRootAt >= this.ctx.options.refreshIntervalMs
    if (viaRoot) c.viaRootAt = now
    return { queue: c.queues.map(q => ({ group: q.group, member: q.members[q.next++ % q.members.length] })), viaRoot }
  }

  /**
   * A publish its publisher assigned to members of plain queue groups (direct publishing): at a
   * named member it is delivered; at the root (one per refresh interval) the publisher is noted
   * and the message passed to the members. Never into the tree.
   */
  private onDirectQueue (now: number, message: AppMessage & { queue: QueueAssign[] }): void {
    const t = this.ctx.topics.get(message.topic)
    const mine = message.queue.some(q => q.member === this.ctx.ref)
    if (t?.isRoot !== true && !mine) {
      // Sent to us as the root, which we are not (any more): on to the root, into its tree, with
      // the publisher's assignment (members deliver what names them).
      this.route(now, message, 0)
      return
    }
    if (t?.isRoot === true && message.publisher !== this.ctx.ref) this.notePublisher(now, t, message.publisher, false)
    for (const member of new Set(message.queue.map(q => q.member))) {
      if (member !== this.ctx.ref) {
        if (t?.isRoot === true) this.ctx.out.send(now, member, { type: 'publish', message, direct: true })
        continue
      }
      this.ctx.stats.queueDirectReceived++
      for (const q of message.queue) if (q.member === member) this.ctx.out.emit({ type: 'queue-deliver', group: q.group, message, attempt: 0 })
    }
  }

  /** A tick began: the budget of immediate answers is renewed. */
  newTick (): void {
    this.answersLeft = IMMEDIATE_ANSWERS_PER_TICK
  }

  /** A routed publish of this message waits for its next hop's acknowledgement. */
  inflight (m: AppMessage): boolean {
    return this.routed.has(inflightKey(m.publisher, m.topic, m.seq))
  }

  /** Only the hop the publish went to can acknowledge it. */
  onRouteAck (from: PeerRef, publisher: PeerRef, topic: string, seq: number): void {
    const key = inflightKey(publisher, topic, seq)
    if (this.routed.get(key)?.hop === from) this.routed.delete(key)
  }

  onRootInfo (from: PeerRef, topic: string, subscribers: number): void {
    // A root answers a publish routed to it: one we did not send, or from an implausible root, is ignored.
    const plausible = plausibleRoot(this.ctx, from, topic)
    if (plausible === 'no' || (plausible === 'unknown' && !this.solicited.has(topic))) return
    this.solicited.delete(topic)
    this.cacheRoot(topic, { to: from, voucher: null, viaRootAt: 0 })
    this.report(topic, subscribers)
  }

  /**
   * A root's heartbeat entries for us, a publisher: it is the topic's root (publish to it
   * directly from now on), this is the count, and our publishes routed to it arrived.
   */
  onRootCounts (from: PeerRef, roots: readonly TopicCount[]): void {
    for (const r of roots) {
      const plausible = plausibleRoot(this.ctx, from, r.topic)
      const cached = this.rootCache.get(r.topic)
      if (plausible === 'no' || (plausible === 'unknown' && cached?.to !== from && cached?.voucher !== from && !this.solicited.has(r.topic))) continue
      // A root that delegated names its delegate: publish there.
      const delegated = r.via !== '' && r.via !== this.ctx.ref
      const queues = r.queues.length === 0 || delegated ? undefined : r.queues.map(q => ({ group: q.group, members: q.members, next: 0 }))
      const viaRootAt = this.rootCache.get(r.topic)?.viaRootAt ?? 0
      this.cacheRoot(r.topic, delegated ? { to: r.via, voucher: from, viaRootAt } : { to: from, voucher: null, queues, viaRootAt })
      this.report(r.topic, r.subscribers)
    }
    if (roots.length === 0 || this.routed.size === 0) return
    for (const [key, f] of this.routed) {
      if (f.hop === from && f.message.publisher === this.ctx.ref && roots.some(r => r.topic === f.message.topic)) this.routed.delete(key)
    }
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
    for (const [topic, root] of this.rootCache) {
      if (root.to === ref) this.rootCache.delete(topic)
      // A member gone: the others take its turns (the root's next refresh says the same).
      for (const q of root.queues ?? []) q.members = q.members.filter(m => m !== ref)
      if (root.queues?.some(q => q.members.length === 0) === true) root.queues = undefined
    }
    for (const [key, f] of [...this.routed]) {
      if (f.hop !== ref) continue
      this.routed.delete(key)
      this.route(now, f.message, f.tries + 1)
    }
  }

  /**
   * A routed publish its next hop did not acknowledge: the hop may be silently dead. Drop it
   * from the table (it returns when heard from again) and route around it.
   */
  expire (now: number): void {
    if (this.routed.size === 0) return
    let dead: Set<PeerRef> | undefined
    for (const f of this.routed.values()) if (now >= f.deadline) (dead ??= new Set()).add(f.hop)
    if (dead === undefined) return
    // Every publish waiting on a silent hop goes around it now, not only the overdue ones.
    for (const [key, f] of [...this.routed]) {
      if (!dead.has(f.hop)) continue
      this.routed.delete(key)
      this.ctx.table.remove(f.hop)
      this.route(now, f.message, f.tries + 1)
    }
  }

  /** Bounded as the topics are (maxTopics): a peer's claims cannot grow it without end. */
  private cacheRoot (topic: string, e: RootEntry): void {
    if (!this.rootCache.has(topic) && this.rootCache.size >= this.ctx.options.maxTopics) this.rootCache.delete(this.rootCache.keys().next().value as string)
    this.rootCache.set(topic, e)
  }

  private report (topic: string, count: number): void {
    if (this.reported.get(topic) === count) return
    if (!this.reported.has(topic) && this.reported.size >= this.ctx.options.maxTopics) this.reported.delete(this.reported.keys().next().value as string)
    this.reported.set(topic, count)
    this.ctx.out.emit({ type: 'subscribers', topic, count })
  }
}

function inflightKey (publisher: PeerRef, topic: string, seq: number): string {
  return `${publisher}\u0000${topic}\u0000${seq}`
}
