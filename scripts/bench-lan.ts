// npm run bench:lan — messaging systems on loopback, 1 publisher process -> 1 subscriber
// process holding N subscribers, against raw zeromq.js as the baseline.
// For each (system, subscribers, payload size) a fresh pair of processes
// (scripts/bench-lan/harness.ts, scripts/bench-lan/worker.ts):
//  1. warm-up: a probe every 50 ms until every subscriber has had one (30 s at most, else
//     that case fails; this also covers PUB/SUB's slow joiner);
//  2. throughput: --bursts bursts of --messages sent as fast as the publisher can (20 s at
//     most each); a burst ends when every delivery arrived or none came for 2 s; delivered
//     msgs/s = deliveries over all subscribers / (last delivery - first send), the median
//     burst; loss = 1 - deliveries / expected over every burst;
//  3. latency: --rate msgs/s for --seconds, one-way latency of every delivery (send stamp in
//     the payload, performance.timeOrigin + performance.now(), one clock on this machine),
//     p50 and p99 in µs; measured twice, unloaded before the bursts and after them (the
//     table's "p50 unloaded" and "after/unloaded" columns: did the system recover?).
// Systems are pluggable (scripts/bench-lan/system.ts, registered in scripts/bench-lan/systems.ts):
//   zeromq          raw zeromq.js, the baseline: PUSH/PULL for 1 subscriber, PUB/SUB for more
//                   (scripts/bench-lan/raw-zmq.ts)
//   zeromq-curve    the same with CURVE encryption
//   meshcast-zmq    one meshcast node per subscriber, data over ZeroMQ CURVE lanes
//   meshcast-libp2p the same nodes with lan: false (scripts/bench-lan/meshcast.ts)
// Prints a table, then one JSON line with every case and the ratios system / zeromq.
// Every process it starts is stopped by PID at the end of its case, on error and on SIGINT.
// Options:
//   --systems zeromq,...   which systems, in this order (default: every registered one)
//   --subs 1,10            subscriber counts            --sizes 100,1024   payload bytes (>= 9)
//   --messages N           sends per throughput burst (default 100,000 for payloads < 1 KiB, 50,000 from 1 KiB)
//   --bursts 3             throughput bursts per case; the figure is the median burst
//   --rate 2000 --seconds 3   latency phase
//   --json-out FILE        also write the JSON to FILE
// Exit code: 0, 1 when a case failed, 2 for bad options (an unknown system among them).
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { livePids, shutdown, stopAllOnSignals } from './bench-node/procs.ts'
import { fmt, ratio, round } from './bench-node/stats.ts'
import { BASELINE, ratios, runAll } from './bench-lan/harness.ts'
import type { CaseResult } from './bench-lan/harness.ts'
import { HEADER_BYTES } from './bench-lan/protocol.ts'
import { knownSystems } from './bench-lan/systems.ts'

const log = (s: string): void => { process.stderr.write(s + '\n') }

function usage (message: string): never {
  log(`[bench:lan] ${message}`)
  process.exit(2)
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        systems: { type: 'string' },
        subs: { type: 'string' },
        sizes: { type: 'string' },
        messages: { type: 'string' },
        bursts: { type: 'string' },
        rate: { type: 'string' },
        seconds: { type: 'string' },
        'json-out': { type: 'string' }
      }
    })
  } catch (err) {
    return usage((err as Error).message)
  }
})()

function positiveInts (name: string, s: string, min = 1): number[] {
  const xs = s.split(',').map(x => x.trim()).filter(x => x !== '').map(Number)
  if (xs.length === 0 || xs.some(x => !Number.isInteger(x) || x < min)) usage(`--${name} wants integers >= ${min}, comma-separated, not '${s}'`)
  return xs
}

function positive (name: string, s: string | undefined, dflt: number): number {
  if (s === undefined) return dflt
  const x = Number(s)
  if (!Number.isFinite(x) || x <= 0) usage(`--${name} wants a number > 0, not '${s}'`)
  return x
}

