// Queue groups (issue 13, item 1), as NATS's: subscriptions in a named group share a topic's
// messages, each message going to one member of each group. Members are ordinary members of the
// topic's tree; a member tells the topic's root it is in the group (QueueJoin, soft state: again
// every queueRefreshMs, and at once when its root changes). The root, where every message
// enters the tree, decides:
// - plain groups (NATS core): it writes into the message which member delivers it
//   (AppMessage.queue, round-robin over the live members); every other member drops it. At most
//   once: a message given to a member that died before the root noticed is lost to the group.
// - groups with explicit acknowledgements (JetStream-like, queue-acks.ts): it sends the message
//   straight to one member with room (fewer than its maxAckPending unacknowledged), keeps it
//   until that member acks, and redelivers it to another member after ackWaitMs, at once when
//   the member leaves or dies, or after a nak's delay; after maxDeliver deliveries it goes to
//   `$DLQ.<topic>`.
// A root does not delegate a topic with queue groups (it must see every message); a new root
// knows the members once they refreshed (within queueRefreshMs).
// Direct publishing: while every subscriber of a topic is a member of its plain groups (no
// other subscription on the members' nodes, no mailbox, no group with acknowledgements), the
// root tells the topic's publishers the members (TopicCount.queues, with its refreshes), and a
// publisher sends each message straight to one member of each group, in turn (publish-routing.ts),
// one hop instead of two and no work at the root; one message per refresh interval still goes
// through the root, so that the publisher stays registered and hears of changes.
import type { CoreContext } from './core-context.ts'
import type { Delegation } from './delegation.ts'
import { QueueAcks } from './queue-acks.ts'
import type { InFlight, Waiting } from './queue-acks.ts'
import type { PeerRef } from './routing-table.ts'
import type { TopicState } from './topic-state.ts'
import { InvalidOptionError } from './errors.ts'
import { validGroup } from './wire/codec.ts'
import { DIRECT_MAX_GROUPS, DIRECT_MAX_MEMBERS, MAX_GROUP_BYTES, MAX_QUEUE_GROUPS } from './wire/limits.ts'
import { subtreeCount } from './topic-state.ts'
import type { AppMessage, Header, Msg, QueueMembers } from './wire/types.ts'

/** The root gave message m to node `ref` to deliver for queue group `group` (plain groups). */
export function deliversFor (m: AppMessage, ref: PeerRef, group: string): boolean {
  return m.queue?.some(q => q.group === group && q.member === ref) === true
}

/** Topics whose root a node remembers after leaving their groups (for returned messages). */
const MAX_LEFT_ROOTS = 1024
/** Members one group of one topic may have at its root. */
export const MAX_QUEUE_MEMBERS = 1024

/** A group as the topic's root sees it. */
export interface QueueGroupState {
  /** Member node -> when its registration expires (Infinity: this node's own, until it leaves). */
  readonly members: Map<PeerRef, number>
  /** Round-robin position. */
  next: number
  /** Explicit acknowledgements: member -> the most unacknowledged messages it takes. */
  readonly maxPending: Map<PeerRef, number>
  /** Explicit acknowledgements: messages delivered and not acknowledged, by message. */
  readonly inflight: Map<string, InFlight>
  /** Explicit acknowledgements: unacknowledged messages per member. */
  readonly pendingBy: Map<PeerRef, number>
  /** Explicit acknowledgements: messages waiting for a member with room (or for a nak's delay). */
  waiting: Waiting[]
  /** Members whose nodes also take the topic outside queue groups (no direct publishing then). */
  readonly plainAlso: Set<PeerRef>
}

interface LocalMembership {
  /** Group -> maxAckPending (0: a plain group). */
  readonly groups: Map<string, number>
  /** The root the registrations last went to, and when. */
  sentTo: PeerRef | null
  sentAt: number
}

