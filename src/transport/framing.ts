// Length-prefixed frames: an unsigned varint length, then the frame. One framing for both
// transports: on a libp2p stream (read incrementally by FrameReader) and in a ZeroMQ lane
// message, which holds one or more whole frames (packFrames / unpackFrames).
// Readers are bounded: a length over the limit is an error before anything is buffered.
import { Uint8ArrayList } from 'uint8arraylist'
import * as varint from 'uint8-varint'

export class FrameTooLongError extends Error {
  constructor (length: number, limit: number) {
    super(`frame of ${length} bytes announced, limit is ${limit}`)
    this.name = 'FrameTooLongError'
  }
}

/** A lane message that does not end on a frame boundary. */
export class TruncatedFramesError extends Error {
  constructor (message: string) {
    super(message)
    this.name = 'TruncatedFramesError'
  }
}

/**
 * The frames, each with its length in front, in one Buffer (every byte is written; zeromq.js
 * takes a Buffer as it is, a plain Uint8Array it converts).
 */
export function packFrames (frames: readonly Uint8Array[]): Uint8Array {
  let total = 0
  for (const f of frames) total += varint.encodingLength(f.byteLength) + f.byteLength
  const out = Buffer.allocUnsafe(total)
  let pos = 0
  for (const f of frames) {
    varint.encode(f.byteLength, out, pos)
    pos += varint.encodingLength(f.byteLength)
    out.set(f, pos)
    pos += f.byteLength
  }
  return out
}

export function lengthPrefixed (frame: Uint8Array): Uint8Array {
  return packFrames([frame])
}

/**
 * The whole frames of one message, as views into it. Throws FrameTooLongError or
 * TruncatedFramesError (and then returns nothing of it).
 */
export function unpackFrames (batch: Uint8Array, limit: number): Uint8Array[] {
  const frames: Uint8Array[] = []
  let pos = 0
  while (pos < batch.byteLength) {
    let len = 0
    let shift = 1
    for (let i = 0; ; i++) {
      if (i >= 5 || pos >= batch.byteLength) throw new TruncatedFramesError('truncated or over-long frame length')
      const b = batch[pos++]
      len += (b & 0x7f) * shift
      if (b < 0x80) break
      shift *= 0x80
    }
    if (len > limit) throw new FrameTooLongError(len, limit)
    if (len > batch.byteLength - pos) throw new TruncatedFramesError('frame runs past the end of its message')
    frames.push(batch.subarray(pos, pos + len))
    pos += len
  }
  return frames
}

/** Reads frames from a byte stream whose chunks may split them anywhere. */
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
