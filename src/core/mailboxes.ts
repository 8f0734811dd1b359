// Durable mailboxes, the holders' side (issue 13, item 2). A durable subscription (name, topic)
// has a mailbox on the two nodes closest to its key, hash("$MB", name, topic). Each holder is a
// reliable subscriber of the topic for as long as it holds the mailbox, keeps every message the
// topic delivers in order (per publisher, as the tree delivers) in memory and in its store (on
// disk in a node), and drops the oldest over the mailbox's bounds (count, bytes, age; counted).
//
// The subscriber's node routes a MailboxOpen toward the key every mailboxRefreshMs
// (mailbox-client.ts); the node where the route ends, the closest holder, answers with the
// mailbox's state and delivers what it keeps, in order, mailboxWindow messages ahead of the
// acknowledgements; an acknowledged message is deleted. One not acknowledged within
// mailboxAckWaitMs, or when the subscriber went silent and came back, is delivered again (the
// subscriber's node drops what it already had). The holders send each other what the other
// may lack: the whole mailbox when one first sees the other as a holder, then the
// acknowledgement watermarks (per publisher session, the highest number done) as they move; a
// merge drops what the watermarks cover, so a holder that was down cannot bring back messages
// acknowledged meanwhile. A node that created a mailbox for an open asks the nodes closest to
// the key for their copies and waits mailboxRefreshMs before it delivers, so that a holder
// that replaced a dead one serves the old contents, in order. A node that stops being one of
// the two closest hands the mailbox to those that are, then forgets it.
import type { CoreContext } from './core-context.ts'
import { compareDistance } from './id.ts'
import type { NodeId } from './id.ts'
import { boxId, MailboxContents, mailboxKey, MAILBOX_HOLDERS, refKey, sessionKey } from './mailbox-contents.ts'
import type { Kept, Mailbox, Totals } from './mailbox-contents.ts'
export { mailboxKey, mailboxKeyName, refKey } from './mailbox-contents.ts'
import { inPublisherOrder } from './mailbox-store.ts'
import type { MailboxStore } from './mailbox-store.ts'
import type { PeerRef } from './routing-table.ts'
import { MAX_MAILBOX_REFS } from './wire/limits.ts'
import type { AppMessage, Msg } from './wire/types.ts'

type Send = (now: number, to: PeerRef, msg: Msg) => void

export class Mailboxes {
  private readonly ctx: CoreContext
  private readonly store: MailboxStore
  private readonly wallOffset: number
  private readonly send: Send
  /** The topic's tree must deliver to this node (a reliable subscription), or may stop. */
  private readonly hold: (now: number, topic: string, on: boolean) => void
  /** Whether this node's subscription of the topic is attached to the tree. */
  private readonly attached: (topic: string) => boolean
  private readonly boxes = new Map<string, Mailbox>()
  private readonly byTopic = new Map<string, Set<Mailbox>>()
  /** Messages the topics delivered here since the last flush. */
  private incoming: AppMessage[] = []
  /** Mailboxes whose acknowledgements moved since the last flush. */
  private readonly acked = new Set<Mailbox>()
  /** Mailboxes deleted lately, until when: another holder's copy must not bring them back. */
  private readonly deleted = new Map<string, number>()
  private readonly totals: Totals = { bytes: 0 }
  private lastTick = -Infinity

  constructor (ctx: CoreContext, store: MailboxStore, wallOffset: number, send: Send, hold: (now: number, topic: string, on: boolean) => void, attached: (topic: string) => boolean) {
    this.ctx = ctx
    this.store = store
    this.wallOffset = wallOffset
    this.send = send
    this.hold = hold
    this.attached = attached
  }

  /** Mailboxes the store kept (a restart): held again, their topics subscribed. */
  restore (now: number): void {
    for (const s of this.store.load()) {
      const box = this.create(now, s.name, s.topic, false)
      if (box === undefined) break
      box.c.dropped = box.reported = s.dropped
      for (const a of s.acked) box.c.acked.set(sessionKey(a), a)
      for (const m of inPublisherOrder(s.messages)) box.c.append(m.message, m.at, false)
    }
  }

  /** Whether this node holds a mailbox of the topic (its subscription must stay). */
  holds (topic: string): boolean {
    return this.byTopic.has(topic)
  }

  get size (): number {
    return this.boxes.size
  }

