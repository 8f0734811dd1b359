// Queue groups with explicit acknowledgements (queue-groups.ts), at the topic's root: each
// message goes straight to one member with room (fewer unacknowledged messages than its
// maxAckPending), round-robin, and is kept until that member acknowledges it. It is delivered
// again, to another member if one has room, after ackWaitMs without an answer (a `working`
// answer restarts the wait), at once when its member leaves or is dropped as silent, and after
// a `nak`'s delay; a `term` ends it. After maxDeliver deliveries, or when more than
// QUEUE_WAITING_MAX messages wait for room, it is published to `$DLQ.<topic>` with the reason
// and the count in headers. Members answer their root (QueueAck); at a member the message
// arrives as a 'queue-deliver' event.
import type { CoreContext } from './core-context.ts'
import type { QueueGroupState } from './queue-groups.ts'
import type { PeerRef } from './routing-table.ts'
import type { TopicState } from './topic-state.ts'
import { utf8ByteLength } from './utf8.ts'
import { MAX_HEADERS } from './wire/limits.ts'
import type { AppMessage, Header, Msg, QueueAckKind } from './wire/types.ts'

/** A message delivered to a member and not acknowledged yet. */
export interface InFlight {
  readonly message: AppMessage
  readonly member: PeerRef
  deadline: number
  readonly attempt: number
}

/** A message waiting for a member with room (or for a nak's delay). */
export interface Waiting {
  readonly message: AppMessage
  readonly attempt: number
  readonly notBefore: number
  /** Deliver it to another member than this one if any has room. */
  readonly avoid: PeerRef | null
}

/** Messages one group may hold waiting for room before they go to the dead-letter topic. */
export const QUEUE_WAITING_MAX = 10_000

/** The dead-letter topic of a topic. */
export const dlqTopic = (topic: string): string => `$DLQ.${topic}`

const key = (m: { publisher: PeerRef, epoch: number, seq: number }): string => `${m.publisher}\u0000${m.epoch}\u0000${m.seq}`

type Picker = (now: number, g: QueueGroupState, fits: (ref: PeerRef) => boolean) => PeerRef | undefined
type Publish = (now: number, topic: string, payload: Uint8Array, headers: Header[]) => void

export class QueueAcks {
  private readonly ctx: CoreContext
  private readonly publish: Publish
  private readonly rootOf: (now: number, t: TopicState) => PeerRef | null
  pick!: Picker

  constructor (ctx: CoreContext, publish: Publish, rootOf: (now: number, t: TopicState) => PeerRef | null) {
    this.ctx = ctx
    this.publish = publish
    this.rootOf = rootOf
  }

  // ---------------------------------------------------------------- at the root

  offer (now: number, t: TopicState, group: string, g: QueueGroupState, m: AppMessage, attempt: number, avoid: PeerRef | null): void {
    if (attempt > this.ctx.options.queueMaxDeliver) {
      this.dead(now, group, m, attempt - 1, 'max-deliver')
      return
    }
    const room = (ref: PeerRef): boolean => (g.pendingBy.get(ref) ?? 0) < (g.maxPending.get(ref) ?? 0)
    const member = this.pick(now, g, ref => ref !== avoid && room(ref)) ?? this.pick(now, g, room)
    if (member === undefined) {
      if (g.waiting.length >= QUEUE_WAITING_MAX) this.dead(now, group, m, attempt - 1, 'overflow')
      else g.waiting.push({ message: m, attempt, notBefore: 0, avoid })
      return
    }
    g.inflight.set(key(m), { message: m, member, deadline: now + this.ctx.options.queueAckWaitMs, attempt })
    g.pendingBy.set(member, (g.pendingBy.get(member) ?? 0) + 1)
    if (attempt > 1) this.ctx.stats.queueRedeliveries++
    if (member === this.ctx.ref) this.ctx.out.emit({ type: 'queue-deliver', group, message: m, attempt })
    else this.ctx.out.send(now, member, { type: 'queueDeliver', group, message: m, attempt })
  }

