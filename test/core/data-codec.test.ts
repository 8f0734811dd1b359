// The hand-written PUBLISH/DATA codec against protons: the same bytes out, the same messages in,
// and malformed input (every truncation, random corruption) rejected with MalformedFrameError.
import { describe, expect, it } from 'vitest'
import { MalformedFrameError } from '../../src/core/errors.ts'
import { Rng } from '../../src/core/rng.ts'
import { decodeFrame, encodeFrame } from '../../src/core/wire/codec.ts'
import { encodeDataFrame } from '../../src/core/wire/data-codec.ts'
import { utf8ByteLength } from '../../src/core/utf8.ts'
import { Frame } from '../../src/core/wire/messages.js'
import type { AppMessage as WireAppMessage, Envelope } from '../../src/core/wire/messages.js'
import type { AppMessage, Msg } from '../../src/core/wire/types.ts'

const limits = { maxFrameBytes: 4 << 20, maxTopicBytes: 256, maxPayloadBytes: 1 << 20 }
const rng = new Rng(Number(process.env.MESHCAST_TEST_SEED ?? 7))
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)]
const STRINGS = ['a', 'bench/lan', 'plant/line-3/alarms', 'ünïcödé/🚀', '12D3KooWBqAGjaDDAG4Js3AcKQnBD8TQJM2VJ6JKszrWdFc66iCX', 'x'.repeat(200)]

function randomApp (): AppMessage {
  const payload = new Uint8Array(pick([0, 1, 100, 1024, 5000]))
  for (let i = 0; i < payload.length; i += 97) payload[i] = i & 0xff
  return {
    topic: pick(STRINGS),
    publisher: pick(STRINGS),
    epoch: pick([0, 1, 127, 128, 300, 2 ** 31, 2 ** 32 - 1]),
    seq: pick([1, 2, 127, 128, 16_384, 2 ** 35 + 3, Number.MAX_SAFE_INTEGER]),
    payload,
    headers: Array.from({ length: pick([0, 0, 1, 3]) }, () => ({ key: pick(['', 'k', 'content-type']), value: pick(['', 'v', 'ünï']) })),
    // Queue group assignments (AppMessage.queue) on some.
    ...(rng.next() < 0.3 ? { queue: Array.from({ length: pick([1, 2]) }, () => ({ group: pick(['w', 'workers', 'ünï']), member: pick(STRINGS.slice(0, 5)) })) } : {}),
    // A publisher's seal (message-seal.ts) on some.
    ...(rng.next() < 0.5 ? { seal: new Uint8Array(pick([69, 133, 293])).fill(pick([1, 0xff])) } : {})
  }
}

function randomData (): Extract<Msg, { type: 'publish' | 'data' }> {
  return rng.next() < 0.5 ? { type: 'publish', message: randomApp(), direct: rng.next() < 0.5 } : { type: 'data', message: randomApp() }
}

function protonsBytes (msgs: ReadonlyArray<Extract<Msg, { type: 'publish' | 'data' }>>): Uint8Array {
  const envelopes: Envelope[] = msgs.map(m => m.type === 'publish'
    ? { publish: { message: m.message as WireAppMessage, direct: m.direct } }
    : { data: m.message as WireAppMessage })
  return Frame.encode({ messages: envelopes })
}

describe('hand-written data codec', () => {
  it('writes exactly the bytes protons writes', () => {
    for (let i = 0; i < 300; i++) {
      const msgs = Array.from({ length: 1 + Math.floor(rng.next() * 5) }, randomData)
      expect(encodeDataFrame(msgs)).toEqual(protonsBytes(msgs))
    }
  })

  it('reads back what protons wrote, control messages mixed in', () => {
    for (let i = 0; i < 300; i++) {
      const msgs: Msg[] = Array.from({ length: 1 + Math.floor(rng.next() * 5) }, randomData)
      msgs.splice(Math.floor(rng.next() * msgs.length), 0, { type: 'leave', topic: 'bench/lan' }, { type: 'heartbeat', topics: ['a', 'b'], counts: [1, 2], roots: [] })
      const bytes = Frame.encode({ messages: msgs.map(m => m.type === 'publish' ? { publish: { message: m.message as WireAppMessage, direct: m.direct } } : m.type === 'data' ? { data: m.message as WireAppMessage } : m.type === 'leave' ? { leave: { topic: m.topic } } : { heartbeat: { topics: ['a', 'b'], counts: [1, 2], roots: [] } }) })
      const back = decodeFrame(bytes, limits)
      expect(back.map(normalise)).toEqual(msgs.map(normalise))
      expect(decodeFrame(encodeFrame(msgs), limits).map(normalise)).toEqual(msgs.map(normalise))
    }
  })

  it('rejects every truncation and random corruption with MalformedFrameError, never anything else', () => {
    for (let i = 0; i < 40; i++) {
      const bytes = encodeDataFrame(Array.from({ length: 2 }, randomData))
      for (let cut = 1; cut < Math.min(bytes.length, 400); cut++) {
        try {
          decodeFrame(bytes.subarray(0, cut), limits)
        } catch (err) {
          expect(err).toBeInstanceOf(MalformedFrameError)
        }
      }
      for (let k = 0; k < 50; k++) {
        const bad = bytes.slice()
        bad[Math.floor(rng.next() * bad.length)] = Math.floor(rng.next() * 256)
        try {
          decodeFrame(bad, limits)
        } catch (err) {
          expect(err).toBeInstanceOf(MalformedFrameError)
        }
      }
    }
  })

  it('enforces the limits of the schema: 64 headers, 4096 messages', () => {
    const app = { ...randomApp(), seq: 1, headers: Array.from({ length: 65 }, () => ({ key: 'k', value: 'v' })) }
    expect(() => decodeFrame(encodeDataFrame([{ type: 'data', message: app }]), limits)).toThrow(MalformedFrameError)
    const one = { type: 'data' as const, message: { ...randomApp(), seq: 1, headers: [], payload: new Uint8Array(0) } }
    expect(() => decodeFrame(encodeDataFrame(Array.from({ length: 4097 }, () => one)), limits)).toThrow(/more than 4096 messages/)
    expect(decodeFrame(encodeDataFrame(Array.from({ length: 4096 }, () => one)), limits)).toHaveLength(4096)
  })

  it('counts UTF-8 bytes without encoding', () => {
    const enc = new TextEncoder()
    for (const s of [...STRINGS, '', '\u0800', '\uffff', '\ud83d', '\ud83d\ude80x', 'é'.repeat(130)]) expect(utf8ByteLength(s), s).toBe(enc.encode(s).byteLength)
  })
})

/** Payload views compare by content; headers as plain objects. */
function normalise (m: Msg): unknown {
  if (m.type === 'publish' || m.type === 'data') return { ...m, message: { ...m.message, payload: [...m.message.payload] } }
  return m
}
