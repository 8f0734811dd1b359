// The wire codec round-trips every message; bad frames are rejected with named errors inside
// the codec and counted (never thrown) by the core.
import { describe, expect, it } from 'vitest'
import { coreOptions } from '../../src/core/defaults.ts'
import { FrameTooLargeError, MalformedFrameError } from '../../src/core/errors.ts'
import { MeshCore } from '../../src/core/mesh-core.ts'
import { Rng } from '../../src/core/rng.ts'
import { decodeFrame, encodeFrame } from '../../src/core/wire/codec.ts'
import { Frame } from '../../src/core/wire/messages.js'
import type { Msg } from '../../src/core/wire/types.ts'

const app = { topic: 't', publisher: 'p1', epoch: 7, seq: 3, payload: new Uint8Array([1, 2, 3]), headers: [{ key: 'k', value: 'v' }] }
const ALL: Msg[] = [
  { type: 'join', topic: 'a/b', subscribers: 2, reliable: true },
  { type: 'joinAck', topic: 'a/b', attached: true, path: ['x', 'y'], replaces: 'z', delegate: true, withdraw: false },
  { type: 'leave', topic: 'a/b' },
  { type: 'publish', message: app, direct: true },
  { type: 'data', message: app },
  { type: 'heartbeat', topics: ['a/b', 'c'], counts: [3, 1], roots: [{ topic: 'x', subscribers: 12, via: 'v', queues: [] }, { topic: 'y', subscribers: 2, via: '', queues: [{ group: 'w', members: ['m1', 'm2'] }] }] },
  { type: 'replica', entries: [{ topic: 'a/b', children: ['c1', 'c2'], dropped: false, rank: 2, more: false }, { topic: 'a/b', children: ['c3'], dropped: false, rank: 2, more: true }, { topic: 'x', children: [], dropped: true, rank: 0, more: false }] },
  { type: 'redirect', topic: 'a/b', candidates: ['s1'] },
  { type: 'rootInfo', topic: 'a/b', subscribers: 5 },
  { type: 'routeAck', topic: 'a/b', publisher: 'p1', seq: 9 },
  { type: 'nack', topic: 'a/b', publisher: 'p1', epoch: 1_764_000_000_000, from: 4, to: 0, requester: 'r', maxAge: 0 },
  { type: 'nack', topic: 'a/b', publisher: '', epoch: 0, from: 0, to: 0, requester: 'r', maxAge: 2500 },
  { type: 'replay', message: app },
  { type: 'reply', topic: 'svc.time', request: 12, payload: new Uint8Array([4, 5]), headers: [{ key: 'k', value: 'v' }] },
  { type: 'queueJoin', topic: 'jobs', group: 'workers', leave: false, maxAckPending: 100, plain: true },
  { type: 'queueDeliver', group: 'workers', message: app, attempt: 2 },
  { type: 'queueAck', topic: 'jobs', group: 'workers', publisher: 'p1', epoch: 7, seq: 3, kind: 'nak', delay: 500 },
  { type: 'data', message: { ...app, queue: [{ group: 'workers', member: 'm1' }, { group: 'audit', member: 'm2' }] } },
  { type: 'mailboxOpen', name: 'device-42', topic: 'cmd', subscriber: 's1', mode: 'delete' },
  { type: 'mailboxState', name: 'device-42', topic: 'cmd', ready: true, stored: 100, dropped: 3 },
  { type: 'mailboxDeliver', name: 'device-42', message: app },
  { type: 'mailboxAck', name: 'device-42', topic: 'cmd', ids: [{ publisher: 'p1', epoch: 7, seq: 3 }] },
  { type: 'mailboxSync', name: 'device-42', topic: 'cmd', acked: [{ publisher: 'p1', epoch: 7, seq: 2 }], messages: [app], request: false, hold: true }
]
const limits = coreOptions()

function core (): MeshCore {
  const rng = new Rng(1)
  return new MeshCore({ ref: 'me', id: rng.bytes(32), rng, now: 0 })
}

