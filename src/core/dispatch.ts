// A message from a peer, to the part of the core that handles it.
import type { CoreContext } from './core-context.ts'
import type { Dissemination } from './dissemination.ts'
import type { Fanout } from './fanout.ts'
import type { Recovery } from './recovery.ts'
import type { PeerRef } from './routing-table.ts'
import type { TickParts } from './tick.ts'
import type { Msg } from './wire/types.ts'

/** The parts of one core (tick.ts's and those only messages reach). */
export interface CoreParts extends TickParts {
  dissemination: Dissemination
  fanout: Fanout
  recovery: Recovery
  /** This node's publishing session. */
  epoch: () => number
}

export function dispatch (ctx: CoreContext, p: CoreParts, now: number, from: PeerRef, msg: Msg): void {
  const verdict = ctx.guard?.admit(now, from, msg) ?? 'admit'
  if (verdict !== 'admit') {
    if (verdict === 'refuse') ctx.stats.refused++
    return
  }
  switch (msg.type) {
    case 'join': p.membership.onJoin(now, from, msg.topic, msg.subscribers, msg.reliable); break
    case 'joinAck': p.membership.onJoinAck(now, from, msg); break
    case 'leave': p.membership.onLeave(now, from, msg.topic); break
    case 'publish': p.routing.onPublish(now, from, msg.message, msg.direct); break
    case 'data': p.dissemination.onData(now, from, msg.message); break
    case 'heartbeat':
      for (let i = 0; i < msg.topics.length; i++) p.membership.onRefresh(now, from, msg.topics[i], msg.counts[i] ?? 0)
      p.routing.onRootCounts(from, msg.roots)
      break
    case 'replica': p.replicas.onReplica(now, from, msg); break
    case 'redirect': p.fanout.onRedirect(now, from, msg.topic, msg.candidates); break
    case 'rootInfo': p.routing.onRootInfo(from, msg.topic, msg.subscribers); break
    case 'routeAck': p.routing.onRouteAck(from, msg.publisher, msg.topic, msg.seq); break
    case 'nack': p.recovery.onNack(now, from, msg); break
    case 'replay': p.recovery.onReplay(now, from, msg.message); break
    case 'stash': p.acks.onStash(now, msg.message); break
    case 'since': p.catchUp.onSince(now, from, msg); break
    case 'publishAck': p.acks.onPublishAck(msg.topic, msg.publisher, msg.epoch, msg.seq, p.epoch()); break
    case 'queueJoin': p.queueGroups.onQueueJoin(now, from, msg); break
    case 'queueDeliver': p.queueGroups.onQueueDeliver(now, from, msg); break
    case 'queueAck': p.queueGroups.acks.onQueueAck(now, from, msg); break
    case 'reply': ctx.out.emit({ type: 'reply', from, topic: msg.topic, request: msg.request, payload: msg.payload, headers: msg.headers }); break
    case 'grants': break // access control, a guard's (none here: an open mesh)
    default: p.mail.handle(now, from, msg)
  }
}
