// The fan-out cap and SCRIBE's bottleneck remover: a node holding more child entries than
// maxChildren hands the farthest child of its busiest topic to one of that topic's other
// children (REDIRECT); the child then joins through the candidate closest to it.
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

  enforce (now: number): void {
    const cap = this.ctx.options.maxChildren
    let active = 0
    for (const t of this.ctx.topics.values()) for (const e of t.children.values()) if (!e.redirected) active++
    while (active > cap) {
      // The topic with the most children gives up its farthest child (highest round-trip time).
      let busiest: TopicState | undefined
      let most = 1
      for (const t of this.ctx.topics.values()) {
        let n = 0
        for (const e of t.children.values()) if (!e.redirected) n++
        if (n > most) { most = n; busiest = t }
      }
      if (busiest === undefined) return
      const active2 = [...busiest.children].filter(([, e]) => !e.redirected).map(([c]) => c)
      active2.sort((a, b) => this.rtt(a) - this.rtt(b))
      const orphan = active2[active2.length - 1]
      const candidates = active2.slice(0, Math.min(16, active2.length - 1))
      const entry = busiest.children.get(orphan)
      if (entry === undefined) return
      entry.redirected = true
      this.ctx.stats.redirects++
      this.ctx.out.send(now, orphan, { type: 'redirect', topic: busiest.name, candidates })
      active--
    }
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