  /** Messages kept over all the mailboxes held here. */
  get messages (): number {
    let n = 0
    for (const b of this.boxes.values()) n += b.c.size
    return n
  }

  /** The local subscription of a topic delivered a message. */
  delivered (m: AppMessage): void {
    if (this.byTopic.has(m.topic)) this.incoming.push(m)
  }

  /**
   * After each input: the other holders hear of new acknowledgements at once (a holder that dies
   * now leaves the other with little to deliver twice); what the topics delivered since the last
   * input is kept, and delivered where attached.
   */
  flush (now: number): void {
    for (const box of this.acked) {
      for (const [ref, version] of box.synced) {
        if (version >= box.version) continue
        this.send(now, ref, { type: 'mailboxSync', name: box.name, topic: box.topic, acked: box.c.watermarks(), messages: [], request: false, hold: false })
        box.synced.set(ref, box.version)
      }
    }
    this.acked.clear()
    if (this.incoming.length === 0) return
    const list = this.incoming
    this.incoming = []
    for (const m of list) {
      for (const box of this.byTopic.get(m.topic) ?? []) {
        const dropped = box.c.append(m, now + this.wallOffset, true)
        if (dropped === null) continue
        this.unsend(box, dropped)
        this.pump(now, box)
      }
    }
  }

  // ---------------------------------------------------------------- messages

  onOpen (now: number, m: Extract<Msg, { type: 'mailboxOpen' }>): void {
    const key = mailboxKey(m.name, m.topic)
    let box = this.boxes.get(boxId(m.name, m.topic))
    if (m.mode === 'delete' && box !== undefined) {
      // Every holder on the way deletes, and tells the other holders.
      for (const c of this.ctx.table.closest(key, MAILBOX_HOLDERS)) this.send(now, c.ref, m)
      this.drop(now, box, true)
      box = undefined
    }
    const next = this.ctx.table.nextHop(key)
    if (next !== undefined) {
      this.send(now, next.ref, m)
      return
    }
    if (m.mode === 'detach') {
      if (box?.attached?.ref === m.subscriber) box.attached = null
      return
    }
    if (m.mode !== 'attach') return
    if (box === undefined) {
      this.deleted.delete(boxId(m.name, m.topic))
      box = this.create(now, m.name, m.topic, true)
      if (box === undefined) return
    }
    const { failureTimeoutMs, mailboxRefreshMs } = this.ctx.options
    if (box.attached?.ref !== m.subscriber) box.attached = { ref: m.subscriber, until: 0, cursor: 0, sent: new Map() }
    box.attached.until = now + failureTimeoutMs + 2 * mailboxRefreshMs
    const ready = now >= box.serveAt && this.attached(box.topic)
    this.send(now, m.subscriber, { type: 'mailboxState', name: box.name, topic: box.topic, ready, stored: box.c.size, dropped: box.c.dropped })
    this.pump(now, box)
  }

  onAck (now: number, m: Extract<Msg, { type: 'mailboxAck' }>): void {
    const box = this.boxes.get(boxId(m.name, m.topic))
    if (box === undefined) return
    for (const id of m.ids) {
      const k = box.c.byKey.get(refKey(id))
      box.attached?.sent.delete(refKey(id))
      if (k !== undefined) box.c.remove([k])
      box.c.raise(id, false)
    }
    if (box.attached !== null) box.attached.cursor = box.c.compact(box.attached.cursor)
    box.version++
    this.acked.add(box)
    this.pump(now, box)
  }

  onSync (now: number, from: PeerRef, m: Extract<Msg, { type: 'mailboxSync' }>): void {
    const had = this.boxes.get(boxId(m.name, m.topic))
    if (had === undefined && (this.deleted.get(boxId(m.name, m.topic)) ?? -Infinity) > now) return
    // A node takes a mailbox it lacks when a holder counts it as one, or when it finds it is one.
    if (had === undefined && !m.hold && !this.holders(mailboxKey(m.name, m.topic)).includes(this.ctx.ref)) return
    const box = had ?? this.create(now, m.name, m.topic, false)
    if (box === undefined) return
    box.others.set(from, { heard: now, version: box.others.get(from)?.version ?? 0 })
    // New here from a message that did not carry the contents: ask for them.
    if (had === undefined && !m.request && !m.hold) this.send(now, from, { type: 'mailboxSync', name: m.name, topic: m.topic, acked: [], messages: [], request: true, hold: false })
    for (const a of m.acked) box.c.raise(a, true)
    let added = false
    for (const msg of m.messages) {
      const dropped = box.c.append(msg, now + this.wallOffset, true)
      if (dropped === null) continue
      added = true
      this.unsend(box, dropped)
    }
    if (added) {
      box.c.kept = inPublisherOrder(box.c.kept.filter(k => !k.gone))
      if (box.attached !== null) box.attached.cursor = 0
    }
    if (m.request) this.syncTo(now, box, from)
    this.pump(now, box)
  }

