// Root replicas: a root keeps the r nodes closest to the topic key informed of its children
// (REPLICA with a rank); when the root dies, the replica of rank 0 takes over at once and rank
// k after k stagger delays unless a new root spoke first, adopting the dead root's children.
import type { CoreContext } from './core-context.ts'
import type { Fanout } from './fanout.ts'
import { topicKey } from './id.ts'
import type { Membership } from './membership.ts'
import type { PeerRef } from './routing-table.ts'
import type { TopicState } from './topic-state.ts'
import type { Msg } from './wire/types.ts'

interface ReplicaRecord {
  root: PeerRef
  children: PeerRef[]
  rank: number
  /** Set once the root is known dead: when this replica takes over unless a new root speaks first. */
  takeoverAt: number | null
}

export class Replicas {
  private readonly ctx: CoreContext
  private readonly membership: Membership
  private readonly fanout: Fanout
  /** The roots we replicate, by topic. */
  private readonly held = new Map<string, ReplicaRecord>()

  constructor (ctx: CoreContext, membership: Membership, fanout: Fanout) {
    this.ctx = ctx
    this.membership = membership
    this.fanout = fanout
  }

  get size (): number {
    return this.held.size
  }

  /** As root: tell the r closest nodes our children (and the ones no longer closest to drop theirs). */
  replicate (now: number, t: TopicState): void {
    const { out } = this.ctx
    t.replicaDirty = false
    const targets = this.ctx.table.closest(t.key, this.ctx.options.replicas).map(c => c.ref)
    for (const old of t.replicaTargets) {
      if (!targets.includes(old)) out.send(now, old, { type: 'replica', topic: t.name, children: [], dropped: true, rank: 0 })
    }
    t.replicaTargets = targets
    const children = [...t.children.keys()]
    targets.forEach((r, rank) => out.send(now, r, { type: 'replica', topic: t.name, children, dropped: false, rank }))
  }

  onReplica (from: PeerRef, m: Extract<Msg, { type: 'replica' }>): void {
    if (m.dropped) {
      if (this.held.get(m.topic)?.root === from) this.held.delete(m.topic)
      return
    }
    this.held.set(m.topic, { root: from, children: m.children, rank: m.rank, takeoverAt: null })
  }

  /** Roots we replicate that have been silent too long (the caller fails them). */
  suspects (now: number, add: (ref: PeerRef) => void): void {
    for (const rep of this.held.values()) {
      if (rep.takeoverAt === null && now - this.ctx.peers.heard(rep.root) > this.ctx.options.failureTimeoutMs) add(rep.root)
    }
  }

  /** A peer failed: where it was a root we replicate, take over now or after our rank's delay. */
  onPeerFailed (now: number, ref: PeerRef): void {
    for (const [topic, rep] of [...this.held]) {
      if (rep.root !== ref || rep.takeoverAt !== null) continue
      // Rank 0, or whoever knows no closer node, takes over at once; rank k waits k delays.
      if (rep.rank === 0 || this.ctx.table.nextHop(topicKey(topic)) === undefined) this.takeover(now, topic, rep)
      else rep.takeoverAt = now + rep.rank * this.ctx.options.takeoverStaggerMs
    }
  }

  /** Takeovers whose stagger delay has passed. */
  takeOverDue (now: number): void {
    if (this.held.size === 0) return
    for (const [topic, rep] of [...this.held]) {
      if (rep.takeoverAt !== null && now >= rep.takeoverAt) this.takeover(now, topic, rep)
    }
  }

  /** The root we replicate died and no new root spoke up: take over and adopt its children. */
  private takeover (now: number, topic: string, rep: ReplicaRecord): void {
    const { out, peers, stats } = this.ctx
    this.held.delete(topic)
    const t = this.membership.topicOrCreate(topic, now)
    if (t.isRoot) return
    if (t.parent !== null && t.parent !== rep.root) out.send(now, t.parent, { type: 'leave', topic })
    stats.rootTakeovers++
    for (const c of rep.children) {
      if (c === this.ctx.ref || c === rep.root || t.children.has(c)) continue
      this.membership.addChild(t, c)
      peers.touch(c, now)
      out.send(now, c, { type: 'joinAck', topic, attached: true, path: [this.ctx.ref], replaces: rep.root })
    }
    if (!t.wanted) {
      this.ctx.topics.delete(topic)
      return
    }
    this.membership.becomeRoot(now, t)
    this.replicate(now, t)
    this.fanout.enforce(now)
    // Adopting first loses no child; a closer node we know of then takes the tree.
    if (this.ctx.table.nextHop(t.key) !== undefined) this.membership.handover(now, t)
  }
}
