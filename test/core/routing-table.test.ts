// Next hop and root agree with a brute-force closest search over random populations.
import { describe, expect, it } from 'vitest'
import { compareDistance, commonPrefixLength } from '../../src/core/id.ts'
import { Rng } from '../../src/core/rng.ts'
import { RoutingTable } from '../../src/core/routing-table.ts'

function bruteClosest (ids: Uint8Array[], key: Uint8Array): number {
  let best = 0
  for (let i = 1; i < ids.length; i++) if (compareDistance(ids[i], ids[best], key) < 0) best = i
  return best
}

describe('RoutingTable', () => {
  it.each([1, 2, 3])('next hop is the known peer closest to the key, and only if closer than us (seed %i)', seed => {
    const rng = new Rng(seed)
    const self = rng.bytes(32)
    const table = new RoutingTable(self, 20, true)
    const ids = Array.from({ length: 400 }, () => rng.bytes(32))
    ids.forEach((id, i) => table.add(String(i), id, 1 + rng.next() * 100))
    const held = [...table.contacts()]
    expect(held.length).toBeLessThan(400)
    for (let q = 0; q < 300; q++) {
      const key = rng.bytes(32)
      const hop = table.nextHop(key)
      const best = held.reduce((a, b) => (compareDistance(b.id, a.id, key) < 0 ? b : a))
      if (compareDistance(best.id, self, key) < 0) expect(hop?.ref).toBe(best.ref)
      else expect(hop).toBeUndefined()
    }
  })

  it('recursive routing over full tables ends at the node closest to the key', () => {
    const rng = new Rng(7)
    const n = 300
    const ids = Array.from({ length: n }, () => rng.bytes(32))
    const tables = ids.map(id => new RoutingTable(id, 20, true))
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) tables[i].add(String(j), ids[j], rng.next() * 100)
    for (let q = 0; q < 200; q++) {
      const key = rng.bytes(32)
      let at = rng.int(n)
      let hops = 0
      for (;;) {
        const next = tables[at].nextHop(key)
        if (next === undefined) break
        expect(compareDistance(next.id, ids[at], key)).toBeLessThan(0) // strictly closer every hop
        at = +next.ref
        hops++
      }
      expect(at).toBe(bruteClosest(ids, key))
      expect(hops).toBeLessThanOrEqual(10)
    }
  })

  it('keeps at most k per bucket and prefers low round-trip peers (proximity)', () => {
    const rng = new Rng(5)
    const self = new Uint8Array(32)
    const pns = new RoutingTable(self, 4, true)
    const plain = new RoutingTable(self, 4, false)
    // Ten ids in bucket 0 (first bit set), with round-trip times 100, 90, ..., 10.
    for (let i = 0; i < 10; i++) {
      const id = rng.bytes(32); id[0] |= 0x80
      pns.add(`p${i}`, id, 100 - i * 10)
      plain.add(`p${i}`, id, 100 - i * 10)
    }
    expect(pns.bucketSizes()[0]).toBe(4)
    expect([...pns.contacts()].map(c => c.rtt).sort((a, b) => a - b)).toEqual([10, 20, 30, 40])
    expect([...plain.contacts()].map(c => c.ref).sort()).toEqual(['p0', 'p1', 'p2', 'p3'])
    for (const c of pns.contacts()) expect(commonPrefixLength(self, c.id)).toBe(0)
  })

  it('closest returns the n nearest known contacts in order', () => {
    const rng = new Rng(11)
    const table = new RoutingTable(rng.bytes(32), 20, true)
    const ids = Array.from({ length: 200 }, () => rng.bytes(32))
    ids.forEach((id, i) => table.add(String(i), id, 5))
    const key = rng.bytes(32)
    const held = [...table.contacts()].sort((a, b) => compareDistance(a.id, b.id, key))
    expect(table.closest(key, 3).map(c => c.ref)).toEqual(held.slice(0, 3).map(c => c.ref))
    expect(table.remove(held[0].ref)).toBe(true)
    expect(table.closest(key, 1)[0].ref).toBe(held[1].ref)
  })
})
