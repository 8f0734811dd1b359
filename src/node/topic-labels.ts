// Which topics get their own `topic` label on the per-topic message counters, and the values of
// those series. Pure: no clock, no I/O; the metrics collector calls update() once per scrape.
//
// A node may see thousands of topics, and every label value is a time series in Prometheus, so
// at most `cap` topics are labelled and the rest are summed in `topic="other"`. Counters must
// never go down, so label slots are sticky:
// - a scrape that finds free slots gives them to the unlabelled topics that grew most since the
//   last scrape, with a baseline = the topic's count at promotion: its series starts at 0, and
//   what the topic counted before stays in `other`, where it was already exposed;
// - a labelled topic keeps its slot while it is live. A topic that is gone from the node's
//   counters loses its slot at the next scrape; one that is still counted but dead (the node
//   holds no tree state for it and it counted nothing since the last scrape) loses it only
//   when a growing unlabelled topic needs the slot, so an idle series is not churned for
//   nothing. What a retired series had reached moves to `retired`, so
//   other = node total - sum(labelled series) - retired, and every series stays monotonic.
// A topic named "other", and the node's own overflow bucket (OTHER_TOPICS), are never labelled.
import { OTHER_TOPICS } from './topic-counters.ts'
import type { TopicCounts } from './topic-counters.ts'

/** The label value of the topics without their own label. */
export const OTHER_LABEL = 'other'

export interface LabelledCounts extends TopicCounts {
  /** A topic name, or OTHER_LABEL. */
  topic: string
}

interface Slot {
  /** The topic's counts when it got the slot. */
  baseline: TopicCounts
  /** Its counts at the last scrape. */
  last: TopicCounts
  /** The scrape at which it last counted something or was live. */
  activeAt: number
}

const KINDS = ['published', 'delivered', 'forwarded'] as const

const zero = (): TopicCounts => ({ published: 0, delivered: 0, forwarded: 0 })
const sum = (c: Readonly<TopicCounts>): number => c.published + c.delivered + c.forwarded

export class TopicLabels {
  readonly cap: number
  private readonly slots = new Map<string, Slot>()
  /** Counts of unlabelled topics at the last scrape, to rank them by growth. */
  private readonly seen = new Map<string, TopicCounts>()
  /** What retired series had reached when they lost their slots. */
  private readonly retired = zero()
  private scrapes = 0

  constructor (cap: number) {
    if (!Number.isInteger(cap) || cap < 0) throw new RangeError(`the topic label cap must be an integer >= 0, not ${cap}`)
    this.cap = cap
  }

  /** Topics labelled now. */
  get labelled (): string[] {
    return [...this.slots.keys()]
  }

  /**
   * One scrape: `counts` are the node's per-topic counters, `totals` their sums over every
   * topic, `live(topic)` whether the node holds tree state for the topic. Returns the labelled
   * series, then the `other` series (always present).
   */
  update (counts: Iterable<readonly [string, Readonly<TopicCounts>]>, totals: Readonly<TopicCounts>, live: (topic: string) => boolean): LabelledCounts[] {
    const scrape = ++this.scrapes
    const current = new Map<string, Readonly<TopicCounts>>()
    for (const [topic, c] of counts) current.set(topic, c)

    // Labelled topics: follow their counts; a topic gone from the counters retires now.
    for (const [topic, slot] of this.slots) {
      const c = current.get(topic)
      if (c === undefined) { this.retire(topic, slot); continue }
      if (sum(c) > sum(slot.last) || live(topic)) slot.activeAt = scrape
      slot.last = { ...c }
    }

    // Unlabelled topics that grew since the last scrape, busiest first.
    const growing: Array<{ topic: string, growth: number }> = []
    for (const [topic, c] of current) {
      if (this.slots.has(topic) || topic === OTHER_TOPICS || topic === OTHER_LABEL) continue
      const growth = sum(c) - sum(this.seen.get(topic) ?? zero())
      if (growth > 0) growing.push({ topic, growth })
    }
    growing.sort((a, b) => b.growth - a.growth || (a.topic < b.topic ? -1 : 1))

    // Free the slots of dead topics for them, longest idle first.
    const wanted = Math.min(growing.length, this.cap) - (this.cap - this.slots.size)
    if (wanted > 0) {
      const dead = [...this.slots].filter(([, s]) => s.activeAt < scrape).sort((a, b) => a[1].activeAt - b[1].activeAt)
      for (const [topic, slot] of dead.slice(0, wanted)) this.retire(topic, slot)
    }
    for (const { topic } of growing.slice(0, this.cap - this.slots.size)) {
      const c = current.get(topic) as Readonly<TopicCounts>
      this.slots.set(topic, { baseline: { ...c }, last: { ...c }, activeAt: scrape })
    }

    // Growth is measured between scrapes for unlabelled topics only.
    this.seen.clear()
    for (const [topic, c] of current) if (!this.slots.has(topic)) this.seen.set(topic, { ...c })

    const out: LabelledCounts[] = []
    const other = { topic: OTHER_LABEL, ...totals }
    for (const k of KINDS) other[k] -= this.retired[k]
    for (const [topic, slot] of this.slots) {
      const series = { topic, ...zero() }
      for (const k of KINDS) {
        series[k] = slot.last[k] - slot.baseline[k]
        other[k] -= series[k]
      }
      out.push(series)
    }
    out.push(other)
    return out
  }

  private retire (topic: string, slot: Slot): void {
    for (const k of KINDS) this.retired[k] += slot.last[k] - slot.baseline[k]
    this.slots.delete(topic)
  }
}
