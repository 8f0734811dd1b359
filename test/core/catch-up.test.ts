// Late joiners (catch-up.ts): subscribe(topic, { since }) gets what the topic's root retained,
// from a number, a time or the last N, then the live messages, in order, with nothing missing
// or twice at the seam, also while the publisher keeps publishing during the catch-up.
import { describe, expect, it } from 'vitest'
import type { SinceSpec } from '../../src/core/topic-state.ts'
import { network, pick } from './helpers.ts'

const TOPIC = 'history'
const range = (a: number, b: number): number[] => Array.from({ length: b - a + 1 }, (_, i) => a + i)

function setUp (baseMs = 2): { run: (since: Partial<SinceSpec>, publishDuring: number) => number[], publishedAt: number[] } {
  const net = network(150, { network: { baseMs } })
  const root = net.rootOf(TOPIC)
  const [publisher, early, late] = pick(net.sim, 3, [root])
  const got = new Map<number, number[]>()
  net.sim.hooks.deliver = (node, e) => { if (e.message.topic === TOPIC) got.set(node.index, [...(got.get(node.index) ?? []), e.message.seq]) }
  net.subscribe(early, TOPIC) // a tree exists, so the root has the messages
  net.run(2000)
  const publishedAt: number[] = []
  const publish = (): void => {
    publishedAt.push(net.sim.now)
    net.sim.nodes[publisher].driver.input((core, now) => { core.publish(now, TOPIC, new Uint8Array([1])) })
  }
  for (let i = 0; i < 50; i++) { publish(); net.run(20) }
  net.run(1000)
  return {
    publishedAt,
    run: (since, publishDuring) => {
      const spec: SinceSpec = { seq: 0, time: 0, last: 0, ...since }
      net.sim.nodes[late].driver.input((core, now) => { core.subscribe(now, TOPIC, { since: spec }) })
      for (let i = 0; i < publishDuring; i++) { publish(); net.run(10) }
      net.run(3000)
      for (let i = 0; i < 10; i++) { publish(); net.run(20) }
      net.run(2000)
      return got.get(late) ?? []
    }
  }
}

describe('subscribe with since', () => {
  it('from a sequence number: the retained ones from there, then live', () => {
    const s = setUp()
    expect(s.run({ seq: 21 }, 0)).toEqual(range(21, 60))
  })

  it('the last N', () => {
    const s = setUp()
    expect(s.run({ last: 10 }, 0)).toEqual(range(41, 60))
  })

  it('from a time (the root\'s clock; wall offset 0 in the simulator)', () => {
    const s = setUp()
    const at = s.publishedAt[30] // the root receives message 31 a little after this
    expect(s.run({ time: at }, 0)).toEqual(range(31, 60))
  })

  it('while publishing goes on during the catch-up, on slow links (the answer takes longer than the reorder wait): no hole and nothing twice at the seam', () => {
    const s = setUp(150)
    expect(s.run({ seq: 1 }, 100)).toEqual(range(1, 160))
  })
})
