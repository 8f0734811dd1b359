// No loss while a tree repairs, for reliable subscriptions: nodes on the path of a reliable
// subscription keep the topic's recent messages (replay-buffer.ts), and a subscriber that sees
// a gap in a publisher's numbers, or any node of such a path that hangs below a new parent
// after a repair, asks its parent for what it missed (NACK). The parent resends what it has
// straight to the requester (REPLAY) and passes the rest of the request to its own parent, up
// to the root. A resent message enters the requester's tree like any other: de-duplicated,
// delivered in order, passed to its children.
import type { CatchUp } from './catch-up.ts'
import type { CoreContext } from './core-context.ts'
import type { Dissemination } from './dissemination.ts'
import { ReplayBuffer } from './replay-buffer.ts'
import type { PeerRef } from './routing-table.ts'
import { wantsReliable } from './topic-state.ts'
import type { TopicState } from './topic-state.ts'
import type { AppMessage, Msg } from './wire/types.ts'

type Nack = Extract<Msg, { type: 'nack' }>

export class Recovery {
  private readonly ctx: CoreContext
  private dissemination!: Dissemination

  constructor (ctx: CoreContext) {
    this.ctx = ctx
  }

  private catchUp: CatchUp | undefined

  /** Set once both exist (dissemination keeps through us, we resend through it). */
  bind (dissemination: Dissemination, catchUp: CatchUp): void {
    this.dissemination = dissemination
    this.catchUp = catchUp
  }

  /**
   * A new message passed through t: kept while a reliable subscription is, or lately was,
   * below; an acknowledged publish always (the root set answers for it, and it may be asked for).
   */
  keep (now: number, t: TopicState, m: AppMessage): void {
    // Roots (and delegates, the data top of their trees) keep every topic's recent messages:
    // late joiners ask for them (catch-up.ts).
    if (m.ack !== true && !t.isRoot && !t.delegated && !wantsReliable(t) && now > t.reliableUntil) {
      if (t.buffer !== null) {
        t.buffer.trim(now)
        if (t.buffer.size === 0) t.buffer = null
      }
      return
    }
    (t.buffer ??= new ReplayBuffer(this.ctx.options)).push(now, m)
  }

  /** The last reliable subscription below t went: keep the buffer a while (it may come back). */
  linger (now: number, t: TopicState): void {
    if (!wantsReliable(t)) t.reliableUntil = now + this.ctx.options.replayBufferAgeMs
  }

  /**
   * Asks the parent for publisher's messages numbered from..to (to 0: everything after from);
   * with maxAge, only those kept within the last maxAge ms.
   */
  request (now: number, t: TopicState, publisher: PeerRef, epoch: number, from: number, to: number, maxAge = 0): void {
    if (t.isRoot || t.parent === null || t.joinTo !== null) return // nothing above to ask (yet)
    this.ctx.stats.nacksSent++
    this.ctx.out.send(now, t.parent, { type: 'nack', topic: t.name, publisher, epoch, from, to, requester: this.ctx.ref, maxAge })
  }

  /** After a repair we hang below a new parent: ask for what came after what we have, per publisher. */
  reattached (now: number, t: TopicState): void {
    if (!wantsReliable(t)) return
    for (const [publisher, w] of t.dedup) this.request(now, t, publisher, w.epoch, w.max + 1, 0)
    // Publishers we have not heard of may have begun while we were cut off: everything kept
    // since shortly before we lost the tree (durations compare across clocks; times do not).
    if (t.isRoot || t.parent === null || t.joinTo !== null) return
    // A node new to the tree that forwards for reliable children asks for what came since it
    // was asked to join (its children's own requests may have reached it before it could pass
    // them on); a new subscription of its own wants no history.
    const since = t.detachedAt !== 0 ? t.detachedAt : !t.subscribed ? t.createdAt : undefined
    if (since === undefined) return
    const maxAge = now - since + this.ctx.options.failureTimeoutMs
    if (t.subscribed) t.recoveringUntil = now + this.ctx.options.reliableWaitMs
    this.ctx.stats.nacksSent++
    this.ctx.out.send(now, t.parent, { type: 'nack', topic: t.name, publisher: '', epoch: 0, from: 0, to: 0, requester: this.ctx.ref, maxAge })
  }

  onNack (now: number, from: PeerRef, n: Nack): void {
    const t = this.ctx.topics.get(n.topic)
    if (t === undefined) return
    if (n.publisher === '') {
      // Every publisher: what we kept within the age asked; the root set may have more.
      const kept = t.buffer?.since(0, now - n.maxAge, 0) ?? []
      for (const m of kept) this.ctx.out.send(now, n.requester, { type: 'replay', message: m })
      this.ctx.stats.replaysSent += kept.length
      if (!t.isRoot && t.parent !== null && t.parent !== from && t.joinTo === null) {
        this.ctx.stats.nacksForwarded++
        this.ctx.out.send(now, t.parent, n)
      }
      return
    }
    const have = t.buffer?.find(n.publisher, n.epoch, n.from, n.to, n.maxAge > 0 ? now - n.maxAge : -Infinity) ?? []
    for (const m of have) this.ctx.out.send(now, n.requester, { type: 'replay', message: m })
    this.ctx.stats.replaysSent += have.length
    // The first number of the range we do not have: ask above from there. An open request
    // (to 0, after a repair) always goes on to the root: a node above may know of later
    // messages than we do (we may have joined the tree just now).
    let first = n.from
    for (const s of have.map(m => m.seq).sort((a, b) => a - b)) {
      if (s === first) first++
      else if (s > first) break
    }
    if ((n.to !== 0 && first > n.to) || t.isRoot || t.parent === null || t.parent === from || t.joinTo !== null) return
    this.ctx.stats.nacksForwarded++
    this.ctx.out.send(now, t.parent, { ...n, from: first })
  }

  onReplay (now: number, from: PeerRef, m: AppMessage): void {
    const t = this.ctx.topics.get(m.topic)
    if (t === undefined) return
    this.ctx.stats.replaysReceived++
    if (this.catchUp?.onReplay(now, t, m) === true) return
    this.dissemination.disseminate(now, t, m, null)
  }
}
