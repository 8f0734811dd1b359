// The fan-out cap and SCRIBE's bottleneck remover, per topic: a node with more than
// maxChildren children in one topic's tree hands the farthest of them to one of their siblings
// (REDIRECT); the child then joins through the candidate closest to it. The cap is per topic,
// not per node (docs/decisions.md): a node with one child in each of many trees cannot shed any
// (a redirect needs a sibling), and what a message costs a node is its children in that topic.
// The same REDIRECT collapses chains of forwarders that have one child and no subscription.
import type { CoreContext } from './core-context.ts'
import type { Membership } from './membership.ts'
import type { PeerRef } from './routing-table.ts'
import type { TopicState } from './topic-state.ts'

export class Fanout {
  private readonly ctx: CoreContext
  private readonly membership: Membership

  constructor (ctx: CoreContext, membership: Membership) {
    this.ctx = ctx
    this.membership = membership
  }

  /**
   * After t gained children: while t has more active children than the cap, its farthest one
   * (highest round-trip time) is handed to the nearest of its siblings.
   */
  enforce (now: number, t: TopicState): void {
    const cap = this.ctx.options.maxChildren
    if (t.children.size <= cap) return
    const active: PeerRef[] = []
    for (const [c, e] of t.children) if (!e.redirected) active.push(c)
    if (active.length <= cap) return
    active.sort((a, b) => this.rtt(a) - this.rtt(b))
    while (active.length > cap) {
      const orphan = active.pop() as PeerRef
      const candidates = active.slice(0, Math.min(16, active.length))
      const entry = t.children.get(orphan)
      if (entry === undefined) return
      entry.redirected = true
      this.ctx.stats.redirects++
      this.ctx.out.send(now, orphan, { type: 'redirect', topic: t.name, candidates })
    }
  }

  /**
   * Collapses a forwarder chain (SCRIBE's evaluation suggests it): a node in t only to forward
   * to one child hands that child to its own parent; once the child joined there, it leaves us
   * and we leave the tree. The child entry is marked so the hand-over is asked once.
   */
  collapse (now: number, t: TopicState): void {
    if (t.subscribed || t.isRoot || !t.attached || t.parent === null || t.joinTo !== null || t.children.size !== 1) return
    const [[child, entry]] = t.children
    if (entry.redirected || child === t.parent) return
    entry.redirected = true
    this.ctx.stats.collapses++
    this.ctx.out.send(now, child, { type: 'redirect', topic: t.name, candidates: [t.parent] })
  }

  /** Our parent hands us to one of its other children: join the one we measure closest. */
  onRedirect (now: number, from: PeerRef, topic: string, candidates: PeerRef[]): void {
    const t = this.ctx.topics.get(topic)
    if (t === undefined || t.parent !== from || t.joinTo !== null) return
    let best: PeerRef | undefined
    let bestRtt = Infinity
    for (const c of candidates) {
      if (c === this.ctx.ref || c === from || t.children.has(c)) continue
      const r = this.rtt(c) + this.ctx.rng.next() * 1e-6
      if (best === undefined || r < bestRtt) { best = c; bestRtt = r }
    }
    if (best === undefined) return
    t.leaveOnAck = from
    t.parent = best
    this.ctx.peers.touch(best, now)
    this.membership.sendJoin(now, t, best)
  }

  private rtt (ref: PeerRef): number {
    return this.ctx.table.get(ref)?.rtt ?? Infinity
  }
}
