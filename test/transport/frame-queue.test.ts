import { describe, expect, it } from 'vitest'
import { FrameQueue } from '../../src/transport/frame-queue.ts'

describe('FrameQueue', () => {
  it('is a FIFO through push, shift, take, unshift and drain, across compactions', () => {
    const q = new FrameQueue<number>()
    const model: number[] = []
    let next = 0
    for (let round = 0; round < 2000; round++) {
      const op = (round * 7919) % 5
      if (op <= 1) for (let i = 0; i < 1 + (round % 700); i++) { q.push(next); model.push(next++) }
      else if (op === 2) expect(q.shift()).toBe(model.shift())
      else if (op === 3) {
        const n = 1 + (round % 300)
        const got = q.take(n)
        expect(got).toEqual(model.splice(0, n))
        if (round % 3 === 0) { q.unshift(got); model.unshift(...got) }
      } else if (round % 50 === 4) expect(q.drain()).toEqual(model.splice(0))
      expect(q.length).toBe(model.length)
    }
    expect(q.drain()).toEqual(model)
    expect(q.shift()).toBeUndefined()
    expect(q.take(5)).toEqual([])
  })

  it('keeps the sum of its items\' sizes through every operation', () => {
    const q = new FrameQueue<string>(s => s.length)
    q.push('aa'); q.push('bbb'); q.push('c')
    expect(q.bytes).toBe(6)
    expect(q.shift()).toBe('aa')
    expect(q.bytes).toBe(4)
    const t = q.take(1)
    expect(q.bytes).toBe(1)
    q.unshift(t)
    expect(q.bytes).toBe(4)
    q.drain()
    expect(q.bytes).toBe(0)
  })
})
