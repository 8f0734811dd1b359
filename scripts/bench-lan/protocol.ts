// The payload layout of `npm run bench:lan`, and the requests the parent (./harness.ts)
// sends its two worker processes (./worker.ts) over IPC, with their answers.
//
// Payload: byte 0 the kind (0 probe, 1 throughput, 2 latency), bytes 1..8 the send time as
// a little-endian float64 (ms since the epoch, microsecond resolution:
// performance.timeOrigin + performance.now(), one clock for every process on this machine),
// then zero padding to the payload size.
export const KIND_PROBE = 0
export const KIND_THROUGHPUT = 1
export const KIND_LATENCY = 2
export type Kind = typeof KIND_PROBE | typeof KIND_THROUGHPUT | typeof KIND_LATENCY
export const HEADER_BYTES = 9

export function wallNow (): number {
  return performance.timeOrigin + performance.now()
}

const stamp = new Float64Array(1)
const stampBytes = new Uint8Array(stamp.buffer)

/** A fresh payload (never reused: a system may send it zero-copy), stamped now. */
export function makePayload (kind: Kind, size: number): Uint8Array {
  const buf = new Uint8Array(size)
  buf[0] = kind
  stamp[0] = wallNow()
  buf.set(stampBytes, 1)
  return buf
}

/** The send time stamped in a payload. */
export function sentAt (payload: Uint8Array): number {
  return new DataView(payload.buffer, payload.byteOffset, payload.byteLength).getFloat64(1, true)
}

export type Role = 'subscriber' | 'publisher'

export type Request = { id: number } & (
  /** Subscriber process: start `count` subscribers; answers StartedSubscribers. */
  | { op: 'start-subscribers', system: string, count: number, size: number }
  /** Subscriber process: answers ProbeReport once every subscriber has had a probe, or after timeoutMs. */
  | { op: 'await-probes', timeoutMs: number }
  /** Subscriber process: forget the deliveries of `kind` so far (before each measured burst). */
  | { op: 'reset', kind: Kind }
  /** Subscriber process: answers PhaseReport once `expected` deliveries of `kind` arrived, or none came for idleMs (counted from this request at the earliest), or after timeLimitMs. */
  | { op: 'await', kind: Kind, expected: number, idleMs: number, timeLimitMs: number }
  /** Publisher process: start the publisher with the subscriber side's info. */
  | { op: 'start-publisher', system: string, info: unknown, subscribers: number }
  /** Publisher process: a probe every intervalMs until probe-stop or timeLimitMs (answers at once). */
  | { op: 'probe-start', size: number, intervalMs: number, timeLimitMs: number }
  /** Publisher process: answers the number of probes sent. */
  | { op: 'probe-stop' }
  /** Publisher process: `count` messages of `kind` as fast as it can, a turn of the event loop every `yieldEvery`; answers SendReport. */
  | { op: 'burst', kind: Kind, size: number, count: number, yieldEvery: number, timeLimitMs: number }
  /** Publisher process: `count` messages at `rate` per second, timer-driven; answers SendReport. */
  | { op: 'paced', size: number, count: number, rate: number, timeLimitMs: number }
  /** Either: answers its wallNow() (the parent estimates each process's clock offset from it). */
  | { op: 'clock' }
  /** Either: close the system and exit. */
  | { op: 'stop' }
)

export type Response = { id: number } & ({ ok: true, result: unknown } | { ok: false, error: string })

export interface StartedSubscribers { info: unknown }

export interface ProbeReport { ready: number, count: number, ms: number }

export interface SendReport {
  sent: number
  errors: number
  lastError: string
  /** wallNow() before the first send and after the last one. */
  startedAt: number
  endedAt: number
  /** Paced only: the most messages sent in one timer tick to catch up. */
  maxBatch: number
}

export interface PhaseReport {
  delivered: number
  /** Deliveries whose length was not the payload size. */
  malformed: number
  /** Fewest and most deliveries to one subscriber. */
  minPerSubscriber: number
  maxPerSubscriber: number
  /** wallNow() of the first and last delivery, null when none. */
  first: number | null
  last: number | null
  /** Why the wait ended. */
  end: 'complete' | 'idle' | 'time-limit'
  /** One-way latency of every delivery (send stamp to onMessage), microseconds; null when none. */
  p50Us: number | null
  p99Us: number | null
  maxUs: number | null
  meanUs: number | null
}
