// Whether data stands for a heartbeat (CoreOptions.dataSuppressesHeartbeats): where data and
// control share one link (the simulator) a child that gets data every 100 ms needs no beat;
// where data has a stream of its own (the node) the child still gets one every interval.
import { describe, expect, it } from 'vitest'
import { CORE_DEFAULTS } from '../../src/core/defaults.ts'
import { MeshCore } from '../../src/core/mesh-core.ts'
import { Rng } from '../../src/core/rng.ts'

function beatsToChild (dataSuppressesHeartbeats: boolean): number {
  const core = new MeshCore({ ref: 'me', id: new Uint8Array(32), rng: new Rng(1), now: 0, options: { dataSuppressesHeartbeats } })
  core.subscribe(0, 'stream') // alone: the root
  core.handleMessage(1, 'c', { type: 'join', topic: 'stream', subscribers: 1, reliable: false })
  core.drainTransmits()
  let beats = 0
  for (let now = 100; now <= 5000; now += 100) {
    core.handleMessage(now, 'c', { type: 'heartbeat', topics: ['stream'], counts: [1], roots: [] }) // the child refreshes
    core.publish(now, 'stream', new Uint8Array([1]))
    while (core.pollTimeout() <= now) core.handleTimeout(core.pollTimeout())
    beats += core.drainTransmits().filter(t => t.to === 'c' && t.msg.type === 'heartbeat').length
  }
  return beats
}

describe('liveness beats to a child that gets data', () => {
  it('none where data counts as liveness; one per heartbeat interval where it does not', () => {
    expect(beatsToChild(true)).toBe(0)
    const expected = 4900 / CORE_DEFAULTS.heartbeatIntervalMs
    expect(beatsToChild(false)).toBeGreaterThanOrEqual(expected - 1)
    expect(beatsToChild(false)).toBeLessThanOrEqual(expected + 1)
  })
})
