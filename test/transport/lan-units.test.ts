// The pure parts of the LAN plane: segment detection, CIDR parsing, Z85, lane batches.
import { describe, expect, it } from 'vitest'
import { curveKeyPair } from 'zeromq'
import { InvalidOptionError } from '../../src/core/errors.ts'
import { FrameReader, FrameTooLongError, packFrames, TruncatedFramesError, unpackFrames } from '../../src/transport/framing.ts'
import { inCidr, parseCidr, segmentAddress } from '../../src/transport/zeromq/segment.ts'
import { isZ85Key, z85Encode } from '../../src/transport/zeromq/z85.ts'

const eth = [{ address: '10.1.2.7', netmask: '255.255.255.0' }, { address: '192.168.50.3', netmask: '255.255.0.0' }]

describe('LAN segments', () => {
  it('parses IPv4 CIDRs and rejects anything else with a clear error', () => {
    expect(inCidr('10.1.255.1', parseCidr('10.1.0.0/16'))).toBe(true)
    expect(inCidr('10.2.0.1', parseCidr('10.1.0.0/16'))).toBe(false)
    expect(inCidr('8.8.8.8', parseCidr('0.0.0.0/0'))).toBe(true)
    expect(inCidr('10.1.2.3', parseCidr('10.1.2.3/32'))).toBe(true)
    for (const bad of ['10.0.0.0/33', '10.0.0/8', 'eth0', '::1/128', '300.1.1.1/8', '10.0.0.0']) {
      expect(() => parseCidr(bad), bad).toThrow(InvalidOptionError)
    }
  })

  it('puts loopback peers on this host, and otherwise asks the interfaces or the lan option', () => {
    expect(segmentAddress('127.0.0.1', undefined, eth)).toBe('127.0.0.1')
    expect(segmentAddress('::ffff:127.0.0.5', undefined, eth)).toBe('127.0.0.1')
    expect(segmentAddress('::1', undefined, eth)).toBe('::1')
    // Default: the subnet of an interface.
    expect(segmentAddress('10.1.2.200', undefined, eth)).toBe('10.1.2.7')
    expect(segmentAddress('::ffff:10.1.2.200', undefined, eth)).toBe('10.1.2.7')
    expect(segmentAddress('192.168.7.9', undefined, eth)).toBe('192.168.50.3')
    expect(segmentAddress('10.1.3.1', undefined, eth)).toBeUndefined()
    expect(segmentAddress('2001:db8::1', undefined, eth)).toBeUndefined()
    // With CIDRs: both ends inside one of them, whatever the netmask says.
    const lan = [parseCidr('10.1.0.0/16')]
    expect(segmentAddress('10.1.3.1', lan, eth)).toBe('10.1.2.7')
    expect(segmentAddress('192.168.7.9', lan, eth)).toBeUndefined()
    expect(segmentAddress('10.1.3.1', [parseCidr('172.16.0.0/12')], eth)).toBeUndefined()
  })
})

describe('Z85', () => {
  it('encodes the 32 raw bytes ZAP hands over as the key zeromq.js prints', async () => {
    const { publicKey } = curveKeyPair()
    // Decode the printed key by brute force from the alphabet to get its raw bytes.
    const ALPHA = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#'
    const raw = new Uint8Array(32)
    for (let i = 0; i < 8; i++) {
      let v = 0
      for (const c of publicKey.slice(i * 5, i * 5 + 5)) v = v * 85 + ALPHA.indexOf(c)
      new DataView(raw.buffer).setUint32(i * 4, v)
    }
    expect(z85Encode(raw)).toBe(publicKey)
    expect(isZ85Key(publicKey)).toBe(true)
    expect(isZ85Key(publicKey.slice(1))).toBe(false)
    expect(isZ85Key(publicKey.slice(1) + '"')).toBe(false)
    expect(z85Encode(new Uint8Array([0x86, 0x4f, 0xd2, 0x6f, 0xb5, 0x59, 0xf7, 0x5b]))).toBe('HelloWorld') // RFC 32's example
  })
})

describe('length-prefixed frames', () => {
  it('round-trips frames of any size', () => {
    const frames = [new Uint8Array(0), new Uint8Array([1, 2, 3]), new Uint8Array(200).fill(7), new Uint8Array(70_000).fill(9)]
    const back = unpackFrames(packFrames(frames), 1 << 20)
    expect(back.map(f => [...f])).toEqual(frames.map(f => [...f]))
  })

  it('rejects a frame over the limit, a truncated batch and an endless length', () => {
    expect(() => unpackFrames(packFrames([new Uint8Array(100)]), 99)).toThrow(FrameTooLongError)
    const ok = packFrames([new Uint8Array(100), new Uint8Array(5)])
    for (let cut = 1; cut < ok.length; cut++) {
      if (cut === 101) continue // a cut between the two frames is a well-formed batch of one
      expect(() => unpackFrames(ok.subarray(0, cut), 1000), `cut ${cut}`).toThrow(TruncatedFramesError)
    }
    expect(() => unpackFrames(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), 1 << 30)).toThrow(TruncatedFramesError)
  })

  it('is the framing a libp2p stream carries: FrameReader reads a packed message split anywhere', () => {
    const frames = [new Uint8Array([1, 2, 3]), new Uint8Array(300).fill(4), new Uint8Array(0)]
    const bytes = packFrames(frames)
    for (let cut = 0; cut <= bytes.length; cut += 37) {
      const r = new FrameReader(1000)
      const got = [...r.push(bytes.subarray(0, cut)), ...r.push(bytes.subarray(cut))]
      expect(got.map(f => [...f.subarray()])).toEqual(frames.map(f => [...f]))
    }
  })
})