export class QueueGroups {
  private readonly ctx: CoreContext
  private readonly delegation: Delegation
  readonly acks: QueueAcks
  /** Topics with queue subscriptions on this node. */
  private readonly local = new Map<TopicState, LocalMembership>()
  /** Topics this node is the root of that have queue groups (their members expire here). */
  private readonly held = new Set<TopicState>()
  /** Topics whose local subscriptions include some outside queue groups (QueueJoin.plain). */
  private readonly plainTopics = new Set<string>()
  /** Topics whose last local subscription of a group went: the root the leave went to. */
  private readonly leftRoots = new Map<string, PeerRef>()
  /** This node holds a mailbox of the topic (it takes every message: QueueJoin.plain). */
  holdsMailbox: (topic: string) => boolean = () => false

  constructor (ctx: CoreContext, delegation: Delegation, publish: (now: number, topic: string, payload: Uint8Array, headers: Header[]) => void) {
    this.ctx = ctx
    this.delegation = delegation
    this.acks = new QueueAcks(ctx, publish, (_now, t) => this.rootOf(t))
    this.acks.pick = (now, g, fits) => this.pick(now, g, fits)
  }

  /** The local application subscribed to t in `group` (maxAckPending > 0: explicit acknowledgements). */
  join (now: number, t: TopicState | string, group: string, maxAckPending = 0): void {
    if (!validGroup(group)) throw new InvalidOptionError(`queue group name must be 1..${MAX_GROUP_BYTES} bytes of UTF-8`)
    if (!Number.isInteger(maxAckPending) || maxAckPending < 0 || maxAckPending > 0xffffffff) throw new InvalidOptionError(`maxAckPending must be an integer from 1 (0: no acknowledgements), not ${maxAckPending}`)
    if (typeof t === 'string' || !t.subscribed) throw new InvalidOptionError(`joinQueue: subscribe to ${typeof t === 'string' ? t : t.name} first`)
    let l = this.local.get(t)
    if (l === undefined) this.local.set(t, l = { groups: new Map(), sentTo: null, sentAt: 0 })
    if (l.groups.get(group) === maxAckPending) return
    l.groups.set(group, maxAckPending)
    this.register(now, t, group, false, maxAckPending)
  }

  /** The local application's last subscription to t in `group` went. */
  leave (now: number, t: TopicState, group: string): void {
    const l = this.local.get(t)
    if (l === undefined || !l.groups.delete(group)) return
    this.register(now, t, group, true, 0)
    // Messages publishers still send here go back to that root (returned()), even once the
    // topic's state here is gone. Bounded: the oldest go first.
    const root = this.rootOf(t)
    if (root !== null) {
      if (this.leftRoots.size >= MAX_LEFT_ROOTS) this.leftRoots.delete(this.leftRoots.keys().next().value as string)
      this.leftRoots.set(t.name, root)
    }
    if (l.groups.size === 0) this.local.delete(t)
  }

  /** Whether the local application also subscribes t outside queue groups (registered again when it changes). */
  setPlain (now: number, t: TopicState, plain: boolean): void {
    if (this.plainTopics.has(t.name) === plain) return
    if (plain) this.plainTopics.add(t.name)
    else this.plainTopics.delete(t.name)
    const l = this.local.get(t)
    if (l !== undefined) for (const [g, max] of l.groups) this.register(now, t, g, false, max)
  }

  /** Registrations go again every queueRefreshMs, and at once to a new root; members expire. */
  tick (now: number): void {
    for (const t of this.held) {
      if (this.ctx.topics.get(t.name) !== t || !t.isRoot || t.queues === null) {
        this.held.delete(t)
        continue
      }
      for (const [group, g] of t.queues) {
        for (const [ref, until] of g.members) if (until < now) this.drop(now, t, group, g, ref)
        this.acks.tick(now, t, group, g)
        if (g.members.size === 0 && g.inflight.size === 0 && g.waiting.length === 0) t.queues.delete(group)
      }
      if (t.queues.size === 0) {
        t.queues = null
        this.held.delete(t)
      }
      this.offerDirect(now, t)
    }
    for (const [t, l] of this.local) {
      if (this.ctx.topics.get(t.name) !== t) {
        this.local.delete(t)
        continue
      }
      const root = this.rootOf(t)
      if (root === null) continue
      if (root === l.sentTo && now - l.sentAt < this.ctx.options.queueRefreshMs) continue
      for (const [g, max] of l.groups) this.register(now, t, g, false, max)
    }
  }

