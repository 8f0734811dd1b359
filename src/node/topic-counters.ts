// Per-topic message counters of one node: published here, delivered to local subscriptions,
// forwarded for others (DATA copies down a tree, PUBLISH hops toward a root). Plain numbers
// updated on the hot path; metrics and `meshcast top` read them. Bounded: past `maxTopics`
// distinct topics, further topics are counted under OTHER_TOPICS.

export interface TopicCounts {
  published: number
  delivered: number
  forwarded: number
}

/** The bucket for topics past the bound (a real topic of this name would share it). */
export const OTHER_TOPICS = '(other)'

export class TopicCounters {
  /** Node-wide totals over every topic. */
  readonly totals: TopicCounts = { published: 0, delivered: 0, forwarded: 0 }
  private readonly byTopic = new Map<string, TopicCounts>()
  private readonly maxTopics: number

  constructor (maxTopics: number) {
    this.maxTopics = maxTopics
  }

  add (topic: string, kind: keyof TopicCounts, n = 1): void {
    this.totals[kind] += n
    let c = this.byTopic.get(topic)
    if (c === undefined) {
      if (this.byTopic.size >= this.maxTopics) topic = OTHER_TOPICS
      c = this.byTopic.get(topic)
      if (c === undefined) this.byTopic.set(topic, c = { published: 0, delivered: 0, forwarded: 0 })
    }
    c[kind] += n
  }

  /** This topic's counts (zeros if none were counted). */
  get (topic: string): TopicCounts {
    const c = this.byTopic.get(topic)
    return c === undefined ? { published: 0, delivered: 0, forwarded: 0 } : { ...c }
  }

  entries (): IterableIterator<[string, Readonly<TopicCounts>]> {
    return this.byTopic.entries()
  }

  get size (): number {
    return this.byTopic.size
  }
}
