import { describe, expect, it } from 'vitest'
import { commonPrefixLength, compareDistance, idFromHex, idToHex, topicKey, xorDistance } from '../../src/core/id.ts'
import { Rng } from '../../src/core/rng.ts'

describe('ids', () => {
  it('topic key is SHA-256 of the topic name', () => {
    // FIPS 180-2 test vector for "abc".
    expect(idToHex(topicKey('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })

  it('hex round-trips and rejects malformed ids', () => {
    const id = new Rng(3).bytes(32)
    expect(idFromHex(idToHex(id))).toEqual(id)
    expect(() => idFromHex('abc')).toThrow(RangeError)
  })

  it('common prefix length counts leading equal bits', () => {
    const a = new Uint8Array(32)
    const b = new Uint8Array(32)
    expect(commonPrefixLength(a, b)).toBe(256)
    b[0] = 0x80
    expect(commonPrefixLength(a, b)).toBe(0)
    b[0] = 0; b[3] = 0x01
    expect(commonPrefixLength(a, b)).toBe(31)
  })

  it('compareDistance orders by XOR distance', () => {
    const rng = new Rng(9)
    for (let i = 0; i < 200; i++) {
      const [a, b, k] = [rng.bytes(32), rng.bytes(32), rng.bytes(32)]
      const da = idToHex(xorDistance(a, k))
      const db = idToHex(xorDistance(b, k))
      expect(Math.sign(compareDistance(a, b, k))).toBe(da < db ? -1 : da > db ? 1 : 0)
    }
  })
})

describe('Rng', () => {
  it('replays from its seed and differs across seeds', () => {
    const a = new Rng(42); const b = new Rng(42); const c = new Rng(43)
    const sa = Array.from({ length: 20 }, () => a.nextUint32())
    expect(Array.from({ length: 20 }, () => b.nextUint32())).toEqual(sa)
    expect(Array.from({ length: 20 }, () => c.nextUint32())).not.toEqual(sa)
    const r = new Rng(1)
    for (let i = 0; i < 1000; i++) {
      const v = r.int(7)
      expect(v >= 0 && v < 7 && Number.isInteger(v)).toBe(true)
    }
  })
})