  /** At a root (or on the way to it): a member joined or left a group. */
  onQueueJoin (now: number, from: PeerRef, m: Extract<Msg, { type: 'queueJoin' }>): void {
    const t = this.ctx.topics.get(m.topic)
    if (t === undefined) return
    if (!t.isRoot) {
      // The member's view of the root is stale: pass it up the tree (it reaches the root).
      if (t.parent !== null && t.parent !== from && t.joinTo === null) this.ctx.out.send(now, t.parent, m)
      return
    }
    this.record(now, t, from, m.group, m.leave, m.maxAckPending, m.plain)
  }

  /**
   * A message a publisher sent this node directly for `group` after its subscription in the
   * group went: to the root, over the same path as the leave (so the root knows by then), which
   * gives it to another member.
   */
  returned (now: number, message: AppMessage, group: string, route: (m: AppMessage) => void): void {
    const t = this.ctx.topics.get(message.topic)
    const root = (t === undefined ? null : this.rootOf(t)) ?? this.leftRoots.get(message.topic) ?? null
    const m = { ...message, queue: undefined }
    if (root === null) route(m)
    else if (root === this.ctx.ref) { if (t !== undefined) this.reassign(now, this.ctx.ref, t, group, m); else route(m) }
    else this.ctx.out.send(now, root, { type: 'queueDeliver', group, message: m, attempt: 0 })
  }

  /** QueueDeliver: from a root, a message to process (acknowledgements); at a root, a returned one (attempt 0). */
  onQueueDeliver (now: number, from: PeerRef, m: Extract<Msg, { type: 'queueDeliver' }>): void {
    if (m.attempt > 0) {
      this.acks.onQueueDeliver(m)
      return
    }
    const t = this.ctx.topics.get(m.message.topic)
    if (t?.isRoot === true) this.reassign(now, from, t, m.group, m.message)
    else if (t !== undefined && t.parent !== null && t.parent !== from) this.ctx.out.send(now, t.parent, m)
    else this.ctx.stats.queueReturnsLost++ // here neither the root nor on a way to it
  }

  /** At the root: a returned message to another member of the group than the one that returned it. */
  private reassign (now: number, from: PeerRef, t: TopicState, group: string, message: AppMessage): void {
    const g = t.queues?.get(group)
    const member = g === undefined ? undefined : this.pick(now, g, ref => ref !== from)
    if (member === undefined) { this.ctx.stats.queueReturnsLost++; return }
    const m = { ...message, queue: [{ group, member }] }
    if (member === this.ctx.ref) this.ctx.out.emit({ type: 'queue-deliver', group, message: m, attempt: 0 })
    else this.ctx.out.send(now, member, { type: 'publish', message: m, direct: true })
  }

  /** At the root: which member of each group gets m (once, where m enters the tree). */
  assign (now: number, t: TopicState, m: AppMessage): void {
    if (t.queues === null || m.queue !== undefined) return
    const out = []
    for (const [group, g] of t.queues) {
      if (g.maxPending.size > 0) {
        this.acks.offer(now, t, group, g, m, 1, null)
        continue
      }
      const chosen = this.pick(now, g, () => true)
      if (chosen !== undefined) out.push({ group, member: chosen })
    }
    if (out.length > 0) m.queue = out
  }

  /** The next live member in turn that `fits`; undefined if none. */
  pick (now: number, g: QueueGroupState, fits: (ref: PeerRef) => boolean): PeerRef | undefined {
    const members = [...g.members]
    for (let i = 0; i < members.length; i++) {
      const k = (g.next + i) % members.length
      const [ref, until] = members[k]
      if (until < now || !fits(ref)) continue
      g.next = (k + 1) % members.length
      return ref
    }
    return undefined
  }

