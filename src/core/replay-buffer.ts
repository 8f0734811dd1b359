// The recent messages of one topic that a node keeps to resend (reliable subscriptions below
// it, delivery-order.ts and recovery.ts): bounded by count, bytes and age, oldest out first.
// A payload that views a larger buffer (a decoded frame) is copied, so a kept message never
// pins the frame it came in.
import { kept } from './wire/owned-bytes.ts'
import type { AppMessage } from './wire/types.ts'

export interface ReplayLimits {
  replayBufferMessages: number
  replayBufferBytes: number
  replayBufferAgeMs: number
}

interface Kept {
  message: AppMessage
  at: number
  bytes: number
}

/** Bytes a kept message counts for: its payload and headers, plus a fixed envelope. */
const ENVELOPE_BYTES = 64

export class ReplayBuffer {
  private items: Array<Kept | undefined> = []
  private head = 0
  private bytes = 0
  private readonly limits: ReplayLimits

  constructor (limits: ReplayLimits) {
    this.limits = limits
  }

  get size (): number {
    return this.items.length - this.head
  }

  get byteSize (): number {
    return this.bytes
  }

  push (now: number, m: AppMessage): void {
    const message = kept(m)
    let bytes = ENVELOPE_BYTES + message.payload.byteLength
    for (const h of m.headers) bytes += h.key.length + h.value.length
    this.items.push({ message, at: now, bytes })
    this.bytes += bytes
    this.trim(now)
  }

  /** Drops what is over the count, the bytes or the age. */
  trim (now: number): void {
    const { replayBufferMessages: n, replayBufferBytes: b, replayBufferAgeMs: age } = this.limits
    for (let k = this.items[this.head]; k !== undefined; k = this.items[this.head]) {
      if (this.size <= n && this.bytes <= b && now - k.at <= age) break
      this.items[this.head++] = undefined
      this.bytes -= k.bytes
    }
    if (this.head > 64 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head)
      this.head = 0
    }
  }

  /**
   * Kept messages numbered `seq` or later and kept at `at` or later (core time), and when
   * last > 0 only each publisher's `last` newest of them; oldest first.
   */
  since (seq: number, at: number, last: number): AppMessage[] {
    const out: AppMessage[] = []
    for (let i = this.head; i < this.items.length; i++) {
      const k = this.items[i] as Kept
      if (k.message.seq >= seq && k.at >= at) out.push(k.message)
    }
    if (last <= 0) return out
    const left = new Map<string, number>()
    const keep: AppMessage[] = []
    for (let i = out.length - 1; i >= 0; i--) {
      const n = left.get(out[i].publisher) ?? last
      if (n === 0) continue
      left.set(out[i].publisher, n - 1)
      keep.push(out[i])
    }
    return keep.reverse()
  }

  /** Every kept message, oldest first. */
  all (): AppMessage[] {
    const out: AppMessage[] = []
    for (let i = this.head; i < this.items.length; i++) out.push((this.items[i] as Kept).message)
    return out
  }

  /**
   * Kept messages of `publisher`'s session `epoch` numbered from..to (to 0: no upper end), kept
   * at `at` or later (core time), in arrival order.
   */
  find (publisher: string, epoch: number, from: number, to: number, at = -Infinity): AppMessage[] {
    const out: AppMessage[] = []
    for (let i = this.head; i < this.items.length; i++) {
      const k = this.items[i] as Kept
      const m = k.message
      if (m.publisher === publisher && m.epoch === epoch && m.seq >= from && (to === 0 || m.seq <= to) && k.at >= at) out.push(m)
    }
    return out
  }
}
