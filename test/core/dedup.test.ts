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
})
