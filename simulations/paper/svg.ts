// A small SVG writer for cumulative distributions: step lines, linear or log-10 x axis, axis
// ticks, a legend. Plain strings, no dependencies; the output opens in any browser.

export interface Series {
  label: string
  /** [x, cumulative fraction] steps, x ascending. */
  points: ReadonlyArray<readonly [number, number]>
  color?: string
  dashed?: boolean
}

export interface PlotOptions {
  title: string
  xLabel: string
  yLabel?: string
  series: readonly Series[]
  logX?: boolean
  /** Fixed x range; defaults to the data's. */
  xMin?: number
  xMax?: number
  width?: number
  height?: number
}

const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b']

export function cdfPlot (o: PlotOptions): string {
  const W = o.width ?? 640
  const H = o.height ?? 400
  const m = { left: 64, right: 20, top: 36, bottom: 52 }
  const pw = W - m.left - m.right
  const ph = H - m.top - m.bottom
  const xs = o.series.flatMap(s => s.points.map(p => p[0])).filter(x => Number.isFinite(x) && (!o.logX || x > 0))
  let lo = o.xMin ?? (xs.length > 0 ? Math.min(...xs) : 0)
  let hi = o.xMax ?? (xs.length > 0 ? Math.max(...xs) : 1)
  if (o.logX) { lo = Math.max(lo, 1e-9); if (hi <= lo) hi = lo * 10 } else if (hi <= lo) hi = lo + 1
  const fx = o.logX
    ? (x: number): number => m.left + (Math.log10(Math.max(x, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) * pw
    : (x: number): number => m.left + (x - lo) / (hi - lo) * pw
  const fy = (y: number): number => m.top + (1 - y) * ph
  const out: string[] = []
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`)
  out.push(`<rect width="${W}" height="${H}" fill="white"/>`)
  out.push(`<text x="${W / 2}" y="20" text-anchor="middle" font-size="14">${esc(o.title)}</text>`)
  // Axes and ticks.
  out.push(`<line x1="${m.left}" y1="${m.top + ph}" x2="${m.left + pw}" y2="${m.top + ph}" stroke="black"/>`)
  out.push(`<line x1="${m.left}" y1="${m.top}" x2="${m.left}" y2="${m.top + ph}" stroke="black"/>`)
  for (let i = 0; i <= 5; i++) {
    const y = i / 5
    out.push(`<line x1="${m.left - 4}" y1="${fy(y)}" x2="${m.left + pw}" y2="${fy(y)}" stroke="#ddd"/>`)
    out.push(`<text x="${m.left - 8}" y="${fy(y) + 4}" text-anchor="end">${y.toFixed(1)}</text>`)
  }
  for (const t of o.logX ? logTicks(lo, hi) : niceTicks(lo, hi)) {
    const x = fx(t)
    out.push(`<line x1="${x}" y1="${m.top + ph}" x2="${x}" y2="${m.top + ph + 4}" stroke="black"/>`)
    out.push(`<text x="${x}" y="${m.top + ph + 18}" text-anchor="middle">${fmt(t)}</text>`)
  }
  out.push(`<text x="${m.left + pw / 2}" y="${H - 12}" text-anchor="middle">${esc(o.xLabel)}</text>`)
  out.push(`<text transform="translate(16 ${m.top + ph / 2}) rotate(-90)" text-anchor="middle">${esc(o.yLabel ?? 'cumulative fraction')}</text>`)
  // Series as steps: horizontal at the previous fraction, then up at each x.
  o.series.forEach((s, i) => {
    const color = s.color ?? PALETTE[i % PALETTE.length]
    const pts = s.points.filter(p => Number.isFinite(p[0]) && (!o.logX || p[0] > 0))
    if (pts.length === 0) return
    let d = `M${fx(pts[0][0]).toFixed(1)},${fy(0).toFixed(1)}`
    let prev = 0
    for (const [x, y] of pts) {
      d += ` L${fx(x).toFixed(1)},${fy(prev).toFixed(1)} L${fx(x).toFixed(1)},${fy(y).toFixed(1)}`
      prev = y
    }
    out.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="1.6"${s.dashed === true ? ' stroke-dasharray="6 4"' : ''}/>`)
    const ly = m.top + ph - 14 - (o.series.length - 1 - i) * 16
    const lx = m.left + pw - 210
    out.push(`<line x1="${lx}" y1="${ly}" x2="${lx + 24}" y2="${ly}" stroke="${color}" stroke-width="2"${s.dashed === true ? ' stroke-dasharray="6 4"' : ''}/>`)
    out.push(`<text x="${lx + 30}" y="${ly + 4}">${esc(s.label)}</text>`)
  })
  out.push('</svg>')
  return out.join('\n') + '\n'
}

function niceTicks (lo: number, hi: number): number[] {
  const span = hi - lo
  const step0 = 10 ** Math.floor(Math.log10(span / 5))
  const step = [1, 2, 5, 10].map(f => f * step0).find(s => span / s <= 6) ?? step0 * 10
  const out: number[] = []
  for (let t = Math.ceil(lo / step) * step; t <= hi + 1e-9; t += step) out.push(Math.round(t / step) * step)
  return out
}

function logTicks (lo: number, hi: number): number[] {
  const out: number[] = []
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    const t = 10 ** e
    if (t >= lo * 0.999 && t <= hi * 1.001) out.push(t)
  }
  return out
}

function fmt (v: number): string {
  if (Math.abs(v) >= 1000) return v.toLocaleString('en-US', { maximumFractionDigits: 0 })
  return String(Math.round(v * 1000) / 1000)
}

function esc (s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
