// This node as a publisher: its session (epoch) and a sequence per topic, and where each
// publish goes first (our own tree when we are its root, the cached root, or a route).
import type { CoreContext } from './core-context.ts'
import type { Dissemination } from './dissemination.ts'
import { InvalidHeadersError, PayloadTooLargeError } from './errors.ts'
import { utf8ByteLength } from './utf8.ts'
import { MAX_HEADERS } from './wire/limits.ts'
import type { PublishRouting } from './publish-routing.ts'
import type { Acks } from './acks.ts'
import type { PeerRef } from './routing-table.ts'
import type { AppMessage, Header } from './wire/types.ts'

export class Publisher {
  /** This node's publishing session: a restart starts a new epoch (receivers reset their windows). */
  readonly epoch: number
  private readonly ctx: CoreContext
  private readonly routing: PublishRouting
  private readonly dissemination: Dissemination
  private readonly acks: Acks
  private readonly seqs = new Map<string, number>()

  constructor (ctx: CoreContext, epoch: number, routing: PublishRouting, dissemination: Dissemination, acks: Acks) {
    this.ctx = ctx
    this.epoch = epoch
    this.routing = routing
    this.dissemination = dissemination
    this.acks = acks
  }

  /**
   * Publishes a message; returns its sequence number (per topic, from 1). With `ack`, the
   * message goes to the root itself (not a delegate) and waits for its acknowledgement (acks.ts).
   */
  publish (now: number, topic: string, payload: Uint8Array, headers: Header[], ack = false): number {
    this.checkSize(payload, headers)
    const seq = (this.seqs.get(topic) ?? 0) + 1
    this.seqs.set(topic, seq)
    const message: AppMessage = { topic, publisher: this.ctx.ref, epoch: this.epoch, seq, payload, headers }
    if (ack) {
      message.ack = true
      this.acks.track(now, message)
    }
    const t = this.ctx.topics.get(topic)
    if (t?.isRoot === true || (!ack && t?.delegated === true && t.attached)) {
      this.dissemination.disseminate(now, t, message, null)
      if (ack) this.acks.atRoot(now, t, message)
      return seq
    }
    const to = this.routing.directTarget(now, topic, ack)
    const d = to === undefined || ack ? undefined : this.routing.directQueue(now, topic)
    if (d !== undefined && to !== undefined) {
      // Every subscriber is in the topic's plain queue groups: straight to the members whose turn
      // it is (through the root once per refresh interval).
      message.queue = d.queue
      this.ctx.stats.queueDirectSent++
      const targets = d.viaRoot ? [to] : new Set(d.queue.map(q => q.member))
      for (const member of targets) {
        if (member !== this.ctx.ref) this.ctx.out.send(now, member, { type: 'publish', message, direct: true })
        else for (const q of d.queue) if (q.member === member) this.ctx.out.emit({ type: 'queue-deliver', group: q.group, message, attempt: 0 })
      }
      return seq
    }
    if (to !== undefined) {
      this.ctx.out.send(now, to, { type: 'publish', message, direct: true })
      return seq
    }
    this.routing.route(now, message, 0)
    return seq
  }

  /** Answers request number `request` of node `to` (a message it published with a reply header). */
  reply (now: number, to: PeerRef, topic: string, request: number, payload: Uint8Array, headers: Header[]): void {
    this.checkSize(payload, headers)
    if (to === this.ctx.ref) this.ctx.out.emit({ type: 'reply', from: to, topic, request, payload, headers })
    else this.ctx.out.send(now, to, { type: 'reply', topic, request, payload, headers })
  }

  private checkSize (payload: Uint8Array, headers: Header[]): void {
    if (headers.length > MAX_HEADERS) throw new InvalidHeadersError(`${headers.length} headers, at most ${MAX_HEADERS}`)
    // Headers count against the payload limit: together they must fit in a frame a peer accepts.
    let size = payload.byteLength
    for (const h of headers) size += utf8ByteLength(h.key) + utf8ByteLength(h.value)
    if (size > this.ctx.options.maxPayloadBytes) throw new PayloadTooLargeError(size, this.ctx.options.maxPayloadBytes)
  }
}
