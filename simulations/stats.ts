// Small statistics helpers for reports.

/** The q-quantile (0..1) of the values by nearest rank; NaN when there are none. */
export function quantile (values: Float64Array | number[], q: number): number {
  const n = values.length
  if (n === 0) return NaN
  const sorted = Float64Array.from(values).sort()
  const rank = Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))
  return sorted[rank]
}

/** A growable array of doubles (latency samples run to millions). */
export class Samples {
  private data = new Float64Array(1024)
  length = 0

  push (v: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2)
      grown.set(this.data)
      this.data = grown
    }
    this.data[this.length++] = v
  }

  values (): Float64Array {
    return this.data.subarray(0, this.length)
  }

  quantile (q: number): number {
    return quantile(this.values(), q)
  }
}

export function round (v: number, digits = 3): number {
  if (!Number.isFinite(v)) return v
  const f = 10 ** digits
  return Math.round(v * f) / f
}
