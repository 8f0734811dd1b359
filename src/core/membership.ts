// Who is in which tree: JOIN / JOIN-ACK / LEAVE and refreshes build and prune a topic's tree;
// a node becomes root when it knows no node closer to the key, and hands the tree over when it
// learns of one. Local repair after a parent died is here too. See docs/protocol.md.
import type { CoreContext } from './core-context.ts'
import type { Delegation } from './delegation.ts'
import { JoinDeadlines } from './join-deadlines.ts'
import type { Recovery } from './recovery.ts'
import { plausibleRoot } from './root-claims.ts'
import { PeerLimits } from './peer-limits.ts'
import { RetiredBuffers } from './retired-buffers.ts'
import type { TopicView } from './core-types.ts'
import { topicKey } from './id.ts'
import { sameRefs } from './routing-table.ts'
import type { PeerRef } from './routing-table.ts'
import { subtreeCount, TopicState, wantsReliable } from './topic-state.ts'
import { MAX_PATH } from './wire/limits.ts'
import type { Msg } from './wire/types.ts'


export class Membership {
  /** Topics whose root we are. */
  readonly rooted = new Set<TopicState>()
  /** The deadlines of the JOINs out and not yet answered. */
  readonly joining = new JoinDeadlines()
  /** Topics whose children, attachment or subscription changed during the current input. */
  readonly reshaped = new Set<TopicState>()
  private readonly ctx: CoreContext
  /** Called after a new child entry was added (the fan-out cap is checked then). */
  private readonly childAdded: (now: number, t: TopicState) => void
  private readonly delegation: Delegation
  private readonly recovery: Recovery
  private childEntries = 0
  private readonly retired: RetiredBuffers
  /** Bounds on the topics peers make this node hold. */
  readonly limits: PeerLimits
  /** Called when this node becomes a topic's root, however it did (a JOIN, a takeover). */
  onRooted: (now: number, t: TopicState) => void = () => {}
  /** Called just before this node stops being a topic's root (a closer node appeared, or it left). */
  onUnrooted: (now: number, t: TopicState) => void = () => {}

  constructor (ctx: CoreContext, delegation: Delegation, recovery: Recovery, childAdded: (now: number, t: TopicState) => void) {
    this.ctx = ctx
    this.delegation = delegation
    this.recovery = recovery
    this.childAdded = childAdded
    this.retired = new RetiredBuffers(ctx.options.retiredBuffers)
    this.limits = new PeerLimits(ctx)
  }

  /** Child entries over all topics (what the fan-out cap limits). */
  get childCount (): number { return this.childEntries }

  // ---------------------------------------------------------------- application commands

  subscribe (now: number, topic: string, reliable: boolean): void {
    const t = this.topicOrCreate(topic, now)
    if (!t.subscribed) t.subscribedAt = now
    t.subscribed = true
    this.setReliable(now, t, () => { t.reliable = reliable })
    // A root that delegated its data takes it back first (ready once the delegate confirmed).
    if (t.isRoot) this.delegation.revoke(now, t)
    if (t.attached) this.markReady(t)
    else if (t.parent === null) this.join(now, t)
  }

  unsubscribe (now: number, topic: string): void {
    const t = this.ctx.topics.get(topic)
    if (t === undefined || !t.subscribed) return
    t.subscribed = false
    this.setReliable(now, t, () => { t.reliable = false })
    t.readySent = false
    t.streams.clear() // what waits for its turn is not delivered any more
    this.reshaped.add(t)
    this.maybeLeave(t)
  }

  // ---------------------------------------------------------------- messages

