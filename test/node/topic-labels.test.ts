// The topic label slots of the per-topic message counters, alone: no node, no sockets.
import { describe, expect, it } from 'vitest'
import { Rng } from '../../src/core/rng.ts'
import { OTHER_LABEL, TopicLabels } from '../../src/node/topic-labels.ts'
import type { LabelledCounts } from '../../src/node/topic-labels.ts'
import { OTHER_TOPICS, TopicCounters } from '../../src/node/topic-counters.ts'
import type { TopicCounts } from '../../src/node/topic-counters.ts'

const KINDS = ['published', 'delivered', 'forwarded'] as const

/** A node's counters as the collector reads them, with a way to forget a topic. */
class FakeCounters {
  readonly counters = new TopicCounters(1000)
  readonly gone = new Set<string>()
  entries (): Array<[string, TopicCounts]> {
    return [...this.counters.entries()].filter(([t]) => !this.gone.has(t)).map(([t, c]) => [t, { ...c }])
  }
}

const byTopic = (series: LabelledCounts[]): Map<string, LabelledCounts> => new Map(series.map(s => [s.topic, s]))

describe('TopicLabels', () => {
  it('keeps every series monotonic and at most cap + 1 topic labels, under random traffic on many topics', () => {
    const cap = 4
    const rng = new Rng(7)
    const fake = new FakeCounters()
    const labels = new TopicLabels(cap)
    const topics = Array.from({ length: 30 }, (_, i) => `t${i}`)
    const liveSet = new Set<string>(topics.slice(0, 10))
    const lastValue = new Map<string, TopicCounts>()
    let retirements = 0
    let previous = new Set<string>()
    for (let scrape = 0; scrape < 300; scrape++) {
      // A few topics busy in each phase, others idle; trees come and go.
      const hot = topics.slice((Math.floor(scrape / 25) * 3) % 27, (Math.floor(scrape / 25) * 3) % 27 + 3)
      for (let i = 0; i < 40; i++) {
        const t = rng.next() < 0.8 ? hot[rng.int(hot.length)] : topics[rng.int(topics.length)]
        fake.counters.add(t, KINDS[rng.int(3)], 1 + rng.int(5))
      }
      if (rng.next() < 0.1) liveSet.delete(topics[rng.int(topics.length)])
      if (rng.next() < 0.1) liveSet.add(topics[rng.int(topics.length)])
      if (scrape === 150) fake.gone.add(labels.labelled[0]) // counters forgot a labelled topic

      const series = labels.update(fake.entries(), fake.counters.totals, t => liveSet.has(t))
      const names = series.map(s => s.topic)
      expect(names.length).toBeLessThanOrEqual(cap + 1)
      expect(new Set(names).size).toBe(names.length)
      expect(names.at(-1)).toBe(OTHER_LABEL)
      const now = new Set(names)
      for (const t of previous) if (!now.has(t)) { retirements++; lastValue.delete(t) }
      previous = now
      for (const s of series) {
        const before = lastValue.get(s.topic)
        for (const k of KINDS) {
          expect(s[k]).toBeGreaterThanOrEqual(before?.[k] ?? 0) // monotonic; a new series starts at 0 or more
          if (before === undefined && s.topic !== OTHER_LABEL) expect(s[k]).toBe(0) // promoted with a baseline
        }
        lastValue.set(s.topic, { ...s })
      }
    }
    // Slots moved to the busy topics of later phases, and the forgotten topic lost its slot.
    expect(retirements).toBeGreaterThan(5)
    expect(labels.labelled).not.toContain([...fake.gone][0])
  })

  it('gives free slots to the fastest-growing topics, sticks to them, and puts the rest in other', () => {
    const fake = new FakeCounters()
    const labels = new TopicLabels(2)
    const live = (): boolean => true
    fake.counters.add('a', 'published', 5)
    fake.counters.add('b', 'published', 50)
    fake.counters.add('c', 'published', 20)
    // First scrape: b and c grew most; a's 5 and what b and c counted before stay in other.
    let s = byTopic(labels.update(fake.entries(), fake.counters.totals, live))
    expect([...s.keys()]).toEqual(['b', 'c', OTHER_LABEL])
    expect(s.get('b')?.published).toBe(0)
    expect(s.get(OTHER_LABEL)?.published).toBe(75)
    // a becomes the busiest, but b and c are live: they keep their slots.
    fake.counters.add('a', 'published', 100)
    fake.counters.add('b', 'delivered', 3)
    s = byTopic(labels.update(fake.entries(), fake.counters.totals, live))
    expect([...s.keys()]).toEqual(['b', 'c', OTHER_LABEL])
    expect(s.get('b')).toEqual({ topic: 'b', published: 0, delivered: 3, forwarded: 0 })
    expect(s.get(OTHER_LABEL)?.published).toBe(175)
    // The sum of the series is the node's total.
    const total = [...s.values()].reduce((n, x) => n + x.published + x.delivered + x.forwarded, 0)
    expect(total).toBe(fake.counters.totals.published + fake.counters.totals.delivered + fake.counters.totals.forwarded)
  })

  it('frees the slot of a dead topic only when a growing topic needs it', () => {
    const fake = new FakeCounters()
    const labels = new TopicLabels(1)
    const liveSet = new Set(['a'])
    const live = (t: string): boolean => liveSet.has(t)
    fake.counters.add('a', 'forwarded', 10)
    labels.update(fake.entries(), fake.counters.totals, live)
    fake.counters.add('a', 'forwarded', 4)
    let s = byTopic(labels.update(fake.entries(), fake.counters.totals, live))
    expect(s.get('a')?.forwarded).toBe(4)
    // a leaves its tree and goes quiet: with no other demand it stays labelled.
    liveSet.delete('a')
    s = byTopic(labels.update(fake.entries(), fake.counters.totals, live))
    expect(labels.labelled).toEqual(['a'])
    // b grows: a's slot goes to b; a's 4 stay accounted for, other does not go down.
    const otherBefore = s.get(OTHER_LABEL)?.forwarded ?? 0
    fake.counters.add('b', 'forwarded', 7)
    s = byTopic(labels.update(fake.entries(), fake.counters.totals, live))
    expect(labels.labelled).toEqual(['b'])
    expect(s.get('b')?.forwarded).toBe(0)
    expect(s.get(OTHER_LABEL)?.forwarded).toBeGreaterThanOrEqual(otherBefore)
    expect(s.get(OTHER_LABEL)?.forwarded).toBe(10 + 7) // b's first 7 were counted before it had a label
  })

  it('never labels the overflow bucket or a topic named "other"', () => {
    const counters = new TopicCounters(2)
    counters.add('x', 'published')
    counters.add('other', 'published', 9)
    counters.add('y', 'published', 3) // past the counters' own bound: in OTHER_TOPICS
    expect(counters.get(OTHER_TOPICS).published).toBe(3)
    const labels = new TopicLabels(10)
    const s = labels.update(counters.entries(), counters.totals, () => true)
    expect(s.map(x => x.topic)).toEqual(['x', OTHER_LABEL])
  })

  it('rejects a bad cap', () => {
    expect(() => new TopicLabels(-1)).toThrow(RangeError)
  })
})
