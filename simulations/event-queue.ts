// A binary min-heap of events ordered by (time, insertion order): ties run first-in first-out,
// so a run is a pure function of its seed.
import { MinHeap } from '../src/core/min-heap.ts'

export interface Timed {
  time: number
  seq: number
}

/** An event before the queue numbers it (distributes over unions of event kinds). */
export type Unnumbered<E> = E extends unknown ? Omit<E, 'seq'> : never

export class EventQueue<E extends Timed> {
  private readonly heap = new MinHeap<E>(before)
  private counter = 0

  get size (): number {
    return this.heap.size
  }

  push (event: Unnumbered<E>): void {
    const e = event as unknown as E
    e.seq = this.counter++
    this.heap.push(e)
  }

  peekTime (): number {
    return this.heap.peek()?.time ?? Infinity
  }

  pop (): E | undefined {
    return this.heap.pop()
  }
}

function before (a: Timed, b: Timed): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq)
}
