// Claims a peer makes about a topic's root, checked against what this node knows of the key
// space before it acts on them. A topic's root is the live node XOR-closest to the topic's
// key: a peer that says it is the root (RootInfo, a root's counts, a Replica) or that it
// replaces a dead root (JoinAck `replaces`) must at least be closer to the key than this node
// and than every other node this node knows. A node that cannot tell keeps routing by the key,
// which reaches the true root anyway; it only loses the shortcut. What this stops: any peer
// redirecting a node's publishes to itself, or taking over its trees, from anywhere in the key
// space. What it does not stop: a peer whose id is the closest known to the key (a node placed
// there on purpose: docs/security.md).
import type { CoreContext } from './core-context.ts'
import { compareDistance, topicKey } from './id.ts'
import type { PeerRef } from './routing-table.ts'

/**
 * Could `from` be the root of `topic`, `except` (a root it replaces) left aside? With `except`
 * null, only against this node's own distance: while nodes fail, the table may still list dead
 * nodes closer to the key, and a takeover must not wait for them to be noticed. 'unknown' when
 * `from` is not in the routing table (its id is not known here): the caller judges by other
 * signs (did we ask, is it our root already, did the old parent fall silent).
 */
export function plausibleRoot (ctx: CoreContext, from: PeerRef, topic: string, except?: PeerRef | null): 'yes' | 'no' | 'unknown' {
  const claimant = ctx.table.get(from)
  if (claimant === undefined) return 'unknown'
  const key = topicKey(topic)
  if (compareDistance(ctx.id, claimant.id, key) < 0) return 'no'
  if (except === null) return 'yes'
  for (const c of ctx.table.closest(key, 3)) {
    if (c.ref === from || c.ref === except) continue
    if (compareDistance(c.id, claimant.id, key) < 0) return 'no'
  }
  return 'yes'
}
