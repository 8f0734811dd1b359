// The benchmark's 100-byte payload: the send time (ms since the epoch, microsecond
// resolution: performance.timeOrigin + performance.now(), one clock for every process on
// this machine), the message's index and its phase; the rest is filler.
export const PAYLOAD_BYTES = 100

export function wallNow (): number {
  return performance.timeOrigin + performance.now()
}

export function makePayload (index: number, phase: number): Uint8Array {
  const buf = new Uint8Array(PAYLOAD_BYTES)
  const view = new DataView(buf.buffer)
  view.setFloat64(0, wallNow(), true)
  view.setUint32(8, index, true)
  view.setUint8(12, phase)
  for (let i = 13; i < PAYLOAD_BYTES; i++) buf[i] = (index + i) & 0xff
  return buf
}

export interface PayloadInfo { sentAt: number, index: number, phase: number }

export function readPayload (data: Uint8Array): PayloadInfo | undefined {
  if (data.byteLength !== PAYLOAD_BYTES) return undefined
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength)
  return { sentAt: view.getFloat64(0, true), index: view.getUint32(8, true), phase: view.getUint8(12) }
}
