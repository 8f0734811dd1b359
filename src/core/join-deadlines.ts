// The deadlines of the JOINs a node has out, as a min-heap with lazy deletion: the next
// deadline is read in O(1) and due ones taken in O(log n), where scanning every joining topic
// on each flush cost O(n) (with thousands of topics joining at once, every input paid it).
// An entry is stale once its topic's JOIN was answered or replaced (joinTo / joinDeadline moved).
import { MinHeap } from './min-heap.ts'
import type { TopicState } from './topic-state.ts'

interface Entry {
  at: number
  t: TopicState
}

export class JoinDeadlines {
  private readonly heap = new MinHeap<Entry>((a, b) => a.at < b.at)

  /** The topic now has a JOIN out until `at`. */
  add (t: TopicState, at: number): void {
    this.heap.push({ at, t })
  }

  /** The earliest live deadline (Infinity when no JOIN is out). */
  next (): number {
    this.dropStale()
    return this.heap.peek()?.at ?? Infinity
  }

  /** Removes and returns the topics whose JOIN deadline is at or before `now`, earliest first. */
  takeDue (now: number): TopicState[] {
    const due: TopicState[] = []
    for (;;) {
      this.dropStale()
      const top = this.heap.peek()
      if (top === undefined || top.at > now) return due
      this.heap.pop()
      due.push(top.t)
    }
  }

  private dropStale (): void {
    for (let top = this.heap.peek(); top !== undefined; top = this.heap.peek()) {
      if (top.t.joinTo !== null && top.t.joinDeadline === top.at) return
      this.heap.pop()
    }
  }
}
