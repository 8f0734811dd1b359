// What a subscriber's application is handed, audited: a message handed over twice, or an older
// message after a newer one of the same stream. Pure (no simulator in here) so a unit test can
// feed it a hand-made sequence.
//
// A stream is one publisher's sequence on one topic in one session: (topic, publisher, epoch).
// The core numbers messages per publisher *and topic* (AppMessage.seq, from 1), so the topic is
// part of the stream: seq 3 on topic a and seq 2 on topic b of the same publisher are unordered.

/** The fields of an AppMessage the audit reads. */
export interface StreamMessage {
  topic: string
  publisher: string
  epoch: number
  seq: number
}

/**
 * - 'inOrder': first delivery of this message, and no newer one of its stream came before;
 * - 'outOfOrder': first delivery, but a higher seq of the same stream was delivered before it;
 * - 'duplicate': this (topic, publisher, epoch, seq) was already delivered to this subscriber.
 * Each delivery gets exactly one verdict: a repeat of an old message is a duplicate, not also
 * out of order.
 */
export type DeliveryVerdict = 'inOrder' | 'outOfOrder' | 'duplicate'

/**
 * The seqs one subscriber got from one stream. While they form one run lo..hi (the usual case:
 * FIFO links, no loss) that is all it keeps; after the first gap, a bitmap over the seqs seen.
 */
class SeqSet {
  /** The highest seq delivered. */
  max: number
  private lo: number
  private hi: number
  /** Bit i: seq base + i was delivered (only once there is a gap). */
  private bits: Uint8Array | null = null
  private base = 0

  constructor (seq: number) {
    this.max = seq
    this.lo = seq
    this.hi = seq
  }

  /** Adds seq; false when it was there already. */
  add (seq: number): boolean {
    if (seq > this.max) this.max = seq
    if (this.bits === null) {
      if (seq >= this.lo && seq <= this.hi) return false
      if (seq === this.hi + 1) { this.hi = seq; return true }
      if (seq === this.lo - 1) { this.lo = seq; return true }
      this.base = Math.min(this.lo, seq)
      this.bits = new Uint8Array(((Math.max(this.hi, seq) - this.base) >> 3) + 1)
      for (let s = this.lo; s <= this.hi; s++) this.set(s)
      this.set(seq)
      return true
    }
    if (this.has(seq)) return false
    this.set(seq)
    return true
  }

  private has (seq: number): boolean {
    const i = seq - this.base
    const bits = this.bits as Uint8Array
    return i >= 0 && (i >> 3) < bits.length && (bits[i >> 3] & (1 << (i & 7))) !== 0
  }

  private set (seq: number): void {
    let bits = this.bits as Uint8Array
    if (seq < this.base) {
      // Grow downwards: the new base is a multiple of 8 below, so old bytes move whole.
      const shift = Math.ceil((this.base - seq) / 8) * 8
      const grown = new Uint8Array(bits.length + shift / 8)
      grown.set(bits, shift / 8)
      this.base -= shift
      this.bits = bits = grown
    }
    const i = seq - this.base
    if ((i >> 3) >= bits.length) {
      const grown = new Uint8Array(Math.max(bits.length * 2, (i >> 3) + 1))
      grown.set(bits)
      this.bits = bits = grown
    }
    bits[i >> 3] |= 1 << (i & 7)
  }
}

/** Counts duplicate and out-of-order deliveries, per subscriber and stream. */
export class DeliveryAudit {
  /** Every delivery recorded, duplicates included. */
  deliveries = 0
  /** Deliveries of a message the subscriber already had. */
  duplicates = 0
  /** First deliveries of a message older (lower seq) than one the subscriber already had from its stream. */
  outOfOrder = 0
  /** topic -> publisher -> epoch -> subscriber -> seqs delivered (nested: no key to build per delivery). */
  private readonly streams = new Map<string, Map<string, Map<number, Map<number | string, SeqSet>>>>()

