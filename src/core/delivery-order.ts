// Per-publisher order at the subscriber: the application sees each publisher's messages of a
// topic in sequence order, each once. Forwarders pass messages on as they arrive (a late
// message still helps the subtree); only delivery to the local application waits.
//
// A message ahead of the next expected number is held until the numbers before it arrive or
// reorderWaitMs passes; then the missing numbers are reported as a gap (an event with the
// count, never silent) and the held messages go out in order. A message behind the next
// expected number came after its gap was reported: it is dropped and counted (`late`). A
// publisher's session is its epoch, which grows across restarts (the node uses its start time):
// a higher epoch starts a new sequence, a lower one is an old session's straggler and is dropped
// (`stale`). A stream that starts mid-way (we subscribed after the publisher started) waits
// for lower numbers once, then starts at the lowest it has, with no gap reported.
// A reliable subscription asks its parent for the missing numbers as soon as it holds a message
// (recovery.ts), and again every reliableWaitMs, up to reliableAttempts times, before the gap.
import type { CoreContext } from './core-context.ts'
import { MinHeap } from './min-heap.ts'
import type { Recovery } from './recovery.ts'
import type { PeerRef } from './routing-table.ts'
import type { TopicState } from './topic-state.ts'
import type { AppMessage } from './wire/types.ts'

/** One publisher's sequence as this subscriber delivers it. */
export interface OrderStream {
  epoch: number
  /** The next sequence number to deliver; 0 until the first delivery. */
  next: number
  /** Messages ahead of `next`, by sequence number. */
  readonly held: Map<number, AppMessage>
  /** When the current wait for a missing number ends (Infinity: nothing held). */
  deadline: number
  /** Requests sent for the current gap (reliable subscriptions). */
  asked: number
  /** A reliable stream that started mid-way: the number of the first message that came (0: none). */
  first: number
}

/** Missing ranges a reliable subscription asks for at once, per publisher. */
const MAX_RANGES_ASKED = 16

interface Due {
  at: number
  t: TopicState
  publisher: PeerRef
  s: OrderStream
}

export class DeliveryOrder {
  private readonly ctx: CoreContext
  private readonly recovery: Recovery
  private readonly deadlines = new MinHeap<Due>((a, b) => a.at < b.at)
  /** Every message delivered to the local subscription (mailboxes keep theirs). */
  delivered: (m: AppMessage) => void = () => {}

  constructor (ctx: CoreContext, recovery: Recovery) {
    this.ctx = ctx
    this.recovery = recovery
  }

  /** A new message (de-duplicated) for the local subscription of t. */
  deliver (now: number, t: TopicState, m: AppMessage): void {
    let s = t.streams.get(m.publisher)
    if (s === undefined || m.epoch > s.epoch) {
      if (s !== undefined) this.release(t, m.publisher, s) // the old session's remainder, in order
      else if (t.streams.size >= this.ctx.options.maxPublishersPerTopic) {
        const [oldest, o] = t.streams.entries().next().value as [PeerRef, OrderStream]
        this.release(t, oldest, o)
        t.streams.delete(oldest)
      }
      s = { epoch: m.epoch, next: 0, held: new Map(), deadline: Infinity, asked: 0, first: 0 }
      t.streams.set(m.publisher, s)
    } else if (m.epoch < s.epoch) {
      this.ctx.stats.stale++
      return
    }
    if (t.sinceUntil !== 0) {
      // Catching up (catch-up.ts): everything waits for the root's answer, then goes in order.
      if (!(s.next !== 0 && m.seq < s.next)) s.held.set(m.seq, m)
      return
    }
    // A stream's first number: nothing can come before it. A reliable subscription asks for
    // the lower numbers kept since it subscribed (one may have been lost on the way, or be
    // resent after a repair) and waits for them; a best-effort one starts at the first message's
    // floor (its publisher still waits for the acknowledgement of the numbers from there on).
    if (s.next === 0 && m.seq === 1) s.next = 1
    else if (s.next === 0 && t.reliable) {
      if (s.asked === 0) {
        s.asked = 1
        s.first = m.seq
        this.recovery.request(now, t, m.publisher, m.epoch, 1, m.seq - 1, Math.max(1, now - t.subscribedAt))
      }
    } else if (s.next === 0 && m.floor !== undefined && m.floor >= 1 && m.floor < m.seq) s.next = m.floor
    if (s.next !== 0 && m.seq < s.next) {
      this.ctx.stats.late++
      return
    }
    if (m.seq === s.next) {
      this.emit(m)
      s.next++
      this.drainConsecutive(s)
      s.asked = 0
      if (s.held.size === 0) s.deadline = Infinity
      else if (t.reliable) this.wait(now, t, m.publisher, s) // the next missing one: ask at once
      return
    }
    // Ahead of the next number (or the first of a stream that starts mid-way): hold it.
    if (s.held.has(m.seq)) return
    s.held.set(m.seq, m)
    if (s.held.size > this.ctx.options.reorderMaxHeld) {
      // Too much waits behind one missing number: give up on it now.
      this.skip(t, m.publisher, s)
      return
    }
    if (s.deadline === Infinity) this.wait(now, t, m.publisher, s)
  }

  /** The earliest time a held message must go out (Infinity: none held). */
  next (): number {
    this.dropStale()
    return this.deadlines.peek()?.at ?? Infinity
  }

