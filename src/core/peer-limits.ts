// Bounds on the tree state peers make a node hold (issue 14, item 4). A JOIN, or a refresh
// for a topic the sender is not a child in, makes the sender a child and may create the topic
// here (and a JOIN of ours toward its root). A peer may be a child in at most
// maxTopicsPerPeer topics of this node, and a node creates topics for peers only while it
// holds fewer than maxTopics in all; over either bound the JOIN is dropped and counted
// (`joinsRefused`). A peer refused MISBEHAVING_AFTER times is reported ('peer-misbehaving'
// event, `peersReported`): the node disconnects it for a while. So a peer that sends 100,000
// JOINs for random names leaves at most maxTopicsPerPeer topics here, and the node's other
// trees keep working.
import type { CoreContext } from './core-context.ts'
import type { PeerRef } from './routing-table.ts'

/** Refusals after which a peer is reported, and again after each as many more. */
export const MISBEHAVING_AFTER = 1000
/** Peers whose refusals are counted at once (beyond it the counts start over). */
const MAX_COUNTED_PEERS = 10_000

export class PeerLimits {
  private readonly ctx: CoreContext
  /** Topics in which each peer is our child. */
  private readonly childTopics = new Map<PeerRef, number>()
  private readonly refusals = new Map<PeerRef, number>()

  constructor (ctx: CoreContext) {
    this.ctx = ctx
  }

  /** May `from` become our child in a topic (that `exists` here already, or not)? */
  admit (from: PeerRef, exists: boolean): boolean {
    const { maxTopics, maxTopicsPerPeer } = this.ctx.options
    if ((this.childTopics.get(from) ?? 0) < maxTopicsPerPeer && (exists || this.ctx.topics.size < maxTopics)) return true
    this.ctx.stats.joinsRefused++
    if (this.refusals.size >= MAX_COUNTED_PEERS && !this.refusals.has(from)) this.refusals.clear()
    const n = (this.refusals.get(from) ?? 0) + 1
    this.refusals.set(from, n)
    if (n % MISBEHAVING_AFTER === 0) {
      this.ctx.stats.peersReported++
      this.ctx.out.emit({ type: 'peer-misbehaving', peer: from, reason: `over ${maxTopicsPerPeer} topics per peer or ${maxTopics} in all` })
    }
    return false
  }

  added (child: PeerRef): void {
    this.childTopics.set(child, (this.childTopics.get(child) ?? 0) + 1)
  }

  removed (child: PeerRef): void {
    const n = (this.childTopics.get(child) ?? 0) - 1
    if (n <= 0) this.childTopics.delete(child)
    else this.childTopics.set(child, n)
  }

  /** A peer failed: its refusals are forgotten (its child entries go one by one). */
  forget (peer: PeerRef): void {
    this.refusals.delete(peer)
  }
}
