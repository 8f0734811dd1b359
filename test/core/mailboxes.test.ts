// Durable mailboxes in the core, on the simulator (issue 13, items 2 and 6): a durable
// subscriber that leaves, misses 100 messages and returns on another node receives all 100, in
// order, once; also when one of the two holders crashed meanwhile (either one); the bounds drop
// the oldest and say so at both ends; acknowledged messages leave both holders; a deleted
// mailbox keeps nothing more.
import { describe, expect, it } from 'vitest'
import { mailboxKey } from '../../src/core/mailboxes.ts'
import { KEPT_OVERHEAD_BYTES } from '../../src/core/mailbox-contents.ts'
import { compareDistance } from '../../src/core/id.ts'
import type { CoreEvent } from '../../src/core/core-types.ts'
import type { CoreOptions } from '../../src/core/defaults.ts'
import { network, pick, publishNumbered } from './helpers.ts'
import type { Net } from './helpers.ts'

const TOPIC = 'devices.42.cmd'
const NAME = 'device-42'

interface Run {
  net: Net
  publisher: number
  /** Per node index: the payloads its durable subscription got, in order. */
  got: Map<number, number[]>
  ready: Set<number>
  overflow: Array<{ node: number, dropped: number, holder: boolean }>
  published: number
}

const index = (p: Uint8Array): number => p[0] | (p[1] << 8)

function setUp (core: Partial<CoreOptions> = {}): Run {
  const net = network(60, { core })
  const [publisher] = pick(net.sim, 1)
  const r: Run = { net, publisher, got: new Map(), ready: new Set(), overflow: [], published: 0 }
  net.sim.hooks.event = (node, e: CoreEvent) => {
    if (e.type === 'mailbox-ready') r.ready.add(node.index)
    if (e.type === 'mailbox-overflow') r.overflow.push({ node: node.index, dropped: e.dropped, holder: e.holder })
    if (e.type !== 'mailbox-deliver') return
    r.got.set(node.index, [...(r.got.get(node.index) ?? []), index(e.message.payload)])
    node.driver.input((c, now) => { c.mailboxAck(now, e.name, e.message.topic, e.message) })
  }
  return r
}

const open = (r: Run, node: number): void => { r.net.sim.nodes[node].driver.input((c, now) => { c.openMailbox(now, NAME, TOPIC) }) }
const close = (r: Run, node: number, remove = false): void => { r.net.sim.nodes[node].driver.input((c, now) => { c.closeMailbox(now, NAME, TOPIC, remove) }) }

function publish (r: Run, count: number, everyMs = 10): void {
  publishNumbered(r, TOPIC, count, everyMs)
}

/** Live nodes that hold the mailbox, closest to its key first. */
function holders (r: Run): number[] {
  const key = mailboxKey(NAME, TOPIC)
  return r.net.sim.nodes.filter(n => n.alive && n.core.mailboxesHeld > 0).sort((a, b) => compareDistance(a.id, b.id, key)).map(n => n.index)
}

/** The two live nodes closest to the mailbox's key (its holders to be), to keep the subscriber off them. */
function keyNodes (r: Run): number[] {
  const key = mailboxKey(NAME, TOPIC)
  return r.net.sim.nodes.filter(n => n.alive).sort((a, b) => compareDistance(a.id, b.id, key)).slice(0, 2).map(n => n.index)
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i)

/** Subscribes on `first`, receives 20 live, leaves; 100 go out; returns on `second`. */
function leaveAndReturn (r: Run, first: number, second: number, away?: () => void): void {
  open(r, first)
  r.net.run(3000)
  expect(r.ready.has(first)).toBe(true)
  publish(r, 20)
  r.net.run(1000)
  expect(r.got.get(first)).toEqual(range(0, 20))
  close(r, first)
  r.net.run(500)
  publish(r, 100)
  r.net.run(2500)
  away?.()
  open(r, second)
  r.net.run(5000)
}