  /** Waits that ended by now: report the gap and deliver what is held, in order. */
  takeDue (now: number): void {
    for (;;) {
      this.dropStale()
      const top = this.deadlines.peek()
      if (top === undefined || top.at > now) return
      this.deadlines.pop()
      const { t, publisher, s } = top
      s.deadline = Infinity
      if (s.next === 0 && s.first !== 0) this.trimStart(s)
      if (t.reliable && s.next !== 0 && s.asked < this.ctx.options.reliableAttempts) {
        this.wait(now, t, publisher, s) // asks again (the parent may have changed meanwhile)
        continue
      }
      this.skip(t, publisher, s)
      if (s.held.size > 0) this.wait(now, t, publisher, s)
    }
  }

  /** Catching up ended: each publisher's stream starts at the lowest number held, in order. */
  caughtUp (now: number, t: TopicState): void {
    const last = t.sinceLast
    const replayed = t.sinceReplayed
    t.sinceLast = 0
    t.sinceReplayed = null
    for (const [publisher, s] of t.streams) {
      if (s.held.size === 0) continue
      if (last > 0 && replayed !== null) {
        // Two holders may both have answered (a root and its former delegate): of the replayed
        // ones, each publisher's `last` newest stay; what came live stays too.
        const seqs = [...(replayed.get(publisher) ?? [])].sort((a, b) => b - a)
        for (const seq of seqs.slice(last)) s.held.delete(seq)
      }
      this.skip(t, publisher, s)
      if (s.held.size > 0) this.wait(now, t, publisher, s)
    }
  }

  /**
   * A reliable stream that started mid-way begins with the numbers just below its first message
   * that came since (asked for, or resent): older ones behind a hole were published before we
   * subscribed (a publisher's late retries) and are dropped, counted as late.
   */
  private trimStart (s: OrderStream): void {
    let start = s.first
    while (s.held.has(start - 1)) start--
    for (const seq of [...s.held.keys()]) {
      if (seq >= start) continue
      s.held.delete(seq)
      this.ctx.stats.late++
    }
  }

  /** Delivers from the lowest held number on, reporting the numbers skipped to reach it. */
  private skip (t: TopicState, publisher: PeerRef, s: OrderStream): void {
    let lowest = Infinity
    for (const seq of s.held.keys()) if (seq < lowest) lowest = seq
    if (lowest === Infinity) return
    if (s.next !== 0 && lowest > s.next) this.gap(t, publisher, lowest - s.next)
    s.next = lowest
    s.asked = 0
    this.drainConsecutive(s)
    if (s.held.size === 0) s.deadline = Infinity
  }

  /** Every held message in order, gaps between them reported (a new session replaces this one). */
  private release (t: TopicState, publisher: PeerRef, s: OrderStream): void {
    const seqs = [...s.held.keys()].sort((a, b) => a - b)
    for (const seq of seqs) {
      if (s.next !== 0 && seq > s.next) this.gap(t, publisher, seq - s.next)
      this.emit(s.held.get(seq) as AppMessage)
      s.next = seq + 1
    }
    s.held.clear()
    s.deadline = Infinity
  }

  private drainConsecutive (s: OrderStream): void {
    for (let m = s.held.get(s.next); m !== undefined; m = s.held.get(s.next)) {
      s.held.delete(s.next)
      this.emit(m)
      s.next++
    }
  }

  /** Starts (or renews) the wait for s's missing numbers; a reliable subscription asks for them. */
  private wait (now: number, t: TopicState, publisher: PeerRef, s: OrderStream): void {
    const o = this.ctx.options
    if (t.reliable && s.next !== 0) {
      // Every missing range up to the highest held one (a few at most: each is one request).
      const held = [...s.held.keys()].sort((a, b) => a - b)
      let from = s.next
      let asked = 0
      for (const seq of held) {
        if (seq > from && asked < MAX_RANGES_ASKED) { this.recovery.request(now, t, publisher, s.epoch, from, seq - 1); asked++ }
        from = seq + 1
      }
      s.asked++
      s.deadline = now + o.reliableWaitMs
    } else if (s.next === 0 && t.reliable) {
      // A reliable stream's start: lower numbers may still come (asked for, or resent after a
      // repair): wait for them as long as for a gap, longer while the tree repairs.
      s.deadline = Math.max(now + o.reliableWaitMs, t.recoveringUntil, t.attached ? 0 : now + o.reliableWaitMs)
    } else {
      s.deadline = now + o.reorderWaitMs
    }
    this.deadlines.push({ at: s.deadline, t, publisher, s })
  }

  private gap (t: TopicState, publisher: PeerRef, missed: number): void {
    this.ctx.stats.gaps += missed
    this.ctx.out.emit({ type: 'gap', topic: t.name, publisher, missed })
  }

  private emit (message: AppMessage): void {
    this.ctx.out.emit({ type: 'deliver', message })
    this.delivered(message)
  }

  /** Entries whose stream was replaced, forgotten or no longer waits until that time. */
  private dropStale (): void {
    for (let top = this.deadlines.peek(); top !== undefined; top = this.deadlines.peek()) {
      if (top.s.deadline === top.at && top.t.streams.get(top.publisher) === top.s && this.ctx.topics.get(top.t.name) === top.t) return
      this.deadlines.pop()
    }
  }
}
