// Direct publishing to plain queue groups, on the simulator: while every subscriber of a topic
// is a member of its plain groups, the root tells publishers the members and they send each
// message straight to one member in turn (one message per refresh interval through the root,
// which passes it on). Each message is delivered exactly once by the group; the root forwards
// almost none of them; a plain subscriber that joins turns direct publishing off, and from two
// refresh intervals after its `ready` it gets every message while the group still gets each once.
import { describe, expect, it } from 'vitest'
import { deliversFor } from '../../src/core/queue-groups.ts'
import type { AppMessage } from '../../src/core/wire/types.ts'
import { network, pick, publishNumbered } from './helpers.ts'
import type { Net } from './helpers.ts'

const TOPIC = 'jobs'
const GROUP = 'workers'

interface Run {
  net: Net
  publisher: number
  members: number[]
  /** Message index -> members that delivered it (from the tree or straight from the publisher). */
  handled: Map<number, number[]>
  published: number
}

const index = (m: AppMessage): number => m.payload[0] | (m.payload[1] << 8)

function setUp (exclude: (net: Net) => number[]): Run {
  const net = network(60)
  const [publisher, ...members] = pick(net.sim, 5, exclude(net))
  const r: Run = { net, publisher, members, handled: new Map(), published: 0 }
  const add = (i: number, node: number): void => { r.handled.set(i, [...(r.handled.get(i) ?? []), node]) }
  net.sim.hooks.event = (node, e) => {
    if (e.type === 'deliver' && e.message.topic === TOPIC && deliversFor(e.message, node.ref, GROUP)) add(index(e.message), node.index)
    if (e.type === 'queue-deliver' && e.attempt === 0 && e.group === GROUP) add(index(e.message), node.index)
  }
  for (const m of members) net.sim.nodes[m].driver.input((core, now) => { core.subscribe(now, TOPIC); core.joinQueue(now, TOPIC, GROUP) })
  net.run(3000)
  return r
}

function publish (r: Run, count: number, everyMs: number): void {
  publishNumbered(r, TOPIC, count, everyMs)
}

describe('direct publishing to plain queue groups', () => {
  it('each message once, balanced, and past the root', () => {
    const r = setUp(net => [net.rootOf(TOPIC)])
    const root = r.net.sim.nodes[r.net.rootOf(TOPIC)].core
    publish(r, 400, 10)
    r.net.run(2000)
    for (let i = 0; i < 400; i++) expect(r.handled.get(i), `message ${i}`).toHaveLength(1)
    const pub = r.net.sim.nodes[r.publisher].core
    expect(pub.stats.queueDirectSent).toBeGreaterThan(350)
    // The root saw the first publishes and one per refresh interval, not the stream.
    expect(root.stats.received.publish).toBeLessThan(50)
    const per = new Map<number, number>()
    for (const [n] of r.handled.values()) per.set(n, (per.get(n) ?? 0) + 1)
    for (const m of r.members) expect(per.get(m)).toBeGreaterThanOrEqual(90)
  })

  it('a plain subscriber that joins turns it off: it gets everything from two refresh intervals after ready', () => {
    const r = setUp(net => [net.rootOf(TOPIC)])
    publish(r, 100, 10)
    const [plain] = pick(r.net.sim, 1, [r.publisher, ...r.members, r.net.rootOf(TOPIC)])
    const got = new Set<number>()
    let readyAt = -1
    const before = r.net.sim.hooks.event
    r.net.sim.hooks.event = (node, e, now) => {
      before?.(node, e, now)
      if (node.index !== plain) return
      if (e.type === 'ready' && e.topic === TOPIC) readyAt = r.published
      if (e.type === 'deliver' && e.message.topic === TOPIC) got.add(index(e.message))
    }
    r.net.subscribe(plain, TOPIC)
    publish(r, 300, 10)
    r.net.run(2000)
    expect(readyAt).toBeGreaterThan(0)
    // 2 s at 10 ms a message: 200 messages after ready.
    for (let i = readyAt + 200; i < r.published; i++) expect(got.has(i), `message ${i}`).toBe(true)
    for (let i = 0; i < r.published; i++) expect(r.handled.get(i), `message ${i}`).toHaveLength(1)
  })
})