  private register (now: number, t: TopicState, group: string, leave: boolean, maxAckPending: number): void {
    const root = this.rootOf(t)
    const l = this.local.get(t)
    if (l !== undefined && !leave) { l.sentTo = root; l.sentAt = now }
    if (root === null) return
    const plain = this.plainTopics.has(t.name) || this.holdsMailbox(t.name)
    if (root === this.ctx.ref) this.record(now, t, this.ctx.ref, group, leave, maxAckPending, plain)
    else this.ctx.out.send(now, root, { type: 'queueJoin', topic: t.name, group, leave, maxAckPending, plain })
  }

  private record (now: number, t: TopicState, member: PeerRef, group: string, leave: boolean, maxAckPending: number, plain: boolean): void {
    if (leave) {
      const g = t.queues?.get(group)
      if (g !== undefined) this.drop(now, t, group, g, member)
      return
    }
    const queues = t.queues ??= new Map()
    this.held.add(t)
    let g = queues.get(group)
    if (g === undefined) {
      if (queues.size >= MAX_QUEUE_GROUPS) { this.ctx.stats.queueJoinsRefused++; return }
      queues.set(group, g = { members: new Map(), next: 0, maxPending: new Map(), inflight: new Map(), pendingBy: new Map(), waiting: [], plainAlso: new Set() })
    }
    if (!g.members.has(member) && g.members.size >= MAX_QUEUE_MEMBERS) { this.ctx.stats.queueJoinsRefused++; return }
    g.members.set(member, member === this.ctx.ref ? Infinity : now + this.ctx.options.failureTimeoutMs + this.ctx.options.queueRefreshMs)
    if (maxAckPending > 0) g.maxPending.set(member, maxAckPending)
    else g.maxPending.delete(member)
    if (plain) g.plainAlso.add(member)
    else g.plainAlso.delete(member)
    this.offerDirect(now, t)
    // Every message must pass the root to be assigned: no delegation for such a topic.
    if (t.delegate !== null) this.delegation.revoke(now, t)
  }

  /** A member left or went silent: what it had not acknowledged goes to another member now. */
  private drop (now: number, t: TopicState, group: string, g: QueueGroupState, member: PeerRef): void {
    g.members.delete(member)
    g.maxPending.delete(member)
    g.plainAlso.delete(member)
    this.offerDirect(now, t)
    this.acks.memberGone(now, t, group, g, member)
  }

  /**
   * At the root: the members publishers may send to directly (null: not now), and the
   * publishers told again when that changed.
   */
  private offerDirect (now: number, t: TopicState): void {
    const d = this.directMembers(now, t)
    if (JSON.stringify(d) === JSON.stringify(t.direct)) return
    t.direct = d
    for (const p of t.publishers.keys()) t.uninformed.add(p)
  }

  private directMembers (now: number, t: TopicState): QueueMembers[] | null {
    if (!t.isRoot || t.queues === null || t.queues.size > DIRECT_MAX_GROUPS || this.ctx.options.wildcards) return null
    const nodes = new Set<PeerRef>()
    const out: QueueMembers[] = []
    for (const [group, g] of t.queues) {
      if (g.maxPending.size > 0 || g.plainAlso.size > 0 || g.inflight.size > 0) return null
      const members = [...g.members].filter(([, until]) => until >= now).map(([ref]) => ref)
      if (members.length === 0 || members.length > DIRECT_MAX_MEMBERS) return null
      for (const m of members) nodes.add(m)
      out.push({ group, members })
    }
    // Every subscriber of the tree is one of the members: nobody else misses the messages.
    return nodes.size === subtreeCount(t) ? out : null
  }

  /** Where the registrations go: this node when it is the root, else the root its path names. */
  rootOf (t: TopicState): PeerRef | null {
    if (t.isRoot) return this.ctx.ref
    if (!t.attached || t.path.length === 0) return null
    return t.path[t.path.length - 1]
  }
}
