// Per-publisher order at the subscriber: held messages, gaps reported after the wait, late and
// stale messages dropped, duplicates never delivered. A real MeshCore alone (it roots every
// topic) receives DATA frames as a parent would send them, in the order a test chooses.
import { describe, expect, it } from 'vitest'
import { CORE_DEFAULTS } from '../../src/core/defaults.ts'
import { MeshCore } from '../../src/core/mesh-core.ts'
import type { CoreEvent } from '../../src/core/mesh-core.ts'
import { Rng } from '../../src/core/rng.ts'
import type { AppMessage } from '../../src/core/wire/types.ts'
import { encodeFrame } from '../../src/core/wire/codec.ts'

const TOPIC = 'ordered'
const WAIT = CORE_DEFAULTS.reorderWaitMs

interface Probe {
  core: MeshCore
  /** Sends DATA (publisher, epoch, seq) from peer 'parent' at time `now`. */
  data: (seq: number, opts?: { publisher?: string, epoch?: number }) => void
  /** Advances the clock to `at` and runs the core's timers due by then. */
  at: (at: number) => void
  /** Delivered "publisher/epoch/seq" since the last call, and the gaps. */
  take: () => { delivered: string[], gaps: Array<{ publisher: string, missed: number }> }
}

function probe (options: Partial<typeof CORE_DEFAULTS> = {}): Probe {
  const core = new MeshCore({ ref: 'me', id: new Uint8Array(32), rng: new Rng(1), now: 0, options })
  core.subscribe(0, TOPIC)
  let now = 0
  const events: CoreEvent[] = []
  const drain = (): void => { events.push(...core.drainEvents()); core.drainTransmits() }
  drain()
  return {
    core,
    data: (seq, { publisher = 'pub', epoch = 1 } = {}) => {
      const message: AppMessage = { topic: TOPIC, publisher, epoch, seq, payload: new Uint8Array([seq & 0xff]), headers: [] }
      // Through the wire codec, as a peer's frame arrives.
      core.handleFrame(now, 'parent', encodeFrame([{ type: 'data', message }]))
      drain()
    },
    at: t => {
      now = t
      while (core.pollTimeout() <= now) { core.handleTimeout(core.pollTimeout()); drain() }
    },
    take: () => {
      const delivered: string[] = []
      const gaps: Array<{ publisher: string, missed: number }> = []
      for (const e of events.splice(0)) {
        if (e.type === 'deliver') delivered.push(`${e.message.publisher}/${e.message.epoch}/${e.message.seq}`)
        else if (e.type === 'gap') gaps.push({ publisher: e.publisher, missed: e.missed })
      }
      return { delivered, gaps }
    }
  }
}

describe('delivery order at a subscriber', () => {
  it('in order: each message at once', () => {
    const p = probe()
    for (const s of [1, 2, 3]) p.data(s)
    expect(p.take()).toEqual({ delivered: ['pub/1/1', 'pub/1/2', 'pub/1/3'], gaps: [] })
  })

  it('a message ahead of a missing one waits for it, then both go out in order', () => {
    const p = probe()
    p.data(1)
    p.data(3)
    expect(p.take().delivered).toEqual(['pub/1/1'])
    p.at(WAIT / 2)
    p.data(2)
    expect(p.take()).toEqual({ delivered: ['pub/1/2', 'pub/1/3'], gaps: [] })
    expect(p.core.stats.gaps).toBe(0)
  })

  it('a number that does not come within the wait is reported as a gap; it is dropped if it comes later', () => {
    const p = probe()
    p.data(1)
    p.data(4)
    p.data(5)
    expect(p.core.pollTimeout()).toBeLessThanOrEqual(WAIT)
    p.at(WAIT - 1)
    expect(p.take().delivered).toEqual(['pub/1/1'])
    p.at(WAIT)
    expect(p.take()).toEqual({ delivered: ['pub/1/4', 'pub/1/5'], gaps: [{ publisher: 'pub', missed: 2 }] })
    p.data(2)
    p.data(6)
    expect(p.take()).toEqual({ delivered: ['pub/1/6'], gaps: [] })
    expect(p.core.stats).toMatchObject({ gaps: 2, late: 1 })
  })

  it('duplicates are never delivered, also while messages are held', () => {
    const p = probe()
    for (const s of [1, 3, 3, 1, 2, 3, 2]) p.data(s)
    expect(p.take().delivered).toEqual(['pub/1/1', 'pub/1/2', 'pub/1/3'])
    expect(p.core.stats.duplicates).toBe(4)
  })

  it('a stream joined mid-way waits once for lower numbers, then starts at the lowest, with no gap', () => {
    const p = probe()
    p.data(7)
    p.data(5)
    expect(p.take().delivered).toEqual([])
    p.at(WAIT)
    expect(p.take()).toEqual({ delivered: ['pub/1/5'], gaps: [] })
    // 7 is still ahead of 6: it waits for 6, which comes.
    p.data(6)
    expect(p.take()).toEqual({ delivered: ['pub/1/6', 'pub/1/7'], gaps: [] })
  })

  it('publishers are ordered independently', () => {
    const p = probe()
    p.data(1, { publisher: 'a' })
    p.data(3, { publisher: 'a' })
    p.data(1, { publisher: 'b' })
    p.data(2, { publisher: 'b' })
    expect(p.take().delivered).toEqual(['a/1/1', 'b/1/1', 'b/1/2'])
  })

  it('a higher epoch (a restarted publisher) starts anew; an older epoch\'s straggler is dropped, not delivered as new', () => {
    const p = probe()
    p.data(1, { epoch: 10 })
    p.data(2, { epoch: 10 })
    p.data(1, { epoch: 20 })
    p.data(3, { epoch: 10 }) // the old session, late
    p.data(2, { epoch: 20 })
    p.data(1, { epoch: 10 }) // would reopen the old session if epochs only had to differ
    expect(p.take().delivered).toEqual(['pub/10/1', 'pub/10/2', 'pub/20/1', 'pub/20/2'])
    expect(p.core.stats.stale).toBe(2)
  })

  it('held messages of the old session go out, in order, before the new session starts', () => {
    const p = probe()
    p.data(1, { epoch: 10 })
    p.data(3, { epoch: 10 })
    p.data(1, { epoch: 20 })
    expect(p.take()).toEqual({ delivered: ['pub/10/1', 'pub/10/3', 'pub/20/1'], gaps: [{ publisher: 'pub', missed: 1 }] })
  })

  it('more held than reorderMaxHeld: the gap is reported at once', () => {
    const p = probe({ reorderMaxHeld: 3 })
    p.data(1)
    for (const s of [3, 4, 5]) p.data(s)
    expect(p.take().delivered).toEqual(['pub/1/1'])
    p.data(6)
    expect(p.take()).toEqual({ delivered: ['pub/1/3', 'pub/1/4', 'pub/1/5', 'pub/1/6'], gaps: [{ publisher: 'pub', missed: 1 }] })
  })

  it('unsubscribing discards what waits: nothing is delivered after', () => {
    const p = probe()
    p.data(1)
    p.data(3)
    p.core.unsubscribe(1, TOPIC)
    p.at(WAIT * 2)
    expect(p.take().delivered).toEqual(['pub/1/1'])
    expect(p.core.pollTimeout()).toBeGreaterThan(WAIT * 2)
  })
})