const known = knownSystems()
const systems = values.systems === undefined ? known : values.systems.split(',').map(x => x.trim()).filter(x => x !== '')
const unknown = systems.filter(s => !known.includes(s))
if (unknown.length > 0) usage(`unknown system${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')} (known: ${known.join(', ')})`)
if (systems.length === 0) usage(`--systems is empty (known: ${known.join(', ')})`)
const subs = positiveInts('subs', values.subs ?? '1,10')
const sizes = positiveInts('sizes', values.sizes ?? '100,1024', HEADER_BYTES)
const messagesOpt = values.messages === undefined ? undefined : positiveInts('messages', values.messages)[0]
const messages = (size: number): number => messagesOpt ?? (size < 1024 ? 100_000 : 50_000)
const bursts = positiveInts('bursts', values.bursts ?? '3')[0]
const rate = positive('rate', values.rate, 2000)
const seconds = positive('seconds', values.seconds, 3)
const jsonOut = values['json-out'] === undefined ? undefined : resolve(values['json-out'])

stopAllOnSignals()

async function main (): Promise<number> {
  const t0 = performance.now()
  log(`[bench:lan] systems ${systems.join(', ')}; subscribers ${subs.join(', ')}; sizes ${sizes.join(', ')} B; latency ${rate} msgs/s for ${seconds} s`)
  const results = await runAll({ systems, subs, sizes, messages, bursts, rate, seconds }, log)
  const left = livePids()
  if (left.length > 0) log(`[bench:lan] still running after stop: ${left.join(' ')}`)
  report(results, Math.round(performance.now() - t0))
  return results.every(r => r.ok) ? 0 : 1
}

function pct (x: number | null | undefined): string {
  return x === null || x === undefined ? 'n/a' : `${(x * 100).toFixed(2)}%`
}

