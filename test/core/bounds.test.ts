// State a peer can grow is bounded (issue 14, item 4): a topic keeps de-duplication windows and
// delivery order for at most maxPublishersPerTopic publishers (the first heard of is evicted,
// counted, and delivery goes on), and a decoded small message does not keep its frame alive.
import { describe, expect, it } from 'vitest'
import { MeshCore } from '../../src/core/mesh-core.ts'
import { Rng } from '../../src/core/rng.ts'
import { decodeFrame, encodeFrame } from '../../src/core/wire/codec.ts'
import { SLAB_BYTES } from '../../src/core/wire/owned-bytes.ts'
import { CORE_DEFAULTS } from '../../src/core/defaults.ts'
import type { AppMessage, Msg } from '../../src/core/wire/types.ts'

const TOPIC = 'news'

describe('bounded state', () => {
  it('a topic keeps at most maxPublishersPerTopic publishers\' windows, and still delivers', () => {
    const core = new MeshCore({ ref: 'me', id: new Uint8Array(32), rng: new Rng(1), now: 0, options: { maxPublishersPerTopic: 8 } })
    core.subscribe(0, TOPIC)
    core.drainTransmits()
    let delivered = 0
    for (let p = 0; p < 100; p++) {
      const message: AppMessage = { topic: TOPIC, publisher: `pub-${p}`, epoch: 1, seq: 1, payload: new Uint8Array([p]), headers: [] }
      core.handleFrame(p, 'parent', encodeFrame([{ type: 'data', message }]))
      delivered += core.drainEvents().filter(e => e.type === 'deliver').length
    }
    expect(delivered).toBe(100)
    expect(core.stats.publishersEvicted).toBe(92)
    // A publisher evicted long ago starts a new window: its next number is delivered (once the
    // wait for an earlier one that might overtake it is over).
    core.handleFrame(200, 'parent', encodeFrame([{ type: 'data', message: { topic: TOPIC, publisher: 'pub-0', epoch: 1, seq: 2, payload: new Uint8Array([0]), headers: [] } }]))
    core.handleTimeout(200 + 10 * CORE_DEFAULTS.reorderWaitMs)
    expect(core.drainEvents().filter(e => e.type === 'deliver')).toHaveLength(1)
  })

  it('a small payload decoded from a large frame is a copy; a payload that is most of its frame is a view', () => {
    const big: Msg = { type: 'data', message: { topic: TOPIC, publisher: 'p', epoch: 1, seq: 1, payload: new Uint8Array(100_000).fill(1), headers: [] } }
    const small: Msg = { type: 'data', message: { topic: TOPIC, publisher: 'p', epoch: 1, seq: 2, payload: new Uint8Array(100).fill(2), headers: [] } }
    const frame = encodeFrame([big, small])
    const [b, s] = decodeFrame(frame, CORE_DEFAULTS) as Array<Extract<Msg, { type: 'data' }>>
    expect(s.message.payload.buffer).not.toBe(frame.buffer)
    expect(s.message.payload.buffer.byteLength).toBeLessThanOrEqual(SLAB_BYTES)
    expect(b.message.payload.buffer).toBe(frame.buffer)
    // The same through protons' path (a Replay is control traffic).
    const replayed = decodeFrame(encodeFrame([{ type: 'replay', message: big.message }, { type: 'replay', message: small.message }]), CORE_DEFAULTS) as Array<Extract<Msg, { type: 'replay' }>>
    expect(replayed[1].message.payload.buffer.byteLength).toBeLessThanOrEqual(SLAB_BYTES)
  })

  it('so is what a frame received as a Node Buffer holds: payloads, seals, replies, signed statements', () => {
    // Sockets hand over Buffers, whose slice() is a view: a "copy" made with it pins the chunk.
    const seal = new Uint8Array(200).fill(3)
    const small: Msg = { type: 'data', message: { topic: 'fresh.topic.for.this.test', publisher: 'fresh-publisher-id', epoch: 1, seq: 2, payload: new Uint8Array(100).fill(2), headers: [], seal } }
    const filler: Msg = { type: 'data', message: { topic: TOPIC, publisher: 'p', epoch: 1, seq: 1, payload: new Uint8Array(60_000), headers: [] } }
    const asBuffer = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength)
    const [, s] = decodeFrame(asBuffer(encodeFrame([filler, small])), CORE_DEFAULTS) as Array<Extract<Msg, { type: 'data' }>>
    expect(s.message.payload.buffer.byteLength).toBeLessThanOrEqual(SLAB_BYTES)
    expect(s.message.seal?.buffer.byteLength).toBeLessThanOrEqual(SLAB_BYTES)
    const [, r] = decodeFrame(asBuffer(encodeFrame([{ type: 'replay', message: filler.message }, { type: 'replay', message: small.message }])), CORE_DEFAULTS) as Array<Extract<Msg, { type: 'replay' }>>
    expect(r.message.payload.buffer.byteLength).toBeLessThanOrEqual(SLAB_BYTES)
    expect(r.message.seal?.buffer.byteLength).toBeLessThanOrEqual(SLAB_BYTES)
    const [, reply] = decodeFrame(asBuffer(encodeFrame([{ type: 'replay', message: filler.message }, { type: 'reply', topic: TOPIC, request: 1, payload: new Uint8Array(100), headers: [] }])), CORE_DEFAULTS) as Array<Extract<Msg, { type: 'reply' }>>
    expect(reply.payload.buffer.byteLength).toBeLessThanOrEqual(SLAB_BYTES)
    const [, g] = decodeFrame(asBuffer(encodeFrame([{ type: 'replay', message: filler.message }, { type: 'grants', grants: [{ body: new Uint8Array(150).fill(1), signature: new Uint8Array(64) }], want: [], revocations: [] }])), CORE_DEFAULTS) as Array<Extract<Msg, { type: 'grants' }>>
    expect(g.grants[0].body.buffer.byteLength).toBeLessThan(1000)
    expect(g.grants[0].signature.buffer.byteLength).toBeLessThan(1000)
  })
})
