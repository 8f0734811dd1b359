// End-to-end de-duplication: a sliding window of recent sequence numbers per publisher.
// A restarted publisher has a higher epoch (its start time) and starts its window afresh; a
// message of a lower epoch than the window's is an earlier session's straggler ('stale'), so
// messages of two sessions arriving interleaved cannot switch de-duplication off.
//
// Every node of a tree keeps one window per publisher, so the bitmap is allocated only when a
// gap first appears: while messages arrive in order (FIFO links, the usual case) "seen" is just
// "not above the highest", and a window costs a few numbers.

export class DedupWindow {
  private readonly size: number
  private bits: Uint8Array | null = null
  private ep: number
  private top = 0

  constructor (size: number, epoch: number) {
    this.size = size
    this.ep = epoch
  }

  /** The publisher's session this window follows. */
  get epoch (): number {
    return this.ep
  }

  /** The highest number seen in this session (0: none). */
  get max (): number {
    return this.top
  }

  /**
   * True the first time (epoch, seq) is seen; false for a repeat or one older than the window;
   * 'stale' for an epoch older than the window's.
   */
  accept (epoch: number, seq: number): boolean | 'stale' {
    if (epoch < this.ep) return 'stale'
    if (epoch !== this.ep) {
      this.ep = epoch
      this.top = 0
      this.bits = null
    }
    if (this.bits === null) {
      if (seq === this.top + 1) {
        this.top = seq
        return true
      }
      // Every number up to max was seen: anything not above it is a repeat.
      if (seq <= this.top) return false
      // The first gap: from here on the window needs its bitmap, with everything up to max seen.
      this.bits = new Uint8Array(Math.ceil(this.size / 8)).fill(0xff)
    }
    if (seq > this.top) {
      if (seq - this.top >= this.size) {
        this.bits.fill(0)
      } else {
        for (let s = this.top + 1; s < seq; s++) this.clear(s)
      }
      this.top = seq
      this.set(seq)
      return true
    }
    if (this.top - seq >= this.size) return false
    if (this.test(seq)) return false
    this.set(seq)
    return true
  }

  private set (seq: number): void {
    const i = seq % this.size
    ;(this.bits as Uint8Array)[i >> 3] |= 1 << (i & 7)
  }

  private clear (seq: number): void {
    const i = seq % this.size
    ;(this.bits as Uint8Array)[i >> 3] &= ~(1 << (i & 7))
  }

  private test (seq: number): boolean {
    const i = seq % this.size
    return ((this.bits as Uint8Array)[i >> 3] & (1 << (i & 7))) !== 0
  }
}