  onJoin (now: number, from: PeerRef, topic: string, subscribers: number, reliable = false): void {
    const known = this.ctx.topics.get(topic)
    if (known?.children.has(from) !== true && !this.limits.admit(from, known !== undefined)) return
    const t = known ?? this.topicOrCreate(topic, now)
    t.childCounts.set(from, subscribers)
    // Our ancestor asks to become our child: it learnt that we are closer to the key (a root
    // handover) or followed a stale route. If we are the closest node we know, we are the
    // rightful root: leave our parent and take the tree.
    if (!t.isRoot && (t.parent === from || t.path.includes(from)) && this.ctx.table.nextHop(t.key) === undefined) {
      if (t.parent !== null) this.ctx.out.send(now, t.parent, { type: 'leave', topic })
      this.becomeRoot(now, t)
    }
    const isNew = !t.children.has(from)
    if (isNew) {
      this.addChild(t, from)
      if (t.isRoot) t.replicaDirty = true
    }
    const entry = t.children.get(from)
    if (entry !== undefined && entry.reliable !== reliable) {
      this.setReliable(now, t, () => { entry.reliable = reliable; t.reliableChildren += reliable ? 1 : -1 })
    }
    // A forwarder new to the tree joins first: if that makes it the root, the root's
    // notification already answers this child.
    const wasAttached = t.attached
    if (!t.attached && t.parent === null) this.join(now, t)
    // At a root withdrawing its delegation, the newcomer waits (not attached) for the delegate.
    const held = t.isRoot && this.delegation.holdAck(now, t, from)
    if (held) this.ctx.out.send(now, from, { type: 'joinAck', topic, attached: false, path: [], replaces: '', delegate: false, withdraw: false })
    else if (wasAttached || !t.isRoot) this.ctx.out.send(now, from, this.ackFor(t, from))
    this.markReady(t)
    if (isNew) this.childAdded(now, t)
  }

  onJoinAck (now: number, from: PeerRef, m: Extract<Msg, { type: 'joinAck' }>): void {
    const { out, ref } = this.ctx
    const t = this.ctx.topics.get(m.topic)
    if (t === undefined) {
      out.send(now, from, { type: 'leave', topic: m.topic })
      return
    }
    let adopted = false
    if (m.replaces !== '') {
      // A new root adopts the children of the dead one: taken when we still hang below the dead
      // root or look for a parent anyway, from a peer closer to the key than us (root-claims.ts).
      const wanting = t.parent === m.replaces || t.parent === null || !t.attached
      if (t.isRoot || !wanting || m.path.includes(ref) || plausibleRoot(this.ctx, from, m.topic, null) === 'no') {
        if (t.parent !== from) out.send(now, from, { type: 'leave', topic: m.topic })
        return
      }
      this.setJoin(t, null)
      t.parent = from
      adopted = true
    } else if (from !== t.parent) {
      if (from !== t.leaveOnAck) out.send(now, from, { type: 'leave', topic: m.topic })
      return
    }
    if (t.joinTo === from) {
      this.setJoin(t, null)
      if (t.leaveOnAck !== null && t.leaveOnAck !== from) out.send(now, t.leaveOnAck, { type: 'leave', topic: m.topic })
      t.leaveOnAck = null
    }
    if (!m.attached) {
      this.delegation.drop(t)
      this.setAttached(t, false, now)
      return
    }
    // A path we could not extend by ourselves for our children is refused like a cycle.
    if (m.path.includes(ref) || m.path.length >= MAX_PATH) {
      // The parent reaches the root through us: taking it would close a cycle.
      this.ctx.stats.cyclesAvoided++
      this.delegation.drop(t)
      out.send(now, from, { type: 'leave', topic: m.topic })
      t.avoid.set(from, now + this.ctx.options.avoidMs)
      t.parent = null
      this.setAttached(t, false, now)
      this.join(now, t)
      return
    }
    const wasAttached = t.attached
    const changed = !t.attached || !sameRefs(t.path, m.path)
    t.ancestors = []
    this.setAttached(t, true, now)
    t.path = m.path
    this.delegation.onAck(now, t, m)
    if (changed) this.notifyChildren(now, t)
    this.markReady(t)
    if (!wasAttached || adopted) this.recovery.reattached(now, t)
    // The adopting root took our entry from its replica, which does not say reliable.
    if (adopted && wantsReliable(t) && t.joinTo === null) this.sendJoin(now, t, from)
  }

  /** A child says it is still our child: rebuild the entry if we lost it (a JOIN in effect). */
  onRefresh (now: number, from: PeerRef, topic: string, count: number): void {
    if (this.ctx.topics.get(topic)?.children.has(from) !== true) this.onJoin(now, from, topic, count)
    const t = this.ctx.topics.get(topic)
    if (t?.children.has(from) === true) t.childCounts.set(from, count)
  }

  onLeave (now: number, from: PeerRef, topic: string): void {
    const t = this.ctx.topics.get(topic)
    if (t === undefined) return
    if (this.removeChild(now, t, from)) this.maybeLeave(t)
  }

