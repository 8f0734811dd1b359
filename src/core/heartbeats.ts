// Heartbeat planning for one tick: one message per neighbour for all topics. Parents get a
// refresh (our topics below them, with subscriber counts) every refresh interval (a changed
// count travels up with the next one: sending it at once cost a message per parent per change,
// most of the heartbeat traffic with thousands of topics); children, replicas and direct publishers get a liveness beat every
// heartbeat interval unless other traffic went to them lately. Roots add subscriber counts for
// their direct publishers.
import type { CoreContext } from './core-context.ts'
import type { PeerRef } from './routing-table.ts'
import { subtreeCount } from './topic-state.ts'
import type { TopicState } from './topic-state.ts'
import type { Outputs } from './outputs.ts'
import { MAX_HEARTBEAT_TOPICS } from './wire/limits.ts'
import type { Msg, TopicCount } from './wire/types.ts'

const HEARTBEAT: Msg = Object.freeze({ type: 'heartbeat', topics: [], counts: [], roots: [] })

interface Refresh {
  topics: string[]
  counts: number[]
  roots: TopicCount[]
  /** Topics whose root (us) tells this publisher about them in this refresh. */
  informs: TopicState[]
}

export class HeartbeatPlan {
  private readonly ctx: CoreContext
  /** Peers that watch us (children, replicas, direct publishers): a beat every heartbeat interval. */
  private readonly fast = new Set<PeerRef>()
  private readonly refresh = new Map<PeerRef, Refresh>()

  constructor (ctx: CoreContext) {
    this.ctx = ctx
  }

  /** We are a child in t: the parent hears t (and our subtree's count) with our refresh. */
  refreshParent (parent: PeerRef, t: TopicState): void {
    const r = this.refresh.get(parent)
    if (r === undefined) this.refresh.set(parent, { topics: [t.name], counts: [subtreeCount(t)], roots: [], informs: [] })
    else { r.topics.push(t.name); r.counts.push(subtreeCount(t)) }
  }

  /**
   * As root, a publisher hears the topic's subscriber count with the refreshes; a new one learns
   * that way where the root is, and that its routed publish arrived.
   */
  reportToPublisher (publisher: PeerRef, t: TopicState, subscribers: number, via: PeerRef): void {
    const entry = { topic: t.name, subscribers, via: via === publisher ? '' : via, queues: t.direct ?? [] }
    const r = this.refresh.get(publisher)
    if (r === undefined) this.refresh.set(publisher, { topics: [], counts: [], roots: [entry], informs: [t] })
    else { r.roots.push(entry); r.informs.push(t) }
    this.fast.add(publisher)
  }

  watchedBy (peer: PeerRef): void {
    this.fast.add(peer)
  }

  /** One heartbeat per neighbour; a liveness beat is skipped when other traffic went there lately, a refresh is not. */
  send (now: number): void {
    const { out, peers, options: o } = this.ctx
    for (const [p, r] of this.refresh) {
      const rec = peers.record(p)
      if (rec !== undefined && now - rec.lastRefresh < o.refreshIntervalMs) continue
      sendSplit(now, out, p, r)
      for (const t of r.informs) t.uninformed.delete(p)
      if (rec !== undefined) rec.lastRefresh = now
      this.fast.delete(p)
    }
    for (const p of this.fast) {
      if (now - peers.lastSent(p) >= o.heartbeatIntervalMs) out.send(now, p, HEARTBEAT)
    }
  }
}

/** One refresh as HEARTBEAT messages of at most MAX_HEARTBEAT_TOPICS topics and roots each. */
function sendSplit (now: number, out: Outputs, to: PeerRef, r: Refresh): void {
  const n = Math.max(r.topics.length, r.roots.length)
  if (n <= MAX_HEARTBEAT_TOPICS) {
    out.send(now, to, { type: 'heartbeat', topics: r.topics, counts: r.counts, roots: r.roots })
    return
  }
  for (let i = 0; i < n; i += MAX_HEARTBEAT_TOPICS) {
    const end = i + MAX_HEARTBEAT_TOPICS
    out.send(now, to, { type: 'heartbeat', topics: r.topics.slice(i, end), counts: r.counts.slice(i, end), roots: r.roots.slice(i, end) })
  }
}
