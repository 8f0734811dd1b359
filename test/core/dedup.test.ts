import { describe, expect, it } from 'vitest'
import { DedupWindow } from '../../src/core/dedup.ts'

describe('DedupWindow', () => {
  it('accepts each sequence number once, in any order within the window', () => {
    const w = new DedupWindow(64, 1)
    expect([5, 3, 4, 5, 3, 1, 2, 6, 6].map(s => w.accept(1, s))).toEqual([true, true, true, false, false, true, true, true, false])
  })

  it('rejects numbers older than the window and forgets slots it slides past', () => {
    const w = new DedupWindow(8, 1)
    expect(w.accept(1, 1)).toBe(true)
    expect(w.accept(1, 20)).toBe(true)
    expect(w.accept(1, 12)).toBe(false) // 20 - 12 >= 8: too old to tell, treated as seen
    expect(w.accept(1, 13)).toBe(true)
    expect(w.accept(1, 28)).toBe(true) // slides: slot of 20 is reused
    expect(w.accept(1, 21)).toBe(true)
  })

  it('a new epoch (a restarted publisher) starts afresh', () => {
    const w = new DedupWindow(64, 1)
    expect(w.accept(1, 10)).toBe(true)
    expect(w.accept(2, 1)).toBe(true)
    expect(w.accept(2, 1)).toBe(false)
  })

  it('an older epoch is stale and does not reset the window (alternating epochs cannot switch it off)', () => {
    const w = new DedupWindow(64, 1)
    expect(w.accept(5, 1)).toBe(true)
    expect(w.accept(5, 2)).toBe(true)
    expect(w.accept(3, 1)).toBe('stale')
    expect(w.accept(5, 2)).toBe(false)
    expect(w.accept(5, 1)).toBe(false)
  })
})

/** The window as it was before the bitmap became lazy: the reference for its answers. */
class EagerWindow {
  private readonly size: number
  private readonly bits: Uint8Array
  private epoch: number
  private max = 0
  constructor (size: number, epoch: number) { this.size = size; this.bits = new Uint8Array(Math.ceil(size / 8)); this.epoch = epoch }
  accept (epoch: number, seq: number): boolean {
    if (epoch !== this.epoch) { this.epoch = epoch; this.max = 0; this.bits.fill(0) }
    const i = (s: number): [number, number] => [(s % this.size) >> 3, 1 << ((s % this.size) & 7)]
    if (seq > this.max) {
      if (seq - this.max >= this.size) this.bits.fill(0)
      else for (let s = this.max + 1; s < seq; s++) { const [b, m] = i(s); this.bits[b] &= ~m }
      this.max = seq
      const [b, m] = i(seq); this.bits[b] |= m
      return true
    }
    if (this.max - seq >= this.size) return false
    const [b, m] = i(seq)
    if ((this.bits[b] & m) !== 0) return false
    this.bits[b] |= m
    return true
  }
}

describe('DedupWindow answers as the eager window did', () => {
  it.each([1, 2, 3, 4, 5])('seed %i: 20,000 in-order, repeated, late, reordered and epoch-changing numbers', seed => {
    let x = seed * 2654435761 >>> 0
    const rand = (n: number): number => { x = (x * 1103515245 + 12345) >>> 0; return x % n }
    const a = new DedupWindow(64, 1)
    const b = new EagerWindow(64, 1)
    let epoch = 1
    let next = 1
    for (let k = 0; k < 20_000; k++) {
      const r = rand(100)
      let seq: number
      if (r < 60) seq = next++ // in order
      else if (r < 80) seq = Math.max(1, next - 1 - rand(80)) // a repeat or a late one
      else if (r < 98) { seq = next + rand(10); next = Math.max(next, seq + 1) } // a gap
      else { epoch++; next = 1; seq = next++ } // the publisher restarted
      expect(a.accept(epoch, seq)).toBe(b.accept(epoch, seq))
    }
  })
})