  /** A peer failed: it leaves every child list; where it was the parent, the tree is repaired. */
  onPeerFailed (now: number, ref: PeerRef): void {
    for (const t of [...this.ctx.topics.values()]) {
      this.removeChild(now, t, ref)
      t.publishers.delete(ref)
      if (t.leaveOnAck === ref) t.leaveOnAck = null
      if (t.parent === ref) {
        this.ctx.stats.repairs++
        // Local repair: try the ancestors above the dead parent before routing afresh.
        if (t.path.length > 0 && t.path[0] === ref) t.ancestors = t.path.slice(1)
        this.detach(t, now)
        t.path = []
        this.join(now, t)
      }
      this.maybeLeave(t)
    }
  }

  // ---------------------------------------------------------------- joining

  /** Routes a JOIN toward the topic key, or takes the root when no known node is closer. */
  join (now: number, t: TopicState): void {
    if (!t.wanted) return
    let skip: Set<PeerRef> | undefined
    for (const [p, until] of t.avoid) {
      if (until <= now) t.avoid.delete(p)
      else (skip ??= new Set()).add(p)
    }
    for (let a = t.ancestors.shift(); a !== undefined; a = t.ancestors.shift()) {
      if (a === this.ctx.ref || skip?.has(a) === true) continue
      this.ctx.peers.touch(a, now)
      this.joinThrough(now, t, a)
      return
    }
    const next = this.ctx.table.nextHop(t.key, skip)
    if (next === undefined) {
      if (skip !== undefined && this.ctx.table.nextHop(t.key) !== undefined) {
        // Every closer peer answered with a path through us: stay detached, retry next tick.
        this.unroot(t, now)
        this.detach(t, now)
        return
      }
      this.becomeRoot(now, t)
      return
    }
    this.joinThrough(now, t, next.ref)
  }

  /** Sends a JOIN to `to` and waits for its answer until the join timeout. */
  sendJoin (now: number, t: TopicState, to: PeerRef): void {
    this.setJoin(t, to, now + this.ctx.options.joinTimeoutMs)
    this.ctx.out.send(now, to, { type: 'join', topic: t.name, subscribers: subtreeCount(t), reliable: wantsReliable(t) })
  }

  /**
   * Changes what makes t reliable: the parent hears at once when a reliable subscription
   * appears below (a JOIN, so it keeps messages to resend); when the last one goes, this node
   * keeps its buffer a while (the subscription may come back through another node).
   */
  private setReliable (now: number, t: TopicState, change: () => void): void {
    const before = wantsReliable(t)
    change()
    const after = wantsReliable(t)
    if (before && !after) this.recovery.linger(now, t)
    if (!before && after && t.parent !== null && t.joinTo === null && !t.isRoot) this.sendJoin(now, t, t.parent)
  }

  becomeRoot (now: number, t: TopicState): void {
    this.delegation.drop(t)
    this.setJoin(t, null)
    t.parent = null
    t.path = []
    this.setAttached(t, true, now)
    const rooted = !t.isRoot
    if (rooted) {
      t.isRoot = true
      this.rooted.add(t)
      t.replicaDirty = true
    }
    this.notifyChildren(now, t)
    this.markReady(t)
    if (rooted) this.onRooted(now, t)
  }

  /** A closer node appeared: it is the rightful root; join it and let the tree follow. */
  handover (now: number, t: TopicState): void {
    this.ctx.stats.handovers++
    this.unroot(t, now)
    this.setAttached(t, false, now)
    this.join(now, t)
  }

  addChild (t: TopicState, child: PeerRef): void {
    t.children.set(child, { redirected: false, reliable: false })
    this.reshaped.add(t)
    this.childEntries++
    this.limits.added(child)
  }

  removeChild (now: number, t: TopicState, child: PeerRef): boolean {
    const entry = t.children.get(child)
    if (entry === undefined) return false
    if (entry.reliable) this.setReliable(now, t, () => { t.reliableChildren-- })
    t.children.delete(child)
    t.heldAcks.delete(child)
    if (t.isRoot) {
      this.delegation.childGone(now, t, child)
      this.markReady(t)
    }
    this.reshaped.add(t)
    t.childCounts.delete(child)
    this.childEntries--
    this.limits.removed(child)
    if (t.isRoot) t.replicaDirty = true
    return true
  }