describe('codec', () => {
  it('round-trips every message type in one frame, in order', () => {
    const decoded = decodeFrame(encodeFrame(ALL), limits)
    expect(decoded).toEqual(ALL)
  })

  it.each([
    ['random bytes', new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f, 0x01])],
    ['a truncated frame', encodeFrame(ALL).subarray(0, 25)],
    ['an envelope with no message', Frame.encode({ messages: [{}] })],
    ['an empty topic', encodeFrame([{ type: 'join', topic: '', subscribers: 0, reliable: false }])],
    ['a topic over the limit', encodeFrame([{ type: 'join', topic: 'x'.repeat(300), subscribers: 0, reliable: false }])],
    ['a message without sequence number', encodeFrame([{ type: 'data', message: { ...app, seq: 0 } }])],
    ['a reply without a request number', encodeFrame([{ type: 'reply', topic: 't', request: 0, payload: new Uint8Array(), headers: [] }])],
    ['a queue join without a group', encodeFrame([{ type: 'queueJoin', topic: 't', group: '', leave: false, maxAckPending: 0, plain: false }])],
    ['queue members without members', encodeFrame([{ type: 'heartbeat', topics: [], counts: [], roots: [{ topic: 't', subscribers: 1, via: '', queues: [{ group: 'g', members: [] }] }] }])],
    ['a mailbox open without a subscriber', encodeFrame([{ type: 'mailboxOpen', name: 'd', topic: 't', subscriber: '', mode: 'attach' }])],
    ['a mailbox name over 128 bytes', encodeFrame([{ type: 'mailboxAck', name: 'd'.repeat(129), topic: 't', ids: [] }])],
    ['a mailbox ack of a message without a number', encodeFrame([{ type: 'mailboxAck', name: 'd', topic: 't', ids: [{ publisher: 'p', epoch: 1, seq: 0 }] }])],
    ['a queue ack without a message', encodeFrame([{ type: 'queueAck', topic: 't', group: 'g', publisher: 'p', epoch: 1, seq: 0, kind: 'ack', delay: 0 }])],
    ['a queue delivery without a group', encodeFrame([{ type: 'queueDeliver', group: '', message: app, attempt: 1 }])],
    ['a queue assignment without a member', encodeFrame([{ type: 'data', message: { ...app, queue: [{ group: 'g', member: '' }] } }])],
    ['too many path entries', encodeFrame([{ type: 'joinAck', topic: 't', attached: true, path: Array.from({ length: 65 }, (_, i) => `n${i}`), replaces: '', delegate: false, withdraw: false }])]
  ])('rejects %s with MalformedFrameError', (_name, bytes) => {
    expect(() => decodeFrame(bytes, limits)).toThrow(MalformedFrameError)
  })

  it('rejects a frame over the size limit before decoding it', () => {
    expect(() => decodeFrame(new Uint8Array(100), { ...limits, maxFrameBytes: 50 })).toThrow(FrameTooLargeError)
    const big = encodeFrame([{ type: 'data', message: { ...app, payload: new Uint8Array(2000) } }])
    expect(() => decodeFrame(big, { ...limits, maxPayloadBytes: 1000 })).toThrow(/payload of 2000 bytes/)
    const bigReply = encodeFrame([{ type: 'reply', topic: 't', request: 1, payload: new Uint8Array(2000), headers: [] }])
    expect(() => decodeFrame(bigReply, { ...limits, maxPayloadBytes: 1000 })).toThrow(/payload of 2000 bytes/)
  })

  it('the core drops and counts malformed frames without throwing, and keeps working', () => {
    const c = core()
    expect(c.handleFrame(0, 'peer', new Uint8Array([0xff, 0xff, 0xff]))).toBe(false)
    expect(c.handleFrame(0, 'peer', Frame.encode({ messages: [{}] }))).toBe(false)
    expect(c.stats.malformedFrames).toBe(2)
    // A good frame afterwards is handled: a JOIN makes us the root (we know no one) and acks;
    // with that one child and no subscription of our own, we delegate the topic's data to it.
    expect(c.handleFrame(1, 'peer', encodeFrame([{ type: 'join', topic: 'ok', subscribers: 1, reliable: false }]))).toBe(true)
    const out = c.drainTransmits()
    expect(out).toEqual([
      { to: 'peer', msg: { type: 'joinAck', topic: 'ok', attached: true, path: ['me'], replaces: '', delegate: false, withdraw: false } },
      { to: 'peer', msg: { type: 'joinAck', topic: 'ok', attached: true, path: ['me'], replaces: '', delegate: true, withdraw: false } }
    ])
    expect(c.topicView('ok')?.role).toBe('root')
  })

  it('application commands reject bad topics and oversized payloads with named errors', () => {
    const c = core()
    expect(() => c.subscribe(0, '')).toThrow(expect.objectContaining({ code: 'ERR_INVALID_TOPIC' }))
    expect(() => c.publish(0, 'x'.repeat(300), new Uint8Array(1))).toThrow(expect.objectContaining({ code: 'ERR_INVALID_TOPIC' }))
    expect(() => c.publish(0, 't', new Uint8Array(limits.maxPayloadBytes + 1))).toThrow(expect.objectContaining({ code: 'ERR_PAYLOAD_TOO_LARGE' }))
  })
})