describe('durable mailboxes', () => {
  it('a subscriber that leaves, misses 100 and returns on another node gets all 100 in order, once; acknowledged ones leave both holders', () => {
    const r = setUp()
    const [first, second] = pick(r.net.sim, 2, [r.publisher, ...keyNodes(r)])
    leaveAndReturn(r, first, second, () => { expect(holders(r)).toHaveLength(2) })
    expect(r.got.get(second)).toEqual(range(20, 120))
    publish(r, 10)
    r.net.run(2000)
    expect(r.got.get(second)).toEqual(range(20, 130))
    // Everything acknowledged: neither holder keeps anything (the second learnt the watermarks).
    expect(holders(r)).toHaveLength(2)
    for (const h of holders(r)) {
      expect(r.net.sim.nodes[h].core.mailboxesHeld).toBe(1)
      expect(r.net.sim.nodes[h].core.mailboxMessages).toBe(0)
    }
  })

  for (const victim of ['closest', 'second'] as const) {
    it(`all 100 arrive in order after the ${victim} holder crashed while the subscriber was away`, () => {
      const r = setUp()
      const [first, second] = pick(r.net.sim, 2, [r.publisher, ...keyNodes(r)])
      let crashed = -1
      leaveAndReturn(r, first, second, () => {
        const hs = holders(r)
        expect(hs).toHaveLength(2)
        crashed = victim === 'closest' ? hs[0] : hs[1]
        expect([first, second, r.publisher]).not.toContain(crashed)
        r.net.sim.crash(crashed)
      })
      expect(r.got.get(second)).toEqual(range(20, 120))
      // The survivor handed the mailbox on: two live holders again.
      r.net.run(5000)
      expect(holders(r)).toHaveLength(2)
      expect(holders(r)).not.toContain(crashed)
    })
  }

  it('one holder crashes, the survivor copies the mailbox to the next node, then the survivor crashes too: all 100 still arrive', () => {
    const r = setUp()
    const [first, second] = pick(r.net.sim, 2, [r.publisher, ...keyNodes(r)])
    const crashed: number[] = []
    leaveAndReturn(r, first, second, () => {
      const [closest, next] = holders(r)
      r.net.sim.crash(next)
      crashed.push(next)
      r.net.run(4000) // failure detected, the mailbox copied to the node now second closest
      const now = holders(r)
      expect(now).toHaveLength(2)
      expect(now).not.toContain(next)
      r.net.sim.crash(closest)
      crashed.push(closest)
      expect([first, second, r.publisher]).not.toContain(next)
      expect([first, second, r.publisher]).not.toContain(closest)
    })
    expect(r.got.get(second)).toEqual(range(20, 120))
  })

  it('over its bound a mailbox drops the oldest, counted, with an event at the holder and at the subscriber', () => {
    const r = setUp({ mailboxMaxMessages: 30 })
    const [first, second] = pick(r.net.sim, 2, [r.publisher, ...keyNodes(r)])
    leaveAndReturn(r, first, second)
    expect(r.got.get(second)).toEqual(range(90, 120))
    expect(r.overflow.some(o => o.holder && o.dropped === 70)).toBe(true)
    expect(r.overflow).toContainEqual({ node: second, dropped: 70, holder: false })
  })

  it('its byte bound counts what keeping a message costs (KEPT_OVERHEAD_BYTES), so tiny messages are bounded too', () => {
    // Payloads of 2 bytes: counted alone, 16 MiB would keep millions of them.
    const r = setUp({ mailboxMaxBytes: 30 * (KEPT_OVERHEAD_BYTES + 2) })
    const [first, second] = pick(r.net.sim, 2, [r.publisher, ...keyNodes(r)])
    leaveAndReturn(r, first, second)
    expect(r.got.get(second)).toEqual(range(90, 120))
    expect(r.overflow).toContainEqual({ node: second, dropped: 70, holder: false })
  })

  it('a deleted mailbox is gone from both holders and keeps nothing for a later subscriber', () => {
    const r = setUp()
    const [first, second] = pick(r.net.sim, 2, [r.publisher, ...keyNodes(r)])
    open(r, first)
    r.net.run(4000)
    expect(holders(r)).toHaveLength(2)
    close(r, first, true)
    r.net.run(500)
    expect(holders(r)).toHaveLength(0)
    publish(r, 10)
    r.net.run(1000)
    open(r, second)
    r.net.run(4000)
    expect(r.got.get(second)).toBeUndefined()
    publish(r, 5)
    r.net.run(1500)
    expect(r.got.get(second)).toEqual(range(10, 15))
  })
})