  // ---------------------------------------------------------------- time

  tick (now: number): void {
    const { mailboxRefreshMs, mailboxAckWaitMs, mailboxMaxAgeMs } = this.ctx.options
    if (now - this.lastTick < mailboxRefreshMs) return
    this.lastTick = now
    for (const box of [...this.boxes.values()]) {
      const a = box.attached
      if (a !== null && a.until < now) box.attached = null
      else if (a !== null) {
        // Unacknowledged too long: everything not acknowledged goes again, in order.
        for (const at of a.sent.values()) {
          if (now - at < mailboxAckWaitMs) continue
          a.sent.clear()
          a.cursor = 0
          break
        }
      }
      this.unsend(box, box.c.expire(now + this.wallOffset, mailboxMaxAgeMs))
      if (box.c.dropped > box.reported) {
        this.ctx.stats.mailboxDropped += box.c.dropped - box.reported
        box.reported = box.c.dropped
        this.store.setDropped(box.name, box.topic, box.c.dropped)
        this.ctx.out.emit({ type: 'mailbox-overflow', name: box.name, topic: box.topic, dropped: box.c.dropped, holder: true })
      }
      if (this.maintain(now, box)) this.pump(now, box)
    }
  }

  onPeerFailed (ref: PeerRef): void {
    for (const box of this.boxes.values()) {
      box.synced.delete(ref)
      box.others.delete(ref)
      if (box.attached?.ref === ref) box.attached = null
    }
  }

  // ---------------------------------------------------------------- internals

  /**
   * The holders are the two closest nodes this node knows. Each is sent what it lacks; a node
   * that is no longer a holder forgets the mailbox once both were sent it. False: forgotten.
   */
  private maintain (now: number, box: Mailbox): boolean {
    const holders = this.holders(box.key)
    const mine = holders.includes(this.ctx.ref)
    // A node that stopped being a holder forgets the mailbox: it gets all of it again if it
    // becomes one once more.
    for (const ref of box.synced.keys()) if (!holders.includes(ref)) box.synced.delete(ref)
    if (box.behind && this.attached(box.topic)) {
      box.behind = false
      for (const ref of holders) if (ref !== this.ctx.ref) this.send(now, ref, { type: 'mailboxSync', name: box.name, topic: box.topic, acked: [], messages: [], request: true, hold: false })
    }
    for (const ref of holders) {
      if (ref === this.ctx.ref) continue
      if (!box.synced.has(ref)) this.syncTo(now, box, ref)
      else if ((box.synced.get(ref) ?? 0) < box.version || now - this.ctx.peers.heard(ref) > this.ctx.options.failureTimeoutMs) {
        // The watermarks moved, or the other holder was not heard from lately (a send to a
        // dead peer fails, and the mailbox then goes to the next node).
        this.send(now, ref, { type: 'mailboxSync', name: box.name, topic: box.topic, acked: box.c.watermarks(), messages: [], request: false, hold: false })
        box.synced.set(ref, box.version)
      }
    }
    for (const [ref, o] of box.others) {
      if (holders.includes(ref) || now - o.heard > 10 * this.ctx.options.mailboxRefreshMs) box.others.delete(ref)
      else if (o.version < box.version) {
        this.send(now, ref, { type: 'mailboxSync', name: box.name, topic: box.topic, acked: box.c.watermarks(), messages: [], request: false, hold: false })
        o.version = box.version
      }
    }
    if (mine) {
      box.leavingSince = null
      return true
    }
    box.leavingSince ??= now
    if (now - box.leavingSince < 2 * this.ctx.options.mailboxRefreshMs) return true
    this.drop(now, box, false)
    return false
  }

