// Root replicas: a root keeps the r nodes closest to the topic key informed of its children
// (REPLICA with a rank); when the root dies, the replica of rank 0 takes over at once and rank
// k after k stagger delays unless a new root spoke first, adopting the dead root's children.
import { plausibleRoot } from './root-claims.ts'
import type { CoreContext } from './core-context.ts'
import type { Fanout } from './fanout.ts'
import { topicKey } from './id.ts'
import type { Membership } from './membership.ts'
import { sameRefs } from './routing-table.ts'
import type { PeerRef } from './routing-table.ts'
import type { TopicState } from './topic-state.ts'
import { MAX_REPLICA_CHILDREN } from './wire/limits.ts'
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
  /** A replica we held was dropped (its stash goes too). */
  onDropped: (topic: string) => void = () => {}
  /** The root we replicated is gone and another node holds (or will hold) the topic: pass the stash on. */
  onHandOn: (now: number, topic: string) => void = () => {}

  constructor (ctx: CoreContext, membership: Membership, fanout: Fanout) {
    this.ctx = ctx
    this.membership = membership
    this.fanout = fanout
  }

  get size (): number {
    return this.held.size
  }

  /**
   * As root, each tick: replicate when the children changed, or when the routing table changed
   * and with it the r closest nodes. Nothing is sent while neither changed: a root of many
   * topics would otherwise send r messages per topic every few seconds.
   */
  refresh (now: number, t: TopicState): void {
    const { table } = this.ctx
    if (t.replicaDirty) {
      this.replicate(now, t)
      return
    }
    if (t.replicaTableVersion === table.version) return
    t.replicaTableVersion = table.version
    const targets = this.targets(t)
    if (!sameRefs(targets, t.replicaTargets)) this.replicate(now, t, targets)
  }

  /**
   * As root: tell the r closest nodes our children and their rank. Unless the children changed,
   * only the targets that are new (or would now wait longer) hear from us; an old target still
   * in the table is told to drop its replica.
   */
  replicate (now: number, t: TopicState, targets = this.targets(t)): void {
    const { out, table } = this.ctx
    const all = t.replicaDirty
    t.replicaDirty = false
    t.replicaTableVersion = table.version
    for (const old of t.replicaTargets) {
      if (!targets.includes(old) && table.has(old)) out.replica(now, old, { topic: t.name, children: [], dropped: true, rank: 0, more: false })
    }
    const before = t.replicaTargets
    t.replicaTargets = targets
    let children: PeerRef[] | undefined
    targets.forEach((r, rank) => {
      // A target that held the replica at this rank or a worse one keeps it: a better rank
      // only makes it take over sooner, and it takes over at once anyway when it knows no
      // node closer to the key.
      if (!all) {
        const was = before.indexOf(r)
        if (was >= rank) return
      }
      children ??= [...t.children.keys()]
      // A list over the schema's bound goes in parts, each continuing the one before.
      for (let i = 0; i === 0 || i < children.length; i += MAX_REPLICA_CHILDREN) {
        out.replica(now, r, { topic: t.name, children: children.slice(i, i + MAX_REPLICA_CHILDREN), dropped: false, rank, more: i > 0 })
      }
    })
  }

  private targets (t: TopicState): PeerRef[] {
    return this.ctx.table.closest(t.key, this.ctx.options.replicas).map(c => c.ref)
  }

  onReplica (now: number, from: PeerRef, m: Extract<Msg, { type: 'replica' }>): void {
    for (const e of m.entries) {
      const held = this.held.get(e.topic)
      // Only from a plausible root (root-claims.ts), and bounded as the topics are.
      if (held?.root !== from && (plausibleRoot(this.ctx, from, e.topic, null) === 'no' || (held === undefined && this.held.size >= this.ctx.options.maxTopics))) continue
      if (e.dropped) {
        if (held?.root === from) {
          this.held.delete(e.topic)
          this.onDropped(e.topic)
        }
      } else if (e.more) {
        if (held?.root === from && held.takeoverAt === null) held.children.push(...e.children)
      } else {
        // A new root for the topic: what the old one stashed with us goes to it.
        if (held !== undefined && held.root !== from) this.onHandOn(now, e.topic)
        this.held.set(e.topic, { root: from, children: e.children, rank: e.rank, takeoverAt: null })
      }
    }
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
    if (t.isRoot) {
      this.onHandOn(now, topic) // we became root another way meanwhile: it goes down our tree
      return
    }
    if (t.parent !== null && t.parent !== rep.root) out.send(now, t.parent, { type: 'leave', topic })
    stats.rootTakeovers++
    for (const c of rep.children) {
      if (c === this.ctx.ref || c === rep.root || t.children.has(c)) continue
      this.membership.addChild(t, c)
      peers.touch(c, now)
      out.send(now, c, { type: 'joinAck', topic, attached: true, path: [this.ctx.ref], replaces: rep.root, delegate: false, withdraw: false })
    }
    if (!t.wanted) {
      this.ctx.topics.delete(topic)
      this.onHandOn(now, topic)
      return
    }
    this.membership.becomeRoot(now, t)
    this.replicate(now, t)
    this.fanout.enforce(now, t)
    // Adopting first loses no child; a closer node we know of then takes the tree.
    if (this.ctx.table.nextHop(t.key) !== undefined) this.membership.handover(now, t)
  }
}

