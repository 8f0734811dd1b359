// Small number helpers for the benchmark's report.

/** Nearest-rank percentile (q in 0..1) of unsorted values; null when there are none. */
export function percentile (values: readonly number[], q: number): number | null {
  if (values.length === 0) return null
  const sorted = Float64Array.from(values).sort()
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)))
  return sorted[rank - 1]
}

export function round (x: number | null, digits = 2): number | null {
  if (x === null || !Number.isFinite(x)) return null
  const f = 10 ** digits
  return Math.round(x * f) / f
}

export function ratio (a: number | null, b: number | null, digits = 3): number | null {
  if (a === null || b === null || b === 0) return null
  return round(a / b, digits)
}

export function fmt (x: number | null, digits = 1, unit = ''): string {
  if (x === null) return 'n/a'
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) + unit
}