  private holders (key: NodeId): PeerRef[] {
    const refs = this.ctx.table.closest(key, MAILBOX_HOLDERS).map(c => ({ ref: c.ref, id: c.id }))
    refs.push({ ref: this.ctx.ref, id: this.ctx.id })
    refs.sort((a, b) => compareDistance(a.id, b.id, key))
    return refs.slice(0, MAILBOX_HOLDERS).map(r => r.ref)
  }

  /** Sends `to` the whole mailbox (in frames it accepts) and the watermarks. */
  private syncTo (now: number, box: Mailbox, to: PeerRef): void {
    const budget = this.ctx.options.maxFrameBytes / 2
    const acked = box.c.watermarks()
    let batch: AppMessage[] = []
    let bytes = 0
    const flush = (): void => {
      this.send(now, to, { type: 'mailboxSync', name: box.name, topic: box.topic, acked, messages: batch, request: false, hold: true })
      batch = []
      bytes = 0
    }
    for (const k of box.c.kept) {
      if (k.gone) continue
      if (batch.length > 0 && (batch.length >= MAX_MAILBOX_REFS || bytes + k.bytes > budget)) flush()
      batch.push(k.message)
      bytes += k.bytes + 256
    }
    flush()
    box.synced.set(to, box.version)
  }

  /** Delivers to the attached subscriber what its window allows, in order. */
  private pump (now: number, box: Mailbox): void {
    const a = box.attached
    if (a === null || now < box.serveAt) return
    const kept = box.c.kept
    while (a.sent.size < this.ctx.options.mailboxWindow && a.cursor < kept.length) {
      const k = kept[a.cursor++]
      if (k.gone || a.sent.has(k.key)) continue
      a.sent.set(k.key, now)
      this.send(now, a.ref, { type: 'mailboxDeliver', name: box.name, message: k.message })
    }
  }

  private create (now: number, name: string, topic: string, fresh: boolean): Mailbox | undefined {
    if (this.boxes.size >= this.ctx.options.maxMailboxes) {
      this.ctx.stats.mailboxesRefused++
      return undefined
    }
    const key = mailboxKey(name, topic)
    const box: Mailbox = { name, topic, key, c: new MailboxContents(name, topic, this.store, this.ctx.options, this.totals), version: 0, reported: 0, attached: null, synced: new Map(), others: new Map(), serveAt: 0, leavingSince: null, behind: !fresh }
    this.boxes.set(boxId(name, topic), box)
    let set = this.byTopic.get(topic)
    if (set === undefined) {
      this.byTopic.set(topic, set = new Set())
      this.hold(now, topic, true)
    }
    set.add(box)
    this.store.create(name, topic)
    // The node looks the key up in the DHT: its table then has the nodes truly closest to it.
    this.ctx.out.emit({ type: 'mailbox-held', name, topic })
    if (fresh) {
      // Created for a subscriber: the other nodes near the key may hold it (this node replaced a
      // holder, or came back empty). Ask them, and deliver once they had time to answer.
      box.serveAt = now + this.ctx.options.mailboxRefreshMs
      for (const c of this.ctx.table.closest(key, MAILBOX_HOLDERS)) this.send(now, c.ref, { type: 'mailboxSync', name, topic, acked: [], messages: [], request: true, hold: false })
    }
    return box
  }

  /** Forgets a mailbox here (deleted, or handed to the nodes that hold it now). */
  private drop (now: number, box: Mailbox, deleted: boolean): void {
    this.boxes.delete(boxId(box.name, box.topic))
    const set = this.byTopic.get(box.topic)
    set?.delete(box)
    if (set?.size === 0) {
      this.byTopic.delete(box.topic)
      this.hold(now, box.topic, false)
    }
    box.c.remove(box.c.kept)
    this.store.delete(box.name, box.topic)
    if (!deleted) return
    this.ctx.stats.mailboxesDeleted++
    if (this.deleted.size >= this.ctx.options.maxMailboxes) this.deleted.delete(this.deleted.keys().next().value as string)
    this.deleted.set(boxId(box.name, box.topic), now + 30 * this.ctx.options.mailboxRefreshMs)
  }

  /** Dropped messages are not waited for. */
  private unsend (box: Mailbox, list: readonly Kept[]): void {
    const a = box.attached
    if (a !== null) for (const k of list) a.sent.delete(k.key)
  }
}
