// A binary min-heap of events ordered by (time, insertion order): ties run first-in first-out,
// so a run is a pure function of its seed.

export interface Timed {
  time: number
  seq: number
}

/** An event before the queue numbers it (distributes over unions of event kinds). */
export type Unnumbered<E> = E extends unknown ? Omit<E, 'seq'> : never

export class EventQueue<E extends Timed> {
  private readonly heap: E[] = []
  private counter = 0

  get size (): number {
    return this.heap.length
  }

  push (event: Unnumbered<E>): void {
    const e = event as unknown as E
    e.seq = this.counter++
    const h = this.heap
    h.push(e)
    let i = h.length - 1
    while (i > 0) {
      const p = (i - 1) >> 1
      if (!before(h[i], h[p])) break
      const tmp = h[i]; h[i] = h[p]; h[p] = tmp
      i = p
    }
  }

  peekTime (): number {
    return this.heap.length === 0 ? Infinity : this.heap[0].time
  }

  pop (): E | undefined {
    const h = this.heap
    if (h.length === 0) return undefined
    const top = h[0]
    const last = h.pop() as E
    if (h.length > 0) {
      h[0] = last
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        const r = l + 1
        let m = i
        if (l < h.length && before(h[l], h[m])) m = l
        if (r < h.length && before(h[r], h[m])) m = r
        if (m === i) break
        const tmp = h[i]; h[i] = h[m]; h[m] = tmp
        i = m
      }
    }
    return top
  }
}

function before (a: Timed, b: Timed): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq)
}
