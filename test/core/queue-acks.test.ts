// Queue groups with explicit acknowledgements in the core, on the simulator (issue 13, item 1):
// a member that dies mid-stream loses nothing (its unacknowledged messages go to the others, each
// message is acknowledged once, redeliveries counted); a member never holds more than its
// maxAckPending unacknowledged messages (balance by outstanding work); a nak is redelivered to
// another member; after maxDeliver deliveries a message goes to $DLQ.<topic> with the reason.
import { describe, expect, it } from 'vitest'
import { CORE_DEFAULTS } from '../../src/core/defaults.ts'
import type { QueueAckKind } from '../../src/core/wire/types.ts'
import { network, pick, publishNumbered } from './helpers.ts'
import type { Net } from './helpers.ts'

const TOPIC = 'jobs'
const GROUP = 'workers'

interface Run {
  net: Net
  publisher: number
  members: number[]
  /** Message index -> (member, attempt) in delivery order. */
  delivered: Map<number, Array<[number, number]>>
  /** Message index -> members that acknowledged it. */
  acked: Map<number, number[]>
  /** What each member answers (default ack at once; 'none': never). */
  behaviour: Map<number, QueueAckKind | 'none'>
  published: number
}

const index = (p: Uint8Array): number => p[0] | (p[1] << 8)

function setUp (memberCount: number, maxAckPending: number | number[], exclude: number[] = []): Run {
  const net = network(100)
  const [publisher, ...members] = pick(net.sim, memberCount + 1, exclude)
  const r: Run = { net, publisher, members, delivered: new Map(), acked: new Map(), behaviour: new Map(), published: 0 }
  net.sim.hooks.event = (node, e) => {
    if (e.type !== 'queue-deliver') return
    const i = index(e.message.payload)
    r.delivered.set(i, [...(r.delivered.get(i) ?? []), [node.index, e.attempt]])
    const kind = r.behaviour.get(node.index) ?? 'ack'
    if (kind === 'none') return
    if (kind === 'ack') r.acked.set(i, [...(r.acked.get(i) ?? []), node.index])
    node.driver.input((core, now) => { core.queueAck(now, TOPIC, e.group, e.message, kind) })
  }
  members.forEach((m, k) => {
    const max = Array.isArray(maxAckPending) ? maxAckPending[k] : maxAckPending
    net.sim.nodes[m].driver.input((core, now) => { core.subscribe(now, TOPIC); core.joinQueue(now, TOPIC, GROUP, max) })
  })
  net.run(3000)
  return r
}

function publish (r: Run, count: number, everyMs: number, before?: (i: number) => void): void {
  publishNumbered(r, TOPIC, count, everyMs, before)
}

const rootCore = (r: Run): Net['sim']['nodes'][number]['core'] => r.net.sim.nodes[r.net.rootOf(TOPIC)].core

describe('queue groups with acknowledgements', () => {
  it('a member killed mid-stream loses nothing: every message acknowledged once, its share redelivered', () => {
    const net0 = network(100)
    const r = setUp(4, 1000, [net0.rootOf(TOPIC)])
    const victim = r.members[1]
    publish(r, 200, 20, i => { if (i === 100) r.net.sim.crash(victim) })
    r.net.run(5000)
    for (let i = 0; i < 200; i++) expect(r.acked.get(i)?.length, `message ${i}`).toBe(1)
    expect(rootCore(r).stats.queueRedeliveries).toBeGreaterThan(0)
    // What the victim was given and had not acknowledged (it never saw what came after its
    // death) went to a live member on a later attempt.
    const redelivered = [...r.delivered.values()].flat().filter(([, attempt]) => attempt > 1)
    expect(redelivered.length).toBe(rootCore(r).stats.queueRedeliveries)
    for (const [member] of redelivered) expect(member).not.toBe(victim)
  })

  it('a member never holds more than its maxAckPending unacknowledged messages', () => {
    const r = setUp(3, [2, 1000, 1000])
    const slow = r.members[0]
    r.behaviour.set(slow, 'none') // takes messages, never answers (within the ack wait)
    publish(r, 60, 20)
    r.net.run(2000)
    const toSlow = [...r.delivered.values()].filter(d => d.some(([m]) => m === slow)).length
    expect(toSlow).toBe(2)
    for (let i = 0; i < 60; i++) {
      const d = r.delivered.get(i) ?? []
      if (!d.some(([m]) => m === slow)) expect(r.acked.get(i), `message ${i}`).toHaveLength(1)
    }
    // After the ack wait, the slow member's two go to the others.
    r.net.run(CORE_DEFAULTS.queueAckWaitMs + 1000)
    for (let i = 0; i < 60; i++) expect(r.acked.get(i), `message ${i}`).toHaveLength(1)
  })

  it('a nak sends the message to another member; after maxDeliver it goes to the dead-letter topic', () => {
    const r = setUp(2, 100)
    const [naker, worker] = r.members
    r.behaviour.set(naker, 'nak')
    publish(r, 20, 50)
    r.net.run(2000)
    for (let i = 0; i < 20; i++) {
      expect(r.acked.get(i), `message ${i}`).toEqual([worker])
      const d = r.delivered.get(i) ?? []
      if (d[0][0] === naker) expect(d[1]).toEqual([worker, 2])
    }
    // Everyone refuses: five deliveries, then $DLQ.jobs with the reason and the count.
    r.behaviour.set(worker, 'nak')
    const dlq: Array<{ index: number, headers: Record<string, string> }> = []
    const watcher = r.members[0]
    r.net.subscribe(watcher, `$DLQ.${TOPIC}`)
    r.net.run(2000)
    r.net.sim.hooks.deliver = (node, e) => {
      if (node.index === watcher && e.message.topic === `$DLQ.${TOPIC}`) dlq.push({ index: index(e.message.payload), headers: Object.fromEntries(e.message.headers.map(h => [h.key, h.value])) })
    }
    publish(r, 1, 50)
    r.net.run(3000)
    expect(r.delivered.get(20)?.length).toBe(CORE_DEFAULTS.queueMaxDeliver)
    expect(dlq).toEqual([{ index: 20, headers: expect.objectContaining({ 'meshcast-dlq-reason': 'max-deliver', 'meshcast-dlq-deliveries': String(CORE_DEFAULTS.queueMaxDeliver), 'meshcast-dlq-group': GROUP }) }])
  })
})
