// A root that is not a member and has one child delegates the topic's data to it: publishers
// send to the child directly (one copy per delivery instead of two). Withdrawing it when a
// second subscriber joins, or the root subscribes, loses nothing published after `ready`.
import { describe, expect, it } from 'vitest'
import { network, pick, sorted } from './helpers.ts'
import type { Net } from './helpers.ts'

const TOPIC = 'delegated'

interface Sent { text: string, at: number }

/**
 * Publishes `count` messages `${prefix}i` 5 ms apart; `join` runs just before message `joinAt`.
 * Then lets everything land and returns when each was sent and when `joiner` became ready.
 */
function publishWhileJoining (net: Net, publisher: number, prefix: string, count: number, joiner: number, joinAt: number, join: () => void): { sent: Sent[], readyAt: number } {
  const sent: Sent[] = []
  for (let i = 0; i < count; i++) {
    if (i === joinAt) join()
    sent.push({ text: `${prefix}${i}`, at: net.sim.now })
    net.publish(publisher, TOPIC, `${prefix}${i}`)
    net.run(5)
  }
  net.run(2000)
  const ready = net.ready.find(r => r.node === joiner && r.topic === TOPIC)
  expect(ready).toBeDefined()
  return { sent, readyAt: ready?.at ?? Infinity }
}

describe('delegation at the root', () => {
  it('a one-subscriber topic: after the first publish, publishes go straight to the subscriber', () => {
    const net = network(150)
    const root = net.rootOf(TOPIC)
    const [sub, publisher] = pick(net.sim, 2, [root])
    net.subscribe(sub, TOPIC)
    net.run(3000)
    net.publish(publisher, TOPIC, 'first') // routed to the root, which tells the publisher where to send
    net.run(2000)
    net.sim.measuring = true
    const before = { publish: net.sim.counters.sent.publish, data: net.sim.counters.sent.data }
    for (let i = 0; i < 10; i++) { net.publish(publisher, TOPIC, `m${i}`); net.run(200) }
    net.run(1000)
    for (let i = 0; i < 10; i++) expect(net.deliveredTo(TOPIC, `m${i}`)).toEqual([sub])
    // One PUBLISH per message, to the subscriber; the root sends no DATA.
    expect(net.sim.counters.sent.publish - before.publish).toBe(10)
    expect(net.sim.counters.sent.data - before.data).toBe(0)
    expect(net.sim.nodes[root].core.topicState(TOPIC)?.delegate).toBe(net.sim.nodes[sub].ref)
  })

  it.each([0, 1, 2])('a second subscriber joining while it is delegated gets every message published after its ready (seed offset %i)', offset => {
    const net = network(150)
    const root = net.rootOf(TOPIC)
    const [first, second, publisher] = pick(net.sim, 3 + offset, [root]).slice(offset)
    net.subscribe(first, TOPIC)
    net.run(3000)
    net.publish(publisher, TOPIC, 'warm-up')
    net.run(2000)
    expect(net.sim.nodes[root].core.topicState(TOPIC)?.delegate).not.toBeNull()
    // Publish every 5 ms while the second subscriber joins.
    const { sent: sentAt, readyAt } = publishWhileJoining(net, publisher, 'p', 400, second, 50, () => { net.subscribe(second, TOPIC) })
    const after = sentAt.filter(s => s.at > readyAt)
    expect(after.length).toBeGreaterThan(100)
    for (const s of after) expect(net.deliveredTo(TOPIC, s.text)).toEqual(sorted([first, second]))
    for (const s of sentAt) expect(net.deliveredTo(TOPIC, s.text)).toContain(first)
    expect(net.sim.nodes[root].core.topicState(TOPIC)?.delegate).toBeNull()
  })

  it('the root subscribing takes the data back: ready only then, and it receives what follows', () => {
    const net = network(150)
    const root = net.rootOf(TOPIC)
    const [sub, publisher] = pick(net.sim, 2, [root])
    net.subscribe(sub, TOPIC)
    net.run(3000)
    net.publish(publisher, TOPIC, 'warm-up')
    net.run(2000)
    const { sent: sentAt, readyAt } = publishWhileJoining(net, publisher, 'r', 200, root, 0, () => { net.subscribe(root, TOPIC) })
    const after = sentAt.filter(s => s.at > readyAt)
    expect(after.length).toBeGreaterThan(100)
    for (const s of after) expect(net.deliveredTo(TOPIC, s.text)).toEqual(sorted([sub, root]))
  })
})

describe('withdrawal over a slow link to the delegate', () => {
  it('the newcomer is ready only after the delegate stopped taking publishes: nothing published after ready is missed', () => {
    // Every link 5 ms, but root <-> delegate 150 ms: without waiting for the delegate's
    // confirmation the newcomer would be ready while publishes still end at the delegate.
    const slow: number[] = []
    const latency = { place: () => {}, latency: (a: number, b: number): number => (slow.includes(a) && slow.includes(b) ? 150 : 5) }
    const net = network(30, { latency, network: { jitterMs: 0 } })
    const root = net.rootOf(TOPIC)
    const [delegate, newcomer, publisher] = pick(net.sim, 3, [root])
    slow.push(root, delegate)
    net.subscribe(delegate, TOPIC)
    net.run(3000)
    net.publish(publisher, TOPIC, 'warm-up')
    net.run(2000)
    expect(net.sim.nodes[root].core.topicState(TOPIC)?.delegate).toBe(net.sim.nodes[delegate].ref)
    const { sent: sentAt, readyAt } = publishWhileJoining(net, publisher, 's', 200, newcomer, 20, () => { net.subscribe(newcomer, TOPIC) })
    // Ready waited for the round trip to the delegate (two 150 ms legs), not one 5 ms hop.
    expect(readyAt - sentAt[20].at).toBeGreaterThan(300)
    const after = sentAt.filter(s => s.at > readyAt)
    expect(after.length).toBeGreaterThan(50)
    for (const s of after) expect(net.deliveredTo(TOPIC, s.text)).toEqual(sorted([delegate, newcomer]))
  })
})

describe('chain collapse', () => {
  it('forwarders that are not members and have one child leave: a tree of members below the root', () => {
    const net = network(300)
    const subs = pick(net.sim, 6)
    for (const s of subs) net.subscribe(s, 'chains')
    net.run(5000)
    const root = net.rootOf('chains')
    for (const n of net.members('chains')) {
      const t = net.sim.nodes[n].core.topicState('chains')
      if (n === root || t?.subscribed === true) continue
      // Any forwarder left must branch (two or more children).
      expect(t?.children.size).toBeGreaterThanOrEqual(2)
    }
    expect(net.sim.nodes.reduce((k, n) => k + n.core.stats.collapses, 0)).toBeGreaterThan(0)
    net.publish(pick(net.sim, 1)[0], 'chains', 'down')
    net.run(2000)
    expect(net.deliveredTo('chains', 'down')).toEqual(sorted(subs))
  })
})