function report (results: CaseResult[], wallMs: number): void {
  const out: string[] = []
  const row = (cells: string[]): void => { out.push('| ' + cells.join(' | ') + ' |') }
  out.push(`1 publisher process -> 1 subscriber process holding N subscribers, loopback; throughput: median of ${bursts} bursts of ${sizes.map(s => `${messages(s).toLocaleString('en-US')} x ${s} B`).join(', ')} as fast as possible; latency: ${rate} msgs/s for ${seconds} s`, '')
  row(['system', 'subs', 'size (B)', 'delivered msgs/s', 'p50 µs', 'p99 µs', 'loss (throughput)', 'loss (latency)', 'p50 unloaded µs', 'p50 after/unloaded'])
  row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:'])
  for (const r of results) {
    if (!r.ok && r.throughput === null) {
      row([r.system, String(r.subscribers), String(r.size), 'FAILED', '', '', '', '', fmt(r.latencyUnloaded?.p50Us ?? null, 0), ''])
      continue
    }
    const recovery = ratio(r.latency?.p50Us ?? null, r.latencyUnloaded?.p50Us ?? null)
    row([
      r.system, String(r.subscribers), String(r.size),
      fmt(r.throughput?.deliveredPerSec ?? null, 0), fmt(r.latency?.p50Us ?? null, 0), fmt(r.latency?.p99Us ?? null, 0),
      pct(r.throughput?.loss), pct(r.latency?.loss), fmt(r.latencyUnloaded?.p50Us ?? null, 0), recovery === null ? 'n/a' : `${recovery}`
    ])
  }
  out.push('')
  for (const r of results) {
    const label = `${r.system} 1->${r.subscribers} ${r.size} B`
    if (r.error !== null) out.push(`${label}: FAILED: ${r.error}`)
    const t = r.throughput
    if (t !== null) {
      const notes: string[] = []
      t.bursts.forEach((x, k) => { if (x.sent < t.planned) notes.push(`burst ${k + 1}: sent only ${x.sent} of ${t.planned} within the time limit`) })
      if (t.sendErrors > 0) notes.push(`${t.sendErrors} send errors`)
      if (t.malformed > 0) notes.push(`${t.malformed} malformed deliveries`)
      t.bursts.forEach((x, k) => { if (x.end !== 'complete') notes.push(`burst ${k + 1}: deliveries stopped (${x.end}) at ${x.delivered} of ${x.expected}, per subscriber ${x.minPerSubscriber}..${x.maxPerSubscriber}`) })
      out.push(`${label}: throughput: ${t.delivered}/${t.expected} deliveries; bursts (delivered msgs/s, publisher msgs/s, ms): ${t.bursts.map(x => `${fmt(x.deliveredPerSec, 0)} ${fmt(x.publishedPerSec, 0)} ${fmt(x.windowMs, 0)}`).join(' | ')}${notes.length > 0 ? '; ' + notes.join('; ') : ''}`)
    }
    const l = r.latency
    if (l !== null) {
      const notes: string[] = []
      if (l.sent < l.planned) notes.push(`sent only ${l.sent} of ${l.planned}`)
      if (l.sendErrors > 0) notes.push(`${l.sendErrors} send errors`)
      if (l.malformed > 0) notes.push(`${l.malformed} malformed deliveries`)
      const c = r.clock
      const skew = c === null ? '' : `, clock skew sub - pub ${c.skewUs} ± ${c.errorUs} µs${c.corrected ? ' (corrected for)' : ''} (${c.burstSkewUs} before the bursts, ${c.skewAfterUs} after)`
      out.push(`${label}: latency: ${l.delivered}/${l.expected} deliveries, mean ${fmt(l.meanUs, 0)} µs, max ${fmt(l.maxUs, 0)} µs, largest catch-up batch ${l.maxBatch}${skew}${notes.length > 0 ? '; ' + notes.join('; ') : ''}`)
    }
    const u = r.latencyUnloaded
    if (u !== null) out.push(`${label}: latency unloaded (before the bursts): ${u.delivered}/${u.expected} deliveries, p50 ${fmt(u.p50Us, 0)} µs, p99 ${fmt(u.p99Us, 0)} µs, mean ${fmt(u.meanUs, 0)} µs, max ${fmt(u.maxUs, 0)} µs`)
  }
  const rs = ratios(results)
  if (rs.length > 0) {
    out.push('', `ratios against ${BASELINE} (throughput: higher is better; p50: lower is better):`)
    for (const x of rs) out.push(`  ${x.system} 1->${x.subs} ${x.size} B: throughput x${x.throughputRatio ?? 'n/a'}, p50 x${x.p50Ratio ?? 'n/a'}`)
  }
  out.push('', `wall ${(wallMs / 1000).toFixed(1)} s`)
  process.stdout.write(out.join('\n') + '\n')

  const one = rs.find(x => x.system === 'meshcast-zmq' && x.subs === 1 && x.size === 100)
  const json = JSON.stringify({
    bench: 'lan',
    systems,
    subs,
    sizes,
    messages: Object.fromEntries(sizes.map(s => [s, messages(s)])),
    bursts,
    rate,
    seconds,
    baseline: BASELINE,
    results: results.map(r => ({
      ...r,
      deliveredPerSec: r.throughput?.deliveredPerSec ?? null,
      p50Us: r.latency?.p50Us ?? null,
      p99Us: r.latency?.p99Us ?? null,
      loss: r.throughput?.loss ?? null,
      pacedLoss: r.latency?.loss ?? null,
      p50UnloadedUs: r.latencyUnloaded?.p50Us ?? null,
      p50AfterOverUnloaded: ratio(r.latency?.p50Us ?? null, r.latencyUnloaded?.p50Us ?? null)
    })),
    throughputRatio1to1: one?.throughputRatio ?? null,
    p50Ratio1to1: one?.p50Ratio ?? null,
    ratios: rs,
    allOk: results.every(r => r.ok),
    wallMs: round(wallMs, 0)
  })
  if (jsonOut !== undefined) writeFileSync(jsonOut, json + '\n')
  process.stdout.write(json + '\n')
}

main().then(
  async code => { await shutdown(code) },
  async (err: unknown) => { log(`[bench:lan] failed: ${(err as Error).stack ?? String(err)}`); await shutdown(1) }
)
