// A bounded FIFO of frames for one peer: O(1) push and shift, drop-oldest when full, and take(n)
// for a batch. Array.shift() moves every element, which turns draining a deep queue (100,000
// frames in the benchmarks) into seconds of copying.
export class FrameQueue<T> {
  private items: Array<T | undefined> = []
  private head = 0
  private readonly sizeOf: (item: T) => number
  /** The sum of sizeOf over the items queued (0 without a sizeOf). */
  bytes = 0

  constructor (sizeOf: (item: T) => number = () => 0) {
    this.sizeOf = sizeOf
  }

  get length (): number {
    return this.items.length - this.head
  }

  push (item: T): void {
    this.items.push(item)
    this.bytes += this.sizeOf(item)
  }

  /** The front item, left in place. */
  peek (): T | undefined {
    return this.head < this.items.length ? this.items[this.head] : undefined
  }

  shift (): T | undefined {
    if (this.head >= this.items.length) return undefined
    const item = this.items[this.head] as T
    this.items[this.head++] = undefined
    this.bytes -= this.sizeOf(item)
    this.compact()
    return item
  }

  /** Removes and returns up to n items from the front. */
  take (n: number): T[] {
    const end = Math.min(this.items.length, this.head + n)
    const out = this.items.slice(this.head, end) as T[]
    for (const item of out) this.bytes -= this.sizeOf(item)
    this.items.fill(undefined, this.head, end)
    this.head = end
    this.compact()
    return out
  }

  /** Puts items back at the front, in order (a batch whose send failed). */
  unshift (items: readonly T[]): void {
    if (items.length === 0) return
    for (const item of items) this.bytes += this.sizeOf(item)
    this.items = [...items, ...this.items.slice(this.head)]
    this.head = 0
  }

  /** Removes and returns everything. */
  drain (): T[] {
    const out = this.items.slice(this.head) as T[]
    this.items = []
    this.head = 0
    this.bytes = 0
    return out
  }

  private compact (): void {
    if (this.head === this.items.length) {
      this.items = []
      this.head = 0
    } else if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head)
      this.head = 0
    }
  }
}
