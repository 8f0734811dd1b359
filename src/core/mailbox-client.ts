// Durable mailboxes, the subscriber's side (mailboxes.ts has the holders'). A durable
// subscription is not a member of the topic's tree: its node routes a MailboxOpen toward the
// mailbox's key at once and every mailboxRefreshMs, and the holder where the route ends
// delivers what the mailbox keeps, in order. The node hands each message to the application
// once ('mailbox-deliver'), and sends the acknowledgement when the application says so
// (ack()); a message delivered again (a holder's redelivery, another holder after a failure)
// is not handed over twice, only acknowledged again if it was. 'mailbox-ready' comes when the
// holder answers that the mailbox takes the topic's messages: from then on nothing published
// is missed while the subscription is away.
import type { CoreContext } from './core-context.ts'
import { InvalidOptionError } from './errors.ts'
import { validGroup } from './wire/codec.ts'
import { MAX_GROUP_BYTES } from './wire/limits.ts'
import { boxId, mailboxKey, refKey } from './mailbox-contents.ts'
import type { NodeId } from './id.ts'
import type { PeerRef } from './routing-table.ts'
import type { MailboxMode, MessageRef, Msg } from './wire/types.ts'

/** Closed durable subscriptions whose holder is remembered for late acknowledgements. */
const CLOSED_MAX = 1024
/** Messages a durable subscription remembers having handed over (for redeliveries). */
const SEEN_MAX = 65_536

interface Durable {
  readonly name: string
  readonly topic: string
  readonly key: NodeId
  /** The holder that answered last. */
  holder: PeerRef | null
  /** Handed to the application: message key -> acknowledged. In the order handed over. */
  readonly seen: Map<string, boolean>
  ready: boolean
  dropped: number
  openedAt: number
}

type Send = (now: number, to: PeerRef, msg: Msg) => void

export class MailboxClient {
  private readonly ctx: CoreContext
  private readonly send: Send
  /** Route a MailboxOpen toward its key (the holder may be this node). */
  private readonly route: (now: number, m: Extract<Msg, { type: 'mailboxOpen' }>) => void
  private readonly durables = new Map<string, Durable>()
  /**
   * The holder of durable subscriptions that closed, for acknowledgements that come after the
   * close (the application finished a message after unsubscribing). Bounded: the oldest go.
   */
  private readonly closedHolders = new Map<string, PeerRef>()

  constructor (ctx: CoreContext, send: Send, route: (now: number, m: Extract<Msg, { type: 'mailboxOpen' }>) => void) {
    this.ctx = ctx
    this.send = send
    this.route = route
  }

  open (now: number, name: string, topic: string): void {
    if (!validGroup(name)) throw new InvalidOptionError(`durable name must be 1..${MAX_GROUP_BYTES} bytes of UTF-8`)
    const id = boxId(name, topic)
    if (this.durables.has(id)) return
    const d: Durable = { name, topic, key: mailboxKey(name, topic), holder: null, seen: new Map(), ready: false, dropped: 0, openedAt: now }
    this.durables.set(id, d)
    this.announce(now, d, 'attach')
  }

  /** The subscription went: the mailbox keeps collecting (or is deleted). */
  close (now: number, name: string, topic: string, remove: boolean): void {
    const id = boxId(name, topic)
    const d = this.durables.get(id)
    this.durables.delete(id)
    this.closedHolders.delete(id)
    if (d?.holder != null && !remove) {
      if (this.closedHolders.size >= CLOSED_MAX) this.closedHolders.delete(this.closedHolders.keys().next().value as string)
      this.closedHolders.set(id, d.holder)
    }
    this.announce(now, d ?? { name, topic }, remove ? 'delete' : 'detach')
  }

  /** The application processed a message the mailbox delivered. */
  ack (now: number, name: string, topic: string, m: MessageRef): void {
    const id = boxId(name, topic)
    const d = this.durables.get(id)
    const holder = d?.holder ?? this.closedHolders.get(id) ?? null
    const key = refKey(m)
    if (d?.seen.has(key) === true) d.seen.set(key, true)
    if (holder !== null) this.send(now, holder, { type: 'mailboxAck', name, topic, ids: [{ publisher: m.publisher, epoch: m.epoch, seq: m.seq }] })
  }

  tick (now: number): void {
    for (const d of this.durables.values()) {
      if (now - d.openedAt < this.ctx.options.mailboxRefreshMs) continue
      d.openedAt = now
      this.announce(now, d, 'attach')
    }
  }

  onState (from: PeerRef, m: Extract<Msg, { type: 'mailboxState' }>): void {
    const d = this.durables.get(boxId(m.name, m.topic))
    if (d === undefined) return
    d.holder = from
    if (m.ready && !d.ready) {
      d.ready = true
      this.ctx.out.emit({ type: 'mailbox-ready', name: d.name, topic: d.topic })
    }
    if (m.dropped > d.dropped) {
      d.dropped = m.dropped
      this.ctx.out.emit({ type: 'mailbox-overflow', name: d.name, topic: d.topic, dropped: m.dropped, holder: false })
    }
  }

  onDeliver (now: number, from: PeerRef, m: Extract<Msg, { type: 'mailboxDeliver' }>): void {
    const d = this.durables.get(boxId(m.name, m.message.topic))
    if (d === undefined) {
      this.ctx.stats.mailboxIgnored++
      return
    }
    d.holder = from
    const key = refKey(m.message)
    const acked = d.seen.get(key)
    if (acked !== undefined) {
      // Had it: acknowledge again if the application did (the ack may have been lost with a holder).
      if (acked) this.send(now, from, { type: 'mailboxAck', name: d.name, topic: d.topic, ids: [{ publisher: m.message.publisher, epoch: m.message.epoch, seq: m.message.seq }] })
      return
    }
    if (d.seen.size >= SEEN_MAX) d.seen.delete(d.seen.keys().next().value as string)
    d.seen.set(key, false)
    this.ctx.out.emit({ type: 'mailbox-deliver', name: d.name, message: m.message })
  }

  /** The holder failed: ask again now (the route finds the other holder). */
  onPeerFailed (now: number, ref: PeerRef): void {
    for (const d of this.durables.values()) {
      if (d.holder !== ref) continue
      d.holder = null
      d.openedAt = now
      this.announce(now, d, 'attach')
    }
  }

  private announce (now: number, d: { name: string, topic: string }, mode: MailboxMode): void {
    this.route(now, { type: 'mailboxOpen', name: d.name, topic: d.topic, subscriber: this.ctx.ref, mode })
  }
}
