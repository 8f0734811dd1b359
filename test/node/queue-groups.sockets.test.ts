// Queue groups between real nodes over libp2p on loopback (issue 13, items 1 and 3): each
// message goes to one member of the group, round-robin, while a plain subscriber gets them
// all; requests to a queue group are answered by one member (the service pattern); a member
// whose node stops is dropped by the root and the others take its share.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestnet, InvalidOptionError } from '../../src/index.ts'
import type { MeshNode, Subscription, Testnet } from '../../src/index.ts'
import { until } from '../helpers/until.ts'

let net: Testnet
/** Nodes a test stopped (the others are still running). */
const stopped = new Set<MeshNode>()
beforeAll(async () => { net = await createTestnet(7) })
afterAll(async () => { await net.stop() })

/** The members the topic's root has registered for the group. */
function registered (topic: string, group: string): number {
  for (const n of net.nodes) {
    const v = n.topics().find(t => t.topic === topic && t.role === 'root')
    if (v !== undefined) return v.queueGroups?.[group] ?? 0
  }
  return 0
}

function collect (sub: Subscription, into: string[]): void {
  void (async () => { for await (const m of sub) into.push(m.string()) })()
}

describe('queue groups', () => {
  it('each message goes to one member, in turn; a plain subscriber gets every one', async () => {
    const members = net.nodes.slice(1, 5)
    const got = members.map(() => [] as string[])
    const subs = members.map((n, i) => { const s = n.subscribe('jobs.resize', { queue: 'workers' }); collect(s, got[i]); return s })
    const all: string[] = []
    const plain = net.nodes[5].subscribe('jobs.resize')
    collect(plain, all)
    await Promise.all([...subs, plain].map(async s => { await s.ready }))
    await until('the root knows the 4 members', () => registered('jobs.resize', 'workers') === 4, 15_000)
    const sent = Array.from({ length: 40 }, (_, i) => `job-${i}`)
    for (const m of sent) await net.nodes[0].publish('jobs.resize', m)
    await until('every job handled and seen', () => got.flat().length >= sent.length && all.length >= sent.length, 15_000)
    expect(got.flat().sort()).toEqual([...sent].sort()) // each once, none lost
    expect(got.map(g => g.length)).toEqual([10, 10, 10, 10]) // round-robin, not luck
    expect(all.sort()).toEqual([...sent].sort())
    for (const s of [...subs, plain]) s.unsubscribe()
  })

  it('a request to a queue group is answered by one member; a stopped member\'s share goes to the others', async () => {
    const service = net.nodes.slice(2, 5)
    const answered = service.map(() => 0)
    const subs = service.map((n: MeshNode, i) => n.subscribe('svc.thumb', { queue: 'svc', callback: (_e, m) => { answered[i]++; m.respond(`done by ${i}`) } }))
    await Promise.all(subs.map(async s => { await s.ready }))
    await until('the root knows the 3 members', () => registered('svc.thumb', 'svc') === 3, 15_000)
    for (let k = 0; k < 9; k++) {
      const reply = await net.nodes[6].request('svc.thumb', `img-${k}`, { timeout: 5000 })
      expect(reply.string()).toMatch(/^done by [012]$/)
    }
    // In turn: the root's turns for the first requests, then the requester's own once the root
    // told it the members (direct publishing), so each member gets its share give or take one.
    for (const n of answered) expect(n).toBeGreaterThanOrEqual(2)
    expect(answered.reduce((a, b) => a + b, 0)).toBe(9)
    // A member's node goes away without a word: the root drops it once it stops hearing from it.
    // (A member that is not the topic's root: at most one of the three is.)
    const rootNode = net.nodes.find(n => n.topics().some(t => t.topic === 'svc.thumb' && t.role === 'root'))
    const v = service.findIndex(n => n !== rootNode)
    await service[v].stop()
    stopped.add(service[v])
    await until('the root dropped the stopped member', () => registered('svc.thumb', 'svc') === 2, 15_000)
    const before = answered.slice()
    for (let k = 0; k < 6; k++) expect((await net.nodes[6].request('svc.thumb', `again-${k}`, { timeout: 5000 })).string()).not.toBe(`done by ${v}`)
    expect(answered[v]).toBe(before[v])
    expect(answered.reduce((a, b) => a + b, 0) - before.reduce((a, b) => a + b, 0)).toBe(6)
  })

  it('with ack explicit, a member whose node dies holding messages loses nothing: each job acknowledged once by a live member', async () => {
    const topic = 'jobs.explicit'
    const members = net.nodes.slice(1).filter(n => !stopped.has(n)).slice(0, 3)
    const rootNode = (): MeshNode | undefined => net.nodes.find(n => n.topics().some(t => t.topic === topic && t.role === 'root'))
    const acks = new Map<string, number>()
    const held: number[] = members.map(() => 0)
    let victim = -1
    const subs = members.map((n, i) => n.subscribe(topic, {
      queue: 'w',
      ack: 'explicit',
      maxAckPending: 5,
      callback: (_e, m) => {
        if (i === victim) { held[i]++; return } // takes them and never answers
        acks.set(m.string(), (acks.get(m.string()) ?? 0) + 1)
        m.ack()
      }
    }))
    await Promise.all(subs.map(async s => { await s.ready }))
    await until('the root knows the 3 members', () => registered(topic, 'w') === 3, 15_000)
    victim = members.findIndex(n => n !== rootNode())
    const jobs = Array.from({ length: 60 }, (_, i) => `job-${i}`)
    for (const j of jobs) await net.nodes[0].publish(topic, j)
    await until('the victim holds its share', () => held[victim] >= 5, 15_000)
    await members[victim].stop() // its 5 unacknowledged jobs must go elsewhere
    stopped.add(members[victim])
    await until('every job acknowledged', () => jobs.every(j => acks.has(j)), 20_000)
    expect([...acks.values()].every(n => n === 1)).toBe(true)
    expect(acks.size).toBe(jobs.length)
    expect(held[victim]).toBe(5) // maxAckPending: it never held more
  })

  it('with members only, the publisher sends straight to them; a member that unsubscribes mid-stream loses none of its share', async () => {
    const topic = 'jobs.direct'
    const members = net.nodes.slice(1).filter(n => !stopped.has(n)).slice(0, 3)
    const got = members.map(() => [] as string[])
    const subs = members.map((n, i) => n.subscribe(topic, { queue: 'd', callback: (_e, m) => { got[i].push(m.string()) } }))
    await Promise.all(subs.map(async s => { await s.ready }))
    await until('the root knows the 3 members', () => registered(topic, 'd') === 3, 15_000)
    const pub = net.nodes[0]
    const sentBefore = pub.stats().core.queueDirectSent
    const jobs = Array.from({ length: 300 }, (_, i) => `d-${i}`)
    for (const [k, j] of jobs.entries()) {
      if (k === 150) subs[1].unsubscribe() // what the publisher still sends it goes back to the root
      await pub.publish(topic, j)
      if (k % 10 === 0) await new Promise(resolve => setImmediate(resolve))
    }
    await until('every job handled', () => new Set(got.flat()).size === jobs.length, 15_000).catch(err => {
      const counters = net.nodes.filter(n => !stopped.has(n)).map(n => { const c = n.stats().core; return { returnsLost: c.queueReturnsLost, refused: c.refused, noRoute: c.droppedNoRoute, dropped: n.stats().dropped } })
      throw new Error(`${(err as Error).message}: ${new Set(got.flat()).size} of ${jobs.length}; drops at the publisher ${JSON.stringify(pub.stats().dropped)}; per node ${JSON.stringify(counters)}`)
    })
    expect(got.flat().sort()).toEqual([...jobs].sort()) // each once
    expect(pub.stats().core.queueDirectSent - sentBefore).toBeGreaterThan(150)
    for (const s of subs) s.unsubscribe()
  })

  it('refuses a bad group name and a queue group with since', () => {
    expect(() => net.nodes[0].subscribe('t', { queue: '' })).toThrow(InvalidOptionError)
    expect(() => net.nodes[0].subscribe('t', { queue: 'x'.repeat(200) })).toThrow(/queue: a group name/)
    expect(() => net.nodes[0].subscribe('t', { queue: 'w', since: 1 })).toThrow(/since and queue cannot be combined/)
    expect(() => net.nodes[0].subscribe('t', { ack: 'explicit' })).toThrow(/for queue groups and durable subscriptions/)
    expect(() => net.nodes[0].subscribe('t', { queue: 'w', ack: 'explicit', maxAckPending: 0 })).toThrow(/maxAckPending/)
  })
})
