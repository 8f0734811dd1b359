// Bytes decoded from a received chunk that may be kept: a small value is copied so that keeping
// it does not keep the chunk (64 KiB on libp2p, up to 4 MiB on a ZeroMQ lane) in memory, and
// copies are cut from shared 8 KiB slabs, since an ArrayBuffer of its own costs ~3 µs here.
import type { AppMessage } from './types.ts'

/**
 * A payload's bytes. A view of the received memory when the payload is most of it; else a copy
 * (smallCopy), so that a small message kept (a replay buffer, a slow subscriber) does not keep
 * its whole received chunk (up to a lane's 4 MiB batch of frames) in memory.
 */
export function ownBytes (buf: Uint8Array, start: number, end: number): Uint8Array {
  return (end - start) * 2 >= buf.buffer.byteLength ? buf.subarray(start, end) : smallCopy(buf, start, end)
}

/** Small copies are cut from slabs of this size (one allocation for many copies). */
export const SLAB_BYTES = 8192

/**
 * A copy in memory of its own, for what is kept for days (mailboxes) and for grants. Not
 * `buf.slice()`: on a Node Buffer (what sockets hand over) slice is a view, which keeps the whole
 * received chunk alive as long as the "copy" lives. A buffer of its own costs about 3 µs here
 * (an ArrayBuffer each), too much for every message: see smallCopy.
 */
export function copyBytes (buf: Uint8Array, start = 0, end = buf.byteLength): Uint8Array {
  return new Uint8Array(buf.subarray(start, end))
}

let slab = new Uint8Array(0)
let slabUsed = 0

/**
 * A cheap copy for small values decoded from every message: cut from an 8 KiB slab shared with
 * the values copied just before and after it (Node's own Buffer pool uses 64 KiB slabs here). A
 * value kept pins at most its slab, never a received chunk (64 KiB to a lane's 4 MiB).
 */
export function smallCopy (buf: Uint8Array, start = 0, end = buf.byteLength): Uint8Array {
  const out = slabSpace(end - start)
  out.set(buf.subarray(start, end))
  return out
}

/** n bytes to write into: from the current slab when n is small, else a buffer of their own. */
function slabSpace (n: number): Uint8Array {
  if (n > SLAB_BYTES / 4) return new Uint8Array(n)
  if (slabUsed + n > slab.byteLength) {
    slab = new Uint8Array(SLAB_BYTES)
    slabUsed = 0
  }
  slabUsed += n
  return slab.subarray(slabUsed - n, slabUsed)
}

/**
 * Bytes fit to keep: themselves when they are most of their buffer, or (unless `exact`) when
 * that buffer is at most a slab (smallCopy); else an exact copy.
 */
export function keepable (b: Uint8Array, exact = false): Uint8Array {
  if (b.byteLength * 2 >= b.buffer.byteLength || (!exact && b.buffer.byteLength <= SLAB_BYTES)) return b
  return copyBytes(b)
}

/**
 * Makes a message's payload and seal fit to keep (keepable), in place: the same message kept by
 * several stores (a topic's mailboxes, its replay buffer) is copied once and shared.
 */
export function kept (m: AppMessage, exact = false): AppMessage {
  m.payload = keepable(m.payload, exact)
  if (m.seal !== undefined) m.seal = keepable(m.seal, exact)
  return m
}

/**
 * A kept message must not pin the whole chunk it was received in: unless they are most of it,
 * its payload and seal are copied, both in one smallCopy (a copy of its own each, new ArrayBuffers,
 * cost a subscriber on the ZeroMQ path a quarter of its throughput in bench:lan).
 */
export function detach (m: AppMessage): void {
  const p = m.payload
  const s = m.seal
  const n = p.byteLength + (s?.byteLength ?? 0)
  if (n === 0 || n * 2 >= Math.max(p.buffer.byteLength, s?.buffer.byteLength ?? 0)) return // EMPTY when no payload
  if (s === undefined) {
    m.payload = smallCopy(p)
    return
  }
  const one = slabSpace(n)
  one.set(p, 0)
  one.set(s, p.byteLength)
  m.payload = one.subarray(0, p.byteLength)
  m.seal = one.subarray(p.byteLength)
}
