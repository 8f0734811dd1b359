// Acknowledged publishes (acks.ts): acknowledged once the root and a replica hold the message;
// across the silent death of the root, every acknowledged message reaches every reliable
// subscriber once and in order (the replica that takes over sends what was stashed with it);
// a publisher cut off from the mesh hears that its publishes failed.
import { describe, expect, it } from 'vitest'
import { CORE_DEFAULTS } from '../../src/core/defaults.ts'
import { network, pick } from './helpers.ts'
import type { Net } from './helpers.ts'

const TOPIC = 'payments'

interface Run {
  net: Net
  publisher: number
  subs: number[]
  acked: number[]
  failed: number[]
  got: Map<number, number[]>
}

function setUp (peers: number, subscribers: number): Run {
  const net = network(peers, { network: { crashNotice: false } }) // a crash is found by silence only
  const root = net.rootOf(TOPIC)
  const [publisher, ...subs] = pick(net.sim, subscribers + 1, [root])
  const r: Run = { net, publisher, subs, acked: [], failed: [], got: new Map() }
  net.sim.hooks.event = (node, e) => {
    if (node.index === publisher && e.type === 'acked') r.acked.push(e.seq)
    if (node.index === publisher && e.type === 'ack-failed') r.failed.push(e.seq)
    if (e.type === 'deliver' && e.message.topic === TOPIC) r.got.set(node.index, [...(r.got.get(node.index) ?? []), e.message.seq])
  }
  for (const s of subs) net.sim.nodes[s].driver.input((core, now) => { core.subscribe(now, TOPIC, { reliable: true }) })
  net.run(3000)
  return r
}

function publish (r: Run, count: number, everyMs: number): void {
  for (let i = 0; i < count; i++) {
    r.net.sim.nodes[r.publisher].driver.input((core, now) => { core.publish(now, TOPIC, new Uint8Array([i & 0xff]), [], { ack: true }) })
    r.net.run(everyMs)
  }
}

describe('acknowledged publishes', () => {
  it('are acknowledged when the root and a replica hold them', () => {
    const r = setUp(100, 5)
    r.net.sim.measuring = true
    publish(r, 20, 50)
    r.net.run(2000)
    expect(r.acked).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    expect(r.failed).toEqual([])
    // One stash per replica and publish, and an answer from each replica.
    expect(r.net.sim.counters.sent.stash).toBe(20 * CORE_DEFAULTS.replicas)
    expect(r.net.sim.counters.sent.publishAck).toBe(20 * CORE_DEFAULTS.replicas)
  })

  it('across the silent death of the root: every message is acknowledged and reaches every reliable subscriber once, in order', () => {
    const r = setUp(200, 12)
    publish(r, 30, 40)
    const root = r.net.rootOf(TOPIC)
    r.net.sim.crash(root)
    publish(r, 100, 40) // 4 s: the failure is found by silence, a replica takes over
    r.net.run(15_000)
    const all = Array.from({ length: 130 }, (_, i) => i + 1)
    expect(r.failed).toEqual([])
    expect([...r.acked].sort((a, b) => a - b)).toEqual(all)
    expect(r.net.sim.nodes[r.publisher].core.stats.ackRetries).toBeGreaterThan(0) // the dead root did lose some
    for (const s of r.subs) expect(r.got.get(s), `subscriber ${s}`).toEqual(all)
  })

  it('a publisher cut off from the mesh hears that its publishes failed, after the timeout', () => {
    const r = setUp(60, 3)
    const group = new Int8Array(r.net.sim.nodes.length)
    group[r.publisher] = 1
    r.net.sim.setPartition(group)
    const start = r.net.sim.now
    publish(r, 3, 10)
    r.net.run(CORE_DEFAULTS.ackTimeoutMs - 500)
    expect(r.failed).toEqual([])
    r.net.run(1500 + start + CORE_DEFAULTS.ackTimeoutMs - r.net.sim.now)
    expect(r.failed).toEqual([1, 2, 3])
    expect(r.acked).toEqual([])
  })
})
