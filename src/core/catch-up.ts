// Late joiners and returning subscribers: subscribe(topic, { since }) asks the topic's root,
// once attached, for the messages it retained (a root keeps every topic's recent messages,
// replay-buffer.ts): from a sequence number, from a wall-clock time, or the last N. The root
// answers with REPLAY messages and a final SINCE marked done; until then (or the request's
// timeout) the subscriber holds what arrives live, and then delivers both in order, per
// publisher, with nothing twice at the seam (delivery-order.ts). Such a subscription is
// reliable, so a hole at the seam is asked for like any other gap.
import type { CoreContext } from './core-context.ts'
import type { DeliveryOrder } from './delivery-order.ts'
import type { PeerRef } from './routing-table.ts'
import type { TopicState } from './topic-state.ts'
import type { AppMessage, Msg } from './wire/types.ts'

type Since = Extract<Msg, { type: 'since' }>

export class CatchUp {
  private readonly ctx: CoreContext
  private readonly order: DeliveryOrder
  /** Wall-clock ms at core time 0 (the node's start); 0 in the simulator. */
  private readonly wallOffset: number
  /** Subscriptions whose request went out and is not answered yet. */
  private readonly waiting = new Set<TopicState>()

  constructor (ctx: CoreContext, order: DeliveryOrder, wallOffset: number) {
    this.ctx = ctx
    this.order = order
    this.wallOffset = wallOffset
  }

  /** After an input: a subscription that waits to catch up and is now attached asks the root. */
  maybeRequest (now: number, t: TopicState): void {
    const spec = t.since
    if (spec === null || !t.subscribed || !t.attached) return
    t.since = null
    t.sinceLast = spec.last
    const o = this.ctx.options
    t.sinceUntil = now + o.reliableWaitMs * o.reliableAttempts
    this.waiting.add(t)
    if (t.isRoot) {
      for (const m of this.retained(t, spec.seq, spec.time, spec.last)) { this.replayed(t, m); this.order.deliver(now, t, m) }
      // Our delegate (or former one) took the publishes meanwhile: it answers the rest.
      const delegate = t.delegate ?? t.revoking ?? t.formerDelegate
      if (delegate !== null) this.ctx.out.send(now, delegate, { type: 'since', topic: t.name, seq: spec.seq, time: spec.time, last: spec.last, done: false, requester: this.ctx.ref })
      else this.done(now, t)
      return
    }
    const root = t.path[t.path.length - 1]
    if (root === undefined) return
    this.ctx.out.send(now, root, { type: 'since', topic: t.name, seq: spec.seq, time: spec.time, last: spec.last, done: false, requester: '' })
  }

  onSince (now: number, from: PeerRef, m: Since): void {
    const t = this.ctx.topics.get(m.topic)
    if (m.done) {
      if (t !== undefined && t.sinceUntil !== 0) this.done(now, t)
      return
    }
    const to = m.requester === '' ? from : m.requester
    const found = t === undefined ? [] : this.retained(t, m.seq, m.time, m.last)
    for (const message of found) this.ctx.out.send(now, to, { type: 'replay', message })
    this.ctx.stats.replaysSent += found.length
    // A root that delegated its data lately: the former delegate kept what the publishers sent
    // it then (this root got nothing meanwhile). It answers for that time too, and ends the
    // catch-up; the requester keeps each publisher's `last` newest of both answers.
    // (The delegation may still be in force, or being withdrawn, when the request comes.)
    const delegate = t?.isRoot === true && m.requester === '' ? t.delegate ?? t.revoking ?? t.formerDelegate : null
    const former = delegate !== to ? delegate : null
    if (former !== null) this.ctx.out.send(now, former, { ...m, requester: to })
    else this.ctx.out.send(now, to, { ...m, done: true, requester: '' })
  }

  /** A replayed message while catching up: straight to the local delivery (the node may have seen it forwarding). */
  onReplay (now: number, t: TopicState, m: AppMessage): boolean {
    if (t.sinceUntil === 0 || !t.subscribed) return false
    this.replayed(t, m)
    this.order.deliver(now, t, m)
    return true
  }

  private replayed (t: TopicState, m: AppMessage): void {
    if (t.sinceLast === 0) return
    t.sinceReplayed ??= new Map()
    const seqs = t.sinceReplayed.get(m.publisher)
    if (seqs === undefined) t.sinceReplayed.set(m.publisher, new Set([m.seq]))
    else if (seqs.size < 4 * this.ctx.options.replayBufferMessages) seqs.add(m.seq)
  }

  /** Catching up that never completed: deliver what arrived. */
  tick (now: number): void {
    for (const t of [...this.waiting]) {
      if (this.ctx.topics.get(t.name) !== t || t.sinceUntil === 0) this.waiting.delete(t)
      else if (now >= t.sinceUntil) this.done(now, t)
    }
  }

  private done (now: number, t: TopicState): void {
    this.waiting.delete(t)
    t.sinceUntil = 0
    this.order.caughtUp(now, t)
    this.ctx.out.emit({ type: 'caught-up', topic: t.name })
  }

  private retained (t: TopicState, seq: number, time: number, last: number): AppMessage[] {
    if (t.buffer === null) return []
    return t.buffer.since(seq, time > 0 ? time - this.wallOffset : -Infinity, last)
  }
}
