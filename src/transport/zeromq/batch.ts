// A lane's ZeroMQ message: the frames queued for one peer, each with an unsigned varint length
// in front, in one buffer. One ZeroMQ message part per batch instead of one per frame: each
// part costs zeromq.js a native buffer both when sent and when received.
import * as varint from 'uint8-varint'

export class MalformedBatchError extends Error {
  constructor (message: string) {
    super(message)
    this.name = 'MalformedBatchError'
  }
}

export function packFrames (frames: readonly Uint8Array[]): Uint8Array {
  let total = 0
  for (const f of frames) total += varint.encodingLength(f.byteLength) + f.byteLength
  const out = Buffer.allocUnsafe(total) // every byte is written below; zeromq.js takes Buffers as they are
  let pos = 0
  for (const f of frames) {
    varint.encode(f.byteLength, out, pos)
    pos += varint.encodingLength(f.byteLength)
    out.set(f, pos)
    pos += f.byteLength
  }
  return out
}

/** The frames of a batch, as views into it; throws MalformedBatchError (nothing is returned then). */
export function unpackFrames (batch: Uint8Array, maxFrameBytes: number): Uint8Array[] {
  const frames: Uint8Array[] = []
  let pos = 0
  while (pos < batch.byteLength) {
    let len = 0
    let shift = 1
    let i = 0
    for (;; i++) {
      if (i >= 5 || pos >= batch.byteLength) throw new MalformedBatchError('truncated or over-long frame length')
      const b = batch[pos++]
      len += (b & 0x7f) * shift
      if (b < 0x80) break
      shift *= 0x80
    }
    if (len > maxFrameBytes) throw new MalformedBatchError(`frame of ${len} bytes over the limit of ${maxFrameBytes}`)
    if (len > batch.byteLength - pos) throw new MalformedBatchError('frame runs past the end of its batch')
    frames.push(batch.subarray(pos, pos + len))
    pos += len
  }
  return frames
}
