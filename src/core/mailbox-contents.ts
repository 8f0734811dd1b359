// What one mailbox keeps (mailboxes.ts): its messages in delivery order, within its bounds
// (count, bytes; the oldest go first, counted), and per publisher session the highest number
// acknowledged. Every change goes to the store as it happens. With the state of a mailbox at
// the node holding it (mailboxes.ts).
import type { CoreOptions } from './defaults.ts'
import { topicKey } from './id.ts'
import type { NodeId } from './id.ts'
import { refKey, sessionKey } from './mailbox-store.ts'
import type { MailboxStore } from './mailbox-store.ts'
import { utf8ByteLength } from './utf8.ts'
import { MAX_MAILBOX_REFS } from './wire/limits.ts'
import { kept } from './wire/owned-bytes.ts'
import type { PeerRef } from './routing-table.ts'
import type { AppMessage, MessageRef } from './wire/types.ts'

export { boxId, refKey, sessionKey } from './mailbox-store.ts'

export interface Kept {
  readonly message: AppMessage
  readonly key: string
  readonly bytes: number
  /** Wall-clock ms at which it was kept. */
  readonly at: number
  /** Acknowledged or dropped: it leaves `kept` at the next compaction. */
  gone: boolean
}

/** Bytes kept by all the mailboxes of a node (bounded by mailboxesMaxBytes). */
export interface Totals {
  bytes: number
}

/**
 * What keeping a message costs besides its payload, seal and headers (its objects, key and
 * index entries, the store's copy): about 1.1 KB measured under the fuzzer (50,000 small
 * messages kept, docs/security.md). Counted in the byte bounds, so that mailboxesMaxBytes bounds
 * the memory of many tiny messages too.
 */
export const KEPT_OVERHEAD_BYTES = 1024

type Limits = Pick<CoreOptions, 'mailboxMaxMessages' | 'mailboxMaxBytes' | 'mailboxesMaxBytes'>

export class MailboxContents {
  readonly name: string
  readonly topic: string
  /** In delivery order; acknowledged and dropped ones are marked gone, then compacted away. */
  kept: Kept[] = []
  readonly byKey = new Map<string, Kept>()
  bytes = 0
  /** Per publisher session, the highest number acknowledged. */
  readonly acked = new Map<string, MessageRef>()
  /** Messages dropped over the bounds since the mailbox was created. */
  dropped = 0
  private readonly store: MailboxStore
  private readonly limits: Limits
  private readonly totals: Totals

  constructor (name: string, topic: string, store: MailboxStore, limits: Limits, totals: Totals) {
    this.name = name
    this.topic = topic
    this.store = store
    this.limits = limits
    this.totals = totals
  }

  /** Messages kept (not gone). */
  get size (): number {
    return this.byKey.size
  }

  /**
   * Keeps m at the end unless it has it or it is acknowledged already; the oldest go when the
   * bounds are reached. Returns what was dropped for room, or null when m was not kept.
   */
  append (m: AppMessage, at: number, persist: boolean): Kept[] | null {
    const key = refKey(m)
    if (this.byKey.has(key) || this.covered(m)) return null
    let bytes = KEPT_OVERHEAD_BYTES + m.payload.byteLength + (m.seal?.byteLength ?? 0)
    for (const h of m.headers) bytes += utf8ByteLength(h.key) + utf8ByteLength(h.value)
    const { mailboxMaxMessages, mailboxMaxBytes, mailboxesMaxBytes } = this.limits
    if (bytes > mailboxMaxBytes || this.totals.bytes + bytes > mailboxesMaxBytes) {
      this.dropped++
      return null
    }
    const old: Kept[] = []
    let freed = 0
    for (let i = 0; i < this.kept.length && (this.byKey.size - old.length >= mailboxMaxMessages || this.bytes - freed + bytes > mailboxMaxBytes); i++) {
      const k = this.kept[i]
      if (k.gone) continue
      old.push(k)
      freed += k.bytes
    }
    if (old.length > 0) {
      this.dropped += old.length
      this.remove(old)
    }
    const k: Kept = { message: kept(m, true), key, bytes, at, gone: false } // exact copies: kept for days
    this.kept.push(k)
    this.byKey.set(key, k)
    this.bytes += bytes
    this.totals.bytes += bytes
    if (persist) this.store.append(this.name, this.topic, k.message, at)
    return old
  }

