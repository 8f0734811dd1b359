// SCRIBE trees in virtual time: formation, pruning, repair, root replacement, fan-out cap.
import { describe, expect, it } from 'vitest'
import { idToHex, topicKey } from '../../src/core/id.ts'
import { checkAcyclic, checkReachable } from '../../simulations/invariants.ts'
import { network, pick, sorted } from './helpers.ts'

const TOPIC = 'sensors/temperature'

describe('tree formation', () => {
  it.each([1, 2, 5, 20, 60])('forms one tree for %i subscribers, rooted at the closest node; each gets every message once', k => {
    const net = network(80)
    const subs = pick(net.sim, k)
    for (const s of subs) net.subscribe(s, TOPIC)
    net.run(3000)
    expect(sorted(net.ready.map(r => r.node))).toEqual(sorted(subs))
    const root = net.rootOf(TOPIC)
    expect(net.sim.nodes[root].core.topicState(TOPIC)?.isRoot).toBe(true)
    expect(net.members(TOPIC).filter(m => net.sim.nodes[m].core.topicState(TOPIC)?.isRoot)).toEqual([root])
    checkAcyclic(net.sim)
    checkReachable(net.sim, [TOPIC], new Map([[TOPIC, subs]]))

    net.sim.measuring = true
    const publisher = pick(net.sim, 1)[0]
    net.publish(publisher, TOPIC, 'hello')
    net.run(2000)
    expect(net.deliveredTo(TOPIC, 'hello')).toEqual(sorted(subs))
    // One copy per tree edge: DATA messages sent equal the child entries of the tree.
    const edges = net.members(TOPIC).reduce((n, m) => n + (net.sim.nodes[m].core.topicState(TOPIC)?.children.size ?? 0), 0)
    expect(net.sim.counters.sent.data).toBe(edges)
  })

  it('delivers nothing to nodes that did not subscribe, and counts a publish nobody hears', () => {
    const net = network(40)
    net.publish(3, 'nobody', 'x')
    net.run(1000)
    expect(net.deliveries).toEqual([])
    const dropped = net.sim.nodes.reduce((n, x) => n + x.core.stats.droppedNoRoute, 0)
    expect(dropped).toBe(1)
  })
})

describe('subscriber counts', () => {
  it('are summed up the tree; the root reports them to publishers, and they follow unsubscribes', () => {
    const net = network(100)
    const subs = pick(net.sim, 25)
    for (const s of subs) net.subscribe(s, TOPIC)
    net.run(4000) // a few refresh intervals: counts climb one level per refresh
    const root = net.rootOf(TOPIC)
    expect(net.sim.nodes[root].core.subscribers(TOPIC)).toBe(25)
    const publisher = pick(net.sim, 1, [...subs, root])[0]
    expect(net.sim.nodes[publisher].core.subscribers(TOPIC)).toBeUndefined()
    net.publish(publisher, TOPIC, 'count me')
    net.run(1000)
    expect(net.sim.nodes[publisher].core.subscribers(TOPIC)).toBe(25)
    for (const s of subs.slice(0, 10)) net.unsubscribe(s, TOPIC)
    for (let i = 0; i < 4; i++) { net.publish(publisher, TOPIC, `keep-${i}`); net.run(1000) }
    expect(net.sim.nodes[root].core.subscribers(TOPIC)).toBe(15)
    expect(net.sim.nodes[publisher].core.subscribers(TOPIC)).toBe(15)
  })

  it('a publish that finds no tree reports zero subscribers', () => {
    const net = network(30)
    net.publish(4, 'empty', 'x')
    net.run(500)
    expect(net.sim.nodes[4].core.subscribers('empty')).toBe(0)
  })
})

describe('leave', () => {
  it('prunes forwarders: only the path of the remaining subscriber stays, then nothing', () => {
    const net = network(120)
    const subs = pick(net.sim, 15)
    for (const s of subs) net.subscribe(s, TOPIC)
    net.run(3000)
    const before = net.members(TOPIC).length
    const keep = subs[0]
    for (const s of subs.slice(1)) net.unsubscribe(s, TOPIC)
    net.run(3000)
    // What remains is exactly the chain from `keep` up to the root.
    const chain = [keep]
    for (let cur = keep; !net.sim.nodes[cur].core.topicState(TOPIC)?.isRoot;) {
      cur = +(net.sim.nodes[cur].core.topicState(TOPIC)?.parent as string)
      chain.push(cur)
    }
    expect(sorted(net.members(TOPIC))).toEqual(sorted(chain))
    expect(net.members(TOPIC).length).toBeLessThan(before)
    net.unsubscribe(keep, TOPIC)
    net.run(3000)
    expect(net.members(TOPIC)).toEqual([])
  })
})