  /** Forgets the topic once nothing keeps this node in its tree (no subscription, no child). */
  maybeLeave (t: TopicState): void {
    if (t.wanted) return
    if (t.parent !== null) this.ctx.out.queue(t.parent, { type: 'leave', topic: t.name })
    // A parent we were moving away from (after a REDIRECT) still lists us: leave it too.
    if (t.leaveOnAck !== null && t.leaveOnAck !== t.parent) this.ctx.out.queue(t.leaveOnAck, { type: 'leave', topic: t.name })
    this.unroot(t, null) // nobody is left below to pass anything on to
    this.setJoin(t, null)
    this.delegation.drop(t)
    if (t.buffer !== null) this.retired.put(t.name, t.buffer)
    this.ctx.topics.delete(t.name)
  }

  setAttached (t: TopicState, attached: boolean, now: number): void {
    if (t.attached === attached) return
    if (attached) this.reshaped.add(t)
    else t.detachedAt = now
    t.attached = attached
    t.attachedChangedAt = now
  }

  setJoin (t: TopicState, to: PeerRef | null, deadline = 0): void {
    t.joinTo = to
    t.joinDeadline = deadline
    if (to !== null) t.joinSentAt = deadline - this.ctx.options.joinTimeoutMs
    if (to !== null) this.joining.add(t, deadline)
  }

  topicOrCreate (topic: string, now: number): TopicState {
    let t = this.ctx.topics.get(topic)
    if (t === undefined) {
      t = new TopicState(topic, topicKey(topic))
      t.attachedChangedAt = now
      t.createdAt = now
      t.buffer = this.retired.take(topic, now)
      this.ctx.topics.set(topic, t)
    }
    return t
  }

  view (t: TopicState): TopicView {
    const role = t.isRoot ? 'root' : !t.attached ? 'detached' : t.children.size > 0 ? 'forwarder' : 'subscriber'
    const root = t.isRoot ? this.ctx.ref : t.attached ? t.path[t.path.length - 1] ?? null : null
    const v: TopicView = { topic: t.name, subscribed: t.subscribed, role, parent: t.parent, root, attached: t.attached, children: [...t.children.keys()], depth: t.depth, subscribers: subtreeCount(t) }
    if (t.queues !== null) v.queueGroups = Object.fromEntries([...t.queues].map(([g, s]) => [g, s.members.size]))
    return v
  }

  // ---------------------------------------------------------------- helpers

  /** Leaves whatever parent or root role the topic had and joins through `to`. */
  private joinThrough (now: number, t: TopicState, to: PeerRef): void {
    this.unroot(t, now)
    this.delegation.drop(t)
    t.parent = to
    this.setAttached(t, false, now)
    t.path = []
    this.sendJoin(now, t, to)
  }

  /** No parent, no JOIN out, not attached. */
  private detach (t: TopicState, now: number): void {
    this.delegation.drop(t)
    this.setJoin(t, null)
    t.parent = null
    this.setAttached(t, false, now)
  }

  private unroot (t: TopicState, now: number | null): void {
    if (!t.isRoot) return
    t.isRoot = false
    this.rooted.delete(t)
    for (const r of t.replicaTargets) this.ctx.out.replica(null, r, { topic: t.name, children: [], dropped: true, rank: 0, more: false })
    t.replicaTargets = []
    t.publishers.clear()
    // Whoever becomes root decides about delegation anew; held children get acks when we attach.
    t.delegate = null
    t.revoking = null
    t.heldAcks.clear()
    t.queues = null // the members register with the new root
    if (now !== null) this.onUnrooted(now, t)
  }

  private ackFor (t: TopicState, to: PeerRef): Msg {
    return { type: 'joinAck', topic: t.name, attached: t.attached, path: t.attached ? [this.ctx.ref, ...t.path] : [], replaces: '', delegate: t.delegate === to, withdraw: false }
  }

  private notifyChildren (now: number, t: TopicState): void {
    if (t.children.size === 0) return
    const ack = this.ackFor(t, '')
    for (const c of t.children.keys()) this.ctx.out.send(now, c, c === t.delegate ? this.ackFor(t, c) : ack)
  }

  markReady (t: TopicState): void {
    if (t.subscribed && t.attached && !t.readySent && t.revoking === null) {
      t.readySent = true
      this.ctx.out.emit({ type: 'ready', topic: t.name })
    }
  }
}