  /** Marks messages gone (acknowledged, dropped) and deletes them from the store. */
  remove (list: readonly Kept[]): void {
    const refs: AppMessage[] = []
    for (const k of list) {
      if (k.gone) continue
      k.gone = true
      refs.push(k.message)
      this.byKey.delete(k.key)
      this.bytes -= k.bytes
      this.totals.bytes -= k.bytes
    }
    if (refs.length > 0) this.store.remove(this.name, this.topic, refs)
  }

  /**
   * Leaves the gone messages out once at least half of `kept` is gone. Returns where a position
   * `cursor` of the old list is in the new one.
   */
  compact (cursor: number): number {
    if (this.kept.length < 64 || this.byKey.size * 2 > this.kept.length) return cursor
    let before = 0
    for (let i = 0; i < cursor && i < this.kept.length; i++) if (this.kept[i].gone) before++
    this.kept = this.kept.filter(k => !k.gone)
    return cursor - before
  }

  /** Drops what kept longer than maxAgeMs (wall clock); returns how many. */
  expire (wallNow: number, maxAgeMs: number): Kept[] {
    const old = this.kept.filter(k => !k.gone && wallNow - k.at > maxAgeMs)
    this.dropped += old.length
    this.remove(old)
    return old
  }

  /**
   * Raises the acknowledged watermark of id's session to id: another holder's watermark
   * (`certain`), or an acknowledgement here unless an older message of the session is still kept.
   * A certain watermark removes what it covers.
   */
  raise (id: MessageRef, certain: boolean): void {
    const s = sessionKey(id)
    const cur = this.acked.get(s)
    if (cur !== undefined && cur.seq >= id.seq) return
    // The session's first message still kept is its lowest (kept is in per-publisher order).
    for (const k of certain ? [] : this.kept) {
      if (k.gone || k.message.publisher !== id.publisher || k.message.epoch !== id.epoch) continue
      if (k.message.seq < id.seq) return
      break
    }
    this.acked.delete(s)
    // Bounded: the oldest session's watermark goes first.
    if (this.acked.size >= MAX_MAILBOX_REFS) this.acked.delete(this.acked.keys().next().value as string)
    this.acked.set(s, { publisher: id.publisher, epoch: id.epoch, seq: id.seq })
    this.store.setAcked(this.name, this.topic, id)
    if (certain) this.remove(this.kept.filter(k => !k.gone && this.covered(k.message)))
  }

  covered (m: MessageRef): boolean {
    const w = this.acked.get(sessionKey(m))
    return w !== undefined && m.seq <= w.seq
  }

  /** The watermarks, as a MailboxSync carries them. */
  watermarks (): MessageRef[] {
    return [...this.acked.values()].slice(-MAX_MAILBOX_REFS)
  }
}

/** The key of a mailbox: its holders are the two nodes closest to it. */
/** The string whose key is the mailbox's (the node looks it up in the DHT as it does topics). */
export const mailboxKeyName = (name: string, topic: string): string => `$MB\u0000${name}\u0000${topic}`
export const mailboxKey = (name: string, topic: string): NodeId => topicKey(mailboxKeyName(name, topic))

/** Nodes holding each mailbox. */
export const MAILBOX_HOLDERS = 2

export interface Attached {
  readonly ref: PeerRef
  until: number
  /** The next position of `kept` to deliver. */
  cursor: number
  /** Delivered and not acknowledged: message key -> when delivered. */
  readonly sent: Map<string, number>
}

export interface Mailbox {
  readonly name: string
  readonly topic: string
  readonly key: NodeId
  readonly c: MailboxContents
  /** Increases with each acknowledgement; holders are sent the watermarks when theirs is older. */
  version: number
  /** Drops reported in an event so far. */
  reported: number
  attached: Attached | null
  /** Holders sent the whole mailbox, and the version of the watermarks each last got. */
  readonly synced: Map<PeerRef, number>
  /**
   * Nodes outside this node's holder set that said they hold the mailbox (tables differ
   * between nodes): when each last did, and the version of the watermarks each last got.
   */
  readonly others: Map<PeerRef, { heard: number, version: number }>
  /** Delivers from this time (a new holder waits for the others' copies). */
  serveAt: number
  /** When this node found it is no longer one of the holders (null: it is one). */
  leavingSince: number | null
  /**
   * Created from another holder's copy or the store: once its own subscription of the topic is
   * attached, it asks the other holders for what came before (closing the window in between).
   */
  behind: boolean
}
