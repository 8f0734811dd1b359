// The fuzzer in CI (issue 14, item 6): 100,000 units of random and mutated input (every message
// type, libp2p stream framing, ZeroMQ lane batches, the control socket) into a live node, with an
// honest publisher's probes: no crash, no hang, memory bounded. The long run (10^6) is in
// docs/security.md; `npm run fuzz -- --frames N --seed S` runs either.
import { describe, expect, it } from 'vitest'
import { fuzz } from '../../scripts/fuzz/run.ts'

describe('fuzzing a live node', () => {
  it('100,000 inputs: no crash, no hang, bounded memory, and the node still delivers', async () => {
    const r = await fuzz({ frames: 100_000, seed: Number(process.env.MESHCAST_FUZZ_SEED ?? 1) })
    expect(r.crashMessages).toEqual([])
    expect(r.hangs).toBe(0)
    expect(r.probes).toBeGreaterThanOrEqual(50)
    // Every kind of input was sent, and the victim saw (and refused) a good part of it.
    for (const n of Object.values(r.byKind)) expect(n).toBeGreaterThan(1000)
    expect(r.victim.received).toBeGreaterThan(80_000)
    expect(r.victim.malformedFrames).toBeGreaterThan(10_000)
    expect(r.victim.malformedBatches).toBeGreaterThan(1000)
    // Three nodes in this process: what they hold stays bounded (the run starts near 130 MB).
    expect(r.rssMaxMB).toBeLessThan(r.rssStartMB + 600)
    expect(r.heapEndMB).toBeLessThan(r.heapStartMB + 200)
    // What is live after a full collection grows by little: 100,000 units leave a few hundred
    // topics and mailbox messages (16 MB here). Views that pinned received chunks (Buffer.slice)
    // and queues for made-up destinations grew it by about 90 MB.
    const [first, last] = [r.live[0], r.live[r.live.length - 1]]
    expect(last.units).toBe(100_000)
    expect(last.heapMB + last.externalMB - first.heapMB - first.externalMB).toBeLessThan(60)
  }, 600_000)
})
