// A binary min-heap ordered by a `before` relation: O(log n) push and pop, O(1) peek. Shared
// by the core (JOIN deadlines) and the simulator (its event queue).

export class MinHeap<T> {
  private readonly items: T[] = []
  private readonly before: (a: T, b: T) => boolean

  constructor (before: (a: T, b: T) => boolean) {
    this.before = before
  }

  get size (): number {
    return this.items.length
  }

  /** The first item, without removing it. */
  peek (): T | undefined {
    return this.items[0]
  }

  push (item: T): void {
    const h = this.items
    h.push(item)
    let i = h.length - 1
    while (i > 0) {
      const p = (i - 1) >> 1
      if (!this.before(h[i], h[p])) break
      const tmp = h[i]; h[i] = h[p]; h[p] = tmp
      i = p
    }
  }

  pop (): T | undefined {
    const h = this.items
    if (h.length === 0) return undefined
    const top = h[0]
    const last = h.pop() as T
    if (h.length > 0) {
      h[0] = last
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        const r = l + 1
        let m = i
        if (l < h.length && this.before(h[l], h[m])) m = l
        if (r < h.length && this.before(h[r], h[m])) m = r
        if (m === i) break
        const tmp = h[i]; h[i] = h[m]; h[m] = tmp
        i = m
      }
    }
    return top
  }
}
