// The deadlines of the JOINs a node has out, as a binary min-heap with lazy deletion: the next
// deadline is read in O(1) and due ones taken in O(log n), where scanning every joining topic
// on each flush cost O(n) (with thousands of topics joining at once, every input paid it).
// An entry is stale once its topic's JOIN was answered or replaced (joinTo / joinDeadline moved).
import type { TopicState } from './topic-state.ts'

interface Entry {
  at: number
  t: TopicState
}

export class JoinDeadlines {
  private readonly heap: Entry[] = []

  /** The topic now has a JOIN out until `at`. */
  add (t: TopicState, at: number): void {
    const h = this.heap
    h.push({ at, t })
    let i = h.length - 1
    while (i > 0) {
      const p = (i - 1) >> 1
      if (h[p].at <= h[i].at) break
      const tmp = h[p]; h[p] = h[i]; h[i] = tmp
      i = p
    }
  }

  /** The earliest live deadline (Infinity when no JOIN is out). */
  next (): number {
    this.dropStale()
    return this.heap.length === 0 ? Infinity : this.heap[0].at
  }

  /** Removes and returns the topics whose JOIN deadline is at or before `now`, earliest first. */
  takeDue (now: number): TopicState[] {
    const due: TopicState[] = []
    for (;;) {
      this.dropStale()
      if (this.heap.length === 0 || this.heap[0].at > now) return due
      due.push(this.pop().t)
    }
  }

  private dropStale (): void {
    while (this.heap.length > 0) {
      const { at, t } = this.heap[0]
      if (t.joinTo !== null && t.joinDeadline === at) return
      this.pop()
    }
  }

  private pop (): Entry {
    const h = this.heap
    const top = h[0]
    const last = h.pop() as Entry
    if (h.length > 0) {
      h[0] = last
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        const r = l + 1
        let m = i
        if (l < h.length && h[l].at < h[m].at) m = l
        if (r < h.length && h[r].at < h[m].at) m = r
        if (m === i) break
        const tmp = h[m]; h[m] = h[i]; h[i] = tmp
        i = m
      }
    }
    return top
  }
}
