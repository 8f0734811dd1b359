// A node whose own host stalled (its timeout came late) does not blame its peers for the
// silence of the stall; a peer that stays silent afterwards is still failed.
import { describe, expect, it } from 'vitest'
import { MeshCore } from '../../src/core/mesh-core.ts'
import { Rng } from '../../src/core/rng.ts'

function pair (): { a: MeshCore, b: MeshCore, pump: (now: number, from?: MeshCore[]) => void } {
  const a = new MeshCore({ ref: 'a', id: new Rng(1).bytes(32), rng: new Rng(1), now: 0 })
  const b = new MeshCore({ ref: 'b', id: new Rng(2).bytes(32), rng: new Rng(2), now: 0 })
  const byRef = new Map([['a', a], ['b', b]])
  a.handlePeerUp(0, 'b', b.id, 1)
  b.handlePeerUp(0, 'a', a.id, 1)
  const pump = (now: number, from = [a, b]): void => {
    for (let moved = true; moved;) {
      moved = false
      for (const c of from) {
        for (const { to, msg } of c.drainTransmits()) {
          byRef.get(to)?.handleMessage(now, c.ref, msg)
          moved = true
        }
      }
    }
  }
  return { a, b, pump }
}

/** Runs both cores on time, every 50 ms, from `from` to `to`. */
function run (cores: { a: MeshCore, b: MeshCore, pump: (now: number) => void }, from: number, to: number): void {
  for (let t = from; t <= to; t += 50) {
    cores.a.handleTimeout(t)
    cores.b.handleTimeout(t)
    cores.pump(t)
  }
}

describe('a stalled host', () => {
  it('does not fail the parent it could not hear while it did not run', () => {
    const net = pair()
    net.a.subscribe(0, 't')
    net.b.subscribe(0, 't')
    run(net, 0, 3000)
    const child = net.a.topicView('t')?.role === 'root' ? net.b : net.a
    const parent = child === net.a ? net.b : net.a
    expect(child.topicView('t')).toMatchObject({ parent: parent.ref, attached: true })
    // Both hosts stall for 4 s (over three failure timeouts). The child's timer fires first
    // after the stall, before it has read what the parent sent meanwhile.
    child.handleTimeout(7000)
    expect(child.topicView('t')).toMatchObject({ parent: parent.ref, attached: true })
    expect(child.stats.stalls).toBe(1)
    run(net, 7000, 9000)
    expect(child.topicView('t')).toMatchObject({ parent: parent.ref, attached: true })
  })

  it('still fails a parent that stays silent after the stall', () => {
    const net = pair()
    net.a.subscribe(0, 't')
    net.b.subscribe(0, 't')
    run(net, 0, 3000)
    const child = net.a.topicView('t')?.role === 'root' ? net.b : net.a
    const parent = child === net.a ? net.b : net.a
    child.handleTimeout(7000)
    expect(child.topicView('t')?.parent).toBe(parent.ref)
    // The parent is dead from here on: only the child runs.
    for (let t = 7050; t <= 9500; t += 50) {
      child.handleTimeout(t)
      child.drainTransmits()
    }
    expect(child.topicView('t')?.parent).not.toBe(parent.ref)
  })
})