  onQueueAck (now: number, from: PeerRef, a: Extract<Msg, { type: 'queueAck' }>): void {
    const t = this.ctx.topics.get(a.topic)
    if (t === undefined) return
    if (!t.isRoot) {
      if (t.parent !== null && t.parent !== from && t.joinTo === null) this.ctx.out.send(now, t.parent, a)
      return
    }
    const g = t.queues?.get(a.group)
    const k = key(a)
    const f = g?.inflight.get(k)
    // Only the member the message went to answers for it (a late answer after a redelivery is not).
    if (g === undefined || f === undefined || f.member !== from) {
      this.ctx.stats.queueAcksIgnored++
      return
    }
    if (a.kind === 'working') {
      f.deadline = now + this.ctx.options.queueAckWaitMs
      return
    }
    this.settle(g, k, f)
    if (a.kind === 'ack') this.ctx.stats.queueAcked++
    else if (a.kind === 'nak') g.waiting.push({ message: f.message, attempt: f.attempt + 1, notBefore: now + a.delay, avoid: from })
    this.drain(now, t, a.group, g)
  }

  /** Waits that ended: deliver again; waiting messages go where there is room now. */
  tick (now: number, t: TopicState, group: string, g: QueueGroupState): void {
    for (const [k, f] of g.inflight) {
      if (f.deadline > now) continue
      this.settle(g, k, f)
      g.waiting.push({ message: f.message, attempt: f.attempt + 1, notBefore: 0, avoid: f.member })
    }
    this.drain(now, t, group, g)
  }

  /** A member left or was dropped: what it had not acknowledged goes elsewhere now. */
  memberGone (now: number, t: TopicState, group: string, g: QueueGroupState, member: PeerRef): void {
    for (const [k, f] of g.inflight) {
      if (f.member !== member) continue
      this.settle(g, k, f)
      g.waiting.push({ message: f.message, attempt: f.attempt + 1, notBefore: 0, avoid: member })
    }
    g.pendingBy.delete(member)
    this.drain(now, t, group, g)
  }

  private drain (now: number, t: TopicState, group: string, g: QueueGroupState): void {
    if (g.waiting.length === 0) return
    const list = g.waiting
    g.waiting = []
    for (const w of list) {
      if (w.notBefore > now) g.waiting.push(w)
      else this.offer(now, t, group, g, w.message, w.attempt, w.avoid)
    }
  }

  private settle (g: QueueGroupState, k: string, f: InFlight): void {
    g.inflight.delete(k)
    const n = (g.pendingBy.get(f.member) ?? 1) - 1
    if (n > 0) g.pendingBy.set(f.member, n)
    else g.pendingBy.delete(f.member)
  }

  /** To `$DLQ.<topic>`, with why and how often it was delivered. */
  private dead (now: number, group: string, m: AppMessage, deliveries: number, reason: 'max-deliver' | 'overflow'): void {
    this.ctx.stats.queueDeadLettered++
    const topic = dlqTopic(m.topic)
    if (utf8ByteLength(topic) > this.ctx.options.maxTopicBytes) return
    const headers: Header[] = [
      ...m.headers.slice(0, MAX_HEADERS - 5),
      { key: 'meshcast-dlq-reason', value: reason },
      { key: 'meshcast-dlq-deliveries', value: String(deliveries) },
      { key: 'meshcast-dlq-group', value: group },
      { key: 'meshcast-dlq-publisher', value: m.publisher },
      { key: 'meshcast-dlq-seq', value: String(m.seq) }
    ]
    try { this.publish(now, topic, m.payload, headers) } catch { /* over the size limit with its headers: counted above */ }
  }

  // ---------------------------------------------------------------- at a member

  onQueueDeliver (m: Extract<Msg, { type: 'queueDeliver' }>): void {
    this.ctx.out.emit({ type: 'queue-deliver', group: m.group, message: m.message, attempt: m.attempt })
  }

  /** The local application's answer for a message of `group` on t, to the topic's root. */
  answer (now: number, t: TopicState, group: string, m: { publisher: PeerRef, epoch: number, seq: number }, kind: QueueAckKind, delay: number): void {
    const root = this.rootOf(now, t)
    if (root === null) return // the root redelivers after its wait
    const msg: Extract<Msg, { type: 'queueAck' }> = { type: 'queueAck', topic: t.name, group, publisher: m.publisher, epoch: m.epoch, seq: m.seq, kind, delay }
    if (root === this.ctx.ref) this.onQueueAck(now, root, msg)
    else this.ctx.out.send(now, root, msg)
  }
}
