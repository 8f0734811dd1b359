// The periodic work of a core, every half heartbeat: failure detection (silent parents and
// replicated roots), publishes whose hop did not acknowledge, replica takeovers, JOINs to
// retry, children that stopped refreshing, root handovers and replication, then heartbeats.
import type { CoreContext } from './core-context.ts'
import type { Acks } from './acks.ts'
import type { CatchUp } from './catch-up.ts'
import type { Delegation } from './delegation.ts'
import { HeartbeatPlan } from './heartbeats.ts'
import type { MailboxService } from './mailbox-service.ts'
import type { Membership } from './membership.ts'
import type { PublishRouting } from './publish-routing.ts'
import type { QueueGroups } from './queue-groups.ts'
import type { Replicas } from './replicas.ts'
import type { PeerRef } from './routing-table.ts'
import { subtreeCount } from './topic-state.ts'
import type { TopicState } from './topic-state.ts'

export interface TickParts {
  membership: Membership
  delegation: Delegation
  routing: PublishRouting
  replicas: Replicas
  acks: Acks
  catchUp: CatchUp
  queueGroups: QueueGroups
  mail: MailboxService
  /** Fails a peer everywhere (the core's failure handling). */
  fail: (now: number, ref: PeerRef) => void
}

export function tick (ctx: CoreContext, parts: TickParts, now: number): void {
  const { membership, routing, replicas } = parts
  const o = ctx.options
  const plan = new HeartbeatPlan(ctx)
  // One pass over the topics gathers what needs acting on; actions follow, since they
  // change the topics. Watched peers: parents (and, below, the roots we replicate).
  let suspects: Set<PeerRef> | undefined
  let detached: TopicState[] | undefined
  let expired: Array<[TopicState, PeerRef]> | undefined
  let unattached: TopicState[] | undefined
  for (const t of ctx.topics.values()) {
    if (t.parent !== null) {
      if (t.joinTo === null && now - ctx.peers.heard(t.parent) > o.failureTimeoutMs) (suspects ??= new Set()).add(t.parent)
      else if (t.joinTo === null && !t.attached && now - t.joinSentAt >= o.joinTimeoutMs) (unattached ??= []).push(t)
      if (t.joinTo === null) plan.refreshParent(t.parent, t)
    } else if (!t.isRoot && t.wanted) {
      (detached ??= []).push(t)
    }
    for (const c of t.children.keys()) {
      if (now - ctx.peers.heard(c) > o.childTimeoutMs) (expired ??= []).push([t, c])
      else plan.watchedBy(c)
    }
  }
  replicas.suspects(now, ref => { (suspects ??= new Set()).add(ref) })
  if (suspects !== undefined) for (const p of suspects) parts.fail(now, p)
  routing.expire(now)
  routing.newTick()
  replicas.takeOverDue(now)
  parts.acks.tick(now)
  parts.queueGroups.tick(now)
  parts.mail.tick(now)
  parts.catchUp.tick(now)
  // A parent that answered but never said it reached the root: ask again (the answer is
  // soft state; it may have been lost).
  if (unattached !== undefined) {
    for (const t of unattached) {
      if (t.parent === null || t.attached || t.joinTo !== null || ctx.topics.get(t.name) !== t) continue
      membership.sendJoin(now, t, t.parent)
    }
  }
  // Detached trees retry their JOIN.
  if (detached !== undefined) {
    for (const t of detached) if (t.parent === null && !t.isRoot && t.wanted && ctx.topics.get(t.name) === t) membership.join(now, t)
  }
  // Children are soft state.
  if (expired !== undefined) {
    for (const [t, c] of expired) if (membership.removeChild(now, t, c)) membership.maybeLeave(t)
  }
  if (membership.rooted.size > 0) {
    // A root that knows a node closer to the key hands the tree over to it.
    for (const t of [...membership.rooted]) {
      if (ctx.table.nextHop(t.key) !== undefined) membership.handover(now, t)
    }
    // Root replicas: when the children or the closest nodes changed.
    for (const t of membership.rooted) {
      replicas.refresh(now, t)
      for (const r of t.replicaTargets) plan.watchedBy(r)
      informPublishers(now, ctx, plan, t, parts.delegation.via(t))
    }
  }
  // A delegate serves the publishers that send to it as a root would.
  for (const t of parts.delegation.delegated) informPublishers(now, ctx, plan, t, '')
  plan.send(now)
}

/**
 * Publishers hear where to publish (`via`) when they are new or it changed, and the subscriber
 * count when it changed; otherwise a liveness beat keeps them publishing here directly. A
 * publisher stays uninformed until a refresh to it actually went out.
 */
function informPublishers (now: number, ctx: CoreContext, plan: HeartbeatPlan, t: TopicState, via: PeerRef): void {
  for (const [p, at] of t.publishers) if (now - at > ctx.options.publisherTtlMs) t.publishers.delete(p)
  const total = subtreeCount(t)
  if (total !== t.reportedCount) {
    t.reportedCount = total
    for (const p of t.publishers.keys()) t.uninformed.add(p)
  }
  for (const p of t.publishers.keys()) {
    if (t.uninformed.has(p)) plan.reportToPublisher(p, t, total, via)
    else plan.watchedBy(p)
  }
}
