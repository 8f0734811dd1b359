// End-to-end de-duplication: a sliding window of recent sequence numbers per publisher.
// A restarted publisher announces a new epoch and starts its window afresh.

export class DedupWindow {
  private readonly size: number
  private readonly bits: Uint8Array
  private epoch: number
  private max = 0

  constructor (size: number, epoch: number) {
    this.size = size
    this.bits = new Uint8Array(Math.ceil(size / 8))
    this.epoch = epoch
  }

  /** True the first time (epoch, seq) is seen; false for a repeat or one older than the window. */
  accept (epoch: number, seq: number): boolean {
    if (epoch !== this.epoch) {
      this.epoch = epoch
      this.max = 0
      this.bits.fill(0)
    }
    if (seq > this.max) {
      if (seq - this.max >= this.size) {
        this.bits.fill(0)
      } else {
        for (let s = this.max + 1; s < seq; s++) this.clear(s)
      }
      this.max = seq
      this.set(seq)
      return true
    }
    if (this.max - seq >= this.size) return false
    if (this.test(seq)) return false
    this.set(seq)
    return true
  }

  private set (seq: number): void {
    const i = seq % this.size
    this.bits[i >> 3] |= 1 << (i & 7)
  }

  private clear (seq: number): void {
    const i = seq % this.size
    this.bits[i >> 3] &= ~(1 << (i & 7))
  }

  private test (seq: number): boolean {
    const i = seq % this.size
    return (this.bits[i >> 3] & (1 << (i & 7))) !== 0
  }
}
