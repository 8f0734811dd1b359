// The delivery audit counts duplicates and out-of-order deliveries per subscriber and stream
// (topic, publisher, epoch), the pair set remembers which (message, node) got through, and the
// window count decides which pairs were expected.
import { describe, expect, it } from 'vitest'
import { Rng } from '../../src/core/rng.ts'
import { DeliveredPairs, DeliveryAudit, windowDelivery } from '../../simulations/delivery-audit.ts'
import type { StreamMessage } from '../../simulations/delivery-audit.ts'

const msg = (seq: number, over: Partial<StreamMessage> = {}): StreamMessage => ({ topic: 't', publisher: 'p', epoch: 1, seq, ...over })

describe('DeliveryAudit', () => {
  it('an in-order stream has no duplicates and nothing out of order, even with gaps (loss)', () => {
    const a = new DeliveryAudit()
    for (const seq of [1, 2, 3, 5, 8, 9]) expect(a.record(0, msg(seq))).toBe('inOrder')
    expect(a).toMatchObject({ deliveries: 6, duplicates: 0, outOfOrder: 0 })
  })

  it('an older message after a newer one is out of order; a second copy is a duplicate and only that', () => {
    const a = new DeliveryAudit()
    expect(a.record(0, msg(1))).toBe('inOrder')
    expect(a.record(0, msg(3))).toBe('inOrder')
    expect(a.record(0, msg(2))).toBe('outOfOrder')
    expect(a.record(0, msg(2))).toBe('duplicate') // older than 3 too, but counted once, as a duplicate
    expect(a.record(0, msg(3))).toBe('duplicate')
    expect(a.record(0, msg(1))).toBe('duplicate')
    expect(a.record(0, msg(4))).toBe('inOrder')
    expect(a).toMatchObject({ deliveries: 7, duplicates: 3, outOfOrder: 1 })
  })

  it('subscribers, topics, publishers and epochs are separate streams', () => {
    const a = new DeliveryAudit()
    a.record(0, msg(5))
    expect(a.record(1, msg(5))).toBe('inOrder') // another subscriber
    expect(a.record(0, msg(1, { topic: 'u' }))).toBe('inOrder') // seq counts per topic
    expect(a.record(0, msg(1, { publisher: 'q' }))).toBe('inOrder')
    expect(a.record(0, msg(1, { epoch: 2 }))).toBe('inOrder') // a restarted publisher starts anew
    expect(a.record(0, msg(5, { epoch: 2 }))).toBe('inOrder')
    expect(a.record(0, msg(5))).toBe('duplicate')
    expect(a.record(0, msg(4))).toBe('outOfOrder')
    expect(a).toMatchObject({ deliveries: 8, duplicates: 1, outOfOrder: 1 })
  })

  it('a subscriber that joined mid-stream may still get older messages, below its first one', () => {
    const a = new DeliveryAudit()
    expect(a.record(0, msg(40))).toBe('inOrder')
    expect(a.record(0, msg(39))).toBe('outOfOrder')
    expect(a.record(0, msg(41))).toBe('inOrder')
    expect(a.record(0, msg(3))).toBe('outOfOrder') // far below: the seen set grows downwards
    expect(a.record(0, msg(200))).toBe('inOrder') // and upwards
    for (const seq of [3, 39, 40, 41, 200]) expect(a.record(0, msg(seq))).toBe('duplicate')
    for (const seq of [2, 4, 38, 42, 199]) expect(a.record(0, msg(seq))).toBe('outOfOrder')
    expect(a).toMatchObject({ duplicates: 5, outOfOrder: 7 })
  })

  it('agrees with a naive count on random sequences with repeats and reordering', () => {
    const rng = new Rng(42)
    for (let round = 0; round < 50; round++) {
      const a = new DeliveryAudit()
      const seen = new Set<string>()
      const newest = new Map<string, number>()
      let duplicates = 0
      let outOfOrder = 0
      for (let i = 0; i < 300; i++) {
        const sub = rng.int(3)
        const m = msg(1 + rng.int(rng.next() < 0.5 ? 20 : 600), { topic: `t${rng.int(2)}`, epoch: 1 + rng.int(2) })
        const stream = `${sub}/${m.topic}/${m.epoch}`
        const key = `${stream}/${m.seq}`
        let expected: string
        if (seen.has(key)) { expected = 'duplicate'; duplicates++ } else if (m.seq < (newest.get(stream) ?? 0)) { expected = 'outOfOrder'; outOfOrder++ } else expected = 'inOrder'
        seen.add(key)
        newest.set(stream, Math.max(newest.get(stream) ?? 0, m.seq))
        expect(a.record(sub, m)).toBe(expected)
      }
      expect(a).toMatchObject({ deliveries: 300, duplicates, outOfOrder })
      expect(duplicates).toBeGreaterThan(0)
      expect(outOfOrder).toBeGreaterThan(0)
    }
  })
})

describe('DeliveredPairs', () => {
  it('remembers each (message, node) pair, for node numbers past its first allocation', () => {
    const p = new DeliveredPairs()
    expect(p.has(0, 3)).toBe(false)
    expect(p.add(0, 3)).toBe(true)
    expect(p.add(0, 3)).toBe(false)
    expect(p.add(0, 5000)).toBe(true)
    expect(p.add(1, 3)).toBe(true)
    expect(p.has(0, 3)).toBe(true)
    expect(p.has(0, 5000)).toBe(true)
    expect(p.has(0, 4999)).toBe(false)
    expect(p.has(0, 100_000)).toBe(false)
    expect(p.has(2, 3)).toBe(false)
  })
})

describe('windowDelivery', () => {
  // Topic 0, members 1..5; messages at 100, 200, 300 (and one before the window, at 50).
  // Node 1: ready at 10, got everything. Node 2: ready at 10, missed the message at 200.
  // Node 3: ready at 250 (joined late): only the message at 300 is expected, and it got it.
  // Node 4: ready at 10, crashed before the end: nothing expected. Node 5: never ready.
  const published = [{ time: 50, topic: 0 }, { time: 100, topic: 0 }, { time: 200, topic: 0 }, { time: 300, topic: 0 }, { time: 150, topic: 1 }]
  const ready = new Map([[1, 10], [2, 10], [3, 250], [4, 10]])
  const got = new Set(['0/1', '1/1', '2/1', '3/1', '1/2', '3/2', '3/3', '1/4', '2/4', '3/4'])
  const input = {
    published,
    from: 100,
    to: 300,
    members: (topic: number) => topic === 0 ? [1, 2, 3, 4, 5] : [],
    readyAt: (node: number, topic: number) => topic === 0 ? ready.get(node) : undefined,
    aliveAtEnd: (node: number) => node !== 4,
    delivered: (message: number, node: number) => got.has(`${message}/${node}`)
  }

  it('expects a pair when the subscription was ready by the publish and its node is alive at the end', () => {
    // Node 1: 3 of 3, node 2: 2 of 3, node 3: 1 of 1 (and its delivery of message 2, before it
    // was ready, does not count), nodes 4 and 5: none.
    expect(windowDelivery(input)).toEqual({ expected: 7, delivered: 6 })
  })

  it('counts the window bounds in, and only them', () => {
    expect(windowDelivery({ ...input, from: 200, to: 200 })).toEqual({ expected: 2, delivered: 1 })
    expect(windowDelivery({ ...input, from: 0, to: 99 })).toEqual({ expected: 2, delivered: 1 })
    // A subscription ready at the very time of the publish counts.
    expect(windowDelivery({ ...input, from: 300, to: 300, readyAt: () => 300 })).toEqual({ expected: 4, delivered: 3 })
  })
})
