// Length-prefixed frames on a byte stream: an unsigned varint length, then the frame.
// The reader is bounded: a length over the limit is an error before anything is buffered.
import { Uint8ArrayList } from 'uint8arraylist'
import * as varint from 'uint8-varint'

export class FrameTooLongError extends Error {
  constructor (length: number, limit: number) {
    super(`frame of ${length} bytes announced, limit is ${limit}`)
    this.name = 'FrameTooLongError'
  }
}

export function lengthPrefixed (frame: Uint8Array): Uint8Array {
  const head = varint.encodingLength(frame.byteLength)
  const out = new Uint8Array(head + frame.byteLength)
  varint.encode(frame.byteLength, out, 0)
  out.set(frame, head)
  return out
}

export class FrameReader {
  private readonly buffer: Uint8ArrayList<ArrayBufferLike> = new Uint8ArrayList()
  private readonly limit: number

  constructor (limit: number) {
    this.limit = limit
  }

  /** Adds bytes; returns the complete frames now available. Throws FrameTooLongError. */
  push (chunk: Uint8Array | Uint8ArrayList): Uint8Array[] {
    this.buffer.append(chunk)
    const frames: Uint8Array[] = []
    for (;;) {
      if (this.buffer.byteLength === 0) break
      let length: number
      try {
        length = varint.decode(this.buffer)
      } catch {
        if (this.buffer.byteLength > 10) throw new FrameTooLongError(Infinity, this.limit)
        break // the varint itself is incomplete
      }
      if (length > this.limit) throw new FrameTooLongError(length, this.limit)
      const head = varint.encodingLength(length)
      if (this.buffer.byteLength < head + length) break
      frames.push(this.buffer.subarray(head, head + length))
      this.buffer.consume(head + length)
    }
    return frames
  }
}