  /** Records that `subscriber` was handed message `m`, and says what kind of delivery it was. */
  record (subscriber: number | string, m: StreamMessage): DeliveryVerdict {
    this.deliveries++
    let byPublisher = this.streams.get(m.topic)
    if (byPublisher === undefined) this.streams.set(m.topic, byPublisher = new Map())
    let byEpoch = byPublisher.get(m.publisher)
    if (byEpoch === undefined) byPublisher.set(m.publisher, byEpoch = new Map())
    let bySubscriber = byEpoch.get(m.epoch)
    if (bySubscriber === undefined) byEpoch.set(m.epoch, bySubscriber = new Map())
    const seen = bySubscriber.get(subscriber)
    if (seen === undefined) {
      bySubscriber.set(subscriber, new SeqSet(m.seq))
      return 'inOrder'
    }
    const newest = seen.max
    if (!seen.add(m.seq)) {
      this.duplicates++
      return 'duplicate'
    }
    if (m.seq < newest) {
      this.outOfOrder++
      return 'outOfOrder'
    }
    return 'inOrder'
  }
}

/** Which (message, node) pairs were delivered at least once: a bit per pair, by message index. */
export class DeliveredPairs {
  private readonly seen = new Map<number, Uint8Array>()

  /** Records the delivery; returns false when the pair was recorded already. */
  add (message: number, node: number): boolean {
    let bits = this.seen.get(message)
    if (bits === undefined) {
      bits = new Uint8Array(64)
      this.seen.set(message, bits)
    }
    const byte = node >> 3
    if (byte >= bits.length) {
      let n = bits.length
      while (n <= byte) n *= 2
      const grown = new Uint8Array(n)
      grown.set(bits)
      bits = grown
      this.seen.set(message, bits)
    }
    const mask = 1 << (node & 7)
    if ((bits[byte] & mask) !== 0) return false
    bits[byte] |= mask
    return true
  }

  has (message: number, node: number): boolean {
    const bits = this.seen.get(message)
    if (bits === undefined) return false
    const byte = node >> 3
    return byte < bits.length && (bits[byte] & (1 << (node & 7))) !== 0
  }
}

/** A published message as the window count sees it: when, and on which topic (by index). */
export interface PublishedAt {
  time: number
  topic: number
}

export interface WindowInput {
  /** Every published message; message i is published[i]. */
  published: readonly PublishedAt[]
  /** Messages published at from..to (both included) count. */
  from: number
  to: number
  /** Every node that ever subscribed to the topic. */
  members: (topic: number) => readonly number[]
  /** When the node's subscription to the topic first became ready (attached), if it did. */
  readyAt: (node: number, topic: number) => number | undefined
  /** The node is alive at the end of the run (nodes never come back, so: since it became ready). */
  aliveAtEnd: (node: number) => boolean
  /** The node had message i delivered at least once. */
  delivered: (message: number, node: number) => boolean
  /** Only these messages count (default: all in the window). */
  include?: (message: number) => boolean
}

/**
 * Delivery over a window of messages with nothing left out. A (message, subscriber) pair is
 * expected when the subscription had become ready at or before the publish and the subscriber
 * is alive at the end of the run; it is delivered when the subscriber got the message at least
 * once by then. Who published, and whether that node crashed afterwards, does not matter.
 */
export function windowDelivery (w: WindowInput): { expected: number, delivered: number } {
  let expected = 0
  let delivered = 0
  for (let i = 0; i < w.published.length; i++) {
    const p = w.published[i]
    if (p.time < w.from || p.time > w.to || w.include?.(i) === false) continue
    for (const m of w.members(p.topic)) {
      const ready = w.readyAt(m, p.topic)
      if (ready === undefined || ready > p.time || !w.aliveAtEnd(m)) continue
      expected++
      if (w.delivered(i, m)) delivered++
    }
  }
  return { expected, delivered }
}