describe('repair', () => {
  for (const crashNotice of [true, false]) {
    it(`a subtree whose parent crashes is served again within the repair bound (crash notice ${crashNotice ? 'on' : 'off'})`, () => {
      const net = network(150, { network: { crashNotice } })
      const subs = pick(net.sim, 60)
      for (const s of subs) net.subscribe(s, TOPIC)
      net.run(4000)
      // An interior node: not the root, with children.
      const interior = net.members(TOPIC).find(m => {
        const t = net.sim.nodes[m].core.topicState(TOPIC)
        return t !== undefined && !t.isRoot && t.children.size > 0
      }) as number
      expect(interior).toBeDefined()
      const orphans = [...(net.sim.nodes[interior].core.topicState(TOPIC)?.children.keys() ?? [])].map(Number)
      net.sim.crash(interior)
      const hb = net.sim.heartbeatMs
      net.run(3 * hb + 1000)
      for (const o of orphans) {
        const t = net.sim.nodes[o].core.topicState(TOPIC)
        expect(t?.attached).toBe(true)
        expect(t?.parent).not.toBe(String(interior))
      }
      const live = subs.filter(s => s !== interior)
      checkReachable(net.sim, [TOPIC], new Map([[TOPIC, live]]))
      // A first publish is routed hop by hop and may meet the crashed node (best effort);
      // the next one goes to the root the first one found.
      const publisher = pick(net.sim, 1, [interior])[0]
      net.publish(publisher, TOPIC, 'first')
      net.run(1500)
      net.publish(publisher, TOPIC, 'after')
      net.run(1500)
      expect(net.deliveredTo(TOPIC, 'after')).toEqual(sorted(live))
      expect(net.sim.nodes.reduce((n, x) => n + x.core.stats.repairs, 0)).toBeGreaterThan(0)
    })

    it(`a crashed root is replaced by the next closest node and publishing continues (crash notice ${crashNotice ? 'on' : 'off'})`, () => {
      const net = network(150, { network: { crashNotice } })
      const subs = pick(net.sim, 40)
      for (const s of subs) net.subscribe(s, TOPIC)
      const publisher = pick(net.sim, 1, subs)[0]
      net.run(4000)
      const oldRoot = net.rootOf(TOPIC)
      net.publish(publisher, TOPIC, 'before')
      net.run(1000)
      net.sim.crash(oldRoot)
      const hb = net.sim.heartbeatMs
      net.run(3 * hb + 1000)
      const newRoot = net.rootOf(TOPIC)
      expect(newRoot).not.toBe(oldRoot)
      expect(net.sim.nodes[newRoot].core.topicState(TOPIC)?.isRoot).toBe(true)
      const live = subs.filter(s => s !== oldRoot)
      checkReachable(net.sim, [TOPIC], new Map([[TOPIC, live]]))
      // The publisher's cached root is dead; it finds the new root and keeps publishing.
      for (let i = 0; i < 3; i++) { net.publish(publisher, TOPIC, `after-${i}`); net.run(700) }
      net.run(1000)
      expect(net.deliveredTo(TOPIC, 'after-2')).toEqual(sorted(live))
    })
  }
})

describe('root handover', () => {
  it('a node that joins closer to the key than the root becomes the root', () => {
    const net = network(100)
    const subs = pick(net.sim, 30)
    for (const s of subs) net.subscribe(s, TOPIC)
    net.run(3000)
    const oldRoot = net.rootOf(TOPIC)
    // An id closer to the key than anyone: the key itself with the last bit flipped.
    const id = topicKey(TOPIC).slice()
    id[31] ^= 1
    const newcomer = net.sim.joinNode(id)
    net.run(3000)
    expect(net.rootOf(TOPIC)).toBe(newcomer.index)
    expect(newcomer.core.topicState(TOPIC)?.isRoot).toBe(true)
    expect(net.sim.nodes[oldRoot].core.topicState(TOPIC)?.isRoot).toBe(false)
    expect(idToHex(newcomer.id)).not.toBe(idToHex(topicKey(TOPIC)))
    checkReachable(net.sim, [TOPIC], new Map([[TOPIC, subs]]))
    net.publish(subs[0], TOPIC, 'to-new-root')
    net.run(1500)
    expect(net.deliveredTo(TOPIC, 'to-new-root')).toEqual(sorted(subs))
  })
})

describe('fan-out cap (bottleneck remover)', () => {
  it('no node keeps more active children than its cap, and everyone is still served', () => {
    const cap = 4
    const net = network(120, { core: { maxChildren: cap } })
    const subs = pick(net.sim, 100)
    for (const s of subs) net.subscribe(s, TOPIC)
    net.run(8000)
    const redirects = net.sim.nodes.reduce((n, x) => n + x.core.stats.redirects, 0)
    expect(redirects).toBeGreaterThan(0)
    for (const n of net.sim.nodes) expect(n.core.childCount).toBeLessThanOrEqual(cap)
    checkAcyclic(net.sim)
    net.publish(subs[0], TOPIC, 'capped')
    net.run(2000)
    expect(net.deliveredTo(TOPIC, 'capped')).toEqual(sorted(subs))
  })
})
