// The simulated network, as plain options. Latency between two peers comes from seeded
// coordinates (never an all-pairs matrix) plus jitter; links are FIFO like a stream; loss and
// partitions drop silently. A message to a crashed process is refused, and the sender hears
// of it one round trip later, as a TCP reset tells a libp2p connection (crashNotice).
import type { Rng } from '../src/core/rng.ts'

export interface NetworkOptions {
  /** Minimum one-way delay in ms. */
  baseMs: number
  /** One-way delay added per unit of distance in the unit square (diagonal ~1.41). */
  scaleMs: number
  /** Uniform extra delay per message, 0..jitterMs. */
  jitterMs: number
  /** Probability that a message is lost. */
  loss: number
  /** Senders learn that a crashed peer is gone one round trip after sending to it. */
  crashNotice: boolean
}

export const NETWORK_DEFAULTS: Readonly<NetworkOptions> = Object.freeze({
  baseMs: 2,
  scaleMs: 100,
  jitterMs: 2,
  loss: 0,
  crashNotice: true
})

/** Where a peer sits, for the latency model. */
export interface Place {
  x: number
  y: number
}

export interface LatencyModel {
  /** One-way delay between two peers without jitter, in ms. */
  latency: (a: number, b: number) => number
  place: (index: number, rng: Rng) => void
}

/** Euclidean delay on the unit square: base + distance × scale. */
export class CoordinateLatency implements LatencyModel {
  private xs: Float64Array = new Float64Array(1024)
  private ys: Float64Array = new Float64Array(1024)
  private readonly options: NetworkOptions

  constructor (options: NetworkOptions) {
    this.options = options
  }

  place (index: number, rng: Rng): void {
    if (index >= this.xs.length) {
      const n = Math.max(index + 1, this.xs.length * 2)
      const xs = new Float64Array(n); xs.set(this.xs); this.xs = xs
      const ys = new Float64Array(n); ys.set(this.ys); this.ys = ys
    }
    this.xs[index] = rng.next()
    this.ys[index] = rng.next()
  }

  latency (a: number, b: number): number {
    const dx = this.xs[a] - this.xs[b]
    const dy = this.ys[a] - this.ys[b]
    return this.options.baseMs + Math.sqrt(dx * dx + dy * dy) * this.options.scaleMs
  }
}

/** FIFO links: a message never overtakes an earlier one on the same directed link. */
export class Links {
  private readonly lastArrival = new Map<number, number>()

  arrival (from: number, to: number, at: number): number {
    const key = from * 2097152 + to
    const last = this.lastArrival.get(key)
    const t = last !== undefined && last > at ? last : at
    this.lastArrival.set(key, t)
    return t
  }
}
