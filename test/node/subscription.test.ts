// Drops reach the application: a slow consumer's dropped messages and a publisher's gaps are
// reported to the subscription's onDrop with reason and count, and counted.
import { describe, expect, it } from 'vitest'
import { Subscription, toMessage } from '../../src/node/subscription.ts'
import type { DropEvent } from '../../src/node/subscription.ts'

const msg = (seq: number): ReturnType<typeof toMessage> => toMessage({ topic: 't', publisher: 'p', epoch: 1, seq, payload: new Uint8Array(), headers: [] })

describe('Subscription drop reports', () => {
  it('a consumer more than maxPending behind: the oldest are dropped and reported once per turn, summed', async () => {
    const events: DropEvent[] = []
    const sub = new Subscription('t', 3, () => {}, { onDrop: e => events.push(e) })
    for (let s = 1; s <= 10; s++) sub.push(msg(s))
    expect(events).toEqual([]) // reported after this turn, not once per message
    await Promise.resolve()
    expect(events).toEqual([{ reason: 'slow-consumer', count: 7 }])
    expect(sub.dropped).toBe(7)
    const seen: number[] = []
    for await (const m of sub) { seen.push(m.seq); if (sub.pending === 0) break }
    expect(seen).toEqual([8, 9, 10])
  })

  it('a gap is reported with the publisher and count, and counted', () => {
    const events: DropEvent[] = []
    const sub = new Subscription('t', 10, () => {}, { onDrop: e => events.push(e) })
    sub.missed('p', 4)
    sub.missed('q', 1)
    expect(events).toEqual([{ reason: 'gap', count: 4, publisher: 'p' }, { reason: 'gap', count: 1, publisher: 'q' }])
    expect(sub.gaps).toBe(5)
  })

  it('an onDrop that throws is counted and does not stop the subscription', async () => {
    const sub = new Subscription('t', 1, () => {}, { onDrop: () => { throw new Error('boom') } })
    sub.push(msg(1))
    sub.push(msg(2))
    sub.missed('p', 1)
    await Promise.resolve()
    expect(sub.callbackErrors).toBe(2)
    expect(sub.pending).toBe(1)
  })

  it('nothing is reported after unsubscribe', () => {
    const events: DropEvent[] = []
    const sub = new Subscription('t', 1, () => {}, { onDrop: e => events.push(e) })
    sub.unsubscribe()
    sub.missed('p', 3)
    expect(events).toEqual([])
  })
})
