// Queue groups (issue 13, item 1), as NATS's: subscriptions in a named group share a topic's
// messages, each message going to one member of each group, round-robin over the live members.
// Members are ordinary members of the topic's tree (they receive its data); a member tells the
// topic's root it is in the group (QueueJoin, soft state: again every queueRefreshMs, and at
// once when its root changes), and the root, where every message enters the tree, writes into
// it which member of each group delivers it (AppMessage.queue). Every other member drops it.
// Plain queue groups are at most once, as NATS's: a message assigned to a member that died
// before the root noticed (failureTimeoutMs + queueRefreshMs without a refresh) is not
// delivered by the group. A root does not delegate a topic with queue groups (it must see every
// message), and a new root knows the members once they refreshed (within queueRefreshMs).
import type { CoreContext } from './core-context.ts'
import type { Delegation } from './delegation.ts'
import type { PeerRef } from './routing-table.ts'
import type { TopicState } from './topic-state.ts'
import { MAX_QUEUE_GROUPS } from './wire/limits.ts'
import type { AppMessage, Msg } from './wire/types.ts'

/** Members one group of one topic may have at its root. */
export const MAX_QUEUE_MEMBERS = 1024

/** A group as the topic's root sees it. */
export interface QueueGroupState {
  /** Member node -> when its registration expires (Infinity: this node's own, until it leaves). */
  readonly members: Map<PeerRef, number>
  /** Round-robin position. */
  next: number
}

interface LocalMembership {
  readonly groups: Set<string>
  /** The root the registrations last went to, and when. */
  sentTo: PeerRef | null
  sentAt: number
}

export class QueueGroups {
  private readonly ctx: CoreContext
  private readonly delegation: Delegation
  /** Topics with queue subscriptions on this node. */
  private readonly local = new Map<TopicState, LocalMembership>()
  /** Topics this node is the root of that have queue groups (their members expire here). */
  private readonly held = new Set<TopicState>()

  constructor (ctx: CoreContext, delegation: Delegation) {
    this.ctx = ctx
    this.delegation = delegation
  }

  /** The local application subscribed to t in `group`. */
  join (now: number, t: TopicState, group: string): void {
    let l = this.local.get(t)
    if (l === undefined) this.local.set(t, l = { groups: new Set(), sentTo: null, sentAt: 0 })
    if (l.groups.has(group)) return
    l.groups.add(group)
    this.register(now, t, group, false)
  }

  /** The local application's last subscription to t in `group` went. */
  leave (now: number, t: TopicState, group: string): void {
    const l = this.local.get(t)
    if (l === undefined || !l.groups.delete(group)) return
    this.register(now, t, group, true)
    if (l.groups.size === 0) this.local.delete(t)
  }

  /** The groups this node's application is a member of on t. */
  groupsOf (t: TopicState): ReadonlySet<string> | undefined {
    return this.local.get(t)?.groups
  }

  /** Registrations go again every queueRefreshMs, and at once to a new root; members expire. */
  tick (now: number): void {
    for (const t of this.held) {
      if (this.ctx.topics.get(t.name) !== t || !t.isRoot || t.queues === null) {
        this.held.delete(t)
        continue
      }
      for (const [group, g] of t.queues) {
        for (const [ref, until] of g.members) if (until < now) g.members.delete(ref)
        if (g.members.size === 0) t.queues.delete(group)
      }
      if (t.queues.size === 0) {
        t.queues = null
        this.held.delete(t)
      }
    }
    for (const [t, l] of this.local) {
      if (this.ctx.topics.get(t.name) !== t) {
        this.local.delete(t)
        continue
      }
      const root = this.rootOf(t)
      if (root === null) continue
      if (root === l.sentTo && now - l.sentAt < this.ctx.options.queueRefreshMs) continue
      for (const g of l.groups) this.register(now, t, g, false)
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
    this.record(now, t, from, m.group, m.leave)
  }

  /** At the root: which member of each group delivers m (once, where m enters the tree). */
  assign (now: number, t: TopicState, m: AppMessage): void {
    if (t.queues === null || m.queue !== undefined) return
    const out = []
    for (const [group, g] of t.queues) {
      let chosen: PeerRef | undefined
      const members = [...g.members]
      for (let i = 0; i < members.length && chosen === undefined; i++) {
        const [ref, until] = members[(g.next + i) % members.length]
        if (until < now) g.members.delete(ref)
        else { chosen = ref; g.next = (g.next + i + 1) % members.length }
      }
      if (chosen === undefined) t.queues.delete(group)
      else out.push({ group, member: chosen })
    }
    if (t.queues.size === 0) t.queues = null
    if (out.length > 0) m.queue = out
  }

  private register (now: number, t: TopicState, group: string, leave: boolean): void {
    const root = this.rootOf(t)
    const l = this.local.get(t)
    if (l !== undefined && !leave) { l.sentTo = root; l.sentAt = now }
    if (root === null) return
    if (root === this.ctx.ref) this.record(now, t, this.ctx.ref, group, leave)
    else this.ctx.out.send(now, root, { type: 'queueJoin', topic: t.name, group, leave })
  }

  private record (now: number, t: TopicState, member: PeerRef, group: string, leave: boolean): void {
    const own = member === this.ctx.ref
    if (leave) {
      const g = t.queues?.get(group)
      g?.members.delete(member)
      if (g !== undefined && g.members.size === 0) t.queues?.delete(group)
      if (t.queues?.size === 0) t.queues = null
      return
    }
    const queues = t.queues ??= new Map()
    this.held.add(t)
    let g = queues.get(group)
    if (g === undefined) {
      if (queues.size >= MAX_QUEUE_GROUPS) { this.ctx.stats.queueJoinsRefused++; return }
      queues.set(group, g = { members: new Map(), next: 0 })
    }
    if (!g.members.has(member) && g.members.size >= MAX_QUEUE_MEMBERS) { this.ctx.stats.queueJoinsRefused++; return }
    g.members.set(member, own ? Infinity : now + this.ctx.options.failureTimeoutMs + this.ctx.options.queueRefreshMs)
    // Every message must pass the root to be assigned: no delegation for such a topic.
    if (t.delegate !== null) this.delegation.revoke(now, t)
  }

  /** Where the registrations go: this node when it is the root, else the root its path names. */
  private rootOf (t: TopicState): PeerRef | null {
    if (t.isRoot) return this.ctx.ref
    if (!t.attached || t.path.length === 0) return null
    return t.path[t.path.length - 1]
  }
}
