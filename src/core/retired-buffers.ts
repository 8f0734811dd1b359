// Replay buffers of topics a node stopped holding state for (its last child left and it does
// not subscribe): kept a while, so that a node that holds the topic again soon (a new JOIN after
// churn emptied its tree) still has the recent, acknowledged messages its new subtree asks for.
// Bounded by the number of topics (oldest out first); each buffer is bounded by itself and is
// trimmed by age when taken back.
import type { ReplayBuffer } from './replay-buffer.ts'

export class RetiredBuffers {
  private readonly buffers = new Map<string, ReplayBuffer>()
  private readonly max: number

  constructor (max: number) {
    this.max = max
  }

  get size (): number {
    return this.buffers.size
  }

  put (topic: string, buffer: ReplayBuffer): void {
    if (this.max <= 0 || buffer.size === 0) return
    this.buffers.delete(topic)
    while (this.buffers.size >= this.max) this.buffers.delete(this.buffers.keys().next().value as string)
    this.buffers.set(topic, buffer)
  }

  /** The topic's retired buffer, if any and if anything in it is young enough (taken once). */
  take (topic: string, now: number): ReplayBuffer | null {
    const b = this.buffers.get(topic)
    if (b === undefined) return null
    this.buffers.delete(topic)
    b.trim(now)
    return b.size > 0 ? b : null
  }
}
