// Reliable subscriptions (recovery.ts): what a best-effort subscription loses while its tree
// repairs, or to a lossy link, a reliable one gets again from the tree's buffers, in order and
// once. Best-effort and reliable subscribers share each run, so the loss that reliability
// recovers is shown to happen in the same run.
import { describe, expect, it } from 'vitest'
import { network, pick } from './helpers.ts'
import type { Net } from './helpers.ts'

const TOPIC = 'orders'

interface Run {
  net: Net
  publisher: number
  reliable: number[]
  plain: number[]
  /** Sequence numbers each node delivered, in delivery order. */
  got: Map<number, number[]>
  /** Messages each node was told it will not receive. */
  gaps: Map<number, number>
  published: number
}

function setUp (peers: number, subscribers: number, options: Parameters<typeof network>[1] = {}): Run {
  const net = network(peers, options)
  const root = net.rootOf(TOPIC)
  const [publisher, ...subs] = pick(net.sim, subscribers + 1, [root])
  const reliable = subs.filter((_, i) => i % 2 === 0)
  const plain = subs.filter((_, i) => i % 2 === 1)
  const got = new Map<number, number[]>()
  const gaps = new Map<number, number>()
  net.sim.hooks.deliver = (node, e) => {
    if (e.message.topic === TOPIC) got.set(node.index, [...(got.get(node.index) ?? []), e.message.seq])
  }
  net.sim.hooks.gap = (node, e) => { gaps.set(node.index, (gaps.get(node.index) ?? 0) + e.missed) }
  for (const s of reliable) net.sim.nodes[s].driver.input((core, now) => { core.subscribe(now, TOPIC, { reliable: true }) })
  for (const s of plain) net.subscribe(s, TOPIC)
  net.run(3000)
  return { net, publisher, reliable, plain, got, gaps, published: 0 }
}

function publish (r: Run, count: number, everyMs: number): void {
  for (let i = 0; i < count; i++) {
    r.net.sim.nodes[r.publisher].driver.input((core, now) => { core.publish(now, TOPIC, new Uint8Array([i & 0xff])) })
    r.published++
    r.net.run(everyMs)
  }
}

const range = (a: number, b: number): number[] => Array.from({ length: b - a + 1 }, (_, i) => a + i)
const alive = (r: Run, xs: number[]): number[] => xs.filter(x => r.net.sim.nodes[x].alive)

/** Subscribers that hang below a node other than the root (crashing it orphans them). */
function forwardersAbove (r: Run, subs: number[]): number[] {
  const out = new Set<number>()
  const byRef = new Map(r.net.sim.nodes.map(n => [n.ref, n.index]))
  for (const s of subs) {
    const parent = r.net.sim.nodes[s].core.topicView(TOPIC)?.parent
    const p = parent === null || parent === undefined ? undefined : byRef.get(parent)
    if (p !== undefined && p !== r.publisher && r.net.sim.nodes[p].core.topicView(TOPIC)?.role !== 'root' && !subs.includes(p)) out.add(p)
  }
  return [...out]
}

describe('reliable subscriptions', () => {
  it('across the crash of their parents: every message, in order, once; best-effort neighbours lose some and are told', () => {
    const r = setUp(300, 60)
    publish(r, 50, 20)
    const victims = forwardersAbove(r, [...r.reliable, ...r.plain])
    expect(victims.length).toBeGreaterThan(0)
    for (const v of victims) r.net.sim.crash(v)
    publish(r, 150, 20) // 3 s: the orphans re-attach meanwhile
    publish(r, 20, 50) // after the repair
    r.net.run(5000)
    const all = range(1, r.published)
    let plainLost = 0
    for (const s of alive(r, r.reliable)) expect(r.got.get(s), `reliable subscriber ${s}`).toEqual(all)
    for (const s of alive(r, r.plain)) {
      const got = r.got.get(s) ?? []
      expect([...got].sort((a, b) => a - b), `order at ${s}`).toEqual(got)
      expect(new Set(got).size).toBe(got.length)
      const lost = r.published - got.length
      plainLost += lost
      // Best effort loses, but never silently (the first message only counts once seen).
      if (got[0] === 1) expect(r.gaps.get(s) ?? 0, `gaps reported at ${s}`).toBe(lost)
    }
    expect(plainLost).toBeGreaterThan(0) // the repair did lose messages where nobody asked again
    expect(r.reliable.some(s => r.net.sim.nodes[s].core.stats.replaysReceived > 0)).toBe(true)
  })

  it('on links that lose 3% of messages: reliable subscribers get every message that reached the root; best-effort ones miss some', () => {
    const r = setUp(100, 20, { network: { loss: 0.03 } })
    publish(r, 200, 20)
    publish(r, 10, 100) // later messages reveal the loss of the earlier ones
    r.net.run(30_000)
    // A PUBLISH lost on its way to the root is lost for everyone (acknowledged publishes are
    // the answer to that); what reached the root is in its buffer.
    const root = r.net.sim.nodes[r.net.rootOf(TOPIC)].core
    const pub = r.net.sim.nodes[r.publisher].core
    const atRoot = (root.topicState(TOPIC)?.buffer?.find(pub.ref, pub.epoch, 1, 200) ?? []).map(m => m.seq).sort((a, b) => a - b)
    expect(atRoot.length).toBeGreaterThan(180)
    for (const s of alive(r, r.reliable)) {
      const got = r.got.get(s) ?? []
      expect(got.filter(q => q <= 200), `reliable subscriber ${s}`).toEqual(atRoot)
      expect([...got].sort((a, b) => a - b)).toEqual(got)
    }
    const plainMissing = alive(r, r.plain).map(s => atRoot.length - (r.got.get(s) ?? []).filter(q => q <= 200).length)
    expect(plainMissing.reduce((a, b) => a + b, 0)).toBeGreaterThan(0)
  })
})

